"""`--format text`: one line per side of a finding, `path:line:col: severity rule message`, as
ruff and compilers print, so editors and terminals can jump to it. In colour on a terminal
(`NO_COLOR` turns it off, `FORCE_COLOR` on), as ruff does."""

from __future__ import annotations

import os
import sys

from ..models import Report
from ..words import language_of, message, words

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

    code = language_of(report)
    w = words(code)
    out = []
    # The severity and the rule stay as tools read them; the message is in the report's language.
    for f in report.findings:
        said = " ".join(message(f, code).split())
        for e in f.evidence:
            says = w.says.format(value=repr(" ".join(e.value.split())))
            out.append(f"{tint(f'{e.path}:{e.line}:{e.column}:', BOLD)} {tint(f.severity.value, COLOURS[f.severity.value])} "
                       f"{f.rule} {said} [{says}; {w.confidence} {f.confidence:.2f}; id {f.id}]")
    for a in report.unchecked:
        out.append(f"{a.path}:1:1: error {w.could_not}: {'; '.join(a.errors)}")
    quiet = [template.format(n=n) for n, template in ((report.suppressed, w.suppressed), (report.baselined, w.baselined)) if n]
    out.append(w.line_total.format(findings=len(report.findings), articles=len(report.articles))
               + (f" ({w.not_shown.format(what=', '.join(quiet))})" if quiet else ""))
    return "\n".join(out) + "\n"
