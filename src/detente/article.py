"""The Article model and its readers: plain text, scraped-news markdown, HTML, JSON and JSONL.

Every reader ends in :func:`article_from_text`, which turns scraped text into clean segments to code
(headline, standfirst, captions, body paragraphs) and moves everything else — bylines, "7 HOURS AGO",
photo credits, copyright lines, "Additional reporting by ..." — into metadata. Bad input raises
:class:`~detente.errors.InputError` or :class:`~detente.errors.ArticleFormatError`, never a raw exception.
"""

from __future__ import annotations

import datetime
import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ArticleFormatError, InputError
from .normalize import clean_chars

if TYPE_CHECKING:
    from .limits import Limits

__all__ = [
    "Article",
    "article_from_html",
    "article_from_text",
    "iter_articles",
    "iter_articles_from_bytes",
    "parse_published",
    "read_articles",
]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


# ---------------------------------------------------------------------------------------------------
# The model


@dataclass
class Article:
    """One news article, cleaned: what to code (``segments()``) and what is only metadata."""

    id: str
    url: str | None = None
    title: str | None = None
    section: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: datetime.date | None = None
    published_text: str | None = None
    age_text: str | None = None
    year_bound: int | None = None
    standfirst: str | None = None
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    source_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # notes from reading it (e.g. the encoding guessed)

    def segments(self) -> list[tuple[str, str]]:
        """``(kind, text)`` in coding order: headline, standfirst, each caption, each body paragraph."""
        out: list[tuple[str, str]] = []
        if self.title:
            out.append(("headline", self.title))
        if self.standfirst:
            out.append(("standfirst", self.standfirst))
        out.extend(("caption", c) for c in self.captions if c)
        out.extend(("body", p) for p in self.paragraphs if p)
        return out

    @property
    def text_segments(self) -> list[tuple[str, str]]:
        """Alias of :meth:`segments`."""
        return self.segments()

    @property
    def text(self) -> str:
        """The segments' texts joined by blank lines."""
        return "\n\n".join(t for _, t in self.segments())


# ---------------------------------------------------------------------------------------------------
# Dates

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"),
    start=1,
):
    _MONTHS[_name] = _i
    _MONTHS[_name[:3]] = _i
_MONTHS["sept"] = 9

_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?"
_TIME_TAIL_RE = (
    r"(?:\s*(?:,|at|@|-|–|—)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)
_DATE_PREFIX_RE = r"(?:(?:published|posted|updated|dated|released)(?:\s+on)?\s*:?\s*)?"
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_MDY_RE = re.compile(
    rf"{_DATE_PREFIX_RE}(?:{_WEEKDAY_RE}\.?,?\s+)?({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"{_TIME_TAIL_RE}",
    re.IGNORECASE,
)
_DMY_RE = re.compile(
    rf"{_DATE_PREFIX_RE}(?:{_WEEKDAY_RE}\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+"
    rf"(\d{{4}}){_TIME_TAIL_RE}",
    re.IGNORECASE,
)
_YMD_SLASH_RE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")


def _mkdate(year: str | int, month: str | int, day: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_published(value: str) -> datetime.date | None:
    """The calendar date written in ``value``, or None when it is not (only) a date.

    Accepts ISO dates and datetimes ("2023-06-06", "2023-06-06T10:00:00Z": the date as written, not
    converted to UTC), "June 6, 2023", "6 June 2023", "Monday, August 28, 2023", "2023/06/06", with an
    optional time after the date and an optional "Published"/"Updated" prefix. Ambiguous numeric forms
    such as "06/07/2023" give None.
    """
    if not isinstance(value, str):
        return None
    s = _norm_ws(value).strip(" .")
    if not s or len(s) > 80:
        return None
    m = _ISO_RE.fullmatch(s)
    if m:
        return _mkdate(m.group(1), m.group(2), m.group(3))
    m = _YMD_SLASH_RE.fullmatch(s)
    if m:
        return _mkdate(m.group(1), m.group(2), m.group(3))
    m = _MDY_RE.fullmatch(s)
    if m:
        return _mkdate(m.group(3), _MONTHS[m.group(1).lower().rstrip(".")], m.group(2))
    m = _DMY_RE.fullmatch(s)
    if m:
        return _mkdate(m.group(3), _MONTHS[m.group(2).lower().rstrip(".")], m.group(1))
    return None


def _find_date(text: str) -> tuple[datetime.date, str] | None:
    """The first written date inside ``text`` (for bylines such as "... June 6 2023"), with its text."""
    for rx in (_ISO_RE, _MDY_RE, _DMY_RE):
        m = rx.search(text)
        if m:
            d = parse_published(m.group(0))
            if d is not None:
                return d, m.group(0).strip()
    return None


# ---------------------------------------------------------------------------------------------------
# Inline cleaning

_SPACES_RE = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFLINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_MARK_RE = re.compile(
    r"\[(?:\d{1,4}|[a-z]|citation needed|clarification needed|according to whom\?|when\?|who\?|"
    r"(?:note|nb|n)\s*\d+|[a-z]\s*\d+)\](?!\()",
    re.IGNORECASE,
)
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG_RE = re.compile(
    r"</?(?:a|b|i|u|em|strong|span|sup|sub|small|mark|abbr|cite|font|code|br|p|div)\b[^>]*>", re.IGNORECASE
)
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UND_RE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE_RE = re.compile(r"~~(.+?)~~")
_CODE_RE = re.compile(r"`([^`]+)`")
_DOUBLE_BRACKET_RE = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_SCRIPT_MARK_RE = re.compile(r"\(\(\s*([^()]{0,120}?)\s*\)\)")


def _norm_ws(s: str) -> str:
    s = _ZERO_WIDTH_RE.sub("", s)
    s = _SPACES_RE.sub(" ", s.replace("\n", " ").replace("\r", " "))
    return s.strip()


def _script_marker(m: re.Match[str]) -> str:
    """``((INTRO))``, ``((SOUNDBITE: ...))`` are production directions: dropped. Other ``((x))`` -> x."""
    inner = m.group(1)
    head = re.split(r"[\s:,;/-]", inner, maxsplit=1)[0]
    if not inner or (len(head) >= 2 and head.isupper()):
        return " "
    return inner


def _clean_inline(s: str) -> str:
    """Markdown/HTML inline markup to plain text; reference markers dropped; whitespace normalised."""
    s = _ESCAPE_RE.sub(lambda m: chr(0xE000 + ord(m.group(1))), s)
    s = _IMAGE_RE.sub(" ", s)
    s = _REF_MARK_RE.sub("", s)
    s = _LINK_RE.sub(r"\1", s)
    s = _REFLINK_RE.sub(r"\1", s)
    s = _REF_MARK_RE.sub("", s)
    s = _AUTOLINK_RE.sub(r"\1", s)
    s = _HTML_TAG_RE.sub(" ", s)
    if "&" in s:
        s = html_lib.unescape(s)
    s = _STRIKE_RE.sub(r"\1", s)
    s = _BOLD_RE.sub(r"\2", s)
    s = _ITALIC_STAR_RE.sub(r"\1", s)
    s = _ITALIC_UND_RE.sub(r"\1", s)
    s = _CODE_RE.sub(r"\1", s)
    s = re.sub("[\ue000-\ue0ff]", lambda m: chr(ord(m.group(0)) - 0xE000), s)
    s = _norm_ws(s)
    # a reference marker removed before punctuation leaves "Taiwan ." -> "Taiwan."
    return re.sub(r" +([,.;:!?])(?=\s|$)", r"\1", s)


# ---------------------------------------------------------------------------------------------------
# Line classifiers (on raw markdown lines or paragraphs)

_TERMINAL = frozenset(".!?:;…")
_CLOSERS = "\"'”’»)]*_"
_OPENERS = "\"'“‘«([*_"
_CONTINUATION_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "nor", "its", "their", "his", "her",
                                 "our", "whose", "than"})

