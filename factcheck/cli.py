"""Command line: `factcheck PATH... [--format markdown|json] [--output FILE] [--fail-on LEVEL]`.

Exit codes: 0 every input was checked and no finding reaches --fail-on; 1 every input was
checked and at least one finding does; 2 usage error, no article in the input, an input that
could not be checked (unless --allow-errors), or an internal error. A traceback is never the
user interface."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .models import Report
from .report import FORMATS

if TYPE_CHECKING:
    from .config import Config
    from .index import ClaimIndex
    from .pipeline import RunOptions
    from .rules import Rule

LEVELS = {"error": 2, "warning": 1, "info": 0, "never": 99}


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """The options every checking command shares: what to read and how to report it."""
    parser.add_argument("--format", choices=tuple(FORMATS), default="markdown",
                        help="report format: markdown, json, text (path:line:col per side), "
                             "github (workflow annotations) or sarif (SARIF 2.1.0)")
    parser.add_argument("--lang", choices=("en", "id", "auto"), default=None,
                        help="language of the markdown, text and github reports (default: auto, that of most articles)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress line on stderr (shown only on a terminal, for runs of 500 articles or more)")
    parser.add_argument("--fail-on", choices=tuple(LEVELS), default=None,
                        help="exit 1 when a finding reaches this severity (default: error; 'never' always exits 0)")
    parser.add_argument("--min-confidence", metavar="X", type=float, default=None,
                        help="findings less sure than X (0-1) are info, hidden unless --show info (default: 0; "
                             "0.5 keeps only findings whose articles are dated)")
    parser.add_argument("--show", choices=("info",), action="append", default=[],
                        help="also show info findings (weak evidence: claims read from lists or quotations)")
    parser.add_argument("--baseline", metavar="FILE", type=Path,
                        help="report only findings not in this baseline (written by 'factcheck baseline FILE PATHS')")
    parser.add_argument("--allow-errors", action="store_true",
                        help="decide the exit code by the findings even when some inputs could not be checked")
    add_input_options(parser)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """What to read and with which rules: shared by the checking commands and 'index'."""
    parser.add_argument("--exclude", metavar="GLOB", action="append", default=[],
                        help="leave out files whose name or path below the folder given matches GLOB (repeatable); "
                             "README*, LICENSE*, SOURCES.md and expected*.json are always left out of folders")
    parser.add_argument("--max-bytes", metavar="N", type=int, default=None,
                        help="largest article file read, in bytes (default: 4 MiB); a larger one is an error entry")
    add_rules_options(parser)
    add_index_options(parser)


def add_rules_options(parser: argparse.ArgumentParser) -> None:
    """The rules folder and the configuration (which can add rule folders and select rules)."""
    parser.add_argument("--rules", metavar="DIR", type=Path, help="rules folder (default: the rules/ shipped with factcheck)")
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help="configuration file (default: factcheck.toml or [tool.factcheck] in pyproject.toml, "
                             "found from the current folder upwards)")


def add_index_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", metavar="FILE", type=Path,
                        help="claim index (SQLite) used as a cache: unchanged articles are not read again "
                             "(default for 'index' and 'check': .factcheck/index.sqlite; a plain run uses one only when given)")
    parser.add_argument("--jobs", "-j", metavar="N", type=int, default=None,
                        help="processes for extraction (default: the cores available; 1 for small inputs)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Cross-check the facts that news articles state about the same events. "
                    "Other commands: 'factcheck check NEW --against ARCHIVE', 'factcheck index ARCHIVE', "
                    "'factcheck claims FILE', 'factcheck rules', 'factcheck explain RULE', 'factcheck test-rules'.",
    )
    parser.add_argument("paths", nargs="*", help="article files or folders, read recursively (default: the configured paths)")
    add_report_options(parser)
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return parser


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`: a failed write
    leaves the previous report as it was. A target that is not a regular file (/dev/null, a
    FIFO, /dev/stdout) is written to directly, never replaced."""
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as out:
            out.write(text)
        return
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only when a report file is written

    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _missing(path: str) -> bool:
    """Not there at all. A path that cannot be looked at (a folder on the way that cannot be
    entered) is there: it becomes an error entry in the report."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return False


def _say(message: str) -> None:
    try:
        print(f"factcheck: {message}", file=sys.stderr)
    except (OSError, UnicodeError):
        pass


def build_claims_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck claims", description="Print each article's normalised claims.")
    parser.add_argument("paths", nargs="+", help="article files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_rules_options(parser)
    return parser


def build_check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck check",
        description="Pre-publish check: check new articles against a folder of published ones. Only findings that "
                    "involve a new article are reported, and only they decide the exit code.")
    parser.add_argument("paths", nargs="+", help="the new article files or folders")
    parser.add_argument("--against", metavar="ARCHIVE", action="append", default=[],
                        help="a folder (or file) of published articles, indexed or refreshed first (repeatable), "
                             "or a claim index file (.sqlite) used as it is (default: the configured archive)")
    add_report_options(parser)
    return parser


def build_baseline_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck baseline",
        description="Write today's findings to FILE; later runs with --baseline FILE report only new ones.")
    parser.add_argument("write_baseline", metavar="FILE", type=Path, help="the baseline file to write")
    parser.add_argument("paths", nargs="*", help="article files or folders (default: the configured paths)")
    add_report_options(parser)
    return parser


def build_index_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck index",
        description="Build or refresh the claim index of an archive: new and changed articles are extracted, "
                    "unchanged ones kept, removed ones forgotten.")
    parser.add_argument("paths", nargs="*", help="archive files or folders (default: the configured archive)")
    add_input_options(parser)
    return parser


def build_rules_parser(prog: str, description: str, rule_arg: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"factcheck {prog}", description=description)
    if rule_arg == "one":
        parser.add_argument("rule", help="a rule id (see 'factcheck rules')")
    elif rule_arg == "some":
        parser.add_argument("rule", nargs="*", help="rule ids (default: every rule)")
    add_rules_options(parser)
    return parser


def resolve(base: Path, value: str) -> str:
    """A path from the configuration, read from the configuration file's folder."""
    path = Path(value)
    return str(path if path.is_absolute() else base / path)


