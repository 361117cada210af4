"""Convert the office holders of PETRARCH-2's Phoenix country dictionary into detente's people lexicon.

    python tools/convert_petrarch_people.py [--source ../shared/data/petrarch2] [--out PATH] [--since 1980]

Reads ``Phoenix.Countries.actors.txt`` (TABARI actor format, see ``dictionaries.rst`` there): a primary name
line (``TONY_BLAIR_``), ``+`` synonym lines, and tab-indented code lines with date ranges
(``[GBRGOV 970502-070627]``, ``>YYMMDD`` from, ``<YYMMDD`` until). A code's first three letters are the
country, the next three the sector. Only government terms (``GOV``, with any sub-sector) are kept: they are
the offices of heads of state and government, foreign, defence and other ministers; ``ELI`` (elite, out of
office) and the rest are dropped. The role comes from the dictionary's section comment above a person
(``# Prime Ministers``, ``# U.S. Secretaries of State``) where there is one, else "government official".

Kept: people of the G20 members and of the Security Council's permanent and elected members since 1980
(``COUNTRIES`` below), with a government term that runs on or after 1 January of ``--since``: the leader lists
(people the dictionary also gives elite spans, as CountryInfo does for heads of state and government and
the US lists of secretaries) of all those countries, and the cabinet lists (ministers, 2003-2010 mostly) of
the permanent members only. Cabinet members get full names only, no bare surname. Left out: people
already in ``people.yaml`` (it wins; their later terms are filled in there by hand).

Aliases kept are the safe ones: full names (two words or more, no titles such as "President" or demonyms
such as "Soviet"), also without a middle initial, and a leader's three-word name also without its middle
word ("Carlos Saul Menem" as "Carlos Menem"); and a bare surname only when it is distinctive: not the
surname of two people anywhere in the dictionary (any country, any code) or ``people.yaml``, not a common
English word (see ``default_is_common``), not anyone's first name in the dictionary
or ``people.yaml`` ("Christopher"), not in ``NOT_SURNAMES``, not a surface form of the lexicon already (a country, city,
organisation or role) nor a place the gazetteer or the dictionary's country entries know ("Goma"),
and not for naming traditions where the last word is no surname (China, Korea,
Taiwan, Vietnam, Myanmar, Cambodia, Saudi Arabia). A form two kept people of different countries share is
dropped from both.

Writes ``src/detente/data/actors/people_historic.yaml`` with the PETRARCH-2 MIT licence notice at its top.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent / ".." / "shared" / "data" / "petrarch2"
DEFAULT_OUT = HERE.parent / "src" / "detente" / "data" / "actors" / "people_historic.yaml"

G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "ZAF", "TUR", "GBR", "USA"}
P5 = {"CHN", "FRA", "RUS", "GBR", "USA"}
# elected members of the Security Council, 1980-2026 (East Germany and Yugoslavia, which have no code in
# countries.yaml, are left out)
ELECTED = {
    "BGD", "JAM", "MEX", "NER", "NOR", "PHL", "PRT", "TUN", "ZMB", "IRL", "JPN", "PAN", "ESP", "UGA", "GUY",
    "JOR", "POL", "TGO", "COD", "MLT", "NLD", "NIC", "PAK", "ZWE", "BFA", "EGY", "IND", "PER", "UKR", "AUS",
    "DNK", "MDG", "THA", "TTO", "BGR", "COG", "GHA", "ARE", "VEN", "ARG", "DEU", "ITA", "DZA", "BRA", "NPL",
    "SEN", "CAN", "COL", "ETH", "FIN", "MYS", "CIV", "CUB", "ROU", "YEM", "AUT", "BEL", "ECU", "CPV", "HUN",
    "MAR", "DJI", "NZL", "CZE", "NGA", "OMN", "RWA", "BWA", "HND", "IDN", "CHL", "GNB", "KOR", "CRI", "KEN",
    "SWE", "BHR", "GAB", "GMB", "SVN", "NAM", "MLI", "MUS", "SGP", "CMR", "GIN", "SYR", "AGO", "BEN", "GRC",
    "TZA", "QAT", "SVK", "ZAF", "HRV", "LBY", "VNM", "TUR", "BIH", "LBN", "GTM", "AZE", "LUX", "TCD", "LTU",
    "URY", "BOL", "KAZ", "GNQ", "KWT", "DOM", "EST", "VCT", "ALB", "MOZ", "CHE", "SLE", "SOM",
}  # fmt: skip
COUNTRIES = frozenset(G20 | P5 | ELECTED)
# Phoenix codes of former states mapped to a detente country ("USR" and "SUN" people are Soviet; detente
# codes the Soviet Union as Russia, as Phoenix does for its leaders)
CODE_MAP = {"USR": "RUS", "SUN": "RUS"}
# cabinet members (not only leaders) are kept for the permanent members only: the cabinet lists of all the
# G20 would triple the file (and its load time) for ministers of culture and housing
CABINETS = frozenset(P5)
NO_SURNAME_LAST = frozenset({"CHN", "KOR", "PRK", "TWN", "VNM", "MMR", "KHM", "SAU"})

# bare words that are something else in the news of today: a company, a technology word, an ethnic group,
# an Italian prime minister of 2018-2021 (the dictionary's Conte is Guinea's president)
NOT_SURNAMES = frozenset({"meta", "nano", "dinka", "conte"})

GENERIC_ROLE = "government official"
SECTION_ROLES: tuple[tuple[str, str | None], ...] = (
    (r"prime ministers? of \w", ""),  # a regional premier ("Prime Minister of Lower Saxony"): no national role
    (r"vice presidents?", "vice president"),
    (r"presidents?\b", "president"),
    (r"prime ministers?|acting pm|premiers?", "prime minister"),
    (r"chancellors?", "chancellor"),
    (r"monarch|kings?\b|queens?\b", "king"),
    (r"secretar(?:y|ies) of state", "secretary of state"),
    (r"secretar(?:y|ies) of defen[cs]e|sec def", "secretary of defense"),
    (r"ambassadors? to the un", "ambassador to the UN"),
    (r"national security advis", "national security adviser"),
    (r"trade representative", "trade representative"),
    (r"attorneys? general", "attorney general"),
    (r"homeland security", "homeland security secretary"),
    (r"white house chiefs? of staff", "presidential chief of staff"),
    (r"foreign ministers?", "foreign minister"),
    (r"defen[cs]e ministers?", "defence minister"),
)

TITLE_WORDS = frozenset({
    "president", "presidents", "prime", "minister", "ministers", "secretary", "general", "gen", "former", "ex",
    "leader", "premier", "chancellor", "king", "queen", "prince", "princess", "sheikh", "sultan", "emir",
    "administration", "government", "foreign", "defense", "defence", "senator", "sen", "ambassador", "dr", "mr",
    "mrs", "ms", "sir", "lord", "lady", "chairman", "chief", "vice", "deputy", "party", "state", "majesty",
    "excellency", "interim", "acting", "mayor", "governor", "of", "the", "and", "cabinet", "spokesman", "envoy",
    "adviser", "advisor", "director", "commander", "marshal", "colonel", "major", "captain",
    "lieutenant", "brigadier", "admiral", "col", "lt", "maj", "capt", "kanzler", "bundeskanzler", "presidente",
    "ministro", "his", "her", "gov", "govenor", "elect", "honorable", "hon",
})  # fmt: skip

_DATE = re.compile(r"\d{6}|\d{8}")
_CODE_LINE = re.compile(r"^\s+\[\s*([A-Z-]+)\s*([^\]]*)\]")


@dataclass
class Block:
    """One TABARI record: primary name, synonyms, codes, and the section comment above it."""

    names: list[str]
    line: int
    section: str | None
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction text)


@dataclass
class Term:
    role: str
    country: str
    sector: str
    start: date
    end: date | None


@dataclass
class Person:
    name: str
    aliases: list[str]
    terms: list[Term]
    line: int

    @property
    def country(self) -> str:
        return self.terms[-1].country


# ------------------------------------------------------------------------------------------ parsing


def _phrase(raw: str) -> str:
    """``+MIKHAIL_S._GORBACHEV_  # note`` -> ``MIKHAIL_S._GORBACHEV``."""
    text = raw.split("#", 1)[0].split(";", 1)[0]
    text = re.sub(r"\[[^\]]*\]", "", text).strip().lstrip("+").strip()
    return text.strip("_ ")


