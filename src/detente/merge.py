"""One event per action per article: merging mentions of the same action into one record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actors.recognize import ActorRef
from .record import Actor, DateSpan, Event, Location, Mention, event_id

if TYPE_CHECKING:
    from .events.candidate import Candidate
    from .events.lexicon import TriggerLexicon
    from .nlp import Sentence

SYMMETRIC_TYPES = {"AGREE", "COOPERATE"}
ELSEWHERE = {"third-party", "multilateral"}   # a summit abroad is a third-party meeting too; multilateral wins
SYMMETRIC_CONSULT = {"third-party", "multilateral", "phone", None}
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "season": 4, "year": 5, None: 9}
PLANNED_PLOVER = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
SECTOR_CONTEXT = {"MIL": "military", "SPY": "intelligence", "JUD": "legal", "COP": "legal", "LEG": "legislative",
                  "REB": "military", "BUS": "economic"}
ECON_WORDS = ("commerce", "trade", "econom", "finance", "treasury", "export", "tariff", "investment")


def _symmetric(c: Candidate) -> bool:
    if c.event_type in SYMMETRIC_TYPES:
        return True
    return c.event_type == "CONSULT" and c.mode in SYMMETRIC_CONSULT


def _side_ok(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Same country and no sector clash ("China refused" (GOV) and "Li Shangfu declined" (MIL) stay two
    actions); an unknown sector matches any."""
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    sa, sb = a.actor.sector, b.actor.sector
    return sa is None or sb is None or sa == sb


def _dates_overlap(a: Candidate, b: Candidate) -> bool:
    ta, tb = a.time, b.time
    if ta is None or tb is None or not ta.is_resolved() or not tb.is_resolved():
        return True
    assert ta.start is not None and ta.end is not None and tb.start is not None and tb.end is not None
    return ta.start <= tb.end and tb.start <= ta.end


