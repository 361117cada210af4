"""Tests of detente.resolve.dates: finding temporal expressions and resolving them to intervals."""

from __future__ import annotations

import time
from datetime import date

import pytest

from detente.resolve import dates as dates_mod
from detente.resolve.dates import (
    DateResolution,
    Tense,
    TimeMatch,
    duration_days,
    find_time_expressions,
    resolve_match,
    resolve_time,
    since_span,
)

SEED = date(2023, 6, 6)  # Tuesday: publication date of the seed FT article
D = date.fromisoformat

# (phrase, tense, published, start, end, granularity); start/end None = unresolved.
RESOLVE_CASES: list[tuple[str, Tense, date | None, str | None, str | None, str | None]] = [
    # --- the seed gold (published Tuesday 2023-06-06)
    ("this month", "future", SEED, "2023-06-01", "2023-06-30", "month"),
    ("in February", "past", SEED, "2023-02-01", "2023-02-28", "month"),
    ("in November", "past", SEED, "2022-11-01", "2022-11-30", "month"),
    ("in May", "past", SEED, "2023-05-01", "2023-05-31", "month"),
    ("on Monday", "past", SEED, "2023-06-05", "2023-06-05", "day"),
    ("last month", "past", SEED, "2023-05-01", "2023-05-31", "month"),
    ("Last month", "past", SEED, "2023-05-01", "2023-05-31", "month"),
    ("last week", "past", SEED, "2023-05-29", "2023-06-04", "week"),
    ("on Saturday", "past", SEED, "2023-06-03", "2023-06-03", "day"),
    ("within the coming weeks", "future", SEED, "2023-06-06", "2023-07-18", "range"),
    ("in recent weeks", "past", SEED, "2023-04-25", "2023-06-06", "range"),
    ("recently", "past", SEED, None, None, None),
    ("since January 2020", "past", SEED, None, None, None),
    ("two days of talks", "past", SEED, None, None, None),
    # --- the dev gold
    ("on August 2, 2022", "past", D("2022-08-06"), "2022-08-02", "2022-08-02", "day"),
    ("from August 4 to August 7, 2022", "past", D("2022-08-06"), "2022-08-04", "2022-08-07", "range"),
    ("the following day", "past", D("2022-08-06"), None, None, None),
    ("today", "past", D("2023-08-28"), "2023-08-28", "2023-08-28", "day"),
    ("in November 2022", "past", D("2023-08-28"), "2022-11-01", "2022-11-30", "month"),
    ("in early 2024", "future", D("2023-08-28"), "2024-01-01", "2024-04-30", "range"),
    ("on Tuesday, August 29", "future", D("2023-08-28"), "2023-08-29", "2023-08-29", "day"),
    ("Monday, August 28, 2023", "past", D("2023-08-28"), "2023-08-28", "2023-08-28", "day"),
    ("This afternoon", "past", D("2022-07-01"), "2022-07-01", "2022-07-01", "day"),
    ("on February 24", "past", D("2022-07-01"), "2022-02-24", "2022-02-24", "day"),
    ("Since 2014", "past", D("2022-07-01"), None, None, None),
    ("on September 30", "past", D("2022-09-30"), "2022-09-30", "2022-09-30", "day"),
    ("on October 7th", "past", D("2023-11-22"), "2023-10-07", "2023-10-07", "day"),
    ("in late October", "past", D("2023-11-22"), "2023-10-01", "2023-10-31", "month"),
    ("A day after", "past", D("2024-04-14"), None, None, None),
    ("on 1 April 2024", "past", D("2024-04-14"), "2024-04-01", "2024-04-01", "day"),
    ("On 23 April 2025", "past", D("2025-05-11"), "2025-04-23", "2025-04-23", "day"),
    ("beginning on 24 April", "past", D("2025-05-11"), "2025-04-24", "2025-05-11", "range"),
    ("on 10 May 2025", "past", D("2025-05-11"), "2025-05-10", "2025-05-10", "day"),
    ("this week", "future", D("2023-10-04"), "2023-10-02", "2023-10-08", "week"),
    ("in 2020", "past", D("2023-10-04"), "2020-01-01", "2020-12-31", "year"),
    ("Sunday", "past", D("2023-04-24"), "2023-04-23", "2023-04-23", "day"),
    # --- weekdays, including the publication weekday itself
    ("said Wednesday", "past", D("2023-10-04"), "2023-10-04", "2023-10-04", "day"),  # dev gold 37
    ("on Tuesday", "past", SEED, "2023-06-06", "2023-06-06", "day"),
    ("on Tuesday", "present", SEED, "2023-06-06", "2023-06-06", "day"),
    ("on Tuesday", "future", SEED, "2023-06-13", "2023-06-13", "day"),
    ("on Monday", "future", SEED, "2023-06-12", "2023-06-12", "day"),
    ("on Thursday", "future", SEED, "2023-06-08", "2023-06-08", "day"),
    ("on Thursday", "present", SEED, "2023-06-08", "2023-06-08", "day"),
    ("on Wednesday", "past", SEED, "2023-05-31", "2023-05-31", "day"),
    ("last Tuesday", "past", SEED, "2023-05-30", "2023-05-30", "day"),
    ("next Tuesday", "future", SEED, "2023-06-13", "2023-06-13", "day"),
    ("this Friday", "future", SEED, "2023-06-09", "2023-06-09", "day"),
    ("Monday next week", "future", SEED, "2023-06-12", "2023-06-12", "day"),
    ("late on Sunday", "past", D("2024-01-01"), "2023-12-31", "2023-12-31", "day"),
    # --- this/last/next week|month|year, weekends
    ("this week", "past", SEED, "2023-06-05", "2023-06-11", "week"),
    ("next week", "future", SEED, "2023-06-12", "2023-06-18", "week"),
    ("last week", "past", D("2023-06-11"), "2023-05-29", "2023-06-04", "week"),  # published on a Sunday
    ("last week", "past", D("2023-01-03"), "2022-12-26", "2023-01-01", "week"),
    ("next month", "future", D("2023-12-05"), "2024-01-01", "2024-01-31", "month"),
    ("last month", "past", D("2023-01-10"), "2022-12-01", "2022-12-31", "month"),
    ("next month", "future", D("2024-01-31"), "2024-02-01", "2024-02-29", "month"),
    ("last year", "past", SEED, "2022-01-01", "2022-12-31", "year"),
    ("this year", "future", SEED, "2023-01-01", "2023-12-31", "year"),
    ("next year", "future", D("2023-12-31"), "2024-01-01", "2024-12-31", "year"),
    ("last weekend", "past", SEED, "2023-06-03", "2023-06-04", "range"),
    ("this weekend", "future", SEED, "2023-06-10", "2023-06-11", "range"),
    ("over the weekend", "past", SEED, "2023-06-03", "2023-06-04", "range"),
    ("earlier this year", "past", SEED, "2023-01-01", "2023-06-06", "range"),
    ("earlier this month", "past", SEED, "2023-06-01", "2023-06-06", "range"),
    ("later this year", "future", SEED, "2023-06-06", "2023-12-31", "range"),
    ("later this week", "future", SEED, "2023-06-06", "2023-06-11", "range"),
    ("early next year", "future", SEED, "2024-01-01", "2024-04-30", "range"),
    ("late last year", "past", SEED, "2022-09-01", "2022-12-31", "range"),
    # --- months without a year, year boundaries, leap years
    ("in February", "future", SEED, "2024-02-01", "2024-02-29", "month"),
    ("in February", "past", D("2023-02-15"), "2023-02-01", "2023-02-28", "month"),
    ("in February", "future", D("2023-02-15"), "2023-02-01", "2023-02-28", "month"),
    ("in November", "future", SEED, "2023-11-01", "2023-11-30", "month"),
    ("in December", "past", D("2023-01-10"), "2022-12-01", "2022-12-31", "month"),
    ("in December", "future", D("2023-01-10"), "2023-12-01", "2023-12-31", "month"),
    ("in January", "future", D("2023-12-20"), "2024-01-01", "2024-01-31", "month"),
    ("in February 2024", "past", SEED, "2024-02-01", "2024-02-29", "month"),
    ("on February 29", "past", SEED, "2020-02-29", "2020-02-29", "day"),
    ("on February 29", "future", SEED, "2024-02-29", "2024-02-29", "day"),
    ("February 29, 2023", "past", SEED, None, None, None),  # no such day
    ("on December 30", "past", D("2024-01-02"), "2023-12-30", "2023-12-30", "day"),
    ("on January 3", "future", D("2023-12-28"), "2024-01-03", "2024-01-03", "day"),
    ("mid-March", "past", SEED, "2023-03-01", "2023-03-31", "month"),
    ("early October", "future", SEED, "2023-10-01", "2023-10-31", "month"),
    ("the end of March", "future", SEED, "2024-03-01", "2024-03-31", "month"),
    # --- explicit dates and ranges
    ("1 April 2024", "past", None, "2024-04-01", "2024-04-01", "day"),
    ("April 1, 2024", "future", SEED, "2024-04-01", "2024-04-01", "day"),
    ("on the 7th of October", "past", SEED, "2022-10-07", "2022-10-07", "day"),
    ("Sept. 11, 2001", "past", SEED, "2001-09-11", "2001-09-11", "day"),
    ("2023-06-05", "past", SEED, "2023-06-05", "2023-06-05", "day"),
    ("May 2023", "past", None, "2023-05-01", "2023-05-31", "month"),
    ("June 18-19", "future", SEED, "2023-06-18", "2023-06-19", "range"),
    ("June 18-19", "past", SEED, "2022-06-18", "2022-06-19", "range"),
    ("from June 18-19", "future", SEED, "2023-06-18", "2023-06-19", "range"),
    ("18-19 June 2023", "past", SEED, "2023-06-18", "2023-06-19", "range"),
    ("June 30-July 2", "future", SEED, "2023-06-30", "2023-07-02", "range"),
    ("December 28 to January 3, 2023", "past", SEED, "2022-12-28", "2023-01-03", "range"),
    ("between 2014 and 2016", "past", SEED, "2014-01-01", "2016-12-31", "range"),
    ("2022-23", "past", SEED, "2022-01-01", "2023-12-31", "range"),
    ("from May 2022 to March 2023", "past", SEED, "2022-05-01", "2023-03-31", "range"),
    ("from Monday to Wednesday", "future", SEED, "2023-06-12", "2023-06-14", "range"),
    ("two days after August 2, 2022", "past", SEED, "2022-08-04", "2022-08-04", "day"),
    # --- years and parts of years, seasons, quarters
    ("in 2020", "past", None, "2020-01-01", "2020-12-31", "year"),
    ("early 2024", "future", SEED, "2024-01-01", "2024-04-30", "range"),
    ("mid-2024", "future", SEED, "2024-05-01", "2024-08-31", "range"),
    ("late 2024", "future", SEED, "2024-09-01", "2024-12-31", "range"),
    ("the first half of 2024", "future", SEED, "2024-01-01", "2024-06-30", "range"),
    ("the first quarter of 2024", "future", SEED, "2024-01-01", "2024-03-31", "range"),
    ("Q3 2022", "past", SEED, "2022-07-01", "2022-09-30", "range"),
    ("in the early 1990s", "past", SEED, "1990-01-01", "1993-12-31", "range"),
    ("in the summer of 2022", "past", SEED, "2022-06-01", "2022-08-31", "season"),
    ("last summer", "past", SEED, "2022-06-01", "2022-08-31", "season"),
    ("this winter", "past", D("2023-01-15"), "2022-12-01", "2023-02-28", "season"),
    ("next winter", "future", SEED, "2023-12-01", "2024-02-29", "season"),
    # --- day words, N units ago, windows
    ("yesterday", "past", SEED, "2023-06-05", "2023-06-05", "day"),
    ("yesterday", "past", D("2024-03-01"), "2024-02-29", "2024-02-29", "day"),
    ("tonight", "future", SEED, "2023-06-06", "2023-06-06", "day"),
    ("tomorrow", "future", D("2023-12-31"), "2024-01-01", "2024-01-01", "day"),
    ("last night", "past", SEED, "2023-06-05", "2023-06-05", "day"),
    ("three days ago", "past", SEED, "2023-06-03", "2023-06-03", "day"),
    ("two weeks ago", "past", SEED, "2023-05-22", "2023-05-28", "week"),
    ("a month ago", "past", D("2023-03-31"), "2023-02-01", "2023-02-28", "month"),
    ("two years ago", "past", SEED, "2021-01-01", "2021-12-31", "year"),
    ("7 HOURS AGO", "past", SEED, "2023-06-06", "2023-06-06", "day"),
    ("in the coming days", "future", SEED, "2023-06-06", "2023-06-16", "range"),
    ("in the coming weeks", "future", SEED, "2023-06-06", "2023-07-18", "range"),
    ("in the coming months", "future", SEED, "2023-06-06", "2023-12-06", "range"),
    ("over the past two years", "past", SEED, "2021-06-06", "2023-06-06", "range"),
    ("in the past week", "past", SEED, "2023-05-30", "2023-06-06", "range"),
    ("in two weeks", "future", SEED, "2023-06-19", "2023-06-25", "week"),
    ("in two weeks", "past", SEED, None, None, None),  # "captured the city in two weeks": a duration
    ("within two days", "future", SEED, "2023-06-06", "2023-06-08", "range"),
    ("by the end of the year", "future", SEED, "2023-06-06", "2023-12-31", "range"),
    ("by the end of the year", "past", SEED, None, None, None),
    ("until next month", "future", SEED, "2023-06-06", "2023-07-31", "range"),
    ("starting next month", "future", SEED, "2023-07-01", "2023-07-31", "month"),
    ("from January", "past", SEED, "2023-01-01", "2023-06-06", "range"),
    # --- never the action's date
    ("since August 2021", "past", SEED, None, None, None),
    ("since Monday", "past", SEED, None, None, None),
    ("for three hours", "past", SEED, None, None, None),
    ("the two-day visit", "past", SEED, None, None, None),
    ("weeks ago", "past", SEED, None, None, None),
    ("in recent years", "past", SEED, None, None, None),
    ("soon", "future", SEED, None, None, None),
    ("the next day", "past", SEED, None, None, None),
    ("three days later", "past", SEED, None, None, None),
    ("after Monday", "past", SEED, None, None, None),
    ("twice annually", "future", SEED, None, None, None),
    ("no date here", "past", SEED, None, None, None),
    # --- no publication date: only expressions with their own year resolve
    ("on Monday", "past", None, None, None, None),
    ("last week", "past", None, None, None, None),
    ("in February", "past", None, None, None, None),
    ("on October 7th", "past", None, None, None, None),
    ("June 18-19", "past", None, None, None, None),
    ("yesterday", "past", None, None, None, None),
    ("in the coming weeks", "future", None, None, None, None),
    ("from August 4 to August 7, 2022", "past", None, "2022-08-04", "2022-08-07", "range"),
    ("on 23 April 2025", "past", None, "2025-04-23", "2025-04-23", "day"),
    ("November 2022", "past", None, "2022-11-01", "2022-11-30", "month"),
    ("early 2024", "past", None, "2024-01-01", "2024-04-30", "range"),
]


