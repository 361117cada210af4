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

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef
from ..lexicon import words
from ..record import Actor
from ..treecache import children, subtree
from .owners import other_side, pick
from .parse import control_chain, depth_below, noun_phrase, pobj, transparent, verb_args, visit_adjunct
from .types import OWNER_TYPES, PATIENT_PASSIVE_TYPES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Sentence
    from .candidate import Candidate, Frame, Hit
    from .context import ArticleContext
    from .lexicon import Trigger
    from .owners import OwnerReader


@dataclass
class _Roles:
    """What the steps of :meth:`ArgumentReader.arguments` find, before a source and a target are picked."""

    heads: list[Token]                      # the trigger and the verbs or objects its arguments hang from
    srcs: list[ActorRef] = field(default_factory=list)
    tgts: list[ActorRef] = field(default_factory=list)
    mod_tgt: list[ActorRef] = field(default_factory=list)   # a forum's body named in a modifier
    dest: Token | None = None               # a destination place
    between: list[ActorRef] = field(default_factory=list)  # "between A and B"


def _in_phrase(tok: Token) -> bool:
    """Is the token inside a prepositional phrase ('Amid fighting between Armenia, Azerbaijan')?"""
    return any(a.dep_ in ("prep", "pobj") for a in [tok, *tok.ancestors])


def _party(r: ActorRef) -> tuple[str | None, bool]:
    """A party to a symmetric act: its country, and whether it is the state's armed or political opposition."""
    return r.country, (r.actor.sector or "").lower() in words("non_state_sectors") - {"cvl"}


def _target_preps(trig: Trigger) -> tuple[str, ...]:
    """The prepositions that can take the trigger's target."""
    preps = tuple(trig.target_preps or words("target_preps"))
    if trig.type == "PROTEST":
        preps = (*preps, "outside", "near", "in front of", "against", "at")
    if trig.type in ("RETREAT", "SANCTION"):
        preps = (*preps, "from")   # "recalled its ambassador from Turkey", "withdrew from Kherson"
    return preps


def _other_party(r: ActorRef, src: ActorRef) -> bool:
    """Is ``r`` a party other than the source: another country, or a non-state group of the source's own
    country acted on by its state ("troops seized arms from FARC dissidents")?"""
    if r.country != src.country:
        return True
    non_state = words("non_state_sectors")
    return (r.actor.sector or "").lower() in non_state and (src.actor.sector or "").lower() not in non_state


