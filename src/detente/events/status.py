"""Stage 3 (C4, C10): status and scope.

Input: a candidate and its trigger's control chain ("is expected to visit" -> [visit, expected]). Output: its
status (occurred, planned, hypothetical, negated, cancelled) and the frame it sits in: a refusal turns it
into a REJECT of the refused act, a request or threat over it makes it their content (its target and kind
become theirs). Sentence-level passes then settle frames across candidates: one REJECT per refusal,
invitations as planned visits, warned-of actions as the content of the warning, and topic nouns ("discussed
the war in Gaza") as no events at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef
from ..lexicon import words
from ..record import Actor
from ..treecache import children, subtree
from .owners import asked_state
from .parse import control_chain, distinct_sectors, noun_phrase, pobj, verb_args, visit_adjunct
from .types import (
    ONE_SIDED_TYPES,
    OWN_MEASURE_TYPES,
    REQUEST_MODE,
    RETALIATION_TYPES,
    THREAT_MODE,
    ULTIMATUM_EXEMPT_TYPES,
)

# the note that marks a future act on an 'unless' condition; frame() reads it to make the act a threat
_ULTIMATUM = "an ultimatum: a future act unless the other side complies"
_RETALIATION = "a retaliation announced: a hostile act that will follow if the other side acts"

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Sentence
    from ..resolve.places import Place
    from .candidate import Candidate, Frame, Hit
    from .context import ArticleContext
    from .lexicon import Trigger
    from .modality import Modality
    from .owners import OwnerReader

def refused_mode(trig: Trigger, tok: Token) -> str:
    """The mode of a request or refusal from the act requested or refused."""
    if trig.type == "REQUEST" and trig.mode:
        return trig.mode   # "rejected an offer of talks" (REQUEST/meet): what was asked for is refused
    if tok.lemma_.lower() in words("meet_words"):
        return "meet"
    if tok.lemma_.lower() in words("assist_words"):
        return "assist"
    if trig.type == "SANCTION" or trig.type == "COERCE":
        # refusing to lift sanctions / to release: yielding is what was refused
        gov = tok.head if tok.dep_ in ("dobj", "pobj") else tok
        if gov.lemma_.lower() in words("lift_verbs") or tok.lemma_.lower() in words("lift_verbs"):
            return "yield"
        return "change"
    if trig.type == "AGREE":
        # "rejected an offer of talks", "turned down a proposal for aid": the offer's content decides
        inner = [pobj(ch) for ch in children(tok) if ch.dep_ == "prep" and ch.lower_ in ("of", "for")]
        for p in inner:
            if p is not None and p.lemma_.lower() in words("meet_words"):
                return "meet"
            if p is not None and p.lemma_.lower() in words("assist_words"):
                return "assist"
        return "change"
    return REQUEST_MODE.get(trig.type, "change")


def _framed(cands: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """Each complement of a request or threat with the candidate that frames it."""
    out: list[tuple[Candidate, Candidate]] = []
    for c in cands:
        if c.outer_i is None:
            continue
        outer = next((o for o in cands if o.trigger_i[0] == c.outer_i or c.outer_i in o.trigger_i), None)
        if outer is not None:
            out.append((c, outer))
    return out


def own_status(mod: Modality, tok: Token) -> str:
    """The status a frame verb has of its own ('will refuse' is planned, 'may refuse' hypothetical)."""
    kids = {c.lower_ for c in children(tok) if c.dep_ in ("aux", "auxpass", "neg")}
    if any(mod.has("future_aux", k) for k in kids):
        return "planned"
    if any(mod.has("hypo_aux", k) for k in kids):
        return "hypothetical"
    return "occurred"


def _as_threat(c: Candidate, h: Hit, tag: str) -> None:
    """Code a conditional future act as the threat made now, its kind the threat's mode."""
    trig = h.trigger
    c.mode = THREAT_MODE.get((trig.type, trig.mode), THREAT_MODE.get((trig.type, None)))
    c.event_type, c.status = "THREATEN", "occurred"
    c.rule = f"{trig.entry}{tag}"
    c.notes.append(f"threatened: {h.text} (THREATEN/{c.mode or '-'})")


@dataclass
class _Cues:
    """What the trigger's modifiers and control chain say about its status, and the notes saying so."""

    future: bool = False
    hypo: bool = False
    neg: bool = False
    planned: bool = False
    cancelled: bool = False
    frame: Frame | None = None
    notes: list[str] = field(default_factory=list)


