"""The actor lexicon: who a name, a demonym or a role word denotes.

Four YAML files under ``detente/data/actors`` feed it:

- ``countries.yaml``: ISO3 code, name, proper names, demonyms and metonyms (capitals, seats of government);
- ``organisations.yaml``: international bodies, national institutions, armed groups and media;
- ``people.yaml``: political figures with their country, sector and best-known role, and optionally their
  terms in office (``terms: [{role: foreign minister, country: GBR, sector: GOV, from: 1989, to: 1990}]``);
- ``people_historic.yaml`` (optional): older office holders converted from the PETRARCH-2/Phoenix actor
  dictionary by ``tools/convert_petrarch_people.py``; an entry there whose name is also in ``people.yaml``
  is dropped (``people.yaml`` wins), and its surface forms yield to every other file's;
- ``roles.yaml``: role words and phrases ("defence minister", "lawmakers") with a sector and contexts.

Surface forms are normalised before lookup: a leading "the", a trailing "'s" (or "'"), dots
("U.S." is "US"), typographic apostrophes and dashes, and accents are all ignored, and so is case,
except for all-caps forms of up to four characters ("US", "UN", "IS", "PLA", "WHO"), which only match
in capitals, so that "us" and "is" are never actors. An entry can make all its forms case-sensitive
with ``case_sensitive: true`` ("Turkey" but not "turkey").

A surface form belongs to one country only. When two entries of different countries share a form, the
loader reports both (file and line), unless one side says ``ambiguous: true``: that side then yields,
and the other entry wins the lookup.

A person's terms make the lookup depend on a date: :meth:`ActorInfo.on` (and ``lookup_name(text, on=day)``)
gives the term in office on that day (the latest-starting one when terms overlap), else the nearest term,
else, with no date or no terms, the entry's own country, sector and role. A term's ``from``/``to`` are a
year (``from: 1989`` is 1 January, ``to: 1990`` is 31 December) or an ISO date; ``to`` may be left out for a
term still running. A term's ``role``, ``country`` and ``sector`` default to the entry's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon import (
    Check,
    Entry,
    data_path,
    is_bool,
    is_str,
    is_str_list,
    one_of,
    opt,
    read_entries,
    validate,
)

__all__ = [
    "CONTEXTS",
    "KINDS",
    "ORG_CODES",
    "SECTORS",
    "ActorInfo",
    "ActorLexicon",
    "RoleInfo",
    "Term",
    "load_actor_lexicon",
    "normalise",
]

SECTORS: frozenset[str] = frozenset(
    {"GOV", "MIL", "SPY", "LEG", "JUD", "COP", "BUS", "MED", "CVL", "OPP", "REB", "IGO"}
)
"""CAMEO-style sectors (EVENTS.md section 2)."""

ORG_CODES: frozenset[str] = frozenset(
    {
        # EVENTS.md section 2
        "UNO", "EUR", "NATO", "ASEAN", "APEC", "G7", "G20", "AU", "ARL", "OPEC", "ICC", "WTO", "IMF", "WB",
        # further intergovernmental bodies, same convention (sector IGO)
        "BRICS", "SCO", "GCC", "OSCE", "OAS", "OIC", "OECD", "ECOWAS", "SADC", "CSTO", "CIS", "QUAD",
        "COE", "INTERPOL", "ICRC",
        # non-governmental organisations (human rights, humanitarian, press freedom): sector CVL
        "NGO",
    }
)  # fmt: skip
"""Codes of international bodies, used in place of a country code; their sector is always IGO."""

CONTEXTS: frozenset[str] = frozenset(
    {
        "diplomatic", "military", "intelligence", "economic", "legal", "human_rights", "territory",
        "technology", "cyber", "health", "migration", "terrorism", "environment", "election", "executive",
        "legislative", "humanitarian", "agriculture", "religion", "gender", "crime", "disaster",
        "pandemic", "political", "refugee", "resources", "business",
    }
)  # fmt: skip
"""PLOVER contexts a lexicon entry may imply (the EVENTS.md list plus a few more PLOVER ones)."""

KINDS: tuple[str, ...] = ("country", "demonym", "metonym", "org", "person")

_FILES = ("countries.yaml", "organisations.yaml", "people.yaml", "roles.yaml")
_HISTORIC = "people_historic.yaml"  # optional; loaded with people.yaml, which wins
_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Term:
    """One term in office: a role in a country and sector from ``start`` to ``end`` (None: still running)."""

    role: str
    country: str
    sector: str
    start: date
    end: date | None = None

    def holds(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        """Days between ``day`` and this term (0 inside it)."""
        if day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True)
class ActorInfo:
    """What a name denotes: a country (by name, demonym or metonym), an organisation or a person."""

    name: str
    country: str | None
    sector: str | None
    role: str | None
    kind: str  # 'country' | 'demonym' | 'metonym' | 'org' | 'person'
    context: tuple[str, ...] = ()
    entry: str = ""  # provenance, e.g. "actors/countries.yaml:12"
    terms: tuple[Term, ...] = ()

    def term_on(self, day: date | None) -> Term | None:
        """The term in office on ``day`` (the latest-starting if several), else the nearest; None without
        a date or terms. Between two terms at equal distance the later one wins."""
        if day is None or not self.terms:
            return None
        holding = [t for t in self.terms if t.holds(day)]
        if holding:
            return max(holding, key=lambda t: t.start)
        return min(self.terms, key=lambda t: (t.distance(day), -t.start.toordinal()))

    def on(self, day: date | None) -> ActorInfo:
        """This entry as of ``day``: country, sector and role of the term :meth:`term_on` picks."""
        term = self.term_on(day)
        if term is None:
            return self
        if (term.country, term.sector, term.role) == (self.country, self.sector, self.role):
            return self
        return _dated(self, term)


@lru_cache(maxsize=4096)
def _dated(info: ActorInfo, term: Term) -> ActorInfo:
    # one object per (entry, term), so that identity checks on infos keep working inside an article
    return replace(info, country=term.country, sector=term.sector, role=term.role)


@dataclass(frozen=True)
class RoleInfo:
    """What a role word denotes: its canonical role, sector, implied contexts and rank (0 = unranked)."""

    role: str
    sector: str
    context: tuple[str, ...]
    rank: int
    entry: str


# ------------------------------------------------------------------------------------------ normalising

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)


def _fold(text: str) -> str:
    """Strip accents: "Türkiye" -> "Turkiye", "Erdoğan" -> "Erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The canonical spelling of a surface form, case kept: "the U.S.'s" -> "US", "Türkiye" -> "Turkiye"."""
    t = " ".join(unicodedata.normalize("NFC", text).translate(_APOS).split())
    t = _THE.sub("", t)
    t = _POSSESSIVE.sub("", t).rstrip()
    t = t.replace(".", "").strip()
    t = " ".join(t.split()).replace(" - ", "-")   # "Vice - President" as the tokens join it: "Vice-President"
    return _fold(t)


