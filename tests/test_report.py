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


def test_the_report_speaks_english_by_default_and_indonesian_when_asked(tmp_path):
    english = _report(SEEDS)
    assert english.startswith("# factcheck report") and "## Stories with findings" in english
    assert "the articles may describe different occurrences" in english
    indonesian = _report(SEEDS, "--lang", "id")
    assert indonesian.startswith("# Laporan factcheck") and "## Berita dengan temuan" in indonesian
    assert "| Artikel | Yang dikatakan | Baris | Kutipan |" in indonesian
    assert "mungkin memberitakan peristiwa yang berbeda" in indonesian and "Verdict" not in indonesian
    # The seeds are Indonesian: "auto" follows the articles; the configuration can ask too.
    assert _report(SEEDS, "--lang", "auto").startswith("# Laporan factcheck")
    (tmp_path / "factcheck.toml").write_text('lang = "id"\n', encoding="utf-8")
    assert _report(SEEDS, "--config", tmp_path / "factcheck.toml").startswith("# Laporan factcheck")


def test_stories_come_first_worst_first_and_each_holds_its_findings(tmp_path):
    lead = "Penghargaan Anugerah Layanan Prima 2024 kategori Kabupaten Terbaik untuk Kabupaten {r} diserahkan {p} di Gedung Sasana Bhakti Praja, Jakarta, {d}."
    write(tmp_path, {
        "a.txt": "SLEMAN - " + lead.format(r="Sleman", p="Menteri Dalam Negeri Tito Karnavian", d="Kamis (12/9/2024)"),
        "b.txt": "SLEMAN - " + lead.format(r="Sleman", p="Menteri Sosial Tri Rismaharini", d="Kamis (12/9/2024)"),
        "c.txt": "BANTUL - " + lead.format(r="Bantul", p="Menteri Dalam Negeri Tito Karnavian", d="Selasa (12/9/2024)"),
    })
    report = _report(tmp_path)
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
    report = _report(tmp_path)
    assert "“Sleman Raih Anugerah Layanan Prima” (Kabar Sleman, 13/9/2024) · a.md" in report
    verdicts = [line for line in report.splitlines() if line.startswith("**Verdict:**")]
    assert verdicts and not any(re.search(r"\d{4}-\d{2}-\d{2}", v) for v in verdicts)


def test_the_sample_report_in_the_readme_is_what_factcheck_seeds_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("`factcheck seeds/` prints", 1)[1].split("```markdown\n", 1)[1].split("\n…\n```", 1)[0]
    assert _report(SEEDS).startswith(sample + "\n")
