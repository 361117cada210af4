"""People's terms in office: the loader's checks, the lookup by an article's date, people_historic.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import ActorLexicon, load_actor_lexicon
from detente.errors import LexiconError

COUNTRIES = (
    "- {code: FRA, name: France, names: [France], demonyms: [French], metonyms: [Paris]}\n"
    "- {code: NOR, name: Norway, names: [Norway], demonyms: [Norwegian], metonyms: [Oslo]}\n"
    "- {code: KEN, name: Kenya, names: [Kenya], demonyms: [Kenyan], metonyms: [Nairobi]}\n"
)
ORGS = "- {name: United Nations, aliases: [UN], country: UNO, sector: IGO}\n"
ROLES = "- {role: president, variants: [president], sector: GOV, rank: 3}\n"
# a made-up career: Norwegian defence minister, then French foreign minister (dual national), then UN envoy
PEOPLE = (
    "# people\n"
    "- {name: Ingrid Valcourt, aliases: [Valcourt], country: FRA, sector: GOV, role: foreign minister,\n"
    "   terms: [{role: defence minister, country: NOR, sector: MIL, from: 1991, to: 1994},\n"
    "           {role: foreign minister, country: FRA, sector: GOV, from: 1999-03-01, to: 2003-06-30},\n"
    "           {role: envoy, country: UNO, sector: IGO, from: 2010-01-15}]}\n"
    "- {name: Amos Kiprono, aliases: [Kiprono], country: KEN, sector: GOV, role: president}\n"
)


def write(tmp_path: Path, people: str = PEOPLE, historic: str | None = None) -> Path:
    d = tmp_path / "actors"
    d.mkdir(exist_ok=True)
    for name, text in (("countries.yaml", COUNTRIES), ("organisations.yaml", ORGS), ("people.yaml", people),
                       ("roles.yaml", ROLES)):
        (d / name).write_text(text, encoding="utf-8")
    if historic is not None:
        (d / "people_historic.yaml").write_text(historic, encoding="utf-8")
    return d


@pytest.fixture
def lex(tmp_path: Path) -> ActorLexicon:
    return load_actor_lexicon(write(tmp_path))


@pytest.mark.parametrize(
    ("day", "country", "sector", "role"),
    [
        (date(1988, 5, 1), "NOR", "MIL", "defence minister"),   # before every term: the nearest (the first)
        (date(1991, 1, 1), "NOR", "MIL", "defence minister"),   # a year 'from' is 1 January
        (date(1994, 12, 31), "NOR", "MIL", "defence minister"),  # a year 'to' is 31 December
        (date(1996, 2, 1), "NOR", "MIL", "defence minister"),   # between terms, nearer the first
        (date(1998, 6, 1), "FRA", "GOV", "foreign minister"),   # between terms, nearer the second
        (date(2001, 9, 9), "FRA", "GOV", "foreign minister"),   # inside the second
        (date(2003, 6, 30), "FRA", "GOV", "foreign minister"),  # its last day
        (date(2008, 1, 1), "UNO", "IGO", "envoy"),              # after it, nearer the third
        (date(2024, 4, 4), "UNO", "IGO", "envoy"),              # inside the running term (no 'to')
    ],
)
def test_term_picked_by_date(lex: ActorLexicon, day: date, country: str, sector: str, role: str) -> None:
    for name in ("Ingrid Valcourt", "Valcourt"):
        info = lex.lookup_name(name, on=day)
        assert info is not None
        assert (info.country, info.sector, info.role) == (country, sector, role), (name, day)
        assert info.name == "Ingrid Valcourt" and info.kind == "person"


def test_no_date_or_no_terms_gives_the_entry(lex: ActorLexicon) -> None:
    info = lex.lookup_name("Valcourt")
    assert info is not None and (info.country, info.sector, info.role) == ("FRA", "GOV", "foreign minister")
    assert len(info.terms) == 3 and info.terms[2].end is None
    plain = lex.lookup_name("Kiprono", on=date(1985, 1, 1))
    assert plain is not None and (plain.country, plain.role) == ("KEN", "president")
    assert plain.on(date(1985, 1, 1)) is plain


def test_dated_infos_are_stable(lex: ActorLexicon) -> None:
    a = lex.lookup_name("Valcourt", on=date(2001, 1, 1))
    b = lex.lookup_name("Ingrid Valcourt", on=date(2002, 1, 1))
    assert a is b  # one object per entry and term, so identity checks inside an article keep working


def test_overlapping_terms_take_the_latest_start(tmp_path: Path) -> None:
    people = ("- {name: Amos Kiprono, aliases: [], country: KEN, sector: GOV, role: president, terms: ["
              "{role: vice president, from: 2000, to: 2010}, {role: president, from: 2008-04-01}]}\n")
    lex = load_actor_lexicon(write(tmp_path, people))
    assert (i := lex.lookup_name("Amos Kiprono", on=date(2009, 1, 1))) is not None and i.role == "president"
    assert (i := lex.lookup_name("Amos Kiprono", on=date(2005, 1, 1))) is not None and i.role == "vice president"
    assert i.country == "KEN" and i.sector == "GOV"  # defaults from the entry


BAD_TERMS = [
    ("[{role: envoy, country: XYZ, sector: GOV, from: 1990}]", "term 1: country is not a known country"),
    ("[{role: envoy, country: FRA, sector: ARMY, from: 1990}]", "term 1: sector"),
    ("[{role: envoy, from: 1990}, {role: envoy, from: 1995, to: 1993}]", "term 2 ends (1993) before it begins (1995)"),
    ("[{role: envoy, country: FRA, sector: GOV}]", "term 1 is missing 'from'"),
    ("[{role: envoy, from: spring 1990}]", "term 1: 'from' must be a year or an ISO date"),
    ("[{role: envoy, from: 1990, to: '2003-02-30'}]", "term 1: 'to' must be a year or an ISO date"),
    ("[{role: envoy, from: 1990, office: Paris}]", "term 1 has unknown field(s) 'office'"),
    ("[]", "field 'terms' must be a non-empty list"),
    ("[1990]", "term 1 must be a mapping"),
]


@pytest.mark.parametrize(("terms", "message"), BAD_TERMS)
def test_bad_term_reported_by_file_and_line(tmp_path: Path, terms: str, message: str) -> None:
    people = ("# people\n\n- {name: Amos Kiprono, aliases: [], country: KEN, sector: GOV, role: president}\n"
              f"- {{name: Ingrid Valcourt, aliases: [], country: FRA, sector: GOV, terms: {terms}}}\n")
    d = write(tmp_path, people)
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(d)
    msg = str(info.value)
    assert f"{d / 'people.yaml'}:4: field 'terms' " in msg
    assert message in msg


def test_impossible_date_is_a_lexicon_error(tmp_path: Path) -> None:
    people = "- {name: Amos Kiprono, aliases: [], country: KEN, sector: GOV, terms: [{from: 2003-02-30}]}\n"
    d = write(tmp_path, people)
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(d)
    assert "people.yaml" in str(info.value) and "not valid YAML" in str(info.value)


def test_bad_term_in_the_historic_file(tmp_path: Path) -> None:
    historic = ("# converted\n- {name: Paul Ostby, aliases: [], country: NOR, sector: GOV, role: official, "
                "terms: [{from: 1990, to: 1989}]}\n")
    d = write(tmp_path, historic=historic)
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(d)
    where = f"{d / 'people_historic.yaml'}:2"
    assert f"{where}: field 'terms' term 1 ends (1989) before it begins (1990)" in str(info.value)


def test_historic_file_loaded_and_people_yaml_wins(tmp_path: Path) -> None:
    historic = (
        "- {name: Paul Ostby, aliases: [Ostby], country: NOR, sector: GOV, role: prime minister, "
        "terms: [{from: 1981-02-04, to: 1986-05-09}]}\n"
        # also in people.yaml: dropped
        "- {name: Amos Kiprono, aliases: [], country: NOR, sector: GOV, role: official, terms: [{from: 1980}]}\n"
        # a form people.yaml has for another person: people.yaml's entry is found, and no clash is reported
        "- {name: Lars Valcourt, aliases: [Valcourt], country: NOR, sector: GOV, role: official, "
        "terms: [{from: 1982, to: 1984}]}\n"
    )
    lex = load_actor_lexicon(write(tmp_path, historic=historic))
    assert lex.counts["people"] == 4 and lex.counts["people_historic"] == 2
    assert (i := lex.lookup_name("Ostby", on=date(1983, 1, 1))) is not None and i.country == "NOR"
    assert i.entry == "actors/people_historic.yaml:1" and i.role == "prime minister"
    assert (i := lex.lookup_name("Amos Kiprono")) is not None and i.country == "KEN"
    assert (i := lex.lookup_name("Valcourt", on=date(1983, 1, 1))) is not None and i.name == "Ingrid Valcourt"
    assert (i := lex.lookup_name("Lars Valcourt")) is not None and i.country == "NOR"


def test_without_historic_file(tmp_path: Path) -> None:
    lex = load_actor_lexicon(write(tmp_path))
    assert "people_historic" not in lex.counts and lex.counts["people"] == 2


# ------------------------------------------------------------------------------------------ shipped data


@pytest.fixture(scope="module")
def shipped() -> ActorLexicon:
    return load_actor_lexicon()


SHIPPED = [
    # (name, article date, country, sector, role)
    ("Margaret Thatcher", date(1987, 3, 30), "GBR", "GOV", "prime minister"),
    ("Thatcher", date(1987, 3, 30), "GBR", "GOV", "prime minister"),
    ("Mikhail Gorbachev", date(1987, 3, 30), "RUS", "GOV", None),
    ("Helmut Kohl", date(1990, 10, 3), "DEU", "GOV", "chancellor"),
    ("George Shultz", date(1985, 11, 1), "USA", "GOV", "secretary of state"),
    ("Vladimir Putin", date(2010, 6, 1), "RUS", "GOV", "prime minister"),
    ("Vladimir Putin", date(2023, 6, 1), "RUS", "GOV", "president"),
    ("Sergei Shoigu", date(2018, 6, 1), "RUS", "MIL", "defence minister"),
    ("Sergei Shoigu", date(2025, 2, 1), "RUS", "GOV", "security council secretary"),
    ("Mark Carney", date(2016, 6, 1), "GBR", "GOV", "central bank"),
    ("Mark Carney", date(2025, 6, 1), "CAN", "GOV", "prime minister"),
    ("Ursula von der Leyen", date(2016, 6, 1), "DEU", "MIL", "defence minister"),
    ("Ursula von der Leyen", date(2023, 6, 1), "EUR", "IGO", "president of the European Commission"),
    ("David Cameron", date(2012, 6, 1), "GBR", "GOV", "prime minister"),
    ("David Cameron", date(2024, 2, 1), "GBR", "GOV", "foreign secretary"),
    ("Antony Blinken", date(2023, 6, 6), "USA", "GOV", "secretary of state"),
]


@pytest.mark.parametrize(("name", "day", "country", "sector", "role"), SHIPPED)
def test_shipped_people_by_date(shipped: ActorLexicon, name: str, day: date, country: str, sector: str,
                                role: str | None) -> None:
    info = shipped.lookup_name(name, on=day)
    assert info is not None and info.kind == "person", name
    assert (info.country, info.sector) == (country, sector), (name, day, info)
    if role is not None:
        assert info.role == role, (name, day, info.role)


def test_shipped_historic_file(shipped: ActorLexicon) -> None:
    assert shipped.counts["people_historic"] >= 1000
    text = (Path(__file__).resolve().parents[2] / "src/detente/data/actors/people_historic.yaml").read_text(
        encoding="utf-8")
    head = text[:3000]
    assert "The MIT License (MIT)" in head and "Copyright (c) 2014 Open Event Data" in head
    # unsafe bare forms are not shipped: common words, places and shared surnames
    for word in ("Major", "Bush", "Brown", "Goma", "Gandhi", "Rice", "Baker"):
        info = shipped.lookup_name(word)
        assert info is None or info.kind != "person" or "people_historic" not in info.entry, word
