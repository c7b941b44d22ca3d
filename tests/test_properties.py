"""Invariants, checked with generated input: file order does not change findings, the same
input gives a byte-identical report, and no text crashes extraction."""

import random

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.check import run_checks
from factcheck.clean import clean
from factcheck.extract import extract
from factcheck.lexicon import RULES_DIR, load_lexicon
from factcheck.models import Article, TextLine
from factcheck.pipeline import run
from factcheck.read import parse_html, parse_md, read_article
from factcheck.report import json as json_report
from factcheck.report import markdown as markdown_report
from factcheck.rules import load_grouping, load_rules

CORPUS = sorted((ROOT / "tests" / "fixtures" / "corpus" / "articles").iterdir()) + sorted((ROOT / "seeds").iterdir())
LEX = load_lexicon()
RULES, _ = load_rules(RULES_DIR)
GROUPING = load_grouping(RULES_DIR)
EXTRACTED = [extract(clean(read_article(p), LEX), LEX) for p in CORPUS]

WORDS = ["Kamis", "(12/9/2024)", "Jumat", "(20/10/23)", "dilantik", "oleh", "Mendagri", "Tito", "Karnavian", "Pj", "Bupati",
         "Tangerang", "menyerahkan", "penghargaan", "Award", "2024", "kepada", "di", "Istana", "Negara", ",", ".", "kategori",
         "enam", "86.000", "ribu", "Baca", "Juga", "kemarin", "(", ")", "sebagai", "yang", "Wapres", "dari", "Rp", "1,2",
         "triliun", "sworn", "in", "by", "on", "Thursday,", "February", "20,", "Dr.", "H.", "S.H.,", "M.Si", "\n", "\n\n"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_article_order(rnd: random.Random):
    shuffled = EXTRACTED[:]
    rnd.shuffle(shuffled)
    assert run_checks(shuffled, RULES, LEX, GROUPING) == run_checks(EXTRACTED, RULES, LEX, GROUPING)


def test_same_input_same_report_bytes():
    paths = [str(p) for p in CORPUS]
    first, second = run(paths), run(list(reversed(paths)))
    assert json_report.render(first) == json_report.render(second)
    assert markdown_report.render(first) == markdown_report.render(second)


def _article(text: str) -> Article:
    lines = tuple(TextLine(line=i, column=1, text=t) for i, t in enumerate(text.split("\n"), 1))
    return Article(path="generated.txt", format="txt", lines=lines)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes_extraction(text):
    claims = extract(clean(_article(text), LEX), LEX)
    assert all(c.evidence.line >= 1 for c in claims.claims)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
def test_news_like_word_salad_never_crashes(text):
    claims = extract(clean(_article(text), LEX), LEX)
    for claim in claims.claims:
        assert 1 <= claim.evidence.line <= text.count("\n") + 1


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_markup_never_crashes_readers(text):
    for parsed in (parse_md("x.md", "---\n" + text), parse_html("x.html", "<article><p>" + text)):
        extract(clean(parsed, LEX), LEX)


def _findings_by_content(report, name_of: dict[str, str]) -> list[tuple]:
    """Findings with each path replaced by the original file it was copied from."""
    return sorted((f.id, f.rule, f.severity.value, f.subject, f.message,
                   tuple(sorted((name_of[e.path], e.line, e.value, e.quote) for e in f.evidence))) for f in report.findings)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_renaming_and_reordering_files_changes_no_finding(tmp_path_factory, rnd: random.Random):
    """Finding ids, subjects, messages and evidence depend on what the articles say, not on
    what their files are called or the order they are listed in."""
    folder = tmp_path_factory.mktemp("renamed")
    sources = CORPUS[:]
    rnd.shuffle(sources)  # the new names sort the files into another order
    copies = {}
    for n, source in enumerate(sources):
        name = f"{rnd.randrange(10**6):06d}_{n}{source.suffix}"  # the format stays; the name does not
        (folder / name).write_bytes(source.read_bytes())
        copies[str(folder / name)] = source.name
    original = run([str(p) for p in CORPUS])
    renamed = run([str(folder)])
    assert _findings_by_content(renamed, copies) == _findings_by_content(original, {str(p): p.name for p in CORPUS})
