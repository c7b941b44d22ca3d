"""HTML pages: the text of <article> (or <body>), block by block, with line and column."""

from __future__ import annotations

from html.parser import HTMLParser

from .models import Article, ArticleMeta, TextLine, Zone
from .read import published_date


class _BodyParser(HTMLParser):
    """Collects the text of <article> (or <body>) block by block, with positions."""

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The standard library asserts on a broken "<![...": read those three characters as text
        # instead of ending the article.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i:i + 3])
            return i + 3

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
    warnings: list[str] = []
    published = published_date(parser.published, "published_time", warnings)
    return Article(path=path, format="html", lines=lines, meta=ArticleMeta(title=title, published=published),
                   warnings=tuple(warnings))
