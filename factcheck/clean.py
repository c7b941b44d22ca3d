"""Stage 2, clean: mark web noise and the headline, never dropping a line, so that evidence
still points at the original file. Noise patterns come from every language pack: ads.txt
records, "Baca Juga" blocks, shortcodes and share footers look the same in any language."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from . import patterns
from .lexicon import Lexicon
from .models import Article, TextLine, Zone

# A year and then a clock time: the page's stamp ("Rina Astuti • 7 February 2024 12:01"), which
# stands first when the caption above it is noise; it is no headline.
STAMP_LINE = patterns.compile(r"\b(?:19|20)\d{2}\b.*\b\d{1,2}[:.]\d{2}\b")
SHORTCODE = patterns.compile(r"\[/?[a-z_][\w-]*(?:\s[^\[\]\n]*)?\]")
SENTENCE_END = patterns.compile(r"[.!?…\"”:]\s*$")
BULLET = patterns.compile(r"^\s*[-•*·]\s+\S")


class _Noise:
    """The noise patterns of every pack as two regexes: those anchored at the line's start
    under one hoisted "^" (the engine then tries them at the start only), and the rest, which
    must be searched for. One alternation of both made every line cost a try of every pattern
    at every position."""

    def __init__(self, sources: list[str]):
        starts = [p.startswith("^") and not _has_top_level_bar(p) for p in sources]
        anchored = [p[1:] for p, at_start in zip(sources, starts, strict=True) if at_start]
        floating = [p for p, at_start in zip(sources, starts, strict=True) if not at_start]
        self.anchored = patterns.compile("^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")", re.IGNORECASE) if anchored else None
        self.floating = patterns.compile("|".join(f"(?:{p})" for p in floating), re.IGNORECASE) if floating else None

    def search(self, line: str) -> bool:
        return bool((self.anchored and self.anchored.match(line)) or (self.floating and self.floating.search(line)))


def _has_top_level_bar(pattern: str) -> bool:
    """Does `pattern` have an alternative outside any group ("^a|b": b is not anchored)?"""
    depth, escaped, in_class = 0, False, False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
    return False


@functools.lru_cache(maxsize=4)
def _patterns(lexicon: Lexicon) -> tuple[_Noise, _Noise]:
    lines = [p for pack in lexicon.packs.values() for p in pack.noise.line_patterns]
    blocks = [p for pack in lexicon.packs.values() for p in pack.noise.block_markers]
    return _Noise(lines), _Noise(blocks)


def _is_headline_like(text: str) -> bool:
    return len(text) < 160 and not SENTENCE_END.search(text)


def clean(article: Article, lexicon: Lexicon) -> Article:
    noise_re, block_re = _patterns(lexicon)
    lines = list(article.lines)
    zones = [line.zone for line in lines]
    texts = [SHORTCODE.sub(lambda m: " " * len(m.group(0)), line.text) for line in lines]

    for i, text in enumerate(texts):
        stripped = text.strip()
        if stripped and noise_re.search(stripped):
            zones[i] = Zone.noise
        elif not stripped.strip(" |·") and lines[i].text.strip():
            zones[i] = Zone.noise  # a line that held only a shortcode
        if stripped and block_re.search(stripped):
            zones[i] = Zone.noise
            # The related headlines after the marker, up to a blank line or a sentence.
            j = i + 1
            while j < len(texts) and texts[j].strip() and _is_headline_like(texts[j].strip()):
                zones[j] = Zone.noise
                j += 1
            # A bulleted list of headlines just before the marker belongs to it too.
            j = i - 1
            while j >= 0 and BULLET.match(texts[j]):
                zones[j] = Zone.noise
                j -= 1

    # A line in capitals is a headline wherever it stands ("GENAP SATU BULAN PJ BUPATI ...").
    for i, text in enumerate(texts):
        if zones[i] != Zone.body or not text.isupper():  # isupper() first: most lines have a lower-case letter
            continue
        letters = [c for c in text if c.isalpha()]
        if len(text.split()) >= 3 and len(letters) >= 12 and all(c.isupper() for c in letters):
            zones[i] = Zone.headline
    # The headline: the first real line of a plain-text file, when it reads like one.
    if article.format == "txt" and Zone.headline not in zones:
        first = next((i for i, t in enumerate(texts) if t.strip() and zones[i] != Zone.noise), None)
        if first is not None:
            head = texts[first].strip()
            if (_is_headline_like(head) or (head.isupper() and len(head) < 200)) and not STAMP_LINE.search(head):
                zones[first] = Zone.headline

    cleaned = tuple(
        TextLine(line=line.line, column=line.column, text=text, zone=zone)
        for line, text, zone in zip(lines, texts, zones, strict=True)
    )
    return replace(article, lines=cleaned)