def _is_acronym(norm: str) -> bool:
    """All-caps forms of up to four characters ("US", "UN", "G7", "PLA") match case-sensitively."""
    return len(norm) <= 4 and norm.isupper()


def _key(surface: str, case_sensitive: bool = False) -> tuple[str, bool] | None:
    """(lookup key, case-sensitive?) of a surface form; None when nothing is left of it."""
    norm = normalise(surface)
    if not norm:
        return None
    if case_sensitive or _is_acronym(norm):
        return norm, True
    return norm.casefold(), False


def _role_key(text: str) -> str:
    t = " ".join(unicodedata.normalize("NFC", text).translate(_APOS).split()).casefold()
    t = _THE.sub("", t).replace(".", "")
    return " ".join(t.split()).replace(" - ", "-")   # "vice - president", as tokens join: "vice-president"


# ------------------------------------------------------------------------------------------ the lexicon


@dataclass
class _Slot:
    """All entries that share one lookup key."""

    infos: list[tuple[ActorInfo, bool]] = field(default_factory=list)  # (info, ambiguous)

    def best(self) -> ActorInfo:
        for info, ambiguous in self.infos:
            if not ambiguous:
                return info
        return self.infos[0][0]


class _Index:
    """Case-sensitive and case-insensitive maps from normalised keys to entries."""

    def __init__(self) -> None:
        self.exact: dict[str, _Slot] = {}
        self.folded: dict[str, _Slot] = {}

    def add(self, surface: str, case_sensitive: bool, info: ActorInfo, ambiguous: bool) -> None:
        key = _key(surface, case_sensitive)
        if key is None:
            return
        k, sensitive = key
        table = self.exact if sensitive else self.folded
        slot = table.setdefault(k, _Slot())
        if all(i is not info for i, _ in slot.infos):
            slot.infos.append((info, ambiguous))

    def get(self, text: str) -> ActorInfo | None:
        norm = normalise(text)
        if not norm:
            return None
        slot = self.exact.get(norm) or self.folded.get(norm.casefold())
        return slot.best() if slot else None


