"""The machine-readable report (`--format json`): stable key order, sorted findings."""

from __future__ import annotations

import json

from .. import typed
from ..models import Report


def render(report: Report) -> str:
    data = {
        "version": report.version,
        "articles": [
            {"path": a.path, "claims": a.claims, "errors": list(a.errors), "warnings": list(a.warnings),
             "language": a.language, "noise_lines": a.noise_lines, "headline": a.headline, "outlet": a.outlet,
             "published": a.published.isoformat() if a.published else None}
            for a in report.articles
        ],
        "findings": [
            {"id": f.id, "rule": f.rule, "attribute": f.attribute, "severity": f.severity.value, "subject": f.subject,
             "message": f.message, "why": f.why, "confidence": f.confidence, "certainty": f.certainty,
             "message_params": dict(f.message_params), "reasons": [{"key": r.key, **r.blanks} for r in f.reasons],
             "evidence": [typed.encode(e) for e in f.evidence]}
            for f in report.findings
        ],
        "hidden_info": report.hidden_info,
        "suppressed": report.suppressed,
        "baselined": report.baselined,
        "rule_errors": list(report.rule_errors),
        "check_errors": list(report.check_errors),
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
