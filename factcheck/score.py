"""Score a report against a labelled corpus (`expected.json` with findings and traps).

A reported finding (warning or error) matches a gold finding when the attributes are equal
and their article sets overlap: Jaccard >= 0.5, and at least two shared articles when the
gold lists several. Each reported finding matches at most one gold finding, the closest.

    python -m factcheck.score EXPECTED.json REPORT.json [--verbose]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    severity_agreement: float = 0.0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _names(paths: list[str]) -> set[str]:
    return {PurePath(p).name for p in paths}


def _overlap(want: set[str], have: set[str]) -> float:
    shared = len(want & have)
    if shared == 0 or (len(want) > 1 and shared < 2):
        return 0.0
    j = shared / len(want | have)
    return j if j >= 0.5 else 0.0


def score(gold: dict[str, Any], report: dict[str, Any]) -> Score:
    predicted = [f for f in report.get("findings", []) if RANK.get(f.get("severity", ""), -1) >= 1]
    have = [_names([e["path"] for e in f.get("evidence", [])]) for f in predicted]
    result, used, agree = Score(), set(), 0
    for g in gold.get("findings", []):
        want = _names(g["paths"])
        candidates = [(_overlap(want, have[i]), i) for i, f in enumerate(predicted)
                      if i not in used and f["attribute"] == g["attribute"]]
        best = max((c for c in candidates if c[0] > 0), default=None)
        if best is None:
            result.fn += 1
            result.misses.append(f"{g['attribute']} {sorted(want)}")
            continue
        used.add(best[1])
        result.tp += 1
        agree += predicted[best[1]]["severity"] == g["severity"]
    for i, f in enumerate(predicted):
        if i in used:
            continue
        result.fp += 1
        result.false.append(f"{f['attribute']} {sorted(have[i])}: {f.get('message', '')[:120]}")
        for t in gold.get("traps", []):
            if t["attribute"] == f["attribute"] and _overlap(_names(t["paths"]), have[i]):
                result.traps.append(f"{t['attribute']} {sorted(_names(t['paths']))}")
    result.severity_agreement = agree / result.tp if result.tp else 0.0
    return result


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__)
        return 2
    with open(args[0], encoding="utf-8") as g, open(args[1], encoding="utf-8") as r:
        result = score(json.load(g), json.load(r))
    if "--verbose" in argv:
        for line in result.misses:
            print("MISS", line)
        for line in result.false:
            print("FALSE", line)
        for line in result.traps:
            print("TRAP", line)
    print(f"overall: P={result.precision:.2f} R={result.recall:.2f} (tp={result.tp} fp={result.fp} fn={result.fn}) "
          f"severity_agreement={result.severity_agreement:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
