"""Constraints on fields of the data-file schemas, as `Annotated` metadata.

`Annotated[list[str], Length(7, 7)]` reads as a plain `list[str]` to everything but pydantic,
which runs the check when it validates a file (`datafile.validated`). The checks import nothing
until then, so a run that reads its data files from the validated cache never loads pydantic.
A failed check is reported on the field's own line, with its message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sized
from typing import Any


class Strict:
    """A data file's schema (a dataclass, read-only by convention): a file may hold no keys
    but its fields. Schemas compare by identity: a check never asks whether two files agree."""

    __pydantic_config__ = {"extra": "forbid"}


class Check:
    """A test of a validated value; `problem` says what is wrong with it, or None."""

    def problem(self, value: Any) -> str | None:
        raise NotImplementedError

    def _run(self, value: Any) -> Any:
        said = self.problem(value)
        if said is not None:
            raise ValueError(said)
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self._run, handler(source))


class Length(Check):
    def __init__(self, least: int, most: int | None = None):
        self.least, self.most = least, most

    def problem(self, value: Sized) -> str | None:
        if len(value) < self.least or (self.most is not None and len(value) > self.most):
            wanted = (f"exactly {self.least}" if self.most == self.least else
                      f"at least {self.least}" if self.most is None else f"{self.least} to {self.most}")
            return f"needs {wanted} item(s), not {len(value)}"
        return None


class Between(Check):
    def __init__(self, least: float | None = None, most: float | None = None):
        self.least, self.most = least, most

    def problem(self, value: float | None) -> str | None:
        if value is None:
            return None
        if (self.least is not None and value < self.least) or (self.most is not None and value > self.most):
            low = "" if self.least is None else f"at least {self.least:g}"
            high = "" if self.most is None else f"at most {self.most:g}"
            return f"must be {' and '.join(p for p in (low, high) if p)}, not {value:g}"
        return None


class Matches(Check):
    """A string written as the pattern says (ids: lowercase letters, digits and dashes)."""

    def __init__(self, pattern: str):
        self.pattern = re.compile(pattern)

    def problem(self, value: str | None) -> str | None:
        if value is not None and not self.pattern.fullmatch(value):
            return f"{value!r} does not match {self.pattern.pattern}"
        return None


class OneOf(Check):
    """A value from a list known only at run time (the comparators of rules.py)."""

    def __init__(self, *choices: str):
        self.choices = choices

    def problem(self, value: str | None) -> str | None:
        if value is not None and value not in self.choices:
            return f"{value!r} is not one of {', '.join(self.choices)}"
        return None


class Satisfies(Check):
    """A value that a function of the schema's module accepts: it raises ValueError otherwise."""

    def __init__(self, test: Callable[[Any], Any]):
        self.test = test

    def problem(self, value: Any) -> str | None:
        try:
            self.test(value)
        except ValueError as exc:
            return str(exc)
        return None
