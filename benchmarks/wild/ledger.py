"""Join a factcheck JSON report on a real-news set with the ledger of hand judgements.

    factcheck benchmarks/wild/pages/dev1 --format json -o /tmp/dev1.json --fail-on never
    python benchmarks/wild/ledger.py /tmp/dev1.json --set dev1

Prints the precision of warnings+errors and of errors alone, false findings per 100 articles,
the figures by attribute and severity, and every finding not judged yet (to be judged by hand
and added to `ledger.yaml`). `--todo FILE` writes the unjudged ones as ledger entries with an
empty verdict, ready to fill in.

A ledger entry names a finding by its set, attribute, the URLs of the articles it cites and the
distinct values: file names and finding ids may change, the article and what it said do not."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
VERDICTS = ("true", "defensible", "false")


def load_manifest(set_name: str) -> dict[str, str]:
    """file name -> URL for one set."""
    with (HERE / "sets" / f"{set_name}.tsv").open(encoding="utf-8") as handle:
        return {row["file"]: row["url"] for row in csv.DictReader(handle, delimiter="\t")}


def finding_key(set_name: str, attribute: str, urls: list[str], values: list[str]) -> tuple:
    return (set_name, attribute, tuple(sorted(set(urls))), tuple(sorted(set(values))))


def report_findings(report: dict, set_name: str, manifest: dict[str, str]) -> list[dict]:
    out = []
    for f in report["findings"]:
        if f["severity"] not in ("warning", "error"):
            continue
        files = sorted({Path(e["path"]).name.split("#")[0] for e in f["evidence"]})
        urls = [manifest.get(name, name) for name in files]
        values = sorted({e["value"] for e in f["evidence"]})
        out.append({"set": set_name, "attribute": f["attribute"], "severity": f["severity"], "confidence": f["confidence"],
                    "subject": f["subject"], "files": urls, "values": values,
                    "key": finding_key(set_name, f["attribute"], urls, values)})
    return out


def load_ledger(path: Path) -> dict[tuple, dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    ledger = {}
    for n, e in enumerate(entries or [], 1):
        if e.get("verdict") not in (*VERDICTS, None, ""):
            sys.exit(f"{path}: entry {n}: verdict must be one of {', '.join(VERDICTS)}")
        ledger[finding_key(e["set"], e["attribute"], e["files"], e["values"])] = e
    return ledger


def precision(rows: list[dict]) -> str:
    judged = [r for r in rows if r["verdict"]]
    if not judged:
        return "n/a"
    good = sum(r["verdict"] in ("true", "defensible") for r in judged)
    return f"{good / len(judged):.2f} ({good}/{len(judged)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--set", required=True, help="the set's name (benchmarks/wild/sets/NAME.tsv)")
    parser.add_argument("--ledger", type=Path, default=HERE / "ledger.yaml")
    parser.add_argument("--todo", type=Path, help="write unjudged findings here as ledger entries to fill in")
    args = parser.parse_args(argv)
    manifest = load_manifest(args.set)
    report = json.loads(args.report.read_text(encoding="utf-8"))
    ledger = load_ledger(args.ledger)
    rows = report_findings(report, args.set, manifest)
    for r in rows:
        entry = ledger.get(r["key"], {})
        r["verdict"], r["cause"] = entry.get("verdict") or None, entry.get("cause", "")
    articles = len([a for a in report["articles"] if not a["errors"]])
    false = sum(r["verdict"] == "false" for r in rows)
    print(f"set {args.set}: {articles} articles checked, {len(rows)} warnings+errors, {sum(not r['verdict'] for r in rows)} unjudged")
    print(f"  precision, warnings+errors: {precision(rows)}")
    print(f"  precision, errors: {precision([r for r in rows if r['severity'] == 'error'])}")
    print(f"  false findings per 100 articles: {100 * false / max(articles, 1):.1f}")
    for attribute in sorted({r["attribute"] for r in rows}):
        for severity in ("error", "warning"):
            sub = [r for r in rows if r["attribute"] == attribute and r["severity"] == severity]
            if sub:
                print(f"  {attribute:<10} {severity:<8} n={len(sub):<3} precision {precision(sub)}")
    causes = Counter(r["cause"].split(":")[0].strip() for r in rows if r["verdict"] == "false")  # by class
    for cause, n in causes.most_common():
        print(f"  false, {n}x: {cause}")
    todo = [r for r in rows if not r["verdict"]]
    for r in todo:
        print(f"  UNJUDGED {r['severity']} {r['attribute']} {r['subject']}: {r['values']} in {r['files']}")
    if args.todo and todo:
        entries = [{"set": r["set"], "attribute": r["attribute"], "severity": r["severity"], "files": r["files"],
                    "values": r["values"], "subject": r["subject"], "verdict": "", "cause": ""} for r in todo]
        args.todo.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
        print(f"  {len(todo)} unjudged finding(s) written to {args.todo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
