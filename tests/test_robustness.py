"""Bad or odd input never crashes the coder: each of these must code to a (possibly empty) event list."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.article import Article, iter_articles
from detente.coder import Coder
from detente.errors import DetenteError
from detente.record import validate_record

ODD_TEXTS = [
    "!!!",
    "12345 67890",
    "Россия и Украина провели переговоры в Стамбуле.",
    "中国外交部长王毅周一会见了美国国务卿。",
    "🙂🙂🙂 😡",
    "<p>The <b>US</b> condemned the <i>attack</i>.</p>",
    "He said. She said. They said.",
    "the the the the the the the the the the",
    "Beijing. Washington. Moscow. Kyiv. Tehran.",
    "Met. Visited. Agreed. Refused. Attacked.",
    "China " * 400,
    "The talks, which (according to officials) were held -- in secret -- in Oman; ended.",
    "A" * 5000,
    "UN UN UN NATO EU G7 G20 ASEAN",
    "On 31 February 2023 Russia attacked Ukraine.",
    "Russia will will will not not visit visit China China.",
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize("text", ODD_TEXTS, ids=[f"odd-{i}" for i in range(len(ODD_TEXTS))])
def test_odd_text_codes_without_error(coder: Coder, text: str) -> None:
    for published in (None, date(2024, 2, 29)):
        for event in coder.code_text(text, doc_id="odd", published=published):
            validate_record(event.to_dict())


def test_thousands_of_names_joined_by_and(coder: Coder) -> None:
    names = ["France", "Germany", "Japan", "Brazil", "India", "Kenya", "Chile", "Egypt"]
    text = " and ".join(names[i % 8] for i in range(2000)) + " signed an agreement with China."
    events = coder.code_text(text, doc_id="many")
    assert events, "the agreement with China is still coded"
    for event in events:
        validate_record(event.to_dict())


def test_over_long_sentence_is_coded_in_pieces_with_a_warning() -> None:
    from detente.article import article_from_text
    from detente.limits import Limits

    small = Coder(limits=Limits(max_sentence_tokens=20))
    text = ("Officials from France and Germany, Japan and Brazil, India and Kenya, Chile and Egypt, " * 6
            + "and Russia condemned Ukraine.")
    result = small.code_article(article_from_text(text, "long"))
    assert all(len(s.span) <= 40 for s in result.sentences)
    assert any("over the limit of 20" in w for w in result.warnings)


def test_lone_surrogates_and_controls_are_cleaned() -> None:
    from detente.normalize import clean_text

    assert clean_text("Paris\udc59 and\x00 Rome\x07.") == "Paris\ufffd and Rome ."
    assert clean_text("clean text stays\n") == "clean text stays\n"


# --------------------------------------------------------------------------------------------------
# Fuzzing (hypothesis, bounded): whatever the document, the reader and the coder raise only DetenteError
# and every event they produce validates against the JSON Schema. bench/fuzz.py runs the long version.

FUZZ = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PATHOLOGICAL = settings(FUZZ, max_examples=20)

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "China", "Russia", "Ukraine", "Iran", "the United States",
             "NATO", "the UN", "South Korea", "Egypt", "Kenya"]
VERBS = ["met", "visited", "condemned", "attacked", "signed an agreement with", "warned", "will visit",
         "did not meet", "accused", "held talks with", "expelled diplomats from"]
WORDS = ["the", "minister", "said", "and", "which", "talks", "with", "in", "on", "of", "that", "officials",
         "troops", "border", "agreement", *COUNTRIES, *VERBS]
NASTY = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "&amp;", "&#0;", "&#xD800;", "&bogus;",
         "\u202e", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\ud800", "\udfff", "\U0001f600", "e\u0301\u0301",
         "中国", "\r", "\\", "'; DROP TABLE events; --", "\u2028", "((SOUNDBITE))", "[1]", "© 2023"]
TAGS = ["p", "div", "span", "b", "i", "a", "h1", "h2", "li", "ul", "table", "td", "blockquote", "article",
        "figure", "figcaption", "script", "style", "time", "nav"]

_counter = itertools.count()

sentences = st.builds(lambda a, v, b, end: f"{a} {v} {b}{end}", st.sampled_from(COUNTRIES), st.sampled_from(VERBS),
                      st.sampled_from(COUNTRIES), st.sampled_from([".", "!", "?", "", ";"]))
chars = st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr), st.integers(0, 0x1F).map(chr),
                  st.sampled_from(list(" \n\n.,;:\"'«»“”()[]<>&#*_`|-")))
unicode_text = st.one_of(
    st.text(alphabet=chars, max_size=1500),
    st.builds(lambda a, noise, b: f"{a} {noise} {b}", sentences, st.text(alphabet=chars, max_size=300), sentences),
)

inline = st.recursive(
    st.one_of(sentences, st.sampled_from(NASTY), st.text(alphabet=chars, max_size=20)),
    lambda inner: st.one_of(
        inner.map(lambda s: f"**{s}**"), inner.map(lambda s: f"_{s}_"), inner.map(lambda s: f"`{s}`"),
        st.tuples(inner, st.integers(0, 99)).map(lambda t: f"[{t[0]}](http://example.org/{t[1]})"),
        inner.map(lambda s: f"![{s}](x.png)"), st.lists(inner, max_size=4).map(" ".join),
        inner.map(lambda s: f"(({s}))"), inner.map(lambda s: f'"{s}"'),
    ),
    max_leaves=12,
)
block = st.one_of(
    st.tuples(st.integers(1, 7), inline).map(lambda t: "#" * t[0] + " " + t[1]),
    st.lists(inline, min_size=1, max_size=8).map(lambda xs: "\n".join(f"- {x}" for x in xs)),
    st.tuples(st.integers(1, 30), inline).map(lambda t: ">" * t[0] + " " + t[1]),
    st.sampled_from(["---", "***", "===", "| a | b |\n|---|---|\n| x | y |", "By **Ann Lee** in Paris 7 HOURS AGO"]),
    st.lists(inline, min_size=1, max_size=6).map(" ".join),
)
markdown = st.lists(block, min_size=1, max_size=25).map("\n\n".join)
html_tree = st.recursive(
    st.one_of(sentences, st.sampled_from(NASTY)),
    lambda kids: st.builds(lambda tag, attr, xs: f"<{tag}{attr}>{''.join(xs)}</{tag}>", st.sampled_from(TAGS),
                           st.sampled_from(["", ' class="byline"', ' onclick="alert(1)"', ' href="javascript:x"']),
                           st.lists(kids, max_size=4)),
    max_leaves=30,
)
html_page = st.builds(lambda title, body: f"<html><head><title>{title}</title></head><body>{body}</body></html>",
                      inline, html_tree)


def _quotes(depth: int, marks: str) -> str:
    pairs = {'"': '"', "'": "'", "“": "”", "«": "»", "(": ")", "[": "]"}
    opens = [marks[i % len(marks)] for i in range(depth)]
    return ("".join(f"Russia said {q}" for q in opens) + "China attacked Japan."
            + "".join(pairs[q] for q in reversed(opens)))


pathological = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=300, max_size=1500).map(" ".join),
    st.builds(lambda unit, n: unit * n, st.sampled_from(["a", "China", "漢", "é", "-", "x."]),
              st.integers(1000, 30000)),
    st.builds(lambda names, joiner, verb: joiner.join(names) + f" {verb} China.",
              st.lists(st.sampled_from(COUNTRIES), min_size=100, max_size=800),
              st.sampled_from([" and ", ", ", " or ", ", and "]), st.sampled_from(VERBS)),
    st.builds(_quotes, st.integers(10, 400), st.sampled_from(['"', "'“", "«([", "\"'"])),
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def code_document(coder: Coder, folder: Path, suffix: str, data: bytes) -> int:
    """Read ``data`` as a file and code every article in it; the number of events. Only DetenteError
    may be raised (and is swallowed); every event must validate and encode as UTF-8."""
    path = folder / f"doc{next(_counter)}{suffix}"
    path.write_bytes(data)
    try:
        items = list(iter_articles(path))
    except DetenteError:
        return 0
    finally:
        path.unlink()
    n = 0
    for item in items:
        if not isinstance(item, Article):
            assert isinstance(item, DetenteError)
            continue
        try:
            result = coder.code_article(item, date(2023, 6, 6))
        except DetenteError:
            continue
        for event in result.events:
            validate_record(event.to_dict())
            event.to_json().encode("utf-8")
            n += 1
    return n


@FUZZ
@given(text=unicode_text, doc_id=st.text(alphabet=chars, min_size=1, max_size=12),
       how=st.sampled_from(["txt-utf8", "txt-utf16", "jsonl", "json", "md-latin1"]))
def test_fuzz_random_unicode(coder: Coder, fuzz_dir: Path, text: str, doc_id: str, how: str) -> None:
    if how == "txt-utf8":
        code_document(coder, fuzz_dir, ".txt", text.encode("utf-8", "surrogatepass"))
    elif how == "txt-utf16":
        code_document(coder, fuzz_dir, ".txt", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le", "surrogatepass"))
    elif how == "md-latin1":
        code_document(coder, fuzz_dir, ".md", text.encode("latin-1", "replace"))
    else:
        record = {"id": doc_id, "title": text[:40], "text": text or "x"}
        line = json.dumps(record) + "\n"
        code_document(coder, fuzz_dir, "." + how, (line * 2 if how == "jsonl" else line).encode("ascii"))


@FUZZ
@given(doc=markdown, suffix=st.sampled_from([".md", ".txt"]))
def test_fuzz_markdown_structures(coder: Coder, fuzz_dir: Path, doc: str, suffix: str) -> None:
    code_document(coder, fuzz_dir, suffix, doc.encode("utf-8", "surrogatepass"))


@FUZZ
@given(page=html_page)
def test_fuzz_html_structures(coder: Coder, fuzz_dir: Path, page: str) -> None:
    code_document(coder, fuzz_dir, ".html", page.encode("utf-8", "surrogatepass"))


@PATHOLOGICAL
@given(text=pathological)
def test_fuzz_pathological_sentences(coder: Coder, fuzz_dir: Path, text: str) -> None:
    code_document(coder, fuzz_dir, ".txt", text.encode("utf-8"))


def test_fuzz_harness_sees_events(coder: Coder, fuzz_dir: Path) -> None:
    """The harness above codes what it is given (so the fuzz tests are not vacuous)."""
    text = "Spain Hosts Talks\n\nThe French foreign minister visited Madrid on Tuesday and met his counterpart.\n"
    assert code_document(coder, fuzz_dir, ".txt", text.encode()) > 0


def test_undecodable_file_name_is_cleaned(coder: Coder, tmp_path: Path) -> None:
    import os

    raw = os.fsencode(tmp_path) + b"/caf\xe9-talks.txt"
    with open(raw, "wb") as f:
        f.write(b"The French foreign minister visited Madrid on Tuesday and met his Spanish counterpart.\n")
    [path] = list(tmp_path.iterdir())
    [article] = list(iter_articles(path))
    assert isinstance(article, Article)
    assert article.id == "caf\ufffd-talks"
    for event in coder.code_article(article, date(2023, 6, 6)).events:
        event.to_json().encode("utf-8")


def test_runs_without_spaces_are_bounded_before_parsing() -> None:
    from detente.normalize import MAX_REPEATS, MAX_TOKEN_CHARS, bound_runs, clean_text

    assert bound_runs("Talks ended!!! Ministers met in Paris.") == "Talks ended!!! Ministers met in Paris."
    assert bound_runs("No" + "!" * 40) == "No" + "!" * MAX_REPEATS
    assert bound_runs("'s" * 500) == "'s" * MAX_REPEATS
    long = "".join(chr(0x61 + (i * 7) % 26) for i in range(350))  # no repeated unit
    pieces = bound_runs(long).split(" ")
    assert "".join(pieces) == long and max(map(len, pieces)) == MAX_TOKEN_CHARS
    assert clean_text("x\udc59" + "—" * 50) == "x\ufffd" + "—" * MAX_REPEATS


@pytest.mark.parametrize("unit", ["—", "'s", "=", "🙂", "(a)", "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~"])
def test_long_punctuation_runs_code_quickly(coder: Coder, unit: str) -> None:
    """spaCy's tokenizer strips affixes one by one (quadratic in a token's length): 20,000 characters of
    these took 20-60 s each before runs were bounded; now well under a second each on an idle machine."""
    import time

    from detente.article import article_from_text

    text = "Japan accused France. " + unit * (20000 // len(unit)) + " Emmanuel Macron met Olaf Scholz in Paris."
    t0 = time.perf_counter()
    result = coder.code_article(article_from_text(text, "runs"))
    assert time.perf_counter() - t0 < 10
    assert [s for s in result.sentences if "Macron" in s.text], "the sentence after the run is still parsed"
    for event in result.events:
        validate_record(event.to_dict())
