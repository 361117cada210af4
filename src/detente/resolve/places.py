"""Place names -> gazetteer places (countries, cities, US states, seas, straits, disputed areas, venues).

The shipped tables under ``detente/data/gazetteer`` are derived from GeoNames (CC BY 4.0) by
``tools/build_gazetteer.py``; ``features.yaml`` is hand-curated and validated on load.

Lookup order for a name: countries (with common names: "the US", "Britain", "Burma", ...), then
curated features ("Taiwan Strait", "Gaza Strip", "the White House"), then US states and cities.
Names are compared after :func:`normalise_name` (case, accents, dots, apostrophes, hyphens and a
leading "the" do not matter).

Ambiguous city names are settled by prominence and context:

- without context, the most prominent candidate wins: population, with national capitals counted
  four times (so "San Jose" is Costa Rica's capital, "Tripoli" Libya's);
- with ``context_countries``, the most prominent candidate *in* those countries wins ("Hyderabad" with
  PAK in context is Hyderabad, Sindh; "Tripoli" with LBN is Tripoli, Lebanon; "Birmingham" with USA
  is Birmingham, Alabama) -- unless a famous place outside the context dominates it. A place is
  famous if it is a national capital or has a million people; it dominates a namesake with a
  twentieth of its population or less, and a capital also dominates any namesake under 100,000.
  So "Vienna" stays in Austria and "Paris" in France even in an article about the US, and "Sydney"
  stays in Australia even with Canada in context;
- "Georgia" is the country unless the context has USA and not GEO (then the US state); a US state
  yields to a same-named famous city ("Washington" is the capital, "New York" the city);
- "City, Qualifier" forms ("Paris, Texas", "Hyderabad, Pakistan", "Washington, D.C.") restrict the
  head to the qualifier's country (and US state); unknown qualifiers are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon import Entry, is_number, is_str, is_str_list, one_of, opt, read_entries, validate, words

__all__ = [
    "FEATURE_KINDS",
    "Gazetteer",
    "Place",
    "load_features",
    "load_gazetteer",
    "normalise_name",
]

FEATURE_KINDS: tuple[str, ...] = (
    "sea", "strait", "gulf", "ocean", "region", "feature", "disputed", "border", "territory", "island",
    "venue",
)

# Ranking constants (see the module docstring).
CAPITAL_WEIGHT = 4
FAMOUS_POPULATION = 1_000_000
DOMINANCE_RATIO = 20
SMALL_NAMESAKE = 100_000


@dataclass(frozen=True)
class Place:
    """A resolved place. ``country`` is ISO 3166-1 alpha-3, or None for seas and other shared places."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # 'country' | 'city' | 'admin' | one of FEATURE_KINDS
    population: int = 0
    countries: tuple[str, ...] = ()  # riparian states / claimants of a feature, if curated

    def as_location(self, text: str | None = None) -> dict[str, Any]:
        """The ``location`` object of an event record (spec/EVENTS.md section 2)."""
        return {
            "text": self.name if text is None else text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


# ---------------------------------------------------------------------------------------------------
# name normalisation

_FOLD = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'",
    "ʿ": "'", "ʾ": "'", "`": "'", "´": "'", "–": "-", "—": "-",
})
_ABBREV_DOT = re.compile(r"\b([a-z0-9])\.")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TOKENS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def normalise_name(text: str) -> str:
    """A comparison key: ``"the U.S."`` -> ``"us"``, ``"Côte d'Ivoire"`` -> ``"cote divoire"``,
    ``"St. Petersburg"`` -> ``"saint petersburg"``, ``"Jammu & Kashmir"`` -> ``"jammu and kashmir"``."""
    s = text
    if s.isalpha() and s.isascii():  # fast path: one plain word
        s = s.lower()
        return _TOKENS.get(s, s)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_FOLD))
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("&", " and ").replace("'", "")
    s = _ABBREV_DOT.sub(r"\1", s)
    s = _NON_ALNUM.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    if " " in s or s in _TOKENS:
        parts = s.split(" ")
        if any(p in _TOKENS for p in parts):
            s = " ".join(_TOKENS.get(p, p) for p in parts)
    return s


# ---------------------------------------------------------------------------------------------------
# features.yaml


