"""Tests of detente.nlp: loading the spaCy pipeline and splitting an article into indexed sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from detente.article import Article, article_from_text
from detente.errors import DetenteError, ModelError
from detente.nlp import Sentence, load_pipeline, split_sentences

if TYPE_CHECKING:
    from spacy.language import Language

SCRAPED = """\
## Kenya and Tanzania ministers meet in Arusha. Talks focus on trucks. Border reopens

Trade ministers agreed to cut waiting times at the Namanga crossing. A joint committee will meet monthly.

Lorries queue at the Namanga border post on Tuesday © Example Photo Agency

Lorries queue at the Namanga border post on Tuesday, where drivers say they wait for days. Some wait longer.

The trade ministers of Kenya and Tanzania met in Arusha on Tuesday. They agreed to share customs data.

Tanzania will host the next round in Dodoma in July, officials said. Uganda has asked to join the talks.
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def build_article() -> Article:
    """Headline, standfirst, one caption and two body paragraphs, set explicitly."""
    return Article(
        id="kenya-tanzania",
        title="Kenya and Tanzania ministers meet in Arusha. Talks focus on trucks. Border reopens",
        standfirst="Trade ministers agreed to cut waiting times at the Namanga crossing. "
                   "A joint committee will meet monthly.",
        captions=["Lorries queue at the Namanga border post on Tuesday, where drivers wait for days. "
                  "Some wait longer."],
        paragraphs=[
            "The trade ministers of Kenya and Tanzania met in Arusha on Tuesday. They agreed to share customs data.",
            "Tanzania will host the next round in Dodoma in July, officials said. Uganda has asked to join.",
        ],
    )


KIND_ORDER = {"headline": 0, "standfirst": 1, "caption": 2, "body": 3}


def test_indices_are_0_to_n_minus_1_in_order(nlp: Language) -> None:
    sents = split_sentences(build_article(), nlp)
    assert [s.index for s in sents] == list(range(len(sents)))
    assert all(isinstance(s, Sentence) for s in sents)


def test_kinds_come_headline_standfirst_captions_body(nlp: Language) -> None:
    art = build_article()
    sents = split_sentences(art, nlp)
    kinds = [s.kind for s in sents]
    assert kinds == sorted(kinds, key=KIND_ORDER.__getitem__)
    assert set(kinds) == {"headline", "standfirst", "caption", "body"}
    # segment numbers follow Article.segments() and never go back
    segs = [s.segment for s in sents]
    assert segs == sorted(segs)
    segments = art.segments()
    for s in sents:
        assert segments[s.segment][0] == s.kind
        assert s.text in segments[s.segment][1]


def test_headline_is_one_sentence_even_with_full_stops(nlp: Language) -> None:
    art = build_article()
    sents = split_sentences(art, nlp)
    heads = [s for s in sents if s.kind == "headline"]
    assert len(heads) == 1
    assert heads[0].index == 0
    assert heads[0].text == art.title


def test_body_paragraphs_are_split_into_sentences(nlp: Language) -> None:
    sents = split_sentences(build_article(), nlp)
    body = [s for s in sents if s.kind == "body"]
    assert len(body) >= 4      # two paragraphs of two sentences each
    assert body[0].text.startswith("The trade ministers of Kenya and Tanzania met")
    assert {s.segment for s in body} == {3, 4}


def test_every_segment_text_is_covered(nlp: Language) -> None:
    art = build_article()
    sents = split_sentences(art, nlp)
    for seg_idx, (_, text) in enumerate(art.segments()):
        joined = " ".join(s.text for s in sents if s.segment == seg_idx)
        assert joined.split() == text.split()


def test_article_from_text_order(nlp: Language) -> None:
    art = article_from_text(SCRAPED, "kenya-tanzania")
    sents = split_sentences(art, nlp)
    assert [s.index for s in sents] == list(range(len(sents)))
    kinds = [s.kind for s in sents]
    assert kinds[0] == "headline"
    assert kinds == sorted(kinds, key=KIND_ORDER.__getitem__)
    assert kinds.count("headline") == 1
    assert sents[0].text == art.title
    assert "body" in kinds


def test_split_is_deterministic(nlp: Language) -> None:
    art = article_from_text(SCRAPED, "kenya-tanzania")
    a = [(s.index, s.kind, s.segment, s.text) for s in split_sentences(art, nlp)]
    b = [(s.index, s.kind, s.segment, s.text) for s in split_sentences(art, nlp)]
    assert a == b


def test_default_pipeline_is_used_when_none_given(nlp: Language) -> None:
    art = build_article()
    with_default = [(s.index, s.text) for s in split_sentences(art)]
    assert with_default == [(s.index, s.text) for s in split_sentences(art, nlp)]


def test_body_only_article_starts_at_zero(nlp: Language) -> None:
    art = Article(id="x", paragraphs=["Chile and Peru signed a fisheries pact. Both sides welcomed it."])
    sents = split_sentences(art, nlp)
    assert [s.index for s in sents] == list(range(len(sents)))
    assert {s.kind for s in sents} == {"body"}


def test_no_empty_sentences(nlp: Language) -> None:
    art = Article(id="x", title="Talks resume", paragraphs=["Talks resumed.   \n\n  ", "  Both sides met.  "])
    sents = split_sentences(art, nlp)
    assert all(s.text.strip() for s in sents)


def test_load_pipeline_is_cached() -> None:
    assert load_pipeline() is load_pipeline()


def test_load_pipeline_unknown_model_raises_model_error() -> None:
    with pytest.raises(ModelError) as info:
        load_pipeline("no_such_model")
    err = info.value
    assert isinstance(err, DetenteError)
    assert "no_such_model" in err.one_line()
    assert "\n" not in err.one_line()


def test_detente_model_env_var_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_MODEL", "no_such_model_from_env")
    # the cache is keyed on the resolved model name, so the variable is read on every call
    with pytest.raises(ModelError, match="no_such_model_from_env"):
        load_pipeline(None)
