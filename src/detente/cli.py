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
                for w in item.warnings:
                    _err(w)
                yield item
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


def run() -> None:  # pragma: no cover - console entry
    try:
        main()
    except InputError as e:
        _err(e.one_line())
        sys.exit(EXIT_INPUT)
