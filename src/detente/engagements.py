"""Engagements: one real-world action reported by several articles, with its lifecycle across them.

An *engagement* groups the event reports (records of ``detente code``, one article each) that describe the
same action — "Blinken's visit to China" — and follows its status from report to report: planned (January)
→ cancelled (3 February) → planned (6 June) → occurred (18–19 June).

Input: records as ``Event.to_dict()`` plus ``"published"`` (ISO date of the article) and ``"article_id"``,
as :meth:`detente.store.Store.event_records` returns them. Output: one dict per engagement::

    {id, event_type, mode, source, target, names, status, first_reported, last_reported,
     date: {start, end}, location: {name, country} | None,
     history: [{status, date: {start, end}, doc_id, published, event_id}], reports}

The matching rule
-----------------
Only reports with status ``occurred``, ``planned`` or ``cancelled`` take part (a hypothetical or negated
action is not a report of one). Every report is placed at its *effective date*, the day its status took
effect: the publication date for a plan; for a held or cancelled action the (end of the) date the article
gives for it when that is earlier than the publication date ("postponed on Friday", "met in May"), else the
publication date. Reports are taken in effective-date order and each one joins the best *compatible*
engagement, or starts a new one. A report is compatible with an engagement when all of these hold:

1. **Dyad and family.** Same source and target countries, and the same *type family*
   (``data/engagements.yaml``: CONSULT visits/meetings are one family, calls another, AGREE a third, every
   other type its own). For symmetric families (meetings, calls, agreements) the dyad is direction-insensitive:
   USA→CHN and CHN→USA are one dyad.
2. **Mode.** Its mode is compatible with every mode the engagement has seen: equal, one of them unknown, or a
   pair the family file declares compatible (third-party ~ multilateral). A visit is not a third-place meeting.
3. **Named principals.** Principals are the named people (actors with a role, or people of the actor
   lexicon) and organisations, each on its country's side; countries and capitals used as actor names do
   not count. If the report shares a principal with the engagement, fine; if it shares none and names a
   different person on a side where the engagement already names one, it is a different engagement (Kritenbrink
   in Beijing on 5 June is not Blinken's visit). Blinken meeting Qin Gang and Blinken meeting Xi share
   Blinken: one visit.
4. **Place.** If both know the country where it happens, the report's must be one of the engagement's
   (Qin Gang's planned visit to Washington is not Blinken's visit to Beijing).
5. **Dates.** The engagement's current *episode* (its reports since the last re-opening) has an interval:
   the held dates if any report says it happened, else the planned dates (the narrowest intervals given,
   see ``best interval`` below). A planned or held report must overlap that interval widened by
   ``tolerance_days`` (3), or have no date, or the engagement have no date yet. A cancellation
   must come after a plan of the engagement was reported (or follow another cancellation) and no later than
   ``tolerance_days`` after the held dates, and within ``reopen_days`` of the engagement's last report.
6. **Re-opening.** A plan or a held report after a cancellation re-opens the same engagement — a new episode,
   whose dates need not match the cancelled ones (a postponed trip gets a new date) — only if it comes within
   ``reopen_days`` (180 days, about six months) of the cancellation and shares a named principal with the
   engagement. Later than that, or unnamed, it is a new engagement.
7. **Evidence for unnamed reports.** If the report or the engagement names nobody, the report must also
   share a place name or a narrow date (both intervals at most ``narrow_days`` = 7 days wide, overlapping):
   "the two sides met on 18 February" joins Munich, "a visit in the coming months" joins nothing.

An engagement with no report for ``reopen_days`` is *closed*: only an undated held report that names one of
its principals and its place still joins it (a later article recalling "Pelosi's visit to Taiwan").

Among compatible engagements the best scoring wins (3 per shared principal, 1 for a shared place name,
1 for a shared narrow date); ties go to the engagement with the most recent report.

A plan reported for a date that had already passed when it was published ("had been due to travel on
5 February", in June) is a recollection: it joins the episode whose dates it fits and does not change the
lifecycle.

Derived fields
--------------
- **history**: every report, in effective-date order.
- **lifecycle** (:func:`lifecycle`): the history's statuses with repeats collapsed; a plan reported after the
  action was held is a further leg of it ("will go on to Shanghai") and does not turn it back to planned.
- **status**: the last lifecycle step — the status of the latest report by publication date, where a report
  that dates its status earlier (a June article recalling February's postponement) counts at that date.
- **date** (best interval): from the held reports if there are any, else from the plans of the last episode;
  the union of the intervals at most 2 days wide (day-precise reports), else the narrowest interval.
  "Blinken met Qin on 18 June", "met Xi on 19 June" and "visited in June" give 18–19 June.
- **location**: the most reported place of the held (else planned) reports, a city before a country.
- **names**: the principals, most reported first. **event_type**/**mode**: the most reported (a mode before
  none). **reports**: how many distinct articles report the engagement.
- **id**: sha1 of the family, the dyad and the event id of the engagement's first report: stable as later
  reports join.

Limits
------
- Two actions of the same family, dyad and principals whose dates are unknown and whose places are unknown
  or the same country are merged (two undated Sullivan–Wang Yi meetings "in Europe").
- Dates chain: a long run of day-precise held reports each within 3 days of the last grows one interval.
- A plan rescheduled by more than ``tolerance_days`` without a reported cancellation becomes a new engagement.
- Principals are only as good as actor resolution: a person the coder did not resolve to a name is unnamed,
  and a person coded on the wrong side hides a conflict.
- Places compare by country only: two cities of one country are compatible.
- Matching is greedy in effective-date order; it does not revisit earlier choices.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError, LexiconError
from .lexicon import Entry, data_path, is_bool, is_str, read_entries, validate
from .record import EVENT_TYPES

FAMILIES_FILE = "engagements.yaml"
STATUSES_USED = ("planned", "cancelled", "occurred")
#: order of statuses reported on the same effective date: a plan precedes its cancellation or its holding
_RANK = {"planned": 0, "cancelled": 1, "occurred": 2}


@dataclass(frozen=True)
class Settings:
    """The windows of the matching rule, in days (see the module docstring)."""

    tolerance_days: int = 3
    reopen_days: int = 180
    narrow_days: int = 7


@dataclass(frozen=True)
class Family:
    """A group of (type, mode) pairs that can report the same action."""

    name: str
    types: frozenset[str]
    modes: frozenset[str | None] | None  # None = every mode
    symmetric: bool = False
    compatible: frozenset[frozenset[str]] = frozenset()

    def modes_compatible(self, a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b or frozenset((a, b)) in self.compatible


# ------------------------------------------------------------------------------------------ family file


def _plover_modes() -> dict[str, frozenset[str]]:
    return {str(e["type"]): frozenset(e.get("modes") or []) for e in read_entries(data_path("plover.yaml"))}


def _type_list(v: Any) -> str | None:
    if isinstance(v, list) and v and all(x in EVENT_TYPES for x in v):
        return None
    return f"must be a non-empty list of PLOVER types ({', '.join(EVENT_TYPES)})"


def _mode_list(v: Any) -> str | None:
    if isinstance(v, list) and v and all(x is None or (isinstance(x, str) and x.strip()) for x in v):
        return None
    return "must be a non-empty list of modes (strings or null)"


def _pairs(v: Any) -> str | None:
    if isinstance(v, list) and all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                                   and p[0] != p[1] for p in v):
        return None
    return "must be a list of pairs of two different modes"


@lru_cache(maxsize=4)
def load_families(path: str | None = None) -> tuple[Family, ...]:
    """The families of ``data/engagements.yaml`` (or ``path``), validated; bad entries by file and line."""
    p = Path(path) if path is not None else data_path(FAMILIES_FILE)
    known_modes = _plover_modes()
    owner: dict[tuple[str, str | None], str] = {}

    def extra(e: Entry) -> Iterable[str]:
        types = e.get("types")
        if _type_list(types) is not None:
            return
        allowed: set[str | None] = {None}
        for t in types:
            allowed |= known_modes.get(t, frozenset())
        modes = e.get("modes")
        if modes is not None and _mode_list(modes) is None:
            for m in modes:
                if m not in allowed:
                    yield f"mode {m!r} is not a mode of {', '.join(types)}"
        for pair in e.get("compatible") or []:
            if _pairs([pair]) is None:
                for m in pair:
                    if m not in allowed:
                        yield f"compatible mode {m!r} is not a mode of {', '.join(types)}"
        listed = modes if modes is not None and _mode_list(modes) is None else sorted(allowed, key=str)
        for t in types:
            for m in listed:
                if m is not None and m not in known_modes.get(t, frozenset()):
                    continue
                if (t, m) in owner:
                    yield f"({t}, {m}) is already in family {owner[(t, m)]!r}"
                else:
                    owner[(t, m)] = str(e["family"])

    entries = validate(read_entries(p), {"family": is_str, "types": _type_list},
                       {"modes": _mode_list, "symmetric": is_bool, "compatible": _pairs, "note": is_str},
                       extra=extra, unique="family")
    return tuple(
        Family(name=str(e["family"]), types=frozenset(e["types"]),
               modes=frozenset(e["modes"]) if e.get("modes") is not None else None,
               symmetric=bool(e.get("symmetric", False)),
               compatible=frozenset(frozenset(pair) for pair in e.get("compatible") or []))
        for e in entries)


def family_of(event_type: str, mode: str | None, families: Sequence[Family]) -> Family:
    """The family of (type, mode): the listed one, else the type's own directed family."""
    for f in families:
        if event_type in f.types and (f.modes is None or mode in f.modes):
            return f
    return Family(name=event_type, types=frozenset({event_type}), modes=None)


