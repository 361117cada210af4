"""Status cues (EVENTS.md section 5) loaded from ``data/modality.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon import data_path, is_str, is_str_list, one_of, read_entries, validate

KINDS = ("future_aux", "hypo_aux", "attempt_frame", "failure_frame", "plan_frame", "plan_modifier", "hypo_modifier",
         "cancel", "negation", "refusal", "request", "threat", "report", "condition", "past_frame")


@dataclass(frozen=True)
class Modality:
    """Word sets per cue kind; multi-word cues ("call off") are kept as tuples of words."""

    words: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    entries: dict[str, str]

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.words.get(kind, frozenset())

    def matches(self, kind: str, tok: object) -> bool:
        """True if spaCy token ``tok`` (its lemma or text) is a cue of ``kind``, multi-word cues included."""
        lemma = str(getattr(tok, "lemma_", "")).lower()
        text = str(getattr(tok, "lower_", "")).lower()
        if self.has(kind, lemma) or self.has(kind, text):
            return True
        if str(getattr(tok, "pos_", "")) == "VERB" and any(self.has(kind, g) for g in _inflections(text)):
            return True   # the model's mis-lemmas: "hopes" -> "hop"
        rests = self.phrase_rest(kind, lemma)
        if not rests:
            return False
        kids = [c for c in getattr(tok, "children", ()) if c.dep_ in ("prt", "prep", "advmod")]
        # "put ... on hold": the preposition's object counts as part of the phrase
        follow = [str(c.lower_) for c in kids] + [str(g.lower_) for c in kids if c.dep_ == "prep"
                                                   for g in c.children if g.dep_ == "pobj"]
        return any(all(w in follow for w in rest) for rest in rests)

    def phrase_rest(self, kind: str, head: str) -> list[tuple[str, ...]]:
        """Particles that must follow ``head`` for a multi-word cue of ``kind`` ("call" -> [("off",)])."""
        return [p[1:] for p in self.phrases.get(kind, ()) if p[0] == head.lower()]


@lru_cache(maxsize=2)
def load_modality(path: Path | None = None) -> Modality:
    """Load and validate the modality lexicon (every bad entry reported with file and line)."""
    entries = validate(
        read_entries(path or data_path("modality.yaml")),
        {"id": is_str, "kind": one_of(*KINDS), "words": is_str_list},
        {"note": is_str},
        unique="id",
    )
    words: dict[str, set[str]] = {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    where: dict[str, str] = {}
    for e in entries:
        kind = e["kind"]
        where[kind] = f"modality.yaml:{e.line}"
        for w in e["words"]:
            parts = tuple(w.lower().split())
            if len(parts) == 1:
                words.setdefault(kind, set()).add(parts[0])
            else:
                phrases.setdefault(kind, []).append(parts)
    return Modality(
        {k: frozenset(v) for k, v in words.items()},
        {k: tuple(v) for k, v in phrases.items()},
        where,
    )


def _inflections(word: str) -> tuple[str, ...]:
    """Crude bases of an inflected verb form ('hopes' -> 'hope', 'hoped' -> 'hope')."""
    out: list[str] = []
    if word.endswith("es"):
        out += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
    return tuple(out)
