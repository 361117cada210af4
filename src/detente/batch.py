"""Batch coding: a corpus in partitions, on local processes or a Dask cluster, into Parquet; resumable.

``run_batch(inputs, out_dir)`` reads JSONL, JSON, Parquet and article files (folders are walked) into
partitions of ``partition_size`` input records, codes every partition with a :class:`~detente.coder.Coder`
loaded once per worker process, and writes for each partition, atomically (a temporary file, then a
rename)::

    DIR/failures/<partition>.parquet   articles that could not be read or coded, with the reason
    DIR/articles/<partition>.parquet   every coded article: metadata, text, sentences, warnings
    DIR/events/<partition>.parquet     every event: key columns + the full record (JSON)
    DIR/manifest.json                  partitions, counts, failures, detente version, lexicon checksum

The events file is written last: a partition whose events file exists is finished, and a re-run skips it
(resume after a crash). Partition ids are deterministic: the partition's number and a digest of its
records' content, so the same inputs with the same ``partition_size`` give the same partitions. A bad
record (not JSON, ``"text"`` not a string, a duplicate id) or an article the coder fails on is recorded
in the failures file and the rest of its partition is coded.

Engines: ``local`` codes in this process (``workers=1``) or in ``workers`` processes; ``dask`` uses
dask.distributed (``pip install detente[dask]``): a ``LocalCluster`` of ``workers`` single-threaded
processes, or an existing cluster by ``scheduler`` address. The driver reads the inputs and ships their
content to the workers, and the workers return Parquet bytes that the driver writes, so workers need
neither the input files nor the output directory (a remote cluster needs only ``detente`` installed).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import os
import resource
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DetenteError, InputError

if TYPE_CHECKING:
    from .article import Article
    from .coder import Coder, CodeResult
    from .ingest import IngestReport
    from .store import Store

__all__ = [
    "BatchError",
    "BatchReport",
    "Item",
    "Partition",
    "code_partition",
    "dask_client",
    "lexicon_checksum",
    "load_batch",
    "plan_partitions",
    "read_manifest",
    "run_batch",
]

DEFAULT_PARTITION_SIZE = 100
INPUT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl",
                            ".ndjson", ".parquet"})
MANIFEST = "manifest.json"
KINDS = ("failures", "articles", "events")   # written in this order; events last marks a partition done
PARSE_CHUNK = 64                              # articles parsed in one spaCy stream (as Coder.code_articles)


class BatchError(DetenteError):
    """A batch cannot run: bad options, an output directory holding another batch, no engine."""


# ---------------------------------------------------------------------------------------------------
# Inputs -> items -> partitions


@dataclass(frozen=True)
class Item:
    """One input record before it is an article.

    ``kind``: ``record`` (a JSON object from JSONL / JSON / Parquet; ``data`` the object), ``file`` (a
    text, markdown or HTML article file; ``data`` its bytes) or ``error`` (``data`` the reason)."""

    key: str                 # where it came from: "path:line", "path#row", "path"
    kind: str
    path: str
    line: int | None
    default_id: str
    data: Any

    def digest(self) -> str:
        h = hashlib.sha1()
        h.update(f"{self.kind}\x1f{self.default_id}\x1f".encode())
        if isinstance(self.data, bytes):
            h.update(self.data)
        else:
            h.update(json.dumps(self.data, sort_keys=True, default=str, ensure_ascii=False).encode())
        return h.hexdigest()


@dataclass(frozen=True)
class Partition:
    """A numbered group of items; ``id`` = number + digest of the items' content."""

    id: str
    index: int
    items: tuple[Item, ...]


def _expand(inputs: Sequence[str | Path]) -> Iterator[Path]:
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            yield from files
        elif p.exists():
            yield p
        else:
            raise InputError("no such file or directory", path=p)


def _record_id(obj: Any, default: str) -> str | None:
    """The id a record will get (as ``article._record_to_article``), or None when it has none usable."""
    if not isinstance(obj, dict):
        return None
    raw = obj.get("id")
    if raw is None:
        return default
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return None
    return str(raw).strip() or None


