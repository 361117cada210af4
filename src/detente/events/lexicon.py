"""The trigger lexicon: words that name political actions, mapped to PLOVER 2.0 types and modes.

Three data files under ``detente/data`` are loaded together and validated as one:

- ``plover.yaml``: the 16 PLOVER types, the modes each allows and the quad class of the type;
- ``triggers.yaml``: trigger entries (verb lemmas, noun lemmas, light verbs, role hints);
- ``crosswalk.yaml``: (type, mode, status) -> CAMEO code, quad class and intensity;
- ``triggers_cameo.yaml`` (optional, beside ``triggers.yaml``): entries derived from PETRARCH-2's CAMEO verb
  dictionary by ``tools/convert_cameo_verbs.py``, loaded after ``triggers.yaml`` with lower priority: a verb
  lemma that ``triggers.yaml`` covers keeps only detente's reading (see :func:`_lower_priority`).

Every bad entry in any of them is reported, as ``file:line: problem``, in one :class:`LexiconError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon import (
    Check,
    Entry,
    data_path,
    is_bool,
    is_number,
    is_opt_str,
    is_str,
    is_str_list,
    one_of,
    opt,
    read_entries,
    validate,
)

# Verbs that, governing a noun trigger as object, report that event ("held talks", "imposed sanctions").
# "carry" stands for "carry out" (the engine compares the verb's lemma); "stag" is how the small English
# model lemmatises "staged".
DEFAULT_LIGHT_VERBS: tuple[str, ...] = (
    "hold", "have", "make", "conduct", "carry out", "carry", "launch", "stage", "stag", "impose", "announce",
    "sign", "reach", "begin", "start", "mount", "undertake", "pay", "issue", "deliver", "give", "take",
)
# Lemmas the small English model gets wrong for some trigger verbs ("staged" -> "stag", "waged" -> "wag",
# "fined" -> "fin"): the patterns of the true lemma are also indexed under these, and light verbs are
# extended with them. "raped" -> "rap" is deliberately absent: "rap" is also "rebuke" ("rapped Beijing").
MODEL_LEMMAS: dict[str, tuple[str, ...]] = {
    "stage": ("stag",), "wage": ("wag",), "fine": ("fin",), "snipe": ("snip",), "resupply": ("resupplie",),
    "defund": ("defunde",), "deregister": ("deregistere",), "overfly": ("overflew",), "wiretap": ("wiretappe",),
    "surveil": ("surveille",), "extol": ("extoll",), "retake": ("retook",), "forgo": ("forwent",),
    "forego": ("forewent",),
}
# Prepositions that introduce the target after a trigger, when an entry names none of its own.
DEFAULT_TARGET_PREPS: tuple[str, ...] = (
    "with", "against", "on", "to", "at", "toward", "towards", "from", "into", "upon",
)
STATUSES: tuple[str, ...] = ("occurred", "planned", "cancelled", "hypothetical", "negated")
DEFAULT_CONFIDENCE = 0.8

_WORD = re.compile(r"[a-z0-9]+")
_ID = re.compile(r"[a-z]+\.[a-z0-9-]+\.[a-z0-9-]+")
_CONTEXT = re.compile(r"[a-z][a-z_]*")
_CAMEO = re.compile(r"[0-9]{2,4}")
# words that cannot head a noun pattern ("attack on" would be headed by "on"); "in" heads "sit in"
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "on", "to", "for", "with", "at", "by", "from", "up", "down", "out",
    "off", "about", "against", "into", "over", "upon",
})


@dataclass(frozen=True)
class Trigger:
    """One entry of ``triggers.yaml``. Empty ``light_verbs``/``target_preps`` mean "use the defaults";
    ``light_verbs`` also hold the model mis-lemmas of the ones written (MODEL_LEMMAS)."""

    id: str
    type: str
    mode: str | None
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    light_verbs: tuple[str, ...]
    target_preps: tuple[str, ...]
    destination: bool
    symmetric: bool
    reverse: bool
    needs_target: bool
    context: tuple[str, ...]
    confidence: float
    entry: str                               # "triggers.yaml:123"
    ambiguous: bool = False                  # its lemmas also name events of another type
    objects: tuple[str, ...] = ()            # object/complement lemmas that select this reading
    objects_required: bool = False           # a bare verb takes this reading only with one of ``objects``
    no_patient: bool = False                 # a coercive act that needs no named patient (a banned march)
    clause_sense: str | None = None          # id of the reading a noun takes with a clause or 'for' complement
    note: str | None = None
    examples: tuple[str, ...] = ()
    evaluative: bool = False   # the noun names an act ("aggression"): its owner is the target, the speaker the source
    negated_only: bool = False   # the verb names a refusal only when negated ("will not allow X to")


@dataclass(frozen=True)
class VerbPattern:
    """A verb trigger: ``lemma`` followed by the words in ``rest`` ("call on" -> 'call', ('on',))."""

    lemma: str
    rest: tuple[str, ...]
    trigger: Trigger


@dataclass(frozen=True)
class NounPattern:
    """A noun trigger: ``head`` lemma preceded by ``modifiers`` ("air strike" -> 'strike', ('air',))."""

    head: str
    modifiers: tuple[str, ...]
    trigger: Trigger


@dataclass(frozen=True)
class Crosswalk:
    """The CAMEO reading of a PLOVER (type, mode, status): code, quad class and intensity."""

    cameo: str
    quad: int
    intensity: float


class TriggerLexicon:
    """Triggers indexed by verb lemma and noun head, the PLOVER modes, and the CAMEO crosswalk."""

    def __init__(
        self,
        triggers: Iterable[Trigger],
        modes: Mapping[str, tuple[str, ...]],
        crosswalk: Mapping[tuple[str, str | None, str | None], Crosswalk],
    ) -> None:
        self.triggers: tuple[Trigger, ...] = tuple(triggers)
        self._modes = dict(modes)
        self._crosswalk = dict(crosswalk)
        verbs: dict[str, list[VerbPattern]] = {}
        nouns: dict[str, list[NounPattern]] = {}
        for t in self.triggers:
            for v in t.verbs:
                lemma, *rest = v.split()
                vp = VerbPattern(lemma, tuple(rest), t)
                for key in (lemma, *MODEL_LEMMAS.get(lemma, ())):
                    verbs.setdefault(key, []).append(vp)
            for n in t.nouns:
                *mods, head = n.split()
                nouns.setdefault(head, []).append(NounPattern(head, tuple(mods), t))
        # longest first; the sort is stable, so among equals the entry earlier in the file comes first
        self._verbs = {k: sorted(v, key=lambda p: -len(p.rest)) for k, v in verbs.items()}
        self._nouns = {k: sorted(v, key=lambda p: -len(p.modifiers)) for k, v in nouns.items()}
        self._by_id = {t.id: t for t in self.triggers}
        bad = [f"{t.entry}: clause_sense {t.clause_sense!r} is no trigger id" for t in self.triggers
               if t.clause_sense is not None and t.clause_sense not in self._by_id]
        if bad:
            raise LexiconError(f"{len(bad)} bad trigger entr{'y' if len(bad) == 1 else 'ies'}:\n" + "\n".join(bad))

    def verbs_for(self, lemma: str) -> list[VerbPattern]:
        """Verb patterns whose first word is ``lemma`` (or a model mis-lemma of it, see MODEL_LEMMAS),
        those with the longest ``rest`` first."""
        return list(self._verbs.get(lemma.lower(), ()))

    def nouns_for(self, head: str) -> list[NounPattern]:
        """Noun patterns headed by ``head``, those with the most modifiers first."""
        return list(self._nouns.get(head.lower(), ()))

    def crosswalk(self, type: str, mode: str | None, status: str | None = None) -> Crosswalk | None:
        """CAMEO code, quad and intensity: tries (type, mode, status), (type, mode), (type, status), (type)."""
        for key in ((type, mode, status), (type, mode, None), (type, None, status), (type, None, None)):
            row = self._crosswalk.get(key)
            if row is not None:
                return row
        return None

    def modes(self, type: str) -> tuple[str, ...]:
        """The PLOVER modes allowed for ``type`` (empty for unknown types and mode-less types)."""
        return self._modes.get(type, ())

    @property
    def types(self) -> tuple[str, ...]:
        """The PLOVER event types, in the order of ``plover.yaml``."""
        return tuple(self._modes)

    def trigger(self, id: str) -> Trigger | None:
        """The entry with this id, if any."""
        return self._by_id.get(id)

    @property
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb pattern, as written ("call on")."""
        return frozenset(v for t in self.triggers for v in t.verbs)

    @property
    def noun_lemmas(self) -> frozenset[str]:
        """Every noun pattern, as written ("air strike")."""
        return frozenset(n for t in self.triggers for n in t.nouns)


