"""People and their offices: "Menko PMK Muhadjir Effendi", "Bey Triadi Machmudin, Penjabat (Pj)
Gubernur Jawa Barat", "Tito Karnavian selaku Mendagri", "Banten Governor Andra Soni",
"Kusmana Hartadji (Pj Wali Kota Sukabumi)". Offices come from rules/lexicon/offices.yaml,
jurisdictions from regions.yaml; honorifics and degrees are kept for display, dropped for matching."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from .. import patterns
from ..lexicon import Lexicon, OfficeEntry, Pack, alternation, fold
from ..models import Office, Status

WORD = patterns.compile(r"\s*([^\s,;:()\[\]\"“”]+)")
PAREN = patterns.compile(r"\s*\(([^()\n]{1,40})\)")
ACRONYM = patterns.compile(r"^[A-Z0-9]{2,}$")
NATIONAL_TAIL = patterns.compile(r"\s+(?:RI|Republik\s+Indonesia)(?![\w])")
WORD_BEFORE = patterns.compile(r"([^\s,;:()]+)\s+$")
OF_REGION = patterns.compile(r"\s+of\s+(?:the\s+)?")
PRONOUNS = frozenset({"ia", "dia", "beliau", "he", "she"})


class Spans:
    """Character spans already taken by a mention; `pos in spans` in logarithmic time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int):
            return False
        i = bisect.bisect_right(self.starts, pos) - 1
        # Spans rarely nest; look back a few in case an earlier one reaches further.
        return any(self.starts[j] <= pos < self.ends[j] for j in range(max(0, i - 3), i + 1))


@dataclass
class Mention:
    start: int
    end: int
    name: str | None = None  # as written, degrees included
    key: tuple[str, ...] = ()  # folded name tokens without honorifics or degrees
    office: Office | None = None
    status: Status = Status.current
    alias: str | None = None  # "(WH)" after the name
    person: str | None = None  # set when resolved to an article person

    @property
    def is_pronoun(self) -> bool:
        return self.name is not None and fold(self.name) in PRONOUNS


def normal_token(token: str) -> str:
    return fold(token).replace(".", "").replace("'", "")