def _names_ok(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two named people are two different actors ("Xie Feng arrived" is not "Wang Wentao met")."""
    if a is None or b is None:
        return True
    na, nb = a.actor.name, b.actor.name
    if a.kind not in ("person", "pronoun") or b.kind not in ("person", "pronoun") or not na or not nb:
        return True
    return na == nb


def _same_people(a: Candidate, b: Candidate) -> bool:
    """Both mentions name the same two people, in either order ("X met Y in Rome. X and Y discussed ...")."""
    refs = (a.source, a.target, b.source, b.target)
    if any(r is None or r.kind not in ("person", "pronoun") or not r.actor.name for r in refs):
        return False
    sa, ta, sb, tb = (r.actor.name for r in refs if r is not None)
    return sa != ta and {sa, ta} == {sb, tb}


def _pair_readout(a: Candidate, b: Candidate) -> bool:
    """``b`` is told of "the pair" / "both sides", the two states ``a`` names ("X and Y met in Z. The pair
    also discussed ..."): the readout of that meeting."""
    if a.sent >= b.sent or b.mode is not None or b.source is None or b.target is None or \
            a.source is None or a.target is None:
        return False
    return b.source.kind == b.target.kind == "pair" and \
        {b.source.country, b.target.country} == {a.source.country, a.target.country}


def _dominates(a: Candidate, b: Candidate) -> bool:
    """Is b's trigger inside a's phrase, without a coordination on the way up?"""
    for i, dep in b.ancestors:
        if dep == "conj":
            return False
        if i == a.head_i:
            return True
    return False


def _anaphoric(c: Candidate) -> bool:
    """A definite or possessed event noun refers back to an action already reported ("the trip")."""
    return c.rule.endswith("+anaphoric-noun") or "anaphoric-noun" in c.notes


def compatible(a: Candidate, b: Candidate, summary: frozenset[int] = frozenset()) -> bool:
    """Can ``a`` and ``b`` be two mentions of the same action? ``summary`` holds the sentences (headline,
    standfirst) that sum up the body: a mention there may be worded differently from the body's."""
    if a.event_type != b.event_type or a.status != b.status:
        return False
    if a.sent != b.sent and ("+again" in a.rule or "+again" in b.rule):
        return False   # "the minister was also arrested": another act of the same kind
    if a.mode is not None and b.mode is not None and a.mode != b.mode and {a.mode, b.mode} != ELSEWHERE:
        return False
    headline = a.sent != b.sent and (a.sent in summary or b.sent in summary)
    same_meeting = a.event_type == "CONSULT" and (_same_people(a, b) or _pair_readout(a, b) or _pair_readout(b, a))
    if a.sent != b.sent and a.mode != b.mode and a.trigger.id != b.trigger.id and not headline and \
            not (same_meeting and None in (a.mode, b.mode)):
        # across sentences, a vague mention ("contacts") does not absorb a specific one ("a trip")
        return False
    if a.sent != b.sent and a.trigger.id != b.trigger.id and not (_anaphoric(a) or _anaphoric(b)) and \
            not headline and not same_meeting:
        # across sentences, two different kinds of act ("imposing costs", "designating") stay apart
        # unless one refers back to the other ("the visit", "his trip")
        return False
    # the named people must agree in the orientation the two mentions are matched in: "met Wang Yi ... he also
    # met Li Qiang" are two meetings, though the second's "he" could stand on the first's other side
    straight_names = _names_ok(a.source, b.source) and _names_ok(a.target, b.target)
    swapped_names = _names_ok(a.source, b.target) and _names_ok(a.target, b.source)
    if not (straight_names or swapped_names):
        return False
    if not _dates_overlap(a, b):
        return False
    if a.sent == b.sent and a.head_i != b.head_i and not (_dominates(a, b) or _dominates(b, a)):
        # in one sentence, two triggers are one action only when one sits inside the other's phrase
        # ("met ... in the first Chinese visit to Washington"), not when they are listed side by side
        return False
    straight = straight_names and _side_ok(a.source, b.source) and _side_ok(a.target, b.target)
    if straight:
        return True
    return (_symmetric(a) or _symmetric(b)) and swapped_names and _side_ok(a.source, b.target) and \
        _side_ok(a.target, b.source)


def cluster(cands: Sequence[Candidate], partial: Sequence[Candidate] = (),
            summary: frozenset[int] = frozenset()) -> list[list[Candidate]]:
    """Group emitted candidates into actions; attach one-sided mentions to a unique matching action.
    A headline's or standfirst's mention (``summary``) joins the body's mention of the same act."""
    clusters: list[list[Candidate]] = []
    for c in cands:
        for cl in clusters:
            if all(compatible(x, c, summary) for x in cl):
                cl.append(c)
                break
        else:
            clusters.append([c])
    for cl in clusters:
        _orient(cl)
    for p in partial:
        if p.source is None or p.source.country is None:
            continue
        fits = [cl for cl in clusters if cl[0].event_type == p.event_type and cl[0].status == p.status and
                _side_ok(cl[0].source, p.source) and (p.mode is None or cl[0].mode in (None, p.mode)) and
                all(_dates_overlap(x, p) for x in cl) and
                any(x.trigger.id == p.trigger.id or x.sent == p.sent or _anaphoric(p) for x in cl)]
        if len(fits) == 1:
            p.notes.append("one-sided mention joined to the only matching action")
            p.emitted = True
            p.reason = ""
            fits[0].append(p)
    return clusters


def _orient(cl: list[Candidate]) -> None:
    """Give every mention of one action the direction of its most specific mention ("Biden and Xi to
    meet" follows "Xi will visit San Francisco" when the latter says who travels)."""
    ref = next((c for c in cl if c.mode is not None), cl[0])
    if ref.source is None or ref.target is None:
        return
    for c in cl:
        if c is ref or c.source is None or c.target is None:
            continue
        if c.source.country == ref.target.country and c.target.country == ref.source.country:
            c.source, c.target = c.target, c.source


def _opposition(a: Actor) -> bool:
    return (a.sector or "").lower() in ("reb", "opp")


def _best_actor(refs: Sequence[ActorRef | None]) -> Actor | None:
    good = [r for r in refs if r is not None and r.country]
    if not good:
        return None

    def score(r: ActorRef) -> tuple[int, int, int, int]:
        a = r.actor
        return (int(a.name is not None and r.kind == "person"), int(a.sector is not None), int(a.role is not None),
                -r.sent)

    best = max(good, key=score)
    return best.actor


def _date(cl: Sequence[Candidate]) -> DateSpan | None:
    resolved = [c for c in cl if c.time is not None and c.time.is_resolved()]
    if resolved:
        best = min(resolved, key=lambda c: (GRANULARITY_RANK.get(c.time.granularity if c.time else None, 8),
                                            c.sent))
        t = best.time
        assert t is not None and t.start is not None and t.end is not None
        return DateSpan(text=best.time_text or t.text, start=t.start.isoformat(), end=t.end.isoformat(),
                        granularity=t.granularity)
    # vague words ("recently", "previously") give no date; other unresolved expressions keep their text
    unresolved = [c for c in cl if c.time is not None and c.time.kind not in ("vague", "since", "duration")]
    if unresolved and unresolved[0].time is not None:
        t = unresolved[0].time
        return DateSpan(text=unresolved[0].time_text or t.text, start=None, end=None, granularity=t.granularity)
    return None


def _location(cl: Sequence[Candidate]) -> Location | None:
    for c in cl:
        if c.place is not None:
            p = c.place
            return Location(text=c.place_text or p.name, name=p.name, country=p.country, lat=p.lat, lon=p.lon,
                            geonameid=p.geonameid)
    return None


def plover_type(event_type: str, status: str) -> str | None:
    """The strict PLOVER 2.0 reading of (type, status), EVENTS.md section 5."""
    if status == "occurred":
        return event_type
    if status == "planned":
        return PLANNED_PLOVER.get(event_type, event_type)
    if status == "cancelled":
        return "REJECT"
    return None


def _context(cl: Sequence[Candidate], source: Actor | None, target: Actor | None,
             sentences: Sequence[Sentence]) -> list[str]:
    ctx: list[str] = []
    for c in cl:
        for x in c.trigger.context:
            if x not in ctx:
                ctx.append(x)
    for a in (source, target):
        if a is None:
            continue
        role = (a.role or "").lower()
        if any(w in role for w in ECON_WORDS) and "economic" not in ctx:
            ctx.insert(0, "economic")
        sc = SECTOR_CONTEXT.get(a.sector or "")
        if sc and sc not in ctx:
            ctx.append(sc)
    if not ctx:
        ctx.append("diplomatic")
    return ctx


def build_events(doc_id: str, clusters: Sequence[Sequence[Candidate]], sentences: Sequence[Sentence],
                 lex: TriggerLexicon) -> list[Event]:
    """Turn clusters of mentions into event records (deterministic order: first mention)."""
    events: list[Event] = []
    for cl in sorted(clusters, key=lambda cl: min((c.sent, min(c.trigger_i)) for c in cl)):
        first = cl[0]
        full = [c for c in cl if c.target is not None and c.target.country]
        source = _best_actor([c.source for c in cl])
        target = _best_actor([c.target for c in full])
        if _symmetric(first) and source and target and source.country == target.country and \
                _opposition(source) == _opposition(target) and \
                not any(c.target.rule == "one-sided" for c in full if c.target is not None):
            continue   # one side twice; a government and its armed or political opposition are two parties
        modes = [c.mode for c in cl if c.mode]
        mode = "multilateral" if "multilateral" in modes else (modes[0] if modes else None)
        date = _date(cl)
        location = _location(cl)
        status = first.status
        ptype = plover_type(first.event_type, status)
        xw = lex.crosswalk(first.event_type, mode, status)
        mentions = []
        for c in sorted(cl, key=lambda c: (c.sent, c.span_start)):
            mentions.append(Mention(sentence=c.sent, start=c.span_start, end=c.span_end, trigger=c.trigger_text,
                                    rule=c.rule, text=sentences[c.sent].text))
        attribution = next((c.attribution for c in cl if c.attribution), None)
        conf = max(c.trigger.confidence for c in cl)
        if status != "occurred":
            conf *= 0.9
        if source is not None and source.sector is None:
            conf *= 0.95
        conf = round(min(1.0, conf * (1.0 + 0.03 * (len(cl) - 1))), 3)
        key = "|".join([first.event_type, mode or "", status, (source.country or "") if source else "",
                        (target.country or "") if target else "", (date.start or "") if date else "", str(first.sent),
                        str(min(first.trigger_i))])
        events.append(Event(
            id=event_id(doc_id, key), doc_id=doc_id, event_type=first.event_type, mode=mode, status=status,
            context=_context(cl, source, target, sentences), source=source, target=target, date=date,
            location=location, attribution=attribution, mentions=mentions, plover_type=ptype,
            cameo=xw.cameo if xw else None, quad=xw.quad if xw else None,
            intensity=xw.intensity if xw else None, confidence=conf,
        ))
    return events
