"""detente: code international news into source-linked, explainable political events.

Public API::

    from detente import Coder, read_articles, code_text
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
    InputError,
    LexiconError,
    ModelError,
    SchemaError,
)
from .record import Actor, DateSpan, Event, Location, Mention

if TYPE_CHECKING:
    from .article import Article
    from .coder import Coder

__all__ = [
    "Actor", "Article", "ArticleFormatError", "Coder", "DateSpan", "DetenteError", "EvalError", "Event",
    "InputError", "LexiconError", "Location", "Mention", "ModelError", "SchemaError", "code_article",
    "code_text", "read_articles",
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
