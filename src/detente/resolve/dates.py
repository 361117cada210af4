"""Temporal expressions: find them in a sentence and resolve them to the interval of the action.

Two entry points:

* :func:`find_time_expressions` -- a regex finder returning the longest non-overlapping temporal
  expressions of a sentence, in order, with their leading preposition ("on Monday", "in February",
  "since January 2020", "from August 4 to August 7, 2022", "two days of talks", ...).
* :func:`resolve_time` -- turn one such expression into a date interval, resolved against the
  article's publication date. ``tense`` decides between the past and the future reading of
  under-specified expressions ("on Monday", "in February", "on October 7th").

Conventions follow GOLD-GUIDE.md: "last week" is Monday..Sunday of the previous ISO week,
"this week" the publication week, "in February" the whole month, "early 2024" Jan 1..Apr 30,
"early/mid/late October" the whole month, "recently" and unknown dates are unresolved (never the
publication date by default). Expressions that do not date the action itself ("since 2014",
"two days of talks", "recently", "the following day", "a day after ...") keep their text and kind
but have no start/end. Everything is deterministic: nothing here reads the clock.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

__all__ = [
    "SAME_WEEKDAY_PAST_DAYS_BACK",
    "DateResolution",
    "Tense",
    "TimeMatch",
    "duration_days",
    "find_time_expressions",
    "resolve_match",
    "resolve_time",
    "since_span",
]

Tense = Literal["past", "future", "present"]

#: Days to go back when a past-tense weekday equals the publication weekday ("said Wednesday" in an
#: article published on a Wednesday). The dev gold (doc 37) codes this as the publication day itself,
#: so 0; set to 7 for the "previous week's Wednesday" reading.
SAME_WEEKDAY_PAST_DAYS_BACK = 0

# Kinds whose expressions never give the date of the action itself.
_UNDATED_KINDS = frozenset(
    {"since", "duration", "vague", "anaphoric", "relative-event", "after", "frequency"}
)


@dataclass(frozen=True)
class TimeMatch:
    """A temporal expression found in a string (character offsets into that string)."""

    start: int
    end: int
    text: str
    kind: str  # date | relative | weekday | interval | duration | since | vague | anaphoric | ...


@dataclass(frozen=True)
class DateResolution:
    """A temporal expression resolved to an interval of dates (``None`` when it cannot be)."""

    text: str
    start: date | None
    end: date | None
    granularity: str | None  # day | week | month | season | year | range | None
    kind: str

    def is_resolved(self) -> bool:
        """True when both ends of the interval are known."""
        return self.start is not None and self.end is not None

    def as_dict(self) -> dict[str, str | None]:
        """The EVENTS.md ``date`` object: text, ISO start/end and granularity."""
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity if self.is_resolved() else None,
        }


# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({name.lower()[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)})
_MONTHS["sept"] = 9
# Month names that are also ordinary words or first names: only dates when a preposition, a
# modifier, a day or a year comes with them ("in May", "late March", "May 2023").
_AMBIGUOUS_MONTHS = frozenset({3, 4, 5, 6, 8})

_WEEKDAYS: dict[str, int] = {
    name: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

_NUM_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2,
}
_VAGUE_QUANTITIES = frozenset({"a few", "few", "several", "many", "some", "a number of", "these many"})

_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Words before a bare 4-digit number that make it a count or an identifier, not a year.
_YEAR_BAD_PREV = frozenset({
    "resolution", "resolutions", "article", "articles", "flight", "no", "no.", "number", "nos", "paragraph",
    "section", "rule", "route", "model", "room", "code", "at", "about", "some", "around", "nearly", "almost",
    "approximately", "than", "least", "roughly", "estimated", "additional", "another", "extra", "only",
    "just", "over", "under", "exactly", "#", "page", "pages", "bill", "hr", "s.", "h.r.",
})
# Words after a bare 4-digit number that make it a count or a clock time.
_YEAR_BAD_NEXT = frozenset({
    "people", "persons", "troops", "soldiers", "civilians", "men", "women", "children", "refugees",
    "migrants", "units", "tonnes", "tons", "barrels", "km", "kilometres", "kilometers", "miles", "metres",
    "meters", "feet",
    "dollars", "euros", "pounds", "hours", "hrs", "gmt", "utc", "local", "ist", "pkt", "est", "edt", "cet",
    "cest", "bst", "et", "pt", "jst", "msk", "aircraft", "drones", "missiles", "rockets", "tanks", "votes",
    "seats", "deaths", "casualties", "cases", "rounds", "shells", "vehicles", "homes", "houses", "buildings",
    "prisoners", "hostages", "detainees", "individuals", "residents", "workers", "members", "officers",
    "police", "fighters", "militants", "sanctions", "entities", "companies", "jobs", "words", "pages",
})
# A bare weekday is not a date in these phrases ("Good Friday", "the Sunday Times").
_WEEKDAY_BAD_PREV = frozenset({"good", "black", "bloody", "super", "ash", "holy", "easter", "palm", "cyber",
                               "maundy", "great", "shrove"})
_WEEKDAY_BAD_NEXT = frozenset({"times", "telegraph", "express", "mirror", "post", "herald", "mail",
                               "observer", "independent", "sport", "people", "star", "tribune", "prayers",
                               "prayer", "school", "service", "mass", "market", "trading"})

# --------------------------------------------------------------------------------------------
# Regex building blocks
# --------------------------------------------------------------------------------------------

_MON_FULL = "(?-i:" + "|".join([*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES)]) + r")\b"
_MON_ABBR_LIST = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_MON_ABBR = "(?-i:" + "|".join([*_MON_ABBR_LIST, *(m.upper() for m in _MON_ABBR_LIST)]) + r")(?:\.|\b)"
_MON_ANY = rf"(?:{_MON_FULL}|{_MON_ABBR})"
_DAY = r"(?<![\w.,$£€])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\d)\b"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w])"
_ISO = r"(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_NUM = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred|hundred|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_NUMQ = (
    rf"(?:{_NUM}|a\s+couple(?:\s+of)?|couple\s+of|a\s+pair\s+of|a\s+few|a\s+number\s+of|these\s+many"
    r"|an|a|few|several|many|some)"
)
_UNIT = r"(?:minute|hour|day|week|fortnight|month|year|decade)s?"
_PREP = (
    r"beginning\s+(?:on|in|from)|beginning|starting\s+(?:on|in|from)|starting|effective"
    r"|no\s+later\s+than|no\s+earlier\s+than|as\s+of|ahead\s+of|prior\s+to|as\s+early\s+as"
    r"|throughout|through|during|since|until|till|from|before|after|over|on|in|at|by|for|of|around|circa"
)
_MOD = (
    r"earlier(?:\s+in)?|later(?:\s+in)?|early|late|mid-|mid|end-"
    r"|the\s+(?:very\s+)?(?:start|beginning|end|middle)\s+of"
    r"|(?:the\s+)?(?:first|second|latter)\s+half\s+of"
    r"|(?:the\s+)?(?:first|second|third|fourth|final|last)\s+quarter\s+of"
)
_WHICH = (
    r"last|next|this\s+past|this\s+coming|this|the\s+past|the\s+coming|the\s+current|the\s+previous"
    r"|the\s+following|the\s+preceding|the\s+next|the\s+last|past|coming|current"
)
_SEASON = r"(?:spring|summer|autumn|fall(?!\s+of\s+(?!(?:1[89]|20)\d\d))|winter)"


def _point(p: str, *, dd: bool) -> str:
    """A date point (ISO, month-day, day-month, month-year, month, year[, weekday, day]), groups ``p*``."""
    alts = [
        rf"(?P<{p}iso>{_ISO})",
        rf"(?:(?P<{p}wdpre>{_WD}),?\s+)?(?:"
        rf"(?P<{p}mdy_m>{_MON_ANY})\s*(?P<{p}mdy_d>{_DAY})(?:,?\s+(?P<{p}mdy_y>{_YEAR}))?"
        rf"|(?:the\s+)?(?P<{p}dmy_d>{_DAY})(?:\s+of)?\s+(?P<{p}dmy_m>{_MON_ANY})(?:,?\s+(?P<{p}dmy_y>{_YEAR}))?)",
        rf"(?P<{p}my_m>{_MON_ANY}),?\s+(?:of\s+)?(?P<{p}my_y>{_YEAR})",
        rf"(?P<{p}m>{_MON_FULL})",
        rf"(?P<{p}y>{_YEAR})",
    ]
    if dd:
        alts.append(rf"(?P<{p}wd>{_WD})")
        alts.append(rf"(?P<{p}dd>{_DAY})(?:,?\s+(?P<{p}dd_y>{_YEAR}))?")
    return "(?:" + "|".join(alts) + ")"


_RE_RANGE = re.compile(
    rf"\b(?:(?P<rprep>from|between)\s+|(?P<prep>{_PREP})\s+)?(?P<a>{_point('a_', dd=True)})"
    rf"(?P<sep>\s*[-–—]\s*|\s+(?:to|until|till|through|thru|and)\s+)"
    rf"(?P<b>{_point('b_', dd=True)})",
    re.I,
)

_RE_PERIOD = re.compile(
    rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?:the\s+)?(?P<mod>{_MOD})\s*)?(?:"
    rf"{_point('', dd=False)}"
    rf"|(?:the\s+)?(?P<decade>(?:1[89]|20)\d0)s\b"
    rf"|(?P<q>[QH][1-4])\s*(?P<q_y>{_YEAR})"
    rf"|(?:the\s+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<season_y>{_YEAR}))?\b"
    rf"|(?P<which>{_WHICH})\s+(?P<unit>week|month|year|weekend|quarter|decade|{_SEASON})\b"
    rf"|the\s+(?P<the_unit>week|month|year|weekend)\b"
    r")",
    re.I,
)

_RE_WEEKDAY = re.compile(
    rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<tod1>early|late|earlier|later)\s+(?:on\s+)?)?"
    rf"(?:(?P<wmod>last|next|this\s+coming|this\s+past|this|coming|past)\s+)?(?P<wd>{_WD})"
    r"(?:\s+(?P<wweek>last|next|this)\s+week)?"
    r"(?:\s+(?P<tod2>morning|afternoon|evening|night))?\b",
    re.I,
)

_RE_DAYWORD = re.compile(
    rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<tod>early|late|earlier|later)\s+)?"
    r"(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow"
    r"|last\s+night|overnight|this\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.I,
)

_RE_QUANTITY = re.compile(
    r"\b(?:"
    rf"(?P<ago_n>{_NUMQ})\s+(?P<ago_u>{_UNIT})\s+ago"
    rf"|(?:(?P<w_prep>in|within|over|during|for|throughout)\s+)?(?P<w_the>the\s+)?"
    rf"(?P<w_which>next|coming|following|past|last|previous|recent|preceding)\s+"
    rf"(?:(?P<w_n>{_NUMQ})\s+)?(?P<w_u>{_UNIT})"
    rf"|(?P<ahead_prep>in|over|during)\s+the\s+(?P<ahead_u>days|weeks|months|years)\s+(?:ahead|to\s+come)"
    rf"|in\s+(?P<in_n>{_NUMQ})\s+(?P<in_u>{_UNIT})(?:'?s?\s+time)?"
    rf"|within\s+(?:(?P<win_n>{_NUMQ})\s+)?(?P<win_u>{_UNIT})"
    r")\b",
    re.I,
)

_RE_DURATION = re.compile(
    r"\b(?:"
    r"(?:(?:for|lasting|over|spanning)\s+)?(?:(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|about\s+"
    r"|around\s+|roughly\s+|some\s+|at\s+least\s+|up\s+to\s+|over\s+)?"
    rf"(?P<dn>{_NUMQ})\s+(?:(?:more|full|long|straight|consecutive|additional|further|successive)\s+)?"
    rf"(?P<du>{_UNIT})\b(?:\s+of\s+(?-i:[a-z]+))?"
    rf"|(?P<dh_n>{_NUM})-(?P<dh_u>minute|hour|day|week|month|year)(?:-long)?"
    r"|for\s+(?:(?:several|many|a\s+few)\s+)?(?:minutes|hours|days|weeks|months|years|decades)"
    r"|for\s+(?:a\s+)?long\s+time"
    r")\b",
    re.I,
)

_RE_RELEVENT = re.compile(
    r"\b(?:"
    rf"(?:(?P<re_n>{_NUMQ})\s+(?P<re_u>{_UNIT})|the\s+(?:day|night|morning|evening|week|month|year)"
    r"|shortly|soon|just|immediately|right|only|moments|minutes|hours|days|weeks|months|years)"
    rf"\s+(?P<re_dir>after|before|following|prior\s+to|ahead\s+of)\b"
    rf"(?:\s+(?P<re_anchor>{_point('r_', dd=False)}))?"
    rf"|within\s+(?:{_NUMQ}\s+)?{_UNIT}\s+of\b"
    r"|(?:on\s+)?the\s+eve\s+of\b"
    r")",
    re.I,
)

_RE_ANAPHORIC = re.compile(
    r"\b(?:"
    r"(?:(?:on|in|during|by|over|at|for)\s+)?the\s+(?:following|next|previous|preceding|same|prior)\s+"
    r"(?:day|morning|afternoon|evening|night|week|weekend|month|year)"
    r"|(?:(?:on|in|during|by|at)\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night|week|weekend"
    r"|month|year)"
    r"|(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night|week|month|year)"
    r"|(?:earlier|later)\s+in\s+the\s+day"
    rf"|(?:{_NUMQ})\s+{_UNIT}\s+(?:later|earlier|on(?=\s*(?:[,.;]|$)))"
    r"|(?:moments|minutes|hours|days|weeks|months|years)\s+later"
    r"|at\s+the\s+time|at\s+that\s+time|by\s+then|until\s+then|by\s+that\s+time|by\s+that\s+point"
    r"|(?P<since_then>(?:ever\s+)?since\s+then)"
    r")\b",
    re.I,
)

_RE_FREQUENCY = re.compile(
    r"\b(?:"
    rf"(?:every|each)\s+(?:other\s+)?(?:{_NUM}\s+)?(?:day|week|month|year|quarter|morning|evening|night"
    rf"|summer|winter|spring|autumn|{_WD}|days|weeks|months|years)"
    rf"|(?:(?:at\s+least\s+)?(?:once|twice|{_NUM}\s+times))\s+(?:(?:a|an|per|each|every)\s+"
    r"(?:day|week|month|year|quarter)|daily|weekly|monthly|annually|yearly)"
    r"|daily|weekly|monthly|annually|yearly|biannually|biennially|regularly"
    r"|on\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
    r")\b",
    re.I,
)

_RE_VAGUE = re.compile(
    r"\b(?:"
    r"recently|lately|soon|shortly|previously|formerly|eventually|imminently|earlier|later"
    r"|in\s+the\s+past|in\s+the\s+(?:near|distant|foreseeable|not\s+too\s+distant)\s+future"
    r"|at\s+some\s+point|in\s+due\s+course|at\s+a\s+later\s+(?:date|stage|time)|in\s+recent\s+years"
    r"|(?:(?:a\s+)?few\s+|many\s+|several\s+|some\s+)?(?:days|weeks|months|years|decades)\s+ago"
    r"|(?:some\s+time|a\s+while|long)\s+ago|the\s+other\s+day"
    r"|(?:on|at)\s+an?\s+(?:unspecified|undisclosed|unknown)\s+date"
    r")\b",
    re.I,
)


# --------------------------------------------------------------------------------------------
# Date arithmetic
# --------------------------------------------------------------------------------------------

_Span = tuple[date, date]
_Iv = tuple[date, date, str]  # start, end, granularity


def _month_span(y: int, m: int) -> _Span:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _year_span(y: int) -> _Span:
    return date(y, 1, 1), date(y, 12, 31)


def _week_span(d: date) -> _Span:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _add_months(d: date, n: int) -> date:
    y, m0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    m = m0 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _season_span(season: str, y: int) -> _Span:
    start_month = _SEASON_START[season.lower()]
    start = date(y, start_month, 1)
    end_month = _add_months(start, 2)
    return start, _month_span(end_month.year, end_month.month)[1]


def _quarter_span(y: int, q: int) -> _Span:
    return date(y, 3 * q - 2, 1), _month_span(y, 3 * q)[1]


def _shift(d: date, n: int, unit: str, sign: int) -> date:
    """``d`` moved by ``n`` units (minute/hour/day/week/fortnight/month/year/decade) in direction ``sign``."""
    u = unit.lower().rstrip("s")
    if u == "minute":
        return d + timedelta(days=sign * (n // 1440))
    if u == "hour":
        return d + timedelta(days=sign * (n // 24))
    if u == "day":
        return d + timedelta(days=sign * n)
    if u == "week":
        return d + timedelta(days=sign * 7 * n)
    if u == "fortnight":
        return d + timedelta(days=sign * 14 * n)
    if u == "month":
        return _add_months(d, sign * n)
    if u == "year":
        return _add_months(d, sign * 12 * n)
    return _add_months(d, sign * 120 * n)  # decade


def _unit_iv(d: date, unit: str) -> _Iv:
    """The calendar interval of ``unit`` granularity around ``d``."""
    u = unit.lower().rstrip("s")
    if u in ("minute", "hour", "day"):
        return d, d, "day"
    if u in ("week", "fortnight"):
        return (*_week_span(d), "week")
    if u == "month":
        return (*_month_span(d.year, d.month), "month")
    return (*_year_span(d.year), "year")


def _pick_year(span_for: Callable[[int], _Span | None], pub: date, tense: Tense) -> _Span | None:
    """Place a year-less span: latest not after ``pub`` (past), next (future), else nearest (present)."""
    cands = [s for y in range(pub.year - 8, pub.year + 9) if (s := span_for(y)) is not None]
    if not cands:
        return None
    if tense == "past":
        past = [s for s in cands if s[0] <= pub]
        return max(past) if past else None
    if tense == "future":
        future = [s for s in cands if s[1] >= pub]
        return min(future) if future else None
    for s in cands:
        if s[0] <= pub <= s[1]:
            return s
    return min(cands, key=lambda s: (min(abs((s[0] - pub).days), abs((s[1] - pub).days)), s[0] > pub))


def _weekday_date(pub: date, wd: int, tense: Tense, wmod: str | None = None) -> date:
    """The date of weekday ``wd`` relative to ``pub`` (see module doc for the rules)."""
    p = pub.weekday()
    if wmod in ("last", "past", "this past"):
        return pub - timedelta(days=(p - wd) % 7 or 7)
    if wmod in ("next", "coming", "this coming"):
        return pub + timedelta(days=(wd - p) % 7 or 7)
    if wmod == "this":
        return _week_span(pub)[0] + timedelta(days=wd)
    if tense == "past":
        return pub - timedelta(days=(p - wd) % 7 or SAME_WEEKDAY_PAST_DAYS_BACK)
    if tense == "present":
        return pub + timedelta(days=(wd - p) % 7)
    return pub + timedelta(days=(wd - p) % 7 or 7)


def _norm(s: str | None) -> str | None:
    return " ".join(s.lower().split()) if s is not None else None


def _num(s: str | None) -> int | None:
    """Value of a number expression; None for vague quantities ("several", "a few") or absence."""
    if s is None:
        return None
    t = _norm(s) or ""
    if t in _VAGUE_QUANTITIES:
        return None
    if t[0].isdigit():
        return int(float(t))
    if t in _NUM_WORDS:
        return _NUM_WORDS[t]
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and parts[0] in _NUM_WORDS and parts[1] in _NUM_WORDS:
        return _NUM_WORDS[parts[0]] + _NUM_WORDS[parts[1]]
    return None


# --------------------------------------------------------------------------------------------
# Date points (for explicit dates and ranges)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # a bare weekday ("Monday")
    wdpre: int | None = None  # weekday printed before a date ("Tuesday, August 29")
    month_text: str | None = None

    @property
    def shape(self) -> str:
        if self.weekday is not None:
            return "weekday"
        if self.day is not None and self.month is not None:
            return "day"
        if self.day is not None:
            return "dd"
        if self.month is not None:
            return "month"
        return "year"

    def span(self, year: int) -> _Span | None:
        if self.day is not None and self.month is not None:
            try:
                d = date(year, self.month, self.day)
            except ValueError:
                return None
            return d, d
        if self.month is not None:
            return _month_span(year, self.month)
        return _year_span(year)

    @property
    def granularity(self) -> str:
        return {"day": "day", "month": "month", "year": "year", "weekday": "day"}.get(self.shape, "day")


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _day_int(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _month_int(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _point_of(m: re.Match[str], p: str) -> _Point | None:
    """The partial date matched by the ``_point(p)`` sub-pattern, or None if it did not take part."""
    if (iso := _g(m, p + "iso")) is not None:
        iy, im, iday = (int(x) for x in iso.split("-"))
        return _Point(iy, im, iday)
    wdpre = _g(m, p + "wdpre")
    wdi = _WEEKDAYS[wdpre.lower()] if wdpre else None
    if (mo := _g(m, p + "mdy_m")) is not None:
        y = _g(m, p + "mdy_y")
        return _Point(int(y) if y else None, _month_int(mo), _day_int(_g(m, p + "mdy_d") or "1"), wdpre=wdi)
    if (mo := _g(m, p + "dmy_m")) is not None:
        y = _g(m, p + "dmy_y")
        return _Point(int(y) if y else None, _month_int(mo), _day_int(_g(m, p + "dmy_d") or "1"), wdpre=wdi)
    if (mo := _g(m, p + "my_m")) is not None:
        return _Point(int(_g(m, p + "my_y") or "0"), _month_int(mo))
    if (mo := _g(m, p + "m")) is not None:
        return _Point(None, _month_int(mo), month_text=mo)
    if (y := _g(m, p + "y")) is not None:
        return _Point(int(y))
    if (wd := _g(m, p + "wd")) is not None:
        return _Point(weekday=_WEEKDAYS[wd.lower()])
    if (dd := _g(m, p + "dd")) is not None:
        y = _g(m, p + "dd_y")
        return _Point(int(y) if y else None, None, _day_int(dd))
    return None


def _resolve_point(pt: _Point, pub: date | None, tense: Tense) -> _Iv | None:
    gran = pt.granularity
    if pt.shape == "weekday":
        if pub is None or pt.weekday is None:
            return None
        d = _weekday_date(pub, pt.weekday, tense)
        return d, d, "day"
    if pt.shape == "dd":
        return None
    if pt.year is not None:
        s = pt.span(pt.year)
        return (*s, gran) if s else None
    if pub is None:
        return None
    if pt.wdpre is not None and pt.shape == "day":
        # "Tuesday, August 29": the year (around publication) in which the weekday fits.
        years = (pub.year - 1, pub.year, pub.year + 1)
        fits = [s for y in years if (s := pt.span(y)) and s[0].weekday() == pt.wdpre]
        if fits:
            best = min(fits, key=lambda s: (abs((s[0] - pub).days), s[0] > pub))
            return (*best, gran)
    s2 = _pick_year(pt.span, pub, tense)
    return (*s2, gran) if s2 else None


def _range_points(a: _Point, b: _Point) -> tuple[_Point, _Point] | None:
    """Complete the two ends of a range from each other ("June 18-19", "18-19 June"); None if malformed."""
    if a.shape == "dd" and b.shape == "dd":
        return None
    if (a.shape == "weekday") != (b.shape == "weekday"):
        return None
    if b.shape == "dd":
        if a.shape == "year" and a.year is not None and b.year is None:
            return a, b  # "2022-23": checked by the caller
        if a.shape != "day":
            return None
        b = _Point(b.year, a.month, b.day)
    if a.shape == "dd":
        if b.shape != "day":
            return None
        a = _Point(None, b.month, a.day)
    return a, b


def _resolve_range(a: _Point, b: _Point, pub: date | None, tense: Tense) -> _Iv | None:
    pts = _range_points(a, b)
    if pts is None:
        return None
    a, b = pts
    if a.shape == "year" and b.shape == "dd" and a.year is not None and b.day is not None:
        y2 = a.year // 100 * 100 + b.day
        return (date(a.year, 1, 1), date(y2, 12, 31), "range") if y2 > a.year else None
    if a.shape == "weekday":
        if pub is None or a.weekday is None or b.weekday is None:
            return None
        da = _weekday_date(pub, a.weekday, tense)
        return da, da + timedelta(days=(b.weekday - a.weekday) % 7), "range"
    sa: _Span | None
    sb: _Span | None
    if a.year is not None and b.year is not None:
        sa, sb = a.span(a.year), b.span(b.year)
    elif b.year is not None:
        sb, sa = b.span(b.year), a.span(b.year)
        if sa is not None and sb is not None and sa[0] > sb[1]:
            sa = a.span(b.year - 1)
    elif a.year is not None:
        sa, sb = a.span(a.year), b.span(a.year)
        if sa is not None and sb is not None and sb[1] < sa[0]:
            sb = b.span(a.year + 1)
    else:
        if pub is None:
            return None

        def both(y: int) -> _Span | None:
            s1, s2 = a.span(y), b.span(y)
            if s1 is None or s2 is None:
                return None
            if s2[1] < s1[0]:
                s2 = b.span(y + 1)
                if s2 is None:
                    return None
            return s1[0], s2[1]

        s = _pick_year(both, pub, tense)
        return (*s, "range") if s else None
    if sa is None or sb is None or sa[0] > sb[1]:
        return None
    return sa[0], sb[1], "range"


# --------------------------------------------------------------------------------------------
# Modifiers and prepositions
# --------------------------------------------------------------------------------------------

_PREP_KIND = {
    "since": "since",
    "by": "deadline", "no later than": "deadline", "before": "deadline", "prior to": "deadline",
    "ahead of": "deadline",
    "until": "until", "till": "until", "through": "until",
    "after": "after", "no earlier than": "after",
    "from": "interval", "beginning": "interval", "beginning on": "interval", "beginning in": "interval",
    "beginning from": "interval", "starting": "interval", "starting on": "interval",
    "starting in": "interval", "starting from": "interval", "effective": "interval",
}


def _prep_kind(prep: str | None, default: str) -> str:
    return _PREP_KIND.get(_norm(prep) or "", default)


def _apply_mod(mod: str | None, iv: _Iv, pub: date | None, current: bool) -> _Iv:
    """Apply early/mid/late/half/quarter/earlier/later to an interval (see module doc)."""
    if mod is None:
        return iv
    t = (_norm(mod) or "").removeprefix("the ").replace("very ", "")
    start, end, gran = iv
    if t.startswith(("earlier", "later")):
        if current and pub is not None and start <= pub <= end:
            return (start, pub, "range") if t.startswith("earlier") else (pub, end, "range")
        return iv
    if gran == "year":
        y = start.year
        if t in ("early", "start of", "beginning of"):
            return date(y, 1, 1), date(y, 4, 30), "range"
        if t in ("mid-", "mid", "middle of"):
            return date(y, 5, 1), date(y, 8, 31), "range"
        if t in ("late", "end of", "end-"):
            return date(y, 9, 1), date(y, 12, 31), "range"
        if t == "first half of":
            return date(y, 1, 1), date(y, 6, 30), "range"
        if t in ("second half of", "latter half of"):
            return date(y, 7, 1), date(y, 12, 31), "range"
        if t.endswith("quarter of"):
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(t.split()[0], 4)
            return (*_quarter_span(y, q), "range")
        return iv
    if gran == "month":
        if t == "first half of":
            return start, start.replace(day=15), "range"
        if t in ("second half of", "latter half of"):
            return start.replace(day=16), end, "range"
        return iv  # gold convention: early/mid/late October = the whole month
    if gran == "range" and (end - start).days >= 3600 and start.month == 1 and start.day == 1:
        y = start.year  # a decade
        if t in ("early", "start of", "beginning of"):
            return date(y, 1, 1), date(y + 3, 12, 31), "range"
        if t in ("mid-", "mid", "middle of"):
            return date(y + 3, 1, 1), date(y + 6, 12, 31), "range"
        if t in ("late", "end of", "end-"):
            return date(y + 6, 1, 1), date(y + 9, 12, 31), "range"
    return iv


def _apply_prep(prep: str | None, iv: _Iv | None, base_kind: str, pub: date | None,
                tense: Tense) -> tuple[_Iv | None, str]:
    """Turn the interval of the expression after a preposition into the interval of the action."""
    kind = _prep_kind(prep, base_kind)
    p = _norm(prep) or ""
    if iv is None or kind == base_kind:
        return (iv if kind not in _UNDATED_KINDS else None), kind
    start, end, _gran = iv
    if kind in ("since", "after"):
        return None, kind
    if kind in ("deadline", "until"):
        if tense == "past" or pub is None:
            return None, kind
        limit = start - timedelta(days=1) if p in ("before", "prior to", "ahead of") else end
        return ((pub, limit, "range") if pub <= limit else None), kind
    # interval: "beginning on 24 April", "from next month"
    if tense == "past" and pub is not None and start <= pub:
        return (start, pub, "range"), kind
    return iv, kind


# --------------------------------------------------------------------------------------------
# Rules: classify (kind or None to reject) and resolve
# --------------------------------------------------------------------------------------------

_Out = tuple[_Iv | None, str]


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"(\S+)\s*$", text[:pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w#.]+)", text[pos:])
    return m.group(1).lower().rstrip(".") if m else ""


def _bad_bare_year(text: str, start: int, end: int, *, check_after: bool = True) -> bool:
    """Whether a bare 4-digit number at text[start:end] is a count, an identifier or a clock time."""
    before = text[start - 1] if start > 0 else " "
    if before.isdigit() or before in "$£€#/.,:-":
        return True
    if check_after and end + 1 < len(text) and text[end] in "-/:" and text[end + 1].isdigit():
        return True
    return _prev_word(text, start) in _YEAR_BAD_PREV or _next_word(text, end) in _YEAR_BAD_NEXT


# -- ranges --

def _classify_range(m: re.Match[str], text: str) -> str | None:
    rprep, sep = _norm(m.group("rprep")), _norm(m.group("sep")) or "-"
    if (sep == "and") != (rprep == "between"):
        return None
    a, b = _point_of(m, "a_"), _point_of(m, "b_")
    if a is None or b is None:
        return None
    pts = _range_points(a, b)
    if pts is None:
        return None
    a2, b2 = pts
    if a2.shape == "year" and b2.shape == "dd" and (
        sep not in ("-", "–", "—") or a2.year is None or b2.day is None or b2.day <= a2.year % 100
    ):
        return None
    if rprep is None and m.group("prep") is None:
        if a2.shape == "month" and b2.shape == "month" and (
            (a.month_text is not None and a2.month in _AMBIGUOUS_MONTHS)
            or (b.month_text is not None and b2.month in _AMBIGUOUS_MONTHS)
        ):
            return None
        if a.shape == "year" and _bad_bare_year(text, m.start("a"), m.end("a"), check_after=False):
            return None
    if b.shape in ("year", "dd") and _next_word(text, m.end()) in _YEAR_BAD_NEXT:
        return None
    if _norm(m.group("prep")) == "at":
        return None
    return _prep_kind(m.group("prep"), "interval")


def _resolve_range_match(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    a, b = _point_of(m, "a_"), _point_of(m, "b_")
    iv = _resolve_range(a, b, pub, tense) if a is not None and b is not None else None
    return _apply_prep(m.group("prep"), iv, "interval", pub, tense)


# -- periods: explicit dates, months, years, seasons, this/last/next week|month|year --

def _period_base_kind(m: re.Match[str]) -> str:
    return "relative" if (m.group("which") or m.group("the_unit")) else "date"


def _classify_period(m: re.Match[str], text: str) -> str | None:
    prep, mod = m.group("prep"), m.group("mod")
    weekend_prep = _norm(prep) in ("over", "at", "on", "during", "for")
    if m.group("the_unit") and not mod and not (m.group("the_unit").lower() == "weekend" and weekend_prep):
        return None
    if m.group("wdpre") and not (m.group("mdy_m") or m.group("dmy_m")):
        return None
    if (mo := m.group("m")) and not prep and not mod and _month_int(mo) in _AMBIGUOUS_MONTHS:
        return None
    if m.group("season") and not m.group("season_y") and not prep and not mod:
        return None
    if m.group("y") and not mod:
        if prep is None and _bad_bare_year(text, m.start("y"), m.end("y")):
            return None
        if _norm(prep) == "at" or _next_word(text, m.end()) in _YEAR_BAD_NEXT:
            return None
    if m.group("which") and _norm(m.group("which")) in ("the previous", "the following", "the preceding"):
        return "anaphoric"
    return _prep_kind(prep, _period_base_kind(m))


def _relative_unit(which: str, unit: str, pub: date) -> tuple[_Iv | None, bool]:
    """this/last/next (and the past/the coming) week|month|year|weekend|quarter|decade|season.

    Returns the interval and whether it is the *current* period (for earlier/later).
    """
    w, u = which, unit.lower()
    if w in ("the past", "past", "the last", "the coming", "coming", "the next"):
        if u in ("weekend", *_SEASON_START, "quarter"):
            w = "last" if w in ("the past", "past", "the last") else "next"
        else:
            n_unit = "year" if u == "decade" else u
            n = 10 if u == "decade" else 1
            if w in ("the past", "past", "the last"):
                return (_shift(pub, n, n_unit, -1), pub, "range"), False
            return (pub, _shift(pub, n, n_unit, +1), "range"), False
    w = {"this past": "last", "this coming": "next", "the current": "this", "current": "this"}.get(w, w)
    step = {"last": -1, "this": 0, "next": 1}.get(w)
    if step is None:
        return None, False
    current = step == 0
    if u == "week":
        return (*_week_span(pub + timedelta(days=7 * step)), "week"), current
    if u == "weekend":
        sat = _week_span(pub + timedelta(days=7 * step))[0] + timedelta(days=5)
        return (sat, sat + timedelta(days=1), "range"), current
    if u == "month":
        d = _add_months(pub, step)
        return (*_month_span(d.year, d.month), "month"), current
    if u == "year":
        return (*_year_span(pub.year + step), "year"), current
    if u == "quarter":
        q0 = (pub.year * 12 + pub.month - 1) // 3 + step
        y, q = divmod(q0, 4)
        return (*_quarter_span(y, q + 1), "range"), current
    if u == "decade":
        y0 = pub.year // 10 * 10 + 10 * step
        return (date(y0, 1, 1), date(y0 + 9, 12, 31), "range"), current
    # seasons
    spans = [_season_span(u, y) for y in range(pub.year - 2, pub.year + 2)]
    if step == 0:
        y = pub.year - 1 if (u == "winter" and pub.month <= 2) else pub.year
        return (*_season_span(u, y), "season"), True
    if step < 0:
        return (*max(s for s in spans if s[1] < pub), "season"), False
    return (*min(s for s in spans if s[0] > pub), "season"), False


def _the_weekend(pub: date, tense: Tense) -> _Iv:
    sat = _week_span(pub)[0] + timedelta(days=5)
    if tense == "past" and pub < sat:
        sat -= timedelta(days=7)
    return sat, sat + timedelta(days=1), "range"


def _resolve_period(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    prep, mod = m.group("prep"), m.group("mod")
    base_kind = _period_base_kind(m)
    iv: _Iv | None = None
    current = False
    if (which := m.group("which")) is not None:
        w = _norm(which) or ""
        if w in ("the previous", "the following", "the preceding"):
            return None, "anaphoric"
        if pub is not None:
            iv, current = _relative_unit(w, m.group("unit"), pub)
    elif (unit := m.group("the_unit")) is not None:
        if pub is not None:
            if unit.lower() == "weekend":
                iv = _the_weekend(pub, tense)
            else:
                iv, current = _relative_unit("this", unit, pub)
    elif (dec := m.group("decade")) is not None:
        y0 = int(dec)
        iv = date(y0, 1, 1), date(y0 + 9, 12, 31), "range"
    elif (q := m.group("q")) is not None:
        y, n = int(m.group("q_y")), int(q[1])
        if q[0].upper() == "Q" and n <= 4:
            iv = (*_quarter_span(y, n), "range")
        elif n <= 2:
            half = (date(y, 1, 1), date(y, 6, 30)) if n == 1 else (date(y, 7, 1), date(y, 12, 31))
            iv = (*half, "range")
    elif (season := m.group("season")) is not None:
        if (sy := m.group("season_y")) is not None:
            iv = (*_season_span(season, int(sy)), "season")
        elif pub is not None:
            s = _pick_year(lambda y: _season_span(season, y), pub, tense)
            iv = (*s, "season") if s else None
    else:
        pt = _point_of(m, "")
        if pt is not None:
            iv = _resolve_point(pt, pub, tense)
    if iv is not None:
        iv = _apply_mod(mod, iv, pub, current)
    return _apply_prep(prep, iv, base_kind, pub, tense)


# -- weekdays --

def _classify_weekday(m: re.Match[str], text: str) -> str | None:
    bare = not (m.group("prep") or m.group("tod1") or m.group("wmod") or m.group("wweek") or m.group("tod2"))
    if bare and (
        _prev_word(text, m.start()) in _WEEKDAY_BAD_PREV or _next_word(text, m.end()) in _WEEKDAY_BAD_NEXT
    ):
        return None
    return _prep_kind(m.group("prep"), "weekday")


def _resolve_weekday(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    if pub is None:
        return _apply_prep(m.group("prep"), None, "weekday", pub, tense)
    wd = _WEEKDAYS[m.group("wd").lower()]
    if (wweek := _norm(m.group("wweek"))) is not None:
        step = {"last": -1, "this": 0, "next": 1}[wweek]
        d = _week_span(pub + timedelta(days=7 * step))[0] + timedelta(days=wd)
    else:
        d = _weekday_date(pub, wd, tense, _norm(m.group("wmod")))
    return _apply_prep(m.group("prep"), (d, d, "day"), "weekday", pub, tense)


# -- yesterday / today / tonight / tomorrow ... --

_DAYWORD_OFFSET = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "tomorrow": 1, "the day after tomorrow": 2,
}


def _classify_dayword(m: re.Match[str], text: str) -> str | None:
    return _prep_kind(m.group("prep"), "relative")


def _resolve_dayword(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    iv: _Iv | None = None
    if pub is not None:
        dw = _norm(m.group("dw")) or ""
        if dw == "overnight":
            iv = pub - timedelta(days=1), pub, "range"
        else:
            d = pub + timedelta(days=_DAYWORD_OFFSET[dw])
            iv = d, d, "day"
    return _apply_prep(m.group("prep"), iv, "relative", pub, tense)


# -- quantities: N days ago, in the coming weeks, in recent weeks, within two days, in two weeks --

_DEFAULT_SPAN_DAYS = {"hour": 1, "minute": 1, "day": 10}


def _window(n: int | None, unit: str, pub: date, sign: int) -> _Iv | None:
    u = unit.lower().rstrip("s")
    plural = unit.lower().endswith("s")
    if n is None:
        if not plural:
            n = 1
        elif u in _DEFAULT_SPAN_DAYS:
            d = pub + timedelta(days=sign * _DEFAULT_SPAN_DAYS[u])
            return (min(pub, d), max(pub, d), "range")
        elif u in ("week", "month"):
            n = 6
        else:
            return None  # "in recent years", "in the coming decades": too vague
    if u in ("hour", "minute"):
        n_days = max(1, -(-n // (24 if u == "hour" else 1440)))
        d = pub + timedelta(days=sign * n_days)
    else:
        d = _shift(pub, n, u, sign)
    return (min(pub, d), max(pub, d), "range")


def _classify_quantity(m: re.Match[str], text: str) -> str | None:
    if m.group("w_which") is not None:
        prep, which = _norm(m.group("w_prep")), _norm(m.group("w_which"))
        if prep is None and m.group("w_n") is None:
            if m.group("w_the") is None:
                return None  # "last week", "next month": periods
            if which in ("next", "following", "previous", "preceding"):
                return "anaphoric"  # "the next day": relative to the narrative, not to publication
        if which in ("following", "previous", "preceding"):
            return "anaphoric"
        if prep in ("for", "throughout"):
            return "duration"
        long_unit = (m.group("w_u") or "").lower().startswith(("year", "decade"))
        if which == "recent" and long_unit and not m.group("w_n"):
            return "vague"
    if m.group("ago_n") is not None and _num(m.group("ago_n")) is None:
        return "relative" if (m.group("ago_u") or "").lower().startswith("day") else "vague"
    return "relative"


def _resolve_quantity(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    kind = _classify_quantity(m, m.string) or "relative"
    if kind != "relative" or pub is None:
        return None, kind
    if (ago_u := m.group("ago_u")) is not None:
        n = _num(m.group("ago_n"))
        if n is None:  # "a few days ago", "several days ago"
            return (pub - timedelta(days=7), pub - timedelta(days=1), "range"), kind
        u = ago_u.lower().rstrip("s")
        return _unit_iv(_shift(pub, n, u, -1), "year" if u == "decade" else u), kind
    if (w_u := m.group("w_u")) is not None:
        which = _norm(m.group("w_which"))
        sign = +1 if which in ("next", "coming") else -1
        return _window(_num(m.group("w_n")) if m.group("w_n") else None, w_u, pub, sign), kind
    if (ahead_u := m.group("ahead_u")) is not None:
        return _window(None, ahead_u, pub, +1), kind
    if (in_u := m.group("in_u")) is not None:
        if tense == "past":
            return None, "duration"  # "captured the city in two weeks"
        n = _num(m.group("in_n"))
        if n is None:
            return _window(None, in_u + "s", pub, +1), kind
        u = in_u.lower().rstrip("s")
        return _unit_iv(_shift(pub, n, u, +1), "year" if u == "decade" else u), kind
    if (win_u := m.group("win_u")) is not None:
        if tense == "past":
            return None, "duration"
        n = _num(m.group("win_n")) if m.group("win_n") else None
        return _window(n, win_u, pub, +1), kind
    return None, kind


# -- a day after X, two days later, the following day, durations, frequencies, vague --

def _classify_relevent(m: re.Match[str], text: str) -> str | None:
    if m.group("re_anchor") is not None and m.group("re_n") is not None and _num(m.group("re_n")) is not None:
        return "relative"
    return "relative-event"


def _resolve_relevent(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    kind = _classify_relevent(m, m.string) or "relative-event"
    if kind != "relative":
        return None, kind
    pt = _point_of(m, "r_")
    n = _num(m.group("re_n"))
    iv = _resolve_point(pt, pub, tense) if pt is not None else None
    if iv is None or n is None or iv[2] != "day":
        return None, kind
    direction = _norm(m.group("re_dir")) or ""
    sign = +1 if direction in ("after", "following") else -1
    d = _shift(iv[0], n, m.group("re_u"), sign)
    return (d, d, "day"), kind


def _classify_anaphoric(m: re.Match[str], text: str) -> str | None:
    return "since" if m.group("since_then") else "anaphoric"


def _const_kind(kind: str) -> Callable[[re.Match[str], str], str | None]:
    def classify(m: re.Match[str], text: str) -> str | None:
        return kind

    return classify


def _unresolved(kind: str) -> Callable[[re.Match[str], date | None, Tense], _Out]:
    def resolve(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
        return None, kind

    return resolve


def _resolve_anaphoric(m: re.Match[str], pub: date | None, tense: Tense) -> _Out:
    return None, _classify_anaphoric(m, m.string) or "anaphoric"


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    classify: Callable[[re.Match[str], str], str | None]
    resolve: Callable[[re.Match[str], date | None, Tense], _Out]
    # Every match of ``regex`` contains a trigger token (a word of ``words``, a number if ``digits``, a
    # month name if ``months``) and starts at most ``back`` tokens before it. The finder only tries the
    # regex at those positions, which keeps it far below a millisecond per sentence.
    words: frozenset[str]
    digits: bool = False
    months: bool = False
    back: int = 4


_UNIT_WORDS = frozenset(
    w + plural for w in ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
    for plural in ("", "s")
)
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_MONTH_TOKENS = frozenset(
    [*_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES), *_MON_ABBR_LIST, *(m.upper() for m in _MON_ABBR_LIST)]
)


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_PERIOD_WORDS = _WEEKDAY_WORDS | frozenset(_SEASON_START) | _words("week month year weekend quarter decade")
_DAYWORD_WORDS = _words("yesterday today tonight tomorrow night overnight morning afternoon evening")
_RELEVENT_WORDS = _words("after before following prior ahead within eve")
_ANAPHORIC_WORDS = _UNIT_WORDS | _words(
    "following next previous preceding same prior that earlier later time then point"
)
_FREQUENCY_WORDS = _words(
    "every each once twice times daily weekly monthly annually yearly biannually biennially regularly"
) | {w + "s" for w in _WEEKDAYS}
_VAGUE_WORDS = _words(
    "recently lately soon shortly previously formerly eventually imminently earlier later past future point"
    " course date stage time years ago day"
)

# Order = priority among equally long overlapping matches.
_RULES: tuple[_Rule, ...] = (
    _Rule("range", _RE_RANGE, _classify_range, _resolve_range_match,
          _WEEKDAY_WORDS, digits=True, months=True, back=5),
    _Rule("period", _RE_PERIOD, _classify_period, _resolve_period,
          _PERIOD_WORDS, digits=True, months=True, back=10),
    _Rule("weekday", _RE_WEEKDAY, _classify_weekday, _resolve_weekday, _WEEKDAY_WORDS, back=8),
    _Rule("dayword", _RE_DAYWORD, _classify_dayword, _resolve_dayword, _DAYWORD_WORDS, back=8),
    _Rule("quantity", _RE_QUANTITY, _classify_quantity, _resolve_quantity, _UNIT_WORDS, back=7),
    _Rule("relevent", _RE_RELEVENT, _classify_relevent, _resolve_relevent, _RELEVENT_WORDS, back=6),
    _Rule("anaphoric", _RE_ANAPHORIC, _classify_anaphoric, _resolve_anaphoric, _ANAPHORIC_WORDS, back=5),
    _Rule("duration", _RE_DURATION, _const_kind("duration"), _unresolved("duration"),
          _UNIT_WORDS | {"time"}, back=8),
    _Rule("frequency", _RE_FREQUENCY, _const_kind("frequency"), _unresolved("frequency"),
          _FREQUENCY_WORDS, back=5),
    _Rule("vague", _RE_VAGUE, _const_kind("vague"), _unresolved("vague"), _VAGUE_WORDS, back=7),
)

_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_WORD_MASK: dict[str, int] = {}
for _bit, _rule in enumerate(_RULES):
    for _w in _rule.words:
        _WORD_MASK[_w] = _WORD_MASK.get(_w, 0) | (1 << _bit)
_DIGIT_MASK = sum(1 << i for i, r in enumerate(_RULES) if r.digits)
_MONTH_MASK = sum(1 << i for i, r in enumerate(_RULES) if r.months)


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    priority: int
    rule: _Rule
    match: re.Match[str]
    kind: str


def _find(text: str) -> list[_Cand]:
    """Longest non-overlapping accepted rule matches (ties: rule priority), in text order."""
    starts: list[int] = []
    hits: list[list[int]] = [[] for _ in _RULES]
    for i, tm in enumerate(_TOKEN.finditer(text)):
        tok = tm.group()
        starts.append(tm.start())
        mask = _WORD_MASK.get(tok.lower(), 0)
        if tok[0].isdigit():
            mask |= _DIGIT_MASK
        elif tok in _MONTH_TOKENS:
            mask |= _MONTH_MASK
        while mask:
            low = mask & -mask
            hits[low.bit_length() - 1].append(i)
            mask ^= low
    cands: list[_Cand] = []
    for prio, rule in enumerate(_RULES):
        if not hits[prio]:
            continue
        positions = sorted({starts[j] for i in hits[prio] for j in range(max(0, i - rule.back), i + 1)})
        for pos in positions:
            m = rule.regex.match(text, pos)
            if m is None or m.end() == m.start():
                continue
            kind = rule.classify(m, text)
            if kind is not None:
                cands.append(_Cand(m.start(), m.end(), prio, rule, m, kind))
    cands.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    chosen: list[_Cand] = []
    for c in cands:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _find_scan(text: str) -> list[tuple[int, int, str]]:
    """Reference finder scanning every position with every rule (tests check ``_find`` against it)."""
    cands: list[_Cand] = []
    for prio, rule in enumerate(_RULES):
        for pos in range(len(text)):
            m = rule.regex.match(text, pos)
            if m is not None and m.end() > m.start() and (kind := rule.classify(m, text)) is not None:
                cands.append(_Cand(m.start(), m.end(), prio, rule, m, kind))
    cands.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    chosen: list[_Cand] = []
    for c in cands:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted((c.start, c.end, c.kind) for c in chosen)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def find_time_expressions(text: str) -> list[TimeMatch]:
    """Temporal expressions of ``text``: longest non-overlapping regex matches, in order of position.

    Each match includes its leading preposition when there is one ("on Monday", "in February",
    "since January 2020", "beginning on 24 April"). ``kind`` is one of: ``date`` (explicit or
    calendar expressions: "1 April 2024", "in May 2023", "early 2024", "in 2020"), ``relative``
    ("last week", "this month", "yesterday", "3 days ago", "in the coming weeks", "in recent weeks"),
    ``weekday`` ("on Monday"), ``interval`` ("June 18-19", "from August 4 to August 7, 2022",
    "beginning on 24 April"), ``since`` ("since 2014"), ``duration`` ("two days of talks", "two-day"),
    ``vague`` ("recently"), ``anaphoric`` ("the following day"), ``relative-event`` ("a day after"),
    ``deadline`` ("by the end of the year"), ``until``, ``after`` and ``frequency`` ("twice annually").
    """
    return [TimeMatch(c.start, c.end, text[c.start:c.end], c.kind) for c in _find(text)
            if _IDIOM.fullmatch(text[c.start:c.end].lower()) is None]


# "called off at the last minute", "saved at the eleventh hour": manner, not a time of its own
_IDIOM = re.compile(r"(?:at\s+)?the\s+(?:last|final|eleventh)\s+(?:minute|hour|moment)")


def _resolution(c: _Cand, text: str, published: date | None, tense: Tense) -> DateResolution:
    iv, kind = c.rule.resolve(c.match, published, tense)
    span = text[c.start:c.end]
    if iv is None or kind in _UNDATED_KINDS:
        return DateResolution(span, None, None, None, kind)
    return DateResolution(span, iv[0], iv[1], iv[2], kind)


def resolve_time(text: str, published: date | None, tense: Tense = "past") -> DateResolution:
    """Resolve a temporal expression (normally a :class:`TimeMatch` text) against ``published``.

    ``tense`` picks the reading of under-specified expressions: for ``past`` "on Monday" is the most
    recent Monday (the publication day itself when it is a Monday) and "in November" the latest
    November not after publication; for ``future`` they are the next ones (strictly after for
    weekdays, the current month counts for months); ``present`` takes the same day / containing
    period, else the nearest. If ``text`` holds several expressions, the first one that resolves is
    returned, else the first one found (unresolved, with its kind); text without any temporal
    expression gives kind ``none``. Without a publication date only expressions carrying their own
    year resolve.
    """
    return _resolve_time(text, published, tense, SAME_WEEKDAY_PAST_DAYS_BACK)


@lru_cache(maxsize=65_536)
def _resolve_time(text: str, published: date | None, tense: Tense, _days_back: int) -> DateResolution:
    """:func:`resolve_time`, remembered: the same expressions recur with the same publication date (every
    candidate of a sentence, every article of a day); the answer is a frozen record. ``_days_back``:
    the setting :data:`SAME_WEEKDAY_PAST_DAYS_BACK` it was computed under (part of the key)."""
    first: DateResolution | None = None
    for c in _find(text):
        res = _resolution(c, text, published, tense)
        if res.is_resolved():
            return res
        if first is None:
            first = res
    return first if first is not None else DateResolution(text.strip(), None, None, None, "none")


def resolve_match(match: TimeMatch, published: date | None, tense: Tense = "past") -> DateResolution:
    """:func:`resolve_time` of a match found by :func:`find_time_expressions`."""
    return resolve_time(match.text, published, tense)


def since_span(text: str, published: date | None) -> tuple[date, date] | None:
    """For a ``since`` expression ("since 2014", "since August 2021"): the interval from its start to
    ``published`` -- the span of a cumulative or continuing state (dev gold 11 codes "Since 2014, the US
    has committed ..." as 2014-01-01..publication). None for other expressions or without a date.
    """
    if published is None:
        return None
    for c in _find(text):
        if c.kind != "since" or c.rule.name not in ("period", "weekday", "dayword"):
            continue
        m = c.match
        inner = text[m.end("prep"):m.end()].strip() if m.group("prep") else ""
        res = resolve_time(inner, published, "past")
        if res.start is not None and res.start <= published:
            return res.start, published
    return None


_DURATION_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def duration_days(text: str) -> int | None:
    """Length in days of the first day/week duration in ``text`` ("two-day trip" -> 2,
    "two days of talks" -> 2, "a week" -> 7); None when absent or not countable in days.
    """
    for c in _find(text):
        if c.rule.name != "duration":
            continue
        m = c.match
        n_txt, u_txt = (m.group("dn"), m.group("du")) if m.group("dn") else (m.group("dh_n"), m.group("dh_u"))
        if n_txt is None or u_txt is None:
            continue
        n, u = _num(n_txt), u_txt.lower().rstrip("s")
        if n is not None and u in _DURATION_UNIT_DAYS:
            return n * _DURATION_UNIT_DAYS[u]
    return None
