"""Living with findings (issue 9): inline suppression in an article, suppression by id in the
configuration, and baselines that survive renaming and unrelated edits."""

from __future__ import annotations

import json
import shutil

from tests.conftest import ROOT, run_cli

NEW = "001_54aaad936bbab106.txt"


def copy_seeds(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "in")
    return tmp_path / "in"


def report(*args, cwd=None) -> dict:
    return json.loads(run_cli(*args, "--format", "json", "--fail-on", "never", cwd=cwd).stdout)


def test_an_ignore_line_silences_the_next_paragraph_for_that_rule_only(tmp_path):
    folder = copy_seeds(tmp_path)
    path = folder / NEW
    lines = path.read_text(encoding="utf-8").split("\n")
    # The presenter sentence of this seed is on line 9: silence presenter findings there.
    at = next(i for i, line in enumerate(lines) if "diserahkan Menteri Dalam Negeri" in line)
    lines.insert(at, "<!-- factcheck: ignore presenter -->")
    path.write_text("\n".join(lines), encoding="utf-8")
    found = report(folder)
    assert sorted(f["rule"] for f in found["findings"]) == ["category", "date"]
    assert found["suppressed"] == 1
    assert "1 suppressed" in run_cli(folder, "--format", "text", "--lang", "en").stdout
    assert "1 diredam" in run_cli(folder, "--format", "text").stdout


def test_ignore_file_silences_every_finding_with_a_side_in_the_article(tmp_path):
    folder = copy_seeds(tmp_path)
    path = folder / NEW
    path.write_text("factcheck: ignore-file\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    found = report(folder)
    assert found["findings"] == [] and found["suppressed"] == 3


def test_a_finding_id_in_the_configuration_is_silenced(tmp_path):
    folder = copy_seeds(tmp_path)
    first = report(folder)["findings"][0]
    (tmp_path / "factcheck.toml").write_text(f'ignore-findings = ["{first["id"]}"]\n', encoding="utf-8")
    after = report(folder, cwd=tmp_path)
    assert first["id"] not in {f["id"] for f in after["findings"]} and after["suppressed"] == 1


def test_a_baseline_survives_renaming_and_an_unrelated_edit_and_lets_a_new_finding_through(tmp_path):
    folder = copy_seeds(tmp_path)
    baseline = tmp_path / "baseline.json"
    written = run_cli("baseline", baseline, folder)
    assert written.returncode == 0 and "3 finding(s) written" in written.stderr
    # Rename both files and add an unrelated paragraph: nothing new.
    for i, path in enumerate(sorted(folder.iterdir())):
        text = path.read_text(encoding="utf-8") + "\n\nWarga berharap program ini berlanjut.\n"
        path.unlink()
        (folder / f"renamed_{i}.txt").write_text(text, encoding="utf-8")
    quiet = report(folder, "--baseline", baseline)
    assert quiet["findings"] == [] and quiet["baselined"] == 3
    # A third report of the same award with another presenter is new.
    (folder / "third.txt").write_text(
        "Pemerintah Kabupaten Tangerang menerima Paritrana Award dari Wakil Presiden Ma'ruf Amin, Jumat (20/10/23). "
        "Penghargaan tersebut diserahkan Menteri Sosial Tri Rismaharini kepada Pj Bupati Tangerang Andi Ony.\n",
        encoding="utf-8")
    fresh = report(folder, "--baseline", baseline)
    assert fresh["findings"] and fresh["baselined"] >= 1


def test_a_baseline_that_is_not_one_is_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = run_cli(ROOT / "seeds", "--baseline", bad)
    assert result.returncode == 2 and "baseline.json" in result.stderr and "not a factcheck baseline" in result.stderr