class StatusReader:
    """Status of each candidate and the frames that scope over candidates."""

    def __init__(self, ctx: ArticleContext, owners: OwnerReader) -> None:
        self.ctx = ctx
        self.owners = owners

    def frame(self, sent: Sentence, h: Hit, c: Candidate, chain: list[Token],
              by_token: dict[int, Hit]) -> Frame | None:
        """Set the candidate's status; apply its frame (refusal, request, threat) and return it."""
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        status, frame, notes = self.status(sent, tok, h, chain)
        c.notes.extend(notes)
        c.status = status
        if any(n.endswith("to': speculative") for n in notes):
            c.consumed, c.emitted = True, False
            c.reason = "speculation ('unlikely to'), not a reported act"
        if _ULTIMATUM in notes and \
                trig.type not in ULTIMATUM_EXEMPT_TYPES and frame is None:
            # "will withdraw its peacekeepers from Chad unless ...": the threat is made now
            _as_threat(c, h, "+ultimatum")
        if _RETALIATION in notes and trig.type in RETALIATION_TYPES and frame is None and c.event_type == trig.type:
            # "Ankara will close the border if the shelling goes on": a hostile act promised on the other side's
            # move is a threat made now
            _as_threat(c, h, "+retaliation")
        top = chain[-1] if chain else tok
        if frame is None and top.dep_ in ("acl", "advcl") and top.head.pos_ == "NOUN" and \
                any(g.dep_ == "aux" and g.lower_ == "to" for g in children(top)):
            outer = by_token.get(top.head.i - span.start)
            noun = top.head
            refused_noun = noun.dep_ in ("dobj", "nsubjpass") and self.ctx.mod.matches("refusal", noun.head)
            if outer is not None and (outer.trigger.type == "REJECT" or refused_noun):
                # "Serbia's refusal to impose sanctions": what is refused is the refusal's content, not an act
                c.consumed, c.emitted, c.outer_i = True, False, top.head.i - span.start
                c.reason = f"content of the refusal '{top.head.text}' (gives its mode and target)"
        if frame is not None:
            kind, ftok = frame
            if kind == "refusal":
                c.event_type = "REJECT"
                c.mode = refused_mode(trig, tok)
                c.rule = f"{trig.entry}+refusal"
                c.trigger_text = f"{ftok.text} ... {h.text}"
                c.notes.append(f"refused by '{ftok.text}': REJECT/{c.mode}")
                c.status = own_status(self.ctx.mod, ftok)
                c.anchors.add(ftok.i - span.start)
                c.frame_i = ftok.i - span.start
                c.depth = len(chain)
                above = control_chain(ftok)[1:]
                framer = next((v for v in above if self.ctx.mod.matches("threat", v) or
                               self.ctx.mod.matches("request", v)), None)
                if framer is not None:
                    # "threatened to veto the aid", "urged Turkey to drop its veto of X": the refusal is itself
                    # only threatened or asked for; the outer act carries it
                    c.consumed, c.emitted = True, False
                    c.reason = f"a refusal inside '{framer.text}': the content of that act, not an act"
            elif kind in ("request", "threat"):
                outer = by_token.get(ftok.i - span.start)
                if outer is not None:
                    c.consumed = True
                    c.emitted = False
                    c.outer_i = ftok.i - span.start
                    c.reason = f"complement of the {kind} '{ftok.text}' (gives its mode and target)"
        return frame

    def _request_noun(self, tok: Token) -> bool:
        """Is ``tok`` a noun the trigger lexicon reads as a request with a clause ("its call for X to V")?"""
        for np_ in self.ctx.trig.nouns_for(tok.lemma_):
            sense = self.ctx.trig.trigger(np_.trigger.clause_sense) if np_.trigger.clause_sense else np_.trigger
            if sense is not None and sense.type == "REQUEST":
                return True
        return False

    def status(self, sent: Sentence, tok: Token, h: Hit,
               chain: list[Token]) -> tuple[str, Frame | None, list[str]]:
        """Decide the status from the trigger's control chain; return (status, frame, notes)."""
        mod = self.ctx.mod
        cues = _Cues()
        if h.kind == "noun" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in words("effect_verbs"):
            # "Russia's withdrawal from the deal will hurt Egypt": the effect is future, the act is not
            chain = [tok]
            cues.notes.append(f"subject of the effect '{tok.head.text}': its own tense only")
        if h.kind == "noun" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
                x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
                for x in tok.head.children):
            cues.planned = True   # "talks are to be held in Brussels"
            cues.notes.append(f"'{tok.head.text} to' + verb: planned")
        if h.kind == "noun" and not cues.planned:
            # "the Agreement for Lasting Peace through a Permanent Cessation of Hostilities", "a plan for talks":
            # what an agreement or a plan provides for is to come
            t = tok
            for _ in range(4):
                if t.dep_ not in ("pobj", "prep") or t.head.i == t.i:
                    break
                t = t.head
                if t.dep_ != "prep" and t.lemma_.lower() in words("provision_nouns"):
                    cues.planned = True
                    cues.notes.append(f"what the {t.text} provides for: planned")
                    break
        # nominal modifiers: "a planned trip", "a possible visit", "no talks"
        if h.kind == "noun":
            for ch in children(tok):
                w = ch.lower_
                if ch.dep_ in ("amod", "compound", "nmod") and mod.has("plan_modifier", w):
                    cues.planned = True
                    cues.notes.append(f"'{ch.text}' marks it planned")
                elif ch.dep_ in ("amod",) and mod.has("hypo_modifier", w):
                    cues.hypo = True
                    cues.notes.append(f"'{ch.text}' marks it hypothetical")
                elif ch.dep_ == "det" and w == "no":
                    cues.neg = True
                    cues.notes.append("'no' negates it")
        adjunct = h.kind == "noun" and visit_adjunct(tok)   # "on a visit to Hanoi, she pledged": not pledged
        prev: Token | None = tok if h.kind == "verb" else None
        for v in chain:
            is_self = v.i == tok.i
            via_conj = prev is not None and prev.dep_ == "conj" and prev.head.i == v.i
            if ((not is_self and prev is not None) or (not is_self and h.kind == "noun")) and not via_conj and \
                    not adjunct:
                self._frame_verb(sent, tok, h, v, cues)
            if not is_self and v.lemma_ == "be" and prev is not None and prev.dep_ == "xcomp" and \
                    prev.head.i == v.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in prev.children):
                cues.planned = True   # "the president is to visit Ethiopia", "talks are to be held"
                cues.notes.append(f"'{v.text} to' + verb: planned")
            self._verb_cues(sent, v, cues)
            prev = v
        top = chain[-1] if chain else tok
        head = top.head
        for v in chain[1:]:
            if v.lemma_.lower() in words("denial_verbs") and \
                    any(x.tag_ == "VBG" and x.dep_ in ("xcomp", "dobj") and x.head.i == v.i for x in chain):
                # "Rwanda denied backing the M23": the act is denied; "did not deny carrying out": not denied
                cues.neg = not any(c.dep_ == "neg" for c in v.children)
                cues.notes.append(f"denied by '{v.text}'" if cues.neg else f"not denied ('{v.text}')")
                break
        if top.dep_ in ("ccomp", "acl") and head.i != top.i:
            # "denied that it had moved troops", "rejected reports that it had attacked": the content is denied
            denier = head.head if head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj") else head
            dismissed = head.pos_ == "NOUN" and head.lemma_.lower() in words("report_nouns") and \
                denier.lemma_.lower() in words("dismiss_verbs")   # "dismissed reports that ...", "rejected claims"
            if (denier.lemma_.lower() in words("denial_verbs") or dismissed) and \
                    not any(c.dep_ == "neg" for c in denier.children):
                cues.neg = True
                cues.notes.append(f"denied by '{denier.text}'")
        that_acl = top.dep_ in ("acl", "advcl", "relcl") and head.pos_ == "NOUN" and any(
            m.dep_ == "mark" and m.lower_ in ("that", "for") for m in children(top))   # "its demand that X lift"
        # "repeated the call for Iran to halt enrichment", the infinitive hung on the verb: the call's content
        call_for = top.dep_ in ("advcl", "acl") and \
            any(a.dep_ == "aux" and a.lower_ == "to" for a in children(top)) and \
            not any(a.dep_ in ("nsubj", "mark") for a in children(top))
        asked_nouns = [o for d in children(head) if d.dep_ == "dobj" for o in (d, *d.conjuncts)] \
            if head.pos_ == "VERB" and top.dep_ != "acl" else \
            list(head.conjuncts) if head.pos_ == "NOUN" and top.dep_ == "acl" and call_for else []
        demand_obj = next((o for o in asked_nouns if o.i < top.i and self._request_noun(o)
                           and (top.dep_ == "ccomp" or any(p.dep_ == "prep" and p.lower_ == "for"
                                                            for p in children(o)))),
                          None) if (top.dep_ == "ccomp" or call_for) and h.trigger.type != "REQUEST" else None
        if cues.frame is None and demand_obj is not None:
            # "repeated its demand on Tuesday that Russia free them": the clause is the demand's content
            cues.frame = ("request", demand_obj)
            cues.notes.append(f"content of the demand '{demand_obj.text}'")
        if cues.frame is None and (top.dep_ == "ccomp" or that_acl) and head.i != top.i and \
                head.pos_ in ("VERB", "NOUN") and (mod.matches("request", head) or (
                    that_acl and self._request_noun(head))) and h.trigger.type not in ("REQUEST",):
            # "demanded that Israel withdraw", "insists that Russia pull out": the content of a demand
            cues.frame = ("request", head)
            cues.notes.append(f"content of the demand '{head.text}'")
        if top.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in words("plan_nouns") and \
                h.kind == "verb":
            # "has plans to visit" is planned; "has no plans to visit", "does not intend ..." is negated
            gov = head.head if head.dep_ in ("dobj", "attr", "nsubj") else None
            if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in children(head)) or (
                    gov is not None and any(ch.dep_ == "neg" for ch in children(gov))):
                cues.neg = True
                cues.notes.append(f"'no {head.text}' to: negated")
            else:
                cues.planned = True
                cues.notes.append(f"'{head.text}' to: planned")
        under_report = top.dep_ in ("ccomp",) and \
            head.lemma_.lower() in words("report_verbs") | set(mod.words.get("report", ()))
        if cues.cancelled:
            return "cancelled", cues.frame, cues.notes
        would_report = under_report and any(c.lower_ == "would" for v in chain for c in children(v))
        if cues.neg and (cues.future or would_report) and h.trigger.type == "CONSULT":
            cues.notes.append("will not take part in a planned consultation: cancelled")
            return "cancelled", cues.frame, cues.notes
        if cues.neg and h.trigger.negated_only and "inside a condition" not in cues.notes:
            # "will not allow their ships to dock", "did not let the observers in": the refusal is the act
            cues.notes.append("a negated permission is a refusal, made as it is said")
            return "occurred", cues.frame, cues.notes
        if cues.neg and cues.frame is None:
            return "negated", cues.frame, cues.notes
        conditional = any(n.startswith("consequent of a condition") or n == "inside a condition"
                          for n in cues.notes)
        if cues.hypo and conditional and h.trigger.type == "THREATEN" and \
                not any(n.startswith("modal") for n in cues.notes):
            # "threatened to close the border if the attacks go on": an ultimatum is made, its condition is
            # part of what is threatened
            cues.hypo = False
            cues.notes.append("a threat's condition is its content: the threat occurred")
        if cues.hypo:
            if under_report and not conditional and any(c.lower_ == "would" for v in chain for c in children(v)):
                cues.notes.append("'would' in reported speech reads as future")
                return "planned", cues.frame, cues.notes
            return "hypothetical", cues.frame, cues.notes
        if cues.future or cues.planned:
            return "planned", cues.frame, cues.notes
        return "occurred", cues.frame, cues.notes

    def _frame_verb(self, sent: Sentence, tok: Token, h: Hit, v: Token, cues: _Cues) -> None:
        """A verb above the trigger that cancels, refuses, requests, threatens, fails, attempts or plans it."""
        mod = self.ctx.mod
        lemma = v.lemma_.lower()
        if lemma in words("doubt_frames") or v.lower_ in words("doubt_frames"):
            cues.hypo = True   # "Beijing is unlikely to change course": speculation, nothing done
            cues.notes.append(f"'{v.text} to': speculative")
            return
        if lemma in ("have", "be") and any(ch.dep_ == "advmod" and ch.lower_ in words("not_yet_adverbs")
                                           for ch in children(v)) and any(ch.dep_ == "xcomp" for ch in children(v)):
            cues.neg = True   # "have yet to agree", "is yet to be signed": not done (so far)
            cues.notes.append(f"'{v.text} yet to': it has not happened")
            return
        if mod.matches("cancel", v) and cues.frame is None:
            cues.cancelled = True
            cues.notes.append(f"'{v.text}' cancels it")
        elif mod.matches("refusal", v) and cues.frame is None and h.trigger.type not in ("REJECT",):
            cues.frame = ("refusal", v)
        elif mod.matches("request", v) and cues.frame is None and v.i != tok.i:
            cues.frame = ("request", v)
        elif mod.matches("threat", v) and cues.frame is None:
            cues.frame = ("threat", v)
        elif mod.matches("failure_frame", v):
            cues.neg = True
            cues.notes.append(f"'{v.text}' to: it did not happen")
        elif mod.matches("attempt_frame", v) and (v.tag_ == "VBD" or (v.tag_ == "VBN" and any(
                a.dep_ == "aux" and a.lemma_ == "have" for a in children(v)))):
            cues.notes.append(f"a past attempt ('{v.text}') happened")
        elif mod.matches("plan_frame", v) and not mod.has("report", lemma) and v.i != (
                h.light + sent.span.start if h.light is not None else -1):
            cues.planned = True
            cues.notes.append(f"'{v.text}' frames it as planned")
        elif mod.has("plan_frame", lemma) and h.kind == "noun" and lemma in words("arrangement_verbs"):
            cues.planned = True

    def _verb_cues(self, sent: Sentence, v: Token, cues: _Cues) -> None:
        """Auxiliaries, negation and conditions on one verb of the chain."""
        mod = self.ctx.mod
        if v.tag_ == "MD" and mod.has("hypo_aux", v.lower_):
            # "Egypt ought to free them": the parser made the modal the head of the act's verb
            cues.hypo = True
            cues.notes.append(f"modal '{v.text}' governing the verb")
        for ch in children(v):
            w = ch.lower_
            if ch.dep_ in ("aux", "auxpass"):
                if mod.has("future_aux", w):
                    cues.future = True
                elif mod.has("hypo_aux", w):
                    cues.hypo = True
                    cues.notes.append(f"modal '{ch.text}'")
                elif w == "to" and sent.kind in ("headline", "standfirst") and v.dep_ == "ROOT":
                    cues.future = True
                    cues.notes.append("headline 'to' + verb reads as planned")
            elif ch.dep_ == "neg":
                cues.neg = True
                cues.notes.append(f"negated by '{ch.text}'")
            elif ch.dep_ == "advcl" and any(m.dep_ == "mark" and mod.has("condition", m.lower_)
                                             for m in children(ch)):
                cues.hypo = True
                cues.notes.append("consequent of a condition")
                if any(m.dep_ == "mark" and m.lower_ in words("ultimatum_marks") for m in children(ch)) and any(
                        a.dep_ == "aux" and (mod.has("future_aux", a.lower_) or a.lower_ == "would")
                        for a in children(v)):
                    cues.notes.append(_ULTIMATUM)
                elif any(m.dep_ == "mark" and m.lower_ == "if" for m in children(ch)) and any(
                        a.dep_ == "aux" and mod.has("future_aux", a.lower_) for a in children(v)):
                    cues.notes.append(_RETALIATION)
        if any(m.dep_ == "mark" and mod.has("condition", m.lower_) for m in children(v)) and v.dep_ == "advcl":
            cues.hypo = True
            cues.notes.append("inside a condition")

    def topics(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'discussed the war in Gaza', 'talks on the conflict in Syria': an event noun that is what a
        consultation is about is a topic, not an event of its own (C10)."""
        span = sent.span
        consult_heads = {a for c in cands if c.event_type == "CONSULT" for a in c.anchors}
        for c in cands:
            tok = span[c.trigger_i[0]] if c.trigger_i else None
            if tok is None or tok.pos_ not in ("NOUN", "PROPN") or c.event_type == "CONSULT":
                continue
            head = tok.head
            if tok.dep_ == "conj":   # "discussed trade and the war": conjuncts share the role
                head = tok.head.head if tok.head.dep_ in ("dobj", "pobj") else tok.head
                tok = tok.head
            topical = (tok.dep_ == "dobj" and head.lemma_.lower() in words("topic_verbs")) or (
                tok.dep_ == "pobj" and head.lower_ in words("topic_preps") and (
                    head.head.i - span.start in consult_heads or head.head.lemma_.lower() in words("topic_verbs")))
            # "prevent attacks on shipping", "protect civilians from attacks": what an act guards against is
            # not reported as happening
            prevented = tok.dep_ == "dobj" and head.lemma_.lower() in words("prevent_verbs")
            guarded = tok.dep_ == "pobj" and head.lower_ in ("from", "against") and \
                head.head.lemma_.lower() in words("protect_verbs")
            topical = topical or prevented or guarded
            if topical:
                c.consumed, c.emitted = True, False
                c.reason = f"a topic of '{head.text}', not an event"

    def lifted_measures(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'lifted its blockade of Armenia', 'scrapped its tariffs on barley', 'suspended sanctions on oil', 'the
        lifting of the curfew': ending a standing measure is one RETREAT aimed at the measure's target; the
        measure is not reported as imposed (C10), nor the ending as a cut in relations (rule: +lifted)."""
        span = sent.span
        ends = words("measure_end_verbs")
        for m in cands:
            if m.consumed or m.event_type not in ("COERCE", "SANCTION") or not m.trigger_i:
                continue
            tok = span[m.head_i]
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            gov = tok.head if tok.dep_ in ("dobj", "nsubjpass") else (
                tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None)
            if gov is None or gov.lemma_.lower() not in ends or gov.i == tok.i:
                continue
            if any(ch.dep_ == "amod" and (self.ctx.mod.has("plan_modifier", ch.lower_) or ch.lower_ == "new")
                   for ch in tok.children):
                continue   # "scrapped the planned tariffs": a plan dropped, not a measure lifted
            gi = gov.i - span.start
            r = next((o for o in cands if o is not m and not o.consumed and gi in o.trigger_i), None)
            if r is not None and r.event_type not in ("RETREAT", "SANCTION"):
                continue
            keep = r if r is not None else m
            if r is None:
                m.status = own_status(self.ctx.mod, gov) if m.status == "cancelled" else m.status
                m.trigger_text = f"{gov.text} ... {m.trigger_text}"
            else:
                m.consumed, m.emitted = True, False
                m.reason = f"the measure '{m.trigger_text}' is lifted ('{gov.text}'), not imposed"
                if m.target is not None and (r.target is None or r.source is None or
                                             r.target.country == r.source.country):
                    r.target = m.target
            keep.event_type, keep.mode = "RETREAT", None
            keep.rule += "+lifted"
            keep.notes.append(f"'{gov.text}' ends the standing measure '{tok.text}': RETREAT")
        for r in cands:   # "suspended sanctions on Venezuelan oil": the measure was no candidate of its own
            if r.consumed or r.event_type != "SANCTION" or r.mode != "discontinue" or "+lifted" in r.rule or \
                    r.lemma not in ends or not r.object_words & words("standing_measures"):
                continue
            r.event_type, r.mode = "RETREAT", None
            r.rule += "+lifted"
            r.notes.append(f"'{r.trigger_text}' a standing measure: easing it is a RETREAT")

    def threat_content(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'the G7 warned they may impose further sanctions on Moscow': the warned-of action is the content of
        the threat; its target is the threat's target and its kind the threat's mode."""
        for c in cands:
            if c.event_type != "THREATEN" or c.target is not None or c.source is None or c.consumed:
                continue
            for o in cands:
                if o is c or o.consumed or o.target is None or o.source is None:
                    continue
                if o.source.country != c.source.country or o.target.country == c.source.country:
                    continue
                path = [i for i, _d in o.ancestors[:6]]
                deps = [d for _i, d in o.ancestors[:6]]
                if c.head_i not in path or "ccomp" not in deps[:path.index(c.head_i) + 1]:
                    continue
                c.target = o.target
                c.mode = c.mode or THREAT_MODE.get((o.event_type, o.mode), THREAT_MODE.get((o.event_type, None)))
                c.notes.append(f"warned of '{o.trigger_text}': target {o.target.country}, mode {c.mode}")
                o.consumed, o.emitted = True, False
                o.reason = f"the content of the warning '{c.trigger_text}'"
                break

    def promise_content(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'Spain and Morocco agreed to carry out joint patrols', 'offered to mediate', 'agreed on a trade pact':
        the promised act is the content of the AGREE, one action; it gives the AGREE its partner when the
        promise names none, and is not a second, planned event (rule: +content)."""
        for c in cands:
            if c.event_type != "AGREE" or c.consumed or c.lemma not in words("promise_words"):
                continue
            for o in cands:
                if o is c or o.consumed or o.event_type.lower() not in words("promise_content_types"):
                    continue
                path = [i for i, _d in o.ancestors[:4]]
                if c.head_i not in path:
                    continue
                deps = [d for _i, d in o.ancestors[:path.index(c.head_i) + 1]]
                if not set(deps) <= words("promise_content_deps") or deps[0] == "conj":
                    continue
                if "pcomp" in deps and sent.span[c.head_i].pos_ != "VERB":
                    continue   # "its commitment to supporting X": a standing commitment, not a promise made
                others = [t for t in o.parties() if c.source is None or t.country != c.source.country]
                if c.target is None and others:
                    c.target = others[0]
                    c.extra_targets = [*c.extra_targets, *others[1:]]
                c.rule += "" if c.rule.endswith("+content") else "+content"
                c.notes.append(f"promised: {o.event_type}/{o.mode or '-'} '{o.trigger_text}' is its content")
                o.consumed, o.emitted = True, False
                o.reason = f"the content of the promise '{c.trigger_text}'"

    def invitations(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'Xi invited Putin to visit Beijing', 'invited Netanyahu to Washington': the invitee's planned visit
        to the place named, or to the inviter (rule: +invitation)."""
        span = sent.span
        for c in cands:
            if c.lemma != "invite" or span[c.head_i].pos_ != "VERB" or c.consumed or c.source is None or \
                    c.event_type != "AGREE":   # "invited them to agree on a text" is a request (clause_sense)
                continue
            tok = span[c.head_i]
            obj = next((x for x in children(tok) if x.dep_ in ("dobj", "nsubjpass")), None)
            guests = self.ctx.refs(sent, obj) if obj is not None else []
            if not guests or guests[0].country == c.source.country:
                continue
            place: Place | None = None
            place_tok: Token | None = None
            for x in subtree(tok):
                if x.dep_ == "pobj" and x.head.lower_ in ("to", "in") and self.ctx.is_place(sent, x):
                    place, place_tok = self.ctx.place(sent, x), x
                    break
                if x.dep_ == "dobj" and x.head.dep_ == "xcomp" and self.ctx.is_place(sent, x):
                    place, place_tok = self.ctx.place(sent, x), x
                    break
            for o in cands:   # the invited visit itself ("to visit Beijing") is this event
                if o is not c and o.event_type == "CONSULT" and any(i == c.head_i for i, _d in o.ancestors[:2]):
                    o.consumed, o.emitted, o.reason = True, False, "the visit an invitation asks for"
            host = c.source
            if place is not None and place.country and place.country != guests[0].country:
                host = ActorRef(Actor(text=noun_phrase(place_tok) if place_tok is not None else place.name,
                                      name=place.name, role=None, country=place.country, sector=None),
                                "country", f"destination:{place.name}", c.sent, c.head_i)
            c.event_type, c.mode, c.status = "CONSULT", "visit", "planned"
            c.source, c.target = guests[0], host
            c.place = place or (self.ctx.gaz.country(host.country or "") if self.ctx.gaz else None)
            c.place_text = noun_phrase(place_tok) if place_tok is not None else host.actor.text
            c.rule += "+invitation"
            c.notes.append(f"an invitation: {guests[0].country} is to visit {host.country}")

    def complements(self, sent: Sentence, cands: list[Candidate]) -> None:
        """A threat or request without its own target aims at its complement's target ("warned they may
        impose sanctions on Moscow", "urged Moscow to renew"); the complement gives its mode."""
        span = sent.span
        for c, outer in _framed(cands):
            noun = span[outer.head_i]
            asked = next((pobj(p) for p in children(noun) if noun.pos_ == "NOUN" and p.dep_ == "prep" and
                          p.lower_ == "for"), None)
            refs = [r for r in self.ctx.refs(sent, asked) if r.country] if asked is not None else []
            if refs:
                c.source = refs[0]   # "the call for Iran to free them": Iran is to act
            measure = self._measure_taken(sent, c, cands)
            if measure is not None and self._own_measure(sent, outer, measure):
                c.consumed, c.emitted, c.reason = True, False, f"the taking of the measure '{measure.trigger_text}'"
                continue
            if self._own_measure(sent, outer, c):
                continue
            if outer.target is None and c.brokered and c.source is not None and c.target is not None:
                # "called for a truce between A and B": both parties are asked
                outer.target = c.source
                outer.extra_targets = [*outer.extra_targets, *c.parties()[1:]]
            if outer.target is None and c.target is not None and c.target.country and (
                    outer.source is None or outer.source.country != c.target.country or
                    distinct_sectors(outer.source, c.target)):
                outer.target = c.target
                outer.extra_targets = [*outer.extra_targets, *c.extra_targets]
                outer.notes.append(f"target from its complement '{c.trigger_text}': {c.target.country}")
            if outer.target is None and outer.event_type == "REQUEST" and c.event_type == "AID" and \
                    outer.source is not None:
                # "appealed for emergency aid from the EU": asked of the would-be donor
                donor = asked_state(self.ctx, sent, [span[c.head_i], span[outer.head_i]], outer.source.country)
                if donor is not None:
                    outer.target = donor
                    outer.notes.append(f"aid asked of {donor.country}")
            if outer.target is None and outer.event_type == "REQUEST" and c.event_type == "RETREAT" and \
                    c.mode == "release":
                holder = self._holder(sent, c, cands)
                if holder is None or (outer.source is not None and outer.source.country == holder.country):
                    holder = self._recent_holder(sent)
                if holder is not None and (outer.source is None or outer.source.country != holder.country):
                    # "called for the release of the activists detained by Egyptian police": the holder is asked
                    outer.target = holder
                    outer.notes.append(f"asked: the one holding those to be released, {holder.country}")
            if outer.target is None and c.target is None and outer.event_type == "THREATEN" and \
                    c.event_type in ONE_SIDED_TYPES:
                # "threatened to impose a curfew in the capital": a domestic measure threatens the state's own
                scene = self.owners.state_of_scene(sent, span[c.head_i], cities=True, depth=2) or (
                    self.owners.state_of_scene(sent, span[c.clause_i], cities=True) if c.clause_i is not None else [])
                if scene and outer.source is not None and outer.source.country == scene[0].country:
                    outer.target = replace(scene[0], rule="one-sided")
                    outer.notes.append(f"a threatened measure at home aims at home: {scene[0].country}")
            if outer.mode is None and outer.event_type in ("REQUEST", "REJECT"):
                outer.mode = refused_mode(c.trigger, span[c.trigger_i[0]])
            if outer.mode is None and outer.event_type == "THREATEN":
                outer.mode = THREAT_MODE.get((c.trigger.type, c.mode), THREAT_MODE.get((c.trigger.type, None)))
                inner_words = {t.lemma_.lower() for t in subtree(span[c.head_i])}
                if c.trigger.type == "SANCTION" and inner_words & words("relation_words"):
                    outer.mode = "relations"   # "threatened to cut diplomatic ties"
                if outer.mode:
                    outer.notes.append(f"threatened action '{c.trigger_text}' gives mode {outer.mode}")

    def scene_targets(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'called on all parties to respect the ceasefire in Libya': a request or threat with no party named
        aims at the state where its content is to happen (after places are attached)."""
        for c, outer in _framed(cands):
            if outer.source is not None and (outer.target is None or (
                    outer.target.kind == "pair" and outer.target.country == outer.source.country)) \
                    and outer.event_type in ("REQUEST", "THREATEN") and c.target is None:
                scene = c.place_target or c.place
                if scene is not None and scene.country and scene.country != outer.source.country and \
                        scene.kind in ("country", "city", "admin", "territory", "region", "disputed"):
                    # "called on all parties to respect the ceasefire in Libya": the parties of that place
                    outer.target = ActorRef(Actor(text=c.place_text or scene.name, name=scene.name, role=None,
                                                  country=scene.country, sector=None), "country",
                                            f"scene:{scene.name}", sent.index, c.head_i)
                    outer.notes.append(f"asked of the parties where it happens: {scene.country}")

    @staticmethod
    def _measure_taken(sent: Sentence, c: Candidate, cands: list[Candidate]) -> Candidate | None:
        """'take steps to expel the envoys', 'approve a decision to freeze their assets': the act the
        steps are for is what is asked, not the taking."""
        span = sent.span
        objs = [ch for ch in children(span[c.head_i]) if ch.dep_ == "dobj" and ch.lemma_.lower() in
                words("policy_measure_nouns")]
        for o in objs:
            for ch in children(o):
                if ch.dep_ in ("acl", "relcl", "xcomp"):
                    m = next((x for x in cands if x is not c and x.head_i == ch.i - span.start and
                              x.event_type in OWN_MEASURE_TYPES), None)
                    if m is not None:
                        return m
        return None

    def _own_measure(self, sent: Sentence, outer: Candidate, c: Candidate) -> bool:
        """A request to one's own body ("the Assembly asked the cabinet to impose sanctions", "urged
        Congress to pass sanctions") asks for a measure the requester itself is preparing: the measure is coded,
        planned, by the requester, and the internal request is not an event."""
        if outer.event_type != "REQUEST" or c.event_type not in OWN_MEASURE_TYPES or outer.source is None or \
                not outer.source.country:
            return False
        span = sent.span
        verb = span[outer.head_i]
        asked = [ch for ch in children(verb) if ch.dep_ == "dobj"] + [
            p for ch in children(verb) if ch.dep_ == "prep" and ch.lower_ in ("on", "upon")
            if (p := pobj(ch)) is not None]
        refs = self.ctx.refs(sent, asked[0]) if asked else []
        if not refs or refs[0].country != outer.source.country:
            return False
        if c.target is not None and c.target.country == outer.source.country:
            return False
        c.consumed, c.emitted, c.reason, c.outer_i = False, True, "", None
        c.source, c.status = outer.source, "planned"
        c.rule += "+own-body-request"
        c.notes.append(f"asked of {refs[0].actor.text}, a body of the requester's own: its planned measure")
        outer.consumed, outer.emitted = True, False
        outer.reason = f"a request to its own body '{refs[0].actor.text}': coded as the measure '{c.trigger_text}'"
        return True

    def _recent_holder(self, sent: Sentence) -> ActorRef | None:
        """'Police detained the journalist in Moscow ... The US called for his release': the state whose arrest
        the text has just reported holds those to be released."""
        last = self.ctx.last_act.get("COERCE/arrest")
        if last is None or last[1] is None or not last[1].country or not 0 < sent.index - last[0] <= 4:
            return None
        return last[1]

    def _holder(self, sent: Sentence, c: Candidate, cands: list[Candidate]) -> ActorRef | None:
        """Who holds the people a release would free: its own source, the agent of a participle on them
        ("the two Canadians held by China"), or the source of their detention coded in the sentence."""
        own = c.source if c.source is not None and c.source.country else None
        span = sent.span
        of = next((ch for ch in children(span[c.head_i]) if ch.dep_ == "prep" and ch.lower_ == "of"), None)
        freed = pobj(of) if of is not None else None
        if freed is None:
            return own
        for ch in children(freed):
            apob = verb_args(ch, [ch])[2] if ch.dep_ == "acl" else None
            refs = self.ctx.refs(sent, apob) if apob is not None else []
            if refs and refs[0].country:
                return refs[0]
        inside = {t.i - span.start for t in subtree(freed)}
        held = [o for o in cands if o is not c and o.event_type == "COERCE" and o.trigger_i[0] in inside and
                o.source is not None and o.source.country]
        return held[0].source if held else own

    def one_refusal(self, cands: list[Candidate]) -> None:
        """One refusal, one REJECT: the innermost refused action gives it ("refused to agree to reschedule
        a visit")."""
        frames: dict[int, list[Candidate]] = {}
        for c in cands:
            if c.frame_i is not None:
                frames.setdefault(c.frame_i, []).append(c)
        for group in frames.values():
            keep = max(group, key=lambda c: (c.depth, c.target is not None))
            for c in group:
                if c is not keep:
                    c.consumed, c.emitted = True, False
                    c.reason = "an outer step of the refused action"