_RULE_RE = re.compile(r"\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})")
_ATX_RE = re.compile(r"\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*")
_LIST_RE = re.compile(r"\s{0,6}(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
_QUOTE_RE = re.compile(r"\s{0,3}>\s?")
_BOLD_ONLY_RE = re.compile(r"\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*")

_AGE_CORE = (
    r"(?:(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?)\s+ago|"
    r"just now|yesterday)"
)
_AGE_RE = re.compile(rf"\b{_AGE_CORE}\b", re.IGNORECASE)
_AGE_LINE_RE = re.compile(rf"(?:(?:updated|published|posted)\s*:?\s*)?{_AGE_CORE}\.?", re.IGNORECASE)

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|bin|el|la|le|du|dos|di)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
_PLACE = r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|de|of|upon|on|la|el|al))*"
_BYLINE_BY_RE = re.compile(
    rf"(?:By|BY|by)\s+({_NAME}(?:\s*(?:,|and|AND|&)\s*{_NAME})*)"
    r"(?:\s*,\s*([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}))?"  # ", Reuters" / ", Staff Writer"
    rf"(?:\s+(?:in|IN)\s+({_PLACE}(?:,\s*{_PLACE})?))?\s*[.,]?"
)
_BOLD_SEG_RE = re.compile(r"(?:\*\*|__)(.+?)(?:\*\*|__)")
_BOLD_BYLINE_RE = re.compile(
    r"\s*(?:by\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)(?:\s*(?:,|and|&)\s*(?:\*\*|__)[^*_]+(?:\*\*|__))*"
    r"(?:\s+(?:in|from)\s+.{1,60}?)?(?:\s+.{0,40})?\s*",
    re.IGNORECASE,
)

_ADDITIONAL_RE = re.compile(r"(?:with\s+)?additional reporting by\s+(.+?)\.?", re.IGNORECASE)
_REPORTING_RE = re.compile(
    r"(?:(?:reporting|writing|editing|compiled|produced|translated)(?:\s+and\s+\w+)?\s+by\s+.+?"
    r"(?:;\s*(?:\w+\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\s+.+?)*)\.?",
    re.IGNORECASE,
)
_SOURCES_NOTE_RE = re.compile(
    r"(?:some|additional|much of the|the)\s+information\s+(?:for|in|used in)\s+this\s+"
    r"(?:report|story|article|piece)\s+(?:came|comes|was taken)\s+from\s+(.+?)\.?",
    re.IGNORECASE,
)
_BOILERPLATE_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"for immediate release\.?",
        r"(?:-\s*)?ends?\s*(?:-\s*)?|#{3}|\*{3}",
        r"all rights reserved\.?",
        r"sign[ -]up\b.{0,200}",
        r"subscribe (?:to|now|today|for)\b.{0,200}",
        r"(?:read more|related(?: articles?| stories| coverage)?|recommended|advertisement|"
        r"share this (?:article|story|page)|click here|listen to this article|"
        r"follow (?:us|the topics|@).{0,120}|print this page|skip to (?:main )?content)\b\s*[:.]?.{0,120}",
        r"(?:media|press)?\s*contacts?\s*:.{0,200}",
        r"(?:photo|photograph|image|picture|video)\s*(?:credit)?\s*:.{0,100}",
        r"this (?:article|story) (?:has been|was) (?:updated|corrected)\b.{0,200}",
    )
)
_CAPTION_CREDIT_RE = re.compile(r"\s*©\s*(.*)$")
_WIRE_DATELINE_RE = re.compile(
    r"((?:[A-Z][A-Z.'’]+)(?:[ -][A-Z][A-Z.'’]+){0,3})"
    rf"(?:\s*,\s*((?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?"
    r"\s*(\((?:[A-Za-z][\w .&-]{1,30})\))?\s*[-–—]{1,2}\s+(?=\S)",
    re.IGNORECASE,
)


def _ends_terminal(s: str) -> bool:
    t = s.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(t) and t[-1] in _TERMINAL


def _first_letter(s: str) -> str:
    t = s.lstrip(_OPENERS + " ")
    return t[:1]


