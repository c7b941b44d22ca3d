"""Stage 1, read: files on disk -> Article (text lines that keep their original line and column).

Formats: .txt, .md (optional YAML front matter: title, published, outlet, url), .html (the
article body; nav, footer, scripts dropped), .json (schema.org NewsArticle). A file that
cannot be read becomes an Article with an error, and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any

from . import patterns
from .models import Article, ArticleMeta, TextLine, Zone

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}

# Files a folder of articles usually holds beside the articles: never read as news when a
# folder is walked (a file named on the command line is always read). `--exclude` adds more.
DEFAULT_EXCLUDES = ("README*", "readme*", "CHANGELOG*", "LICENSE*", "LICENCE*", "CONTRIBUTING*", "SOURCES.md",
                    "expected*.json", "*.expected.json", "*.report.json", "package.json", "package-lock.json")
MAX_BYTES = 4 * 1024 * 1024  # a larger file is an error entry, not a hang
MAX_JSON_DEPTH = 64
PLAUSIBLE_YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Discovery:
    """What a walk of the inputs found: the files to read, the files left out on purpose (with
    the reason) and the places that could not be looked into (with the reason)."""

    files: tuple[Path, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    problems: tuple[tuple[str, str], ...] = ()
    real: tuple[str, ...] = ()  # each file's real path, in the order of `files` (empty: not known)

    def real_paths(self) -> tuple[str, ...]:
        return self.real or tuple(os.path.realpath(f) for f in self.files)


class _Globs:
    """Glob patterns tried on a file's name and on its path below the walked folder; all of them
    in one regular expression first, since a walk asks for every file and almost none match."""

    def __init__(self, globs: tuple[str, ...]):
        self.globs = globs
        self.any = re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)) if globs else None

    def first(self, name: str, rel: str) -> str | None:
        """The first pattern that matches, or None."""
        if self.any is None or not (self.any.match(name) or self.any.match(rel)):
            return None
        return next((g for g in self.globs if fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(rel, g)), None)


def _excluded(rel: PurePath, patterns: tuple[str, ...]) -> str | None:
    return _Globs(patterns).first(rel.name, rel.as_posix())


def discover(paths: Iterable[str | Path], exclude: Iterable[str] = (), include: Iterable[str] = ()) -> Discovery:
    """Files named, and files under folders named (recursively; hidden ones skipped), each once
    however it was named, sorted. Nothing vanishes: a file left out is listed with the reason,
    and a folder that cannot be entered or a link that leads nowhere is a problem entry."""
    patterns = DEFAULT_EXCLUDES + tuple(exclude)
    extra = tuple(exclude)
    files: dict[str, Path] = {}
    skipped: list[tuple[str, str]] = []
    problems: list[tuple[str, str]] = []

    def add(path: Path, real: str | None = None) -> None:
        try:
            key = real or os.path.realpath(path)
        except (OSError, ValueError):
            key = str(path)
        files.setdefault(key, path)

    for root in map(Path, paths):
        try:
            root.is_dir()
        except OSError as exc:  # a folder on the way that cannot be entered
            problems.append((display_path(root), f"cannot open: {exc.strerror or exc}"))
            continue
        if root.is_symlink() and not root.exists():
            problems.append((display_path(root), "a link that leads nowhere (dangling or looping)"))
        elif root.is_dir():
            _walk(root, _Globs(patterns), add, skipped, problems, _Globs(tuple(include)))
        elif (pattern := _excluded(PurePath(root.name), extra)) is not None:
            skipped.append((display_path(root), f"excluded by {pattern}"))
        else:
            add(root)
    ordered = sorted(files.items(), key=lambda item: str(item[1]))
    return Discovery(tuple(f for _, f in ordered), tuple(sorted(skipped)), tuple(sorted(problems)),
                     tuple(real for real, _ in ordered))


def _walk(root: Path, excluded: _Globs, add: Callable[[Path, str | None], None],
          skipped: list[tuple[str, str]], problems: list[tuple[str, str]], included: _Globs) -> None:
    """Every file below `root`, folders in name order, links to folders followed, each real folder
    once (a link back up the tree is not walked again)."""
    seen_dirs: set[str] = set()
    pending = [(str(root), "")]  # (folder as named, its path below root with a trailing "/")
    while pending:
        folder, below = pending.pop()
        real = os.path.realpath(folder)
        if real in seen_dirs:
            continue
        seen_dirs.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            problems.append((display_path(Path(folder)), f"cannot open folder: {exc.strerror or exc}"))
            continue
        subfolders = []
        for entry in entries:
            name, full = entry.name, entry.path
            try:
                link, is_dir = entry.is_symlink(), entry.is_dir()
            except OSError:
                link, is_dir = True, False
            if is_dir:
                subfolders.append((full, below + name + "/"))
            elif link and not os.path.exists(full):
                problems.append((display_path(Path(full)), "a link that leads nowhere (dangling or looping)"))
            elif (pattern := excluded.first(name, below + name)) is not None:
                skipped.append((display_path(Path(full)), f"excluded by {pattern}"))
            elif os.path.splitext(name)[1].lower() not in FORMATS:
                skipped.append((display_path(Path(full)), f"not an article format ({', '.join(sorted(FORMATS))})"))
            elif included.globs and included.first(name, below + name) is None:
                skipped.append((display_path(Path(full)), f"not matched by include ({', '.join(included.globs)})"))
            else:
                # A file's real path is its real folder's, beside it, unless the file is a link.
                add(Path(full), None if link else os.path.join(real, name))
        pending.extend(reversed(subfolders))


def decode(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM; otherwise Windows-1252/Latin-1, with
    a warning."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16 text; decoded"
        except UnicodeDecodeError:
            pass  # a UTF-16 mark on bytes that are not UTF-16 (a cp1252 file starting "ÿþ")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            return raw.decode(encoding), f"not UTF-8 (first bad {where}); decoded as {encoding}"
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; a ValueError says why not (not a regular file, too large)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (a FIFO, device or socket); not read")
    if info.st_size > max_bytes:
        raise ValueError(f"{info.st_size:,} bytes, over the {max_bytes:,}-byte limit for one article; not read")
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:  # the file grew while it was read
        raise ValueError(f"over the {max_bytes:,}-byte limit for one article; not read")
    return raw


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> list[Article]:
    """The articles in one file: one, or several for a JSON array of NewsArticles. A file that
    cannot be read gives one Article with the error."""
    name = display_path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return [Article(path=name, format="unknown", errors=(f"not an article format ({', '.join(sorted(FORMATS))})",))]
    try:
        raw = _read_bytes(path, max_bytes)
    except OSError as exc:
        return [Article(path=name, format=fmt, errors=(f"cannot read: {exc.strerror or exc}",))]
    except ValueError as exc:
        return [Article(path=name, format=fmt, errors=(str(exc),))]
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [Article(path=name, format=fmt, errors=("binary file (contains NUL bytes)",))]
    text, warning = decode(raw)
    warnings: tuple[str, ...] = (warning,) if warning else ()
    try:
        articles = parse_json_all(name, text) if fmt == "json" else [PARSERS[fmt](name, text)]
    except (ValueError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) else "nested too deeply"
        return [Article(path=name, format=fmt, errors=(reason,), warnings=warnings)]
    out = []
    for article in articles:
        extra = () if any(line.text.strip() for line in article.lines) else ("no article text",)
        out.append(replace(article, warnings=warnings + article.warnings + extra))
    return out


def read_article(path: Path, max_bytes: int = MAX_BYTES) -> Article:
    """The first (usually the only) article in a file."""
    return read_file(path, max_bytes)[0]


def display_path(path: Path) -> str:
    """The path as the report shows it: bytes that are not UTF-8 in a file name are escaped,
    so every report can be written and read back."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def plain_lines(text: str, first_line: int = 1) -> list[TextLine]:
    return [TextLine(line=i, column=1, text=t) for i, t in enumerate(text.splitlines(), first_line)]


