"""The cooperation–conflict index as a PNG (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ViewError
from .common import Country
from .index import IndexRow


def plot_index(rows: list[IndexRow], a: Country, b: Country, path: str | Path, freq: str = "month") -> Path:
    """Draw the two directions as bars (one pair per period) with a zero line; write a PNG to ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if not rows:
        raise ViewError(f"no events between {a.code} and {b.code} to plot")
    out = Path(path)
    periods = [r.period for r in rows]
    xs = [float(v) for v in mdates.date2num(periods)]  # type: ignore[no-untyped-call]
    width = 12.0 if freq == "month" else 3.0
    fig, ax = plt.subplots(figsize=(11, 5.5), dpi=110)
    try:
        ax.bar([x - width / 2 for x in xs], [r.ab for r in rows], width=width, align="center",
               color="#1f77b4", label=f"{a.code} → {b.code} ({a.name} acting)")
        ax.bar([x + width / 2 for x in xs], [r.ba for r in rows], width=width, align="center",
               color="#d62728", label=f"{b.code} → {a.code} ({b.name} acting)")
        ax.axhline(0, color="black", linewidth=0.8)
        for x, r in zip(xs, rows, strict=True):
            for val, n, dx in ((r.ab, r.ab_count, -width / 2), (r.ba, r.ba_count, width / 2)):
                if n:
                    ax.annotate(str(n), (x + dx, val), ha="center", fontsize=7, color="#444",
                                xytext=(0, 3 if val >= 0 else -10), textcoords="offset points")
        ax.xaxis.set_major_locator(mdates.MonthLocator())  # type: ignore[no-untyped-call]
        if freq == "week":
            ax.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))  # type: ignore[no-untyped-call]
            ax.grid(axis="x", which="minor", alpha=0.15)
        fmt = "%b\n%Y" if len({p.year for p in periods}) > 1 else "%b"
        ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt))  # type: ignore[no-untyped-call]
        ax.set_xlim(xs[0] - width * 2, xs[-1] + width * 3)
        per = "month" if freq == "month" else "week"
        years = f"{periods[0].year}" + (f"–{periods[-1].year}" if periods[-1].year != periods[0].year else "")
        ax.set_xlabel(f"{per} of the action ({years})")
        ax.set_ylabel("sum of PLOVER intensities\n(> 0 cooperation, < 0 conflict)")
        ax.set_title(f"Cooperation–conflict index, {a.name} ↔ {b.name}, per {per}\n"
                     "bars: intensity sum by direction; numbers: events", fontsize=11)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(loc="upper left", fontsize=9)
        fig.tight_layout()
        try:
            fig.savefig(out, format="png")
        except OSError as e:
            raise ViewError(f"cannot write: {e.strerror}", path=out) from None
    finally:
        plt.close(fig)
    return out
