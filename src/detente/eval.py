"""Score predicted event records against gold events (EVENTS.md section 6).

Gold files are JSONL, one gold event per line (GOLD-GUIDE.md); prediction files are JSONL of
event records (EVENTS.md section 2, i.e. ``Event.to_dict()``).  :func:`score` matches them
one-to-one per document with a maximum-weight bipartite matching and returns an
:class:`EvalReport` with precision/recall/F1, a per-type table and attribute accuracies.

Matching rules
--------------
A prediction may match a gold event when

* its type is the gold type (with the gold status), or one of the gold ``alt_types``:
  ``"TYPE"`` (with the gold status) or ``"TYPE/status"`` (that type with that status);
* its status is the gold status (or the status named by a ``"TYPE/status"`` alternative);
* its source and target countries agree with the gold actors.  A gold actor is a code, a list
  of acceptable codes, or ``"*"`` (anything, including no actor).  The order may be swapped
  for CONSULT in mode third-party, multilateral or phone, and for AGREE and COOPERATE (gold
  type or the matched type).

Among all one-to-one assignments the scorer picks one that (1) matches as many pairs as possible,
then (2) matches as many required gold events as possible, then (3) maximises attribute
agreement (exact type, unswapped actors, mode, date, location, sectors).  Because matchings
form a matroid, (1) and (2) never conflict: the chosen matching both minimises false positives
and maximises true positives.

Counting
--------
* TP = predictions matched to required gold; predictions matched to optional gold are neither
  TP nor FP and leave the precision denominator; every other prediction is a FP.
* FN = required gold left unmatched.  Optional gold never counts against recall.
* Attribute accuracies are computed on matched required pairs: date (the predicted interval lies
  inside the gold interval; a missing predicted date is wrong), location (same country), mode
  (only where the matched type equals the gold type) and source/target sector (aligned with the
  actor order used for the match).  Gold ``null`` is never scored.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from .errors import EvalError
from .record import EVENT_TYPES, STATUSES

__all__ = [
    "Accuracy",
    "EvalReport",
    "GoldEvent",
    "TypeRow",
    "gold_to_prediction",
    "load_gold",
    "load_predictions",
    "score",
]

ANY_ACTOR = "*"
SYMMETRIC_TYPES: frozenset[str] = frozenset({"AGREE", "COOPERATE"})
SYMMETRIC_CONSULT_MODES: frozenset[str] = frozenset({"third-party", "multilateral", "phone"})

GOLD_KEYS: frozenset[str] = frozenset(
    {
        "doc", "type", "mode", "status", "source", "source_sector", "target", "target_sector",
        "date", "location", "context", "required", "alt_types", "hint",
    }
)
GOLD_MANDATORY: tuple[str, ...] = ("doc", "type", "status", "source", "target", "required")

Actors = str | list[str]


# --------------------------------------------------------------------------- gold and predictions


@dataclass(frozen=True)
class GoldEvent:
    """One gold event of a gold JSONL file (GOLD-GUIDE.md); ``line`` is its 1-based line number."""

    doc: str
    type: str
    mode: str | None
    status: str
    source: Actors
    source_sector: str | None
    target: Actors
    target_sector: str | None
    date: tuple[str, str] | None
    location: str | None
    required: bool
    alt_types: tuple[str, ...]
    context: tuple[str, ...]
    hint: str
    line: int

    def accepted(self) -> tuple[tuple[str, str], ...]:
        """The (type, status) pairs a prediction may carry to match this event, gold's own first."""
        out: list[tuple[str, str]] = [(self.type, self.status)]
        for alt in self.alt_types:
            t, _, s = alt.partition("/")
            pair = (t, s or self.status)
            if pair not in out:
                out.append(pair)
        return tuple(out)


