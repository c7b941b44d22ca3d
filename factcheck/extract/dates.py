"""Date mentions: "Kamis (12/9/2024)", "Jumat (20/10/23)", "Senin, 22 Maret 2026",
"12 Sept 2024", "on Thursday, February 20, 2025", "Thursday (Feb 20)", "kemarin",
"Selasa lalu". One set of patterns; the words come from the language pack's calendar."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from .. import patterns
from ..lexicon import Pack, alternation, fold, fold_phrase
from ..models import PartialDate

# How far back from a date its weekday may begin: "Kamis malam, " and a few spaces.
LEAD_WINDOW = 48


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: PartialDate | None  # None: a relative date with no anchor to resolve it
    weekday: int | None  # the weekday as written (0 = Monday)
    weekday_text: str | None
    explicit: bool  # day and month are written out
    relative: bool = False
    is_range: bool = False
    year_written: bool = False  # the year is in the text, not inferred
    is_stamp: bool = False  # a publication stamp ("12/05/2023, 19:43 WIB")


def _cased(words: list[str]) -> list[str]:
    """Calendar names only count when capitalised: "minggu" is a week, "Minggu" a Sunday."""
    out = []
    for w in words:
        out += [w[:1].upper() + w[1:], w.upper()]
    return out


@dataclass(frozen=True)
class _DatePattern:
    """A date pattern, and the weekday that may stand before it ("Kamis (12/9/2024)"). The
    weekday is looked for backwards from each match: a pattern that opens with an optional
    weekday makes the regex engine try the weekday names at every position of the text, which
    cost ten times the pattern itself."""

    core: re.Pattern[str]
    lead: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    groups: dict[str, Any]  # as re.Match.groupdict gives them
    bare_start: int = -1


@functools.lru_cache(maxsize=8)
def _patterns(pack: Pack) -> list[_DatePattern]:
    wd = alternation(_cased([w for names in pack.calendar.weekdays for w in names]), ignore_case=False)
    mon = alternation(_cased([m for names in pack.calendar.months for m in names]), ignore_case=False)
    parts = alternation(pack.calendar.day_parts) if pack.calendar.day_parts else None
    part = rf"(?:\s+(?:{parts}))?" if parts else ""
    # Ends where the date begins: searched in the few characters before each match.
    lead = patterns.compile(rf"(?P<wd>{wd})(?:'s)?{part}\s*,?\s*\Z")
    edge = r"(?<![\w/.])"
    nth = rf"(?:{alternation(pack.calendar.day_suffixes)})?" if pack.calendar.day_suffixes else ""
    led = [
        # Kamis (12/9/2024), (20/10/23), Rabu (02/08/2017)
        r"\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\s*\)",
        # 17/10/2022 with a year and no brackets
        rf"{edge}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\d/])",
        # Senin, 22 Maret 2026 / 12 Sept 2024 / 9 Mei
        rf"{edge}(?P<d>\d{{1,2}}){nth}\s+(?P<mon>{mon})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w])",
        # Thursday, February 20, 2025 / Feb. 21
        rf"(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}}){nth}(?:\s*,\s*(?P<y>\d{{4}}))?(?![\d\w])",
    ]
    pats = [
        # Thursday (Feb 20), Wednesday (December 8, 2022)
        rf"(?P<wd>{wd})\s*\(\s*(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:\s*,\s*(?P<y>\d{{4}}))?\s*\)",
        # Kamis (8 Desember 2022)
        rf"(?P<wd>{wd})\s*\(\s*(?P<d>\d{{1,2}})\s+(?P<mon>{mon})\.?(?:\s+(?P<y>\d{{4}}))?\s*\)",
    ]
    rel = list(pack.calendar.relative_days)
    if rel:
        pats.append(rf"(?<![\w])(?P<rel>{alternation(rel)})(?![\w])")
    if pack.calendar.last_weekday_suffixes:
        pats.append(rf"(?P<wd>{wd})\s+(?P<last>{alternation(pack.calendar.last_weekday_suffixes)})(?![\w])")
    if pack.calendar.bare_weekday_prefixes:
        # "pada Senin", "on Wednesday": a weekday with no date after it
        pats.append(rf"(?:{alternation(pack.calendar.bare_weekday_prefixes)})\s+(?P<bare>{wd})(?![\w'’])"
                    rf"(?!(?:\s+(?:{parts or 'x^'}))?\s*,?\s*(?:\(|\d|(?:{mon})\b))")
    if parts:
        pats.append(rf"(?P<bare>{wd})\s+(?:{parts})(?![\w'’])(?!\s*,?\s*(?:\(|\d))")
    if pack.calendar.last_weekday_prefixes:
        pats.append(rf"(?P<last>{alternation(pack.calendar.last_weekday_prefixes)})\s+(?P<wd>{wd})(?![\w])")
    # Only the relative words are matched in any case; calendar names must be capitalised.
    return ([_DatePattern(patterns.compile(p), lead) for p in led]
            + [_DatePattern(patterns.compile(p, re.IGNORECASE if "(?P<rel>" in p else 0)) for p in pats])


@functools.lru_cache(maxsize=8)
def _range_after(pack: Pack) -> re.Pattern[str]:
    return patterns.compile(rf"\s*(?:{alternation(pack.calendar.range_words)})\s*\d{{1,2}}(?!\d)")


@functools.lru_cache(maxsize=8)
def _stamp_after(pack: Pack) -> re.Pattern[str] | None:
    zones = pack.calendar.stamp_time_zones
    # A clock time with a colon, right after the date: an event's hour is written "pukul 09.00 WIB".
    return patterns.compile(rf"\s*[,|]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:{alternation(zones)})\b", re.IGNORECASE) if zones else None


@functools.lru_cache(maxsize=8)
def _range_before(pack: Pack) -> re.Pattern[str]:
    # "12-14 Juni", and "30 July to 6 August": the end of a span, after a day or a month.
    months = alternation([m for names in pack.calendar.months for m in names])
    return patterns.compile(rf"(?:\d{{1,2}}|(?<![\w])(?:{months})\.?)\s*(?:{alternation(pack.calendar.range_words)})\s*$", re.IGNORECASE)


def full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _shift(anchor: dt.date, days: int) -> dt.date | None:
    """`anchor` moved by `days`, or None off the calendar's ends (a CMS placeholder 0001-01-01)."""
    try:
        return anchor + dt.timedelta(days=days)
    except OverflowError:
        return None


