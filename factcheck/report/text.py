"""`--format text`: one line per side of a finding, `path:line:col: severity rule message`, as
ruff and compilers print, so editors and terminals can jump to it. In colour on a terminal
(`NO_COLOR` turns it off, `FORCE_COLOR` on), as ruff does."""

from __future__ import annotations

import os
import sys

from ..models import Report

COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"


def _colour() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def render(report: Report) -> str:
    paint = _colour()

    def tint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if paint else text

    out = []
    for f in report.findings:
        for e in f.evidence:
            out.append(f"{tint(f'{e.path}:{e.line}:{e.column}:', BOLD)} {tint(f.severity.value, COLOURS[f.severity.value])} "
                       f"{f.rule} {' '.join(f.message.split())} "
                       f"[says {' '.join(e.value.split())!r}; confidence {f.confidence:.2f}; id {f.id}]")
    for a in report.unchecked:
        out.append(f"{a.path}:1:1: error input not checked: {'; '.join(a.errors)}")
    quiet = [f"{n} {what}" for n, what in ((report.suppressed, "suppressed"), (report.baselined, "in the baseline")) if n]
    out.append(f"{len(report.findings)} finding(s) in {len(report.articles)} article(s)"
               + (f" ({', '.join(quiet)} not shown)" if quiet else ""))
    return "\n".join(out) + "\n"
