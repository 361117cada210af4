"""Throughput benchmark of the detente coder (not a test: pytest only collects ``tests/``).

Article mode (default): builds a ~1,000-word article from built-in sentences, or reads the article
files given as arguments, loads the Coder once, codes the article(s) N times and prints words,
sentences, events, the spaCy parse time (``nlp.pipe`` alone on the same segments) against the
whole ``Coder.code_article`` time, seconds per article, words per second, and the ratio
coding-overhead / parse.

JSONL mode (``--jsonl FILE``): codes every record of a JSONL file of articles and prints
articles per second.

    .venv/bin/python bench/bench_code.py                 # built-in article, 5 runs
    .venv/bin/python bench/bench_code.py -n 10 ARTICLE.md
    .venv/bin/python bench/bench_code.py --jsonl ../shared/spec/dev/docs.jsonl
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from detente.article import Article, article_from_text, iter_articles
from detente.errors import DetenteError

if TYPE_CHECKING:
    from detente.coder import Coder

T = TypeVar("T")

HEADLINE = "Danube states agree to reopen river talks as Vienna hosts regional ministers"
STANDFIRST = ("Austria, Hungary and Slovakia are trying to settle a dispute over shipping tolls that has "
              "strained relations along the river for more than a year")
# Invented news prose in the style of an international wire story; ~80 words per paragraph.
PARAGRAPHS = (
    "The foreign ministers of Austria and Hungary met in Vienna on Monday to discuss a dispute over tolls on "
    "Danube shipping, according to officials briefed on the talks. It was the first meeting between the two "
    "since Budapest walked out of a regional transport forum in February.",
    "Hungary had cancelled a planned visit by its transport minister to Vienna in March after the Austrian "
    "government accused Budapest of overcharging river traffic. Hungarian officials rejected the accusation "
    "and said the fees covered the cost of dredging the channel near the border.",
    "The Austrian chancellor will travel to Budapest next month to sign a new transport agreement, the "
    "chancellery said in a statement. Diplomats said the two governments were also trying to arrange a "
    "telephone call between the prime ministers before the end of the week.",
    "Slovakia criticised both governments for excluding it from the negotiations and demanded a seat at the "
    "table. The Slovak foreign minister said Bratislava would not accept any deal on the river that had been "
    "reached without its consent, and warned that it could close its locks to heavy barges.",
    "The European Commission welcomed the meeting and offered to host a wider conference in Brussels in the "
    "autumn. A spokesman said the commission was ready to provide funding for a joint survey of the river bed "
    "if all three countries agreed to share their data.",
    "Romania and Bulgaria, which share the lower reaches of the river, said they would send observers to the "
    "next round. The Romanian prime minister called his Hungarian counterpart on Tuesday and urged him to "
    "lift the tolls on grain shipments while the talks continue.",
    "Police in Budapest arrested twelve protesters who had blocked a bridge over the Danube on Sunday to demand "
    "lower fuel prices for barge operators. The interior ministry said the demonstrators had been released "
    "later that evening without charge.",
    "In a separate development, Serbia accused Croatia of detaining two Serbian fishing boats near Vukovar "
    "last week. Croatian border police said the boats had crossed into Croatian waters and that their crews "
    "had been fined and allowed to return home.",
    "The Serbian president threatened to suspend cooperation with Zagreb on river policing unless the boats "
    "were returned. Croatia's foreign ministry declined to comment on the threat, but officials said a "
    "meeting of the joint border commission could take place in May.",
    "Germany, which controls the upper Danube, pledged to support any agreement that kept the river open to "
    "commercial traffic. The German transport minister met Austrian officials in Passau on Friday and said "
    "Berlin would not impose new fees on ships entering Bavarian ports.",
    "Analysts said relations between Vienna and Budapest had sunk to their lowest point in a decade, but that "
    "both sides had strong reasons to settle. Shipping companies on the river have lost millions of euros "
    "since the dispute began, and some have moved cargo to the railways.",
    "Ukraine appealed to the Danube states to keep the river open to grain exports from its ports at Izmail "
    "and Reni. Ukrainian officials said Russian drones had struck port facilities on the river twice this "
    "month, killing one worker and damaging a grain terminal.",
    "Moldova, which has a short stretch of the river bank at Giurgiulesti, said it would join any regional "
    "agreement. The Moldovan president visited Bucharest on Wednesday for talks with Romanian officials on "
    "energy links and the security of river traffic.",
)


def builtin_article(min_words: int = 1000) -> Article:
    """A ~``min_words``-word article built from the paragraphs above (repeated if more words are asked)."""
    paras: list[str] = []
    words = len(HEADLINE.split()) + len(STANDFIRST.split())
    i = 0
    while words < min_words:
        p = PARAGRAPHS[i % len(PARAGRAPHS)]
        paras.append(p)
        words += len(p.split())
        i += 1
    text = "\n\n".join([HEADLINE, STANDFIRST, *paras])
    return article_from_text(text, "bench-danube-talks")


def read_inputs(paths: Sequence[str]) -> list[Article]:
    """Every article in ``paths`` (files or folders); bad ones are reported on stderr and skipped."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(f for f in sorted(p.rglob("*")) if f.is_file())
        else:
            files.append(p)
    out: list[Article] = []
    for f in files:
        try:
            for item in iter_articles(f):
                if isinstance(item, DetenteError):
                    print(f"bench: skipped {item.one_line()}", file=sys.stderr)
                else:
                    out.append(item)
        except DetenteError as e:
            print(f"bench: skipped {e.one_line()}", file=sys.stderr)
    return out


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def n_words(articles: Sequence[Article]) -> int:
    return sum(len(text.split()) for a in articles for _, text in a.segments())


