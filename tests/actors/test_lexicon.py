"""The actor lexicon: lookups on the shipped data, and validation of bad data files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from detente.actors import ORG_CODES, SECTORS, ActorLexicon, load_actor_lexicon, normalise
from detente.errors import LexiconError
from detente.lexicon import data_path


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return load_actor_lexicon()


# ------------------------------------------------------------------------------------------ names

NAMES = [
    # (surface, country, sector, kind)
    ("China", "CHN", None, "country"),
    ("the PRC", "CHN", None, "country"),
    ("P.R.C.", "CHN", None, "country"),
    ("People's Republic of China", "CHN", None, "country"),
    ("People’s Republic of China", "CHN", None, "country"),
    ("mainland China", "CHN", None, "country"),
    ("US", "USA", None, "country"),
    ("U.S.", "USA", None, "country"),
    ("the US", "USA", None, "country"),
    ("The United States", "USA", None, "country"),
    ("United States'", "USA", None, "country"),
    ("USA", "USA", None, "country"),
    ("America", "USA", None, "country"),
    ("UK", "GBR", None, "country"),
    ("U.K.", "GBR", None, "country"),
    ("Britain", "GBR", None, "country"),
    ("Türkiye", "TUR", None, "country"),
    ("Turkiye", "TUR", None, "country"),
    ("Russian Federation", "RUS", None, "country"),
    ("Russia's", "RUS", None, "country"),
    ("Taiwan’s", "TWN", None, "country"),
    ("Republic of China", "TWN", None, "country"),
    ("DPRK", "PRK", None, "country"),
    ("UAE", "ARE", None, "country"),
    ("Palestine", "PSE", None, "country"),
    ("Kosovo", "XKX", None, "country"),
    ("Holy See", "VAT", None, "country"),
    ("the Vatican", "VAT", None, "country"),
    ("Côte d'Ivoire", "CIV", None, "country"),
    ("Cote d’Ivoire", "CIV", None, "country"),
    ("Beijing", "CHN", None, "metonym"),
    ("Washington", "USA", None, "metonym"),
    ("Moscow", "RUS", None, "metonym"),
    ("Kyiv", "UKR", None, "metonym"),
    ("Kiev", "UKR", None, "metonym"),
    ("Delhi", "IND", None, "metonym"),
    ("New Delhi", "IND", None, "metonym"),
    ("Tehran", "IRN", None, "metonym"),
    ("Jerusalem", "ISR", None, "metonym"),
    ("Taipei", "TWN", None, "metonym"),
    ("Brussels", "EUR", "IGO", "org"),
    ("Chinese", "CHN", None, "demonym"),
    ("Israelis", "ISR", None, "demonym"),
    # organisations
    ("UN", "UNO", "IGO", "org"),
    ("U.N.", "UNO", "IGO", "org"),
    ("the United Nations", "UNO", "IGO", "org"),
    ("Security Council", "UNO", "IGO", "org"),
    ("IAEA", "UNO", "IGO", "org"),
    ("OHCHR", "UNO", "IGO", "org"),
    ("International Court of Justice", "UNO", "IGO", "org"),
    ("EU", "EUR", "IGO", "org"),
    ("E.U.", "EUR", "IGO", "org"),
    ("EU Council", "EUR", "IGO", "org"),
    ("European Parliament", "EUR", "IGO", "org"),
    ("NATO", "NATO", "IGO", "org"),
    ("Nato", "NATO", "IGO", "org"),
    ("Apec", "APEC", "IGO", "org"),
    ("G-7", "G7", "IGO", "org"),
    ("Group of Seven", "G7", "IGO", "org"),
    ("G20", "G20", "IGO", "org"),
    ("Group of 20", "G20", "IGO", "org"),
    ("African Union", "AU", "IGO", "org"),
    ("Arab League", "ARL", "IGO", "org"),
    ("Opec", "OPEC", "IGO", "org"),
    ("ICC", "ICC", "IGO", "org"),
    ("World Trade Organization", "WTO", "IGO", "org"),
    ("IMF", "IMF", "IGO", "org"),
    ("World Bank", "WB", "IGO", "org"),
    ("White House", "USA", "GOV", "org"),
    ("the state department", "USA", "GOV", "org"),
    ("Department of State", "USA", "GOV", "org"),
    ("Pentagon", "USA", "MIL", "org"),
    ("Department of Defense", "USA", "MIL", "org"),
    ("DoD", "USA", "MIL", "org"),
    ("CIA", "USA", "SPY", "org"),
    ("FBI", "USA", "COP", "org"),
    ("Congress", "USA", "LEG", "org"),
    ("National Security Council", "USA", "GOV", "org"),
    ("Kremlin", "RUS", "GOV", "org"),
    ("the Kremlin's", "RUS", "GOV", "org"),
    ("PLA", "CHN", "MIL", "org"),
    ("Xinhua", "CHN", "MED", "org"),
    ("Kyodo news agency", "JPN", "MED", "org"),
    ("Azerbaijani state media", "AZE", "MED", "org"),
    ("Hamas", "PSE", "REB", "org"),
    ("Hezbollah", "LBN", "REB", "org"),
    ("Houthis", "YEM", "REB", "org"),
    ("IRGC", "IRN", "MIL", "org"),
    ("The Resistance Front", "IND", "REB", "org"),
    ("TRF", "IND", "REB", "org"),
    ("IS", "IRQ", "REB", "org"),
    ("Cabinet Committee on Security", "IND", "GOV", "org"),
    ("Legislative Yuan", "TWN", "LEG", "org"),
    ("Ukraine’s Armed Forces", "UKR", "MIL", "org"),
    ("Knesset", "ISR", "LEG", "org"),
    ("IDF", "ISR", "MIL", "org"),
    ("Downing Street", "GBR", "GOV", "org"),
    ("Elysee", "FRA", "GOV", "org"),
    ("UN chief", "UNO", "IGO", "org"),
    ("Secretary-General", "UNO", "IGO", "org"),
    ("Taliban", "AFG", "GOV", "org"),
    # people
    ("Antony Blinken", "USA", "GOV", "person"),
    ("Antony J. Blinken", "USA", "GOV", "person"),
    ("Blinken's", "USA", "GOV", "person"),
    ("Nancy Pelosi", "USA", "LEG", "person"),
    ("Lloyd Austin", "USA", "MIL", "person"),
    ("Bill Burns", "USA", "SPY", "person"),
    ("Gina Raimondo", "USA", "GOV", "person"),
    ("Xi Jinping", "CHN", "GOV", "person"),
    ("Li Shangfu", "CHN", "MIL", "person"),
    ("Wang Wentao", "CHN", "GOV", "person"),
    ("Zelenskyy", "UKR", "GOV", "person"),
    ("Sheikh Tamim bin Hamad Al-Thani", "QAT", "GOV", "person"),
    ("Abdel-Fattah El-Sisi", "EGY", "GOV", "person"),
    ("Netanyahu", "ISR", "GOV", "person"),
    ("Tsai Ing-wen", "TWN", "GOV", "person"),
    ("Joseph Wu", "TWN", "GOV", "person"),
    ("Dmitry Medvedev", "RUS", "GOV", "person"),
    ("António Guterres", "UNO", "IGO", "person"),
    ("Antonio Guterres", "UNO", "IGO", "person"),
    ("Charles Michel", "EUR", "IGO", "person"),
    ("Erdoğan", "TUR", "GOV", "person"),
    ("Ilham Aliyev", "AZE", "GOV", "person"),
    ("Nikol Pashinyan", "ARM", "GOV", "person"),
]


@pytest.mark.parametrize(("text", "country", "sector", "kind"), NAMES)
def test_lookup_name(lex: ActorLexicon, text: str, country: str, sector: str | None, kind: str) -> None:
    info = lex.lookup_name(text)
    assert info is not None, text
    assert (info.country, info.sector, info.kind) == (country, sector, kind)
    assert info.entry.startswith("actors/") and info.entry.rsplit(":", 1)[1].isdigit()


def test_roles_carried_by_names(lex: ActorLexicon) -> None:
    assert (info := lex.lookup_name("UN chief")) is not None and info.role == "secretary-general"
    assert (info := lex.lookup_name("Blinken")) is not None and info.role == "secretary of state"
    assert (info := lex.lookup_name("Gina Raimondo")) is not None and "economic" in info.context
    assert (info := lex.lookup_name("China")) is not None and info.name == "China" and info.role is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Chinese", "CHN"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("Taiwanese", "TWN"),
        ("Azerbaijani", "AZE"),
        ("Azeri", "AZE"),
        ("Armenian", "ARM"),
        ("British", "GBR"),
        ("Pakistani", "PAK"),
        ("Iranian", "IRN"),
        ("North Korean", "PRK"),
        ("Emirati", "ARE"),
    ],
)
def test_lookup_demonym(lex: ActorLexicon, word: str, country: str) -> None:
    info = lex.lookup_demonym(word)
    assert info is not None and info.country == country and info.kind == "demonym"


def test_demonym_is_not_a_name_first(lex: ActorLexicon) -> None:
    assert lex.lookup_demonym("China") is None
    assert lex.lookup_demonym("Beijing") is None


@pytest.mark.parametrize(
    "text",
    ["us", "Us", "is", "Is", "who", "it", "turkey", "burns", "cleverly", "the", "", "   ", "Wang", "Kim"],
)
def test_case_sensitive_and_unknown(lex: ActorLexicon, text: str) -> None:
    assert lex.lookup_name(text) is None


def test_normalise() -> None:
    assert normalise("the U.S.'s") == "US"
    assert normalise("The  United   States’") == "United States"
    assert normalise("Türkiye") == "Turkiye"
    assert normalise("Americans'") == "Americans"


# ------------------------------------------------------------------------------------------ roles


@pytest.mark.parametrize(
    ("text", "role", "sector", "context"),
    [
        ("secretary of state", "secretary of state", "GOV", "diplomatic"),
        ("Secretary of State", "secretary of state", "GOV", "diplomatic"),
        ("foreign minister", "foreign minister", "GOV", "diplomatic"),
        ("minister of foreign affairs", "foreign minister", "GOV", "diplomatic"),
        ("foreign secretary", "foreign minister", "GOV", "diplomatic"),
        ("defence minister", "defence minister", "MIL", "military"),
        ("defense minister", "defence minister", "MIL", "military"),
        ("defence secretary", "defence minister", "MIL", "military"),
        ("Secretary of Defense", "defence minister", "MIL", "military"),
        ("commerce secretary", "commerce minister", "GOV", "economic"),
        ("Minister of Commerce", "commerce minister", "GOV", "economic"),
        ("trade official", "trade official", "GOV", "economic"),
        ("national security adviser", "national security adviser", "GOV", None),
        ("national security advisor", "national security adviser", "GOV", None),
        ("CIA director", "intelligence chief", "SPY", "intelligence"),
        ("speaker of the house", "speaker", "LEG", "legislative"),
        ("lawmakers", "lawmakers", "LEG", "legislative"),
        ("top military officer", "military chief", "MIL", "military"),
        ("fighters", "fighter jets", "MIL", "military"),
        ("warship", "warship", "MIL", "military"),
        ("coast guard", "coast guard", "MIL", None),
        ("police", "police", "COP", None),
        ("protesters", "protesters", "CVL", None),
        ("hostages", "hostages", "CVL", None),
        ("militants", "militants", "REB", None),
        ("separatists", "rebels", "REB", None),
        ("prosecutor", "prosecutor", "JUD", "legal"),
        ("opposition leader", "opposition leader", "OPP", None),
        ("state media", "state media", "MED", None),
        ("companies", "businesses", "BUS", "economic"),
        ("secretary-general", "secretary-general", "IGO", None),
        ("the president", "president", "GOV", None),
    ],
)
def test_lookup_role(lex: ActorLexicon, text: str, role: str, sector: str, context: str | None) -> None:
    info = lex.lookup_role(text)
    assert info is not None, text
    assert (info.role, info.sector) == (role, sector)
    if context is not None:
        assert context in info.context
    assert info.entry.startswith("actors/roles.yaml:")


def test_role_rank(lex: ActorLexicon) -> None:
    assert (r := lex.lookup_role("president")) is not None and r.rank == 3
    assert (r := lex.lookup_role("foreign minister")) is not None and r.rank == 2
    assert (r := lex.lookup_role("protesters")) is not None and r.rank == 0
    assert lex.lookup_role("secretary of nothing") is None


# ------------------------------------------------------------------------------------------ whole lexicon


def test_counts(lex: ActorLexicon) -> None:
    assert lex.counts["countries"] >= 197  # 193 UN members + TWN, PSE, XKX, VAT
    assert lex.counts["organisations"] >= 250
    assert lex.counts["roles"] >= 150
    assert lex.counts["people"] >= 200


def test_every_un_member_and_extra_country(lex: ActorLexicon) -> None:
    codes = {info.country for _, _, info in lex.phrases() if info.kind == "country"}
    assert {"TWN", "PSE", "XKX", "VAT"} <= codes
    assert len(codes) == 197


def test_phrases(lex: ActorLexicon) -> None:
    phrases = lex.phrases()
    flags = {(form, sensitive) for form, sensitive, _ in phrases}
    assert ("US", True) in flags and ("U.S.", True) in flags and ("IS", True) in flags
    assert ("Beijing", False) in flags and ("Nato", False) in flags
    assert ("Erdogan", False) in flags and ("Erdoğan", False) in flags
    assert ("People’s Daily", False) in flags
    for _, _, info in phrases:
        assert info.country is None or info.country in ORG_CODES or len(info.country) == 3
        assert info.sector is None or info.sector in SECTORS
    roles = lex.role_phrases()
    assert len(roles) > 1000
    assert all(v == v.lower() for v, _ in roles)


def test_default_lexicon_is_cached() -> None:
    assert load_actor_lexicon() is load_actor_lexicon()


def test_load_time() -> None:
    start = time.process_time()
    load_actor_lexicon(data_path("actors"))  # uncached
    # CPU time, not wall time (CI machines are shared): about 1 s with the historic people file.
    assert time.process_time() - start < 3.0


# ------------------------------------------------------------------------------------------ validation

GOOD = {
    "countries.yaml": (
        "- {code: USA, name: United States, names: [US, United States], demonyms: [American], "
        "metonyms: [Washington]}\n"
        "- {code: CHN, name: China, names: [China], demonyms: [Chinese], metonyms: [Beijing]}\n"
    ),
    "organisations.yaml": (
        "- {name: Pentagon, aliases: [DoD], country: USA, sector: MIL}\n"
        "- {name: United Nations, aliases: [UN], country: UNO, sector: IGO}\n"
    ),
    "people.yaml": "- {name: Xi Jinping, aliases: [Xi], country: CHN, sector: GOV, role: president}\n",
    "roles.yaml": "- {role: president, variants: [president], sector: GOV, rank: 3}\n",
}


def write(tmp_path: Path, **files: str) -> Path:
    d = tmp_path / "actors"
    d.mkdir(exist_ok=True)
    for name, text in {**GOOD, **{f"{k}.yaml": v for k, v in files.items()}}.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def errors(d: Path) -> str:
    with pytest.raises(LexiconError) as info:
        load_actor_lexicon(d)
    return str(info.value)


def test_good_minimal_dir(tmp_path: Path) -> None:
    lex = load_actor_lexicon(write(tmp_path))
    assert (info := lex.lookup_name("DoD")) is not None and info.entry == "actors/organisations.yaml:1"
    assert (info := lex.lookup_name("Xi")) is not None and info.country == "CHN"
    assert lex.counts == {"countries": 2, "organisations": 2, "people": 1, "roles": 1}


def test_wrong_sector(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        organisations=(
            "- {name: Pentagon, aliases: [DoD], country: USA, sector: ARMY}\n"
            "- {name: United Nations, aliases: [UN], country: UNO, sector: GOV}\n"
        ),
        people="# people\n\n- {name: Xi Jinping, aliases: [Xi], country: CHN, sector: gov}\n",
        roles="- {role: president, variants: [president], sector: PRES}\n",
    )
    msg = errors(d)
    assert f"{d / 'organisations.yaml'}:1: field 'sector'" in msg
    assert f"{d / 'organisations.yaml'}:2: an international body (UNO) must have sector IGO" in msg
    assert f"{d / 'people.yaml'}:3: field 'sector'" in msg
    assert f"{d / 'roles.yaml'}:1: field 'sector'" in msg


def test_bad_codes(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        countries=(
            "- {code: USA, name: United States, names: [US], demonyms: [], metonyms: []}\n"
            "- {code: chn, name: China, names: [China], demonyms: [Chinese], metonyms: [Beijing]}\n"
            "- {code: NATO, name: Nato land, names: [], demonyms: [], metonyms: []}\n"
        ),
        organisations="- {name: Pentagon, aliases: [DoD], country: XYZ, sector: MIL}\n",
        people="- {name: Xi Jinping, aliases: [Xi], country: CN, sector: GOV}\n",
    )
    msg = errors(d)
    assert f"{d / 'countries.yaml'}:2: field 'code'" in msg
    assert f"{d / 'countries.yaml'}:3: field 'code'" in msg
    assert f"{d / 'organisations.yaml'}:1: field 'country' is not a known" in msg
    assert f"{d / 'people.yaml'}:1: field 'country'" in msg


def test_missing_and_unknown_fields(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        countries=(
            "- {code: USA, names: [US], demonyms: [], metonyms: []}\n"
            "- {code: CHN, name: China, names: [China], demonyms: [], metonyms: [Beijing], capital: x}\n"
        ),
        people="- {name: Xi Jinping, aliases: [Xi], country: CHN}\n",
        roles="- {role: president, sector: GOV}\n- {role: king, variants: [king], sector: GOV, rank: 5}\n",
    )
    msg = errors(d)
    assert f"{d / 'countries.yaml'}:1: missing field 'name'" in msg
    assert f"{d / 'countries.yaml'}:2: unknown field 'capital'" in msg
    assert f"{d / 'people.yaml'}:1: missing field 'sector'" in msg
    assert f"{d / 'roles.yaml'}:1: missing field 'variants'" in msg
    assert f"{d / 'roles.yaml'}:2: field 'rank'" in msg


def test_duplicate_alias_with_different_country(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        organisations=(
            "- {name: Pentagon, aliases: [DoD], country: USA, sector: MIL}\n"
            "- {name: United Nations, aliases: [UN], country: UNO, sector: IGO}\n"
            "- {name: Zhongnanhai, aliases: [Beijing], country: CHN, sector: GOV}\n"  # same country: fine
            "- {name: Chinese defence ministry, aliases: [D.o.D.], country: CHN, sector: MIL}\n"
        ),
        people="- {name: Xi Jinping, aliases: [Xi, washington], country: CHN, sector: GOV}\n",
    )
    msg = errors(d)
    orgs, people, countries = d / "organisations.yaml", d / "people.yaml", d / "countries.yaml"
    assert f"{orgs}:4: 'D.o.D.' (CHN) is also 'DoD' (USA) at {orgs}:1" in msg
    assert f"{people}:1: 'washington' (CHN) is also 'Washington' (USA) at {countries}:1" in msg
    assert "organisations.yaml:3" not in msg


def test_ambiguous_entry_yields(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        organisations=(
            "- {name: Pentagon, aliases: [DoD], country: USA, sector: MIL}\n"
            "- {name: Chinese defence ministry, aliases: [DoD], country: CHN, sector: MIL, ambiguous: true}\n"
        ),
    )
    lex = load_actor_lexicon(d)
    assert (info := lex.lookup_name("DoD")) is not None and info.country == "USA"
    first = next(info for form, _, info in lex.phrases() if form == "DoD")
    assert first.country == "USA"  # a consumer that keeps the first info per form agrees with lookup_name


def test_duplicate_role_variant(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        roles=(
            "- {role: president, variants: [president, head of state], sector: GOV}\n"
            "- {role: king, variants: [king, head of state, Monarch], sector: GOV, context: [royalty]}\n"
        ),
    )
    msg = errors(d)
    assert f"{d / 'roles.yaml'}:2: role variant 'head of state' is also a variant of 'president'" in msg
    assert f"{d / 'roles.yaml'}:2: field 'variants' must be lowercase" in msg
    assert f"{d / 'roles.yaml'}:2: field 'context' has unknown context" in msg


def test_not_a_list(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        people="name: Xi Jinping\naliases: [Xi]\n",
        organisations="- {name: Pentagon, aliases: DoD, country: USA, sector: MIL}\n",
    )
    msg = errors(d)
    assert f"{d / 'people.yaml'}:1: a lexicon must be a YAML list of entries" in msg
    assert f"{d / 'organisations.yaml'}:1: field 'aliases' must be a list" in msg


def test_yaml_syntax_error(tmp_path: Path) -> None:
    d = write(tmp_path, roles="- {role: president, variants: [president], sector: GOV}\n- {role: [king\n")
    msg = errors(d)
    assert f"{d / 'roles.yaml'}:" in msg and "not valid YAML" in msg


def test_every_file_reported_at_once(tmp_path: Path) -> None:
    d = write(
        tmp_path,
        countries="- {code: USA, name: United States, names: [US], demonyms: [], metonyms: [], extra: 1}\n",
        organisations="- {name: Pentagon, aliases: [DoD], country: USA, sector: XXX}\n",
        people="- {name: Xi Jinping, aliases: [Xi], country: USA, sector: GOV, role: 3}\n",
        roles="- {role: president, variants: president, sector: GOV}\n",
    )
    msg = errors(d)
    for fname in ("countries.yaml", "organisations.yaml", "people.yaml", "roles.yaml"):
        assert f"{d / fname}:1:" in msg


def test_missing_file(tmp_path: Path) -> None:
    d = write(tmp_path)
    (d / "people.yaml").unlink()
    assert str(d / "people.yaml") in errors(d)
