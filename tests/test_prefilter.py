"""The pre-filter changes no output: the same events with and without it, article by article.

Checked on examples/ always, and on the seed article, the 33 dev documents and gsr-dev when ../shared is
present (skipped cleanly otherwise). Batch parsing (many articles in one spaCy stream) is checked too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from detente.article import Article, iter_articles
from detente.coder import Coder
from detente.prefilter import PreFilter

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "spec"
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
