"""Configuration: `[tool.factcheck]` in a pyproject.toml, or a factcheck.toml, found from the
current folder upwards (the first folder that has either; factcheck.toml wins in one folder).
`--config FILE` names one. Options given on the command line win over the file.

    [tool.factcheck]
    paths = ["articles/"]
    exclude = ["drafts/*"]
    include = ["*.md"]              # only these files of a folder are read
    languages = ["id"]
    extra-rules = ["house-rules/"]  # rule files added to the shipped rules
    ignore = ["location"]           # or: select = ["date", "presenter"]
    fail-on = "warning"
    index = ".factcheck/index.sqlite"
    archive = ["published/"]        # what `factcheck check` checks against
    jobs = 2
    baseline = "factcheck-baseline.json"   # report only findings not in it
    ignore-findings = ["ffa44e6624cf"]     # silence findings by id
    min-confidence = 0.5                   # less sure findings are info (hidden unless --show info)
    lang = "id"                            # the markdown report in Indonesian (or "en", "auto")

    [tool.factcheck.severity]
    quantity = "warning"

Relative paths are read from the folder of the configuration file. An unknown key or a value
of the wrong type is an error that names the key and the file."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from .checked import Between, Strict
from .datafile import DataFileError, Invalid, validated
from .models import Severity


@dataclass(kw_only=True, eq=False)
class Config(Strict):
    """The options of a configuration file. A key of two words is written with a dash in the
    file ("fail-on") and may be written with an underscore too."""

    paths: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    extra_rules: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    index: str | None = None
    archive: list[str] = field(default_factory=list)
    jobs: Annotated[int | None, Between(1)] = None
    max_bytes: Annotated[int | None, Between(1)] = None
    ignore_findings: list[str] = field(default_factory=list)  # finding ids to silence
    min_confidence: Annotated[float | None, Between(0, 1)] = None
    baseline: str | None = None
    lang: Literal["en", "id", "auto"] | None = None  # the markdown report's language


def find_config(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        own = folder / "factcheck.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "factcheck" in _read(project).get("tool", {}):
            return project
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, None, f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read: {exc.strerror or exc}") from None


def load_config(path: Path) -> tuple[Config, Path]:
    """The configuration in this file, and the folder its relative paths are read from."""
    data = _read(path)
    table = data.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else data
    where = "[tool.factcheck]" if path.name == "pyproject.toml" else "factcheck.toml"
    # The file's spelling ("fail-on") as the field's name; the error names the key as written.
    written = {str(k).replace("-", "_"): str(k) for k in table}
    try:
        config = validated(Config, json.dumps(table, sort_keys=True, default=str),
                           lambda _: {str(k).replace("-", "_"): v for k, v in table.items()})
    except Invalid as exc:
        problems = []
        for problem in exc.problems:
            key = ".".join(written.get(str(part), str(part)) if i == 0 else str(part) for i, part in enumerate(problem.loc))
            unknown = problem.kind in ("extra_forbidden", "unexpected_keyword_argument")
            problems.append(f"{where} {key}: {'unknown key' if unknown else problem.message}")
        raise DataFileError(path, None, "; ".join(problems)) from None
    return config, path.parent