def parse_blocks(text: str) -> list[Block]:
    """The records of a TABARI actor file, in order."""
    blocks: list[Block] = []
    section: str | None = None
    cur: Block | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            body = line.lstrip()[1:].strip()
            if body and not any(c in body for c in "_[+") and any(c.isalpha() for c in body):
                section = body  # a heading ("Prime Ministers"); commented-out entries are no headings
            continue
        m = _CODE_LINE.match(line)
        if m and line[:1].isspace():
            if cur is not None:
                cur.codes.append((m.group(1), m.group(2).strip()))
            continue
        if line[:1].isspace():
            continue
        if line.startswith("+"):
            if cur is not None and (name := _phrase(line)):
                cur.names.append(name)
            continue
        inline = re.search(r"\[\s*([A-Z]{3,})\s*\]", line.split("#", 1)[0])
        name = _phrase(line)
        if inline is not None:  # a country header ("FRANCE_  [FRA]"): a new section begins
            section = None
            cur = Block([name], n, None, [(inline.group(1), "")])
            blocks.append(cur)
            continue
        if cur is not None and not cur.codes and cur.line != n:
            cur.names.append(name)  # a further primary phrase sharing the codes below
            continue
        cur = Block([name], n, section)
        blocks.append(cur)
    return blocks


def _day(text: str) -> date | None:
    if len(text) == 8:
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    elif len(text) == 6:
        yy, m, d = int(text[:2]), int(text[2:4]), int(text[4:])
        y = 2000 + yy if yy <= 20 else 1900 + yy  # the file was made in 2014; its two-digit years run to 2016
    else:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_range(restriction: str) -> tuple[date, date | None] | None:
    """``850311-910824`` -> (1985-03-11, 1991-08-24); ``>120515`` -> (2012-05-15, None); else None."""
    r = restriction.replace(" ", "")
    if r.startswith(">"):
        start = _day(r[1:]) if _DATE.fullmatch(r[1:]) else None
        return (start, None) if start else None
    a, sep, b = r.partition("-")
    if sep and _DATE.fullmatch(a) and _DATE.fullmatch(b):
        start, end = _day(a), _day(b)
        if start and end and end >= start:
            return start, end
    return None  # "<date" (no start), undated or malformed


