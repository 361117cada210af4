"""The CAMEO-derived trigger file (triggers_cameo.yaml): verbs it brings, its lower priority, its validation."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from detente.coder import Coder
from detente.errors import LexiconError
from detente.events.lexicon import CAMEO_TRIGGERS, load_triggers
from detente.lexicon import data_path

DATA = data_path("triggers.yaml").parent
PUBLISHED = date(2025, 3, 4)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _own_verb_lemmas() -> set[str]:
    own = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    return {v.split()[0] for e in own for v in e.get("verbs") or ()}


# (sentence, verb phrase only the CAMEO file has, type, source, target)
CASES = [
    ("Vietnam voiced outrage at China over the sinking of a fishing boat.", "voice outrage", "ACCUSE", "VNM", "CHN"),
    ("The Philippine foreign ministry voiced disappointment with Beijing on Thursday.", "voice disappointment",
     "ACCUSE", "PHL", "CHN"),
    ("Serbia reacted angrily to Croatia's decision on the border.", "react angrily", "ACCUSE", "SRB", "HRV"),
    ("The Thai government expressed frustration with Cambodia over the temple dispute.", "express frustration",
     "ACCUSE", "THA", "KHM"),
    ("Egypt voiced dismay at Ethiopia's decision to fill the dam.", "voice dismay", "ACCUSE", "EGY", "ETH"),
    ("Ecuador improved ties with Venezuela last year.", "improve ties", "SUPPORT", "ECU", "VEN"),
    ("Morocco repaired ties with Spain in 2022.", "repair ties", "SUPPORT", "MAR", "ESP"),
    ("Portugal extended thanks to Brazil for its help with the forest fires.", "extend thanks", "SUPPORT", "PRT",
     "BRA"),
    ("Kenya appointed an ambassador to Somalia on Tuesday.", "appoint ambassador", "SUPPORT", "KEN", "SOM"),
    ("Chile expressed satisfaction with Peru's decision to reopen the border.", "express satisfaction", "SUPPORT",
     "CHL", "PER"),
    ("Pakistani troops repulsed an Indian attack in Kashmir on Sunday.", "repulse", "ASSAULT", "PAK", "IND"),
    ("Nigerian soldiers repulsed a Cameroonian raid near the border.", "repulse", "ASSAULT", "NGA", "CMR"),
    ("Italy returned the artwork to Greece on Wednesday.", "return artwork", "CONCEDE", "ITA", "GRC"),
    ("Bolivia reduced ties with Israel last year.", "reduce ties", "SANCTION", "BOL", "ISR"),
]


@pytest.mark.parametrize(("text", "phrase", "type_", "source", "target"), CASES)
def test_cameo_verbs_code_events(coder: Coder, text: str, phrase: str, type_: str, source: str,
                                 target: str) -> None:
    lx = load_triggers()
    # the phrase is in the CAMEO file and nowhere in detente's own lexicon
    assert phrase.split()[0] not in _own_verb_lemmas()
    assert any(phrase in t.verbs and t.entry.startswith(CAMEO_TRIGGERS) for t in lx.triggers), phrase
    events = coder.code_text(text, "cameo-case", PUBLISHED)
    found = [(e.event_type, e.source.country if e.source else None, e.target.country if e.target else None)
             for e in events]
    assert (type_, source, target) in found, found
    hit = next(e for e in events if e.event_type == type_)
    assert any(m.rule.startswith(CAMEO_TRIGGERS) for m in hit.mentions), [m.rule for m in hit.mentions]


def test_packaged_file_keeps_the_mit_notice_and_notes_its_codes() -> None:
    text = (DATA / CAMEO_TRIGGERS).read_text(encoding="utf-8")
    head = text[:3000]
    assert "The MIT License (MIT)" in head and "Open Event Data" in head
    entries = yaml.safe_load(text)
    assert entries
    for e in entries:
        assert e["note"].startswith("from CAMEO.2.0.txt code "), e
        assert e["id"].split(".")[-1] == "cameo-" + e["note"].rsplit(" ", 1)[-1]
        assert not e["note"].rsplit(" ", 1)[-1].startswith("01"), e    # no public-statement codes


def test_detente_entries_win_for_lemmas_they_cover(tmp_path: Path) -> None:
    (tmp_path / "triggers.yaml").write_text(
        "- id: sanction.expel.expel\n  type: SANCTION\n  mode: expel\n  verbs: [expel]\n", encoding="utf-8")
    (tmp_path / CAMEO_TRIGGERS).write_text(
        "- id: coerce.deport.cameo-174\n  type: COERCE\n  mode: deport\n"
        "  verbs: [expel, \"expel diplomats\", oust]\n  note: from CAMEO.2.0.txt code 174\n", encoding="utf-8")
    lx = load_triggers(tmp_path)
    assert [vp.trigger.type for vp in lx.verbs_for("expel") if not vp.rest] == ["SANCTION"]
    assert [vp.trigger.type for vp in lx.verbs_for("expel") if vp.rest] == ["COERCE"]   # a phrase detente lacks
    assert [vp.trigger.type for vp in lx.verbs_for("oust")] == ["COERCE"]


def test_without_a_cameo_file_a_custom_dir_has_only_its_own_entries(tmp_path: Path) -> None:
    shutil.copy(DATA / "triggers.yaml", tmp_path / "triggers.yaml")
    lx = load_triggers(tmp_path)
    assert not any(t.entry.startswith(CAMEO_TRIGGERS) for t in lx.triggers)
    assert not lx.verbs_for("repulse")


def test_a_bad_cameo_entry_is_reported_with_file_and_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "triggers.yaml", tmp_path / "triggers.yaml")
    (tmp_path / CAMEO_TRIGGERS).write_text(
        "# header\n"
        "- id: assault.general.cameo-190\n  type: ASSAULT\n  mode: null\n  verbs: [repulse]\n"
        "- id: assault.general.cameo-999\n  type: ASSAULT\n  mode: stomp\n  verbs: [trample]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_triggers(tmp_path)
    msg = str(err.value)
    assert f"{CAMEO_TRIGGERS}:6" in msg and "stomp" in msg, msg
    assert f"{CAMEO_TRIGGERS}:2" not in msg
