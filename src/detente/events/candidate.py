"""The records the stages pass along: a trigger hit in a sentence (:class:`Hit`) and the event candidate
built from it (:class:`Candidate`), which every later stage fills in and the merger turns into events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.recognize import ActorRef
    from ..resolve.dates import DateResolution
    from ..resolve.places import Place
    from .lexicon import Trigger


@dataclass
class Candidate:
    """One event mention found in one sentence, before merging."""

    sent: int
    trigger_i: list[int]
    trigger_text: str
    trigger: Trigger
    event_type: str
    mode: str | None
    status: str
    source: ActorRef | None = None
    target: ActorRef | None = None
    time: DateResolution | None = None
    time_text: str | None = None
    place: Place | None = None
    place_text: str | None = None
    place_target: Place | None = None
    multilateral_venue: bool = False
    attribution: str | None = None
    rule: str = ""
    notes: list[str] = field(default_factory=list)
    emitted: bool = True
    reason: str = ""
    tense: str = "past"
    span_start: int = 0
    span_end: int = 0
    anchors: set[int] = field(default_factory=set)
    consumed: bool = False
    frame_i: int | None = None
    outer_i: int | None = None
    head_i: int = 0
    lemma: str = ""
    object_words: set[str] = field(default_factory=set)   # head lemmas of the object ("rejected the demand")
    ancestors: list[tuple[int, str]] = field(default_factory=list)
    clause_i: int = 0
    depth: int = 0
    extra_targets: list[ActorRef] = field(default_factory=list)
    extra_sources: list[ActorRef] = field(default_factory=list)
    reciprocal: bool = False    # "accused each other", "the other's": the act runs both ways
    with_partner: bool = False  # "A and B agreed with C": each subject with the partner
    more_pairs: list[tuple[ActorRef, ActorRef]] = field(default_factory=list)   # "A, B and C met": B-C too
    brokered: bool = False      # "a swap between A and B" arranged by a third: the parties are A and B

    def parties(self) -> list[ActorRef]:
        """Who the act is done to; for a brokered mutual act, both of its parties."""
        out = [self.source] if self.brokered and self.source is not None else []
        return [*out, *([self.target] if self.target is not None else []), *self.extra_targets]


@dataclass
class Hit:
    """A trigger found in a sentence: its head token, the tokens of its pattern, and its clause."""

    i: int                      # sentence-relative index of the head token
    tokens: list[int]
    text: str
    trigger: Trigger
    kind: str                   # verb | noun
    clause: int                 # clause head (the verb governing a noun trigger, or the verb itself)
    light: int | None = None


# a frame over a candidate: its kind ("refusal", "request", "threat") and the frame verb
Frame = tuple[str, "Token"]