@dataclass
class Settings:
    """What a command runs with: the command line first, then the configuration file."""

    options: RunOptions
    config: Config
    base: Path  # the folder the configuration's relative paths are read from
    config_path: Path | None

    def paths(self, given: list[str]) -> list[str]:
        return given or [resolve(self.base, p) for p in self.config.paths]

    def archive(self, given: list[str]) -> list[str]:
        return given or [resolve(self.base, p) for p in self.config.archive]

    def index(self, given: Path | None) -> Path | None:
        return given or (Path(resolve(self.base, self.config.index)) if self.config.index else None)

    def fail_on(self, given: str | None) -> str:
        return given or self.config.fail_on or "error"


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def _settings(args: argparse.Namespace) -> Settings:
    from .config import Config, find_config, load_config
    from .pipeline import RunOptions, default_jobs
    from .read import MAX_BYTES
    from .rules import RuleSelection
    from .shipped import RULES_DIR

    path = args.config or find_config(Path.cwd())
    config, base = load_config(path) if path else (Config(), Path.cwd())
    selection = RuleSelection(extra_dirs=tuple(Path(resolve(base, d)) for d in config.extra_rules),
                              select=tuple(config.select), ignore=tuple(config.ignore),
                              severity=tuple(sorted(config.severity.items())))
    jobs = getattr(args, "jobs", None)
    options = RunOptions(
        rules_dir=args.rules or RULES_DIR,
        exclude=(*config.exclude, *getattr(args, "exclude", [])), include=tuple(config.include),
        max_bytes=getattr(args, "max_bytes", None) or config.max_bytes or MAX_BYTES,
        languages=tuple(config.languages), rules=selection,
        jobs=jobs if jobs and jobs > 0 else config.jobs or default_jobs(),
        ignore_findings=tuple(config.ignore_findings),
        progress=_stderr_is_terminal() and not getattr(args, "quiet", False))
    return Settings(options, config, base, path)