class ActorLexicon:
    """Lookups of names, demonyms and role words, built by :func:`load_actor_lexicon`."""

    def __init__(self) -> None:
        self._names = _Index()
        self._demonyms = _Index()
        self._roles: dict[str, RoleInfo] = {}
        self._phrases: list[tuple[str, bool, ActorInfo]] = []
        self._yielding_phrases: list[tuple[str, bool, ActorInfo]] = []  # from ambiguous entries
        self._role_phrases: list[tuple[str, RoleInfo]] = []
        self._seen_phrases: set[tuple[str, bool, int]] = set()
        self.counts: dict[str, int] = {"countries": 0, "organisations": 0, "people": 0, "roles": 0}

    # -- building

    def _add(self, surface: str, case_sensitive: bool, info: ActorInfo, ambiguous: bool) -> None:
        index = self._demonyms if info.kind == "demonym" else self._names
        index.add(surface, case_sensitive, info, ambiguous)
        forms = [surface, _fold(surface)]
        forms += [f.replace("'", "’") for f in forms if "'" in f]  # typographic apostrophe as in print
        for form in dict.fromkeys(forms):
            sensitive = case_sensitive or _is_acronym(normalise(form))
            mark = (form, sensitive, id(info))
            if mark not in self._seen_phrases:
                self._seen_phrases.add(mark)
                (self._yielding_phrases if ambiguous else self._phrases).append((form, sensitive, info))

    def _add_role(self, variant: str, info: RoleInfo) -> None:
        key = _role_key(variant)
        if key and key not in self._roles:
            self._roles[key] = info
            self._role_phrases.append((variant, info))

    # -- lookups

    def lookup_name(self, text: str, on: date | None = None) -> ActorInfo | None:
        """A proper-name span (country, metonym, organisation, person, or failing those a demonym).

        With ``on`` (an article's date), a person with terms in office comes as of that day."""
        info = self._names.get(text) or self._demonyms.get(text)
        return info.on(on) if info is not None else None

    def lookup_demonym(self, word: str) -> ActorInfo | None:
        """A demonym: "Chinese" -> China (kind 'demonym'), "Americans" -> United States."""
        return self._demonyms.get(word)

    def lookup_role(self, text: str) -> RoleInfo | None:
        """A role word or phrase, matched exactly on its lowercase form: "Defense Secretary" -> MIL."""
        return self._roles.get(_role_key(text))

    def phrases(self) -> list[tuple[str, bool, ActorInfo]]:
        """(surface form, case-sensitive?, info) for every name, alias, metonym and demonym.

        Accented forms also come unaccented ("Erdoğan" and "Erdogan"), forms with an apostrophe also
        with a typographic one ("People’s Daily"); otherwise forms are as written in the data, so "U.S."
        and "US" are both listed because the data lists both. Where entries share a form, the one that
        :meth:`lookup_name` returns comes first (entries marked ``ambiguous`` come last).
        """
        return [*self._phrases, *self._yielding_phrases]

    def role_phrases(self) -> list[tuple[str, RoleInfo]]:
        """(lowercase variant, info) for every role variant."""
        return list(self._role_phrases)