def parse_txt(path: str, text: str) -> Article:
    return Article(path=path, format="txt", lines=tuple(plain_lines(text)))


def parse_date(value: Any) -> dt.date | None:
    """A publication date from metadata, only when it is a whole, plausible calendar date:
    "2024-02-30", "9", "Monday", "Sept", "10:30" and a CMS placeholder "0001-01-01" are not."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value if value.year in PLAUSIBLE_YEARS else None
    if not isinstance(value, str) or not value.strip():
        return None
    from dateutil import parser as dateparser  # lazy: only metadata needs it

    text = value.strip()
    try:
        found = dateparser.isoparse(text).date()
    except (ValueError, OverflowError):
        try:
            # Parsed against two different defaults: a field that was not written takes the
            # default, so the two results differ unless day, month and year are all there.
            first = dateparser.parse(text, dayfirst=True, default=dt.datetime(1904, 1, 1))
            second = dateparser.parse(text, dayfirst=True, default=dt.datetime(1908, 2, 2))
        except (ValueError, OverflowError, TypeError):
            return None
        if first.date() != second.date():
            return None
        found = first.date()
    return found if found.year in PLAUSIBLE_YEARS else None


def published_date(value: Any, field: str, warnings: list[str]) -> dt.date | None:
    """`parse_date`, with a reading note when a value is there but is not a usable date."""
    found = parse_date(value)
    if found is None and value not in (None, ""):
        warnings.append(f"`{field}` is not a whole, plausible date: {str(value)[:40]!r}; ignored")
    return found


_MD_MARKUP = patterns.compile(r"^\s{0,3}#{1,6}\s+|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^\s*>\s?")
_MD_LINK = patterns.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def blank_markup(line: str) -> str:
    """Markdown markup replaced by spaces, so columns still point into the original line."""
    line = _MD_LINK.sub(lambda m: " " + m.group(1) + " " * (len(m.group(0)) - len(m.group(1)) - 1), line)
    return _MD_MARKUP.sub(lambda m: " " * len(m.group(0)), line)


def parse_md(path: str, text: str) -> Article:
    lines = text.splitlines()
    meta, start = ArticleMeta(), 0
    warnings: list[str] = []
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            warnings.append("front matter opened with --- on line 1 is never closed; read as text")
        else:
            from . import yamlread  # only for a page that has front matter

            try:
                data = yamlread.front_matter("\n".join(lines[1:end])) or {}
            except yamlread.YAMLError as exc:
                found = yamlread.problem_line(exc)
                line = found + 1 if found else 1
                data = {}
                warnings.append(f"line {line}: front matter is not valid YAML; ignored")
            if not isinstance(data, dict):
                data = {}
                warnings.append("front matter is not a mapping; ignored")
            published = published_date(data.get("published") or data.get("date"), "published", warnings)
            meta = ArticleMeta(
                title=str(data["title"]) if data.get("title") else None,
                published=published,
                outlet=str(data["outlet"]) if data.get("outlet") else None,
                url=str(data["url"]) if data.get("url") else None,
            )
            start = end + 1
    body: list[TextLine] = []
    for i in range(start, len(lines)):
        raw = lines[i]
        zone = Zone.headline if re.match(r"^\s{0,3}#\s", raw) else Zone.body
        body.append(TextLine(line=i + 1, column=1, text=blank_markup(raw), zone=zone))
    return Article(path=path, format="md", lines=tuple(body), meta=meta, warnings=tuple(warnings))


def parse_html(path: str, text: str) -> Article:
    from .read_html import parse_html as parse  # only for HTML pages: the parser is not free to import

    return parse(path, text)


def _json_depth(text: str) -> int:
    """How deeply the JSON text nests, in one pass (strings skipped), before it is parsed."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _news_articles(data: Any) -> list[dict[str, Any]]:
    """Every schema.org NewsArticle in the data: one object, an array, or an `@graph`."""
    if isinstance(data, list):
        return [a for item in data for a in _news_articles(item)]
    if isinstance(data, dict):
        if "articleBody" in data or "headline" in data:
            return [data]
        return _news_articles(data.get("@graph"))
    return []


