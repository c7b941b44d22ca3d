"""Throughput and memory of the pipeline, as ratios against a baseline run in the same process.

    python benchmarks/speed.py [FOLDER ...] [--repeat N]

The baseline is reading the same files (read stage only); the pipeline is read -> clean ->
extract -> check -> report. Ratios stay comparable across machines; absolute articles/s are
printed too. Default input: the seeds and the test fixtures.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, repeat: int) -> tuple[float, int]:
    """Best wall time over `repeat` runs, then the peak traced memory of one more run
    (tracing slows Python down, so it is kept out of the timed runs)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "seeds", ROOT / "tests" / "fixtures" / "corpus" / "articles"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    from factcheck.check import run_checks
    from factcheck.lexicon import RULES_DIR, load_lexicon
    from factcheck.models import Report
    from factcheck.pipeline import claims_for
    from factcheck.read import discover, read_file
    from factcheck.report import json as json_report
    from factcheck.rules import load_grouping, load_rules
    imported = time.perf_counter()
    lexicon = load_lexicon(RULES_DIR)
    rules, _ = load_rules(RULES_DIR)
    grouping = load_grouping(RULES_DIR)
    loaded = time.perf_counter()

    files = discover(args.folders).files
    read_only = lambda: [read_file(f) for f in files]  # noqa: E731

    def pipeline() -> None:
        claims = [c for f in files for _, c in claims_for(f, lexicon) if c is not None]
        json_report.render(Report(findings=tuple(run_checks(claims, rules, lexicon, grouping))))

    pipeline()  # warm the caches once, as a long-running hook would be
    base_time, base_mem = timed(read_only, args.repeat)
    full_time, full_mem = timed(pipeline, args.repeat)
    n = len(files)
    print(f"articles: {n}; start-up: import {imported - start:.2f}s, rules and lexicons {loaded - imported:.2f}s")
    print(f"baseline (read only):  {n / base_time:8.0f} articles/s, peak {base_mem / 1e6:6.1f} MB")
    print(f"pipeline (end to end): {n / full_time:8.0f} articles/s, peak {full_mem / 1e6:6.1f} MB")
    print(f"ratio: pipeline takes {full_time / base_time:.1f}x the time and {full_mem / max(base_mem, 1):.1f}x the memory of reading")


if __name__ == "__main__":
    main()
