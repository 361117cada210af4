"""`detente report` and `detente serve` as commands, over a store ingested from examples/."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from detente.cli import main


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_report_tells_the_2023_story(examples_db: Path, tmp_path: Path) -> None:
    png = tmp_path / "usa-chn.png"
    code, out, err = run("report", "USA", "China", "--db", str(examples_db), "--plot", str(png))
    assert code == 0, err
    assert "United States (USA) ↔ China (CHN)" in out
    assert "planned → cancelled →" in out  # Blinken's trip, postponed over the balloon
    assert "Li Shangfu – Lloyd Austin" in out and "refused" in out  # Shangri-La
    assert "Woodside (USA)" in out  # the November summit
    assert re.search(r"military \(\d+\)\s+│\s+frozen", out)
    assert "2023-02 │" in out and "2023-11 │" in out  # the index rows, with bars
    assert png.read_bytes()[:4] == b"\x89PNG" and str(png) in err
    code, out, _ = run("report", "USA", "CHN", "--db", str(examples_db), "--json")
    paths = [e["path"] for e in json.loads(out)["ledger"] if "Antony Blinken" in e["who"]]
    assert "planned → cancelled → planned → held" in paths


def test_report_json_and_weekly(examples_db: Path) -> None:
    code, out, _ = run("report", "CHN", "USA", "--db", str(examples_db), "--json", "--freq", "week",
                       "--since", "2023-06-01", "--until", "2023-06-30")
    assert code == 0
    rep = json.loads(out)
    assert rep["a"] == "CHN" and rep["freq"] == "week" and len(rep["index"]) == 5
    assert all("2023-06-01" <= (e["date_start"] or e["last_reported"]) <= "2023-06-30" for e in rep["ledger"])


def test_report_bad_input_one_line_exit_2(examples_db: Path, tmp_path: Path) -> None:
    for args, needle in (
        (("report", "USA", "Atlantis", "--db", str(examples_db)), "Atlantis"),
        (("report", "USA", "CHN", "--db", str(examples_db), "--since", "2023-09-01", "--until", "2023-01-01"),
         "after"),
        (("report", "USA", "CHN", "--db", str(tmp_path / "none.duckdb")), "no such store"),
        (("report", "USA", "BRA", "--db", str(examples_db)), "no events"),
    ):
        code, _, err = run(*args)
        assert code == 2, (args, err)
        assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def _serve(*args: str) -> subprocess.Popen[str]:
    exe = Path(sys.executable).with_name("detente")
    return subprocess.Popen([str(exe), "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_serve_binds_localhost_by_default(examples_db: Path) -> None:
    proc = _serve("--db", str(examples_db), "--port", "0")
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, line
        assert "warning" not in line
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{m.group(1)}/api/dyads", timeout=5) as r:
                    assert json.load(r)["dyads"][0]["a"] == "USA"
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_warns_when_told_another_host(examples_db: Path) -> None:
    # 192.0.2.1 (TEST-NET-1) is not an address of this machine: the bind normally fails, after the warning
    proc = _serve("--db", str(examples_db), "--host", "192.0.2.1", "--port", "0")
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert "warning: binding 192.0.2.1, not 127.0.0.1" in first and "no login" in first
        second = proc.stderr.readline()
        assert "cannot listen on 192.0.2.1" in second or "serving" in second  # (a host allowing non-local binds)
        assert "Traceback" not in second
    finally:
        proc.terminate()
        proc.wait(timeout=20)
