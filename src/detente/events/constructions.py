"""Constructions that make an event out of a frame rather than a trigger word (ERROR-CLASSES C2).

* Obligations in reported speech: "Germany said Iran must release the aid workers" is a demand (REQUEST)
  by the speaker aimed at the obliged party, whatever the obliged verb; its content is not an event.
* Readiness and willingness: "Ghana said it was ready to send troops to Niger" is an offer (AGREE) by the
  ready party aimed at the content's target; "not willing to" is a refusal (REJECT).
* Characterisations: "what it described as an attack by X" is an accusation by the speaker aimed at X;
  "called X a liar" is a label, never a phone call.

Input: one parsed sentence and its candidates; output: new candidates (each with its rule and notes).

The cue words live in ``data/words.yaml`` (``obligation_modals``, ``obligation_report_verbs``,
``readiness_words``, ``describe_verbs``, ``pejorative_labels``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import words
from ..treecache import children, subtree
from .candidate import Candidate
from .parse import pobj, verb_above
from .status import own_status, refused_mode
from .types import CONFLICT_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.recognize import ActorRef
    from ..nlp import Sentence
    from .context import ArticleContext
    from .owners import OwnerReader


def _subject(tok: Token) -> Token | None:
    return next((c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)


def _speaker_verb(tok: Token) -> Token | None:
    """The reporting verb whose complement ``tok`` is ("X said [Y must ...]", "[Y must ...], X said")."""
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in words("obligation_report_verbs"):
        return tok.head
    for c in children(tok):
        if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in words("obligation_report_verbs"):
            return c
    return None


def _has_modal(tok: Token, modals: frozenset[str]) -> bool:
    auxes = [c for c in children(tok) if c.dep_ == "aux"]
    if any(a.lower_ in modals for a in auxes):
        return True
    # "has to release", "need to stop": a semi-modal governing the verb
    return tok.dep_ == "xcomp" and f"{tok.head.lemma_.lower()} to" in {m.replace("has", "have").replace(
        "needs", "need") for m in modals}


def _candidate_at(cands: list[Candidate], i: int) -> Candidate | None:
    return next((c for c in cands if c.head_i == i or i in c.trigger_i), None)


def _first_other(ctx: ArticleContext, sent: Sentence, tok: Token, country: str | None) -> ActorRef | None:
    for t in subtree(tok):
        if t.i == tok.i or t.pos_ not in ("NOUN", "PROPN"):
            continue
        for r in ctx.refs(sent, t):
            if r.country and r.country != country:
                return r
    return None


def derived(ctx: ArticleContext, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """New candidates from obligation and readiness frames in ``sent``."""
    span = sent.span
    out: list[Candidate] = []
    modals = words("obligation_modals")
    ready = words("readiness_words")
    demand = ctx.trig.trigger("request.general.demand")
    offer = ctx.trig.trigger("agree.general.promise")
    refuse = ctx.trig.trigger("reject.general.reject")
    praise = ctx.trig.trigger("support.general.praise")
    grateful = words("gratitude_adjectives")
    for tok in span:
        i = tok.i - span.start
        # ---- "X said Y must V ..."
        if demand is not None and tok.pos_ in ("VERB", "AUX") and _has_modal(tok, modals):
            say = _speaker_verb(tok)
            obliged = _subject(tok)
            speaker = _subject(say) if say is not None else None
            if say is not None and obliged is not None and speaker is not None:
                srcs, tgts = ctx.refs(sent, speaker), ctx.refs(sent, obliged)
                domestic = bool(srcs and tgts) and srcs[0].actor.sector != tgts[0].actor.sector and \
                    tgts[0].actor.sector in ("GOV", "MIL") and tgts[0].country in (None, srcs[0].country)
                if srcs and tgts and srcs[0].country and (tgts[0].country or domestic) and (
                        srcs[0].country != tgts[0].country or domestic):
                    inner = _candidate_at(cands, i) or next(
                        (c for c in cands if c.clause_i == i and c.head_i != i and c.trigger.type != "REQUEST"), None)
                    mode = refused_mode(inner.trigger, tok) if inner is not None else None
                    c = Candidate(sent.index, [i], f"{say.text} ... {tok.text}", demand, "REQUEST", mode,
                                  own_status(ctx.mod, say), source=srcs[0], target=tgts[0],
                                  rule="construction:obligation", extra_targets=tgts[1:])
                    c.head_i = c.clause_i = say.i - span.start
                    c.lemma, c.anchors = tok.lemma_.lower(), {i}
                    c.notes.append(f"'{speaker.text} {say.text} {obliged.text} must {tok.text}': an obligation "
                                   f"stated by {srcs[0].country} is a demand on {tgts[0].country or 'its own state'}")
                    out.append(c)
                    if inner is not None:
                        inner.consumed, inner.emitted = True, False
                        inner.reason = "content of a demand ('must')"
        # ---- "X is ready / willing / prepared to V ..."
        if tok.lemma_.lower() in ready and tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT", "ccomp", "xcomp"):
            comp = next((c for c in children(tok) if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            be = tok.head if tok.dep_ == "acomp" else tok
            subj = _subject(be) or _subject(tok)
            if comp is None or subj is None:
                continue
            srcs = ctx.refs(sent, subj)
            if not srcs or not srcs[0].country:
                continue
            inner = _candidate_at(cands, comp.i - span.start) or next(
                (o for o in cands if o.clause_i == comp.i - span.start and o.head_i != o.clause_i), None)
            target = inner.target if inner is not None and inner.target is not None else None
            if target is None or target.country == srcs[0].country:
                target = _first_other(ctx, sent, comp, srcs[0].country)
            if target is None or not target.country:
                continue
            negated = any(c.dep_ == "neg" for c in (*children(be), *children(tok)))
            trig = refuse if negated else offer
            if trig is None:
                continue
            mode = refused_mode(inner.trigger, comp) if negated and inner is not None else None
            c = Candidate(sent.index, [i], f"{tok.text} to {comp.text}", trig, trig.type, mode, "occurred",
                          source=srcs[0], target=target, rule="construction:readiness")
            c.head_i = c.clause_i = i
            c.lemma, c.anchors = tok.lemma_.lower(), {i, comp.i - span.start}
            c.notes.append(f"'{tok.text} to {comp.text}': {'a refusal' if negated else 'an offer'} by "
                           f"{srcs[0].country} aimed at {target.country}")
            if inner is not None and not inner.consumed and (
                    negated or inner.event_type.lower() in words("promise_content_types")):
                # "stands ready to support A and B": the offered (or refused) act is the offer's content
                others = [t for t in inner.parties() if t.country and t.country != srcs[0].country]
                c.extra_targets = [t for t in others if t.country != target.country]
                inner.consumed, inner.emitted = True, False
                inner.reason = f"the content of the {'refusal' if negated else 'offer'} '{tok.text} to'"
            out.append(c)
        # ---- "X is grateful / thankful to Y (for ...)"
        if praise is not None and tok.lemma_.lower() in grateful and tok.pos_ == "ADJ":
            to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            pob = pobj(to) if to is not None else None
            be = tok.head if tok.dep_ in ("acomp", "amod") else tok
            subj = _subject(be) or _subject(tok)
            if pob is None or subj is None:
                continue
            srcs = ctx.refs(sent, subj)
            tgts = [r for r in ctx.refs(sent, pob) if r.country and srcs and r.country != srcs[0].country]
            if not srcs or not srcs[0].country or not tgts:
                continue
            c = Candidate(sent.index, [i], f"{tok.text} to", praise, "SUPPORT", None, "occurred",
                          source=srcs[0], target=tgts[0], rule="construction:gratitude", extra_targets=tgts[1:])
            c.head_i = c.clause_i = i
            c.lemma, c.anchors = tok.lemma_.lower(), {i}
            c.notes.append(f"'{tok.text} to {pob.text}': gratitude, SUPPORT by {srcs[0].country}")
            out.append(c)
    return out


def characterisations(ctx: ArticleContext, whose: OwnerReader, sent: Sentence,
                      cands: list[Candidate]) -> list[Candidate]:
    """'what it described as a direct attack launched by Iran', 'citing what they described as pro-Armenian
    statements from France': characterising another side's act is an accusation (rule: describe-as)."""
    span = sent.span
    out: list[Candidate] = []
    trig = ctx.trig.trigger("accuse.allege.evaluative")
    if trig is None:
        return out
    for v in span:
        if v.pos_ != "VERB" or v.lemma_.lower() not in words("describe_verbs"):
            continue
        as_prep = next((t for t in subtree(v) if t.dep_ == "prep" and t.lower_ == "as" and
                        verb_above(t) is not None and verb_above(t).i == v.i), None)  # type: ignore[union-attr]
        obj = pobj(as_prep) if as_prep is not None else None
        if obj is None:   # "what it called hostile statements from France"
            obj = next((t for t in children(v) if t.dep_ == "oprd"), None)
        subj = next((t for t in children(v) if t.dep_ == "nsubj"), None)
        if obj is None or subj is None:
            continue
        labelled = next((t for t in children(v) if t.dep_ == "dobj" and t.lower_ not in ("what", "which")),
                        None) if obj.dep_ == "oprd" else None
        if labelled is not None:
            # "called the Argentine leader a liar": labelling an actor, never a phone call; an
            # accusation only when the label is a charge ("a war criminal", "a terrorist")
            for o in cands:
                if o.head_i == v.i - span.start:
                    o.consumed, o.emitted, o.reason = True, False, "a label ('called X a Y'), not a call"
            if obj.lemma_.lower() not in words("pejorative_labels"):
                continue
        speakers = ctx.refs(sent, subj)
        if not speakers or speakers[0].country is None:
            continue
        inner = next((c for c in cands if c.head_i == obj.i - span.start and c.source is not None), None)
        acted = [inner.source] if inner is not None and inner.source is not None else []
        owners = acted or (ctx.refs(sent, labelled) if labelled is not None else []) or \
            whose.from_owner(sent, obj) or whose.from_owner(sent, v) or whose.owner(sent, obj, include_of=False)
        owners = [o for o in owners if o.country and o.country != speakers[0].country]
        if not owners:
            continue
        mode = "allege" if inner is not None and inner.trigger.type in CONFLICT_TYPES else "disapprove"
        c = Candidate(sent.index, [v.i - span.start], f"{v.text} ... as {obj.text}", trig, "ACCUSE", mode,
                      own_status(ctx.mod, v), source=speakers[0], target=owners[0],
                      rule="rule:describe-as", extra_targets=owners[1:])
        c.head_i = c.clause_i = v.i - span.start
        c.lemma = v.lemma_.lower()
        c.anchors = {v.i - span.start}
        c.notes.append(f"'{v.text} ... as {obj.text}': {speakers[0].country} characterises "
                       f"{owners[0].country}'s act (an accusation)")
        out.append(c)
        for o in cands:   # "called X Y" is a characterisation, not a phone call
            if o.head_i == v.i - span.start and o is not c:
                o.consumed, o.emitted, o.reason = True, False, "a characterisation ('called X Y')"
    return out
