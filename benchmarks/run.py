"""Speed and scale of the whole command, on generated corpora, as a user runs it.

    python benchmarks/run.py [--sizes 1000,10000] [--out DIR] [--keep DIR]

For each size it generates a seeded corpus (benchmarks/generate.py) and measures, each as a
fresh process (wall time and peak RSS from the operating system):
- cold: `factcheck DIR` with --jobs 1 and with --jobs N (N = the cores available), and the speed-up;
- warm: the same run again with the claim index as a cache, and once more after one article changed;
- pre-publish: `factcheck check ONE --against INDEX` (whole-process latency);
- start-up: `factcheck` on one file, against the interpreter starting and exiting;
- baselines in the same command: reading the files, and one regular-expression pass over them.
Ratios to the baselines stay comparable across machines. Results go to OUT/latest.json and
OUT/latest.md (default: benchmarks/results/). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def command() -> list[str]:
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def measured(args: list[str], cwd: Path | None = None) -> dict[str, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"{' '.join(args)} exited {proc.returncode}: {err[-2000:]}")
    return {"seconds": round(wall, 3), "peak_mib": round(usage.ru_maxrss / 1024, 1)}


def repeated(args: list[str], runs: int, cwd: Path | None = None) -> dict[str, float]:
    """`measured` several times: the median (what to quote) and the fastest run, in seconds."""
    times = sorted(measured(args, cwd)["seconds"] for _ in range(runs))
    return {"seconds": times[len(times) // 2], "fastest": times[0], "runs": runs}


def compile_package() -> None:
    """Byte-compile factcheck as pip does when it installs the wheel, so that an editable install
    (or PYTHONDONTWRITEBYTECODE) does not charge every start-up for compiling the sources."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")], check=True)


def baselines(folder: Path) -> dict[str, float]:
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    start = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in files]
    read = time.perf_counter() - start
    pattern = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b[^.]{0,40}\d{1,2}/\d{1,2}")
    start = time.perf_counter()
    hits = sum(len(pattern.findall(t)) for t in texts)
    regex = time.perf_counter() - start
    return {"read_seconds": round(read, 4), "regex_seconds": round(regex + read, 4), "regex_hits": hits}


def jobs_available() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def one_size(n: int, work: Path) -> dict:
    corpus = work / f"corpus{n}"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(corpus), "--articles", str(n)], check=True)
    fc = command()
    report = ["--format", "json", "-o", str(work / "report.json"), "--fail-on", "never"]
    jobs = jobs_available()
    row: dict = {"articles": n, "jobs": jobs, "baseline": baselines(corpus)}
    row["cold_jobs1"] = measured([*fc, str(corpus), *report, "--jobs", "1"])
    row["cold_jobsN"] = measured([*fc, str(corpus), *report, "--jobs", str(jobs)])
    index = work / f"index{n}.sqlite"
    row["index_build"] = measured([*fc, "index", str(corpus), "--index", str(index), "--jobs", str(jobs)])
    row["warm"] = measured([*fc, str(corpus), *report, "--index", str(index)])
    first = sorted(corpus.iterdir())[0]
    with first.open("a", encoding="utf-8") as handle:
        handle.write("\nSatu paragraf tambahan.\n")
    row["one_changed"] = measured([*fc, str(corpus), *report, "--index", str(index)])
    new = work / "new"
    new.mkdir(exist_ok=True)
    shutil.copy(first, new / "new_article.txt")
    row["prepublish"] = prepublish(new, index, work)
    for key in ("cold_jobs1", "cold_jobsN", "warm", "one_changed"):
        row[key]["articles_per_s"] = round(n / row[key]["seconds"], 1)
    row["speedup_jobsN"] = round(row["cold_jobs1"]["seconds"] / row["cold_jobsN"]["seconds"], 2)
    row["cold_over_read"] = round(row["cold_jobs1"]["seconds"] / max(row["baseline"]["read_seconds"], 1e-6), 1)
    row["cold_over_regex"] = round(row["cold_jobs1"]["seconds"] / max(row["baseline"]["regex_seconds"], 1e-6), 1)
    return row


def prepublish(new: Path, index: Path, work: Path, runs: int = 9) -> dict[str, float]:
    return repeated([*command(), "check", str(new), "--against", str(index), "--format", "json",
                     "-o", str(work / "check.json"), "--fail-on", "never"], runs, cwd=work)


