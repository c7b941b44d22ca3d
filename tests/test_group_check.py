"""Stages 5 and 6: grouping into occurrences, severity from how sure we are, the rule engine."""

from conftest import findings, report_json, write

AWARD = ("Judul\n\nPemerintah Kabupaten (Pemkab) Sleman meraih penghargaan Anugerah Layanan{edition} "
         "kategori {category}. Penghargaan tersebut diserahkan {presenter} kepada Bupati Sleman Joko Susilo "
         "di Gedung Agung, Yogyakarta, {date}.\n")


def award(edition="", category="Kabupaten Terbaik", presenter="Menteri Dalam Negeri Tito Karnavian", date="Senin (5/2/2024)"):
    return AWARD.format(edition=edition, category=category, presenter=presenter, date=date)


def test_same_occurrence_conflicts_are_errors(tmp_path):
    write(tmp_path, {"a.txt": award(" 2024"), "b.txt": award(" 2024", presenter="Menko PMK Muhadjir Effendi", date="Selasa (6/2/2024)")})
    found = {f["attribute"]: f for f in findings([tmp_path])}
    assert set(found) == {"presenter", "date"}
    assert {f["severity"] for f in found.values()} == {"error"}
    assert found["date"]["confidence"] >= 0.8


def test_far_apart_without_both_editions_is_a_warning(tmp_path):
    write(tmp_path, {"a.txt": award(" 2024"), "b.txt": award("", category="Kabupaten Terbaik I", date="Jumat (20/10/23)")})
    found = {f["attribute"]: f for f in findings([tmp_path])}
    assert set(found) == {"date", "category"}
    assert all(f["severity"] == "warning" and "edition" in f["why"] for f in found.values())


def test_two_explicit_editions_are_two_occurrences(tmp_path):
    write(tmp_path, {"a.txt": award(" 2024"), "b.txt": award(" 2023", presenter="Menko PMK Muhadjir Effendi", date="Jumat (20/10/23)")})
    assert findings([tmp_path]) == []


def test_equal_values_written_differently_are_not_conflicts(tmp_path):
    a = award(" 2024", presenter="Menteri Dalam Negeri Muhammad Tito Karnavian")
    b = award(" 2024", presenter="Mendagri Tito Karnavian", date="5 Februari 2024")
    write(tmp_path, {"a.txt": a, "b.txt": b})
    assert findings([tmp_path]) == []


def test_different_venues_conflict_two_levels_do_not(tmp_path):
    base = "Judul\n\nMendagri Tito Karnavian melantik Budi Santoso sebagai Pj Bupati Lebak di {place}, Senin (5/2/2024).\n"
    write(tmp_path / "x", {"a.txt": base.format(place="Istana Negara, Jakarta"), "b.txt": base.format(place="Jakarta")})
    assert findings([tmp_path / "x"]) == []
    write(tmp_path / "y", {"a.txt": base.format(place="Istana Negara, Jakarta"), "b.txt": base.format(place="Gedung Manggala Wanabakti, Jakarta")})
    [f] = findings([tmp_path / "y"])
    assert f["attribute"] == "location" and f["severity"] == "error"


def test_quantities_compare_per_unit_and_number_words(tmp_path):
    base = "Judul\n\nGubernur Bali Made Wirawan melantik {n} kepala desa di Denpasar, Senin (5/2/2024).\n"
    write(tmp_path / "x", {"a.txt": base.format(n="dua belas"), "b.txt": base.format(n="12")})
    assert findings([tmp_path / "x"]) == []
    write(tmp_path / "y", {"a.txt": base.format(n="12"), "b.txt": base.format(n="14")})
    [f] = findings([tmp_path / "y"])
    assert f["attribute"] == "quantity" and "kepala" in f["message"]


def test_titles_compared_only_at_the_same_time(tmp_path):
    a = "Judul\n\nKapolri Tito Karnavian melantik Budi Santoso di Jakarta, Rabu (7/2/2018).\n"
    b = "Judul\n\nMendagri Tito Karnavian melantik Andi Sukma di Jakarta, Kamis (12/5/2022).\n"
    write(tmp_path / "x", {"a.txt": a, "b.txt": b})
    assert findings([tmp_path / "x"], "title") == []
    c = "Judul\n\nSekretaris Kabinet Heru Budi Hartono dilantik Mendagri Tito Karnavian sebagai Pj Gubernur DKI Jakarta, Senin (17/10/2022).\n"
    d = "Judul\n\nKepala Sekretariat Presiden Heru Budi Hartono dilantik Mendagri Tito Karnavian sebagai Pj Gubernur DKI Jakarta, Senin (17/10/2022).\n"
    write(tmp_path / "y", {"c.txt": c, "d.txt": d})
    [f] = findings([tmp_path / "y"], "title")
    assert f["severity"] == "error" and "Heru" in f["subject"]


