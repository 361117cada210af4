"""Views of a dyad: engagement ledger, channels, cooperation–conflict index, plot and report."""

from __future__ import annotations

from .channels import ChannelConfig, ChannelView, assign_channels, channel_views, load_channels
from .common import Country, dyad_events, events_frame, resolve_country
from .index import FREQS, IndexRow, coop_conflict_index, index_frame
from .ledger import LedgerEntry, ledger, lifecycle
from .plot import plot_index
from .report import DyadReport, build_report, render_report, report_from_store, terminal_chart

__all__ = [
    "FREQS", "ChannelConfig", "ChannelView", "Country", "DyadReport", "IndexRow", "LedgerEntry",
    "assign_channels", "build_report", "channel_views", "coop_conflict_index", "dyad_events", "events_frame",
    "index_frame", "ledger", "lifecycle", "load_channels", "plot_index", "render_report", "report_from_store",
    "resolve_country", "terminal_chart",
]