# ---------------------------------------------------------------------------------------------- loading
def load_triggers(data_dir: Path | None = None) -> TriggerLexicon:
    """Load and validate the trigger lexicon, PLOVER modes and crosswalk.

    With ``data_dir``, its ``triggers.yaml`` is used, and its ``plover.yaml``/``crosswalk.yaml`` where
    present (else the packaged ones). The packaged lexicon is loaded once and cached.
    """
    if data_dir is None:
        return _load_default()
    d = Path(data_dir)

    def pick(name: str) -> Path:
        p = d / name
        return p if name == "triggers.yaml" or p.exists() else data_path(name)

    cameo = d / CAMEO_TRIGGERS
    return _load(pick("plover.yaml"), pick("triggers.yaml"), pick("crosswalk.yaml"),
                 cameo if cameo.exists() else None)


CAMEO_TRIGGERS = "triggers_cameo.yaml"


@lru_cache(maxsize=1)
def _load_default() -> TriggerLexicon:
    cameo = data_path(CAMEO_TRIGGERS)
    return _load(data_path("plover.yaml"), data_path("triggers.yaml"), data_path("crosswalk.yaml"),
                 cameo if cameo.exists() else None)


def _lower_priority(own: list[Entry], extra: list[Entry]) -> list[Entry]:
    """The entries of a lower-priority file minus what ``own`` covers: a single-word verb whose lemma
    ``own`` uses (as a verb's first word, a noun or a light verb), and any phrase ``own`` already has.
    An entry left with no pattern is dropped."""
    lemmas: set[str] = set(DEFAULT_LIGHT_VERBS)
    phrases: set[str] = set()
    for e in own:
        for kind in ("verbs", "nouns", "light_verbs"):
            for x in e.get(kind) or ():
                if isinstance(x, str) and x.split():
                    norm = " ".join(x.split())
                    phrases.add(norm)
                    lemmas.add(norm.split()[0] if kind == "verbs" else norm)
    out: list[Entry] = []
    for e in extra:
        verbs = e.get("verbs")
        if not isinstance(verbs, list):
            out.append(e)                  # malformed: reported by the validation
            continue
        keep = [v for v in verbs if not isinstance(v, str) or not (
            " ".join(v.split()) in phrases or (len(v.split()) == 1 and v.strip() in lemmas))]
        if keep or e.get("nouns"):
            out.append(Entry({**e.data, "verbs": keep}, e.file, e.line) if keep != verbs else e)
    return out


