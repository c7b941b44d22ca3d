"""The report an editor reads: a summary, the stories with findings (one line each, worst
first), then each story's findings with a side-by-side table (article, what it says, line, the
quoted words) and the verdict in words. Every word comes from rules/lang/<code>/report.yaml."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from .. import patterns
from ..models import ArticleSummary, Finding, Report
from ..words import language_of, message, why, words

ORDER = {"error": 0, "warning": 1, "info": 2}
ISO_DATE = patterns.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _cell(text: str, limit: int = 140) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inline(text: str) -> str:
    """One line of report text, whatever a file name or an error message holds."""
    return " ".join(text.split())


def _code(text: str) -> str:
    return _inline(text).replace("`", "'")


def _editor_dates(text: str) -> str:
    """2024-09-12 as an editor writes it: 12/9/2024."""
    return ISO_DATE.sub(lambda m: f"{int(m.group(3))}/{int(m.group(2))}/{m.group(1)}", text)


def _article(path: str, known: dict[str, ArticleSummary]) -> str:
    """"Headline" (outlet, 12/9/2024), then the file: how an editor finds the article."""
    summary = known.get(path)
    name = PurePath(path).name
    if summary is None or not summary.headline:
        return _cell(name)
    about = ", ".join(x for x in (summary.outlet, summary.published and _editor_dates(summary.published.isoformat())) if x)
    return _cell(f"“{_cell(summary.headline, 70)}”" + (f" ({about})" if about else "") + f" · {name}", 160)


def _verdict(f: Finding, code: str) -> str:
    """How sure the finding is and why, in the report's language (the English `why` for a
    finding made without its reasons as data)."""
    w = words(code)
    sure = f"{w.certainty[f.certainty]} ({w.confidence} {f.confidence:.2f})" if f.certainty in w.certainty \
        else f"{w.confidence} {f.confidence:.2f}"
    return f"{sure}; {_editor_dates(why(f, code))}"


def render(report: Report) -> str:
    code = language_of(report)
    w = words(code)
    counts = Counter(f.severity.value for f in report.findings)
    claims = sum(a.claims for a in report.articles)
    broken = [a for a in report.articles if a.errors]
    out = [f"# {w.title}", ""]
    out.append("- " + w.read.format(read=len(report.articles) - len(broken), total=len(report.articles), claims=claims))
    hidden = w.info_hidden.format(n=report.hidden_info) if report.hidden_info else ""
    shown_info = w.info_shown.format(n=counts["info"]) if counts.get("info") else ""
    out.append("- " + w.findings.format(errors=counts.get("error", 0), warnings=counts.get("warning", 0)) + shown_info + hidden)
    if broken:
        out.append("- " + w.not_checked.format(n=len(broken)))
    if report.skipped:
        out.append("- " + w.left_out.format(n=len(report.skipped)))
    if report.suppressed or report.baselined:
        out.append("- " + w.not_reported.format(suppressed=report.suppressed, baselined=report.baselined))
    out.append("")
    if report.rule_errors or broken or report.check_errors:
        out += [f"## {w.could_not}", ""]
        out += [f"- {w.rule_file}: {_inline(e)}" for e in report.rule_errors]
        out += [f"- {w.check}: {_inline(e)}" for e in report.check_errors]
        out += [f"- `{_code(a.path)}`: {_inline('; '.join(a.errors))}" for a in broken]
        out.append("")
    warned = [a for a in report.articles if a.warnings and not a.errors]
    if not report.findings:
        out += [w.none, ""]
    # One story per subject, worst first; inside a story the findings keep the report's order.
    stories: dict[str, list[Finding]] = {}
    for f in report.findings:
        stories.setdefault(f.subject, []).append(f)
    ranked = sorted(stories.items(), key=lambda item: (min(ORDER[f.severity.value] for f in item[1]), -len(item[1]), item[0]))
    if ranked:
        out += [f"## {w.stories}", ""]
        for n, (subject, found) in enumerate(ranked, 1):
            worst = min((f.severity.value for f in found), key=ORDER.__getitem__)
            attributes = ", ".join(dict.fromkeys(w.attributes.get(f.attribute, f.attribute) for f in found))
            out.append(f"{n}. " + w.story_line.format(severity=w.severity[worst], subject=_editor_dates(_inline(subject)),
                                                          attributes=attributes))
        out.append("")
    known = {a.path: a for a in report.articles}
    number = 0
    for subject, found in ranked:
        out += [f"## {_editor_dates(_inline(subject))}", ""]
        for f in found:
            number += 1
            out.append(f"### {number}. {w.severity[f.severity.value]} · {w.attributes.get(f.attribute, f.attribute)}")
            out.append("")
            out.append(_editor_dates(message(f, code)))
            out.append("")
            out.append("| " + " | ".join(w.columns) + " |")
            out.append("|---|---|---|---|")
            for e in f.evidence:
                said = e.value + (f" (= {_editor_dates(e.means)})" if e.means else "")
                out.append(f"| {_article(e.path, known)} | {_cell(said, 60)} | {e.line} | {_cell(e.quote)} |")
            out.append("")
            out.append(f"**{w.verdict}:** {w.severity[f.severity.value].lower()}: {_verdict(f, code)}.  ")
            out.append(f"{w.rule} `{f.rule}` · {w.finding} `{f.id}`")
            out.append("")
    if warned:
        out += [f"## {w.notes}", ""]
        out += [f"- `{_code(a.path)}`: {_inline('; '.join(a.warnings))}" for a in warned]
        out.append("")
    return "\n".join(out)
