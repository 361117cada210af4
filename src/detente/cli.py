"""The ``detente`` command: a thin layer over the Python API.

Library errors (:class:`DetenteError`) become one clear line each and a non-zero exit code;
a bad file among good ones is reported and the rest are still processed.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import DetenteError, InputError

if TYPE_CHECKING:
    from .article import Article
    from .coder import Coder, CodeResult
    from .limits import Limits

EXIT_INPUT = 2
EXIT_PARTIAL = 1
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}


def _err(msg: str) -> None:
    click.echo(f"detente: {msg}", err=True)


class OneLineError(click.ClickException):
    """A bad option value, shown as one ``detente: ...`` line (no usage block) with exit code 2."""

    exit_code = EXIT_INPUT

    def show(self, file: Any = None) -> None:
        _err(self.message)


EARLIEST_PUBLISHED = date(1900, 1, 1)


def check_published(value: str, today: date | None = None) -> date:
    """``--published``: a real calendar date (YYYY-MM-DD), not after today and not before 1900."""
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise OneLineError(f"--published {value!r}: not a date (YYYY-MM-DD)")
    try:
        d = date.fromisoformat(value.strip())
    except ValueError:
        raise OneLineError(f"--published {value!r}: no such date") from None
    today = today or date.today()
    if d > today:
        raise OneLineError(f"--published {value}: in the future (today is {today.isoformat()})")
    if d < EARLIEST_PUBLISHED:
        raise OneLineError(f"--published {value}: before {EARLIEST_PUBLISHED.year}")
    return d


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    return check_published(value)


def _parse_size(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    from .limits import parse_size

    if value is None:
        return None
    try:
        return parse_size(value)
    except InputError as e:
        raise OneLineError(f"--max-bytes: {e.message}") from None


def _limits(max_bytes: int | None) -> Limits:
    from dataclasses import replace

    from .limits import Limits

    limits = Limits.from_env()
    return limits if max_bytes is None else replace(limits, max_file_bytes=max_bytes)


def _expand(paths: Sequence[str]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES:
                    yield f
        else:
            yield path


def iter_inputs(paths: Sequence[str], problems: list[str], *, limits: Limits | None = None,
                english_only: bool = True) -> Iterator[Article]:
    """Every readable article under ``paths``; every problem appended to ``problems`` as one line (an
    article not in English is one, unless ``english_only`` is off); reading notes printed as warnings."""
    from .article import iter_articles

    for path in _expand(paths):
        try:
            for item in iter_articles(path, limits=limits, english_only=english_only):
                if isinstance(item, DetenteError):
                    problems.append(item.one_line())
                    continue
                yield item   # its reading notes travel in item.warnings and are printed with the coding result
        except DetenteError as e:
            problems.append(e.one_line())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="detente")
def main() -> None:
    """detente: who did what to whom, when and where, from international news."""


def _code_all(paths: Sequence[str], published: date | None, problems: list[str],
              progress: bool, limits: Limits | None = None, english_only: bool = True) -> list[CodeResult]:
    from .coder import Coder

    articles = list(iter_inputs(paths, problems, limits=limits, english_only=english_only))
    results: list[CodeResult] = []
    if not articles:
        return results
    coder: Coder = Coder(limits=limits)
    show = progress and sys.stderr.isatty() and len(articles) > 1
    if show:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("coding", total=len(articles))
            for a in articles:
                r = _code_one(coder, a, published, problems)
                if r is not None:
                    results.append(r)
                bar.advance(task)
    else:
        for a in articles:
            r = _code_one(coder, a, published, problems)
            if r is not None:
                results.append(r)
    return results


def _code_one(coder: Coder, article: Article, published: date | None, problems: list[str]) -> CodeResult | None:
    try:
        result = coder.code_article(article, published)
    except DetenteError as e:
        problems.append(e.one_line())
        return None
    except Exception as e:  # one bad article must not stop a batch; it is reported on one line
        where = article.source_file or article.id
        problems.append(f"{where}: article {article.id!r} could not be coded ({type(e).__name__}: {e})")
        return None
    for w in result.warnings:
        _err(w)
    return result


@main.command("code")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD); overrides the article's.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of stdout.")
@click.option("--max-bytes", callback=_parse_size, metavar="SIZE",
              help="Refuse article files larger than this (e.g. 50M; default 20M or $DETENTE_MAX_FILE_MB).")
@click.option("--any-language", is_flag=True, help="Code articles that do not look English instead of skipping them.")
def code_cmd(paths: tuple[str, ...], published: date | None, fmt: str, out: str | None, max_bytes: int | None,
             any_language: bool) -> None:
    """Code articles (txt, md, html, json, jsonl; a folder codes every article in it) and print events."""
    problems: list[str] = []
    try:
        results = _code_all(paths, published, problems, progress=True, limits=_limits(max_bytes),
                            english_only=not any_language)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    events = [ev for r in results for ev in r.events]
    if fmt == "jsonl":
        text = "".join(ev.to_json() + "\n" for ev in events)
    elif fmt == "json":
        text = json.dumps([ev.to_dict() for ev in events], ensure_ascii=False, indent=2) + "\n"
    else:
        text = ""
    if out:
        try:
            Path(out).write_text(text if fmt != "table" else _table_text(results), encoding="utf-8")
        except OSError as e:
            _err(f"{out}: cannot write: {e.strerror}")
            sys.exit(EXIT_INPUT)
    elif fmt == "table":
        _print_table(results)
    else:
        click.echo(text, nl=False)
    for p in problems:
        _err(p)
    if problems:
        sys.exit(EXIT_PARTIAL if results else EXIT_INPUT)


def _table(results: Sequence[CodeResult]) -> Any:
    from rich.table import Table

    t = Table(title="detente events", show_lines=False, header_style="bold", expand=False)
    for col in ("doc", "type", "mode", "status", "source → target", "date", "place", "trigger", "s#"):
        wrap = col in ("source → target", "place", "trigger", "doc")
        t.add_column(col, overflow="fold", no_wrap=not wrap, min_width=22 if col == "source → target" else None)
    status_style = {"occurred": "green", "planned": "cyan", "cancelled": "red", "hypothetical": "yellow",
                    "negated": "magenta"}
    for r in results:
        for ev in r.events:
            src = _actor_label(ev.source)
            tgt = _actor_label(ev.target)
            d = ev.date
            when = "" if d is None else (f"{d.start}" if d.start == d.end else f"{d.start}..{d.end}") \
                if d.start else (d.text if d else "")
            place = ""
            if ev.location is not None:
                place = f"{ev.location.name or ev.location.text} ({ev.location.country})"
            m = ev.mentions[0]
            t.add_row(ev.doc_id, ev.event_type, ev.mode or "", f"[{status_style[ev.status]}]{ev.status}[/]",
                      f"{src} → {tgt}", when, place, m.trigger, ",".join(str(x.sentence) for x in ev.mentions))
    return t


def _actor_label(a: Any) -> str:
    if a is None:
        return "?"
    who = a.name or ("" if a.text.startswith("(") else a.text)
    if not who:
        return f"[{a.country or '?'}]"
    code = f"{a.country or '?'}" + (f"/{a.sector}" if a.sector else "")
    return f"{who} [{code}]"


def _print_table(results: Sequence[CodeResult]) -> None:
    from rich.console import Console

    console = Console(width=None if sys.stdout.isatty() else 160)
    console.print(_table(results))
    n = sum(len(r.events) for r in results)
    console.print(f"{n} event{'s' if n != 1 else ''} from {len(results)} article{'s' if len(results) != 1 else ''}")


def _table_text(results: Sequence[CodeResult]) -> str:
    from rich.console import Console

    console = Console(record=True, width=160, file=io.StringIO())
    console.print(_table(results))
    return console.export_text()


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--pred", type=click.Path(dir_okay=False), help="Predicted events (JSONL from `detente code`).")
@click.option("--docs", multiple=True, help="Articles to code and score (instead of --pred). Repeatable.")
@click.option("--published", callback=_parse_date, help="Publication date for --docs articles without one.")
@click.option("--verbose", "-v", is_flag=True, help="List every miss and every extra.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.argument("more_docs", nargs=-1)
def eval_cmd(gold: str, pred: str | None, docs: tuple[str, ...], published: date | None, verbose: bool,
             as_json: bool, more_docs: tuple[str, ...]) -> None:
    """Score events against GOLD (EVENTS.md section 6): precision, recall, F1, per type, attributes."""
    from .eval import load_gold, load_predictions, score

    all_docs = list(docs) + list(more_docs)
    if (pred is None) == (not all_docs):
        _err("give exactly one of --pred PRED.jsonl or --docs ARTICLES...")
        sys.exit(EXIT_INPUT)
    problems: list[str] = []
    try:
        gold_events = load_gold(gold)
        if pred is not None:
            preds = load_predictions(pred)
        else:
            results = _code_all(all_docs, published, problems, progress=True)
            preds = [ev.to_dict() for r in results for ev in r.events]
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    report = score(gold_events, preds)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.render(verbose=verbose))
    for p in problems:
        _err(p)
    if problems:
        sys.exit(EXIT_PARTIAL)


@main.command("explain")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD).")
@click.option("--sentence", "-s", type=int, multiple=True, help="Only these sentence indices.")
def explain_cmd(path: str, published: date | None, sentence: tuple[int, ...]) -> None:
    """Per sentence: the actors found, the triggers considered, and why each became an event or not."""
    from .explain import explain_result

    problems: list[str] = []
    try:
        results = _code_all([path], published, problems, progress=False)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    for r in results:
        click.echo(explain_result(r, only=set(sentence) or None))
    for p in problems:
        _err(p)
    if problems:
        sys.exit(EXIT_PARTIAL if results else EXIT_INPUT)


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output directory: Parquet per partition and manifest.json; re-running resumes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process or a process pool; dask: dask.distributed (pip install 'detente[dask]').")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); default: a LocalCluster.")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes [local: 1; dask: CPU count].")
@click.option("--partition-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Input records per partition (one Parquet file each).")
def batch_cmd(inputs: tuple[str, ...], out_dir: str, engine: str, scheduler: str | None, workers: int | None,
              partition_size: int) -> None:
    """Code a corpus (JSONL, JSON, Parquet, article files, folders) in partitions into Parquet files."""
    import os

    from .batch import run_batch

    n_workers = workers or (1 if engine == "local" else os.cpu_count() or 1)
    show = sys.stderr.isatty()
    try:
        if show:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                          transient=True) as bar:
                task = bar.add_task("coding", total=None)
                seen = {"parts": 0, "articles": 0}

                def tick(_out: object, entry: dict[str, Any]) -> None:
                    seen["parts"] += 1
                    seen["articles"] += int(entry.get("articles", 0))
                    bar.update(task, description=f"{seen['parts']} partitions, {seen['articles']} articles")

                report = run_batch(inputs, out_dir, engine=engine, workers=n_workers, scheduler=scheduler,
                                   partition_size=partition_size, progress=tick)
        else:
            report = run_batch(inputs, out_dir, engine=engine, workers=n_workers, scheduler=scheduler,
                               partition_size=partition_size)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    t = report.totals
    failures = report.manifest["failures"]
    for f in failures[:20]:
        _err(f"{f['reason']}")
    if len(failures) > 20:
        _err(f"... and {len(failures) - 20} more failures (see {Path(out_dir) / 'manifest.json'})")
    for p in report.manifest["partitions"]:
        if p["status"] == "failed":
            _err(f"partition {p['id']} did not finish ({p.get('error')}); re-run to retry it")
    click.echo(f"{t['partitions']} partitions ({report.coded} coded, {report.skipped} already done, "
               f"{report.failed} failed): {t['articles']} articles, {t['events']} events, {t['failures']} failures "
               f"-> {Path(out_dir) / 'manifest.json'}")
    if report.failed or t["failures"]:
        sys.exit(EXIT_PARTIAL if t["articles"] else EXIT_INPUT)


# ---------------------------------------------------------------------------------------------------
# The corpus store: ingest, recode, events

_DB_OPTION = click.option("--db", "db", default="detente.duckdb", show_default=True, type=click.Path(dir_okay=False),
                          help="The DuckDB store file.")


class _Bar:
    """A rich progress bar on stderr (only on a terminal) fed by the ingest/recode progress callback."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> _Bar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, phase: str, done: int, total: int, label: str) -> None:
        if self.bar is None:
            return
        if phase not in self.tasks:
            self.tasks[phase] = self.bar.add_task("reading sources" if phase == "read" else "coding", total=total)
        self.bar.update(self.tasks[phase], completed=done, total=total)