# ------------------------------------------------------------------------------------------ loading


def _contexts_ok(v: Any) -> str | None:
    msg = is_str_list(v)
    if msg:
        return msg
    bad = [c for c in v if c not in CONTEXTS]
    return f"has unknown context(s) {', '.join(map(repr, bad))}" if bad else None


def _forms_ok(v: Any) -> str | None:
    """A list of surface forms; may be empty."""
    if isinstance(v, list) and not v:
        return None
    return is_str_list(v)


def _rank_ok(v: Any) -> str | None:
    return None if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 3 else "must be 1, 2 or 3"


def _variants_ok(v: Any) -> str | None:
    msg = is_str_list(v)
    if msg:
        return msg
    upper = [x for x in v if x != x.lower()]
    return f"must be lowercase (got {', '.join(map(repr, upper))})" if upper else None


_SECTOR: Check = one_of(*sorted(SECTORS))


def _country_checks(known: frozenset[str]) -> tuple[Check, Callable[[Entry], Iterable[str]]]:
    def code_ok(v: Any) -> str | None:
        if not isinstance(v, str):
            return "must be a country or organisation code"
        if v in ORG_CODES or v in known:
            return None
        if _ISO3.fullmatch(v) and not known:
            return None
        return f"is not a known country or organisation code (got {v!r})"

    def igo_rule(e: Entry) -> Iterator[str]:
        country, sector = e.get("country"), e.get("sector")
        if isinstance(country, str) and country in ORG_CODES and country != "NGO" and sector in SECTORS and \
                sector != "IGO":
            yield f"an international body ({country}) must have sector IGO (got {sector!r})"

    return code_ok, igo_rule


