"""The command line (formats, output file, exit codes) and rule files (validation with line)."""

import json
import shutil

from conftest import ROOT, run_cli, write

from factcheck.cli import main
from factcheck.lexicon import RULES_DIR

SEEDS = str(ROOT / "seeds")


def test_markdown_is_the_default_and_reads_like_a_report(capsys):
    assert main([SEEDS, "--fail-on", "never", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# factcheck report")
    assert "| Article | What it says | Line | Quoted words |" in out and "**Verdict:** warning" in out


def test_json_to_a_file_has_the_documented_shape(tmp_path):
    target = tmp_path / "r.json"
    assert main([SEEDS, "--format", "json", "--output", str(target)]) == 0  # warnings do not fail by default
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["articles"]) == 2
    assert set(data["articles"][0]) >= {"path", "claims", "errors"}
    for f in data["findings"]:
        assert set(f) >= {"id", "rule", "attribute", "severity", "subject", "message", "evidence"}
        assert all(set(e) >= {"path", "line", "column", "value", "quote"} for e in f["evidence"])


def test_fail_on_warning_and_usage_errors(tmp_path, capsys):
    assert main([SEEDS, "--fail-on", "warning", "--format", "json"]) == 1
    assert main([str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_finding_ids_survive_unrelated_line_moves(tmp_path):
    for name in ("000_86caa9665f90601d.txt", "001_54aaad936bbab106.txt"):
        shutil.copy(ROOT / "seeds" / name, tmp_path / name)
    main([str(tmp_path), "--format", "json", "-o", str(tmp_path / "a.json")])
    moved = tmp_path / "001_54aaad936bbab106.txt"
    moved.write_text("\n\nBaris tambahan tanpa fakta.\n" + moved.read_text(encoding="utf-8"), encoding="utf-8")
    main([str(tmp_path), "--format", "json", "-o", str(tmp_path / "b.json")])
    ids = [sorted(f["id"] for f in json.loads((tmp_path / n).read_text())["findings"]) for n in ("a.json", "b.json")]
    assert ids[0] == ids[1]


def test_bad_rule_file_names_file_and_line_and_other_rules_run(tmp_path, capsys):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    (rules / "checks" / "date.yaml").write_text(
        "id: date\nextends: conflict\nattribute: date\ndescription: d\nscope: everywhere\ncompare: date\nmessage: m\n")
    out = tmp_path / "r.json"
    assert main([SEEDS, "--rules", str(rules), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert any("date.yaml:5" in e and "scope" in e for e in data["rule_errors"])
    assert "date.yaml:5" in capsys.readouterr().err
    assert {f["attribute"] for f in data["findings"]} == {"presenter", "category"}


def test_broken_lexicon_is_a_usage_error_with_line(tmp_path, capsys):
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    (rules / "lang" / "id" / "calendar.yaml").write_text("weekdays: [[Senin]]\nmonths: oops\n")
    assert main([SEEDS, "--rules", str(rules)]) == 2
    assert "calendar.yaml:1" in capsys.readouterr().err


def test_every_shipped_rule_has_description_and_examples():
    from factcheck.rules import load_rules
    rules, errors = load_rules(RULES_DIR)
    assert errors == [] and len(rules) == 7
    assert all(r.description and (r.examples.conflict or r.examples.same) for r in rules)


def test_markdown_front_matter_problems_are_warnings(tmp_path):
    write(tmp_path, {"a.md": "---\ntitle: [unclosed\n---\nTeks.\n"})
    from factcheck.pipeline import run
    [article] = run([tmp_path]).articles
    assert article.errors == () and "front matter" in article.warnings[0]


def test_internal_error_exits_2(monkeypatch, capsys):
    import factcheck.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.pipeline, "run", broken)
    assert main([SEEDS]) == 2
    assert "internal error" in capsys.readouterr().err


def test_every_rule_case_holds_through_the_installed_command():
    result = run_cli("test-rules")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout and " case(s) hold" in result.stdout


def test_a_rule_case_that_does_not_hold_fails_and_names_the_case(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "checks" / "quantity.yaml"
    # A region's share must clash with a count of no region once the rule stops reading counts per recipient.
    path.write_text(path.read_text(encoding="utf-8").replace("per_recipient: true", "per_recipient: false"), encoding="utf-8")
    result = run_cli("test-rules", "quantity", "--rules", rules)
    assert result.returncode == 1
    assert "FAIL quantity/one-regions-share-beside-a-count-of-no-region" in result.stdout


def test_rules_and_explain_list_and_describe_the_shipped_rules():
    listed = run_cli("rules").stdout.split("\n")
    assert {line.split()[0] for line in listed if line.strip()} >= {"date", "presenter", "title", "category", "weekday"}
    explained = run_cli("explain", "presenter")
    assert explained.returncode == 0 and "Case two-ministers (expect conflict)" in explained.stdout
    unknown = run_cli("explain", "no-such-rule")
    assert unknown.returncode == 2 and "the rules are: " in unknown.stderr