def _read_lines(path: str | Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read file: {exc}", path=path) from exc


def _parse_object(text: str, path: str | Path, line: int) -> dict[str, Any]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalError(f"invalid JSON: {exc.msg} (column {exc.colno})", path=path, line=line) from exc
    if not isinstance(obj, dict):
        raise EvalError(f"expected a JSON object, got {type(obj).__name__}", path=path, line=line)
    return obj


def _is_iso_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        Date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _gold_actor(value: object, key: str, path: str | Path, line: int) -> Actors:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return [str(v) for v in value]
    raise EvalError(
        f"gold {key!r} must be a country code, a non-empty list of codes or '*', got {value!r}",
        path=path, line=line,
    )


def _opt_str(obj: Mapping[str, Any], key: str, path: str | Path, line: int) -> str | None:
    value = obj.get(key)
    if value is None or (isinstance(value, str) and value):
        return value
    raise EvalError(f"gold {key!r} must be a non-empty string or null, got {value!r}", path=path, line=line)


def _gold_from_obj(obj: dict[str, Any], path: str | Path, line: int) -> GoldEvent:
    def bad(reason: str) -> EvalError:
        return EvalError(reason, path=path, line=line)

    missing = [k for k in GOLD_MANDATORY if k not in obj]
    if missing:
        raise bad(f"gold event lacks key(s) {', '.join(missing)}")
    # Unknown keys (notes, ids, annotator fields) are tolerated: gold files grow fields over time.
    doc = obj["doc"]
    if not isinstance(doc, str) or not doc:
        raise bad(f"gold 'doc' must be a non-empty string, got {doc!r}")
    etype = obj["type"]
    if etype not in EVENT_TYPES:
        raise bad(f"gold 'type' {etype!r} is not a PLOVER type")
    status = obj["status"]
    if status not in STATUSES:
        raise bad(f"gold 'status' {status!r} is not one of {', '.join(STATUSES)}")
    required = obj["required"]
    if not isinstance(required, bool):
        raise bad(f"gold 'required' must be true or false, got {required!r}")

    raw_date = obj.get("date")
    gdate: tuple[str, str] | None = None
    if raw_date is not None:
        if not (isinstance(raw_date, list) and len(raw_date) == 2 and all(map(_is_iso_date, raw_date))):
            raise bad(f"gold 'date' must be [YYYY-MM-DD, YYYY-MM-DD] or null, got {raw_date!r}")
        if raw_date[0] > raw_date[1]:
            raise bad(f"gold 'date' starts after it ends: {raw_date!r}")
        gdate = (raw_date[0], raw_date[1])

    alts = obj.get("alt_types", [])
    if alts is None:
        alts = []
    if not isinstance(alts, list):
        raise bad(f"gold 'alt_types' must be a list, got {alts!r}")
    for alt in alts:
        t, sep, s = alt.partition("/") if isinstance(alt, str) else ("", "", "")
        if t not in EVENT_TYPES or (sep and s not in STATUSES):
            raise bad(f"gold 'alt_types' entry {alt!r} is not TYPE or TYPE/status")

    context = obj.get("context", [])
    if context is None:
        context = []
    if not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
        raise bad(f"gold 'context' must be a list of strings, got {context!r}")
    hint = obj.get("hint", "")
    if hint is None:
        hint = ""
    if not isinstance(hint, str):
        raise bad(f"gold 'hint' must be a string, got {hint!r}")

    return GoldEvent(
        doc=doc,
        type=etype,
        mode=_opt_str(obj, "mode", path, line),
        status=status,
        source=_gold_actor(obj["source"], "source", path, line),
        source_sector=_opt_str(obj, "source_sector", path, line),
        target=_gold_actor(obj["target"], "target", path, line),
        target_sector=_opt_str(obj, "target_sector", path, line),
        date=gdate,
        location=_opt_str(obj, "location", path, line),
        required=required,
        alt_types=tuple(alts),
        context=tuple(context),
        hint=hint,
        line=line,
    )


def load_gold(path: str | Path) -> list[GoldEvent]:
    """Read a gold JSONL file; blank lines are skipped.

    Raises :class:`EvalError` naming the file and line of the first bad record.
    """
    events: list[GoldEvent] = []
    for n, text in enumerate(_read_lines(path), start=1):
        if text.strip():
            events.append(_gold_from_obj(_parse_object(text, path, n), path, n))
    return events


def _check_prediction(obj: Mapping[str, Any], path: str | Path, line: int) -> None:
    def bad(reason: str) -> EvalError:
        return EvalError(reason, path=path, line=line)

    for key in ("doc_id", "event_type", "status"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise bad(f"prediction lacks a string {key!r}")
    if obj["event_type"] not in EVENT_TYPES:
        raise bad(f"prediction 'event_type' {obj['event_type']!r} is not a PLOVER type")
    if obj["status"] not in STATUSES:
        raise bad(f"prediction 'status' {obj['status']!r} is not one of {', '.join(STATUSES)}")
    mode = obj.get("mode")
    if mode is not None and not isinstance(mode, str):
        raise bad(f"prediction 'mode' must be a string or null, got {mode!r}")
    subkeys = {
        "source": ("country", "sector"), "target": ("country", "sector"),
        "date": ("start", "end"), "location": ("country",),
    }
    for key, fields in subkeys.items():
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, dict):
            raise bad(f"prediction {key!r} must be an object or null, got {value!r}")
        for f in fields:
            if value.get(f) is not None and not isinstance(value[f], str):
                raise bad(f"prediction '{key}.{f}' must be a string or null, got {value[f]!r}")
    mentions = obj.get("mentions")
    if mentions is not None and not (
        isinstance(mentions, list) and all(isinstance(m, dict) for m in mentions)
    ):
        raise bad("prediction 'mentions' must be a list of objects")


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of event records (EVENTS.md section 2); blank lines are skipped.

    Only the fields the scorer reads are checked.  Raises :class:`EvalError` naming the file and
    line of the first bad record.
    """
    preds: list[dict[str, Any]] = []
    for n, text in enumerate(_read_lines(path), start=1):
        if text.strip():
            obj = _parse_object(text, path, n)
            _check_prediction(obj, path, n)
            preds.append(obj)
    return preds


def gold_to_prediction(g: GoldEvent) -> dict[str, Any]:
    """A minimal prediction record that the scorer matches to ``g`` with every attribute right."""

    def code(a: Actors) -> str | None:
        if isinstance(a, list):
            a = next((x for x in a if x != ANY_ACTOR), ANY_ACTOR)
        return None if a == ANY_ACTOR else a

    def actor(a: Actors, sector: str | None) -> dict[str, Any]:
        c = code(a)
        return {"text": c or "", "name": None, "role": None, "country": c, "sector": sector}

    return {
        "doc_id": g.doc,
        "event_type": g.type,
        "mode": g.mode,
        "status": g.status,
        "context": list(g.context),
        "source": actor(g.source, g.source_sector),
        "target": actor(g.target, g.target_sector),
        "date": None if g.date is None else {"text": "", "start": g.date[0], "end": g.date[1]},
        "location": None if g.location is None else {"text": "", "country": g.location},
        "mentions": [],
    }


# --------------------------------------------------------------------------- field access


def _sub(pred: Mapping[str, Any], key: str, field_: str) -> Any:
    value = pred.get(key)
    return value.get(field_) if isinstance(value, Mapping) else None


def _country(pred: Mapping[str, Any], role: str) -> str | None:
    value = _sub(pred, role, "country")
    return value if isinstance(value, str) else None


def _actor_ok(gold: Actors, country: str | None) -> bool:
    if isinstance(gold, list):
        return ANY_ACTOR in gold or country in gold
    return gold in (ANY_ACTOR, country)


def _swap_allowed(g: GoldEvent, pred: Mapping[str, Any]) -> bool:
    ptype = pred.get("event_type")
    if g.type in SYMMETRIC_TYPES or ptype in SYMMETRIC_TYPES:
        return True
    if ptype == "CONSULT":
        mode = g.mode if g.type == "CONSULT" else pred.get("mode")
        return mode in SYMMETRIC_CONSULT_MODES
    return False


def _orientation(g: GoldEvent, pred: Mapping[str, Any]) -> bool | None:
    """None if ``pred`` cannot match ``g``; else whether the actors match only when swapped."""
    if (pred.get("event_type"), pred.get("status")) not in g.accepted():
        return None
    src, tgt = _country(pred, "source"), _country(pred, "target")
    if _actor_ok(g.source, src) and _actor_ok(g.target, tgt):
        return False
    if _swap_allowed(g, pred) and _actor_ok(g.source, tgt) and _actor_ok(g.target, src):
        return True
    return None


def _date_ok(g: GoldEvent, pred: Mapping[str, Any]) -> bool | None:
    """None if not scored (gold null), else whether the predicted interval lies inside gold's."""
    if g.date is None:
        return None
    start, end = _sub(pred, "date", "start"), _sub(pred, "date", "end")
    if not (_is_iso_date(start) and _is_iso_date(end)):
        return False
    return bool(g.date[0] <= start <= end <= g.date[1])


def _location_ok(g: GoldEvent, pred: Mapping[str, Any]) -> bool | None:
    if g.location is None:
        return None
    return bool(_sub(pred, "location", "country") == g.location)


def _mode_ok(g: GoldEvent, pred: Mapping[str, Any]) -> bool | None:
    if g.mode is None or pred.get("event_type") != g.type:
        return None
    return bool(pred.get("mode") == g.mode)


def _sector_ok(gold_sector: str | None, pred: Mapping[str, Any], role: str) -> bool | None:
    if gold_sector is None:
        return None
    return bool(_sub(pred, role, "sector") == gold_sector)


def _sectors_ok(g: GoldEvent, pred: Mapping[str, Any], swapped: bool) -> tuple[bool | None, bool | None]:
    src_role, tgt_role = ("target", "source") if swapped else ("source", "target")
    return _sector_ok(g.source_sector, pred, src_role), _sector_ok(g.target_sector, pred, tgt_role)


# --------------------------------------------------------------------------- matching


def _edge_quality(g: GoldEvent, pred: Mapping[str, Any], swapped: bool) -> int:
    """Attribute agreement of a candidate pair, 0..ATTR_MAX; only breaks ties between matchings."""
    checks = [
        pred.get("event_type") == g.type,
        not swapped,
        _mode_ok(g, pred) is not False,
        _date_ok(g, pred) is not False,
        _location_ok(g, pred) is not False,
        *(ok is not False for ok in _sectors_ok(g, pred, swapped)),
    ]
    return sum(checks)


ATTR_MAX = 7


def _max_weight_assignment(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Hungarian algorithm: pairs (row, col) of positive weight in a maximum-weight matching."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n_rows == 0 or n_cols == 0:
        return []
    cost = [[-(weights[i][j]) if i < n_rows and j < n_cols else 0 for j in range(n)] for i in range(n)]
    inf = 1 << 62
    u = [0] * (n + 1)
    v = [0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j]]
    return sorted((i, j) for i, j in pairs if i < n_rows and j < n_cols and weights[i][j] > 0)


def _match_doc(
    golds: Sequence[GoldEvent], preds: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int, bool]]:
    """One-to-one matching of one document: (gold index, pred index, swapped) triples."""
    if not golds or not preds:
        return []
    k = min(len(golds), len(preds)) + 1
    w_required = k * (ATTR_MAX + 1)
    w_match = k * (w_required + ATTR_MAX + 1)
    weights = [[0] * len(preds) for _ in golds]
    orient: dict[tuple[int, int], bool] = {}
    for i, g in enumerate(golds):
        for j, pred in enumerate(preds):
            swapped = _orientation(g, pred)
            if swapped is None:
                continue
            orient[i, j] = swapped
            weights[i][j] = w_match + (w_required if g.required else 0) + _edge_quality(g, pred, swapped)
    return [(i, j, orient[i, j]) for i, j in _max_weight_assignment(weights)]


