"""Fuzz the reader and the coder with generated documents; report what escaped and how long each took.

Each document is written to a file (.txt, .md, .html, .json or .jsonl by kind), read with
``detente.article.iter_articles`` and every article coded with one ``Coder``. Kinds: random Unicode
(all planes, lone surrogates, controls, combining marks, bidi controls), random bytes and other
encodings, random markdown and HTML structures (nested tags, scripts, entities, tables), JSON and JSONL
records with wrong types and surrogate escapes, and pathological sentences: very long run-on sentences,
tokens with no spaces, thousands of names joined by "and", deeply nested quotes, deep brackets.

Counts: documents refused with a DetenteError (a clean one-line refusal is fine), exceptions of any
other type that escaped (reading or coding), articles lost to such an exception, events failing the
JSON Schema or not encodable as UTF-8; then the time per document (mean, p50, p99, worst, with the
worst document's kind and index) and the process's peak memory. Exit 1 if anything escaped or failed.

    .venv/bin/python bench/fuzz.py [--n 10000] [--seed 0] [--only INDEX] [--kinds long,names] [--keep DIR]

Every document is made from ``random.Random(f"{seed}:{index}")``, so ``--only INDEX`` remakes one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from detente.article import Article, iter_articles
from detente.coder import Coder
from detente.errors import DetenteError
from detente.record import validate_record

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "India", "Kenya", "Chile", "Egypt", "China", "Russia",
             "Ukraine", "Iran", "Israel", "Turkey", "Mexico", "Canada", "the United States", "South Korea",
             "North Korea", "Taiwan", "Pakistan", "Nigeria", "the European Union", "NATO", "the UN"]
PEOPLE = ["Joe Biden", "Xi Jinping", "Vladimir Putin", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi",
          "Antony Blinken", "Wang Yi", "Sergei Lavrov", "Volodymyr Zelensky", "the prime minister",
          "the foreign minister", "a spokesman", "rebels", "protesters", "the army"]
VERBS = ["met", "visited", "condemned", "attacked", "signed an agreement with", "warned", "threatened",
         "accused", "praised", "sanctioned", "expelled diplomats from", "held talks with", "criticised",
         "will visit", "did not meet", "called for talks with", "cancelled a trip to", "may sanction"]
WHEN = ["on Monday", "last week", "in March", "on 12 June 2023", "yesterday", "next month", "", "in 2021"]
WORDS = ["the", "minister", "said", "and", "which", "talks", "with", "in", "on", "of", "that", "after",
         "officials", "government", "agreement", "border", "troops", "trade", "visit", "statement"]
TAGS = ["p", "div", "span", "b", "i", "a", "h1", "h2", "li", "ul", "table", "tr", "td", "blockquote", "article",
        "section", "figure", "figcaption", "em", "strong", "sup", "time", "header", "footer", "nav"]
NASTY = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&amp;", "&#0;", "&#xD800;", "&nbsp;",
         "&bogus;", "<!-- c -->", "<![CDATA[x]]>", "\u202e", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\ud800",
         "\udfff", "\U0001f600", "e\u0301\u0301\u0301", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "中国", "\r",
         "\\", "%s", "{0}", "'; DROP TABLE events; --", "../../etc/passwd", "\u2028", "\ufffe", "\U0010ffff"]


def _sentence(r: random.Random) -> str:
    s = f"{r.choice(PEOPLE + COUNTRIES)} {r.choice(VERBS)} {r.choice(COUNTRIES)} {r.choice(WHEN)}".strip()
    return s[0].upper() + s[1:] + r.choice([".", ".", ".", "!", "?", "", ";", "..."])


def _unicode_char(r: random.Random) -> str:
    roll = r.random()
    if roll < 0.5:
        return chr(r.randint(0x20, 0x7E))
    if roll < 0.6:
        return chr(r.randint(0xD800, 0xDFFF))  # lone surrogate
    if roll < 0.7:
        return chr(r.randint(0, 0x1F))
    if roll < 0.8:
        return chr(r.randint(0x300, 0x36F))  # combining marks
    return chr(r.randint(0x80, 0x10FFFF))


def gen_unicode(r: random.Random) -> tuple[str, bytes]:
    n = int(r.lognormvariate(5, 1.5)) % 20000 + 1
    text = "".join(_unicode_char(r) if r.random() < 0.7 else r.choice([" ", "\n", "\n\n", ". "]) for _ in range(n))
    if r.random() < 0.5:
        text = _sentence(r) + " " + text + " " + _sentence(r)
    enc = r.choice(["utf-8", "utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "utf-32"])
    return r.choice([".txt", ".md", ""]), text.encode(enc, errors="surrogatepass" if enc.startswith("utf")
                                                     else "replace")


def gen_bytes(r: random.Random) -> tuple[str, bytes]:
    n = int(r.lognormvariate(6, 1.5)) % 200000 + 1
    roll = r.random()
    if roll < 0.3:
        data = r.randbytes(n)
    elif roll < 0.6:  # text with binary spliced in
        text = " ".join(_sentence(r) for _ in range(r.randint(1, 30))).encode()
        cut = r.randint(0, len(text))
        data = text[:cut] + r.randbytes(r.randint(1, 64)) + text[cut:]
    else:
        magic = r.choice([b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a",
                          b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00\x00\xfe\xff", b"\x1f\x8b"])
        data = magic + r.randbytes(n)
    return r.choice([".txt", ".md", ".html", ".json", ".jsonl", ""]), data


def _inline(r: random.Random) -> str:
    s = _sentence(r)
    for _ in range(r.randint(0, 3)):
        kind = r.randint(0, 7)
        if kind == 0:
            s = f"**{s}**"
        elif kind == 1:
            s = f"[{s}](http://example.org/{r.randint(0, 99)})"
        elif kind == 2:
            s = f"_{s}_ ![img]({r.choice(NASTY)})"
        elif kind == 3:
            s = s + f"[{r.randint(1, 99)}]"
        elif kind == 4:
            s = f"`{s}`"
        elif kind == 5:
            s = s + " " + r.choice(NASTY)
        elif kind == 6:
            s = f"(({s}))"
        else:
            s = f"<b>{s}</b>"
    return s


def gen_markdown(r: random.Random) -> tuple[str, bytes]:
    blocks: list[str] = []
    for _ in range(r.randint(1, 60)):
        kind = r.randint(0, 11)
        if kind == 0:
            blocks.append("#" * r.randint(1, 7) + " " + _inline(r))
        elif kind == 1:
            blocks.append("\n".join(f"{r.choice(['-', '*', '+', '1.', '•'])} {_inline(r)}"
                                    for _ in range(r.randint(1, 12))))
        elif kind == 2:
            blocks.append(">" * r.randint(1, 40) + " " + _inline(r))
        elif kind == 3:
            blocks.append(r.choice(["---", "***", "___", "==="]))
        elif kind == 4:
            blocks.append(f"By **{r.choice(PEOPLE)}** in {r.choice(COUNTRIES)} {r.randint(1, 23)} HOURS AGO")
        elif kind == 5:
            blocks.append("| a | b |\n|---|---|\n" + "\n".join(f"| {_inline(r)} | {r.random()} |"
                                                             for _ in range(r.randint(1, 10))))
        elif kind == 6:
            blocks.append("```\n" + _inline(r) + "\n```")
        elif kind == 7:
            blocks.append(f"© {r.randint(1800, 2200)} {r.choice(NASTY)} All rights reserved.")
        elif kind == 8:
            blocks.append(r.choice(NASTY) * r.randint(1, 50))
        else:
            blocks.append(" ".join(_inline(r) for _ in range(r.randint(1, 8))))
    return r.choice([".md", ".txt"]), "\n\n".join(blocks).encode("utf-8", errors="surrogatepass")


def _html_node(r: random.Random, depth: int) -> str:
    if depth <= 0 or r.random() < 0.3:
        return _inline(r) if r.random() < 0.8 else r.choice(NASTY)
    tag = r.choice(TAGS)
    attrs = "" if r.random() < 0.6 else f' class="{r.choice(NASTY)}" href="javascript:{r.choice(NASTY)}"'
    inner = "".join(_html_node(r, depth - 1) for _ in range(r.randint(1, 4)))
    close = "" if r.random() < 0.1 else f"</{tag}>"
    return f"<{tag}{attrs}>{inner}{close}"


def gen_html(r: random.Random) -> tuple[str, bytes]:
    depth = r.choice([2, 3, 4, 6, 30, 200])
    if depth > 10:  # one deep spine, not a full tree
        body = "".join(f"<{r.choice(TAGS)}>" for _ in range(depth)) + _inline(r) + "</div>" * (depth // 2)
    else:
        body = "".join(_html_node(r, depth) for _ in range(r.randint(1, 8)))
    head = ""
    if r.random() < 0.5:
        head = (f"<title>{_inline(r)}</title><meta name=\"author\" content=\"{r.choice(PEOPLE)}\">"
                f"<meta property=\"article:published_time\" content=\"{r.choice(['2023-06-06', 'bogus', ''])}\">")
    scripts = "<script>var x = '<p>not text</p>';</script><style>p{}</style>" * r.randint(0, 3)
    charset = r.choice(["", '<meta charset="utf-8">', '<meta charset="latin-1">', '<meta charset="bogus">'])
    page = f"<!DOCTYPE html><html><head>{charset}{head}</head><body>{scripts}{body}</body></html>"
    return r.choice([".html", ".htm", ""]), page.encode("utf-8", errors="surrogatepass")


def _json_value(r: random.Random) -> object:
    return r.choice([None, True, 0, -1.5, "", [], {}, [1, "a"], {"x": None}, "\ud800x", _sentence(r),
                     "2023-02-30", "2023-06-06", "x" * r.randint(0, 500)])


def _record(r: random.Random) -> dict[str, object]:
    rec: dict[str, object] = {}
    if r.random() < 0.9:
        rec["text"] = " ".join(_inline(r) for _ in range(r.randint(1, 10))) if r.random() < 0.8 else _json_value(r)
    for key in ("id", "title", "url", "published", "language", "lang", "extra"):
        if r.random() < 0.4:
            rec[key] = _json_value(r) if r.random() < 0.5 else _sentence(r)
    if "published" in rec and r.random() < 0.5:
        rec["published"] = (date(2020, 1, 1) + timedelta(days=r.randint(0, 2000))).isoformat()
    return rec


def gen_json(r: random.Random) -> tuple[str, bytes]:
    recs = [_record(r) for _ in range(r.randint(1, 20))]
    if r.random() < 0.5:
        lines = [json.dumps(x, ensure_ascii=r.random() < 0.7) for x in recs]
        if r.random() < 0.3:
            lines.insert(r.randint(0, len(lines)), r.choice(["{broken", "[1,2", "null", '"s"', "", "{}"]))
        return ".jsonl", "\n".join(lines).encode("utf-8", errors="surrogatepass")
    data: object = recs if r.random() < 0.7 else recs[0]
    return ".json", json.dumps(data, ensure_ascii=True).encode()


def _long_n(r: random.Random, lo: int, hi: int) -> int:
    """A size between lo and hi: log-uniform up to a tenth of hi, and one time in twenty above it."""
    mid = max(lo, hi // 10)
    a, b = (mid, hi) if r.random() < 0.05 else (lo, mid)
    return int(a * (b / a) ** r.random())


def gen_long_sentence(r: random.Random) -> tuple[str, bytes]:
    n = _long_n(r, 200, 20000)
    words = [r.choice(WORDS + COUNTRIES + PEOPLE + VERBS) for _ in range(n)]
    sep = r.choice([" ", " ", ", ", " - ", "; "])
    return ".txt", (sep.join(words) + ".").encode()


def gen_no_spaces(r: random.Random) -> tuple[str, bytes]:
    n = _long_n(r, 1000, 300000)
    unit = r.choice(["a", "China", "—", "\u00e9", "漢", "1", "x.", "-", "_", "Ab"])
    text = unit * (n // len(unit))
    if r.random() < 0.5:
        text = _sentence(r) + " " + text + " " + _sentence(r)
    return r.choice([".txt", ".md"]), text.encode()


def gen_names(r: random.Random) -> tuple[str, bytes]:
    n = _long_n(r, 50, 5000)
    pool = COUNTRIES if r.random() < 0.5 else PEOPLE + COUNTRIES
    joiner = r.choice([" and ", ", ", ", and ", " or ", " & ", " with "])
    names = joiner.join(r.choice(pool) for _ in range(n))
    text = f"{names} {r.choice(VERBS)} {r.choice(COUNTRIES)}." if r.random() < 0.7 else \
        f"{r.choice(COUNTRIES)} {r.choice(VERBS)} {names}."
    return ".txt", text.encode()


def gen_nested_quotes(r: random.Random) -> tuple[str, bytes]:
    depth = _long_n(r, 5, 3000)
    opens = ['"', "'", "“", "‘", "«", "(", "[", "{", "<"]
    closes = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "(": ")", "[": "]", "{": "}", "<": ">"}
    stack = [r.choice(opens) for _ in range(depth)]
    speakers = [f"{r.choice(PEOPLE)} said {q}" for q in stack]
    inner = _sentence(r)
    tail = "".join(closes[q] for q in reversed(stack)) if r.random() < 0.7 else ""
    return r.choice([".txt", ".md"]), ("".join(speakers) + inner + tail).encode()


def gen_article(r: random.Random) -> tuple[str, bytes]:
    """A plausible article with a little noise: the kind whose events should come out."""
    paras = [" ".join(_sentence(r) for _ in range(r.randint(1, 6))) for _ in range(r.randint(1, 15))]
    for _ in range(r.randint(0, 3)):
        i = r.randrange(len(paras))
        paras[i] = paras[i] + " " + r.choice(NASTY)
    text = f"{_sentence(r).rstrip('.!?;')}\n\n" + "\n\n".join(paras)
    return r.choice([".txt", ".md"]), text.encode("utf-8", errors="surrogatepass")


KINDS: dict[str, tuple[Callable[[random.Random], tuple[str, bytes]], int]] = {
    "unicode": (gen_unicode, 16),
    "bytes": (gen_bytes, 10),
    "markdown": (gen_markdown, 16),
    "html": (gen_html, 14),
    "json": (gen_json, 14),
    "article": (gen_article, 14),
    "long": (gen_long_sentence, 4),
    "nospace": (gen_no_spaces, 4),
    "names": (gen_names, 4),
    "quotes": (gen_nested_quotes, 4),
}


def pick_kind(r: random.Random, kinds: list[str]) -> str:
    return r.choices(kinds, weights=[KINDS[k][1] for k in kinds])[0]


@dataclass
class Tally:
    docs: int = 0
    refused: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    coded: int = 0
    refused_articles: int = 0
    events: int = 0
    escaped: list[str] = field(default_factory=list)
    lost: int = 0
    schema_failures: list[str] = field(default_factory=list)
    times: list[tuple[float, str, int]] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)


def run_one(coder: Coder, index: int, seed: int, kinds: list[str], folder: Path, tally: Tally,
            keep: bool = False) -> None:
    r = random.Random(f"{seed}:{index}")
    kind = pick_kind(r, kinds)
    suffix, data = KINDS[kind][0](r)
    path = folder / f"doc{index}{suffix}"
    path.write_bytes(data)
    published = r.choice([None, date(2023, 6, 6), date(2024, 2, 29)])
    tally.docs += 1
    tally.by_kind[kind] += 1
    t0 = time.perf_counter()
    try:
        items = list(iter_articles(path))
    except DetenteError as e:
        tally.refused += 1
        tally.reasons[_reason(e)] += 1
        items = []
    except Exception as e:  # reading must only ever raise DetenteError
        tally.escaped.append(f"doc {index} ({kind}, reading): {type(e).__name__}: {e}"[:300])
        items = []
    for item in items:
        if not isinstance(item, Article):
            if isinstance(item, DetenteError):
                tally.reasons["record: " + _reason(item)] += 1
            continue
        tally.articles += 1
        try:
            result = coder.code_article(item, published)
        except DetenteError:
            tally.refused_articles += 1
            continue
        except Exception as e:
            tally.lost += 1
            tb = traceback.extract_tb(e.__traceback__)[-1]
            tally.escaped.append(f"doc {index} ({kind}, coding {item.id!r}): {type(e).__name__}: {e} "
                                 f"[{tb.filename}:{tb.lineno}]"[:300])
            continue
        tally.coded += 1
        for ev in result.events:
            tally.events += 1
            try:
                validate_record(ev.to_dict())
                ev.to_json().encode("utf-8")
            except Exception as e:
                tally.schema_failures.append(f"doc {index} ({kind}) event {ev.id}: {type(e).__name__}: {e}"[:300])
    tally.times.append((time.perf_counter() - t0, kind, index))
    if not keep:
        path.unlink()


def _reason(e: DetenteError) -> str:
    """The kind of a refusal, for counting: its message without numbers, quoted values and details."""
    msg = re.sub(r"'[^']*'|\"[^\"]*\"|\d[\d,.]*", "_", e.message)
    msg = re.sub(r"^record _: ", "", msg)
    return re.split(r"[:(;]", msg, maxsplit=1)[0].strip()


def report(tally: Tally, wall: float) -> str:
    times = sorted(t for t, _, _ in tally.times)
    worst = max(tally.times)
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_kind = {}
    for t, kind, _ in tally.times:
        per_kind[kind] = max(per_kind.get(kind, 0.0), t)
    lines = [
        f"documents: {tally.docs} ({', '.join(f'{k} {n}' for k, n in sorted(tally.by_kind.items()))})",
        f"refused cleanly (DetenteError): {tally.refused} documents, {tally.refused_articles} articles",
        "refusals by reason: " + ", ".join(f"{k} {n}" for k, n in tally.reasons.most_common(12)),
        f"articles read: {tally.articles}, coded: {tally.coded}, events: {tally.events}",
        f"escaped exceptions: {len(tally.escaped)}",
        f"articles lost to an exception: {tally.lost}",
        f"schema failures: {len(tally.schema_failures)}",
        f"time per document: mean {statistics.fmean(times):.3f}s, p50 {statistics.median(times):.3f}s, "
        f"p99 {p99:.3f}s, worst {worst[0]:.2f}s (doc {worst[2]}, {worst[1]})",
        "worst per kind: " + ", ".join(f"{k} {t:.2f}s" for k, t in sorted(per_kind.items())),
        f"wall {wall:.0f}s, peak memory {peak_mb:.0f} MB",
    ]
    for msg in (tally.escaped + tally.schema_failures)[:20]:
        lines.append("  " + msg)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000, help="number of documents (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", type=int, help="remake and run only the document with this index")
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated subset of {','.join(KINDS)}")
    ap.add_argument("--keep", type=Path, help="write the documents into this folder (kept) instead of a temp one")
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        ap.error(f"unknown kinds {unknown}; choose from {', '.join(KINDS)}")
    coder = Coder()
    tally = Tally()
    indices = [args.only] if args.only is not None else range(args.n)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="detente-fuzz-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            for done, i in enumerate(indices, start=1):
                run_one(coder, i, args.seed, kinds, folder, tally, keep=args.keep is not None)
                if done % 500 == 0:
                    slowest = max(tally.times)
                    print(f"fuzz: {done} documents, {len(tally.escaped)} escaped, {tally.lost} lost, "
                          f"{len(tally.schema_failures)} schema failures, "
                          f"slowest {slowest[0]:.2f}s (doc {slowest[2]}), "
                          f"{time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
        except KeyboardInterrupt:  # Ctrl-C / SIGINT: report the documents done so far
            print(f"fuzz: interrupted after {tally.docs} documents", file=sys.stderr)
    if not tally.times:
        return 1
    print(report(tally, time.perf_counter() - t0))
    return 1 if tally.escaped or tally.schema_failures else 0


if __name__ == "__main__":
    sys.exit(main())
