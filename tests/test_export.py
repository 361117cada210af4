"""Exports (detente.export): every format is parsed back and its fields checked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from detente.article import read_articles
from detente.cli import main
from detente.coder import Coder, CodeResult
from detente.errors import ExportError, InputError
from detente.export import (
    FLAT_COLUMNS,
    GDELT_COLUMNS,
    export_records,
    plover_records,
    write_csv,
    write_gdelt,
    write_jsonl,
    write_parquet,
    write_plover,
)
from detente.record import EVENT_TYPES

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "usa-china-2023"
FILES = ("2023-01-16-russian-missile-dnipro.md", "2023-01-27-blinken-trip-planned.md",
         "2023-02-03-blinken-postpones-trip-balloon.md", "2023-06-18-blinken-meets-qin-gang.md")


@pytest.fixture(scope="module")
def results() -> list[CodeResult]:
    coder = Coder()
    return [coder.code_article(a) for f in FILES for a in read_articles(CORPUS / f)]


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
def records(results: list[CodeResult]) -> list[dict[str, Any]]:
    recs = _records(results)
    # the slice exercises every status the exports treat differently
    assert {"occurred", "planned", "cancelled"} <= {r["status"] for r in recs}
    recs.append({**recs[0], "id": "f" * 40, "status": "hypothetical", "plover_type": None,
                 "url": "https://example.org/hypothetical"})
    return recs


def _action_day(r: dict[str, Any]) -> str:
    start, published = (r.get("date") or {}).get("start"), r["published"]
    if r["status"] == "planned" or (r["status"] == "cancelled" and start and start > published):
        return str(published)
    return str(start or published)


# ------------------------------------------------------------------------------------------ PLOVER


def test_plover_jsonl(records: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    n = write_plover(records, buf)
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    strict = [r for r in records if r["plover_type"]]
    assert n == len(lines) == len(strict) < len(records)
    by_id = {r["id"]: r for r in records}
    for p in lines:
        r = by_id[p["id"]]
        assert {"id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "event_scale",
                "event_text", "cite_info", "coder", "status"} <= set(p)
        assert p["event"] == [r["plover_type"]] and p["event"][0] in EVENT_TYPES
        assert p["date"] == _action_day(r)
        assert p["quad_code"] == r["quad"] and p["event_scale"] == r["intensity"]
        assert p["detente_event_type"] == r["event_type"] and p["status"] == r["status"]
        if r.get("source"):
            assert p["source"][0]["code"] == r["source"]["country"]
            assert p["source"][0].get("identifier_text") == r["source"].get("name")
        if r.get("target"):
            assert p["recipient"][0]["code"] == r["target"]["country"]
        if r.get("location") and r["location"].get("country"):
            assert p["event_loc"]["cc3"] == r["location"]["country"]
            assert len(p["event_loc"]["country code"]) == 2
        assert p["event_text"] == list(dict.fromkeys(m["text"] for m in r["mentions"] if m["text"]))
        if r["status"] == "planned":
            assert "enddate" not in p
        if r["status"] == "cancelled" and r["event_type"] == "CONSULT":
            assert p["event"] == ["REJECT"] and p["mode"] == "meet"
        elif r["plover_type"] != r["event_type"]:
            assert p["mode"] is None
        else:
            assert p["mode"] == r["mode"]
    planned_visit = [p for p in lines if p["status"] == "planned" and p["detente_event_type"] == "CONSULT"]
    assert planned_visit and all(p["event"] == ["AGREE"] for p in planned_visit)
    assert "f" * 40 not in {p["id"] for p in lines}


# ------------------------------------------------------------------------------------------ GDELT


def test_gdelt_column_order_follows_the_codebook() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    expected_at = {0: "GLOBALEVENTID", 1: "SQLDATE", 4: "FractionDate", 5: "Actor1Code", 7: "Actor1CountryCode",
                   12: "Actor1Type1Code", 15: "Actor2Code", 25: "IsRootEvent", 26: "EventCode",
                   28: "EventRootCode", 29: "QuadClass", 30: "GoldsteinScale", 34: "AvgTone",
                   35: "Actor1Geo_Type", 39: "Actor1Geo_ADM2Code", 43: "Actor2Geo_Type", 51: "ActionGeo_Type",
                   53: "ActionGeo_CountryCode", 57: "ActionGeo_Long", 58: "ActionGeo_FeatureID", 59: "DATEADDED",
                   60: "SOURCEURL"}
    for i, name in expected_at.items():
        assert GDELT_COLUMNS[i] == name


def test_gdelt_tsv(records: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    n = write_gdelt(records, buf)
    lines = buf.getvalue().split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert all(len(row) == 61 for row in rows)
    header, body = rows[0], rows[1:]
    assert tuple(header) == GDELT_COLUMNS and n == len(body) == len(records)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    ids = [int(row[col["GLOBALEVENTID"]]) for row in body]
    assert len(set(ids)) == len(ids)
    for r, row in zip(records, body, strict=True):
        g = {name: row[i] for name, i in col.items()}
        day = _action_day(r).replace("-", "")
        assert (g["SQLDATE"], g["MonthYear"], g["Year"]) == (day, day[:6], day[:4])
        assert int(day[:4]) < float(g["FractionDate"]) < int(day[:4]) + 1
        cameo = r["cameo"] or ""
        assert (g["EventCode"], g["EventBaseCode"], g["EventRootCode"]) == (cameo, cameo[:3], cameo[:2])
        assert g["QuadClass"] == str(r["quad"])
        assert float(g["GoldsteinScale"]) == r["intensity"]
        assert int(g["NumMentions"]) >= 1 and g["NumSources"] == g["NumArticles"] == "1"
        assert g["IsRootEvent"] == ("1" if min(m["sentence"] for m in r["mentions"]) <= 1 else "0")
        src = r.get("source") or {}
        assert g["Actor1CountryCode"] == (src.get("country") or "")
        assert g["Actor1Code"] == (src.get("country") or "") + (src.get("sector") or "")
        assert g["Actor1Type1Code"] == (src.get("sector") or "")
        assert g["Actor2CountryCode"] == ((r.get("target") or {}).get("country") or "")
        assert g["AvgTone"] == "" and g["Actor1Geo_Type"] == "" and g["Actor1KnownGroupCode"] == ""
        loc = r.get("location")
        if loc and loc.get("lat") is not None:
            assert float(g["ActionGeo_Lat"]) == loc["lat"] and float(g["ActionGeo_Long"]) == loc["lon"]
            assert g["ActionGeo_Type"] in ("1", "3", "4")
            assert (loc.get("name") or "") in g["ActionGeo_FullName"]
        else:
            assert g["ActionGeo_Type"] == ""
        assert g["DATEADDED"] == r["published"].replace("-", "") + "000000"
        assert g["SOURCEURL"] == (r.get("url") or r["doc_id"])
    beijing = [g for g in body if g[col["ActionGeo_FullName"]] == "Beijing, China"]
    assert beijing and all(g[col["ActionGeo_Type"]] == "4" for g in beijing)


# ------------------------------------------------------------------------------------------ JSONL, CSV, Parquet


def test_jsonl_round_trip(records: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    assert write_jsonl(records, buf) == len(records)
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == records


def test_csv(records: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    assert write_csv(records, buf) == len(records)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == len(records)
    assert list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
    for r, row in zip(records, rows, strict=True):
        assert row["id"] == r["id"] and row["event_type"] == r["event_type"] and row["status"] == r["status"]
        assert row["published"] == r["published"]
        assert row["date_start"] == ((r.get("date") or {}).get("start") or "")
        assert row["source_country"] == ((r.get("source") or {}).get("country") or "")
        assert row["context"] == ",".join(r["context"])
        assert row["quad"] == str(r["quad"]) and float(row["intensity"]) == r["intensity"]
        assert int(row["mentions"]) == len(r["mentions"]) and row["text"] == r["mentions"][0]["text"]


def test_parquet(records: list[dict[str, Any]], tmp_path: Path) -> None:
    import duckdb
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert write_parquet(records, path) == len(records)
    table = pq.read_table(path)
    assert table.column_names == [name for name, _ in FLAT_COLUMNS]
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("quad").type == pa.int64()
    assert table.schema.field("lat").type == pa.float64()
    df = pd.read_parquet(path)
    assert list(df["id"]) == [r["id"] for r in records]
    assert list(df["event_type"]) == [r["event_type"] for r in records]
    starts = [None if pd.isna(v) else v.isoformat() for v in df["date_start"]]
    assert starts == [(r.get("date") or {}).get("start") for r in records]
    counts = dict(duckdb.sql(f"SELECT status, count(*) FROM '{path}' GROUP BY status").fetchall())
    assert counts == {s: sum(1 for r in records if r["status"] == s) for s in {r["status"] for r in records}}


def test_export_records_errors(records: list[dict[str, Any]], tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        export_records(records, "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="--out"):
        export_records(records, "parquet", None)
    with pytest.raises(InputError):
        plover_records([{"status": "occurred"}])
    with pytest.raises(ExportError):
        export_records(records, "csv", tmp_path / "no-such-dir" / "x.csv")
    out = tmp_path / "e.csv"
    assert export_records(records, "csv", out) == len(records)
    assert out.read_text(encoding="utf-8").count("\n") == len(records) + 1


# ------------------------------------------------------------------------------------------ the CLI over a store


def test_cli_export_over_a_store(results: list[CodeResult], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from detente.store import open_store

    db = tmp_path / "s.duckdb"
    with open_store(db) as st:
        run = st.start_run()
        for res in results:
            st.add_result(res, run)
        st.finish_run(run, articles=len(results), events=0, errors=[])
        expected = len(st.event_records())
    runner = CliRunner()
    for fmt in ("plover", "gdelt", "jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        res = runner.invoke(main, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert res.exit_code == 0, res.output
        if fmt == "parquet":
            assert pq.read_table(out).num_rows == expected
        elif fmt == "gdelt":
            lines = out.read_text(encoding="utf-8").splitlines()
            assert len(lines) == expected + 1 and all(len(line.split("\t")) == 61 for line in lines)
        elif fmt == "csv":
            assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == expected
        else:
            rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            assert len(rows) <= expected if fmt == "plover" else len(rows) == expected
    stdout = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl"])
    assert stdout.exit_code == 0 and len(stdout.output.splitlines()) == expected
    binary = runner.invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert binary.exit_code == 2 and "--out" in binary.output
    missing = runner.invoke(main, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv"])
    assert missing.exit_code == 2