def _load_rules(args: argparse.Namespace) -> tuple[list[Rule], list[str]]:
    from .rules import load_rules

    options = _settings(args).options
    rules, errors = load_rules(options.rules_dir, options.rules)
    for error in errors:
        _say(f"rule file skipped: {error}")
    return rules, errors


def _rules(args: argparse.Namespace) -> int:
    rules, errors = _load_rules(args)
    width = max((len(r.id) for r in rules), default=4)
    for rule in rules:
        print(f"{rule.id:<{width}}  {rule.scope:<7}  {rule.level.value:<7}  {len(rule.cases)} case(s)  "
              f"{rule.description.split('. ')[0].strip().rstrip('.')}")
    return 2 if errors else 0


def _explain(args: argparse.Namespace) -> int:
    rules, _ = _load_rules(args)
    rule = next((r for r in rules if r.id == args.rule), None)
    if rule is None:
        _say(f"no rule {args.rule!r}; the rules are: {', '.join(r.id for r in rules)}")
        return 2
    lines = [f"{rule.id}: {rule.attribute} ({rule.scope} scope, compared as {rule.compare})", "",
             " ".join(rule.description.split()), "",
             f"Level: {rule.level.value} when the articles surely describe one occurrence; "
             f"{rule.uncertain_level.value} when they may not (weak evidence is info)."]
    options = [name for name, on in (("also inside one article", rule.within_article),
                                     ("one finding per recipient", rule.per_recipient),
                                     ("joint values agree when any matches", rule.agree_if_any),
                                     ("a total and its parts agree", rule.totals)) if on]
    if options:
        lines.append("Options: " + "; ".join(options) + ".")
    if rule.examples.conflict or rule.examples.same:
        lines += ["", "Examples:"]
        lines += [f"  conflict: {' / '.join(rule.examples.conflict)}"] if rule.examples.conflict else []
        lines += [f"  same:     {' / '.join(rule.examples.same)}"] if rule.examples.same else []
    for case in rule.cases:
        lines += ["", f"Case {case.name} (expect {case.expect}):"]
        for name, text in case.articles.items():
            lines += [f"  {name}:"] + [f"    {line}" for line in text.rstrip().splitlines()]
    print("\n".join(lines))
    return 0


def _test_rules(args: argparse.Namespace) -> int:
    from .rule_cases import run_all
    from .shipped import RULES_DIR

    results, errors = run_all(args.rules or RULES_DIR, set(args.rule) or None, _settings(args).options.rules)
    for error in errors:
        _say(f"rule file skipped: {error}")
    for result in results:
        print(f"{'ok  ' if result.passed else 'FAIL'} {result.rule}/{result.case}: {result.detail}")
    failed = sum(not r.passed for r in results)
    print(f"{len(results) - failed} of {len(results)} case(s) hold" + (f"; {failed} failed" if failed else ""))
    if not results:
        _say("no rule case found")
    return 1 if failed else 2 if errors or not results else 0


def _open_index(path: Path | None, rules_dir: Path) -> ClaimIndex:
    from .index import DEFAULT_PATH, ClaimIndex, extraction_version

    return ClaimIndex(path or DEFAULT_PATH, extraction_version(rules_dir), warn=_say)


def _index(args: argparse.Namespace) -> int:
    from .pipeline import index_archive

    settings = _settings(args)
    paths = settings.archive(args.paths)
    if not paths:
        _say("give the archive to index (or set archive in the configuration)")
        return 2
    missing = [p for p in paths if _missing(p)]
    if missing:
        _say(f"no such file or folder: {', '.join(missing)}")
        return 2
    index = _open_index(settings.index(args.index), settings.options.rules_dir)
    try:
        found = index_archive(paths, index, settings.options)
        stats, total = index.stats, index.count()
    finally:
        index.close()
    print(f"{index.path}: {total} article file(s); {stats.extracted} extracted, {stats.reused} unchanged, "
          f"{stats.removed} removed; {len(found.skipped)} left out, {len(found.problems)} could not be read")
    for path, reason in found.problems:
        _say(f"{path}: {reason}")
    return 2 if found.problems else 0