def _is_int(v: Any) -> str | None:
    return None if isinstance(v, int) and not isinstance(v, bool) and v > 0 else "must be a positive integer"


def _is_iso3(v: Any) -> str | None:
    return None if isinstance(v, str) and re.fullmatch(r"[A-Z]{3}", v) else "must be an ISO3 code like 'CHN'"


def _is_iso3_list(v: Any) -> str | None:
    if isinstance(v, list) and all(_is_iso3(x) is None for x in v):
        return None
    return "must be a list of ISO3 codes"


def load_features(
    path: Path | str,
    *,
    known_countries: Collection[str] | None = None,
    reserved: Collection[str] = (),
) -> list[Place]:
    """Read and validate a curated features file; raise :class:`LexiconError` listing ``file:line``
    for every bad entry.

    ``known_countries``: if given, every ``country``/``countries`` code must be in it.
    ``reserved``: normalised names (country names) that a feature name or alias may not take, since
    countries are looked up first and such a feature could never be reached.
    """
    return [place for place, _ in _read_features(path, known_countries=known_countries, reserved=reserved)]


def _read_features(
    path: Path | str,
    *,
    known_countries: Collection[str] | None = None,
    reserved: Collection[str] = (),
) -> list[tuple[Place, list[str]]]:
    """The validated features of a file, each with its aliases."""
    entries = read_entries(path)
    known = set(known_countries) if known_countries is not None else None

    def extra(e: Entry) -> Iterable[str]:
        lat, lon = e.get("lat"), e.get("lon")
        if is_number(lat) is None and not -90 <= lat <= 90:
            yield f"field 'lat' out of range: {lat}"
        if is_number(lon) is None and not -180 <= lon <= 180:
            yield f"field 'lon' out of range: {lon}"
        if known is not None:
            codes = [e.get("country"), *(e.get("countries") or [])]
            for code in codes:
                if isinstance(code, str) and code not in known:
                    yield f"unknown country code {code!r}"

    validate(
        entries,
        required={
            "name": is_str,
            "kind": one_of(*FEATURE_KINDS),
            "country": opt(_is_iso3),
            "lat": is_number,
            "lon": is_number,
            "geonameid": opt(_is_int),
        },
        optional={"aliases": is_str_list, "countries": _is_iso3_list},
        extra=extra,
        unique="name",
    )

    # names and aliases must be unique once normalised, across the whole file
    problems: list[str] = []
    seen: dict[str, tuple[str, int]] = {}
    reserved_keys = set(reserved)
    for e in entries:
        for label in [e["name"], *(e.get("aliases") or [])]:
            k = normalise_name(label)
            where = f"{e.file}:{e.line}"
            if not k:
                problems.append(f"{where}: name {label!r} has no letters or digits")
            elif k in reserved_keys:
                problems.append(f"{where}: {label!r} is a country name (countries are looked up first)")
            elif k in seen and seen[k][0] != e["name"]:
                problems.append(f"{where}: {label!r} already names {seen[k][0]!r} (line {seen[k][1]})")
            else:
                seen[k] = (e["name"], e.line)
    if problems:
        raise LexiconError(
            f"{len(problems)} bad lexicon entr{'y' if len(problems) == 1 else 'ies'}:\n" + "\n".join(problems)
        )

    out: list[tuple[Place, list[str]]] = []
    for e in entries:
        country = e["country"]
        countries = tuple(dict.fromkeys(e.get("countries") or ([country] if country else [])))
        place = Place(
            name=e["name"].strip(),
            country=country,
            lat=float(e["lat"]),
            lon=float(e["lon"]),
            geonameid=e["geonameid"],
            kind=e["kind"],
            countries=countries,
        )
        out.append((place, list(e.get("aliases") or [])))
    return out


# ---------------------------------------------------------------------------------------------------
# the gazetteer


@dataclass(frozen=True)
class _City:
    place: Place
    admin1: str
    capital: bool

    @property
    def prominence(self) -> int:
        return self.place.population * (CAPITAL_WEIGHT if self.capital else 1)

    @property
    def famous(self) -> bool:
        return self.capital or self.place.population >= FAMOUS_POPULATION


