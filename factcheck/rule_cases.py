"""`factcheck test-rules`: run every rule's cases through the whole pipeline, as an editor's
articles would go, and say which case does not hold. A rule whose cases fail is a failing test."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .models import Severity
from .pipeline import RunOptions, run
from .rules import Rule, RuleCase, RuleSelection, load_rules


@dataclass(frozen=True)
class CaseResult:
    rule: str
    case: str
    passed: bool
    detail: str


def run_case(rule: Rule, case: RuleCase, rules_dir: Path, selection: RuleSelection | None = None) -> CaseResult:
    with tempfile.TemporaryDirectory(prefix="factcheck-case-") as temp:
        folder = Path(temp)
        for name, text in case.articles.items():
            (folder / Path(name).name).write_text(text, encoding="utf-8")
        report = run([folder], RunOptions(rules_dir=rules_dir, rules=selection or RuleSelection()))
    # A case that names a severity wants exactly it (info too); otherwise info is no finding.
    fired = [f for f in report.findings if f.rule == rule.id
             and (f.severity == case.severity if case.severity is not None else f.severity != Severity.info)]
    problems = [f"{a.path.rsplit('/', 1)[-1]}: {'; '.join(a.errors)}" for a in report.unchecked]
    if problems:
        return CaseResult(rule.id, case.name, False, "articles not checked: " + " | ".join(problems))
    if case.expect == "conflict" and not fired:
        shown = [f"{f.rule}/{f.severity.value}" for f in report.findings]
        return CaseResult(rule.id, case.name, False, f"expected a {case.severity.value if case.severity else 'warning or error'} "
                                                     f"of {rule.id}, got {', '.join(shown) or 'no finding'}")
    if case.expect == "none" and fired:
        return CaseResult(rule.id, case.name, False, "expected no finding, got: " + " | ".join(f.message for f in fired))
    return CaseResult(rule.id, case.name, True, fired[0].message if fired else "no finding, as expected")


def run_all(rules_dir: Path, only: set[str] | None = None,
            selection: RuleSelection | None = None) -> tuple[list[CaseResult], list[str]]:
    rules, errors = load_rules(rules_dir, selection)
    results = [run_case(rule, case, rules_dir, selection) for rule in rules if only is None or rule.id in only for case in rule.cases]
    return results, errors
