"""Engagements: one action across its reports, with its lifecycle (detente.engagements)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from detente.article import read_articles
from detente.cli import main
from detente.coder import Coder, CodeResult
from detente.engagements import (
    Settings,
    build_engagements,
    engagement_lifecycle,
    family_of,
    lifecycle,
    load_families,
)
from detente.errors import LexiconError

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "usa-china-2023"
FIELDS = {"id", "event_type", "mode", "source", "target", "names", "status", "first_reported", "last_reported",
          "date", "location", "history", "reports"}


def _records(results: list[CodeResult]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for res in results:
        published = res.published or res.article.published
        assert published is not None
        for ev in res.events:
            d = ev.to_dict()
            d["published"] = published.isoformat()
            d["article_id"] = res.article.id
            out.append(d)
    return out


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="module")
def corpus_results(coder: Coder) -> list[CodeResult]:
    articles = [a for p in sorted(CORPUS.glob("*.md")) for a in read_articles(p)]
    return list(coder.code_articles(articles))


def _blinken_visits(engagements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in engagements if e["event_type"] == "CONSULT" and e["mode"] == "visit"
            and "Antony Blinken" in e["names"] and {e["source"], e["target"]} == {"USA", "CHN"}
            and (e["location"] or {}).get("country") == "CHN"]


# ------------------------------------------------------------------------------------------ the example corpus


def test_planned_and_held_reports_become_one_engagement(coder: Coder) -> None:
    paths = [CORPUS / "2023-06-06-blinken-visit-planned.md", CORPUS / "2023-06-18-blinken-meets-qin-gang.md"]
    results = [coder.code_article(a) for p in paths for a in read_articles(p)]
    engagements = build_engagements(_records(results))
    visits = _blinken_visits(engagements)
    assert len(visits) == 1, [(e["names"], e["history"]) for e in visits]
    visit = visits[0]
    assert set(visit) == FIELDS
    by_status = {h["status"]: set() for h in visit["history"]}
    for h in visit["history"]:
        by_status[h["status"]].add(h["doc_id"])
    assert "2023-06-06-blinken-visit-planned" in by_status["planned"]
    assert "2023-06-18-blinken-meets-qin-gang" in by_status["occurred"]
    assert visit["status"] == "occurred"
    assert visit["date"] == {"start": "2023-06-18", "end": "2023-06-18"}
    assert visit["first_reported"] == "2023-06-06" and visit["last_reported"] == "2023-06-18"
    assert visit["reports"] == 2
    # every report of the visit is in exactly one engagement
    ids = [h["event_id"] for e in engagements for h in e["history"]]
    assert len(ids) == len(set(ids))


def test_corpus_blinken_visit_lifecycle(corpus_results: list[CodeResult]) -> None:
    engagements = build_engagements(_records(corpus_results))
    visits = _blinken_visits(engagements)
    assert len(visits) == 1, [(e["names"], engagement_lifecycle(e)) for e in visits]
    visit = visits[0]
    steps = engagement_lifecycle(visit)
    assert steps == ["planned", "cancelled", "planned", "occurred"]
    assert visit["status"] == "occurred"
    docs = {h["doc_id"] for h in visit["history"]}
    assert {"2023-01-27-blinken-trip-planned", "2023-02-03-blinken-postpones-trip-balloon",
            "2023-06-06-blinken-visit-planned", "2023-06-18-blinken-meets-qin-gang",
            "2023-06-19-blinken-meets-xi"} <= docs
    cancelled = [h for h in visit["history"] if h["status"] == "cancelled"]
    assert any(h["published"] == "2023-02-03" for h in cancelled)
    assert visit["date"] == {"start": "2023-06-18", "end": "2023-06-19"}
    assert visit["location"] == {"name": "Beijing", "country": "CHN"}
    assert visit["first_reported"] == "2023-01-27"
    # the history is in effective-date order: the January plan first, the June meetings last
    assert visit["history"][0]["published"] == "2023-01-27"
    assert visit["history"][-1]["status"] == "occurred"


def test_corpus_distinct_meetings_stay_distinct(corpus_results: list[CodeResult]) -> None:
    engagements = build_engagements(_records(corpus_results))
    sullivan = [e for e in engagements if e["event_type"] == "CONSULT" and e["mode"] == "third-party"
                and {"Jake Sullivan", "Wang Yi"} <= set(e["names"])]
    places = sorted((e["location"] or {}).get("name") or "" for e in sullivan)
    assert places == ["Malta", "Vienna"]
    assert {e["date"]["start"] for e in sullivan} == {"2023-05-10", "2023-09-16"}
    # retrospective mentions of Vienna in later articles joined the Vienna meeting, not Malta
    vienna = next(e for e in sullivan if e["location"]["name"] == "Vienna")
    assert vienna["reports"] >= 3
    # Kritenbrink's and Burns's trips to Beijing are not Blinken's visit
    blinken = _blinken_visits(engagements)[0]
    assert "Daniel Kritenbrink" not in blinken["names"] and "William Burns" not in blinken["names"]
    assert any("Daniel Kritenbrink" in e["names"] for e in engagements)
    # the Woodside summit: planned in October and November, held on 15 November
    summit = [e for e in engagements if e["event_type"] == "CONSULT" and e["mode"] == "visit"
              and {"Xi Jinping", "Joe Biden"} <= set(e["names"]) and e["date"]["start"] == "2023-11-15"]
    assert len(summit) == 1 and engagement_lifecycle(summit[0]) == ["planned", "occurred"]


def test_corpus_ids_are_stable_and_unique(corpus_results: list[CodeResult]) -> None:
    records = _records(corpus_results)
    first = build_engagements(records)
    again = build_engagements(list(reversed(records)))
    assert [e["id"] for e in first] == [e["id"] for e in again]
    assert len({e["id"] for e in first}) == len(first)
    # dropping the last article keeps the ids of the engagements it did not report
    last_doc = max(r["doc_id"] for r in records)
    fewer = build_engagements([r for r in records if r["doc_id"] != last_doc])
    untouched = {e["id"] for e in first if all(h["doc_id"] != last_doc for h in e["history"])}
    assert untouched <= {e["id"] for e in fewer}


# ------------------------------------------------------------------------------------------ the rule, by hand

_PEOPLE = {"Blinken": ("USA", "secretary of state"), "Qin": ("CHN", "foreign minister"),
           "Xi": ("CHN", "president"), "Kritenbrink": ("USA", "assistant secretary"),
           "Sullivan": ("USA", "national security adviser"), "Wang": ("CHN", "foreign minister")}
_PLACES = {"Beijing": "CHN", "Washington": "USA", "Vienna": "AUT", "Malta": "MLT"}


def _actor(who: str) -> dict[str, Any]:
    if who in _PEOPLE:
        country, role = _PEOPLE[who]
        return {"text": who, "name": who, "role": role, "country": country, "sector": "GOV"}
    return {"text": who, "name": None, "role": None, "country": who, "sector": None}


def rec(n: int, published: str, status: str, src: str, tgt: str, *, type: str = "CONSULT",
        mode: str | None = "visit", start: str | None = None, end: str | None = None,
        place: str | None = None) -> dict[str, Any]:
    return {
        "id": f"ev{n}", "doc_id": f"doc{n}", "event_type": type, "mode": mode, "status": status, "context": [],
        "source": _actor(src), "target": _actor(tgt),
        "date": {"text": "", "start": start, "end": end or start, "granularity": "day"} if start else None,
        "location": {"text": place, "name": place, "country": _PLACES[place]} if place else None,
        "attribution": None, "mentions": [], "plover_type": type, "cameo": None, "quad": None,
        "intensity": None, "confidence": 0.9, "published": published, "article_id": f"a{n}",
    }


CASES: list[tuple[str, list[dict[str, Any]], list[list[str]]]] = [
    ("plan then visit", [
        rec(1, "2023-06-14", "planned", "Blinken", "CHN", start="2023-06-18", place="Beijing"),
        rec(2, "2023-06-19", "occurred", "Blinken", "Qin", start="2023-06-18", place="Beijing"),
    ], [["planned", "occurred"]]),
    ("a meeting reported either way round", [
        rec(1, "2023-05-11", "occurred", "Sullivan", "Wang", mode="third-party", start="2023-05-10"),
        rec(2, "2023-05-12", "occurred", "Wang", "Sullivan", mode="third-party", start="2023-05-10"),
    ], [["occurred"]]),
    ("a directed type keeps its direction", [
        rec(1, "2023-02-05", "occurred", "USA", "CHN", type="ACCUSE", mode=None, start="2023-02-05"),
        rec(2, "2023-02-05", "occurred", "CHN", "USA", type="ACCUSE", mode=None, start="2023-02-05"),
    ], [["occurred"], ["occurred"]]),
    ("a different principal on the same day", [
        rec(1, "2023-06-06", "occurred", "Kritenbrink", "CHN", start="2023-06-05", place="Beijing"),
        rec(2, "2023-06-06", "occurred", "Blinken", "CHN", start="2023-06-05", place="Beijing"),
    ], [["occurred"], ["occurred"]]),
    ("one visitor, two hosts", [
        rec(1, "2023-06-18", "occurred", "Blinken", "Qin", start="2023-06-18", place="Beijing"),
        rec(2, "2023-06-19", "occurred", "Blinken", "Xi", start="2023-06-19", place="Beijing"),
    ], [["occurred"]]),
    ("the same pair months apart", [
        rec(1, "2023-05-12", "occurred", "Sullivan", "Wang", mode="third-party", start="2023-05-10"),
        rec(2, "2023-09-18", "occurred", "Sullivan", "Wang", mode="third-party", start="2023-09-16"),
    ], [["occurred"], ["occurred"]]),
    ("the same pair, undated, in two countries", [
        rec(1, "2023-05-12", "occurred", "Sullivan", "Wang", mode="third-party", place="Vienna"),
        rec(2, "2023-09-18", "occurred", "Sullivan", "Wang", mode="third-party", place="Malta"),
    ], [["occurred"], ["occurred"]]),
    ("a visit is not a third-place meeting, a call is not a visit", [
        rec(1, "2023-06-18", "occurred", "Blinken", "Qin", start="2023-06-18"),
        rec(2, "2023-06-18", "occurred", "Blinken", "Qin", mode="third-party", start="2023-06-18"),
        rec(3, "2023-06-18", "occurred", "Blinken", "Qin", mode="phone", start="2023-06-18"),
    ], [["occurred"], ["occurred"], ["occurred"]]),
    ("a visit with no mode joins the visit", [
        rec(1, "2023-06-18", "occurred", "Blinken", "Qin", start="2023-06-18"),
        rec(2, "2023-06-19", "occurred", "Qin", "Blinken", mode=None, start="2023-06-18"),
    ], [["occurred"]]),
    ("postponed and re-planned within the window", [
        rec(1, "2023-01-27", "planned", "Blinken", "CHN", start="2023-02-05", place="Beijing"),
        rec(2, "2023-02-03", "cancelled", "Blinken", "CHN", start="2023-02-03"),
        rec(3, "2023-06-06", "planned", "Blinken", "CHN", start="2023-06-06", end="2023-07-18"),
        rec(4, "2023-06-19", "occurred", "Blinken", "Qin", start="2023-06-18", place="Beijing"),
    ], [["planned", "cancelled", "planned", "occurred"]]),
    ("re-planned after the window: a new engagement", [
        rec(1, "2023-01-27", "planned", "Blinken", "CHN", start="2023-02-05"),
        rec(2, "2023-02-03", "cancelled", "Blinken", "CHN", start="2023-02-03"),
        rec(3, "2023-10-06", "planned", "Blinken", "CHN", start="2023-10-20"),
    ], [["planned", "cancelled"], ["planned"]]),
    ("an unnamed plan does not re-open a named cancelled visit", [
        rec(1, "2023-01-27", "planned", "Blinken", "CHN", start="2023-02-05"),
        rec(2, "2023-02-03", "cancelled", "Blinken", "CHN", start="2023-02-03"),
        rec(3, "2023-05-12", "planned", "USA", "CHN", start="2023-05-12", end="2023-11-12"),
    ], [["planned", "cancelled"], ["planned"]]),
    ("a cancellation recalled in a later article counts at its date", [
        rec(1, "2023-01-27", "planned", "Blinken", "CHN", start="2023-02-05"),
        rec(2, "2023-06-06", "cancelled", "Blinken", "CHN", start="2023-02-03"),
        rec(3, "2023-06-06", "planned", "Blinken", "CHN", start="2023-06-06", end="2023-07-18"),
    ], [["planned", "cancelled", "planned"]]),
    ("a plan recalled after its date does not re-open the lifecycle", [
        rec(1, "2023-01-27", "planned", "Blinken", "CHN", start="2023-02-05"),
        rec(2, "2023-02-03", "cancelled", "Blinken", "CHN", start="2023-02-03"),
        rec(3, "2023-04-01", "planned", "Blinken", "CHN", start="2023-02-05"),
    ], [["planned", "cancelled"]]),
    ("an unnamed report joins on a narrow date, not on a vague one", [
        rec(1, "2023-02-19", "occurred", "Blinken", "Wang", mode="multilateral", start="2023-02-18"),
        rec(2, "2023-02-19", "occurred", "USA", "CHN", mode="multilateral", start="2023-02-18"),
        rec(3, "2023-02-19", "occurred", "USA", "CHN", mode="multilateral", start="2023-02-01", end="2023-02-28"),
    ], [["occurred"], ["occurred"]]),
    ("a plan for another leg after the visit began is folded in", [
        rec(1, "2023-08-28", "occurred", "Blinken", "Qin", start="2023-08-27", place="Beijing"),
        rec(2, "2023-08-29", "planned", "Blinken", "CHN", start="2023-08-30"),
        rec(3, "2023-08-31", "occurred", "Blinken", "Xi", start="2023-08-30", place="Beijing"),
    ], [["occurred"]]),
    ("a plan known only from a recollection is still planned", [
        rec(1, "2023-04-01", "planned", "Blinken", "CHN", start="2023-02-05"),
    ], [["planned"]]),
    ("hypothetical and negated reports are no engagement", [
        rec(1, "2023-06-06", "hypothetical", "Blinken", "CHN"),
        rec(2, "2023-06-06", "negated", "Blinken", "CHN"),
    ], []),
    ("an engagement closes after the window", [
        rec(1, "2023-05-12", "occurred", "Sullivan", "Wang", mode="third-party", start="2023-05-10"),
        rec(2, "2024-01-10", "occurred", "Sullivan", "Wang", mode="third-party"),
    ], [["occurred"], ["occurred"]]),
    ("a closed visit is still recalled by name and place", [
        rec(1, "2023-06-19", "occurred", "Blinken", "Qin", start="2023-06-18", place="Beijing"),
        rec(2, "2024-03-01", "occurred", "Blinken", "CHN", place="Beijing"),
    ], [["occurred"]]),
    ("a visit to the other country is not this one", [
        rec(1, "2023-06-18", "occurred", "Blinken", "Qin", start="2023-06-18", place="Beijing"),
        rec(2, "2023-06-18", "planned", "Qin", "USA", place="Washington"),
    ], [["occurred"], ["planned"]]),
]


@pytest.mark.parametrize(("records", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_matching_rule(records: list[dict[str, Any]], expected: list[list[str]]) -> None:
    engagements = build_engagements(records)
    got = sorted(engagement_lifecycle(e) for e in engagements)
    assert got == sorted(expected), [[h["event_id"] for h in e["history"]] for e in engagements]
    for e in engagements:
        assert set(e) == FIELDS
        assert e["status"] == engagement_lifecycle(e)[-1]
        assert all(set(h) == {"status", "date", "doc_id", "published", "event_id"} for h in e["history"])
    # every report that takes part is in exactly one engagement
    ids = [h["event_id"] for e in engagements for h in e["history"]]
    usable = [r["id"] for r in records if r["status"] in ("planned", "cancelled", "occurred")]
    assert sorted(ids) == sorted(usable)


def test_reopen_window_is_a_setting() -> None:
    records = [rec(1, "2023-01-27", "planned", "Blinken", "CHN", start="2023-02-05"),
               rec(2, "2023-02-03", "cancelled", "Blinken", "CHN", start="2023-02-03"),
               rec(3, "2023-04-06", "planned", "Blinken", "CHN", start="2023-04-20")]
    assert len(build_engagements(records)) == 1
    assert len(build_engagements(records, settings=Settings(reopen_days=30))) == 2


def test_output_fields() -> None:
    records = [rec(1, "2023-06-14", "planned", "Blinken", "CHN", start="2023-06-18", place="Beijing"),
               rec(2, "2023-06-19", "occurred", "Blinken", "Qin", start="2023-06-18", place="Beijing"),
               rec(3, "2023-06-20", "occurred", "Blinken", "Xi", start="2023-06-19", place="Beijing")]
    [e] = build_engagements(records)
    assert (e["event_type"], e["mode"], e["source"], e["target"]) == ("CONSULT", "visit", "USA", "CHN")
    assert e["names"][0] == "Blinken" and set(e["names"]) == {"Blinken", "Qin", "Xi"}
    assert e["date"] == {"start": "2023-06-18", "end": "2023-06-19"}
    assert e["location"] == {"name": "Beijing", "country": "CHN"}
    assert (e["first_reported"], e["last_reported"], e["reports"]) == ("2023-06-14", "2023-06-20", 3)
    assert [h["status"] for h in e["history"]] == ["planned", "occurred", "occurred"]
    assert e["history"][0] == {"status": "planned", "date": {"start": "2023-06-18", "end": "2023-06-18"},
                               "doc_id": "doc1", "published": "2023-06-14", "event_id": "ev1"}
    # the id does not change when a later report joins
    [more] = build_engagements([*records, rec(4, "2023-06-21", "occurred", "Qin", "Blinken", mode=None,
                                              start="2023-06-19")])
    assert more["id"] == e["id"] and more["reports"] == 4


def test_lifecycle_steps() -> None:
    assert lifecycle(["planned", "planned", "cancelled", "planned", "occurred", "planned", "occurred"]) == [
        "planned", "cancelled", "planned", "occurred"]
    assert lifecycle([]) == []


# ------------------------------------------------------------------------------------------ the families file


def test_families_file_shipped() -> None:
    families = load_families()
    meeting = family_of("CONSULT", "visit", families)
    assert meeting.symmetric and family_of("CONSULT", None, families) is meeting
    assert family_of("CONSULT", "phone", families).name == "call"
    assert not family_of("ACCUSE", "allege", families).symmetric


def test_families_file_errors_name_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "engagements.yaml"
    p.write_text(
        "- {family: meeting, types: [CONSULT], modes: [visit, null]}\n"
        "- {family: calls, types: [CONSULT], modes: [phone, teleport]}\n"
        "- {family: again, types: [CONSULT], modes: [visit]}\n"
        "- {family: odd, types: [GOSSIP]}\n"
        "- {family: meeting, types: [AID], colour: red}\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_families(str(p))
    msg = str(info.value)
    assert f"{p}:2: mode 'teleport'" in msg
    assert f"{p}:3: (CONSULT, visit) is already in family 'meeting'" in msg
    assert f"{p}:4: field 'types'" in msg
    assert f"{p}:5: unknown field 'colour'" in msg
    assert f"{p}:5: duplicate family 'meeting'" in msg


# ------------------------------------------------------------------------------------------ the CLI over a store


def test_cli_engagements_over_a_store(corpus_results: list[CodeResult], tmp_path: Path) -> None:
    from detente.engagements import build_engagements as build
    from detente.store import open_store

    db = tmp_path / "corpus.duckdb"
    with open_store(db) as st:
        run = st.start_run()
        for res in corpus_results:
            st.add_result(res, run)
        st.replace_engagements(build(st.event_records()))
        st.finish_run(run, articles=len(corpus_results), events=0, errors=[])
    runner = CliRunner()
    out = runner.invoke(main, ["engagements", "--db", str(db), "--dyad", "CHN-USA", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and all({r["source"], r["target"]} == {"USA", "CHN"} for r in rows)
    assert len(_blinken_visits(rows)) == 1
    table = runner.invoke(main, ["engagements", "--db", str(db), "--dyad", "USA-CHN"])
    assert table.exit_code == 0, table.output
    assert "planned → cancelled → planned → occurred" in table.output
    missing = runner.invoke(main, ["engagements", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such store" in missing.output


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "spec" / "seed" / "ft-2023-06-06-blinken-china.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/spec is not present")
def test_seed_article_and_the_held_visit_are_one_engagement(coder: Coder) -> None:
    from datetime import date

    seed = coder.code_article(read_articles(SEED)[0], date(2023, 6, 6))
    held = [coder.code_article(a) for a in read_articles(CORPUS / "2023-06-18-blinken-meets-qin-gang.md")]
    engagements = build_engagements(_records([seed, *held]))
    visits = _blinken_visits(engagements)
    assert len(visits) == 1, [(e["names"], e["history"]) for e in visits]
    statuses = {h["status"] for h in visits[0]["history"]}
    assert {"planned", "occurred"} <= statuses
    assert visits[0]["status"] == "occurred"
