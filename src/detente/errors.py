"""The one exception family raised by the detente library.

Only the CLI turns these into messages and exit codes; library code never prints.
Every error renders as a single line naming the file (and line, where known) and the problem.
"""

from __future__ import annotations

from pathlib import Path


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """The error as one human-readable line: ``file:line: message``."""
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(DetenteError):
    """An input file (article, gold or prediction) is missing, unreadable or malformed."""


class ArticleFormatError(InputError):
    """An article file parsed but does not hold a usable article (no text, bad JSON record, ...)."""


class LexiconError(DetenteError):
    """A data file under ``detente/data`` has bad entries; the message lists every one of them."""


class SchemaError(DetenteError):
    """An event record does not conform to the event JSON Schema."""


class ModelError(DetenteError):
    """The spaCy pipeline could not be loaded (missing package, wrong version)."""


class EvalError(InputError):
    """A gold or prediction file for ``detente eval`` has a bad record."""


class ExportError(DetenteError):
    """An export cannot be written (unknown format, Parquet without an output file, an unwritable file)."""


class StoreError(DetenteError):
    """The corpus store (DuckDB) cannot be opened, migrated or written."""


class FetchError(InputError):
    """A URL or feed could not be fetched or read (timeout, HTTP error, too large, not an article)."""


class ViewError(DetenteError):
    """A dyad view cannot be built: an unknown country, a bad date range or frequency, an unusable store."""
