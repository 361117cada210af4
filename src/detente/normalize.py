"""Text normalisation on the way in: whatever a scraper produced, what is coded is valid Unicode and
cheap to tokenise.

:func:`clean_chars`: lone surrogates (valid JSON escapes such as ``"\\udc59"`` that cannot be encoded as
UTF-8) become U+FFFD; control characters other than tab and newlines become a space; NUL is dropped.

:func:`clean_text` (what is parsed) does that and bounds runs without spaces, because spaCy's tokenizer
strips prefix and suffix punctuation one character at a time, at a cost that grows with the square of the
token's length (8,000 "—" or "'s" in a row take 20-50 s): a unit of one to four characters repeated more
than ``MAX_REPEATS`` times in a row is cut to ``MAX_REPEATS`` repeats ("!!!!!!!!…" → "!!!!!!!!"), and a run of
more than ``MAX_TOKEN_CHARS`` characters without a space is broken by a space every ``MAX_TOKEN_CHARS``.

Clean text with no such runs passes through identical (same characters, same offsets).
"""

from __future__ import annotations

import re

__all__ = ["MAX_REPEATS", "MAX_TOKEN_CHARS", "bound_runs", "clean_chars", "clean_text"]

MAX_REPEATS = 12
MAX_TOKEN_CHARS = 100

_BAD_RE = re.compile("[\ud800-\udfff]|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_REPEAT_RE = re.compile(rf"(\S{{1,4}}?)\1{{{MAX_REPEATS},}}")
_LONG_RE = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
_CHUNK_RE = re.compile(rf"\S{{{MAX_TOKEN_CHARS}}}(?=\S)")


def _fix(m: re.Match[str]) -> str:
    ch = m.group(0)
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    return "" if ch == "\x00" else " "


def clean_chars(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD and control characters by spaces (NUL dropped)."""
    if _BAD_RE.search(text) is None:
        return text
    return _BAD_RE.sub(_fix, text)


def bound_runs(text: str) -> str:
    """``text`` with repeated units cut to ``MAX_REPEATS`` and space-free runs broken every ``MAX_TOKEN_CHARS``."""
    if _LONG_RE.search(text) is None and _REPEAT_RE.search(text) is None:
        return text
    text = _REPEAT_RE.sub(lambda m: m.group(1) * MAX_REPEATS, text)
    return _LONG_RE.sub(lambda m: _CHUNK_RE.sub(lambda c: c.group(0) + " ", m.group(0)), text)


def clean_text(text: str) -> str:
    """:func:`clean_chars`, then :func:`bound_runs`: the text as it is parsed."""
    return bound_runs(clean_chars(text))
