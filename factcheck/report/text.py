"""`--format text`: one line per side of a finding, `path:line:col: severity rule message`, as
ruff and compilers print, so editors and terminals can jump to it."""

from __future__ import annotations

from ..models import Report


def render(report: Report) -> str:
    out = []
    for f in report.findings:
        for e in f.evidence:
            out.append(f"{e.path}:{e.line}:{e.column}: {f.severity.value} {f.rule} {' '.join(f.message.split())} "
                       f"[says {' '.join(e.value.split())!r}; confidence {f.confidence:.2f}; id {f.id}]")
    for a in report.unchecked:
        out.append(f"{a.path}:1:1: error input not checked: {'; '.join(a.errors)}")
    quiet = [f"{n} {what}" for n, what in ((report.suppressed, "suppressed"), (report.baselined, "in the baseline")) if n]
    out.append(f"{len(report.findings)} finding(s) in {len(report.articles)} article(s)"
               + (f" ({', '.join(quiet)} not shown)" if quiet else ""))
    return "\n".join(out) + "\n"
