"""`--format sarif`: SARIF 2.1.0, for code-scanning dashboards. One result per finding, every
side of it a location, the rules' metadata from the rule files, and the finding id as a
partial fingerprint (so a dashboard follows a finding across runs)."""

from __future__ import annotations

import json
from pathlib import PurePath

from .. import __version__
from ..models import Finding, Report
from ..words import language_of, message, why, words

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return PurePath(path.split("#")[0]).as_posix()


def _why_sure(f: Finding, code: str) -> str:
    """The grounds and the certainty; the reason for doubt is in the message already."""
    sure = words(code).certainty.get(f.certainty or "")
    grounds = why(f, code) if f.doubt is None else ""
    return ": ".join(x for x in (grounds, sure) if x) if f.reasons else f.why


def render(report: Report) -> str:
    code = language_of(report)
    w = words(code)
    described = {r.id: r for r in report.rules}  # the rules that ran, from their rule files
    driver_rules = []
    for rule_id in sorted({f.rule for f in report.findings} | set(described)):
        rule = described.get(rule_id)
        text = rule.description if rule else rule_id
        entry: dict = {"id": rule_id, "name": rule_id, "shortDescription": {"text": text.split(". ")[0].rstrip(".")},
                       "fullDescription": {"text": text},
                       "help": {"text": f"{text} Run 'factcheck explain {rule_id}' for its levels, examples and cases."}}
        if rule:
            entry["defaultConfiguration"] = {"level": LEVEL[rule.level.value]}
            entry["properties"] = {"attribute": rule.attribute, "scope": rule.scope}
        driver_rules.append(entry)
    index = {r["id"]: n for n, r in enumerate(driver_rules)}
    results = []
    for f in report.findings:
        locations = [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)},
                                           "region": {"startLine": e.line, "startColumn": e.column,
                                                      "snippet": {"text": e.quote}}},
                      "message": {"text": w.says.format(value=repr(e.value))}} for e in f.evidence]
        results.append({"ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVEL[f.severity.value],
                        "message": {"text": f"{' '.join(message(f, code).split())} ({_why_sure(f, code)})"},
                        "locations": locations,
                        "partialFingerprints": {"factcheck/v1": f.id},
                        "properties": {"confidence": f.confidence, "subject": f.subject}})
    notifications = [{"level": "error", "message": {"text": f"{a.path}: {w.could_not}: {'; '.join(a.errors)}"}}
                     for a in report.unchecked]
    run = {"tool": {"driver": {"name": "factcheck", "version": __version__, "informationUri":
                               "https://pypi.org/project/newsroom-factcheck/", "rules": driver_rules}},
           "results": results,
           "invocations": [{"executionSuccessful": not report.unchecked, "toolExecutionNotifications": notifications}]}
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