class _CityTable:
    """cities.tsv kept as raw rows; a row becomes a :class:`_City` only when a lookup touches it."""

    def __init__(self, text: str, capitals: set[int]) -> None:
        self.rows: list[list[str]] = []
        self.index: dict[str, list[int]] = {}
        self.by_id: dict[int, int] = {}
        self.capitals = capitals
        self._made: dict[int, _City] = {}
        index = self.index
        for i, r in enumerate(_rows(text)):
            self.rows.append(r)
            self.by_id[int(r[0])] = i
            name, ascii_name, alts = r[1], r[2], r[3]
            k = normalise_name(name)
            keys = [k]
            if ascii_name != name:
                keys.append(normalise_name(ascii_name))
            if alts:
                keys.extend(normalise_name(a) for a in alts.split("|"))
            for k in set(keys) if len(keys) > 1 else keys:
                if k:
                    if k in index:
                        index[k].append(i)
                    else:
                        index[k] = [i]

    def city(self, i: int) -> _City:
        made = self._made.get(i)
        if made is None:
            gid, name, _, _, country, lat, lon, pop, admin1 = self.rows[i]
            place = Place(name, country or None, float(lat), float(lon), int(gid), "city", int(pop or 0),
                          (country,) if country else ())
            made = self._made[i] = _City(place, admin1, int(gid) in self.capitals)
        return made

    def named(self, key: str) -> list[_City]:
        return [self.city(i) for i in self.index.get(key, ())]

    def get(self, geonameid: int) -> _City | None:
        i = self.by_id.get(geonameid)
        return None if i is None else self.city(i)


@dataclass(frozen=True)
class _Filter:
    country: str
    admin1: str | None = None


@dataclass(frozen=True)
class _Country:
    place: Place
    iso2: str
    capital: str
    capital_id: int | None


def _rows(text: str) -> Iterable[list[str]]:
    """TSV rows, skipping ``#`` comment lines and the header line."""
    header_seen = False
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield line.split("\t")


def _opt_int(s: str) -> int | None:
    return int(s) if s else None


MAX_LOOKUPS = 200_000   # names remembered by Gazetteer.lookup before it starts again


