"""The whole pipeline in one place: read -> clean -> extract (per article, each behind its own
error boundary) -> group and check -> Report.

`claims_for` is the one way to get an article's claims: the run, the tests and the benchmarks
all go through it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from . import patterns
from .index import ClaimIndex, Results
from .models import Article, ArticleClaims, ArticleSummary, Report, RuleSummary, SkippedFile, Zone
from .read import MAX_BYTES, Discovery, discover, display_path, read_file
from .rules import RuleSelection, load_grouping, load_rules
from .shipped import RULES_DIR
from .suppress import split_suppressed, suppressions

if TYPE_CHECKING:
    from .lexicon import Lexicon

# Extraction, grouping and checking are imported where they run: a re-run that the claim index
# answers with its kept report never loads them.

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


def claims_for(path: Path, lexicon: Lexicon, max_bytes: int = MAX_BYTES, cache: ClaimIndex | None = None) -> Results:
    """The claims of each article in one file, with its summary line. An article that cannot be
    read, or whose cleaning or extraction fails or runs out of time, has no claims and an error
    naming the stage and the reason; it never ends the run. With a claim index as `cache`, an
    unchanged file is not read again, and a new or changed one is stored."""
    if cache is None:
        return _extract_file(path, lexicon, max_bytes)
    shown = display_path(path)
    found = cache.lookup(path, shown)
    if found is None:
        found = _extract_file(path, lexicon, max_bytes)
        cache.store(path, shown, found, _keys(found, lexicon))
    return found


def _keys(results: Results, lexicon: Lexicon) -> set[str]:
    from .group import lookup_keys
    return {k for _, claims in results if claims is not None for k in lookup_keys(claims, lexicon)}


# "POSBEKASI.com | BANDUNG -", "Jakarta, Beritasatu.com -": an outlet names itself by its address.
_OUTLET = patterns.compile(r"\b([A-Za-z][\w-]*\.(?:com|co\.id|id|net|org|news|tv)(?:/[\w-]+)?)\b", re.IGNORECASE)


_BREADCRUMB = patterns.compile(r"\s[>›»|]\s|\d{1,2}:\d{2}")


def _summary(article: Article, claims: ArticleClaims) -> ArticleSummary:
    """The article's summary line, with its headline, outlet and date, as an editor names it."""
    body = list(islice((text for line in article.lines if line.zone != Zone.noise and (text := line.text.strip())), 6))
    # The first line that reads as a headline: not a breadcrumb ("Tribunnews.com > Sport"), not a stamp.
    headline = article.meta.title or next((text for text in body[:4]
                                           if len(text.split()) >= 4 and not _BREADCRUMB.search(text)), None)
    outlet = article.meta.outlet or next((m.group(1) for text in body[:6] if (m := _OUTLET.search(text))), None)
    return ArticleSummary(path=article.path, claims=len(claims.claims), warnings=article.warnings,
                          language=claims.language, noise_lines=claims.noise_lines,
                          headline=" ".join(headline.split())[:160] if headline else None, outlet=outlet,
                          published=article.meta.published or claims.anchor)


def _extract_file(path: Path, lexicon: Lexicon, max_bytes: int) -> Results:
    from .clean import clean
    from .extract import extract
    out: Results = []
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
                silenced = suppressions(article)
                if silenced:
                    claims = replace(claims, suppressions=silenced)
        except ArticleTimeout as exc:
            error = f"{stage}: {exc}; not checked"
        except Exception as exc:  # the boundary: one article's failure is reported, not fatal
            error = f"{stage}: internal error: {type(exc).__name__}: {exc}; not checked"
        else:
            out.append((_summary(cleaned, claims), claims))
            continue
        out.append((ArticleSummary(path=article.path, claims=0, errors=(error,), warnings=article.warnings), None))
    return out


# Below this many files to extract, a process pool costs more than it saves.
POOL_MIN_FILES = 64


