"""Command line: `factcheck PATH... [--format markdown|json] [--output FILE] [--fail-on LEVEL]`.

Exit codes: 0 no finding reaches --fail-on; 1 at least one does; 2 usage or internal error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

LEVELS = {"error": 2, "warning": 1, "info": 0, "never": 99}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Cross-check the facts that news articles state about the same events.",
    )
    parser.add_argument("paths", nargs="+", help="article files or folders (read recursively)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="report format (default: markdown)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--fail-on", choices=tuple(LEVELS), default="error",
                        help="exit 1 when a finding reaches this severity (default: error; 'never' always exits 0)")
    parser.add_argument("--rules", metavar="DIR", type=Path, help="rules folder (default: the rules/ shipped with factcheck)")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"factcheck: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    from .datafile import DataFileError
    from .lexicon import RULES_DIR
    from .pipeline import run
    from .report import json as json_report
    from .report import markdown as markdown_report

    try:
        report = run(args.paths, args.rules or RULES_DIR)
    except DataFileError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # an internal error must not pass for "findings found" (exit 1)
        print(f"factcheck: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    text = (json_report if args.format == "json" else markdown_report).render(report)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"factcheck: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    for error in report.rule_errors:
        print(f"factcheck: rule file skipped: {error}", file=sys.stderr)
    threshold = LEVELS[args.fail_on]
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0


if __name__ == "__main__":
    sys.exit(main())