def _last_word(s: str) -> str:
    words = re.findall(r"[A-Za-z]+", s[-40:])
    return words[-1].lower() if words else ""


def _is_age_line(clean: str) -> bool:
    return bool(_AGE_LINE_RE.fullmatch(clean))


def _is_boilerplate(clean: str) -> bool:
    return any(rx.fullmatch(clean) for rx in _BOILERPLATE_RES)


def _is_copyright(clean: str) -> bool:
    if len(clean) > 300:
        return False
    low = clean.lower()
    if "all rights reserved" in low:
        return True
    if low.startswith(("copyright", "©", "(c) ")) and (_copyright_year(clean) or "©" in clean):
        return True
    # "© 2023 Reuters" / "2023 © The Times"
    return bool(re.fullmatch(r"(?:\d{4}\s*)?©\s*(?:\d{4}\s*)?[\w .,&'’-]{0,80}", clean))


def _copyright_year(clean: str) -> int | None:
    years = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)", clean)]
    return max(years) if years else None


def _looks_like_name_list(s: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", s) if p]
    if not parts or len(parts) > 6:
        return False
    for p in parts:
        words = p.split()
        if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
            return False
    return True


@dataclass
class _Byline:
    names: list[str]
    place: str | None = None
    age: str | None = None
    date: datetime.date | None = None
    date_text: str | None = None
    agency: str | None = None


def _split_age_and_date(rest: str) -> tuple[str, str | None, datetime.date | None, str | None]:
    age = None
    m = _AGE_RE.search(rest)
    if m:
        age = m.group(0)
        rest = rest[: m.start()] + " " + rest[m.end():]
    found = _find_date(rest)
    date = date_text = None
    if found:
        date, date_text = found
        rest = rest.replace(date_text, " ")
    return _norm_ws(rest), age, date, date_text


def _parse_byline(raw: str, *, front: bool) -> _Byline | None:
    """A byline: ``**Name** in Place 7 HOURS AGO``, ``By Name and Name in Place``, ``By Name, Reuters``."""
    line = raw.strip()
    if not line or len(line) > 160 or "\n" in line:
        return None
    if _BOLD_SEG_RE.search(line) and _BOLD_BYLINE_RE.fullmatch(line):
        names = [_norm_ws(n) for n in _BOLD_SEG_RE.findall(line)]
        if not all(_looks_like_name_list(n) for n in names):
            return None
        rest = _BOLD_SEG_RE.sub(" ", line)
        rest = re.sub(r"^\s*by\s+", " ", rest, flags=re.IGNORECASE)
        rest = re.sub(r"^\s*(?:(?:,|and|&)\s*)+", " ", rest)
        rest, age, date, date_text = _split_age_and_date(rest)
        place = None
        pm = re.fullmatch(r"(?:in|from)\s+(.+?)[,.]?", rest, flags=re.IGNORECASE)
        if pm:
            place = pm.group(1).strip()
        elif rest and not (age or date) and re.search(r"\w", rest):
            return None  # trailing words that are neither place, age nor date: not a byline
        if not (place or age or date or front):
            return None
        return _Byline(names=names, place=place, age=age, date=date, date_text=date_text)
    clean = _clean_inline(line)
    if not re.match(r"by\s", clean, flags=re.IGNORECASE):
        return None
    core, age, date, date_text = _split_age_and_date(clean)
    m = _BYLINE_BY_RE.fullmatch(core)
    if not m or not _looks_like_name_list(m.group(1)):
        return None
    if not front:
        return None
    names = [m.group(1)]
    return _Byline(names=names, place=m.group(3), age=age, date=date, date_text=date_text,
                   agency=m.group(2))


# ---------------------------------------------------------------------------------------------------
# Block structure


@dataclass
class _Block:
    kind: str  # "heading" | "rule" | "para"
    raw: str
    level: int = 0
    list_item: bool = False


def _is_special_line(raw: str) -> bool:
    """A line that is its own paragraph whatever surrounds it (byline, date, caption, boilerplate...)."""
    clean = _clean_inline(raw)
    if not clean:
        return True
    return bool(
        _BOLD_ONLY_RE.fullmatch(raw)
        or "©" in clean
        or _IMAGE_RE.fullmatch(raw.strip())
        or _is_age_line(clean)
        or _is_boilerplate(clean)
        or _is_copyright(clean)
        or parse_published(clean) is not None
        or _parse_byline(raw, front=True) is not None
        or _ADDITIONAL_RE.fullmatch(clean)
        or _SOURCES_NOTE_RE.fullmatch(clean)
    )


def _split_group(lines: list[str]) -> list[str]:
    """Lines not separated by a blank line -> paragraphs (soft-wrapped lines rejoined)."""
    if len(lines) == 1:
        return lines
    maxlen = max(len(x) for x in lines)
    special = [_is_special_line(x) for x in lines]
    out: list[str] = [lines[0]]
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1], lines[i]
        join = False
        if not special[i - 1] and not special[i] and not _ends_terminal(prev):
            join = (
                _first_letter(cur).islower()
                or prev.rstrip().endswith(",")
                or _last_word(prev) in _CONTINUATION_WORDS
                or len(prev) >= 0.75 * maxlen
            )
        if join:
            out[-1] = out[-1].rstrip() + " " + cur.strip()
        else:
            out.append(cur)
    return out


