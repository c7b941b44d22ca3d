"""Where the rules that came with factcheck are: a module of its own, so that a command which
needs only the folder's place (a report, a kept re-run) does not import the lexicon's schemas."""

from __future__ import annotations

from pathlib import Path


def _shipped_rules_dir() -> Path:
    """`factcheck/data` inside an installed wheel, or the top-level `rules/` of a source checkout
    (an editable install maps no data folder)."""
    package = Path(__file__).resolve().parent
    packaged = package / "data"
    if (packaged / "lang").is_dir():
        return packaged
    return package.parent / "rules"


RULES_DIR = _shipped_rules_dir()
