"""Claims that are not about the act itself: weekdays written beside dates, offices people
hold, award categories and for whom, and measures counted anywhere (votes, residents, rupiah)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import patterns
from ..lexicon import Lexicon, Pack, fold
from ..models import Claim, Status
from ..normalise import ROMAN_OR_NUMBER
from .dates import DateMention
from .events import capitalised_run, count_share, is_named_run, is_not_a_count, org_id, phrase_spans, read_unit, subject_start
from .numbers import find_numbers, in_rupiah
from .people import Mention, joined_offices
from .resolve import Person, recipient_ids
from .text import Sentence

PHRASE_WORD = patterns.compile(r"\s*([^\s,;:()]+)")


def weekday_claims(sentence: Sentence, dates: list[DateMention], pack: Pack) -> list[Claim]:
    out = []
    for d in dates:
        # Only a written year can make a weekday wrong; with a guessed year the guess is the doubt.
        if d.weekday is None or d.date is None or not d.year_written or d.date.as_date() is None:
            continue
        out.append(Claim(
            attribute="weekday", value=str(d.weekday), display=f"{d.weekday_text} ({d.date.iso()})",
            evidence=sentence.unit.evidence(sentence.start + d.start, sentence.start + d.end), partial=d.date,
        ))
    return out


def title_claims(sentence: Sentence, mentions: list[Mention], people: dict[str, Person], pack: Pack) -> list[Claim]:
    out = []
    before_oath, until_oath = _held_before_oath(sentence.text, mentions, pack)
    # "Bupati dan Wakil Bupati Edi Damansyah bersama Rendi Solihin": offices listed, then the names
    # in the same order; the office next to the first name is not that person's.
    listed = joined_offices(sentence.text, mentions, pack)
    for i, m in enumerate(mentions):
        if m.office is None or m.person is None or m.name is None or i in listed:
            continue
        out.append(Claim(
            attribute="title", value=m.office.key(), display=m.office.display, person=m.person,
            status=Status.past if i in before_oath else Status.before if i in until_oath else m.status,
            evidence=sentence.unit.evidence(sentence.start + m.start, sentence.start + m.end),
        ))
        # "Menteri Lingkungan Hidup/Kepala BPLH Hanif": the office before the slash is held too.
        joined = mentions[i - 1] if i > 0 else None
        if joined and joined.office and joined.name is None and sentence.text[joined.end:m.start].strip() == "/":
            out.append(Claim(
                attribute="title", value=joined.office.key(), display=joined.office.display, person=m.person,
                status=out[-1].status, evidence=sentence.unit.evidence(sentence.start + joined.start, sentence.start + joined.end),
            ))
    return out


def _held_before_oath(text: str, mentions: list[Mention], pack: Pack) -> tuple[set[int], set[int]]:
    """The offices of those sworn in that were held until the oath (indexes of their mentions):
    - written before the swearing-in verb ("Wakil Menteri PUPR, John Wempi Wetipo, dilantik
      sebagai Wamendagri"): told as the past;
    - written after an active verb ("Mendagri melantik Sekda Maluku Sadali Ie menjadi Pj
      Gubernur", or each of a list after it): held until that act, which another report may
      name otherwise."""
    held: set[int] = set()
    until: set[int] = set()
    for i, target in enumerate(mentions):
        if target.status != Status.target:
            continue
        sworn = next((j for j in range(i - 1, -1, -1) if mentions[j].name is not None), None)
        if sworn is None or mentions[sworn].office is None or mentions[sworn].status != Status.current:
            continue
        for start, _, verb in phrase_spans(pack.trigger_re, text):
            if pack.trigger_of[verb].kind != "inauguration":
                continue
            if mentions[sworn].end <= start < target.start:
                held.add(sworn)
            elif start < mentions[sworn].start and pack.trigger_of[verb].voice == "active":
                until.add(sworn)  # also each "OFFICE NAME sebagai POST" of a list after one verb
    return held, until


def category_claims(sentence: Sentence, mentions: list[Mention], people: dict[str, Person],
                     lexicon: Lexicon, pack: Pack, dates: list[DateMention]) -> list[Claim]:
    text = sentence.text
    out = []
    for marker in pack.category_re.finditer(text):
        before = text[:marker.start()].split()
        if fold(marker.group(0)) in pack.category_in_names and marker.group(0)[:1].isupper() and before and \
                before[-1][:1].isupper() and not before[-1].endswith((".", ":")):
            continue  # "Tim Peneliti Pengkaji Gelar Pusat", "Dewan Gelar": the word inside a body's name
        if any(fold(w) in pack.known_as_words for w in before[-2:]):
            continue  # "dikenang dengan gelar Ida Tjokorda Mantuk Ring Rana": an epithet
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
        if fold(words[0]) in pack.signal_words or fold(words[0]) in pack.not_category_starts \
                or pack.irrealis_re.match(" ".join(words)):
            continue  # "masing-masing kategori akan hadir": a verb follows, no category is named
        if pack.none_given_re is not None and pack.none_given_re.match(text[end:end + 40].lstrip()):
            continue  # "kategori tokoh masyarakat tidak ada calon yang memenuhi": nobody won it
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


def _category_recipients(text: str, start: int, end: int, mentions: list[Mention], people: dict[str, Person],
                         lexicon: Lexicon, pack: Pack, dates: list[DateMention]) -> set[str]:
    """Who the category is for: the one who receives it ("X meraih ... kategori", "kategori ...
    diraih X"), else whoever it is given to ("kepada X"), else the person named before it."""
    known = [m for m in mentions if m.person or m.office]
    verbs = sorted(pack.receive_re.finditer(text), key=lambda v: min(abs(v.start() - start), abs(v.end() - end)))
    for verb in verbs[:1]:
        if fold(" ".join(verb.group(0).split())) in pack.received_by:
            # "diterima langsung Wali Kota Balikpapan": words such as "langsung" and "oleh" may stand between
            after = next((m for m in known if m.start >= verb.end()
                          and all(fold(w) in pack.doer_fillers for w in text[verb.end():m.start].split())), None)
            if after is not None:
                return recipient_ids(after, people)
            run = capitalised_run(text, verb.end())
            run = run if is_named_run(text, run, pack, lexicon) else None
        else:
            before = [m for m in known if m.end <= verb.start()]
            if before:
                return recipient_ids(before[-1], people)
            begin = max(subject_start(text, dates), _clause_start(text, verb.start(), pack))
            # "Kota A meraih kategori X, Kota B meraih kategori Y": after an earlier receiving verb,
            # the clause of this one begins at the comma that follows it.
            earlier = [v.end() for v in pack.receive_re.finditer(text, begin, verb.start())]
            comma = text.find(",", earlier[-1], verb.start()) if earlier else -1
            begin = comma + 1 if comma >= 0 else begin
            orgs = [r for r in lexicon.region_re.finditer(text, begin, verb.start()) if r.group("level")]
            run = capitalised_run(text, begin)
            run = run if run and run[1] <= verb.start() and is_named_run(text, run, pack, lexicon) else None
            if orgs and (run is None or orgs[0].start() <= run[0]):
                return {org_id(orgs[0].group(0), lexicon)}
        if run:
            return _org_with_region(text, run, lexicon)
    given = re.match(r"\s*(?:\S+\s+){0,3}?(?:kepada|to)\b", text[end:])
    following = [m for m in known if m.start >= end]
    if given and following:
        return set().union(*(recipient_ids(m, people) for m in following))
    preceding = [m for m in known if m.end <= start]
    if preceding:
        return recipient_ids(preceding[0], people)
    # "Salah satunya Kota Madiun, peraih kategori ...": the region named just before
    regions = [r for r in lexicon.region_re.finditer(text, max(0, start - 80), start) if r.group("level")]
    return {org_id(regions[-1].group(0), lexicon)} if regions else set()


def _clause_start(text: str, pos: int, pack: Pack) -> int:
    """Where the clause holding `pos` begins: after the last clause break before it, else 0."""
    return max((m.end() for m in pack.clause_break_re.finditer(text, 0, pos)), default=0)


def _org_with_region(text: str, run: tuple[int, int], lexicon: Lexicon) -> set[str]:
    """"Tim Pengendalian Inflasi Daerah (TPID) Kabupaten Rejang Lebong": the organisation, and the
    region its name includes, so that "Pemerintah Kabupaten Rejang Lebong" elsewhere agrees."""
    ids = {org_id(text[run[0]:run[1]], lexicon)}
    more = re.match(r"\s*(?:\([^()]{1,15}\)\s*)?", text[run[1]:])
    region = lexicon.region_re.match(text, run[1] + (more.end() if more else 0))
    if region and region.group("level"):
        ids.add(org_id(region.group(0), lexicon))
    return ids


def measure_claims(sentence: Sentence, dates: list[DateMention], pack: Pack, lexicon: Lexicon,
                   mentions: Sequence[Mention]) -> list[Claim]:
    """Counts of a measure named in the pack (votes, residents, workers ...), anywhere, and where
    the pack says so, of any other noun. A measure of a person (votes) is that person's: the one
    named last before it in the sentence."""
    text = sentence.text
    out = []
    for number in find_numbers(text, pack):
        if any(d.start <= number.start < d.end for d in dates) or is_not_a_count(text, number, pack):
            continue
        unit, others, end = read_unit(text, number.end, pack, lexicon)
        if in_rupiah(text, number.start):
            unit, end = "rupiah", number.end
        measure = pack.measures.get(unit or "") or (_any_noun(unit, pack) if NOUN_RUN.fullmatch(text, number.end, end) else None)
        if measure is None:
            continue
        approximate = bool(pack.approx_re.search(text[max(0, number.start - 16):number.start])) or bool(
            pack.approx_re.match(text, end + 1))
        value = number.value + (1 if others else 0)
        share = count_share(text, number.start, end, pack, lexicon)
        if measure in pack.numbers.person_measures:
            whose = [m.person for m in mentions if m.person and m.end <= number.start]
            share = "person:" + whose[-1] if whose else share
        thing = None
        if measure in pack.numbers.sizes:
            thing = sized_thing(text, number.start, pack)
            if thing is None:
                continue
        out.append(Claim(
            attribute="quantity", value=f"{value:g}", display=text[number.start:end], unit=measure,
            approximate=approximate, recipients=tuple(x for x in (share, thing) if x),
            evidence=sentence.unit.evidence(sentence.start + number.start, sentence.start + end),
        ))
    return out


NOUN_RUN = patterns.compile(r"[^\W\d_]*(?:[\s-]+[^\W\d_]+)*")  # "desa wisata", not "(54), warga" or "minutes, he"


def _any_noun(unit: str | None, pack: Pack) -> str | None:
    if not pack.numbers.count_any_noun or not unit or unit in pack.not_counted_anywhere or unit in pack.not_counted:
        return None
    return unit if len(unit) > 2 and unit.replace(" ", "").isalpha() else None


SIZE_WORD_THEN_THING = patterns.compile(r"([^\W\d_]+)\s+([^\W\d_]+)\s+$")
SIZE_WINDOW_WORD = patterns.compile(r"[^\W_][\w'’-]*")


def sized_thing(text: str, start: int, pack: Pack) -> str | None:
    """What a size measures: the kind of the nearest thing named before its size word, with its
    number ("Jembatan Pak Kasih Tayan sepanjang" -> bridge; "seksi 1 sepanjang" -> road 1)."""
    size = pack.size_word_re.search(text, max(0, start - 24), start) if pack.size_word_re else None
    if size is None:
        # "dengan luas genangan 365 hektare", "panjang jalan 16 km": the thing after its size word.
        before = SIZE_WORD_THEN_THING.search(text, max(0, start - 40), start)
        if before and pack.size_word_re and pack.size_word_re.fullmatch(before.group(1)) and \
                (kind := pack.size_kind_of.get(fold(before.group(2)))):
            return "thing:" + kind
        return None
    words = [w.group(0) for w in SIZE_WINDOW_WORD.finditer(text, max(0, size.start() - 60), size.start())]
    for i in range(len(words) - 1, -1, -1):
        kind = pack.size_kind_of.get(fold(words[i]))
        if kind:
            after = words[i + 1] if i + 1 < len(words) else ""
            numbered = ROMAN_OR_NUMBER.match(after.lower()) is not None
            return "thing:" + kind + (f" {after.lower()}" if numbered else "")
    return None