def _last_weekday(anchor: dt.date, weekday: int, strictly_before: bool) -> dt.date | None:
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return _shift(anchor, -back)


def find_dates(text: str, pack: Pack, anchor: dt.date | None = None, year_hint: int | None = None) -> list[DateMention]:
    """Every date mention in `text`, overlapping matches resolved in favour of the longest."""
    found: list[_Found] = []
    for pattern in _patterns(pack):
        for m in pattern.core.finditer(text):
            groups = m.groupdict()
            start = m.start()
            if pattern.lead is not None:
                before = pattern.lead.search(text, max(0, start - LEAD_WINDOW), start)
                if before is not None:
                    groups["wd"], start = before.group("wd"), before.start()
            found.append(_Found(start, m.end(), groups, m.start("bare") if groups.get("bare") else -1))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    mentions: list[DateMention] = []
    taken_until = -1
    for f in found:
        if f.start < taken_until:
            continue
        mention = _mention(f, text, pack, anchor, year_hint)
        if mention is not None:
            mentions.append(mention)
            taken_until = f.end
    return _merge_relative(mentions, text)


def _mention(m: _Found, text: str, pack: Pack, anchor: dt.date | None, year_hint: int | None) -> DateMention | None:
    groups = m.groups
    written = text[m.start:m.end]
    wd_text = groups.get("wd")
    weekday = pack.weekday_index.get(fold(wd_text)) if wd_text else None
    if groups.get("rel"):
        offset = pack.relative_index.get(fold_phrase(groups["rel"]))
        date = _shift(anchor, offset) if anchor and offset is not None else None
        return DateMention(m.start, m.end, written, _partial(date), None, None, False, relative=True)
    if groups.get("last"):
        date = _last_weekday(anchor, weekday, True) if anchor and weekday is not None else None
        return DateMention(m.start, m.end, written, _partial(date), None, None, False, relative=True)
    if groups.get("bare"):
        bare = pack.weekday_index.get(fold(groups["bare"]))
        date = _last_weekday(anchor, bare, False) if anchor and bare is not None else None
        return DateMention(m.bare_start, m.end, groups["bare"] or "", _partial(date), None, None, False, relative=True)
    day = int(groups["d"])
    month = int(groups["m"]) if groups.get("m") else pack.month_index.get(fold(groups["mon"]).rstrip("."))
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year = full_year(groups["y"]) if groups.get("y") else None
    if groups.get("m") and year is not None and weekday is not None and pack.calendar.month_first_when_weekday_fits \
            and day <= 12 and _weekday_of(year, month, day) != weekday and _weekday_of(year, day, month) == weekday:
        day, month = month, day
    if year is None:
        year = _infer_year(month, day, anchor, year_hint)
        if year is not None and weekday is not None:
            # "Selasa (5/9)": of the years the guess could be, the one whose calendar agrees
            # with the weekday the article writes.
            year = next((y for y in (year, year - 1, year + 1) if _weekday_of(y, month, day) == weekday), year)
    try:
        # A year-less date must exist in some year (29/2 does, 30/2 never does).
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return None
    is_range = bool(_range_after(pack).match(text, m.end) or _range_before(pack).search(text[max(0, m.start - 20):m.start]))
    stamp = _stamp_after(pack)
    return DateMention(m.start, m.end, written, PartialDate(year=year, month=month, day=day),
                       weekday, wd_text, True, is_range=is_range, year_written=bool(groups.get("y")),
                       is_stamp=bool(stamp and stamp.match(text, m.end)))


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _infer_year(month: int, day: int, anchor: dt.date | None, year_hint: int | None) -> int | None:
    """A date written without its year takes the anchor's year (the year before if that would
    put it well after the anchor), else the year the article writes elsewhere."""
    if anchor is not None:
        try:
            candidate = dt.date(anchor.year, month, day)
        except ValueError:
            return anchor.year
        return anchor.year - 1 if (candidate - anchor).days > 31 else anchor.year
    return year_hint


def _partial(date: dt.date | None) -> PartialDate | None:
    return PartialDate(year=date.year, month=date.month, day=date.day) if date else None


def _merge_relative(mentions: list[DateMention], text: str) -> list[DateMention]:
    """"kemarin, Kamis (21/9/2023)": the written date says the same thing; keep that one."""
    out: list[DateMention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.relative and nxt is not None and nxt.explicit and not text[m.end:nxt.start].strip(" ,"):
            continue
        out.append(m)
    return out
