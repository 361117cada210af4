"""Tests of ``detente batch`` (src/detente/batch.py): partitions, engines, resume, failures.

Real spaCy model, real process pools, a real Dask LocalCluster of worker processes, real Parquet files;
the crash test kills a real ``detente batch`` subprocess with SIGKILL.
"""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from detente.article import Article, iter_articles
from detente.batch import BatchError, plan_partitions, read_manifest, run_batch
from detente.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "usa-china-2023"


def _seed() -> list[Article]:
    out: list[Article] = []
    for f in sorted(EXAMPLES.glob("*.md")):
        out.extend(a for a in iter_articles(f) if isinstance(a, Article))
    return out


def _records(n: int, start: int = 0) -> list[dict[str, Any]]:
    """``n`` JSONL records from the example articles, repeated with distinct ids when ``n`` exceeds them."""
    seed = _seed()
    recs: list[dict[str, Any]] = []
    for k in range(start, start + n):
        a = seed[k % len(seed)]
        text = "\n\n".join(t for kind, t in a.segments() if kind != "headline")
        recs.append({"id": f"{a.id}-{k}", "title": a.title,
                     "published": a.published.isoformat() if a.published else None, "text": text})
    return recs


def _write_jsonl(path: Path, recs: list[dict[str, Any]], extra_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(r) for r in recs]
    for at, line in sorted((extra_lines or {}).items()):
        lines.insert(at, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _events(out: Path) -> list[dict[str, Any]]:
    """Every event record of a batch directory, in partition order (as the manifest lists them)."""
    man = read_manifest(out)
    recs: list[dict[str, Any]] = []
    for p in man["partitions"]:
        t = pq.read_table(out / "events" / f"{p['id']}.parquet")
        recs.extend(json.loads(r) for r in t.column("record").to_pylist())
    return recs


def _article_ids(out: Path) -> list[str]:
    ids: list[str] = []
    for f in sorted((out / "articles").glob("*.parquet")):
        ids.extend(pq.read_table(f, columns=["doc_id"]).column("doc_id").to_pylist())
    return ids


def _direct(jsonl: Path) -> list[dict[str, Any]]:
    """The events of the same articles coded straight by a Coder, without the batch machinery."""
    from detente.batch import worker_coder

    arts = [a for a in iter_articles(jsonl) if isinstance(a, Article)]
    return [ev.to_dict() for r in worker_coder().code_articles(arts) for ev in r.events]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_jsonl(tmp_path_factory.mktemp("small") / "small.jsonl", _records(6))


@pytest.fixture(scope="module")
def local_run(small: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    report = run_batch([small], out, engine="local", workers=1, partition_size=2)
    assert report.coded == 3 and report.failed == 0
    return out


@pytest.fixture(scope="module")
def dask_run(small: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("distributed")
    out = tmp_path_factory.mktemp("dask") / "out"
    report = run_batch([small], out, engine="dask", workers=2, partition_size=2)
    assert report.coded == 3 and report.failed == 0
    yield out


def test_local_engine_matches_the_coder(small: Path, local_run: Path) -> None:
    events = _events(local_run)
    assert events, "the example articles hold events"
    assert events == _direct(small)
    man = read_manifest(local_run)
    assert man["complete"] is True
    assert man["totals"]["articles"] == 6 and man["totals"]["events"] == len(events)
    assert [p["index"] for p in man["partitions"]] == [0, 1, 2]
    assert len(man["lexicon_checksum"]) == 40 and man["detente_version"]


def test_dask_two_workers_equal_local_engine(local_run: Path, dask_run: Path) -> None:
    local, dask = _events(local_run), _events(dask_run)
    assert [e["id"] for e in dask] == [e["id"] for e in local]
    assert dask == local
    assert _article_ids(dask_run) == _article_ids(local_run)
    man = read_manifest(dask_run)
    assert man["engine"] == "dask" and man["totals"]["partitions_done"] == 3
    assert 1 <= len(man["workers"]) <= 2
    # same partitions (ids are a digest of the content), whatever the engine
    assert [p["id"] for p in man["partitions"]] == [p["id"] for p in read_manifest(local_run)["partitions"]]


def test_peak_rss_per_dask_worker_under_1gb(dask_run: Path) -> None:
    workers = read_manifest(dask_run)["workers"]
    assert workers
    for name, w in workers.items():
        print(f"dask worker {name}: peak RSS {w['peak_rss_mb']:.0f} MB over {w['partitions']} partitions")
        assert 50 < w["peak_rss_mb"] < 1024


def test_local_process_pool_equals_in_process(small: Path, local_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "pool"
    report = run_batch([small], out, engine="local", workers=2, partition_size=2)
    assert report.coded == 3
    assert _events(out) == _events(local_run)
    workers = read_manifest(out)["workers"]
    assert all(w["peak_rss_mb"] < 1024 for w in workers.values())
    assert all(int(name.rsplit(":", 1)[1]) != os.getpid() for name in workers)   # coded in child processes


def test_rerun_skips_finished_partitions(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([small], out, partition_size=3)
    assert (first.coded, first.skipped) == (2, 0)
    files = sorted((out / "events").glob("*.parquet"))
    stamps = [f.stat().st_mtime_ns for f in files]
    second = run_batch([small], out, partition_size=3)
    assert (second.coded, second.skipped) == (0, 2)
    assert [f.stat().st_mtime_ns for f in files] == stamps
    assert second.totals == first.totals
    assert _events(out) == _direct(small)


def test_failing_articles_are_recorded_and_the_partition_completes(tmp_path: Path) -> None:
    recs = _records(4)
    src = _write_jsonl(tmp_path / "mixed.jsonl", recs, extra_lines={
        1: json.dumps({"id": "bad-text", "text": 42}),           # non-string text
        3: "{not json",                                         # not JSON
        5: json.dumps({"id": recs[0]["id"], "text": "Again."}),  # duplicate id
    })
    out = tmp_path / "out"
    report = run_batch([src], out, partition_size=10)
    assert report.coded == 1 and report.failed == 0
    man = read_manifest(out)
    (part,) = man["partitions"]
    assert part["status"] == "done" and part["items"] == 7
    assert part["articles"] == 4 and part["failures"] == 3
    reasons = {f["key"]: f["reason"] for f in man["failures"]}
    assert reasons == {
        f"{src}:2": f'{src}:2: "text" must be a string',
        f"{src}:4": f"{src}:4: not valid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{src}:6": f'{src}:6: duplicate id "{recs[0]["id"]}" (first at {src}:1)',
    }
    rows = pq.read_table(out / "failures" / f"{part['id']}.parquet").to_pylist()
    assert sorted(r["key"] for r in rows) == sorted(reasons)
    assert _article_ids(out) == [r["id"] for r in recs]
    good = _write_jsonl(tmp_path / "good.jsonl", recs)
    assert _events(out) == _direct(good)


def test_cli_reports_failures_with_exit_1(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _records(2), extra_lines={2: json.dumps({"id": "x", "text": None})})
    res = CliRunner().invoke(main, ["batch", str(src), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1, res.output
    assert "1 partitions (1 coded, 0 already done, 0 failed): 2 articles" in res.output
    assert f'detente: {src}:3: "text" must be a string' in res.output


def test_cli_missing_input_exit_2(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert "no such file or directory" in res.output
    assert not (tmp_path / "out").exists()


def test_coding_failure_is_recorded_by_the_cli_subprocess(tmp_path: Path) -> None:
    recs = _records(3)
    recs[1]["text"] = recs[1]["text"] + "\n\n" + "The ministers met again in the capital. " * 120
    src = _write_jsonl(tmp_path / "in.jsonl", recs)
    env = dict(os.environ, DETENTE_MAX_ARTICLE_CHARS="4000")
    proc = subprocess.run([sys.executable, "-c", "from detente.cli import run; run()", "batch", str(src), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    man = read_manifest(tmp_path / "out")
    (f,) = man["failures"]
    assert f["stage"] == "code" and f["doc_id"] == recs[1]["id"] and "DETENTE_MAX_ARTICLE_CHARS" in f["reason"]
    assert _article_ids(tmp_path / "out") == [recs[0]["id"], recs[2]["id"]]


def test_killed_batch_resumes_and_codes_every_article_once(tmp_path: Path) -> None:
    recs = _records(30)
    src = _write_jsonl(tmp_path / "corpus.jsonl", recs)
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from detente.cli import run; run()", "batch", str(src), "--out", str(out),
           "--partition-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if any((out / "events").glob("*.parquet")):
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the batch ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    done_before = len(list((out / "events").glob("*.parquet")))
    assert 1 <= done_before < 30
    for kind in ("events", "articles", "failures"):   # no half-written Parquet file: each one opens
        for f in (out / kind).glob("*.parquet"):
            pq.ParquetFile(f)
    report = run_batch([src], out, partition_size=1)
    assert report.skipped == done_before and report.coded == 30 - done_before and report.failed == 0
    assert not list(out.glob("*/.*.tmp"))
    ids = _article_ids(out)
    assert sorted(ids) == sorted(r["id"] for r in recs) and len(ids) == len(set(ids)) == 30
    man = read_manifest(out)
    assert man["complete"] and man["totals"]["articles"] == 30 and not man["failures"]
    assert _events(out) == _direct(src)


def test_parquet_input_codes_like_jsonl(small: Path, local_run: Path, tmp_path: Path) -> None:
    recs = _records(6)
    table = pa.Table.from_pylist([{**r, "published": None if r["published"] is None else
                                   datetime.date.fromisoformat(r["published"])} for r in recs])
    pq.write_table(table, tmp_path / "corpus.parquet")
    out = tmp_path / "out"
    run_batch([tmp_path / "corpus.parquet"], out, partition_size=2)
    assert _events(out) == _events(local_run)


def test_folder_input_and_deterministic_partition_ids(tmp_path: Path) -> None:
    a = [p.id for p in plan_partitions([EXAMPLES], 4)]
    b = [p.id for p in plan_partitions([EXAMPLES], 4)]
    assert a == b and len(a) == 7 and len(set(a)) == 7
    # change one article: only its partition gets a new id
    copy = tmp_path / "ex"
    copy.mkdir()
    files = sorted(EXAMPLES.glob("*.md"))
    for f in files:
        (copy / f.name).write_bytes(f.read_bytes())
    (copy / files[5].name).write_text(files[5].read_text(encoding="utf-8") + "\n\nOne more line.\n", encoding="utf-8")
    c = [p.id for p in plan_partitions([copy], 4)]
    assert [x == y for x, y in zip(a, c, strict=True)] == [True, False, True, True, True, True, True]


def test_output_of_another_batch_is_refused(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([small], out, partition_size=3)
    with pytest.raises(BatchError, match="partition_size"):
        run_batch([small], out, partition_size=2)
    man = json.loads((out / "manifest.json").read_text())
    man["lexicon_checksum"] = "0" * 40
    (out / "manifest.json").write_text(json.dumps(man))
    with pytest.raises(BatchError, match="lexicon_checksum"):
        run_batch([small], out, partition_size=3)


TABLE_QUERIES = (
    "SELECT id, doc_id, url, title, source, byline, published, text, version, current, CAST(article AS TEXT), "
    "coded_with FROM articles ORDER BY id",
    "SELECT * EXCLUDE (record), CAST(record AS TEXT) FROM events ORDER BY id",
    "SELECT * FROM mentions ORDER BY event_id, sentence, start, trigger",
    "SELECT * FROM sentences ORDER BY article_id, idx",
    "SELECT * EXCLUDE (record), CAST(record AS TEXT) FROM engagements ORDER BY id",
)


def _tables(db: Path) -> list[list[tuple[Any, ...]]]:
    from detente.store import open_store

    with open_store(db, read_only=True) as st:
        return [st.con.execute(q).fetchall() for q in TABLE_QUERIES]


def test_ingest_batch_stores_what_ingest_stores(small: Path, dask_run: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    direct = runner.invoke(main, ["ingest", str(small), "--db", str(tmp_path / "direct.duckdb")])
    assert direct.exit_code == 0, direct.output
    loaded = runner.invoke(main, ["ingest", "--batch", str(dask_run), "--db", str(tmp_path / "batch.duckdb")])
    assert loaded.exit_code == 0, loaded.output
    assert "6 articles read: 6 new, 0 new versions, 0 unchanged" in loaded.output
    a, b = _tables(tmp_path / "direct.duckdb"), _tables(tmp_path / "batch.duckdb")
    assert [len(t) for t in b][:2] == [6, len(_events(dask_run))] and b[4], "articles, events, engagements"
    assert a == b
    again = runner.invoke(main, ["ingest", "--batch", str(dask_run), "--db", str(tmp_path / "batch.duckdb")])
    assert again.exit_code == 0 and "0 new, 0 new versions, 6 unchanged; 0 events stored" in again.output
    assert _tables(tmp_path / "batch.duckdb") == b
    from detente.store import open_store

    with open_store(tmp_path / "batch.duckdb", read_only=True) as st:
        runs = st.runs_df()
    assert set(runs["lexicon_checksum"]) == {read_manifest(dask_run)["lexicon_checksum"]}


def test_ingest_batch_reports_failures_and_unfinished_partitions(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _records(3), extra_lines={1: json.dumps({"id": "n", "text": []})})
    out = tmp_path / "out"
    run_batch([src], out, partition_size=2)
    man = json.loads((out / "manifest.json").read_text())
    man["partitions"][1]["status"] = "failed"        # as a lost worker leaves it
    (out / "manifest.json").write_text(json.dumps(man))
    res = CliRunner().invoke(main, ["ingest", "--batch", str(out), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 1
    assert "1 articles read: 1 new" in res.output   # partition 0: one good record and the bad one
    assert f'detente: {src}:2: "text" must be a string' in res.output
    assert f"partition {man['partitions'][1]['id']} is not finished (failed)" in res.output


def test_ingest_needs_sources_or_batch(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 2 and "give SOURCES to code, or --batch DIR" in res.output
    res = CliRunner().invoke(main, ["ingest", "--batch", str(tmp_path), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 2 and "no manifest.json" in res.output


def test_cli_dask_engine_on_an_existing_scheduler(small: Path, local_run: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        out = tmp_path / "out"
        res = CliRunner().invoke(main, ["batch", str(small), "--out", str(out), "--engine", "dask", "--scheduler",
                                        cluster.scheduler_address, "--partition-size", "2"])
        assert res.exit_code == 0, res.output
        assert "3 partitions (3 coded, 0 already done, 0 failed): 6 articles" in res.output
    assert _events(out) == _events(local_run)
    man = read_manifest(out)
    assert man["scheduler"] == cluster.scheduler_address and len(man["workers"]) == 1


def test_scheduler_needs_the_dask_engine(small: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["batch", str(small), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"])
    assert res.exit_code == 2 and "--scheduler needs --engine dask" in res.output


def test_a_worker_with_another_detente_is_refused(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # stands in for a remote worker (the network edge) that has another detente installed
    import detente.batch as batch

    monkeypatch.setattr(batch, "_PROVENANCE", ("0.0.1", "f" * 40))
    out = tmp_path / "out"
    report = run_batch([small], out, partition_size=3)
    assert (report.coded, report.failed) == (0, 2)
    man = read_manifest(out)
    assert all(p["status"] == "failed" and "install the same detente on every worker" in p["error"]
               for p in man["partitions"])
    assert not list((out / "events").glob("*.parquet"))
    monkeypatch.undo()
    again = run_batch([small], out, partition_size=3)     # a re-run with matching workers finishes the batch
    assert (again.coded, again.failed) == (2, 0)


def test_a_file_holding_several_articles_keys_each(tmp_path: Path) -> None:
    recs = _records(3)
    src = _write_jsonl(tmp_path / "wire.dat", recs)      # no known suffix: sniffed as JSONL by the worker
    out = tmp_path / "out"
    run_batch([src], out)
    rows = pq.read_table(next((out / "articles").glob("*.parquet")), columns=["key", "doc_id"]).to_pylist()
    assert rows == [{"key": str(src), "doc_id": recs[0]["id"]}, {"key": f"{src}#2", "doc_id": recs[1]["id"]},
                    {"key": f"{src}#3", "doc_id": recs[2]["id"]}]
    assert _events(out) == _direct(_write_jsonl(tmp_path / "same.jsonl", recs))
    res = CliRunner().invoke(main, ["ingest", "--batch", str(out), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0 and "3 articles read: 3 new" in res.output
