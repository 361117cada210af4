"""Every word list the coder's stages name exists in data/words.yaml, and the old names still read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import detente
from detente.errors import LexiconError
from detente.lexicon import WORD_LISTS_FILE, data_path, read_entries, word_lists, words

SRC = Path(detente.__file__).resolve().parent
NAMED = re.compile(r"""\bwords\(\s*["']([a-z_]+)["']\s*\)""")


def _named_lists() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for name in NAMED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(path.relative_to(SRC).as_posix())
    return found


def test_every_named_list_exists() -> None:
    named = _named_lists()
    assert "describe_verbs" in named and "transparent_verbs" in named   # the scan sees the stages' calls
    missing = {n: files for n, files in named.items() if n not in word_lists()}
    assert missing == {}


def test_lists_name_each_word_once() -> None:
    for e in read_entries(data_path(WORD_LISTS_FILE)):
        ws = [w.lower() for w in e["words"]]
        assert ws, e["id"]
        assert len(ws) == len(set(ws)), f"{e['id']} (line {e.line}) repeats a word"


def test_unknown_list_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError):
        words("no_such_list")


def test_old_word_set_names_read_from_the_data_file() -> None:
    from detente.events import extract

    assert words("describe_verbs") == extract.DESCRIBE_VERBS
    assert "describe" in extract.DESCRIBE_VERBS
    with pytest.raises(AttributeError):
        _ = extract.NO_SUCH_SET  # type: ignore[attr-defined]