def test_two_offices_inside_one_article_but_not_a_former_one(tmp_path):
    text = ("Judul\n\nPj Gubernur Banten Al Muktabar melantik Andi Sukma sebagai Pj Bupati Lebak, Kamis (21/9/2023). "
            "Sekda Banten Al Muktabar dalam sambutannya meminta konsolidasi. Tito, yang pernah menjabat Kapolri, hadir.\n")
    write(tmp_path, {"a.txt": text})
    [f] = findings([tmp_path], "title")
    assert f["severity"] == "error" and len({e["line"] for e in f["evidence"]}) == 1 and len(f["evidence"]) == 2


def test_weekday_checked_against_the_calendar(tmp_path):
    write(tmp_path, {"a.txt": "Judul\n\nAcara digelar di Bandung, Kamis (20/9/2023). Lalu Rabu (20/9/2023) juga.\n"})
    [f] = findings([tmp_path], "weekday")
    # The JSON message is English throughout: the weekday as written, the calendar's in English.
    assert f["evidence"][0]["value"] == "Kamis" and f["message"].startswith("Kamis") and f["message"].endswith("Wednesday")


def test_a_declared_second_office_is_not_a_conflict(tmp_path):
    text = ("Judul\n\nPj Gubernur DKI Jakarta Heru Budi Hartono meninjau banjir, Senin (17/10/2022). "
            "Kepala Sekretariat Presiden Heru Budi Hartono tetap merangkap jabatan itu.\n")
    write(tmp_path, {"a.txt": text})
    assert findings([tmp_path], "title") == []


def test_the_president_conferring_in_person_is_the_presenter(tmp_path):
    base = "Judul\n\n{who} menganugerahkan tanda kehormatan Bintang Mahaputera kepada Budi Santoso di Istana Negara, Jakarta, Kamis (13/8/2020).\n"
    write(tmp_path, {"a.txt": base.format(who="Presiden Joko Widodo"), "b.txt": base.format(who="Wakil Presiden Ma'ruf Amin")})
    [f] = findings([tmp_path])
    assert f["attribute"] == "presenter" and f["severity"] == "error"


def test_english_and_indonesian_reports_are_compared(tmp_path):
    en = "Title\n\nHome Affairs Minister Tito Karnavian swore in Budi Santoso as acting Lebak Regent at the ministry in Jakarta on Monday, February 5, 2024.\n"
    id_ = "Judul\n\nMendagri Tito Karnavian melantik Budi Santoso sebagai Pj Bupati Lebak di Jakarta, Selasa (6/2/2024).\n"
    write(tmp_path, {"en.txt": en, "id.txt": id_})
    [f] = findings([tmp_path])
    assert f["attribute"] == "date" and f["severity"] == "error"
    assert {e["value"] for e in f["evidence"]} == {"Monday, February 5, 2024", "Selasa (6/2/2024)"}


def test_one_minister_named_two_ways_is_one_presenter(tmp_path):
    a = "Judul\n\nMenteri PPPA I Gusti Ayu Bintang Darmawati menyerahkan penghargaan Anugerah Uji 2023 kepada Wali Kota Banjarbaru Rusdianto Hakim di Jakarta, Sabtu (22/7/2023).\n"
    b = "Judul\n\nMenteri PPPA Bintang Puspayoga menyerahkan penghargaan Anugerah Uji 2023 kepada Wali Kota Banjarbaru Rusdianto Hakim di Jakarta, Sabtu (22/7/2023).\n"
    c = "Judul\n\nMenteri PPPA Retno Wulandari menyerahkan penghargaan Anugerah Uji 2023 kepada Wali Kota Banjarbaru Rusdianto Hakim di Jakarta, Sabtu (22/7/2023).\n"
    write(tmp_path / "same", {"a.txt": a, "b.txt": b})
    assert findings([tmp_path / "same"]) == []
    write(tmp_path / "other", {"a.txt": a, "c.txt": c})
    assert [f["attribute"] for f in findings([tmp_path / "other"])] == ["presenter"]