# ------------------------------------------------------------------------------------------ reports


def day_of(v: Any) -> date | None:
    """The day an ISO date or timestamp value starts with, or None ('2023-06-18', '2023-06-18T00:00')."""
    if not v:
        return None
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _principal_kind(actor: Mapping[str, Any]) -> str | None:
    """'person' or 'org' for a named principal; None for a country, a capital or an unnamed actor."""
    name = actor.get("name")
    if not name:
        return None
    if actor.get("role"):
        return "person"
    return _lexicon_kind(str(name))


@lru_cache(maxsize=4096)
def _lexicon_kind(name: str) -> str | None:
    from .actors.lexicon import load_actor_lexicon

    info = load_actor_lexicon().lookup_name(name)
    if info is not None and info.kind in ("person", "org"):
        return info.kind
    return None


@dataclass
class _Report:
    rec: dict[str, Any]
    event_id: str
    doc_id: str
    published: date
    status: str
    event_type: str
    mode: str | None
    family: Family
    source: str | None
    target: str | None
    key: tuple[str, str, str]
    persons: frozenset[tuple[str, str]]
    orgs: frozenset[tuple[str, str]]
    start: date | None
    end: date | None
    loc_name: str | None
    loc_country: str | None
    effective: date
    recollection: bool = False

    names: tuple[str, ...] = ()

    @property
    def principals(self) -> frozenset[tuple[str, str]]:
        return self.persons | self.orgs