def _jsonl_items(text: str, path: Path) -> Iterator[Item]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        key = f"{path}:{lineno}"
        default = f"{path.stem}-{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(key, "error", str(path), lineno, default, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield Item(key, "record", str(path), lineno, default, obj)


def _json_items(text: str, path: Path) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from _jsonl_items(text, path)     # one object per line in a .json file
            return
        yield Item(str(path), "error", str(path), exc.lineno, path.stem,
                   f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(data, dict):
        yield Item(str(path), "record", str(path), None, path.stem, data)
    elif isinstance(data, list) and data:
        for n, obj in enumerate(data, start=1):
            yield Item(f"{path}#{n}", "record", str(path), None, f"{path.stem}-{n}", obj)
    else:
        yield Item(str(path), "error", str(path), None, path.stem,
                   "empty JSON list: no articles" if data == [] else "JSON must be an article object or a list")


def _parquet_value(v: Any) -> Any:
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v


def _parquet_items(path: Path, batch_rows: int = 1024) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        if "text" not in pf.schema_arrow.names:
            yield Item(str(path), "error", str(path), None, path.stem, 'Parquet file has no "text" column')
            return
        row = 0
        for batch in pf.iter_batches(batch_size=batch_rows):
            for rec in batch.to_pylist():
                row += 1
                obj = {k: _parquet_value(v) for k, v in rec.items() if v is not None}
                yield Item(f"{path}#{row}", "record", str(path), row, f"{path.stem}-{row}", obj)
    except (OSError, pa.ArrowException) as exc:
        yield Item(str(path), "error", str(path), None, path.stem, f"cannot read Parquet: {exc}")


def iter_items(inputs: Sequence[str | Path]) -> Iterator[Item]:
    """Every input record of ``inputs`` in a fixed order; a duplicate id becomes an ``error`` item.

    Raises :class:`InputError` for an input path that does not exist; a file that cannot be read or
    decoded becomes one ``error`` item (recorded as a failure), not an exception."""
    from .article import _decode, _read_bytes

    seen: dict[str, str] = {}
    for path in _expand(inputs):
        suffix = path.suffix.lower()
        items: Iterable[Item]
        if suffix == ".parquet":
            items = _parquet_items(path)
        else:
            try:
                data = _read_bytes(path)
                if suffix in (".jsonl", ".ndjson", ".json"):
                    text = _decode(data, path)
                    items = _jsonl_items(text, path) if suffix != ".json" else _json_items(text, path)
                else:
                    items = [Item(str(path), "file", str(path), None, path.stem, data)]
            except DetenteError as exc:
                items = [Item(str(path), "error", str(path), None, path.stem, exc.message)]
        for it in items:
            doc_id = _record_id(it.data, it.default_id) if it.kind == "record" else \
                it.default_id if it.kind == "file" else None
            if doc_id is not None:
                if doc_id in seen:
                    it = Item(it.key, "error", it.path, it.line, it.default_id,
                              f'duplicate id "{doc_id}" (first at {seen[doc_id]})')
                else:
                    seen[doc_id] = it.key
            yield it


def plan_partitions(inputs: Sequence[str | Path], partition_size: int = DEFAULT_PARTITION_SIZE) -> Iterator[Partition]:
    """The partitions of ``inputs``, lazily, in input order: ``partition_size`` items each."""
    if partition_size < 1:
        raise BatchError(f"partition size must be at least 1, not {partition_size}")
    chunk: list[Item] = []
    index = 0

    def make(items: list[Item], n: int) -> Partition:
        h = hashlib.sha1()
        for it in items:
            h.update(it.digest().encode())
        return Partition(f"p{n:06d}-{h.hexdigest()[:16]}", n, tuple(items))

    for it in iter_items(inputs):
        chunk.append(it)
        if len(chunk) >= partition_size:
            yield make(chunk, index)
            index += 1
            chunk = []
    if chunk:
        yield make(chunk, index)


# ---------------------------------------------------------------------------------------------------
# Worker side: one Coder per process, a partition in, Parquet bytes out

_CODER: Coder | None = None
# One partition at a time per process: a worker with several threads shares one Coder (spaCy pipeline)
# safely; parallelism comes from processes (``threads_per_worker=1``, ``dask worker --nthreads 1``).
_CODER_LOCK = threading.RLock()


def worker_coder() -> Coder:
    """The Coder of this process, loaded on first use (once per worker process)."""
    global _CODER
    with _CODER_LOCK:
        if _CODER is None:
            from .coder import Coder

            _CODER = Coder()
        return _CODER


_PROVENANCE: tuple[str, str] | None = None


def _worker_provenance() -> tuple[str, str]:
    """This process's detente version and lexicon checksum (computed once): a worker of a remote cluster
    with another detente installed must not mix its codings into a batch."""
    global _PROVENANCE
    if _PROVENANCE is None:
        _PROVENANCE = (_version(), lexicon_checksum())
    return _PROVENANCE


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _articles_of(item: Item) -> Iterator[Article | DetenteError]:
    from .article import _record_to_article, iter_articles_from_bytes

    if item.kind == "error":
        yield InputError(str(item.data), path=item.path, line=item.line)
    elif item.kind == "record":
        from .language import check_english

        try:
            art = _record_to_article(item.data, item.default_id, Path(item.path), item.line)
        except DetenteError as exc:
            yield exc
        else:  # the language check the file readers apply
            problem = check_english(art, path=item.path, line=item.line)
            yield art if problem is None else problem
    else:
        yield from iter_articles_from_bytes(item.data, item.path)


EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("partition", "string"), ("article_key", "string"), ("doc_id", "string"), ("event_id", "string"),
    ("published", "string"), ("event_type", "string"), ("status", "string"), ("source_country", "string"),
    ("target_country", "string"), ("record", "string"))
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("partition", "string"), ("key", "string"), ("doc_id", "string"), ("url", "string"), ("title", "string"),
    ("byline", "string"), ("published", "string"), ("source_file", "string"), ("text", "string"),
    ("sentences", "string"), ("events", "int32"), ("words", "int64"), ("warnings", "string"),
    ("meta", "string"), ("article", "string"))
FAILURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("partition", "string"), ("key", "string"), ("doc_id", "string"), ("stage", "string"), ("reason", "string"))
COLUMNS = {"events": EVENT_COLUMNS, "articles": ARTICLE_COLUMNS, "failures": FAILURE_COLUMNS}


def _parquet_bytes(rows: list[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.int32() if t == "int32" else pa.int64() if t == "int64" else pa.string())
                        for name, t in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


@dataclass
class PartitionOutput:
    """What a worker returns for one partition: the three Parquet files' bytes and its figures."""

    id: str
    index: int
    files: dict[str, bytes]
    items: int
    articles: int
    events: int
    failures: int
    words: int
    seconds: float
    worker: str
    peak_rss_mb: float
    cpu_seconds: float = 0.0
    failure_rows: list[dict[str, Any]] = field(default_factory=list)
    coded_with: tuple[str, str] = ("", "")    # the worker's (detente version, lexicon checksum)


def _words(a: Article) -> int:
    return sum(len(t.split()) for _, t in a.segments())


def code_partition(part: Partition) -> PartitionOutput:
    """Code one partition with this process's Coder. Never raises for a bad article: it is a failure row."""
    with _CODER_LOCK:
        return _code_partition(part)


def _code_partition(part: Partition) -> PartitionOutput:
    from .store import _article_json

    t0, c0 = time.perf_counter(), time.process_time()
    coder = worker_coder()
    failures: list[dict[str, Any]] = []
    todo: list[tuple[str, Article]] = []   # (article key, article): an item's key, "#n" after its first article

    def fail(key: str, doc_id: str | None, stage: str, reason: str) -> None:
        failures.append({"partition": part.id, "key": key, "doc_id": doc_id, "stage": stage, "reason": reason})

    for item in part.items:
        count = 0
        try:
            for a in _articles_of(item):
                count += 1
                key = item.key if count == 1 else f"{item.key}#{count}"
                if isinstance(a, DetenteError):
                    fail(key, None, "read", a.one_line())
                else:
                    todo.append((key, a))
        except Exception as exc:  # a reader bug on one record must not lose the partition
            fail(item.key, None, "read", f"{item.key}: {type(exc).__name__}: {exc}")

    events: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    words = 0
    for lo in range(0, len(todo), PARSE_CHUNK):
        chunk = todo[lo:lo + PARSE_CHUNK]
        try:
            parsed: list[Any] | None = coder.parse_with_segments([a for _, a in chunk])
        except Exception:  # one article broke the shared parse: parse each on its own below
            parsed = None
        for k, (key, a) in enumerate(chunk):
            try:
                res = (coder.code_article(a, None) if parsed is None else
                       coder.code_article(a, None, docs=parsed[k][0], segments=parsed[k][1]))
            except DetenteError as exc:
                fail(key, a.id, "code", exc.one_line())
                continue
            except Exception as exc:  # reported, not raised: the rest of the partition goes on
                fail(key, a.id, "code", f"{key}: article {a.id!r} could not be coded ({type(exc).__name__}: {exc})")
                continue
            pub = res.published.isoformat() if res.published else None
            n = _words(a)
            words += n
            for ev in res.events:
                events.append({
                    "partition": part.id, "article_key": key, "doc_id": ev.doc_id, "event_id": ev.id,
                    "published": pub, "event_type": ev.event_type, "status": ev.status,
                    "source_country": ev.source.country if ev.source else None,
                    "target_country": ev.target.country if ev.target else None,
                    "record": ev.to_json()})
            articles.append({
                "partition": part.id, "key": key, "doc_id": a.id, "url": a.url, "title": a.title,
                "byline": a.byline, "published": pub, "source_file": a.source_file, "text": a.text,
                "sentences": json.dumps([{"index": s.index, "kind": s.kind, "text": s.text} for s in res.sentences],
                                        ensure_ascii=False),
                "events": len(res.events), "words": n,
                "warnings": json.dumps(res.warnings, ensure_ascii=False),
                "meta": json.dumps(a.meta, ensure_ascii=False, default=str), "article": _article_json(a)})
    files = {"events": _parquet_bytes(events, EVENT_COLUMNS), "articles": _parquet_bytes(articles, ARTICLE_COLUMNS),
             "failures": _parquet_bytes(failures, FAILURE_COLUMNS)}
    return PartitionOutput(part.id, part.index, files, len(part.items), len(articles), len(events), len(failures),
                           words, time.perf_counter() - t0, f"{socket.gethostname()}:{os.getpid()}", peak_rss_mb(),
                           time.process_time() - c0, failures, _worker_provenance())


# ---------------------------------------------------------------------------------------------------
# Provenance


def lexicon_checksum() -> str:
    """The checksum of the shipped data files, as the store records it (:func:`detente.store.lexicon_checksum`)."""
    from .store import lexicon_checksum as checksum

    return checksum()


def _version() -> str:
    from . import __version__

    return __version__


# ---------------------------------------------------------------------------------------------------
# Driver: skip finished partitions, run the rest on an engine, write files and the manifest


def _path(out: Path, kind: str, pid: str) -> Path:
    return out / kind / f"{pid}.parquet"


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it to ``path``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BatchError(f"cannot write: {exc.strerror or exc}", path=path) from None


def _done_entry(out: Path, part: Partition) -> dict[str, Any]:
    """The manifest entry of a partition finished by an earlier run, from its files."""
    import pyarrow.parquet as pq

    counts = {k: pq.ParquetFile(_path(out, k, part.id)).metadata.num_rows for k in KINDS}
    words = 0
    art = pq.read_table(_path(out, "articles", part.id), columns=["words"]).column("words").to_pylist()
    words = sum(int(w) for w in art if w is not None)
    return {"id": part.id, "index": part.index, "items": len(part.items), "articles": counts["articles"],
            "events": counts["events"], "failures": counts["failures"], "words": words, "status": "done",
            "run": "earlier"}


def read_manifest(out_dir: str | Path) -> dict[str, Any]:
    """The manifest of a batch directory; :class:`InputError` when it has none or it is not valid."""
    p = Path(out_dir) / MANIFEST
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no {MANIFEST}: not a detente batch directory", path=out_dir) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable manifest: {exc}", path=p) from None
    if not isinstance(data, dict) or not isinstance(data.get("partitions"), list):
        raise InputError("manifest has no partition list", path=p)
    return data


