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
