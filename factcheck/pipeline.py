"""The whole pipeline in one place: read -> clean -> extract -> group/check -> Report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .check import run_checks
from .clean import clean
from .extract import extract
from .lexicon import RULES_DIR, load_lexicon
from .models import ArticleClaims, ArticleSummary, Report
from .read import read_all
from .rules import load_grouping, load_rules


def run(paths: Iterable[str | Path], rules_dir: Path = RULES_DIR) -> Report:
    lexicon = load_lexicon(rules_dir)
    rules, rule_errors = load_rules(rules_dir)
    grouping = load_grouping(rules_dir)
    extracted: list[ArticleClaims] = []
    summaries: list[ArticleSummary] = []
    for article in read_all(paths):
        if article.errors:
            summaries.append(ArticleSummary(path=article.path, claims=0, errors=article.errors, warnings=article.warnings))
            continue
        claims = extract(clean(article, lexicon), lexicon)
        extracted.append(claims)
        summaries.append(ArticleSummary(path=article.path, claims=len(claims.claims), warnings=article.warnings,
                                        language=claims.language, noise_lines=claims.noise_lines))
    findings = run_checks(extracted, rules, lexicon, grouping)
    return Report(articles=tuple(summaries), findings=tuple(findings), rule_errors=tuple(rule_errors))
