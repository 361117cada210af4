"""The model's pipeline run faster with the same annotations: spaCy's attribute ruler, exactly.

spaCy's ``AttributeRuler`` finds its rules' token patterns with the general ``Matcher``, which steps
every pattern through every token; on these news texts it costs as much as the dependency parser. Its
rules (the tag map, morphology and lemma exceptions of the English models) are all fixed-length
sequences of token tests on ``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE``: equality, ``IN``, ``NOT_IN``
and ``REGEX``. :class:`FastAttributeRuler` indexes them by the first token's tag or lower-case form,
finds the same matches, sorts them the same way (rule order, then position) and sets the same
attributes with spaCy's own ``set_token_attrs``. A ruler with any other kind of pattern is not
replaced (:func:`fast_attribute_ruler` returns None), so the result is always spaCy's.

:class:`CachedLemmatizer` is spaCy's rule lemmatizer with every lemma cached by the token's form, part
of speech and morphology (spaCy caches only the derived ones).

:func:`pipe` runs a pipeline with the replacements; tests/test_prefilter.py checks that the parses
(tags, parts of speech, morphology, lemmas, dependencies, entities) are identical to ``nlp.pipe``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# token attributes a rule may test, in the column order of Doc.to_array below
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_Test = Callable[[tuple[int, ...]], bool]


def _value_test(col: int, value: Any, strings: Any) -> _Test | None:
    """A test on one column of a token row, or None when the value's form is not supported."""
    if col == 3:   # IS_SPACE: a boolean flag
        if not isinstance(value, bool):
            return None
        want = int(value)
        return lambda row: row[3] == want
    if isinstance(value, str):
        h = strings.add(value) if value else 0
        return lambda row: row[col] == h
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            hs = frozenset(strings.add(a) if a else 0 for a in arg)
            if op == "IN":
                return lambda row: row[col] in hs
            return lambda row: row[col] not in hs
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            cache: dict[int, bool] = {}

            def regex(row: tuple[int, ...]) -> bool:
                h = row[col]
                hit = cache.get(h)
                if hit is None:
                    hit = cache[h] = rx.search(strings[h]) is not None
                return hit
            return regex
    return None


class FastAttributeRuler:
    """The rules of a spaCy ``AttributeRuler``, matched by index instead of by the Matcher."""

    def __init__(self, rules: list[tuple[int, list[list[_Test]], int]], attrs: Sequence[dict[Any, Any]],
                 by_tag: dict[int, list[tuple[int, list[_Test]]]], by_lower: dict[int, list[tuple[int, list[_Test]]]],
                 other: list[tuple[int, list[_Test]]], columns: list[int | str]) -> None:
        self.rules = rules
        self.attrs = attrs
        self.indices = {k: index for k, _, index in rules}
        self.by_tag = by_tag
        self.by_lower = by_lower
        self.other = other
        self.columns = columns
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[tuple[int, list[_Test]], ...]]] = {}

    def _row_rules(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[tuple[int, list[_Test]], ...]]:
        """The one-token rules a token matches, and the longer rules whose first test it passes: a pure
        function of the token's four tested attributes, so it is cached by them."""
        hit = self._cache.get(row)
        if hit is not None:
            return hit
        single: list[int] = []
        multi: list[tuple[int, list[_Test]]] = []
        for group in (self.by_tag.get(row[1]), self.by_lower.get(row[0]), self.other):
            for key, tests in group or ():
                if tests[0](row):
                    if len(tests) == 1:
                        single.append(key)
                    else:
                        multi.append((key, tests))
        if len(self._cache) > 500_000:
            self._cache.clear()
        hit = self._cache[row] = (tuple(single), tuple(multi))
        return hit

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        rows: list[tuple[int, ...]] = [tuple(r) for r in doc.to_array(self.columns).tolist()]
        n = len(rows)
        matches: list[tuple[int, int, int]] = []
        for i, row in enumerate(rows):
            single, multi = self._row_rules(row)
            for key in single:
                matches.append((key, i, i + 1))
            for key, tests in multi:
                end = i + len(tests)
                if end <= n and all(tests[j](rows[i + j]) for j in range(1, len(tests))):
                    matches.append((key, i, end))
        matches = sorted(set(matches))
        for key, start, end in matches:
            index = self.indices[key]
            pos = start + index if index >= 0 else end + index
            if not start <= pos < end:
                raise ValueError(f"attribute rule {key}: index {index} outside its match")
            set_token_attrs(doc[pos], self.attrs[key])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def fast_attribute_ruler(nlp: Language) -> FastAttributeRuler | None:
    """The pipeline's attribute ruler as a :class:`FastAttributeRuler`, or None when it has none or a
    rule uses anything but fixed-length token tests on LOWER, TAG, DEP and IS_SPACE."""
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

    if "attribute_ruler" not in nlp.pipe_names:
        return None
    ruler: Any = nlp.get_pipe("attribute_ruler")
    strings = nlp.vocab.strings
    col_of = {name: k for k, name in enumerate(_COLUMNS)}
    rules: list[tuple[int, list[list[_Test]], int]] = []
    by_tag: dict[int, list[tuple[int, list[_Test]]]] = {}
    by_lower: dict[int, list[tuple[int, list[_Test]]]] = {}
    other: list[tuple[int, list[_Test]]] = []
    # the Matcher's keys are the rules' ordinals as strings (AttributeRuler.add)
    for key, pats in enumerate(ruler.patterns):
        compiled: list[list[_Test]] = []
        for pat in pats["patterns"]:
            tests: list[_Test] = []
            for spec in pat:
                if not isinstance(spec, dict) or not spec:
                    return None
                tok_tests: list[_Test] = []
                for attr, value in spec.items():
                    col = col_of.get(attr)
                    test = _value_test(col, value, strings) if col is not None else None
                    if test is None:
                        return None
                    tok_tests.append(test)
                tests.append(tok_tests[0] if len(tok_tests) == 1 else _all(tok_tests))
            if not tests:
                return None
            compiled.append(tests)
            first = pat[0]
            tag, low = first.get("TAG"), first.get("LOWER")
            if isinstance(tag, str) and tag:
                by_tag.setdefault(strings.add(tag), []).append((key, tests))
            elif isinstance(low, str) and low:
                by_lower.setdefault(strings.add(low), []).append((key, tests))
            else:
                other.append((key, tests))
        rules.append((key, compiled, int(pats.get("index", 0))))
    if len(ruler.attrs) != len(rules):
        return None
    columns: list[int | str] = [LOWER, TAG, DEP, IS_SPACE]
    return FastAttributeRuler(rules, ruler.attrs, by_tag, by_lower, other, columns)