def _report(rec: dict[str, Any], families: Sequence[Family], tol: int) -> _Report | None:
    status = rec.get("status")
    etype = rec.get("event_type")
    published = day_of(rec.get("published"))
    if status not in STATUSES_USED or not isinstance(etype, str) or published is None:
        return None
    mode = rec.get("mode")
    fam = family_of(etype, mode, families)
    src = rec.get("source") or {}
    tgt = rec.get("target") or {}
    s_c, t_c = src.get("country"), tgt.get("country")
    a, b = str(s_c or ""), str(t_c or "")
    if fam.symmetric and b < a:
        a, b = b, a
    persons: set[tuple[str, str]] = set()
    orgs: set[tuple[str, str]] = set()
    names: list[str] = []
    for actor in (src, tgt):
        kind = _principal_kind(actor)
        if kind is not None:
            names.append(str(actor["name"]))
        if kind == "person":
            persons.add((str(actor.get("country") or ""), str(actor["name"])))
        elif kind == "org":
            orgs.add((str(actor.get("country") or ""), str(actor["name"])))
    d = rec.get("date") or {}
    start, end = day_of(d.get("start")), day_of(d.get("end"))
    if start is None and end is not None:
        start = end
    if end is None and start is not None:
        end = start
    if start is not None and end is not None and end < start:
        start, end = end, start
    loc = rec.get("location") or {}
    effective = published if status == "planned" or end is None else min(end, published)
    return _Report(
        rec=rec, event_id=str(rec.get("id") or ""), doc_id=str(rec.get("doc_id") or ""), published=published,
        status=str(status), event_type=etype, mode=mode, family=fam, source=s_c, target=t_c,
        key=(fam.name, a, b), persons=frozenset(persons), orgs=frozenset(orgs), start=start, end=end,
        loc_name=loc.get("name"), loc_country=loc.get("country"), effective=effective,
        recollection=is_recollection(str(status), end, published, tol), names=tuple(names))