def _open_store(db: str, read_only: bool = False) -> Any:
    from .store import open_store

    try:
        return open_store(db, read_only=read_only)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)


@main.command("ingest")
@click.argument("sources", nargs=-1)
@_DB_OPTION
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds allowed for one URL fetch.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Size cap of one URL fetch.")
@click.option("--verbose", "-v", is_flag=True, help="One line per article stored.")
@click.option("--batch", "batch_dir", type=click.Path(file_okay=False),
              help="Load the results of `detente batch --out DIR` instead of coding SOURCES.")
def ingest_cmd(sources: tuple[str, ...], db: str, timeout: float, max_bytes: int, verbose: bool,
               batch_dir: str | None) -> None:
    """Read SOURCES (files, folders, JSONL, RSS/Atom feeds, article URLs), code them and add them to the store.

    An article already stored with the same text is left alone; a changed text for the same url or id is
    stored as a new version whose events replace the old ones. With --batch DIR, the articles and events
    coded by `detente batch` are stored the same way, without coding them again."""
    from .ingest import FetchOptions, ingest

    if bool(sources) == bool(batch_dir):
        _err("give SOURCES to code, or --batch DIR to load a batch's results (not both)")
        sys.exit(EXIT_INPUT)

    def on_article(status: str, article: Article, n: int) -> None:
        if verbose:
            click.echo(f"{status:11} {article.id} ({n} events)", err=True)
            sys.stderr.flush()

    st = _open_store(db)
    try:
        with _Bar(not verbose) as bar:
            if batch_dir:
                from .batch import load_batch

                report = load_batch(st, batch_dir, progress=bar, on_article=on_article)
            else:
                report = ingest(list(sources), st, opts=FetchOptions(timeout=timeout, max_bytes=max_bytes),
                                progress=bar, on_article=on_article)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    finally:
        st.close()
    for p in report.errors:
        _err(p)
    eng = "" if report.engagements is None else f", {report.engagements} engagements"
    click.echo(f"{db}: {report.read} articles read: {report.new} new, {report.new_versions} new versions, "
               f"{report.unchanged} unchanged; {report.events} events stored{eng}"
               + (f"; {len(report.errors)} problems" if report.errors else ""))
    if report.stale:
        _err(f"{db}: {report.stale} stored articles were coded with other lexicons than these; "
             f"`detente recode --db {db}` re-codes them")
    if report.errors:
        sys.exit(EXIT_PARTIAL if report.read else EXIT_INPUT)


