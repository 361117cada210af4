"""Code the example corpus and tick off the key events a reader should see in it.

    .venv/bin/python tools/example_checklist.py [--corpus examples/usa-china-2023]

One line per key event (the engagements listed in the corpus's expected.csv that each article exists to
show): ``OK`` when an event of that article has the type, status, dyad, named actor, first day and place
country given here; ``~`` when type, status, dyad and actor match but the date or place does not; ``MISS``
otherwise. Ends with the count fully right. A development aid, not a test: the tests that guard the
corpus are in tests/test_examples.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NamedTuple

from detente import Coder
from detente.article import read_articles


class Key(NamedTuple):
    doc: str  # prefix of the article's file name
    etype: str
    status: str
    dyad: frozenset[str]
    start: str | None  # first day of the event's date
    place: str | None  # country of the event's location
    name: str | None  # an actor's canonical name
    label: str


def _k(doc: str, etype: str, status: str, a: str, b: str, start: str | None, place: str | None,
       name: str | None, label: str) -> Key:
    return Key(doc, etype, status, frozenset({a, b}), start, place, name, label)


KEYS: tuple[Key, ...] = (
    _k("2023-01-27", "CONSULT", "planned", "USA", "CHN", "2023-02-05", "CHN", "Antony Blinken",
       "Blinken visit planned for 5 Feb"),
    _k("2023-02-03", "CONSULT", "cancelled", "USA", "CHN", "2023-02-03", "CHN", "Antony Blinken",
       "Blinken visit postponed"),
    _k("2023-02-05", "ASSAULT", "occurred", "USA", "CHN", "2023-02-04", None, None, "balloon shot down"),
    _k("2023-02-19", "CONSULT", "occurred", "USA", "CHN", "2023-02-18", "DEU", "Wang Yi", "Blinken-Wang Munich"),
    _k("2023-05-12", "CONSULT", "occurred", "USA", "CHN", "2023-05-10", "AUT", "Jake Sullivan",
       "Sullivan-Wang Vienna"),
    _k("2023-05-25", "CONSULT", "occurred", "USA", "CHN", "2023-05-25", "USA", "Gina Raimondo",
       "Wang Wentao-Raimondo Washington"),
    _k("2023-05-25", "CONSULT", "planned", "USA", "CHN", "2023-05-26", "USA", "Katherine Tai",
       "Wang Wentao-Tai Detroit planned"),
    _k("2023-06-02", "CONSULT", "occurred", "USA", "CHN", "2023-05-01", "CHN", "William Burns",
       "Burns trip to Beijing"),
    _k("2023-06-04", "REJECT", "occurred", "USA", "CHN", "2023-06-03", "SGP", "Lloyd Austin",
       "Li Shangfu declines to meet Austin"),
    _k("2023-06-04", "MOBILIZE", "occurred", "USA", "CHN", "2023-06-03", None, None,
       "warship near USS Chung-Hoon"),
    _k("2023-06-06-krit", "CONSULT", "occurred", "USA", "CHN", "2023-06-05", "CHN", "Ma Zhaoxu",
       "Kritenbrink-Ma Zhaoxu Beijing"),
    _k("2023-06-06-blin", "CONSULT", "planned", "USA", "CHN", "2023-06-06", "CHN", "Antony Blinken",
       "Blinken visit planned (coming weeks)"),
    _k("2023-06-14", "CONSULT", "planned", "USA", "CHN", "2023-06-18", "CHN", "Antony Blinken",
       "Blinken visit announced for 18 June"),
    _k("2023-06-18", "CONSULT", "occurred", "USA", "CHN", "2023-06-18", "CHN", "Qin Gang", "Blinken-Qin Beijing"),
    _k("2023-06-19", "CONSULT", "occurred", "USA", "CHN", "2023-06-19", "CHN", "Wang Yi",
       "Blinken-Wang Yi Beijing"),
    _k("2023-06-19", "CONSULT", "occurred", "USA", "CHN", "2023-06-19", "CHN", "Xi Jinping", "Blinken-Xi Beijing"),
    _k("2023-06-19", "REJECT", "occurred", "USA", "CHN", None, None, None, "China declines military talks"),
    _k("2023-07-09", "CONSULT", "occurred", "USA", "CHN", "2023-07-06", "CHN", "Janet Yellen",
       "Yellen arrives in Beijing"),
    _k("2023-07-09", "CONSULT", "occurred", "USA", "CHN", "2023-07-08", "CHN", "He Lifeng", "Yellen-He Lifeng"),
    _k("2023-07-19", "CONSULT", "occurred", "USA", "CHN", "2023-07-16", "CHN", "John Kerry",
       "Kerry arrives in Beijing"),
    _k("2023-07-19", "CONSULT", "occurred", "USA", "CHN", "2023-07-17", "CHN", "John Kerry", "Kerry-Xie talks"),
    _k("2023-08-29", "CONSULT", "occurred", "USA", "CHN", "2023-08-27", "CHN", "Gina Raimondo",
       "Raimondo arrives in Beijing"),
    _k("2023-08-29", "CONSULT", "occurred", "USA", "CHN", "2023-08-28", "CHN", "Wang Wentao",
       "Raimondo-Wang Wentao"),
    _k("2023-08-29", "AGREE", "occurred", "USA", "CHN", None, None, "Wang Wentao", "working group agreed"),
    _k("2023-09-18", "CONSULT", "occurred", "USA", "CHN", "2023-09-16", "MLT", "Jake Sullivan",
       "Sullivan-Wang Malta"),
    _k("2023-10-28", "CONSULT", "occurred", "USA", "CHN", "2023-10-27", "USA", "Joe Biden", "Wang Yi meets Biden"),
    _k("2023-10-28", "CONSULT", "occurred", "USA", "CHN", "2023-10-26", "USA", "Antony Blinken",
       "Wang Yi meets Blinken"),
    _k("2023-10-28", "CONSULT", "planned", "USA", "CHN", "2023-11-01", "USA", "Xi Jinping",
       "summit planned (November)"),
    _k("2023-11-10", "CONSULT", "planned", "USA", "CHN", "2023-11-15", "USA", "Xi Jinping",
       "summit planned for 15 Nov"),
    _k("2023-11-16", "CONSULT", "occurred", "USA", "CHN", "2023-11-15", "USA", "Xi Jinping", "Woodside summit held"),
    _k("2023-11-16", "AGREE", "occurred", "USA", "CHN", "2023-11-15", None, "Xi Jinping",
       "military channels / fentanyl agreement"),
    _k("2023-01-16", "ASSAULT", "occurred", "RUS", "UKR", "2023-01-14", "UKR", None, "Dnipro strike"),
    _k("2023-03-10", "AGREE", "occurred", "SAU", "IRN", "2023-03-10", "CHN", None, "Saudi-Iran restore ties"),
    _k("2023-03-16", "CONSULT", "occurred", "KOR", "JPN", "2023-03-16", "JPN", "Fumio Kishida",
       "Yoon-Kishida Tokyo"),
    _k("2023-05-05", "CONSULT", "occurred", "PAK", "IND", "2023-05-04", "IND", None, "Bhutto Zardari visits India"),
    _k("2023-05-05", "CONSULT", "negated", "PAK", "IND", None, None, None, "no India-Pakistan talks"),
    _k("2023-06-23", "SANCTION", "occurred", "EUR", "RUS", "2023-06-23", None, None, "EU eleventh package"),
)


def _get(d: dict[str, Any], key: str, sub: str) -> Any:
    v = d.get(key)
    return v.get(sub) if isinstance(v, dict) else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=Path("examples/usa-china-2023"))
    args = ap.parse_args()
    coder = Coder()
    events: list[dict[str, Any]] = []
    for path in sorted(args.corpus.glob("2023-*.md")):
        for art in read_articles(path):
            events.extend(e.to_dict() for e in coder.code_article(art).events)
    right = 0
    for k in KEYS:
        hits = [
            e for e in events
            if e["doc_id"].startswith(k.doc) and e["event_type"] == k.etype and e["status"] == k.status
            and {_get(e, "source", "country"), _get(e, "target", "country")} == k.dyad
            and (k.name is None or k.name in (_get(e, "source", "name"), _get(e, "target", "name")))
        ]
        full = [
            e for e in hits
            if (k.start is None or _get(e, "date", "start") == k.start)
            and (k.place is None or _get(e, "location", "country") == k.place)
        ]
        right += bool(full)
        shown: dict[str, Any] | None = (full or hits)[0] if (full or hits) else None
        where = "" if shown is None else (
            f"{_get(shown, 'date', 'start')}..{_get(shown, 'date', 'end')} {_get(shown, 'location', 'name') or ''}"
        )
        print(f"{'OK  ' if full else '~   ' if hits else 'MISS'} {k.label:42} {where}")
    print(f"{right}/{len(KEYS)} key events right (type, status, dyad, actor, first day, place country)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
