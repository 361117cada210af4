"""The pre-filter changes no output: the same events with and without it, article by article.

Checked on examples/ always, and on the seed article, the 33 dev documents and gsr-dev when ../shared is
present or $DETENTE_SPEC names the spec folder (skipped cleanly otherwise). Batch parsing (many articles in
one spaCy stream) is checked too, and the attribute ruler matched by index against spaCy's own.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from detente.article import Article, iter_articles
from detente.coder import Coder
from detente.fastpipe import cached_lemmatizer, fast_attribute_ruler
from detente.fastpipe import pipe as fast_pipe
from detente.prefilter import PreFilter

ROOT = Path(__file__).resolve().parents[1]
# $DETENTE_SPEC: the shared spec folder when it is not ../shared/spec (as from a git worktree)
SPEC = Path(os.environ.get("DETENTE_SPEC") or ROOT.parent / "shared" / "spec")
SEED_TXT = SPEC / "seed" / "ft-2023-06-06-blinken-china.txt"
needs_shared = pytest.mark.skipif(not SEED_TXT.exists(), reason="../shared/spec is not present")


@pytest.fixture(scope="module")
def plain() -> Coder:
    return Coder(prefilter=False)


@pytest.fixture(scope="module")
def filtered() -> Coder:
    return Coder(prefilter=True)


def _articles(*paths: Path) -> list[Article]:
    out: list[Article] = []
    for p in paths:
        files = sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p]
        for f in files:
            for item in iter_articles(f):
                assert not isinstance(item, Exception), item
                out.append(item)
    return out


def _events(coder: Coder, article: Article, published: date | None = None) -> list[dict[str, Any]]:
    return [e.to_dict() for e in coder.code_article(article, published).events]


def _same(plain: Coder, filtered: Coder, articles: list[Article], published: date | None = None) -> int:
    n = 0
    for a in articles:
        want = _events(plain, a, published)
        assert _events(filtered, a, published) == want, a.id
        n += len(want)
    return n


def test_examples_identical(plain: Coder, filtered: Coder) -> None:
    assert _same(plain, filtered, _articles(ROOT / "examples")) > 0


def test_batch_parse_identical(plain: Coder, filtered: Coder) -> None:
    arts = _articles(ROOT / "examples")
    batched = [[e.to_dict() for e in r.events] for r in filtered.code_articles(arts, batch_size=2)]
    assert batched == [_events(plain, a) for a in arts]


def test_filter_skips_work(filtered: Coder) -> None:
    pf = filtered.prefilter
    assert isinstance(pf, PreFilter)
    before = pf.skipped_sentences
    text = "Talks\n\nThe weather was mild and the harvest was good.\n\nChina expelled a Japanese diplomat on Monday."
    events = filtered.code_text(text, "t", date(2024, 5, 8))
    assert events  # the coded sentence still yields its event
    assert pf.skipped_sentences == before + 1


def test_trigger_words_come_from_the_lexicon(filtered: Coder) -> None:
    pf = filtered.prefilter
    assert pf is not None
    doc = filtered.nlp("The ministers met.")
    assert pf.span_may_code(doc[:], "body")
    assert not pf.span_may_code(filtered.nlp("The weather was mild.")[:], "body")
    assert pf.span_may_code(filtered.nlp("The weather was mild on Monday.")[:], "body")   # a narrative date


@needs_shared
def test_seed_identical(plain: Coder, filtered: Coder) -> None:
    assert _same(plain, filtered, _articles(SEED_TXT), date(2023, 6, 6)) >= 10


@needs_shared
def test_dev_identical(plain: Coder, filtered: Coder) -> None:
    arts = _articles(SPEC / "dev" / "docs.jsonl")
    assert len(arts) == 33
    assert _same(plain, filtered, arts) > 0


@needs_shared
def test_gsr_dev_identical(plain: Coder, filtered: Coder) -> None:
    assert _same(plain, filtered, _articles(SPEC / "gsr-dev" / "docs.jsonl")) > 0


# ---------------------------------------------------------------- the attribute ruler matched by index
def _parse_signature(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]


def _texts(*paths: Path) -> list[str]:
    return [t for a in _articles(*paths) for _, t in a.segments()]


def _same_parses(nlp: Any, texts: list[str]) -> None:
    ruler, lemmatizer = fast_attribute_ruler(nlp), cached_lemmatizer(nlp)
    assert ruler is not None and lemmatizer is not None
    want = [_parse_signature(d) for d in nlp.pipe(texts, batch_size=64)]
    got = [_parse_signature(d) for d in fast_pipe(nlp, texts, 64, ruler=ruler, lemmatizer=lemmatizer)]
    assert lemmatizer._cache   # the cache was used: texts repeat forms
    assert len(got) == len(want)
    for text, g, w in zip(texts, got, want, strict=True):
        assert g == w, text


def test_fast_ruler_parses_identical_examples(plain: Coder) -> None:
    texts = _texts(ROOT / "examples")
    # tokens the model's lemma and tag exceptions are about, and spaces the ruler retags
    texts.append("They ain't gonna wait  \n\n and we don't wanna either , y'all said.   ")
    _same_parses(plain.nlp, texts)


@needs_shared
def test_fast_ruler_parses_identical_shared(plain: Coder) -> None:
    _same_parses(plain.nlp, _texts(SEED_TXT, SPEC / "dev" / "docs.jsonl", SPEC / "gsr-dev" / "docs.jsonl"))


def test_fast_ruler_rules_in_order() -> None:
    import spacy

    def build() -> Any:
        nlp = spacy.blank("en")
        ar = nlp.add_pipe("attribute_ruler")
        ar.add([[{"LOWER": "new"}, {"LOWER": {"IN": ["york", "delhi"]}}]], {"LEMMA": "NEWPLACE"}, index=-1)
        ar.add([[{"LOWER": {"REGEX": "^del"}}]], {"LEMMA": "later"})   # a later rule wins on the same token
        ar.add([[{"IS_SPACE": False, "LOWER": {"NOT_IN": ["new", "york", "delhi"]}}]], {"POS": "X"})
        return nlp

    nlp = build()
    ruler = fast_attribute_ruler(nlp)
    assert ruler is not None
    text = "From New York to New Delhi  and back"
    want = [(t.lemma_, t.pos_) for t in nlp(text)]
    got = [(t.lemma_, t.pos_) for t in next(fast_pipe(build(), [text], ruler=ruler))]
    assert got == want
    assert got[2] == ("NEWPLACE", "") and got[5] == ("later", "") and got[0] == ("", "X")


def test_cached_lemmatizer_only_for_spacy_rule_lemmatizer() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert cached_lemmatizer(nlp) is None
    assert cached_lemmatizer(spacy.blank("en")) is None


def test_fast_ruler_refuses_other_patterns() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert fast_attribute_ruler(nlp) is None
    assert fast_attribute_ruler(spacy.blank("en")) is None
