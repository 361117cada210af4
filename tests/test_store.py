"""Tests of the DuckDB corpus store (src/detente/store.py): identity, versions, transactions, migration, queries.

Real DuckDB files in tmp_path, real coder (spaCy model loaded once for the module). The article texts
are written for these tests.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import detente
from detente.article import article_from_text, read_articles
from detente.coder import Coder, CodeResult
from detente.errors import StoreError
from detente.store import (
    SCHEMA_V1,
    SCHEMA_VERSION,
    Store,
    article_id,
    lexicon_checksum,
    normalise_text,
    open_store,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "usa-china-2023"

LAKE_V1 = """Norway and Finland sign a fisheries accord

OSLO, March 3 — Norwegian Foreign Minister Espen Barth Eide met Finnish Foreign Minister Elina Valtonen in Oslo
on Monday and the two signed an accord on fishing in shared lakes.

Valtonen will visit Stockholm next week."""

LAKE_V2 = """Norway and Finland sign a fisheries accord

OSLO, March 3 — Norwegian Foreign Minister Espen Barth Eide met Finnish Foreign Minister Elina Valtonen in Oslo
on Monday and the two signed an accord on fishing in shared lakes.

Finland later accused Norway of breaking an earlier deal on river salmon."""

RIVER = """India and Bangladesh hold river talks

