"""Where a claim was read decides what it may raise: claims from lists and from the date of a
statement are weak evidence, and weak evidence never makes an error (issue 7, classes
"enumerations read as claims" and "dates that are not the event's")."""

from __future__ import annotations

from tests.conftest import claims_of, findings, run_cli, write

LIST_ARTICLE = """SEMARANG - Pemerintah Kota Semarang meraih penghargaan Anugerah Kota Sehat 2023 kategori Swasti Saba Wistara yang diserahkan Menteri Kesehatan Budi Gunadi Sadikin di Jakarta, Selasa (14/11/2023).
Berikut daftar penerima penghargaan lainnya:
- Kabupaten Kudus kategori Swasti Saba Padapa
- Kota Salatiga kategori Swasti Saba Wiwerda
"""


def test_list_items_are_read_as_a_list(tmp_path):
    claims = claims_of(tmp_path, LIST_ARTICLE)
    by_line = {(c.attribute, c.evidence.line): c.source.value for c in claims.claims}
    assert by_line[("category", 1)] != "list"
    assert [source for (attr, line), source in by_line.items() if attr == "category" and line > 2] == ["list", "list"]


def test_a_sentence_that_enumerates_after_an_intro_word_is_a_list(tmp_path):
    text = ("Penerima penghargaan tahun ini yaitu Kota Bogor kategori Madya, Kota Depok kategori Utama, "
            "dan Kabupaten Bekasi kategori Pratama.\n")
    claims = claims_of(tmp_path, text)
    assert {c.source.value for c in claims.claims if c.attribute == "category"} == {"list"}


def test_the_date_of_a_statement_is_a_quote_not_the_act(tmp_path):
    text = ("Bupati Kendal Dico Ganinduto menerima penghargaan Adipura 2023 dari Menteri LHK Siti Nurbaya di Jakarta, "
            "Selasa (28/2/2023).\n"
            "Penghargaan Adipura itu diterima untuk ketiga kalinya, ujar Dico kepada wartawan di Kendal, Kamis (2/3/2023).\n")
    claims = claims_of(tmp_path, text)
    dates = {c.display: c.source.value for c in claims.claims if c.attribute == "date"}
    assert dates.get("Selasa (28/2/2023)") == "act"
    assert dates.get("Kamis (2/3/2023)") in (None, "quote")


def test_weak_evidence_is_info_and_hidden_by_default(tmp_path):
    other = ("JAKARTA - Menteri Kesehatan Budi Gunadi Sadikin menyerahkan penghargaan Anugerah Kota Sehat 2023 di Jakarta, "
             "Selasa (14/11/2023).\nBerikut daftar penerima penghargaan:\n- Kabupaten Kudus kategori Swasti Saba Wistara\n"
             "- Kota Semarang kategori Swasti Saba Padapa\n")
    write(tmp_path, {"a.txt": LIST_ARTICLE, "b.txt": other})
    default = run_cli(tmp_path, "--format", "json")
    shown = run_cli(tmp_path, "--format", "json", "--show", "info")
    assert default.returncode == 0, default.stderr
    import json

    hidden = json.loads(default.stdout)
    every = json.loads(shown.stdout)
    assert all(f["severity"] != "error" for f in every["findings"] if f["attribute"] == "category")
    assert len(every["findings"]) == len(hidden["findings"]) + hidden["hidden_info"]


def test_joint_presenters_agree_with_a_report_naming_one_of_them(tmp_path):
    joint = ("Gubernur Jawa Tengah Ganjar Pranowo bersama Wakil Gubernur Taj Yasin Maimoen menyerahkan penghargaan "
             "Anugerah Kebudayaan 2021 kepada Bupati Kendal Dico Ganinduto di Gradhika Bhakti Praja, Semarang, Senin (20/12/2021).\n")
    one = ("Penghargaan Anugerah Kebudayaan 2021 diserahkan Gubernur Jawa Tengah Ganjar Pranowo kepada Bupati Kendal "
           "Dico Ganinduto di Gradhika Bhakti Praja, Semarang, Senin (20/12/2021).\n")
    other = one.replace("Gubernur Jawa Tengah Ganjar Pranowo", "Sekda Jawa Tengah Sumarno")
    write(tmp_path / "agree", {"a.txt": joint, "b.txt": one})
    write(tmp_path / "differ", {"a.txt": joint, "c.txt": other})
    assert findings([tmp_path / "agree"], "presenter") == []
    assert findings([tmp_path / "differ"], "presenter")