@pytest.mark.parametrize(("phrase", "tense", "published", "start", "end", "granularity"), RESOLVE_CASES)
def test_resolve_time(
    phrase: str, tense: Tense, published: date | None, start: str | None, end: str | None,
    granularity: str | None,
) -> None:
    res = resolve_time(phrase, published, tense)
    got = (
        res.start.isoformat() if res.start else None,
        res.end.isoformat() if res.end else None,
        res.granularity,
    )
    assert got == (start, end, granularity), res
    assert res.is_resolved() == (start is not None)


KIND_CASES: list[tuple[str, str]] = [
    ("since January 2020", "since"),
    ("since 2014", "since"),
    ("two days of talks", "duration"),
    ("the two-day trip", "duration"),
    ("recently", "vague"),
    ("the following day", "anaphoric"),
    ("A day after Iran launched", "relative-event"),
    ("on Monday", "weekday"),
    ("last month", "relative"),
    ("in February", "date"),
    ("June 18-19", "interval"),
    ("beginning on 24 April", "interval"),
    ("by the end of the year", "deadline"),
]


@pytest.mark.parametrize(("phrase", "kind"), KIND_CASES)
def test_resolution_kind(phrase: str, kind: str) -> None:
    assert resolve_time(phrase, SEED, "past").kind == kind
    assert [m.kind for m in find_time_expressions(phrase)][:1] == [kind]


