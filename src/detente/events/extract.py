"""From a parsed sentence to event candidates: triggers, argument roles, status, time and place.

Every candidate keeps a trail of the decisions that made it (``notes``) so that ``detente explain``
can say why a trigger became an event or not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef, ArticleActors
from ..lexicon import words
from ..record import Actor
from .constructions import derived
from .lexicon import DEFAULT_LIGHT_VERBS, Trigger, TriggerLexicon
from .modality import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Sentence
    from ..resolve.dates import DateResolution
    from ..resolve.places import Gazetteer, Place

DEFAULT_TARGET_PREPS = ("with", "against", "on", "to", "at", "toward", "towards", "into", "upon", "for")
MEASURE_NOUNS = {"day", "days", "round", "rounds", "hour", "hours", "week", "weeks", "series", "flurry", "number",
                 "wave", "barrage", "salvo", "couple", "set", "kind", "type", "string", "spate", "volley", "hundreds",
                 "dozens", "thousands", "lot", "lots"}
VENUE_WORDS = {"summit", "forum", "conference", "meeting", "dialogue", "assembly", "session", "gathering", "talks",
               "convention", "congress", "ministerial", "sidelines", "margins", "meetings", "symposium", "sideline",
               "margin"}
MULTI_IGO = {"UNO", "EUR", "NATO", "ASEAN", "APEC", "G7", "G20", "AU", "ARL", "OPEC", "BRICS", "SCO", "GCC",
             "OSCE", "WTO", "IMF", "WB", "QUAD", "OAS"}
LOC_PREPS = {"in", "at", "near", "off", "over", "inside", "across", "outside", "along", "around", "within",
             "into", "from"}
REQUEST_MODE = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "RETREAT": "yield", "CONCEDE": "yield",
                "AGREE": "change", "SUPPORT": "change"}
QUANTITY_HEADS = {"million", "billion", "trillion", "package", "tranche", "worth", "sum", "amount", "batch",
                  "shipment", "funding", "funds", "total", "hundred", "thousand", "dollars", "euros", "%"}
EXTRA_LIGHT = {"commit", "pledge", "provide", "approve", "authorize", "authorise", "unveil", "send", "offer",
               "grant", "extend", "slap", "order", "initiate", "agree", "renew", "step", "tighten", "expand",
               "respond", "continue", "resume", "escalate", "intensify", "participate", "attend", "join", "lead",
               "chair", "enter", "engage", "open", "conclude", "sign", "seal", "complete", "finalise", "finalize",
               "lodge", "file", "register", "express", "voice", "convey", "deliver"}
RECIPROCAL = {"skirmish", "clash", "fighting", "exchange", "battle", "firefight", "hostility", "confrontation",
              "shootout", "gunfight", "exchanges"}
DYADIC_TYPES = {"SANCTION", "REJECT", "ACCUSE", "THREATEN"}
OWNER_TYPES = {"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "AGREE", "CONCEDE", "COERCE"}
THREAT_MODE: dict[tuple[str, str | None], str] = {
    ("ASSAULT", None): "violence", ("MOBILIZE", None): "violence", ("SANCTION", None): "restrict",
    ("SANCTION", "expel"): "expel", ("SANCTION", "withdraw"): "relations", ("SANCTION", "discontinue"): "restrict",
    ("COERCE", None): "restrict", ("COERCE", "arrest"): "arrest", ("COERCE", "seize"): "territory",
    ("COERCE", "deport"): "expel",
}
ASSIST_WORDS = {"aid", "assistance", "weapon", "arms", "ammunition", "system", "jet", "tank", "missile", "help",
                "funding", "loan", "money", "equipment", "supply", "supplies", "delivery", "deliveries", "support",
                "munition", "shell", "drone", "fighter", "vaccine", "food", "fuel", "credit"}
MEET_WORDS = {"invitation", "invite", "talk", "talks", "meeting", "summit", "visit", "call", "negotiation", "dialogue"}
WEAPON_WORDS = {"missile", "rocket", "icbm", "projectile", "munition", "shell", "warhead", "drone"}
DOMESTIC_SECTORS = {"COP", "CVL", "OPP", "REB", "JUD", "LEG", "MED", "BUS"}
DESCRIBE_VERBS = {"describe", "call", "label", "brand", "characterise", "characterize", "term", "denounce",
                  "portray", "condemn"}
PATIENT_PASSIVE_TYPES = {"COERCE", "ASSAULT", "SANCTION"}
ONE_SIDED_TYPES = {"PROTEST", "RETREAT", "MOBILIZE", "CONCEDE", "COERCE"}
CONFLICT_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION"}
PLACEISH = {"region", "province", "city", "town", "village", "territory", "infrastructure", "grid", "refinery",
            "port", "airport", "base", "facility", "plant", "border", "coast", "waters", "airspace", "capital",
            "district", "area", "oblast", "state", "island", "islands", "soil", "mainland", "north", "south",
            "east", "west", "city centre", "outskirts", "station", "complex", "reactor", "site", "camp"}
AMOD_TYPES = {"SANCTION", "COERCE", "RETREAT", "AID", "MOBILIZE", "ASSAULT"}
PLACE_TARGET_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT", "COERCE", "AID", "SANCTION"}
IGO_LIKE = {"UNO", "EUR", "NATO", "ASEAN", "APEC", "G7", "G20", "AU", "ARL", "OPEC", "ICC", "WTO", "IMF", "WB"}
DOC_HEADS_LIGHT = {"say", "state", "describe", "tell", "claim", "call", "insist", "write", "argue", "accuse",
                   "note", "add", "charge", "condemn", "denounce", "cite", "warn", "allege"}
LIFT_WORDS = {"lift", "ease", "remove", "drop", "end", "withdraw", "scrap", "relax", "loosen", "halt", "stop",
              "release", "free", "return"}
SAY_LEMMAS = {"say", "state", "tell", "report", "announce", "add", "claim", "write", "note", "confirm"}


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


@dataclass
class _Hit:
    i: int                      # sentence-relative index of the head token
    tokens: list[int]
    text: str
    trigger: Trigger
    kind: str                   # verb | noun
    clause: int                 # clause head (the verb governing a noun trigger, or the verb itself)
    light: int | None = None


class SentenceCoder:
    """Finds event candidates in one sentence; holds the per-article resources."""

    def __init__(self, triggers: TriggerLexicon, modality: Modality, actors: ArticleActors,
                 gazetteer: Gazetteer | None, published: date | None) -> None:
        self.trig = triggers
        self.mod = modality
        self.actors = actors
        self.gaz = gazetteer
        self.published = published
        self._un_session = False
        # the counterpart of the last meeting each country held, by sentence: "I met X ... We agreed ..."
        self._met: dict[str, tuple[int, ActorRef]] = {}
        self._event_heads: set[int] = set()
        self._record_frame: Callable[[Token], None] | None = None
        # dated clauses that are not events themselves ("the UN chief told the Council today"), by verb
        self._clause_dates: dict[tuple[int, int], tuple[DateResolution, str]] = {}
        self._places: dict[tuple[int, int], Place | None] = {}
        self.clause_dates = self._clause_dates
        self.frames: list[tuple[int, ActorRef, DateResolution, str]] = []

    # ------------------------------------------------------------------ triggers
    def find_hits(self, sent: Sentence) -> list[_Hit]:
        span = sent.span
        hits: list[_Hit] = []
        for tok in span:
            i = tok.i - span.start
            lemma = tok.lemma_.lower()
            verbish = tok.pos_ in ("VERB",) or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB"))
            if sent.kind == "headline" and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "VERB") and \
                    not self.trig.verbs_for(lemma) and tok.ent_type_ not in ("GPE", "NORP", "PERSON", "ORG"):
                # Title Case headlines: "Secretary-General Urges All Parties", "Russia Threatens ..."
                for guess in _lemma_guesses(tok.lower_):
                    if self.trig.verbs_for(guess) and tok.lower_ != guess:
                        lemma, verbish = guess, True
                        break
            if verbish and tok.dep_ == "amod" and (any(ch.dep_ in ("advmod", "npadvmod") for ch in tok.children)):
                verbish = False   # "internationally recognized borders", "EU-brokered meeting"
            if verbish:
                pats = sorted(self.trig.verbs_for(lemma), key=lambda vp: (-len(vp.rest), not _objects_fit(
                    tok, vp.trigger.objects)))
                for vp in pats:
                    extra = _match_rest(tok, vp.rest)
                    if extra is None:
                        continue
                    if tok.dep_ == "amod" and vp.trigger.type not in AMOD_TYPES:
                        continue
                    if vp.trigger.objects_required and not vp.rest and not _objects_fit(tok, vp.trigger.objects):
                        continue   # a sense filter: "address the issue" is no visit, "launch a campaign" no strike
                    toks = [i, *[t - span.start for t in extra]]
                    text = " ".join(span[k].text for k in sorted(toks))
                    hits.append(_Hit(i, toks, text, vp.trigger, "verb", i))
                    break
            if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "VERB" and tok.tag_ in ("NN", "NNS")):
                if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "LAW",
                                                             "WORK_OF_ART", "PRODUCT"):
                    continue
                npats = self.trig.nouns_for(lemma) or self.trig.nouns_for(tok.lower_)
                npats = sorted(npats, key=lambda p: (-len(p.modifiers), not _objects_fit(tok, p.trigger.objects)))
                for np_ in npats:
                    mods = _match_modifiers(tok, np_.modifiers)
                    if mods is None:
                        continue
                    toks = [i, *[t - span.start for t in mods]]
                    text = " ".join(span[k].text for k in sorted(toks))
                    hi, htok = i, tok
                    if "of" in np_.modifiers and span[min(toks)].dep_ != "pobj":
                        # "state of emergency", "cessation of hostilities": the first noun heads the phrase
                        hi = min(toks)
                        htok = span[hi]
                    clause, light = self._noun_clause(htok, np_.trigger)
                    hits.append(_Hit(hi, toks, text, np_.trigger, "noun",
                                     clause - span.start if clause is not None else hi,
                                     light - span.start if light is not None else None))
                    break
        heads = {h.i for h in hits}
        hits = [h for h in hits if not (h.kind == "noun" and any(t in heads and t != h.i for t in h.tokens))]
        # a light verb governing a noun trigger is not an event of its own ("imposed sanctions")
        lights = {h.light for h in hits if h.kind == "noun" and h.light is not None}
        hits = [h for h in hits if not (h.kind == "verb" and h.i in lights)]
        by_i = {h.i: h for h in hits}
        drop: set[int] = set()
        for h in hits:
            if h.kind != "verb":
                continue
            tok = span[h.i]
            comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.i - span.start in by_i]
            # "refused to lift", "declined to comment": the frame decides, not the refusal verb itself
            if h.trigger.type == "REJECT" and self.mod.matches("refusal", tok) and comps:
                drop.add(h.i)
            # "cancelled a trip", "scrapped planned trip": a cancel cue over an event noun is a frame
            if self.mod.matches("cancel", tok) and objs:
                inner = by_i[objs[0].i - span.start]
                if inner.trigger.type == "CONSULT" or h.trigger.type not in ("SANCTION", "COERCE"):
                    drop.add(h.i)
                else:
                    drop.add(inner.i)
        return [h for h in hits if h.i not in drop]

    def _noun_clause(self, tok: Token, trig: Trigger) -> tuple[int | None, int | None]:
        """The verb a noun trigger hangs from, and whether that verb is a light verb for it."""
        cur = tok
        for _ in range(6):
            head = cur.head
            if head.i == cur.i:
                return None, None
            if cur.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
                cur = head   # "closure of airspace and border crossings": conjuncts share the clause
                continue
            if cur.dep_ == "pobj" and head.dep_ == "prep" and _is_measure(head):
                cur = head.head
                continue
            if cur.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and (
                    _is_quantity(head) or head.lemma_.lower() in words("effort_heads")):
                cur = head   # "$50 million in aid", "a mediation effort", "a peace bid": the event's own phrase
                continue
            if head.pos_ in ("VERB", "AUX") and cur.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj"):
                lights = set(trig.light_verbs or DEFAULT_LIGHT_VERBS) | EXTRA_LIGHT
                lem = head.lemma_.lower()
                # "reimposed a blockade", "reopened talks": the repeated act is still the act
                is_light = (lem in lights or (lem.startswith("re") and lem[2:] in lights)) and \
                    cur.dep_ in ("dobj", "nsubjpass")
                return head.i, (head.i if is_light else None)
            if cur.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB",) and head.lower_ in (
                    "to", "of", "on", "for", "in", "with", "about", "into", "against", "from"):
                return head.head.i, None
            return None, None
        return None, None

    # ------------------------------------------------------------------ candidates
    def code(self, sent: Sentence) -> list[Candidate]:
        span = sent.span
        if sent.kind == "headline" and "security council" in span.text.lower():
            self._un_session = True   # a report on a Council session: UN actions in it happen in New York
        hits = self.find_hits(sent)
        by_token = {h.i: h for h in hits}
        self._event_heads = {h.i for h in hits if h.kind == "noun"}
        cands: list[Candidate] = []
        for h in hits:
            c = self._candidate(sent, h, by_token)
            self._localise(sent, c)
            cands.append(c)
        # a threat or request without its own target aims at its complement's target ("warned they may
        # impose sanctions on Moscow", "urged Moscow to renew")
        for c in cands:
            if c.outer_i is None:
                continue
            outer = next((o for o in cands if o.trigger_i[0] == c.outer_i or c.outer_i in o.trigger_i), None)
            if outer is None:
                continue
            if outer.target is None and c.target is not None and c.target.country and (
                    outer.source is None or outer.source.country != c.target.country or
                    _distinct_sectors(outer.source, c.target)):
                outer.target = c.target
                outer.extra_targets = [*outer.extra_targets, *c.extra_targets]
                outer.notes.append(f"target from its complement '{c.trigger_text}': {c.target.country}")
            if outer.target is None and c.target is None and outer.event_type == "THREATEN" and \
                    c.event_type in ONE_SIDED_TYPES:
                # "threatened to impose a curfew in the capital": a domestic measure threatens the state's own
                scene = self._state_of_scene(sent, span[c.head_i], cities=True, depth=2) or (
                    self._state_of_scene(sent, span[c.clause_i], cities=True) if c.clause_i is not None else [])
                if scene and outer.source is not None and outer.source.country == scene[0].country:
                    outer.target = replace(scene[0], rule="one-sided")
                    outer.notes.append(f"a threatened measure at home aims at home: {scene[0].country}")
            if outer.mode is None and outer.event_type in ("REQUEST", "REJECT"):
                outer.mode = self._refused_mode(c.trigger, span[c.trigger_i[0]])
            if outer.mode is None and outer.event_type == "THREATEN":
                outer.mode = THREAT_MODE.get((c.trigger.type, c.mode), THREAT_MODE.get((c.trigger.type, None)))
                inner_words = {t.lemma_.lower() for t in span[c.head_i].subtree}
                if c.trigger.type == "SANCTION" and inner_words & {"tie", "relation", "diplomatic", "embassy",
                                                                   "ambassador", "relations", "ties"}:
                    outer.mode = "relations"   # "threatened to cut diplomatic ties"
                if outer.mode:
                    outer.notes.append(f"threatened action '{c.trigger_text}' gives mode {outer.mode}")
        # "mobilised reservists for a war against Iraq", "massed troops for an offensive on Kharkiv": a
        # deployment aims at the target of the attack it prepares
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
        self._invitations(sent, cands)
        # one refusal, one REJECT: the innermost refused action gives it ("refused to agree to reschedule a visit")
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
        self._topics(sent, cands)
        self._attach_time(sent, cands)
        self._attach_place(sent, cands)
        # "military exercises encircling Taiwan": a participle of the same kind is part of the noun's event
        for c in cands:
            for o in cands:
                if o is c or o.event_type != c.event_type or o.consumed:
                    continue
                in_pp = len(o.ancestors) >= 2 and o.ancestors[0][1] == "pobj" and o.ancestors[1][0] == c.head_i \
                    and span[o.ancestors[0][0]].lower_ in ("in", "during", "with", "by", "through")
                if in_pp or (
                        o.ancestors and o.ancestors[0][0] == c.head_i and o.ancestors[0][1] in ("acl", "relcl")):
                    # "military exercises encircling Taiwan", "killed three people in a raid"
                    if c.target is None and o.target is not None:
                        c.target = o.target
                    if c.source is None and o.source is not None:
                        c.source = o.source
                    if c.time is None and o.time is not None:
                        c.time, c.time_text = o.time, o.time_text
                    o.consumed, o.emitted, o.reason = True, False, f"part of '{c.trigger_text}'"
        cands.extend(self._characterisations(sent, cands))
        cands.extend(derived(self, sent, cands))
        self._threat_content(sent, cands)
        self._carry_targets(sent, cands)
        self._implicit_targets(cands)
        for c in cands:
            self._finish(sent, c)
        return cands

    def _candidate(self, sent: Sentence, h: _Hit, by_token: dict[int, _Hit]) -> Candidate:
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        c = Candidate(sent.index, sorted(h.tokens), h.text, trig, trig.type, trig.mode, "occurred",
                      rule=trig.entry)
        c.notes.append(f"trigger '{h.text}' -> {trig.type}/{trig.mode or '-'} ({trig.entry})")
        clause_tok = span[h.clause]
        chain = _control_chain(clause_tok)
        if h.kind == "noun" and h.clause != h.i and h.light is None and not _transparent(clause_tok):
            # "declined to comment on the trip": the trip is not what was declined
            chain = [clause_tok]
        c.clause_i = h.clause
        c.head_i, c.lemma = h.i, tok.lemma_.lower()
        c.object_words = {ch.lemma_.lower() for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")} | {
            w.lower() for w in h.text.split()}
        t = tok
        while t.head.i != t.i:
            c.ancestors.append((t.head.i - span.start, t.dep_))
            t = t.head
        if h.kind == "noun" and any(ch.dep_ in ("det", "poss") and ch.lower_ in (
                "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my")
                for ch in tok.children):
            c.notes.append("anaphoric-noun")
        c.anchors = {h.i, *(t.i - span.start for t in chain)}
        # ---- status and frames
        status, frame, notes = self._status(sent, tok, h, chain)
        c.notes.extend(notes)
        c.status = status
        if frame is not None:
            kind, ftok = frame
            if kind == "refusal":
                c.event_type = "REJECT"
                c.mode = self._refused_mode(trig, tok)
                c.rule = f"{trig.entry}+refusal"
                c.trigger_text = f"{ftok.text} ... {h.text}"
                c.notes.append(f"refused by '{ftok.text}': REJECT/{c.mode}")
                c.status = self._own_status(ftok)
                c.anchors.add(ftok.i - span.start)
                c.frame_i = ftok.i - span.start
                c.depth = len(chain)
            elif kind in ("request", "threat"):
                outer = by_token.get(ftok.i - span.start)
                if outer is not None:
                    c.consumed = True
                    c.emitted = False
                    c.outer_i = ftok.i - span.start
                    c.reason = f"complement of the {kind} '{ftok.text}' (gives its mode and target)"
        # ---- arguments
        self._arguments(sent, h, c, chain, frame)
        if c.consumed:
            return c
        # REQUEST/REJECT modes from their complement
        if trig.type in ("REQUEST", "REJECT") and trig.mode is None and c.event_type == trig.type:
            inner = _complement_trigger(tok, by_token, span)
            if inner is not None:
                c.mode = self._refused_mode(inner.trigger, span[inner.i])
                c.notes.append(f"mode from complement '{inner.text}': {c.mode}")
            else:
                # "asked Germany for air defence systems", "declined an invitation"
                words = {t.lemma_.lower() for ch in tok.children if ch.dep_ in ("dobj", "prep", "xcomp", "nsubjpass")
                         for t in ch.subtree}
                if words & MEET_WORDS:
                    c.mode = "meet"
                elif words & ASSIST_WORDS:
                    c.mode = "assist"
        # "was welcomed in Beijing by Xi", "welcomed Lula to Beijing": a welcome at a place is hosting
        if c.event_type == "SUPPORT" and h.kind == "verb" and c.lemma in ("welcome", "greet", "receive"):
            where = next((ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("in", "to", "at")
                          and _pobj(ch) is not None and self._is_place(sent, _pobj(ch))), None)  # type: ignore[arg-type]
            if where is not None and c.source is not None and c.target is not None:
                c.event_type, c.mode = "CONSULT", "visit"
                c.source, c.target = c.target, c.source
                pob = _pobj(where)
                if pob is not None:
                    c.place, c.place_text = self._place(sent, pob), _phrase(pob)
                c.notes.append("welcomed at a place: a visit to the host")
        # "lodged a protest with China": a diplomatic protest is an accusation, not a demonstration
        if trig.type == "PROTEST" and h.kind == "noun" and h.light is not None and \
                span[h.light].lemma_.lower() in ("lodge", "file", "register", "issue", "deliver", "send", "make"):
            c.event_type, c.mode = "ACCUSE", "disapprove"
            c.notes.append(f"a protest '{span[h.light].text}' through channels is an accusation (ACCUSE/disapprove)")
            if c.target is None:
                w = next((ch for ch in span[h.light].children if ch.dep_ == "prep" and ch.lower_ in ("with", "to")),
                         None)
                pob = _pobj(w) if w is not None else None
                refs = self._refs(sent, pob) if pob is not None else []
                if refs:
                    c.target = refs[0]
        # a missile fired over a country or into the sea is a weapons test, not an attack
        if c.event_type == "ASSAULT" and h.kind == "verb" and c.lemma in ("fire", "launch", "test"):
            objs = [ch for ch in tok.children if ch.dep_ == "dobj"]
            weapon = bool(objs) and objs[0].lemma_.lower() in WEAPON_WORDS
            kids = [*tok.children, *(g for o in objs for g in o.children)]
            over = next((ch for ch in kids if ch.dep_ == "prep" and ch.lower_ == "over"), None)
            sea = any(ch.dep_ == "prep" and ch.lower_ in ("into", "off") and any(
                g.lemma_.lower() in ("sea", "water", "waters", "coast", "ocean") for g in ch.subtree)
                for ch in kids)
            if weapon and (over is not None or sea):
                c.event_type, c.mode = "MOBILIZE", "weapons"
                c.notes.append("a missile fired over a country or into the sea: a weapons test (MOBILIZE)")
                pob = _pobj(over) if over is not None else None
                if c.target is None and pob is not None:
                    refs = self._refs(sent, pob)
                    pl = self._place(sent, pob)
                    if refs:
                        c.target = refs[0]
                    elif pl is not None and pl.country:
                        c.target = ActorRef(Actor(text=pl.name, name=pl.name, role=None, country=pl.country,
                                                  sector=None), "country", f"over:{pl.name}", c.sent,
                                            pob.i - span.start)
        # a promise to attack is a threat ("vowed to destroy Hamas")
        if trig.type == "AGREE" and h.kind == "verb" and c.lemma in ("vow", "pledge", "promise", "swear"):
            inner = _complement_trigger(tok, by_token, span)
            if inner is not None and inner.trigger.type in ("ASSAULT", "COERCE", "MOBILIZE"):
                c.event_type = "THREATEN"
                c.mode = THREAT_MODE.get((inner.trigger.type, inner.trigger.mode),
                                         THREAT_MODE.get((inner.trigger.type, None)))
                c.notes.append(f"a vow of '{inner.text}' is a threat")
        return c

    def _threat_content(self, sent: Sentence, cands: list[Candidate]) -> None:
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

    def _characterisations(self, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
        """'what it described as a direct attack launched by Iran', 'citing what they described as pro-Armenian
        statements from France': characterising another side's act is an accusation (rule: describe-as)."""
        span = sent.span
        out: list[Candidate] = []
        trig = self.trig.trigger("accuse.allege.evaluative")
        if trig is None:
            return out
        for v in span:
            if v.pos_ != "VERB" or v.lemma_.lower() not in DESCRIBE_VERBS:
                continue
            as_prep = next((t for t in v.subtree if t.dep_ == "prep" and t.lower_ == "as" and
                            _verb_above(t) is not None and _verb_above(t).i == v.i), None)  # type: ignore[union-attr]
            obj = _pobj(as_prep) if as_prep is not None else None
            if obj is None:   # "what it called hostile statements from France"
                obj = next((t for t in v.children if t.dep_ == "oprd"), None)
            subj = next((t for t in v.children if t.dep_ == "nsubj"), None)
            if obj is None or subj is None:
                continue
            labelled = next((t for t in v.children if t.dep_ == "dobj" and t.lower_ not in ("what", "which")),
                            None) if obj.dep_ == "oprd" else None
            if labelled is not None:
                # "called the Argentine leader a liar": labelling an actor, never a phone call; an
                # accusation only when the label is a charge ("a war criminal", "a terrorist")
                for o in cands:
                    if o.head_i == v.i - span.start:
                        o.consumed, o.emitted, o.reason = True, False, "a label ('called X a Y'), not a call"
                if obj.lemma_.lower() not in words("pejorative_labels"):
                    continue
            speakers = self._refs(sent, subj)
            if not speakers or speakers[0].country is None:
                continue
            inner = next((c for c in cands if c.head_i == obj.i - span.start and c.source is not None), None)
            acted = [inner.source] if inner is not None and inner.source is not None else []
            owners = acted or (self._refs(sent, labelled) if labelled is not None else []) or \
                self._from_owner(sent, obj) or self._from_owner(sent, v) or self._owner(sent, obj, include_of=False)
            owners = [o for o in owners if o.country and o.country != speakers[0].country]
            if not owners:
                continue
            mode = "allege" if inner is not None and inner.trigger.type in CONFLICT_TYPES else "disapprove"
            c = Candidate(sent.index, [v.i - span.start], f"{v.text} ... as {obj.text}", trig, "ACCUSE", mode,
                          self._own_status(v), source=speakers[0], target=owners[0],
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

    def _from_owner(self, sent: Sentence, tok: Token) -> list[ActorRef]:
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ == "from":
                pob = _pobj(ch)
                if pob is not None:
                    return self._refs(sent, pob)
        return []

    def _invitations(self, sent: Sentence, cands: list[Candidate]) -> None:
        """'Xi invited Putin to visit Beijing', 'invited Netanyahu to Washington': the invitee's planned visit
        to the place named, or to the inviter (rule: +invitation)."""
        span = sent.span
        for c in cands:
            if c.lemma != "invite" or span[c.head_i].pos_ != "VERB" or c.consumed or c.source is None:
                continue
            tok = span[c.head_i]
            obj = next((x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")), None)
            guests = self._refs(sent, obj) if obj is not None else []
            if not guests or guests[0].country == c.source.country:
                continue
            place: Place | None = None
            place_tok: Token | None = None
            for x in tok.subtree:
                if x.dep_ == "pobj" and x.head.lower_ in ("to", "in") and self._is_place(sent, x):
                    place, place_tok = self._place(sent, x), x
                    break
                if x.dep_ == "dobj" and x.head.dep_ == "xcomp" and self._is_place(sent, x):
                    place, place_tok = self._place(sent, x), x
                    break
            for o in cands:   # the invited visit itself ("to visit Beijing") is this event
                if o is not c and o.event_type == "CONSULT" and any(i == c.head_i for i, _d in o.ancestors[:2]):
                    o.consumed, o.emitted, o.reason = True, False, "the visit an invitation asks for"
            host = c.source
            if place is not None and place.country and place.country != guests[0].country:
                host = ActorRef(Actor(text=_phrase(place_tok) if place_tok is not None else place.name,
                                      name=place.name, role=None, country=place.country, sector=None),
                                "country", f"destination:{place.name}", c.sent, c.head_i)
            c.event_type, c.mode, c.status = "CONSULT", "visit", "planned"
            c.source, c.target = guests[0], host
            c.place = place or (self.gaz.country(host.country or "") if self.gaz else None)
            c.place_text = _phrase(place_tok) if place_tok is not None else host.actor.text
            c.rule += "+invitation"
            c.notes.append(f"an invitation: {guests[0].country} is to visit {host.country}")

    def _refused_mode(self, trig: Trigger, tok: Token) -> str:
        if trig.type == "REQUEST" and trig.mode:
            return trig.mode   # "rejected an offer of talks" (REQUEST/meet): what was asked for is refused
        if tok.lemma_.lower() in MEET_WORDS:
            return "meet"
        if tok.lemma_.lower() in ASSIST_WORDS:
            return "assist"
        if trig.type == "SANCTION" or trig.type == "COERCE":
            # refusing to lift sanctions / to release: yielding is what was refused
            gov = tok.head if tok.dep_ in ("dobj", "pobj") else tok
            if gov.lemma_.lower() in LIFT_WORDS or tok.lemma_.lower() in LIFT_WORDS:
                return "yield"
            return "change"
        if trig.type == "AGREE":
            # "rejected an offer of talks", "turned down a proposal for aid": the offer's content decides
            inner = [_pobj(ch) for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("of", "for")]
            for p in inner:
                if p is not None and p.lemma_.lower() in MEET_WORDS:
                    return "meet"
                if p is not None and p.lemma_.lower() in ASSIST_WORDS:
                    return "assist"
            return "change"
        return REQUEST_MODE.get(trig.type, "change")

    def _own_status(self, tok: Token) -> str:
        kids = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")}
        if any(self.mod.has("future_aux", k) for k in kids):
            return "planned"
        if any(self.mod.has("hypo_aux", k) for k in kids):
            return "hypothetical"
        return "occurred"

    def _status(self, sent: Sentence, tok: Token, h: _Hit,
                chain: list[Token]) -> tuple[str, tuple[str, Token] | None, list[str]]:
        """Decide the status from the trigger's control chain; return (status, frame, notes)."""
        mod = self.mod
        notes: list[str] = []
        future = hypo = neg = planned = cancelled = False
        frame: tuple[str, Token] | None = None
        under_report = False
        if h.kind == "noun" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in words("effect_verbs"):
            # "Russia's withdrawal from the deal will hurt Egypt": the effect is future, the act is not
            chain = [tok]
            notes.append(f"subject of the effect '{tok.head.text}': its own tense only")
        # nominal modifiers: "a planned trip", "a possible visit", "no talks"
        if h.kind == "noun":
            for ch in tok.children:
                w = ch.lower_
                if ch.dep_ in ("amod", "compound", "nmod") and mod.has("plan_modifier", w):
                    planned = True
                    notes.append(f"'{ch.text}' marks it planned")
                elif ch.dep_ in ("amod",) and mod.has("hypo_modifier", w):
                    hypo = True
                    notes.append(f"'{ch.text}' marks it hypothetical")
                elif ch.dep_ == "det" and w == "no":
                    neg = True
                    notes.append("'no' negates it")
        prev: Token | None = tok if h.kind == "verb" else None
        for v in chain:
            lemma = v.lemma_.lower()
            is_self = v.i == tok.i
            via_conj = prev is not None and prev.dep_ == "conj" and prev.head.i == v.i
            if ((not is_self and prev is not None) or (not is_self and h.kind == "noun")) and not via_conj:
                if mod.matches("cancel", v) and frame is None:
                    cancelled = True
                    notes.append(f"'{v.text}' cancels it")
                elif mod.matches("refusal", v) and frame is None and h.trigger.type not in ("REJECT",):
                    frame = ("refusal", v)
                elif mod.matches("request", v) and frame is None and v.i != tok.i:
                    frame = ("request", v)
                elif mod.matches("threat", v) and frame is None:
                    frame = ("threat", v)
                elif mod.matches("failure_frame", v):
                    neg = True
                    notes.append(f"'{v.text}' to: it did not happen")
                elif mod.matches("attempt_frame", v) and (v.tag_ == "VBD" or (v.tag_ == "VBN" and any(
                        a.dep_ == "aux" and a.lemma_ == "have" for a in v.children))):
                    notes.append(f"a past attempt ('{v.text}') happened")
                elif mod.matches("plan_frame", v) and not mod.has("report", lemma) and v.i != (
                        h.light + sent.span.start if h.light is not None else -1):
                    planned = True
                    notes.append(f"'{v.text}' frames it as planned")
                elif mod.has("plan_frame", lemma) and h.kind == "noun" and lemma in ("arrange", "plan", "schedule"):
                    planned = True
            for ch in v.children:
                w = ch.lower_
                if ch.dep_ in ("aux", "auxpass"):
                    if mod.has("future_aux", w):
                        future = True
                    elif mod.has("hypo_aux", w):
                        hypo = True
                        notes.append(f"modal '{ch.text}'")
                    elif w == "to" and sent.kind in ("headline", "standfirst") and v.dep_ == "ROOT":
                        future = True
                        notes.append("headline 'to' + verb reads as planned")
                elif ch.dep_ == "neg":
                    neg = True
                    notes.append(f"negated by '{ch.text}'")
                elif ch.dep_ == "advcl" and any(m.dep_ == "mark" and mod.has("condition", m.lower_)
                                                 for m in ch.children):
                    hypo = True
                    notes.append("consequent of a condition")
            if any(m.dep_ == "mark" and mod.has("condition", m.lower_) for m in v.children) and v.dep_ == "advcl":
                hypo = True
                notes.append("inside a condition")
            prev = v
        top = chain[-1] if chain else tok
        head = top.head
        if frame is None and top.dep_ == "ccomp" and head.i != top.i and head.pos_ in ("VERB", "NOUN") and \
                mod.matches("request", head) and h.trigger.type not in ("REQUEST",):
            # "demanded that Israel withdraw", "insists that Russia pull out": the content of a demand
            frame = ("request", head)
            notes.append(f"content of the demand '{head.text}'")
        if top.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in words("plan_nouns") and \
                h.kind == "verb":
            # "has plans to visit" is planned; "has no plans to visit", "does not intend ..." is negated
            gov = head.head if head.dep_ in ("dobj", "attr", "nsubj") else None
            if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in head.children) or (
                    gov is not None and any(ch.dep_ == "neg" for ch in gov.children)):
                neg = True
                notes.append(f"'no {head.text}' to: negated")
            else:
                planned = True
                notes.append(f"'{head.text}' to: planned")
        if top.dep_ in ("ccomp",) and head.lemma_.lower() in SAY_LEMMAS | set(mod.words.get("report", ())):
            under_report = True
        if cancelled:
            return "cancelled", frame, notes
        would_report = under_report and any(c.lower_ == "would" for v in chain for c in v.children)
        if neg and (future or would_report) and h.trigger.type == "CONSULT":
            notes.append("will not take part in a planned consultation: cancelled")
            return "cancelled", frame, notes
        if neg and frame is None:
            return "negated", frame, notes
        conditional = any(n.startswith("consequent of a condition") or n == "inside a condition" for n in notes)
        if hypo and conditional and h.trigger.type == "THREATEN" and not any(n.startswith("modal") for n in notes):
            # "threatened to close the border if the attacks go on": an ultimatum is made, its condition is
            # part of what is threatened
            hypo = False
            notes.append("a threat's condition is its content: the threat occurred")
        if hypo:
            if under_report and not conditional and any(c.lower_ == "would" for v in chain for c in v.children):
                notes.append("'would' in reported speech reads as future")
                return "planned", frame, notes
            return "hypothetical", frame, notes
        if future or planned:
            return "planned", frame, notes
        return "occurred", frame, notes

    # ------------------------------------------------------------------ arguments
    def _arguments(self, sent: Sentence, h: _Hit, c: Candidate, chain: list[Token],
                   frame: tuple[str, Token] | None) -> None:
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        srcs: list[ActorRef] = []
        tgts: list[ActorRef] = []
        mod_tgt: list[ActorRef] = []
        dest: Token | None = None
        between: list[ActorRef] = []
        if h.kind == "noun" and trig.evaluative:
            self._evaluative(sent, tok, c)
            return
        if h.kind == "verb":
            subj, obj, agent = _verb_args(tok, chain)
            if subj is None and agent is None:
                lead = self._lead_in_subject(sent)
                if lead is not None:
                    srcs = [lead]
                    c.notes.append(f"subject from the list's lead-in '{lead.actor.text}:'")
                elif obj is not None and obj.dep_ == "nsubjpass" and trig.type in PATIENT_PASSIVE_TYPES:
                    # "two citizens were arrested in Tehran": no agent; the state where it happened acts
                    srcs = [replace(r, actor=replace(r.actor, sector="GOV"))
                            for r in self._state_of_scene(sent, tok, cities=True)]
                    if srcs:
                        c.notes.append(f"agentless passive: the act of the state where it happened, "
                                       f"{srcs[0].country}")
            if agent is not None:
                srcs = self._refs(sent, agent)
                if subj is not None:
                    tgts = self._refs(sent, subj)
            elif subj is not None:
                srcs = self._refs(sent, subj)
            heads = [tok]
            if trig.type == "REQUEST" and not tgts and (obj is None or obj.dep_ == "ccomp"):
                # "demanded that President Museveni step down": the one asked is the subject of the that-clause
                for ch in tok.children:
                    csubj = next((g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass")), None) \
                        if ch.dep_ == "ccomp" else None
                    if csubj is not None:
                        tgts = self._refs(sent, csubj)
                        if tgts:
                            c.notes.append(f"asked: the subject of the that-clause, '{csubj.text}'")
                            break
            if trig.type == "RETREAT" and trig.mode == "access" and not tgts:
                # "allowed aid trucks to enter Gaza", "let refugees cross into Jordan": the place let into
                for ch in tok.children:
                    if ch.dep_ not in ("ccomp", "xcomp"):
                        continue
                    for g in ch.subtree:
                        pl = self._place(sent, g) if g.dep_ in ("dobj", "pobj") else None
                        if pl is not None and pl.country and c.place_target is None:
                            c.place_target = pl
            if trig.type in ("AID", "COOPERATE") and not tgts:
                # "extradited a Russian hacker to the United States", "sent aid to Gaza": the recipient
                to = next((ch for ch in tok.children if ch.dep_ in ("prep", "dative") and ch.lower_ == "to"), None)
                pob = _pobj(to) if to is not None else None
                if pob is not None:
                    rec = self._refs(sent, pob)
                    pl = self._place(sent, pob) if not rec else None
                    if rec:
                        tgts = rec
                    elif pl is not None and pl.country:
                        c.place_target = pl
            if obj is not None and not tgts and trig.type == "CONSULT" and obj.i - span.start in self._event_heads:
                obj = None   # "discussed the EU's sanctions": a topic, not a counterpart
            if obj is not None and not tgts:
                c.place_target = c.place_target or self._place_in(sent, obj) or self._owned_place(sent, obj)
                if trig.destination and self._is_place(sent, obj):
                    dest = obj
                else:
                    tgts = self._refs(sent, obj)
                    if not tgts and obj.pos_ in ("NOUN", "PROPN", "NUM"):
                        heads.append(obj)   # "lift its sanctions on the general"
                        owner = self._owner(sent, obj) if trig.type in OWNER_TYPES else []
                        if owner and trig.symmetric and len({r.country for r in srcs if r.country}) >= 2 and \
                                owner[0].kind == "pronoun":
                            owner = []   # "A and B upgraded their ties": 'their' is the pair itself
                        if owner:
                            tgts = owner
                            c.notes.append(f"target is the owner of '{obj.text}': {owner[0].country}")
                        elif trig.type in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "SANCTION", "RETREAT"):
                            tgts = self._state_of_scene(sent, obj)
                            if tgts:
                                c.notes.append(f"target is the state where '{obj.text}' happened: "
                                               f"{tgts[0].country}")
        else:
            heads = [tok]
            if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in words("effort_heads"):
                heads.append(tok.head)   # "a mediation effort between A and B": the frame's phrases are its own
            poss = [ch for ch in tok.children if ch.dep_ == "poss"]
            mods = [ch for ch in tok.children if ch.dep_ in ("amod", "compound", "nmod") and ch.i < tok.i]
            agent_p = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "by"]
            if not agent_p:
                # "the detention of three reporters by the police": the parser hangs 'by' on the patient
                agent_p = [b for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"
                           for p in [_pobj(ch)] if p is not None
                           for b in p.children if b.dep_ == "prep" and b.lower_ == "by"]
            if poss:
                srcs = self._refs(sent, poss[0])
                if poss[0].lower_ in ("their", "our") and h.clause != h.i:
                    # "South Korea and Japan held their first summit": 'their' is the coordinated subject
                    vs = _verb_args(span[h.clause], [span[h.clause]])[0]
                    both = self._refs(sent, vs) if vs is not None else []
                    if len({r.country for r in both if r.country}) >= 2:
                        srcs = both
            if not srcs and agent_p:
                pob = _pobj(agent_p[0])
                if pob is not None:
                    srcs = self._refs(sent, pob)
            if not srcs and tok.dep_ == "ROOT" and tok.i == span.start:
                lead = self._lead_in_subject(sent)   # a list item the tagger read as a noun ("demands that")
                if lead is not None:
                    srcs = [lead]
                    c.notes.append(f"subject from the list's lead-in '{lead.actor.text}:'")
            if h.clause != h.i:
                v = span[h.clause]
                # only a light or framing verb lends its subject to the event noun ("Blinken made a trip",
                # "Aliyev would skip the meeting"); "I welcome the release of hostages" does not
                lends = h.light is not None or _transparent(v) or v.lemma_.lower() in EXTRA_LIGHT or \
                    self.mod.matches("cancel", v)
                if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "against", "from") and \
                        v.lemma_.lower() in words("response_verbs"):
                    lends = False   # "responded to the threats": the responder did not make them
                vsubj, _vobj, vagent = _verb_args(v, _control_chain(v))
                if not srcs and lends:
                    if vagent is not None:
                        srcs = self._refs(sent, vagent)
                    elif vsubj is not None and vsubj.i != tok.i:
                        srcs = self._refs(sent, vsubj)
                heads.append(v)
            for m in mods:
                mref = self.actors.resolve(sent.index, m.i - span.start)
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
                    _s, aobj, _a = _verb_args(ch, [ch])
                    if aobj is not None and aobj.i != tok.i:
                        tgts = self._refs(sent, aobj)
            if trig.type == "REQUEST" and not tgts:
                # "Japan's call for China to free him": the subject of the for-to clause is asked
                for ch in tok.children:
                    if ch.dep_ in ("acl", "advcl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                    for m in ch.children):
                        fsubj = next((g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                        if fsubj is not None:
                            tgts = self._refs(sent, fsubj)
                            if tgts:
                                c.notes.append(f"asked: the subject of 'for ... to {ch.text}'")
                                break
            ofs = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"]
            if ofs and not tgts:
                pob = _pobj(ofs[0])
                if pob is not None:
                    r = self._refs(sent, pob)
                    if r and srcs:
                        tgts = r
                    elif r and not srcs and trig.type in ("CONSULT",):
                        srcs = r
                    elif r:
                        tgts = r
        # prepositional targets, "between A and B", destinations
        preps = tuple(trig.target_preps or DEFAULT_TARGET_PREPS)
        if trig.type == "PROTEST":
            preps = (*preps, "outside", "near", "in front of", "against", "at")
        if trig.type in ("RETREAT", "SANCTION"):
            preps = (*preps, "from")   # "recalled its ambassador from Turkey", "withdrew from Kherson"
        for hd in heads:
            for ch in hd.children:
                if ch.dep_ not in ("prep", "dative", "agent"):
                    continue
                p = ch.lower_
                pob = _pobj(ch)
                if pob is None:
                    continue
                if p == "between" or p == "among":
                    between = self._refs(sent, pob)
                    continue
                if trig.destination and p in ("to", "in", "for") and self._is_place(sent, pob) and dest is None:
                    dest = pob
                    continue
                in_trigger = ch.i - span.start in c.trigger_i
                if p in preps and not tgts:
                    if p == "in" or (p == "at" and not in_trigger and (
                            not self._is_actorish(sent, pob) or pob.lemma_.lower() in VENUE_WORDS)) or (
                            p in LOC_PREPS and not in_trigger and self._is_place(sent, pob) and
                            not self._is_actorish(sent, pob)):
                        if c.place_target is None and p not in ("in",):
                            c.place_target = self._place_in(sent, pob)
                        continue
                    if p not in ("with",) and c.place_target is None:
                        c.place_target = self._place_in(sent, pob) or self._owned_place(sent, pob)
                    r = self._refs(sent, pob)
                    if not r and pob.pos_ in ("NOUN", "NUM") and trig.type != "RETREAT":
                        # "visa restrictions on 910 individuals, including members of the Russian military"
                        r = self._owner(sent, pob)
                    if r and srcs:
                        r = [_other_side(x, srcs[0].country) for x in r]
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
                    inner = _pobj(ch) if ch.dep_ == "prep" else ch
                    if inner is None or inner.i == tok.i:
                        continue
                    for gch in inner.children:
                        if gch.dep_ == "prep" and gch.lower_ in preps and gch.lower_ not in ("in", "at", "of"):
                            pob = _pobj(gch)
                            r = self._refs(sent, pob) if pob is not None else []
                            if r and srcs:
                                r = [_other_side(x, srcs[0].country) for x in r]
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
                    r = self._refs(sent, csubj) if csubj is not None else []
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
                        pob = _pobj(g)
                        r = self._refs(sent, pob) if pob is not None else []
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
            place = self._place(sent, dest)
            if place is not None:
                c.place, c.place_text = place, _phrase(dest)
                if not tgts and place.country:
                    tgts = [ActorRef(Actor(text=_phrase(dest), name=place.name, role=None, country=place.country,
                                           sector=None), "country", f"destination:{place.name}", sent.index,
                                     dest.i - span.start)]
                    c.notes.append(f"destination '{_phrase(dest)}' gives target {place.country}")
        if trig.reverse:
            srcs, tgts = tgts, srcs
            c.notes.append("host/receive verb: subject is the host (target)")
        # refusals: target of the refused action, or whose action it was ("Blinken's visit")
        if frame is not None and frame[0] == "refusal":
            ftok = frame[1]
            fsubj, _o, fag = _verb_args(ftok, _control_chain(ftok))
            fr = self._refs(sent, fag or fsubj) if (fag or fsubj) is not None else []
            if fr:
                if not tgts and srcs and srcs[0].country != fr[0].country:
                    tgts = srcs
                srcs = fr
        # counterparts and pairs
        srcs = [self._counterpart(r, srcs, tgts, c) for r in srcs]
        tgts = [self._counterpart(r, srcs, tgts, c) for r in tgts]
        c.source = _pick(srcs)
        c.target = _pick(tgts, exclude=c.source.country if c.source else None)
        c.extra_targets = [r for r in tgts if r is not c.target and r.country and
                           r.country != (c.target.country if c.target else None)]
        c.extra_sources = [r for r in srcs if r is not c.source and r.country and
                           r.country != (c.source.country if c.source else None)]

    def _evaluative(self, sent: Sentence, tok: Token, c: Candidate) -> None:
        """'the Israeli aggressions' said by Iran: ACCUSE from the speaker to the act's owner."""
        owner = self._owner(sent, tok, include_of=False)
        span = sent.span
        for i in c.trigger_i:   # "an act of aggression by Israel": the owner hangs on the phrase's head
            if owner:
                break
            if i != tok.i - span.start:
                owner = self._owner(sent, span[i], include_of=False)
        speaker: list[ActorRef] = []
        cur = tok
        for _ in range(10):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in DOC_HEADS_LIGHT:
                subj = [ch for ch in cur.children if ch.dep_ in ("nsubj",)]
                if subj:
                    speaker = self._refs(sent, subj[0])
                    break
        if owner and speaker:
            c.source, c.target = speaker[0], _other_side(owner[0], speaker[0].country)
            c.notes.append(f"evaluative noun: {speaker[0].country} characterises {owner[0].country}'s act")
        else:
            c.notes.append("evaluative noun without a speaker and an owner")

    def _owner(self, sent: Sentence, tok: Token, include_of: bool = True) -> list[ActorRef]:
        """The actor an abstract noun belongs to: possessive, 'by' agent, relative-clause subject,
        nationality modifier, 'including' members, or an 'of' complement."""
        span = sent.span
        order: list[tuple[int, Token | None]] = []
        for ch in tok.children:
            d, low = ch.dep_, ch.lower_
            if d == "poss":
                order.append((0, ch))
            elif d == "prep" and low == "by":
                order.append((1, _pobj(ch)))
            elif d == "prep" and low == "from" and tok.lemma_.lower() in words("message_nouns"):
                order.append((1, _pobj(ch)))   # "an appeal from the president", "a request from Kyiv"
            elif d in ("acl", "relcl"):
                s_, _o, ag = _verb_args(ch, [ch])
                if ag is not None:
                    order.append((1, ag))
                elif s_ is not None and s_.i != tok.i and s_.lower_ not in ("that", "which", "who"):
                    order.append((2, s_))
                for gch in ch.children:     # "the escalation represented by the attack launched by Iran"
                    if gch.dep_ == "agent":
                        inner = _pobj(gch)
                        if inner is not None:
                            for x in inner.children:
                                if x.dep_ == "acl":
                                    _s2, _o2, ag2 = _verb_args(x, [x])
                                    if ag2 is not None:
                                        order.append((1, ag2))
            elif d in ("amod", "compound", "nmod") and ch.i < tok.i:
                order.append((3, ch))
            elif d == "prep" and low in ("including", "among"):
                order.append((4, _pobj(ch)))
            elif d == "prep" and low == "of" and include_of:
                order.append((5, _pobj(ch)))
        for _, t in sorted(((k, t) for k, t in order if t is not None), key=lambda kt: (kt[0], kt[1].i)):
            assert t is not None
            refs = [r for r in self.actors.resolve_all(sent.index, t.i - span.start) if r.country]
            if refs:
                return refs
        return []

    def _one_sided(self, sent: Sentence, c: Candidate) -> bool:
        """C7: acts that need no other party (a hunger strike, a resignation, a curfew, calling up reservists)
        are events of the source's own state when the sentence names no other party for them."""
        if c.source is None or not c.source.country or c.source.country in IGO_LIKE or c.consumed:
            return False
        if c.event_type not in ONE_SIDED_TYPES and not (c.event_type == "REJECT" and c.mode == "yield"):
            return False
        if c.event_type == "RETREAT" and c.mode not in ("resign", None):
            return False
        if c.event_type == "COERCE" and c.mode not in ("curfew", "censor", "martial-law") and \
                c.trigger.id != "coerce.restrict.suppress-protest":
            return False   # an arrest or a seizure needs its patient; a curfew or a banned march does not
        if c.status not in ("occurred", "planned"):
            return False
        if not self._is_verb_trigger(c) and c.clause_i == c.head_i:
            return False   # a bare event noun ("the protests") is background, not a reported act
        named = {r.country for r in self.actors.actors_in(sent.index) if r.country and r.country not in IGO_LIKE}
        return named <= {c.source.country}

    def _detainee_at_home(self, sent: Sentence, c: Candidate) -> bool:
        """C7: 'arrested two reporters', 'the detention of the activist X': people detained by a state whose
        nationality the text does not give are that state's own (an arrest of foreigners names them)."""
        if c.event_type != "COERCE" or c.mode != "arrest" or c.source is None or not c.source.country or \
                c.source.country in IGO_LIKE or c.consumed or not c.trigger_i:
            return False
        tok = sent.span[c.trigger_i[0]]
        if tok.pos_ == "VERB":
            pats = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
        else:
            pats = [p for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"
                    for p in [_pobj(ch)] if p is not None]
        for pat in pats:
            for t in [pat, *[x for x in pat.conjuncts]]:
                if t.ent_type_ == "PERSON" or t.lemma_.lower() in words("person_nouns") or \
                        (t.like_num and t.dep_ == "dobj"):   # "killing two and arresting 30"
                    return True
        return False

    def _lead_in_subject(self, sent: Sentence) -> ActorRef | None:
        """'The European Council: / demands the release ...; / calls on ...': the items of a list that
        open with a verb share the actor named in the lead-in line that ends with a colon."""
        first = sent.span[0] if len(sent.span) else None
        if first is None or not first.text[:1].islower():
            return None
        for k in range(sent.index - 1, max(-1, sent.index - 16), -1):
            prev = self.actors._sentences.get(k)
            if prev is None:
                return None
            text = prev.span.text.strip()
            if text.endswith(":"):
                refs = [r for r in self.actors.actors_in(k) if r.country]
                return refs[0] if refs else None
            if not text[:1].islower():
                return None
        return None

    def _topics(self, sent: Sentence, cands: list[Candidate]) -> None:
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

    def _localise(self, sent: Sentence, c: Candidate) -> None:
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
            named = {r.country for r in self.actors.actors_in(sent.index) if r.country and r.country not in IGO_LIKE}
            if named - {oref.country}:
                continue
            states = [k for k in self.actors.country_counts if k not in IGO_LIKE]
            military = oref.actor.sector == "MIL" and c.event_type in ("ASSAULT", "MOBILIZE")
            if military and states != [oref.country]:
                continue
            setattr(c, side, replace(ref, actor=replace(ref.actor, country=oref.country)))
            c.notes.append(f"{side} '{ref.actor.text}' has no country of its own: {oref.country}'s, a domestic act")

    def _setting_country(self, c: Candidate) -> None:
        """C9: 'the opposition', 'protesters', 'the police' with no country of their own, in an article about one
        state only (international bodies aside), belong to that state; the other side must be coded."""
        states = [k for k in self.actors.country_counts if k not in IGO_LIKE and k not in ("NGO", "ICRC")]
        if len(states) != 1:
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

    def _state_of_scene(self, sent: Sentence, tok: Token, cities: bool = False, depth: int = 1) -> list[ActorRef]:
        """'condemned the coup in Gabon', 'welcomed the vote in Ghana': an act with no owner, placed in a
        country, is that country's own affair; the country (not a city in it, unless ``cities``) is the
        target."""
        for ch in tok.subtree:
            if ch.dep_ == "prep" and ch.lower_ == "in" and _depth_below(ch, tok) <= (depth if cities else 4):
                pob = _pobj(ch)
                pl = self._place(sent, pob) if pob is not None else None
                if pl is not None and pl.country and (pl.kind == "country" or cities) and \
                        pl.country not in IGO_LIKE:
                    return [ActorRef(Actor(text=_phrase(pob) if pob is not None else pl.name, name=pl.name,
                                           role=None, country=pl.country, sector=None),
                                     "country", f"scene:{pl.name}", sent.index,
                                     (pob.i - sent.span.start) if pob is not None else 0)]
        return []

    def _counterpart(self, r: ActorRef, srcs: list[ActorRef], tgts: list[ActorRef], c: Candidate) -> ActorRef:
        if r.kind != "counterpart":
            return r
        other = srcs[0] if srcs and srcs[0] is not r else None
        country = None
        if c.place is not None and other is not None and c.place.country != other.country:
            country = c.place.country
        if country is None and other is not None:
            country = self.actors.other_side(other.country)
        if country is None:
            return r
        c.notes.append(f"'{r.actor.text}' resolved to the other side: {country}")
        return ActorRef(Actor(text=r.actor.text, name=None, role=other.actor.role if other else None,
                              country=country, sector=other.actor.sector if other else None),
                        "counterpart", f"counterpart->{country}", r.sent, r.token, plural=r.plural)

    def _refs(self, sent: Sentence, tok: Token | None) -> list[ActorRef]:
        if tok is None:
            return []
        refs = [r for r in self.actors.resolve_all(sent.index, tok.i - sent.span.start) if r is not None]
        # "the president of Kenya and his Tanzanian counterpart": the parser hangs the second person on the
        # country of the first; a person or counterpart phrase there is the head's conjunct
        for of in (ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"):
            pob = _pobj(of)
            for cj in (pob.conjuncts if pob is not None else ()):
                r = self.actors.resolve(sent.index, cj.i - sent.span.start)
                if r is not None and r.country and (r.kind in ("person", "counterpart") or cj.pos_ == "NOUN") and \
                        r not in refs:
                    refs.append(r)
        return refs

    def _is_actorish(self, sent: Sentence, tok: Token) -> bool:
        r = self.actors.resolve(sent.index, tok.i - sent.span.start)
        return r is not None and r.kind in ("person", "org", "group")

    def _place_in(self, sent: Sentence, tok: Token) -> Place | None:
        """The place a phrase names or sits in: 'Kherson', 'the city of Kherson', 'a school in Gaza',
        'its border with Finland'."""
        p = self._place(sent, tok)
        if p is not None:
            return p
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("of", "in", "near", "with", "outside", "inside"):
                pob = _pobj(ch)
                if pob is None:
                    continue
                if ch.lower_ == "with" and tok.lemma_.lower() not in ("border", "frontier", "boundary"):
                    continue
                p = self._place(sent, pob) or self._owned_place(sent, pob)
                if p is not None:
                    return p
        return None

    def _owned_place(self, sent: Sentence, tok: Token) -> Place | None:
        """'Russia's Krasnodar region', 'Ukraine's energy infrastructure': a place-like noun owned by a state."""
        if self.gaz is None or tok.lemma_.lower() not in PLACEISH:
            return None
        for ch in tok.subtree:
            if ch.dep_ in ("poss", "compound", "amod", "nmod") and ch.i < tok.i:
                r = self.actors.resolve(sent.index, ch.i - sent.span.start)
                if r is not None and r.country and r.country not in IGO_LIKE:
                    return self.gaz.country(r.country)
                p = self.gaz.lookup(ch.text) if ch.pos_ == "PROPN" else None
                if p is not None and p.country:
                    return p   # "the Zaporizhzhia nuclear power plant" (whatever the tagger thought the name was)
        return None

    def _is_place(self, sent: Sentence, tok: Token) -> bool:
        return self._place(sent, tok) is not None

    def _place(self, sent: Sentence, tok: Token) -> Place | None:
        """The gazetteer place a token names (looked up once per token; callers ask repeatedly)."""
        key = (sent.index, tok.i)
        if key not in self._places:
            ref = self.actors.resolve(sent.index, tok.i - sent.span.start) if tok.pos_ == "PROPN" else None
            # the head of an organisation's name is no town ("... Stabilization Mission", "the Alliance")
            in_name = ref is not None and ref.kind == "org" and len(_name_text(tok).split()) > 1
            self._places[key] = None if in_name else self._lookup_place(tok)
        return self._places[key]

    def _lookup_place(self, tok: Token) -> Place | None:
        # prominence decides, not the countries of the actors named: they often meet elsewhere (Geneva)
        if self.gaz is None:
            return None
        if tok.pos_ not in ("PROPN",) and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        if tok.ent_type_ in ("DATE", "TIME", "PERSON", "NORP", "ORDINAL", "CARDINAL", "MONEY"):
            return None   # "in March" is a month, not the town in Cambridgeshire
        text = _name_text(tok)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pob = _pobj(of) if of is not None else None
        if pob is not None and pob.pos_ == "PROPN":
            # "the Sea of Japan", "the Gulf of Aden", "the Strait of Hormuz": the whole name first
            whole = self.gaz.lookup(f"{text} of {_name_text(pob)}")
            if whole is not None:
                return whole
        p = self.gaz.lookup(text)
        if p is None and text.lower().startswith("the "):
            p = self.gaz.lookup(text[4:])
        if p is None and text != tok.text:
            p = self.gaz.lookup(tok.text)
        if (p is None or p.country is None) and tok.pos_ == "PROPN":
            # "Pakistan and Pakistani-administered Kashmir": a country named inside the place phrase
            for ch in tok.children:
                if ch.dep_ in ("nmod", "compound") and ch.pos_ == "PROPN":
                    q = self.gaz.lookup(ch.text)
                    if q is not None and q.country:
                        return q
        return p

    # ------------------------------------------------------------------ time and place
    def _attach_time(self, sent: Sentence, cands: list[Candidate]) -> None:
        from ..resolve.dates import find_time_expressions, resolve_time

        span = sent.span
        text = span.text
        for m in sorted(find_time_expressions(text), key=lambda m: m.kind == "relative-event"):
            toks = [t for t in span if t.idx - span.start_char < m.end and
                    t.idx - span.start_char + len(t.text) > m.start]
            if not toks:
                continue
            idxs = {t.i for t in toks}
            anchor = next((t for t in toks if t.head.i not in idxs or t.head.i == t.i), toks[0])
            self._record_frame = None
            frame_verb: list[Token] = []
            self._record_frame = frame_verb.append
            target = self._climb(anchor, cands, span)
            self._record_frame = None
            if m.kind == "relative-event":
                self._shift(sent, m, anchor, cands)
                continue
            if not target:
                if frame_verb and self.published is not None:
                    res0 = resolve_time(m.text, self.published, "past")
                    if res0.is_resolved():
                        fv = frame_verb[0]
                        self._clause_dates[(sent.index, fv.i - span.start)] = (res0, m.text)
                        subj = next((x for x in fv.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                        ref = self.actors.resolve(sent.index, subj.i - span.start) if subj is not None else None
                        if ref is not None and ref.country:
                            self.frames.append((sent.index, ref, res0, m.text))
                continue
            gov = anchor if anchor.pos_ == "VERB" else _verb_above(anchor)
            for c in target:
                if c.time is not None and c.time.is_resolved():
                    continue
                if c.status == "planned" and gov is not None and gov.tag_ == "VBD" and (
                        gov.i - span.start != c.head_i or c.rule.endswith("+invitation")):
                    # "agreed on Wednesday to a truce": the past frame's date is not the planned act's
                    c.notes.append(f"'{m.text}' dates the past '{gov.text}', not the planned act")
                    for own in cands:   # ...but it is the date of the frame's own act ("agreed")
                        if own.head_i == gov.i - span.start and own.time is None and own.status != "planned":
                            res_own = resolve_time(m.text, self.published, own.tense)  # type: ignore[arg-type]
                            if res_own.kind not in ("since", "duration"):
                                own.time, own.time_text = res_own, m.text
                                own.notes.append(f"time '{m.text}' -> {res_own.start}..{res_own.end}")
                    continue
                tense = "future" if c.status in ("planned",) else c.tense
                res = resolve_time(m.text, self.published, tense)  # type: ignore[arg-type]
                if res.kind in ("since", "duration"):
                    c.notes.append(f"'{m.text}' is a {res.kind}, not the action's date")
                    continue
                c.time = res
                c.time_text = m.text
                c.notes.append(f"time '{m.text}' -> {res.start}..{res.end}")

    def _shift(self, sent: Sentence, m: object, anchor: Token, cands: list[Candidate]) -> None:
        """'A day after Iran launched drones, the UN chief told the Council today': the subordinate action
        is N days before the main clause's date."""
        from ..resolve.dates import DateResolution

        span = sent.span
        text = str(getattr(m, "text", "")).lower()
        words = text.split()
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "hours": 0}.get(words[0]) \
            if words else None
        if n is None or ("after" not in words and "before" not in words):
            return
        if "hours" in words or "hour" in words:
            n = 0
        sub = next((t for t in span if t.dep_ == "mark" and t.lower_ in ("after", "before") and
                    t.idx - span.start_char >= int(getattr(m, "start", 0))), None)
        if sub is None:
            return
        verb = sub.head
        main = verb.head
        known = None
        cur = main
        for _ in range(4):
            known = self._clause_dates.get((sent.index, cur.i - span.start))
            if known is not None or cur.head.i == cur.i:
                break
            cur = cur.head
        if known is None:
            return
        base, base_text = known
        assert base.start is not None
        d = base.start - timedelta(days=n) if "after" in words else base.start + timedelta(days=n)
        for c in cands:
            if verb.i - span.start in c.anchors:
                c.time = DateResolution(text=str(getattr(m, "text", "")), start=d, end=d, granularity="day",
                                        kind="relative-event")
                c.time_text = f"{getattr(m, 'text', '')} ({base_text})"
                c.notes.append(f"'{getattr(m, 'text', '')}' counted from the main clause's '{base_text}': {d}")

    def _climb(self, anchor: Token, cands: list[Candidate], span: Span) -> list[Candidate]:
        """Candidates whose clause the time expression hangs from (through embedded event clauses)."""
        t = anchor
        out: list[Candidate] = []
        for _ in range(14):
            rel = t.i - span.start
            found = [c for c in cands if rel in c.anchors and c not in out]
            if t.i != anchor.i or t.pos_ == "VERB":
                out.extend(found)
            if t.pos_ in ("VERB", "AUX") and t.i != anchor.i and not found and t.dep_ not in ("relcl", "acl", "xcomp"):
                if t.pos_ == "VERB" and self._record_frame is not None:
                    self._record_frame(t)
                break
            if t.head.i == t.i:
                break
            if found and not (t.pos_ == "VERB" and t.dep_ in ("pcomp", "xcomp")):
                break
            t = t.head
        return out

    def _attach_place(self, sent: Sentence, cands: list[Candidate]) -> None:
        span = sent.span
        for c in cands:
            if c.place is not None:
                continue
            found = False
            for a in sorted(c.anchors):
                tok = span[a]
                found = self._place_under(sent, tok, c, depth=0)
                if found:
                    break
            if not found:
                # "signed a treaty in Pyongyang": the place hangs from the object
                others = {o.head_i for o in cands if o is not c and o.head_i not in c.anchors}
                for a in sorted(c.anchors):
                    for ch in span[a].children:
                        if ch.i - span.start in others:
                            continue   # "discussed the war in Gaza": the place is the topic's, not the talks'
                        if ch.dep_ in ("dobj", "nsubjpass") and self._place_under(sent, ch, c, depth=1):
                            found = True
                            break
                    if found:
                        break

    def _place_under(self, sent: Sentence, tok: Token, c: Candidate, depth: int) -> bool:
        for ch in tok.children:
            if ch.dep_ != "prep" or ch.lower_ == "from":
                continue
            pob = _pobj(ch)
            if pob is None:
                continue
            # "on the sidelines of the Brics summit in Johannesburg": venues also hang from on/of
            venue_link = (ch.lower_ == "on" and pob.lemma_.lower() in VENUE_WORDS) or (
                ch.lower_ == "of" and depth >= 1 and tok.lemma_.lower() in VENUE_WORDS)
            if ch.lower_ not in LOC_PREPS and not venue_link:
                continue
            if ch.lower_ == "into" and c.event_type not in ("ASSAULT", "MOBILIZE"):
                continue
            p = self._place(sent, pob)
            if p is not None and not (c.target and c.target.token == pob.i - sent.span.start and
                                      c.event_type not in ("CONSULT",) and p.country is not None):
                phrase = _phrase(pob)
                c.place, c.place_text = p, phrase if p.name.lower() in phrase.lower() else p.name
                c.notes.append(f"place '{_phrase(pob)}' -> {p.name} ({p.country})")
                return True
            low = pob.lemma_.lower()
            if depth < 1 and ch.lower_ in ("in", "during", "at", "outside", "near") and pob.pos_ == "NOUN" and \
                    low not in VENUE_WORDS and self._place_under(sent, pob, c, depth + 1):
                return True   # "killed three people in a raid in Jenin"
            if low in VENUE_WORDS or pob.ent_type_ in ("FAC", "EVENT", "ORG"):
                if self._venue_is_multilateral(sent, pob):
                    c.multilateral_venue = True
                    c.notes.append(f"venue '{_phrase(pob)}' is multilateral")
                if depth < 2 and self._place_under(sent, pob, c, depth + 1):
                    return True
                if self.gaz is not None:
                    vp = self.gaz.lookup(_name_text(pob))
                    if vp is not None:
                        c.place, c.place_text = vp, _phrase(pob)
                        c.notes.append(f"venue '{_phrase(pob)}' -> {vp.name} ({vp.country})")
                        return True
        return False

    def _venue_is_multilateral(self, sent: Sentence, tok: Token) -> bool:
        low = tok.lemma_.lower()
        if low in ("summit", "forum", "conference", "assembly", "dialogue", "congress", "ministerial",
                   "convention", "symposium", "sidelines", "margins", "sideline", "margin"):
            return True
        for ch in tok.subtree:
            r = self.actors.resolve(sent.index, ch.i - sent.span.start) if ch.pos_ == "PROPN" else None
            if r is not None and r.country in MULTI_IGO:
                return True
        return False

    # ------------------------------------------------------------------ implicit targets
    def _is_verb_trigger(self, c: Candidate) -> bool:
        return c.trigger.verbs != () and c.lemma in {v.split()[0] for v in c.trigger.verbs}

    def _carry_targets(self, sent: Sentence, cands: list[Candidate]) -> None:
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

    def _implicit_targets(self, cands: list[Candidate]) -> None:
        """A one-sided act of conflict by one side of the article's dominant dyad is aimed at the other
        ("Pakistan denied any involvement", "which Delhi rejected"); rule: implicit-target:dyad."""
        pair = self.actors.dominant_pair()
        if pair is None:
            return
        for c in cands:
            if c.consumed or c.target is not None or c.source is None or c.source.country not in pair:
                continue
            if c.event_type not in DYADIC_TYPES:
                continue
            if c.clause_i == c.head_i and not self._is_verb_trigger(c):
                continue   # an event noun with no clause of its own ("the results of an investigation")
            other = pair[1] if c.source.country == pair[0] else pair[0]
            c.target = ActorRef(Actor(text="(implicit: the other side of the article's main dyad)", name=None,
                                      role=None, country=other, sector=None), "country", "implicit-target:dyad",
                                c.sent, c.trigger_i[0])
            c.rule += "+implicit-target"
            c.notes.append(f"no target in the text: the other side of the article's dyad, {other}")

    # ------------------------------------------------------------------ finishing
    def _finish(self, sent: Sentence, c: Candidate) -> None:
        span = sent.span
        c.span_start, c.span_end = _clause_extent(span, c)
        if c.event_type in ("ASSAULT", "MOBILIZE") and c.source is not None and \
                c.source.kind in ("country", "metonym") and c.source.actor.sector in (None, "GOV"):
            c.source = replace(c.source, actor=replace(c.source.actor, sector="MIL"))
        if c.consumed:
            return
        if c.event_type in ("ACCUSE", "REJECT") and c.target is not None and \
                c.target.kind in ("country", "metonym") and c.target.actor.sector is None:
            # an accusation or refusal aimed at a state is aimed at its government
            c.target = replace(c.target, actor=replace(c.target.actor, sector="GOV"))
        # a veto with no named target is cast against the Council's text (GOLD-GUIDE: target UNO)
        if c.event_type == "REJECT" and c.lemma == "veto" and (c.target is None or "implicit" in c.target.rule) and \
                self.gaz is not None and (self._un_session or any(
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
        if c.event_type == "ACCUSE" and c.lemma in ("protest", "demonstrate", "rally") and c.source is not None \
                and c.source.plural and c.source.actor.sector in ("CVL", "OPP"):
            # "students protested against the government": a crowd's protest is a demonstration
            c.event_type, c.mode = "PROTEST", "demo"
            c.notes.append("a crowd protesting: PROTEST/demo, not a verbal accusation")
        if c.event_type == "ASSAULT" and c.lemma in words("movement_verbs") and c.source is not None and \
                c.source.actor.sector == "CVL":
            # "refugees crossed into Jordan", "migrants moved into the town": people moving are no invasion
            c.emitted, c.reason = False, "civilians moving across a border are not an attack"
            return
        self._localise(sent, c)
        self._setting_country(c)
        if c.source is None or c.source.country is None:
            c.emitted, c.reason = False, "no identifiable source"
            return
        if (c.target is None or c.target.country is None) and c.event_type in PLACE_TARGET_TYPES:
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
            c.target = ActorRef(Actor(text=f"(detained by {c.source.actor.text})", name=None, role=None,
                                      country=c.source.country, sector="CVL"), "country", "one-sided",
                                c.sent, c.trigger_i[0])
            c.rule += "+detainee"
            c.notes.append(f"the detained have no stated nationality: taken as {c.source.country}'s own")
        if (c.target is None or c.target.country is None) and c.trigger.symmetric and \
                c.source.rule.startswith("pronoun:we") and c.source.country in self._met:
            at, partner = self._met[c.source.country]
            if 1 <= c.sent - at <= 2:
                # "I met the Indonesian minister ... We agreed to ...": 'we' are the two who met
                c.target = partner
                c.notes.append(f"'{c.source.actor.text}' after a meeting: the two who met, with {partner.country}")
        if (c.target is None or c.target.country is None) and self._one_sided(sent, c):
            c.target = ActorRef(Actor(text=f"(domestic: {c.source.actor.text})", name=None, role=None,
                                      country=c.source.country, sector=None), "country", "one-sided",
                                c.sent, c.trigger_i[0])
            c.rule += "+one-sided"
            c.notes.append(f"a one-sided act with no other party: aimed at home, {c.source.country}")
        if c.target is None or c.target.country is None:
            c.emitted, c.reason = False, "no identifiable target"
            return
        sectors = {c.source.actor.sector, c.target.actor.sector}
        non_state = bool(sectors & {"REB", "OPP", "CVL"}) and None in sectors   # rebels against the state
        if c.source.country == c.target.country and c.target.rule != "one-sided" and not non_state and (
                c.source.actor.sector == c.target.actor.sector or None in (c.source.actor.sector,
                                                                           c.target.actor.sector)):
            c.emitted, c.reason = False, "source and target are the same actor"
            return
        if c.trigger.needs_target and c.target is None:
            c.emitted, c.reason = False, "trigger needs a target"
        if c.event_type == "CONSULT" and c.source.country and c.target.country and \
                c.target.country != c.source.country:
            self._met[c.source.country] = (c.sent, c.target)
        if c.place is None and c.event_type == "CONSULT":
            self._default_place(sent, c)
        # CONSULT mode from place and venue
        if c.event_type == "CONSULT" and c.mode is None and not c.multilateral_venue:
            tok = span[c.trigger_i[-1]]
            for ch in tok.subtree:
                if (ch.i < tok.i and ch.dep_ in ("compound", "amod", "npadvmod", "nmod")) or \
                        (ch.head.i == tok.i and ch.dep_ in ("amod", "compound")):
                    r = self.actors.resolve(sent.index, ch.i - span.start) if ch.pos_ in ("PROPN", "NOUN", "ADJ") \
                        else None
                    if r is not None and r.country in MULTI_IGO and r.country not in (
                            c.source.country, c.target.country):
                        c.multilateral_venue = True
                        c.notes.append(f"'{ch.text}' makes it a multilateral meeting")
                        break
        if c.event_type == "CONSULT" and c.mode is None:
            for i in c.anchors:
                for ch in span[i].children:
                    pob = _pobj(ch) if ch.dep_ == "prep" and ch.lower_ in ("by", "over", "via") else None
                    if pob is not None and pob.lemma_.lower() in words("remote_channels"):
                        c.mode = "phone"
                        c.notes.append(f"'{ch.text} {pob.text}': a remote consultation")
        if c.event_type == "CONSULT" and c.mode is None and c.place is None and not c.multilateral_venue and \
                any(span[i].lemma_.lower() == "speak" for i in c.trigger_i):
            c.mode = "phone"
            c.notes.append("'speak with' with no place reads as a call")
        if c.event_type == "CONSULT" and c.mode == "multilateral" and not c.multilateral_venue and \
                c.place is not None and c.source.country not in IGO_LIKE and c.target.country not in IGO_LIKE and \
                c.place.country in (c.source.country, c.target.country):
            # "South Korea and Japan held their first summit in Tokyo": a two-state summit at home is a visit
            c.mode = None
            c.notes.append("a summit of two states in one of them is a visit")
        if c.event_type == "CONSULT" and c.mode is None:
            if c.multilateral_venue:
                c.mode = "multilateral"
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
        if c.place is None and c.event_type != "CONSULT":
            self._default_place(sent, c)
        if c.event_type == "CONSULT" and c.mode == "visit" and c.place is None and self.gaz is not None:
            p = self.gaz.country(c.target.country) if c.target.country else None
            if p is not None:
                c.place, c.place_text = p, c.target.actor.text
                c.notes.append("a visit takes place in the host's country")
        s, e = _clause_extent(span, c)
        c.span_start, c.span_end = s, e

    def _default_place(self, sent: Sentence, c: Candidate) -> None:
        """Where the action happened when no place phrase hangs from its clause (each rule noted)."""
        if self.gaz is None or c.source is None or c.target is None:
            return
        span = sent.span
        # "met ... Pashinyan in Spain", "attack against Iranian premises in Damascus": a place on the target
        if 0 <= c.target.token < len(span):
            ttok = span[c.target.token]
            kids = list(ttok.children)
            kids += [g for k in kids if k.dep_ == "appos" for g in k.children]
            if ttok.dep_ == "appos":   # "his Chinese counterpart Wang Yi in Johannesburg"
                kids += list(ttok.head.children)
            for ch in kids:
                if ch.dep_ == "prep" and ch.lower_ in ("in", "at", "near"):
                    pob = _pobj(ch)
                    if pob is None:
                        continue
                    p = self._place(sent, pob)
                    if p is not None:
                        c.place, c.place_text = p, _phrase(pob)
                        c.notes.append(f"place on the target phrase: {p.name} ({p.country})")
                        return
        t, m = c.event_type, c.mode
        text = span.text.lower()
        if ("UNO" in (c.source.country, c.target.country) or (c.lemma == "veto" and "resolution" in text)) and (
                "council" in text or "general assembly" in text or "resolution" in text or self._un_session):
            p = self.gaz.lookup("UN headquarters")
            if p is not None:
                c.place, c.place_text = p, p.name
                c.notes.append("a UN Security Council or General Assembly action takes place in New York")
                return
        if t == "SANCTION" and (m == "expel" or c.lemma in ("close", "closure", "shut", "closing")):
            p = self.gaz.country(c.source.country or "")
            if p is not None:
                c.place, c.place_text = p, c.source.actor.text
                c.notes.append("expulsions and closures happen on the acting state's territory")
                return
        placeish = 0 <= c.target.token < len(span) and span[c.target.token].lemma_.lower() in PLACEISH
        if t in ("ASSAULT", "MOBILIZE") and (c.target.kind in ("country", "metonym") or placeish) and \
                c.target.country not in IGO_LIKE:
            p = self.gaz.country(c.target.country or "")
            if p is not None:
                c.place, c.place_text = p, c.target.actor.text
                c.notes.append("an attack or deployment against a country takes place on its territory")


# ---------------------------------------------------------------------- parse helpers

def _depth_below(tok: Token, top: Token) -> int:
    """How many arcs lie between ``tok`` and its ancestor ``top`` (a large number when it is not one)."""
    n, cur = 0, tok
    while cur.i != top.i and cur.head.i != cur.i and n < 50:
        cur, n = cur.head, n + 1
    return n if cur.i == top.i else 99


def _distinct_sectors(a: ActorRef, b: ActorRef) -> bool:
    """Two actors of one state but different sectors (government and opposition, police and protesters)."""
    return bool(a.actor.sector and b.actor.sector and a.actor.sector != b.actor.sector)


def _objects_fit(tok: Token, objects: tuple[str, ...]) -> bool:
    """Does the trigger's object or complement name one of ``objects`` ('withdrawal from the treaty')?"""
    if not objects:
        return False
    words = {t.lemma_.lower() for ch in tok.children if ch.dep_ in ("dobj", "prep", "pobj", "attr")
             for t in ch.subtree}
    # "allowed aid trucks to enter Gaza": the object of 'allow' is the subject of its clause
    words |= {t.lemma_.lower() for ch in tok.children if ch.dep_ in ("ccomp", "xcomp")
              for g in ch.children if g.dep_ in ("nsubj", "nsubjpass") for t in g.subtree}
    # "the call for Iran to free them": the for-to clause hangs on the noun as acl, its markers below it
    words |= {m.lower_ for ch in tok.children if ch.dep_ in ("acl", "relcl", "advcl")
              for m in ch.children if m.dep_ in ("mark", "aux")}
    return bool(words & set(objects))


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the parse."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _lemma_guesses(word: str) -> list[str]:
    """Crude verb lemmas for a word the tagger saw as a name ('Urges' -> 'urge', 'Threatens' -> 'threaten')."""
    out: list[str] = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.extend([word[:-1], word[:-2]])
    if word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("ed"):
        out.extend([word[:-1], word[:-2]])
    return out


def _match_rest(tok: Token, rest: tuple[str, ...]) -> list[int] | None:
    """Check that the particles/prepositions of a multi-word verb follow ``tok``; return their indices."""
    if not rest:
        return []
    out: list[int] = []
    doc = tok.doc
    pos = tok.i
    kids = {c.i: c for c in tok.children if c.dep_ in ("prt", "prep", "advmod", "dobj", "dative", "agent") and
            not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME", "ORDINAL") or g.lower_ in ("time", "first")
                                          for g in c.subtree if g.i != c.i))}
    for w in rest:
        found = None
        for k in sorted(kids):
            if k > pos and kids[k].lower_ == w:
                found = k
                break
        if found is None:
            # adjacent token (parser may attach the particle elsewhere)
            nxt = pos + 1
            while nxt < len(doc) and nxt <= tok.i + 4 and doc[nxt].pos_ in ("ADV", "DET", "PRON") and \
                    doc[nxt].lower_ != w:
                nxt += 1
            if nxt < len(doc) and doc[nxt].lower_ == w:
                found = nxt
        if found is None:
            return None
        out.append(found)
        pos = found
    return out


def _match_modifiers(tok: Token, mods: tuple[str, ...]) -> list[int] | None:
    if not mods:
        return []
    doc = tok.doc
    out: list[int] = []
    k = tok.i - 1
    for w in reversed(mods):
        while k >= 0 and doc[k].is_punct and doc[k].text == "-":
            k -= 1
        if k < 0 or (doc[k].lower_ != w and doc[k].lemma_.lower() != w):
            return None
        out.append(k)
        k -= 1
    return out


def _control_chain(tok: Token) -> list[Token]:
    """The trigger's verb and the verbs that control it: 'is expected to visit' -> [visit, expected]."""
    chain = [tok]
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        if dep in ("xcomp",) or (dep == "conj" and head.pos_ in ("VERB", "AUX") and cur.pos_ in ("VERB",)):
            if dep == "conj":
                # conjuncts share the first verb's auxiliaries ("will meet and sign")
                pass
            chain.append(head)
            cur = head
            continue
        if dep in ("dobj", "nsubjpass") and cur.pos_ in ("NOUN", "PROPN") and head.pos_ in ("VERB", "AUX"):
            chain.append(head)
            cur = head
            if not _transparent(head) and len(chain) > 1 and chain[0].pos_ != "VERB":
                break
            continue
        if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB",) and \
                head.lower_ in ("to", "of", "on", "for", "in", "from", "out"):
            chain.append(head.head)
            cur = head.head
            if not _transparent(cur):
                break
            continue
        if dep == "pobj" and head.dep_ == "prep" and _is_measure(head):
            cur = head.head
            continue
        if dep == "conj" and cur.pos_ in ("NOUN", "PROPN") and head.pos_ in ("NOUN", "PROPN"):
            cur = head
            continue
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "ADJ"):
            chain.append(head.head)
            cur = head.head
            continue
        if dep == "acomp" or (dep == "xcomp" and head.pos_ == "ADJ"):
            chain.append(head)
            cur = head
            continue
        if cur.pos_ == "VERB" and dep == "xcomp" and head.pos_ == "ADJ":
            chain.append(head)
            cur = head
            continue
        if dep == "xcomp" or (cur.pos_ in ("VERB",) and dep in ("acomp",)):
            chain.append(head)
            cur = head
            continue
        break
    # "is due/likely/set to visit": the adjective's copula
    return chain


TRANSPARENT = {"hold", "have", "make", "conduct", "carry", "launch", "stage", "impose", "announce", "sign", "reach",
               "begin", "start", "mount", "undertake", "pay", "issue", "arrange", "plan", "schedule", "reschedule",
               "resume", "postpone", "cancel", "scrap", "delay", "call", "skip", "agree", "propose", "seek", "want",
               "expect", "prepare", "organise", "organize", "host", "attend", "join", "confirm", "continue",
               "complete", "finalise", "finalize", "set", "keep", "pursue", "discuss", "approve", "authorize",
               "authorise", "order", "refuse", "decline", "reject", "veto", "lift", "ease", "extend", "renew",
               "shelve", "abandon", "drop", "suspend", "halt", "freeze", "end", "try", "attempt", "offer", "accept"}


def _is_quantity(tok: Token) -> bool:
    return tok.lower_ in QUANTITY_HEADS or tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") or \
        tok.like_num or tok.text == "$"


def _is_measure(prep: Token) -> bool:
    """'two days OF talks', '$820 million IN assistance', 'a flurry OF contacts'."""
    head = prep.head
    if prep.lower_ == "of":
        return head.lower_ in MEASURE_NOUNS or _is_quantity(head)
    if prep.lower_ == "in":
        return _is_quantity(head)
    return False


def _transparent(tok: Token) -> bool:
    """Verbs through which a noun trigger's status and frame are read ("arrange a call", "cancel a trip")."""
    return tok.lemma_.lower() in TRANSPARENT


def _verb_args(tok: Token, chain: list[Token]) -> tuple[Token | None, Token | None, Token | None]:
    """Logical subject, object and passive agent of a verb, inherited along control and coordination."""
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and \
            not any(ch.dep_ in ("advmod", "npadvmod") for ch in tok.children):
        # "recalled its staff, suspended visa services": a participle the parser hung on its object
        noun = tok.head
        gov = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        gsubj = _verb_args(gov, [gov])[0] if gov is not None and gov.i != noun.i else None
        return gsubj, noun, None
    subj = obj = agent = None
    passive = False
    for ch in tok.children:
        if ch.dep_ in ("nsubj",) and subj is None:
            subj = ch
        elif ch.dep_ == "nsubjpass" and subj is None:
            subj = ch
            passive = True
        elif ch.dep_ in ("dobj", "dative") and obj is None and ch.lower_ not in ("that", "which"):
            obj = ch
        elif ch.dep_ == "agent" and (tok.tag_ == "VBN" or passive):
            agent = _pobj(ch)   # "talked by phone" is no passive: only a participle has an agent
    if subj is not None and subj.lower_ in words("relative_pronouns") and tok.dep_ == "relcl" and \
            tok.head.i != tok.i:
        subj = tok.head   # "the minister, who urged ...", "a statement that condemned ...": the antecedent
    if subj is None:
        # parser quirk: "Egypt and Qatar are mediating" hangs the subject on the auxiliary
        for aux in tok.children:
            if aux.dep_ in ("aux", "auxpass"):
                subj = next((g for g in aux.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    passive = subj.dep_ == "nsubjpass"
                    break
    if subj is None:
        cur = tok
        for _ in range(6):
            head = cur.head
            if head.i == cur.i:
                break
            if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp") or (cur.dep_ == "pobj" and head.dep_ == "prep"):
                nxt = head if head.pos_ in ("VERB", "AUX", "ADJ") else head.head
                for ch in nxt.children:
                    if ch.dep_ in ("nsubj", "nsubjpass"):
                        subj = ch
                        break
                # object control: "urged X to withdraw", "accused X of sailing", "blamed X for firing"
                if cur.dep_ == "xcomp" or (cur.dep_ == "pcomp" and head.lower_ in ("of", "for")):
                    objs = [ch for ch in nxt.children if ch.dep_ in ("dobj",)]
                    if objs:
                        subj = objs[0]
                if subj is not None:
                    break
                cur = nxt
                continue
            if cur.dep_ == "acl" and cur.tag_ == "VB" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj"):
                # "is taking action to impose", "took steps to deliver": the subject of the light verb
                gov = head.head if head.dep_ == "dobj" else head.head.head
                for ch in gov.children:
                    if ch.dep_ in ("nsubj", "nsubjpass"):
                        subj = ch
                        break
                break
            if cur.dep_ in ("relcl", "acl"):
                if cur.tag_ == "VBN" and cur.dep_ == "acl":
                    # "an attack launched by Iran": the noun is the object
                    obj = obj or head
                else:
                    subj = head
                break
            break
    if passive and agent is None:
        # passive without agent: the surface subject is the object
        return None, subj, None
    if passive:
        return subj, None, agent if agent is not None else None
    return subj, obj, agent


def _complement_trigger(tok: Token, by_token: dict[int, _Hit], span: Span) -> _Hit | None:
    for ch in tok.subtree:
        if ch.i == tok.i:
            continue
        h = by_token.get(ch.i - span.start)
        if (h is not None and ch.dep_ in ("xcomp", "dobj", "pobj", "ccomp", "conj")) or \
                (h is not None and ch.head.dep_ in ("xcomp",)):
            return h
    return None


def _pobj(prep: Token) -> Token | None:
    for ch in prep.children:
        if ch.dep_ in ("pobj", "pcomp"):
            return ch
    return None


def _other_side(r: ActorRef, exclude: str | None) -> ActorRef:
    """For an anaphor pointing at the excluded side, its next antecedent on another side."""
    if r.country == exclude and r.alternatives:
        return next((a for a in r.alternatives if a.country != exclude), r)
    return r


def _pick(refs: list[ActorRef], exclude: str | None = None) -> ActorRef | None:
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


def _phrase(tok: Token) -> str:
    left = min((t.i for t in tok.subtree if t.dep_ in ("compound", "det", "amod", "nmod", "poss") or t.i == tok.i),
               default=tok.i)
    return tok.doc[left:tok.i + 1].text


def _name_text(tok: Token) -> str:
    toks = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod") and t.pos_ in ("PROPN", "NOUN", "ADJ")]
    start = min([t.i for t in toks] + [tok.i])
    right = tok.i
    for t in tok.rights:
        if t.dep_ in ("flat",):
            right = max(right, t.i)
    return tok.doc[start:right + 1].text


def _clause_extent(span: Span, c: Candidate) -> tuple[int, int]:
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


def split_coordinated(cands: list[Candidate]) -> list[Candidate]:
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
            if c.source is not None and t.country != c.source.country:
                k = dc_replace(c, target=t, notes=[*c.notes, f"one of several targets: {t.country}"],
                               extra_targets=[], extra_sources=[])
                out.append(k)
        if c.event_type not in ("AGREE", "COOPERATE"):
            for sref in c.extra_sources:
                if c.target is not None and sref.country != c.target.country:
                    k = dc_replace(c, source=sref, notes=[*c.notes, f"one of several sources: {sref.country}"],
                                   extra_targets=[], extra_sources=[])
                    out.append(k)
        if c.source is not None and c.target is not None and (
                (c.event_type == "ASSAULT" and c.lemma in RECIPROCAL) or
                (c.event_type == "RETREAT" and c.lemma in ("exchange", "swap", "trade"))):
            k = dc_replace(c, source=c.target, target=c.source,
                           notes=[*c.notes, "reciprocal act (fighting, prisoner exchange): it runs both ways"],
                           extra_targets=[], extra_sources=[])
            out.append(k)
    return out