def _day(v: Any, end: bool) -> date | None:
    """A term limit: a year (1 January, or 31 December for an end), a date, or an ISO date string."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return (date(v, 12, 31) if end else date(v, 1, 1)) if 1000 <= v <= 2999 else None
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        if v.isdigit() and len(v) == 4:
            return _day(int(v), end)
        try:
            return date.fromisoformat(v)
        except ValueError:
            return None
    return None


_TERM_FIELDS = ("role", "country", "sector", "from", "to")


def _terms_check(code_ok: Check) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, list) or not v:
            return "must be a non-empty list of terms {role, country, sector, from, to}"
        for n, t in enumerate(v, 1):
            if not isinstance(t, dict):
                return f"term {n} must be a mapping {{role, country, sector, from, to}}"
            unknown = [k for k in t if k not in _TERM_FIELDS]
            if unknown:
                return f"term {n} has unknown field(s) {', '.join(map(repr, unknown))}"
            if "from" not in t:
                return f"term {n} is missing 'from'"
            for key, chk in (("role", is_str), ("country", code_ok), ("sector", _SECTOR)):
                msg = chk(t[key]) if key in t else None
                if msg:
                    return f"term {n}: {key} {msg}"
            start = _day(t["from"], end=False)
            if start is None:
                return f"term {n}: 'from' must be a year or an ISO date (got {t['from']!r})"
            if "to" in t and t["to"] is not None:
                stop = _day(t["to"], end=True)
                if stop is None:
                    return f"term {n}: 'to' must be a year or an ISO date (got {t['to']!r})"
                if stop < start:
                    return f"term {n} ends ({t['to']}) before it begins ({t['from']})"
        return None

    return check


def _terms_of(e: Entry) -> tuple[Term, ...]:
    out: list[Term] = []
    for t in e.get("terms") or ():
        start = _day(t["from"], end=False)
        assert start is not None  # validated
        stop = _day(t["to"], end=True) if t.get("to") is not None else None
        out.append(Term(t.get("role", e.get("role") or ""), t.get("country", e["country"]),
                        t.get("sector", e["sector"]), start, stop))
    return tuple(out)


def _iso3_ok(v: Any) -> str | None:
    if not isinstance(v, str) or not _ISO3.fullmatch(v):
        return f"must be an ISO 3166-1 alpha-3 code, three capital letters (got {v!r})"
    if v in ORG_CODES:
        return f"is an organisation code, not a country code (got {v!r})"
    return None


def _surface_forms(e: Entry, fields: Iterable[str]) -> Iterator[str]:
    for f in fields:
        value = e.get(f)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (x for x in value if isinstance(x, str) and x.strip())


def _where(e: Entry, base: Path) -> str:
    try:
        rel = Path(e.file).relative_to(base.parent)
    except ValueError:
        rel = Path(base.name) / Path(e.file).name
    return f"{rel.as_posix()}:{e.line}"


def load_actor_lexicon(data_dir: Path | None = None) -> ActorLexicon:
    """Load and check the four actor lexicon files in ``data_dir`` (default ``detente/data/actors``).

    Every problem in every file is reported at once in one :class:`LexiconError`, each as
    ``file:line: problem``. The lexicon for the default directory is loaded once and cached.
    """
    if data_dir is None:
        return _default_lexicon()
    return _load(Path(data_dir))


@lru_cache(maxsize=1)
def _default_lexicon() -> ActorLexicon:
    return _load(data_path("actors"))


def _read_all(base: Path, problems: list[str]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for fname in (*_FILES, _HISTORIC):
        if fname == _HISTORIC and not (base / fname).exists():
            out[fname] = []
            continue
        try:
            out[fname] = read_entries(base / fname)
        except LexiconError as e:
            problems.append(str(e))
            out[fname] = []
    return out


def _validate(entries: list[Entry], problems: list[str], *args: Any, **kwargs: Any) -> None:
    try:
        validate(entries, *args, **kwargs)
    except LexiconError as e:
        problems.extend(str(e).splitlines()[1:] or [str(e)])


def _load(base: Path) -> ActorLexicon:
    problems: list[str] = []
    files = _read_all(base, problems)
    countries, orgs, people, roles = (files[f] for f in _FILES)

    flags = {"ambiguous": opt(is_bool), "case_sensitive": opt(is_bool)}
    _validate(
        countries, problems,
        {"code": _iso3_ok, "name": is_str, "names": _forms_ok, "demonyms": _forms_ok, "metonyms": _forms_ok},
        flags, unique="code",
    )  # fmt: skip
    known = frozenset(e["code"] for e in countries if isinstance(e.get("code"), str))
    code_ok, igo_rule = _country_checks(known)
    actor_fields: dict[str, Check] = {
        "name": is_str, "aliases": _forms_ok, "country": code_ok, "sector": _SECTOR,
    }  # fmt: skip
    actor_optional: dict[str, Check] = {"role": opt(is_str), "context": opt(_contexts_ok), **flags}
    _validate(orgs, problems, actor_fields, actor_optional, extra=igo_rule, unique="name")
    person_optional = {**actor_optional, "terms": opt(_terms_check(code_ok))}
    _validate(people, problems, actor_fields, person_optional, extra=igo_rule, unique="name")
    historic = files[_HISTORIC]
    _validate(historic, problems, actor_fields, person_optional, extra=igo_rule, unique="name")
    people = [*people, *_yielding(historic, people)]
    _validate(
        roles, problems,
        {"role": is_str, "variants": _variants_ok, "sector": _SECTOR},
        {"context": opt(_contexts_ok), "rank": opt(_rank_ok)}, unique="role",
    )  # fmt: skip
    problems.extend(_clashes(countries, orgs, people))
    problems.extend(_role_clashes(roles))
    if problems:
        n = len(problems)
        raise LexiconError(
            f"{n} problem{'s' if n != 1 else ''} in the actor lexicon {base}:\n" + "\n".join(problems)
        )
    return _build(base, countries, orgs, people, roles)


def _yielding(historic: list[Entry], people: list[Entry]) -> list[Entry]:
    """Historic entries not named in people.yaml, each marked ambiguous so that every other file wins."""
    names = {k[0].casefold() for e in people for f in _surface_forms(e, ("name",)) if (k := _key(f))}
    out: list[Entry] = []
    for e in historic:
        k = _key(str(e.get("name", "")))
        if k is not None and k[0].casefold() in names:
            continue
        out.append(Entry({**e.data, "ambiguous": True}, e.file, e.line))
    return out


def _clashes(countries: list[Entry], orgs: list[Entry], people: list[Entry]) -> list[str]:
    """Surface forms that two entries of different countries share (unless one side is ambiguous)."""
    owners: dict[str, list[tuple[Entry, str, str]]] = {}  # key -> [(entry, country, surface)]
    for e in countries:
        for form in _surface_forms(e, ("name", "names", "demonyms", "metonyms")):
            _own(owners, e, str(e.get("code")), form)
    for e in (*orgs, *people):
        for form in _surface_forms(e, ("name", "aliases")):
            _own(owners, e, str(e.get("country")), form)
    out: list[str] = []
    for owned in owners.values():
        firm = [(e, c, s) for e, c, s in owned if not e.get("ambiguous")]
        if len({c for _, c, _ in firm}) <= 1:
            continue
        first = firm[0]
        for e, c, s in firm[1:]:
            if c != first[1]:
                out.append(
                    f"{e.file}:{e.line}: {s!r} ({c}) is also {first[2]!r} ({first[1]}) at "
                    f"{first[0].file}:{first[0].line}; mark one entry 'ambiguous: true'"
                )
    return out


def _own(owners: dict[str, list[tuple[Entry, str, str]]], e: Entry, country: str, form: str) -> None:
    key = _key(form)
    if key is None:
        return
    slot = owners.setdefault(key[0].casefold(), [])
    if all(other is not e for other, _, _ in slot):
        slot.append((e, country, form))


def _role_clashes(roles: list[Entry]) -> list[str]:
    seen: dict[str, Entry] = {}
    out: list[str] = []
    for e in roles:
        for v in _surface_forms(e, ("variants",)):
            k = _role_key(v)
            first = seen.setdefault(k, e)
            if first is not e:
                out.append(
                    f"{e.file}:{e.line}: role variant {v!r} is also a variant of "
                    f"{first.get('role')!r} at {first.file}:{first.line}"
                )
    return out


def _build(
    base: Path, countries: list[Entry], orgs: list[Entry], people: list[Entry], roles: list[Entry]
) -> ActorLexicon:
    lex = ActorLexicon()
    for e in countries:
        where, code, name = _where(e, base), e["code"], e["name"]
        sensitive = bool(e.get("case_sensitive"))
        ambiguous = bool(e.get("ambiguous"))
        by_kind = {
            "country": ActorInfo(name, code, None, None, "country", (), where),
            "demonym": ActorInfo(name, code, None, None, "demonym", (), where),
            "metonym": ActorInfo(name, code, None, None, "metonym", (), where),
        }
        for form in [name, *e["names"]]:
            lex._add(form, sensitive, by_kind["country"], ambiguous)
        for form in e["demonyms"]:
            lex._add(form, sensitive, by_kind["demonym"], ambiguous)
        for form in e["metonyms"]:
            lex._add(form, sensitive, by_kind["metonym"], ambiguous)
    for kind, entries in (("org", orgs), ("person", people)):
        for e in entries:
            info = ActorInfo(
                e["name"], e["country"], e["sector"], e.get("role"), kind,
                tuple(e.get("context") or ()), _where(e, base), _terms_of(e),
            )  # fmt: skip
            for form in [e["name"], *e["aliases"]]:
                lex._add(form, bool(e.get("case_sensitive")), info, bool(e.get("ambiguous")))
    for e in roles:
        rinfo = RoleInfo(
            e["role"], e["sector"], tuple(e.get("context") or ()), int(e.get("rank") or 0), _where(e, base)
        )
        for v in e["variants"]:
            lex._add_role(v, rinfo)
    lex.counts = {
        "countries": len(countries),
        "organisations": len(orgs),
        "people": len(people),
        "roles": len(roles),
    }
    historic = sum(1 for e in people if Path(e.file).name == _HISTORIC)
    if historic:
        lex.counts["people_historic"] = historic  # included in "people"
    return lex