def test_resolution_keeps_text_and_unresolved_kind_when_no_publication_date() -> None:
    res = resolve_time("on Monday", None)
    assert res == DateResolution("on Monday", None, None, None, "weekday")
    assert not res.is_resolved()
    assert resolve_time("  nothing temporal  ", SEED).kind == "none"


def test_same_weekday_past_convention_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates_mod, "SAME_WEEKDAY_PAST_DAYS_BACK", 7)
    assert resolve_time("on Tuesday", SEED, "past").start == date(2023, 5, 30)
    assert resolve_time("on Monday", SEED, "past").start == date(2023, 6, 5)


def test_resolve_match_and_as_dict() -> None:
    sentence = "Li Shangfu declined to meet Lloyd Austin in Singapore last week."
    (m,) = find_time_expressions(sentence)
    assert m == TimeMatch(sentence.index("last week"), len(sentence) - 1, "last week", "relative")
    res = resolve_match(m, SEED)
    assert res.as_dict() == {
        "text": "last week", "start": "2023-05-29", "end": "2023-06-04", "granularity": "week",
    }
    assert resolve_time("recently", SEED).as_dict()["start"] is None


def test_since_span_and_duration_days() -> None:
    assert since_span("Since 2014, the United States has committed", D("2022-07-01")) == (
        D("2014-01-01"), D("2022-07-01"))
    assert since_span("since August 2021", D("2022-07-01")) == (D("2021-08-01"), D("2022-07-01"))
    assert since_span("since 2014", None) is None
    assert since_span("last week", SEED) is None
    assert duration_days("The two-day trip to Taiwan") == 2
    assert duration_days("held two days of talks in Vienna") == 2
    assert duration_days("a three-week tour") == 21
    assert duration_days("for three hours") is None
    assert duration_days("on Monday") is None


