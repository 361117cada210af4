"""Print the coder's figures on the public gold sets, split the way the project reports them.

    python tools/dev_figures.py [--spec ../shared/spec] [--verbose GROUP]

Groups: seed, original-nine, new-first-half (a01-a06, b01-b06), check-half (a07-a12, b07-b12),
dev-all (all 33 dev documents) and gsr-dev.  For each: F1, precision, recall, date and place accuracy.
``--verbose GROUP`` also lists that group's misses and extras.  Needs ../shared (skips otherwise).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from detente import Coder
from detente.article import iter_articles, read_articles
from detente.eval import load_gold, score


def group_of(doc: str) -> str:
    if doc.startswith("gsr-"):
        return "gsr-dev"
    if doc[:1] in "ab" and doc[1:].isdigit():
        return "check-half" if int(doc[1:]) >= 7 else "new-first-half"
    return "original-nine"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "spec"))
    ap.add_argument("--verbose", action="append", default=[])
    args = ap.parse_args()
    spec = Path(args.spec)
    if not spec.is_dir():
        print(f"no spec at {spec}; nothing to measure")
        return 0
    coder = Coder()
    seed = read_articles(spec / "seed" / "ft-2023-06-06-blinken-china.txt")[0]
    preds = [e.to_dict() for e in coder.code_article(seed, date(2023, 6, 6)).events]
    for path in (spec / "dev" / "docs.jsonl", spec / "gsr-dev" / "docs.jsonl"):
        for art in iter_articles(path):
            if isinstance(art, Exception):
                continue
            preds += [e.to_dict() for e in coder.code_article(art).events]
    gold = load_gold(spec / "seed" / "gold.jsonl")
    gold += load_gold(spec / "dev" / "gold.jsonl") + load_gold(spec / "gsr-dev" / "gold.jsonl")
    seed_docs = {g.doc for g in load_gold(spec / "seed" / "gold.jsonl")}
    groups: dict[str, set[str]] = {"seed": seed_docs}
    for g in gold:
        if g.doc not in seed_docs:
            groups.setdefault(group_of(g.doc), set()).add(g.doc)
    groups["dev-all"] = groups["original-nine"] | groups["new-first-half"] | groups["check-half"]
    print(f"{'set':16} {'F1':>6} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}  date          place")
    for name in ("seed", "original-nine", "new-first-half", "check-half", "dev-all", "gsr-dev"):
        rep = score(gold, preds, docs=groups[name])
        print(
            f"{name:16} {rep.f1:6.3f} {rep.precision:6.3f} {rep.recall:6.3f} {rep.tp:4} {rep.fp:4} {rep.fn:4}"
            f"  {rep.date_acc!s:13} {rep.location_acc!s}"
        )
        if name in args.verbose:
            print(rep.render(verbose=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
