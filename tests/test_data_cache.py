"""The parsed-data cache (FACTCHECK_CACHE_DIR): it may make start-up faster, and it must never
change what a run reports, whatever state it is in."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli

SEEDS = ROOT / "seeds"


def _report(cache: Path | str, *args: str | Path) -> str:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}
    result = run_cli(SEEDS, "--format", "json", "--fail-on", "never", *args, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cached_run_reports_what_an_uncached_run_reports(tmp_path):
    cache = tmp_path / "cache"
    uncached = _report("")
    first = _report(cache)
    assert list(cache.glob("data-*.json")), "nothing was cached"
    assert _report(cache) == first == uncached


def test_broken_or_unwritable_cache_is_passed_by(tmp_path):
    cache = tmp_path / "cache"
    expected = _report(cache)
    for entry in cache.glob("data-*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert _report(cache) == expected
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert _report(blocked) == expected


def test_an_edited_rule_file_is_read_again_not_served_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    before = _report(cache, "--rules", rules)
    assert '"attribute": "presenter"' in before
    # The new wording must show, although the file's old text is in the cache.
    presenter = rules / "checks" / "presenter.yaml"
    text = presenter.read_text(encoding="utf-8")
    assert 'message: "different presenters' in text, "the rule file changed: update this test"
    presenter.write_text(text.replace('message: "different presenters', 'message: "presenters disagree'), encoding="utf-8")
    after = _report(cache, "--rules", rules)
    assert "presenters disagree" in after and "presenters disagree" not in before


def test_compiled_patterns_are_kept_and_a_damaged_store_is_passed_by(tmp_path):
    cache = tmp_path / "cache"
    uncached = _report("")
    assert _report(cache) == uncached
    stores = list(cache.glob("patterns-*.marshal"))
    assert stores, "the compiled patterns were not kept"
    assert _report(cache) == uncached  # served from the store
    whole = stores[0].read_bytes()
    for damaged in (b"", b"\x00garbage", whole[: len(whole) // 2]):
        stores[0].write_bytes(damaged)
        assert _report(cache) == uncached


def test_an_edited_lexicon_is_matched_with_its_new_words_not_the_stored_patterns(tmp_path):
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("JAKARTA - Penghargaan diserahkan Kepala Juru Padang Budi Santoso di Jakarta, "
                       "Kamis (12/9/2024).\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}

    def titles() -> list[str]:
        result = run_cli("claims", article, "--rules", rules, "--format", "json", env=env)
        assert result.returncode == 0, result.stderr
        return [c["display"] for c in json.loads(result.stdout)[0]["claims"]["claims"] if c["attribute"] == "title"]

    assert not titles()
    offices = rules / "lexicon" / "offices.yaml"
    text = offices.read_text(encoding="utf-8")
    assert "\noffices:\n" in text, "offices.yaml changed shape: update this test"
    entry = ("  - id: kepala-juru-padang\n    name: Kepala Juru Padang\n    en: Chief Padang Warden\n"
             "    scope: national\n    aliases:\n      id: [Kepala Juru Padang]\n      en: []\n")
    offices.write_text(text.replace("\noffices:\n", "\noffices:\n" + entry, 1), encoding="utf-8")
    assert any("Kepala Juru Padang" in t for t in titles())


def test_a_rule_file_broken_after_a_cached_run_is_still_reported_with_its_line(tmp_path):
    # The validated form of each data file is kept; a file whose text changed must be
    # validated again, not read back from what its old text gave.
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    assert '"rule_errors": []' in _report(cache, "--rules", rules)
    assert list(cache.glob("valid-*.json")), "no validated data file was kept"
    date_rule = rules / "checks" / "date.yaml"
    text = date_rule.read_text(encoding="utf-8")
    assert "\nscope: event\n" in text, "the date rule changed shape: update this test"
    date_rule.write_text(text.replace("\nscope: event\n", "\nscope: everywhere\n"), encoding="utf-8")
    line = text.split("\n").index("scope: event") + 1
    errors = json.loads(_report(cache, "--rules", rules))["rule_errors"]
    assert any(f"date.yaml:{line}:" in e and "scope" in e for e in errors), errors


def test_a_warm_run_reads_its_data_files_without_loading_the_validator(tmp_path):
    # Start-up: once the data files were validated, a run reads them back as they were kept,
    # and the validating library (most of a cold start's imports) is never loaded.
    cache = tmp_path / "cache"
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}
    command = [sys.executable, "-X", "importtime", "-m", "factcheck", str(SEEDS / "001_54aaad936bbab106.txt"),
               "--fail-on", "never", "-q"]
    cold = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert cold.returncode == 0 and "pydantic" in cold.stderr
    warm = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert warm.returncode == 0 and "factcheck.pipeline" in warm.stderr
    assert "pydantic" not in warm.stderr and warm.stdout == cold.stdout


def test_the_pattern_store_forgets_the_patterns_of_a_lexicon_edited_many_times(tmp_path):
    # Each edit of the offices gives new patterns; the store keeps what recent runs used, so it
    # does not grow with every edit (it is loaded whole at every start-up).
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    offices = rules / "lexicon" / "offices.yaml"
    text = offices.read_text(encoding="utf-8")
    assert "\noffices:\n" in text, "offices.yaml changed shape: update this test"
    sizes = []
    for n in range(16):
        entry = (f"  - id: kepala-juru-{n}\n    name: Kepala Juru Nomor{n}\n    scope: national\n"
                 f"    aliases:\n      id: [Kajur{n}, Kepala Juru Nomor{n}]\n")
        offices.write_text(text.replace("\noffices:\n", "\noffices:\n" + entry, 1), encoding="utf-8")
        _report(cache, "--rules", rules)
        sizes.append(next(cache.glob("patterns-*.marshal")).stat().st_size)
    # Past the kept generations, each edit's new patterns replace the oldest edit's.
    assert sizes[-1] - sizes[7] < (sizes[7] - sizes[0]) / 2, sizes
