"""Shared helpers of the dyad views: resolving country names, dates, filtering a dyad's events."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import pandas as pd

from ..errors import ViewError
from ..lexicon import data_path, read_entries

#: Columns of the store's ``events`` table (STORE-CONTRACT.md) that the views read.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "doc_id", "published", "event_type", "mode", "status",
    "source_country", "source_name", "source_sector", "target_country", "target_name", "target_sector",
    "date_start", "date_end", "location_name", "location_country", "plover_type", "cameo", "quad",
    "intensity", "confidence", "context", "record",
)


@dataclass(frozen=True)
class Country:
    """A resolved dyad member: its code (ISO3, or an international-body code such as EUR) and name."""

    code: str
    name: str


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Every actor code the lexicon knows (countries and international bodies) with its canonical name."""
    out: dict[str, str] = {}
    for e in read_entries(data_path("actors/countries.yaml")):
        out[str(e["code"])] = str(e["name"])
    for e in read_entries(data_path("actors/organisations.yaml")):
        code = e.get("country")
        if isinstance(code, str) and code not in out and e.get("sector") == "IGO":
            out[code] = str(e["name"])
    return out


def resolve_country(text: str) -> Country:
    """``"USA"``, ``"usa"``, ``"United States"``, ``"Washington"`` -> Country('USA', 'United States').

    A three-letter code is looked up first; otherwise the actor lexicon resolves the name (a country,
    capital or demonym, or an international body such as the European Union).
    """
    t = text.strip()
    if not t:
        raise ViewError("an empty country name")
    codes = _codes()
    if len(t) == 3 and t.upper() in codes:
        return Country(t.upper(), codes[t.upper()])
    from ..actors.lexicon import load_actor_lexicon

    info = load_actor_lexicon().lookup_name(t)
    if info is None or info.country is None or info.kind == "person":
        raise ViewError(f"{text!r} is neither a country code (ISO3) nor a country name the actor lexicon knows")
    return Country(info.country, codes.get(info.country, info.name))


def to_date(value: Any) -> date | None:
    """A date from a date, datetime, pandas Timestamp, ISO string or null-ish value."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        d: date = value.date()
        return d
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def record_of(value: Any) -> dict[str, Any]:
    """The event record stored in the ``record`` column (a JSON string or an already-parsed dict)."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value:
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            return {}
        return parsed if isinstance(parsed, dict) else {}
    return {}


def contexts_of(value: Any) -> list[str]:
    """The ``context`` column (a comma list, a list, or null) as a list of names."""
    if value is None:
        return []
    if isinstance(value, str):
        return [c.strip() for c in value.split(",") if c.strip()]
    if isinstance(value, Iterable):
        return [str(c) for c in value]
    return []


def check_range(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and since > until:
        raise ViewError(f"--since {since.isoformat()} is after --until {until.isoformat()}")


def dyad_events(events: pd.DataFrame, a: str, b: str, since: date | None = None,
                until: date | None = None) -> pd.DataFrame:
    """The events between ``a`` and ``b`` in either direction, with an ``action_date`` column.

    ``action_date`` is the event's own start date where the coder resolved one, else the publication date;
    ``since``/``until`` (inclusive) filter on it. Rows come ordered by action date, then publication.
    """
    check_range(since, until)
    missing = [c for c in ("source_country", "target_country", "published") if c not in events.columns]
    if missing:
        raise ViewError(f"the events table lacks the column(s) {', '.join(missing)}")
    if events.empty:
        out = events.copy()
        out["action_date"] = pd.Series(dtype=object)
        return out
    pair = ((events["source_country"] == a) & (events["target_country"] == b)) | (
        (events["source_country"] == b) & (events["target_country"] == a))
    out = events.loc[pair].copy()
    starts = out["date_start"] if "date_start" in out.columns else pd.Series([None] * len(out), index=out.index)
    out["action_date"] = [to_date(s) or to_date(p) for s, p in zip(starts, out["published"], strict=True)]
    out["published"] = [to_date(p) for p in out["published"]]
    out = out.loc[[d is not None for d in out["action_date"]]]
    if since is not None:
        out = out.loc[[d >= since for d in out["action_date"]]]
    if until is not None:
        out = out.loc[[d <= until for d in out["action_date"]]]
    return out.sort_values(["action_date", "published", "id"] if "id" in out.columns
                           else ["action_date", "published"], kind="stable")


def events_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with the store's ``events`` columns from event records (``Event.to_dict()`` + "published").

    The store builds the same table itself; this is for records that are not (yet) in a store.
    """
    rows: list[dict[str, Any]] = []
    for r in records:
        src = r.get("source") or {}
        tgt = r.get("target") or {}
        when = r.get("date") or {}
        loc = r.get("location") or {}
        rows.append({
            "id": r.get("id"), "article_id": r.get("article_id"), "doc_id": r.get("doc_id"),
            "published": to_date(r.get("published")), "event_type": r.get("event_type"), "mode": r.get("mode"),
            "status": r.get("status"), "source_country": src.get("country"), "source_name": src.get("name"),
            "source_sector": src.get("sector"), "target_country": tgt.get("country"),
            "target_name": tgt.get("name"), "target_sector": tgt.get("sector"),
            "date_start": to_date(when.get("start")), "date_end": to_date(when.get("end")),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "plover_type": r.get("plover_type"), "cameo": r.get("cameo"), "quad": r.get("quad"),
            "intensity": r.get("intensity"), "confidence": r.get("confidence"),
            "context": ",".join(r.get("context") or []), "record": json.dumps(r, ensure_ascii=False),
        })
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


def span_text(record: dict[str, Any]) -> str:
    """The text of the first mention's trigger span (the words the coder read the event from)."""
    for m in record.get("mentions") or []:
        text = str(m.get("text") or "")
        start, end = m.get("start"), m.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            return text[start:end]
        return text
    return ""