def section_role(section: str | None) -> str:
    if section:
        low = section.lower()
        for pattern, role in SECTION_ROLES:
            if re.search(pattern, low):
                return role or GENERIC_ROLE
    return GENERIC_ROLE


def is_leader(block: Block) -> bool:
    """CountryInfo's lists of heads of state and government (and the US lists of secretaries) give their
    people elite (ELI) spans around their offices; its monthly cabinet lists give only government codes."""
    return any(code[3:6] == "ELI" for code, _ in block.codes)


def terms_of(block: Block, since: date, countries: frozenset[str]) -> list[Term]:
    # a section heading ("# Prime Ministers") names the office of the leader list under it; the cabinet
    # lists that follow it under no heading of their own get the generic role
    role = section_role(block.section) if is_leader(block) else GENERIC_ROLE
    raw: list[Term] = []
    for code, restriction in block.codes:
        country, sector = CODE_MAP.get(code[:3], code[:3]), code[3:6]
        if sector != "GOV" or country not in countries:
            continue
        rng = parse_range(restriction)
        if rng is None:
            continue
        start, end = rng
        if end is not None and end < since:
            continue
        raw.append(Term(role, country, "GOV", start, end))
    raw.sort(key=lambda t: t.start)
    merged: list[Term] = []
    for t in raw:  # overlapping terms of the same office are one term
        last = merged[-1] if merged else None
        if last is not None and (last.country, last.role) == (t.country, t.role) and (
                last.end is None or t.start <= last.end):
            if last.end is not None and (t.end is None or t.end > last.end):
                last.end = t.end
            continue
        merged.append(t)
    return merged


# ------------------------------------------------------------------------------------------ names


