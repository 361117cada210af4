"""The dyad report: engagement ledger, channels and cooperation–conflict index, and its terminal rendering."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import pandas as pd

from .channels import ChannelView, channel_views
from .common import Country, check_range, record_of
from .index import FREQS, IndexRow, coop_conflict_index
from .ledger import LedgerEntry, ledger


class EventSource(Protocol):
    """What the report reads from a store (detente.store.Store has these)."""

    def events_df(self, dyad: tuple[str, str] | None = ..., both_directions: bool = ...,
                  event_type: str | None = ..., status: str | None = ..., since: date | None = ...,
                  until: date | None = ..., limit: int | None = ..., offset: int = ...) -> pd.DataFrame: ...

    def engagements_df(self) -> pd.DataFrame: ...


@dataclass
class DyadReport:
    a: Country
    b: Country
    since: date | None
    until: date | None
    freq: str
    events: int
    ledger: list[LedgerEntry]
    channels: list[ChannelView]
    index: list[IndexRow]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.code, "b": self.b.code, "a_name": self.a.name, "b_name": self.b.name,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None, "freq": self.freq,
                "events": self.events, "ledger": [e.to_dict() for e in self.ledger],
                "channels": [c.to_dict() for c in self.channels], "index": [r.to_dict() for r in self.index]}


def build_report(events: pd.DataFrame, engagements: list[dict[str, Any]], a: Country, b: Country,
                 since: date | None = None, until: date | None = None, freq: str = "month") -> DyadReport:
    """The three views of the dyad a–b from an events table and the engagement dicts."""
    from .common import dyad_events

    check_range(since, until)
    n = len(dyad_events(events, a.code, b.code, since, until))
    return DyadReport(
        a=a, b=b, since=since, until=until, freq=freq, events=n,
        ledger=ledger(engagements, a.code, b.code, since, until),
        channels=channel_views(events, a.code, b.code, since, until),
        index=coop_conflict_index(events, a.code, b.code, freq, since, until))


def engagements_from_df(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The engagement dicts kept in the store's ``engagements.record`` column."""
    if df.empty or "record" not in df.columns:
        return []
    return [r for r in (record_of(v) for v in df["record"]) if r]


def report_from_store(store: EventSource, a: Country, b: Country, since: date | None = None,
                      until: date | None = None, freq: str = "month") -> DyadReport:
    """Build the report from a store (its events of the dyad, both directions, and its engagements)."""
    events = store.events_df(dyad=(a.code, b.code), both_directions=True)
    return build_report(events, engagements_from_df(store.engagements_df()), a, b, since, until, freq)


# ------------------------------------------------------------------------------------------ rendering

_LIFE_STYLE = {"held": "green", "planned": "cyan", "proposed": "yellow", "cancelled": "red", "not held": "magenta",
               "refused": "bold red"}
_VERDICT_STYLE = {"active": "bold green", "strained": "bold yellow", "frozen": "bold blue"}
_BLOCKS = " ▏▎▍▌▋▊▉█"


