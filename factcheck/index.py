"""The claim index: an embedded SQLite file that keeps each article's claims and look-up keys,
so that a pre-publish check reads the archive by key instead of re-reading it, and a re-run
extracts only what changed.

A row is valid for one file content (size and mtime first, the SHA-256 when they differ) and
one extraction version (the code, the lexicons and the language packs that produce claims; the
check rules do not change claims). Rows are written in transactions in WAL mode: a run killed
half-way leaves whole rows only, and two runs at once wait for each other's writes instead of
corrupting them. An index of another format is rebuilt, with a warning.

A run's whole report is kept too, under a digest of everything it was computed from
(`run_inputs`), so that a re-run with nothing changed reads one row instead of checking again."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__, typed
from .models import ArticleClaims, ArticleSummary, Report

FORMAT = "2"
DEFAULT_PATH = Path(".factcheck") / "index.sqlite"

Results = list[tuple[ArticleSummary, ArticleClaims | None]]

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY,      -- the file's real path
    shown TEXT NOT NULL,        -- the path as it was named when extracted (evidence paths)
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    extraction TEXT NOT NULL,   -- extraction_version() that produced the results
    results TEXT NOT NULL       -- JSON: [[summary, claims or null], ...] (a JSON file holds several)
);
CREATE TABLE IF NOT EXISTS keys (key TEXT NOT NULL, path TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys (key);
CREATE INDEX IF NOT EXISTS keys_by_path ON keys (path);
CREATE TABLE IF NOT EXISTS runs (
    inputs TEXT PRIMARY KEY,    -- run_inputs(): the files' contents, the code, the rules and the options
    made INTEGER NOT NULL,      -- time.time_ns() when stored (the newest RUNS_KEPT are kept)
    report TEXT NOT NULL        -- JSON: the Report as the run produced it, before any filtering for display
);
"""

# Reports kept for re-runs with nothing changed: the last few runs (one per folder or option set).
RUNS_KEPT = 4