@dataclass
class BatchReport:
    """The outcome of :func:`run_batch`: the manifest written, plus what this run did."""

    manifest: dict[str, Any]
    coded: int = 0          # partitions coded by this run
    skipped: int = 0        # partitions finished by an earlier run
    failed: int = 0         # partitions that did not finish (worker lost); a re-run retries them
    seconds: float = 0.0

    @property
    def totals(self) -> dict[str, int]:
        return dict(self.manifest["totals"])


class _Manifest:
    def __init__(self, out: Path, meta: dict[str, Any]) -> None:
        self.out = out
        self.meta = meta
        self.parts: dict[str, dict[str, Any]] = {}
        self.failures: dict[str, list[dict[str, Any]]] = {}
        self.workers: dict[str, dict[str, Any]] = {}
        self.written = 0.0

    def add(self, entry: dict[str, Any], failures: list[dict[str, Any]] | None = None) -> None:
        self.parts[entry["id"]] = entry
        if failures is not None:
            self.failures[entry["id"]] = failures

    def worker(self, out: PartitionOutput) -> None:
        w = self.workers.setdefault(out.worker, {"partitions": 0, "articles": 0, "words": 0, "seconds": 0.0,
                                                 "cpu_seconds": 0.0, "peak_rss_mb": 0.0})
        w["partitions"] += 1
        w["articles"] += out.articles
        w["words"] += out.words
        w["seconds"] = round(w["seconds"] + out.seconds, 3)
        w["cpu_seconds"] = round(w["cpu_seconds"] + out.cpu_seconds, 3)
        w["peak_rss_mb"] = round(max(w["peak_rss_mb"], out.peak_rss_mb), 1)

    def write_soon(self, every: float = 1.0) -> None:
        """Rewrite the manifest at most every ``every`` seconds while a run goes on (the events files, not
        the manifest, mark finished partitions, so a manifest a little behind loses nothing)."""
        if time.monotonic() - self.written >= every:
            self.write(complete=False)

    def write(self, complete: bool) -> dict[str, Any]:
        self.written = time.monotonic()
        parts = sorted(self.parts.values(), key=lambda e: int(e["index"]))
        done = [e for e in parts if e["status"] == "done"]
        totals = {k: sum(int(e.get(k, 0)) for e in done) for k in ("items", "articles", "events", "failures",
                                                                     "words")}
        totals["partitions"] = len(parts)
        totals["partitions_done"] = len(done)
        failures = [f for e in parts for f in self.failures.get(e["id"], [])]
        data = dict(self.meta)
        data.update({"complete": complete and len(done) == len(parts), "updated": _now(), "totals": totals,
                     "partitions": parts, "failures": failures, "workers": self.workers})
        _write_atomic(self.out / MANIFEST, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())
        return data


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _failure_rows(out: Path, pid: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = pq.read_table(_path(out, "failures", pid)).to_pylist()
    return rows


Submit = Callable[[Partition], Any]
WaitFirst = Callable[[set[Any]], tuple[set[Any], set[Any]]]
Result = Callable[[Any], PartitionOutput]


def _drive(parts: Iterator[Partition], submit: Submit, wait_first: WaitFirst, result: Result, in_flight: int,
           on_done: Callable[[Partition, PartitionOutput | None, str | None], None]) -> None:
    """Keep ``in_flight`` partitions running; hand each finished one (or its error) to ``on_done``."""
    running: dict[Any, Partition] = {}

    def reap(futs: set[Any]) -> None:
        for f in futs:
            part = running.pop(f)
            try:
                out = result(f)
            except Exception as exc:  # a lost worker or a broken pool: the partition is retried on re-run
                on_done(part, None, f"{type(exc).__name__}: {exc}")
            else:
                on_done(part, out, None)

    for part in parts:
        while len(running) >= in_flight:
            done, _ = wait_first(set(running))
            reap(done)
        try:
            running[submit(part)] = part
        except Exception as exc:
            on_done(part, None, f"{type(exc).__name__}: {exc}")
    while running:
        done, _ = wait_first(set(running))
        reap(done)


def _local_engine(workers: int) -> contextlib.AbstractContextManager[tuple[Submit, WaitFirst, Result, int]]:
    @contextlib.contextmanager
    def cm() -> Iterator[tuple[Submit, WaitFirst, Result, int]]:
        if workers == 1:
            class _Done:
                def __init__(self, part: Partition) -> None:
                    self.part = part

            yield ((lambda p: _Done(p)), (lambda fs: (fs, set())), (lambda f: code_partition(f.part)), 1)
            return
        import concurrent.futures as cf
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=worker_coder) as pool:
            def wait_first(fs: set[Any]) -> tuple[set[Any], set[Any]]:
                done, pending = cf.wait(fs, return_when=cf.FIRST_COMPLETED)
                return set(done), set(pending)

            yield ((lambda p: pool.submit(code_partition, p)), wait_first, (lambda f: f.result()), 2 * workers)
    return cm()


