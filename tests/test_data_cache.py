"""The parsed-data cache (FACTCHECK_CACHE_DIR): it may make start-up faster, and it must never
change what a run reports, whatever state it is in."""

from __future__ import annotations

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