_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
                        "bin", "ibn", "al", "el", "la", "le"})


def _cap(word: str) -> str:
    if "-" in word:
        return "-".join(_cap(w) for w in word.split("-"))
    if "'" in word:
        head, _, tail = word.partition("'")
        return _cap(head) + "'" + _cap(tail) if tail else _cap(head) + "'"
    low = word.lower()
    if "." in low:  # initials: "K.R." stays "K.R."
        return word.upper() if len(word.replace(".", "")) <= 3 else low.capitalize()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return low.capitalize()


def pretty(phrase: str) -> str:
    """``DOMINIQUE_DE_VILLEPIN`` -> ``Dominique de Villepin``; ``MIKHAIL_S._GORBACHEV`` -> ``Mikhail S. Gorbachev``."""
    words = [w for w in re.split(r"[_\s]+", phrase) if w]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        out.append(low if 0 < i < len(words) - 1 and low in _PARTICLES else _cap(w))
    return " ".join(out)


def _name_like(form: str, demonyms: frozenset[str]) -> bool:
    words = form.split()
    if not words or any(ch.isdigit() for ch in form) or any(c in form for c in "()/&,"):
        return False
    parts = [p.strip(".") for w in words for p in w.lower().split("-")]
    return not any(p in TITLE_WORDS or p in demonyms for p in parts)


