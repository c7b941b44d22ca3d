"""Shared helpers: run the pipeline on text written in the test, without ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.clean import clean
from factcheck.extract import extract
from factcheck.lexicon import load_lexicon
from factcheck.models import Article, ArticleClaims
from factcheck.pipeline import run
from factcheck.read import read_article
from factcheck.report import json as json_report

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def claims_of(tmp_path: Path, text: str, name: str = "a.txt") -> ArticleClaims:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    lex = load_lexicon()
    article: Article = read_article(path)
    return extract(clean(article, lex), lex)


def report_json(paths) -> dict:
    return json.loads(json_report.render(run(paths)))


def findings(paths, attribute: str | None = None) -> list[dict]:
    found = [f for f in report_json(paths)["findings"] if f["severity"] in ("warning", "error")]
    return [f for f in found if attribute is None or f["attribute"] == attribute]


def factcheck_command() -> list[str]:
    """The installed `factcheck` command of this environment (as a user runs it)."""
    import shutil
    import sys

    script = Path(sys.executable).parent / "factcheck"
    found = str(script) if script.exists() else shutil.which("factcheck")
    return [found] if found else [sys.executable, "-m", "factcheck"]


def run_cli(*args: str | Path, timeout: float = 60, **kwargs):
    """Run the installed command as a subprocess; the result has returncode, stdout, stderr."""
    import subprocess

    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([*factcheck_command(), *map(str, args)], text=True, timeout=timeout, errors="replace", **kwargs)
