"""Throughput: detente end to end against spaCy alone, on the same >= 300,000-word corpus.

The corpus is the articles of examples/ repeated with varied ids and publication dates, written to a
JSONL file. In one run, on the same text:

(a) spaCy alone: the same model, ``nlp.pipe`` over every segment with its full default pipeline
    (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner);
(b) detente end to end: read the JSONL file, code (parse, actors, events), resolve dates and places,
    merge — ``Coder.code_articles`` with the pre-filter (src/detente/prefilter.py).

Prints words/s and articles/s for each, the peak RSS of the process, and last ``ratio=<(b) ÷ (a)>``.

    .venv/bin/python bench/throughput.py [--words 300000] [--no-prefilter] [--runs 1]
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from detente.article import Article, iter_articles
from detente.coder import Coder

ROOT = Path(__file__).resolve().parents[1]


def seed_articles(folder: Path = ROOT / "examples") -> list[Article]:
    out: list[Article] = []
    for f in sorted(folder.iterdir()):
        if f.is_file():
            out.extend(a for a in iter_articles(f) if isinstance(a, Article))
    if not out:
        sys.exit(f"throughput: no articles in {folder}")
    return out


def n_words(a: Article) -> int:
    return sum(len(t.split()) for _, t in a.segments())


def build_corpus(min_words: int, seeds: list[Article]) -> Iterator[dict[str, object]]:
    """JSONL records: the seed articles repeated with ids ``<id>-<k>`` and dates shifted by k days."""
    words = k = 0
    while words < min_words:
        for a in seeds:
            base = a.published or datetime.date(2024, 1, 1)
            pub = base + datetime.timedelta(days=k % 700)
            text = "\n\n".join(t for kind, t in a.segments() if kind != "headline")
            yield {"id": f"{a.id}-{k}", "title": a.title, "published": pub.isoformat(), "text": text}
            words += n_words(a)
        k += 1


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_corpus(path: Path) -> list[Article]:
    return [a for a in iter_articles(path) if isinstance(a, Article)]


def spacy_alone(coder: Coder, articles: list[Article]) -> float:
    texts = [t for a in articles for _, t in a.segments()]
    t0 = time.perf_counter()
    for _ in coder.nlp.pipe(texts):
        pass
    return time.perf_counter() - t0


def detente_end_to_end(coder: Coder, path: Path) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    articles = read_corpus(path)
    events = sum(len(r.events) for r in coder.code_articles(articles))
    return time.perf_counter() - t0, events, len(articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--words", type=int, default=300_000, help="corpus size in words (default 300,000)")
    ap.add_argument("--runs", type=int, default=1, help="timed runs of each (medians reported)")
    ap.add_argument("--no-prefilter", action="store_true", help="code every sentence, recognise entities everywhere")
    args = ap.parse_args()

    coder = Coder(prefilter=not args.no_prefilter)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for rec in build_corpus(args.words, seed_articles()):
                fh.write(json.dumps(rec) + "\n")
        articles = read_corpus(path)
        words = sum(n_words(a) for a in articles)
        print(f"corpus:            {len(articles)} articles, {words} words ({path.stat().st_size / 1e6:.1f} MB JSONL)")
        print(f"model:             {coder.nlp.meta.get('name')} {coder.nlp.meta.get('version')} "
              f"components {coder.nlp.pipe_names}")
        # warm-up on a slice: vocabulary, lexeme and gazetteer caches
        spacy_alone(coder, articles[:50])
        list(coder.code_articles(articles[:50]))
        sp: list[float] = []
        dt: list[float] = []
        events = 0
        for _ in range(args.runs):
            sp.append(spacy_alone(coder, articles))
            t, events, _n = detente_end_to_end(coder, path)
            dt.append(t)
    t_sp, t_dt = statistics.median(sp), statistics.median(dt)
    print(f"spaCy alone:       {t_sp:.2f} s  {words / t_sp:.0f} words/s  {len(articles) / t_sp:.1f} articles/s")
    print(f"detente:           {t_dt:.2f} s  {words / t_dt:.0f} words/s  {len(articles) / t_dt:.1f} articles/s"
          f"  ({events} events; read + code + resolve + merge)")
    pf = coder.prefilter
    if pf is not None:
        total = pf.coded_sentences + pf.skipped_sentences
        segs = pf.ner_segments + pf.plain_segments
        print(f"pre-filter:        {pf.skipped_sentences}/{total} sentences not coded, "
              f"{pf.plain_segments}/{segs} segments without entity recognition")
    print(f"peak RSS:          {peak_rss_mb():.0f} MB")
    print(f"ratio={words / t_dt / (words / t_sp):.2f}")


if __name__ == "__main__":
    main()