def _load(plover_path: Path, triggers_path: Path, crosswalk_path: Path,
          cameo_path: Path | None = None) -> TriggerLexicon:
    plover = _validate_plover(read_entries(plover_path))
    modes: dict[str, tuple[str, ...]] = {e["type"]: tuple(e["modes"]) for e in plover}
    trig_entries = read_entries(triggers_path)
    if cameo_path is not None:
        trig_entries += _lower_priority(trig_entries, read_entries(cameo_path))
    cw_entries = read_entries(crosswalk_path)

    problems: list[str] = []
    triggers_ok = _collect(problems, lambda: _validate_triggers(trig_entries, modes))
    cw_ok = _collect(problems, lambda: _validate_crosswalk(cw_entries, modes))
    if triggers_ok and cw_ok:
        problems.extend(_completeness(plover, trig_entries, cw_entries))
    if problems:
        raise LexiconError(
            f"{len(problems)} bad lexicon entr{'y' if len(problems) == 1 else 'ies'}:\n" + "\n".join(problems))

    triggers = [_trigger(e) for e in trig_entries]
    crosswalk = {
        (e["type"], e.get("mode"), e.get("status")): Crosswalk(str(e["cameo"]), int(e["quad"]), float(e["intensity"]))
        for e in cw_entries
    }
    return TriggerLexicon(triggers, modes, crosswalk)