def parse_only(coder: Coder, articles: Sequence[Article]) -> int:
    """What ``split_sentences`` spends in spaCy: ``nlp.pipe`` on every article's segments."""
    n = 0
    for a in articles:
        for doc in coder.nlp.pipe([text for _, text in a.segments()]):
            n += len(doc)
    return n


def code_all(coder: Coder, articles: Sequence[Article], published: datetime.date | None) -> tuple[int, int]:
    """Code every article; return (events, sentences)."""
    events = sentences = 0
    for a in articles:
        r = coder.code_article(a, published)
        events += len(r.events)
        sentences += len(r.sentences)
    return events, sentences


def fmt_s(x: float) -> str:
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def load_coder(model: str | None) -> Coder:
    t, coder = timed(lambda: _new_coder(model))
    print(f"coder load:        {fmt_s(t)} (spaCy pipeline {coder.nlp.meta.get('name', '?')} "
          f"{coder.nlp.meta.get('version', '')}, lexicons, gazetteer)")
    return coder


def _new_coder(model: str | None) -> Coder:
    from detente.coder import Coder

    return Coder(model)


def bench_articles(coder: Coder, articles: Sequence[Article], runs: int, published: datetime.date | None) -> None:
    words = n_words(articles)
    warm_t, (events, sentences) = timed(lambda: code_all(coder, articles, published))
    parse_ts: list[float] = []
    code_ts: list[float] = []
    for _ in range(runs):
        parse_ts.append(timed(lambda: parse_only(coder, articles))[0])
        code_ts.append(timed(lambda: code_all(coder, articles, published))[0])
    parse = statistics.median(parse_ts)
    code = statistics.median(code_ts)
    overhead = max(code - parse, 0.0)
    per_article = code / len(articles)
    print(f"articles:          {len(articles)}")
    print(f"words:             {words}")
    print(f"sentences:         {sentences}")
    print(f"events:            {events}")
    print(f"runs:              {runs} (+1 warm-up: {fmt_s(warm_t)}); medians below")
    print(f"parse (nlp.pipe):  {fmt_s(parse)}  [min {fmt_s(min(parse_ts))}, max {fmt_s(max(parse_ts))}]")
    print(f"code_article:      {fmt_s(code)}  [min {fmt_s(min(code_ts))}, max {fmt_s(max(code_ts))}]")
    print(f"coding overhead:   {fmt_s(overhead)}  ({100 * overhead / code:.0f}% of code_article)")
    print(f"s/article:         {per_article:.3f}")
    print(f"words/s:           {words / code:.0f}")
    print(f"overhead/parse:    {overhead / parse:.2f}")


def bench_jsonl(coder: Coder, path: str, runs: int, published: datetime.date | None) -> None:
    articles = read_inputs([path])
    if not articles:
        sys.exit(f"bench: no readable records in {path}")
    words = n_words(articles)
    # the first pass is cold (spaCy's vocab grows with every new word): time it, but apart
    first, (events, sentences) = timed(lambda: code_all(coder, articles, published))
    parse_ts: list[float] = []
    code_ts: list[float] = []
    for _ in range(runs):
        parse_ts.append(timed(lambda: parse_only(coder, articles))[0])
        code_ts.append(timed(lambda: code_all(coder, articles, published))[0])
    parse = statistics.median(parse_ts)
    code = statistics.median(code_ts)
    print(f"file:              {path}")
    print(f"articles:          {len(articles)}  ({words} words, {sentences} sentences, {events} events)")
    print(f"first pass (cold): {fmt_s(first)}  ({len(articles) / first:.2f} articles/s)")
    print(f"runs:              {runs} after the first pass; medians below")
    print(f"parse (nlp.pipe):  {fmt_s(parse)}")
    print(f"code_article:      {fmt_s(code)}  (overhead/parse {max(code - parse, 0.0) / parse:.2f})")
    print(f"s/article:         {code / len(articles):.3f}")
    print(f"articles/s:        {len(articles) / code:.2f}")
    print(f"words/s:           {words / code:.0f}")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("articles", nargs="*", help="article files or folders (default: a built-in ~1,000-word article)")
    ap.add_argument("-n", "--runs", type=int, default=None, help="timed runs (default 5; 1 with --jsonl)")
    ap.add_argument("--jsonl", metavar="FILE", help="code every record of this JSONL file; print articles/s")
    ap.add_argument("--words", type=int, default=1000, help="size of the built-in article (default 1000)")
    ap.add_argument("--published", type=datetime.date.fromisoformat, default=None,
                    help="publication date YYYY-MM-DD (default: the article's, or 2024-05-08 for the built-in)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: detente's)")
    args = ap.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        ap.error("--runs must be at least 1")

    coder = load_coder(args.model)
    if args.jsonl:
        bench_jsonl(coder, args.jsonl, args.runs or 1, args.published)
        return
    if args.articles:
        articles = read_inputs(args.articles)
        if not articles:
            sys.exit("bench: no readable articles")
        published = args.published
    else:
        articles = [builtin_article(args.words)]
        published = args.published or datetime.date(2024, 5, 8)
    bench_articles(coder, articles, args.runs or 5, published)


if __name__ == "__main__":
    main()
