"""Tests of detente.eval: gold/prediction loading, one-to-one matching and scoring (EVENTS.md §6)."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest

from detente.errors import EvalError
from detente.eval import GoldEvent, gold_to_prediction, load_gold, load_predictions, score

SPEC = Path(__file__).resolve().parents[1].parent / "shared" / "spec"


def gold(
    type_: str = "CONSULT",
    source: str | list[str] = "USA",
    target: str | list[str] = "CHN",
    *,
    status: str = "occurred",
    mode: str | None = None,
    doc: str = "d1",
    date: tuple[str, str] | None = None,
    location: str | None = None,
    required: bool = True,
    alt_types: tuple[str, ...] = (),
    source_sector: str | None = None,
    target_sector: str | None = None,
    hint: str = "",
    line: int = 1,
) -> GoldEvent:
    return GoldEvent(
        doc=doc, type=type_, mode=mode, status=status, source=source, source_sector=source_sector,
        target=target, target_sector=target_sector, date=date, location=location, required=required,
        alt_types=alt_types, context=(), hint=hint, line=line,
    )


def pred(
    type_: str = "CONSULT",
    source: str | None = "USA",
    target: str | None = "CHN",
    *,
    status: str = "occurred",
    mode: str | None = None,
    doc: str = "d1",
    date: tuple[str | None, str | None] | None = None,
    location: str | None = None,
    source_sector: str | None = None,
    target_sector: str | None = None,
    null_source: bool = False,
) -> dict[str, Any]:
    return {
        "doc_id": doc,
        "event_type": type_,
        "mode": mode,
        "status": status,
        "source": None if null_source else {"text": "x", "country": source, "sector": source_sector},
        "target": {"text": "y", "country": target, "sector": target_sector},
        "date": None if date is None else {"text": "", "start": date[0], "end": date[1]},
        "location": None if location is None else {"text": "", "country": location},
        "mentions": [{"sentence": 4, "start": 0, "end": 10, "trigger": "met", "rule": "consult.meet"}],
    }


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("g", "p", "matched"),
    [
        pytest.param(gold("CONSULT", mode="visit"), pred("CONSULT", mode="visit"), True, id="exact"),
        pytest.param(gold("CONSULT", mode="visit"), pred("CONSULT", mode="phone"), True, id="mode-not-a-key"),
        pytest.param(gold("CONSULT"), pred("AGREE"), False, id="other-type"),
        pytest.param(gold("SUPPORT", alt_types=("AGREE",)), pred("AGREE"), True, id="alt-plain"),
        pytest.param(
            gold("SUPPORT", alt_types=("AGREE",)), pred("AGREE", status="planned"), False,
            id="alt-plain-keeps-gold-status",
        ),
        pytest.param(
            gold("CONSULT", status="cancelled", alt_types=("REJECT/occurred",)), pred("REJECT"), True,
            id="alt-type-status",
        ),
        pytest.param(
            gold("CONSULT", status="cancelled", alt_types=("REJECT/occurred",)),
            pred("REJECT", status="cancelled"), False, id="alt-type-status-wrong-status",
        ),
        pytest.param(
            gold("CONSULT", status="cancelled", alt_types=("REJECT/occurred",)),
            pred("CONSULT", status="cancelled"), True, id="alt-type-status-gold-still-ok",
        ),
        pytest.param(gold("CONSULT", status="planned"), pred("CONSULT"), False, id="status-mismatch"),
        pytest.param(gold("CONSULT"), pred("CONSULT", "USA", "RUS"), False, id="target-mismatch"),
        pytest.param(gold("CONSULT"), pred("CONSULT", "GBR", "CHN"), False, id="source-mismatch"),
        pytest.param(gold("ACCUSE", ["USA", "GBR"]), pred("ACCUSE", "GBR"), True, id="gold-list"),
        pytest.param(gold("ACCUSE", ["USA", "GBR"]), pred("ACCUSE", "FRA"), False, id="gold-list-miss"),
        pytest.param(gold("ACCUSE", "*"), pred("ACCUSE", "FRA"), True, id="gold-any"),
        pytest.param(gold("ACCUSE", "*"), pred("ACCUSE", None), True, id="gold-any-null-country"),
        pytest.param(gold("ACCUSE", "*"), pred("ACCUSE", null_source=True), True, id="gold-any-null-actor"),
        pytest.param(gold("ACCUSE", "USA"), pred("ACCUSE", null_source=True), False, id="null-actor"),
    ],
)
def test_match_rules(g: GoldEvent, p: dict[str, Any], matched: bool) -> None:
    r = score([g], [p])
    assert (r.tp, r.fp, r.fn) == ((1, 0, 0) if matched else (0, 1, 1))
    if not matched:
        assert r.misses == [g]
        assert r.extras == [p]


@pytest.mark.parametrize(
    ("g", "p", "matched"),
    [
        pytest.param(gold("CONSULT", mode="phone"), pred("CONSULT", mode="phone"), True, id="consult-phone"),
        pytest.param(gold("CONSULT", mode="third-party"), pred("CONSULT"), True, id="consult-third-party"),
        pytest.param(gold("CONSULT", mode="multilateral"), pred("CONSULT"), True, id="consult-multilateral"),
        pytest.param(gold("AGREE"), pred("AGREE"), True, id="agree"),
        pytest.param(gold("COOPERATE"), pred("COOPERATE"), True, id="cooperate"),
        pytest.param(gold("SUPPORT", alt_types=("AGREE",)), pred("AGREE"), True, id="matched-type-agree"),
        pytest.param(gold("AGREE", alt_types=("SUPPORT",)), pred("SUPPORT"), True, id="gold-type-agree"),
        pytest.param(gold("CONSULT", mode="visit"), pred("CONSULT", mode="phone"), False, id="consult-visit"),
        pytest.param(gold("CONSULT"), pred("CONSULT"), False, id="consult-no-mode"),
        pytest.param(gold("ACCUSE"), pred("ACCUSE"), False, id="accuse"),
        pytest.param(gold("SUPPORT"), pred("SUPPORT"), False, id="support"),
    ],
)
def test_swapped_actors(g: GoldEvent, p: dict[str, Any], matched: bool) -> None:
    p["source"]["country"], p["target"]["country"] = "CHN", "USA"  # gold is USA -> CHN
    r = score([g], [p])
    assert r.tp == int(matched)
    assert r.fp == r.fn == int(not matched)


def test_swapped_match_aligns_sectors() -> None:
    g = gold("CONSULT", mode="phone", source_sector="GOV", target_sector="MIL")
    p = pred("CONSULT", "CHN", "USA", mode="phone", source_sector="MIL", target_sector="GOV")
    r = score([g], [p])
    assert r.tp == 1
    assert (r.source_sector_acc.correct, r.source_sector_acc.scored) == (1, 1)
    assert (r.target_sector_acc.correct, r.target_sector_acc.scored) == (1, 1)


def test_duplicate_prediction_is_false_positive() -> None:
    g = gold("CONSULT", mode="visit")
    r = score([g], [pred("CONSULT", mode="visit"), pred("CONSULT", mode="visit")])
    assert (r.tp, r.fp, r.fn) == (1, 1, 0)
    assert r.precision == pytest.approx(0.5)
    assert r.recall == pytest.approx(1.0)


def test_prediction_matched_to_optional_gold_is_excluded_from_precision() -> None:
    golds = [gold("CONSULT"), gold("ACCUSE", required=False)]
    r = score(golds, [pred("CONSULT"), pred("ACCUSE")])
    assert (r.tp, r.fp, r.fn) == (1, 0, 0)
    assert r.precision == 1.0
    assert [g.type for g, _ in r.optional_matched] == ["ACCUSE"]
    assert [g.type for g, _ in r.matches] == ["CONSULT"]


def test_only_optional_matches_give_zero_precision_without_crash() -> None:
    r = score([gold("ACCUSE", required=False)], [pred("ACCUSE")])
    assert (r.tp, r.fp, r.fn) == (0, 0, 0)
    assert (r.precision, r.recall, r.f1) == (0.0, 0.0, 0.0)
    assert len(r.optional_matched) == 1


def test_recall_counts_required_gold_only() -> None:
    golds = [gold("CONSULT"), gold("ACCUSE", required=False), gold("REJECT", required=False)]
    r = score(golds, [pred("CONSULT")])
    assert (r.tp, r.fp, r.fn) == (1, 0, 0)
    assert r.recall == 1.0
    assert r.misses == []


def test_required_gold_preferred_over_optional() -> None:
    # Same keys; the optional one is listed first, the single prediction must go to the required one.
    golds = [gold("CONSULT", required=False, line=1), gold("CONSULT", required=True, line=2)]
    r = score(golds, [pred("CONSULT")])
    assert (r.tp, r.fp, r.fn) == (1, 0, 0)
    assert r.optional_matched == []


def test_matching_maximises_matches_where_greedy_fails() -> None:
    # g1 accepts USA or GBR, g2 only USA. Greedy g1->p1(USA) leaves g2 unmatched.
    golds = [gold("ACCUSE", ["USA", "GBR"], line=1), gold("ACCUSE", "USA", line=2)]
    preds = [pred("ACCUSE", "USA"), pred("ACCUSE", "GBR")]
    r = score(golds, preds)
    assert (r.tp, r.fp, r.fn) == (2, 0, 0)
    pairs = {(g.line, p["source"]["country"]) for g, p in r.matches}
    assert pairs == {(1, "GBR"), (2, "USA")}


def test_matching_count_beats_attribute_agreement() -> None:
    # g1 agrees better with p1 (date), but only g1 can take p2: the matcher must not pair g1-p1.
    g1 = gold("ACCUSE", ["USA", "GBR"], date=("2023-06-01", "2023-06-01"), line=1)
    g2 = gold("ACCUSE", "USA", line=2)
    p1 = pred("ACCUSE", "USA", date=("2023-06-01", "2023-06-01"))
    p2 = pred("ACCUSE", "GBR", date=("2023-07-01", "2023-07-01"))
    r = score([g1, g2], [p1, p2])
    assert (r.tp, r.fp, r.fn) == (2, 0, 0)
    assert (r.date_acc.correct, r.date_acc.scored) == (0, 1)


def test_matching_prefers_attribute_agreement() -> None:
    g = gold("CONSULT", mode="visit", date=("2023-06-05", "2023-06-05"), location="CHN")
    wrong = pred("CONSULT", mode="visit", date=("2023-05-01", "2023-05-01"), location="USA")
    right = pred("CONSULT", mode="visit", date=("2023-06-05", "2023-06-05"), location="CHN")
    r = score([g], [wrong, right])
    assert (r.tp, r.fp) == (1, 1)
    assert r.matches[0][1] is right
    assert r.extras == [wrong]
    assert (r.date_acc.correct, r.location_acc.correct) == (1, 1)


def test_matching_prefers_unswapped_and_exact_type() -> None:
    g1 = gold("CONSULT", mode="phone", line=1)  # USA -> CHN
    g2 = gold("CONSULT", "CHN", "USA", mode="phone", line=2)
    r = score([g1, g2], [pred("CONSULT", "CHN", "USA", mode="phone"), pred("CONSULT", mode="phone")])
    assert r.tp == 2
    assert all(g.source == p["source"]["country"] for g, p in r.matches)


def _can_match(g: GoldEvent, p: dict[str, Any]) -> bool:
    r = score([g], [p])
    return bool(r.matches or r.optional_matched)


def _best_by_brute_force(golds: list[GoldEvent], preds: list[dict[str, Any]]) -> tuple[int, int]:
    """(max matched pairs, max required matched among those) over every one-to-one assignment."""
    best = (0, 0)
    slots: list[int | None] = [*range(len(golds)), *([None] * len(preds))]
    for assignment in itertools.permutations(slots, len(preds)):
        pairs = [(gi, pi) for pi, gi in enumerate(assignment) if gi is not None]
        if all(_can_match(golds[gi], preds[pi]) for gi, pi in pairs):
            best = max(best, (len(pairs), sum(golds[gi].required for gi, _ in pairs)))
    return best


@pytest.mark.parametrize("seed", range(25))
def test_matching_agrees_with_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    codes: list[str | list[str]] = ["USA", "CHN", ["USA", "CHN"], "*"]
    golds = [
        gold(rng.choice(["CONSULT", "AGREE", "ACCUSE"]), rng.choice(codes), rng.choice(codes),
             mode=rng.choice([None, "phone", "visit"]), required=rng.random() < 0.6,
             alt_types=rng.choice([(), ("AGREE",), ("ACCUSE/planned",)]), line=n)
        for n in range(rng.randint(1, 4))
    ]
    preds = [
        pred(rng.choice(["CONSULT", "AGREE", "ACCUSE"]), rng.choice(["USA", "CHN"]),
             rng.choice(["USA", "CHN"]), status=rng.choice(["occurred", "planned"]))
        for _ in range(rng.randint(0, 4))
    ]
    r = score(golds, preds)
    matched, required = _best_by_brute_force(golds, preds)
    assert r.tp == required
    assert r.tp + len(r.optional_matched) == matched
    assert r.fp == len(preds) - matched


def test_matching_is_per_document() -> None:
    golds = [gold("CONSULT", doc="d1"), gold("CONSULT", doc="d2")]
    r = score(golds, [pred("CONSULT", doc="d1"), pred("CONSULT", doc="d1")])
    assert (r.tp, r.fp, r.fn) == (1, 1, 1)
    assert r.misses[0].doc == "d2"


# --------------------------------------------------------------------------- attributes


GOLD_JUNE = ("2023-06-01", "2023-06-30")


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "expected"),
    [
        pytest.param(GOLD_JUNE, ("2023-06-05", "2023-06-05"), (1, 1), id="day-inside"),
        pytest.param(GOLD_JUNE, GOLD_JUNE, (1, 1), id="equal"),
        pytest.param(GOLD_JUNE, ("2023-06-01", "2023-06-07"), (1, 1), id="week-inside"),
        pytest.param(GOLD_JUNE, ("2023-05-31", "2023-06-05"), (0, 1), id="starts-before"),
        pytest.param(GOLD_JUNE, ("2023-06-05", "2023-07-01"), (0, 1), id="ends-after"),
        pytest.param(GOLD_JUNE, ("2023-06-20", "2023-06-10"), (0, 1), id="reversed"),
        pytest.param(("2023-06-05", "2023-06-05"), GOLD_JUNE, (0, 1), id="wider-than-gold"),
        pytest.param(GOLD_JUNE, None, (0, 1), id="pred-null"),
        pytest.param(GOLD_JUNE, (None, None), (0, 1), id="pred-bounds-null"),
        pytest.param(GOLD_JUNE, ("2023-06-05", None), (0, 1), id="pred-end-null"),
        pytest.param(None, ("2023-06-05", "2023-06-05"), (0, 0), id="gold-null-not-scored"),
        pytest.param(None, None, (0, 0), id="both-null-not-scored"),
    ],
)
def test_date_accuracy(
    gold_date: tuple[str, str] | None,
    pred_date: tuple[str | None, str | None] | None,
    expected: tuple[int, int],
) -> None:
    r = score([gold("CONSULT", date=gold_date)], [pred("CONSULT", date=pred_date)])
    assert r.tp == 1
    assert (r.date_acc.correct, r.date_acc.scored) == expected


@pytest.mark.parametrize(
    ("gold_loc", "pred_loc", "expected"),
    [
        pytest.param("CHN", "CHN", (1, 1), id="same"),
        pytest.param("CHN", "USA", (0, 1), id="different"),
        pytest.param("CHN", None, (0, 1), id="pred-null"),
        pytest.param(None, "CHN", (0, 0), id="gold-null-not-scored"),
    ],
)
def test_location_accuracy(gold_loc: str | None, pred_loc: str | None, expected: tuple[int, int]) -> None:
    r = score([gold("CONSULT", location=gold_loc)], [pred("CONSULT", location=pred_loc)])
    assert (r.location_acc.correct, r.location_acc.scored) == expected


@pytest.mark.parametrize(
    ("g", "p", "expected"),
    [
        pytest.param(gold("CONSULT", mode="visit"), pred("CONSULT", mode="visit"), (1, 1), id="same"),
        pytest.param(gold("CONSULT", mode="visit"), pred("CONSULT", mode=None), (0, 1), id="pred-null"),
        pytest.param(gold("CONSULT"), pred("CONSULT", mode="visit"), (0, 0), id="gold-null"),
        pytest.param(
            gold("MOBILIZE", mode="weapons", alt_types=("THREATEN",)), pred("THREATEN"), (0, 0),
            id="alt-type-not-scored",
        ),
    ],
)
def test_mode_accuracy(g: GoldEvent, p: dict[str, Any], expected: tuple[int, int]) -> None:
    r = score([g], [p])
    assert r.tp == 1
    assert (r.mode_acc.correct, r.mode_acc.scored) == expected


def test_sector_accuracy_and_optional_pairs_not_in_headline() -> None:
    golds = [
        gold("CONSULT", source_sector="GOV", target_sector=None),
        gold("ACCUSE", source_sector="MIL", target_sector="GOV", required=False),
    ]
    preds = [pred("CONSULT", source_sector="SPY"), pred("ACCUSE", source_sector="MIL", target_sector="GOV")]
    r = score(golds, preds)
    assert (r.source_sector_acc.correct, r.source_sector_acc.scored) == (0, 1)
    assert (r.target_sector_acc.correct, r.target_sector_acc.scored) == (0, 0)
    every = r.attributes_all
    assert (every["source_sector"].correct, every["source_sector"].scored) == (1, 2)
    assert (every["target_sector"].correct, every["target_sector"].scored) == (1, 1)


# --------------------------------------------------------------------------- scope and tables


def test_default_scope_ignores_predictions_for_docs_without_gold() -> None:
    r = score([gold(doc="d1")], [pred(doc="d1"), pred(doc="other")])
    assert (r.tp, r.fp, r.fn) == (1, 0, 0)
    assert r.ignored_predictions == 1
    assert "1 ignored" in r.render()


def test_explicit_docs_scope() -> None:
    golds = [gold(doc="d1"), gold(doc="d2")]
    preds = [pred(doc="d1"), pred(doc="d2", status="planned"), pred(doc="d3")]
    r = score(golds, preds, docs=["d1", "d3"])
    assert (r.tp, r.fp, r.fn) == (1, 1, 0)  # d3 has no gold: its prediction is a false positive
    assert r.extras[0]["doc_id"] == "d3"
    assert r.ignored_predictions == 1
    assert [d.doc for d in r.per_doc] == ["d1", "d3"]


def test_per_type_rows() -> None:
    golds = [gold("CONSULT", line=1), gold("SUPPORT", alt_types=("AGREE",), line=2), gold("ACCUSE", line=3)]
    preds = [pred("CONSULT"), pred("AGREE"), pred("REJECT")]
    r = score(golds, preds)
    rows = {row.type: row for row in r.per_type}
    assert set(rows) == {"CONSULT", "AGREE", "SUPPORT", "ACCUSE", "REJECT"}
    assert (rows["SUPPORT"].gold, rows["SUPPORT"].found, rows["SUPPORT"].predicted) == (1, 1, 0)
    assert (rows["AGREE"].gold, rows["AGREE"].predicted, rows["AGREE"].tp) == (0, 1, 1)
    assert rows["AGREE"].precision == 1.0
    assert (rows["ACCUSE"].recall, rows["REJECT"].precision) == (0.0, 0.0)
    assert rows["CONSULT"].f1 == 1.0


# --------------------------------------------------------------------------- loading


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD_GOLD: dict[str, Any] = {
    "doc": "d1", "type": "CONSULT", "mode": "visit", "status": "planned", "source": "USA",
    "source_sector": "GOV", "target": "CHN", "target_sector": None, "date": ["2023-06-01", "2023-06-30"],
    "location": "CHN", "context": ["diplomatic"], "required": True, "alt_types": ["AGREE", "REJECT/occurred"],
    "hint": "will travel to China",
}


def test_load_gold_parses_every_field(tmp_path: Path) -> None:
    other = {**GOOD_GOLD, "source": ["USA", "GBR"], "target": "*", "date": None, "required": False}
    path = _write(tmp_path, "gold.jsonl", [json.dumps(GOOD_GOLD), "", json.dumps(other)])
    g1, g2 = load_gold(path)
    assert g1 == GoldEvent(
        doc="d1", type="CONSULT", mode="visit", status="planned", source="USA", source_sector="GOV",
        target="CHN", target_sector=None, date=("2023-06-01", "2023-06-30"), location="CHN", required=True,
        alt_types=("AGREE", "REJECT/occurred"), context=("diplomatic",), hint="will travel to China", line=1,
    )
    assert (g2.source, g2.target, g2.date, g2.required, g2.line) == (["USA", "GBR"], "*", None, False, 3)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param("{not json", "invalid JSON", id="bad-json"),
        pytest.param("[1, 2]", "JSON object", id="not-object"),
        pytest.param(json.dumps({k: v for k, v in GOOD_GOLD.items() if k != "required"}), "required",
                     id="missing-key"),
        pytest.param(json.dumps({**GOOD_GOLD, "type": "MEET"}), "MEET", id="bad-type"),
        pytest.param(json.dumps({**GOOD_GOLD, "status": "done"}), "done", id="bad-status"),
        pytest.param(json.dumps({**GOOD_GOLD, "required": "yes"}), "required", id="required-not-bool"),
        pytest.param(json.dumps({**GOOD_GOLD, "date": ["2023-06-01"]}), "date", id="date-one-bound"),
        pytest.param(json.dumps({**GOOD_GOLD, "date": ["2023-06", "2023-06-30"]}), "date", id="date-format"),
        pytest.param(json.dumps({**GOOD_GOLD, "date": ["2023-07-01", "2023-06-30"]}), "date",
                     id="date-reversed"),
        pytest.param(json.dumps({**GOOD_GOLD, "alt_types": ["MEET"]}), "MEET", id="bad-alt"),
        pytest.param(json.dumps({**GOOD_GOLD, "alt_types": ["REJECT/done"]}), "REJECT/done",
                     id="bad-alt-status"),
        pytest.param(json.dumps({**GOOD_GOLD, "source": None}), "source", id="null-actor"),
        pytest.param(json.dumps({**GOOD_GOLD, "target": []}), "target", id="empty-actor-list"),
        pytest.param(json.dumps({**GOOD_GOLD, "location": 5}), "location", id="bad-location"),
    ],
)
def test_bad_gold_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = _write(tmp_path, "gold.jsonl", [json.dumps(GOOD_GOLD), line])
    with pytest.raises(EvalError) as info:
        load_gold(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == 2
    assert str(err).startswith(f"{path}:2: ")
    assert reason in err.message


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as info:
        load_gold(tmp_path / "nope.jsonl")
    assert "nope.jsonl" in str(info.value)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        pytest.param({"event_type": "CONSULT", "status": "occurred"}, "doc_id", id="no-doc"),
        pytest.param({"doc_id": "d1", "event_type": "MEET", "status": "occurred"}, "MEET", id="bad-type"),
        pytest.param({"doc_id": "d1", "event_type": "CONSULT", "status": "x"}, "status", id="bad-status"),
        pytest.param({"doc_id": "d1", "event_type": "CONSULT", "status": "occurred", "source": "USA"},
                     "source", id="actor-not-object"),
        pytest.param({"doc_id": "d1", "event_type": "CONSULT", "status": "occurred", "date": {"start": 3}},
                     "date.start", id="bad-date"),
    ],
)
def test_bad_prediction_line(tmp_path: Path, record: dict[str, Any], reason: str) -> None:
    path = _write(tmp_path, "pred.jsonl", [json.dumps(pred()), json.dumps(record)])
    with pytest.raises(EvalError) as info:
        load_predictions(path)
    assert (info.value.path, info.value.line) == (str(path), 2)
    assert reason in info.value.message


def test_load_predictions_reads_records(tmp_path: Path) -> None:
    records = [pred("CONSULT"), pred("ACCUSE", null_source=True)]
    path = _write(tmp_path, "pred.jsonl", [json.dumps(r) for r in records])
    assert load_predictions(path) == records


def test_empty_prediction_file(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text("", encoding="utf-8")
    preds = load_predictions(path)
    assert preds == []
    r = score([gold("CONSULT"), gold("ACCUSE")], preds)
    assert (r.tp, r.fp, r.fn) == (0, 0, 2)
    assert (r.precision, r.recall, r.f1) == (0.0, 0.0, 0.0)
    assert r.render().splitlines()[-3].startswith("events: P=0.000 R=0.000 F1=0.000")
    json.dumps(r.to_dict())


def test_empty_gold_and_predictions() -> None:
    r = score([], [])
    assert (r.tp, r.fp, r.fn, r.f1) == (0, 0, 0, 0.0)
    assert "0/0" in r.render()


# --------------------------------------------------------------------------- rendering


def _sample_report() -> Any:
    golds = [
        gold("CONSULT", mode="visit", date=("2023-06-01", "2023-06-30"), location="CHN", line=1),
        gold("REJECT", "CHN", "USA", mode="meet", hint="declined to meet Austin", line=2),
        gold("ACCUSE", "CHN", "USA", required=False, line=3),
    ]
    preds = [
        pred("CONSULT", mode="phone", date=("2023-07-01", "2023-07-01"), location="USA"),
        pred("SANCTION", "USA", "RUS"),
    ]
    return score(golds, preds)


@pytest.mark.parametrize("verbose", [False, True])
def test_render_ends_with_headline(verbose: bool) -> None:
    r = _sample_report()
    lines = r.render(verbose=verbose).splitlines()
    assert lines[-3] == "events: P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)"
    assert lines[-2] == "attributes on matched: date 0/1=0.000  location 0/1=0.000  mode 0/1=0.000"
    assert lines[-1] == "sectors on matched: source 0/0=n/a  target 0/0=n/a"
    assert lines[-3:] == r.headline()


def test_render_verbose_lists_misses_extras_and_disagreements() -> None:
    text = _sample_report().render(verbose=True)
    assert "declined to meet Austin" in text
    assert "REJECT/meet/occurred CHN->USA" in text
    assert 'SANCTION/occurred USA->RUS date=null  trigger "met" @s4 rule=consult.meet' in text
    assert "date 2023-07-01..2023-07-01 not in 2023-06-01..2023-06-30" in text
    assert "location USA != CHN" in text
    assert "mode phone != visit" in text
    plain = _sample_report().render()
    assert "declined to meet Austin" not in plain


def test_to_dict_is_json_able() -> None:
    d = _sample_report().to_dict()
    text = json.dumps(d)
    assert json.loads(text)["events"] == {
        "tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5,
    }
    assert d["attributes"]["date"] == {"correct": 0, "scored": 1, "accuracy": 0.0}
    assert d["misses"][0]["hint"] == "declined to meet Austin"
    assert d["extras"][0]["event_type"] == "SANCTION"
    assert d["counts"]["optional_matched"] == 0


# --------------------------------------------------------------------------- gold as predictions


def test_gold_to_prediction_handles_lists_and_wildcards() -> None:
    g = gold("ACCUSE", ["GBR", "USA"], "*", source_sector="GOV")
    p = gold_to_prediction(g)
    assert (p["source"]["country"], p["target"]["country"], p["source"]["sector"]) == ("GBR", None, "GOV")
    assert score([g], [p]).f1 == 1.0


@pytest.mark.skipif(not SPEC.is_dir(), reason="shared spec directory not available")
@pytest.mark.parametrize("name", ["seed", "dev"])
def test_real_gold_scores_itself_perfectly(name: str) -> None:
    golds = load_gold(SPEC / name / "gold.jsonl")
    assert golds
    r = score(golds, [gold_to_prediction(g) for g in golds])
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert r.fp == r.fn == 0
    assert len(r.optional_matched) == sum(not g.required for g in golds)
    for acc in (r.date_acc, r.location_acc, r.mode_acc, r.source_sector_acc, r.target_sector_acc):
        assert acc.correct == acc.scored


def test_gold_with_extra_keys_is_tolerated(tmp_path: Path) -> None:
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps({**GOOD_GOLD, "annotator": "x", "notes": "free text"}) + "\n", encoding="utf-8")
    assert len(load_gold(p)) == 1
