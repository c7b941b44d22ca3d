"""The article's main event: the first act it reports as fact, joined by every later sentence
about an act of the same kind (or about "the ceremony") whose date does not set it apart."""

from __future__ import annotations

import dataclasses

from ..lexicon import Lexicon, Pack, fold, fold_phrase
from ..models import Claim, ClaimSource, EventFrame
from .dates import DateMention
from .events import AwardName, SentenceEvent, names_compatible
from .resolve import Person, person_value, recipient_ids
from .text import Sentence

INTRA_ARTICLE_DAYS = 7  # two dates of one act further apart than this are two acts


def lead_dates(previous: tuple[Sentence, list[DateMention]], sentence: Sentence) -> list[DateMention]:
    """"... berakhir pada Senin, 18 Maret 2024. Wakil Gubernur ... menyerahkan SK": a lead that
    gives one date and reports no act dates the act told in the next sentence of its paragraph."""
    lead, dates = previous
    written = [d for d in dates if not d.is_range and not d.is_stamp and d.date]  # a stamp is the page's date
    if lead.unit is not sentence.unit or len(written) != 1:
        return []
    shift = lead.start - sentence.start  # offsets stay relative to the act's sentence
    return [dataclasses.replace(written[0], start=written[0].start + shift, end=written[0].end + shift)]


