"""Load YAML data files (rules, lexicons) into pydantic models, with errors that name the
file and the line, so that a bad rule is fixed in a minute."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class DataFileError(Exception):
    """A data file that cannot be used; str() is `path:line: message`."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class _NotYaml(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def cache_dir() -> Path | None:
    """Where parsed data files are kept between runs, as black keeps its cache:
    FACTCHECK_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck."""
    chosen = os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


# Part of every cache key: change it with how YAML is read (yamlread.DataLoader).
_PARSE_VERSION = "1"


def _parse(text: str) -> Any:
    """The YAML of `text`, from the cache when this exact text was parsed before. Building
    Python objects from YAML is most of a one-article check's start-up; reading the same data
    back as JSON takes a twentieth of that. Only data that JSON gives back unchanged is kept,
    and a cache that cannot be read or written is passed by."""
    folder = cache_dir()
    key = hashlib.sha256(f"{_PARSE_VERSION}\0{text}".encode()).hexdigest()[:32]
    cached = folder / f"data-{key}.json" if folder else None
    if cached is not None:
        with contextlib.suppress(OSError, ValueError):
            return json.loads(cached.read_text(encoding="utf-8"))
    from . import yamlread  # only on a cache miss: importing the YAML library takes time too

    try:
        data = yamlread.load(text)
    except yamlread.YAMLError as exc:
        raise _NotYaml(yamlread.problem_line(exc), str(exc)) from exc
    if cached is not None:
        with contextlib.suppress(OSError, TypeError, ValueError):
            encoded = json.dumps(data, ensure_ascii=False)
            if json.loads(encoded) == data:  # no dates, no number keys: JSON would change them
                cached.parent.mkdir(parents=True, exist_ok=True)
                partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
                partial.write_text(encoded, encoding="utf-8")
                os.replace(partial, cached)  # whole or not at all, with runs side by side
    return data


def read_yaml(path: Path) -> tuple[Any, str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"cannot read: {exc}") from exc
    try:
        data = _parse(text)
    except _NotYaml as exc:
        raise DataFileError(path, exc.line, f"not valid YAML: {exc.message}") from exc
    return data, text


def load_model(path: Path, model: type[Model]) -> Model:
    """Parse and validate one YAML file; the first problem is reported with its line."""
    data, text = read_yaml(path)
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc) or "top level"
        from . import yamlread  # only now: the node tree gives the line

        raise DataFileError(path, yamlread.line_of(text, loc), f"{where}: {first['msg']}") from exc
