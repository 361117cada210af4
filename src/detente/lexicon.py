"""Loading and validating the data files under ``detente/data``.

Lexicons are YAML files holding a list of mappings. Each entry is checked against a small field
spec; every bad entry is reported with its file and line, all at once, in one :class:`LexiconError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import LexiconError


@dataclass(frozen=True)
class Entry:
    """One mapping from a lexicon file, with where it came from."""

    data: dict[str, Any]
    file: str
    line: int

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A SafeLoader that records the 1-based line of every mapping as ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def data_path(rel: str) -> Path:
    """The installed path of a file under ``detente/data``."""
    return Path(str(resources.files("detente").joinpath("data", rel)))


def read_entries(path: Path | str) -> list[Entry]:
    """Read a YAML list of mappings; raise LexiconError naming file and line on any structural fault."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise LexiconError(f"cannot read lexicon: {e.strerror}", path=p) from None
    try:
        doc = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(f"not valid YAML: {getattr(e, 'problem', e)}", path=p, line=line) from None
    except ValueError as e:  # a scalar YAML reads as an impossible date ("2003-02-30")
        raise LexiconError(f"not valid YAML: {e}", path=p) from None
    if doc is None:
        return []
    if not isinstance(doc, list):
        raise LexiconError("a lexicon must be a YAML list of entries", path=p, line=1)
    out: list[Entry] = []
    problems: list[str] = []
    for i, item in enumerate(doc):
        if not isinstance(item, dict):
            problems.append(f"{p}: entry {i + 1}: not a mapping")
            continue
        line = int(item.pop("__line__", 0))
        _strip_lines(item)
        out.append(Entry(item, str(p), line))
    if problems:
        raise LexiconError("\n".join(problems))
    return out


def _strip_lines(obj: Any) -> None:
    if isinstance(obj, dict):
        obj.pop("__line__", None)
        for v in obj.values():
            _strip_lines(v)
    elif isinstance(obj, list):
        for v in obj:
            _strip_lines(v)


Check = Callable[[Any], str | None]


def is_str(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "must be a non-empty string"


def is_opt_str(v: Any) -> str | None:
    return None if v is None or (isinstance(v, str) and v.strip()) else "must be a string or null"


def is_str_list(v: Any) -> str | None:
    if isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v):
        return None
    return "must be a list of non-empty strings"


def one_of(*allowed: Any) -> Check:
    def check(v: Any) -> str | None:
        return None if v in allowed else f"must be one of {', '.join(map(str, allowed))} (got {v!r})"

    return check


def opt(check: Check) -> Check:
    def inner(v: Any) -> str | None:
        return None if v is None else check(v)

    return inner


def is_number(v: Any) -> str | None:
    return None if isinstance(v, int | float) and not isinstance(v, bool) else "must be a number"


def is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def validate(
    entries: Iterable[Entry],
    required: Mapping[str, Check],
    optional: Mapping[str, Check] | None = None,
    *,
    extra: Callable[[Entry], Iterable[str]] | None = None,
    unique: str | None = None,
) -> list[Entry]:
    """Check every entry; raise one LexiconError listing ``file:line: problem`` for each bad one."""
    optional = optional or {}
    problems: list[str] = []
    seen: dict[Any, int] = {}
    out = list(entries)
    for e in out:
        where = f"{e.file}:{e.line}"
        for key, check in required.items():
            if key not in e.data:
                problems.append(f"{where}: missing field {key!r}")
                continue
            msg = check(e.data[key])
            if msg:
                problems.append(f"{where}: field {key!r} {msg}")
        for key, value in e.data.items():
            if key in required:
                continue
            if key not in optional:
                problems.append(f"{where}: unknown field {key!r}")
                continue
            msg = optional[key](value)
            if msg:
                problems.append(f"{where}: field {key!r} {msg}")
        if extra is not None:
            problems.extend(f"{where}: {m}" for m in extra(e))
        if unique is not None and unique in e.data:
            key = e.data[unique]
            if key in seen:
                problems.append(f"{where}: duplicate {unique} {key!r} (first at line {seen[key]})")
            else:
                seen[key] = e.line
    if problems:
        raise LexiconError(f"{len(problems)} bad lexicon entr{'y' if len(problems) == 1 else 'ies'}:\n"
                           + "\n".join(problems))
    return out


WORD_LISTS_FILE = "words.yaml"


@lru_cache(maxsize=4)
def word_lists(path: str | None = None) -> dict[str, frozenset[str]]:
    """The named word lists of ``data/words.yaml`` (``- {id: NAME, words: [...], note: ...}``), validated."""
    p = Path(path) if path is not None else data_path(WORD_LISTS_FILE)
    entries = validate(read_entries(p), {"id": is_str, "words": is_str_list}, {"note": is_str}, unique="id")
    return {e["id"]: frozenset(w.lower() for w in e["words"]) for e in entries}


def words(name: str) -> frozenset[str]:
    """One named word list from ``data/words.yaml``; a missing name is a LexiconError."""
    lists = word_lists()
    if name not in lists:
        raise LexiconError(f"no word list {name!r}", path=data_path(WORD_LISTS_FILE))
    return lists[name]
