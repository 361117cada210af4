"""The cooperation–conflict index of a dyad: per week or month, the sum of the PLOVER intensities of its events.

Split by direction (A→B and B→A), with counts. Each event falls in the period of its action date (its own
start date where the coder resolved one, else the publication date). Only reported acts count: by default
events whose status is occurred, planned (an announced intent) or cancelled (a call-off) — not hypothetical or
negated ones — and the same act reported by several articles (same direction, type, mode, status and dates)
counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from ..errors import ViewError
from .common import dyad_events

FREQS = ("week", "month")
DEFAULT_STATUSES: tuple[str, ...] = ("occurred", "planned", "cancelled")
_DEDUPE_KEY = ("source_country", "target_country", "event_type", "mode", "status", "date_start", "date_end")


@dataclass(frozen=True)
class IndexRow:
    """One period: its first day, and per direction the intensity sum and the number of events."""

    period: date
    ab: float
    ab_count: int
    ba: float
    ba_count: int

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period.isoformat(), "ab": self.ab, "ab_count": self.ab_count,
                "ba": self.ba, "ba_count": self.ba_count}


def period_start(d: date, freq: str) -> date:
    """The first day of the week (Monday) or month holding ``d``."""
    if freq == "week":
        return d - timedelta(days=d.weekday())
    if freq == "month":
        return d.replace(day=1)
    raise ViewError(f"unknown frequency {freq!r} (use {' or '.join(FREQS)})")


def _next(d: date, freq: str) -> date:
    if freq == "week":
        return d + timedelta(days=7)
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def coop_conflict_index(events: pd.DataFrame, a: str, b: str, freq: str = "month", since: date | None = None,
                        until: date | None = None, statuses: tuple[str, ...] = DEFAULT_STATUSES,
                        dedupe: bool = True) -> list[IndexRow]:
    """One IndexRow per period from the first to the last period with an event (or since..until), gaps as zeros."""
    if freq not in FREQS:
        raise ViewError(f"unknown frequency {freq!r} (use {' or '.join(FREQS)})")
    ev = dyad_events(events, a, b, since, until)
    if not ev.empty:
        ev = ev.loc[ev["status"].isin(statuses) & ev["intensity"].notna()]
    if dedupe and not ev.empty:
        key = [c for c in _DEDUPE_KEY if c in ev.columns]
        dated = ev.loc[ev["date_start"].notna()].drop_duplicates(subset=key, keep="first")
        ev = pd.concat([dated, ev.loc[ev["date_start"].isna()]])
    sums: dict[date, list[float]] = {}
    for _, r in ev.iterrows():
        p = period_start(r["action_date"], freq)
        cell = sums.setdefault(p, [0.0, 0, 0.0, 0])
        i = 0 if r["source_country"] == a else 2
        cell[i] += float(r["intensity"])
        cell[i + 1] += 1
    if not sums and (since is None or until is None):
        return []
    first = period_start(since, freq) if since is not None else min(sums)
    last = period_start(until, freq) if until is not None else max(sums)
    rows = []
    p = first
    while p <= last:
        c = sums.get(p, [0.0, 0, 0.0, 0])
        rows.append(IndexRow(p, round(c[0], 2), int(c[1]), round(c[2], 2), int(c[3])))
        p = _next(p, freq)
    return rows


def index_frame(rows: list[IndexRow]) -> pd.DataFrame:
    """The index as a DataFrame (period, ab, ab_count, ba, ba_count)."""
    return pd.DataFrame([r.to_dict() for r in rows], columns=["period", "ab", "ab_count", "ba", "ba_count"])
