"""The benchmark harness keeps working (issue 10): a small run, with no timing assertion."""

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_the_benchmark_harness_runs_end_to_end_on_a_small_corpus(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "120", "--out", str(tmp_path)],
                   check=True, capture_output=True, timeout=600)
    result = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    (row,) = result["sizes"]
    assert row["articles"] == 120
    for stage in ("cold_jobs1", "cold_jobsN", "warm", "one_changed", "index_build"):
        assert row[stage]["seconds"] > 0 and row[stage]["peak_mib"] > 0
    assert 0 < row["prepublish"]["fastest"] <= row["prepublish"]["seconds"]
    assert "| 120 |" in (tmp_path / "latest.md").read_text(encoding="utf-8")


def test_the_latency_benchmark_runs_the_pre_publish_check_only(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--latency-only", "80", "--out", str(tmp_path)],
                   check=True, capture_output=True, timeout=600)
    (row,) = json.loads((tmp_path / "latency.json").read_text(encoding="utf-8"))["sizes"]
    assert row["articles"] == 80 and row["index_mib"] > 0 and row["prepublish"]["runs"] == 9
    assert "| 80 |" in (tmp_path / "latency.md").read_text(encoding="utf-8")


def test_the_generator_is_seeded_and_records_its_slips(tmp_path):
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp_path / name),
                        "--articles", "150", "--seed", "7"], check=True)
    first = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "a").iterdir())
    second = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "b").iterdir())
    assert first == second and len(first) == 150
    truth = json.loads((tmp_path / "a.truth.json").read_text(encoding="utf-8"))
    assert sum(len(e["reports"]) for e in truth["events"]) == 150 and truth["slips"]