def _blocks(text: str) -> list[_Block]:
    """Split normalised text into headings, rules and paragraphs (markdown-aware, plain-text safe)."""
    blocks: list[_Block] = []
    group: list[str] = []
    group_is_item = False

    def flush() -> None:
        nonlocal group, group_is_item
        if group:
            for i, p in enumerate(_split_group(group)):
                blocks.append(_Block("para", p, list_item=group_is_item and i == 0))
        group = []
        group_is_item = False

    lines = text.split("\n")
    for idx, line in enumerate(lines):
        if not line.strip():
            flush()
            continue
        if _RULE_RE.fullmatch(line):
            # setext heading: "Title" directly above "====" or "----"
            if group and len(group) == 1 and idx > 0 and lines[idx - 1].strip():
                title_line = group[0]
                group = []
                blocks.append(_Block("heading", title_line, level=1 if "=" in line else 2))
            else:
                flush()
                if "=" not in line:
                    blocks.append(_Block("rule", line))
            continue
        m = _ATX_RE.fullmatch(line)
        if m and (m.group(2) is None or line.lstrip().startswith("#" * len(m.group(1)) + " ")):
            flush()
            if m.group(2):
                blocks.append(_Block("heading", m.group(2), level=len(m.group(1))))
            continue
        q = _QUOTE_RE.match(line)
        if q:
            line = line[q.end():]
            if not line.strip():
                flush()
                continue
        li = _LIST_RE.match(line)
        if li:
            flush()
            group = [line[li.end():]]
            group_is_item = True
            continue
        group.append(line.strip())
    flush()
    return blocks


# ---------------------------------------------------------------------------------------------------
# Text -> Article


@dataclass
class _Para:
    text: str
    joinable: bool = True


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", s)).strip().casefold()

    return key(a) == key(b)


def _looks_like_title(first: str, rest: list[str]) -> bool:
    """Whether a plain-text first paragraph is clearly a headline."""
    if not rest or "\n" in first:
        return False
    words = first.split()
    if not words or (_ends_terminal(first) and not first.rstrip().endswith("?")):
        return False
    if first.rstrip().endswith((",", ":", ";")):
        return False
    if _first_letter(rest[0]).islower():
        return False
    caps = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    title_case = bool(caps) and sum(w[:1].isupper() for w in caps) >= 0.6 * len(caps)
    if title_case and len(first) <= 220 and len(words) <= 32:
        return True
    return len(first) <= 140 and len(words) <= 22 and _ends_terminal(rest[0]) and len(rest[0]) > len(first)