def _collect(problems: list[str], run: Callable[[], object]) -> bool:
    """Run one validation; on failure keep its problem lines (without the count header)."""
    try:
        run()
    except LexiconError as e:
        lines = e.message.split("\n")
        problems.extend(lines[1:] if len(lines) > 1 else lines)
        return False
    return True


def _trigger(e: Entry) -> Trigger:
    def strs(key: str) -> tuple[str, ...]:
        return tuple(e.get(key) or ())

    note = e.get("note")
    lights = strs("light_verbs")
    lights = tuple(dict.fromkeys(w for lv in lights for w in (lv, *MODEL_LEMMAS.get(lv, ()))))
    return Trigger(
        id=e["id"], type=e["type"], mode=e.get("mode"),
        verbs=strs("verbs"), nouns=strs("nouns"), light_verbs=lights,
        target_preps=strs("target_preps"),
        destination=bool(e.get("destination", False)), symmetric=bool(e.get("symmetric", False)),
        reverse=bool(e.get("reverse", False)), needs_target=bool(e.get("needs_target", False)),
        evaluative=bool(e.get("evaluative", False)),
        context=strs("context"), confidence=float(e.get("confidence", DEFAULT_CONFIDENCE)),
        entry=f"{Path(e.file).name}:{e.line}",
        ambiguous=bool(e.get("ambiguous", False)), objects=strs("objects"),
        objects_required=bool(e.get("objects_required", False)),
        no_patient=bool(e.get("no_patient", False)), clause_sense=e.get("clause_sense"),
        negated_only=bool(e.get("negated_only", False)),
        note=" ".join(str(note).split()) if note else None, examples=strs("examples"),
    )


# ---------------------------------------------------------------------------------------------- checks
def _str_list(v: Any) -> str | None:
    """Like is_str_list, but explains YAML 1.1 booleans (an unquoted on/off/yes/no in a list)."""
    if isinstance(v, list) and any(isinstance(x, bool) for x in v):
        return "must be a list of non-empty strings (YAML reads unquoted on/off/yes/no as true/false: quote them)"
    return is_str_list(v)


def _in_range(lo: float, hi: float) -> Check:
    def check(v: Any) -> str | None:
        msg = is_number(v)
        if msg:
            return msg
        return None if lo <= v <= hi else f"must be between {lo:g} and {hi:g} (got {v!r})"

    return check


def _validate_plover(entries: list[Entry]) -> list[Entry]:
    def extra(e: Entry) -> list[str]:
        out: list[str] = []
        t = e.get("type")
        if isinstance(t, str) and t != t.upper():
            out.append(f"type {t!r} must be upper case")
        modes = e.get("modes")
        if isinstance(modes, list) and len(set(modes)) != len(modes):
            out.append("modes repeat a mode")
        return out

    return validate(
        entries,
        {"type": is_str, "modes": _str_list, "quad": one_of(1, 2, 3, 4), "description": is_str},
        extra=extra,
        unique="type",
    )


def _word_problems(field: str, phrase: str) -> list[str]:
    words = phrase.split()
    if not words:
        return [f"{field}: empty pattern"]
    bad = [w for w in words if not _WORD.fullmatch(w)]
    if not bad:
        return []
    if any("-" in w for w in bad):
        return [f"{field}: {phrase!r}: the tokenizer splits hyphenated words; write the parts with spaces "
                f"('cease fire', 'sit in') or the solid form"]
    return [f"{field}: {phrase!r}: words must be lower-case letters or digits"]


