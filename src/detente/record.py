"""The event record of EVENTS.md section 2, as typed dataclasses with JSON (de)serialisation."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import SchemaError

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("occurred", "planned", "cancelled", "hypothetical", "negated")
SECTORS: tuple[str, ...] = (
    "GOV", "MIL", "SPY", "LEG", "JUD", "COP", "BUS", "MED", "CVL", "OPP", "REB", "IGO",
    "EDU", "REL", "NGO", "HLH", "ELI",
)


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted upon: surface text plus resolved name, role, country and sector."""

    text: str
    name: str | None = None
    role: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class DateSpan:
    """When the action happened, as an interval; ``start``/``end`` are ISO dates or null."""

    text: str
    start: str | None = None
    end: str | None = None
    granularity: str | None = None


@dataclass(frozen=True)
class Location:
    """Where the action happened, resolved to a country and, where named, a gazetteer place."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class Mention:
    """One sentence that reports the event, with character offsets and the trigger words."""

    sentence: int
    start: int
    end: int
    trigger: str
    rule: str
    text: str = ""


@dataclass
class Event:
    """One political action between identifiable actors, reported in one article."""

    id: str
    doc_id: str
    event_type: str
    mode: str | None
    status: str
    context: list[str]
    source: Actor | None
    target: Actor | None
    date: DateSpan | None
    location: Location | None
    attribution: str | None
    mentions: list[Mention]
    plover_type: str | None
    cameo: str | None
    quad: int | None
    intensity: float | None
    confidence: float
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain JSON-ready dict, keys in the order of EVENTS.md."""
        d = asdict(self)
        extra = d.pop("extra")
        d.update(extra)
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Build an Event from a dict as produced by :meth:`to_dict` (validated first)."""
        validate_record(d)
        known = {
            "id", "doc_id", "event_type", "mode", "status", "context", "source", "target", "date",
            "location", "attribution", "mentions", "plover_type", "cameo", "quad", "intensity", "confidence",
        }

        def actor(x: Any) -> Actor | None:
            return Actor(**x) if x else None

        return cls(
            id=d["id"], doc_id=d["doc_id"], event_type=d["event_type"], mode=d.get("mode"),
            status=d["status"], context=list(d.get("context") or []),
            source=actor(d.get("source")), target=actor(d.get("target")),
            date=DateSpan(**d["date"]) if d.get("date") else None,
            location=Location(**d["location"]) if d.get("location") else None,
            attribution=d.get("attribution"),
            mentions=[Mention(**m) for m in d.get("mentions") or []],
            plover_type=d.get("plover_type"), cameo=d.get("cameo"), quad=d.get("quad"),
            intensity=d.get("intensity"), confidence=float(d.get("confidence", 0.0)),
            extra={k: v for k, v in d.items() if k not in known},
        )


def event_id(doc_id: str, key: str) -> str:
    """The stable id of an event: sha1 of the doc id and the event's canonical key."""
    return hashlib.sha1(f"{doc_id}\x1f{key}".encode()).hexdigest()


@lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    """The JSON Schema of one event record, shipped as ``detente/data/event.schema.json``."""
    text = resources.files("detente").joinpath("data/event.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_record(d: dict[str, Any]) -> None:
    """Raise :class:`SchemaError` if ``d`` is not a valid event record."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(event_schema(),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(d), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.path) or "(record)"
        raise SchemaError(f"event record invalid at {where}: {e.message}")
