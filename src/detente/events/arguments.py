"""Stage 2 (C1, C7): argument roles.

Input: a trigger hit, its candidate and its control chain. Output: the candidate's source and target (and the
further sources and targets of coordinated parties). Verb triggers read subject, object and passive agent
along control and coordination; noun triggers read possessive, 'by' agents, modifiers, participles and
'of' complements; both then read prepositional targets, "between A and B", destinations, the subjects of
demanded or warned-of clauses and partners in complements. Host verbs invert the direction; a refusal's
own subject refuses. Also here: the owner of an abstract noun, the state where an act happened, and the
country of a domestic role phrase (:meth:`ArgumentReader.localise`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef
from ..lexicon import words
from ..record import Actor
from .parse import control_chain, depth_below, noun_phrase, pobj, transparent, verb_args
from .types import IGO_LIKE, OWNER_TYPES, PATIENT_PASSIVE_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Sentence
    from .candidate import Candidate, Hit
    from .context import ArticleContext
    from .status import Frame


class ArgumentReader:
    """Reads who acts on whom for each candidate."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx

    def arguments(self, sent: Sentence, h: Hit, c: Candidate, chain: list[Token],
                   frame: Frame | None) -> None:
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        srcs: list[ActorRef] = []
        tgts: list[ActorRef] = []
        mod_tgt: list[ActorRef] = []
        dest: Token | None = None
        between: list[ActorRef] = []
        if h.kind == "noun" and trig.evaluative:
            self.evaluative(sent, tok, c)
            return
        if h.kind == "verb":
            subj, obj, agent = verb_args(tok, chain)
            if subj is None and agent is None:
                lead = self.lead_in_subject(sent)
                if lead is not None:
                    srcs = [lead]
                    c.notes.append(f"subject from the list's lead-in '{lead.actor.text}:'")
                elif obj is not None and obj.dep_ == "nsubjpass" and trig.type in PATIENT_PASSIVE_TYPES:
                    # "two citizens were arrested in Tehran": no agent; the state where it happened acts
                    srcs = [replace(r, actor=replace(r.actor, sector="GOV"))
                            for r in self.state_of_scene(sent, tok, cities=True)]
                    if srcs:
                        c.notes.append(f"agentless passive: the act of the state where it happened, "
                                       f"{srcs[0].country}")
            if agent is not None:
                srcs = self.ctx.refs(sent, agent)
                if subj is not None:
                    tgts = self.ctx.refs(sent, subj)
            elif subj is not None:
                srcs = self.ctx.refs(sent, subj)
            heads = [tok]
            if trig.type in ("AID", "COOPERATE") and not tgts:
                # "extradited a Russian hacker to the United States", "sent aid to Gaza": the recipient
                to = next((ch for ch in tok.children if ch.dep_ in ("prep", "dative") and ch.lower_ == "to"), None)
                pob = pobj(to) if to is not None else None
                if pob is not None:
                    rec = self.ctx.refs(sent, pob)
                    pl = self.ctx.place(sent, pob) if not rec else None
                    if rec:
                        tgts = rec
                    elif pl is not None and pl.country:
                        c.place_target = pl
            if obj is not None and not tgts and trig.type == "CONSULT" and obj.i - span.start in self.ctx.event_heads:
                obj = None   # "discussed the EU's sanctions": a topic, not a counterpart
            if obj is not None and not tgts:
                c.place_target = c.place_target or self.ctx.place_in(sent, obj) or self.ctx.owned_place(sent, obj)
                if trig.destination and self.ctx.is_place(sent, obj):
                    dest = obj
                else:
                    tgts = self.ctx.refs(sent, obj)
                    if not tgts and obj.pos_ in ("NOUN", "PROPN", "NUM"):
                        heads.append(obj)   # "lift its sanctions on the general"
                        owner = self.owner(sent, obj) if trig.type in OWNER_TYPES else []
                        if owner and trig.symmetric and len({r.country for r in srcs if r.country}) >= 2 and \
                                owner[0].kind == "pronoun":
                            owner = []   # "A and B upgraded their ties": 'their' is the pair itself
                        if owner:
                            tgts = owner
                            c.notes.append(f"target is the owner of '{obj.text}': {owner[0].country}")
                        elif trig.type in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "SANCTION", "RETREAT"):
                            tgts = self.state_of_scene(sent, obj)
                            if tgts:
                                c.notes.append(f"target is the state where '{obj.text}' happened: "
                                               f"{tgts[0].country}")
        else:
            heads = [tok]
            poss = [ch for ch in tok.children if ch.dep_ == "poss"]
            mods = [ch for ch in tok.children if ch.dep_ in ("amod", "compound", "nmod") and ch.i < tok.i]
            agent_p = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "by"]
            if not agent_p:
                # "the detention of three reporters by the police": the parser hangs 'by' on the patient
                agent_p = [b for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"
                           for p in [pobj(ch)] if p is not None
                           for b in p.children if b.dep_ == "prep" and b.lower_ == "by"]
            if poss:
                srcs = self.ctx.refs(sent, poss[0])
                if poss[0].lower_ in ("their", "our") and h.clause != h.i:
                    # "South Korea and Japan held their first summit": 'their' is the coordinated subject
                    vs = verb_args(span[h.clause], [span[h.clause]])[0]
                    both = self.ctx.refs(sent, vs) if vs is not None else []
                    if len({r.country for r in both if r.country}) >= 2:
                        srcs = both
            if not srcs and agent_p:
                pob = pobj(agent_p[0])
                if pob is not None:
                    srcs = self.ctx.refs(sent, pob)
            if not srcs and tok.dep_ == "ROOT" and tok.i == span.start:
                lead = self.lead_in_subject(sent)   # a list item the tagger read as a noun ("demands that")
                if lead is not None:
                    srcs = [lead]
                    c.notes.append(f"subject from the list's lead-in '{lead.actor.text}:'")
            if h.clause != h.i:
                v = span[h.clause]
                # only a light or framing verb lends its subject to the event noun ("Blinken made a trip",
                # "Aliyev would skip the meeting"); "I welcome the release of hostages" does not
                lends = h.light is not None or transparent(v) or v.lemma_.lower() in words("extra_light_verbs") or \
                    self.ctx.mod.matches("cancel", v)
                vsubj, _vobj, vagent = verb_args(v, control_chain(v))
                if not srcs and lends:
                    if vagent is not None:
                        srcs = self.ctx.refs(sent, vagent)
                    elif vsubj is not None and vsubj.i != tok.i:
                        srcs = self.ctx.refs(sent, vsubj)
                heads.append(v)
            for m in mods:
                mref = self.ctx.actors.resolve(sent.index, m.i - span.start)
                if mref is None or not mref.country:
                    continue
                if not srcs:
                    srcs = [mref]
                    break
                if trig.type == "CONSULT" and mref.country != srcs[0].country:
                    mod_tgt = [mref]   # "Zelensky attended the G7 summit": the forum's body is the counterpart
                    break
            for ch in tok.children:
                # "military exercises encircling Taiwan": the participle's object is the target
                if ch.dep_ == "acl" and ch.pos_ == "VERB" and not tgts:
                    _s, aobj, _a = verb_args(ch, [ch])
                    if aobj is not None and aobj.i != tok.i:
                        tgts = self.ctx.refs(sent, aobj)
            if trig.type == "REQUEST" and not tgts:
                # "Japan's call for China to free him": the subject of the for-to clause is asked
                for ch in tok.children:
                    if ch.dep_ in ("acl", "advcl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                    for m in ch.children):
                        fsubj = next((g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                        if fsubj is not None:
                            tgts = self.ctx.refs(sent, fsubj)
                            if tgts:
                                c.notes.append(f"asked: the subject of 'for ... to {ch.text}'")
                                break
            ofs = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"]
            if ofs and not tgts:
                pob = pobj(ofs[0])
                if pob is not None:
                    r = self.ctx.refs(sent, pob)
                    if r and srcs:
                        tgts = r
                    elif r and not srcs and trig.type in ("CONSULT",):
                        srcs = r
                    elif r:
                        tgts = r
        # prepositional targets, "between A and B", destinations
        preps = tuple(trig.target_preps or words("target_preps"))
        if trig.type == "PROTEST":
            preps = (*preps, "outside", "near", "in front of", "against", "at")
        if trig.type in ("RETREAT", "SANCTION"):
            preps = (*preps, "from")   # "recalled its ambassador from Turkey", "withdrew from Kherson"
        for hd in heads:
            for ch in hd.children:
                if ch.dep_ not in ("prep", "dative", "agent"):
                    continue
                p = ch.lower_
                pob = pobj(ch)
                if pob is None:
                    continue
                if p == "between" or p == "among":
                    between = self.ctx.refs(sent, pob)
                    continue
                if trig.destination and p in ("to", "in", "for") and self.ctx.is_place(sent, pob) and dest is None:
                    dest = pob
                    continue
                in_trigger = ch.i - span.start in c.trigger_i
                if p in preps and not tgts:
                    if p == "in" or (p == "at" and not in_trigger and (
                            not self.ctx.is_actorish(sent, pob) or pob.lemma_.lower() in words("venue_words"))) or (
                            p in words("location_preps") and not in_trigger and self.ctx.is_place(sent, pob) and
                            not self.ctx.is_actorish(sent, pob)):
                        if c.place_target is None and p not in ("in",):
                            c.place_target = self.ctx.place_in(sent, pob)
                        continue
                    if p not in ("with",) and c.place_target is None:
                        c.place_target = self.ctx.place_in(sent, pob) or self.ctx.owned_place(sent, pob)
                    r = self.ctx.refs(sent, pob)
                    if not r and pob.pos_ in ("NOUN", "NUM") and trig.type != "RETREAT":
                        # "visa restrictions on 910 individuals, including members of the Russian military"
                        r = self.owner(sent, pob)
                    if r and srcs:
                        r = [other_side(x, srcs[0].country) for x in r]
                    if r and (not srcs or any(x.country != srcs[0].country for x in r)):
                        tgts = r
        if not tgts and dest is None and trig.type != "CONSULT":
            # one level deeper: "protested the visit through diplomatic channels to the U.S. government"
            for hd in list(heads):
                for ch in hd.children:
                    if ch.dep_ not in ("prep", "dobj") or (ch.dep_ == "prep" and ch.lower_ in (
                            "in", "at", "of", "during", "after", "before", "since", "over", "under", "amid",
                            "despite", "because", "for", "like", "as")):
                        continue
                    inner = pobj(ch) if ch.dep_ == "prep" else ch
                    if inner is None or inner.i == tok.i:
                        continue
                    for gch in inner.children:
                        if gch.dep_ == "prep" and gch.lower_ in preps and gch.lower_ not in ("in", "at", "of"):
                            pob = pobj(gch)
                            r = self.ctx.refs(sent, pob) if pob is not None else []
                            if r and srcs:
                                r = [other_side(x, srcs[0].country) for x in r]
                            if r and (not srcs or any(x.country != srcs[0].country for x in r)):
                                tgts = r
                                break
                    if tgts:
                        break
                if tgts:
                    break
        if not tgts and h.kind == "verb" and trig.type in ("REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"):
            # "demanded that Russia withdraw", "warned that Iran would face consequences"
            for ch in tok.children:
                if ch.dep_ == "ccomp":
                    csubj = next((x for x in ch.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                    r = self.ctx.refs(sent, csubj) if csubj is not None else []
                    if r and (not srcs or r[0].country != srcs[0].country):
                        tgts = r
                        c.notes.append(f"target is the subject of the demanded/warned clause: {r[0].country}")
                        break
        if not tgts and h.kind == "verb" and trig.type in ("AGREE", "SUPPORT", "COOPERATE", "REJECT"):
            # "agreed to restore communications with the United States": the partner in the complement
            for ch in tok.children:
                if ch.dep_ != "xcomp":
                    continue
                for g in ch.subtree:
                    if g.dep_ == "prep" and g.lower_ in ("with", "to") and g.head.i != tok.i:
                        pob = pobj(g)
                        r = self.ctx.refs(sent, pob) if pob is not None else []
                        if r and (not srcs or r[0].country != srcs[0].country):
                            tgts = r
                            c.notes.append(f"partner named in the complement: {r[0].country}")
                            break
                if tgts:
                    break
        if between and len(between) >= 2:
            if not srcs or all(b.country == srcs[0].country or srcs[0].country is None for b in between[:1]):
                srcs, tgts = [between[0]], [between[1]]
            else:
                tgts = [b for b in between if b.country != srcs[0].country] or tgts
        if not tgts and mod_tgt and dest is None:
            tgts = mod_tgt
        # coordinated subject of a symmetric action: "India and Pakistan agreed" (it names both sides, even
        # when the object has an owner: "Washington and Tehran agreed on a swap brokered by Qatar")
        if trig.type in ("AGREE", "COOPERATE") and not between and len({r.country for r in srcs if r.country}) >= 2:
            tgts = []
        if not tgts and dest is None and len({r.country for r in srcs if r.country}) >= 2 and \
                (trig.symmetric or trig.type in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT")):
            firsts: dict[str | None, ActorRef] = {}
            for sref in srcs:
                firsts.setdefault(sref.country, sref)
            vals = [v for k, v in firsts.items() if k]
            srcs, tgts = [vals[0]], [vals[1]]
            c.notes.append("coordinated subject of a symmetric action: first is source, second target")
        if dest is not None:
            place = self.ctx.place(sent, dest)
            if place is not None:
                c.place, c.place_text = place, noun_phrase(dest)
                if not tgts and place.country:
                    tgts = [ActorRef(Actor(text=noun_phrase(dest), name=place.name, role=None, country=place.country,
                                           sector=None), "country", f"destination:{place.name}", sent.index,
                                     dest.i - span.start)]
                    c.notes.append(f"destination '{noun_phrase(dest)}' gives target {place.country}")
        if trig.reverse:
            srcs, tgts = tgts, srcs
            c.notes.append("host/receive verb: subject is the host (target)")
        # refusals: target of the refused action, or whose action it was ("Blinken's visit")
        if frame is not None and frame[0] == "refusal":
            ftok = frame[1]
            fsubj, _o, fag = verb_args(ftok, control_chain(ftok))
            fr = self.ctx.refs(sent, fag or fsubj) if (fag or fsubj) is not None else []
            if fr:
                if not tgts and srcs and srcs[0].country != fr[0].country:
                    tgts = srcs
                srcs = fr
        # counterparts and pairs
        srcs = [self.counterpart(r, srcs, tgts, c) for r in srcs]
        tgts = [self.counterpart(r, srcs, tgts, c) for r in tgts]
        c.source = pick(srcs)
        c.target = pick(tgts, exclude=c.source.country if c.source else None)
        c.extra_targets = [r for r in tgts if r is not c.target and r.country and
                           r.country != (c.target.country if c.target else None)]
        c.extra_sources = [r for r in srcs if r is not c.source and r.country and
                           r.country != (c.source.country if c.source else None)]

    def evaluative(self, sent: Sentence, tok: Token, c: Candidate) -> None:
        """'the Israeli aggressions' said by Iran: ACCUSE from the speaker to the act's owner."""
        owner = self.owner(sent, tok, include_of=False)
        span = sent.span
        for i in c.trigger_i:   # "an act of aggression by Israel": the owner hangs on the phrase's head
            if owner:
                break
            if i != tok.i - span.start:
                owner = self.owner(sent, span[i], include_of=False)
        speaker: list[ActorRef] = []
        cur = tok
        for _ in range(10):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in words("evaluative_speech_verbs"):
                subj = [ch for ch in cur.children if ch.dep_ in ("nsubj",)]
                if subj:
                    speaker = self.ctx.refs(sent, subj[0])
                    break
        if owner and speaker:
            c.source, c.target = speaker[0], other_side(owner[0], speaker[0].country)
            c.notes.append(f"evaluative noun: {speaker[0].country} characterises {owner[0].country}'s act")
        else:
            c.notes.append("evaluative noun without a speaker and an owner")

    def owner(self, sent: Sentence, tok: Token, include_of: bool = True) -> list[ActorRef]:
        """The actor an abstract noun belongs to: possessive, 'by' agent, relative-clause subject,
        nationality modifier, 'including' members, or an 'of' complement."""
        span = sent.span
        order: list[tuple[int, Token | None]] = []
        for ch in tok.children:
            d, low = ch.dep_, ch.lower_
            if d == "poss":
                order.append((0, ch))
            elif d == "prep" and low == "by":
                order.append((1, pobj(ch)))
            elif d in ("acl", "relcl"):
                s_, _o, ag = verb_args(ch, [ch])
                if ag is not None:
                    order.append((1, ag))
                elif s_ is not None and s_.i != tok.i and s_.lower_ not in ("that", "which", "who"):
                    order.append((2, s_))
                for gch in ch.children:     # "the escalation represented by the attack launched by Iran"
                    if gch.dep_ == "agent":
                        inner = pobj(gch)
                        if inner is not None:
                            for x in inner.children:
                                if x.dep_ == "acl":
                                    _s2, _o2, ag2 = verb_args(x, [x])
                                    if ag2 is not None:
                                        order.append((1, ag2))
            elif d in ("amod", "compound", "nmod") and ch.i < tok.i:
                order.append((3, ch))
            elif d == "prep" and low in ("including", "among"):
                order.append((4, pobj(ch)))
            elif d == "prep" and low == "of" and include_of:
                order.append((5, pobj(ch)))
        for _, t in sorted(((k, t) for k, t in order if t is not None), key=lambda kt: (kt[0], kt[1].i)):
            assert t is not None
            refs = [r for r in self.ctx.actors.resolve_all(sent.index, t.i - span.start) if r.country]
            if refs:
                return refs
        return []

    def from_owner(self, sent: Sentence, tok: Token) -> list[ActorRef]:
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ == "from":
                pob = pobj(ch)
                if pob is not None:
                    return self.ctx.refs(sent, pob)
        return []

    def lead_in_subject(self, sent: Sentence) -> ActorRef | None:
        """'The European Council: / demands the release ...; / calls on ...': the items of a list that
        open with a verb share the actor named in the lead-in line that ends with a colon."""
        first = sent.span[0] if len(sent.span) else None
        if first is None or not first.text[:1].islower():
            return None
        for k in range(sent.index - 1, max(-1, sent.index - 16), -1):
            prev = self.ctx.actors._sentences.get(k)
            if prev is None:
                return None
            text = prev.span.text.strip()
            if text.endswith(":"):
                refs = [r for r in self.ctx.actors.actors_in(k) if r.country]
                return refs[0] if refs else None
            if not text[:1].islower():
                return None
        return None

    def localise(self, sent: Sentence, c: Candidate) -> None:
        """Domestic acts: a role phrase with no country of its own ('villagers', 'the government',
        'opposition rallies') belongs to the other side's state when the sentence names no other state
        (an army's attack needs the whole article to name no other state)."""
        if c.source is None or c.target is None:
            return
        head = sent.span[c.trigger_i[0]] if 0 <= c.trigger_i[0] < len(sent.span) else None
        if head is not None and head.dep_ in ("acl", "amod") and head.tag_ == "VBN":
            return   # "people held hostage": a passive participle names no agent to localise from
        for side, other in (("target", "source"), ("source", "target")):
            ref: ActorRef | None = getattr(c, side)
            oref: ActorRef | None = getattr(c, other)
            if ref is None or oref is None or ref.country is not None or not ref.actor.sector or \
                    not oref.country or oref.country in IGO_LIKE or ref.kind not in ("group", "anaphor", "person") or \
                    not oref.actor.sector:
                continue
            if ref.actor.sector in ("IGO", "NGO") or ref.token in c.trigger_i:
                continue
            named = {r.country for r in self.ctx.actors.actors_in(sent.index)
                     if r.country and r.country not in IGO_LIKE}
            if named - {oref.country}:
                continue
            states = [k for k in self.ctx.actors.country_counts if k not in IGO_LIKE]
            military = oref.actor.sector == "MIL" and c.event_type in ("ASSAULT", "MOBILIZE")
            if military and states != [oref.country]:
                continue
            setattr(c, side, replace(ref, actor=replace(ref.actor, country=oref.country)))
            c.notes.append(f"{side} '{ref.actor.text}' has no country of its own: {oref.country}'s, a domestic act")

    def state_of_scene(self, sent: Sentence, tok: Token, cities: bool = False, depth: int = 1) -> list[ActorRef]:
        """'condemned the coup in Gabon', 'welcomed the vote in Ghana': an act with no owner, placed in a
        country, is that country's own affair; the country (not a city in it, unless ``cities``) is the
        target."""
        for ch in tok.subtree:
            if ch.dep_ == "prep" and ch.lower_ == "in" and depth_below(ch, tok) <= (depth if cities else 4):
                pob = pobj(ch)
                pl = self.ctx.place(sent, pob) if pob is not None else None
                if pl is not None and pl.country and (pl.kind == "country" or cities) and \
                        pl.country not in IGO_LIKE:
                    return [ActorRef(Actor(text=noun_phrase(pob) if pob is not None else pl.name, name=pl.name,
                                           role=None, country=pl.country, sector=None),
                                     "country", f"scene:{pl.name}", sent.index,
                                     (pob.i - sent.span.start) if pob is not None else 0)]
        return []

    def counterpart(self, r: ActorRef, srcs: list[ActorRef], tgts: list[ActorRef], c: Candidate) -> ActorRef:
        if r.kind != "counterpart":
            return r
        other = srcs[0] if srcs and srcs[0] is not r else None
        country = None
        if c.place is not None and other is not None and c.place.country != other.country:
            country = c.place.country
        if country is None and other is not None:
            country = self.ctx.actors.other_side(other.country)
        if country is None:
            return r
        c.notes.append(f"'{r.actor.text}' resolved to the other side: {country}")
        return ActorRef(Actor(text=r.actor.text, name=None, role=other.actor.role if other else None,
                              country=country, sector=other.actor.sector if other else None),
                        "counterpart", f"counterpart->{country}", r.sent, r.token, plural=r.plural)


def other_side(r: ActorRef, exclude: str | None) -> ActorRef:
    """For an anaphor pointing at the excluded side, its next antecedent on another side."""
    if r.country == exclude and r.alternatives:
        return next((a for a in r.alternatives if a.country != exclude), r)
    return r

def pick(refs: list[ActorRef], exclude: str | None = None) -> ActorRef | None:
    if exclude is not None:
        # an anaphor ("the general") that points back at the source's own side: try the next antecedent
        refs = [next((a for a in r.alternatives if a.country != exclude), r)
                if r.country == exclude and r.alternatives else r for r in refs]
    good = [r for r in refs if r.country]
    if exclude is not None:
        other = [r for r in good if r.country != exclude]
        if other:
            return other[0]
    if good:
        return good[0]
    return refs[0] if refs else None

