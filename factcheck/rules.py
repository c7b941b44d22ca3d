"""Rules are data: one YAML file per rule under rules/checks/, validated on load. A bad rule
file is reported with its path and line, and the other rules still run."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .datafile import DataFileError, load_model
from .models import Severity

COMPARATORS = ("date", "person", "office", "text", "venue", "number", "weekday")


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conflict: list[str] = []
    same: list[str] = []


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    extends: str = Field(pattern="^(conflict|consistency)$")
    attribute: str
    description: str
    scope: str = Field(pattern="^(event|person|article)$")
    compare: str = Field(pattern="^(" + "|".join(COMPARATORS) + ")$")
    within_article: bool = False
    per_recipient: bool = False
    # Two articles agree when any value of one matches any of the other (joint presenters: "X
    # bersama Y" agrees with "X"); otherwise every differing pair is a conflict.
    agree_if_any: bool = False
    level: Severity = Severity.error
    uncertain_level: Severity = Severity.warning
    message: str
    examples: Examples = Examples()


class GroupingConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    same_occurrence_days: int = Field(default=45, ge=0)
    confidence: dict[str, float] = {}
    # How much a claim is worth by where it was read (models.ClaimSource), and the least worth
    # both sides of a finding need for each severity.
    claim_confidence: dict[str, float] = {}
    error_needs: float = Field(default=0.9, ge=0, le=1)
    warning_needs: float = Field(default=0.5, ge=0, le=1)

    def conf(self, name: str, default: float) -> float:
        return self.confidence.get(name, default)

    def claim_worth(self, source: str) -> float:
        return self.claim_confidence.get(source, 1.0)


def load_rules(rules_dir: Path) -> tuple[list[Rule], list[str]]:
    """Every rule file under rules/checks/, and the errors of those that could not be used."""
    rules, errors = [], []
    for path in sorted((rules_dir / "checks").glob("*.y*ml")):
        try:
            rule = load_model(path, Rule)
        except DataFileError as exc:
            errors.append(str(exc))
            continue
        if rule.id != path.stem:
            errors.append(f"{path}:1: rule id {rule.id!r} differs from its file name {path.stem!r}")
            continue
        rules.append(rule)
    return rules, errors


def load_grouping(rules_dir: Path) -> GroupingConfig:
    path = rules_dir / "grouping.yaml"
    return load_model(path, GroupingConfig) if path.exists() else GroupingConfig()