def parse_json(path: str, text: str) -> Article:
    return parse_json_all(path, text)[0]


def parse_json_all(path: str, text: str) -> list[Article]:
    if _json_depth(text) > MAX_JSON_DEPTH:
        raise ValueError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep; not read")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}: not valid JSON: {exc.msg}") from exc
    items = _news_articles(data)
    if not items:
        raise ValueError("JSON without `articleBody` or `headline` (expected a schema.org NewsArticle)")
    # Several articles in one file are told apart as path#1, path#2, … in the report.
    names = [path] if len(items) == 1 else [f"{path}#{n}" for n in range(1, len(items) + 1)]
    return [_json_article(name, text, item) for name, item in zip(names, items, strict=True)]


def _json_article(path: str, text: str, item: dict[str, Any]) -> Article:
    def line_of(key: str) -> int:
        found = re.search(rf'"{re.escape(key)}"\s*:', text)
        return text.count("\n", 0, found.start()) + 1 if found else 1

    lines: list[TextLine] = []
    headline = item.get("headline")
    if isinstance(headline, str) and headline.strip():
        lines.append(TextLine(line=line_of("headline"), column=1, text=headline.strip(), zone=Zone.headline))
    body = item.get("articleBody")
    if body is not None and not isinstance(body, str):
        raise ValueError("`articleBody` is not a string")
    body_line = line_of("articleBody")
    # JSON strings hold the whole body on one file line; paragraphs keep that line.
    for paragraph in re.split(r"\n\s*\n|\n", body or ""):
        if paragraph.strip():
            lines.append(TextLine(line=body_line, column=1, text=paragraph.strip()))
    publisher = item.get("publisher")
    outlet = publisher.get("name") if isinstance(publisher, dict) else None
    warnings: list[str] = []
    meta = ArticleMeta(
        title=headline if isinstance(headline, str) else None,
        published=published_date(item.get("datePublished"), "datePublished", warnings),
        outlet=outlet if isinstance(outlet, str) else None,
        url=item.get("url") if isinstance(item.get("url"), str) else None,
    )
    return Article(path=path, format="json", lines=tuple(lines), meta=meta, warnings=tuple(warnings))


PARSERS = {"txt": parse_txt, "md": parse_md, "html": parse_html, "json": parse_json}

