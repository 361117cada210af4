"""Bad or odd input never crashes the coder: each of these must code to a (possibly empty) event list."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coder import Coder
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
