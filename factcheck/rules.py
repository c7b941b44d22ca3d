"""Rules are data: one YAML file per rule under rules/checks/, validated on load. A bad rule
file is reported with its path and line, and the other rules still run."""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Literal

from .checked import Between, Length, Matches, OneOf, Strict
from .datafile import DataFileError, load_model
from .models import ClaimSource, Severity

COMPARATORS = ("date", "person", "office", "text", "venue", "number", "weekday")
# What extraction gives claims for (models.Claim.attribute): a rule on anything else could never fire.
ATTRIBUTES = ("date", "presenter", "title", "category", "location", "quantity", "weekday")
# The placeholders a rule's message may use, by scope.
PLACEHOLDERS = {"event": {"subject", "values", "unit"}, "person": {"subject", "values", "unit"},
                "article": {"written", "date", "actual"}}


@dataclass(kw_only=True, eq=False)
class Examples(Strict):
    conflict: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class RuleCase(Strict):
    """An executable case (as sqlfluff's YAML test cases): short articles, and whether the rule
    must report a conflict among them (`conflict`) or must stay silent (`none`)."""

    name: Annotated[str, Matches(r"[a-z0-9][a-z0-9_-]*")]
    articles: Annotated[dict[str, str], Length(1)]
    expect: Literal["conflict", "none"]
    severity: Severity | None = None  # the severity a conflict must have (default: warning or error)


@dataclass(kw_only=True, eq=False)
class Rule(Strict):
    id: Annotated[str, Matches(r"[a-z][a-z0-9_-]*")]
    extends: Literal["conflict", "consistency"]
    attribute: str
    description: str
    scope: Literal["event", "person", "article"]
    compare: Annotated[str, OneOf(*COMPARATORS)]
    within_article: bool = False
    per_recipient: bool = False
    # Two articles agree when any value of one matches any of the other (joint presenters: "X
    # bersama Y" agrees with "X"); otherwise every differing pair is a conflict.
    agree_if_any: bool = False
    # When a value one article states is also stated by the other, is the pair no conflict?
    # "either": a date the other article also gives is its event date, and the article's other
    # date is about something else (a caption, another stage). "both": only when each article
    # also states the other's value (a count before and after, written by both). "any": once the
    # two articles give one value alike, none of their other values conflicts (two lists of bonus
    # amounts that share the gold medal's are amounts of different medals).
    shared_value: Literal["either", "both", "any"] = "both"
    # Numbers only: a figure that is the sum of two or more figures of the same unit in either
    # article is their total ("Rp11,3 triliun" = "Rp4,2 triliun" for land + "Rp7,1 triliun"),
    # not a conflicting figure.
    totals: bool = False
    # Two values that a third, in any report of the group, fits both of are one thing described
    # at two levels ("Grha Sanusi Hardjadinata" and "Kampus Unpad Dipatiukur", which "Graha Sanusi
    # Hardjadinata Unpad, Jalan Dipatiukur" joins); only for comparisons of containment (venues).
    third_reconciles: bool = False
    # Where claims must have been read for a pair to be a warning or an error (models.ClaimSource
    # values; empty: anywhere). Other pairs are info. Dates inside one article: news dates earlier
    # stages, other rounds and background in other sentences, so only the act's own dates count.
    strong_sources: list[str] = field(default_factory=list)
    within_article_sources: list[str] = field(default_factory=list)
    level: Severity = Severity.error
    uncertain_level: Severity = Severity.warning
    # Numbers only: the most a pair of figures gets when neither could be the other mistyped
    # (normalise.looks_like_slip); such counts are most often of different things.
    unlike_slip_level: Severity | None = None
    message: str
    examples: Examples = Examples()
    cases: list[RuleCase] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class GroupingConfig(Strict):
    same_occurrence_days: Annotated[int, Between(0)] = 45
    # A blocking key shared by more articles than this ties none of them (group.candidate_pairs).
    max_key_articles: Annotated[int, Between(2)] = 50
    confidence: dict[str, float] = field(default_factory=dict)
    # How much a claim is worth by where it was read (models.ClaimSource), and the least worth
    # both sides of a finding need for each severity.
    claim_confidence: dict[str, float] = field(default_factory=dict)
    error_needs: Annotated[float, Between(0, 1)] = 0.9
    warning_needs: Annotated[float, Between(0, 1)] = 0.5
    occurrence_needs: Annotated[float, Between(0, 1)] = 0.0

    def conf(self, name: str, default: float) -> float:
        return self.confidence.get(name, default)

    def claim_worth(self, source: str) -> float:
        return self.claim_confidence.get(source, 1.0)