def _width(r: _Report) -> int:
    assert r.start is not None and r.end is not None
    return (r.end - r.start).days


def best_interval(reports: Sequence[_Report]) -> tuple[date, date] | None:
    """The union of the day-precise intervals (at most 2 days wide) of ``reports``, else the narrowest one."""
    dated = [r for r in reports if r.start is not None and r.end is not None]
    if not dated:
        return None
    precise = [r for r in dated if _width(r) <= 2]
    if precise:
        return min(r.start for r in precise if r.start), max(r.end for r in precise if r.end)
    narrow = min(dated, key=lambda r: (_width(r), r.effective))
    assert narrow.start is not None and narrow.end is not None
    return narrow.start, narrow.end


def _overlaps(a: tuple[date, date], b: tuple[date, date], slack: int = 0) -> bool:
    pad = timedelta(days=slack)
    return a[0] <= b[1] + pad and b[0] <= a[1] + pad


# ------------------------------------------------------------------------------------------ engagements


class _Engagement:
    """An engagement being built, with its aggregates kept up to date as reports join."""

    def __init__(self, family: Family, key: tuple[str, str, str]) -> None:
        self.family = family
        self.key = key
        self.reports: list[_Report] = []
        self.episodes: list[list[_Report]] = [[]]
        self.principals: set[tuple[str, str]] = set()
        self.person_sides: set[str] = set()
        self.modes: set[str] = set()
        self.loc_countries: set[str] = set()
        self.loc_names: set[str] = set()
        self.steps: list[str] = []
        self.last_effective = date.min
        self.first_plan: date | None = None  # publication date of the first plan
        self.last_cancel: date | None = None  # effective date of the last cancellation
        self.held: tuple[date, date] | None = None  # best interval of every held report
        self.current: tuple[date, date] | None = None  # interval of the current episode

    @property
    def episode(self) -> list[_Report]:
        return self.episodes[-1]

    def phase(self) -> str:
        return self.steps[-1] if self.steps else "planned"

    def add(self, r: _Report, reopen: bool) -> None:
        if reopen:
            self.episodes.append([])
        self.reports.append(r)
        self.episode.append(r)
        self.principals |= r.principals
        self.person_sides |= {c for c, _ in r.persons}
        if r.mode is not None:
            self.modes.add(r.mode)
        if r.loc_country:
            self.loc_countries.add(r.loc_country)
        if r.loc_name:
            self.loc_names.add(r.loc_name)
        if not r.recollection:
            self.steps = lifecycle([*self.steps, r.status])
        self.last_effective = max(self.last_effective, r.effective)
        if r.status == "planned":
            self.first_plan = r.published if self.first_plan is None else min(self.first_plan, r.published)
        elif r.status == "cancelled":
            self.last_cancel = r.effective if self.last_cancel is None else max(self.last_cancel, r.effective)
        else:
            self.held = best_interval([x for x in self.reports if x.status == "occurred"])
        self.current = episode_interval(self.episode)


def episode_interval(reports: Sequence[_Report]) -> tuple[date, date] | None:
    """The dates of an episode: its held reports' best interval, else its plans'."""
    return best_interval([r for r in reports if r.status == "occurred"]) or \
        best_interval([r for r in reports if r.status == "planned"])


def is_recollection(status: str, end: date | None, published: date, tolerance_days: int = 3) -> bool:
    """A plan for a date already past when it was reported ("had been due to travel on 5 February")."""
    return status == "planned" and end is not None and end < published - timedelta(days=tolerance_days)


def lifecycle(statuses: Iterable[str]) -> list[str]:
    """The steps of a sequence of statuses: repeats collapsed, a plan after a holding folded into it."""
    steps: list[str] = []
    for s in statuses:
        if steps and (steps[-1] == s or (s == "planned" and steps[-1] == "occurred")):
            continue
        steps.append(s)
    return steps


def _narrow_overlap(r: _Report, iv: tuple[date, date] | None, narrow: int) -> bool:
    if iv is None or r.start is None or r.end is None:
        return False
    return _width(r) <= narrow and (iv[1] - iv[0]).days <= narrow and _overlaps((r.start, r.end), iv)


