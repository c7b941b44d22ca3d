"""Stages 1 and 2: every format read with its line numbers; noise marked, never dropped."""

import json

from conftest import claims_of, report_json, run_cli, write

from factcheck.clean import clean
from factcheck.lexicon import load_lexicon
from factcheck.models import Zone
from factcheck.read import read_article


def test_markdown_front_matter_gives_anchor(tmp_path):
    text = "---\ntitle: Uji\npublished: 2022-05-13\noutlet: Contoh\n---\n\nMendagri Tito Karnavian kemarin melantik Budi Santoso sebagai Pj Bupati Lebak.\n"
    claims = claims_of(tmp_path, text, "a.md")
    assert claims.anchor.isoformat() == "2022-05-13"
    dates = [c for c in claims.claims if c.attribute == "date"]
    assert [c.value for c in dates] == ["2022-05-12"] and dates[0].evidence.line == 7


def test_html_body_only_with_original_lines(tmp_path):
    html = ("<html><head><title>T</title></head><body><nav>Beranda | Rabu (1/1/2020)</nav>\n<article>\n<h1>Judul</h1>\n"
            "<p>Gubernur Bali Made Wirawan melantik Ketut Arsa sebagai Pj Bupati Badung di Gedung Jaya Sabha, Denpasar, Senin (5/2/2024).</p>\n"
            "</article><footer><p>Baca Juga: Senin (6/2/2024)</p></footer></body></html>")
    article = read_article(write(tmp_path, {"a.html": html}) / "a.html")
    texts = [line.text for line in article.lines]
    assert not any("Beranda" in t or "Baca Juga" in t for t in texts)
    claims = claims_of(tmp_path, html, "a.html")
    date = next(c for c in claims.claims if c.attribute == "date")
    assert date.value == "2024-02-05" and date.evidence.line == 4


def test_json_news_article(tmp_path):
    body = {"@type": "NewsArticle", "headline": "Uji", "datePublished": "2024-03-05T10:00:00+07:00",
            "articleBody": "Paragraf satu.\n\nMenko PMK Muhadjir Effendy menyerahkan penghargaan Anugerah Uji kepada Bupati Sleman Joko Susilo hari ini."}
    claims = claims_of(tmp_path, json.dumps(body), "a.json")
    assert claims.anchor.isoformat() == "2024-03-05"
    assert [c.value for c in claims.claims if c.attribute == "date"] == ["2024-03-05"]


def test_bom_and_other_encodings(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffSenin (5/2/2024) ada acara.".encode("utf-8"))
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 di Jakarta, Senin (5/2/2024).".encode("cp1252"))
    assert read_article(tmp_path / "bom.txt").lines[0].text.startswith("Senin")
    latin = read_article(tmp_path / "latin.txt")
    assert latin.lines[0].text.startswith("Café") and "cp1252" in latin.warnings[0]


def test_bad_files_are_errors_and_the_run_goes_on(tmp_path):
    write(tmp_path, {"ok.txt": "Judul\n\nTeks biasa.", "bad.json": "{not json", "notes.pdf": "x"})
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    report = report_json([tmp_path])
    errors = {a["path"].split("/")[-1]: a["errors"] for a in report["articles"]}
    assert errors["ok.txt"] == []
    assert "line 1" in errors["bad.json"][0]
    assert errors["bin.txt"]
    skipped = {s["path"].split("/")[-1]: s["reason"] for s in report["skipped"]}
    assert "notes.pdf" not in errors and "not an article format" in skipped["notes.pdf"]


def test_noise_is_marked_with_line_numbers_kept(tmp_path):
    text = ("mgid.com, 766271, DIRECT, d4c29acad76ce94f\nJudul Berita\n- Berita lain satu\n- Berita lain dua\nBaca Juga\n"
            "Isi berita, Senin (5/2/2024).\n[otw_is sidebar=otw-sidebar-7]\nSCROLL TO CONTINUE WITH CONTENT\nEditor: Redaksi\nComments are closed.")
    lex = load_lexicon()
    article = clean(read_article(write(tmp_path, {"a.txt": text}) / "a.txt"), lex)
    zones = {line.line: line.zone for line in article.lines}
    assert [n for n, z in zones.items() if z == Zone.noise] == [1, 3, 4, 5, 7, 8, 9, 10]
    assert zones[2] == Zone.headline and zones[6] == Zone.body


def test_noise_never_yields_claims(tmp_path):
    text = ("Judul\n\nBaca Juga: Mendagri Tito Karnavian lantik Andi Sukma di Istana Negara, Senin (5/2/2024)\n"
            "Foto: Gubernur Jawa Timur Budi Santoso melantik Ahmad Zaini, Selasa (6/2/2024). (Foto: Dok)\n"
            "Baca berikutnya: Bupati Sleman lantik Sekda, Kamis (8/2/2024)\n"
            "Read next: Governor swears in regent at the Grand Hall on Friday (9/2/2024)\n"
            "[Foto] Bupati Garut Rudy Gunawan melantik Nurdin Yana di Pendopo Garut, Rabu (7/2/2024). (Humas Garut)\n"
            "Wali Kota Bogor Bima Arya melantik Syarifah Sofiah di Balai Kota Bogor. Foto: Humas Pemkot Bogor.\n")
    assert claims_of(tmp_path, text).claims == ()


def test_a_broken_marked_section_in_html_is_read_as_text_not_a_crash(tmp_path):
    # Hypothesis found "<![0": the standard library's parser asserts on it; the article is still read.
    (tmp_path / "a.html").write_text("<article><p>Bupati Sleman hadir <![0 di Jakarta.</p></article>", encoding="utf-8")
    result = run_cli(tmp_path, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["articles"][0]["errors"] == []
