"""What the command does with the inputs it is given (issue 8): no article is an error, files
that are not articles are left out and said so, and --exclude leaves out more."""

from __future__ import annotations

import json
import shutil

import jsonschema

from tests.conftest import ROOT, run_cli


def test_an_empty_folder_is_an_error_not_a_clean_report(tmp_path):
    result = run_cli(tmp_path)
    assert result.returncode == 2
    assert "no article found" in result.stderr and "No conflicting facts" not in result.stdout


def test_a_folder_of_non_articles_is_an_error_that_says_what_was_left_out(tmp_path):
    (tmp_path / "README.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = run_cli(tmp_path)
    assert result.returncode == 2 and "2 file(s) left out" in result.stderr


def test_readme_expected_json_and_images_beside_articles_are_not_read_as_news(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "in")
    (tmp_path / "in" / "README.md").write_text("Penghargaan diserahkan Menteri Sosial pada Senin (1/1/2024).\n", encoding="utf-8")
    (tmp_path / "in" / "expected.json").write_text('{"headline": "x", "articleBody": "y"}', encoding="utf-8")
    (tmp_path / "in" / "logo.png").write_bytes(b"\x89PNG")
    result = run_cli(tmp_path / "in", "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert sorted(a["path"].rsplit("/", 1)[-1] for a in report["articles"]) == sorted(p.name for p in (ROOT / "seeds").iterdir())
    assert sorted(s["path"].rsplit("/", 1)[-1] for s in report["skipped"]) == ["README.md", "expected.json", "logo.png"]
    assert "Left out: 3 file(s)" in run_cli(tmp_path / "in", "--lang", "en").stdout


def test_exclude_leaves_out_matching_files(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "in")
    result = run_cli(tmp_path / "in", "--exclude", "001_*", "--format", "json")
    report = json.loads(result.stdout)
    assert [a["path"].rsplit("/", 1)[-1] for a in report["articles"]] == ["000_86caa9665f90601d.txt"]
    assert report["findings"] == [] and result.returncode == 0


def test_an_article_over_the_size_limit_is_an_error_entry(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "in")
    (tmp_path / "in" / "big.txt").write_text("Bupati menerima penghargaan. " * 2000, encoding="utf-8")
    result = run_cli(tmp_path / "in", "--max-bytes", "20000", "--format", "json")
    assert result.returncode == 2
    errors = {a["path"].rsplit("/", 1)[-1]: a["errors"] for a in json.loads(result.stdout)["articles"]}
    assert "limit" in errors["big.txt"][0]


def test_claims_prints_each_articles_claims_with_line_and_where_they_were_read():
    result = run_cli("claims", ROOT / "seeds" / "001_54aaad936bbab106.txt")
    assert result.returncode == 0
    presenter = [line for line in result.stdout.splitlines() if line.split()[:1] == ["presenter"]]
    assert presenter and "Tito Karnavian" in presenter[0] and " 9 " in presenter[0] and ({"act", "joined"} & set(presenter[0].split()))
    data = json.loads(run_cli("claims", ROOT / "seeds", "--format", "json").stdout)
    assert len(data) == 2 and all(item["claims"]["claims"] for item in data)


def test_check_against_an_archive_reports_only_findings_with_the_new_article(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(ROOT / "seeds" / "000_86caa9665f90601d.txt", archive)
    (archive / "other.txt").write_text("Bupati Serang menerima penghargaan Adipura 2019 di Jakarta, Senin (14/1/2019).\n"
                                       "Penghargaan diserahkan Wakil Presiden Jusuf Kalla.\n", encoding="utf-8")
    (archive / "other2.txt").write_text("Bupati Serang menerima penghargaan Adipura 2019 di Jakarta, Selasa (15/1/2019).\n"
                                        "Penghargaan diserahkan Menteri LHK Siti Nurbaya.\n", encoding="utf-8")
    new = ROOT / "seeds" / "001_54aaad936bbab106.txt"
    result = run_cli("check", new, "--against", archive, "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert sorted(f["attribute"] for f in report["findings"]) == ["category", "date", "presenter"]
    for finding in report["findings"]:  # evidence quoted from both sides
        assert {e["path"].rsplit("/", 1)[-1] for e in finding["evidence"]} == {"000_86caa9665f90601d.txt", new.name}
    assert result.returncode == 0  # warnings only: the default --fail-on error is not reached
    assert run_cli("check", new, "--against", archive, "--fail-on", "warning", cwd=tmp_path).returncode == 1
    consistent = tmp_path / "new.txt"
    consistent.write_text("Pemerintah Kota Bogor meresmikan Taman Sempur yang baru di Bogor, Rabu (3/7/2024).\n", encoding="utf-8")
    quiet = run_cli("check", consistent, "--against", archive, "--format", "json", "--fail-on", "warning", cwd=tmp_path)
    assert quiet.returncode == 0 and json.loads(quiet.stdout)["findings"] == []


def test_text_and_github_formats_give_one_line_per_side_of_a_finding():
    text = run_cli(ROOT / "seeds", "--format", "text").stdout.splitlines()
    sides = [line for line in text if ": warning " in line]
    assert len(sides) == 6 and all(line.split(":")[1].isdigit() for line in sides)
    assert {line.split(":")[0].rsplit("/", 1)[-1] for line in sides} == {p.name for p in (ROOT / "seeds").iterdir()}
    github = run_cli(ROOT / "seeds", "--format", "github").stdout.splitlines()
    assert len(github) == 6 and all(line.startswith("::warning file=") and ",line=" in line for line in github)


def test_the_pre_commit_hook_runs_the_check_it_declares(tmp_path):
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["language"] == "python" and hook["entry"].split()[0] == "factcheck"
    archive = tmp_path / "published"
    archive.mkdir()
    shutil.copy(ROOT / "seeds" / "000_86caa9665f90601d.txt", archive)
    args = [str(archive) if a == "published/" else a for a in hook["args"]]
    result = run_cli(*hook["entry"].split()[1:], *args, ROOT / "seeds" / "001_54aaad936bbab106.txt", "--fail-on", "warning", "--lang", "en")
    assert result.returncode == 1 and "different presenters" in result.stdout


def test_sarif_report_has_the_structure_sarif_2_1_0_requires():
    # The properties SARIF 2.1.0 requires of a log, a run, a tool, a result and a location
    # (checked here by hand: the official schema is third-party text the project does not copy).
    result = run_cli(ROOT / "seeds", "--format", "sarif")
    assert result.returncode == 0
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and {"date", "presenter", "category"} <= {r["id"] for r in driver["rules"]}
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in driver["rules"])
    assert len(run["results"]) == 3
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] == "warning" and res["message"]["text"]
        assert len(res["locations"]) == 2  # both sides of the finding
        for loc in res["locations"]:
            physical = loc["physicalLocation"]
            assert physical["artifactLocation"]["uri"].endswith(".txt") and physical["region"]["startLine"] >= 1
        assert res["partialFingerprints"]["factcheck/v1"]


def test_sarif_report_validates_against_the_sarif_2_1_0_requirements(tmp_path):
    # The schema in tests/fixtures/sarif is written from the specification's rules (the official
    # schema file is third-party text); jsonschema checks the whole log against it.
    schema = json.loads((ROOT / "tests" / "fixtures" / "sarif" / "sarif-2.1.0-requirements.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    folder = tmp_path / "news"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")  # an input that gives a notification
    log = json.loads(run_cli(folder, "--format", "sarif", "--fail-on", "never").stdout)
    assert log["runs"][0]["results"], "the seeds give findings"
    assert not list(validator.iter_errors(log))
    # The check has teeth: a level SARIF does not know is rejected.
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def test_sarif_messages_are_in_the_reports_language():
    # Seeds are Indonesian: the dashboard reads the finding in Indonesian unless told otherwise.
    said = {lang: json.loads(run_cli(ROOT / "seeds", "--format", "sarif", *lang_args).stdout)["runs"][0]["results"]
            for lang, lang_args in (("auto", ()), ("en", ("--lang", "en")))}
    assert all(" berbeda untuk " in r["message"]["text"] for r in said["auto"])
    assert all(r["message"]["text"].startswith("different ") for r in said["en"])
    assert all(loc["message"]["text"].startswith("artikel ini menyebut") for r in said["auto"] for loc in r["locations"])
    assert all(loc["message"]["text"].startswith("this article says") for r in said["en"] for loc in r["locations"])
    assert {r["partialFingerprints"]["factcheck/v1"] for r in said["auto"]} == \
        {r["partialFingerprints"]["factcheck/v1"] for r in said["en"]}


def test_min_confidence_turns_findings_about_undated_reports_into_info(tmp_path):
    dated = ("Pemerintah Kabupaten Sleman meraih penghargaan Anugerah Layanan kategori Kabupaten Terbaik. Penghargaan "
             "diserahkan {who} kepada Bupati Sleman Joko Susilo di Gedung Agung, Yogyakarta{when}.\n")
    (tmp_path / "a.txt").write_text(dated.format(who="Menteri Dalam Negeri Tito Karnavian", when=", Senin (5/2/2024)"),
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(dated.format(who="Menko PMK Muhadjir Effendi", when=""), encoding="utf-8")
    plain = json.loads(run_cli(tmp_path, "--format", "json", "--fail-on", "never").stdout)
    assert [f["severity"] for f in plain["findings"] if f["rule"] == "presenter"] == ["warning"]
    assert plain["findings"][0]["confidence"] < 0.5
    strict = json.loads(run_cli(tmp_path, "--format", "json", "--fail-on", "never", "--min-confidence", "0.5").stdout)
    assert not [f for f in strict["findings"] if f["rule"] == "presenter"] and strict["hidden_info"] >= 1
    # The seeds' warnings (dated reports, may be two editions) stay at 0.5.
    seeds = json.loads(run_cli(ROOT / "seeds", "--format", "json", "--min-confidence", "0.5").stdout)
    assert len(seeds["findings"]) == 3


def test_text_format_is_in_colour_only_when_asked_or_on_a_terminal():
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    plain = run_cli(ROOT / "seeds", "--format", "text", env=env).stdout
    assert "\033[" not in plain  # a pipe is not a terminal
    coloured = run_cli(ROOT / "seeds", "--format", "text", env={**env, "FORCE_COLOR": "1"}).stdout
    assert "\033[1;33mwarning\033[0m" in coloured
    assert "\033[" not in run_cli(ROOT / "seeds", "--format", "text", env={**env, "FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


def test_text_and_github_formats_speak_the_reports_language():
    for fmt in ("text", "github"):
        indonesian = run_cli(ROOT / "seeds", "--format", fmt).stdout
        english = run_cli(ROOT / "seeds", "--format", fmt, "--lang", "en").stdout
        assert "artikel ini menyebut" in indonesian and "this article says" not in indonesian
        assert "this article says" in english and "artikel ini menyebut" not in english
        assert "penyerah atau pelantik berbeda" in indonesian and "different presenters" in english
