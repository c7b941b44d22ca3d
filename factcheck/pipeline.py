"""The whole pipeline in one place: read -> clean -> extract (per article, each behind its own
error boundary) -> group and check -> Report.

`claims_for` is the one way to get an article's claims: the run, the tests and the benchmarks
all go through it."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from .check import run_checks
from .clean import clean
from .extract import extract
from .lexicon import RULES_DIR, Lexicon, load_lexicon
from .models import ArticleClaims, ArticleSummary, Report, SkippedFile
from .read import MAX_BYTES, discover, read_file
from .rules import load_grouping, load_rules

# Time one article may take: a floor, and more for longer text (extraction is linear).
BUDGET_SECONDS = 10.0
BUDGET_SECONDS_PER_MB = 20.0


class ArticleTimeout(Exception):
    pass


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in this block after `seconds` (main thread on POSIX; elsewhere a
    no-op, and the linear-time patterns are the guarantee)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(f"took longer than its {seconds:.0f} s budget")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def claims_for(path: Path, lexicon: Lexicon, max_bytes: int = MAX_BYTES) -> list[tuple[ArticleSummary, ArticleClaims | None]]:
    """The claims of each article in one file, with its summary line. An article that cannot be
    read, or whose cleaning or extraction fails or runs out of time, has no claims and an error
    naming the stage and the reason; it never ends the run."""
    out: list[tuple[ArticleSummary, ArticleClaims | None]] = []
    for article in read_file(path, max_bytes):
        if article.errors:
            out.append((ArticleSummary(path=article.path, claims=0, errors=article.errors, warnings=article.warnings), None))
            continue
        size_mb = sum(len(line.text) for line in article.lines) / 1e6
        stage = "clean"
        try:
            with time_budget(BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * size_mb):
                cleaned = clean(article, lexicon)
                stage = "extract"
                claims = extract(cleaned, lexicon)
        except ArticleTimeout as exc:
            error = f"{stage}: {exc}; not checked"
        except Exception as exc:  # the boundary: one article's failure is reported, not fatal
            error = f"{stage}: internal error: {type(exc).__name__}: {exc}; not checked"
        else:
            out.append((ArticleSummary(path=article.path, claims=len(claims.claims), warnings=article.warnings,
                                       language=claims.language, noise_lines=claims.noise_lines), claims))
            continue
        out.append((ArticleSummary(path=article.path, claims=0, errors=(error,), warnings=article.warnings), None))
    return out


def run(paths: Iterable[str | Path], rules_dir: Path = RULES_DIR, exclude: Iterable[str] = (),
        max_bytes: int = MAX_BYTES) -> Report:
    lexicon = load_lexicon(rules_dir)
    rules, rule_errors = load_rules(rules_dir)
    grouping = load_grouping(rules_dir)
    found = discover(paths, exclude)
    extracted: list[ArticleClaims] = []
    summaries = [ArticleSummary(path=path, claims=0, errors=(reason,)) for path, reason in found.problems]
    for path in found.files:
        for summary, claims in claims_for(path, lexicon, max_bytes):
            summaries.append(summary)
            if claims is not None:
                extracted.append(claims)
    check_errors: list[str] = []
    findings = run_checks(extracted, rules, lexicon, grouping, check_errors)
    return Report(articles=tuple(summaries), findings=tuple(findings), rule_errors=tuple(rule_errors),
                  check_errors=tuple(check_errors),
                  skipped=tuple(SkippedFile(path=path, reason=reason) for path, reason in found.skipped))
