"""Stage 5 (C7): the emission rule.

Input: a sentence's candidates with roles, status, date and place. Output: the same candidates, each either
emitted or not with its reason. Parts of one act fold into it (a participle of the same kind), coordinated
acts share a target named once, a dyadic act with no target aims at the other side of the article's main
pair; then each candidate is finished: sectors implied by its kind, domestic actors localised, the place
acted on as target, detainees and one-sided acts aimed at home, and the checks that drop it (no source, no
target, one actor on both sides); a consultation's mode comes from its place and venue.
:func:`split_coordinated` (after all sentences) gives one event per pair of parties.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef
from ..lexicon import words
from ..record import Actor
from ..treecache import children, subtree
from .parse import control_chain, noun_phrase, pobj, verb_args
from .types import (
    DOMESTIC_SECTORS,
    DYADIC_TYPES,
    IGO_LIKE,
    MULTI_IGO,
    ONE_SIDED_TYPES,
    PATIENT_PASSIVE_TYPES,
    PLACE_TARGET_TYPES,
    PURPOSE_TYPES,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Sentence
    from ..resolve.places import Gazetteer
    from .attach import Attacher
    from .candidate import Candidate
    from .context import ArticleContext
    from .owners import OwnerReader


class Emitter:
    """Decides which candidates become events, and completes those that do."""

    def __init__(self, ctx: ArticleContext, owners: OwnerReader, attach: Attacher) -> None:
        self.ctx = ctx
        self.owners = owners
        self.attach = attach

    def absorb_parts(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'military exercises encircling Taiwan', 'killed three people in a raid': a participle or phrase
        of the same kind is part of the noun's event."""
        span = sent.span
        for c in cands:
            for o in cands:
                if o is c or o.event_type != c.event_type or o.consumed:
                    continue
                in_pp = len(o.ancestors) >= 2 and o.ancestors[0][1] == "pobj" and o.ancestors[1][0] == c.head_i \
                    and span[o.ancestors[0][0]].lower_ in ("in", "during", "with", "by", "through")
                # "used water cannon and rubber bullets against them": coordinated means of one act
                same_act = o.ancestors[:1] == [(c.head_i, "conj")] and o.trigger.entry == c.trigger.entry and \
                    span[o.head_i].pos_ == span[c.head_i].pos_ == "NOUN" and \
                    (o.target is None or c.target is None or o.target.country == c.target.country) and \
                    (o.source is None or c.source is None or o.source.country == c.source.country)
                # "used tear gas to disperse the crowd", "fired missiles to destroy the grid": its purpose
                purpose = bool(o.ancestors) and o.ancestors[0][0] in (c.clause_i, c.head_i) and \
                    o.ancestors[0][1] in ("advcl", "xcomp") and span[o.head_i].pos_ == "VERB" and \
                    o.clause_i != c.clause_i and \
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in span[o.head_i].children) and \
                    (o.target is None or c.target is None or o.target.country == c.target.country)
                if in_pp or same_act or purpose or (
                        o.ancestors and o.ancestors[0][0] == c.head_i and o.ancestors[0][1] in ("acl", "relcl")):
                    # "military exercises encircling Taiwan", "killed three people in a raid"
                    if c.target is None and o.target is not None:
                        c.target = o.target
                    if c.source is None and o.source is not None:
                        c.source = o.source
                    if c.time is None and o.time is not None:
                        c.time, c.time_text = o.time, o.time_text
                    if c.place is None and o.place is not None:
                        c.place, c.place_text = o.place, o.place_text
                    if c.place_target is None and o.place_target is not None:
                        c.place_target = o.place_target
                    o.consumed, o.emitted, o.reason = True, False, f"part of '{c.trigger_text}'"

    def riots(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'youths threw stones during demonstrations against the army': stone-throwing by the protesters in
        their protest is the protest turned riot (PROTEST/riot), not a separate attack."""
        span = sent.span
        for c in cands:
            tok = span[c.head_i]
            if c.event_type != "PROTEST" or c.consumed or tok.dep_ != "pobj" or tok.head.lower_ != "during":
                continue
            for o in cands:
                if o is c or o.consumed or o.event_type != "ASSAULT" or o.mode not in words("riot_assault_modes") \
                        or o.head_i != tok.head.head.i - span.start:
                    continue
                c.mode = "riot"
                c.target = c.target or o.target
                o.consumed, o.emitted, o.reason = True, False, f"the riot of the protest '{c.trigger_text}'"
                c.notes.append(f"'{o.trigger_text}' during it: a riot")

    def protest_purposes(self, sent: Sentence, cands: list[Candidate]) -> None:
        """Fold each protest's purpose into it (after targets are known)."""
        self._acts_of_protest(sent, cands)
        for c in cands:
            for o in cands:
                if o is not c and not c.consumed and not o.consumed:
                    self._protest_purpose(sent.span, c, o)

    def _acts_of_protest(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'Palestinians shunned work to protest at the settlements', 'workers stayed home to protest the fuel
        price': what people (not a state) do to protest is a protest (PROTEST; a strike when they stop work)."""
        span = sent.span
        for o in cands:
            tok = span[o.head_i]
            if o.consumed or o.event_type == "PROTEST" or tok.lemma_.lower() != "protest" or tok.pos_ != "VERB" or \
                    tok.dep_ not in ("advcl", "xcomp") or not any(a.dep_ == "aux" and a.lower_ == "to"
                                                                  for a in tok.children):
                continue
            v = tok.head
            vsubj = verb_args(v, [v])[0]
            people = [r for r in self.ctx.refs(sent, vsubj) if r.country] if vsubj is not None else []
            if not people or people[0].actor.sector in ("GOV", "MIL", "COP", "IGO"):
                continue
            if any(x.event_type == "PROTEST" and x.head_i == v.i - span.start for x in cands):
                continue   # "marched to protest": the march is the protest (folded below)
            for x in cands:
                if x is not o and x.head_i == v.i - span.start and not x.consumed:
                    x.consumed, x.emitted, x.reason = True, False, f"an act of protest ('{tok.text}')"
            stop_work = bool({t.lemma_.lower() for t in v.subtree if t.i < tok.i} & words("work_words"))
            o.event_type, o.mode = "PROTEST", "strike" if stop_work else "demo"
            o.source = people[0]
            o.trigger_text = f"{v.text} ... {o.trigger_text}"
            o.rule += "+act-of-protest"
            o.notes.append(f"'{v.text} ... to {tok.text}': an act of protest by {people[0].country}")

    @staticmethod
    def _protest_purpose(span: Span, c: Candidate, o: Candidate) -> None:
        """"marched to the embassy to protest against the airstrikes", "to show their anger at X", "in defiance of X":
        what a protest is for is the same protest, and names its target."""
        if c.event_type != "PROTEST" or o.event_type not in PURPOSE_TYPES or not o.ancestors:
            return
        steps = o.ancestors[:2] if o.clause_i != o.head_i else o.ancestors[:1]
        purpose = False
        for k, (head, dep) in enumerate(steps):
            if head not in (c.head_i, c.clause_i):
                continue
            link = span[o.ancestors[k - 1][0]] if k else span[o.head_i]
            purpose = (dep == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(link))) or (
                dep == "prep" and link.lower_ == "in")
        if not purpose:
            return
        if c.target is None and o.target is not None:
            c.target = o.target
            c.notes.append(f"target from the protest's purpose '{o.trigger_text}': {o.target.country}")
        o.consumed, o.emitted, o.reason = True, False, f"the purpose of the protest '{c.trigger_text}'"

    def carry_targets(self, sent: Sentence, cands: list[Candidate]) -> None:
        """Coordinated actions of one subject share the target named once ("India expelled Pakistani
        diplomats, recalled its own staff and suspended visa services")."""
        span = sent.span

        def top(i: int) -> int:
            t = span[i]
            for _ in range(8):
                if t.dep_ == "conj" and t.head.i != t.i:
                    t = t.head
                else:
                    break
            return t.i

        for c in cands:
            if c.consumed or c.target is not None or c.source is None or not c.source.country:
                continue
            if c.event_type in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE"):
                continue
            for o in cands:
                if o is c or o.target is None or not o.target.country or o.source is None:
                    continue
                if o.source.country != c.source.country or o.target.country == c.source.country:
                    continue
                if top(o.clause_i) == top(c.clause_i):
                    c.target = o.target
                    c.notes.append(f"target shared with the coordinated '{o.trigger_text}': {o.target.country}")
                    break

    def implicit_targets(self, cands: list[Candidate]) -> None:
        """A one-sided act of conflict by one side of the article's dominant dyad is aimed at the other
        ("Pakistan denied any involvement", "which Delhi rejected"); rule: implicit-target:dyad."""
        pair = self.ctx.actors.dominant_pair()
        topic = self.ctx.topic.country if self.ctx.topic is not None else None
        if pair is None and topic is None:
            return
        for c in cands:
            if c.consumed or c.target is not None or c.source is None or not c.source.country:
                continue
            if c.event_type not in DYADIC_TYPES:
                continue
            if c.clause_i == c.head_i and not self._is_verb_trigger(c):
                continue   # an event noun with no clause of its own ("the results of an investigation")
            if pair is not None and c.source.country in pair:
                other = pair[1] if c.source.country == pair[0] else pair[0]
                text, rule = "(implicit: the other side of the article's main dyad)", "implicit-target:dyad"
                note = f"no target in the text: the other side of the article's dyad, {other}"
            elif topic is not None and c.source.country != topic:
                # "Statement on Nicaragua ... calls for targeted sanctions": aimed at the text's topic
                other, text, rule = topic, "(implicit: the state the text is about)", "implicit-target:topic"
                note = f"no target in the text: the state the headline says it is about, {topic}"
            else:
                continue
            c.target = ActorRef(Actor(text=text, name=None, role=None, country=other, sector=None), "country", rule,
                                c.sent, c.trigger_i[0])
            c.rule += "+implicit-target"
            c.notes.append(note)

    def finish(self, sent: Sentence, c: Candidate) -> None:
        """Complete one candidate, or mark it not emitted with the reason."""
        span = sent.span
        c.span_start, c.span_end = clause_extent(span, c)
        if c.event_type in ("ASSAULT", "MOBILIZE") and c.source is not None and \
                c.source.kind in ("country", "metonym") and c.source.actor.sector in (None, "GOV"):
            c.source = replace(c.source, actor=replace(c.source.actor, sector="MIL"))
        if c.consumed:
            return
        self._implied_roles(sent, c)
        if c.event_type == "ASSAULT" and c.source is not None and c.source.actor.role in words("cyber_roles"):
            # "hackers attacked government websites": an attack by hackers is a cyber operation, not violence
            c.event_type, c.mode = "COERCE", "cyber"
            c.rule += "+cyber-actor"
            c.notes.append(f"'{c.trigger_text}' by {c.source.actor.role}: COERCE/cyber")
        if c.event_type == "ASSAULT" and c.lemma in words("crowd_assault_verbs") and c.source is not None and \
                c.source.actor.sector in ("CVL", "OPP") and c.source.country:
            # "protesters stormed parliament", "a mob ransacked the embassy": a crowd's violence is a riot
            c.event_type, c.mode = "PROTEST", "riot"
            c.rule += "+crowd-riot"
            c.notes.append(f"a crowd '{c.trigger_text}': a riot (PROTEST/riot)")
            if c.target is None:
                scene = self.owners.state_of_scene(sent, sent.span[c.head_i], cities=True, depth=2)
                c.target = scene[0] if scene else ActorRef(
                    Actor(text=f"(domestic: {c.source.actor.text})", name=None, role=None, country=c.source.country,
                          sector="GOV"), "country", "one-sided", c.sent, c.trigger_i[0])
        if c.event_type == "CONSULT" and c.mode == "visit" and c.source is not None and \
                c.source.actor.role in words("travelling_civilians"):
            # "let pilgrims travel to Mecca", "tourists flew to Antalya": private travel is no visit of state
            c.emitted, c.reason = False, "private travellers' journey is not a visit of state"
            return
        if c.event_type == "ASSAULT" and c.lemma in words("movement_verbs") and c.source is not None and \
                c.source.actor.sector == "CVL":
            # "refugees crossed into Jordan", "migrants moved into the town": people moving are no invasion
            c.emitted, c.reason = False, "civilians moving across a border are not an attack"
            return
        self.owners.localise(sent, c)
        self.owners.setting_country(c)
        if c.source is None or c.source.country is None:
            self._same_act_again(sent, c)
        if (c.source is None or c.source.country is None) and c.event_type == "COERCE" and \
                c.mode in ("arrest", "seize") and not self._is_verb_trigger(c):
            # "the detention of two reporters in Tehran", "the forced landing of an airliner in Tabriz": no agent;
            # the state where it happened acts
            scene = self.owners.state_of_scene(sent, span[c.head_i], cities=True, depth=3)
            if scene:
                c.source = replace(scene[0], actor=replace(scene[0].actor, sector="GOV"))
                c.notes.append(f"no agent named: the act of the state where it happened, {scene[0].country}")
        if (c.source is None or c.source.country is None) and self._agentless_passive(sent, c) and \
                c.place is not None and c.place.country and c.place.country not in IGO_LIKE:
            # "was detained at his residence in Kano", "were beaten in Caracas and two students were also
            # detained": no agent, and the place is not the verb's own phrase; the state where it happened acts
            c.source = ActorRef(Actor(text=c.place_text or c.place.name, name=c.place.name, role=None,
                                      country=c.place.country, sector="GOV"), "country", f"scene:{c.place.name}",
                                c.sent, c.head_i)
            c.notes.append(f"agentless passive placed in {c.place.country}: the act of the state where it happened")
            self.owners.localise(sent, c)
        own_politician = c.event_type == "COERCE" and c.mode == "arrest" and c.target is not None and \
            (c.target.actor.sector or "").lower() in words("home_arrested_sectors")
        if (c.source is None or c.source.country is None) and (c.lemma in words("judicial_verbs") or own_politician) \
                and c.target is not None and c.target.country and c.target.country not in IGO_LIKE and \
                c.target.actor.sector not in ("IGO", None) and self._agentless_passive(sent, c, judicial=True):
            # "three Ugandan journalists were charged with sedition", "the Zambian opposition leader was arrested":
            # a court case, or the arrest of a politician or officer, with no agent and no place is the act of
            # the person's own state
            judicial = c.lemma in words("judicial_verbs")
            c.source = ActorRef(Actor(text=f"({'courts' if judicial else 'authorities'} of {c.target.country})",
                                      name=None, role=None, country=c.target.country,
                                      sector="JUD" if judicial else "GOV"), "country", "home-state",
                                c.sent, c.head_i)
            c.notes.append(f"{'a court case' if judicial else 'an arrest of a politician or officer'} with no agent "
                           f"or place: the act of their own state, {c.target.country}")
        if (c.source is None or c.source.country is None) and c.mode == "expel":
            self._expelled_from(sent, c)
        if c.source is None or c.source.country is None:
            c.emitted, c.reason = False, "no identifiable source"
            return
        if (c.target is None or c.target.country is None) and c.rule.endswith("+retaliation"):
            # "Moscow will end the deal if Kyiv attacks the bridge": aimed at whoever the condition is about
            cond = next((ch for v in control_chain(sent.span[c.head_i]) for ch in children(v) if ch.dep_ == "advcl"
                         and any(m.dep_ == "mark" and m.lower_ == "if" for m in children(ch))), None)
            subj = next((x for x in children(cond) if x.dep_ in ("nsubj", "nsubjpass")), None) if cond else None
            refs = [r for r in self.ctx.refs(sent, subj) if r.country and r.country != c.source.country] \
                if subj is not None else []
            if refs:
                c.target = refs[0]
                c.notes.append(f"aimed at the condition's actor '{subj.text if subj is not None else ''}'")
        self._implied_target(sent, c)
        if (c.target is None or c.target.country is None) and c.event_type == "ASSAULT" and c.mode == "aerial" and \
                c.trigger.needs_target and c.trigger.ambiguous and self._is_verb_trigger(c):
            self._launch_target(sent, c)
        if (c.target is None or c.target.country is None) and c.event_type == "ASSAULT" and c.mode == "aerial" and \
                c.trigger.needs_target and c.trigger.ambiguous and self._is_verb_trigger(c):
            # "launched a ballistic missile", "fired a missile toward the Sea of Japan": a launch at no state is a
            # show of force (MOBILIZE/weapons), the reading the launch entry falls back to
            c.event_type, c.mode = "MOBILIZE", "weapons"
            c.rule += "+no-target-launch"
            c.notes.append("a launch aimed at no state: MOBILIZE/weapons")
            c.target = None
            pair = self.ctx.actors.dominant_pair()
            if pair is not None and c.source.country in pair:
                # the country threatened is the other side of the article's dyad (gold guide: when it is clear)
                other = pair[1] if c.source.country == pair[0] else pair[0]
                c.target = ActorRef(Actor(text="(implicit: the other side of the article's main dyad)", name=None,
                                          role=None, country=other, sector=None), "country", "implicit-target:dyad",
                                    c.sent, c.trigger_i[0])
                c.notes.append(f"the launch threatens the other side of the article's dyad, {other}")
            else:
                self._implied_target(sent, c)
        if (c.target is None or c.target.country is None) and c.event_type == "CONSULT" and \
                (c.mode == "visit" or (c.mode == "multilateral" and c.source.actor.sector != "IGO" and
                                       c.source.country not in IGO_LIKE | MULTI_IGO)) and \
                c.place is not None and c.place.country and c.place.country != c.source.country and \
                c.place.country not in IGO_LIKE:
            # ... and "attended (boycotted) the regional summit in Nairobi": a summit whose host only is named
            # "King Abdullah received the US envoy in Amman": a host the lexicon lacks is the state of the place
            c.target = ActorRef(Actor(text=c.place_text or c.place.name, name=c.place.name, role=None,
                                      country=c.place.country, sector="GOV"), "country",
                                f"host-place:{c.place.name}", c.sent, c.trigger_i[0])
            c.notes.append(f"the host is not named by country: the visit's place, {c.place.country}")
        if (c.target is None or c.target.country is None) and c.event_type == "ACCUSE" and \
                c.source.actor.sector not in (None, "GOV", "IGO") and c.source.country not in IGO_LIKE and \
                self._about_an_election(sent, c):
            # "the opposition rejected the results, alleging that the vote was rigged": aimed at the state that
            # ran the election, its own
            c.target = ActorRef(Actor(text=f"(domestic: {c.source.actor.text})", name=None, role=None,
                                      country=c.source.country, sector="GOV"), "country", "one-sided", c.sent,
                                c.trigger_i[0])
            c.notes.append(f"an allegation about an election at home: aimed at {c.source.country}'s government")
        if c.target is None or c.target.country is None:
            c.emitted, c.reason = False, "no identifiable target"
            return
        if c.event_type == "RETREAT" and c.mode == "withdraw" and (
                c.target.country in IGO_LIKE | MULTI_IGO or c.target.actor.sector == "IGO") and \
                not any(t.lemma_.lower() in words("force_nouns") for t in subtree(sent.span[c.head_i])):
            # "announced their withdrawal from ECOWAS", "pulled out of the alliance": leaving a body cuts ties
            c.event_type = "SANCTION"
            c.notes.append(f"withdrawing from {c.target.country} (a body, no forces named): SANCTION/withdraw")
        sectors = {c.source.actor.sector, c.target.actor.sector}
        non_state = bool({s.lower() for s in sectors if s} & words("non_state_sectors")) and \
            None in sectors   # rebels against the state
        at_home = c.target.rule.startswith("scene:") and c.event_type in ("THREATEN", "REQUEST")   # a curfew threatened
        # "the interior minister was arrested": a state seizing one of its own officials is a domestic act
        own_official = c.event_type == "COERCE" and not c.target.plural and c.target.kind not in (
            "country", "metonym", "org", "pair") and (c.target.named or c.target.actor.role is not None)
        if c.source.country == c.target.country and c.target.rule != "one-sided" and not non_state and not at_home and \
                not own_official and (
                c.source.actor.sector == c.target.actor.sector or None in (c.source.actor.sector,
                                                                           c.target.actor.sector)):
            c.emitted, c.reason = False, "source and target are the same actor"
            return
        if c.trigger.needs_target and c.target is None:
            c.emitted, c.reason = False, "trigger needs a target"
        if c.event_type == "CONSULT" and c.source.country and c.target.country and \
                c.target.country != c.source.country:
            self.ctx.met[c.source.country] = (c.sent, c.target)
        if c.place is None and c.event_type == "CONSULT":
            self.attach.default_place(sent, c)
        # CONSULT mode from place and venue
        if c.event_type == "CONSULT":
            self._consult_mode(sent, c)
        if c.place is None and c.event_type != "CONSULT":
            self.attach.default_place(sent, c)
        if c.event_type == "CONSULT" and c.mode == "visit" and c.place is None and self.ctx.gaz is not None:
            p = self.ctx.gaz.country(c.target.country) if c.target.country else None
            if p is not None:
                c.place, c.place_text = p, c.target.actor.text
                c.notes.append("a visit takes place in the host's country")
        s, e = clause_extent(span, c)
        c.span_start, c.span_end = s, e
        if c.emitted and c.source.country != c.target.country and _reciprocal(span[c.head_i]):
            c.reciprocal = True
            c.notes.append("'each other' / 'the other's': the act runs both ways")
        if c.emitted:
            self.ctx.last_act[c.event_type] = self.ctx.last_act[f"{c.event_type}/{c.mode}"] = (
                c.sent, c.source, c.target)
            if c.event_type == "ACCUSE" and c.status == "occurred" and c.source.country and c.target.country and \
                    c.target.country != c.source.country and c.target.country not in IGO_LIKE | MULTI_IGO:
                self.ctx.condemned.setdefault(c.source.country, set()).add(c.target.country)

    def acts_judged(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'deplores the seizure of a tanker off Oman': an act judged with no target named is aimed at the
        agent of the judged act, once that act is coded (its agent may come from its place)."""
        span = sent.span
        for c in cands:
            if c.emitted or c.consumed or c.reason != "no identifiable target" or c.source is None or \
                    c.event_type not in ("ACCUSE", "SUPPORT"):
                continue
            objs = [ch for ch in children(span[c.head_i]) if ch.dep_ == "dobj"]
            judged = {t.i - span.start for o in objs for t in (o, *o.conjuncts)}
            for o in cands:
                # the judged act may be coded, or named with its agent only ("praised the UN resolution")
                if o is c or not (o.emitted or o.reason == "no identifiable target") or o.head_i not in judged or \
                        o.source is None or not o.source.country:
                    continue
                if o.source.country == c.source.country:
                    continue
                c.target, c.emitted, c.reason = o.source, True, ""
                c.notes.append(f"aimed at the agent of the act judged, '{o.trigger_text}': {o.source.country}")
                self.finish(sent, c)
                break

    def condemned_parties(self, sent: Sentence, cands: list[Candidate]) -> None:
        """A statement that has condemned one state: the measures it prepares with no target named are aimed at
        that state ("asks the Commission to draw up new listings"), and a hostile act it deplores with no agent
        named is that state's ("backs Finland after the seizure of a Finnish vessel")."""
        speakers = {o.source.country for o in cands if o.source is not None and o.source.country}
        for c in cands:
            if c.emitted or c.consumed:
                continue
            if c.reason == "no identifiable target" and c.event_type == "SANCTION" and c.source is not None and \
                    c.source.country and c.status == "planned":
                against = self.ctx.condemned.get(c.source.country, set())
                if len(against) != 1:
                    continue
                state = next(iter(against))
                c.target = self._state_ref(state, "GOV", "condemned-state", c)
                c.notes.append(f"a measure prepared by a statement that condemned {state}: aimed at {state}")
            elif c.reason == "no identifiable source" and c.event_type.lower() in words("judged_hostile_types") and \
                    c.target is not None and c.target.country and c.target.country not in IGO_LIKE | MULTI_IGO:
                judges = [s for s in speakers if len(self.ctx.condemned.get(s, set())) == 1]
                if len(judges) != 1:
                    continue
                state = next(iter(self.ctx.condemned[judges[0]]))
                if state in (c.target.country, judges[0]):
                    continue
                c.source = self._state_ref(state, "GOV", "condemned-state", c)
                c.notes.append(f"a hostile act with no agent, in a statement by {judges[0]} that condemned {state}: "
                               f"the act of {state}")
            else:
                continue
            c.emitted, c.reason = True, ""
            self.finish(sent, c)

    def _expelled_from(self, sent: Sentence, c: Candidate) -> None:
        """'two diplomats were expelled from Russia', 'the expulsion of its envoy from Minsk': with no agent,
        the state expelled from expels."""
        span = sent.span
        head = span[c.head_i]
        of = next((ch for ch in children(head) if ch.dep_ == "prep" and ch.lower_ == "of"), None)
        patient = pobj(of) if of is not None else None
        # "the expulsion of French diplomats from Niger": the phrase may hang on the expelled
        frm = next((ch for t in (head, patient) if t is not None for ch in children(t)
                    if ch.dep_ == "prep" and ch.lower_ == "from"), None)
        obj = pobj(frm) if frm is not None else None
        if obj is None:
            return
        refs = [r for r in self.ctx.refs(sent, obj) if r.country and r.country not in IGO_LIKE | MULTI_IGO]
        place = self.ctx.place(sent, obj) if not refs else None
        country = refs[0].country if refs else (place.country if place is not None else None)
        if not country or country in IGO_LIKE or (c.target is not None and c.target.country == country):
            return
        c.source = self._state_ref(country, "GOV", f"expelled-from:{obj.text}", c)
        c.notes.append(f"expelled from {obj.text}: by {country}")

    @staticmethod
    def _state_ref(country: str, sector: str | None, rule: str, c: Candidate) -> ActorRef:
        """A state standing as a party the text implies but does not name."""
        return ActorRef(Actor(text=f"({rule}: {country})", name=None, role=None, country=country, sector=sector),
                        "country", rule, c.sent, c.trigger_i[0])

    @staticmethod
    def _about_an_election(sent: Sentence, c: Candidate) -> bool:
        """The trigger's object or the subject of its that-clause is an election, a vote or its results."""
        elections = words("election_nouns")
        for ch in children(sent.span[c.head_i]):
            if ch.dep_ == "dobj" and ch.lemma_.lower() in elections:
                return True
            if ch.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lemma_.lower() in elections
                                          for g in children(ch)):
                return True
        return False

    @staticmethod
    def _agentless_passive(sent: Sentence, c: Candidate, judicial: bool = False) -> bool:
        """A passive verb of an act done to someone (or, with ``judicial``, a court case brought against
        them), with its patient as subject and no 'by' agent."""
        tok = sent.span[c.head_i]
        kids = children(tok)
        kinds = PATIENT_PASSIVE_TYPES | ({"ACCUSE"} if judicial else set())
        return c.event_type in kinds and tok.tag_ == "VBN" and \
            any(ch.dep_ == "nsubjpass" for ch in kids) and not any(ch.dep_ == "agent" for ch in kids)

    def _same_act_again(self, sent: Sentence, c: Candidate) -> None:
        """'Her deputy was also detained': an agentless passive of the act just reported, marked as
        the same again ('also', 'too'), has that act's agent."""
        tok = sent.span[c.head_i]
        if tok.tag_ != "VBN" or any(ch.dep_ == "agent" for ch in children(tok)) or \
                not any(ch.dep_ == "advmod" and ch.lower_ in words("again_adverbs") for ch in children(tok)):
            return
        last = self.ctx.last_act.get(c.event_type)
        if last is None or not 0 <= c.sent - last[0] <= 2 or last[1] is None:
            return
        if c.place is not None and c.place_text and c.place.country and c.place.country not in (
                last[1].country, last[2].country if last[2] is not None else None):
            return   # placed in another country than the act just reported: not the same again
        c.source = replace(last[1], sent=c.sent, token=c.head_i)
        c.rule += "+again"   # another instance of that act: merge keeps it apart
        c.notes.append(f"the same act again ('{tok.text}' with no agent): by {last[1].country}, as just reported")
        before = last[2]
        if before is not None and before.country and (c.target is None or c.target.country is None):
            # "two Palestinian journalists were arrested ... a third reporter was arrested too": the same side
            c.target = before if c.target is None else replace(
                c.target, actor=replace(c.target.actor, country=before.country))
            c.notes.append(f"its patient is of the same side as before: {before.country}")

    def _implied_roles(self, sent: Sentence, c: Candidate) -> None:
        """Sectors and countries a candidate's kind and place imply: a state accused is its government, a
        veto is cast against the Council, domestic actors belong where the act happened."""
        span = sent.span
        if c.event_type in ("ACCUSE", "REJECT") and c.target is not None and \
                c.target.kind in ("country", "metonym") and c.target.actor.sector is None:
            # an accusation or refusal aimed at a state is aimed at its government
            c.target = replace(c.target, actor=replace(c.target.actor, sector="GOV"))
        # a veto with no named target is cast against the Council's text (GOLD-GUIDE: target UNO)
        if c.event_type == "REJECT" and c.lemma == "veto" and (c.target is None or "implicit" in c.target.rule) and \
                self.ctx.gaz is not None and (self.ctx.un_session or any(
                    w in span.text.lower() for w in ("council", "resolution", "draft"))):
            c.target = ActorRef(Actor(text="the Security Council", name="United Nations Security Council",
                                      role=None, country="UNO", sector="IGO"), "org", "veto:UNO", c.sent, c.head_i)
            c.rule = c.rule.replace("+implicit-target", "")
            c.notes.append("a veto is cast against the Security Council's draft: target UNO")
        # domestic repression: "police detained dozens of protesters" -- the detained are the state's own
        if c.event_type == "COERCE" and c.source is not None and c.source.country and c.target is not None and \
                c.source.actor.sector in ("COP", "MIL", "SPY", "JUD") and \
                c.target.country is None and c.target.actor.sector in DOMESTIC_SECTORS:
            c.target = replace(c.target, actor=replace(c.target.actor, country=c.source.country))
            c.notes.append(f"people detained by {c.source.country}'s own forces are taken as its nationals")
        # police, protesters, hostages...: domestic actors with no nationality belong where the act happened
        pl = c.place or c.place_target
        if pl is not None and pl.country and pl.country not in IGO_LIKE:
            for side in ("source", "target"):
                ref: ActorRef | None = getattr(c, side)
                if ref is not None and ref.country is None and ref.actor.sector in DOMESTIC_SECTORS:
                    setattr(c, side, replace(ref, actor=replace(ref.actor, country=pl.country)))
                    c.notes.append(f"{side} '{ref.actor.text}' is local to {pl.name} ({pl.country})")
        if c.event_type == "ACCUSE" and c.lemma in words("crowd_protest_verbs") and c.source is not None \
                and c.source.plural and c.source.actor.sector in ("CVL", "OPP"):
            # "students protested against the government": a crowd's protest is a demonstration
            c.event_type, c.mode = "PROTEST", "demo"
            c.notes.append("a crowd protesting: PROTEST/demo, not a verbal accusation")

    def _implied_target(self, sent: Sentence, c: Candidate) -> None:
        """A target the text leaves implicit: the place acted on, the detaining state's own people, home
        for a one-sided act."""
        assert c.source is not None
        if (c.target is None or c.target.country is None) and (
                c.event_type in PLACE_TARGET_TYPES or c.trigger.negated_only):
            p = c.place_target or (c.place if c.place is not None and c.place.kind in (
                "country", "city", "admin", "territory", "region", "disputed") else None)
            if p is not None and p.country and p.country != c.source.country:
                c.target = ActorRef(Actor(text=c.place_text or p.name, name=p.name, role=None, country=p.country,
                                          sector=None), "country", f"target-place:{p.name}", c.sent,
                                    c.trigger_i[0])
                c.rule += "+place-target"
                c.notes.append(f"the place acted on or against is the target: {p.name} ({p.country})")
                if c.place is None:
                    c.place, c.place_text = p, p.name
        if (c.target is None or c.target.country is None) and self._detainee_at_home(sent, c):
            self._home_target(c, f"(detained by {c.source.actor.text})", "CVL", "+detainee",
                              f"the detained have no stated nationality: taken as {c.source.country}'s own")
        if (c.target is None or c.target.country is None) and c.trigger.symmetric and \
                c.source.rule.startswith("pronoun:we") and c.source.country in self.ctx.met:
            at, partner = self.ctx.met[c.source.country]
            if 1 <= c.sent - at <= 2:
                # "I met the Indonesian minister ... We agreed to ...": 'we' are the two who met
                c.target = partner
                c.notes.append(f"'{c.source.actor.text}' after a meeting: the two who met, with {partner.country}")
        if (c.target is None or c.target.country is None) and self._protest_stopped(sent, c):
            self._home_target(c, f"(protesters, {c.source.actor.text})", "CVL", "+protest-stopped",
                              f"a protest stopped or banned by {c.source.country}'s authorities: at home")
        if (c.target is None or c.target.country is None) and self._settlement_at_home(sent, c):
            self._home_target(c, f"(domestic: {c.source.actor.text})", None, "+at-home",
                              f"a town taken, the article naming {c.source.country} and an armed group: at home")
        if (c.target is None or c.target.country is None) and self._one_sided(sent, c):
            self._home_target(c, f"(domestic: {c.source.actor.text})", None, "+one-sided",
                              f"a one-sided act with no other party: aimed at home, {c.source.country}")

    def _launch_target(self, sent: Sentence, c: Candidate) -> None:
        """'launched drones at Kyiv': the place aimed at, named in the trigger's own phrase, is the target."""
        assert c.source is not None
        for ch in children(sent.span[c.head_i]):
            pob = pobj(ch) if ch.dep_ == "prep" and ch.lower_ in set(c.trigger.target_preps) else None
            if pob is None:
                continue
            pl = self.ctx.place(sent, pob)
            refs = [r for r in self.ctx.refs(sent, pob) if r.country]
            country = refs[0].country if refs else (pl.country if pl is not None else None)
            if country and country != c.source.country and country not in IGO_LIKE:
                c.target = refs[0] if refs else ActorRef(
                    Actor(text=noun_phrase(pob), name=None, role=None, country=country, sector=None),
                    "country", "target-place", c.sent, pob.i - sent.span.start)
                c.notes.append(f"aimed at '{pob.text}': {country}")
                return

    @staticmethod
    def _home_target(c: Candidate, text: str, sector: str | None, rule: str, note: str) -> None:
        """Aim the act at its own source's state (a one-sided target), saying why."""
        assert c.source is not None
        c.target = ActorRef(Actor(text=text, name=None, role=None, country=c.source.country, sector=sector),
                            "country", "one-sided", c.sent, c.trigger_i[0])
        c.rule += rule
        c.notes.append(note)

    def _consult_mode(self, sent: Sentence, c: Candidate) -> None:
        """A consultation's mode from its venue, channel and place: multilateral, phone, visit (the visitor
        as source), third-party."""
        assert c.source is not None and c.target is not None
        span = sent.span
        if c.event_type == "CONSULT" and c.mode is None and not c.multilateral_venue:
            tok = span[c.trigger_i[-1]]
            for ch in subtree(tok):
                if (ch.i < tok.i and ch.dep_ in ("compound", "amod", "npadvmod", "nmod")) or \
                        (ch.head.i == tok.i and ch.dep_ in ("amod", "compound")):
                    r = self.ctx.actors.resolve(sent.index, ch.i - span.start) if ch.pos_ in ("PROPN", "NOUN", "ADJ") \
                        else None
                    if r is not None and r.country in MULTI_IGO and r.country not in (
                            c.source.country, c.target.country):
                        c.multilateral_venue = True
                        c.notes.append(f"'{ch.text}' makes it a multilateral meeting")
                        break
        if c.event_type == "CONSULT" and c.mode is None:
            for i in c.anchors:
                for ch in children(span[i]):
                    pob = pobj(ch) if ch.dep_ == "prep" and ch.lower_ in ("by", "over", "via") else None
                    if pob is not None and pob.lemma_.lower() in words("remote_channels"):
                        c.mode = "phone"
                        c.notes.append(f"'{ch.text} {pob.text}': a remote consultation")
        if c.event_type == "CONSULT" and c.mode is None and c.place is None and not c.multilateral_venue and \
                any(span[i].lemma_.lower() == "speak" for i in c.trigger_i):
            c.mode = "phone"
            c.notes.append("'speak with' with no place reads as a call")
        if c.event_type == "CONSULT" and c.mode == "multilateral" and not c.multilateral_venue and \
                c.source.country not in IGO_LIKE | MULTI_IGO and c.target.country not in IGO_LIKE | MULTI_IGO and \
                c.target.actor.sector != "IGO" and not c.extra_targets and not c.more_pairs and \
                not c.target.rule.startswith("host-place") and (
                    c.place is None or c.place.country not in (c.source.country, c.target.country)):
            # "delayed its summit with Tokyo", "a summit with Xi in Bali": two states meeting, no body's forum
            c.mode = None
            c.notes.append("a summit of two states is a bilateral meeting")
        if c.event_type == "CONSULT" and c.mode == "multilateral" and not c.multilateral_venue and \
                c.place is not None and c.source.country not in IGO_LIKE and c.target.country not in IGO_LIKE and \
                c.place.country in (c.source.country, c.target.country) and not c.target.rule.startswith("host-place"):
            # "South Korea and Japan held their first summit in Tokyo": a two-state summit at home is a visit
            c.mode = None
            c.notes.append("a summit of two states in one of them is a visit")
        if c.event_type == "CONSULT" and c.mode is None:
            if c.multilateral_venue:
                c.mode = "multilateral"
            elif c.place is not None and c.place.country and c.source.country == c.target.country:
                if c.place.country != c.source.country:
                    c.mode = "third-party"   # "the government and the rebels met in Havana"
            elif c.place is not None and c.place.country:
                if c.place.country == c.target.country:
                    c.mode = "visit"
                elif c.place.country == c.source.country:
                    c.mode = "visit"
                    c.source, c.target = c.target, c.source
                    c.notes.append("met on the source's soil: the other side is the visitor")
                else:
                    c.mode = "third-party"
            if c.mode:
                c.notes.append(f"CONSULT mode from place/venue: {c.mode}")

    def _one_sided(self, sent: Sentence, c: Candidate) -> bool:
        """C7: acts that need no other party (a hunger strike, a resignation, a curfew, calling up reservists)
        are events of the source's own state when the sentence names no other party for them."""
        if c.source is None or not c.source.country or c.source.country in IGO_LIKE or c.consumed:
            return False
        if c.event_type not in ONE_SIDED_TYPES and not (c.event_type == "REJECT" and c.mode == "yield"):
            return False
        if c.event_type == "RETREAT" and c.mode not in ("resign", None) and not (c.mode == "ceasefire" and any(
                ch.lower_ in words("unilateral_words") for ch in sent.span[c.head_i].children)):
            return False   # "declared a unilateral ceasefire" needs no other party
        if c.event_type == "COERCE" and c.mode not in ("curfew", "censor", "martial-law") and \
                not c.trigger.no_patient:
            return False   # an arrest or a seizure needs its patient; a curfew or a banned march does not
        if c.status not in ("occurred", "planned"):
            return False
        if not self._is_verb_trigger(c) and c.clause_i == c.head_i:
            return False   # a bare event noun ("the protests") is background, not a reported act
        head = sent.span[c.head_i]
        if head.lemma_.lower() in words("standing_programme_nouns") and \
                sent.span[c.clause_i].lemma_.lower() not in set(c.trigger.light_verbs or ()):
            return False   # "condemned its missile programmes": a standing programme, not a move ("expanded it")
        named = {r.country for r in self.ctx.actors.actors_in(sent.index) if r.country and r.country not in IGO_LIKE}
        return named <= {c.source.country}

    def _protest_stopped(self, sent: Sentence, c: Candidate) -> bool:
        """C7: 'police prevented the demonstration', 'the governor banned the march': repression of a protest
        whose people the text does not place abroad is aimed at the state's own protesters."""
        if c.event_type != "COERCE" or c.source is None or not c.source.country or \
                c.source.country in IGO_LIKE or c.consumed or c.status not in ("occurred", "planned"):
            return False
        tok = sent.span[c.head_i]
        objs = [ch for ch in children(tok) if ch.dep_ in ("dobj", "nsubjpass")] if tok.pos_ == "VERB" else []
        return any(any(p.trigger.type == "PROTEST" for p in self.ctx.trig.nouns_for(o.lemma_.lower()))
                   for o in objs)

    def _settlement_at_home(self, sent: Sentence, c: Candidate) -> bool:
        """C7: 'the army recaptured the town of X from the rebels': a settlement the gazetteer lacks, attacked or
        taken by a state's forces in an article that names no other state but an armed group, lies in that state."""
        if c.event_type not in ("ASSAULT", "COERCE") or (c.event_type == "COERCE" and c.mode != "seize") or \
                c.source is None or not c.source.country or c.source.country in IGO_LIKE or c.consumed:
            return False
        tok = sent.span[c.head_i]
        if tok.pos_ != "VERB" or c.status not in ("occurred", "planned"):
            return False
        objs = [ch for ch in children(tok) if ch.dep_ in ("dobj", "nsubjpass")]
        if not any(o.lemma_.lower() in words("settlement_nouns") for o in objs):
            return False
        states = [k for k in self.ctx.actors.country_counts if k not in IGO_LIKE]
        if states != [c.source.country]:
            return False
        # a war at home has a party at home: rebels, militants, gangs named in the article so far
        return any(r.sent <= sent.index and r.actor.sector == "REB" and r.country in (None, c.source.country)
                   for r in self.ctx.actors.history)

    def _detainee_at_home(self, sent: Sentence, c: Candidate) -> bool:
        """C7: 'arrested two reporters', 'the detention of the activist X': people detained by a state whose
        nationality the text does not give are that state's own (an arrest of foreigners names them)."""
        held = (c.event_type == "COERCE" and c.mode == "arrest") or (c.event_type == "ASSAULT" and c.mode in (
            "execute", "torture")) or (   # "executed a man convicted of spying": a prisoner of the state
            c.event_type == "SANCTION" and c.mode == "convict")   # "sentenced the blogger X to five years"
        if not held or c.source is None or not c.source.country or \
                c.source.country in IGO_LIKE or c.consumed or not c.trigger_i:
            return False
        tok = sent.span[c.trigger_i[0]]
        if tok.pos_ == "VERB":
            pats = [ch for ch in children(tok) if ch.dep_ in ("dobj", "nsubjpass")]
        else:
            # "the detention of X", and "the detention by the police of X" (the parser hangs 'of' on the agent)
            heads = [tok, *[a for ch in children(tok) if ch.dep_ == "prep" and ch.lower_ == "by"
                            for a in [pobj(ch)] if a is not None]]
            pats = [p for h in heads for ch in children(h) if ch.dep_ == "prep" and ch.lower_ == "of"
                    for p in [pobj(ch)] if p is not None]
        for pat in pats:
            for t in [pat, *[x for x in pat.conjuncts]]:
                if t.ent_type_ == "PERSON" or t.lemma_.lower() in words("person_nouns") or \
                        (t.like_num and t.dep_ == "dobj"):   # "killing two and arresting 30"
                    return True
                if any(ch.dep_ in ("appos", "compound", "flat", "amod") and (ch.ent_type_ == "PERSON" or (
                        ch.pos_ == "NOUN" and ch.lemma_.lower() in words("person_nouns"))) for ch in children(t)):
                    return True   # "the rapper Toomaj Salehi", "the dissident, Ilya Yashin": a named person
        return False

    def _is_verb_trigger(self, c: Candidate) -> bool:
        return c.trigger.verbs != () and c.lemma in {v.split()[0] for v in c.trigger.verbs}


def clause_extent(span: Span, c: Candidate) -> tuple[int, int]:
    toks = [span[i] for i in c.trigger_i]
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]
    for r in (c.source, c.target):
        if r is not None and 0 <= r.token < len(span):
            t = span[r.token]
            starts.append(t.idx)
            ends.append(t.idx + len(t.text))
    base = span.start_char
    return min(starts) - base, max(ends) - base