# --------------------------------------------------------------------------- report


@dataclass
class Accuracy:
    """Correct out of scored, for one attribute."""

    correct: int = 0
    scored: int = 0

    def add(self, ok: bool | None) -> None:
        if ok is not None:
            self.scored += 1
            self.correct += int(ok)

    @property
    def rate(self) -> float:
        return self.correct / self.scored if self.scored else 0.0

    def __str__(self) -> str:
        return f"{self.correct}/{self.scored}={self.rate:.3f}" if self.scored else "0/0=n/a"

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "scored": self.scored,
                "accuracy": round(self.rate, 4) if self.scored else None}


@dataclass(frozen=True)
class TypeRow:
    """One row of the per-type table.

    ``gold`` counts required gold of the type and ``found`` those matched (recall side);
    ``predicted`` counts predictions of the type inside the precision denominator and ``tp`` those
    matched to required gold (precision side).
    """

    type: str
    gold: int
    found: int
    predicted: int
    tp: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class DocRow:
    """Counts for one scored document."""

    doc: str
    gold: int
    optional: int
    predicted: int
    tp: int
    fp: int
    fn: int


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    """The result of :func:`score`."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    per_type: list[TypeRow]
    date_acc: Accuracy
    location_acc: Accuracy
    mode_acc: Accuracy
    source_sector_acc: Accuracy
    target_sector_acc: Accuracy
    matches: list[tuple[GoldEvent, Mapping[str, Any]]]
    misses: list[GoldEvent]
    extras: list[Mapping[str, Any]]
    optional_matched: list[tuple[GoldEvent, Mapping[str, Any]]]
    per_doc: list[DocRow] = field(default_factory=list)
    n_gold_required: int = 0
    n_gold_optional: int = 0
    n_predictions: int = 0
    ignored_predictions: int = 0
    attributes_all: dict[str, Accuracy] = field(default_factory=dict)

    # ---------------------------------------------------------------- text

    def headline(self) -> list[str]:
        """The three headline lines that end every rendering."""
        return [
            f"events: P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})",
            f"attributes on matched: date {self.date_acc}  location {self.location_acc}  "
            f"mode {self.mode_acc}",
            f"sectors on matched: source {self.source_sector_acc}  target {self.target_sector_acc}",
        ]

    def render(self, verbose: bool = False) -> str:
        """A plain-text report; the last three lines are always the headline figures."""
        ignored = ""
        if self.ignored_predictions:
            ignored = f", {self.ignored_predictions} ignored (document not scored)"
        lines: list[str] = [
            f"documents: {len(self.per_doc)}  gold: {self.n_gold_required} required + "
            f"{self.n_gold_optional} optional  predictions: {self.n_predictions} scored{ignored}"
            f"  matched to optional gold: {len(self.optional_matched)}",
            "",
        ]
        lines += _table(
            ["type", "gold", "found", "pred", "tp", "P", "R", "F1"],
            [
                [r.type, r.gold, r.found, r.predicted, r.tp,
                 f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}"]
                for r in self.per_type
            ],
        )
        if verbose:
            lines += ["", "per document:"]
            lines += _table(
                ["doc", "gold", "opt", "pred", "tp", "fp", "fn"],
                [[d.doc, d.gold, d.optional, d.predicted, d.tp, d.fp, d.fn] for d in self.per_doc],
            )
            lines += ["", f"misses ({len(self.misses)} required gold unmatched):"]
            lines += [f"  {_gold_line(g)}" for g in self.misses] or ["  (none)"]
            lines += ["", f"extras ({len(self.extras)} false positives):"]
            lines += [f"  {_pred_line(p)}" for p in self.extras] or ["  (none)"]
            diffs = [(g, p, d) for g, p in self.matches if (d := _disagreements(g, p))]
            lines += ["", f"disagreements on matched pairs ({len(diffs)}):"]
            lines += [f"  {g.doc} {_gold_short(g)}: {d}" for g, _, d in diffs] or ["  (none)"]
        lines.append("")
        lines += self.headline()
        return "\n".join(lines)

    # ---------------------------------------------------------------- JSON

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able summary: counts, per-type and per-doc tables, accuracies, misses and extras."""
        acc = {
            "date": self.date_acc, "location": self.location_acc, "mode": self.mode_acc,
            "source_sector": self.source_sector_acc, "target_sector": self.target_sector_acc,
        }
        return {
            "events": {
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            },
            "attributes": {k: a.to_dict() for k, a in acc.items()},
            "attributes_incl_optional": {k: a.to_dict() for k, a in self.attributes_all.items()},
            "counts": {
                "documents": len(self.per_doc), "gold_required": self.n_gold_required,
                "gold_optional": self.n_gold_optional, "predictions": self.n_predictions,
                "ignored_predictions": self.ignored_predictions,
                "optional_matched": len(self.optional_matched),
            },
            "per_type": [
                {"type": r.type, "gold": r.gold, "found": r.found, "predicted": r.predicted, "tp": r.tp,
                 "precision": round(r.precision, 4), "recall": round(r.recall, 4), "f1": round(r.f1, 4)}
                for r in self.per_type
            ],
            "per_doc": [
                {"doc": d.doc, "gold": d.gold, "optional": d.optional, "predicted": d.predicted,
                 "tp": d.tp, "fp": d.fp, "fn": d.fn}
                for d in self.per_doc
            ],
            "misses": [_gold_dict(g) for g in self.misses],
            "extras": [_pred_dict(p) for p in self.extras],
            "disagreements": [
                {"gold": _gold_dict(g), "prediction": _pred_dict(p), "fields": d}
                for g, p in self.matches if (d := _disagreements(g, p))
            ],
        }


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [header, *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def fmt(r: list[str]) -> str:
        first = r[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    return [fmt(r) for r in cells]


def _actors_str(a: Actors) -> str:
    return "|".join(a) if isinstance(a, list) else a


def _gold_short(g: GoldEvent) -> str:
    kind = "/".join(x for x in (g.type, g.mode, g.status) if x)
    return f"{kind} {_actors_str(g.source)}->{_actors_str(g.target)}"


def _gold_line(g: GoldEvent) -> str:
    when = f"{g.date[0]}..{g.date[1]}" if g.date else "date=null"
    where = g.location or "loc=null"
    alts = f" alt={','.join(g.alt_types)}" if g.alt_types else ""
    return f"{g.doc} [gold line {g.line}] {_gold_short(g)} {when} {where}{alts}  \"{g.hint}\""


def _pred_interval(pred: Mapping[str, Any]) -> str:
    if not isinstance(pred.get("date"), Mapping):
        return "null"
    return f"{_sub(pred, 'date', 'start')}..{_sub(pred, 'date', 'end')}"


def _pred_line(pred: Mapping[str, Any]) -> str:
    kind = "/".join(str(x) for x in (pred.get("event_type"), pred.get("mode"), pred.get("status")) if x)
    actors = f"{_country(pred, 'source') or '-'}->{_country(pred, 'target') or '-'}"
    when = _pred_interval(pred)
    text = f"{pred.get('doc_id')} {kind} {actors} {'date=null' if when == 'null' else when}"
    mentions = pred.get("mentions")
    if isinstance(mentions, list) and mentions and isinstance(mentions[0], Mapping):
        m = mentions[0]
        text += f"  trigger \"{m.get('trigger', '')}\" @s{m.get('sentence', '?')}"
        if m.get("rule"):
            text += f" rule={m['rule']}"
    return text


def _disagreements(g: GoldEvent, pred: Mapping[str, Any]) -> str:
    swapped = bool(_orientation(g, pred))
    parts: list[str] = []
    if _date_ok(g, pred) is False and g.date is not None:
        parts.append(f"date {_pred_interval(pred)} not in {g.date[0]}..{g.date[1]}")
    if _location_ok(g, pred) is False:
        parts.append(f"location {_sub(pred, 'location', 'country') or 'null'} != {g.location}")
    if _mode_ok(g, pred) is False:
        parts.append(f"mode {pred.get('mode') or 'null'} != {g.mode}")
    src_ok, tgt_ok = _sectors_ok(g, pred, swapped)
    src_role, tgt_role = ("target", "source") if swapped else ("source", "target")
    if src_ok is False:
        parts.append(f"source sector {_sub(pred, src_role, 'sector') or 'null'} != {g.source_sector}")
    if tgt_ok is False:
        parts.append(f"target sector {_sub(pred, tgt_role, 'sector') or 'null'} != {g.target_sector}")
    return "; ".join(parts)


def _gold_dict(g: GoldEvent) -> dict[str, Any]:
    return {
        "doc": g.doc, "type": g.type, "mode": g.mode, "status": g.status, "source": g.source,
        "target": g.target, "date": list(g.date) if g.date else None, "location": g.location,
        "required": g.required, "hint": g.hint, "line": g.line,
    }


def _pred_dict(pred: Mapping[str, Any]) -> dict[str, Any]:
    mentions = pred.get("mentions")
    first: Mapping[str, Any] = {}
    if isinstance(mentions, list) and mentions and isinstance(mentions[0], Mapping):
        first = mentions[0]
    return {
        "doc_id": pred.get("doc_id"), "event_type": pred.get("event_type"), "mode": pred.get("mode"),
        "status": pred.get("status"), "source": _country(pred, "source"), "target": _country(pred, "target"),
        "date": [_sub(pred, "date", "start"), _sub(pred, "date", "end")] if pred.get("date") else None,
        "trigger": first.get("trigger"), "sentence": first.get("sentence"), "rule": first.get("rule"),
    }


# --------------------------------------------------------------------------- scoring


def score(
    gold: Sequence[GoldEvent],
    preds: Sequence[Mapping[str, Any]],
    docs: Iterable[str] | None = None,
) -> EvalReport:
    """Score ``preds`` against ``gold``, document by document.

    ``docs`` restricts scoring to those document ids (a listed doc without gold makes every
    prediction for it a false positive); by default the documents named in ``gold`` are scored.
    Predictions for documents not scored are ignored and counted in ``ignored_predictions``.
    """
    scope = set(docs) if docs is not None else {g.doc for g in gold}
    gold_by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold:
        if g.doc in scope:
            gold_by_doc[g.doc].append(g)
    pred_by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    ignored = 0
    for p in preds:
        doc = p.get("doc_id")
        if isinstance(doc, str) and doc in scope:
            pred_by_doc[doc].append(p)
        else:
            ignored += 1

    matches: list[tuple[GoldEvent, Mapping[str, Any]]] = []
    optional_matched: list[tuple[GoldEvent, Mapping[str, Any]]] = []
    misses: list[GoldEvent] = []
    extras: list[Mapping[str, Any]] = []
    per_doc: list[DocRow] = []
    swaps: list[bool] = []
    swaps_opt: list[bool] = []
    # per type: gold required, found, predicted (in denominator), tp
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

    for doc in sorted(scope):
        golds, dpreds = gold_by_doc.get(doc, []), pred_by_doc.get(doc, [])
        pairs = _match_doc(golds, dpreds)
        matched_gold = {i for i, _, _ in pairs}
        matched_pred = {j for _, j, _ in pairs}
        tp = 0
        for i, j, swapped in pairs:
            if golds[i].required:
                matches.append((golds[i], dpreds[j]))
                swaps.append(swapped)
                tp += 1
            else:
                optional_matched.append((golds[i], dpreds[j]))
                swaps_opt.append(swapped)
        doc_misses = [g for i, g in enumerate(golds) if g.required and i not in matched_gold]
        doc_extras = [p for j, p in enumerate(dpreds) if j not in matched_pred]
        misses += doc_misses
        extras += doc_extras
        n_req = sum(g.required for g in golds)
        per_doc.append(
            DocRow(doc, n_req, len(golds) - n_req, len(dpreds), tp, len(doc_extras), len(doc_misses))
        )
        for g in golds:
            if g.required:
                counts[g.type][0] += 1
        opt_preds = {j for i, j, _ in pairs if not golds[i].required}
        for j, p in enumerate(dpreds):
            if j not in opt_preds:
                counts[str(p.get("event_type"))][2] += 1
        for i, j, _ in pairs:
            if golds[i].required:
                counts[golds[i].type][1] += 1
                counts[str(dpreds[j].get("event_type"))][3] += 1

    def accuracies(
        pairs: list[tuple[GoldEvent, Mapping[str, Any]]], swapped: list[bool]
    ) -> dict[str, Accuracy]:
        acc = {k: Accuracy() for k in ("date", "location", "mode", "source_sector", "target_sector")}
        for (g, p), sw in zip(pairs, swapped, strict=True):
            acc["date"].add(_date_ok(g, p))
            acc["location"].add(_location_ok(g, p))
            acc["mode"].add(_mode_ok(g, p))
            src_ok, tgt_ok = _sectors_ok(g, p, sw)
            acc["source_sector"].add(src_ok)
            acc["target_sector"].add(tgt_ok)
        return acc

    acc = accuracies(matches, swaps)
    acc_all = accuracies(matches + optional_matched, swaps + swaps_opt)

    tp, fp, fn = len(matches), len(extras), len(misses)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    order = {t: n for n, t in enumerate(EVENT_TYPES)}
    per_type = [
        TypeRow(t, *c)
        for t, c in sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    ]
    n_required = sum(d.gold for d in per_doc)
    return EvalReport(
        tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=_f1(precision, recall),
        per_type=per_type,
        date_acc=acc["date"], location_acc=acc["location"], mode_acc=acc["mode"],
        source_sector_acc=acc["source_sector"], target_sector_acc=acc["target_sector"],
        matches=matches, misses=misses, extras=extras, optional_matched=optional_matched,
        per_doc=per_doc, n_gold_required=n_required, n_gold_optional=sum(d.optional for d in per_doc),
        n_predictions=sum(d.predicted for d in per_doc), ignored_predictions=ignored,
        attributes_all=acc_all,
    )