@main.command("recode")
@_DB_OPTION
@click.option("--verbose", "-v", is_flag=True, help="List every event id added, removed or changed.")
def recode_cmd(db: str, verbose: bool) -> None:
    """Re-code every stored article with the current lexicons and report what changed."""
    from .ingest import recode

    if not Path(db).exists():
        _err(f"{db}: no such store (run `detente ingest --db {db} ...` first)")
        sys.exit(EXIT_INPUT)
    st = _open_store(db)
    try:
        with _Bar(True) as bar:
            report = recode(st, progress=bar)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    finally:
        st.close()
    for d in report.diffs:
        if not d.any:
            continue
        click.echo(f"{d.doc_id}: +{len(d.added)} added, -{len(d.removed)} removed, ~{len(d.changed)} changed")
        if verbose:
            for label, ids in (("+", d.added), ("-", d.removed), ("~", d.changed)):
                for i in ids:
                    click.echo(f"  {label} {i}")
    touched = sum(1 for d in report.diffs if d.any)
    click.echo(f"{db}: {report.articles} articles re-coded, {touched} changed: {report.added} events added, "
               f"{report.removed} removed, {report.changed} changed; {report.events} events now")
    for p in report.errors:
        _err(p)
    if report.errors:
        sys.exit(EXIT_PARTIAL)


