"""The dyad views over hand-made events (ledger, channels, index), and over the example store."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from detente.errors import LexiconError, ViewError
from detente.views import (
    channel_views,
    coop_conflict_index,
    events_frame,
    ledger,
    load_channels,
    resolve_country,
)
from detente.views.index import period_start


def ev(i: int, src: str, tgt: str, etype: str, status: str, when: str | None, published: str,
       intensity: float, mode: str | None = None, context: tuple[str, ...] = ("diplomatic",),
       src_sector: str | None = "GOV", tgt_sector: str | None = "GOV", span: str = "met") -> dict[str, Any]:
    return {
        "id": f"e{i}", "doc_id": f"d{i}", "event_type": etype, "mode": mode, "status": status,
        "context": list(context),
        "source": {"text": src, "name": f"{src} official", "country": src, "sector": src_sector},
        "target": {"text": tgt, "name": f"{tgt} official", "country": tgt, "sector": tgt_sector},
        "date": {"text": when or "", "start": when, "end": when, "granularity": "day"} if when else None,
        "location": None, "attribution": None,
        "mentions": [{"sentence": 0, "start": 0, "end": len(span), "trigger": span.split()[0], "rule": "t:1",
                      "text": span + "."}],
        "plover_type": etype, "cameo": None, "quad": None, "intensity": intensity, "confidence": 0.9,
        "published": published,
    }


def sample() -> list[dict[str, Any]]:
    return [
        ev(1, "AAA", "BBB", "CONSULT", "occurred", "2023-01-10", "2023-01-11", 1.0, "visit"),
        ev(2, "AAA", "BBB", "CONSULT", "occurred", "2023-01-10", "2023-01-12", 1.0, "visit"),  # same act again
        ev(3, "BBB", "AAA", "ACCUSE", "occurred", "2023-02-03", "2023-02-04", -2.0),
        ev(4, "AAA", "BBB", "CONSULT", "cancelled", "2023-02-03", "2023-02-03", -5.0, "visit"),
        ev(5, "BBB", "AAA", "REJECT", "occurred", "2023-03-01", "2023-03-02", -5.0, "meet",
           context=("military",), src_sector="MIL", tgt_sector="MIL", span="declined to meet"),
        ev(6, "AAA", "BBB", "CONSULT", "planned", "2023-04-01", "2023-03-15", 4.0, "visit"),
        ev(7, "AAA", "BBB", "CONSULT", "hypothetical", None, "2023-03-16", 1.9, "visit"),
        ev(8, "CCC", "AAA", "ASSAULT", "occurred", "2023-01-05", "2023-01-06", -10.0),  # another dyad
        ev(9, "AAA", "BBB", "CONSULT", "occurred", "2023-03-20", "2023-03-21", 1.0, span="talks on trade",
           context=("diplomatic",)),
    ]


def test_index_sums_by_direction_and_month() -> None:
    rows = coop_conflict_index(events_frame(sample()), "AAA", "BBB", "month")
    by = {r.period: r for r in rows}
    assert [r.period for r in rows] == [date(2023, 1, 1), date(2023, 2, 1), date(2023, 3, 1), date(2023, 4, 1)]
    assert (by[date(2023, 1, 1)].ab, by[date(2023, 1, 1)].ab_count) == (1.0, 1)  # the repeat counts once
    assert (by[date(2023, 2, 1)].ab, by[date(2023, 2, 1)].ba) == (-5.0, -2.0)
    assert (by[date(2023, 3, 1)].ab, by[date(2023, 3, 1)].ba, by[date(2023, 3, 1)].ba_count) == (1.0, -5.0, 1)
    assert by[date(2023, 4, 1)].ab == 4.0  # planned for April: an announced intent, in its month
    assert all(r.ab != 1.9 for r in rows)  # the hypothetical visit does not count


def test_index_weekly_fills_gaps_and_respects_range() -> None:
    rows = coop_conflict_index(events_frame(sample()), "BBB", "AAA", "week", since=date(2023, 1, 30),
                               until=date(2023, 3, 5))
    assert rows[0].period == date(2023, 1, 30) and rows[-1].period == date(2023, 2, 27)
    assert len(rows) == 5
    assert sum(r.ab_count for r in rows) == 2  # BBB's accusation and refusal
    assert period_start(date(2023, 3, 5), "week") == date(2023, 2, 27)


def test_index_rejects_bad_frequency_and_range() -> None:
    with pytest.raises(ViewError):
        coop_conflict_index(events_frame(sample()), "AAA", "BBB", "day")
    with pytest.raises(ViewError):
        coop_conflict_index(events_frame(sample()), "AAA", "BBB", since=date(2023, 5, 1), until=date(2023, 1, 1))


def test_channels_verdicts_and_rules() -> None:
    views = {v.channel: v for v in channel_views(events_frame(sample()), "AAA", "BBB")}
    mil = views["military"]
    assert mil.verdict == "frozen" and mil.last_held is None
    assert [i.event_id for i in mil.refused] == ["e5"] and "no contact held" in mil.rule
    eco = views["economic"]  # "talks on trade": keyword rule
    assert eco.last_held is not None and eco.last_held.event_id == "e9"
    assert eco.verdict == "active"
    dip = views["diplomatic"]
    assert dip.last_held is not None and dip.last_held.on == date(2023, 1, 10)
    assert [i.event_id for i in dip.refused] == ["e4"]  # cancelled after the last contact held
    assert dip.verdict == "strained" and "refused or cancelled" in dip.rule
    assert [i.event_id for i in dip.planned] == ["e6"]
    assert views["intelligence"].verdict is None


def test_channels_stale_contact_is_frozen() -> None:
    views = {v.channel: v for v in channel_views(events_frame(sample()), "AAA", "BBB", until=date(2023, 12, 31))}
    assert views["economic"].verdict == "frozen" and "stale_days" in views["economic"].rule


def test_channel_assignment_explains_itself() -> None:
    cfg = load_channels()
    assert cfg.assign(["diplomatic", "intelligence"], ["GOV", None], "") [0] == "intelligence"
    assert cfg.assign(["diplomatic"], ["MIL", "GOV"], "")[0] == "military"
    ch, rule = cfg.assign(["diplomatic"], ["GOV", "GOV"], "agreed to resume military talks")
    assert ch == "military" and "keyword 'military'" in rule and "channels.yaml:" in rule
    assert cfg.assign(["diplomatic"], ["GOV", "GOV"], "met")[0] == "diplomatic"


def test_channel_file_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "channels.yaml"
    bad.write_text("- {channel: spies, sectors: [SPOOK]}\n- {channel: talk, default: true}\n"
                   "- {setting: stale_days, value: -3}\n- {setting: colour, value: 1}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as ei:
        load_channels(str(bad))
    msg = str(ei.value)
    assert f"{bad}:1" in msg and "SPOOK" in msg
    assert f"{bad}:3" in msg and f"{bad}:4" in msg and "missing setting" in msg


def engagement(i: int, src: str, tgt: str, etype: str, status: str, start: str | None,
               history: list[tuple[str, str]], mode: str = "visit") -> dict[str, Any]:
    return {"id": f"g{i}", "event_type": etype, "mode": mode, "source": src, "target": tgt,
            "names": [f"{src} minister", f"{tgt} minister"], "status": status,
            "first_reported": history[0][1], "last_reported": history[-1][1],
            "date": {"start": start, "end": start}, "location": "Capital",
            "history": [{"status": s, "date": {"start": start, "end": start}, "doc_id": f"d{j}", "published": p,
                         "event_id": f"e{j}"} for j, (s, p) in enumerate(history)], "reports": len(history)}


def test_ledger_lifecycle_newest_first() -> None:
    engs = [
        engagement(1, "AAA", "BBB", "CONSULT", "occurred", "2023-06-18",
                   [("planned", "2023-01-27"), ("cancelled", "2023-02-03"), ("planned", "2023-06-06"),
                    ("occurred", "2023-06-18")]),
        engagement(2, "BBB", "AAA", "REJECT", "occurred", "2023-06-03", [("occurred", "2023-06-04")], "meet"),
        engagement(5, "BBB", "AAA", "ACCUSE", "occurred", "2023-06-03", [("occurred", "2023-06-04")], "allege"),
        engagement(3, "AAA", "BBB", "CONSULT", "planned", "2023-11-15", [("planned", "2023-11-10")]),
        engagement(4, "CCC", "AAA", "CONSULT", "occurred", "2023-07-01", [("occurred", "2023-07-01")]),
    ]
    out = ledger(engs, "AAA", "BBB")
    assert [e.id for e in out] == ["g3", "g1", "g2"]  # not the accusation: not a contact
    assert "g5" in [e.id for e in ledger(engs, "AAA", "BBB", everything=True)]
    assert [e.lifecycle for e in out] == ["planned", "held", "refused"]
    assert out[1].path() == "planned → cancelled → planned → held"
    assert [e.id for e in ledger(engs, "BBB", "AAA", since=date(2023, 6, 10), until=date(2023, 6, 30))] == ["g1"]


def test_resolve_country_codes_and_names() -> None:
    assert resolve_country("usa").code == "USA"
    assert resolve_country("China").code == "CHN"
    assert resolve_country("Beijing").code == "CHN"
    assert resolve_country("European Union").code == "EUR"
    for bad in ("Atlantis", "", "Joe Biden"):
        with pytest.raises(ViewError):
            resolve_country(bad)


# ------------------------------------------------------------------------------ over the example store

def test_example_store_tells_the_2023_story(examples_store: Any) -> None:
    from detente.views import report_from_store

    rep = report_from_store(examples_store, resolve_country("USA"), resolve_country("CHN"))
    idx = {r.period: r for r in rep.index}
    feb, jun, nov = date(2023, 2, 1), date(2023, 6, 1), date(2023, 11, 1)
    assert idx[feb].ab < 0  # the balloon: a shoot-down and a postponed trip
    assert idx[jun].ab > 0 and idx[nov].ab > 0 and idx[nov].ba > 0
    chans = {c.channel: c for c in rep.channels}
    assert chans["military"].verdict == "frozen"
    assert any(i.event_type == "REJECT" and i.on.month == 6 for i in chans["military"].refused)
    assert chans["diplomatic"].verdict == "active"
    assert chans["diplomatic"].last_held is not None and chans["diplomatic"].last_held.on == date(2023, 11, 15)
    assert chans["economic"].verdict == "active"
    led = rep.ledger
    assert led == sorted(led, key=lambda e: e.when or date.min, reverse=True)
    blinken = [e for e in led if "Antony Blinken" in e.who and e.mode == "visit" and e.lifecycle == "held"]
    assert any(e.path().startswith("planned → cancelled") for e in blinken)  # the balloon postponed the trip
    assert any(e.lifecycle == "refused" and "Li Shangfu" in e.who for e in led)  # Shangri-La
    assert any(e.lifecycle == "held" and e.location.startswith("Woodside") for e in led)  # the November summit
    assert all(e.event_type in {"CONSULT", "AGREE", "COOPERATE", "REJECT", "AID", "SUPPORT", "CONCEDE"} for e in led)
    feb_only = {c.channel: c for c in report_from_store(
        examples_store, resolve_country("USA"), resolve_country("CHN"), until=date(2023, 2, 10)).channels}
    assert feb_only["diplomatic"].verdict == "strained"  # the postponed trip after the last call


def test_plot_writes_a_png(tmp_path: Path, examples_store: Any) -> None:
    from detente.views import plot_index

    a, b = resolve_country("USA"), resolve_country("CHN")
    rows = coop_conflict_index(examples_store.events_df(dyad=("USA", "CHN")), "USA", "CHN", "month")
    out = plot_index(rows, a, b, tmp_path / "i.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    with pytest.raises(ViewError):
        plot_index([], a, b, tmp_path / "none.png")