DHAKA, May 9 — Indian External Affairs Minister S. Jaishankar met Bangladeshi Prime Minister Sheikh Hasina
in Dhaka on Tuesday to discuss sharing the waters of the Teesta river."""


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    st = open_store(tmp_path / "t.duckdb")
    yield st
    st.close()


def code(coder: Coder, text: str, doc_id: str, published: str = "2024-03-06", url: str | None = None) -> CodeResult:
    art = article_from_text(text, doc_id, published=datetime.date.fromisoformat(published), url=url)
    return coder.code_article(art)


def test_new_store_has_every_table_and_the_schema_version(store: Store) -> None:
    counts = store.counts()
    assert set(counts) == {"meta", "articles", "events", "mentions", "sentences", "engagements", "runs"}
    assert store.schema_version() == SCHEMA_VERSION
    assert all(n == 0 for t, n in counts.items() if t != "meta")


def test_article_id_is_sha1_of_normalised_text() -> None:
    a = article_from_text(LAKE_V1, "lake")
    b = article_from_text(LAKE_V1.replace(" the two", "  the\ttwo") + "\n\n", "other-name")
    assert article_id(a) == hashlib.sha1(normalise_text(a.text).encode()).hexdigest()
    assert article_id(a) == article_id(b)
    assert article_id(a) != article_id(article_from_text(LAKE_V2, "lake"))


def test_same_text_twice_changes_nothing(coder: Coder, store: Store) -> None:
    run = store.start_run()
    res = code(coder, LAKE_V1, "lake")
    assert res.events, "the test article must yield events"
    assert store.add_result(res, run) == "new"
    before = store.counts()
    assert store.add_result(code(coder, LAKE_V1, "lake"), run) == "unchanged"
    assert store.add_result(code(coder, LAKE_V1, "lake-copy"), run) == "unchanged"  # same text, other name
    assert store.counts() == before
    assert before["events"] == len(res.events)
    assert before["mentions"] == sum(len(e.mentions) for e in res.events)
    assert before["sentences"] == len(res.sentences)


def test_changed_text_is_a_new_version_that_replaces_the_events(coder: Coder, store: Store) -> None:
    run = store.start_run()
    v1, v2 = code(coder, LAKE_V1, "lake"), code(coder, LAKE_V2, "lake")
    store.add_result(code(coder, RIVER, "river"), run)
    assert store.add_result(v1, run) == "new"
    assert store.add_result(v2, run) == "new-version"
    allv = store.articles_df(all_versions=True)
    lake = allv[allv.doc_id == "lake"].sort_values("version")
    assert list(lake.version) == [1, 2]
    assert list(lake.current) == [False, True]
    assert lake.supersedes.iloc[1] == lake.id.iloc[0]
    assert set(store.articles_df().doc_id) == {"lake", "river"}
    ev = store.events_df()
    lake_ev = ev[ev.doc_id == "lake"]
    assert set(lake_ev.article_id) == {article_id(v2.article)}
    assert sorted(lake_ev.id) == sorted(e.id for e in v2.events)
    assert set(ev[ev.doc_id == "river"].id), "the other article keeps its events"
    m = store.mentions_df()
    assert article_id(v1.article) not in set(m.article_id)
    assert article_id(v1.article) not in set(store.sentences_df().article_id)
    assert "ACCUSE" in set(lake_ev.event_type)


def test_an_older_text_again_becomes_the_current_version(coder: Coder, store: Store) -> None:
    run = store.start_run()
    v1, v2 = code(coder, LAKE_V1, "lake"), code(coder, LAKE_V2, "lake")
    assert [store.add_result(r, run) for r in (v1, v2, v1)] == ["new", "new-version", "new-version"]
    allv = store.articles_df(all_versions=True).set_index("id")
    a1, a2 = article_id(v1.article), article_id(v2.article)
    assert len(allv) == 2 and bool(allv.loc[a1].current) and not bool(allv.loc[a2].current)
    assert allv.loc[a1].version == 3 and allv.loc[a1].supersedes == a2
    assert sorted(store.events_df().id) == sorted(e.id for e in v1.events)
    assert set(store.mentions_df().article_id) == {a1} and set(store.sentences_df().article_id) == {a1}
    assert store.add_result(v1, run) == "unchanged"


def test_stale_codings_are_counted_until_recoded(coder: Coder, store: Store) -> None:
    run = store.start_run()
    res = code(coder, RIVER, "river")
    store.add_result(res, run)
    assert store.stale_articles() == 0
    assert list(store.articles_df().coded_with) == [lexicon_checksum()]
    store.con.execute("UPDATE articles SET coded_with = 'an-older-lexicon'")
    assert store.stale_articles() == 1
    store.add_result(code(coder, LAKE_V1, "lake"), run, coded_with="a-batch-lexicon")
    assert store.stale_articles() == 2
    assert set(store.articles_df().coded_with) == {"an-older-lexicon", "a-batch-lexicon"}
    diff = store.replace_coding(article_id(res.article), coder.code_article(res.article))
    assert not diff.any and store.stale_articles() == 1


def test_same_url_with_another_doc_id_is_a_new_version(coder: Coder, store: Store) -> None:
    run = store.start_run()
    url = "https://news.example/2024/lake-accord"
    store.add_result(code(coder, LAKE_V1, "lake-a", url=url), run)
    assert store.add_result(code(coder, LAKE_V2, "lake-b", url=url), run) == "new-version"
    assert list(store.articles_df().doc_id) == ["lake-b"]
    assert set(store.events_df().doc_id) == {"lake-b"}


def test_a_failing_article_leaves_no_rows_and_keeps_what_was_stored(coder: Coder, store: Store) -> None:
    run = store.start_run()
    v1 = code(coder, LAKE_V1, "lake")
    store.add_result(v1, run)
    before = store.counts()
    events_before = sorted(store.events_df().id)
    # a new version whose coding cannot be written (two events with one id: a primary-key violation
    # after the old version's events were already deleted inside the transaction)
    v2 = code(coder, LAKE_V2, "lake")
    bad = replace(v2, events=[v2.events[0], v2.events[0]])
    with pytest.raises(StoreError, match="lake"):
        store.add_result(bad, run)
    assert store.counts() == before
    assert sorted(store.events_df().id) == events_before
    assert list(store.articles_df().id) == [article_id(v1.article)]
    # a brand-new article that fails leaves nothing behind either
    river = code(coder, RIVER, "river")
    with pytest.raises(StoreError):
        store.add_result(replace(river, events=[river.events[0], river.events[0]]), run)
    assert store.counts() == before
    assert not store.has_article(article_id(river.article))
    # and the store is still usable afterwards
    assert store.add_result(river, run) == "new"


def test_runs_record_version_checksum_counts_and_errors(store: Store) -> None:
    run = store.start_run()
    store.finish_run(run, articles=3, events=7, errors=["a.md: empty file"])
    row = store.runs_df().iloc[0]
    assert row.id == run and row.version == detente.__version__
    assert row.lexicon_checksum == lexicon_checksum()
    assert (row.articles, row.events) == (3, 7)
    assert json.loads(row.errors) == ["a.md: empty file"]
    assert row.finished >= row.started


def test_lexicon_checksum_covers_every_data_file() -> None:
    data = ROOT / "src" / "detente" / "data"
    h = hashlib.sha1()
    for f in sorted((p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                    key=lambda p: p.relative_to(data).parts):
        h.update(f.relative_to(data).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    assert lexicon_checksum() == h.hexdigest()


def test_events_df_filters_are_parameters(coder: Coder, store: Store) -> None:
    run = store.start_run()
    store.add_result(code(coder, LAKE_V1, "lake"), run)
    store.add_result(code(coder, RIVER, "river", published="2024-05-09"), run)
    ev = store.events_df()
    assert isinstance(ev, pd.DataFrame) and len(ev) == store.counts()["events"]
    nor_fin = store.events_df(dyad=("NOR", "FIN"))
    assert len(nor_fin) and set(zip(nor_fin.source_country, nor_fin.target_country, strict=True)) <= {
        ("NOR", "FIN"), ("FIN", "NOR")}
    one_way = store.events_df(dyad=("NOR", "FIN"), both_directions=False)
    assert set(one_way.source_country) <= {"NOR"} and len(one_way) <= len(nor_fin)
    assert set(store.events_df(dyad=("IND", "BGD")).doc_id) == {"river"}
    assert set(store.events_df(event_type="CONSULT").event_type) == {"CONSULT"}
    assert set(store.events_df(status="planned").status) <= {"planned"}
    assert set(store.events_df(since=datetime.date(2024, 5, 1)).doc_id) == {"river"}
    assert "river" not in set(store.events_df(until=datetime.date(2024, 4, 1)).doc_id)
    assert len(store.events_df(limit=1)) == 1
    assert list(store.events_df(limit=2, offset=1).id) == list(ev.id[1:3])
    # a hostile filter value is only ever a value
    assert store.events_df(event_type="CONSULT' OR 1=1 --").empty
    assert store.events_df(dyad=("NOR' OR '1'='1", "FIN")).empty
    dy = store.dyads_df()
    assert list(dy.columns) == ["source", "target", "events"] and dy.events.sum() <= len(ev)


def test_event_detail_and_records(coder: Coder, store: Store) -> None:
    run = store.start_run()
    res = code(coder, LAKE_V1, "lake")
    store.add_result(res, run)
    ev = res.events[0]
    rec = store.event(ev.id)
    assert rec is not None
    assert rec["id"] == ev.id and rec["event_type"] == ev.event_type
    assert rec["published"] == "2024-03-06" and rec["article_id"] == article_id(res.article)
    by_index = {s.index: s.text for s in res.sentences}
    assert [s["index"] for s in rec["sentences"]] == sorted({m.sentence for m in ev.mentions})
    assert all(s["text"] == by_index[s["index"]] for s in rec["sentences"])
    assert store.event("no-such-event") is None
    records = store.event_records()
    assert sorted(r["id"] for r in records) == sorted(e.id for e in res.events)
    assert all(r["published"] == "2024-03-06" for r in records)
    assert {r["id"]: r["status"] for r in records} == {e.id: e.status for e in res.events}


def test_replace_engagements(store: Store) -> None:
    eng = {"id": "e1", "event_type": "CONSULT", "mode": "visit", "source": "USA", "target": "CHN",
           "names": ["Antony Blinken"], "status": "occurred", "first_reported": "2023-01-27",
           "last_reported": "2023-06-19", "date": {"start": "2023-06-18", "end": "2023-06-19"},
           "location": {"name": "Beijing", "country": "CHN"},
           "history": [{"status": "planned", "date": None, "doc_id": "a", "published": "2023-01-27",
                        "event_id": "x"}], "reports": 2}
    store.replace_engagements([eng, {**eng, "id": "e2", "status": "planned"}])
    df = store.engagements_df()
    assert list(df.id) == ["e1", "e2"]
    row = df.iloc[0]
    assert row.location == "Beijing" and str(row.date_start)[:10] == "2023-06-18"
    assert json.loads(row.record)["history"][0]["status"] == "planned"
    store.replace_engagements([eng])
    assert list(store.engagements_df().id) == ["e1"]


def test_detente_open_returns_dataframes(coder: Coder, tmp_path: Path) -> None:
    db = tmp_path / "api.duckdb"
    with detente.open(str(db)) as st:
        st.add_result(code(coder, RIVER, "river"), st.start_run())
    with detente.open(str(db), read_only=True) as st:
        df = st.events_df()
        assert isinstance(df, pd.DataFrame) and set(df.doc_id) == {"river"}
        assert {"event_type", "status", "source_country", "target_country", "record"} <= set(df.columns)
        with pytest.raises(StoreError, match="read-only"):
            st.start_run()


def _v1_store(path: Path) -> None:
    con = duckdb.connect(str(path))
    for ddl in SCHEMA_V1:
        con.execute(ddl)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO articles VALUES ('a1', 'old-doc', NULL, 'Old title', 'old.txt', NULL, DATE '2022-05-01',"
                " 'Old title\n\nPoland and Lithuania signed a border accord in Vilnius on Monday.', 'r0', NULL)")
    con.execute("INSERT INTO events (id, article_id, doc_id, event_type, status, record) VALUES "
                "('ev1', 'a1', 'old-doc', 'AGREE', 'occurred', '{\"id\": \"ev1\"}')")
    con.close()


def test_an_older_schema_is_migrated_on_open(tmp_path: Path) -> None:
    db = tmp_path / "v1.duckdb"
    _v1_store(db)
    with pytest.raises(StoreError, match="migrate"):
        open_store(db, read_only=True)
    with open_store(db) as st:
        assert st.schema_version() == SCHEMA_VERSION
        arts = st.articles_df()
        assert list(arts.id) == ["a1"] and list(arts.version) == [1] and bool(arts.current.iloc[0])
        assert list(st.events_df().id) == ["ev1"]
        assert st.counts()["sentences"] == 0 and st.engagements_df().empty
        assert st.stale_articles() == 1  # coded by an unknown lexicon: `detente recode` re-codes it
        (aid, art), = st.current_articles()
        assert aid == "a1" and art.id == "old-doc" and art.title == "Old title"
        assert "border accord" in art.text
    with open_store(db, read_only=True) as st:  # migrated: now opens read-only too
        assert st.schema_version() == SCHEMA_VERSION


def test_a_newer_or_foreign_file_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.duckdb"
    with open_store(newer) as st:
        st.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(StoreError, match="newer"):
        open_store(newer)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a detente store"):
        open_store(other)
    text = tmp_path / "notes.duckdb"
    text.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError):
        open_store(text)
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_a_store_held_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    open_store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from detente.store import open_store; st = open_store(sys.argv[1]);"
         " print('open', flush=True); time.sleep(30)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        t0 = time.monotonic()
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(db)
        assert time.monotonic() - t0 < 10
    finally:
        holder.kill()
        holder.wait()


def test_the_planned_and_the_held_blinken_visit_code_into_one_store(coder: Coder, store: Store) -> None:
    run = store.start_run()
    for name in ("2023-06-06-blinken-visit-planned.md", "2023-06-18-blinken-meets-qin-gang.md"):
        for art in read_articles(EXAMPLES / name):
            assert store.add_result(coder.code_article(art), run) == "new"
    ev = store.events_df(dyad=("USA", "CHN"), event_type="CONSULT")
    visits = ev[(ev["mode"] == "visit") & (ev.source_name == "Antony Blinken")]
    by_doc = {d: set(g.status) for d, g in visits.groupby("doc_id")}
    assert "planned" in by_doc["2023-06-06-blinken-visit-planned"]
    assert "occurred" in by_doc["2023-06-18-blinken-meets-qin-gang"]
    held = visits[(visits.doc_id == "2023-06-18-blinken-meets-qin-gang") & (visits.status == "occurred")]
    assert any(str(d)[:10] == "2023-06-18" for d in held.date_start)
    assert set(store.articles_df().published.astype(str).str[:10]) == {"2023-06-06", "2023-06-18"}


def test_importing_detente_does_not_load_duckdb_or_pandas() -> None:
    probe = ("import sys, detente; print('duckdb' in sys.modules, 'pandas' in sys.modules); "
             "detente.open(sys.argv[1]).close(); print('duckdb' in sys.modules)")
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run([sys.executable, "-c", probe, str(Path(d) / "lazy.duckdb")], capture_output=True,
                             text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False", "True"]