def _dyad(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip().upper() for p in value.replace("–", "-").split("-")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter(f"{value!r} is not a dyad such as USA-CHN")
    return parts[0], parts[1]


@main.command("events")
@_DB_OPTION
@click.option("--dyad", callback=_dyad, help="Two country codes, e.g. USA-CHN (either direction).")
@click.option("--type", "event_type", help="Only this event type (e.g. CONSULT).")
@click.option("--status", type=click.Choice(["occurred", "planned", "cancelled", "hypothetical", "negated"]))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def events_cmd(db: str, dyad: tuple[str, str] | None, event_type: str | None, status: str | None, fmt: str) -> None:
    """Print the stored events (one row each), oldest report first."""
    if not Path(db).exists():
        _err(f"{db}: no such store (run `detente ingest --db {db} ...` first)")
        sys.exit(EXIT_INPUT)
    st = _open_store(db, read_only=True)
    try:
        df = st.events_df(dyad=dyad, event_type=event_type.upper() if event_type else None, status=status)
    finally:
        st.close()
    if fmt == "jsonl":
        for rec in df["record"]:
            click.echo(json.dumps(json.loads(rec), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"detente events{' ' + '–'.join(dyad) if dyad else ''} ({db})", header_style="bold")
    for col in ("published", "doc", "type", "mode", "status", "source → target", "date", "place"):
        t.add_column(col, overflow="fold")

    def s(v: Any) -> str:
        return "" if v is None or v != v else str(v)  # NaN/NaT are not equal to themselves

    def d(v: Any) -> str:
        return "" if v is None or v != v else str(v)[:10]

    for r in df.itertuples(index=False):
        when = "" if not d(r.date_start) else d(r.date_start) + ("" if d(r.date_end) in ("", d(r.date_start))
                                                                 else ".." + d(r.date_end))
        place = f"{s(r.location_name)} ({s(r.location_country)})" if s(r.location_name) else ""
        t.add_row(d(r.published), s(r.doc_id), s(r.event_type), s(r.mode), s(r.status),
                  f"{s(r.source_name)} [{s(r.source_country)}] → {s(r.target_name)} [{s(r.target_country)}]",
                  when, place)
    console = Console(width=None if sys.stdout.isatty() else 180)
    console.print(t)
    console.print(f"{len(df)} event{'s' if len(df) != 1 else ''}")


def _need_store(db: str) -> None:
    if not Path(db).exists():
        _err(f"{db}: no such store (run `detente ingest --db {db} ...` first)")
        sys.exit(EXIT_INPUT)


def _stored_engagements(st: Any) -> list[dict[str, Any]]:
    """The store's engagements (as rebuilt at ingest); built from its events if none are stored."""
    from .engagements import build_engagements

    df = st.engagements_df()
    if len(df):
        return [json.loads(r) for r in df["record"]]
    return build_engagements(st.event_records())


def _engagements_table(engagements: Sequence[dict[str, Any]], title: str) -> Any:
    from rich.table import Table

    from .engagements import engagement_lifecycle

    t = Table(title=title, header_style="bold", show_lines=False)
    for col in ("first report", "type", "source → target", "names", "date", "place", "lifecycle", "status",
                "articles"):
        t.add_column(col, no_wrap=col in ("lifecycle", "type", "first report"), overflow="fold")
    for e in engagements:
        d = e.get("date") or {}
        start, end = d.get("start"), d.get("end")
        when = "" if not start else start if end in (None, start) else f"{start} – {end}"
        loc = e.get("location") or {}
        names = list(e.get("names") or [])
        t.add_row(str(e.get("first_reported") or ""),
                  f"{e.get('event_type')}{'/' + str(e['mode']) if e.get('mode') else ''}",
                  f"{e.get('source') or '?'} → {e.get('target') or '?'}",
                  ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else ""),
                  when, str(loc.get("name") or loc.get("country") or ""),
                  " → ".join(engagement_lifecycle(e)), str(e.get("status")), str(e.get("reports")))
    return t


@main.command("engagements")
@_DB_OPTION
@click.option("--dyad", callback=_dyad, help="Two country codes, e.g. USA-CHN (either direction).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def engagements_cmd(db: str, dyad: tuple[str, str] | None, fmt: str) -> None:
    """Print the engagements of the store: one action across its reports, with its lifecycle
    (e.g. planned → cancelled → planned → occurred)."""
    _need_store(db)
    st = _open_store(db, read_only=True)
    try:
        engagements = _stored_engagements(st)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    finally:
        st.close()
    if dyad is not None:
        engagements = [g for g in engagements if {g.get("source"), g.get("target")} == set(dyad)]
    if fmt == "jsonl":
        for g in engagements:
            click.echo(json.dumps(g, ensure_ascii=False))
        return
    from rich.console import Console

    title = f"detente engagements{' ' + '–'.join(dyad) if dyad else ''} ({db}): {len(engagements)}"
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    console.print(_engagements_table(engagements, title))


@main.command("export")
@_DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "jsonl", "csv", "parquet"]), required=True,
              help="plover: PLOVER JSONL; gdelt: GDELT 2.0 event-table TSV; jsonl: detente records; csv; parquet.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file (required for parquet) instead of stdout.")
