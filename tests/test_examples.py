"""The example corpus under examples/usa-china-2023: every article reads, carries its date, and codes its story.

The reader checks are exact (headline, publication date from the ``Published:`` line, wire dateline moved to
metadata, length); the coder checks cover only the engagements the corpus exists to show (the Blinken trip's
lifecycle, the Shangri-La refusal, the Woodside summit), by type, status, dyad, date and place.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from detente.article import Article, read_articles
from detente.cli import ARTICLE_SUFFIXES
from detente.coder import Coder
from detente.record import Event

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "usa-china-2023"
NAME_RE = re.compile(r"(\d{4}-\d{2}-\d{2})-[a-z0-9-]+\.md")
ARTICLE_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)


def _article(name: str) -> Article:
    arts = read_articles(CORPUS / name)
    assert len(arts) == 1
    return arts[0]


def test_corpus_size() -> None:
    assert len(ARTICLE_FILES) >= 18


def test_only_dated_articles_have_an_article_suffix() -> None:
    # README and the checklist must not be coded as articles when the folder is coded or ingested
    for p in ARTICLE_FILES:
        assert NAME_RE.fullmatch(p.name), p.name
    assert (CORPUS / "README").is_file()
    assert (CORPUS / "expected.csv").is_file()


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_article_reads_with_headline_date_and_dateline(path: Path) -> None:
    art = _article(path.name)
    m = NAME_RE.fullmatch(path.name)
    assert m is not None
    assert art.published == date.fromisoformat(m.group(1))
    assert art.title
    assert art.dateline, "the wire dateline (PLACE, Mon. D —) should be moved into metadata"
    first = art.paragraphs[0]
    assert not first.upper().startswith(art.dateline.upper() + ","), first[:40]
    words = len(art.text.split())
    assert 150 <= words <= 350, words


def test_checklist_dates_are_publication_dates() -> None:
    published = {date.fromisoformat(NAME_RE.fullmatch(p.name).group(1))  # type: ignore[union-attr]
                 for p in ARTICLE_FILES}
    with (CORPUS / "expected.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 20
    history_key = next(k for k in rows[0] if k.startswith("status history"))
    for row in rows:
        days = re.findall(r"\b(\d{2})-(\d{2})\b", row[history_key])
        assert days, row
        for mm, dd in days:
            assert date(2023, int(mm), int(dd)) in published, (row["engagement"], mm, dd)


# ---------------------------------------------------------------------------------------------- coding


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _events(coder: Coder, name: str) -> list[Event]:
    return coder.code_article(_article(name)).events


def _find(events: list[Event], etype: str, status: str, source: str, target: str,
          name: str | None = None) -> list[Event]:
    out = []
    for e in events:
        d = e.to_dict()
        src, tgt = d["source"] or {}, d["target"] or {}
        if d["event_type"] != etype or d["status"] != status:
            continue
        if {src.get("country"), tgt.get("country")} != {source, target}:
            continue
        if name is not None and name not in (src.get("name"), tgt.get("name")):
            continue
        out.append(e)
    return out


def _start(e: Event) -> str | None:
    d = e.to_dict()["date"]
    return d["start"] if d else None


def _place(e: Event) -> str | None:
    loc = e.to_dict()["location"]
    return loc["country"] if loc else None


@pytest.mark.parametrize(
    ("name", "status", "start", "place"),
    [
        ("2023-01-27-blinken-trip-planned.md", "planned", "2023-02-05", "CHN"),
        ("2023-02-03-blinken-postpones-trip-balloon.md", "cancelled", "2023-02-03", "CHN"),
        ("2023-06-14-blinken-trip-announced.md", "planned", "2023-06-18", "CHN"),
        ("2023-06-18-blinken-meets-qin-gang.md", "occurred", "2023-06-18", "CHN"),
    ],
)
def test_blinken_visit_lifecycle(coder: Coder, name: str, status: str, start: str, place: str) -> None:
    hits = _find(_events(coder, name), "CONSULT", status, "USA", "CHN", "Antony Blinken")
    assert any(_start(e) == start and _place(e) == place for e in hits), [e.to_dict() for e in hits]


def test_shangri_la_refusal(coder: Coder) -> None:
    hits = _find(_events(coder, "2023-06-04-shangri-la-li-declines-austin.md"), "REJECT", "occurred",
                 "CHN", "USA", "Li Shangfu")
    assert any(_place(e) == "SGP" for e in hits)


def test_woodside_summit_planned_then_held(coder: Coder) -> None:
    planned = _find(_events(coder, "2023-11-10-biden-xi-summit-planned.md"), "CONSULT", "planned",
                    "USA", "CHN", "Xi Jinping")
    held = _find(_events(coder, "2023-11-16-biden-xi-woodside-summit.md"), "CONSULT", "occurred",
                 "USA", "CHN", "Xi Jinping")
    assert any(_start(e) == "2023-11-15" for e in planned)
    assert any(_start(e) == "2023-11-15" and _place(e) == "USA" for e in held)
