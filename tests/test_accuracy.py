"""Accuracy of the coder on the public gold sets (skipped when ../shared is absent).

The bars are the ones the coder and time-and-place issues set: seed F1 >= 0.93 with every required event
found and every gold date (8/8) and location (9/9) right; dev F1 >= 0.80 with date and location accuracy
>= 0.90 on matched events. The same code runs on documents nobody here has seen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.article import iter_articles, read_articles
from detente.coder import Coder
from detente.eval import EvalReport, load_gold, score

SPEC = Path(__file__).resolve().parents[1].parent / "shared" / "spec"
SEED_TXT = SPEC / "seed" / "ft-2023-06-06-blinken-china.txt"
pytestmark = pytest.mark.skipif(not SEED_TXT.exists(), reason="../shared/spec is not present")


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="module")
def seed_report(coder: Coder) -> EvalReport:
    article = read_articles(SEED_TXT)[0]
    events = coder.code_article(article, date(2023, 6, 6)).events
    return score(load_gold(SPEC / "seed" / "gold.jsonl"), [e.to_dict() for e in events])


@pytest.fixture(scope="module")
def dev_report(coder: Coder) -> EvalReport:
    preds = []
    for item in iter_articles(SPEC / "dev" / "docs.jsonl"):
        assert not isinstance(item, Exception), item
        preds.extend(e.to_dict() for e in coder.code_article(item).events)
    return score(load_gold(SPEC / "dev" / "gold.jsonl"), preds)


def test_seed_finds_every_required_event(seed_report: EvalReport) -> None:
    assert seed_report.misses == [], seed_report.render(verbose=True)
    assert seed_report.f1 >= 0.93, seed_report.render(verbose=True)


def test_seed_dates_and_places(seed_report: EvalReport) -> None:
    assert seed_report.date_acc.correct == seed_report.date_acc.scored == 8, seed_report.render(verbose=True)
    assert seed_report.location_acc.correct == seed_report.location_acc.scored == 9, seed_report.render(
        verbose=True)


def test_dev_f1(dev_report: EvalReport) -> None:
    assert dev_report.f1 >= 0.80, dev_report.render(verbose=True)


def test_dev_dates_and_places(dev_report: EvalReport) -> None:
    assert dev_report.date_acc.rate >= 0.90, dev_report.render(verbose=True)
    assert dev_report.location_acc.rate >= 0.90, dev_report.render(verbose=True)


def test_no_event_defaults_to_the_publication_date(coder: Coder) -> None:
    """An action with no time in the text stays undated (EVENTS.md: never the publication date by default)."""
    from detente.article import article_from_text

    text = "Japan's foreign minister met her Philippine counterpart in Manila. They agreed to hold joint patrols."
    events = coder.code_article(article_from_text(text, "t", published=date(2024, 6, 5))).events
    assert events
    assert all(e.date is None for e in events if e.event_type == "CONSULT")
