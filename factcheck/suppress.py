"""Living with findings: inline suppression in an article and baselines of accepted findings.

In an article, on a line of its own:

    <!-- factcheck: ignore presenter -->      (or the plain-text form: factcheck: ignore presenter)
    factcheck: ignore date, quantity
    factcheck: ignore                          (every rule)
    factcheck: ignore-file                     (the whole article; rules may follow)

`ignore` silences the paragraph that follows it (up to the next blank line); a finding with any
side in a silenced place is suppressed, and the report counts it. A baseline is a file of
finding ids (`factcheck baseline FILE PATHS`): `--baseline FILE` reports only findings not in
it. Ids are computed from the rule, the subject and the quoted words, so they survive unrelated
edits and the renaming or reordering of files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from . import patterns
from .datafile import DataFileError
from .models import Article, ArticleClaims, Finding, Suppression

DIRECTIVE = patterns.compile(r"^\s*(?:<!--\s*)?factcheck:\s*(?P<kind>ignore-file|ignore)\b(?P<rules>[\w\s,-]*?)\s*(?:-->)?\s*$",
                       re.IGNORECASE)


def suppressions(article: Article) -> tuple[Suppression, ...]:
    lines = article.lines
    out: list[Suppression] = []
    for i, line in enumerate(lines):
        m = DIRECTIVE.match(line.text)
        if m is None:
            continue
        rules = tuple(sorted(r for r in re.split(r"[\s,]+", m.group("rules").strip().lower()) if r))
        if m.group("kind").lower() == "ignore-file":
            out.append(Suppression(rules=rules, first=1, last=10**9))
            continue
        # The next paragraph: from the next line with text to the line before a blank one.
        following = [ln for ln in lines[i + 1:] if ln.text.strip()]
        if not following:
            continue
        first = last = following[0].line
        for ln in lines[i + 1:]:
            if ln.line < first:
                continue
            if not ln.text.strip():
                break
            last = ln.line
        out.append(Suppression(rules=rules, first=first, last=last))
    return tuple(out)


def is_suppressed(finding: Finding, by_path: dict[str, ArticleClaims]) -> bool:
    for side in finding.evidence:
        article = by_path.get(side.path)
        if article is None:
            continue
        for s in article.suppressions:
            if (not s.rules or finding.rule in s.rules) and s.first <= side.line <= s.last:
                return True
    return False


def split_suppressed(findings: Iterable[Finding], articles: Iterable[ArticleClaims],
                     ignored_ids: Iterable[str] = ()) -> tuple[list[Finding], int]:
    """The findings not silenced, and how many were."""
    by_path = {a.path: a for a in articles}
    ignored = set(ignored_ids)
    every = list(findings)
    kept = [f for f in every if f.id not in ignored and not is_suppressed(f, by_path)]
    return kept, len(every) - len(kept)


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    entries = sorted(({"id": f.id, "rule": f.rule, "subject": f.subject} for f in findings), key=lambda e: e["id"])
    path.write_text(json.dumps({"factcheck_baseline": 1, "findings": entries}, indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(e["id"]) for e in data["findings"]}
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read the baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(path, None, f"not a factcheck baseline (write one with 'factcheck baseline'): {exc}") from None
