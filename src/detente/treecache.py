"""A parsed doc's tree walks, read once per token: ``children(tok)`` and ``subtree(tok)``.

spaCy's ``Token.children`` and ``Token.subtree`` are generators that walk the doc's token array and
build a new ``Token`` object for every token they yield, each time they are read; the coder reads the
same tokens' children again and again (every stage looks at a trigger's objects, subjects and
prepositions). Here each is spaCy's own answer, as a tuple, kept while its doc is among the last
``MAX_DOCS`` docs read: the same tokens in the same order. A doc must not be changed (retokenized,
re-parsed) after its tree has been read here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_Cache = tuple[dict[int, tuple["Token", ...]], dict[int, tuple["Token", ...]]]   # children, subtrees

# the caches of the docs read lately, by id; each entry holds its doc, so no id is reused while it is here.
# (Tokens refer to their doc, so the caches cannot be weakly keyed by it.)
MAX_DOCS = 64
_CACHES: dict[int, tuple[Doc, _Cache]] = {}
_last: tuple[Doc | None, _Cache] = (None, ({}, {}))   # the doc read last and its cache (one tuple: thread-safe)


def _cache(doc: Doc) -> _Cache:
    global _last
    last = _last
    if last[0] is doc:
        return last[1]
    hit = _CACHES.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_CACHES) >= MAX_DOCS:
            _CACHES.clear()
        hit = _CACHES[id(doc)] = (doc, ({}, {}))
    _last = (doc, hit[1])
    return hit[1]


def _read(tok: Token, which: int) -> tuple[Token, ...]:
    """One token's cached walk: ``which`` 0 for its children, 1 for its subtree."""
    memo = _cache(tok.doc)[which]
    out = memo.get(tok.i)
    if out is None:
        out = memo[tok.i] = tuple(tok.children if which == 0 else tok.subtree)
    return out


def children(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.children)``: the token's syntactic children in document order."""
    return _read(tok, 0)


def subtree(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.subtree)``: the token and all its descendants in document order."""
    return _read(tok, 1)