class NameReader:
    """Reads the name that starts (or ends) at a position of a sentence."""

    def __init__(self, lexicon: Lexicon, pack: Pack):
        self.lex = lexicon
        calendar = [w for names in pack.calendar.weekdays + pack.calendar.months for w in names]
        numbers = [w for p in lexicon.packs.values()
                   for table in (p.numbers.units, p.numbers.teens, p.numbers.tens, p.numbers.hundreds, p.numbers.scales) for w in table]
        self.stop = pack.not_names | {fold(w) for w in calendar + numbers} | frozenset(
            fold(w) for p in lexicon.packs.values() for w in p.grammar.not_names + p.grammar.headline_verbs)
        self.skip = lexicon.name_prefixes | lexicon.name_ranks
        self.inflected = [(tuple(fold(e) for e in p.grammar.not_name_endings), p.grammar.not_name_ending_min)
                          for p in lexicon.packs.values() if p.grammar.not_name_endings]
        self.not_name_res = [patterns.compile(x) for p in lexicon.packs.values() for x in p.grammar.not_name_patterns]
        # "Dilantik Jadi Kapolri Hari Ini": a headline's relative day after an office is no one's name.
        relative = sorted({fold(w) for p in lexicon.packs.values() for w in p.calendar.relative_days}, key=len, reverse=True)
        self.stop |= frozenset(w for w in relative if " " not in w)
        spaced = [r"\s+".join(re.escape(part) for part in w.split()) for w in relative if " " in w]
        self.relative_day = patterns.compile(rf"\s*(?:{'|'.join(spaced)})(?![\w'’])", re.IGNORECASE) if spaced else None
        # "Pesiden Jokowi", "Gubenur Khofifah": an office's first word with a letter missing or one
        # too many is that office misspelt, not a name (a letter changed is left: Mentari is a name).
        heads = {fold(alias.split()[0]) for entry in lexicon.offices.offices for alias in lexicon._aliases(entry, pack.code)
                 if alias.split() and alias.split()[0].isalpha()}
        self.office_heads = frozenset(w for w in heads if len(w) >= 6)
        self.office_heads_short = frozenset(w[:i] + w[i + 1:] for w in self.office_heads for i in range(len(w)))

    def kind(self, token: str, has_core: bool) -> str:
        bare = token.rstrip(".")
        norm = normal_token(token)
        if not bare:
            return "stop"
        if norm in self.skip and not has_core:
            return "prefix"
        if norm in self.skip and bare[:1].isupper():
            return "restart"
        if has_core and norm in self.lex.name_degrees:
            return "degree"
        if norm in self.lex.name_particles and has_core:
            return "particle"
        if len(bare) == 1 and bare.isupper() and token.endswith("."):
            return "name"  # an initial ("A. B. Tefa"), never the English article "A"
        if not bare[0].isupper() or fold(bare) in self.stop:
            return "stop"
        if self._misspelt_office(fold(bare)):
            return "stop"
        if any(len(bare) >= least and fold(bare).endswith(endings) for endings, least in self.inflected):
            return "stop"
        if any(x.fullmatch(fold(bare)) for x in self.not_name_res):
            return "stop"
        if ACRONYM.match(bare) and norm not in self.skip:
            return "stop"
        return "name"

    def _misspelt_office(self, word: str) -> bool:
        if len(word) < 5 or word in self.office_heads:
            return False
        return word in self.office_heads_short or any(word[:i] + word[i + 1:] in self.office_heads for i in range(len(word)))

    def forward(self, text: str, pos: int) -> tuple[int, int, str, tuple[str, ...]] | None:
        """The name starting at `pos`: (start, end, as written, key)."""
        if self.relative_day and self.relative_day.match(text, pos):
            return None
        core: list[str] = []
        start = end = None
        i = pos
        pending_particle: tuple[str, int] | None = None
        while len(core) < 6:
            m = WORD.match(text, i)
            if m is None:
                # ", S.H., M.A.P." after a name
                comma = re.match(r"\s*,", text[i:]) if core else None
                nxt = WORD.match(text, i + comma.end()) if comma else None
                if nxt and self.kind(nxt.group(1), True) == "degree":
                    i = nxt.end()
                    end = i
                    continue
                break
            token = m.group(1)
            kind = self.kind(token, bool(core))
            if kind == "restart":  # what came before the honorific was not the name
                core, start, end, pending_particle = [], m.start(1), None, None
            elif kind == "prefix":
                start = m.start(1) if start is None else start
            elif kind == "name":
                if pending_particle:
                    core.append(pending_particle[0])
                    pending_particle = None
                start = m.start(1) if start is None else start
                possessive = re.search(r"['’]s$", token)
                core.append(token[:possessive.start()] if possessive else token)
                end = m.end(1) - (2 if possessive else 0)
                if possessive:  # "Prabowo Subianto's decision": the name ends before the 's
                    break
            elif kind == "particle":
                pending_particle = (token, m.end(1))
            elif kind == "degree":
                end = m.end(1)
            else:
                break
            i = m.end()
        if not core or start is None or end is None:
            return None
        key = tuple(self.lex.name_expansions.get(normal_token(t), normal_token(t)) for t in core if normal_token(t))
        if not key or all(len(t) == 1 for t in key):
            return None
        if self.lex.region_re.fullmatch(" ".join(t.rstrip(".") for t in core)):
            return None  # "Bandung Barat" is a place
        if text[end - 1] == "." and len(core[-1].rstrip(".")) > 2 and text[start:end].endswith(core[-1]):
            end -= 1  # "... oleh Presiden Jokowi." : the full stop ends the sentence
        return start, end, " ".join(text[start:end].split()), key

    def backward(self, text: str, end: int) -> tuple[int, int, str, tuple[str, ...]] | None:
        """The name that ends at `end` (for "NAME, OFFICE" and "NAME selaku OFFICE")."""
        words = list(WORD.finditer(text, max(0, end - 150), end))
        # also step over ", S.H., M.A.P." between the name and the office
        i = len(words)
        first = None
        while i > 0:
            token = words[i - 1].group(1)
            between = text[words[i - 1].end(1):(words[i].start(1) if i < len(words) else end)]
            if i < len(words) and between.strip() not in ("", ","):
                break
            kind = self.kind(token, True)
            if kind in ("name", "degree", "particle") or (kind == "prefix" and first is not None):
                first = i - 1
                i -= 1
                continue
            break
        if first is None:
            return None
        return self.forward(text, words[first].start(1))