def _prepare(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ZERO_WIDTH_RE.sub("", text).replace("\t", " ")
    text = _DOUBLE_BRACKET_RE.sub(lambda m: m.group(1), text)
    text = _SCRIPT_MARK_RE.sub(_script_marker, text)
    return text


def _rejoin(paras: list[_Para]) -> list[str]:
    """Rejoin a sentence split across a paragraph break ("... in May," / "making him ...")."""
    out: list[_Para] = []
    for p in paras:
        if out and out[-1].joinable and p.joinable and _continues(out[-1].text, p.text):
            out[-1] = _Para(out[-1].text.rstrip() + " " + p.text.lstrip())
        else:
            out.append(p)
    return [p.text for p in out]


def _continues(prev: str, nxt: str) -> bool:
    if not prev or not nxt or _ends_terminal(prev):
        return False
    if re.search(r";\s*(?:and|or)$", prev.rstrip()):
        return False  # "item; and" / "Last item." keeps a list's items apart
    if prev.rstrip().endswith((",", "—", "–")) or _last_word(prev) in _CONTINUATION_WORDS:
        return True
    return _first_letter(nxt).islower()


def _clean_value(v: Any) -> Any:
    """Strings inside JSON-like metadata, cleaned with :func:`~detente.normalize.clean_chars`."""
    if isinstance(v, str):
        return clean_chars(v)
    if isinstance(v, dict):
        return {clean_chars(k) if isinstance(k, str) else k: _clean_value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_clean_value(x) for x in v]
    return v


def article_from_text(
    text: str,
    doc_id: str,
    *,
    published: datetime.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source_file: str | None = None,
    published_text: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """Parse plain text or scraped-news markdown into an :class:`Article`.

    ``title``/``published``/``url`` given by the caller (JSON fields, HTML metadata) win over what the
    text itself says. Raises :class:`ArticleFormatError` when nothing codable is left.
    """
    if not isinstance(text, str) or not text.strip():
        raise ArticleFormatError("no article text", path=source_file)
    # normalised on the way in: lone surrogates (from JSON escapes or undecodable file names) and control
    # characters would otherwise break every UTF-8 output downstream
    text, doc_id = clean_chars(text), clean_chars(doc_id)
    title, url, source_file, published_text = (None if v is None else clean_chars(v)
                                                for v in (title, url, source_file, published_text))
    meta = _clean_value(meta) if meta else meta
    art = Article(id=doc_id, url=url, title=_clean_inline(title) if title else None, published=published,
                  published_text=published_text, source_file=source_file, meta=dict(meta or {}))
    if published is not None and art.published_text is None:
        art.published_text = published.isoformat()
    credits: list[str] = []
    dropped: list[str] = []
    title_given = art.title is not None
    headline_taken = title_given
    heading_seen = False

    # pass 1: classify every block
    items: list[tuple[str, str]] = []  # (role, text); roles: heading/sub/para/item/caption/rule/byline
    blocks = _blocks(_prepare(text))
    for bi, b in enumerate(blocks):
        # the front matter (headline, standfirst, byline, date line) ends with the second paragraph
        in_front = bi < 20 and sum(1 for r, _ in items if r in ("para", "item")) <= 1
        if b.kind == "rule":
            items.append(("rule", ""))
            continue
        if b.kind == "heading":
            h = _clean_inline(b.raw)
            if not h:
                continue
            if not headline_taken and not heading_seen:
                art.title = h
                headline_taken = True
                items.append(("headline", h))
            elif art.title and _same_text(h, art.title):
                items.append(("headline", h))
            else:
                items.append(("sub", h))
            heading_seen = True
            continue
        raw = b.raw.strip()
        clean = _clean_inline(raw)
        if not clean:
            img = _IMAGE_RE.fullmatch(raw)
            if img and _norm_ws(img.group(1)):
                items.append(("caption", _norm_ws(img.group(1))))
            continue
        bold_only = _BOLD_ONLY_RE.fullmatch(raw)
        if bold_only and not heading_seen and art.section is None and not any(r == "para" for r, _ in items) \
                and len(clean) <= 80 and _parse_byline(raw, front=False) is None:
            art.section = clean
            continue
        if _is_copyright(clean):
            art.meta.setdefault("copyright", clean)
            year = _copyright_year(clean)
            if year is not None:
                art.year_bound = year if art.year_bound is None else max(art.year_bound, year)
            continue
        m = _ADDITIONAL_RE.fullmatch(clean)
        if m:
            art.meta.setdefault("additional_reporting", []).append(m.group(1).strip())
            continue
        m = _SOURCES_NOTE_RE.fullmatch(clean)
        if m:
            art.meta["report_sources"] = m.group(1).strip()
            continue
        if len(clean) <= 200 and _REPORTING_RE.fullmatch(clean):
            art.meta.setdefault("credits_lines", []).append(clean)
            continue
        if _is_age_line(clean):
            art.age_text = art.age_text or clean
            continue
        if clean.lower().rstrip(".") == "for immediate release":
            art.meta["press_release"] = True
            continue
        if _is_boilerplate(clean):
            dropped.append(clean)
            continue
        bl = _parse_byline(raw, front=in_front)
        if bl is not None and (in_front or bold_only is None):
            if art.byline is None:
                art.byline = " and ".join(bl.names) if len(bl.names) <= 2 else ", ".join(bl.names)
                art.meta["authors"] = [
                    n for ns in bl.names for n in re.split(r"\s*(?:,|\band\b|&)\s*", ns) if n
                ]
                if bl.place:
                    art.dateline = bl.place
                if bl.agency:
                    art.meta["agency"] = bl.agency
                if bl.age:
                    art.age_text = art.age_text or bl.age
                if bl.date:
                    if art.published is None:
                        art.published = bl.date
                        art.published_text = bl.date_text
                    art.meta.setdefault("byline_date", bl.date_text)
            items.append(("byline", clean))
            continue
        if in_front and (d := parse_published(clean)) is not None:
            if art.published is None:
                art.published = d
                art.published_text = clean
            art.meta.setdefault("date_line", clean)
            continue
        if "©" in clean:
            cm = _CAPTION_CREDIT_RE.search(clean)
            assert cm is not None
            cap = clean[: cm.start()].strip()
            credit = cm.group(1).strip()
            if credit:
                credits.append(credit)
            if cap:
                items.append(("caption", cap))
            continue
        if bold_only and heading_seen:
            items.append(("sub", clean))
            continue
        items.append(("item" if b.list_item else "para", clean))

    # pass 2: headline (plain text), standfirst, body
    paras_idx = [i for i, (r, _) in enumerate(items) if r in ("para", "item")]
    if paras_idx and title_given:
        i0 = paras_idx[0]
        if _same_text(items[i0][1], art.title or ""):
            items[i0] = ("headline", items[i0][1])
    elif paras_idx and not headline_taken:
        i0 = paras_idx[0]
        rest = [items[i][1] for i in paras_idx[1:]]
        if items[i0][0] == "para" and _looks_like_title(items[i0][1], rest):
            art.title = items[i0][1]
            headline_taken = True
            items[i0] = ("headline", items[i0][1])
    if any(r == "headline" for r, _ in items):
        hi = next(i for i, (r, _) in enumerate(items) if r == "headline")
        nxt = [i for i in range(hi + 1, len(items)) if items[i][0] != "caption"]
        if nxt and items[nxt[0]][0] == "para":
            j = nxt[0]
            after = [items[k][0] for k in range(j + 1, len(items))]
            structural = bool(after) and after[0] in ("rule", "byline", "caption")
            later_paras = [k for k in range(j + 1, len(items)) if items[k][0] == "para"]
            short_open = (not _ends_terminal(items[j][1]) and len(items[j][1]) <= 300 and bool(later_paras)
                          and not _first_letter(items[later_paras[0]][1]).islower())
            if (structural and any(r in ("para", "item") for r in after)) or short_open:
                art.standfirst = items[j][1]
                items[j] = ("standfirst", items[j][1])

    body: list[_Para] = []
    for role, t in items:
        if role == "caption":
            art.captions.append(t)
        elif role == "para":
            body.append(_Para(t))
        elif role in ("item", "sub"):
            body.append(_Para(t, joinable=role == "item"))
    paragraphs = _rejoin(body)
    if paragraphs:
        paragraphs[0] = _strip_wire_dateline(art, paragraphs[0])
    art.paragraphs = [p for p in paragraphs if p]
    if credits:
        art.meta["credits"] = credits
    if dropped:
        art.meta["boilerplate"] = dropped
    if art.published_text is None and art.age_text is not None:
        art.published_text = art.age_text
    if not art.segments():
        raise ArticleFormatError("no article text left after removing boilerplate", path=source_file)
    return art


def _strip_wire_dateline(art: Article, para: str) -> str:
    """``WASHINGTON, June 6 (Reuters) - text`` -> text; place/date/agency become metadata."""
    m = _WIRE_DATELINE_RE.match(para)
    if not m or not (m.group(2) or m.group(3)):
        return para
    place = m.group(1)
    if not place.isupper() or len(place) < 3:
        return para
    if art.dateline is None:
        art.dateline = place.title()
    if m.group(3):
        art.meta.setdefault("agency", m.group(3).strip("()"))
    if m.group(2):
        art.meta["dateline_date"] = m.group(2)
        d = parse_published(m.group(2))
        if d is not None and art.published is None:
            art.published = d
            art.published_text = m.group(2)
    return para[m.end():]


# ---------------------------------------------------------------------------------------------------
# HTML


def _strip_xml_decl(html: str) -> str:
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)


def _html_tree(html: str) -> Any:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(_strip_xml_decl(html))
    except (ValueError, TypeError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None


def _html_fallback_blocks(tree: Any) -> list[str]:
    """Paragraph texts from an lxml tree, without page furniture (nav, header, footer, aside...)."""
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//aside|//form|//noscript|//figure"):
        bad.drop_tree()
    roots = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    out: list[str] = []
    for el in roots[0].iter("p", "h1", "h2", "h3", "h4", "li", "blockquote"):
        txt = _norm_ws(el.text_content())
        if txt:
            prefix = "## " if el.tag in ("h1", "h2", "h3", "h4") else ""
            out.append(prefix + txt)
    return out


def _key(s: str) -> str:
    return re.sub(r"\W+", "", s).casefold()


_FURNITURE_XPATH = (
    "//nav|//header|//footer|//aside|//form|//menu|//*[@role='navigation' or @role='banner' or "
    "@role='contentinfo' or @role='complementary']"
)


def _furniture_keys(tree: Any) -> set[str]:
    """Texts of page furniture (navigation, header, footer, sidebars) and of each element inside it."""
    keys: set[str] = set()
    for el in tree.xpath(_FURNITURE_XPATH):
        for sub in el.iter():
            if isinstance(sub.tag, str):
                k = _key(sub.text_content())
                if k:
                    keys.add(k)
    return keys


def _trafilatura_blocks(body: Any, title: str | None) -> list[str]:
    out: list[str] = []
    for el in body.iter("head", "p", "item", "quote", "cell"):
        if el.tag == "p" and el.getparent() is not None and el.getparent().tag in ("quote", "item", "cell"):
            continue
        txt = "\n".join(_norm_ws(x) for x in "".join(el.itertext()).split("\n")).strip()
        if not txt:
            continue
        if el.tag == "head":
            if title and _same_text(txt, title):
                continue
            out.append("### " + txt)
        else:
            out.append(txt)
    return out


def article_from_html(html: str, doc_id: str, source_file: str | None = None) -> Article:
    """Parse an HTML page with trafilatura: title, date, author, url, main-text paragraphs.

    Navigation, footers and other page furniture are left out; figure captions become captions;
    a ``class="byline"`` element gives the dateline place ("By Name in Oslo").
    """
    import trafilatura

    if not isinstance(html, str) or not html.strip():
        raise ArticleFormatError("empty HTML page", path=source_file)
    html = _strip_xml_decl(clean_chars(html))
    doc: Any = None
    try:
        # no "extensive" date search: a copyright year in the footer is not a publication date
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False,
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except Exception:  # trafilatura can fail in many ways on broken markup; fall back below
        doc = None
    metadata: Any = doc
    if metadata is None:
        try:
            metadata = trafilatura.extract_metadata(html, extensive=False)
        except Exception:
            metadata = None

    def mget(name: str) -> str | None:
        v = getattr(metadata, name, None) if metadata is not None else None
        return _norm_ws(v) if isinstance(v, str) and v.strip() else None

    title = mget("title")
    date_s = mget("date")
    author = mget("author")
    url = mget("url")
    tree = _html_tree(html)

    captions: list[str] = []
    byline_place: str | None = None
    byline_text: str | None = None
    if tree is not None:
        for fc in tree.xpath("//figcaption"):
            txt = _norm_ws(fc.text_content())
            if txt:
                captions.append(txt)
        for el in tree.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]"):
            txt = _norm_ws(el.text_content())
            bl = _parse_byline(txt, front=True) if txt else None
            if bl is not None:
                byline_text = " and ".join(bl.names)
                byline_place = bl.place
                break
        if title is None:
            t = tree.xpath("//meta[@property='og:title']/@content") or tree.xpath("//title/text()")
            title = _norm_ws(str(t[0])) if t else None

    blocks: list[str] = []
    if doc is not None and getattr(doc, "body", None) is not None:
        blocks = _trafilatura_blocks(doc.body, title)
        if tree is not None:
            furniture = _furniture_keys(tree)
            blocks = [ln for b in blocks for ln in b.split("\n") if ln.strip() and _key(ln) not in furniture]
    if not blocks and tree is not None:
        blocks = [b for b in _html_fallback_blocks(tree) if not (title and _same_text(b.lstrip("# "), title))]
    # figure captions are kept as captions, not body text
    cap_keys = {_key(c) for c in captions}
    blocks = [b for b in blocks if _key(b.lstrip("# ")) not in cap_keys]
    if not blocks and not captions:
        raise ArticleFormatError("no article text found in the HTML page", path=source_file)

    published = parse_published(date_s) if date_s else None
    meta: dict[str, Any] = {"format": "html"}
    for key in ("sitename", "description", "hostname"):
        v = mget(key)
        if v:
            meta[key] = v
    text = "\n\n".join(blocks)
    art = article_from_text(text or (title or ""), doc_id, published=published, title=title, url=url,
                            source_file=source_file, published_text=date_s, meta=meta)
    for c in captions:
        cm = _CAPTION_CREDIT_RE.search(c)
        if cm:
            if cm.group(1).strip():
                art.meta.setdefault("credits", []).append(cm.group(1).strip())
            c = c[: cm.start()].strip()
        if c:
            art.captions.append(c)
    if author and art.byline is None:
        art.byline = author
    elif byline_text and art.byline is None:
        art.byline = byline_text
    if byline_place and art.dateline is None:
        art.dateline = byline_place
    return art


# ---------------------------------------------------------------------------------------------------
# Files


def _read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes; a file larger than ``max_bytes`` is refused, before reading it when its size is
    known (a regular file) and else after reading at most ``max_bytes + 1`` bytes. Default: the cap of
    :meth:`Limits.from_env() <detente.limits.Limits.from_env>`."""
    if max_bytes is None:
        from .limits import Limits

        max_bytes = Limits.from_env().max_file_bytes
    try:
        if path.is_file() and path.stat().st_size > max_bytes:
            raise _too_big(path, max_bytes)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not an article file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    if len(data) > max_bytes:
        raise _too_big(path, max_bytes)
    return data


def _too_big(path: Path, max_bytes: int) -> InputError:
    from .limits import format_size

    try:
        size = f"{format_size(path.stat().st_size)}, " if path.is_file() else ""
    except OSError:
        size = ""
    return InputError(f"file too large ({size}over the limit of {format_size(max_bytes)}; "
                      "raise it with --max-bytes or $DETENTE_MAX_FILE_MB)", path=path)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _decode(data: bytes, path: Path, *, html: bool = False) -> str:
    """The text of an article file (see :func:`_decode_noted`)."""
    return _decode_noted(data, path, html=html)[0]


def _decode_noted(data: bytes, path: Path, *, html: bool = False) -> tuple[str, str | None]:
    """The text of an article file, and a note when it was not read as UTF-8.

    A byte-order mark decides (UTF-8, UTF-16 or UTF-32, little- or big-endian); UTF-16 without one is
    recognised by its zero bytes. Other text is UTF-8, or the charset an HTML page declares, or — when it
    is not valid UTF-8 but reads as Western European text — Windows-1252 (a superset of Latin-1), which
    the note says. Anything else is refused as binary or as text in an unknown encoding."""
    if not data.strip():
        raise ArticleFormatError("empty file", path=path)
    note = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleFormatError(f"not valid {label} text (it starts with a {label} byte-order mark; "
                                         f"bad bytes at offset {exc.start + len(bom)})", path=path) from None
            break
    else:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text, note = utf16, "no byte-order mark: read as UTF-16"
        elif b"\x00" in data[:65536]:
            raise ArticleFormatError("binary data, not a text article", path=path)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                enc = None
                if html:
                    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.IGNORECASE)
                    enc = m.group(1).decode("ascii") if m else None
                if enc:
                    try:
                        text = data.decode(enc, errors="replace")
                    except LookupError:
                        raise ArticleFormatError(f"unknown charset {enc!r}", path=path) from None
                else:
                    legacy = _western_text(data)
                    if legacy is None:
                        raise ArticleFormatError(
                            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}), "
                            "nor Latin-1/Windows-1252 text", path=path) from None
                    text, note = legacy, f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset " \
                                         f"{exc.start}): read as Windows-1252 (Latin-1)"
    if not text.strip():
        raise ArticleFormatError("empty file", path=path)
    controls = sum(1 for ch in text[:65536] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text[:65536]) // 50):
        raise ArticleFormatError("binary data, not a text article", path=path)
    return text, note


def _utf16_without_bom(data: bytes) -> str | None:
    """``data`` decoded as UTF-16 when it plainly is (zero bytes at every other place), else None."""
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                return data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _western_text(data: bytes) -> str | None:
    """``data`` as Windows-1252 (Latin-1 where 1252 has no character) if it reads as Western text, else None.

    Text in these encodings is mostly ASCII: at most a fifth of its bytes are 0x80-0xFF, its ASCII control
    bytes are line breaks and tabs, and most of its characters are ASCII letters, digits and spaces —
    none of which random binary data is."""
    sample = data[:65536]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high > 0.2 * len(sample):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    head = text[:65536]
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f" for ch in head):
        return None
    plain = sum(1 for ch in head if ch.isascii() and (ch.isalnum() or ch.isspace()))
    if plain < 0.6 * len(head):
        return None
    return text


def _sniff(text: str) -> str:
    s = text.lstrip("\ufeff \t\r\n")
    if s.startswith("<"):
        return "html"
    if s.startswith(("{", "[")):
        return "json"
    return "text"


def _record_to_article(obj: Any, default_id: str, path: Path, line: int | None, where: str = "") -> Article:
    """One JSON record -> Article; ArticleFormatError naming the file and line on any problem."""

    def bad(msg: str) -> ArticleFormatError:
        return ArticleFormatError(where + msg, path=path, line=line)

    if not isinstance(obj, dict):
        kinds = {list: "array", str: "string", bool: "boolean"}
        kind = "null" if obj is None else kinds.get(type(obj), "number")
        raise bad(f"record is a JSON {kind}, not an object")
    if "text" not in obj:
        raise bad('missing "text"')
    text = obj["text"]
    if not isinstance(text, str):
        raise bad('"text" must be a string')
    if not text.strip():
        raise bad('empty "text"')
    raw_id = obj.get("id")
    if raw_id is None:
        doc_id = default_id
    elif isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise bad('"id" must be a string or a number')
    else:
        doc_id = str(raw_id).strip()
        if not doc_id:
            raise bad('empty "id"')
    fields: dict[str, str | None] = {}
    for key in ("title", "url", "published"):
        v = obj.get(key)
        if v is not None and not isinstance(v, str):
            raise bad(f'"{key}" must be a string')
        fields[key] = v.strip() if isinstance(v, str) and v.strip() else None
    published = None
    if fields["published"] is not None:
        published = parse_published(fields["published"])
        if published is None:
            raise bad(f'"published" is not a date: {fields["published"]!r}')
    meta = {k: v for k, v in obj.items() if k not in ("id", "text", "title", "url", "published")}
    try:
        return article_from_text(text, doc_id, published=published, title=fields["title"], url=fields["url"],
                                 source_file=str(path), published_text=fields["published"], meta=meta)
    except ArticleFormatError as exc:
        raise bad(exc.message) from None


def _iter_jsonl(text: str, path: Path, english_only: bool = False) -> Iterator[Article | ArticleFormatError]:
    yield from _jsonl_records(enumerate(text.split("\n"), start=1), path, english_only)


def _jsonl_records(lines: Iterable[tuple[int, str | ArticleFormatError]], path: Path,
                   english_only: bool) -> Iterator[Article | ArticleFormatError]:
    seen: dict[str, int] = {}
    any_record = False
    for lineno, line in lines:
        if isinstance(line, ArticleFormatError):
            any_record = True
            yield line
            continue
        if not line.strip():
            continue
        any_record = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = f"not valid JSON: {exc.msg} (column {exc.colno})"
            yield ArticleFormatError(msg, path=path, line=lineno)
            continue
        try:
            art = _record_to_article(obj, f"{path.stem}-{lineno}", path, lineno)
        except ArticleFormatError as exc:
            yield exc
            continue
        if art.id in seen:
            yield ArticleFormatError(f'duplicate id "{art.id}" (first on line {seen[art.id]})', path=path,
                                     line=lineno)
            continue
        seen[art.id] = lineno
        yield _language_checked(art, path, lineno) if english_only else art
    if not any_record:
        yield ArticleFormatError("no JSON records in file", path=path)


def _stream_lines(path: Path, max_line: int) -> Iterator[tuple[int, str | ArticleFormatError]]:
    """The lines of a (large) JSONL file read one at a time, each at most ``max_line`` bytes: a longer
    line, or one that is not UTF-8, becomes an error for that line and reading goes on."""
    from .limits import format_size

    try:
        f = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    with f:
        lineno = 0
        while True:
            raw = f.readline(max_line + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > max_line and not raw.endswith(b"\n"):
                while True:  # skip the rest of the over-long line without holding it
                    rest = f.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield lineno, ArticleFormatError(f"line longer than the limit of {format_size(max_line)}: skipped",
                                                 path=path, line=lineno)
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield lineno, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield lineno, ArticleFormatError(f"not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at column "
                                                 f"{exc.start + 1})", path=path, line=lineno)


def _language_checked(art: Article, path: Path, line: int | None,
                      where: str = "") -> Article | ArticleFormatError:
    """``art``, or a NotEnglishError naming it when it is not (detectably) English."""
    from .language import check_english

    problem = check_english(art, path=path, line=line, where=where)
    return art if problem is None else problem


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _iter_json(text: str, path: Path, english_only: bool = False) -> Iterator[Article | ArticleFormatError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            # one object per line in a .json file: read it as JSONL
            yield from _iter_jsonl(text, path, english_only)
            return
        raise ArticleFormatError(f"not valid JSON: {exc.msg} (column {exc.colno})", path=path,
                                 line=exc.lineno) from None
    if isinstance(data, dict):
        try:
            art = _record_to_article(data, path.stem, path, None)
        except ArticleFormatError as exc:
            yield exc
            return
        yield _language_checked(art, path, None) if english_only else art
        return
    if not isinstance(data, list):
        raise ArticleFormatError("JSON must be an article object or a list of them", path=path)
    if not data:
        yield ArticleFormatError("empty JSON list: no articles", path=path)
        return
    seen: set[str] = set()
    for n, obj in enumerate(data, start=1):
        try:
            art = _record_to_article(obj, f"{path.stem}-{n}", path, None, where=f"record {n}: ")
        except ArticleFormatError as exc:
            yield exc
            continue
        if art.id in seen:
            yield ArticleFormatError(f'record {n}: duplicate id "{art.id}"', path=path)
            continue
        seen.add(art.id)
        yield _language_checked(art, path, None, f"record {n}: ") if english_only else art


def iter_articles(path: str | Path, *, limits: Limits | None = None,
                  english_only: bool = True) -> Iterator[Article | ArticleFormatError]:
    """Read a file lazily: each good record as an :class:`Article`, each bad one as an error object.

    Problems with the file as a whole (missing, unreadable, not text, not JSON at all, larger than
    ``limits.max_file_bytes``) are raised as :class:`InputError`; a bad record — a JSONL line that is not
    JSON or lacks ``"text"``, an article with no text, an article not in English (with ``english_only``,
    :class:`~detente.language.NotEnglishError`) — is yielded as an :class:`ArticleFormatError` naming file
    and line, and the remaining records are still read. A JSONL file larger than the cap is read line by
    line, so the cap bounds each line instead. A file not in UTF-8 that was decoded anyway (UTF-16,
    Windows-1252) gives its articles a line in :attr:`Article.warnings`.
    """
    from .limits import Limits

    limits = limits or Limits.from_env()
    p = Path(path)
    if p.suffix.lower() in JSONL_SUFFIXES and p.is_file() and p.stat().st_size > limits.max_file_bytes:
        yield from _jsonl_records(_stream_lines(p, limits.max_file_bytes), p, english_only)
        return
    yield from iter_articles_from_bytes(_read_bytes(p, limits.max_file_bytes), p, english_only=english_only)


def iter_articles_from_bytes(data: bytes, path: str | Path, *,
                             english_only: bool = True) -> Iterator[Article | ArticleFormatError]:
    """:func:`iter_articles` over a file's content already read; ``path`` names it (its suffix picks the
    reader, its stem the default id). Used by the batch engine, which ships file contents to workers."""
    p = Path(path)
    suffix = p.suffix.lower()
    kind = (
        "text" if suffix in TEXT_SUFFIXES
        else "html" if suffix in HTML_SUFFIXES
        else "json" if suffix in JSON_SUFFIXES
        else "jsonl" if suffix in JSONL_SUFFIXES
        else None
    )
    text, note = _decode_noted(data, p, html=kind == "html")
    if kind is None:
        kind = _sniff(text)
        if kind == "json" and text.lstrip().startswith("{"):
            lines = [ln for ln in text.split("\n") if ln.strip()]
            if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines):
                kind = "jsonl"
    items: Iterator[Article | ArticleFormatError]
    if kind == "jsonl":
        items = _iter_jsonl(text, p, english_only)
    elif kind == "json":
        items = _iter_json(text, p, english_only)
    else:
        items = _single(text, p, kind, english_only)
    for item in items:
        if note is not None and isinstance(item, Article):
            item.warnings.append(f"{p}: {note}")
        yield item


def _single(text: str, p: Path, kind: str, english_only: bool) -> Iterator[Article | ArticleFormatError]:
    try:
        art = (article_from_html(text, p.stem, source_file=str(p)) if kind == "html"
               else article_from_text(text, p.stem, source_file=str(p)))
    except ArticleFormatError as exc:
        yield exc
        return
    yield _language_checked(art, p, None) if english_only else art


def read_articles(path: str | Path, *, limits: Limits | None = None, english_only: bool = True) -> list[Article]:
    """All articles of a file (.txt, .md, .html, .json, .jsonl; other names are sniffed).

    Strict: the first bad record raises its :class:`ArticleFormatError` (use :func:`iter_articles`
    to keep the good records of a file with bad lines).
    """
    out: list[Article] = []
    for item in iter_articles(path, limits=limits, english_only=english_only):
        if isinstance(item, ArticleFormatError):
            raise item
        out.append(item)
    return out
