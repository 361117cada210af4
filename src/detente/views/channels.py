"""Channels of a relationship: diplomatic, military, economic, intelligence.

Each event of a dyad is put in one channel by the rules of ``data/channels.yaml`` (by context, then by the
actors' sectors, then by keywords in its trigger span). For each channel the view gives the last contact
held, what is planned since, what was refused or cancelled since, and a verdict (active / strained / frozen)
with the rule that gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import LexiconError
from ..lexicon import Entry, data_path, is_bool, is_number, is_str, is_str_list, read_entries, validate
from ..record import EVENT_TYPES, SECTORS
from .common import contexts_of, dyad_events, record_of, span_text, to_date

CHANNELS_FILE = "channels.yaml"
VERDICTS = ("active", "strained", "frozen")
_SETTINGS: dict[str, str] = {
    "contact_types": "types", "refusal_types": "types", "refusal_modes": "strs",
    "stale_days": "int", "conflict_floor": "number",
}


@dataclass(frozen=True)
class ChannelRule:
    """One channel of ``channels.yaml`` and where it is written."""

    channel: str
    contexts: frozenset[str]
    sectors: frozenset[str]
    keywords: re.Pattern[str] | None
    default: bool
    where: str  # "channels.yaml:12"


@dataclass(frozen=True)
class ChannelConfig:
    """The channel rules (in priority order) and the verdict settings."""

    rules: tuple[ChannelRule, ...]
    contact_types: frozenset[str]
    refusal_types: frozenset[str]
    refusal_modes: frozenset[str]
    stale_days: int
    conflict_floor: float

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.channel for r in self.rules)

    @property
    def default(self) -> ChannelRule:
        return next(r for r in self.rules if r.default)

    def assign(self, contexts: list[str], sectors: list[str | None], span: str) -> tuple[str, str]:
        """(channel, the rule that put the event there)."""
        for r in self.rules:
            hit = sorted(set(contexts) & r.contexts)
            if hit:
                return r.channel, f"context {hit[0]!r} ({r.where})"
        for r in self.rules:
            hit = sorted({s for s in sectors if s} & r.sectors)
            if hit:
                return r.channel, f"actor sector {hit[0]} ({r.where})"
        for r in self.rules:
            if r.keywords is not None:
                m = r.keywords.search(span)
                if m:
                    return r.channel, f"keyword {m.group(0)!r} in {span!r} ({r.where})"
        d = self.default
        return d.channel, f"default channel ({d.where})"


def _channel_checks(e: Entry) -> list[str]:
    out: list[str] = []
    bad = [s for s in e.get("sectors") or [] if s not in SECTORS]
    if bad:
        out.append(f"unknown sector(s) {', '.join(bad)}")
    return out


def _setting_checks(e: Entry) -> list[str]:
    name, value = e.get("setting"), e.get("value")
    kind = _SETTINGS.get(str(name))
    if kind is None:
        return [f"unknown setting {name!r} (known: {', '.join(_SETTINGS)})"]
    if kind in ("types", "strs"):
        if is_str_list(value):
            return [f"setting {name!r} must be a list of non-empty strings"]
        if kind == "types":
            bad = [t for t in value if t not in EVENT_TYPES]
            if bad:
                return [f"setting {name!r}: unknown event type(s) {', '.join(bad)}"]
    elif kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            return [f"setting {name!r} must be a positive whole number of days"]
    elif is_number(value):
        return [f"setting {name!r} must be a number"]
    return []


@lru_cache(maxsize=4)
def load_channels(path: str | None = None) -> ChannelConfig:
    """Read and check ``data/channels.yaml`` (or ``path``); every bad entry is reported by file and line."""
    p = Path(path) if path is not None else data_path(CHANNELS_FILE)
    entries = read_entries(p)
    chans = [e for e in entries if "channel" in e.data]
    sets = [e for e in entries if "channel" not in e.data]
    problems: list[str] = []
    try:
        validate(chans, {"channel": is_str}, {"contexts": _str_list_or_empty, "sectors": _str_list_or_empty,
                                              "keywords": _str_list_or_empty, "default": is_bool, "note": is_str},
                 extra=_channel_checks, unique="channel")
    except LexiconError as err:
        problems.extend(err.message.splitlines()[1:])
    try:
        validate(sets, {"setting": is_str, "value": lambda v: None}, {"note": is_str}, extra=_setting_checks,
                 unique="setting")
    except LexiconError as err:
        problems.extend(err.message.splitlines()[1:])
    defaults = [e for e in chans if e.get("default") is True]
    if len(defaults) != 1:
        problems.append(f"{p}: exactly one channel must be marked default: true (found {len(defaults)})")
    values = {str(e["setting"]): e["value"] for e in sets}
    missing = [k for k in _SETTINGS if k not in values]
    if missing:
        problems.append(f"{p}: missing setting(s) {', '.join(missing)}")
    if not chans:
        problems.append(f"{p}: no channels")
    if problems:
        raise LexiconError(f"{len(problems)} problem(s) in the channel rules:\n" + "\n".join(problems))
    rules = []
    for e in chans:
        words = [str(w) for w in e.get("keywords") or []]
        pattern = (re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
                   if words else None)
        rules.append(ChannelRule(
            channel=str(e["channel"]), contexts=frozenset(e.get("contexts") or []),
            sectors=frozenset(e.get("sectors") or []), keywords=pattern, default=e.get("default") is True,
            where=f"{Path(e.file).name}:{e.line}"))
    return ChannelConfig(
        rules=tuple(rules), contact_types=frozenset(values["contact_types"]),
        refusal_types=frozenset(values["refusal_types"]), refusal_modes=frozenset(values["refusal_modes"]),
        stale_days=int(values["stale_days"]), conflict_floor=float(values["conflict_floor"]))


def _str_list_or_empty(v: Any) -> str | None:
    return None if isinstance(v, list) and not v else is_str_list(v)


@dataclass(frozen=True)
class Item:
    """One event as a channel line: when, what, who, and where it was read."""

    event_id: str
    on: date
    published: date | None
    event_type: str
    mode: str | None
    status: str
    direction: str  # "USA→CHN"
    who: str
    doc_id: str
    span: str

    def label(self) -> str:
        kind = self.event_type + (f"/{self.mode}" if self.mode else "")
        return f"{self.on.isoformat()} {self.direction} {kind} {self.who}".rstrip()

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "date": self.on.isoformat(),
                "published": self.published.isoformat() if self.published else None,
                "event_type": self.event_type, "mode": self.mode, "status": self.status,
                "direction": self.direction, "who": self.who, "doc_id": self.doc_id, "span": self.span}


@dataclass
class ChannelView:
    """Where one channel stands as of ``as_of``."""

    channel: str
    as_of: date | None
    events: int = 0
    last_held: Item | None = None
    planned: list[Item] = field(default_factory=list)
    refused: list[Item] = field(default_factory=list)  # refused or cancelled since the last contact held
    conflict_since: float = 0.0
    verdict: str | None = None  # None: no event in this channel
    rule: str = "no event of this dyad in this channel"

    def to_dict(self) -> dict[str, Any]:
        return {"channel": self.channel, "as_of": self.as_of.isoformat() if self.as_of else None,
                "events": self.events, "last_held": self.last_held.to_dict() if self.last_held else None,
                "planned": [i.to_dict() for i in self.planned], "refused": [i.to_dict() for i in self.refused],
                "conflict_since": self.conflict_since, "verdict": self.verdict, "rule": self.rule}


def _who(row: Any) -> str:
    names = [n for n in (row.get("source_name"), row.get("target_name")) if isinstance(n, str) and n]
    return " – ".join(names)


def _item(row: Any) -> Item:
    rec = record_of(row.get("record"))
    mode = row.get("mode")
    return Item(
        event_id=str(row.get("id")), on=row["action_date"], published=to_date(row.get("published")),
        event_type=str(row.get("event_type")), mode=mode if isinstance(mode, str) and mode else None,
        status=str(row.get("status")), direction=f"{row.get('source_country')}→{row.get('target_country')}",
        who=_who(row), doc_id=str(row.get("doc_id") or ""), span=span_text(rec))


def assign_channels(events: pd.DataFrame, config: ChannelConfig | None = None) -> pd.DataFrame:
    """``events`` with two more columns: ``channel`` and ``channel_rule``."""
    cfg = config or load_channels()
    out = events.copy()
    chans: list[str] = []
    why: list[str] = []
    for _, row in out.iterrows():
        ch, rule = cfg.assign(contexts_of(row.get("context")), [row.get("source_sector"), row.get("target_sector")],
                              span_text(record_of(row.get("record"))))
        chans.append(ch)
        why.append(rule)
    out["channel"] = chans
    out["channel_rule"] = why
    return out


def channel_views(events: pd.DataFrame, a: str, b: str, since: date | None = None, until: date | None = None,
                  config: ChannelConfig | None = None) -> list[ChannelView]:
    """One ChannelView per channel of ``channels.yaml`` for the dyad a–b (either direction).

    The as-of date is ``until`` or, failing that, the latest action or publication date among the dyad's events.
    """
    cfg = config or load_channels()
    ev = assign_channels(dyad_events(events, a, b, since, until), cfg)
    as_of = until
    if as_of is None and not ev.empty:
        dates = [d for d in list(ev["action_date"]) + list(ev["published"]) if d is not None]
        as_of = max(dates) if dates else None
    return [_one_channel(ev.loc[ev["channel"] == name], name, as_of, cfg) for name in cfg.names]


def _is_refusal(row: Any, cfg: ChannelConfig) -> bool:
    if row.get("status") != "occurred" or row.get("event_type") not in cfg.refusal_types:
        return False
    return not cfg.refusal_modes or row.get("mode") in cfg.refusal_modes


def _one_channel(ev: pd.DataFrame, name: str, as_of: date | None, cfg: ChannelConfig) -> ChannelView:
    view = ChannelView(channel=name, as_of=as_of, events=len(ev))
    if ev.empty or as_of is None:
        return view
    rows = [r for _, r in ev.iterrows()]
    held = [r for r in rows if r.get("event_type") in cfg.contact_types and r.get("status") == "occurred"]
    last = max(held, key=lambda r: (r["action_date"], r.get("published") or r["action_date"])) if held else None
    since = last["action_date"] if last is not None else None
    view.last_held = _item(last) if last is not None else None
    seen: set[tuple[Any, ...]] = set()
    for r in rows:
        after = since is None or r["action_date"] >= since
        # the same act reported by several articles is listed once
        key = (r.get("source_country"), r.get("event_type"), r.get("mode"), r.get("status"), r["action_date"])
        if key in seen:
            continue
        if _is_refusal(r, cfg) or (r.get("event_type") in cfg.contact_types and r.get("status") == "cancelled"):
            if after:
                seen.add(key)
                view.refused.append(_item(r))
        elif r.get("event_type") in cfg.contact_types and r.get("status") == "planned":
            reported = r.get("published") or r["action_date"]
            if since is None or (reported >= since and r["action_date"] >= since):
                seen.add(key)
                view.planned.append(_item(r))
    conflict = [float(r["intensity"]) for r in rows
                if r.get("status") == "occurred" and _num(r.get("intensity")) < 0
                and (since is None or r["action_date"] > since)]
    view.conflict_since = round(sum(conflict), 2)
    view.verdict, view.rule = _verdict(view, cfg)
    return view


def _num(v: Any) -> float:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if f != f else f


def _verdict(v: ChannelView, cfg: ChannelConfig) -> tuple[str, str]:
    assert v.as_of is not None
    refused = ", ".join(f"{i.event_type}/{i.mode or i.status} {i.on.isoformat()}" for i in v.refused[:3])
    planned = f"; {len(v.planned)} contact(s) planned" if v.planned else ""
    if v.last_held is None:
        if v.refused:
            return "frozen", f"no contact held on record, {len(v.refused)} refused or cancelled ({refused}){planned}"
        return "frozen", f"no contact held on record ({v.events} other event(s)){planned}"
    age = (v.as_of - v.last_held.on).days
    if age > cfg.stale_days:
        return "frozen", (f"last contact held {v.last_held.on.isoformat()}, {age} days before "
                          f"{v.as_of.isoformat()} (more than stale_days={cfg.stale_days}){planned}")
    if v.refused:
        return "strained", (f"{len(v.refused)} refused or cancelled on or after the last contact held "
                            f"{v.last_held.on.isoformat()} ({refused})")
    if v.conflict_since <= cfg.conflict_floor:
        return "strained", (f"conflict since the last contact held sums to {v.conflict_since:g} "
                            f"(at or below conflict_floor={cfg.conflict_floor:g})")
    days = f"{age} day{'s' if age != 1 else ''}"
    return "active", (f"contact held {v.last_held.on.isoformat()} ({days} before {v.as_of.isoformat()}), "
                      f"nothing refused or cancelled since")
