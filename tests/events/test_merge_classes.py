"""C6 merging: one action reported in the headline and in the body is one event; two actions stay two.

Each case gives the article text (headline first, as ``# ...``), its publication date, and the exact
list of (type, source, target) events expected, in any order. Texts are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.article import read_articles
from detente.coder import Coder

CASES: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("headline-body-refusal",
     "# Nepal declines Bhutan's invitation to border talks\n\nPublished: March 4, 2024\n\n"
     "Nepal has declined Bhutan's invitation for border talks in Thimphu, the foreign ministry said on Monday.\n",
     [("REJECT", "NPL", "BTN")]),
    ("headline-body-rejects-offer",
     "# Colombia rejects Venezuela's offer of talks\n\nPublished: May 2, 2019\n\n"
     "Colombia turned down an invitation from Venezuela to hold talks on the border, officials said.\n",
     [("REJECT", "COL", "VEN")]),
    ("headline-body-condemns",
     "# Japan condemns North Korean missile launch\n\nPublished: October 4, 2022\n\n"
     "Japan strongly criticised North Korea on Tuesday after a missile flew over its territory.\n",
     [("ACCUSE", "JPN", "PRK")]),
    ("two-meetings-stay-two",
     "# Kishida and Yoon hold talks\n\nPublished: August 19, 2023\n\n"
     "Earlier in the week, Kishida met Yoon in Tokyo. On Friday, Kishida met Yoon again at Camp David.\n",
     [("CONSULT", "JPN", "KOR"), ("CONSULT", "JPN", "KOR")]),
    # a second meeting with another named person of the same state is a second meeting, even when its "he"
    # could stand on either side of the first
    ("second-counterpart-premier",
     "# Nigerian minister in Beijing\n\nPublished: March 5, 2024\n\n"
     "The Nigerian foreign minister met Chinese Foreign Minister Wang Yi in Beijing on Monday. "
     "He also met Premier Li Qiang.\n",
     [("CONSULT", "NGA", "CHN"), ("CONSULT", "NGA", "CHN")]),
    ("second-counterpart-later",
     "# Brazilian president in Berlin\n\nPublished: March 5, 2024\n\n"
     "Brazil's president met German Chancellor Olaf Scholz in Berlin on Sunday. "
     "He later met Foreign Minister Annalena Baerbock.\n",
     [("CONSULT", "BRA", "DEU"), ("CONSULT", "BRA", "DEU")]),
    # the same two named people, reported again in the next sentence with another verb: one meeting
    ("same-pair-readout-discussed",
     "# Macron in Berlin\n\nPublished: March 5, 2024\n\n"
     "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. "
     "Macron and Scholz discussed aid to Ukraine.\n",
     [("CONSULT", "FRA", "DEU")]),
    ("same-pair-readout-talked",
     "# Modi and Putin\n\nPublished: July 9, 2024\n\n"
     "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow on Monday. "
     "Putin and Modi talked about trade and energy.\n",
     [("CONSULT", "IND", "RUS")]),
    # "the pair" / "both sides" told of the two states that just met: the readout of that meeting
    ("pair-readout-discussed",
     "# Chile and Peru open a border crossing\n\nPublished: March 5, 2024\n\n"
     "The presidents of Chile and Peru met in Tacna on Monday. The two leaders agreed to open a new border "
     "crossing. The pair also discussed migration.\n",
     [("CONSULT", "CHL", "PER"), ("AGREE", "CHL", "PER")]),
    ("pair-readout-both-sides",
     "# Ghana and Togo\n\nPublished: June 4, 2024\n\n"
     "The foreign ministers of Ghana and Togo met in Lome on Monday. Both sides discussed security on the "
     "border.\n",
     [("CONSULT", "GHA", "TGO")]),
    ("pair-readout-the-two-countries",
     "# Laos and Thailand\n\nPublished: June 4, 2024\n\n"
     "Laos and Thailand held talks in Vientiane on Monday. The two countries also discussed a new railway "
     "link.\n",
     [("CONSULT", "LAO", "THA")]),
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(("case_id", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_merge_class(coder: Coder, tmp_path, case_id: str, text: str,  # type: ignore[no-untyped-def]
                     expected: list[tuple[str, str, str]]) -> None:
    path = tmp_path / f"{case_id}.md"
    path.write_text(text, encoding="utf-8")
    article = next(iter(read_articles(path)))
    events = coder.code_article(article, date(2024, 1, 1)).events
    got = sorted((e.event_type, (e.source.country if e.source else ""), (e.target.country if e.target else ""))
                 for e in events)
    want = sorted(expected)
    # symmetric acts may be oriented either way
    norm = sorted(tuple((t, *sorted((s, g)))) if t in ("CONSULT", "AGREE") else (t, s, g) for t, s, g in got)
    norm_want = sorted(tuple((t, *sorted((s, g)))) if t in ("CONSULT", "AGREE") else (t, s, g) for t, s, g in want)
    assert norm == norm_want, f"{case_id}: got {got}"
