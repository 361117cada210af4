"""Scaling: ``detente batch`` on a Dask LocalCluster of 1 and then 2 worker processes, on the same corpus.

The corpus is that of bench/throughput.py: the articles of examples/ repeated with varied ids and
publication dates (at least 300,000 words), written to one JSONL file. For each cluster size the cluster is
started and warmed first (every worker loads the spaCy pipeline once, through the Coder worker plugin, and
codes every distinct seed article once, so that no worker meets a text for the first time in the timed
run), then one timed ``run_batch`` codes the whole corpus end to end: read and
partition the JSONL, code on the workers, write the Parquet partitions and the manifest.

Prints words/s and articles/s for each, the peak RSS of each worker, checks that both runs wrote the same
events, and last ``scaling=<2-worker words/s ÷ 1-worker words/s>``. Needs ``pip install 'detente[dask]'``.
Run it on an otherwise idle machine with at least 2 cores (plus a little for the driver):

    .venv/bin/python bench/scaling.py [--words 300000] [--partition-size 25]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus, seed_articles

from detente.batch import code_partition, dask_client, plan_partitions, read_manifest, run_batch


def write_jsonl(path: Path, records: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")


def events_of(out: Path) -> list[str]:
    import pyarrow.parquet as pq

    man = read_manifest(out)
    recs: list[str] = []
    for p in man["partitions"]:
        recs.extend(pq.read_table(out / "events" / f"{p['id']}.parquet", columns=["record"]).column("record")
                    .to_pylist())
    return recs


def measure(workers: int, corpus: Path, warm: Path, tmp: Path, partition_size: int) -> dict[str, Any]:
    with dask_client(workers=workers) as client:
        client.wait_for_workers(workers)
        # warm-up: every worker (client.run: each of them) codes the distinct seed articles once
        (part,) = plan_partitions([warm], partition_size=1_000_000)
        client.run(code_partition, part)
        t0, c0 = time.perf_counter(), time.process_time()
        report = run_batch([corpus], tmp / f"out-{workers}", engine="dask", client=client,
                           partition_size=partition_size)
        seconds, driver_cpu = time.perf_counter() - t0, time.process_time() - c0
    t = report.totals
    if report.failed or t["failures"]:
        sys.exit(f"scaling: {report.failed} partitions failed, {t['failures']} articles failed")
    return {"workers": workers, "seconds": seconds, "words": t["words"], "articles": t["articles"],
            "events": t["events"], "partitions": t["partitions"], "per_worker": report.manifest["workers"],
            "out": tmp / f"out-{workers}", "driver_cpu": driver_cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--words", type=int, default=300_000, help="corpus size in words (default 300,000)")
    ap.add_argument("--partition-size", type=int, default=25, help="articles per partition (default 25)")
    args = ap.parse_args()

    records = list(build_corpus(args.words, seed_articles()))
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        corpus, warm = tmp / "corpus.jsonl", tmp / "warm.jsonl"
        write_jsonl(corpus, records)
        write_jsonl(warm, [{**r, "id": f"warm-{r['id']}"} for r in records[:len(seed_articles())]])
        print(f"corpus:            {len(records)} articles ({corpus.stat().st_size / 1e6:.1f} MB JSONL), "
              f"partitions of {args.partition_size}")
        rates: dict[int, float] = {}
        outs: dict[int, Path] = {}
        for n in (1, 2):
            m = measure(n, corpus, warm, tmp, args.partition_size)
            rates[n] = m["words"] / m["seconds"]
            outs[n] = m["out"]
            rss = ", ".join(f"{w['peak_rss_mb']:.0f} MB" for w in m["per_worker"].values())
            print(f"{n} Dask worker{'s' if n > 1 else ' '}:   {m['seconds']:.2f} s  {rates[n]:.0f} words/s  "
                  f"{m['articles'] / m['seconds']:.1f} articles/s  ({m['words']} words, {m['articles']} articles, "
                  f"{m['events']} events, {m['partitions']} partitions; peak RSS per worker: {rss})")
            print(f"  driver (reading, scheduler, writing Parquet): {m['driver_cpu']:.1f} CPU s "
                  f"= {m['driver_cpu'] / m['seconds']:.0%} of one core")
            for name, w in sorted(m["per_worker"].items()):
                busy = w["seconds"] / m["seconds"]
                print(f"  worker {name}: {w['partitions']} partitions, busy {busy:.0%} of the wall time, "
                      f"{w['cpu_seconds']:.1f} CPU s = {w['words'] / max(w['cpu_seconds'], 1e-9):.0f} words per CPU s")
        same = events_of(outs[1]) == events_of(outs[2])
        print(f"same events:       {'yes' if same else 'NO'}")
    print(f"scaling={rates[2] / rates[1]:.2f}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
