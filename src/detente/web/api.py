"""The JSON API over a store: every query parameter validated, SQL only through the store's bound parameters.

Routes (GET only)::

    /api/dyads                                  dyads with event counts (both directions together)
    /api/dyads/{A}-{B}/index?freq=&since=&until=   cooperation–conflict index
    /api/dyads/{A}-{B}/engagements?since=&until=   the engagement ledger, newest first
    /api/dyads/{A}-{B}/channels?since=&until=      channel verdicts
    /api/events?dyad=&type=&status=&since=&until=&limit=&offset=   events, paginated (limit <= 1000)
    /api/events/{id}                            one event: record, sentences, the rule that fired
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import pandas as pd

from ..errors import DetenteError
from ..record import EVENT_TYPES, STATUSES
from ..views import channel_views, coop_conflict_index, ledger
from ..views.common import Country, record_of, span_text
from ..views.index import FREQS
from ..views.report import engagements_from_df

MAX_LIMIT = 1000
DEFAULT_LIMIT = 50
MAX_OFFSET = 10**9
_CODE = re.compile(r"^[A-Z]{3,4}$")
_DYAD = re.compile(r"^([A-Z]{3,4})-([A-Z]{3,4})$")
_EVENT_ID = re.compile(r"^[0-9a-f]{8,64}$")
_EVENT_COLUMNS = ("id", "doc_id", "published", "event_type", "mode", "status", "source_country", "source_name",
                  "source_sector", "target_country", "target_name", "target_sector", "date_start", "date_end",
                  "location_name", "location_country", "intensity", "confidence", "context")


class ApiError(Exception):
    """An HTTP error answer: status code and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _one(params: Mapping[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise ApiError(400, f"parameter {name!r} given {len(values)} times")
    return values[0]


def _date(params: Mapping[str, list[str]], name: str) -> date | None:
    v = _one(params, name)
    if v is None or v == "":
        return None
    try:
        d = date.fromisoformat(v)
    except ValueError:
        raise ApiError(400, f"parameter {name!r} must be a date YYYY-MM-DD (got {v[:40]!r})") from None
    if not 1800 <= d.year <= 2200:
        raise ApiError(400, f"parameter {name!r} is out of range (years 1800-2200)")
    return d


def _int(params: Mapping[str, list[str]], name: str, default: int, low: int, high: int) -> int:
    v = _one(params, name)
    if v is None or v == "":
        return default
    if not re.fullmatch(r"[0-9]{1,10}", v):
        raise ApiError(400, f"parameter {name!r} must be a whole number (got {v[:40]!r})")
    n = int(v)
    if not low <= n <= high:
        raise ApiError(400, f"parameter {name!r} must be between {low} and {high} (got {n})")
    return n


def _choice(params: Mapping[str, list[str]], name: str, allowed: tuple[str, ...], default: str | None) -> str | None:
    v = _one(params, name)
    if v is None or v == "":
        return default
    if v not in allowed:
        raise ApiError(400, f"parameter {name!r} must be one of {', '.join(allowed)} (got {v[:40]!r})")
    return v


def _only(params: Mapping[str, list[str]], allowed: set[str]) -> None:
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise ApiError(400, f"unknown parameter(s) {', '.join(repr(u[:40]) for u in unknown)}")


def _range(params: Mapping[str, list[str]]) -> tuple[date | None, date | None]:
    since, until = _date(params, "since"), _date(params, "until")
    if since and until and since > until:
        raise ApiError(400, "'since' is after 'until'")
    return since, until


def _dyad(text: str) -> tuple[str, str]:
    m = _DYAD.match(text)
    if not m:
        raise ApiError(400, "a dyad is two country codes joined by '-', e.g. USA-CHN")
    return m.group(1), m.group(2)


def _plain(v: Any) -> Any:
    """A JSON-ready scalar from a pandas cell (dates as ISO strings, NaN/NaT as null)."""
    if v is None or v is pd.NaT:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, pd.Timestamp | date):
        return v.isoformat()[:10]
    if hasattr(v, "item"):
        return v.item()
    return v


class Api:
    """The API over one open (read-only) store; calls are serialised with a lock (one DuckDB connection)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.lock = threading.Lock()
        self._names: dict[str, str] | None = None

    def handle(self, path: str, params: Mapping[str, list[str]]) -> Any:
        """The JSON payload for an API path; ApiError for a bad request or a missing resource."""
        parts = [p for p in path.split("/") if p]
        if parts[:1] != ["api"]:
            raise ApiError(404, "not found")
        routes: dict[tuple[str, ...], Callable[[list[str], Mapping[str, list[str]]], Any]] = {
            ("dyads",): self.dyads, ("dyads", "*", "index"): self.index,
            ("dyads", "*", "engagements"): self.engagements, ("dyads", "*", "channels"): self.channels,
            ("events",): self.events, ("events", "*"): self.event,
        }
        rest = parts[1:]
        for pattern, fn in routes.items():
            if len(pattern) == len(rest) and all(p in ("*", r) for p, r in zip(pattern, rest, strict=True)):
                args = [r for p, r in zip(pattern, rest, strict=True) if p == "*"]
                with self.lock:
                    try:
                        return fn(args, params)
                    except DetenteError as e:
                        raise ApiError(400, e.one_line()) from None
        raise ApiError(404, "no such API route")

    # -- helpers

    def _name(self, code: str) -> str:
        from ..views.common import _codes

        return _codes().get(code, code)

    def _country(self, code: str) -> Country:
        return Country(code, self._name(code))

    # -- routes

    def dyads(self, _args: list[str], params: Mapping[str, list[str]]) -> Any:
        """Unordered pairs; ``a`` is the side that acts more often towards the other (ties: alphabetical)."""
        _only(params, set())
        counts: dict[tuple[str, str], int] = {}
        for _, r in self.store.dyads_df().iterrows():
            s, t = str(r["source"]), str(r["target"])
            if s != t:
                counts[(s, t)] = counts.get((s, t), 0) + int(r["events"])
        out: list[dict[str, Any]] = []
        for x, y in sorted({(min(k), max(k)) for k in counts}):
            xy, yx = counts.get((x, y), 0), counts.get((y, x), 0)
            a, b, ab, ba = (x, y, xy, yx) if xy >= yx else (y, x, yx, xy)
            out.append({"a": a, "b": b, "a_name": self._name(a), "b_name": self._name(b), "events": ab + ba,
                        "ab": ab, "ba": ba})
        out.sort(key=lambda d: (-int(d["events"]), str(d["a"]), str(d["b"])))
        return {"dyads": out}

    def index(self, args: list[str], params: Mapping[str, list[str]]) -> Any:
        _only(params, {"freq", "since", "until"})
        a, b = _dyad(args[0])
        freq = _choice(params, "freq", FREQS, "month") or "month"
        since, until = _range(params)
        ev = self.store.events_df(dyad=(a, b), both_directions=True)
        rows = coop_conflict_index(ev, a, b, freq, since, until)
        return {"a": a, "b": b, "a_name": self._name(a), "b_name": self._name(b), "freq": freq,
                "rows": [r.to_dict() for r in rows]}

    def engagements(self, args: list[str], params: Mapping[str, list[str]]) -> Any:
        _only(params, {"since", "until"})
        a, b = _dyad(args[0])
        since, until = _range(params)
        engs = engagements_from_df(self.store.engagements_df())
        return {"a": a, "b": b, "engagements": [e.to_dict() for e in ledger(engs, a, b, since, until)]}

    def channels(self, args: list[str], params: Mapping[str, list[str]]) -> Any:
        _only(params, {"since", "until"})
        a, b = _dyad(args[0])
        since, until = _range(params)
        ev = self.store.events_df(dyad=(a, b), both_directions=True)
        return {"a": a, "b": b, "channels": [c.to_dict() for c in channel_views(ev, a, b, since, until)]}

    def events(self, _args: list[str], params: Mapping[str, list[str]]) -> Any:
        _only(params, {"dyad", "type", "status", "since", "until", "limit", "offset"})
        dyad_text = _one(params, "dyad")
        dyad = _dyad(dyad_text) if dyad_text else None
        etype = _choice(params, "type", EVENT_TYPES, None)
        status = _choice(params, "status", STATUSES, None)
        since, until = _range(params)
        limit = _int(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        offset = _int(params, "offset", 0, 0, MAX_OFFSET)
        df = self.store.events_df(dyad=dyad, both_directions=True, event_type=etype, status=status, since=since,
                                  until=until, limit=limit + 1, offset=offset)
        rows = []
        for _, r in df.head(limit).iterrows():
            row = {c: _plain(r.get(c)) for c in _EVENT_COLUMNS}
            rec = record_of(r.get("record"))
            mentions = rec.get("mentions") or []
            row["trigger"] = mentions[0].get("trigger") if mentions else None
            row["span"] = span_text(rec)
            rows.append(row)
        more = len(df) > limit
        return {"events": rows, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}

    def event(self, args: list[str], params: Mapping[str, list[str]]) -> Any:
        _only(params, set())
        eid = args[0]
        if not _EVENT_ID.match(eid):
            raise ApiError(400, "an event id is 8 to 64 lowercase hex digits")
        rec = self.store.event(eid)
        if rec is None:
            raise ApiError(404, f"no event {eid}")
        from ..views.channels import load_channels

        src, tgt = rec.get("source") or {}, rec.get("target") or {}
        ch, why = load_channels().assign(list(rec.get("context") or []), [src.get("sector"), tgt.get("sector")],
                                         span_text(rec))
        rec["channel"] = {"channel": ch, "rule": why}
        rec["rules"] = sorted({str(m.get("rule")) for m in rec.get("mentions") or [] if m.get("rule")})
        return rec