@dataclass(frozen=True)
class RunOptions:
    """Everything a run is set up with, from the command line or a configuration file."""

    rules_dir: Path = RULES_DIR
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    max_bytes: int = MAX_BYTES
    languages: tuple[str, ...] = ()
    rules: RuleSelection = RuleSelection()
    jobs: int = 1
    ignore_findings: tuple[str, ...] = ()  # finding ids silenced by the configuration
    progress: bool = False  # a progress line on stderr (the command turns it on for a terminal)

    def lexicon(self) -> Lexicon:
        from .lexicon import load_lexicon
        return load_lexicon(self.rules_dir, self.languages)

    def discover(self, paths: Iterable[str | Path]) -> Discovery:
        return discover(paths, self.exclude, self.include)


PROGRESS_MIN_FILES = 500  # about three seconds of extraction


class Progress:
    """`factcheck: 1200/5000 articles (24%)` on one line of stderr, redrawn at most each second."""

    def __init__(self, total: int):
        self.total, self.done, self.shown = total, 0, 0.0

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.shown >= 1.0 or self.done == self.total:
            self.shown = now
            with contextlib.suppress(OSError):
                sys.stderr.write(f"\rfactcheck: {self.done}/{self.total} articles ({100 * self.done // self.total}%)")
                sys.stderr.flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


_worker_lexicon: Lexicon | None = None


def _worker_start(rules_dir: Path, languages: tuple[str, ...]) -> None:
    from .lexicon import load_lexicon
    global _worker_lexicon
    _worker_lexicon = load_lexicon(rules_dir, languages)


def _worker_extract(job: tuple[Path, int]) -> Results:
    assert _worker_lexicon is not None
    return _extract_file(job[0], _worker_lexicon, job[1])


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def claims_of_files(files: Sequence[Path], options: RunOptions, cache: ClaimIndex | None = None) -> list[Results]:
    """claims_for over many files, in their order. What the cache does not hold is extracted on
    `options.jobs` processes; results come back in the files' order, so the report does not
    depend on the number of jobs."""
    lexicon = options.lexicon()
    out: list[Results | None] = [cache.lookup(f, display_path(f)) if cache else None for f in files]
    todo = [i for i, r in enumerate(out) if r is None]
    tell = Progress(len(todo)) if options.progress and len(todo) >= PROGRESS_MIN_FILES else None

    def _done(i: int, results: Results | None) -> None:
        # Stored as each file is done: a run killed half-way keeps what it extracted.
        if cache is not None and results is not None:
            cache.store(files[i], display_path(files[i]), results, _keys(results, lexicon))
        if tell:
            tell.step()
    if options.jobs > 1 and len(todo) >= POOL_MIN_FILES:
        import multiprocessing  # only here: a one-file check does not pay for importing it
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        with ProcessPoolExecutor(options.jobs, mp_context=context, initializer=_worker_start,
                                 initargs=(options.rules_dir, options.languages)) as pool:
            done = pool.map(_worker_extract, [(files[i], options.max_bytes) for i in todo], chunksize=16)
            for i, results in zip(todo, done, strict=True):
                out[i] = results
                _done(i, results)
    else:
        for i in todo:
            out[i] = _extract_file(files[i], lexicon, options.max_bytes)
            _done(i, out[i])
    if tell:
        tell.close()
    return [r for r in out if r is not None]


def run(paths: Iterable[str | Path], options: RunOptions | None = None, cache: ClaimIndex | None = None) -> Report:
    """Check these files and folders. With a claim index as `cache`, only new and changed files
    are extracted, and a re-run with nothing changed (files, rules, options, code) is the report
    the index kept from the last such run."""
    options = options or RunOptions()
    found = options.discover(paths)
    if cache is None:
        summaries, extracted = _read_all(found, options)
        return _checked(extracted, summaries, found, options)
    setup = _run_setup(found, options)
    named = list(zip(found.real_paths(), map(display_path, found.files), strict=True))
    inputs = cache.run_inputs(named, setup)
    kept = cache.kept_report(inputs) if inputs else None
    if kept is not None:
        return kept
    summaries, extracted = _read_all(found, options, cache)
    report = _checked(extracted, summaries, found, options)
    # Inputs taken after the run: the files it extracted are stored now. An article that failed
    # (a time budget, an unreadable file) is not stored, so such a run is never kept.
    inputs = cache.run_inputs(named, setup)
    if inputs is not None:
        cache.keep_report(inputs, report)
    return report