def _distributed() -> Any:
    """The dask.distributed module (typed Any: it is an optional, untyped dependency)."""
    import importlib

    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise BatchError("the dask engine needs dask.distributed: pip install 'detente[dask]'") from None


def coder_plugin() -> Any:
    """A Dask WorkerPlugin that loads the Coder when a worker starts: each worker loads the model once."""
    base: Any = _distributed().WorkerPlugin

    class CoderPlugin(base):  # type: ignore[misc]
        name = "detente-coder"

        def setup(self, worker: Any) -> None:
            worker_coder()

    return CoderPlugin()


@contextlib.contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None) -> Iterator[Any]:
    """A dask.distributed Client: to ``scheduler`` if given, else to a new LocalCluster of ``workers``
    single-threaded worker processes (closed on exit). The Coder plugin is registered on it."""
    import logging

    dist = _distributed()
    cluster = None
    try:
        if scheduler:
            client = dist.Client(scheduler, timeout="30s")
        else:
            cluster = dist.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            client = dist.Client(cluster)
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None
    try:
        client.register_plugin(coder_plugin(), name="detente-coder")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_engine(workers: int, scheduler: str | None, client: Any | None
                 ) -> contextlib.AbstractContextManager[tuple[Submit, WaitFirst, Result, int]]:
    @contextlib.contextmanager
    def cm() -> Iterator[tuple[Submit, WaitFirst, Result, int]]:
        wait = _distributed().wait

        with contextlib.ExitStack() as stack:
            if client is not None:
                cl = client
                cl.register_plugin(coder_plugin(), name="detente-coder")   # a caller's cluster: load the model
            else:
                cl = stack.enter_context(dask_client(workers, scheduler))
            n = max(1, len(cl.scheduler_info(n_workers=-1).get("workers", {})) or workers)

            def wait_first(fs: set[Any]) -> tuple[set[Any], set[Any]]:
                res = wait(list(fs), return_when="FIRST_COMPLETED")
                return set(res.done), set(res.not_done)

            yield ((lambda p: cl.submit(code_partition, p, pure=False)), wait_first,
                   (lambda f: f.result()), 2 * n)
    return cm()


