"""Text normalisation on the way in: whatever a scraper produced, what is coded is valid Unicode.

Lone surrogates (valid JSON escapes such as ``"\\udc59"`` that cannot be encoded as UTF-8) become
U+FFFD; control characters other than tab and newlines become a space; NUL is dropped. Nothing else
changes, so clean text passes through identical (same characters, same offsets).
"""

from __future__ import annotations

import re

__all__ = ["clean_text"]

_BAD_RE = re.compile("[\ud800-\udfff]|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _fix(m: re.Match[str]) -> str:
    ch = m.group(0)
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    return "" if ch == "\x00" else " "


def clean_text(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD and control characters by spaces (NUL dropped)."""
    if _BAD_RE.search(text) is None:
        return text
    return _BAD_RE.sub(_fix, text)
