"""The words of findings and reports in each language (rules/lang/<code>/report.yaml), and which
language a report is written in."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .checked import Strict
from .datafile import load_model
from .models import Finding, Phrase, Report
from .shipped import RULES_DIR


@dataclass(kw_only=True, eq=False)
class ReportWords(Strict):
    title: str
    read: str
    findings: str
    info_shown: str
    info_hidden: str
    not_checked: str
    left_out: str
    not_reported: str
    could_not: str
    rule_file: str
    check: str
    none: str
    stories: str
    story_line: str
    columns: tuple[str, str, str, str]
    verdict: str
    confidence: str
    certainty: dict[str, str]
    rule: str
    finding: str
    notes: str
    severity: dict[str, str]
    attributes: dict[str, str]
    # Why a finding is what it is (group.Relation, check): a key -> its words with {blanks}.
    reasons: dict[str, str]
    # Where a weak claim was read (models.ClaimSource values).
    sources: dict[str, str]
    weekdays: tuple[str, str, str, str, str, str, str]  # Monday first
    and_: str
    # The shipped rules' messages in this language, by rule id; a rule without one here is said
    # in the words of its rule file.
    messages: dict[str, str] = field(default_factory=dict)
    # One line per side of a finding (--format text, github): what the article says, and the total.
    says: str
    line_total: str
    not_shown: str
    suppressed: str
    baselined: str


def available(rules_dir: Path = RULES_DIR) -> list[str]:
    return sorted(d.name for d in (rules_dir / "lang").iterdir() if (d / "report.yaml").is_file())


@functools.lru_cache(maxsize=4)
def words(code: str, rules_dir: Path = RULES_DIR) -> ReportWords:
    return load_model(rules_dir / "lang" / code / "report.yaml", ReportWords)


def fill(code: str, template: str, blanks: dict[str, str]) -> str:
    """A template's blanks filled in a language: a weekday (0 = Monday) by its name, the
    sources of weak claims by their words, the rest as they are."""
    w = words(code)
    said = dict(blanks)
    if said.get("actual", "").isdigit():
        said["actual"] = w.weekdays[int(said["actual"])]
    if "sources" in said:
        said["sources"] = f" {w.and_} ".join(w.sources.get(s, s) for s in said["sources"].split(",") if s)
    return template.format_map(_Blanks(said))


class _Blanks(dict[str, str]):
    """A blank the words do not fill stays visible instead of failing the report."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def say(code: str, phrase: Phrase) -> str:
    return fill(code, words(code).reasons.get(phrase.key, phrase.key), phrase.blanks)


def say_message(code: str, template: str, blanks: dict[str, str], doubt: Phrase | None = None) -> str:
    """A rule's message in a language, ending with the reason for doubt when there is one."""
    return fill(code, template, blanks) + (f" ({say(code, doubt)})" if doubt else "")


def message(f: Finding, code: str) -> str:
    """A finding's message in a language (a rule without words in it: as JSON has it)."""
    template = words(code).messages.get(f.rule)
    if template is None or not f.message_params:
        return f.message
    return say_message(code, template, dict(f.message_params), f.doubt)


def why(f: Finding, code: str) -> str:
    """Why a finding is what it is, in a language (the English `why` for a finding made without
    its reasons as data)."""
    return "; ".join(say(code, r) for r in f.reasons) if f.reasons else f.why


def language_of(report: Report, rules_dir: Path = RULES_DIR) -> str:
    """The language asked for; unless told (or "auto"), that of most articles (Indonesian on a tie)."""
    if report.language not in (None, "auto"):
        return report.language
    known = set(available(rules_dir))
    counts = Counter(a.language for a in report.articles if a.language in known)
    return max(sorted(counts), key=lambda code: (counts[code], code == "id")) if counts else "en"
