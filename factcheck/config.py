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

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .datafile import DataFileError
from .models import Severity


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    paths: list[str] = []
    include: list[str] = []
    exclude: list[str] = []
    languages: list[str] = []
    extra_rules: list[str] = Field(default=[], alias="extra-rules")
    select: list[str] = []
    ignore: list[str] = []
    severity: dict[str, Severity] = {}
    fail_on: str | None = Field(default=None, alias="fail-on", pattern="^(error|warning|info|never)$")
    index: str | None = None
    archive: list[str] = []
    jobs: int | None = Field(default=None, ge=1)
    max_bytes: int | None = Field(default=None, alias="max-bytes", ge=1)
    ignore_findings: list[str] = Field(default=[], alias="ignore-findings")  # finding ids to silence
    min_confidence: float | None = Field(default=None, alias="min-confidence", ge=0, le=1)
    baseline: str | None = None
    lang: str | None = Field(default=None, pattern="^(en|id|auto)$")  # the markdown report's language


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
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            what = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
            problems.append(f"{where} {key}: {what}")
        raise DataFileError(path, None, "; ".join(problems)) from None
    return config, path.parent

