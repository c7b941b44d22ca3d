"""The two seed articles: exactly three warnings (presenter, date, category) for the Paritrana
Award to Pemkab Tangerang, with evidence in both files, and none of the traps."""

from pathlib import Path

from conftest import ROOT, findings, report_json

SEEDS = ROOT / "seeds"


def test_exactly_three_warnings():
    found = findings([SEEDS])
    assert sorted(f["attribute"] for f in found) == ["category", "date", "presenter"]
    assert {f["severity"] for f in found} == {"warning"}


def test_each_finding_quotes_both_files_with_lines():
    for f in findings([SEEDS]):
        paths = {Path(e["path"]).name for e in f["evidence"]}
        assert paths == {"000_86caa9665f90601d.txt", "001_54aaad936bbab106.txt"}
        assert all(e["line"] > 0 and e["quote"] for e in f["evidence"])


def test_values_and_why():
    by_attr = {f["attribute"]: f for f in findings([SEEDS])}
    assert {e["value"] for e in by_attr["date"]["evidence"]} == {"Kamis (12/9/2024)", "Jumat (20/10/23)"}
    presenters = " ".join(e["value"] for e in by_attr["presenter"]["evidence"])
    assert "Muhadjir Effendi" in presenters and "Tito Karnavian" in presenters
    assert "Ma" not in presenters.replace("Menteri", "")  # the Vice President confers, does not hand over
    assert "edition" in by_attr["date"]["why"]


def test_traps_give_no_finding():
    # Names and offices written two ways, two levels of one venue, right weekdays, noise.
    attributes = {f["attribute"] for f in findings([SEEDS])}
    assert not attributes & {"title", "location", "weekday", "quantity"}


def test_noise_lines_are_counted_and_yield_nothing():
    articles = {Path(a["path"]).name: a for a in report_json([SEEDS])["articles"]}
    assert articles["001_54aaad936bbab106.txt"]["noise_lines"] >= 6  # ads.txt, shortcode, footers
    assert articles["000_86caa9665f90601d.txt"]["noise_lines"] >= 4  # Baca Juga and its headlines


def test_seeds_are_the_shared_originals():
    shared = ROOT.parent / "shared" / "seeds"
    if shared.is_dir():
        for f in shared.iterdir():
            assert (SEEDS / f.name).read_bytes() == f.read_bytes()


# The traps listed for the seeds, each rebuilt from new text so that the behaviour, not the file, is tested.
def _pair(tmp_path, a: str, b: str):
    from conftest import write
    write(tmp_path, {"a.txt": "Judul\n\n" + a + "\n", "b.txt": "Judul\n\n" + b + "\n"})
    return findings([tmp_path])


def test_trap_one_office_three_spellings(tmp_path):
    a = "Wakil Presiden RI Ma'ruf Amin menyerahkan penghargaan Anugerah Uji kepada Pejabat Bupati Sleman Andi Ony Prihartono di Jakarta, Kamis (12/9/2024)."
    b = "Wapres Ma’ruf Amin menyerahkan penghargaan Anugerah Uji kepada Pj Bupati Sleman Andi Ony. P MSI di Jakarta, Kamis (12/9/2024)."
    assert _pair(tmp_path, a, b) == []


def test_trap_city_and_building_are_one_place(tmp_path):
    a = "Menko PMK Muhadjir Effendi menyerahkan penghargaan Anugerah Uji kepada Pemkab Sleman di Jakarta, Kamis (12/9/2024)."
    b = "Pemkab Sleman mendapatkan penghargaan Anugerah Uji dari Menko PMK Muhadjir Effendi di Istana Wakil Presiden, Kamis (12/9/2024)."
    assert _pair(tmp_path, a, b) == []


def test_trap_conferrer_and_presenter_in_one_article(tmp_path):
    a = ("Pemkab Sleman mendapatkan penghargaan Anugerah Uji dari Wakil Presiden Ma'ruf Amin di Jakarta, Jumat (20/10/23). "
         "Penghargaan tersebut diserahkan Menteri Dalam Negeri Tito Karnavian kepada Bupati Sleman Joko Susilo.")
    b = "Mendagri Tito Karnavian menyerahkan penghargaan Anugerah Uji kepada Pemkab Sleman di Jakarta, Jumat (20/10/2023)."
    assert _pair(tmp_path, a, b) == []


def test_trap_right_weekdays(tmp_path):
    assert _pair(tmp_path, "Acara di Jakarta, Kamis (12/9/2024).", "Acara di Jakarta, Jumat (20/10/23).") == []
