"""A cheap pre-filter that spares the coder work that cannot change its output.

Two savings, both exact (the events are the same with and without the filter; tests/test_prefilter.py
checks it on the seed, dev and gsr-dev articles and on examples/):

1. **Sentences that cannot hold an event are not coded.** ``SentenceCoder.code`` builds candidates
   only from trigger hits (a token whose lemma is the first word of a trigger verb or whose lemma or
   form heads a trigger noun, looked up in the loaded :class:`TriggerLexicon` itself, so the filter
   grows with the lexicon) and from "described as" characterisations (a describe verb). Its only
   state carried to later sentences is the narrative date of a dated clause (``clause_dates``,
   ``frames``), which needs a time expression in the sentence. Headlines are always coded (Title Case
   lemma guesses, the UN-session flag). A sentence with none of these is skipped.

   Sentences are skipped only at the coding step: every sentence is still parsed and passed to
   ``ArticleActors.prepare``, so what a sentence carries over — actor mentions for pronouns and
   "both sides", names learned from appositions, country counts for the article's dyad, the speaker —
   is exactly as without the filter.

2. **Named entities are recognised only where they are read.** The entity recogniser is spaCy's
   costliest component and the last in the pipeline (nothing else reads its output). The coder reads
   entity labels in the sentences it codes, and, in actor recognition (run on every sentence), only
   on proper nouns (``PROPN``: learned surnames, person names). So a segment runs through the
   recogniser only when it is a headline, holds a proper noun, or holds a sentence that is coded.

3. **The attribute ruler is matched by index** (:mod:`detente.fastpipe`): the same rules, matches and
   attributes as spaCy's ``AttributeRuler``, without stepping the general Matcher through every rule at
   every token — on news text that component costs about as much as the dependency parser; and the
   rule lemmatizer's lemmas cached by form, part of speech and morphology.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .events.lexicon import TriggerLexicon
from .fastpipe import CachedLemmatizer, FastAttributeRuler, cached_lemmatizer, fast_attribute_ruler
from .fastpipe import pipe as fast_pipe
from .lexicon import words
from .resolve.dates import find_time_expressions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .nlp import Sentence


class PreFilter:
    """Decides, from the loaded trigger lexicon, which sentences need coding and which segments need
    named-entity recognition."""

    def __init__(self, triggers: TriggerLexicon) -> None:
        self.triggers = triggers
        self.skipped_sentences = 0
        self.coded_sentences = 0
        self.ner_segments = 0
        self.plain_segments = 0
        self._fast_parts: dict[int, tuple[Language, FastAttributeRuler | None, CachedLemmatizer | None]] = {}

    # ------------------------------------------------------------------ sentences
    def _has_trigger(self, span: Span) -> bool:
        trig = self.triggers
        for tok in span:
            lemma = tok.lemma_
            if trig.verbs_for(lemma) or trig.nouns_for(lemma) or trig.nouns_for(tok.lower_):
                return True
            if lemma.lower() in words("describe_verbs"):
                return True
        return False

    def span_may_code(self, span: Span, kind: str) -> bool:
        """Can coding this sentence produce a candidate or a narrative date?"""
        if kind == "headline":
            return True
        return self._has_trigger(span) or bool(find_time_expressions(span.text))

    def may_code(self, sent: Sentence) -> bool:
        """``span_may_code`` for a sentence of an article, counted for the benchmark's report."""
        keep = self.span_may_code(sent.span, sent.kind)
        if keep:
            self.coded_sentences += 1
        else:
            self.skipped_sentences += 1
        return keep

    # ------------------------------------------------------------------ segments
    def _fast(self, nlp: Language) -> tuple[FastAttributeRuler | None, CachedLemmatizer | None]:
        """The pipeline's attribute ruler matched by index and its lemmatizer cached (same annotations,
        see detente.fastpipe)."""
        hit = self._fast_parts.get(id(nlp))
        if hit is None or hit[0] is not nlp:
            hit = self._fast_parts[id(nlp)] = (nlp, fast_attribute_ruler(nlp), cached_lemmatizer(nlp))
        return hit[1], hit[2]

    def needs_ner(self, doc: Doc, kind: str) -> bool:
        """Does any entity label of this parsed segment get read by the coder?"""
        if kind == "headline" or any(t.pos_ == "PROPN" for t in doc):
            return True
        return any(self.span_may_code(s, kind) for s in doc.sents)

    def parse(self, nlp: Language, texts: Sequence[str], kinds: Sequence[str], batch_size: int = 256) -> list[Doc]:
        """Parse ``texts`` (segments of kind ``kinds``) with every component, the entity recogniser only
        on the segments that need it."""
        ruler, lemmatizer = self._fast(nlp)
        if "ner" not in nlp.pipe_names:
            return list(fast_pipe(nlp, texts, batch_size, ruler=ruler, lemmatizer=lemmatizer))
        docs = list(fast_pipe(nlp, texts, batch_size, disable=["ner"], ruler=ruler, lemmatizer=lemmatizer))
        need = [d for d, k in zip(docs, kinds, strict=True) if self.needs_ner(d, k)]
        self.ner_segments += len(need)
        self.plain_segments += len(docs) - len(need)
        _consume(nlp.get_pipe("ner").pipe(need, batch_size=batch_size))  # type: ignore[attr-defined]
        return docs


def _consume(docs: Iterable[Doc]) -> None:
    for _ in docs:
        pass
