"""The bounds that keep one article's cost in time and memory finite, in one place.

Every limit has a default and an environment variable; ``Limits.from_env()`` reads them, and the
CLI and :class:`~detente.coder.Coder` take a ``Limits`` object. What happens at each bound:

- ``max_file_bytes`` (``DETENTE_MAX_FILE_MB``, default 20 MB): a larger article file is refused with
  one line naming it; a JSONL file is read line by line instead, so this caps each line, not the file.
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