def _involves(report: Report, new_files: set[str]) -> Report:
    """The report cut down to the findings that cite a new article, and to the new articles'
    summaries (the archive is counted, not listed)."""
    def new(path: str) -> bool:
        return os.path.realpath(path.split("#")[0]) in new_files

    findings = tuple(f for f in report.findings if any(new(e.path) for e in f.evidence))
    return replace(report, findings=findings, articles=tuple(a for a in report.articles if new(a.path)))


def _claims(args: argparse.Namespace) -> int:
    from .pipeline import claims_for
    from .report import claims as claims_report

    options = _settings(args).options  # the configured languages, includes and excludes
    lexicon = options.lexicon()
    results = [r for path in options.discover(args.paths).files for r in claims_for(path, lexicon, options.max_bytes)]
    sys.stdout.write((claims_report.render_json if args.format == "json" else claims_report.render_text)(results))
    return 2 if any(s.errors for s, _ in results) or not results else 0


def entry() -> None:
    """The `factcheck` command. Once the answer is written, the process leaves without the
    interpreter's teardown (freeing every object and module one by one), which costs a
    pre-publish check a fifth of its time; nothing is left open by then (as mypy does)."""
    code = main()
    from .patterns import STORE

    STORE.save()  # what this run compiled, for the next run's start-up
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parsers = {"claims": build_claims_parser, "check": build_check_parser, "index": build_index_parser,
               "baseline": build_baseline_parser,
               "rules": lambda: build_rules_parser("rules", "List the rules."),
               "explain": lambda: build_rules_parser("explain", "Print a rule's description, levels, examples and cases.", "one"),
               "test-rules": lambda: build_rules_parser("test-rules", "Run every rule's cases through the whole pipeline; "
                                                        "exit 1 when a case does not hold.", "some")}
    # A command name wins over a file of that name: "factcheck rules" lists the rules, and
    # "factcheck rules/" or "./rules" checks a folder called rules.
    mode = argv[0] if argv and argv[0] in parsers else None
    args = parsers[mode]().parse_args(argv[1:]) if mode else build_parser().parse_args(argv)
    commands = {"claims": _claims, "index": _index, "rules": _rules, "explain": _explain, "test-rules": _test_rules}
    try:
        return commands.get(mode or "", _main)(args)
    except KeyboardInterrupt:
        _say("interrupted")
        return 2
    except BrokenPipeError:  # "factcheck explain date | head": the reader has what it wanted
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (no flush error at exit)
        return 0
    except Exception as exc:  # an internal error must not pass for "findings found" (exit 1)
        from .datafile import DataFileError

        # A rules or lexicon file that cannot be used is the user's to fix: say where, as a linter does.
        _say(str(exc) if isinstance(exc, DataFileError) else f"internal error: {type(exc).__name__}: {exc}")
        return 2


def _check_against(args: argparse.Namespace, settings: Settings, paths: list[str], against: list[str]) -> tuple[Report, set[str]]:
    """Refresh the index with the archive folders named (an index file named is used as it is),
    then check the new articles against it. The archive's own problems are said, but do not
    block a new article."""
    from .pipeline import check_against, index_archive

    files = [a for a in against if a.endswith((".sqlite", ".db")) and Path(a).is_file()]
    folders = [a for a in against if a not in files]
    configured = settings.index(args.index)
    if len(files) > 1 or (files and args.index and Path(files[0]).resolve() != args.index.resolve()):
        raise ValueError("give one claim index: --against INDEX.sqlite or --index, not two")
    index = _open_index(Path(files[0]) if files else configured, settings.options.rules_dir)
    try:
        if folders:
            found = index_archive(folders, index, settings.options)
            for path, reason in found.problems:
                _say(f"archive: {path}: not checked: {reason}")
        checked = check_against(paths, index, settings.options)
        # Said of the archive articles the check read, not counted over the whole index: a
        # scan of every row would cost the pre-publish check more than the check itself.
        if index.stats.stale:
            _say(f"{index.path}: {index.stats.stale} of {index.stats.read} archive articles were indexed by another "
                 "version of factcheck or of its lexicons; refresh it with 'factcheck index ARCHIVE' (meanwhile they "
                 "were read again from their files, and those whose file is gone are left out)")
        return checked
    finally:
        index.close()