class Gazetteer:
    """Countries, curated features, US states and cities, indexed by normalised name.

    Each table is read the first time it is needed. Use :func:`load_gazetteer` for the shared instance.
    """

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self._dir = Path(data_dir) if data_dir is not None else None
        # lookup's answers by (name, context countries): the tables never change once read
        self._lookups: dict[tuple[str, tuple[str, ...]], Place | None] = {}

    # -- data loading -------------------------------------------------------------------------------

    def _read(self, name: str) -> str:
        if self._dir is not None:
            return (self._dir / name).read_text(encoding="utf-8")
        return resources.files("detente").joinpath("data", "gazetteer", name).read_text(encoding="utf-8")

    def _path(self, name: str) -> Path:
        if self._dir is not None:
            return self._dir / name
        return Path(str(resources.files("detente").joinpath("data", "gazetteer", name)))

    @cached_property
    def _countries(self) -> tuple[dict[str, _Country], dict[str, str], dict[str, str]]:
        """(by ISO3, ISO2 -> ISO3, normalised name -> ISO3)."""
        by_iso3: dict[str, _Country] = {}
        iso2: dict[str, str] = {}
        index: dict[str, str] = {}
        for r in _rows(self._read("countries.tsv")):
            gid, cc, code, name, capital, cap_id, lat, lon, pop, aliases = r
            place = Place(name, code, float(lat), float(lon), int(gid), "country", int(pop or 0), (code,))
            by_iso3[code] = _Country(place, cc, capital, _opt_int(cap_id))
            iso2[cc] = code
            for label in [name, *filter(None, aliases.split("|"))]:
                index.setdefault(normalise_name(label), code)
        return by_iso3, iso2, index

    @cached_property
    def _features(self) -> dict[str, Place]:
        by_iso3, _, country_index = self._countries
        index: dict[str, Place] = {}
        path = self._path("features.yaml")
        for place, aliases in _read_features(path, known_countries=by_iso3, reserved=country_index):
            for label in [place.name, *aliases]:
                index[normalise_name(label)] = place
        return index

    @cached_property
    def _admin(self) -> tuple[dict[str, list[tuple[Place, str]]], dict[tuple[str, str], Place]]:
        """(normalised name -> [(place, code)], (ISO3, code) -> place)."""
        index: dict[str, list[tuple[Place, str]]] = {}
        by_code: dict[tuple[str, str], Place] = {}
        for r in _rows(self._read("admin1.tsv")):
            gid, country, code, name, lat, lon = r
            place = Place(name, country, float(lat), float(lon), int(gid), "admin", 0, (country,))
            index.setdefault(normalise_name(name), []).append((place, code))
            by_code[(country, code)] = place
        if self._dir is None or (self._dir / "provinces.tsv").exists():
            # other countries' first-level divisions (tools/build_provinces.py): "in Zamfara state", "Idlib"
            for r in _rows(self._read("provinces.tsv")):
                country, code, name, aliases, lat, lon = r
                place = Place(name, country, float(lat), float(lon), None, "admin", 0, (country,))
                for label in [name, *(a for a in aliases.split("|") if a)]:
                    index.setdefault(normalise_name(label), []).append((place, code))
                by_code[(country, code)] = place
        return index, by_code

    @cached_property
    def _cities(self) -> _CityTable:
        capitals = {c.capital_id for c in self._countries[0].values() if c.capital_id}
        return _CityTable(self._read("cities.tsv"), capitals)

    def load_all(self) -> Gazetteer:
        """Read every table now (they are otherwise read on first use); returns self."""
        _ = self._countries, self._features, self._admin, self._cities
        return self

    # -- public API ---------------------------------------------------------------------------------

    def lookup(self, name: str, *, context_countries: Sequence[str] = ()) -> Place | None:
        """The place a name refers to, or None. ``context_countries`` (ISO3) are the countries the
        surrounding text is about; they settle ambiguous city names (see the module docstring)."""
        memo = (name, tuple(context_countries))
        if memo in self._lookups:
            return self._lookups[memo]
        if len(self._lookups) >= MAX_LOOKUPS:
            self._lookups.clear()
        hit = self._lookups[memo] = self._lookup(name, context_countries)
        return hit

    def _lookup(self, name: str, context_countries: Sequence[str]) -> Place | None:
        key = normalise_name(name)
        if not key:
            return None
        ctx = frozenset(c.upper() for c in context_countries)
        hit = self._resolve(key, ctx, None)
        if hit is not None or "," not in name:
            return hit
        # "City, Qualifier[, Qualifier]": the most specific qualifier that knows the head wins
        head, *quals = [p for p in (s.strip() for s in name.split(",")) if p]
        head_key = normalise_name(head)
        if not quals or not head_key:
            return None
        known = False
        for qual in reversed(quals):
            for flt in self._qualifier_options(qual):
                known = True
                hit = self._resolve(head_key, ctx | {flt.country}, flt)
                if hit is not None:
                    return hit
        # a known qualifier that does not contain the head means "not this place"
        return None if known else self._resolve(head_key, ctx, None)

    def country(self, iso3: str) -> Place | None:
        """The country as a place (centroid, GeoNames id). Accepts ISO3, or ISO2 as a convenience."""
        code = iso3.strip().upper()
        if len(code) == 2:
            code = self._countries[1].get(code, "")
        c = self._countries[0].get(code)
        return c.place if c else None

    def country_of(self, name: str, **kw: Any) -> str | None:
        """ISO3 of the country a place name is in (None for unknown names and international waters)."""
        place = self.lookup(name, **kw)
        return place.country if place else None

    def capital_of(self, iso3: str) -> Place | None:
        """The capital city of a country, as a place."""
        code = iso3.strip().upper()
        if len(code) == 2:
            code = self._countries[1].get(code, "")
        c = self._countries[0].get(code)
        if c is None:
            return None
        if c.capital_id is not None:
            city = self._cities.get(c.capital_id)
            if city is not None:
                return city.place
        if not c.capital:
            return None
        return self._resolve(normalise_name(c.capital), frozenset({code}), _Filter(code))

    def iso2_to_iso3(self, iso2: str) -> str | None:
        """ISO 3166-1 alpha-2 -> alpha-3 ('CN' -> 'CHN', 'XK' -> 'XKX')."""
        return self._countries[1].get(iso2.strip().upper())

    def countries(self) -> list[Place]:
        """Every country and territory in the gazetteer."""
        return [c.place for c in self._countries[0].values()]

    def country_names(self) -> dict[str, str]:
        """Normalised country name or alias -> ISO3 (keys as produced by :func:`normalise_name`)."""
        return dict(self._countries[2])

    # -- resolution ---------------------------------------------------------------------------------

    def _qualifier_options(self, qual: str) -> list[_Filter]:
        """The places a qualifier ("Texas", "TX", "France", "Kashmir") may restrict a head to, in the
        order to try them: country, US state, feature (each of its countries), city."""
        key = normalise_name(qual)
        if not key:
            return []
        out: list[_Filter] = []
        iso = self._countries[2].get(key)
        if iso:
            out.append(_Filter(iso))
        index, by_code = self._admin
        compact = key.replace(" ", "").upper()
        if len(compact) == 2 and ("USA", compact) in by_code:
            out.append(_Filter("USA", compact))
        # an ISO 3166-2 province code ("FR-IDF") names no GeoNames admin1 code: the qualifier gives the country
        out.extend(_Filter(p.country, None if "-" in code else code) for p, code in index.get(key, []) if p.country)
        feat = self._features.get(key)
        if feat is not None:
            out.extend(_Filter(c) for c in feat.countries)
        cities = self._cities.named(key)
        if cities:
            best = max(cities, key=lambda c: (c.prominence, -(c.place.geonameid or 0)))
            if best.place.country:
                out.append(_Filter(best.place.country))
        return list(dict.fromkeys(out))

    def _resolve(self, key: str, ctx: frozenset[str], flt: _Filter | None) -> Place | None:
        by_iso3, _, country_index = self._countries
        admins = [(p, code) for p, code in self._admin[0].get(key, [])
                  if flt is None or (p.country == flt.country and flt.admin1 in (None, code))]

        iso = country_index.get(key)
        if iso is not None and (flt is None or (flt.country == iso and flt.admin1 is None)):
            # "Georgia": the US state only when the text is about the US and not about Georgia
            if flt is None and iso not in ctx:
                for p, _ in admins:
                    if p.country in ctx:
                        return p
            return by_iso3[iso].place

        feat = self._features.get(key)
        if feat is not None and (flt is None or (flt.admin1 is None and (
                feat.country == flt.country or flt.country in feat.countries))):
            return feat

        cities = [c for c in self._cities.named(key)
                  if flt is None or (c.place.country == flt.country and flt.admin1 in (None, c.admin1))]
        if admins:
            best = self._choose(cities, ctx) if cities else None
            if best is not None and best.famous:
                return best.place
            in_ctx = [p for p, _ in admins if p.country in ctx]
            return (in_ctx or [p for p, _ in admins])[0]
        chosen = self._choose(cities, ctx)
        if chosen is not None:
            return chosen.place
        if key.endswith(" state"):  # "Washington state", "New York State"
            for p, code in self._admin[0].get(key[: -len(" state")], []):
                if flt is None or (p.country == flt.country and flt.admin1 in (None, code)):
                    return p
        head, _, last = key.rpartition(" ")
        if head and last in words("division_words"):
            # "Helmand province", "Mandera county": the division (never a city elsewhere: "Delta state")
            heads = [p for p, code in self._admin[0].get(head, [])
                     if flt is None or (p.country == flt.country and flt.admin1 in (None, code))]
            if heads:
                return ([p for p in heads if p.country in ctx] or heads)[0]
            return self._features.get(head)
        return None

    @staticmethod
    def _choose(cities: list[_City], ctx: frozenset[str]) -> _City | None:
        if not cities:
            return None

        def rank(c: _City) -> tuple[int, int]:
            return c.prominence, -(c.place.geonameid or 0)

        best = max(cities, key=rank)
        if not ctx or best.place.country in ctx:
            return best
        inside = [c for c in cities if c.place.country in ctx]
        if not inside:
            return best
        best_inside = max(inside, key=rank)
        if best.famous and (
            best_inside.place.population * DOMINANCE_RATIO <= best.place.population
            or (best.capital and best_inside.place.population < SMALL_NAMESAKE)
        ):
            return best
        return best_inside


@cache
def load_gazetteer() -> Gazetteer:
    """The shared gazetteer over the shipped data files (tables are read lazily, on first use)."""
    return Gazetteer()
