"""tools/convert_petrarch_people.py on a small TABARI sample written for the test, and on the real dictionary."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from detente.actors import load_actor_lexicon
from detente.lexicon import data_path

ROOT = Path(__file__).resolve().parents[2]
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch2"
if not PETRARCH.is_dir():
    PETRARCH = Path("/work/shared/data/petrarch2")


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_petrarch_people", ROOT / "tools/convert_petrarch_people.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


tool = _tool()

# Made-up people in the dictionary's format: name line, '+' synonyms, tab-indented dated codes.
SAMPLE = """\
# A sample actor file
NORWAY_  [NOR]
+NORWEGIAN_
+KVALSUNDET_
# Prime Ministers
PAUL_OSTBY_  # invented
+PRIME_MINISTER_PAUL_OSTBY_
+PAUL_K._OSTBY
\t[NORELI 550101-810204]
\t[NORGOV 810204-860509]
\t[NORGOV 860101-861231]
\t[NORGOV 890101-891231]
\t[NORELI]
ANNA_LUND_  # ends before 1980
\t[NORELI 400101-750101]
\t[NORGOV 750101-790301]
KARI_KVALSUNDET_  # her surname is one of the country's places
\t[NORELI 500101-900101]
\t[NORGOV 900101-920101]
EIRIK_HOLTVEDT_  # a cabinet member (no elite span) of a country that is not a permanent member
\t[NORGOVMIL 030101-050101]
ERIK_BAKER_  # a surname that is a common word
\t[NORELI 500101-830101]
\t[NORGOV 830101-850101]

FRANCE_  [FRA]
+PARIS_
ALAIN_DUVERGIER_  # a cabinet member of a permanent member
\t[FRAGOV 040401-050630]
MARC_DE_LA_VALLIERE_
+PRESIDENT_MARC_DE_LA_VALLIERE_
+VALLIERE
\t[FRAELI 600101-950517]
\t[FRAGOV >950517]
JULIEN_VALLIERE_
\t[FRAELI 600101-000101]
\t[FRAGOV 20000101-20020505]

ICELAND_  [ISL]
BJORN_THRASTARSON_  # a country never on the Security Council
\t[ISLELI 500101-900101]
\t[ISLGOV 900101-950101]

SOVIET_UNION
\t[SUN]
IVAN_PETROVSKOY_
+SOVIET_LEADER_IVAN_PETROVSKOY_
\t[USRELI 300101-850101]
\t[USRGOV 850101-911225]
"""

LICENCE = "The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n\nPermission is hereby granted ...\n"


@pytest.fixture(scope="module")
def people() -> dict[str, object]:
    return {p.name: p for p in tool.convert(SAMPLE)}


def test_parse_range() -> None:
    assert tool.parse_range("850311-910824") == (date(1985, 3, 11), date(1991, 8, 24))
    assert tool.parse_range("19300101-450703") == (date(1930, 1, 1), date(1945, 7, 3))
    assert tool.parse_range(">120515") == (date(2012, 5, 15), None)
    assert tool.parse_range("> 140608") == (date(2014, 6, 8), None)
    assert tool.parse_range("<900101") is None  # no start
    assert tool.parse_range("") is None
    assert tool.parse_range("900101-850101") is None  # ends before it begins


def test_pretty_names() -> None:
    assert tool.pretty("MARC_DE_LA_VALLIERE") == "Marc de la Valliere"
    assert tool.pretty("PAUL_K._OSTBY") == "Paul K. Ostby"
    assert tool.pretty("JAMES_MCALLISTER") == "James McAllister"
    assert tool.pretty("VALERY_GISCARD_D'ESTAING") == "Valery Giscard D'Estaing"


def test_who_is_kept(people: dict[str, object]) -> None:
    assert set(people) == {"Paul Ostby", "Kari Kvalsundet", "Erik Baker", "Alain Duvergier",
                           "Marc de la Valliere", "Julien Valliere", "Ivan Petrovskoy"}


def test_terms_roles_and_codes(people: dict[str, object]) -> None:
    ostby = people["Paul Ostby"]
    # overlapping terms of one office merge; the section heading gives a leader's role
    assert [(t.start, t.end) for t in ostby.terms] == [  # type: ignore[attr-defined]
        (date(1981, 2, 4), date(1986, 12, 31)), (date(1989, 1, 1), date(1989, 12, 31))]
    assert {(t.role, t.country, t.sector) for t in ostby.terms} == {  # type: ignore[attr-defined]
        ("prime minister", "NOR", "GOV")}
    # a cabinet member under no heading of their own gets the generic role
    assert people["Alain Duvergier"].terms[0].role == "government official"  # type: ignore[attr-defined]
    # an open-ended code has no end; a Soviet code is Russia
    assert people["Marc de la Valliere"].terms[-1].end is None  # type: ignore[attr-defined]
    assert people["Ivan Petrovskoy"].country == "RUS"  # type: ignore[attr-defined]


def test_safe_aliases(people: dict[str, object]) -> None:
    def aliases(name: str) -> list[str]:
        return list(people[name].aliases)  # type: ignore[attr-defined]

    assert aliases("Paul Ostby") == ["Paul K. Ostby", "Ostby"]  # no "Prime Minister Paul Ostby"
    assert "Kvalsundet" not in aliases("Kari Kvalsundet")  # a place of the dictionary's own
    assert "Baker" not in aliases("Erik Baker")  # a common word
    assert aliases("Alain Duvergier") == []  # cabinet members: full names only
    assert "Valliere" not in aliases("Marc de la Valliere")  # two people share it
    assert "Valliere" not in aliases("Julien Valliere")
    assert aliases("Ivan Petrovskoy") == ["Petrovskoy"]  # no "Soviet Leader Ivan Petrovskoy"


def test_rendered_file_loads_and_dates_pick_terms(tmp_path: Path, people: dict[str, object]) -> None:
    d = tmp_path / "actors"
    d.mkdir()
    for f in ("countries.yaml", "organisations.yaml", "people.yaml", "roles.yaml"):
        shutil.copy(data_path("actors") / f, d / f)
    text = tool.render(people.values(), LICENCE)
    assert text.startswith("# Historic office holders")
    assert "# The MIT License (MIT)" in text and "# Copyright (c) 2014 Open Event Data" in text
    (d / "people_historic.yaml").write_text(text, encoding="utf-8")
    lex = load_actor_lexicon(d)
    assert lex.counts["people_historic"] == 7
    info = lex.lookup_name("Ostby", on=date(1984, 1, 1))
    assert info is not None and (info.country, info.sector, info.role) == ("NOR", "GOV", "prime minister")
    info = lex.lookup_name("Petrovskoy", on=date(1987, 1, 1))
    assert info is not None and info.country == "RUS"


@pytest.mark.skipif(not (PETRARCH / "Phoenix.Countries.actors.txt").is_file(), reason="needs ../shared/data/petrarch2")
def test_real_dictionary_reproduces_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "people_historic.yaml"
    assert tool.main(["--source", str(PETRARCH), "--out", str(out)]) == 0
    shipped = data_path("actors") / "people_historic.yaml"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), "rerun the converter"
    text = out.read_text(encoding="utf-8")
    assert "- {name: Margaret Thatcher, aliases: [Thatcher], country: GBR" in text
    assert "name: Helmut Kohl," in text and "name: Ronald Reagan," in text
    # people.yaml has them (with their offices), so the converter leaves them out
    assert "name: Mikhail Gorbachev," not in text and "name: Francois Mitterrand," not in text
