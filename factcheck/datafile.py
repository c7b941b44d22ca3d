"""Load YAML data files (rules, lexicons) into typed records, with errors that name the file
and the line, so that a bad rule is fixed in a minute.

A file is validated by pydantic the first time its text is seen; the validated record is kept
in the cache folder as JSON (`typed.encode`), keyed by the text and by the source of the module
that defines its schema, and read back with `typed.decode` afterwards. So pydantic is imported
only when a data file is new or changed."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

from . import typed

Model = TypeVar("Model")


class DataFileError(Exception):
    """A data file that cannot be used; str() is `path:line: message`."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class Problem(NamedTuple):
    loc: tuple[str | int, ...]  # where in the data: keys and list positions
    kind: str  # pydantic's error type ("extra_forbidden", "missing", ...)
    message: str


class Invalid(Exception):
    """Data that does not fit its schema: every problem, first one first."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].message if problems else "invalid")
        self.problems = problems


@functools.cache
def _adapter(model: Any) -> Any:
    """pydantic's validator of one schema, built once per process (seven rule files share one)."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def validate(model: type[Model], data: Any) -> Model:
    """`data` checked against the schema `model` (a dataclass), as an instance of it."""
    from pydantic import ValidationError

    try:
        return _adapter(cast(Any, model)).validate_python(data)  # type: ignore[no-any-return]
    except ValidationError as exc:
        raise Invalid([Problem(tuple(e["loc"]), e["type"], e["msg"]) for e in exc.errors()]) from None


@functools.cache
def _schema_digest(module_name: str, name: str) -> str:
    """What a kept record depends on besides the data: the source of its schema's module."""
    module = sys.modules[module_name]
    file = getattr(module, "__file__", None)
    source = Path(file).read_bytes() if file else b""
    return hashlib.sha256(source + name.encode()).hexdigest()[:16]


def validated(model: type[Model], text: str, data_of: Callable[[str], Any]) -> Model:
    """`validate(model, data_of(text))`, from the cache when the same text was validated
    against the same schema before (and then without parsing it)."""
    folder = cache_dir()
    key = hashlib.sha256(f"{_PARSE_VERSION}\0{_schema_digest(model.__module__, model.__qualname__)}\0{text}".encode()).hexdigest()[:32]
    kept = folder / f"valid-{key}.json" if folder else None
    if kept is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):
            return typed.decode(model, json.loads(kept.read_text(encoding="utf-8")))  # type: ignore[no-any-return]
    value = validate(model, data_of(text))
    if kept is not None:
        with contextlib.suppress(OSError, TypeError, ValueError):
            data = typed.encode(value, defaults=False)
            encoded = json.dumps(data, ensure_ascii=False)
            # Only what comes back unchanged (schemas compare by identity: compare their data).
            if typed.encode(typed.decode(model, json.loads(encoded)), defaults=False) == data:
                _write(kept, encoded)
    return value


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)  # whole or not at all, with runs side by side


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
                _write(cached, encoded)
    return data


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"cannot read: {exc}") from exc


def _yaml_data(path: Path, text: str) -> Any:
    try:
        data = _parse(text)
    except _NotYaml as exc:
        raise DataFileError(path, exc.line, f"not valid YAML: {exc.message}") from exc
    return data if data is not None else {}


def load_model(path: Path, model: type[Model]) -> Model:
    """Parse and validate one YAML file; the first problem is reported with its line."""
    text = _read_text(path)
    try:
        return validated(model, text, lambda t: _yaml_data(path, t))
    except Invalid as exc:
        first = exc.problems[0]
        where = ".".join(str(p) for p in first.loc) or "top level"
        from . import yamlread  # only now: the node tree gives the line

        raise DataFileError(path, yamlread.line_of(text, first.loc), f"{where}: {first.message}") from exc