class ArgumentReader:
    """Reads who acts on whom for each candidate."""

    def __init__(self, ctx: ArticleContext, owners: OwnerReader) -> None:
        self.ctx = ctx
        self.owners = owners

    def arguments(self, sent: Sentence, h: Hit, c: Candidate, chain: list[Token],
                  frame: Frame | None) -> None:
        """Fill in the candidate's source and target (and further ones) from the hit's arguments."""
        tok = sent.span[h.i]
        if h.kind == "noun" and h.trigger.evaluative:
            self.owners.evaluative(sent, tok, c)
            return
        roles = _Roles(heads=[tok])
        if h.kind == "verb":
            self._verb_roles(sent, h, c, chain, roles)
        else:
            self._noun_roles(sent, h, c, roles)
        self._prep_targets(sent, h, c, roles)
        self._clause_targets(sent, h, c, roles)
        self._settle(sent, h, c, frame, roles)

    def _stray_agent(self, sent: Sentence, tok: Token, c: Candidate) -> Token | None:
        """'was charged with inciting unrest by the government of X': a passive's 'by' phrase that the parser
        hung on an active complement of the verb (a gerund or a noun, not another passive) and that names a
        state organ is the passive's agent."""
        for ch in subtree(tok):
            if ch.dep_ != "prep" or ch.lower_ != "by" or ch.head.i == tok.i or \
                    ch.head.tag_ not in ("VBG", "NN", "NNS") or depth_below(ch, tok) > 4:
                continue
            if any(a.tag_ == "VBN" and a.i != tok.i for a in ch.head.ancestors
                   if depth_below(a, tok) < depth_below(ch.head, tok)):
                continue   # "accused of being funded by Iran": the 'by' belongs to the inner passive
            pob = pobj(ch)
            refs = self.ctx.refs(sent, pob) if pob is not None else []
            if refs and refs[0].country and refs[0].actor.sector in ("GOV", "JUD", "COP", "MIL"):
                c.notes.append(f"'by {noun_phrase(pob) if pob is not None else ''}' hung on '{ch.head.text}': "
                               f"the passive's agent")
                return pob
        return None

    def _verb_roles(self, sent: Sentence, h: Hit, c: Candidate, chain: list[Token], roles: _Roles) -> None:
        """A verb's subject, object and passive agent, recipients and destinations."""
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        subj, obj, agent = verb_args(tok, chain)
        if agent is None and tok.tag_ == "VBN" and any(ch.dep_ == "nsubjpass" for ch in children(tok)):
            agent = self._stray_agent(sent, tok, c)
        if obj is None and tok.tag_ == "VBG" and tok.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj"):
            # a gerund used as a noun: "engaged in shelling of towns", "the killing of civilians"
            of = next((ch for ch in children(tok) if ch.dep_ == "prep" and ch.lower_ == "of"), None)
            obj = pobj(of) if of is not None else None
        if subj is None and agent is None and sent.kind in ("headline", "standfirst"):
            # "Security Council Extends Mandate ..., Urges Parties to Hold Elections": a headline's verbs share
            # the actor it opens with
            first = next((r for r in self.ctx.actors.actors_in(sent.index) if r.country and r.token < h.i and
                          r.kind in ("org", "country", "person", "group", "metonym") and
                          not _in_phrase(sent.span[r.token])), None)
            if first is not None:
                roles.srcs = [first]
                c.notes.append(f"headline verb without a subject: the headline's actor '{first.actor.text}'")
        if subj is None and agent is None and not roles.srcs:
            lead = self.owners.lead_in_subject(sent)
            if lead is not None:
                roles.srcs = [lead]
                c.notes.append(f"subject from the list's lead-in '{lead.actor.text}:'")
            elif obj is not None and obj.dep_ == "nsubjpass" and trig.type == "MOBILIZE" and any(
                    r.country and r.actor.sector in ("MIL", "COP", "REB") for r in self.ctx.refs(sent, obj)):
                # "Kenyan troops were deployed to Somalia": the forces moved are their state's move
                roles.srcs = [r for r in self.ctx.refs(sent, obj) if r.country]
                c.notes.append(f"forces moved (passive): {roles.srcs[0].country}'s move")
                obj = None
            elif obj is not None and obj.dep_ == "nsubjpass" and (trig.type in PATIENT_PASSIVE_TYPES or (
                    trig.type == "ACCUSE" and tok.lemma_.lower() in words("judicial_verbs"))):
                # "two citizens were arrested in Tehran": no agent; the state where it happened acts ("charged
                # with treason in Kampala": a court case's place may hang on its offence)
                judicial = trig.type == "ACCUSE"
                roles.srcs = [replace(r, actor=replace(r.actor, sector="JUD" if judicial else "GOV"))
                              for r in self.owners.state_of_scene(sent, tok, cities=True, depth=3 if judicial else 1)]
                if roles.srcs:
                    c.notes.append(f"agentless passive: the act of the state where it happened, "
                                   f"{roles.srcs[0].country}")
        if agent is not None:
            roles.srcs = self.ctx.refs(sent, agent)
            if subj is not None:
                roles.tgts = self.ctx.refs(sent, subj) or self._served(sent, subj)
        elif subj is not None:
            roles.srcs = self.ctx.refs(sent, subj)
        roles.heads = [tok]
        if trig.type == "REQUEST" and not roles.tgts and (obj is None or obj.dep_ == "ccomp"):
            # "demanded that President Museveni step down": the one asked is the subject of the that-clause
            for ch in children(tok):
                csubj = next((g for g in children(ch) if g.dep_ in ("nsubj", "nsubjpass")), None) \
                    if ch.dep_ == "ccomp" else None
                if csubj is not None:
                    roles.tgts = self.ctx.refs(sent, csubj)
                    if roles.tgts:
                        c.notes.append(f"asked: the subject of the that-clause, '{csubj.text}'")
                        break
        if trig.type == "RETREAT" and trig.mode == "access" and not roles.tgts:
            # "allowed aid trucks to enter Gaza", "let refugees cross into Jordan": the place let into
            for ch in children(tok):
                if ch.dep_ not in ("ccomp", "xcomp"):
                    continue
                for g in subtree(ch):
                    pl = self.ctx.place(sent, g) if g.dep_ in ("dobj", "pobj") else None
                    if pl is not None and pl.country and c.place_target is None:
                        c.place_target = pl
        if trig.type in ("AID", "COOPERATE") and not roles.tgts:
            # "extradited a Russian hacker to the United States", "sent aid to Gaza": the recipient
            to = next((ch for ch in children(tok) if ch.dep_ in ("prep", "dative") and ch.lower_ == "to"), None)
            pob = pobj(to) if to is not None else None
            if pob is not None:
                rec = self.ctx.refs(sent, pob)
                pl = self.ctx.place(sent, pob) if not rec else None
                if rec:
                    roles.tgts = rec
                elif pl is not None and pl.country:
                    c.place_target = pl
        if obj is not None and not roles.tgts and trig.type == "CONSULT" and obj.i - span.start in self.ctx.event_heads:
            obj = None   # "discussed the EU's sanctions": a topic, not a counterpart
        if obj is not None and not roles.tgts:
            c.place_target = c.place_target or self.ctx.place_in(sent, obj) or self.ctx.owned_place(sent, obj)
            if trig.destination and self.ctx.is_place(sent, obj):
                roles.dest = obj
            else:
                roles.tgts = self.ctx.refs(sent, obj)
                if trig.type == "MOBILIZE" and roles.tgts and all(
                        r.country is None and r.actor.sector in ("COP", "MIL") for r in roles.tgts):
                    # "deployed police officers to Haiti": the force moved is the mover's, not the target
                    roles.tgts = []
                    c.notes.append(f"'{obj.text}' is the force moved, not its target")
                if not roles.tgts and obj.pos_ in ("NOUN", "PROPN", "NUM"):
                    # an act condemned is its agent's, not its patient's ("condemned the seizure of a Greek
                    # tanker"): no 'of' owner or 'of' target for an event noun
                    act = obj.i - span.start in self.ctx.event_heads and trig.type in ("ACCUSE", "SUPPORT")
                    if not act:
                        roles.heads.append(obj)   # "lift its sanctions on the general"
                    owner = self.owners.owner(sent, obj, include_of=not act) if trig.type in OWNER_TYPES else []
                    if owner and trig.symmetric and len({r.country for r in roles.srcs if r.country}) >= 2 and \
                            owner[0].kind == "pronoun":
                        owner = []   # "A and B upgraded their ties": 'their' is the pair itself
                    if owner and owner[0].kind == "pronoun" and roles.srcs and \
                            owner[0].country == roles.srcs[0].country:
                        owner = []   # "India upgraded its ties with Riyadh": 'its' is the subject's own
                    served = self._served(sent, obj) if not owner else []
                    if owner:
                        roles.tgts = owner
                        c.notes.append(f"target is the owner of '{obj.text}': {owner[0].country}")
                    elif served:
                        roles.tgts = served
                        c.notes.append(f"target is who '{obj.text}' is for: {served[0].country}")
                    elif trig.type in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "SANCTION", "RETREAT"):
                        roles.tgts = self.owners.state_of_scene(sent, obj)
                        if roles.tgts:
                            c.notes.append(f"target is the state where '{obj.text}' happened: "
                                           f"{roles.tgts[0].country}")

    def _served(self, sent: Sentence, obj: Token) -> list[ActorRef]:
        """'a camp for Sudanese refugees', 'a school for Palestinian children': a facility hit is aimed at the
        people it is for."""
        if obj.lemma_.lower() not in words("served_facilities"):
            return []
        for ch in children(obj):
            if ch.dep_ == "prep" and ch.lower_ == "for":
                refs = [r for r in self.ctx.refs(sent, pobj(ch)) if r.country]
                if refs:
                    return refs
        return []

    def _noun_roles(self, sent: Sentence, h: Hit, c: Candidate, roles: _Roles) -> None:
        """A noun's possessive, 'by' agent, lending verb, modifiers, participles and 'of' complement."""
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        roles.heads = [tok]
        if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in words("effort_heads"):
            roles.heads.append(tok.head)   # "a mediation effort between A and B": the frame's phrases are its own
        poss = [ch for ch in tok.children if ch.dep_ == "poss"]
        if not poss and tok.dep_ == "conj" and tok.head.pos_ == "NOUN" and \
                not any(ch.dep_ == "det" and ch.lower_ in ("a", "an") for ch in tok.children):
            # "the Secretary-General's condemnation of X, as well as the call for Y": conjuncts share the owner
            poss = [ch for ch in tok.head.children if ch.dep_ == "poss"]
        mods = [ch for ch in tok.children if ch.dep_ in ("amod", "compound", "nmod") and ch.i < tok.i]
        agent_p = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "by"]
        if not agent_p:
            # "the detention of three reporters by the police", "the detention of X, including the president, by
            # the military": the parser hangs 'by' on the patient or on a member of its list
            agent_p = _late_by(tok)
        if not agent_p and tok.dep_ == "dobj" and not any(a.dep_ == "auxpass" for a in children(tok.head)):
            # "condemned the detention of X, including Y, by the military": after a long object the parser hangs
            # 'by' on the active verb; an active verb has no agent phrase, so it is the object's
            agent_p = [b for b in children(tok.head) if b.dep_ == "prep" and b.lower_ == "by" and b.i > tok.i and
                       (p := pobj(b)) is not None and p.pos_ in ("NOUN", "PROPN")]
        if poss:
            roles.srcs = self.ctx.refs(sent, poss[0])
            if poss[0].lower_ in ("their", "our") and h.clause != h.i:
                # "South Korea and Japan held their first summit": 'their' is the coordinated subject
                vs = verb_args(span[h.clause], [span[h.clause]])[0]
                both = self.ctx.refs(sent, vs) if vs is not None else []
                if len({r.country for r in both if r.country}) >= 2:
                    roles.srcs = both
        if not roles.srcs and agent_p:
            pob = pobj(agent_p[0])
            if pob is not None:
                roles.srcs = self.ctx.refs(sent, pob)
        if not roles.srcs and tok.dep_ == "ROOT" and tok.i == span.start:
            lead = self.owners.lead_in_subject(sent)   # a list item the tagger read as a noun ("demands that")
            if lead is not None:
                roles.srcs = [lead]
                c.notes.append(f"subject from the list's lead-in '{lead.actor.text}:'")
        if h.clause != h.i:
            v = span[h.clause]
            # only a light or framing verb lends its subject to the event noun ("Blinken made a trip",
            # "Aliyev would skip the meeting"); "I welcome the release of hostages" does not
            lends = h.light is not None or transparent(v) or v.lemma_.lower() in words("extra_light_verbs") or \
                self.ctx.mod.matches("cancel", v)
            if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "against", "from") and \
                    v.lemma_.lower() in words("response_verbs"):
                lends = False   # "responded to the threats": the responder did not make them
            vsubj, _vobj, vagent = verb_args(v, control_chain(v))
            if vsubj is None and vagent is None and _vobj is not None and _vobj.dep_ == "nsubjpass" and \
                    v.lemma_.lower() in words("stative_participles"):
                vsubj = _vobj   # "forces were engaged in shelling": the surface subject does the act
            adjunct = trig.type == "CONSULT" and visit_adjunct(tok) and tok.head.head.i == v.i
            if adjunct and vsubj is not None and (not poss or poss[0].pos_ == "PRON"):
                # "During her visit to Nairobi, the German minister praised Kenya": the main subject's visit
                roles.srcs = self.ctx.refs(sent, vsubj) or roles.srcs
                if roles.srcs:
                    c.notes.append(f"a visit in the adjunct of '{v.text}': its subject's")
            caller = [r for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "from"
                      for r in self.ctx.refs(sent, pobj(ch)) if r.country] if trig.type == "CONSULT" else []
            if caller and v.lemma_.lower() in words("receiver_verbs") and tok.dep_ == "dobj" and vsubj is not None:
                # "received a phone call from his Iranian counterpart": the caller calls the receiver
                roles.srcs, roles.tgts = caller, self.ctx.refs(sent, vsubj)
                c.notes.append(f"'{v.text} a {tok.text} from': the caller is the source")
            if not roles.srcs and not lends and trig.type == "PROTEST" and tok.dep_ == "pobj" and \
                    tok.head.lower_ in words("protest_join_preps") and vsubj is not None:
                # "converging on Nairobi for a rally", "threw stones during demonstrations": the people who
                # came or acted are the protesters (not police acting on them)
                part = [r for r in self.ctx.refs(sent, vsubj) if r.actor.sector not in ("COP", "MIL", "GOV", "IGO")]
                if part:
                    roles.srcs = part
                    c.notes.append(f"those who '{v.text}' {tok.head.text} the {tok.text} are the protesters")
            if not roles.srcs and lends:
                if vagent is not None:
                    roles.srcs = self.ctx.refs(sent, vagent)
                elif vsubj is not None and vsubj.i != tok.i:
                    roles.srcs = self.ctx.refs(sent, vsubj)
            roles.heads.append(v)
        light_mod = next((m for m in children(tok) if m.dep_ == "amod" and m.pos_ == "VERB" and m.i == tok.i - 1 and
                          m.lemma_.lower() in set(trig.light_verbs or ()) and m.i - 1 >= span.start), None)
        if not roles.srcs and light_mod is not None:
            # "ECOWAS imposed sanctions on Niger" parsed with 'imposed' as an adjective of 'sanctions': the name
            # just before the light verb is its subject
            before = self.ctx.refs(sent, span[light_mod.i - 1 - span.start])
            if before and before[0].country:
                roles.srcs = before
                roles.heads.append(light_mod)
                c.notes.append(f"'{light_mod.text}' misread as an adjective: its subject is '{before[0].actor.text}'")
        for m in mods:
            mref = self.ctx.actors.resolve(sent.index, m.i - span.start)
            if mref is None or not mref.country:
                continue
            if not roles.srcs:
                roles.srcs = [mref]
                break
            if trig.type == "CONSULT" and mref.country != roles.srcs[0].country:
                roles.mod_tgt = [mref]   # "Zelensky attended the G7 summit": the forum's body is the counterpart
                break
        lights = set(trig.light_verbs) | words("extra_light_verbs")
        preps = _target_preps(trig)
        for ch in children(tok):
            if ch.dep_ != "acl" or ch.tag_ != "VBN" or ch.lemma_.lower() not in lights:
                continue
            # "the sanctions imposed on Iran by Canada", "the strikes carried out by Israel against Gaza": a
            # passive participle of the noun's light verb names the agent with 'by' and the target with its
            # target preposition
            _s, _o, pag = verb_args(ch, [ch])
            if not roles.srcs and pag is not None:
                roles.srcs = self.ctx.refs(sent, pag)
                if roles.srcs:
                    c.notes.append(f"'{tok.text} {ch.text} by': the participle's agent")
            if not roles.tgts:
                for p in children(ch):
                    if p.dep_ == "prep" and p.lower_ in preps and pobj(p) is not None:
                        roles.tgts = self.ctx.refs(sent, pobj(p))
                        if roles.tgts:
                            break
        for ch in children(tok):
            # "military exercises encircling Taiwan": the participle's object is the target
            if ch.dep_ == "acl" and ch.pos_ == "VERB" and not roles.tgts and \
                    not any(m.dep_ == "mark" for m in children(ch)):   # not "its appeal that X release Y"
                _s, aobj, _a = verb_args(ch, [ch])
                if aobj is not None and aobj.i != tok.i:
                    roles.tgts = self.ctx.refs(sent, aobj)
        if h.light is not None and span[h.light].lemma_.lower() in words("with_light_verbs") and not roles.tgts:
            lv = span[h.light]
            lobj = next((ch for ch in children(lv) if ch.dep_ == "dobj"), None)
            if lobj is not None:
                roles.tgts = self.ctx.refs(sent, lobj)   # "hit China with tariffs": the verb's object is the target
        if trig.type == "REQUEST" and not roles.tgts:
            # "Japan's call for China to free him": the subject of the for-to clause is asked
            for ch in children(tok):
                if ch.dep_ in ("acl", "advcl", "relcl", "ccomp", "appos") and any(
                        m.dep_ == "mark" and m.lower_ in ("for", "that") for m in children(ch)):
                    # "its demand that Ethiopia stop ...": the subject of the that-clause too
                    fsubj = next((g for g in children(ch) if g.dep_ in ("nsubj", "nsubjpass")), None)
                    if fsubj is not None:
                        roles.tgts = self.ctx.refs(sent, fsubj)
                        if roles.tgts:
                            c.notes.append(f"asked: the subject of the clause '{ch.text}'")
                            break
        ofs = [ch for ch in children(tok) if ch.dep_ == "prep" and ch.lower_ == "of"]
        if not ofs and agent_p and not roles.tgts:
            # "the detention by Azerbaijani police of two drivers": the parser hangs 'of' on the agent
            apob = pobj(agent_p[0])
            ofs = [ch for ch in children(apob) if ch.dep_ == "prep" and ch.lower_ == "of"] if apob is not None else []
        if ofs and not roles.tgts:
            pob = pobj(ofs[0])
            if pob is not None:
                r = self.ctx.refs(sent, pob)
                if r and (trig.type == "AID" or (trig.type == "MOBILIZE" and trig.mode in ("troops", "police"))):
                    # "the deployment of Russian troops to Belarus", "the delivery of police": what is moved or
                    # given is the sender's, never the target
                    if r[0].country and not roles.srcs:
                        roles.srcs = r
                    if trig.type == "MOBILIZE" and r[0].actor.sector == "COP":
                        c.mode = "police"   # "the deployment of police officers": a police mobilisation
                elif r and roles.srcs:
                    roles.tgts = r
                elif r and not roles.srcs and trig.type in ("CONSULT",):
                    roles.srcs = r
                elif r:
                    roles.tgts = r

    def _prep_targets(self, sent: Sentence, h: Hit, c: Candidate, roles: _Roles) -> None:
        """Prepositional targets of the trigger and its heads, 'between A and B', destinations."""
        span = sent.span
        trig = h.trigger
        preps = _target_preps(trig)
        # "filed a case against Israel at the ICJ": a pattern's own noun holds its target first
        own = [span[k] for k in h.tokens if k != h.i and span[k].pos_ == "NOUN"] if h.kind == "verb" else []
        for hd in [*own, *roles.heads]:
            for ch in hd.children:
                if ch.dep_ not in ("prep", "dative", "agent"):
                    continue
                p = ch.lower_
                pob = pobj(ch)
                if pob is None and ch.dep_ == "dative" and ch.pos_ in ("PROPN", "NOUN") and not roles.tgts:
                    # "gave Malawi a grant", "handed Serbia an ultimatum": the indirect object receives
                    r = self.ctx.refs(sent, ch)
                    if r and (not roles.srcs or any(_other_party(x, roles.srcs[0]) for x in r)):
                        roles.tgts = r
                        c.notes.append(f"target is the indirect object '{ch.text}'")
                    continue
                if pob is None:
                    continue
                if p == "between" or p == "among":
                    if trig.type == "CONSULT" and h.kind == "verb" and hd.i != span[h.i].i:
                        continue   # "discussed the dispute between A and B with C": a topic's parties
                    roles.between = self.ctx.refs(sent, pob)
                    continue
                if trig.destination and p in ("to", "in", "for") and self.ctx.is_place(sent, pob) and \
                        roles.dest is None:
                    roles.dest = pob
                    continue
                if trig.destination and p == "to" and roles.dest is None and pob.pos_ == "NOUN" and \
                        pob.lemma_.lower() in words("venue_words"):
                    # "travel to the summit in Johannesburg": the venue's place is the destination
                    at = next((q for g in children(pob) if g.dep_ == "prep" and g.lower_ in ("in", "at")
                               for q in [pobj(g)] if q is not None and self.ctx.is_place(sent, q)), None)
                    if at is not None:
                        roles.dest = at
                        continue
                in_trigger = ch.i - span.start in c.trigger_i
                if p in preps and not roles.tgts:
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
                        r = self.owners.owner(sent, pob)
                    if r and roles.srcs:
                        r = [other_side(x, roles.srcs[0].country) for x in r]
                    if r and (not roles.srcs or any(_other_party(x, roles.srcs[0]) for x in r)):
                        roles.tgts = r

    def _clause_targets(self, sent: Sentence, h: Hit, c: Candidate, roles: _Roles) -> None:
        """Targets one level deeper or in a complement clause."""
        tok = sent.span[h.i]
        trig = h.trigger
        preps = _target_preps(trig)
        if not roles.tgts and roles.dest is None and trig.type != "CONSULT":
            # one level deeper: "protested the visit through diplomatic channels to the U.S. government"
            for hd in list(roles.heads):
                for ch in children(hd):
                    of_phrase = ch.dep_ == "prep" and ch.lower_ == "of" and h.kind == "noun"
                    if ch.dep_ not in ("prep", "dobj") or (ch.dep_ == "prep" and not of_phrase and ch.lower_ in (
                            "in", "at", "of", "during", "after", "before", "since", "over", "under", "amid",
                            "despite", "because", "for", "like", "as")):
                        continue
                    inner = pobj(ch) if ch.dep_ == "prep" else ch
                    if inner is None or inner.i == tok.i:
                        continue
                    for gch in children(inner):
                        if of_phrase and gch.lower_ not in ("to", "into"):
                            continue   # "the deployment of police to Haiti": the parser hangs 'to' on 'police'
                        if gch.dep_ == "prep" and gch.lower_ in preps and gch.lower_ not in ("in", "at", "of"):
                            pob = pobj(gch)
                            r = self.ctx.refs(sent, pob) if pob is not None else []
                            if r and roles.srcs:
                                r = [other_side(x, roles.srcs[0].country) for x in r]
                            if r and (not roles.srcs or any(x.country != roles.srcs[0].country for x in r)):
                                roles.tgts = r
                                break
                    if roles.tgts:
                        break
                if roles.tgts:
                    break
        if not roles.tgts and trig.type in ("REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT") and (
                h.kind == "verb" or trig.type in ("REQUEST", "THREATEN")):
            # "demanded that Russia withdraw", "warned that Iran would face consequences", "its demand that
            # Israel ease the restrictions" (a noun's that-clause, or its verb's: "renewed its call this week that")
            gov = [tok.head] if h.kind == "noun" and tok.dep_ == "dobj" else []
            for ch in [*children(tok), *(g for v in gov for g in children(v) if g.dep_ == "ccomp" and g.i > tok.i)]:
                if ch.dep_ == "ccomp" or (h.kind == "noun" and ch.dep_ in ("acl", "ccomp", "relcl") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in children(ch))):
                    csubj = next((x for x in children(ch) if x.dep_ in ("nsubj", "nsubjpass")), None)
                    r = self.ctx.refs(sent, csubj) if csubj is not None else []
                    if r and (not roles.srcs or r[0].country != roles.srcs[0].country):
                        roles.tgts = r
                        c.notes.append(f"target is the subject of the demanded/warned clause: {r[0].country}")
                        break
        if not roles.tgts and h.kind == "verb" and trig.type in ("AGREE", "SUPPORT", "COOPERATE", "REJECT"):
            # "agreed to restore communications with the United States": the partner in the complement
            for ch in children(tok):
                if ch.dep_ != "xcomp":
                    continue
                for g in ch.subtree:
                    if g.dep_ in ("prep", "dative") and g.lower_ in ("with", "to") and g.head.i != tok.i:
                        pob = pobj(g)
                        r = self.ctx.refs(sent, pob) if pob is not None else []
                        if r and (not roles.srcs or r[0].country != roles.srcs[0].country):
                            roles.tgts = r
                            c.notes.append(f"partner named in the complement: {r[0].country}")
                            break
                if roles.tgts:
                    break
            if not roles.tgts and trig.type in ("AGREE", "REJECT"):
                # "agreed to let Finland join the alliance", "refused to allow Kenyan police in": the party the
                # promised (or refused) act is for, named inside the complement
                roles.tgts = self._complement_party(sent, tok, roles)
                if roles.tgts:
                    c.notes.append(f"the party the promised or refused act concerns: {roles.tgts[0].country}")

    def _complement_party(self, sent: Sentence, tok: Token, roles: _Roles) -> list[ActorRef]:
        """The first state named as a participant (subject, object, possessor, 'with/to/for' object) inside the
        trigger's infinitive complement, other than the source's own."""
        own = roles.srcs[0].country if roles.srcs else None
        home: list[ActorRef] = []
        for ch in children(tok):
            # "agreed to let Finland join", and "agreed to a longer mission in Mali" (a noun content)
            noun = ch.dep_ == "prep" and ch.lower_ in ("to", "on") and (pobj(ch) is not None and
                                                                    pobj(ch).pos_ == "NOUN")  # type: ignore[union-attr]
            if ch.dep_ != "xcomp" and not noun:
                continue
            top = pobj(ch) if noun else ch
            assert top is not None
            for g in top.subtree:
                if g.dep_ not in ("nsubj", "dobj", "poss", "pobj") or g.i == top.i:
                    continue
                r = self.ctx.refs(sent, g)
                if not r or not r[0].country:
                    continue
                if g.dep_ == "pobj" and g.head.lower_ not in ("with", "to", "for") and not (
                        g.head.lower_ in ("in", "of") and r[0].kind == "country"):
                    continue   # "in Lebanon", "of Sudan": a country named as the content's scene
                if r[0].country != own:
                    return r
                if r[0].kind == "country" and g.pos_ == "PROPN" and not home:
                    home = [replace(r[0], rule="one-sided")]   # "pledged to rebuild Zambia's economy": at home
        return home

    def _settle(self, sent: Sentence, h: Hit, c: Candidate, frame: Frame | None, roles: _Roles) -> None:
        """Pairs, destinations, host verbs, refusals and counterparts; then pick source and target."""
        span = sent.span
        trig = h.trigger
        mutual = trig.symmetric or trig.type in ("CONSULT", "AGREE", "COOPERATE") or (
            trig.type == "ASSAULT" and c.lemma in words("reciprocal_acts")) or (
            trig.type == "RETREAT" and c.lemma in words("exchange_words"))
        pair = [b for b in roles.between if b.country]
        if mutual and c.lemma not in words("mediation_words") and roles.srcs and roles.srcs[0].country and \
                len({_party(b) for b in pair}) >= 2 and roles.srcs[0].country not in {b.country for b in pair}:
            # "Oman arranged a prisoner swap between Iran and Sweden": a mutual act between the two named; the
            # subject only brokers it
            roles.srcs, roles.tgts = [pair[0]], [pair[1]]
            c.brokered = True
            c.notes.append("a mutual act between two parties: the subject brokers it, the parties act")
        elif roles.between and len(roles.between) >= 2 and not roles.srcs and c.lemma in words("mediation_words"):
            roles.tgts = list(roles.between)   # "a deal brokered between A and B": the mediator is not named
        elif roles.between and len(roles.between) >= 2:
            if not roles.srcs or all(b.country == roles.srcs[0].country or roles.srcs[0].country is None
                                     for b in roles.between[:1]):
                roles.srcs, roles.tgts = [roles.between[0]], [roles.between[1]]
            else:
                roles.tgts = [b for b in roles.between if b.country != roles.srcs[0].country] or roles.tgts
        if not roles.tgts and roles.mod_tgt and roles.dest is None:
            roles.tgts = roles.mod_tgt
        # coordinated subject of a symmetric action: "India and Pakistan agreed" (it names both sides, even
        # when the object has an owner: "Washington and Tehran agreed on a swap brokered by Qatar")
        if trig.type in ("AGREE", "COOPERATE") and not roles.between and \
                len({r.country for r in roles.srcs if r.country}) >= 2:
            partners = self._with_partners(sent, roles)
            if partners:
                # "Italy and France are to cooperate with Tunisia": each of the subjects with the partner
                roles.tgts = partners
                c.with_partner = True
                c.notes.append("coordinated subject with a 'with' partner: one event per subject")
            else:
                roles.tgts = []
        if trig.type == "RETREAT" and c.lemma in words("exchange_words") and not any(t.country for t in roles.tgts):
            roles.tgts = []   # "Russia and Ukraine exchanged 95 prisoners": the prisoners are no party
        states = [r.country for r in roles.srcs if r.country and not _party(r)[1]]
        if len(set(states)) == 1 and not roles.tgts:
            # "Venezuela's government and the opposition": the opposition of the state named with it
            roles.srcs = [replace(r, actor=replace(r.actor, country=states[0])) if not r.country and _party(r)[1]
                          else r for r in roles.srcs]
        if not roles.tgts and roles.dest is None and len({_party(r) for r in roles.srcs if r.country}) >= 2 and \
                mutual:
            # parties: states, and a state's armed or political opposition ("the government and the rebels")
            firsts: dict[tuple[str | None, bool], ActorRef] = {}
            for sref in roles.srcs:
                firsts.setdefault(_party(sref), sref)
            vals = [v for k, v in firsts.items() if k[0]]
            roles.srcs, roles.tgts = [vals[0]], [vals[1]]
            c.notes.append("coordinated subject of a symmetric action: first is source, second target")
            if len(vals) >= 3 and trig.type in ("CONSULT", "AGREE", "COOPERATE"):
                # "Brazil, India and South Africa called off their summit": three parties, three pairs
                c.more_pairs = [(a, b) for k, a in enumerate(vals) for b in vals[k + 1:]
                                if (a, b) != (vals[0], vals[1])]
                c.notes.append(f"{len(vals)} parties: one event per pair")
        if roles.dest is not None:
            place = self.ctx.place(sent, roles.dest)
            if place is not None:
                c.place, c.place_text = place, noun_phrase(roles.dest)
                if not roles.tgts and place.country:
                    roles.tgts = [ActorRef(Actor(text=noun_phrase(roles.dest), name=place.name, role=None,
                                                 country=place.country, sector=None),
                                           "country", f"destination:{place.name}", sent.index,
                                           roles.dest.i - span.start)]
                    c.notes.append(f"destination '{noun_phrase(roles.dest)}' gives target {place.country}")
                    for conj in roles.dest.conjuncts:
                        # "sent an envoy to Kyiv and Moscow": each coordinated destination is a host
                        other = self.ctx.place(sent, conj)
                        if other is not None and other.country and other.country not in {
                                t.country for t in roles.tgts}:
                            roles.tgts.append(ActorRef(Actor(text=noun_phrase(conj), name=other.name, role=None,
                                                             country=other.country, sector=None),
                                                       "country", f"destination:{other.name}", sent.index,
                                                       conj.i - span.start))
        if trig.reverse:
            roles.srcs, roles.tgts = roles.tgts, roles.srcs
            c.notes.append("host/receive verb: subject is the host (target)")
        # refusals: target of the refused action, or whose action it was ("Blinken's visit")
        if frame is not None and frame[0] == "refusal":
            ftok = frame[1]
            fsubj, _o, fag = verb_args(ftok, control_chain(ftok))
            fr = self.ctx.refs(sent, fag or fsubj) if (fag or fsubj) is not None else []
            if fr:
                if not roles.tgts and roles.srcs and roles.srcs[0].country != fr[0].country:
                    roles.tgts = roles.srcs
                roles.srcs = fr
        # counterparts and pairs
        roles.srcs = [self.owners.counterpart(r, roles.srcs, roles.tgts, c) for r in roles.srcs]
        roles.tgts = [self.owners.counterpart(r, roles.srcs, roles.tgts, c) for r in roles.tgts]
        c.source = pick(roles.srcs)
        c.target = pick(roles.tgts, exclude=c.source.country if c.source else None)
        c.extra_targets = [r for r in roles.tgts if r is not c.target and r.country and
                           r.country != (c.target.country if c.target else None)]
        c.extra_sources = [r for r in roles.srcs if r is not c.source and r.country and
                           r.country != (c.source.country if c.source else None)]


    def _with_partners(self, sent: Sentence, roles: _Roles) -> list[ActorRef]:
        """The coded parties of a 'with' phrase on the trigger or its verbs, not among the subjects."""
        subjects = {r.country for r in roles.srcs}
        out: list[ActorRef] = []
        for hd in roles.heads:
            for ch in hd.children:
                if ch.dep_ == "prep" and ch.lower_ == "with" and (pob := pobj(ch)) is not None:
                    out.extend(r for r in self.ctx.refs(sent, pob) if r.country and r.country not in subjects)
        return out

    def requests_acted_on(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'The Council met at the request of Ukraine', 'troops were sent at the request of the Somali
        government', 'the session was held upon a request by Israel': the requester (its 'of'/'by'/possessive
        phrase) asked whoever acts in the clause; a meeting asked for gives mode meet (rule: +acted-on)."""
        span = sent.span
        for c in cands:
            tok = span[c.head_i]
            if c.event_type != "REQUEST" or c.consumed or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
                continue
            prep = tok.head
            gov = prep.head
            if prep.lower_ not in words("request_adjunct_preps") or gov.pos_ not in ("VERB", "AUX"):
                continue
            by = [pobj(ch) for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("of", "by")]
            who = [ch for ch in tok.children if ch.dep_ == "poss"] + [p for p in by if p is not None]
            asking = [r for w in who for r in self.ctx.refs(sent, w) if r.country]
            if not asking:
                continue
            subj, obj, agent = verb_args(gov, control_chain(gov))
            acting = self.ctx.refs(sent, agent or subj) if (agent or subj) is not None else []
            gi = gov.i - span.start
            clause = [o for o in cands if o is not c and (o.head_i == gi or o.clause_i == gi or (
                obj is not None and o.head_i == obj.i - span.start))]
            if not acting:
                acting = [o.source for o in clause if o.source is not None and o.source.country]
            if not acting and self.ctx.un_session:
                acting = [ActorRef(Actor(text="the Security Council", name=None, role=None, country="UNO",
                                         sector="IGO"), "org", "un-session", sent.index, gi)]
            acting = [r for r in acting if r.country and r.country != asking[0].country]
            if not acting:
                continue
            c.source, c.target, c.extra_targets = asking[0], acting[0], []
            kinds = {o.event_type for o in clause}
            if c.mode is None:
                c.mode = "meet" if "CONSULT" in kinds or gov.lemma_.lower() in words("meet_words") else (
                    "assist" if kinds & {"MOBILIZE", "AID", "COOPERATE"} else None)
            c.rule += "+acted-on"
            c.notes.append(f"'{prep.text} the {tok.text}' of {asking[0].country}: asked of who acts, "
                           f"{acting[0].country}")

    def prepared_attacks(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'mobilised reservists for a war against Iraq', 'massed troops for an offensive on Kharkiv': a
        deployment aims at the target of the attack it prepares."""
        span = sent.span
        for c in cands:
            if c.event_type != "MOBILIZE" or c.target is not None:
                continue
            for o in cands:
                if o is c or o.event_type != "ASSAULT":
                    continue
                t = span[o.head_i]
                prep = t.head if t.dep_ == "pobj" else None
                if prep is None or prep.lower_ not in ("for", "ahead of") or \
                        prep.head.i - span.start not in (c.head_i, *c.trigger_i):
                    continue
                if o.target is not None and o.target.country and \
                        (c.source is None or c.source.country != o.target.country):
                    c.target = o.target
                    c.notes.append(f"target of the attack it prepares, '{o.trigger_text}': {o.target.country}")
                    break
                if o.target is None and o.place_target is not None and o.place_target.country:
                    c.place_target = o.place_target   # "for an offensive against Kharkiv": the place attacked
                    break


def _late_by(tok: Token) -> list[Token]:
    """A 'by' phrase the parser hangs on a member of the noun's own 'of'/'including' list, not on the noun."""
    frontier = [(tok, 0)]
    while frontier:
        t, depth = frontier.pop(0)
        for ch in children(t):
            if depth > 0 and ch.dep_ == "prep" and ch.lower_ == "by":
                return [ch]
            if depth < 3 and (ch.dep_ in ("pobj", "conj", "appos") or (
                    ch.dep_ == "prep" and ch.lower_ in ("of", "including"))):
                frontier.append((ch, depth + 1))
    return []