def export_cmd(db: str, fmt: str, out: str | None) -> None:
    """Export every stored event (current article versions) for other tools."""
    from .export import export_records

    _need_store(db)
    st = _open_store(db, read_only=True)
    try:
        records = st.event_records()
        arts = st.articles_df()
    finally:
        st.close()
    meta = {str(a): (u, t) for a, u, t in zip(arts["id"], arts["url"], arts["title"], strict=True)}
    for r in records:
        url, title = meta.get(str(r.get("article_id")), (None, None))
        if isinstance(url, str) and url:
            r["url"] = url
        if isinstance(title, str) and title:
            r["title"] = title
    try:
        n = export_records(records, fmt, out, stream=sys.stdout)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    if out is not None:
        click.echo(f"{out}: {n} {'rows' if fmt in ('gdelt', 'csv', 'parquet') else 'records'} ({fmt})", err=True)

# ------------------------------------------------------------------------------------------ dyad views


def _country(value: str) -> Any:
    from .views import resolve_country

    return resolve_country(value)


@main.command("report")
@click.argument("a")
@click.argument("b")
@click.option("--db", default="detente.duckdb", show_default=True, help="The store to read (from `detente ingest`).")
@click.option("--since", callback=_parse_date, help="First day (YYYY-MM-DD), inclusive.")
@click.option("--until", callback=_parse_date, help="Last day (YYYY-MM-DD), inclusive; the channels' as-of date.")
@click.option("--freq", type=click.Choice(["week", "month"]), default="month", show_default=True,
              help="Period of the cooperation–conflict index.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="Also draw the index as a PNG here.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON instead of tables.")
def report_cmd(a: str, b: str, db: str, since: date | None, until: date | None, freq: str,
               plot_path: str | None, as_json: bool) -> None:
    """Where the relationship of A and B stands (ISO3 codes or names): ledger, channels, index."""
    from rich.console import Console

    from .store import open_store
    from .views import plot_index, render_report, report_from_store

    try:
        ca, cb = _country(a), _country(b)
        with open_store(db, read_only=True) as st:
            rep = report_from_store(st, ca, cb, since, until, freq)
        if as_json:
            click.echo(json.dumps(rep.to_dict(), ensure_ascii=False, indent=2))
        else:
            render_report(rep, Console(width=None if sys.stdout.isatty() else 160))
        if plot_path:
            out = plot_index(rep.index, ca, cb, plot_path, freq)
            _err(f"wrote {out}")
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    if rep.events == 0:
        _err(f"no events between {ca.code} and {cb.code} in {db}")
        sys.exit(EXIT_INPUT)


@main.command("serve")
@click.option("--db", default="detente.duckdb", show_default=True, help="The store to serve (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; only this machine by default.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free).")
def serve_cmd(db: str, host: str, port: int) -> None:
    """A read-only web dashboard and JSON API over the store (Ctrl-C stops it)."""
    from .store import open_store
    from .web import make_server
    from .web.server import LOCAL_HOSTS

    if host not in LOCAL_HOSTS:
        _err(f"warning: binding {host}, not 127.0.0.1: the dashboard and every article in {db} will be readable "
             "by anyone who can reach this address (there is no login)")
    try:
        st = open_store(db, read_only=True)
    except DetenteError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
    try:
        server = make_server(st, host, port)
    except OSError as e:
        st.close()
        _err(f"cannot listen on {host}:{port}: {e.strerror}")
        sys.exit(EXIT_INPUT)
    addr = server.server_address
    h = addr[0].decode() if isinstance(addr[0], bytes) else str(addr[0])
    p = addr[1]
    shown = f"[{h}]" if ":" in h else h
    click.echo(f"detente: serving {db} on http://{shown}:{p}/ (read-only; Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        st.close()


def run() -> None:  # pragma: no cover - console entry
    try:
        main()
    except InputError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