class OfficeReader:
    def __init__(self, lexicon: Lexicon, pack: Pack):
        self.lex = lexicon
        self.pack = pack
        self.names = NameReader(lexicon, pack)
        # Compiled only for a language that writes the region first: the pattern is large.
        self.region_before = patterns.compile(
            rf"(?:{lexicon.region_re.pattern})(?:'s|’s)?(?:\s+(?:new|incoming|outgoing|acting))?\s+$",
            re.IGNORECASE) if pack.grammar.region_before_office else None
        acting = [a for act in lexicon.offices.acting for a in lexicon._aliases(act, pack.code)]
        self.acting_before = patterns.compile(rf"(?<![\w])(?:{alternation(acting)})\s+$", re.IGNORECASE)

    def office_at(self, text: str, m: re.Match[str]) -> tuple[Office, int]:
        """The Office matched by `m`, with its jurisdiction or unit; returns the end offset."""
        entry: OfficeEntry = self.lex.office_by_alias[fold(" ".join(m.group("office").split()))]
        acting = self.lex.acting_by_alias.get(fold(" ".join(m.group("acting").split()))) if m.group("acting") else None
        end = m.end()
        jurisdiction = None
        written = " ".join(text[m.start():end].split())
        if entry.scope == "national":
            tail = NATIONAL_TAIL.match(text, end)
            country = self.lex.country_re.match(text, end) if self.lex.country_re and not tail else None
            if country:
                jurisdiction = self.lex.country_by_name[fold(" ".join(country.group("name").split()))]
            end = tail.end() if tail else country.end() if country else end
        elif entry.scope in ("province", "regency", "city", "region"):
            region = self.lex.region_re.match(text, end) or self.lex.region_re.match(text, end + 1)
            of = OF_REGION.match(text, end)
            if region is None and of:  # English: "deputy speaker of the Bukittinggi city council"
                region = self.lex.region_re.match(text, of.end())
                end = of.end() if region else end
            if region and text[end:region.start()].strip() == "":
                level = region.group("level") or {"regency": "kab", "city": "kota", "province": "prov"}.get(entry.scope)
                jurisdiction = self.lex.region_id(region.group("name"), level)
                end = region.end()
            else:
                window = text[max(0, m.start() - 60):m.start()]
                before = self.region_before.search(window) if self.region_before else None
                if before:
                    jurisdiction = self.lex.region_id(before.group("name"), {"regency": "kab", "city": "kota"}.get(entry.scope))
                    # "acting East Kalimantan governor": the acting word may stand before the region
                    outer = self.acting_before.search(window[:before.start()])
                    if acting is None and outer:
                        acting = self.lex.acting_by_alias.get(fold(" ".join(outer.group(0).split())))
        else:
            end, jurisdiction = self._unit(text, end)
        shown = " ".join(text[m.start():end].split())
        display = shown if len(shown) <= 80 else written
        return Office(id=entry.id, display=display, acting=acting, jurisdiction=jurisdiction), end

    def _unit(self, text: str, pos: int) -> tuple[int, str | None]:
        """"Hukum Setjen Kemendagri", "Dinas Perhubungan Provinsi Jawa Barat", "(Kasetpres)".
        The key is the unit's words, then "@" and the region: "perhubungan@prov:jawa barat"."""
        words: list[str] = []
        region_id: str | None = None
        end = pos
        i = pos
        while True:
            paren = PAREN.match(text, i)
            if paren:
                i = end = paren.end()
                continue
            region = self.lex.region_re.match(text, i) or self.lex.region_re.match(text, i + 1)
            if region and text[i:region.start()].strip() == "":
                region_id = self.lex.region_id(region.group("name"), region.group("level"))
                i = end = region.end()
                continue
            comma = re.match(r"\s*,\s*", text[i:]) if words else None
            if comma:  # "Kepemudaan, Olahraga dan Pariwisata": a list of unit words goes on
                nxt = WORD.match(text, i + comma.end())
                if nxt and self.lex.is_unit_word(nxt.group(1)) and nxt.group(1)[:1].isupper():
                    i += comma.end()
                    continue
            m = WORD.match(text, i)
            if m is None:
                break
            token = m.group(1).rstrip(".")
            if self.lex.is_unit_word(token) or ACRONYM.match(token) and normal_token(token) not in self.lex.name_prefixes:
                if token[:1].isupper() or fold(token) in ("dan", "&"):
                    words.append(fold(token))
                    i = end = m.end()
                    continue
            break
        while words and words[-1] in ("dan", "&"):
            words.pop()
        key = " ".join(w for w in words if w not in ("dan", "&"))
        if region_id:
            key += "@" + region_id
        return end, key or None


