"""Load YAML data files (rules, lexicons) into pydantic models, with errors that name the
file and the line, so that a bad rule is fixed in a minute."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: ten times faster


class DataLoader(_Base):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans: only true/false. In YAML 1.1 `no`, `on`, `y` are booleans, and
    lexicons are full of such words ("No." is an Indonesian abbreviation)."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class DataFileError(Exception):
    """A data file that cannot be used; str() is `path:line: message`."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def _node_line(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line of the YAML node at `loc` (a pydantic error location), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # the key is missing or unknown: point at the key if it exists
                key = next((k for k, _ in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def cache_dir() -> Path | None:
    """Where parsed data files are kept between runs, as black keeps its cache:
    FACTCHECK_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck."""
    chosen = os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


# Part of every cache key: a change to how YAML is read (DataLoader) must not meet old entries.
_PARSE_VERSION = f"1-{yaml.__version__}"


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
    data = yaml.load(text, Loader=DataLoader)
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
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from exc
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
        node = yaml.compose(text, Loader=DataLoader)  # only now: the node tree gives the line
        raise DataFileError(path, _node_line(node, loc), f"{where}: {first['msg']}") from exc