def _without_initials(form: str) -> str:
    words = form.split()
    kept = [w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.", w)]
    return " ".join([words[0], *kept, words[-1]]) if len(words) > 2 else form


def surname(name: str) -> str:
    return name.split()[-1]


# ------------------------------------------------------------------------------------------ common words


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def default_is_common() -> Callable[[str], bool]:
    """A word is common English when WordNet (as shipped in the spaCy model's lemmatizer tables) lists it as a
    verb, adjective or adverb, or as a noun whose plural is in use (wordfreq Zipf 2.5 or more: "bakers",
    "bushes", "majors"), or when it is an inflected form of a listed word and in use itself ("parts").
    WordNet also lists famous people as nouns ("blair", "thatcher"); their names have no plural in use."""
    from detente.nlp import load_pipeline

    nlp = load_pipeline()
    tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    index = {pos: set(tables[pos]) for pos in ("noun", "verb", "adj", "adv") if pos in tables}
    zipf: Callable[[str, str], float]
    try:
        from wordfreq import zipf_frequency as zipf
    except ImportError:  # without wordfreq every WordNet noun counts as common (stricter)
        zipf = lambda word, lang: 9.0  # noqa: E731

    def lemmas(w: str) -> list[str]:
        out = [w]
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                out.append(w[: -len(suffix)] + repl)
        return out

    def is_common(word: str) -> bool:
        w = word.lower()
        if any(w in index.get(pos, ()) for pos in ("verb", "adj", "adv")):
            return True
        if w in index.get("noun", ()) and zipf(_plural(w), "en") >= 2.5:
            return True
        # an inflected form of a listed word, in use as such ("parts", "ruled")
        return any(lemma in index.get(pos, ()) for lemma in lemmas(w)[1:] for pos in index) and zipf(w, "en") >= 3.0

    return is_common


# ------------------------------------------------------------------------------------------ converting


def _taken_forms(lexicon_dir: Path | None) -> tuple[dict[str, str], frozenset[str], set[str], list[str]]:
    """Forms the lexicon already has (folded -> country or ''), its demonyms, people.yaml's names and surnames."""
    from detente.actors.lexicon import load_actor_lexicon, normalise

    lex = load_actor_lexicon(lexicon_dir)
    taken: dict[str, str] = {}
    demonyms: set[str] = set()
    people_names: set[str] = set()
    people_surnames: list[str] = []
    for form, _cs, info in lex.phrases():
        if info.entry.split(":")[0].endswith("people_historic.yaml"):
            continue
        key = normalise(form).casefold()
        taken.setdefault(key, info.country or "")
        if info.kind == "person":
            people_names.add(key.replace("-", " "))
        if info.kind == "demonym":
            demonyms.add(key)
        if info.kind == "person":
            people_names.add(key)
            if len(form.split()) == 1:
                people_surnames.append(key)
            else:
                people_surnames.append(normalise(form).split()[-1].casefold())
    for v, _r in lex.role_phrases():
        taken.setdefault(v.casefold(), "")
    return taken, frozenset(demonyms), people_names, people_surnames


def default_is_place() -> Callable[[str], bool]:
    """A word the gazetteer knows as a place ("Goma", "Jordan", "Howard")."""
    from detente.resolve.places import Gazetteer

    gaz = Gazetteer()
    return lambda word: gaz.lookup(word) is not None


def convert(
    text: str,
    *,
    since: int = 1980,
    countries: frozenset[str] = COUNTRIES,
    is_common: Callable[[str], bool] | None = None,
    is_place: Callable[[str], bool] | None = None,
    lexicon_dir: Path | None = None,
) -> list[Person]:
    """The people of a TABARI actor file to ship (see the module docstring)."""
    from detente.actors.lexicon import normalise

    is_common = is_common or default_is_common()
    is_place = is_place or default_is_place()
    taken, demonyms, people_names, people_surnames = _taken_forms(lexicon_dir)
    start = date(since, 1, 1)
    blocks = parse_blocks(text)
    # the dictionary's own country variants, cities and provinces (the synonyms of its country headers)
    places = {normalise(pretty(n)).casefold() for b in blocks if b.section is None and b.codes
              and not b.codes[0][1] and len(b.codes[0][0]) == 3 for n in b.names}

    def fold(form: str) -> str:
        return normalise(form).casefold()

    cabinets = countries & CABINETS
    chosen: list[tuple[Block, list[Term], str, list[str], list[str]]] = []
    for b in blocks:
        terms = terms_of(b, start, countries)
        if not terms or not (is_leader(b) or terms[-1].country in cabinets):
            continue
        forms = [pretty(n) for n in b.names]
        full = [f for f in forms if len(f.split()) >= 2 and _name_like(f, demonyms)]
        singles = [f for f in forms if len(f.split()) == 1 and _name_like(f, demonyms)]
        if not full:
            continue  # a one-word name ("Suharto") alone is too weak an anchor
        names = list(dict.fromkeys([*full, *(_without_initials(f) for f in full)]))
        country = terms[-1].country
        if any(fold(f).replace("-", " ") in people_names for f in names):
            continue  # in people.yaml, which wins
        if taken.get(fold(full[0])) not in (None, country):
            continue  # the name is another country's form
        if is_leader(b) and country not in NO_SURNAME_LAST and len(name_words := full[0].split()) == 3 and \
                name_words[1].lower() not in _PARTICLES and not name_words[1].endswith("."):
            names.append(f"{name_words[0]} {name_words[2]}")  # "Carlos Saul Menem" is "Carlos Menem" in news
        chosen.append((b, terms, full[0], names, singles))

    # a surname is shared when two people of the whole dictionary (any country, any code) or of people.yaml
    # have it: "Blair" is also a US intelligence director, "Sharma" many Indian officials
    owners: dict[str, set[str]] = defaultdict(set)
    for b in blocks:
        full = [pretty(n) for n in b.names if len(n.split("_")) >= 2 and _name_like(pretty(n), demonyms)]
        if b.codes and full:
            owners[fold(surname(full[0]))].add(fold(full[0]))
    for s in people_surnames:
        owners[s].add(f"people.yaml:{s}")
    # first names of anyone in the dictionary or people.yaml: "Christopher", "Nathan", "Werner" are no surnames
    first_names = {fold(f.split()[0]) for b in blocks for f in map(pretty, b.names)
                   if len(f.split()) >= 2 and _name_like(f, demonyms)}
    first_names |= {k.split()[0] for k in people_names if len(k.split()) >= 2}

    people: list[Person] = []
    for b, terms, name, names, singles in chosen:
        country = terms[-1].country
        candidates = {surname(name)} if country not in NO_SURNAME_LAST and is_leader(b) else set()
        candidates |= {s for s in singles if fold(s) == fold(surname(name))}
        for s in sorted(candidates):
            key = fold(s)
            if len(s) >= 4 and s.replace("-", "").replace("'", "").isalpha() and s[0].isupper() and \
                    owners.get(key, set()) <= {fold(name)} and key not in taken and key not in places and \
                    key not in first_names and key not in NOT_SURNAMES and not is_common(s) and not is_place(s):
                names.append(s)
        names = [f for f in names if f == name or taken.get(fold(f)) in (None, country)]
        people.append(Person(name, [f for f in names if f != name], terms, b.line))
    return _dedupe(people, fold)


def _dedupe(people: list[Person], fold: Callable[[str], str]) -> list[Person]:
    """Merge records of one person (same name and country); drop forms people of two countries share."""
    by_name: dict[tuple[str, str], Person] = {}
    out: list[Person] = []
    for p in people:
        k = (fold(p.name), p.country)
        if k in by_name:
            first = by_name[k]
            first.aliases = list(dict.fromkeys([*first.aliases, *p.aliases]))
            first.terms = sorted([*first.terms, *p.terms], key=lambda t: t.start)
            continue
        by_name[k] = p
        out.append(p)
    countries_of: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, set[str]] = defaultdict(set)
    for p in out:
        for f in {p.name, *p.aliases}:
            countries_of[fold(f)].add(p.country)
            holders[fold(f)].add(fold(p.name))
    kept: list[Person] = []
    for p in out:
        if len(countries_of[fold(p.name)]) > 1:
            continue
        # a form two people share ("George Bush" of the elder and the younger) names neither of them
        p.aliases = [a for a in p.aliases if len(holders[fold(a)]) == 1 and fold(a) != fold(p.name)]
        kept.append(p)
    return kept


