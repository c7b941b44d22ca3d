"""Named reproductions of inputs that once crashed, hung or vanished (issue 11), run through the
installed command. Each asserts what a user sees: an exit code of 0, 1 or 2 as documented, no
traceback, and every input accounted for in the report."""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

SEEDS = ROOT / "seeds"


def with_seeds(folder: Path, files: dict[str, str | bytes]) -> Path:
    """A folder holding the two seed articles beside the odd files."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def report_of(folder: Path, *extra: str, expect: tuple[int, ...] = (0, 1)) -> dict:
    out = folder.parent / f"{folder.name}.report.json"
    result = run_cli(folder, "--format", "json", "--output", out, *extra)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in expect, (result.returncode, result.stderr)
    return json.loads(out.read_text(encoding="utf-8"))


def by_name(report: dict) -> dict[str, dict]:
    return {Path(a["path"]).name: a for a in report["articles"]}


def seed_findings(report: dict) -> list[str]:
    return sorted(f["attribute"] for f in report["findings"])


@pytest.mark.parametrize("gap", ["  ", "\u00a0", "\t", " \u200b "])
def test_01_whitespace_inside_a_relative_date_is_read(tmp_path, gap):
    text = f"Penghargaan itu diserahkan Menteri Dalam Negeri Tito Karnavian hari{gap}ini di Jakarta.\n"
    report = report_of(with_seeds(tmp_path / "in", {"a.txt": text}))
    assert by_name(report)["a.txt"]["errors"] == []
    assert seed_findings(report) == ["category", "date", "presenter"]


@pytest.mark.parametrize("date", ["30 Februari", "Senin (30/2)", "Feb 30", "31 April"])
def test_02_a_year_less_date_that_does_not_exist(tmp_path, date):
    report = report_of(with_seeds(tmp_path / "in", {"b.txt": f"Bupati menerima penghargaan itu pada {date} di Jakarta.\n"}))
    assert by_name(report)["b.txt"]["errors"] == []


@pytest.mark.parametrize("relative", ["kemarin", "Selasa lalu", "hari ini"])
def test_03_placeholder_publication_year_with_a_relative_date(tmp_path, relative):
    text = f"---\npublished: 0001-01-01\n---\nPenghargaan diserahkan {relative} di Jakarta.\n"
    report = report_of(with_seeds(tmp_path / "in", {"c.md": text}))
    article = by_name(report)["c.md"]
    assert article["errors"] == [] and any("published" in w for w in article["warnings"])


@pytest.mark.parametrize("raw", [b"\xff\xfeab\x00c", b"\xff\xfe\x00\xd8a\x00", "ÿþBupati menerima penghargaan.".encode("cp1252")])
def test_04_a_utf16_mark_on_bytes_that_are_not_utf16(tmp_path, raw):
    report = report_of(with_seeds(tmp_path / "in", {"d.txt": raw}), expect=(0, 1, 2))
    assert "d.txt" in by_name(report)


def test_05_deeply_nested_json_is_an_error_entry_and_the_run_goes_on(tmp_path):
    folder = with_seeds(tmp_path / "in", {"e.json": "[" * 5000 + "]" * 5000})
    report = report_of(folder, expect=(2,))
    assert "nested" in by_name(report)["e.json"]["errors"][0]
    assert seed_findings(report) == ["category", "date", "presenter"]
    assert report_of(folder, "--allow-errors")["findings"]


def test_06_a_file_name_that_is_not_utf8(tmp_path):
    folder = with_seeds(tmp_path / "in", {})
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as odd:
        odd.write(b"Bupati menerima penghargaan itu di Jakarta.\n")
    report = report_of(folder)
    assert any("caf" in name for name in by_name(report))
    markdown = run_cli(folder)
    assert markdown.returncode in (0, 1) and "Traceback" not in markdown.stderr


def test_12_yaml_alias_bomb_in_front_matter_is_refused_quickly(tmp_path):
    bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)) + "---\nBupati menerima penghargaan.\n"
    report = report_of(with_seeds(tmp_path / "in", {"bomb.md": bomb}))
    assert any("front matter" in w for w in by_name(report)["bomb.md"]["warnings"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_16_a_fifo_and_a_device_are_refused_by_type(tmp_path):
    folder = with_seeds(tmp_path / "in", {})
    os.mkfifo(folder / "pipe.txt")
    result = run_cli(folder / "pipe.txt", "/dev/zero", SEEDS, "--format", "json", timeout=30)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    errors = {Path(a["path"]).name: a["errors"] for a in report["articles"]}
    assert "regular file" in errors["pipe.txt"][0] or "format" in errors["pipe.txt"][0]
    assert errors["zero"]
    assert seed_findings(report) == ["category", "date", "presenter"]


def test_17_a_folder_that_cannot_be_entered_is_reported(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root, which ignores folder permissions: tests/hostile/test_permissions.py drops root for this")
    folder = with_seeds(tmp_path / "in", {})
    locked = folder / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("Bupati menerima penghargaan.", encoding="utf-8")
    locked.chmod(0)
    try:
        report = report_of(folder, expect=(2,))
    finally:
        locked.chmod(stat.S_IRWXU)
    assert any("locked" in a["path"] and a["errors"] for a in report["articles"])


def test_18_every_article_of_a_json_array_is_read(tmp_path):
    items = [{"headline": f"Berita {n}", "articleBody": "Bupati menerima penghargaan di Jakarta."} for n in range(3)]
    report = report_of(with_seeds(tmp_path / "in", {"many.json": json.dumps(items)}))
    assert sorted(n for n in by_name(report) if n.startswith("many")) == ["many.json#1", "many.json#2", "many.json#3"]


def test_19_dangling_and_looping_links_are_reported(tmp_path):
    folder = with_seeds(tmp_path / "in", {})
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "up").symlink_to(folder)  # a folder link back up the tree is walked once
    report = report_of(folder, expect=(2,))
    names = by_name(report)
    assert "link" in names["gone.txt"]["errors"][0] and "link" in names["loop.txt"]["errors"][0]
    assert len([a for a in report["articles"] if Path(a["path"]).name.startswith("000_")]) == 1


def test_20_a_run_where_every_file_failed_exits_2(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text("{broken", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01")
    result = run_cli(folder)
    assert result.returncode == 2 and "no article could be checked" in result.stderr


def test_22_incomplete_publication_dates_are_not_guessed(tmp_path):
    files = {f"p{n}.md": f"---\npublished: {value!r}\n---\nBupati menerima penghargaan.\n"
             for n, value in enumerate(["2024-02-30", "9", "Monday", "Sept", "10:30"])}
    report = report_of(with_seeds(tmp_path / "in", files))
    for name in files:
        article = by_name(report)[name]
        assert article["errors"] == [] and any("not a whole, plausible date" in w for w in article["warnings"]), article


def _limit_file_size() -> None:
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_24_a_failed_report_write_keeps_the_previous_report(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("previous", encoding="utf-8")
    result = run_cli(SEEDS, "--format", "json", "--output", out, preexec_fn=_limit_file_size)
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"
    assert not [p for p in tmp_path.iterdir() if p.name != "report.json"]  # no temporary file left


def test_11_a_full_disk_on_standard_output(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = run_cli(SEEDS, stdout=full)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_25_the_same_folder_named_twice_is_read_once(tmp_path):
    folder = with_seeds(tmp_path / "in", {})
    out = tmp_path / "r.json"
    result = run_cli(folder, folder.resolve(), os.path.relpath(folder), "--format", "json", "-o", out, cwd=os.getcwd())
    assert result.returncode == 0
    assert len(json.loads(out.read_text())["articles"]) == 2


def _rules_copy(tmp_path: Path) -> Path:
    from factcheck.lexicon import RULES_DIR

    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    return rules


@pytest.mark.parametrize("case, edit, expect", [
    ("07_unknown_placeholder", ("message: ", "message: \"{subject} {nonsense} \" #"), "unknown placeholder(s) {nonsense}"),
    ("09_compare_without_comparator", ("compare: date", "compare: weekday"), "compare 'weekday' goes with scope 'article'"),
    ("21_unknown_attribute", ("attribute: date", "attribute: datum"), "attribute 'datum' is not one factcheck extracts"),
])
def test_a_rule_that_cannot_run_is_refused_at_load_with_file_and_line(tmp_path, case, edit, expect):
    rules = _rules_copy(tmp_path)
    rule = rules / "checks" / "date.yaml"
    text = rule.read_text(encoding="utf-8")
    old, new = edit
    rule.write_text("\n".join(new + line[len(old):] if line.startswith(old) else line for line in text.splitlines()) + "\n",
                    encoding="utf-8")
    result = run_cli(SEEDS, "--rules", rules, "--lang", "en")
    assert "Traceback" not in result.stderr and result.returncode in (0, 1)
    line = next(n for n, text in enumerate(rule.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(new[:8]))
    assert f"date.yaml:{line}: " in result.stderr and expect in result.stderr, result.stderr
    assert "different presenters" in result.stdout  # the other rules still run


def test_21_a_duplicate_rule_id_is_refused(tmp_path):
    rules = _rules_copy(tmp_path)
    shutil.copy(rules / "checks" / "date.yaml", rules / "checks" / "date.yml")
    result = run_cli(SEEDS, "--rules", rules, "--format", "json")
    assert "already defined" in result.stderr
    assert [f["attribute"] for f in json.loads(result.stdout)["findings"]].count("date") == 1


def test_20_a_rules_folder_without_checks_is_an_error(tmp_path):
    rules = _rules_copy(tmp_path)
    shutil.rmtree(rules / "checks")
    result = run_cli(SEEDS, "--rules", rules)
    assert result.returncode == 2 and "no rule files" in result.stderr and "Traceback" not in result.stderr


def test_a_report_to_a_device_writes_to_it_and_never_replaces_it():
    before = os.stat(os.devnull)
    result = run_cli(SEEDS, "--format", "json", "--output", os.devnull)
    after = os.stat(os.devnull)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.parametrize("pattern, expect", [
    (r"(\w+\s?)+$", "repeats a group that itself repeats"),
    ("", "empty pattern"),
    ("(unclosed", "does not compile"),
    ("x?", "matches the empty string"),
    ("(?i)iklan", "cannot stand beside the others"),
])
def test_15_a_noise_pattern_that_could_hang_or_mark_every_line_is_refused_with_file_and_line(tmp_path, pattern, expect):
    rules = _rules_copy(tmp_path)
    noise = rules / "lang" / "id" / "noise.yaml"
    lines = noise.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("- "))
    lines.insert(at, f"  - '{pattern}'")
    noise.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(SEEDS, "--rules", rules, timeout=30)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"noise.yaml:{at + 1}:" in result.stderr and expect in result.stderr, result.stderr


def test_08_an_empty_weekday_entry_in_the_calendar_is_an_error_naming_the_file(tmp_path):
    rules = _rules_copy(tmp_path)
    calendar = rules / "lang" / "id" / "calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    calendar.write_text(text.replace("  - [Senin]", "  - []", 1), encoding="utf-8")
    result = run_cli(SEEDS, "--rules", rules)
    assert "Traceback" not in result.stderr and result.returncode == 2
    assert "calendar.yaml" in result.stderr


@pytest.mark.parametrize("unit", ["Penghargaan itu diserahkan kepada Bupati Sleman. ", "Kamis (12/9/2024) ",
                                  "kategori Kota Terbaik dan "])
def test_13_a_phrase_repeated_through_100_kb_is_checked_within_its_budget(tmp_path, unit):
    # Before the linear-time work, 100 KB of such text took 17-42 s, past its time budget.
    (tmp_path / "long.txt").write_text("Judul\n\n" + unit * (100_000 // len(unit)) + "\n", encoding="utf-8")
    result = run_cli(tmp_path, "--format", "json", "--fail-on", "never", timeout=120)
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["errors"] == []  # checked, not cut off by its time budget


def test_14_a_thousand_reports_of_one_event_are_checked_and_grouped(tmp_path):
    # Before linear grouping, 1,000 reports of one event took 33 s and 3,000 over 150 s.
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        day = 12 if i != 500 else 13  # one outlet with another date
        (folder / f"{i:04d}.txt").write_text(
            f"SLEMAN - Pemerintah Kabupaten Sleman meraih penghargaan Anugerah Layanan Prima 2024 kategori Kabupaten "
            f"Terbaik. Penghargaan itu diserahkan Menteri Dalam Negeri Tito Karnavian kepada Bupati Sleman Kustini Sri "
            f"Purnomo di Gedung Sasana Bhakti Praja, Jakarta, Kamis ({day}/9/2024). Laporan ke-{i}.\n", encoding="utf-8")
    result = run_cli(folder, "--format", "json", "--fail-on", "never", "--jobs", "1", timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 1000
    dated = [f for f in report["findings"] if f["rule"] == "date"]
    assert any("0500.txt" in e["path"] for f in dated for e in f["evidence"])