def test_the_reader_of_the_decree_and_the_one_represented_are_not_presenters(tmp_path):
    text = ("Keputusan Presiden itu dibacakan oleh Deputi Kemensetneg Nanik Purwanti, lalu Menteri Dalam Negeri Tito Karnavian "
            "menyematkan Satyalancana kepada Bupati Banyuwangi Ipuk Fiestiandani di Surabaya, Kamis (25/4/2024).\n"
            "Mendagri Tito Karnavian atas nama Presiden Joko Widodo menyerahkan penghargaan kepada Wali Kota Surabaya Eri Cahyadi, "
            "Kamis (25/4/2024).\n")
    presenters = {c.display.split(" (")[0] for c in claims_of(tmp_path, text).claims if c.attribute == "presenter"}
    assert presenters == {"Tito Karnavian"}


def test_a_party_chair_and_a_plt_duty_sit_beside_a_government_post(tmp_path):
    a = ("Menteri Koordinator Bidang Perekonomian Airlangga Hartarto meresmikan Pasar Rakyat Sukamaju di Bogor, "
         "Senin (4/3/2024).\nPlt Bupati Bogor Iwan Setiawan mendampingi peresmian itu.\n")
    b = ("Ketua Umum Partai Golkar Airlangga Hartarto meresmikan Pasar Rakyat Sukamaju di Bogor, Senin (4/3/2024).\n"
         "Wakil Bupati Bogor Iwan Setiawan hadir dalam peresmian itu.\n")
    write(tmp_path, {"a.txt": a, "b.txt": b})
    assert findings([tmp_path], "title") == []


def test_a_decrees_date_is_a_document_date_not_the_act(tmp_path):
    text = ("Presiden Joko Widodo menganugerahkan gelar Pahlawan Nasional kepada enam tokoh di Istana Negara, Jakarta, "
            "Jumat (10/11/2023). Penganugerahan itu berdasarkan Keppres Nomor 115/TK/2023 yang ditetapkan tanggal "
            "6 November 2023.\n")
    dates = {c.display: c.source.value for c in claims_of(tmp_path, text).claims if c.attribute == "date"}
    assert dates.get("Jumat (10/11/2023)") == "act"
    assert dates.get("6 November 2023") in (None, "document")


def test_a_weekday_is_not_wrong_against_a_guessed_year(tmp_path):
    # 5 September fell on a Tuesday in 2023; the article writes no year and is undated.
    text = "Mendagri Tito Karnavian melantik sembilan Pj Gubernur di Jakarta, Selasa (5/9). Pelantikan berlangsung khidmat.\n"
    claims = claims_of(tmp_path, text).claims
    assert not [c for c in claims if c.attribute == "weekday" and c.partial and c.partial.as_date()
                and int(c.value) != c.partial.as_date().weekday()]


def test_several_categories_without_a_receiver_are_a_listing(tmp_path):
    text = ("Penghargaan Kabupaten/Kota Layak Anak 2023 diserahkan Menteri PPPA Bintang Puspayoga di Semarang, Sabtu (22/7/2023). "
            "Penghargaan diberikan dalam kategori Pratama, kategori Madya, kategori Nindya dan kategori Utama.\n")
    sources = {c.source.value for c in claims_of(tmp_path, text).claims if c.attribute == "category"}
    assert sources == {"list"}


def test_an_inflected_common_word_opening_a_sentence_is_not_a_name(tmp_path):
    text = ("Rencananya Presiden Joko Widodo menyerahkan penghargaan Adipura 2023 kepada Wali Kota Bogor Bima Arya di Jakarta, "
            "Senin (6/3/2023).\n")
    names = set(claims_of(tmp_path, text).people.values())
    assert not any(n.startswith("Rencananya") for n in names)


def test_two_dates_inside_one_article_contradict_only_when_both_are_the_acts(tmp_path):
    stages = ("Presiden Joko Widodo meresmikan Bendungan Sukamaju di Kabupaten Garut, Kamis (18/2/2021).\n"
              "Pengisian awal waduk itu sudah dimulai pada Senin (4/1/2021), kata Kepala Balai Besar Wilayah Sungai Cimanuk.\n")
    again = ("Presiden Joko Widodo meresmikan Bendungan Sukamaju di Kabupaten Garut, Kamis (18/2/2021).\n"
             "Peresmian pada Jumat (19/2/2021) itu juga dihadiri Gubernur Jawa Barat Ridwan Kamil.\n")
    write(tmp_path / "stages", {"a.txt": stages})
    write(tmp_path / "again", {"a.txt": again})
    assert findings([tmp_path / "stages"], "date") == []
    assert findings([tmp_path / "again"], "date")
