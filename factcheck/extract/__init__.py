"""Stage 3, extract: one cleaned Article -> ArticleClaims.

A pure function of the article and the rules folder (no state shared between articles), so
results can be cached, computed in parallel and stored in an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from ..lexicon import Lexicon, Pack, fold
from ..models import Article, ArticleClaims, Claim, EventFrame, PartialDate, Zone
from .dates import DateMention, find_dates
from .events import (
    AwardName,
    SentenceEvent,
    SentenceReader,
    award_names,
    capitalised_run,
    is_not_a_count,
    names_compatible,
    org_id,
    read_unit,
    subject_start,
)
from .numbers import find_numbers
from .people import Mention, find_mentions, name_match
from .text import Sentence, TextUnit, sentences_of, units_of

__all__ = ["extract", "detect_language"]

PHRASE_WORD = re.compile(r"\s*([^\s,;:()]+)")
MAX_AWARD_NAMES = 50  # an article names a few awards; more is noise, and each is looked for in every sentence
INTRA_ARTICLE_DAYS = 7  # two dates of one act further apart than this are two acts
# "SERANG, BANTENNEWS.CO.ID – ", "Jakarta (ANTARA) - ", "Bisnis.com, JAKARTA — ": where and who, not what.
DATELINE_PREFIX = re.compile(r"^(?P<head>[A-Za-z0-9][^–—\n]{0,48}?)\s*(?:–|—|--?)\s*(?=[A-Z0-9\"“])")


def blank_dateline_prefix(unit: TextUnit, pack: Pack) -> dt.date | None:
    """Blank "SERANG, BANTENNEWS.CO.ID – " (it names the place and outlet, not the event) and
    return the date it carries, if any ("WONOSOBO, 12/12/2022 (JOGLOINFO) -"): the anchor."""
    m = DATELINE_PREFIX.match(unit.text)
    if not m:
        return None
    head = m.group("head")
    words = head.split()
    signals = re.search(r"\b[A-Z]{3,}\b|\([^)]*\)|\.(?:com|id|co|net)\b|,", head)
    if len(words) > 8 or not signals or any(w[:1].islower() for w in words if w.isalpha() and fold(w) not in pack.month_index):
        return None
    dated = [d.date.as_date() for d in find_dates(head, pack) if d.date and d.date.year]
    unit.text = " " * m.end() + unit.text[m.end():]
    return dated[0] if dated else None


def detect_language(units: list[TextUnit], lexicon: Lexicon) -> Pack:
    words = Counter(fold(w) for u in units if u.zone == Zone.body for w in re.findall(r"[A-Za-z]+", u.text))
    scores = {code: sum(words[w] for w in pack.signal_words) for code, pack in lexicon.packs.items()}
    best = max(sorted(scores), key=lambda code: scores[code]) if scores else "id"
    return lexicon.packs.get(best if scores.get(best) else "id", next(iter(lexicon.packs.values())))


def _is_dateline(unit: TextUnit, dates: list[DateMention]) -> bool:
    if len(unit.text) > 90 or not any(d.explicit and d.date and d.date.year for d in dates):
        return False
    rest = unit.text
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[:d.start] + rest[d.end:]
    rest = re.sub(r"\d{1,2}[.:]\d{2}|\b(WIB|WITA|WIT)\b|[|,:\-–—]", " ", rest)
    return len(rest.split()) <= 5 and not rest.rstrip().endswith(".")


class _Person:
    def __init__(self, mention: Mention, order: int):
        self.order = order  # first-seen order: earlier people win ties
        self.key = mention.key
        self.display = mention.name or ""
        self.aliases: set[str] = {mention.alias} if mention.alias else set()
        self.offices = [mention.office] if mention.office else []

    def absorb(self, mention: Mention) -> None:
        if len(mention.key) > len(self.key):
            self.key, self.display = mention.key, mention.name or self.display
        if mention.alias:
            self.aliases.add(mention.alias)
        if mention.office:
            self.offices.append(mention.office)

    @property
    def id(self) -> str:
        return " ".join(self.key)


def resolve_people(mentions: list[Mention]) -> dict[str, _Person]:
    """Mentions of one person inside an article become one person: "Andi Ony Prihartono",
    "Andi Ony", "Andi Ony. P MSI"; "Tito" after "Tito Karnavian"; "WH" after "(WH)"; an office
    alone ("Wapres") when the article names its holder."""
    people: list[_Person] = []
    by_block: dict[str, list[_Person]] = {}

    def candidates(key: tuple[str, ...]) -> list[_Person]:
        found = {p.order: p for t in key if len(t) > 1 for p in by_block.get(t[:4], [])}
        return [found[i] for i in sorted(found)]

    named = [m for m in mentions if m.key and not m.is_pronoun]
    for m in sorted(named, key=lambda m: -len(m.key)):
        if len(m.key) == 1 and not m.office:
            continue
        match = next((p for p in candidates(m.key) if name_match(p.key, m.key, 2 if len(m.key) > 1 else 1)), None)
        if match is None and len(m.key) == 1:
            match = next((p for p in people if m.key[0] in p.aliases), None)
        if match is None:
            match = _Person(m, len(people))
            people.append(match)
            for t in m.key:
                if len(t) > 1:
                    by_block.setdefault(t[:4], []).append(match)
        else:
            match.absorb(m)
    for m in named:
        if m.person is None:
            match = next((p for p in candidates(m.key) if name_match(p.key, m.key, 2 if len(m.key) > 1 else 1)), None)
            if match is None and len(m.key) == 1:
                match = next((p for p in people if m.key[0] in p.aliases), None)
            if match is not None:
                m.person = match.id
    for m in mentions:
        if m.person is None and m.name is None and m.office is not None:
            holder = next((p for p in people if any(
                o.id == m.office.id and (not m.office.jurisdiction or o.jurisdiction in (None, m.office.jurisdiction))
                for o in p.offices)), None)
            if holder is not None:
                m.person = holder.id
    return {p.id: p for p in people}


def _person_value(m: Mention, people: dict[str, _Person]) -> tuple[str, str, str | None] | None:
    """(comparable value, display, office key) of a person in a role."""
    if m.person:
        p = people[m.person]
        office = m.office or (p.offices[0] if p.offices else None)
        return "person:" + m.person, p.display + (f" ({office.display})" if office else ""), office.key() if office else None
    if m.office is not None:
        return "office:" + m.office.key(), m.office.display, m.office.key()
    return None


def _recipient_ids(m: Mention, people: dict[str, _Person], regions: bool = True) -> set[str]:
    """A recipient: the person, and for awards the region a regional head stands for."""
    ids = {"person:" + m.person} if m.person else set()
    if not regions:
        return ids
    offices = [m.office] if m.office else []
    if m.person:
        offices += people[m.person].offices
    ids |= {o.jurisdiction for o in offices if o and o.jurisdiction and ":" in o.jurisdiction}
    return ids


def extract(article: Article, lexicon: Lexicon) -> ArticleClaims:
    units = units_of(article.path, tuple(line for line in article.lines if line.zone != Zone.noise))
    pack = detect_language(units, lexicon)
    noise_lines = sum(1 for line in article.lines if line.zone == Zone.noise)

    # Anchor for relative dates: front matter first, else a dateline.
    first_pass = {id(u): find_dates(u.text, pack) for u in units}
    datelines = {id(u) for u in units if u.zone == Zone.body and _is_dateline(u, first_pass[id(u)])}
    prefix_dates = [blank_dateline_prefix(u, pack) for u in units if u.zone == Zone.body]
    anchor = article.meta.published
    if anchor is None:
        for u in units:
            if id(u) in datelines:
                anchor = next(d.date.as_date() for d in first_pass[id(u)] if d.date and d.date.year)
                break
    if anchor is None:
        anchor = next((d for d in prefix_dates if d), None)
    years = Counter(d.date.year for ds in first_pass.values() for d in ds if d.date and d.date.year)
    year_hint = years.most_common(1)[0][0] if years else None

    body: list[tuple[Sentence, list[DateMention], list[Mention]]] = []
    claims: list[Claim] = []
    known_awards: list[AwardName] = []
    for unit in units:
        for sentence in sentences_of(unit, pack.abbreviations):
            text = sentence.text
            dates = find_dates(text, pack, anchor, year_hint)
            if unit.zone == Zone.headline:
                known_awards += award_names(text, pack)
                continue
            claims += _weekday_claims(sentence, dates, pack)
            if id(unit) in datelines:
                continue
            body.append((sentence, dates, find_mentions(text, lexicon, pack)))
    all_mentions = [m for _, _, ms in body for m in ms]
    people = resolve_people(all_mentions)

    body_awards: list[AwardName] = []
    for sentence, _, _ in body:
        # Each distinct name once: the list is searched again in every later sentence.
        distinct = list({a.tokens: a for a in reversed(body_awards + known_awards)}.values())[:MAX_AWARD_NAMES]
        body_awards += award_names(sentence.text, pack, distinct)
    awards = body_awards or known_awards

    reader = SentenceReader(lexicon, pack)
    events: list[SentenceEvent] = []
    previous_sentence: tuple[Sentence, list[DateMention]] | None = None
    concurrent: set[str] = set()
    previous_first: Mention | None = None
    for sentence, dates, mentions in body:
        for m in mentions:  # "Ia dilantik ...": the person the previous sentence began with
            if m.is_pronoun and m.start < 3 and previous_first is not None:
                m.person, m.office = previous_first.person, previous_first.office
        event = reader.read(sentence, [m for m in mentions if m.person or m.office], dates, bool(awards))
        if event is not None:
            if not event.dates and not events and previous_sentence is not None:
                event.dates = _lead_dates(previous_sentence, sentence)
            events.append(event)
        previous_sentence = (sentence, dates) if event is None else None
        firsts = [m for m in mentions if m.person]
        if pack.concurrent_re.search(sentence.text):
            concurrent.update(m.person for m in mentions if m.person)
        previous_first = firsts[0] if firsts else previous_first
        claims += _title_claims(sentence, mentions, people)
        claims += _category_claims(sentence, mentions, people, lexicon, pack, dates)
        claims += _measure_claims(sentence, dates, pack, lexicon)

    frame, event_claims = _main_event(events, awards, people, lexicon, pack)
    claims += event_claims
    reference = frame.date if frame and frame.date else None
    if reference is None and anchor is not None:
        reference = PartialDate(year=anchor.year, month=anchor.month, day=anchor.day)
    return ArticleClaims(
        path=article.path, language=pack.code, anchor=anchor, reference_date=reference, event=frame,
        claims=tuple(claims), people={pid: p.display for pid, p in people.items()}, concurrent=tuple(sorted(concurrent)),
        errors=article.errors, noise_lines=noise_lines,
    )


def _lead_dates(previous: tuple[Sentence, list[DateMention]], sentence: Sentence) -> list[DateMention]:
    """"... berakhir pada Senin, 18 Maret 2024. Wakil Gubernur ... menyerahkan SK": a lead that
    gives one date and reports no act dates the act told in the next sentence of its paragraph."""
    lead, dates = previous
    written = [d for d in dates if d.explicit and not d.is_range and d.date]
    if lead.unit is not sentence.unit or len(written) != 1:
        return []
    shift = lead.start - sentence.start  # offsets stay relative to the act's sentence
    return [dataclasses.replace(written[0], start=written[0].start + shift, end=written[0].end + shift)]


def _weekday_claims(sentence: Sentence, dates: list[DateMention], pack: Pack) -> list[Claim]:
    out = []
    for d in dates:
        if d.weekday is None or d.date is None or d.date.year is None or d.date.as_date() is None:
            continue
        actual = d.date.as_date().weekday()  # type: ignore[union-attr]
        out.append(Claim(
            attribute="weekday", value=str(d.weekday), display=f"{d.weekday_text} ({d.date.iso()})",
            evidence=sentence.unit.evidence(sentence.start + d.start, sentence.start + d.end),
            weekday=pack.weekday_name[actual], partial=d.date,
        ))
    return out


def _title_claims(sentence: Sentence, mentions: list[Mention], people: dict[str, _Person]) -> list[Claim]:
    out = []
    for m in mentions:
        if m.office is None or m.person is None or m.name is None:
            continue
        out.append(Claim(
            attribute="title", value=m.office.key(), display=m.office.display, person=m.person,
            status=m.status, evidence=sentence.unit.evidence(sentence.start + m.start, sentence.start + m.end),
        ))
    return out


def _category_claims(sentence: Sentence, mentions: list[Mention], people: dict[str, _Person],
                     lexicon: Lexicon, pack: Pack, dates: list[DateMention]) -> list[Claim]:
    text = sentence.text
    out = []
    for marker in pack.category_re.finditer(text):
        words: list[str] = []
        end = marker.end()
        for m in PHRASE_WORD.finditer(text, marker.end()):
            token = m.group(1).rstrip(".")
            if fold(token) in pack.category_stop or not token:
                break
            if text[end:m.start(1)].strip():
                break  # punctuation between the marker or two words ends the phrase
            words.append(token)
            end = m.end(1) - (len(m.group(1)) - len(token))
            if m.group(1).endswith(".") or len(words) >= 8:
                break
        if not words or (fold(marker.group(0)) not in pack.any_case_markers and not words[0][:1].isupper()):
            continue
        rank: list[str] = []
        for m in reversed(list(re.finditer(r"[^\s,;:()]+", text[max(0, marker.start() - 60):marker.start()]))[-3:]):
            if fold(m.group(0)) not in pack.rank_words:
                break
            rank.insert(0, m.group(0))
        value = " ".join(rank + words)
        out.append(Claim(
            attribute="category", value=fold(value), display=value,
            recipients=tuple(sorted(_category_recipients(text, marker.start(), end, mentions, people, lexicon, pack, dates))),
            evidence=sentence.unit.evidence(sentence.start + marker.start(), sentence.start + end),
        ))
    return out


def _category_recipients(text: str, start: int, end: int, mentions: list[Mention], people: dict[str, _Person],
                         lexicon: Lexicon, pack: Pack, dates: list[DateMention]) -> set[str]:
    """Who the category is for: the one who receives it ("X meraih ... kategori", "kategori ...
    diraih X"), else whoever it is given to ("kepada X"), else the person named before it."""
    known = [m for m in mentions if m.person or m.office]
    verbs = sorted(pack.receive_re.finditer(text), key=lambda v: min(abs(v.start() - start), abs(v.end() - end)))
    for verb in verbs[:1]:
        if fold(" ".join(verb.group(0).split())) in pack.received_by:
            after = next((m for m in known if 0 <= m.start - verb.end() <= 3), None)
            if after is not None:
                return _recipient_ids(after, people)
            run = capitalised_run(text, verb.end())
        else:
            before = [m for m in known if m.end <= verb.start()]
            if before:
                return _recipient_ids(before[-1], people)
            begin = subject_start(text, dates)
            orgs = [r for r in lexicon.region_re.finditer(text, begin, verb.start()) if r.group("level")]
            run = capitalised_run(text, begin)
            run = run if run and run[1] <= verb.start() else None
            if orgs and (run is None or orgs[0].start() <= run[0]):
                return {org_id(orgs[0].group(0), lexicon)}
        if run:
            return {org_id(text[run[0]:run[1]], lexicon)}
    given = re.match(r"\s*(?:\S+\s+){0,3}?(?:kepada|to)\b", text[end:])
    following = [m for m in known if m.start >= end]
    if given and following:
        return set().union(*(_recipient_ids(m, people) for m in following))
    preceding = [m for m in known if m.end <= start]
    return _recipient_ids(preceding[0], people) if preceding else set()


def _measure_claims(sentence: Sentence, dates: list[DateMention], pack: Pack, lexicon: Lexicon) -> list[Claim]:
    """Counts of a measure named in the pack (votes, residents, workers ...), anywhere."""
    text = sentence.text
    out = []
    for number in find_numbers(text, pack):
        if any(d.start <= number.start < d.end for d in dates) or is_not_a_count(text, number):
            continue
        unit, others, end = read_unit(text, number.end, pack, lexicon)
        if re.search(r"\bRp\.?\s*$", text[max(0, number.start - 4):number.start]):
            unit, end = "rupiah", number.end
        if unit not in pack.measures:
            continue
        approximate = bool(pack.approx_re.search(text[max(0, number.start - 16):number.start])) or bool(
            pack.approx_re.match(text, end + 1))
        value = number.value + (1 if others else 0)
        out.append(Claim(
            attribute="quantity", value=f"{value:g}", display=text[number.start:end], unit=pack.measures[unit],
            approximate=approximate, evidence=sentence.unit.evidence(sentence.start + number.start, sentence.start + end),
        ))
    return out


def _main_event(events: list[SentenceEvent], awards: list[AwardName], people: dict[str, _Person],
                lexicon: Lexicon, pack: Pack) -> tuple[EventFrame | None, list[Claim]]:
    """The article's main event: the first act it reports as fact, and every later sentence
    about an act of the same kind (or about "the ceremony") whose date does not set it apart."""
    main = next((e for e in events if e.kind and not e.irrealis), None)
    if main is None:
        return None, []
    kind = main.kind or "event"
    joined: list[SentenceEvent] = []
    main_dates = [d.date for d in main.dates if d.date]
    main_date = main_dates[0] if main_dates else None
    for e in events:
        if e.irrealis or (e.kind not in (None, kind) and not {e.kind, kind} <= {"award", "handover"}):
            continue
        event_dates = [d.date for d in e.dates if d.date]
        if main_date and event_dates and all((main_date.days_to(d) or 0) > INTRA_ARTICLE_DAYS for d in event_dates):
            continue
        if main_date is None and event_dates:
            main_date = event_dates[0]
        joined.append(e)

    claims: list[Claim] = []
    recipients: set[str] = set()
    presenter: str | None = None
    location: str | None = None
    date_explicit = False
    for e in joined:
        unit, offset = e.sentence.unit, e.sentence.start
        for d in e.dates:
            if d.date is None:
                continue
            date_explicit = date_explicit or d.explicit
            claims.append(Claim(attribute="date", value=d.date.iso(), display=d.text, partial=d.date,
                                evidence=unit.evidence(offset + d.start, offset + d.end)))
        for role in e.roles:
            value = _person_value(role.mention, people)
            if value is None:
                continue
            if role.role == "presenter" and e.kind is not None:
                presenter = presenter or value[0]
                claims.append(Claim(attribute="presenter", value=value[0], display=value[1], office=value[2],
                                    recipients=tuple(sorted(_role_recipients(e, people, lexicon))),
                                    evidence=unit.evidence(offset + role.mention.start, offset + role.mention.end)))
            elif role.role == "recipient":
                recipients |= _recipient_ids(role.mention, people, regions=kind == "award")
        if kind == "award":
            recipients |= {rid for rid, _ in e.orgs if e.kind} | set(e.org_names)
        if e.location:
            phrase, start, end = e.location
            location = location or phrase
            claims.append(Claim(attribute="location", value=fold(phrase), display=phrase,
                                evidence=unit.evidence(offset + start, offset + end)))
        for number, count_unit, approximate in e.counts:
            claims.append(Claim(attribute="quantity", value=f"{number.value:g}", display=number.text,
                                unit=count_unit, approximate=approximate,
                                evidence=unit.evidence(offset + number.start, offset + number.end)))
    name = awards[0] if kind in ("award", "handover") and awards else None
    edition = None
    if name is not None:
        edition = next((a.edition for a in awards if a.edition and names_compatible(a.tokens, name.tokens)), None)
    kind_info = pack.kind(kind)
    frame = EventFrame(
        kind=kind, recurring=kind_info.recurring, collective=kind_info.collective,
        name=name.display if name else None, name_tokens=name.tokens if name else (),
        edition=edition, date=main_date, date_explicit=date_explicit, recipients=tuple(sorted(recipients)),
        presenter=presenter, location=location,
        evidence=main.sentence.unit.evidence(main.sentence.start, main.sentence.end),
    )
    return frame, claims


def _role_recipients(e: SentenceEvent, people: dict[str, _Person], lexicon: Lexicon) -> set[str]:
    ids: set[str] = set()
    for role in e.roles:
        if role.role == "recipient":
            ids |= _recipient_ids(role.mention, people)
    return ids | {rid for rid, _ in e.orgs}


