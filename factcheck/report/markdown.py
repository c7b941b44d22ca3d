"""The report an editor reads: a summary, then one section per subject with a side-by-side
table (article, what it says, line, the quoted words) and the verdict with its why."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from ..models import Report

ICON = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _cell(text: str, limit: int = 140) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inline(text: str) -> str:
    """One line of report text, whatever a file name or an error message holds."""
    return " ".join(text.split())


def _code(text: str) -> str:
    return _inline(text).replace("`", "'")


def render(report: Report) -> str:
    counts = Counter(f.severity.value for f in report.findings)
    claims = sum(a.claims for a in report.articles)
    broken = [a for a in report.articles if a.errors]
    out = ["# factcheck report", ""]
    out.append(f"- Articles read: {len(report.articles) - len(broken)} of {len(report.articles)}; claims extracted: {claims}")
    hidden = f"; {report.hidden_info} info finding(s) on weak evidence not shown (--show info)" if report.hidden_info else ""
    shown_info = f", {counts['info']} info" if counts.get("info") else ""
    out.append(f"- Findings: {counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s){shown_info}{hidden}")
    if broken:
        out.append(f"- Not checked: {len(broken)} input(s), listed under \"Could not be used\"")
    if report.skipped:
        out.append(f"- Left out: {len(report.skipped)} file(s) that are not articles or were excluded")
    if report.suppressed or report.baselined:
        out.append(f"- Not reported: {report.suppressed} finding(s) suppressed (factcheck: ignore, or by id), "
                   f"{report.baselined} in the baseline")
    out.append("")
    if report.rule_errors or broken or report.check_errors:
        out += ["## Could not be used", ""]
        out += [f"- rule file: {_inline(e)}" for e in report.rule_errors]
        out += [f"- check: {_inline(e)}" for e in report.check_errors]
        out += [f"- `{_code(a.path)}`: {_inline('; '.join(a.errors))}" for a in broken]
        out.append("")
    warned = [a for a in report.articles if a.warnings and not a.errors]
    if not report.findings:
        out += ["No conflicting facts found.", ""]
    for n, f in enumerate(report.findings, 1):
        out.append(f"## {n}. {ICON[f.severity.value]} · {f.attribute} · {f.subject}")
        out.append("")
        out.append(f"{f.message}")
        out.append("")
        out.append("| Article | What it says | Line | Quoted words |")
        out.append("|---|---|---|---|")
        for e in f.evidence:
            out.append(f"| {_cell(PurePath(e.path).name)} | {_cell(e.value, 60)} | {e.line} | {_cell(e.quote)} |")
        out.append("")
        out.append(f"**Verdict:** {f.severity.value} (confidence {f.confidence:.2f}): {f.why}.  ")
        out.append(f"Rule `{f.rule}` · finding `{f.id}`")
        out.append("")
    if warned:
        out += ["## Reading notes", ""]
        out += [f"- `{_code(a.path)}`: {_inline('; '.join(a.warnings))}" for a in warned]
        out.append("")
    return "\n".join(out)
