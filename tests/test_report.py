"""The markdown report an editor reads (issue 9): its language, stories first, articles named
as an editor knows them, dates in the editor's form. Run as a user runs the command."""

from __future__ import annotations

import re

from conftest import ROOT, run_cli, write

SEEDS = ROOT / "seeds"


def _report(*args) -> str:
    result = run_cli(*args, "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_report_speaks_the_articles_language_by_default_and_english_when_asked(tmp_path):
    # The seeds are Indonesian, so the report is, every word of it: headings, messages, reasons.
    indonesian = _report(SEEDS)
    assert indonesian.startswith("# Laporan factcheck") and "## Berita dengan temuan" in indonesian
    assert "| Artikel | Yang dikatakan | Baris | Kutipan |" in indonesian
    assert "mungkin memberitakan peristiwa yang berbeda" in indonesian and "Verdict" not in indonesian
    assert "penyerah atau pelantik berbeda untuk" in indonesian and "tanggalnya berselisih 328 hari" in indonesian
    assert "different" not in indonesian and "days apart" not in indonesian
    english = _report(SEEDS, "--lang", "en")
    assert english.startswith("# factcheck report") and "## Stories with findings" in english
    assert "the articles may describe different occurrences" in english and "dates 328 days apart" in english
    assert "berselisih" not in english
    # The configuration can ask too; English articles get an English report.
    (tmp_path / "factcheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert _report(SEEDS, "--config", tmp_path / "factcheck.toml").startswith("# factcheck report")
    write(tmp_path / "en", {"a.txt": "JAKARTA - President Joko Widodo inaugurated the Semanggi bridge in Jakarta on Thursday, August 17, 2017.\n"})
    assert _report(tmp_path / "en").startswith("# factcheck report")


def test_a_weekday_slip_is_said_with_the_weekday_in_the_reports_language(tmp_path):
    write(tmp_path, {"a.txt": "Judul\n\nAcara digelar di Bandung, Kamis (20/9/2023). Lalu Rabu (20/9/2023) juga.\n"})
    assert "tertulis Kamis untuk 20/9/2023, padahal hari itu Rabu" in _report(tmp_path)
    assert "Kamis is written for 20/9/2023, which is a Wednesday" in _report(tmp_path, "--lang", "en")


def test_stories_come_first_worst_first_and_each_holds_its_findings(tmp_path):
    lead = "Penghargaan Anugerah Layanan Prima 2024 kategori Kabupaten Terbaik untuk Kabupaten {r} diserahkan {p} di Gedung Sasana Bhakti Praja, Jakarta, {d}."
    write(tmp_path, {
        "a.txt": "SLEMAN - " + lead.format(r="Sleman", p="Menteri Dalam Negeri Tito Karnavian", d="Kamis (12/9/2024)"),
        "b.txt": "SLEMAN - " + lead.format(r="Sleman", p="Menteri Sosial Tri Rismaharini", d="Kamis (12/9/2024)"),
        "c.txt": "BANTUL - " + lead.format(r="Bantul", p="Menteri Dalam Negeri Tito Karnavian", d="Selasa (12/9/2024)"),
    })
    report = _report(tmp_path, "--lang", "en")
    summary = report.split("## Stories with findings", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in summary.splitlines() if re.match(r"\d+\. ", line)]
    assert len(lines) == 2 and lines[0].startswith("1. ERROR") and "Sleman" in lines[0]
    # A story with more findings first among equals; the subject's date in the editor's form.
    assert lines[1].startswith("2. ERROR · Selasa 12/9/2024") and "weekday" in lines[1]
    sleman = report.split("## Penghargaan Anugerah Layanan Prima · Kabupaten Sleman", 1)[1].split("\n## ", 1)[0]
    assert "### 1. ERROR · presenter" in sleman


def test_articles_are_named_by_headline_outlet_and_date_and_dates_are_written_as_editors_do(tmp_path):
    write(tmp_path, {
        "a.md": "---\ntitle: Sleman Raih Anugerah Layanan Prima\noutlet: Kabar Sleman\npublished: 2024-09-13\n---\n"
                "Penghargaan Anugerah Layanan Prima 2024 untuk Kabupaten Sleman diserahkan Menteri Dalam Negeri Tito "
                "Karnavian di Gedung Sasana Bhakti Praja, Jakarta, Kamis (12/9/2024).\n",
        "b.txt": "Penghargaan Anugerah Layanan Prima 2024 untuk Kabupaten Sleman diserahkan Menteri Sosial Tri "
                 "Rismaharini di Gedung Sasana Bhakti Praja, Jakarta, Kamis (12/9/2024).\n",
    })
    report = _report(tmp_path, "--lang", "en")
    assert "“Sleman Raih Anugerah Layanan Prima” (Kabar Sleman, 13/9/2024) · a.md" in report
    verdicts = [line for line in report.splitlines() if line.startswith("**Verdict:**")]
    assert verdicts and not any(re.search(r"\d{4}-\d{2}-\d{2}", v) for v in verdicts)


def test_the_sample_report_in_the_readme_is_what_factcheck_seeds_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("`factcheck seeds/` prints", 1)[1].split("```markdown\n", 1)[1].split("\n…\n```", 1)[0]
    assert _report(SEEDS).startswith(sample + "\n")


def test_a_relative_date_is_shown_with_the_date_it_stands_for(tmp_path):
    lead = ("SLEMAN - Bupati Sleman Kustini Sri Purnomo menerima penghargaan Anugerah Layanan Prima 2024 dari Menteri "
            "Dalam Negeri Tito Karnavian di Gedung Sasana Bhakti Praja, Jakarta, {d}.\n")
    write(tmp_path, {"a.md": "---\npublished: 2024-09-13\n---\nSleman Raih Anugerah\n\n" + lead.format(d="kemarin"),
                     "b.txt": lead.format(d="Rabu (11/9/2024)")})
    report = _report(tmp_path)
    assert "| kemarin (= 12/9/2024) |" in report and "| Rabu (11/9/2024) |" in report


def test_every_reason_the_code_gives_has_words_in_every_language():
    from factcheck.words import available, words

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "factcheck").rglob("*.py"))
    keys = set(re.findall(r'_says\("(\w+)"', source)) | set(re.findall(r'Phrase\(key="(\w+)"', source))
    assert {"same_day", "undated", "calendar", "weak_sources", "other_year"} <= keys
    for code in available():
        assert keys <= set(words(code).reasons), (code, keys - set(words(code).reasons))