def _match(r: _Report, e: _Engagement, cfg: Settings) -> tuple[int, bool, bool] | None:
    """``(score, reopens, recollection)`` if ``r`` may join ``e``, else None."""
    fam = e.family
    if any(not fam.modes_compatible(r.mode, m) for m in e.modes):
        return None
    # named principals: a shared one, or no different person on a side the engagement names
    shared = r.principals & e.principals
    if not shared and any(c in e.person_sides for c, _ in r.persons):
        return None
    # place
    if r.loc_country and e.loc_countries and r.loc_country not in e.loc_countries:
        return None
    score = 3 * len(shared)
    if r.loc_name and r.loc_name in e.loc_names:
        score += 1
    tol = cfg.tolerance_days
    phase = e.phase()
    reopen = recollection = False
    iv = e.current
    if r.status == "cancelled":
        planned_before = e.first_plan is not None and e.first_plan <= r.effective + timedelta(days=tol)
        if phase != "cancelled" and not planned_before:
            return None
        if e.held is not None and r.effective > e.held[1] + timedelta(days=tol):
            return None
        # a cancellation dated after its publication dates the cancelled action itself
        s0, s1 = r.start, r.end
        if s0 is not None and s1 is not None and s0 > r.published and iv is not None \
                and not _overlaps((s0, s1), iv, tol):
            return None
    elif r.recollection:
        # a plan for a date already past when reported: a recollection of an earlier episode
        for ep in e.episodes:
            ep_iv = episode_interval(ep)
            if ep_iv is not None and r.start is not None and r.end is not None \
                    and _overlaps((r.start, r.end), ep_iv, tol):
                recollection = True
                break
        if not recollection:
            return None
    elif phase == "cancelled":
        last_cancel = e.last_cancel or e.last_effective
        if not shared or (r.effective - last_cancel).days > cfg.reopen_days:
            return None
        reopen = True
    elif iv is not None and r.start is not None and r.end is not None and not _overlaps((r.start, r.end), iv, tol):
        return None
    narrow = _narrow_overlap(r, iv, cfg.narrow_days)
    if narrow:
        score += 1
    if (not r.principals or not e.principals) and not (narrow or (r.loc_name and r.loc_name in e.loc_names)):
        return None
    return score, reopen, recollection


def _recalls(r: _Report, e: _Engagement) -> bool:
    """An undated held report naming a principal and the place of a closed engagement recalls it."""
    return (r.status == "occurred" and r.start is None and bool(r.principals & e.principals)
            and r.loc_name is not None and r.loc_name in e.loc_names)


def _engagement_id(e: _Engagement) -> str:
    first = e.reports[0]
    return hashlib.sha1("\x1f".join((*e.key, first.event_id)).encode()).hexdigest()


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _most_common(values: Iterable[Any]) -> Any:
    c = Counter(v for v in values if v is not None)
    return c.most_common(1)[0][0] if c else None


def _location(reports: Sequence[_Report]) -> dict[str, Any] | None:
    held = [r for r in reports if r.status == "occurred" and (r.loc_name or r.loc_country)]
    reps = held or [r for r in reports if r.status == "planned" and (r.loc_name or r.loc_country)] or \
        [r for r in reports if r.loc_name or r.loc_country]
    if not reps:
        return None
    country = _most_common(r.loc_country for r in reps)
    names = Counter(r.loc_name for r in reps if r.loc_name and r.loc_country == country)
    # a city (a name used by fewer of the country's reports than the country itself) before the country
    city_names = [n for n, _ in names.most_common() if not _is_country_name(n, country)]
    name = city_names[0] if city_names else (names.most_common(1)[0][0] if names else None)
    return {"name": name, "country": country}


@lru_cache(maxsize=4096)
def _is_country_name(name: str, country: str | None) -> bool:
    from .actors.lexicon import load_actor_lexicon

    info = load_actor_lexicon().lookup_name(name)
    return info is not None and info.kind == "country" and (country is None or info.country == country)