def main_event(events: list[SentenceEvent], awards: list[AwardName], people: dict[str, Person], lexicon: Lexicon,
               pack: Pack, awards_in: dict[int, list[AwardName]] | None = None,
               headline_awards: list[AwardName] | None = None,
               listed: dict[int, int] | None = None, headline_like: set[int] | None = None) -> tuple[EventFrame | None, list[Claim]]:
    """The article's main event: the first act it reports as fact (in prose: a headline left in
    the body, every word capitalised, only when no sentence reports one), and every later
    sentence about an act of the same kind (or about "the ceremony") whose date does not set it apart."""
    acts = [e for e in events if e.kind and not e.irrealis]
    # A preview reports no act as done: its planned act is the event, so that the preview is
    # grouped with the reports of it; what it says of the act itself is only a plan.
    planned = not acts
    acts = acts or [e for e in events if e.kind and e.planned]
    main = next((e for e in acts if id(e.sentence) not in (headline_like or set())), acts[0] if acts else None)
    if main is None:
        return None, []
    kind = main.kind or "event"
    joined: list[SentenceEvent] = []
    # News writes the act's own date with its weekday; an earlier date in the sentence is background.
    written = [d for d in sorted(main.dates, key=lambda d: d.weekday is None) if d.date]
    main_date = written[0].date if written else None
    main_weekday = written[0].weekday if written else None
    # "inaugurated ... on Wednesday": the act names its day only; a date of another weekday
    # elsewhere ("the letter was received Friday (22/1)") is not the act's.
    act_weekday = next((pack.weekday_index[fold(d.text)] for d in main.dates
                        if d.relative and d.date is None and fold(d.text) in pack.weekday_index), None)

    def other_day(e: SentenceEvent, d: DateMention) -> bool:
        return e is not main and act_weekday is not None and d.weekday is not None and d.weekday != act_weekday

    for e in events:
        if (e.irrealis and not (planned and e.planned)) or (
                e.kind not in (None, kind) and not {e.kind, kind} <= {"award", "handover"}):
            continue
        event_dates = [d.date for d in e.dates if d.date and not other_day(e, d)]
        if main_date and event_dates and all((main_date.days_to(d) or 0) > INTRA_ARTICLE_DAYS for d in event_dates):
            continue
        if main_date is None and event_dates:
            main_date = event_dates[0]
            main_weekday = next((d.weekday for d in e.dates if d.date is main_date), None)
        joined.append(e)

    claims: list[Claim] = []
    recipients: set[str] = set()
    presenter: str | None = None
    presenter_office: str | None = None
    location: str | None = None
    date_explicit = False
    for e in joined:
        unit, offset = e.sentence.unit, e.sentence.start
        source = (ClaimSource.listing if id(e.sentence) in (listed or {}) else ClaimSource.planned if planned
                  else ClaimSource.act if e is main else ClaimSource.joined)
        first_claim = len(claims)
        # "... yang digelar Rabu (3/7), pembukaan Gelar Dagang ... Kamis (4/7), hingga puncak
        # Harganas, Sabtu (6/7)": a sentence giving three days (another sentence than the act's,
        # two) is a schedule of stages.
        days = len({d.date.iso() for d in e.dates if d.date})
        schedule = days >= 3 or (e is not main and days >= 2)
        # "resmi dibuka kemarin malam di Lapangan ..., Minggu (23/10/2022)", "Disampaikan X Rabu (23/3),
        # saat berbicara di peresmian ... kemarin": a day before or after, told apart from the written
        # date, makes that date the day of writing or speaking; the act's is either one.
        shifts = [(d, days_off) for d in e.dates if d.relative and d.date is None
                  and (days_off := pack.relative_index.get(fold_phrase(d.text)))]
        for d in e.dates:
            if d.date is None or (main_date is not None and (main_date.days_to(d.date) or 0) > INTRA_ARTICLE_DAYS):
                continue
            if other_day(e, d):
                continue
            date_explicit = date_explicit or d.explicit
            text_before = e.sentence.text[max(0, d.start - 120):d.start]
            said = source != ClaimSource.listing and bool(pack.speech_tail_re.search(text_before))
            signed = bool(pack.document_date_re.search(text_before[-60:]) and pack.decree_noun_re.search(e.sentence.text))
            # "... berakhir masa jabatannya pada 5 Juli", "Burhani | Minggu, 16 Februari 2020": the date
            # of another matter, or a byline's publication stamp.
            signed = signed or bool(pack.other_date_re.search(text_before[-60:])) or text_before.rstrip().endswith("|")
            # Inside quotation marks: the speaker's "hari ini" is the day they spoke. A quotation runs
            # over sentences of its paragraph ("... sederhana. Saya hari ini ...," kata X), so the
            # marks are counted from the paragraph's start.
            said = said or _inside_quotes(unit.text[:offset + d.start])
            again = source == ClaimSource.joined and bool(pack.anaphora_re.match(e.sentence.text, d.end))
            date_source = (ClaimSource.document if signed else ClaimSource.quote if said
                           else ClaimSource.act if again else ClaimSource.listing if schedule else source)
            claims.append(Claim(attribute="date", value=d.date.iso(), display=d.text, partial=d.date,
                                source=date_source, evidence=unit.evidence(offset + d.start, offset + d.end)))
            for relative, shift in shifts if d.explicit else ():
                moved = d.date.shifted(shift)
                if moved is not None:  # the other reading, never compared within the article
                    claims.append(Claim(attribute="date", value=moved.iso(), display=f"{relative.text} ({d.text})",
                                        partial=moved, source=ClaimSource.joined if date_source == ClaimSource.act else date_source,
                                        evidence=unit.evidence(offset + relative.start, offset + relative.end)))
        for role in e.roles:
            value = person_value(role.mention, people)
            if value is None:
                continue
            if role.role == "presenter" and e.kind is not None:
                presenter, presenter_office = (presenter, presenter_office) if presenter else (value[0], value[2])
                # "Jokowi Terkesima", "Pesan Jokowi": capitals of a headline, read as a doer with no office.
                claims.append(Claim(attribute="presenter", value=value[0], display=value[1], office=value[2],
                                    recipients=tuple(sorted(_role_recipients(e, people, lexicon))),
                                    source=ClaimSource.bare_name if value[2] is None else ClaimSource.body,
                                    evidence=unit.evidence(offset + role.mention.start, offset + role.mention.end)))
            elif role.role == "recipient":
                recipients |= recipient_ids(role.mention, people, regions=kind == "award")
        if kind == "award":
            recipients |= {rid for rid, _ in e.orgs if e.kind}
        if kind == "award" or (pack.kind(kind).names_object and (e is main or not main.org_names)):
            # What is opened is named by the act's own sentence; other dams or roads the article
            # mentions later are background ("Adapun Bendungan X ...").
            recipients |= set(e.org_names)
        if e.location:
            phrase, start, end = e.location
            location = location or phrase
            building = bool(lexicon.venue_re.search(phrase)) or any(
                fold(w.strip(",.")) in lexicon.building_words for w in phrase.split())
            # Inside a quotation ("Beberapa sudah diresmikan seperti Bendungan X di NTT, ...," ucapnya):
            # the speaker's words, not the reporter's placing of the act.
            quoted = _inside_quotes(unit.text[:offset + start])
            claims.append(Claim(attribute="location", value=fold(phrase), display=phrase,
                                source=ClaimSource.quote if quoted else ClaimSource.region if not building else ClaimSource.body,
                                evidence=unit.evidence(offset + start, offset + end)))
        for number, count_unit, approximate, share in e.counts:
            claims.append(Claim(attribute="quantity", value=f"{number.value:g}", display=number.text,
                                unit=count_unit, approximate=approximate, recipients=(share,) if share else (),
                                evidence=unit.evidence(offset + number.start, offset + number.end)))
        claims[first_claim:] = [c if c.attribute == "date" or c.source in (ClaimSource.bare_name, ClaimSource.quote)
                                else dataclasses.replace(c, source=source) for c in claims[first_claim:]]
    # The award is the one the act's own sentences name; else the first the article names outside
    # background ("yang tahun lalu juga membawa pulang Anugerah X"); else the headline's.
    own = [a for e in joined for a in (awards_in or {}).get(id(e.sentence), [])]
    preferred = own or awards or list(headline_awards or [])
    name = preferred[0] if kind in ("award", "handover") and preferred else None
    edition = None
    if name is not None:
        edition = next((a.edition for a in awards if a.edition and names_compatible(a.tokens, name.tokens)), None)
    kind_info = pack.kind(kind)
    frame = EventFrame(
        kind=kind, recurring=kind_info.recurring, collective=kind_info.collective,
        name=name.display if name else None, name_tokens=name.tokens if name else (),
        edition=edition, date=main_date, date_weekday=main_weekday,
        date_explicit=date_explicit, recipients=tuple(sorted(recipients)),
        presenter=presenter, presenter_office=presenter_office, location=location, planned=planned,
        posts=tuple(main.posts),
    )
    # "dari Provinsi Lampung ada 10 pendonor ... selamat kepada 10 pendonor": the same count said
    # again is the same region's share.
    shares = {(c.value, c.unit): c.recipients for c in claims if c.attribute == "quantity" and c.recipients}
    claims = [dataclasses.replace(c, recipients=shares[(c.value, c.unit)])
              if c.attribute == "quantity" and not c.recipients and (c.value, c.unit) in shares else c for c in claims]
    # "Pertamina borong tujuh penghargaan": a count of awards is its recipients' tally, compared
    # only with the tally of the same recipients (one company's seven, another's four).
    if frame.recipients:
        claims = [dataclasses.replace(c, recipients=frame.recipients)
                  if c.attribute == "quantity" and not c.recipients and fold(c.unit or "") in pack.award_noun_words else c
                  for c in claims]
    return frame, claims


def _inside_quotes(text_before: str) -> bool:
    """Is the position after `text_before` inside a quotation opened before it (in its paragraph)?"""
    curly = text_before.count("\u201c") - text_before.count("\u201d")
    return curly > 0 or text_before.count('"') % 2 == 1


def _role_recipients(e: SentenceEvent, people: dict[str, Person], lexicon: Lexicon) -> set[str]:
    ids: set[str] = set()
    for role in e.roles:
        if role.role == "recipient":
            ids |= recipient_ids(role.mention, people)
    return ids | {rid for rid, _ in e.orgs}