def _status_before(text: str, start: int, pack: Pack) -> Status:
    window = text[max(0, start - 40):start]
    target = pack.marker_res.get("target")
    if target and re.search(rf"(?:{target.pattern})\s*$", window, re.IGNORECASE):
        return Status.target
    if pack.past_re.search(window[-28:]):
        return Status.past
    return Status.current


@functools.lru_cache(maxsize=8)
def _readers(lexicon: Lexicon, pack: Pack) -> OfficeReader:
    return OfficeReader(lexicon, pack)


# A year right after a capitalised run: the run names an event's edition.
EDITION_YEAR = patterns.compile(r"\s+(?:19|20)\d\d(?!\d|/|[.:,]\d)")
# A nickname in quotation marks inside a name: Joko "Jokowi" Widodo.
QUOTED_NICKNAME = patterns.compile(r"\b([A-Z][a-z]+\s+)[\"“]([A-Z][\w'’-]+)[\"”](?=\s+[A-Z])")


def find_mentions(text: str, lexicon: Lexicon, pack: Pack) -> list[Mention]:
    """Office mentions (with or without a name) and bare capitalised names, in text order."""
    # The nickname's quotation marks become spaces (offsets stay): the name runs on through it.
    text = QUOTED_NICKNAME.sub(lambda m: m.group(1) + " " + m.group(2) + " ", text)
    reader = _readers(lexicon, pack)
    names = reader.names
    mentions: list[Mention] = []
    covered = Spans()
    for m in lexicon.office_re(pack.code).finditer(text):
        if m.start() in covered or _inside_venue_name(text, m.start(), lexicon) or _inside_unit_name(text, m.start(), pack) \
                or _after_glued_qualifier(text, m.start(), lexicon):
            continue
        office, end = reader.office_at(text, m)
        if lexicon.office_by_id[office.id].requires_unit and not office.jurisdiction:
            continue  # "kepala" on its own is only a word
        status = _status_before(text, m.start(), pack)
        numbered = pack.numbered_re.match(text, end) if pack.numbered_re else None
        if numbered:  # "Presiden RI ke-5 ... Megawati": the fifth holder, not a post held now
            status, end = Status.past, numbered.end()
        mention = Mention(start=m.start(), end=end, office=office, status=status)
        comma = re.match(r"\s*,\s*", text[end:])
        found = names.forward(text, end + (comma.end() if comma else 0))
        if found and not comma and office.id in lexicon.office_by_id and lexicon.office_by_id[office.id].scope in ("unit", "org"):
            second = re.match(r"\s*,\s*", text[found[1]:])
            holder = names.forward(text, found[1] + second.end()) if second else None
            left = pack.left_apposition_re.search(text, max(0, m.start() - 40), m.start())
            if holder and _apposition_closes(text, holder[1]):
                unit = " ".join(fold(found[2]).split())
                office = replace(office, jurisdiction=unit, display=office.display + " " + found[2])
                end, found, comma = found[1], holder, second
            elif len(found[3]) == 1 and left and status != Status.target:
                # "Ratna Kusumawardani, Kepala Puskesmas Kedungkandang, Kota Malang": the single
                # word after the unit names the place; the holder is the name before the office.
                place = " ".join(fold(found[2]).split())
                office = replace(office, jurisdiction=f"{office.jurisdiction or ''} {place}".strip(),
                                                   display=office.display + " " + found[2])
                end, found = found[1], None
        # "Wakil Gubernur, Nova Arisne, Sekretaris Deputi ...": a name between two offices set off
        # by commas is the second's, given after the name.
        own_after = comma is not None and found is not None and _office_follows(text, found[1], lexicon, pack, reader)
        if found and (not comma or _apposition_closes(text, found[1])) and not own_after:
            mention.name, mention.key, mention.end = found[2], found[3], found[1]
            if comma and pack.now_holds_re and pack.now_holds_re.match(text, found[1]) and mention.status == Status.current:
                mention.status = Status.past  # "OFFICE, NAME, yang kini menjabat OTHER": the post held before
        elif status != Status.target and not pack.predicate_start_re.match(text, end):
            left = pack.left_apposition_re.search(text, max(0, m.start() - 40), m.start())
            # "didampingi Ibu Negara Iriana Widodo, Menteri PUPR, dan para anggota Kabinet": an office
            # followed by the list's "dan" is an item of the list, not the office of the name before it.
            listed = pack.joint_after_re is not None and pack.joint_after_re.match(text, end)
            clause = bool(left and left.group(0).strip() == "," and pack.verb_after_re.match(text, end))
            if left and not listed and not clause:
                back = names.backward(text, left.start())
                # A name that already follows another office is not this office's holder, nor
                # one that follows a building word ("Dari Gedung Tri Brata, Presiden menaiki ...").
                if back and back[0] not in covered and not _after_building_word(text, back[0], lexicon, pack):
                    mention.start, mention.name, mention.key = back[0], back[2], back[3]
                    mention.status = _status_before(text, back[0], pack) if status == Status.current else status
        if mention.name is None and pack.grammar.lowercase_office_is_generic and m.group(0).islower():
            covered.add(m.start(), end)
            continue
        alias = PAREN.match(text, mention.end)
        if mention.name and alias and len(alias.group(1)) <= 12 and alias.group(1)[:1].isupper():
            mention.alias = normal_token(alias.group(1))
        mentions.append(mention)
        covered.add(mention.start, max(mention.end, end))
    for region in lexicon.region_re.finditer(text):
        if region.start() not in covered:
            covered.add(region.start(), region.end())  # "Kabupaten Timor Tengah Selatan" names no one
    # Bare names: "Raden Gani Muhamad diambil sumpahnya", "Tito melantik", "(WH)".
    in_org_run = False
    previous_word = ""
    for m in WORD.finditer(text):
        token, before_token = m.group(1), previous_word
        previous_word = token
        if not token[:1].isupper():
            in_org_run = False
            continue
        word = fold(token.rstrip("."))
        # "Ruang Puri Agung", "Gedung Sate": a building's name, not a person's
        in_org_run = in_org_run or word in pack.org_words or word in lexicon.building_words or word in lexicon.venue_words
        if in_org_run or m.start(1) in covered:
            continue
        if fold(token) in pack.bare_name_blockers:
            continue
        if fold(token) in pack.award_noun_words or fold(before_token) in pack.award_noun_words | pack.category_markers:
            in_org_run = True  # the capitalised run names an honour or a category
            continue
        found = names.forward(text, m.start(1))
        if found and EDITION_YEAR.match(text, found[1]):
            covered.add(found[0], found[1])  # "Sail Sabang 2017", "Asian Games 2018": an event's edition, no one's name
        elif found:
            mentions.append(Mention(start=found[0], end=found[1], name=found[2], key=found[3],
                                    status=_status_before(text, found[0], pack)))
            covered.add(found[0], found[1])
        elif fold(token) in PRONOUNS:
            mentions.append(Mention(start=m.start(1), end=m.end(1), name=m.group(1)))
            covered.add(m.start(1), m.end(1))
    mentions.sort(key=lambda x: x.start)
    # "Hari Widjanarko yang akrab disapa Kang Hari": a nickname names the same person.
    for named, nickname in zip(mentions, mentions[1:], strict=False):
        if pack.nickname_re and named.key and nickname.key and pack.nickname_re.match(text[named.end:nickname.start]):
            nickname.key, nickname.office = named.key, nickname.office or named.office
    # "Mantan Gubernur DKI Jakarta dan Wali Kota Solo ini": "mantan" holds for every office of the list.
    for i in joined_offices(text, mentions, pack):
        if mentions[i - 1].status == Status.past:
            mentions[i].status = Status.past
    return mentions


