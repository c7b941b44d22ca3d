"""Numbers in digits and words: "86.000" = "86 ribu" = 86000, "dua ratus" = 200,
"Thirty-three" = 33, "Rp 1,2 triliun", "2,802" (English thousands)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import patterns
from ..lexicon import Pack, alternation, fold

DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: float
    text: str


RUPIAH_BEFORE = re.compile(r"\bRp\.?\s*$")


def in_rupiah(text: str, start: int) -> bool:
    """"Rp 500 juta": the number counts money, whatever noun follows it."""
    return bool(RUPIAH_BEFORE.search(text[max(0, start - 4):start]))


def parse_digits(text: str, decimal_separator: str) -> float | None:
    """"86.000" -> 86000, "2,8" -> 2.8, "2,802" -> 2802: a separator followed by exactly three
    digits groups thousands; otherwise it is the decimal point."""
    groups = re.split(r"[.,]", text)
    if len(groups) == 1:
        return float(text)
    seps = re.findall(r"[.,]", text)
    if all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        return float("".join(groups))
    if len(groups) == 2:
        return float(groups[0] + "." + groups[1])
    # 1.234,5 or 1,234.5: the last separator is the decimal one.
    head, tail = text[: text.rfind(seps[-1])], text[text.rfind(seps[-1]) + 1:]
    if len(set(seps)) == 2:
        return float(re.sub(r"[.,]", "", head) + "." + tail)
    return None


@functools.lru_cache(maxsize=8)
def _vocabulary(pack: Pack) -> dict[str, tuple[str, int]]:
    n = pack.numbers
    vocab: dict[str, tuple[str, int]] = {}
    for kind, table in (("unit", n.units), ("teen", n.teens), ("tens", n.tens), ("hundred", n.hundreds), ("scale", n.scales)):
        for word, value in table.items():
            vocab[fold(word)] = (kind, value)
    if n.teen_suffix:
        vocab[fold(n.teen_suffix)] = ("teen_suffix", 10)
    if n.tens_suffix:
        vocab[fold(n.tens_suffix)] = ("tens_suffix", 10)
    if n.prefix_one:  # "seratus", "seribu"
        for word, value in list(n.hundreds.items()) + list(n.scales.items()):
            vocab.setdefault(fold(n.prefix_one + word), ("hundred" if word in n.hundreds else "scale_one", value))
    vocab.pop(fold(n.prefix_one or "\0"), None)  # "se" alone is not a number
    vocab.pop("a", None)  # English "a" only counts inside "a hundred"
    return vocab


@functools.lru_cache(maxsize=8)
def _number_re(pack: Pack) -> re.Pattern[str]:
    words = alternation(list(_vocabulary(pack)) + ["a"])
    scales = alternation([fold(s) for s in pack.numbers.scales])
    word_seq = rf"(?:{words})(?:[\s-]+(?:{words}))*"
    return patterns.compile(rf"(?<![\w.,])(?:(?P<digits>{DIGITS})(?:\s*(?P<scale>{scales}))?|(?P<words>{word_seq}))(?![\w])",
                      re.IGNORECASE)


def words_value(words: list[str], pack: Pack) -> float | None:
    vocab = _vocabulary(pack)
    total, current, seen = 0, 0, False
    for raw in words:
        word = fold(raw)
        if word == "a":
            current = current or 1
            continue
        if word not in vocab:
            return None
        kind, value = vocab[word]
        seen = True
        if kind in ("unit", "teen", "tens"):
            current += value
        elif kind == "teen_suffix":
            current += 10
        elif kind == "tens_suffix":
            current *= 10
        elif kind == "hundred":
            current = (current or 1) * value
        elif kind in ("scale", "scale_one"):
            total += (current or 1) * value
            current = 0
    return float(total + current) if seen else None


def find_numbers(text: str, pack: Pack) -> list[NumberMention]:
    out = []
    for m in _number_re(pack).finditer(text):
        if m.group("digits"):
            if re.match(r"0\d", m.group("digits")):
                continue  # "01" counts nothing: the decimals of "16, 01 kilometer" after a stray space, or a label
            value = parse_digits(m.group("digits"), pack.numbers.decimal_separator)
            if value is None:
                continue
            if m.group("scale"):
                value *= _vocabulary(pack)[fold(m.group("scale"))][1]
        else:
            parts = [w for w in re.split(r"[\s-]+", m.group("words")) if w]
            if [fold(p) for p in parts] == ["a"]:
                continue
            value = words_value(parts, pack)
            if value is None:
                continue
        out.append(NumberMention(m.start(), m.end(), value, m.group(0)))
    return out