def _bar(value: float, scale: float, width: int, leftward: bool = False) -> str:
    """A bar of up to ``width`` cells for |value| on ``scale``: eighth-blocks rightward, half-blocks leftward."""
    if scale <= 0 or value == 0:
        return ""
    if leftward:
        halves = max(1, round(abs(value) / scale * width * 2))
        full, rest = divmod(halves, 2)
        return ("▐" if rest else "") + "█" * full
    eighths = max(1, round(abs(value) / scale * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_BLOCKS[rest] if rest else "")


def terminal_chart(rows: list[IndexRow], a: Country, b: Country, freq: str, width: int = 22) -> Any:
    """A small diverging bar chart: per period, conflict to the left of the axis, cooperation to the right."""
    from rich.table import Table
    from rich.text import Text

    scale = max([abs(v) for r in rows for v in (r.ab, r.ba)] + [0.0])
    t = Table(title=f"Cooperation–conflict index per {freq} (sum of PLOVER intensities; ◀ conflict │ cooperation ▶)",
              header_style="bold", show_edge=False, pad_edge=False)
    t.add_column(freq)
    for label in (f"{a.code}→{b.code}", f"{b.code}→{a.code}"):
        t.add_column(Text(label, justify="center"), no_wrap=True)
    for r in rows:
        cells = []
        for val, n, colour in ((r.ab, r.ab_count, "blue"), (r.ba, r.ba_count, "red")):
            left = _bar(min(val, 0.0), scale, width, leftward=True)
            right = _bar(max(val, 0.0), scale, width)
            cell = Text()
            cell.append(left.rjust(width), style="red" if left else "")
            cell.append("│")
            cell.append(right.ljust(width), style="green" if right else "")
            cell.append(f" {val:+6.1f} ({n})" if n else "", style=colour)
            cells.append(cell)
        label = r.period.strftime("%Y-%m") if freq == "month" else r.period.isoformat()
        t.add_row(label, *cells)
    return t


def render_report(report: DyadReport, console: Any) -> None:
    """Print the report with rich: ledger, channels, index table and terminal chart."""
    from rich.table import Table
    from rich.text import Text

    a, b = report.a, report.b
    span = ""
    if report.since or report.until:
        span = f" ({report.since.isoformat() if report.since else '…'} to "
        span += f"{report.until.isoformat() if report.until else '…'})"
    console.rule(f"[bold]{a.name} ({a.code}) ↔ {b.name} ({b.code})[/]{span}: {report.events} events")

    t = Table(title="Engagement ledger (newest first)", header_style="bold", show_lines=False)
    for col in ("date", "direction", "engagement", "who", "where", "lifecycle", "as reported", "reports"):
        t.add_column(col, overflow="fold", no_wrap=col in ("date", "direction", "lifecycle"))
    for e in report.ledger:
        when = e.date_start.isoformat() if e.date_start else (
            f"reported {e.last_reported.isoformat()}" if e.last_reported else "(undated)")
        if e.date_end and e.date_start and e.date_end != e.date_start:
            when += f"..{e.date_end.isoformat()[5:]}"
        kind = e.event_type + (f"/{e.mode}" if e.mode else "")
        t.add_row(when, e.direction, kind, e.who, e.location,
                  Text(e.lifecycle, style=_LIFE_STYLE.get(e.lifecycle, "")), e.path(), str(e.reports))
    if not report.ledger:
        t.add_row("", "", "no engagements on record for this dyad", "", "", "", "", "")
    console.print(t)

    c = Table(title="Channels" + (f" as of {report.channels[0].as_of.isoformat()}"
                                  if report.channels and report.channels[0].as_of else ""),
              header_style="bold", show_lines=True)
    for col in ("channel", "verdict", "last contact held", "planned", "refused / cancelled since", "rule"):
        c.add_column(col, overflow="fold")
    for ch in report.channels:
        verdict = Text(ch.verdict or "—", style=_VERDICT_STYLE.get(ch.verdict or "", "dim"))
        last = ch.last_held.label() if ch.last_held else "—"
        planned = "\n".join(i.label() for i in ch.planned[:4]) + (f"\n… {len(ch.planned) - 4} more"
                                                                  if len(ch.planned) > 4 else "")
        refused = "\n".join(f"{i.label()} [{i.status}]" for i in ch.refused[:4]) + (
            f"\n… {len(ch.refused) - 4} more" if len(ch.refused) > 4 else "")
        c.add_row(f"{ch.channel} ({ch.events})", verdict, last, planned or "—", refused or "—", ch.rule)
    console.print(c)

    if report.index:
        console.print(terminal_chart(report.index, a, b, report.freq))
    else:
        console.print("no events to index in this range")


def valid_freq(freq: str) -> str:
    from ..errors import ViewError

    if freq not in FREQS:
        raise ViewError(f"unknown frequency {freq!r} (use {' or '.join(FREQS)})")
    return freq
