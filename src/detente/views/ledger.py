"""The engagement ledger of a dyad: its high-level engagements with their lifecycle, newest first.

Engagements are the dicts of ``detente.engagements.build_engagements`` (one per real-world engagement,
merged over every article that reports it). Each gets a lifecycle: ``held`` (it took place), ``planned``,
``proposed`` (only mooted: "could meet"), ``cancelled`` (called off or postponed), ``not held`` (reported as
not taking place) or ``refused`` (one side declined it: a REJECT of a meeting).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .common import check_range, to_date

LIFECYCLE: dict[str, str] = {
    "occurred": "held", "planned": "planned", "hypothetical": "proposed", "cancelled": "cancelled",
    "negated": "not held",
}


def lifecycle(event_type: str | None, status: str | None) -> str:
    """The lifecycle word of an engagement (or of one step of its history)."""
    if event_type == "REJECT" and status == "occurred":
        return "refused"
    return LIFECYCLE.get(str(status), str(status))


@dataclass(frozen=True)
class Step:
    """One report in an engagement's history: what status it gave, when it was published."""

    lifecycle: str
    published: date | None
    doc_id: str
    event_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"lifecycle": self.lifecycle, "published": self.published.isoformat() if self.published else None,
                "doc_id": self.doc_id, "event_id": self.event_id}


@dataclass
class LedgerEntry:
    """One engagement as a ledger line."""

    id: str
    event_type: str
    mode: str | None
    direction: str
    who: str
    lifecycle: str
    status: str
    date_start: date | None
    date_end: date | None
    location: str
    first_reported: date | None
    last_reported: date | None
    reports: int
    history: list[Step] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # the lifecycle as it unfolded (engagements.py's reading)

    @property
    def when(self) -> date | None:
        """The date the ledger sorts on: the engagement's own date, else its last report."""
        return self.date_start or self.last_reported or self.first_reported

    def path(self) -> str:
        """The lifecycle as it unfolded: ``planned → cancelled → planned → held``."""
        if self.steps:
            return " → ".join(self.steps)
        steps: list[str] = []
        for s in self.history:
            if not steps or steps[-1] != s.lifecycle:
                steps.append(s.lifecycle)
        return " → ".join(steps) if steps else self.lifecycle

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_type": self.event_type, "mode": self.mode, "direction": self.direction,
                "who": self.who, "lifecycle": self.lifecycle, "status": self.status, "path": self.path(),
                "date_start": _iso(self.date_start), "date_end": _iso(self.date_end), "location": self.location,
                "first_reported": _iso(self.first_reported), "last_reported": _iso(self.last_reported),
                "reports": self.reports, "history": [s.to_dict() for s in self.history]}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _location(value: Any) -> str:
    if isinstance(value, dict):
        name = value.get("name") or value.get("text") or ""
        country = value.get("country")
        return f"{name} ({country})" if name and country else str(name or country or "")
    return str(value) if value else ""


def _names(value: Any) -> str:
    if isinstance(value, dict):
        parts = [_names(value.get(k)) for k in ("source", "target")]
        return " – ".join(p for p in parts if p)
    if isinstance(value, list | tuple):
        return " – ".join(str(v) for v in value if v)
    return str(value) if value else ""


def entry(eng: dict[str, Any]) -> LedgerEntry:
    """A LedgerEntry from one engagement dict."""
    when = eng.get("date") or {}
    history = []
    for h in sorted(eng.get("history") or [], key=lambda h: (str(h.get("published") or ""), str(h.get("date")))):
        history.append(Step(lifecycle(eng.get("event_type"), h.get("status")), to_date(h.get("published")),
                            str(h.get("doc_id") or ""), str(h.get("event_id") or "")))
    reports = eng.get("reports")
    n = reports if isinstance(reports, int) else len(reports) if isinstance(reports, list) else len(history)
    mode = eng.get("mode")
    from ..engagements import engagement_lifecycle

    steps = [lifecycle(eng.get("event_type"), st) for st in engagement_lifecycle(eng)]
    return LedgerEntry(
        id=str(eng.get("id")), event_type=str(eng.get("event_type")), mode=mode if mode else None,
        direction=f"{eng.get('source')}→{eng.get('target')}", who=_names(eng.get("names")),
        lifecycle=lifecycle(eng.get("event_type"), eng.get("status")), status=str(eng.get("status")),
        date_start=to_date(when.get("start")), date_end=to_date(when.get("end")),
        location=_location(eng.get("location")), first_reported=to_date(eng.get("first_reported")),
        last_reported=to_date(eng.get("last_reported")), reports=n, history=history, steps=steps)


def is_high_level(eng: dict[str, Any], contact_types: frozenset[str], refusal_types: frozenset[str],
                  refusal_modes: frozenset[str]) -> bool:
    """A contact (meeting, call, agreement ...) naming at least one person or body, or a refused contact."""
    etype = eng.get("event_type")
    if etype in refusal_types and (not refusal_modes or eng.get("mode") in refusal_modes):
        return True
    return etype in contact_types and bool(eng.get("names"))


def ledger(engagements: list[dict[str, Any]], a: str, b: str, since: date | None = None,
           until: date | None = None, everything: bool = False) -> list[LedgerEntry]:
    """The dyad's high-level engagements (either direction), newest first; since/until filter on their date.

    High-level: contacts (the ``contact_types`` of ``channels.yaml``) that name their principals, and refused
    contacts; ``everything`` keeps every engagement (accusations, sanctions, unnamed contacts ...).
    """
    from .channels import load_channels

    check_range(since, until)
    cfg = load_channels()
    out = []
    for eng in engagements:
        if {eng.get("source"), eng.get("target")} != {a, b}:
            continue
        if not everything and not is_high_level(eng, cfg.contact_types, cfg.refusal_types, cfg.refusal_modes):
            continue
        e = entry(eng)
        w = e.when
        if w is None or (since is not None and w < since) or (until is not None and w > until):
            continue
        out.append(e)
    out.sort(key=lambda e: (e.when or date.min, e.last_reported or date.min, e.id), reverse=True)
    return out
