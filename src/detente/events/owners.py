"""Whose act, where, and which side (C1, C7).

The owner of an abstract noun ("Russia's attack", "the strikes by Israel"), the state where an act happened
("the coup in Gabon"), the actor of a list's lead-in line ("The Council: / demands ..."), the country of a
domestic role phrase ("villagers", "the government") when the sentence names no other state, a counterpart's
country, an anaphor's antecedent on the other side, and who characterises whose act with an
evaluative noun ("the Israeli aggression" said by Iran). Used by the argument, status and emission stages
and by the constructions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef
from ..lexicon import words
from ..record import Actor
from ..treecache import children, subtree
from .parse import depth_below, noun_phrase, pobj, verb_args
from .types import IGO_LIKE, STATE_SECTORS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Sentence
    from .candidate import Candidate
    from .context import ArticleContext


class OwnerReader:
    """Owners of acts, scenes of acts and the countries of domestic actors."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx

    def owner(self, sent: Sentence, tok: Token, include_of: bool = True) -> list[ActorRef]:
        """The actor an abstract noun belongs to: possessive, 'by' agent, relative-clause subject,
        nationality modifier, 'including' members, or an 'of' complement."""
        span = sent.span
        order: list[tuple[int, Token | None]] = []
        for ch in children(tok):
            d, low = ch.dep_, ch.lower_
            if d == "poss":
                order.append((0, ch))
            elif d == "prep" and low == "by":
                order.append((1, pobj(ch)))
            elif d == "prep" and low == "from" and tok.lemma_.lower() in words("message_nouns"):
                order.append((1, pobj(ch)))   # "an appeal from the president", "a request from Kyiv"
            elif d in ("acl", "relcl"):
                s_, _o, ag = verb_args(ch, [ch])
                if ag is not None:
                    order.append((1, ag))
                elif s_ is not None and s_.i != tok.i and s_.lower_ not in ("that", "which", "who"):
                    order.append((2, s_))
                for gch in children(ch):     # "the escalation represented by the attack launched by Iran"
                    if gch.dep_ == "agent":
                        inner = pobj(gch)
                        if inner is not None:
                            for x in children(inner):
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
        for k, t in sorted(((k, t) for k, t in order if t is not None), key=lambda kt: (kt[0], kt[1].i)):
            assert t is not None
            found = [r for r in self.ctx.actors.resolve_all(sent.index, t.i - span.start) if r is not None]
            refs = [r for r in found if r.country]
            if not found and k == 3 and t.pos_ == "PROPN" and t.dep_ == "compound":
                # "the UN resolution", "the NATO communique": a body's name in front of its text owns it
                info = self.ctx.actors.lex.lookup_name(t.text)
                if info is not None and info.country and info.kind in ("org", "country", "metonym"):
                    refs = [ActorRef(Actor(text=t.text, name=info.name, role=info.role, country=info.country,
                                           sector=info.sector), info.kind, info.entry or "compound-owner",
                                     sent.index, t.i - span.start)]
            if refs:
                return refs
            if k <= 1 and any(r.actor.sector in ("GOV", "MIL") for r in found):
                # "an appeal from the president": the message's named author, whose state the setting gives
                return [r for r in found if r.actor.sector in ("GOV", "MIL")]
        return []

    def from_owner(self, sent: Sentence, tok: Token) -> list[ActorRef]:
        for ch in children(tok):
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
        if c.source is None or c.target is None or (c.event_type == "CONSULT" and c.mode == "visit"):
            return   # a visit crosses a border: its countryless host or guest is no compatriot of the other
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

    def setting_country(self, c: Candidate) -> None:
        """C9: 'the opposition', 'protesters', 'the police' with no country of their own, in an article about one
        state only (international bodies aside), belong to that state; the other side must be coded."""
        states = [k for k in self.ctx.actors.country_counts if k not in IGO_LIKE and k not in ("NGO", "ICRC")]
        if len(states) != 1 or (c.event_type == "CONSULT" and c.mode == "visit"):
            return   # a visit crosses a border: its countryless host or guest is not of the one state named
        src = c.source
        if c.target is None and src is not None and src.country is None and src.actor.sector in STATE_SECTORS:
            # "the interim authorities imposed a curfew across Ecuador": a measure at home; "Governor X banned
            # rallies in Aden": an official the lexicon lacks, in an article about one state, is its official
            c.source = replace(src, actor=replace(src.actor, country=states[0]))
            c.notes.append(f"source '{src.actor.text}' has no country; the article's only state is {states[0]}")
            return
        for side, other in (("target", "source"), ("source", "target")):
            ref: ActorRef | None = getattr(c, side)
            oref: ActorRef | None = getattr(c, other)
            if ref is None or ref.country is not None or ref.actor.sector is None or ref.actor.sector == "IGO" or \
                    oref is None:
                continue
            if not oref.country:
                if oref.actor.sector is None or oref.actor.sector == "IGO" or side == "source":
                    continue
                # "the government accused the protesters": both roles belong to the article's one state
                setattr(c, other, replace(oref, actor=replace(oref.actor, country=states[0])))
            setattr(c, side, replace(ref, actor=replace(ref.actor, country=states[0])))
            c.notes.append(f"{side} '{ref.actor.text}' has no country; the article's only state is {states[0]}")

    def state_of_scene(self, sent: Sentence, tok: Token, cities: bool = False, depth: int = 1) -> list[ActorRef]:
        """'condemned the coup in Gabon', 'welcomed the vote in Ghana': an act with no owner, placed in a
        country, is that country's own affair; the country (not a city in it, unless ``cities``) is the
        target."""
        for ch in subtree(tok):
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
                subj = [ch for ch in children(cur) if ch.dep_ in ("nsubj",)]
                if subj:
                    speaker = self.ctx.refs(sent, subj[0])
                    break
        if owner and speaker:
            c.source, c.target = speaker[0], other_side(owner[0], speaker[0].country)
            c.notes.append(f"evaluative noun: {speaker[0].country} characterises {owner[0].country}'s act")
        else:
            c.notes.append("evaluative noun without a speaker and an owner")

    def counterpart(self, r: ActorRef, srcs: list[ActorRef], tgts: list[ActorRef], c: Candidate) -> ActorRef:
        """'his counterpart', 'the other side': the country of the other party (the place's, when it is
        neither side's, else the other side of the article's main pair)."""
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


def asked_state(ctx: ArticleContext, sent: Sentence, heads: list[Token], own: str | None) -> ActorRef | None:
    """Whom aid is sought from: a 'from X' party, or the state of an 'in/to X' place ('refuge in Turkey')."""
    for hd in heads:
        for ch in hd.children:
            if ch.dep_ != "prep" or ch.lower_ not in ("from", "in", "to") or (pob := pobj(ch)) is None:
                continue
            refs = [r for r in ctx.refs(sent, pob) if r.country and r.country != own]
            if refs:
                return refs[0]
            pl = ctx.place(sent, pob)
            if pl is not None and pl.country and pl.country != own:
                return ActorRef(Actor(text=pl.name, name=pl.name, role=None, country=pl.country, sector=None),
                                "country", f"asked-in:{pl.name}", sent.index, pob.i - sent.span.start)
    return None
