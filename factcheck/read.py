"""Stage 1, read: files on disk -> Article (text lines that keep their original line and column).

Formats: .txt, .md (optional YAML front matter: title, published, outlet, url), .html (the
article body; nav, footer, scripts dropped), .json (schema.org NewsArticle). A file that
cannot be read becomes an Article with an error, and the run goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .models import Article, ArticleMeta, TextLine, Zone

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and files under folders named (recursively, hidden ones skipped), sorted."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            for f in p.rglob("*"):
                rel = f.relative_to(p).parts
                if f.is_file() and not any(part.startswith(".") for part in rel):
                    found.add(f)
        else:
            found.add(p)
    return sorted(found, key=lambda f: str(f))


def decode(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 (with or without BOM); otherwise Windows-1252/Latin-1 with a warning."""
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


def read_article(path: Path) -> Article:
    name = str(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return Article(path=name, format="unknown", errors=(f"not an article format ({', '.join(sorted(FORMATS))})",))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Article(path=name, format=fmt, errors=(f"cannot read: {exc.strerror or exc}",))
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Article(path=name, format=fmt, errors=("binary file (contains NUL bytes)",))
    warning: str | None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, warning = raw.decode("utf-16"), "UTF-16 text; decoded"
    else:
        text, warning = decode(raw)
    warnings: tuple[str, ...] = (warning,) if warning else ()
    try:
        article = PARSERS[fmt](name, text)
    except ValueError as exc:
        return Article(path=name, format=fmt, errors=(str(exc),), warnings=warnings)
    if not any(line.text.strip() for line in article.lines):
        warnings += ("no article text",)
    return article.model_copy(update={"warnings": warnings + article.warnings})


def plain_lines(text: str, first_line: int = 1) -> list[TextLine]:
    return [TextLine(line=i, column=1, text=t) for i, t in enumerate(text.splitlines(), first_line)]


def parse_txt(path: str, text: str) -> Article:
    return Article(path=path, format="txt", lines=tuple(plain_lines(text)))


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        from dateutil import parser as dateparser  # lazy: only front matter and JSON need it

        try:
            return dateparser.isoparse(value.strip()).date()
        except ValueError:
            try:
                return dateparser.parse(value.strip(), dayfirst=True).date()
            except (ValueError, OverflowError):
                return None
    return None


_MD_MARKUP = re.compile(r"^\s{0,3}#{1,6}\s+|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^\s*>\s?")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


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
            try:
                data = yaml.safe_load("\n".join(lines[1:end])) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                data = {}
                warnings.append(f"line {line}: front matter is not valid YAML; ignored")
            if not isinstance(data, dict):
                data = {}
                warnings.append("front matter is not a mapping; ignored")
            published = parse_date(data.get("published") or data.get("date"))
            if (data.get("published") or data.get("date")) and published is None:
                warnings.append(f"front matter `published` is not a date: {data.get('published')!r}")
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


class _BodyParser(HTMLParser):
    """Collects the text of <article> (or <body>) block by block, with positions."""

    SKIP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript", "figure", "template", "svg", "button"}
    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "section", "article",
             "td", "dd", "dt", "pre", "time"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.in_article = 0
        self.seen_article = False
        self.in_title = False
        self.title = ""
        self.published: str | None = None
        self.blocks: list[tuple[int, int, str, str, bool]] = []  # line, col, text, tag, inside <article>
        self.current: list[str] = []
        self.current_pos: tuple[int, int] | None = None
        self.current_tag = "p"

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text and self.current_pos:
            self.blocks.append((*self.current_pos, text, self.current_tag, self.in_article > 0))
        self.current, self.current_pos = [], None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("property") or attributes.get("name") or "") in (
            "article:published_time", "datePublished", "date", "pubdate"):
            self.published = self.published or attributes.get("content")
        if tag == "time" and attributes.get("datetime"):
            self.published = self.published or attributes.get("datetime")
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag in self.BLOCK:
            self._flush()
            self.current_tag = tag
        if tag == "article":
            self.in_article += 1
            self.seen_article = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCK:
            self._flush()
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth or not data.strip():
            if data and self.current:
                self.current.append(" ")
            return
        if self.current_pos is None:
            line, col = self.getpos()
            lead = len(data) - len(data.lstrip())
            newlines = data[:lead].count("\n")
            if newlines:
                col = lead - data[:lead].rfind("\n") - 1
            else:
                col += lead
            self.current_pos = (line + newlines, col + 1)
        self.current.append(data)


def parse_html(path: str, text: str) -> Article:
    parser = _BodyParser()
    parser.feed(text)
    parser.close()
    parser._flush()
    blocks = [b for b in parser.blocks if b[4]] if parser.seen_article else parser.blocks
    lines = tuple(
        TextLine(line=line, column=col, text=body, zone=Zone.headline if tag == "h1" else Zone.body)
        for line, col, body, tag, _ in blocks
    )
    title = " ".join(parser.title.split()) or None
    return Article(path=path, format="html", lines=lines,
                   meta=ArticleMeta(title=title, published=parse_date(parser.published)))


def _find_news_article(data: Any) -> dict[str, Any] | None:
    if isinstance(data, list):
        return next((a for a in map(_find_news_article, data) if a), None)
    if isinstance(data, dict):
        if "articleBody" in data or "headline" in data:
            return data
        return _find_news_article(data.get("@graph"))
    return None


def parse_json(path: str, text: str) -> Article:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {exc.lineno}: not valid JSON: {exc.msg}") from exc
    item = _find_news_article(data)
    if item is None:
        raise ValueError("JSON without `articleBody` or `headline` (expected a schema.org NewsArticle)")

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
    meta = ArticleMeta(
        title=headline if isinstance(headline, str) else None,
        published=parse_date(item.get("datePublished")),
        outlet=outlet if isinstance(outlet, str) else None,
        url=item.get("url") if isinstance(item.get("url"), str) else None,
    )
    return Article(path=path, format="json", lines=tuple(lines), meta=meta)


PARSERS = {"txt": parse_txt, "md": parse_md, "html": parse_html, "json": parse_json}


def read_all(paths: Iterable[str | Path]) -> list[Article]:
    return [read_article(p) for p in discover(paths)]
