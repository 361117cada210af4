"""Human-readable account of how the coder read an article: actors, triggers, and each decision."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .coder import CodeResult


def explain_result(result: CodeResult, only: set[int] | None = None) -> str:
    """Per sentence: the actors found, the triggers considered and why each became an event or not."""
    lines: list[str] = []
    art = result.article
    lines.append(f"# {art.id}" + (f" — {art.title}" if art.title else ""))
    pub = result.published.isoformat() if result.published else "unknown"
    lines.append(f"published: {pub}; {len(result.sentences)} sentences; {len(result.events)} events")
    for w in result.warnings:
        lines.append(f"warning: {w}")
    event_of: dict[tuple[int, str], str] = {}
    for ev in result.events:
        for m in ev.mentions:
            event_of[(m.sentence, m.trigger)] = ev.id[:8]
    for s in result.sentences:
        if only is not None and s.index not in only:
            continue
        lines.append("")
        lines.append(f"[{s.index}] ({s.kind}) {s.text}")
        actors = result.actors.actors_in(s.index)
        if actors:
            shown = ", ".join(
                f"{r.actor.text!r}={r.actor.country or '?'}/{r.actor.sector or '-'} ({r.rule})" for r in actors
            )
            lines.append(f"  actors: {shown}")
        cands = [c for c in result.candidates if c.sent == s.index]
        if not cands:
            lines.append("  triggers: none")
        for c in cands:
            src = c.source.actor.country if c.source and c.source.actor.country else "?"
            tgt = c.target.actor.country if c.target and c.target.actor.country else "?"
            head = f"  trigger '{c.trigger_text}' -> {c.event_type}/{c.mode or '-'} {c.status} {src}->{tgt}"
            if c.emitted:
                ev_id = event_of.get((s.index, c.trigger_text))
                head += f"  => EVENT {ev_id}" if ev_id else "  => merged/dropped"
            else:
                head += f"  => not an event: {c.reason}"
            lines.append(head)
            for n in c.notes:
                lines.append(f"      · {n}")
    return "\n".join(lines)
