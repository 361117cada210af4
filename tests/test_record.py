"""Tests of detente.record: the event dataclasses, their JSON round trip, the schema and event ids."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import hashlib
import json
import re
from typing import Any

import jsonschema
import pytest

from detente.errors import DetenteError, SchemaError
from detente.record import (
    EVENT_TYPES,
    STATUSES,
    Actor,
    DateSpan,
    Event,
    Location,
    Mention,
    event_id,
    event_schema,
    validate_record,
)


def make_event(**changes: Any) -> Event:
    """A complete, valid event (the EVENTS.md section 2 example), with optional field overrides."""
    ev = Event(
        id=event_id("ft-2023-06-06-blinken-china", "CONSULT|visit|planned|USA|CHN|2023-06"),
        doc_id="ft-2023-06-06-blinken-china",
        event_type="CONSULT",
        mode="visit",
        status="planned",
        context=["diplomatic"],
        source=Actor(text="Antony Blinken", name="Antony Blinken", role="secretary of state", country="USA",
                     sector="GOV"),
        target=Actor(text="China", name="China", country="CHN"),
        date=DateSpan(text="this month", start="2023-06-01", end="2023-06-30", granularity="month"),
        location=Location(text="China", name="China", country="CHN", lat=35.0, lon=105.0, geonameid=1814991),
        attribution="according to two people familiar with his plans",
        mentions=[
            Mention(sentence=0, start=0, end=41, trigger="travel to", rule="triggers.yaml:136",
                    text="Antony Blinken to travel to China this month"),
            Mention(sentence=3, start=0, end=96, trigger="will travel", rule="triggers.yaml:136"),
        ],
        plover_type="AGREE",
        cameo="036",
        quad=1,
        intensity=4.0,
        confidence=0.86,
    )
    return dataclasses.replace(ev, **changes)


def valid_dict() -> dict[str, Any]:
    return make_event().to_dict()


def rejected(d: dict[str, Any]) -> SchemaError:
    with pytest.raises(SchemaError) as info:
        validate_record(d)
    return info.value


# --------------------------------------------------------------------------------------------------
# round trip


def test_to_dict_has_the_keys_of_events_md_in_order() -> None:
    d = valid_dict()
    assert list(d) == [
        "id", "doc_id", "event_type", "mode", "status", "context", "source", "target", "date", "location",
        "attribution", "mentions", "plover_type", "cameo", "quad", "intensity", "confidence",
    ]
    assert d["source"] == {"text": "Antony Blinken", "name": "Antony Blinken", "role": "secretary of state",
                           "country": "USA", "sector": "GOV"}
    assert d["target"] == {"text": "China", "name": "China", "role": None, "country": "CHN", "sector": None}
    assert d["date"] == {"text": "this month", "start": "2023-06-01", "end": "2023-06-30", "granularity": "month"}
    assert d["mentions"][1] == {"sentence": 3, "start": 0, "end": 96, "trigger": "will travel",
                                "rule": "triggers.yaml:136", "text": ""}


def test_valid_event_validates() -> None:
    validate_record(valid_dict())


def test_round_trip_through_dict() -> None:
    ev = make_event()
    back = Event.from_dict(ev.to_dict())
    assert back == ev
    assert back.to_dict() == ev.to_dict()
    assert isinstance(back.source, Actor)
    assert isinstance(back.date, DateSpan)
    assert isinstance(back.location, Location)
    assert all(isinstance(m, Mention) for m in back.mentions)


def test_round_trip_through_json() -> None:
    ev = make_event()
    text = ev.to_json()
    assert "\n" not in text
    assert Event.from_dict(json.loads(text)) == ev


def test_round_trip_keeps_non_ascii_text() -> None:
    ev = make_event(source=Actor(text="Recep Tayyip Erdoğan", name="Recep Tayyip Erdoğan", country="TUR",
                                 sector="GOV"))
    text = ev.to_json()
    assert "Erdoğan" in text  # ensure_ascii=False: readable JSONL
    assert Event.from_dict(json.loads(text)) == ev


def test_round_trip_with_nulls() -> None:
    ev = make_event(mode=None, target=None, date=None, location=None, attribution=None, plover_type=None,
                    cameo=None, quad=None, intensity=None, context=[])
    d = ev.to_dict()
    validate_record(d)
    assert d["target"] is None
    assert d["date"] is None
    assert d["location"] is None
    assert Event.from_dict(d) == ev


def test_round_trip_with_unresolved_date() -> None:
    ev = make_event(date=DateSpan(text="on Monday"))
    d = ev.to_dict()
    assert d["date"] == {"text": "on Monday", "start": None, "end": None, "granularity": None}
    assert Event.from_dict(d) == ev


def test_extra_top_level_keys_survive_the_round_trip() -> None:
    d = valid_dict()
    d["hint"] = "for the analyst"
    ev = Event.from_dict(d)
    assert ev.extra == {"hint": "for the analyst"}
    assert ev.to_dict() == d


def test_from_dict_validates_first() -> None:
    d = valid_dict()
    d["status"] = "rumoured"
    with pytest.raises(SchemaError):
        Event.from_dict(d)


def test_from_dict_does_not_mutate_its_input() -> None:
    d = valid_dict()
    before = copy.deepcopy(d)
    Event.from_dict(d)
    assert d == before


# --------------------------------------------------------------------------------------------------
# validate_record rejects


def test_schema_error_is_a_detente_error_with_one_line() -> None:
    d = valid_dict()
    d["event_type"] = "PARLEY"
    err = rejected(d)
    assert isinstance(err, DetenteError)
    assert "\n" not in err.one_line()
    assert "event_type" in err.one_line()


@pytest.mark.parametrize("bad", ["PARLEY", "consult", "", None, 3])
def test_rejects_bad_event_type(bad: Any) -> None:
    d = valid_dict()
    d["event_type"] = bad
    assert "event_type" in str(rejected(d))


@pytest.mark.parametrize("bad", ["rumoured", "Occurred", "", None])
def test_rejects_bad_status(bad: Any) -> None:
    d = valid_dict()
    d["status"] = bad
    assert "status" in str(rejected(d))


@pytest.mark.parametrize("bad", ["2023/06/01", "June 2023", "2023-6-1", "20230601", "2023-06-01T00:00:00", ""])
@pytest.mark.parametrize("key", ["start", "end"])
def test_rejects_bad_date_format(key: str, bad: str) -> None:
    d = valid_dict()
    d["date"][key] = bad
    assert "date" in str(rejected(d))


def test_rejects_impossible_calendar_date() -> None:
    d = valid_dict()
    d["date"]["start"] = "2023-02-30"
    rejected(d)


def test_rejects_date_with_missing_or_extra_keys() -> None:
    d = valid_dict()
    del d["date"]["granularity"]
    rejected(d)
    d = valid_dict()
    d["date"]["timezone"] = "UTC"
    rejected(d)


def test_rejects_missing_mentions() -> None:
    d = valid_dict()
    del d["mentions"]
    assert "mentions" in str(rejected(d))


def test_rejects_empty_mentions() -> None:
    d = valid_dict()
    d["mentions"] = []
    assert "mentions" in str(rejected(d))


def test_rejects_bad_mention() -> None:
    for change in ({"sentence": -1}, {"trigger": None}, {"offset": 3}):
        d = valid_dict()
        d["mentions"][0].update(change)
        assert "mentions" in str(rejected(d))
    d = valid_dict()
    del d["mentions"][0]["rule"]
    rejected(d)


@pytest.mark.parametrize("side", ["source", "target"])
def test_rejects_extra_keys_in_actor(side: str) -> None:
    d = valid_dict()
    d[side]["party"] = "Democratic"
    assert side in str(rejected(d))


@pytest.mark.parametrize("side", ["source", "target"])
def test_rejects_actor_missing_a_key(side: str) -> None:
    d = valid_dict()
    del d[side]["sector"]
    rejected(d)


def test_rejects_extra_keys_in_location() -> None:
    d = valid_dict()
    d["location"]["admin1"] = "Beijing"
    rejected(d)


@pytest.mark.parametrize("key", ["id", "doc_id", "event_type", "status", "context", "source", "target", "date",
                                 "location", "confidence"])
def test_rejects_missing_required_key(key: str) -> None:
    d = valid_dict()
    del d[key]
    rejected(d)


@pytest.mark.parametrize(("key", "bad"), [
    ("id", "not-a-sha1"), ("id", "A" * 40), ("doc_id", ""), ("confidence", 1.5), ("confidence", -0.1),
    ("quad", 0), ("quad", 5), ("quad", 2.5), ("context", "diplomatic"),
])
def test_rejects_out_of_range_values(key: str, bad: Any) -> None:
    d = valid_dict()
    d[key] = bad
    rejected(d)


# --------------------------------------------------------------------------------------------------
# event ids


def test_event_id_is_deterministic_sha1() -> None:
    a = event_id("doc-1", "CONSULT|visit|planned|USA|CHN")
    assert a == event_id("doc-1", "CONSULT|visit|planned|USA|CHN")
    assert re.fullmatch(r"[0-9a-f]{40}", a)


def test_event_id_known_value() -> None:
    # a fixed value: ids must not depend on the Python process (hash seed) or version
    assert event_id("doc", "key") == hashlib.sha1(b"doc\x1fkey").hexdigest()


def test_event_id_depends_on_doc_and_key() -> None:
    ids = {event_id("doc-1", "k1"), event_id("doc-2", "k1"), event_id("doc-1", "k2")}
    assert len(ids) == 3
    # the separator keeps ("ab", "c") and ("a", "bc") apart
    assert event_id("ab", "c") != event_id("a", "bc")


def test_event_ids_are_stable_when_coding_twice() -> None:
    from detente.coder import Coder

    text = ("Peru and Ecuador sign border accord\n\n"
            "The foreign ministers of Peru and Ecuador signed a border accord in Lima on Tuesday.\n\n"
            "The Ecuadorean president will visit Lima next month, officials said.\n")
    coder = Coder()
    pub = datetime.date(2024, 4, 10)
    first = [e.id for e in coder.code_text(text, "peru-ecuador", pub)]
    second = [e.id for e in coder.code_text(text, "peru-ecuador", pub)]
    assert first == second
    other_doc = [e.id for e in coder.code_text(text, "peru-ecuador-2", pub)]
    assert not set(first) & set(other_doc)


# --------------------------------------------------------------------------------------------------
# the schema file


def test_schema_loads_and_is_a_valid_draft_2020_12_schema() -> None:
    schema = event_schema()
    assert isinstance(schema, dict)
    assert schema["$schema"].startswith("https://json-schema.org/draft/2020-12")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert event_schema() is schema  # loaded once


def test_schema_agrees_with_the_dataclasses() -> None:
    schema = event_schema()
    fields = [f.name for f in dataclasses.fields(Event) if f.name != "extra"]
    assert sorted(schema["required"]) == sorted(fields)
    assert tuple(schema["properties"]["event_type"]["enum"]) == EVENT_TYPES
    assert tuple(schema["properties"]["status"]["enum"]) == STATUSES
    actor = next(s for s in schema["$defs"]["actor"]["oneOf"] if s.get("type") == "object")
    assert sorted(actor["properties"]) == sorted(f.name for f in dataclasses.fields(Actor))
    mention = schema["properties"]["mentions"]["items"]
    assert sorted(mention["properties"]) == sorted(f.name for f in dataclasses.fields(Mention))