def _main(args: argparse.Namespace) -> int:
    if args.max_bytes is not None and args.max_bytes <= 0:
        _say("--max-bytes must be a positive number of bytes")
        return 2
    from .models import Severity
    from .pipeline import run
    from .report import renderer
    from .suppress import read_baseline, write_baseline

    checking = hasattr(args, "against")
    settings = _settings(args)
    paths = settings.paths(args.paths)
    against = settings.archive(args.against) if checking else []
    if not paths:
        _say("give the articles to check (PATH ...), or set paths in the configuration")
        return 2
    if checking and not against:
        _say("give the archive to check against (--against ARCHIVE), or set archive in the configuration")
        return 2
    missing = [p for p in [*paths, *against] if _missing(p)]
    if missing:
        _say(f"no such file or folder: {', '.join(missing)}")
        return 2
    if against:
        report, new_files = _check_against(args, settings, paths, against)
        if not new_files:
            _say(f"no new article found in {', '.join(paths)}")
            return 2
        report = _involves(report, new_files)
    else:
        index_path = settings.index(args.index)
        index = _open_index(index_path, settings.options.rules_dir) if index_path else None
        try:
            report = run(paths, settings.options, cache=index)
        finally:
            if index is not None:
                index.close()
    baseline = args.baseline or (Path(resolve(settings.base, settings.config.baseline)) if settings.config.baseline else None)
    if getattr(args, "write_baseline", None):
        count = write_baseline(args.write_baseline, report.findings)
        _say(f"baseline: {count} finding(s) written to {args.write_baseline}")
        return 0
    if baseline is not None:
        known = read_baseline(baseline)
        fresh = tuple(f for f in report.findings if f.id not in known)
        report = replace(report, findings=fresh, baselined=len(report.findings) - len(fresh))
    if not report.articles:
        left_out = f" ({len(report.skipped)} file(s) left out: not articles or excluded)" if report.skipped else ""
        _say(f"no article found in {', '.join(paths)}{left_out}")
        return 2
    least = args.min_confidence if args.min_confidence is not None else settings.config.min_confidence
    if least:
        # Precision over recall, when an editor asks for it: a finding this unsure is info.
        report = replace(report, findings=tuple(
            f if f.confidence >= least or f.severity.value == "info" else replace(f, severity=Severity.info)
            for f in report.findings))
    if "info" not in args.show:
        shown = tuple(f for f in report.findings if f.severity.value != "info")
        report = replace(report, findings=shown, hidden_info=len(report.findings) - len(shown))
    language = args.lang or settings.config.lang
    if language:
        report = replace(report, language=language)
    text = renderer(args.format)(report)
    if args.output:
        try:
            write_atomically(Path(args.output), text)
        except OSError as exc:
            _say(f"cannot write {args.output}: {exc.strerror or exc}; the previous report, if any, is kept")
            return 2
    else:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            return 0 if not report.findings else 1
        except OSError as exc:
            _say(f"cannot write the report to standard output: {exc.strerror or exc}")
            return 2
    for error in report.rule_errors:
        _say(f"rule file skipped: {error}")
    for error in report.check_errors:
        _say(error)
    unchecked = report.unchecked
    for summary in unchecked:
        _say(f"{summary.path}: not checked: {'; '.join(summary.errors)}")
    if not (len(unchecked) < len(report.articles)):
        _say("no article could be checked")
        return 2
    if (unchecked or report.check_errors) and not args.allow_errors:
        _say(f"{len(unchecked)} input(s) could not be checked; exit 2 (--allow-errors decides by the findings alone)")
        return 2
    threshold = LEVELS[settings.fail_on(args.fail_on)]
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0


if __name__ == "__main__":
    sys.exit(main())