def extraction_version(rules_dir: Path) -> str:
    """What the claims of an article depend on: factcheck's code and version, the lexicons and
    the language packs. A changed check rule or grouping setting re-checks, but re-extracts nothing."""
    digest = hashlib.sha256(f"{FORMAT}\n{__version__}\n".encode())
    package = Path(__file__).resolve().parent
    sources = sorted(package.rglob("*.py"))
    # The report's words (report.yaml) change no claim.
    data = sorted(p for sub in ("lexicon", "lang") for p in (rules_dir / sub).rglob("*")
                  if p.is_file() and p.name != "report.yaml")
    for path in [*sources, *data]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _repath(value: Any, old: str, new: str) -> Any:
    """Results stored under one spelling of a path, shown under another ("a/x.txt" from the
    archive folder, "../a/x.txt" from elsewhere): every `path` field is rewritten."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k == "path" and isinstance(v, str) and (v == old or v.startswith(old + "#")):
                out[k] = new + v[len(old):]
            else:
                out[k] = _repath(v, old, new)
        return out
    if isinstance(value, list):
        return [_repath(v, old, new) for v in value]
    return value


@dataclass
class IndexStats:
    reused: int = 0
    extracted: int = 0
    removed: int = 0
    read: int = 0  # stored results read for a check (results_of)
    stale: int = 0  # of those, extracted by another version of the code or the lexicons


class ClaimIndex:
    def __init__(self, path: Path, extraction: str, warn: Any = None):
        self.path = path
        self.extraction = extraction
        self.stats = IndexStats()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=60, isolation_level=None)
        self.db.execute("PRAGMA busy_timeout = 60000")
        self._with_retry(lambda: self.db.execute("PRAGMA journal_mode = WAL"))
        self.db.execute("PRAGMA synchronous = NORMAL")
        self._with_retry(lambda: self._open(warn))

    @staticmethod
    def _with_retry(step: Any, seconds: float = 60.0) -> None:
        """Switching to WAL and creating the tables need the file to themselves for a moment;
        SQLite answers "locked" at once (without its busy wait) while another run holds it."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                step()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _open(self, warn: Any) -> None:
        with self._transaction():
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            found = None
            if "meta" in tables:
                row = self.db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
                found = row[0] if row else None
            if tables and found != FORMAT:
                if warn is not None:
                    warn(f"{self.path}: index written by another factcheck version (format {found}); rebuilding it")
                for table in tables:
                    self.db.execute(f'DROP TABLE IF EXISTS "{table}"')
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('factcheck', ?)", (__version__,))

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write: all of it or none of it (a run killed inside leaves the rows as they were)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _same_content(self, real: str, st: os.stat_result, size: int, sha: str) -> bool:
        """A file whose size or mtime differs from its row: touched (the row takes the new mtime)
        or changed."""
        try:
            if st.st_size != size or _sha256(Path(real)) != sha:
                return False
        except OSError:
            return False
        self.db.execute("UPDATE articles SET size = ?, mtime_ns = ? WHERE path = ?", (st.st_size, st.st_mtime_ns, real))
        return True

    def lookup(self, path: Path, shown: str) -> Results | None:
        """The stored results for this file, when its content and the extraction are unchanged."""
        real = os.path.realpath(path)
        row = self.db.execute("SELECT shown, size, mtime_ns, sha256, extraction, results FROM articles WHERE path = ?",
                              (real,)).fetchone()
        if row is None or row[4] != self.extraction:
            return None
        stored_shown, size, mtime_ns, sha, _, results = row
        try:
            st = os.stat(path)
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != (size, mtime_ns) and not self._same_content(real, st, size, sha):
            return None
        data = json.loads(results)
        if stored_shown != shown:
            data = _repath(data, stored_shown, shown)
        self.stats.reused += 1
        return _decode_results(data)

    def store(self, path: Path, shown: str, results: Results, keys: Iterable[str]) -> None:
        """Keep one file's results and keys. Results with an error are not kept: a time budget
        or an unreadable file says nothing lasting about the content."""
        self.stats.extracted += 1
        if any(summary.errors for summary, _ in results):
            return
        try:
            st = os.stat(path)
            sha = _sha256(path)
        except OSError:
            return
        real = os.path.realpath(path)
        payload = json.dumps(typed.encode(results, defaults=False), ensure_ascii=False, separators=(",", ":"))
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (real, shown, st.st_size, st.st_mtime_ns, sha, self.extraction, payload))
            self.db.execute("DELETE FROM keys WHERE path = ?", (real,))
            self.db.executemany("INSERT INTO keys VALUES (?, ?)", [(k, real) for k in sorted(set(keys))])

    def run_inputs(self, files: Iterable[tuple[str, str]], setup: str) -> str | None:
        """The digest of a run's inputs: each file (real path, path as shown), by the content its
        stored results were extracted from, with `setup` (the rules and options). None when a file
        is not stored for this extraction or has changed since (size or mtime): the run must read it."""
        stored = {path: (size, mtime_ns, sha) for path, size, mtime_ns, sha in self.db.execute(
            "SELECT path, size, mtime_ns, sha256 FROM articles WHERE extraction = ?", (self.extraction,))}
        digest = hashlib.sha256(f"{self.extraction}\n{setup}\n".encode())
        for real, shown in files:
            row = stored.get(real)
            try:
                st = os.stat(real)
            except OSError:
                return None
            if row is None:
                return None
            if (st.st_size, st.st_mtime_ns) != row[:2] and not self._same_content(real, st, row[0], row[2]):
                return None
            digest.update(f"{shown}\0{row[2]}\n".encode())
        return digest.hexdigest()

    def kept_report(self, inputs: str) -> Report | None:
        row = self.db.execute("SELECT report FROM runs WHERE inputs = ?", (inputs,)).fetchone()
        return typed.decode(Report, json.loads(row[0])) if row else None  # type: ignore[no-any-return]

    def keep_report(self, inputs: str, report: Report) -> None:
        payload = json.dumps(typed.encode(report, defaults=False), ensure_ascii=False, separators=(",", ":"))
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?)", (inputs, time.time_ns(), payload))
            self.db.execute("DELETE FROM runs WHERE inputs NOT IN (SELECT inputs FROM runs ORDER BY made DESC LIMIT ?)",
                            (RUNS_KEPT,))

    def prune(self, roots: Iterable[Path], present: set[str]) -> None:
        """Forget the files under these roots that are no longer there (or no longer articles)."""
        prefixes = [os.path.realpath(r) for r in roots]
        rows = self.db.execute("SELECT path FROM articles").fetchall()
        gone = [p for (p,) in rows if p not in present
                and any(p == r or p.startswith(r.rstrip(os.sep) + os.sep) for r in prefixes)]
        if not gone:
            return
        with self._transaction():
            for p in gone:
                self.db.execute("DELETE FROM articles WHERE path = ?", (p,))
                self.db.execute("DELETE FROM keys WHERE path = ?", (p,))
        self.stats.removed += len(gone)

    def candidates(self, keys: Iterable[str], max_key_articles: int) -> list[tuple[str, str]]:
        """The stored articles that share a key with these keys, as (real path, shown path). A
        key held by more articles than `max_key_articles` ties none (as in grouping)."""
        wanted = sorted(set(keys))
        paths: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT key, path FROM keys WHERE key IN ({marks}) AND key IN "
                f"(SELECT key FROM keys WHERE key IN ({marks}) GROUP BY key HAVING COUNT(*) <= ?)",
                (*chunk, *chunk, max_key_articles)).fetchall()
            paths.update(p for _, p in rows)
        if not paths:
            return []
        found = []
        for p in sorted(paths):
            row = self.db.execute("SELECT shown FROM articles WHERE path = ?", (p,)).fetchone()
            if row is not None:
                found.append((p, row[0]))
        return found

    def results_of(self, real: str) -> Results | None:
        """The stored results of an indexed file, as stored (for an archive read from the index alone)."""
        row = self.db.execute("SELECT results, extraction FROM articles WHERE path = ?", (real,)).fetchone()
        if row is None:
            return None
        self.stats.read += 1
        if row[1] != self.extraction:
            self.stats.stale += 1
            return None
        return _decode_results(json.loads(row[0]))

    def count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def _decode_results(data: Any) -> Results:
    return typed.decode(Results, data)  # type: ignore[no-any-return]
