"""Extraction quality of event dates, per article, against gold written for the project's fixtures.

    python benchmarks/dates.py [CORPUS]    (default: tests/fixtures/corpus)

CORPUS holds articles/ and dates.gold.json ({"file name": ["YYYY-MM-DD", ...]}). An extracted
event date counts when the gold lists it for that article; a date without its year matches a
gold date with the same month and day.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "corpus"
    from factcheck.lexicon import load_lexicon
    from factcheck.pipeline import claims_for
    from factcheck.read import discover

    gold: dict[str, list[str]] = json.loads((corpus / "dates.gold.json").read_text(encoding="utf-8"))
    lexicon = load_lexicon()
    tp = fp = fn = 0
    for path in discover([corpus / "articles"]).files:
        want = set(gold.get(path.name, []))
        got = {c.value for _, claims in claims_for(path, lexicon) if claims for c in claims.claims if c.attribute == "date"}
        matched = {g for g in want if g in got or "--" + g[5:] in got}
        extra = {d for d in got if d not in want and not any(g.endswith(d[2:]) for g in want if d.startswith("--"))}
        tp, fp, fn = tp + len(matched), fp + len(extra), fn + len(want - matched)
        if extra or want - matched:
            print(f"{path.name}: extracted {sorted(got)} gold {sorted(want)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"event dates: P={precision:.2f} R={recall:.2f} (tp={tp} fp={fp} fn={fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