def _line_of(path: Path, field: str) -> int:
    """The line where `field:` is written in a rule file (1 when it cannot be found)."""
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(f"{field}:"):
                return n
    except (OSError, UnicodeError):
        pass
    return 1


def rule_problems(rule: Rule, path: Path) -> list[str]:
    """What in a rule that passed its schema still could not run: each as `path:line: why`."""
    problems = []
    if rule.attribute not in ATTRIBUTES:
        problems.append(f"{path}:{_line_of(path, 'attribute')}: attribute {rule.attribute!r} is not one factcheck "
                        f"extracts ({', '.join(ATTRIBUTES)})")
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name is not None}
    except ValueError as exc:
        problems.append(f"{path}:{_line_of(path, 'message')}: message is not a valid template: {exc}")
        used = set()
    unknown = sorted(used - PLACEHOLDERS[rule.scope])
    if unknown:
        problems.append(f"{path}:{_line_of(path, 'message')}: message uses unknown placeholder(s) "
                        f"{', '.join('{' + u + '}' for u in unknown)}; a {rule.scope} rule may use "
                        f"{', '.join('{' + k + '}' for k in sorted(PLACEHOLDERS[rule.scope]))}")
    known_sources = {s.value for s in ClaimSource}
    for name in ("strong_sources", "within_article_sources"):
        unknown_sources = sorted(set(getattr(rule, name)) - known_sources)
        if unknown_sources:
            problems.append(f"{path}:{_line_of(path, name)}: {name} names unknown source(s) {', '.join(unknown_sources)} "
                            f"(sources: {', '.join(sorted(known_sources))})")
    if (rule.scope == "article") != (rule.compare == "weekday"):
        problems.append(f"{path}:{_line_of(path, 'compare')}: compare 'weekday' goes with scope 'article', and only it")
    if rule.unlike_slip_level is not None and rule.compare != "number":
        problems.append(f"{path}:{_line_of(path, 'unlike_slip_level')}: unlike_slip_level goes with compare 'number' only")
    return problems


@dataclass(frozen=True)
class RuleSelection:
    """Which rules run, and at what level: extra rule folders (each holding rule files, added to
    the shipped rules), `select` (only these ids), `ignore` (not these) and new levels by id."""

    extra_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    def apply(self, rules: list[Rule]) -> tuple[list[Rule], list[str]]:
        known = {r.id for r in rules}
        errors = [f"configuration names no such rule {rid!r} in {field} (rules: {', '.join(sorted(known))})"
                  for field, ids in (("select", self.select), ("ignore", self.ignore),
                                     ("severity", tuple(r for r, _ in self.severity)))
                  for rid in ids if rid not in known]
        levels = dict(self.severity)
        chosen = [r for r in rules if (not self.select or r.id in self.select) and r.id not in self.ignore]
        out = []
        for rule in chosen:
            level = levels.get(rule.id)
            if level is not None:
                # The uncertain level never rises above the rule's own level.
                uncertain = min(rule.uncertain_level, level, key=lambda s: s.rank)
                rule = replace(rule, level=level, uncertain_level=uncertain)
            out.append(rule)
        return out, errors


def load_rules(rules_dir: Path, selection: RuleSelection | None = None) -> tuple[list[Rule], list[str]]:
    """Every rule file under rules/checks/ (and in each extra folder of the selection), and the
    errors of those that could not be used. A rules folder without a checks/ folder, or with no
    rule file in it, is an error."""
    selection = selection or RuleSelection()
    checks = rules_dir / "checks"
    files = sorted(checks.glob("*.y*ml")) if checks.is_dir() else []
    if not files:
        raise DataFileError(checks, None, "no rule files (expected rules/checks/<id>.yaml)")
    for folder in selection.extra_dirs:
        if not folder.is_dir():
            raise DataFileError(folder, None, "extra rules folder not found")
        files += sorted(folder.glob("*.y*ml"))
    rules: list[Rule] = []
    errors: list[str] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            rule = load_model(path, Rule)
        except DataFileError as exc:
            errors.append(str(exc))
            continue
        if rule.id != path.stem:
            errors.append(f"{path}:{_line_of(path, 'id')}: rule id {rule.id!r} differs from its file name {path.stem!r}")
            continue
        if rule.id in seen:
            errors.append(f"{path}:{_line_of(path, 'id')}: rule id {rule.id!r} is already defined in {seen[rule.id]}")
            continue
        problems = rule_problems(rule, path)
        if problems:
            errors += problems
            continue
        seen[rule.id] = path
        rules.append(rule)
    chosen, selection_errors = selection.apply(rules)
    return chosen, errors + selection_errors


def load_grouping(rules_dir: Path) -> GroupingConfig:
    path = rules_dir / "grouping.yaml"
    return load_model(path, GroupingConfig) if path.exists() else GroupingConfig()