def run_batch(inputs: Sequence[str | Path], out_dir: str | Path, *, engine: str = "local", workers: int = 1,
              scheduler: str | None = None, partition_size: int = DEFAULT_PARTITION_SIZE, client: Any | None = None,
              progress: Callable[[PartitionOutput | None, dict[str, Any]], None] | None = None) -> BatchReport:
    """Code ``inputs`` into ``out_dir`` (see the module doc). Finished partitions are skipped.

    ``engine``: ``local`` or ``dask``; ``workers``: processes (local) or LocalCluster workers (dask);
    ``scheduler``: an existing Dask scheduler address (dask engine); ``client``: an open dask Client to use
    instead (the caller closes it). ``progress(output, entry)`` is called after every partition."""
    if engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {engine!r} (local or dask)")
    if workers < 1:
        raise BatchError(f"workers must be at least 1, not {workers}")
    if scheduler and engine != "dask":
        raise BatchError("--scheduler needs --engine dask")
    if partition_size < 1:
        raise BatchError(f"partition size must be at least 1, not {partition_size}")
    out = Path(out_dir)
    list(_expand(inputs))  # every input path exists, before anything is written
    checksum, version = lexicon_checksum(), _version()
    if (out / MANIFEST).exists():
        old = read_manifest(out)
        for key, now in (("lexicon_checksum", checksum), ("detente_version", version),
                         ("partition_size", partition_size)):
            if old.get(key) != now:
                raise BatchError(f"{out} holds a batch with {key} {old.get(key)!r}, not {now!r}: its partitions "
                                 f"would mix two codings; remove it or choose another --out")
    try:
        for kind in KINDS:
            (out / kind).mkdir(parents=True, exist_ok=True)
        for stale in out.glob("*/.*.tmp"):
            stale.unlink()
    except OSError as exc:
        raise BatchError(f"cannot write the output directory: {exc.strerror or exc}", path=out) from None

    t0 = time.perf_counter()
    meta = {"format": 1, "detente_version": version, "lexicon_checksum": checksum, "partition_size": partition_size,
            "inputs": [str(p) for p in inputs], "engine": engine, "n_workers": workers, "scheduler": scheduler,
            "started": _now()}
    man = _Manifest(out, meta)
    report = BatchReport({})

    def todo() -> Iterator[Partition]:
        for part in plan_partitions(inputs, partition_size):
            if _path(out, "events", part.id).exists():
                entry = _done_entry(out, part)
                man.add(entry, _failure_rows(out, part.id))
                report.skipped += 1
                if progress is not None:
                    progress(None, entry)
                continue
            man.add({"id": part.id, "index": part.index, "items": len(part.items), "status": "pending"})
            yield part

    def on_done(part: Partition, res: PartitionOutput | None, error: str | None) -> None:
        if res is not None and res.coded_with != (version, checksum):
            error = (f"worker {res.worker} runs detente {res.coded_with[0]} with lexicon checksum "
                     f"{res.coded_with[1][:12]}, not {version} / {checksum[:12]} as here: install the same detente "
                     f"on every worker")
            res = None
        if res is None:
            entry = {"id": part.id, "index": part.index, "items": len(part.items), "status": "failed", "error": error}
            man.add(entry)
            report.failed += 1
        else:
            for kind in KINDS:
                _write_atomic(_path(out, kind, part.id), res.files[kind])
            entry = {"id": part.id, "index": part.index, "items": res.items, "articles": res.articles,
                     "events": res.events, "failures": res.failures, "words": res.words, "status": "done",
                     "run": "this", "seconds": round(res.seconds, 3), "worker": res.worker}
            man.add(entry, res.failure_rows)
            man.worker(res)
            report.coded += 1
        man.write_soon()
        if progress is not None:
            progress(res, entry)

    ctx = _local_engine(workers) if engine == "local" else _dask_engine(workers, scheduler, client)
    with ctx as (submit, wait_first, result, in_flight):
        _drive(todo(), submit, wait_first, result, in_flight, on_done)
    meta["finished"] = _now()
    report.seconds = time.perf_counter() - t0
    meta["seconds"] = round(report.seconds, 3)
    report.manifest = man.write(complete=True)
    return report


