"""The parsed-data cache (FACTCHECK_CACHE_DIR): it may make start-up faster, and it must never
change what a run reports, whatever state it is in."""

from __future__ import annotations

import json
import os
import shutil
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