def test_date_in_the_lead_and_in_the_dateline(tmp_path):
    lead = "Judul\n\nManado - Penantian ribuan guru berakhir pada Senin, 18 Maret 2024. Wakil Gubernur Sulut Stevanus Kaunang menyerahkan SK PPPK kepada 1.520 guru di Graha Bumi Beringin.\n"
    dateline = "Judul\n\nMANADO, 19/3/2024 (OUTLET) - Wakil Gubernur Sulut Stevanus Kaunang kemarin menyerahkan SK PPPK kepada 1.520 guru di Graha Bumi Beringin.\n"
    write(tmp_path, {"a.txt": lead, "b.txt": dateline})
    assert findings([tmp_path]) == []
    from conftest import claims_of
    assert [c.value for c in claims_of(tmp_path, dateline, "c.txt").claims if c.attribute == "date"] == ["2024-03-18"]


def test_a_region_alone_ties_no_two_award_reports(tmp_path):
    """A province receives many awards in a year: two reports that share only the region, on
    dates weeks apart and with no award named by both, are not one event."""
    a = "Pemerintah Provinsi Jawa Timur menerima penghargaan dari Menteri Kesehatan di Jakarta, Selasa (7/3/2023).\n"
    b = "Pemerintah Provinsi Jawa Timur menerima penghargaan dari Menteri Sosial di Surabaya, Kamis (20/4/2023).\n"
    write(tmp_path, {"a.txt": a, "b.txt": b})
    assert findings([tmp_path]) == []


def test_a_one_word_name_or_the_doer_ties_no_two_swearing_ins(tmp_path):
    """"Kodam Jaya" and "Polda Metro Jaya" share a word, and a minister who swears people in is
    no one sworn in: two ceremonies a week apart stay apart."""
    a = ("KSAD Jenderal Dudung Abdurachman melantik Mayjen Novi Helmy Prasetya sebagai Pangdam Jaya di Mabesad, Jakarta, "
         "Jumat (24/3/2023).\n")
    b = ("Kapolri Jenderal Listyo Sigit Prabowo melantik Irjen Karyoto sebagai Kapolda Metro Jaya di Gedung Rupatama, "
         "Mabes Polri, Jakarta Selatan, Jumat (31/3/2023).\n")
    write(tmp_path, {"a.txt": a, "b.txt": b})
    assert findings([tmp_path]) == []


def test_every_claim_source_has_words_for_the_report_and_a_weight_in_grouping_yaml():
    from factcheck.lexicon import RULES_DIR
    from factcheck.models import ClaimSource
    from factcheck.rules import load_grouping
    from factcheck.words import available, words

    weights = load_grouping(RULES_DIR).claim_confidence
    for code in available(RULES_DIR):
        assert set(words(code).sources) == {s.value for s in ClaimSource}, code
    assert {s.value for s in ClaimSource} == set(weights)


def test_a_weekday_that_fits_the_articles_own_year_says_the_year_may_be_the_slip(tmp_path):
    # Published in 2024; "Senin (19/8/2025)" is a Tuesday, but 19/8/2024 was a Monday.
    write(tmp_path, {"a.md": "---\npublished: 2024-08-19\n---\nJudul\n\nAnggota DPRD Tulungagung dilantik di Gedung DPRD, "
                              "Senin (19/8/2025).\n"})
    (finding,) = findings([tmp_path], "weekday")
    assert "the year may be the slip" in finding["why"] and "2024-08-19" in finding["why"]


def test_one_weekday_slip_written_twice_in_an_article_is_one_finding_with_both_places(tmp_path):
    write(tmp_path, {"a.txt": "Judul\n\nPenghargaan diserahkan di Jakarta, Selasa (16/12/2024) malam.\n\n"
                              "Acara itu digelar di Hotel Movenpick, Jakarta, Selasa (16/12/2024).\n"})
    [f] = findings([tmp_path], "weekday")
    assert [e["line"] for e in f["evidence"]] == [3, 5]


def test_a_yearless_weekday_that_misses_the_other_reports_year_is_another_years_ceremony(tmp_path):
    # 5 June 2015 was a Friday: "Kamis (5/6)" is the ceremony of another year (2014), so the two
    # presenters are not set against each other, not even as a hidden info finding.
    write(tmp_path, {"a.txt": award(presenter="Wakil Presiden Boediono", date="Kamis (5/6)"),
                     "b.txt": award(presenter="Presiden Joko Widodo", date="Jumat (5/6/2015)")})
    shown = report_json([tmp_path])["findings"]
    assert not [f for f in shown if f["attribute"] == "presenter"], shown
    # A weekday that fits the dated report's year leaves them one ceremony.
    write(tmp_path, {"a.txt": award(presenter="Wakil Presiden Boediono", date="Jumat (5/6)")})
    assert [f["attribute"] for f in findings([tmp_path])] == ["presenter"]