# (sentence, expected (text, kind) of every match, in order)
FIND_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("US secretary of state Antony Blinken will travel to China this month, in the latest sign of a thaw.",
     [("this month", "relative")]),
    ("Blinken had abruptly cancelled a trip in February in response to a suspected spy balloon.",
     [("in February", "date")]),
    ("Last month, Jake Sullivan held two days of talks in Vienna with Wang Yi.",
     [("Last month", "relative"), ("two days of talks", "duration")]),
    ("Kritenbrink and Beran met their counterparts in Beijing on Monday.", [("on Monday", "weekday")]),
    ("Wang Wentao recently met Gina Raimondo, the first senior Chinese visit since January 2020.",
     [("recently", "vague"), ("since January 2020", "since")]),
    ("Blinken is expected to visit within the coming weeks, and contacts resumed in recent weeks.",
     [("within the coming weeks", "relative"), ("in recent weeks", "relative")]),
    ("Nancy Pelosi visited Taiwan on August 2, 2022. The two-day trip was part of a tour.",
     [("on August 2, 2022", "date"), ("two-day", "duration")]),
    ("She met with President Tsai Ing-wen the following day.", [("the following day", "anaphoric")]),
    ("Exercises are scheduled to run from August 4 to August 7, 2022.",
     [("from August 4 to August 7, 2022", "interval")]),
    ("The first meeting will occur in Beijing on Tuesday, August 29, with the US hosting one in early 2024.",
     [("on Tuesday, August 29", "date"), ("in early 2024", "date")]),
    ("A day after Iran launched hundreds of drones, the UN chief told the Council today about the attack "
     "on 1 April 2024.",
     [("A day after", "relative-event"), ("today", "relative"), ("on 1 April 2024", "date")]),
    ("Skirmishes were reported beginning on 24 April; a ceasefire was announced on 10 May 2025 from 16:30.",
     [("beginning on 24 April", "interval"), ("on 10 May 2025", "date")]),
    ("Since 2014, the United States has committed $8.8 billion; 2,000 troops arrived in 2020.",
     [("Since 2014", "since"), ("in 2020", "date")]),
    ("Azerbaijani state media said Wednesday that Aliyev would skip talks this week.",
     [("Wednesday", "weekday"), ("this week", "relative")]),
    ("Two Americans were reunited with their families in late October, weeks after the October 7th attack.",
     [("in late October", "date"), ("weeks after", "relative-event"), ("October 7th", "date")]),
    ("The summit on June 18-19 follows talks held three days ago and the meeting of 2023-05-30.",
     [("on June 18-19", "interval"), ("three days ago", "relative"), ("of 2023-05-30", "date")]),
    ("Resolution 2334 passed with 14 votes; the Sunday Times said the vote came at 1930 GMT on Good Friday.",
     []),
    ("Theresa May said in May that talks could resume by the end of the year.",
     [("in May", "date"), ("by the end of the year", "deadline")]),
]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_find_time_expressions(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_time_expressions(sentence)
    assert [(m.text, m.kind) for m in found] == expected
    for m in found:
        assert sentence[m.start:m.end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_gated_finder_matches_exhaustive_scan(sentence: str, expected: list[tuple[str, str]]) -> None:
    """The keyword-gated finder must find exactly what trying every rule at every offset finds."""
    gated = sorted((c.start, c.end, c.kind) for c in dates_mod._find(sentence))
    assert gated == dates_mod._find_scan(sentence)


def test_find_then_resolve_seed_sentence() -> None:
    s = ("It also accused a Chinese warship of sailing recklessly close to a US naval vessel in the Taiwan "
         "Strait on Saturday.")
    (m,) = find_time_expressions(s)
    res = resolve_match(m, SEED)
    assert (m.text, res.start, res.end) == ("on Saturday", D("2023-06-03"), D("2023-06-03"))
    assert res.granularity == "day"


def test_resolve_time_picks_first_resolvable_expression() -> None:
    res = resolve_time("held two days of talks last month", SEED)
    assert (res.text, res.start, res.end) == ("last month", D("2023-05-01"), D("2023-05-31"))


def test_find_is_fast() -> None:
    sentence = (
        "Daniel Kritenbrink, the top state department official for east Asian affairs, and Sarah Beran, "
        "the top National Security Council official for China and Taiwan, met their counterparts in "
        "Beijing on Monday after two days of talks last month in Vienna."
    )
    assert 38 <= len(sentence.split()) <= 42
    find_time_expressions(sentence)
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        find_time_expressions(sentence)
    per_call = (time.perf_counter() - t0) / n
    assert per_call < 5e-3, f"{per_call * 1e3:.3f} ms per sentence"
