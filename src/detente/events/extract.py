"""From a parsed sentence to event candidates: the stages in order.

1. :mod:`.triggers` finds the trigger hits and their senses (C2, C5);
2. :mod:`.status` reads each hit's status and frame (C4, C10) and :mod:`.arguments` its roles (C1, C7);
3. sentence-level passes settle frames, constructions (:mod:`.constructions`) add candidates;
4. :mod:`.attach` gives dates and places; 5. :mod:`.emission` decides what is emitted (C7).

Shared by the stages: :mod:`.candidate` (the records passed along), :mod:`.context` (one
:class:`~.context.ArticleContext` per article: lexicons, actors, gazetteer, actor and place lookups),
:mod:`.owners` (whose act, where, which side), :mod:`.parse` (reading the dependency parse) and
:mod:`.types` (PLOVER type and actor code tables); word lists are named lists in ``data/words.yaml``.
Every candidate keeps a trail of the decisions that made it (``notes``) so that ``detente explain`` can say
why a trigger became an event or not. Merging the candidates of an article into events is
:mod:`detente.merge`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import words
from ..treecache import children
from .arguments import ArgumentReader
from .attach import Attacher
from .candidate import Candidate, Hit
from .constructions import characterisations, derived
from .context import ArticleContext
from .emission import Emitter, split_coordinated
from .owners import OwnerReader
from .parse import control_chain, transparent
from .status import StatusReader
from .triggers import TriggerFinder

if TYPE_CHECKING:
    from datetime import date

    from ..actors.recognize import ActorRef, ArticleActors
    from ..nlp import Sentence
    from ..resolve.dates import DateResolution
    from ..resolve.places import Gazetteer
    from .lexicon import TriggerLexicon
    from .modality import Modality

__all__ = ["Candidate", "Hit", "SentenceCoder", "split_coordinated"]

# the word sets this module once defined, now named lists in data/words.yaml
_WORD_SETS = {"DESCRIBE_VERBS": "describe_verbs", "SAY_LEMMAS": "report_verbs", "LIFT_WORDS": "lift_verbs",
              "TRANSPARENT": "transparent_verbs", "EXTRA_LIGHT": "extra_light_verbs", "VENUE_WORDS": "venue_words",
              "MEASURE_NOUNS": "measure_nouns", "PLACEISH": "placeish_nouns", "LOC_PREPS": "location_preps"}


def __getattr__(name: str) -> frozenset[str]:
    """``DESCRIBE_VERBS`` and the other old names of word sets: read from ``data/words.yaml``."""
    if name in _WORD_SETS:
        return words(_WORD_SETS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SentenceCoder:
    """Finds event candidates in one sentence at a time; holds the stages and their shared context for
    one article."""

    def __init__(self, triggers: TriggerLexicon, modality: Modality, actors: ArticleActors,
                 gazetteer: Gazetteer | None, published: date | None) -> None:
        self.ctx = ArticleContext(triggers, modality, actors, gazetteer, published)
        self.finder = TriggerFinder(self.ctx)
        self.owners = OwnerReader(self.ctx)
        self.args = ArgumentReader(self.ctx, self.owners)
        self.status = StatusReader(self.ctx, self.owners)
        self.attach = Attacher(self.ctx)
        self.emit = Emitter(self.ctx, self.owners, self.attach)

    @property
    def clause_dates(self) -> dict[tuple[int, int], tuple[DateResolution, str]]:
        """Dated clauses that are not events themselves, by (sentence, verb)."""
        return self.ctx.clause_dates

    @property
    def frames(self) -> list[tuple[int, ActorRef, DateResolution, str]]:
        """Dated frames with their speaker: (sentence, speaker, date, date text)."""
        return self.ctx.frames

    def find_hits(self, sent: Sentence) -> list[Hit]:
        """The sentence's trigger hits (stage 1 alone)."""
        return self.finder.find_hits(sent)

    def code(self, sent: Sentence) -> list[Candidate]:
        """All candidates of one sentence, emitted or not (each with its reason and notes)."""
        span = sent.span
        if sent.kind == "headline" and "security council" in span.text.lower():
            self.ctx.un_session = True   # a report on a Council session: UN actions in it happen in New York
        if sent.kind == "headline" and self.ctx.topic is None:
            self.ctx.note_topic(sent)
        hits = self.finder.find_hits(sent)
        by_token = {h.i: h for h in hits}
        self.ctx.event_heads = {h.i for h in hits if h.kind == "noun"}
        cands: list[Candidate] = []
        for h in hits:
            c = self._candidate(sent, h, by_token)
            self.owners.localise(sent, c)
            cands.append(c)
        # frames across candidates, then time and place, then parts and constructions
        self.status.complements(sent, cands)
        self.args.prepared_attacks(sent, cands)
        self.args.requests_acted_on(sent, cands)
        self.status.promise_content(sent, cands)
        self.status.invitations(sent, cands)
        self.status.one_refusal(cands)
        self.status.topics(sent, cands)
        self.status.lifted_measures(sent, cands)
        self.attach.attach_time(sent, cands)
        self.attach.attach_place(sent, cands)
        self.status.scene_targets(sent, cands)
        self.emit.absorb_parts(sent, cands)
        self.emit.riots(sent, cands)
        cands.extend(characterisations(self.ctx, self.owners, sent, cands))
        cands.extend(derived(self.ctx, sent, cands))
        self.status.threat_content(sent, cands)
        # the emission rule
        self.emit.carry_targets(sent, cands)
        self.emit.implicit_targets(cands)
        self.emit.protest_purposes(sent, cands)
        for c in cands:
            self.emit.finish(sent, c)
        self.emit.acts_judged(sent, cands)
        self.emit.condemned_parties(sent, cands)
        return cands

    def _candidate(self, sent: Sentence, h: Hit, by_token: dict[int, Hit]) -> Candidate:
        """One hit's candidate: its clause and anchors, status and frame, arguments, then its sense reread."""
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        c = Candidate(sent.index, sorted(h.tokens), h.text, trig, trig.type, trig.mode, "occurred",
                      rule=trig.entry)
        c.notes.append(f"trigger '{h.text}' -> {trig.type}/{trig.mode or '-'} ({trig.entry})")
        clause_tok = span[h.clause]
        chain = control_chain(clause_tok)
        if h.kind == "noun" and h.clause != h.i and h.light is None and not transparent(clause_tok):
            # "declined to comment on the trip": the trip is not what was declined
            chain = [clause_tok]
        c.clause_i = h.clause
        c.head_i, c.lemma = h.i, tok.lemma_.lower()
        c.object_words = {ch.lemma_.lower() for ch in children(tok) if ch.dep_ in ("dobj", "nsubjpass")} | {
            w.lower() for w in h.text.split()}
        t = tok
        while t.head.i != t.i:
            c.ancestors.append((t.head.i - span.start, t.dep_))
            t = t.head
        if h.kind == "noun" and any(ch.dep_ in ("det", "poss") and ch.lower_ in words("anaphoric_determiners")
                for ch in children(tok)):
            c.notes.append("anaphoric-noun")
        c.anchors = {h.i, *(t.i - span.start for t in chain)}
        frame = self.status.frame(sent, h, c, chain, by_token)
        self.args.arguments(sent, h, c, chain, frame)
        if c.consumed:
            return c
        self.finder.reread(sent, h, c, by_token)
        return c