def _reciprocal(tok: Token) -> bool:
    """Does the act's own phrase name its target as 'each other', 'one another' or 'the other('s)'?"""
    own = [t for ch in children(tok) if ch.dep_ not in ("conj", "cc", "advcl", "parataxis") for t in subtree(ch)]
    for t in own:
        if t.lower_ in ("other", "another") and t.i > tok.i and t.dep_ != "amod" and \
                t.doc[t.i - 1].lower_ in ("each", "one", "the"):
            return True
    return False


def split_coordinated(cands: list[Candidate], gaz: Gazetteer | None = None) -> list[Candidate]:
    """One event per target ("thanked the emir of Qatar and the president of Egypt") and per source
    ("the US and the EU imposed sanctions"); reciprocal fighting ("skirmishes between India and
    Pakistan") is an attack in both directions."""
    from dataclasses import replace as dc_replace

    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        if not c.emitted or c.consumed:
            continue
        for t in c.extra_targets:
            if c.source is not None and t.country != c.source.country and (
                    c.target is None or t.country != c.target.country):   # one event per target state
                k = dc_replace(c, target=t, notes=[*c.notes, f"one of several targets: {t.country}"],
                               extra_targets=[], extra_sources=[], more_pairs=[])
                if gaz is not None and k.event_type == "CONSULT" and k.mode == "visit" and c.place is not None \
                        and c.target is not None and c.place.country == c.target.country and t.country:
                    # "travelled to Nairobi and Kampala": each host's visit takes place in that host's country
                    own = gaz.lookup(t.actor.text)
                    k.place = own if own is not None and own.country == t.country else gaz.country(t.country)
                    k.place_text = t.actor.text
                out.append(k)
        if c.event_type not in ("AGREE", "COOPERATE") or c.with_partner:
            for sref in c.extra_sources:
                if c.target is not None and sref.country != c.target.country:
                    k = dc_replace(c, source=sref, notes=[*c.notes, f"one of several sources: {sref.country}"],
                                   extra_targets=[], extra_sources=[], more_pairs=[])
                    out.append(k)
                if c.with_partner and c.source is not None and sref.country != c.source.country:
                    k = dc_replace(c, target=sref, notes=[*c.notes, f"among the subjects: {sref.country}"],
                                   extra_targets=[], extra_sources=[], more_pairs=[])
                    out.append(k)
        for a, b in c.more_pairs:
            k = dc_replace(c, source=a, target=b, notes=[*c.notes, f"one of the pairs: {a.country}-{b.country}"],
                           extra_targets=[], extra_sources=[], more_pairs=[])
            where = c.place.country if c.place is not None else None
            if k.event_type == "CONSULT" and k.mode in ("third-party", "visit") and where in (a.country, b.country):
                # "Kenya, Uganda and Tanzania met in Arusha": the host's guests visit it
                k.mode = "visit"
                k.source, k.target = (b, a) if where == a.country else (a, b)
            elif k.event_type == "CONSULT" and k.mode == "visit" and where:
                k.mode = "third-party"
            out.append(k)
        if c.source is not None and c.target is not None and (c.reciprocal or
                (c.event_type == "ASSAULT" and c.lemma in words("reciprocal_acts")) or
                (c.event_type == "RETREAT" and c.lemma in words("exchange_words"))):
            k = dc_replace(c, source=c.target, target=c.source,
                           notes=[*c.notes, "reciprocal act (fighting, prisoner exchange): it runs both ways"],
                           extra_targets=[], extra_sources=[])
            out.append(k)
    return out

