"""Typed records and their JSON form, without a validating library on the hot path.

Claims, findings, reports and the schemas of the data files are frozen dataclasses. Defining a
dataclass costs next to nothing at import, where a validating model class costs its schema, and
a one-article check starts in the time its imports take. What comes from outside (rule and
lexicon files, the configuration) is still validated, by pydantic, the first time it is seen
(`datafile.validated`); the validated form is kept as JSON, and later runs read it back with
`decode`, which trusts it and imports nothing.

`encode` gives JSON data for a record (enums by value, dates in ISO form, tuples as lists);
`decode(type, data)` builds the record again from its type hints, so that
`decode(T, encode(x)) == x`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

_MISSING = dataclasses.MISSING


@functools.cache
def _fields(cls: Any) -> tuple[tuple[str, Any], ...]:
    """A record's field names with their defaults (MISSING for a required one)."""
    out = []
    for f in dataclasses.fields(cls):
        if f.default is not _MISSING:
            default = f.default
        elif f.default_factory is not _MISSING:
            default = f.default_factory()
        else:
            default = _MISSING
        out.append((f.name, default))
    return tuple(out)


def encode(value: Any, defaults: bool = True) -> Any:
    """JSON data for a record or a value inside one. With `defaults=False`, fields that hold
    their default are left out (smaller and faster to store; `decode` puts them back)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, enum.Enum):  # before str: a StrEnum is a str
        return value.value
    if isinstance(value, str):
        return value
    if isinstance(value, (tuple, list)):
        return [encode(v, defaults) for v in value]
    if isinstance(value, dict):
        return {k: encode(v, defaults) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name, default in _fields(type(value)):
            held = getattr(value, name)
            if defaults or default is _MISSING or held != default:
                out[name] = encode(held, defaults)
        return out
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(tp: Any, data: Any) -> Any:
    """The value of type `tp` that `encode` gave `data` for."""
    return decoder(tp)(data)


def _same(value: Any) -> Any:
    return value


@functools.cache
def decoder(tp: Any) -> Callable[[Any], Any]:
    """A function from JSON data to a value of type `tp`, built once per type."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any or tp in (str, int, bool, type(None)) or origin is typing.Literal:
        return _same
    if tp is float:
        return float
    if tp is dt.date:
        return dt.date.fromisoformat
    if origin is typing.Annotated:
        return decoder(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot decode the union {tp}")
        inner = decoder(options[0])
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])
            return (lambda v: tuple(v)) if item is _same else (lambda v: tuple(item(x) for x in v))
        parts = [decoder(a) for a in args]
        return lambda v: tuple(f(x) for f, x in zip(parts, v, strict=True))
    if origin is list:
        item = decoder(args[0])
        return (lambda v: list(v)) if item is _same else (lambda v: [item(x) for x in v])
    if origin is dict:
        item = decoder(args[1])
        return (lambda v: dict(v)) if item is _same else (lambda v: {k: item(x) for k, x in v.items()})
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if isinstance(tp, type) and issubclass(tp, str):  # a checked string type: its value is a str
        return str
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    raise TypeError(f"cannot decode {tp}")


def _record_decoder(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: decoder(hints[f.name]) for f in dataclasses.fields(cls)}
    plain = {name for name, f in fields.items() if f is _same}

    def build(data: dict[str, Any]) -> Any:
        if plain.issuperset(data):  # most records of a report: nothing to convert
            return cls(**data)
        return cls(**{k: v if k in plain else fields[k](v) for k, v in data.items()})

    return build
