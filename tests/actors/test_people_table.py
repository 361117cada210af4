"""Older leaders coded through the Coder with a publication date: the date picks each person's office.

The Soviet Union's leaders are coded RUS: detente's countries.yaml has no code for the Soviet Union and
codes it as Russia, its continuer state, as PETRARCH-2's Phoenix dictionary codes the Soviet leaders
(RUSGOV) and the PLOVER gold records code Soviet actors.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.coder import Coder
from detente.record import Event

# (case id, sentence written for the test, publication date, type, source, target,
#  {"source"/"target": expected role} or {})
Case = tuple[str, str, date, str, str, str, dict[str, str]]
CASES: list[Case] = [
    ("consult-soviet-british-visit", "Mikhail Gorbachev met Margaret Thatcher in London.", date(1987, 3, 30),
     "CONSULT", "RUS", "GBR", {"source": "general secretary", "target": "prime minister"}),
    ("consult-chancellor-visit-capital", "Helmut Kohl visited Moscow on Monday.", date(1990, 7, 16),
     "CONSULT", "DEU", "RUS", {"source": "chancellor"}),
    ("accuse-french-american", "Francois Mitterrand criticised Ronald Reagan over the trade dispute.",
     date(1985, 5, 3), "ACCUSE", "FRA", "USA", {"source": "president", "target": "president"}),
    ("accuse-surnames-only", "Thatcher accused Gorbachev of stalling the talks.", date(1986, 10, 1),
     "ACCUSE", "GBR", "RUS", {}),
    ("consult-phone-japan", "Yasuhiro Nakasone telephoned Ronald Reagan on Tuesday.", date(1986, 4, 8),
     "CONSULT", "JPN", "USA", {}),
    ("agree-yeltsin-clinton", "Boris Yeltsin signed a cooperation agreement with Bill Clinton in Moscow.",
     date(1994, 1, 14), "AGREE", "RUS", "USA", {"source": "president"}),
    ("consult-host-welcomes", "Brian Mulroney welcomed Margaret Thatcher to Ottawa.", date(1988, 6, 20),
     "CONSULT", "GBR", "CAN", {}),
    ("consult-soviet-foreign-minister", "Eduard Shevardnadze met George Shultz in Washington.",
     date(1987, 9, 15), "CONSULT", "RUS", "USA", {"source": "foreign minister", "target": "secretary of state"}),
    ("consult-same-man-later-georgian", "Eduard Shevardnadze met Madeleine Albright in Tbilisi.",
     date(1998, 11, 1), "CONSULT", "USA", "GEO", {"target": "president"}),
    ("reject-israel-egypt", "Yitzhak Shamir rejected the proposal from Hosni Mubarak.", date(1989, 2, 1),
     "REJECT", "ISR", "EGY", {"source": "prime minister"}),
    ("consult-host-receives", "Deng Xiaoping received Margaret Thatcher in Beijing.", date(1984, 12, 19),
     "CONSULT", "GBR", "CHN", {}),
    ("threaten-iraq-kuwait", "Saddam Hussein threatened Kuwait.", date(1990, 7, 18), "THREATEN", "IRQ", "KWT", {}),
    ("accuse-chirac-bush", "Jacques Chirac criticised George W. Bush over Iraq.", date(2003, 3, 10),
     "ACCUSE", "FRA", "USA", {"source": "president"}),
    ("consult-putin-as-premier", "Vladimir Putin met Angela Merkel in Sochi.", date(2010, 6, 1),
     "CONSULT", "DEU", "RUS", {"target": "prime minister"}),
    # one person, two countries: the article's date decides
    ("consult-carney-as-bank-governor", "Mark Carney met Emmanuel Macron in Paris.", date(2016, 6, 1),
     "CONSULT", "GBR", "FRA", {"source": "central bank"}),
    ("consult-carney-as-premier", "Mark Carney met Emmanuel Macron in Paris.", date(2025, 6, 1),
     "CONSULT", "CAN", "FRA", {"source": "prime minister"}),
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _matches(e: Event, kind: str, src: str, tgt: str, roles: dict[str, str]) -> bool:
    if e.event_type != kind or e.source is None or e.target is None:
        return False
    if (e.source.country, e.target.country) != (src, tgt):
        return False
    return all(getattr(e, side).role == role for side, role in roles.items())


@pytest.mark.parametrize(("case_id", "text", "published", "kind", "src", "tgt", "roles"), CASES,
                         ids=[c[0] for c in CASES])
def test_older_leaders(coder: Coder, case_id: str, text: str, published: date, kind: str, src: str, tgt: str,
                       roles: dict[str, str]) -> None:
    events = coder.code_text(text, doc_id=case_id, published=published)
    produced = [(e.event_type, e.source and (e.source.country, e.source.role),
                 e.target and (e.target.country, e.target.role)) for e in events]
    assert any(_matches(e, kind, src, tgt, roles) for e in events), f"{case_id}: {produced}"


def test_without_a_date_the_entry_applies(coder: Coder) -> None:
    # no publication date: Carney is coded as the entry says (Canada's prime minister)
    events = coder.code_text("Mark Carney met Emmanuel Macron in Paris.", doc_id="undated")
    assert any(e.source is not None and e.source.country == "CAN" for e in events)
