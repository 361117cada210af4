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
