"""The bounds that keep one article's cost in time and memory finite, in one place.

Every limit has a default and an environment variable; ``Limits.from_env()`` reads them, and the
CLI and :class:`~detente.coder.Coder` take a ``Limits`` object. What happens at each bound:

- ``max_file_bytes`` (``DETENTE_MAX_FILE_MB``, CLI ``--max-bytes``, default 20 MB): a larger article file
  is refused with one line naming it and the cap, after reading at most that many bytes; a larger JSONL
  file is read line by line instead, so the cap bounds each line (a longer line is skipped and reported).
- ``max_article_chars`` (``DETENTE_MAX_ARTICLE_CHARS``, default 500,000): a longer article is refused.
- ``max_segment_chars`` (``DETENTE_MAX_SEGMENT_CHARS``, default 100,000): a longer paragraph is parsed in
  pieces cut at whitespace, each under spaCy's own ``max_length``.
- ``max_sentence_tokens`` (``DETENTE_MAX_SENTENCE_TOKENS``, default 150): a longer sentence is cut into
  pieces of at most this many tokens (after a comma or semicolon where possible), each parsed and coded
  as a sentence of its own, and the article carries a warning naming it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import InputError


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_article_chars: int = 500_000
    max_segment_chars: int = 100_000
    max_sentence_tokens: int = 150

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by the ``DETENTE_MAX_*`` environment variables."""
        d = cls()

        def num(name: str, default: int, scale: int = 1) -> int:
            raw = os.environ.get(name)
            if raw is None or not raw.strip():
                return default
            try:
                value = float(raw) * scale
            except ValueError:
                raise InputError(f"${name} must be a number, not {raw!r}") from None
            if value < 1:
                raise InputError(f"${name} must be positive, not {raw!r}")
            return int(value)

        return cls(
            max_file_bytes=num("DETENTE_MAX_FILE_MB", d.max_file_bytes, 1024 * 1024),
            max_article_chars=num("DETENTE_MAX_ARTICLE_CHARS", d.max_article_chars),
            max_segment_chars=num("DETENTE_MAX_SEGMENT_CHARS", d.max_segment_chars),
            max_sentence_tokens=num("DETENTE_MAX_SENTENCE_TOKENS", d.max_sentence_tokens),
        )


_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
          "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def parse_size(value: str) -> int:
    """A size such as ``"50MB"``, ``"512k"``, ``"1.5 G"`` or ``"1000000"`` (bytes) as a number of bytes."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", value)
    unit = m.group(2).lower() if m else ""
    if m is None or unit not in _UNITS:
        raise InputError(f"{value!r} is not a size (a number of bytes, or with K, M or G: 512K, 50M)")
    size = int(float(m.group(1)) * _UNITS[unit])
    if size < 1:
        raise InputError(f"{value!r} is not a positive size")
    return size


def format_size(n: int) -> str:
    """``n`` bytes for people: ``"512 bytes"``, ``"20 MB"``, ``"50.5 MB"`` (1 MB = 1024 × 1024 bytes)."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            text = f"{n / scale:.1f}".removesuffix(".0")
            return f"{text} {unit}"
    return f"{n} byte{'s' if n != 1 else ''}"
