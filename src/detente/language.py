"""Is an article in English? A small dependency-free check run before coding.

detente's lexicons and parser are English; an article in another language would be coded as nonsense
or as nothing. The check reads two data files: ``data/scripts.yaml`` (the Unicode ranges of each
writing system and its default language) and ``data/stopwords.yaml`` (the commonest function words of
some languages). A text whose letters are mostly of one non-Latin script is in that script's language
(the stop words choose among the languages sharing it, e.g. Russian, Ukrainian, Bulgarian); a
Latin-script text is English unless another language's stop words clearly outnumber English ones.
Short texts (too few words to tell) are taken as English, so a headline-only article is still coded.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArticleFormatError
from .lexicon import Entry, data_path, is_opt_str, is_str, is_str_list, read_entries, validate

if TYPE_CHECKING:
    from .article import Article

__all__ = ["LanguageGuess", "Languages", "NotEnglishError", "check_english", "guess_language", "load_languages"]

SCRIPTS_FILE = "scripts.yaml"
STOPWORDS_FILE = "stopwords.yaml"

SAMPLE_CHARS = 20_000      # only the start of a long article is read
MIN_LETTERS = 20           # fewer letters than this: too little to tell, taken as English
MIN_WORDS = 12             # fewer Latin-script words than this: taken as English
MIN_FOREIGN_SHARE = 0.12   # another language's stop words must be at least this share of the words ...
FOREIGN_OVER_ENGLISH = 2.0  # ... and this many times the English share
KANA_SHARE = 0.1           # Han text with at least this share of kana is Japanese
MIN_ENGLISH_SHARE = 0.05   # a Latin-script text of MIN_WORDS_UNKNOWN words or more with fewer English stop
MIN_WORDS_UNKNOWN = 25     # words than this share is in some language without a stop-word list here

_RANGE_RE = re.compile(r"([0-9A-Fa-f]{4,6})-([0-9A-Fa-f]{4,6})")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


class NotEnglishError(ArticleFormatError):
    """An article is (very likely) not in English, so it is skipped rather than coded."""


@dataclass(frozen=True)
class LanguageGuess:
    """What :func:`guess_language` concluded. ``language`` is an ISO 639-1 code, or "und" (undetermined)."""

    language: str
    script: str
    english: bool
    reason: str


@dataclass(frozen=True)
class _Script:
    name: str
    language: str | None


class Languages:
    """The loaded script ranges and stop-word lists."""

    def __init__(self, scripts: list[Entry], stopwords: list[Entry]) -> None:
        spans: list[tuple[int, int, str]] = []
        self.scripts: dict[str, _Script] = {}
        for e in scripts:
            self.scripts[e["script"]] = _Script(e["script"], e.get("language"))
            for r in e["ranges"]:
                m = _RANGE_RE.fullmatch(r)
                assert m is not None  # checked on load
                spans.append((int(m.group(1), 16), int(m.group(2), 16), e["script"]))
        spans.sort()
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self.names: dict[str, str] = {}
        self.by_script: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for e in stopwords:
            self.names[e["language"]] = e["name"]
            self.by_script.setdefault(e["script"], []).append(
                (e["language"], frozenset(w.lower() for w in e["words"])))

    def script_of(self, ch: str) -> str:
        """The script of one letter ("Other" when no range of scripts.yaml holds it)."""
        cp = ord(ch)
        i = bisect.bisect_right(self._starts, cp) - 1
        if i >= 0:
            lo, hi, name = self._spans[i]
            if lo <= cp <= hi:
                return name
        return "Other"


def _range_problems(e: Entry) -> list[str]:
    out: list[str] = []
    ranges = e.get("ranges")
    if isinstance(ranges, list):
        for r in ranges:
            m = _RANGE_RE.fullmatch(r) if isinstance(r, str) else None
            if m is None:
                out.append(f"range {r!r} is not HHHH-HHHH (hexadecimal code points)")
            elif int(m.group(1), 16) > int(m.group(2), 16):
                out.append(f"range {r!r} ends before it starts")
            elif int(m.group(2), 16) > 0x10FFFF:
                out.append(f"range {r!r} goes past U+10FFFF")
    return out


def load_languages(scripts_path: Path | str | None = None, stopwords_path: Path | str | None = None) -> Languages:
    """Read and validate both data files; every bad entry is reported by file and line in one LexiconError."""
    if scripts_path is None and stopwords_path is None:
        return _default()
    return _load(Path(scripts_path) if scripts_path is not None else data_path(SCRIPTS_FILE),
                 Path(stopwords_path) if stopwords_path is not None else data_path(STOPWORDS_FILE))


@lru_cache(maxsize=1)
def _default() -> Languages:
    return _load(data_path(SCRIPTS_FILE), data_path(STOPWORDS_FILE))


def _load(scripts_path: Path, stopwords_path: Path) -> Languages:
    scripts = validate(read_entries(scripts_path), {"script": is_str, "ranges": is_str_list},
                       {"language": is_opt_str}, extra=_range_problems, unique="script")
    known = {e["script"] for e in scripts}

    def extra(e: Entry) -> list[str]:
        script = e.get("script")
        if isinstance(script, str) and script not in known:
            return [f"script {script!r} is not in {scripts_path.name}"]
        return []

    stopwords = validate(read_entries(stopwords_path), {"language": is_str, "name": is_str, "script": is_str,
                                                         "words": is_str_list}, extra=extra, unique="language")
    return Languages(scripts, stopwords)


def guess_language(text: str, languages: Languages | None = None) -> LanguageGuess:
    """The language ``text`` is most likely in, and whether that is English (see the module docstring)."""
    langs = languages or _default()
    sample = text[:SAMPLE_CHARS]
    # each distinct letter classified once, weighted by how often it occurs (scripts keep the order of
    # their first letter in the sample, as when counting letter by letter)
    counts: Counter[str] = Counter()
    for ch, n in Counter(sample).items():
        if ch.isalpha():
            counts[langs.script_of(ch)] += n
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return LanguageGuess("und", "Latin", True, "too little text to tell")
    latin = counts.get("Latin", 0)
    if latin * 2 >= letters:
        return _latin(sample, langs)
    others = Counter({k: v for k, v in counts.items() if k != "Latin"})
    script = others.most_common(1)[0][0]
    if script == "Han" and counts.get("Kana", 0) >= KANA_SHARE * (counts["Han"] + counts["Kana"]):
        script = "Kana"
    share = counts[script] / letters
    lang = _best_stopwords(sample, langs.by_script.get(script, []), min_share=0.05)
    code = lang[0] if lang else (langs.scripts[script].language if script in langs.scripts else None)
    looks = code or f"{script} script"
    return LanguageGuess(code or "und", script, False, f"{share:.0%} of its letters are {script} script: "
                                                        f"looks like {looks}")


def _words(sample: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(sample)[:5000]]


def _best_stopwords(sample: str, lists: list[tuple[str, frozenset[str]]],
                    min_share: float) -> tuple[str, float] | None:
    words = _words(sample)
    if not words or not lists:
        return None
    scores = [(sum(1 for w in words if w in stop) / len(words), code) for code, stop in lists]
    share, code = max(scores)
    return (code, share) if share >= min_share else None


def _latin(sample: str, langs: Languages) -> LanguageGuess:
    found = _WORD_RE.findall(sample)[:5000]
    words = [w.lower() for w in found]
    if len(words) < MIN_WORDS:
        return LanguageGuess("und", "Latin", True, "too few words to tell")
    shares = {code: sum(1 for w in words if w in stop) / len(words) for code, stop in langs.by_script.get("Latin", [])}
    en = shares.pop("en", 0.0)
    if not shares:
        return LanguageGuess("en", "Latin", True, f"English stop words are {en:.0%} of its words")
    code, share = max(shares.items(), key=lambda kv: kv[1])
    if share >= MIN_FOREIGN_SHARE and share >= FOREIGN_OVER_ENGLISH * en:
        return LanguageGuess(code, "Latin", False, f"{langs.names.get(code, code)} stop words are {share:.0%} of its "
                                                   f"words, English ones {en:.0%}: looks like {code}")
    # names are capitalised: only lower-case words and English stop words count here, so that a list of
    # names is not "unknown"
    english = dict(langs.by_script.get("Latin", [])).get("en", frozenset())
    lower = [low for w, low in zip(found, words, strict=True) if w[:1].islower() or low in english]
    en_lower = sum(1 for w in lower if w in english) / len(lower) if lower else 1.0
    if en_lower < MIN_ENGLISH_SHARE and len(lower) >= MIN_WORDS_UNKNOWN:
        return LanguageGuess("und", "Latin", False,
                             f"English stop words are only {en_lower:.0%} of its {len(lower)} lower-case words")
    return LanguageGuess("en", "Latin", True, f"English stop words are {en:.0%} of its words")


def check_english(article: Article, *, path: str | Path | None = None, line: int | None = None,
                  where: str = "") -> NotEnglishError | None:
    """None when ``article`` is English (or too short to tell), else the error to report for it.

    A record's own ``"language"`` (or ``"lang"``) metadata, when given, is trusted instead of the guess.
    Every reader of :mod:`detente.article` applies this by default; call it on articles built elsewhere
    (e.g. fetched pages) before coding them."""
    path = path if path is not None else article.source_file
    declared = article.meta.get("language", article.meta.get("lang"))
    if isinstance(declared, str) and declared.strip():
        code = declared.strip().lower()
        if code == "en" or code.startswith(("en-", "en_", "english")):
            return None
        return NotEnglishError(f"{where}article {article.id!r} is not English (its language is {declared!r}): "
                               "skipped", path=path, line=line)
    guess = guess_language(article.text)
    if guess.english:
        return None
    looks = "an unknown language" if guess.language == "und" else guess.language
    return NotEnglishError(f"{where}article {article.id!r} is not English (looks like {looks}; "
                           f"{guess.reason}): skipped", path=path, line=line)
