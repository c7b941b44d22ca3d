"""The words of the report in each language (rules/lang/<code>/report.yaml), and which
language a report is written in."""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..datafile import load_model
from ..lexicon import RULES_DIR
from ..models import Report


class ReportWords(BaseModel):
    model_config = ConfigDict(extra="forbid")

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


def available(rules_dir: Path = RULES_DIR) -> list[str]:
    return sorted(d.name for d in (rules_dir / "lang").iterdir() if (d / "report.yaml").is_file())


@functools.lru_cache(maxsize=4)
def words(code: str, rules_dir: Path = RULES_DIR) -> ReportWords:
    return load_model(rules_dir / "lang" / code / "report.yaml", ReportWords)


def language_of(report: Report, rules_dir: Path = RULES_DIR) -> str:
    """The language asked for (English unless told); "auto": that of most articles."""
    if report.language != "auto":
        return report.language or "en"
    counts = Counter(a.language for a in report.articles if a.language in available(rules_dir))
    return max(sorted(counts), key=lambda code: (counts[code], code == "id")) if counts else "en"