def _entry(p: Person) -> dict[str, object]:
    last = p.terms[-1]
    terms: list[dict[str, object]] = []
    for t in p.terms:  # a term's role, country and sector default to the entry's (the last term's)
        d: dict[str, object] = {k: v for k, v in (("role", t.role), ("country", t.country), ("sector", t.sector))
                                if v != getattr(last, k)}
        d["from"] = t.start
        if t.end is not None:
            d["to"] = t.end
        terms.append(d)
    return {"name": p.name, "aliases": p.aliases, "country": last.country, "sector": last.sector,
            "role": last.role, "terms": terms}


def render(people: Iterable[Person], licence: str) -> str:
    notice = "\n".join(f"# {line}".rstrip() for line in licence.strip().splitlines())
    head = f"""# Historic office holders, converted from PETRARCH-2's Phoenix country actor dictionary
# (Phoenix.Countries.actors.txt, openeventdata/petrarch2) by tools/convert_petrarch_people.py. Do not edit by
# hand: rerun the converter. people.yaml wins over this file (same name: this entry is dropped; a shared form:
# people.yaml's entry is found).
#
# Heads of state and government, foreign, defence and other ministers of the G20 and of the Security Council's
# permanent and elected members since 1980, with their government terms (from the dictionary's date ranges;
# the dictionary ends about 2015, so a term it leaves open has no 'to'). The role is the dictionary's section
# heading where it has one, else "{GENERIC_ROLE}". The Soviet Union's leaders are coded RUS, as Phoenix codes them.
#
# The dictionary's licence:
#
{notice}
"""
    lines = [head]
    for p in people:
        lines.append("- " + yaml.safe_dump(_entry(p), default_flow_style=True, sort_keys=False, width=10**6,
                                           allow_unicode=True).strip())
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--source", default=str(DEFAULT_SOURCE))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--since", type=int, default=1980)
    args = ap.parse_args(argv)
    src = Path(args.source)
    actors, licence = src / "Phoenix.Countries.actors.txt", src / "LICENSE"
    if not actors.is_file() or not licence.is_file():
        print(f"no PETRARCH-2 dictionaries at {src}", file=sys.stderr)
        return 2
    people = convert(actors.read_text(encoding="utf-8", errors="replace"), since=args.since)
    Path(args.out).write_text(render(people, licence.read_text(encoding="utf-8")), encoding="utf-8")
    n_alias = sum(len(p.aliases) for p in people)
    print(f"{len(people)} people, {n_alias} aliases, {sum(len(p.terms) for p in people)} terms -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
