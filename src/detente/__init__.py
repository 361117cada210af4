"""detente: code international news into source-linked, explainable political events.

Public API::

    from detente import Coder, read_articles, code_text
    store = detente.open("detente.duckdb")          # the corpus store: pandas DataFrames out
    store.events_df(dyad=("USA", "CHN"))
    coder = Coder()
    for article in read_articles("story.md"):
        for event in coder.code_article(article).events:
            print(event.to_json())
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .errors import (
    ArticleFormatError,
    DetenteError,
    EvalError,
    FetchError,
    InputError,
    LexiconError,
    ModelError,
    SchemaError,
    StoreError,
)
from .record import Actor, DateSpan, Event, Location, Mention

if TYPE_CHECKING:
    from .article import Article
    from .coder import Coder
    from .store import Store

__all__ = [
    "Actor", "Article", "ArticleFormatError", "Coder", "DateSpan", "DetenteError", "EvalError", "Event",
    "FetchError", "InputError", "LexiconError", "Location", "Mention", "ModelError", "SchemaError", "StoreError",
    "code_article", "code_text", "open", "read_articles",
]
__version__ = "0.1.0"

_CODER: Any = None


def _coder() -> Coder:
    global _CODER
    if _CODER is None:
        from .coder import Coder

        _CODER = Coder()
    return _CODER  # type: ignore[no-any-return]


def code_article(article: Article, published: date | None = None) -> list[Event]:
    """Code one Article with the shared default coder."""
    return _coder().code_article(article, published).events


def code_text(text: str, doc_id: str = "text", published: date | None = None) -> list[Event]:
    """Code a string as one article with the shared default coder."""
    return _coder().code_text(text, doc_id, published)


def open(db: str = "detente.duckdb", read_only: bool = False) -> Store:
    """Open the corpus store at ``db`` (created or migrated as needed): ``detente.open(db).events_df()``."""
    from .store import open_store

    return open_store(db, read_only=read_only)


def __getattr__(name: str) -> Any:
    if name == "Coder":
        from .coder import Coder

        return Coder
    if name == "Article":
        from .article import Article

        return Article
    if name == "read_articles":
        from .article import read_articles

        return read_articles
    raise AttributeError(name)