def _output(e: _Engagement) -> dict[str, Any]:
    reps = e.reports
    src_counts = Counter(r.source for r in reps)
    source, target = e.key[1] or None, e.key[2] or None
    if e.family.symmetric:
        # the more often reported direction
        forward = src_counts.get(source, 0) >= src_counts.get(target, 0)
        if not forward:
            source, target = target, source
    held = [r for r in reps if r.status == "occurred"]
    last_plans = [r for r in e.episode if r.status == "planned"] or [r for r in reps if r.status == "planned"]
    iv = best_interval(held) or best_interval(last_plans)
    names = Counter(n for r in reps for n in r.names)
    steps = lifecycle([r.status for r in reps if not r.recollection]) or lifecycle([r.status for r in reps])
    mode = _most_common(r.mode for r in reps)
    return {
        "id": _engagement_id(e),
        "event_type": _most_common(r.event_type for r in reps),
        "mode": mode,
        "source": source,
        "target": target,
        "names": [n for n, _ in names.most_common()],
        "status": steps[-1],
        "first_reported": _iso(min(r.published for r in reps)),
        "last_reported": _iso(max(r.published for r in reps)),
        "date": {"start": _iso(iv[0]), "end": _iso(iv[1])} if iv else {"start": None, "end": None},
        "location": _location(reps),
        "history": [
            {"status": r.status,
             "date": {"start": _iso(r.start), "end": _iso(r.end)},
             "doc_id": r.doc_id, "published": _iso(r.published), "event_id": r.event_id}
            for r in reps],
        "reports": len({r.doc_id for r in reps}),
    }


def build_engagements(records: Sequence[Mapping[str, Any]], *, settings: Settings | None = None,
                      families: Sequence[Family] | None = None) -> list[dict[str, Any]]:
    """Group event records into engagements (see the module docstring for the rule and its limits).

    Records without a usable status (hypothetical, negated), type or publication date are left out.
    The result is ordered by first report, then id.
    """
    cfg = settings or Settings()
    fams = tuple(families) if families is not None else load_families()
    reports: list[_Report] = []
    for i, rec in enumerate(records):
        if not isinstance(rec, Mapping):
            raise InputError(f"event record {i + 1} is not a mapping")
        r = _report(dict(rec), fams, cfg.tolerance_days)
        if r is not None:
            reports.append(r)
    reports.sort(key=lambda r: (r.effective, _RANK[r.status], r.published, r.doc_id, r.event_id))
    by_key: dict[tuple[str, str, str], list[_Engagement]] = {}
    order: list[_Engagement] = []
    for r in reports:
        best: tuple[tuple[int, date], _Engagement, bool, bool] | None = None
        for e in by_key.get(r.key, []):
            if (r.effective - e.last_effective).days > cfg.reopen_days and not _recalls(r, e):
                continue  # closed: no report for reopen_days
            m = _match(r, e, cfg)
            if m is None:
                continue
            rank = (m[0], e.last_effective)
            if best is None or rank > best[0]:
                best = (rank, e, m[1], m[2])
        if best is None:
            e = _Engagement(r.family, r.key)
            by_key.setdefault(r.key, []).append(e)
            order.append(e)
            e.add(r, reopen=False)
        else:
            best[1].add(r, reopen=best[2])
    out = [_output(e) for e in order]
    out.sort(key=lambda d: (d["first_reported"] or "", d["id"]))
    return out


def engagement_lifecycle(engagement: Mapping[str, Any], settings: Settings | None = None) -> list[str]:
    """The lifecycle of a built engagement from its history, e.g. ``[planned, cancelled, planned, occurred]``.

    Recollections (plans reported after their date) are skipped, as when the engagement was built.
    """
    tol = (settings or Settings()).tolerance_days
    statuses: list[str] = []
    for h in engagement.get("history") or []:
        published = day_of(h.get("published"))
        end = day_of((h.get("date") or {}).get("end")) or day_of((h.get("date") or {}).get("start"))
        if published is not None and is_recollection(str(h.get("status")), end, published, tol):
            continue
        statuses.append(str(h.get("status")))
    # an engagement known only from recollections keeps their status
    return lifecycle(statuses) or lifecycle(str(h.get("status")) for h in engagement.get("history") or [])


def check_families_file(path: str | Path) -> None:
    """Validate a families file; raise :class:`LexiconError` listing every bad entry."""
    load_families.cache_clear()
    try:
        load_families(str(path))
    finally:
        load_families.cache_clear()


__all__ = ["Family", "LexiconError", "Settings", "best_interval", "build_engagements", "check_families_file",
           "engagement_lifecycle", "family_of", "is_recollection", "lifecycle", "load_families"]
