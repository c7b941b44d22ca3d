"""`factcheck claims FILE...`: each article's normalised claims, as a table or as JSON, so a
user sees why a finding came out and a developer sees why one did not."""

from __future__ import annotations

import json

from .. import typed
from ..models import ArticleClaims, ArticleSummary


def _cell(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(results: list[tuple[ArticleSummary, ArticleClaims | None]]) -> str:
    out: list[str] = []
    for summary, claims in results:
        out.append(f"== {summary.path}")
        for error in summary.errors:
            out.append(f"   not checked: {error}")
        if claims is None:
            out.append("")
            continue
        frame = claims.event
        out.append(f"   language {claims.language}; anchor date {claims.anchor or '-'}")
        if frame is not None:
            out.append(f"   event: {frame.kind} {frame.name or ''} | date {frame.date.iso() if frame.date else '-'}"
                       f" | presenter {frame.presenter or '-'} | recipients {', '.join(frame.recipients) or '-'}"
                       f" | venue {frame.location or '-'}")
        else:
            out.append("   event: none found")
        out.append(f"   {'attribute':<10} {'value':<42} {'line':>4}  {'read from':<9}  quoted words")
        for c in sorted(claims.claims, key=lambda c: (c.evidence.line, c.evidence.column, c.attribute)):
            value = f"{c.display} · {claims.people.get(c.person, c.person)}" if c.person else c.display
            out.append(f"   {c.attribute:<10} {_cell(value, 42):<42} {c.evidence.line:>4}  {c.source.value:<9}  "
                       f"{_cell(c.evidence.quote, 90)}")
        out.append("")
    return "\n".join(out)


def render_json(results: list[tuple[ArticleSummary, ArticleClaims | None]]) -> str:
    data = [{"path": s.path, "errors": list(s.errors), "warnings": list(s.warnings),
             "claims": typed.encode(c) if c is not None else None} for s, c in results]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
