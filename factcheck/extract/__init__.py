"""Stage 3, extract: one cleaned Article -> ArticleClaims.

A pure function of the article and the rules folder (no state shared between articles), so
results can be cached, computed in parallel and stored in an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from itertools import islice, pairwise

from .. import patterns
from ..lexicon import Lexicon, Pack, fold
from ..models import Article, ArticleClaims, Claim, ClaimSource, EventFrame, PartialDate, Zone
from .claims import category_claims, measure_claims, title_claims, weekday_claims
from .dates import DateMention, find_dates
from .events import YEAR, AwardName, SentenceEvent, SentenceReader, award_names
from .frame import lead_dates, main_event
from .people import Mention, find_mentions
from .resolve import resolve_people
from .text import LIST_ITEM, Sentence, TextUnit, sentences_of, units_of

__all__ = ["extract", "detect_language"]

MAX_AWARD_NAMES = 50  # an article names a few awards; more is noise, and each is looked for in every sentence
# "SERANG, BANTENNEWS.CO.ID – ", "Jakarta (ANTARA) - ", "Bisnis.com, JAKARTA — ": where and who, not what.
DATELINE_PREFIX = patterns.compile(r"^(?P<head>[A-Za-z0-9][^–—\n]{0,48}?)\s*(?:–|—|--?)\s*(?=[A-Z0-9\"“])")


def blank_dateline_prefix(unit: TextUnit, pack: Pack, lexicon: Lexicon) -> dt.date | None:
    """Blank "SERANG, BANTENNEWS.CO.ID – " (it names the place and outlet, not the event) and
    return the date it carries, if any ("WONOSOBO, 12/12/2022 (JOGLOINFO) -"): the anchor."""
    m = DATELINE_PREFIX.match(unit.text)
    if not m:
        return None
    head = m.group("head")
    words = head.split()
    signals = (re.search(r"\b[A-Z]{3,}\b|\([^)]*\)|\.(?:com|id|co|net)\b|,", head) or lexicon.region_re.fullmatch(head.strip())
               or (len(words) == 1 and words[0][:1].isupper()))  # "Curup – ...": a town before a dash
    if len(words) > 8 or not signals or any(w[:1].islower() for w in words if w.isalpha() and fold(w) not in pack.month_index):
        return None
    dated = [d.date.as_date() for d in find_dates(head, pack) if d.date and d.date.year]
    unit.text = " " * m.end() + unit.text[m.end():]
    return dated[0] if dated else None


LIST_ITEM_MAX = 160  # after an intro ending in ":", lines this short continue the list


def enumerates(text: str, pack: Pack) -> int | None:
    """"Penerima penghargaan yaitu Kota A kategori X, Kota B kategori Y, dan ...": one sentence
    that lists many after an intro word. Where its list starts, or None."""
    m = pack.list_intro_re.search(text)
    if m is None:
        return None
    rest = text[m.end():]
    return m.start() if rest.lstrip().startswith(":") or rest.count(",") >= 2 else None


def listed_sentences(units: list[TextUnit], pack: Pack, split: dict[int, list[Sentence]]) -> dict[int, int]:
    """The sentences (by id) that stand in a list, with where in the sentence the list starts:
    bullet lines and the short lines after an intro that ends with a colon (from their start),
    and sentences that enumerate after an intro word (from the intro: "diikuti 27.380 peserta
    yang terdiri atas petani, nelayan, ..." counts the whole before listing its parts)."""
    listed: dict[int, int] = {}
    after_intro = False
    for unit in units:
        if unit.zone != Zone.body:
            after_intro = False
            continue
        text = unit.text.strip()
        item = bool(LIST_ITEM.match(text)) or (after_intro and len(text) <= LIST_ITEM_MAX)
        for sentence in split[id(unit)]:
            start = 0 if item else enumerates(sentence.text, pack)
            if start is not None:
                listed[id(sentence)] = start
        after_intro = text.endswith(":") or (after_intro and item)
    return listed


def title_case(text: str, pack: Pack) -> bool:
    """Are all the words of this line capitalised (small joining words aside), as in a headline?
    News prose has offices and names in capitals too, but its verbs are lower case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if fold(w) not in pack.signal_words]
    # An outlet's name ("detikSumut", "iNews") counts as capitalised.
    return len(words) >= 5 and all(w[0].isupper() or not w.islower() for w in words)


def detect_language(units: list[TextUnit], lexicon: Lexicon) -> Pack:
    words = Counter(fold(w) for u in units if u.zone == Zone.body for w in re.findall(r"[A-Za-z]+", u.text))
    scores = {code: sum(words[w] for w in pack.signal_words) for code, pack in lexicon.packs.items()}
    best = max(sorted(scores), key=lambda code: scores[code]) if scores else "id"
    return lexicon.packs.get(best if scores.get(best) else "id", next(iter(lexicon.packs.values())))


STAMP_FILLER = patterns.compile(r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?|\b(WIB|WITA|WIT)\b|[|,:\-–—]")


def _reads_as_stamp(text: str, dates: list[DateMention], offset: int = 0) -> bool:
    """A publication stamp: a full date, a time, at most a few other words ("Senin, 30 Oktober
    2023 22:41 WIB", "Jumat, 9 Agustus 2024 | 07.15 WIB | Redaksi")."""
    if len(text) > 90 or not any(d.explicit and d.date and d.date.year for d in dates):
        return False
    rest = text
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[:d.start - offset] + rest[d.end - offset:]
    # A line split by separators is a byline: the writer, the outlet and the city may come first
    # ("Dio Suhenda (The Jakarta Post) · Jakarta · Tue, October 3, 2023").
    words = 8 if re.search(r"[·|•]", rest) else 5
    rest = STAMP_FILLER.sub(" ", rest)
    return len(rest.split()) <= words and not rest.rstrip().endswith(".")


def _dual_office(text: str, mention: Mention, lexicon: Lexicon, pack: Pack) -> bool:
    """"Menteri Investasi/Kepala BKPM Rosan Roeslani": two offices joined by a slash, both held
    ("Menteri ATR/BPN" is one office: no office follows its slash)."""
    if mention.office is None:
        return False
    office_re = lexicon.office_re(pack.code)
    for slash in (i for i in range(mention.start, mention.end) if text[i] == "/"):
        after = slash + 1
        while after < len(text) and text[after].isspace():
            after += 1
        if office_re.match(text, after):
            return True
    before = text[max(0, mention.start - 60):mention.start].rstrip()
    if not before.endswith("/"):
        return False
    # An office shortly before the slash, with only words between: "Menteri Investasi/".
    return any(not re.search(r"[,.;:()]", before[m.start():-1]) for m in office_re.finditer(before))


def _dates_on_own_lines(unit: TextUnit, dates: list[DateMention]) -> set[int]:
    """Where a date fills a source line by itself ("Tuesday, October 22, 2024" under a headline
    that runs on into it), or stands in a line that reads as a stamp ("Jumat, 9 Agustus 2024 |
    07.15 WIB | Redaksi" before the lead it runs on into): a page's publication stamp, not the
    date of the sentence it joins."""
    ends = [*unit.starts[1:], len(unit.text) + 1]
    line_at = dict(zip(unit.starts, ends, strict=True))
    own = {d.start for d in dates if d.start in line_at and not unit.text[d.end:line_at[d.start] - 1].strip(" ,.|")}
    for start, end in line_at.items():
        inside = [d for d in dates if start <= d.start and d.end <= end - 1]
        if inside and _reads_as_stamp(unit.text[start:end - 1], inside, start):
            own |= {d.start for d in inside}
    return own


def extract(article: Article, lexicon: Lexicon) -> ArticleClaims:
    units = units_of(article.path, tuple(line for line in article.lines if line.zone != Zone.noise))
    pack = detect_language(units, lexicon)
    noise_lines = sum(1 for line in article.lines if line.zone == Zone.noise)

    # Anchor for relative dates: front matter first, else a dateline.
    first_pass = {id(u): find_dates(u.text, pack) for u in units}
    datelines = {id(u) for u in units if u.zone == Zone.body and _reads_as_stamp(u.text, first_pass[id(u)])}
    prefix_dates = [blank_dateline_prefix(u, pack, lexicon) for u in units if u.zone == Zone.body]
    own_lines = {id(u): _dates_on_own_lines(u, first_pass[id(u)]) for u in units}
    anchor = article.meta.published
    if anchor is None:
        # The first stamp: a dateline unit, or a stamp line inside a unit it runs on into.
        anchor = next((d.date.as_date() for u in units if u.zone == Zone.body for d in first_pass[id(u)]
                       if d.date and d.date.year and (id(u) in datelines or d.start in own_lines[id(u)])), None)
    if anchor is None:
        anchor = next((d for d in prefix_dates if d), None)
    years = Counter(d.date.year for ds in first_pass.values() for d in ds if d.date and d.date.year)
    year_hint = years.most_common(1)[0][0] if years else None

    body: list[tuple[Sentence, list[DateMention], list[Mention]]] = []
    claims: list[Claim] = []
    known_awards: list[AwardName] = []
    split = {id(u): sentences_of(u, pack.abbreviations) for u in units}
    listed = listed_sentences(units, pack, split)
    for unit in units:
        stamps = own_lines[id(unit)]
        for sentence in split[id(unit)]:
            text = sentence.text
            dates = [dataclasses.replace(d, is_stamp=True) if sentence.start + d.start in stamps else d
                     for d in find_dates(text, pack, anchor, year_hint)]
            if unit.zone == Zone.headline:
                known_awards += award_names(text, pack)
                continue
            claims += weekday_claims(sentence, dates, pack)
            if id(unit) in datelines:
                continue
            body.append((sentence, dates, find_mentions(text, lexicon, pack)))
    body_awards: list[AwardName] = []
    awards_in: dict[int, list[AwardName]] = {}  # sentence -> the award names it writes
    first_known = {a.tokens: a for a in reversed(known_awards)}
    first_in_body: dict[tuple[str, ...], AwardName] = {}
    recent_in_body: dict[tuple[str, ...], None] = {}  # the names in the order last written
    for sentence, _, _ in body:
        # Each distinct name once, the headline's first and then the most recently written (the
        # list is searched again in every later sentence, so it is kept short and built in
        # constant time per sentence).
        order = list(dict.fromkeys([*(a.tokens for a in reversed(known_awards)),
                                    *islice(reversed(recent_in_body), MAX_AWARD_NAMES)]))[:MAX_AWARD_NAMES]
        distinct = [first_in_body.get(t) or first_known[t] for t in order]
        found = award_names(sentence.text, pack, distinct)
        awards_in[id(sentence)] = found
        if not pack.background_re.search(sentence.text):
            body_awards += found
            for award in found:
                first_in_body.setdefault(award.tokens, award)
                recent_in_body.pop(award.tokens, None)
                recent_in_body[award.tokens] = None
    awards = body_awards or known_awards

    # In a line with every word capitalised (a headline left in the body: "Mendagri Tepis
    # Pergantian Pj Gubernur") capitals say nothing: a name read only there is no person.
    titled = [title_case(sentence.text, pack) for sentence, _, _ in body]
    named_elsewhere = {m.key for (_, _, ms), t in zip(body, titled, strict=True) if not t for m in ms if m.key}
    body = [(sentence, dates, [m for m in ms if not m.key or m.key in named_elsewhere] if t else ms)
            for (sentence, dates, ms), t in zip(body, titled, strict=True)]
    # A bare capitalised name that shares a word with an award ("Tim Penilaian Adipura") is no person.
    award_words = {t for a in body_awards + known_awards for t in a.tokens}
    all_mentions = [m for _, _, ms in body for m in ms
                    if m.office is not None or not m.key or not award_words.intersection(m.key)]
    # "A dan B", "A, B serta C": people listed together are different people.
    gap = pack.joint_gap_re
    listed_together = [(id(a), id(b)) for sentence, _, ms in body for a, b in pairwise(ms)
                       if gap is not None and a.key and b.key and gap.fullmatch(sentence.text, a.end, b.start)]
    people = resolve_people(all_mentions, lexicon.national_seats, lexicon.droppable_first_names, listed_together)

    reader = SentenceReader(lexicon, pack)
    dated_counts: dict[tuple[int, int], set[str]] = {}  # a count read outside the act -> the full dates its sentence gives
    events: list[SentenceEvent] = []
    previous_sentence: tuple[Sentence, list[DateMention]] | None = None
    concurrent: set[str] = set()
    previous_first: Mention | None = None
    for sentence, dates, mentions in body:
        for m in mentions:  # "Ia dilantik ...": the person the previous sentence began with
            if m.is_pronoun and m.start < 3 and previous_first is not None:
                m.person, m.office, m.status = previous_first.person, previous_first.office, previous_first.status
        event = reader.read(sentence, [m for m in mentions if m.person or m.office], dates, bool(awards))
        if event is not None:
            if not event.dates and not events and previous_sentence is not None:
                event.dates = lead_dates(previous_sentence, sentence)
            events.append(event)
        previous_sentence = (sentence, dates) if event is None else None
        firsts = [m for m in mentions if m.person]
        if pack.concurrent_re.search(sentence.text):
            concurrent.update(m.person for m in mentions if m.person)
        concurrent.update(m.person for m in mentions if m.person and _dual_office(sentence.text, m, lexicon, pack))
        previous_first = firsts[0] if firsts else previous_first
        measured = measure_claims(sentence, dates, pack, lexicon, mentions)
        full_dates = {d.date.iso() for d in dates if d.explicit and d.year_written and d.date and not d.is_stamp}
        for c in measured:
            dated_counts[(c.evidence.line, c.evidence.column)] = full_dates
        read = (title_claims(sentence, mentions, people, pack) + category_claims(sentence, mentions, people, lexicon, pack, dates)
                + measured)
        if id(sentence) in listed:
            list_start = sentence.unit.position(sentence.start + listed[id(sentence)])
            read = [dataclasses.replace(c, source=ClaimSource.listing)
                    if (c.evidence.line, c.evidence.column) >= list_start else c for c in read]
        claims += read

    headline_like = {id(sentence) for (sentence, _, _), t in zip(body, titled, strict=True) if t}
    frame, event_claims = main_event(events, awards, people, lexicon, pack, awards_in, known_awards, listed, headline_like)
    # A count in the act's own sentence is the act's (main_event reads it); the same number read
    # again as a measure would be a second claim of one figure.
    counted = {(c.evidence.line, c.evidence.column) for c in event_claims if c.attribute == "quantity"}
    claims = [c for c in claims if c.attribute != "quantity" or (c.evidence.line, c.evidence.column) not in counted]
    claims = _comparable_counts(claims, dated_counts, frame, pack) + event_claims
    if frame is not None and frame.date is None:
        named = Counter(int(y) for sentence, _, _ in body for y in YEAR.findall(sentence.text))
        if named:
            frame = dataclasses.replace(frame, year_named=max(sorted(named), key=named.__getitem__))
    if frame is not None and frame.recipients:
        # A presenter whose sentence names no receiver acts for the article's own recipient: a
        # regional round's governor is not the national ceremony's presenter.
        claims = [dataclasses.replace(c, recipients=frame.recipients)
                  if c.attribute == "presenter" and not c.recipients else c for c in claims]
    unowned = {c.value for c in claims if c.attribute == "category" and not c.recipients}
    if len(unowned) > 1:
        # Several categories and no receiver named for them: the article lists an award's
        # categories (or other winners'), it does not say which one its recipient won.
        claims = [dataclasses.replace(c, source=ClaimSource.listing)
                  if c.attribute == "category" and not c.recipients else c for c in claims]
    elif frame is not None and frame.recipients:
        # "Kota Madiun, peraih kategori ...": a category whose receiver the sentence does not name
        # is the article's own recipient's, not anyone's.
        claims = [dataclasses.replace(c, recipients=frame.recipients)
                  if c.attribute == "category" and not c.recipients else c for c in claims]
    reference = frame.date if frame and frame.date else None
    if reference is None and anchor is not None:
        reference = PartialDate(year=anchor.year, month=anchor.month, day=anchor.day)
    return ArticleClaims(
        path=article.path, language=pack.code, anchor=anchor, reference_date=reference, event=frame,
        claims=tuple(claims), people={pid: p.display for pid, p in people.items()}, concurrent=tuple(sorted(concurrent)),
        errors=article.errors, noise_lines=noise_lines,
    )


def _comparable_counts(claims: list[Claim], dated: dict[tuple[int, int], set[str]], frame: EventFrame | None, pack: Pack) -> list[Claim]:
    """Of the claims read outside the act (`dated`: where each count was read, with the full
    dates of its sentence), the counts of a noun outside the pack's measures that another report
    could contradict: only where the article gives the noun one figure, of 10 or more, in a
    sentence not dated to another day than the event's. "205 sekolah" beside "39 sekolah" count
    different sets of schools; "dua penghargaan" beside "satu penghargaan" are most often
    different prizes; "Jamnas IX ... dibuka pada Sabtu (2/7/2011) dan diikuti 18 ribu penggalang
    dari 33 provinsi" counts another occasion."""
    own_day = frame.date.iso() if frame is not None and frame.date is not None else None
    nouns = [c for c in claims if c.attribute == "quantity" and c.unit not in pack.measure_names]
    figures: dict[str | None, set[str]] = {}
    for c in nouns:
        figures.setdefault(c.unit, set()).add(c.value)
    def dropped(c: Claim) -> bool:
        days = dated.get((c.evidence.line, c.evidence.column), set())
        return bool(own_day and days and own_day not in days) or len(figures[c.unit]) > 1 or float(c.value) < 10
    gone = {id(c) for c in nouns if dropped(c)}
    return [c for c in claims if id(c) not in gone]
