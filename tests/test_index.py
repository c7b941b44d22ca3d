"""The claim index (issue 8, part 2): `factcheck index`, `check --against` an index, and the
index as a cache. These tests count the work the command says it did; they do not time it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, factcheck_command, run_cli

SEED_OLD = ROOT / "seeds" / "000_86caa9665f90601d.txt"
SEED_NEW = ROOT / "seeds" / "001_54aaad936bbab106.txt"


def index_stats(result) -> dict[str, int]:
    """'INDEX: N article file(s); E extracted, U unchanged, R removed; ...' -> {"article": N, ...}."""
    assert result.returncode == 0, result.stderr
    return {word: int(n) for n, word in re.findall(r"(\d+) ([a-z]+)", result.stdout.split(": ", 1)[1])}


def generated_archive(folder, articles: int):
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(folder), "--articles", str(articles)],
                   check=True)
    return folder


def findings_of(result) -> list[tuple]:
    report = json.loads(result.stdout)
    return sorted((f["id"], f["severity"], tuple(sorted(e["path"].rsplit("/", 1)[-1] for e in f["evidence"])))
                  for f in report["findings"])


def test_a_rerun_with_nothing_changed_extracts_nothing_and_a_changed_article_is_reextracted(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "seeds", archive)
    first = index_stats(run_cli("index", archive, cwd=tmp_path))
    assert first["extracted"] == 2 and first["unchanged"] == 0
    again = index_stats(run_cli("index", archive, cwd=tmp_path))
    assert again["extracted"] == 0 and again["unchanged"] == 2
    with (archive / SEED_OLD.name).open("a", encoding="utf-8") as handle:
        handle.write("\nPenghargaan itu menjadi yang ketiga kalinya.\n")
    changed = index_stats(run_cli("index", archive, cwd=tmp_path))
    assert changed["extracted"] == 1 and changed["unchanged"] == 1
    (archive / SEED_NEW.name).unlink()
    removed = index_stats(run_cli("index", archive, cwd=tmp_path))
    assert removed["removed"] == 1 and removed["article"] == 1


def test_a_changed_lexicon_reextracts_and_a_changed_check_rule_does_not(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "seeds", archive)
    index_stats(run_cli("index", archive, "--rules", rules, cwd=tmp_path))
    with (rules / "checks" / "date.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a note that changes the file\n")
    assert index_stats(run_cli("index", archive, "--rules", rules, cwd=tmp_path))["extracted"] == 0
    with (rules / "lexicon" / "venues.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a note that changes the file\n")
    assert index_stats(run_cli("index", archive, "--rules", rules, cwd=tmp_path))["extracted"] == 2


def indexed_seed_archive(tmp_path):
    """An archive folder holding the older seed, and its claim index."""
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(SEED_OLD, archive)
    index = tmp_path / "published.sqlite"
    index_stats(run_cli("index", archive, "--index", index, cwd=tmp_path))
    return archive, index


def test_check_against_an_index_file_quotes_the_archive_and_needs_no_archive_folder(tmp_path):
    archive, index = indexed_seed_archive(tmp_path)
    shutil.rmtree(archive)  # the archive's evidence comes from the index alone
    result = run_cli("check", SEED_NEW, "--against", index, "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert sorted(f["attribute"] for f in report["findings"]) == ["category", "date", "presenter"]
    for finding in report["findings"]:
        quotes = {e["path"].rsplit("/", 1)[-1]: e["quote"] for e in finding["evidence"]}
        assert set(quotes) == {SEED_OLD.name, SEED_NEW.name} and all(quotes.values())


def test_an_index_from_another_version_is_said_and_its_articles_are_read_again(tmp_path):
    archive, index = indexed_seed_archive(tmp_path)
    with sqlite3.connect(index) as db:  # as if an older factcheck or other lexicons had built it
        db.execute("UPDATE articles SET extraction = 'older'")
    result = run_cli("check", SEED_NEW, "--against", index, "--format", "json", cwd=tmp_path)
    assert "1 of 1 archive articles were indexed by another version" in result.stderr
    assert sorted(f["attribute"] for f in json.loads(result.stdout)["findings"]) == ["category", "date", "presenter"]
    again = run_cli("check", SEED_NEW, "--against", index, "--format", "json", cwd=tmp_path)
    assert "another version" not in again.stderr  # the article read again was stored again
    shutil.rmtree(archive)
    with sqlite3.connect(index) as db:
        db.execute("UPDATE articles SET extraction = 'older'")
    gone = run_cli("check", SEED_NEW, "--against", index, "--format", "json", cwd=tmp_path)
    assert "whose file is gone are left out" in gone.stderr and not json.loads(gone.stdout)["findings"]


def test_a_plain_run_with_an_index_gives_the_same_report_as_without(tmp_path):
    corpus = ROOT / "tests" / "fixtures" / "corpus2" / "articles"
    plain = run_cli(corpus, "--format", "json", "--fail-on", "never")
    cold = run_cli(corpus, "--format", "json", "--fail-on", "never", "--index", tmp_path / "i.sqlite")
    warm = run_cli(corpus, "--format", "json", "--fail-on", "never", "--index", tmp_path / "i.sqlite")
    assert json.loads(plain.stdout) == json.loads(cold.stdout) == json.loads(warm.stdout)
    assert json.loads(plain.stdout)["findings"]


def test_an_index_of_another_format_is_rebuilt_with_a_warning(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "seeds", archive)
    index = tmp_path / "i.sqlite"
    index_stats(run_cli("index", archive, "--index", index))
    with sqlite3.connect(index) as db:
        db.execute("UPDATE meta SET value = 'old' WHERE key = 'format'")
    result = run_cli("index", archive, "--index", index)
    assert "another factcheck version" in result.stderr and "rebuilding" in result.stderr
    assert index_stats(result)["extracted"] == 2


def test_killed_while_indexing_then_rerun_gives_the_findings_of_a_clean_run(tmp_path):
    archive = generated_archive(tmp_path / "archive", 1500)
    new = tmp_path / "new"
    new.mkdir()
    for name in sorted(p.name for p in archive.iterdir())[:6]:
        shutil.move(archive / name, new / name)
    index = tmp_path / "killed.sqlite"
    proc = subprocess.Popen([*factcheck_command(), "index", str(archive), "--index", str(index), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if index.exists():
            with sqlite3.connect(index, timeout=30) as db:
                if db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0] and \
                        db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > 20:
                    break
    if proc.poll() is not None:
        pytest.skip("indexing finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rerun = index_stats(run_cli("index", archive, "--index", index, timeout=300))
    assert rerun["unchanged"] > 0 and rerun["extracted"] > 0
    after_kill = run_cli("check", new, "--against", index, "--format", "json", "--fail-on", "never", cwd=tmp_path)
    clean = run_cli("check", new, "--against", archive, "--index", tmp_path / "clean.sqlite", "--format", "json",
                    "--fail-on", "never", cwd=tmp_path, timeout=300)
    assert findings_of(after_kill) == findings_of(clean)


def test_two_index_runs_at_once_both_finish_and_leave_a_consistent_index(tmp_path):
    archive = generated_archive(tmp_path / "archive", 300)
    index = tmp_path / "shared.sqlite"
    command = [*factcheck_command(), "index", str(archive), "--index", str(index), "--jobs", "1"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in runs]
    assert [rc for rc, _ in outcomes] == [0, 0], outcomes
    settled = index_stats(run_cli("index", archive, "--index", index, timeout=300))
    assert settled["extracted"] == 0 and settled["unchanged"] == 300
    with sqlite3.connect(index) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("corpus", ["corpus2", "corpus5"])
def test_check_against_gives_what_a_full_run_says_about_each_article(tmp_path, corpus):
    """Each article checked as new against the others gives the full run's findings about it,
    evidence and all: the pre-publish check forms the same event groups as a run over both."""
    from factcheck.index import ClaimIndex, extraction_version
    from factcheck.lexicon import RULES_DIR
    from factcheck.pipeline import check_against, index_archive, run

    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "tests" / "fixtures" / corpus / "articles", archive)

    def about(findings, name):
        return sorted((f.rule, f.severity.value, f.subject, f.id) for f in findings
                      if f.severity.value != "info" and any(e.path.endswith("/" + name) for e in f.evidence))

    full = run([archive]).findings
    index = ClaimIndex(tmp_path / "i.sqlite", extraction_version(RULES_DIR))
    index_archive([archive], index)
    for new in sorted(archive.iterdir()):
        report, _ = check_against([new], index)
        assert about(report.findings, new.name) == about(full, new.name), new.name
    index.close()



def test_a_rerun_answered_by_the_index_changes_with_the_articles_the_rules_and_the_options(tmp_path):
    """A re-run with nothing changed is the report the index kept; anything that decides the
    report (an article's text, a rule file, a house rule, the configuration) is checked afresh."""
    archive, house = tmp_path / "archive", tmp_path / "house"
    shutil.copytree(ROOT / "seeds", archive)
    house.mkdir()
    house_rule = (ROOT / "rules" / "checks" / "presenter.yaml").read_text(encoding="utf-8")
    (house / "house-presenter.yaml").write_text(house_rule.replace("id: presenter", "id: house-presenter", 1),
                                                encoding="utf-8")
    config = tmp_path / "factcheck.toml"
    config.write_text('extra-rules = ["house/"]\nindex = "i.sqlite"\n', encoding="utf-8")

    def report() -> dict:
        result = run_cli(archive, "--format", "json", "--fail-on", "never", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def rules_found(r: dict) -> list[tuple[str, str]]:
        return sorted((f["rule"], f["severity"]) for f in r["findings"])

    first = report()
    assert rules_found(first) == [("category", "warning"), ("date", "warning"), ("house-presenter", "warning"),
                                  ("presenter", "warning")]
    # What a re-run prints is the kept report: a mark put into it shows, so the steps below test
    # that the keeping ends when it should.
    with sqlite3.connect(tmp_path / "i.sqlite") as db:
        (kept,) = db.execute("SELECT report FROM runs").fetchone()
        db.execute("UPDATE runs SET report = ?", (json.dumps({**json.loads(kept), "suppressed": 999}),))
    assert report()["suppressed"] == 999
    os.utime(archive / SEED_OLD.name)  # touched, not changed
    assert report()["suppressed"] == 999

    with (house / "house-presenter.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a house rule changed\n")
    assert report() == first
    text = (archive / SEED_NEW.name).read_text(encoding="utf-8")
    (archive / SEED_NEW.name).write_text(text.replace("Jumat (20/10/23)", "Kamis (12/9/2024)"), encoding="utf-8")
    assert "date" not in {rule for rule, _ in rules_found(report())}
    config.write_text(config.read_text(encoding="utf-8") + '[severity]\ncategory = "info"\n', encoding="utf-8")
    assert "category" not in {rule for rule, _ in rules_found(report())}