def _run_setup(found: Discovery, options: RunOptions) -> str:
    """What a report depends on besides the files' contents and the code: every file of the
    rules folder and of the extra rule folders, the options that change findings, and what
    discovery left out."""
    digest = hashlib.sha256()
    for folder in (options.rules_dir, *options.rules.extra_dirs):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{folder}\0{path.relative_to(folder).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    chosen = (options.rules, options.ignore_findings, options.languages, options.max_bytes, found.skipped, found.problems)
    return digest.hexdigest() + "\n" + repr(chosen)


def _read_all(found: Discovery, options: RunOptions,
              cache: ClaimIndex | None = None) -> tuple[list[ArticleSummary], list[ArticleClaims]]:
    """Every discovered file's summary lines (the places that could not be read first) and the
    claims of the articles that could be checked."""
    summaries = [ArticleSummary(path=path, claims=0, errors=(reason,)) for path, reason in found.problems]
    extracted: list[ArticleClaims] = []
    for results in claims_of_files(found.files, options, cache):
        for summary, claims in results:
            summaries.append(summary)
            if claims is not None:
                extracted.append(claims)
    return summaries, extracted


def _checked(extracted: list[ArticleClaims], summaries: list[ArticleSummary], found: Discovery,
             options: RunOptions, focus: frozenset[str] | None = None) -> Report:
    from .check import run_checks
    rules, rule_errors = load_rules(options.rules_dir, options.rules)
    check_errors: list[str] = []
    findings = run_checks(extracted, rules, options.lexicon(), load_grouping(options.rules_dir), check_errors, focus)
    findings, suppressed = split_suppressed(findings, extracted, options.ignore_findings)
    ran = tuple(RuleSummary(id=r.id, attribute=r.attribute, scope=r.scope, level=r.level,
                            description=" ".join(r.description.split())) for r in rules)
    return Report(articles=tuple(summaries), findings=tuple(findings), rule_errors=tuple(rule_errors),
                  check_errors=tuple(check_errors), suppressed=suppressed, rules=ran,
                  skipped=tuple(SkippedFile(path=path, reason=reason) for path, reason in found.skipped))


def index_archive(paths: Iterable[str | Path], cache: ClaimIndex, options: RunOptions | None = None) -> Discovery:
    """Build or refresh the index for these archive paths: unchanged files are kept, changed
    ones re-extracted, and files that left these folders forgotten."""
    options = options or RunOptions()
    roots = [Path(p) for p in paths]
    found = options.discover(roots)
    claims_of_files(found.files, options, cache)
    cache.prune([r for r in roots if r.is_dir()], {os.path.realpath(f) for f in found.files})
    return found


def check_against(new_paths: Iterable[str | Path], cache: ClaimIndex,
                  options: RunOptions | None = None) -> tuple[Report, set[str]]:
    """Check new articles against the indexed archive: the archive articles that share a
    look-up key with a new one are read from the index and checked with the new ones. (Their own
    neighbours are not: a finding between a new article and the archive needs a pair that shares
    a key, so only an edition inferred through a third report can differ from a full run.)
    Returns the report and the real paths of the new files."""
    from .group import lookup_keys
    options = options or RunOptions()
    lexicon = options.lexicon()
    grouping = load_grouping(options.rules_dir)
    found = options.discover(new_paths)
    new_real = {os.path.realpath(f) for f in found.files}
    summaries, new_claims = _read_all(found, options)
    keys = {k for c in new_claims for k in lookup_keys(c, lexicon)}
    archive: list[ArticleClaims] = []
    for real, _shown in cache.candidates(keys, grouping.max_key_articles):
        if real in new_real:
            continue
        stored = cache.results_of(real)
        if stored is None and os.path.isfile(real):  # indexed by another version: read it again
            stored = claims_for(Path(real), lexicon, options.max_bytes, cache)
        archive.extend(claims for _, claims in stored or [] if claims is not None)
    report = _checked([*new_claims, *archive], summaries, found, options, frozenset(c.path for c in new_claims))
    return report, new_real