# ---------------------------------------------------------------------------------------------------
# Batch results -> the store (``detente ingest --batch DIR``)


@dataclass(frozen=True)
class StoredSentence:
    """A coded sentence as a batch file keeps it (index, kind, text): all the store reads of a Sentence."""

    index: int
    kind: str
    text: str


def _stored_result(row: dict[str, Any], records: list[dict[str, Any]]) -> CodeResult:
    """A CodeResult rebuilt from a batch articles row and its event records, for :meth:`Store.add_result`
    (which reads the article, its events, its sentences' index/kind/text and the publication date)."""
    from typing import cast

    from .coder import CodeResult
    from .record import Event
    from .store import article_from_record

    article = article_from_record(json.loads(row["article"]))
    sentences = [StoredSentence(int(s["index"]), str(s["kind"]), str(s["text"])) for s in json.loads(row["sentences"])]
    pub = datetime.date.fromisoformat(row["published"]) if row["published"] else None
    return CodeResult(article=article, events=[Event.from_dict(r) for r in records], sentences=cast(Any, sentences),
                      candidates=[], actors=cast(Any, None), warnings=list(json.loads(row["warnings"] or "[]")),
                      published=pub)


def load_batch(store: Store, out_dir: str | Path,
               progress: Callable[[str, int, int, str], None] | None = None,
               on_article: Callable[[str, Article, int], None] | None = None) -> IngestReport:
    """Load the finished partitions of a batch directory into ``store``, as ``detente ingest`` would have
    stored the same articles: one transaction per article; an article already stored with the same text is
    left alone, a changed text for a stored url / doc_id becomes a new version. The run and the articles
    record the batch's lexicon checksum (``coded_with``), so a later lexicon change shows them as stale.
    The batch's failures and its unfinished partitions are reported in ``errors``; the engagements are
    rebuilt at the end. ``progress(phase, done, total, label)`` as in :func:`detente.ingest.ingest`."""
    import pyarrow.parquet as pq

    from .ingest import IngestReport, RunArticles, rebuild_engagements

    out = Path(out_dir)
    man = read_manifest(out)
    report = IngestReport()
    parts = [p for p in man["partitions"] if p.get("status") == "done"]
    for p in man["partitions"]:
        if p.get("status") != "done":
            report.errors.append(f"{out}: partition {p.get('id')} is not finished ({p.get('status')}); "
                                 f"re-run `detente batch` to finish it, then load again")
    report.errors.extend(str(f.get("reason")) for f in man.get("failures", []))
    total = sum(int(p.get("articles", 0)) for p in parts)
    coded_with = man.get("lexicon_checksum")
    report.run_id = store.start_run(checksum=coded_with)
    seen = RunArticles("batch")
    done = 0
    for p in parts:
        try:
            arts = pq.read_table(out / "articles" / f"{p['id']}.parquet").to_pylist()
            evs = pq.read_table(out / "events" / f"{p['id']}.parquet", columns=["article_key", "record"]).to_pylist()
        except (OSError, ValueError) as exc:
            report.errors.append(f"{out}: partition {p['id']}: cannot read its Parquet files: {exc}")
            continue
        by_key: dict[str, list[dict[str, Any]]] = {}
        for e in evs:
            by_key.setdefault(e["article_key"], []).append(json.loads(e["record"]))
        for row in arts:
            done += 1
            report.read += 1
            try:
                result = _stored_result(row, by_key.get(row["key"], []))
            except (DetenteError, ValueError, KeyError, TypeError) as exc:
                msg = exc.one_line() if isinstance(exc, DetenteError) else f"{type(exc).__name__}: {exc}"
                report.errors.append(f"{out}: partition {p['id']}: article {row.get('key')}: not loadable: {msg}")
                continue
            a = result.article
            verdict, aid = seen.admit(a, report.errors)
            if verdict != "new":
                report.unchanged += verdict == "repeat"
                continue
            try:
                status = "unchanged" if store.is_current(aid) else \
                    store.add_result(result, report.run_id, coded_with=coded_with)
            except DetenteError as exc:
                report.errors.append(f"{a.source_file or a.id}: {exc.one_line()}")
                continue
            if status == "new":
                report.new += 1
            elif status == "new-version":
                report.new_versions += 1
            else:
                report.unchanged += 1
            if status in ("new", "new-version"):
                report.events += len(result.events)
            if on_article is not None:
                on_article(status, a, len(result.events))
            if progress is not None:
                progress("code", done, total, a.id)
    report.engagements = rebuild_engagements(store, report.errors)
    report.stale = store.stale_articles()
    store.finish_run(report.run_id, articles=report.stored, events=report.events, errors=report.errors)
    return report