def joined_offices(text: str, mentions: list[Mention], pack: Pack) -> list[int]:
    """The mentions that follow an office written without a name and joined to it by "dan",
    "serta" ...: "Bupati dan Wakil Bupati X", "mantan Gubernur DKI dan Wali Kota Solo"."""
    joint = pack.marker_res.get("joint")
    if joint is None:
        return []
    return [i for i, (first, second) in enumerate(zip(mentions, mentions[1:], strict=False), 1)
            if first.office is not None and first.name is None and second.office is not None
            and joint.fullmatch(text[first.end:second.start].strip(" ,"))]


def _word_before(text: str, start: int) -> str:
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    return fold(before.group(1)) if before else ""


def _after_building_word(text: str, start: int, lexicon: Lexicon, pack: Pack) -> bool:
    word = _word_before(text, start)
    return word in lexicon.building_words or word in lexicon.venue_words or word in pack.org_words


def _inside_venue_name(text: str, start: int, lexicon: Lexicon) -> bool:
    """"di Pendopo Gubernur Banten", "Istana Wakil Presiden", "Jalan Gubernur Suryo": an office word
    naming a building or a street."""
    return _word_before(text, start) in lexicon.place_name_words


GLUED_WORD_BEFORE = patterns.compile(r"[a-z]([A-Z][a-z]+)\s+$")