def _patterns(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind, normalised pattern) of an entry; tolerant of malformed fields (those are reported elsewhere)."""
    out: list[tuple[str, str]] = []
    for kind in ("verbs", "nouns"):
        items = data.get(kind)
        if isinstance(items, list):
            out.extend((kind, " ".join(x.split())) for x in items if isinstance(x, str) and x.strip())
    return out


def _conflicts(entries: list[Entry]) -> dict[int, list[str]]:
    """Patterns shared by entries of different types where neither is marked ambiguous, and entries
    marked ambiguous that share nothing: messages per entry index."""
    seen: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(entries):
        for key in dict.fromkeys(_patterns(e.data)):
            seen.setdefault(key, []).append(i)
    out: dict[int, list[str]] = {}
    shares: set[int] = set()
    for (kind, pattern), idx in seen.items():
        for a in idx:
            ea = entries[a]
            for b in idx:
                eb = entries[b]
                if a == b or ea.get("type") == eb.get("type"):
                    continue
                shares.add(a)
                if ea.get("ambiguous") is True or eb.get("ambiguous") is True:
                    continue
                out.setdefault(a, []).append(
                    f"{kind[:-1]} pattern {pattern!r} is also in entry {eb.get('id')!r} ({eb.get('type')}) at "
                    f"{eb.file}:{eb.line}; mark one of them ambiguous: true")
    for i, e in enumerate(entries):
        if e.get("ambiguous") is True and i not in shares:
            out.setdefault(i, []).append(
                "ambiguous: true, but no pattern of this entry is shared with an entry of another type")
    return out


def _validate_triggers(entries: list[Entry], modes: Mapping[str, tuple[str, ...]]) -> list[Entry]:
    conflicts = _conflicts(entries)
    index = {id(e): i for i, e in enumerate(entries)}

    def extra(e: Entry) -> list[str]:
        out: list[str] = []
        t, m, ident = e.get("type"), e.get("mode"), e.get("id")
        type_ok = isinstance(t, str) and t in modes
        if isinstance(t, str) and not type_ok:
            out.append(f"unknown type {t!r} (known: {', '.join(modes)})")
        if type_ok and m is not None and isinstance(m, str) and m not in modes[t]:
            allowed = ", ".join(modes[t]) or "none: use null"
            out.append(f"mode {m!r} is not a mode of {t} (allowed: {allowed})")
        if isinstance(ident, str) and isinstance(t, str):
            prefix = f"{t.lower()}.{m if isinstance(m, str) else 'general'}."
            if not _ID.fullmatch(ident) or not ident.startswith(prefix):
                out.append(f"id {ident!r} must look like '{prefix}<slug>' (lower case, digits, '-')")
        verbs, nouns = e.get("verbs"), e.get("nouns")
        if not (isinstance(verbs, list) and verbs) and not (isinstance(nouns, list) and nouns):
            out.append("needs at least one of 'verbs' or 'nouns'")
        for field in ("verbs", "nouns", "light_verbs"):
            items = e.get(field)
            if not isinstance(items, list):
                continue
            norm = [" ".join(x.split()) for x in items if isinstance(x, str)]
            for x in norm:
                out.extend(_word_problems(field, x))
                if field == "nouns" and x.split() and x.split()[-1] in _FUNCTION_WORDS:
                    out.append(f"nouns: {x!r}: the last word is the head noun, not {x.split()[-1]!r}")
            dups = sorted({x for x in norm if norm.count(x) > 1})
            if dups:
                out.append(f"{field} repeat {', '.join(map(repr, dups))}")
        for field in ("target_preps", "objects"):
            items = e.get(field)
            if isinstance(items, list):
                bad = [x for x in items if isinstance(x, str) and not _WORD.fullmatch(x)]
                if bad:
                    out.append(f"{field}: single lower-case words only (got {', '.join(map(repr, bad))})")
        ctx = e.get("context")
        if isinstance(ctx, list):
            bad = [x for x in ctx if isinstance(x, str) and not _CONTEXT.fullmatch(x)]
            if bad:
                out.append(f"context: lower_snake_case names only (got {', '.join(map(repr, bad))})")
        out.extend(conflicts.get(index[id(e)], ()))
        return out

    return validate(
        entries,
        {"id": is_str, "type": is_str, "mode": is_opt_str},
        {
            "verbs": _str_list, "nouns": _str_list, "light_verbs": _str_list, "target_preps": _str_list,
            "destination": is_bool, "symmetric": is_bool, "reverse": is_bool, "needs_target": is_bool,
            "evaluative": is_bool, "ambiguous": is_bool, "context": _str_list, "confidence": _in_range(0.0, 1.0),
            "objects": _str_list, "objects_required": is_bool, "no_patient": is_bool, "note": is_str,
            "clause_sense": is_str, "negated_only": is_bool,
            "examples": _str_list,
        },
        extra=extra,
        unique="id",
    )


def _validate_crosswalk(entries: list[Entry], modes: Mapping[str, tuple[str, ...]]) -> list[Entry]:
    first: dict[tuple[Any, Any, Any], int] = {}
    dup_of: dict[int, int] = {}
    for i, e in enumerate(entries):
        key = (e.get("type"), e.get("mode"), e.get("status"))
        try:
            hash(key)
        except TypeError:
            continue
        if key in first:
            dup_of[i] = first[key]
        else:
            first[key] = i
    index = {id(e): i for i, e in enumerate(entries)}

    def extra(e: Entry) -> list[str]:
        out: list[str] = []
        t, m = e.get("type"), e.get("mode")
        if isinstance(t, str) and t not in modes:
            out.append(f"unknown type {t!r}")
        elif isinstance(t, str) and isinstance(m, str) and m not in modes[t]:
            out.append(f"mode {m!r} is not a mode of {t}")
        cameo = e.get("cameo")
        if isinstance(cameo, str) and not _CAMEO.fullmatch(cameo):
            out.append(f"cameo {cameo!r} must be a quoted CAMEO code of 2 to 4 digits")
        i = index[id(e)]
        if i in dup_of:
            out.append(f"duplicate row for ({t}, {m}, {e.get('status')}) (first at line {entries[dup_of[i]].line})")
        return out

    return validate(
        entries,
        {"type": is_str, "mode": is_opt_str, "status": opt(one_of(*STATUSES)), "cameo": is_str,
         "quad": one_of(1, 2, 3, 4), "intensity": _in_range(-10.0, 10.0)},
        extra=extra,
    )


def _completeness(plover: list[Entry], triggers: list[Entry], crosswalk: list[Entry]) -> list[str]:
    """Every type has a default row, every (type, mode) used by a trigger has a row, and no status row
    for a whole type is shadowed by a mode row that lacks its own status row."""
    rows = {(e["type"], e.get("mode"), e.get("status")) for e in crosswalk}
    out: list[str] = []
    for e in plover:
        if (e["type"], None, None) not in rows:
            out.append(f"{e.file}:{e.line}: crosswalk has no row for type {e['type']} (mode null, status null)")
    reported: set[tuple[str, str]] = set()
    for e in triggers:
        key = (e["type"], e.get("mode"))
        if key[1] is not None and (key[0], key[1], None) not in rows and key not in reported:
            reported.add(key)
            out.append(f"{e.file}:{e.line}: crosswalk has no row for ({key[0]}, {key[1]}) used by entry {e['id']!r}")
    mode_rows = {(t, m) for t, m, s in rows if m is not None and s is None}
    for e in crosswalk:
        t, m, s = e["type"], e.get("mode"), e.get("status")
        if m is None and s is not None:
            missing = sorted(mm for tt, mm in mode_rows if tt == t and (t, mm, s) not in rows)
            if missing:
                out.append(f"{e.file}:{e.line}: status row ({t}, null, {s}) is shadowed for modes "
                           f"{', '.join(missing)}: add ({t}, <mode>, {s}) rows")
    return out
