"""Regular expressions compiled once per lexicon and interpreter, then kept on disk.

The lexicon becomes a few hundred patterns, some of them tries of thousands of aliases.
Parsing and compiling them is most of a one-article run's start-up, and `re` forgets them
when the process ends. This store keeps what the compiler produced (the pattern's opcode
list and its group names) in the cache folder and hands it straight to the regex engine on
the next run, so a pattern is compiled once per change of the rules. The opcodes are an
internal format of CPython's `re`, so the file is keyed by the interpreter's exact version and
its engine's magic number, and anything unexpected falls back to `re.compile`: a missing,
stale or broken store costs time, never a wrong match.

The alternations built from word lists (`lexicon.alternation`) are kept the same way, keyed
by a hash of their words: building the tries is the other part of start-up.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

try:  # CPython's regex compiler and engine; elsewhere the store only remembers nothing
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE = f"{sys.implementation.name}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}"
except ImportError:  # pragma: no cover - other interpreters
    _ENGINE = ""

# Part of the file name: change it with the layout of an entry.
_FORMAT = "2"
# Each save is one generation. An entry no run has used for this many saves (the patterns of
# rules since edited, or of an older factcheck) is dropped, so the store holds about what the
# current rules need and loads in a few milliseconds; one used only now and then is compiled again.
_KEEP_GENERATIONS = 8

Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class PatternStore:
    """Compiled patterns and built alternations, read from `path` on first use and written
    back by `save()` when a run added any."""

    def __init__(self, path: Path | None):
        self.path = path
        self._compiled: dict[tuple[str, int], Compiled] | None = None
        self._alternations: dict[str, str] = {}
        self._used: set[Any] = set()
        self._added = False
        self._generation = 0
        self._last_used: dict[Any, int] = {}  # entry key -> the generation that last used it

    def _load(self) -> dict[tuple[str, int], Compiled]:
        if self._compiled is None:
            self._compiled = {}
            if self.path is not None and _ENGINE:
                with contextlib.suppress(OSError, ValueError, EOFError, TypeError, KeyError):
                    stored = marshal.loads(self.path.read_bytes())
                    if isinstance(stored, dict) and stored.get("engine") == _ENGINE:
                        parts = stored["compiled"], stored["alternations"], int(stored["generation"]), stored["last_used"]
                        self._compiled, self._alternations, self._generation, self._last_used = parts
        return self._compiled

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the store when this run or an earlier one
        compiled the same pattern."""
        if not _ENGINE:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        compiled = self._load()
        self._used.add(key)
        entry = compiled.get(key)
        if entry is not None:
            with contextlib.suppress(Exception):  # an entry this engine refuses: compile afresh
                final_flags, code, groups, groupindex, indexgroup = entry
                return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]
        try:
            entry = _compile_parts(pattern, int(flags))
            result: re.Pattern[str] = _sre.compile(pattern, *entry)
        except re.error:
            raise
        except Exception:  # the internals moved: behave as plain `re`
            return re.compile(pattern, flags)
        compiled[key] = entry
        self._added = True
        return result

    def alternation(self, words: Iterable[str], build: Callable[[], str]) -> str:
        """The alternation of `words`, built by `build()` once per distinct word list."""
        digest = hashlib.blake2b("\0".join(words).encode(), digest_size=16).hexdigest()
        self._load()
        self._used.add(digest)
        found = self._alternations.get(digest)
        if found is None:
            found = self._alternations[digest] = build()
            self._added = True
        return found

    def save(self) -> None:
        """Write the store if this run compiled anything new; never fails the run."""
        if not self._added or self.path is None or self._compiled is None or not _ENGINE:
            return
        generation = self._generation + 1
        last_used = {**self._last_used, **dict.fromkeys(self._used, generation)}
        kept = {k for k, g in last_used.items() if g > generation - _KEEP_GENERATIONS}
        compiled = {k: v for k, v in self._compiled.items() if k in kept}
        alternations = {k: v for k, v in self._alternations.items() if k in kept}
        last_used = {k: g for k, g in last_used.items() if k in kept}
        with contextlib.suppress(OSError, ValueError):
            data = marshal.dumps({"engine": _ENGINE, "compiled": compiled, "alternations": alternations,
                                  "generation": generation, "last_used": last_used})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            partial.write_bytes(data)
            os.replace(partial, self.path)  # whole or not at all, with runs side by side
            self._added = False


def _compile_parts(pattern: str, flags: int) -> Compiled:
    """What `re._compiler.compile` hands to the engine, without handing it over."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the opcodes are named int constants, which marshal does not write
    return int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _store_path() -> Path | None:
    from .datafile import cache_dir

    folder = cache_dir()
    return folder / f"patterns-{_FORMAT}.marshal" if folder else None


STORE = PatternStore(_store_path())
compile = STORE.compile  # noqa: A001 - the store's `re.compile`