def _after_glued_qualifier(text: str, start: int, lexicon: Lexicon) -> bool:
    """"Dok.Humas Pemprov Jawa TengahWakil Presiden RI": a caption's credit run into the next words
    hides that the office is a deputy's ("Wakil") or an acting one's; the office is not read."""
    glued = GLUED_WORD_BEFORE.search(text, max(0, start - 30), start)
    return glued is not None and fold(glued.group(1)) in lexicon.office_qualifiers


UNIT_NAME_BEFORE = patterns.compile(r"([^\W\d_][\w'’-]*)(?:\s+([^\W\d_][\w'’-]*))?\s+$")


def _inside_unit_name(text: str, start: int, pack: Pack) -> bool:
    """"Tim Komunikasi Presiden Ari Dwipayana", "Staf Ahli Gubernur": an office word inside the name
    of a team that serves the office, one or two capitalised words after the team's word."""
    before = UNIT_NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not pack.unit_name_words:
        return False
    words = [w for w in before.groups() if w]
    return all(w[:1].isupper() for w in words) and fold(words[0]) in pack.unit_name_words


COMMA_AND_WORD = patterns.compile(r"\s*,\s*(?:\w+\s+)?")


def _office_follows(text: str, end: int, lexicon: Lexicon, pack: Pack, reader: OfficeReader) -> bool:
    """A comma, then an office within the next two words ("Nova Arisne, Sekretaris Deputi ..."),
    which has no holder of its own: in "Menhub, Budi Karya, Pj Gubernur Jatim, Adhy Karyono"
    each office is followed by its own name."""
    after = COMMA_AND_WORD.match(text, end)
    if after is None:
        return False
    office = lexicon.office_re(pack.code).search(text, end, after.end() + 30)
    if office is None or office.start() > after.end():
        return False
    _, office_end = reader.office_at(text, office)  # "Menhub RI": the office with what qualifies it
    comma = re.match(r"\s*,\s*", text[office_end:])
    holder = reader.names.forward(text, office_end + comma.end()) if comma else None
    return not (holder and _apposition_closes(text, holder[1]))


def _apposition_closes(text: str, end: int) -> bool:
    """"Sekda Provinsi Banten, Al Muktabar, resmi ...": the name after a comma must be closed
    (by a comma, a bracket, or the full stop of a degree that ends the sentence: "M.Si.")."""
    return bool(re.match(r"\s*(?:[,.(]|$)", text[end:end + 3])) or text[end - 1:end] == "."


# ---- matching names ----------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def token_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if len(a) >= 5 and len(b) >= 5:
        from rapidfuzz.distance import Levenshtein  # lazy: only name matching needs it

        return Levenshtein.normalized_similarity(a, b) >= 0.85
    return False


def named_after(longer: tuple[str, ...], key: tuple[str, ...], droppable: Collection[str]) -> bool:
    """"Iriana Joko Widodo" and "Joko Widodo": a whole name of two or more words with one more
    first name before it is someone named after that person, unless that first name is one a
    writer drops ("Muhammad Tito Karnavian" is "Tito Karnavian")."""
    return len(key) >= 2 and len(longer) == len(key) + 1 and longer[1:] == key and longer[0] not in droppable


def name_match(a: tuple[str, ...], b: tuple[str, ...], min_strong: int = 2) -> bool:
    """Every token of the shorter name matches a token of the longer, in order, counting
    initials ("R." = Raden) and spelling variants (Muhamad/Muhammad); a plain fuzzy ratio over
    the whole string ranks "Andi Oni" above "Andi Ony. P MSI", so this goes token by token."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    j, strong = 0, 0
    for t in short:
        while j < len(long) and not token_match(t, long[j]):
            j += 1
        if j == len(long):
            return False
        strong += len(t) > 1 and len(long[j]) > 1
        j += 1
    # Initials may stand for words, but at least this many full words must agree ("A. B. Tefa"
    # has one full word, so one is enough against "Alfonsus Bani Tefa").
    full = min(sum(len(t) > 1 for t in short), sum(len(t) > 1 for t in long))
    return strong >= min(min_strong, full)
