"""`--format github`: GitHub Actions workflow commands, one annotation per side of a finding,
so each article shows the finding on its own line in the pull request."""

from __future__ import annotations

from ..models import Report
from ..words import language_of, message, words

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, in_property: bool = False) -> str:
    """Workflow-command escaping: %, CR and LF always; in a property also ':' and ','."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def render(report: Report) -> str:
    code = language_of(report)
    w = words(code)
    out = []
    for f in report.findings:
        said = message(f, code)
        for e in f.evidence:
            title = _escape(f"factcheck {f.rule}: {f.subject}", True)
            out.append(f"::{LEVEL[f.severity.value]} file={_escape(e.path, True)},line={e.line},col={e.column},"
                       f"title={title}::{_escape(said)} ({_escape(w.says.format(value=repr(e.value)))})")
    for a in report.unchecked:
        out.append(f"::error file={_escape(a.path, True)},title=factcheck%3A not checked::{_escape('; '.join(a.errors))}")
    return "\n".join(out) + ("\n" if out else "")
