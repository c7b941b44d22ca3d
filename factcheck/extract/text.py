"""Text units and sentences that remember where every character came from.

A text unit is one paragraph: usually one line, or several when a line breaks off mid-sentence
("Pj Bupati" / "Tangerang Andi Ony ..."). Offsets in a unit map back to (line, column)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .. import patterns
from ..models import Evidence, TextLine, Zone

TOKEN = patterns.compile(r"[^\s,;:()\[\]\"“”]+|[,;:()\[\]\"“”]")
UNFINISHED = patterns.compile(r"[a-z,]\s*$")
# A list item: a bullet or a number opening the line ("- Bupati Sumedang, ...", "2. Kota Bogor").
LIST_ITEM = patterns.compile(r"^\s*(?:[-•*▪►–]|\d{1,2}[.)])\s+")


@dataclass
class TextUnit:
    path: str
    text: str
    zone: Zone
    starts: list[int] = field(default_factory=list)  # offset in text where each source piece starts
    places: list[tuple[int, int]] = field(default_factory=list)  # (line, column) of that piece

    def position(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        line, column = self.places[i]
        return line, column + (offset - self.starts[i])

    def evidence(self, start: int, end: int, context: int = 40) -> Evidence:
        line, column = self.position(start)
        lo, hi = max(0, start - context), min(len(self.text), end + context)
        # Widen to whole words so the quote never starts or ends mid-word.
        while lo > 0 and not self.text[lo - 1].isspace():
            lo -= 1
        while hi < len(self.text) and not self.text[hi].isspace():
            hi += 1
        quote = ("… " if lo > 0 else "") + " ".join(self.text[lo:hi].split()) + (" …" if hi < len(self.text) else "")
        return Evidence(path=self.path, line=line, column=column, quote=quote)


@dataclass(frozen=True)
class Sentence:
    unit: TextUnit
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.unit.text[self.start:self.end]


def units_of(path: str, lines: tuple[TextLine, ...]) -> list[TextUnit]:
    """Join body lines that break off mid-sentence; every other line is its own unit."""
    units: list[TextUnit] = []
    open_unit: TextUnit | None = None
    for line in lines:
        if not line.text.strip():
            continue
        lead = len(line.text) - len(line.text.lstrip())
        piece = line.text.strip()
        place = (line.line, line.column + lead)
        if open_unit is not None and line.zone == Zone.body:
            open_unit.text += " "
            open_unit.starts.append(len(open_unit.text))
            open_unit.places.append(place)
            open_unit.text += piece
        else:
            open_unit = TextUnit(path=path, text=piece, zone=line.zone, starts=[0], places=[place])
            units.append(open_unit)
        if line.zone != Zone.body or not UNFINISHED.search(piece):
            open_unit = None
    # A list's last item needs no full stop ("- Kota Salatiga kategori Swasti Saba Wiwerda").
    if units and units[-1].zone == Zone.body and units[-1].text[-1:].isalnum() and not LIST_ITEM.match(units[-1].text) \
            and not (len(units) > 1 and units[-2].text.endswith(":")):
        _drop_cut_sentence(units)
    return units


# Up to the last sentence end that a space follows: the rest of a cut text breaks off.
LAST_FULL_STOP = patterns.compile(r"(?s).*[.!?][\"”’)]*(?=\s)")


def _drop_cut_sentence(units: list[TextUnit]) -> None:
    """A text that stops on a letter was cut off (an excerpt, a feed's first 2,000 characters):
    its last sentence breaks off mid-word ("di Gedung Rupa", "kategori Lifetime Ach") and is no
    statement."""
    last = units[-1]
    kept = LAST_FULL_STOP.match(last.text)
    if kept is None:
        units.pop()
    else:
        last.text = kept.group(0)


THOUSANDS_RUN = patterns.compile(r"\d{3}[.,]\d{3}")
SENTENCE_BREAK = patterns.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")


# No news sentence is this long; a longer run of text (a page with no full stops, a list
# pasted as one line) is cut at spaces into pieces this long, so that work per sentence stays
# bounded and the whole article stays linear in its length.
MAX_SENTENCE = 1200


def _bounded(sentence: Sentence) -> list[Sentence]:
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return [sentence]
    text, out, start = sentence.unit.text, [], sentence.start
    while sentence.end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Sentence(sentence.unit, start, cut))
        start = cut + 1 if text[cut:cut + 1] == " " else cut
    out.append(Sentence(sentence.unit, start, sentence.end))
    return out


# "A.H. Nasution", "H.M. Soeharto", "R.A. Kartini": initials joined by dots, the last dot the break's.
DOTTED_INITIALS = patterns.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def sentences_of(unit: TextUnit, abbreviations: frozenset[str]) -> list[Sentence]:
    return [piece for sentence in _sentences_of(unit, abbreviations) for piece in _bounded(sentence)]


def _sentences_of(unit: TextUnit, abbreviations: frozenset[str]) -> list[Sentence]:
    text = unit.text
    out, start = [], 0
    for m in SENTENCE_BREAK.finditer(text):
        before = text[start:m.start()].split()
        last = before[-1].lower().strip("(\"“") if before else ""
        after = text[m.end():m.end() + 30].split()
        # "R. Gani", "Dr. Ir.", "Andi Ony. P MSI": the dot belongs to an abbreviation or initial.
        if last.replace(".", "") in abbreviations or (len(last) <= 2 and last.isalpha()) or DOTTED_INITIALS.fullmatch(last):
            continue
        if after and len(after[0]) == 1 and after[0].isupper() and len(after) > 1 and after[1][:1].isupper():
            continue
        # "Rp 731. 571.160.000": one number, its thousands groups broken by a stray space.
        if last.isdigit() and len(last) <= 3 and after and THOUSANDS_RUN.match(after[0]):
            continue
        out.append(Sentence(unit, start, m.start() + 1))
        start = m.end()
    if start < len(text):
        out.append(Sentence(unit, start, len(text)))
    return out


def tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]