def latency_only(n: int, work: Path) -> dict:
    """The pre-publish check against an index of n generated articles, without the cold runs
    (at 100,000 articles they take most of an hour)."""
    corpus = work / f"corpus{n}"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(corpus), "--articles", str(n)], check=True)
    index = work / f"index{n}.sqlite"
    row: dict = {"articles": n, "jobs": jobs_available()}
    row["index_build"] = measured([*command(), "index", str(corpus), "--index", str(index), "--jobs", str(row["jobs"])])
    row["index_mib"] = round(index.stat().st_size / 2**20, 1)
    new = work / "new"
    new.mkdir(exist_ok=True)
    shutil.copy(sorted(corpus.iterdir())[0], new / "new_article.txt")
    row["prepublish"] = prepublish(new, index, work)
    return row


def startup(work: Path) -> dict:
    one = work / "one"
    one.mkdir(exist_ok=True)
    shutil.copy(next(p for p in sorted((ROOT / "seeds").iterdir()) if p.suffix == ".txt"), one / "a.txt")
    python = measured([sys.executable, "-c", "pass"])
    factcheck = measured([*command(), str(one), "--format", "json", "-o", str(work / "one.json"), "--fail-on", "never"])
    return {"python_seconds": python["seconds"], "factcheck_one_file_seconds": factcheck["seconds"],
            "above_interpreter_seconds": round(factcheck["seconds"] - python["seconds"], 3)}


def markdown(result: dict) -> str:
    lines = ["| articles | cold 1 job (art/s) | cold N jobs (art/s) | speed-up | warm (art/s) | one changed (s) "
             "| pre-publish (s) | peak RSS (MiB) | cold / read | cold / regex |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in result["sizes"]:
        lines.append(f"| {r['articles']} | {r['cold_jobs1']['articles_per_s']} | {r['cold_jobsN']['articles_per_s']} "
                     f"({r['jobs']}) | {r['speedup_jobsN']}x | {r['warm']['articles_per_s']} | {r['one_changed']['seconds']} "
                     f"| {r['prepublish']['seconds']} | {r['cold_jobs1']['peak_mib']} | {r['cold_over_read']}x "
                     f"| {r['cold_over_regex']}x |")
    s = result["startup"]
    lines.append("")
    lines.append(f"Start-up: factcheck on one file {s['factcheck_one_file_seconds']} s; the interpreter alone "
                 f"{s['python_seconds']} s; above the interpreter {s['above_interpreter_seconds']} s.")
    sizes = {r["articles"]: r for r in result["sizes"]}
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        ratio = sizes[large]["cold_jobs1"]["seconds"] / sizes[small]["cold_jobs1"]["seconds"]
        lines.append(f"Scale: {large} articles take {ratio:.1f}x the time of {small} ({large / small:.0f}x the articles).")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default: 1000,10000)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where latest.json and latest.md go")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary folder)")
    parser.add_argument("--latency-only", metavar="SIZES",
                        help="only the pre-publish check, against indexes of these sizes (e.g. 10000,100000); "
                             "writes latency.json and latency.md")
    args = parser.parse_args()
    compile_package()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        if args.latency_only:
            sizes = [int(s) for s in args.latency_only.split(",") if s.strip()]
            latency = {"python": sys.version.split()[0], "cores": jobs_available(),
                       "interpreter": repeated([sys.executable, "-c", "pass"], 9),
                       "sizes": [latency_only(n, work) for n in sizes]}
            (args.out / "latency.json").write_text(json.dumps(latency, indent=1) + "\n", encoding="utf-8")
            table = latency_markdown(latency)
            (args.out / "latency.md").write_text(table, encoding="utf-8")
            print(table)
            return
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        result = {"python": sys.version.split()[0], "cores": jobs_available(), "startup": startup(work),
                  "sizes": [one_size(n, work) for n in sizes]}
    (args.out / "latest.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    table = markdown(result)
    (args.out / "latest.md").write_text(table, encoding="utf-8")
    print(table)


def latency_markdown(result: dict) -> str:
    lines = ["| archive articles | index build (s) | index (MiB) | pre-publish check, median of 9 (s) | fastest (s) |",
             "|---|---|---|---|---|"]
    for r in result["sizes"]:
        lines.append(f"| {r['articles']} | {r['index_build']['seconds']} | {r['index_mib']} | {r['prepublish']['seconds']} "
                     f"| {r['prepublish']['fastest']} |")
    lines.append(f"\nThe interpreter alone starts and exits in {result['interpreter']['seconds']} s (median of 9); "
                 f"{result['cores']} cores, Python {result['python']}.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
