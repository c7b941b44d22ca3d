"""Does the whole pipeline stay linear on hostile input? Each kind of input is written at
10 KB, 100 KB and 1 MB and run through the installed command (read, clean, extract, group,
check, report), and each size is reported as time per KB against the 10 KB run of the same
kind, in the same command. A ratio near 1 is linear; the command's start-up is measured once
(on an empty article) and taken off every run.

    python benchmarks/hostile.py [--sizes 10000,100000,1000000] [--kinds repeat-kepada,...]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SALAD = ("Kamis (12/9/2024) dilantik oleh Mendagri Tito Karnavian Pj Bupati Tangerang menyerahkan penghargaan Award 2024 "
         "kepada di Istana Negara , . kategori enam 86.000 ribu Baca Juga kemarin ( ) sebagai yang Wapres dari Rp 1,2 "
         "triliun Andi Ony Prihartono S.H., M.Si A. B. C. D. E.").split()
NEWS = ("Bupati Tangerang Ahmed Zaki Iskandar menerima penghargaan Adipura 2023 kategori Kota Sedang dari Menteri LHK "
        "Siti Nurbaya di Jakarta, Kamis (12/9/2024). Baca juga: Wali Kota Serang dilantik. ")


def _repeat(unit: str) -> callable:  # type: ignore[valid-type]
    return lambda size, rng: (unit * (size // len(unit) + 1))[:size]


def _salad(size: int, rng: random.Random) -> str:
    words: list[str] = []
    while sum(map(len, words)) + len(words) < size:
        words.append(rng.choice(SALAD))
    return " ".join(words)[:size]


KINDS = {
    "repeat-kepada": _repeat("Penghargaan diserahkan kepada Bupati Tangerang. "),
    "repeat-date": _repeat("Kamis (12/9/2024) "),
    "repeat-kategori": _repeat("kategori Kota "),
    "news-like": _repeat(NEWS),
    "one-line-salad": _salad,
    "capitalised": _repeat("Andi "),
    "minified-html": lambda size, rng: ("<html><body><article>" + ("<div><p>" + NEWS + "</p></div>") * (size // 220 + 1))[:size],
}


def command() -> list[str]:
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def timed(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*command(), str(folder), "--format", "json", "--output", str(folder / "report.json"),
                    "--max-bytes", str(8 * 1024 * 1024), "--fail-on", "never"], capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    rng = random.Random(1)
    work = Path(tempfile.mkdtemp())
    try:
        (work / "empty").mkdir()
        (work / "empty" / "a.txt").write_text("Judul.\n", encoding="utf-8")
        startup = min(timed(work / "empty") for _ in range(3))
        print(f"start-up (one tiny article): {startup:.2f} s, taken off every figure below")
        for kind in args.kinds.split(","):
            base = None
            for size in sizes:
                folder = work / f"{kind}-{size}"
                folder.mkdir()
                suffix = ".html" if "html" in kind else ".txt"
                (folder / f"a{suffix}").write_text(KINDS[kind](size, rng), encoding="utf-8")
                seconds = max(timed(folder) - startup, 1e-3)
                per_kb = seconds / (size / 1000)
                base = base or per_kb
                print(f"{kind:<16} {size / 1000:>7.0f} KB: {seconds:7.2f} s, time per KB {per_kb / base:5.2f}x the smallest")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