class CachedLemmatizer:
    """spaCy's rule lemmatizer with every lemma cached by the token's form, part of speech and morphology
    (the only inputs of ``Lemmatizer.rule_lemmatize``); spaCy caches only the forms its rules derive, and
    recomputes the far commoner base forms token by token."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        cache = self._cache
        lem = self.lemmatizer
        strings = doc.vocab.strings
        lemmas: list[int] = []
        for k, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if not self.overwrite and lemma != 0:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            h = cache.get(key)
            if h is None:
                h = strings.add(lem.lemmatize(doc[k])[0])
                if pos != 0:   # an untagged token warns in spaCy each time: not cached
                    if len(cache) > 500_000:
                        cache.clear()
                    cache[key] = h
            lemmas.append(h)
        if lemmas:
            column: Any = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
            doc.from_array([LEMMA], column)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def cached_lemmatizer(nlp: Language) -> CachedLemmatizer | None:
    """The pipeline's lemmatizer as a :class:`CachedLemmatizer`, or None unless it is spaCy's own rule
    lemmatizer (English or generic) with no validation pending."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return None
    lem: Any = nlp.get_pipe("lemmatizer")
    if type(lem) not in (Lemmatizer, EnglishLemmatizer) or lem.mode != "rule":
        return None
    if type(lem).rule_lemmatize is not Lemmatizer.rule_lemmatize or type(lem).__call__ is not Lemmatizer.__call__:
        return None
    if not lem._validated:
        from spacy.errors import Errors

        lem._validate_tables(Errors.E1004)
    return CachedLemmatizer(lem)


def _all(tests: list[_Test]) -> _Test:
    return lambda row: all(t(row) for t in tests)


def pipe(nlp: Language, texts: Iterable[str], batch_size: int = 256, disable: Sequence[str] = (),
         ruler: FastAttributeRuler | None = None, lemmatizer: CachedLemmatizer | None = None) -> Iterator[Doc]:
    """``nlp.pipe(texts)`` with the attribute ruler replaced by ``ruler`` and the lemmatizer by
    ``lemmatizer`` (when given): the components before the first replaced one run in spaCy's stream, it
    and the components after it doc by doc, in pipeline order."""
    names = [n for n in nlp.pipe_names if n not in disable]
    swap: dict[str, Any] = {}
    if ruler is not None and "attribute_ruler" in names:
        swap["attribute_ruler"] = ruler
    if lemmatizer is not None and "lemmatizer" in names:
        swap["lemmatizer"] = lemmatizer
    if not swap:
        yield from nlp.pipe(texts, batch_size=batch_size, disable=list(disable))
        return
    cut = min(names.index(n) for n in swap)
    after = names[cut:]
    stream: Iterable[Doc] = nlp.pipe(texts, batch_size=batch_size, disable=[*disable, *after])
    for name in after:
        proc: Any = swap.get(name) or nlp.get_pipe(name)
        stream = proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, stream)
    yield from stream
