"""What happened in a sentence: the act (hand over, swear in, ...), who did it, to whom, who
conferred or witnessed it, where, how many, in which category. Which words mean what is data
(rules/lang/<code>/grammar.yaml); this module only knows word order."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import patterns
from ..lexicon import Lexicon, Pack, fold
from ..models import Status
from .dates import DateMention
from .numbers import NumberMention, find_numbers, in_rupiah
from .people import WORD, Mention
from .text import Sentence

PLACE_WORD = patterns.compile(r"\s*(\([^()]*\)|[^\s,;()]+)(\s*,)?")
YEAR = patterns.compile(r"(?<![\w./-])(19[5-9]\d|20\d\d)(?![\w/-])")
CAPITALISED = patterns.compile(r"^[A-Z0-9][\w'’/&.-]*$")
# How far from a trigger with `objects` its object may stand ("membuka secara resmi Porprov VI").
OBJECT_WINDOW = 50
# "Rp 731. 571.160.000": thousands groups broken by a stray space; the first group is not the figure.
NOT_A_COUNT_AFTER = patterns.compile(r"^(?:[./-]\d|/|-|\.\s\d{3}[.,]\d{3}|\s*(?:WIB|WITA|WIT|persen\s+suara)\b)")


@dataclass
class Role:
    role: str  # presenter / recipient / conferrer / witness
    mention: Mention


SPACES = patterns.compile(r"\s*")
NAME_BREAK = patterns.compile(r"[,;:\"“”]")


@dataclass
class SentenceEvent:
    """What one sentence says about an event."""

    sentence: Sentence
    kind: str | None  # None: the sentence names the event without saying which (an event noun)
    irrealis: bool
    planned: bool = False  # irrealis because it is still to come ("akan dilantik besok"): a preview
    roles: list[Role] = field(default_factory=list)
    orgs: list[tuple[str, int]] = field(default_factory=list)  # recipient regions (Pemkab Tangerang)
    org_names: list[str] = field(default_factory=list)  # other organisations that receive ("org:desa sebubus")
    dates: list[DateMention] = field(default_factory=list)
    location: tuple[str, int, int] | None = None
    # number, unit, approximate, the region whose share it counts (or None)
    counts: list[tuple[NumberMention, str, bool, str | None]] = field(default_factory=list)
    # The offices someone is sworn in to ("melantik X sebagai Panglima TNI"): which swearing-in it is.
    posts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AwardName:
    tokens: tuple[str, ...]
    display: str
    edition: int | None
    start: int


def phrase_spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), fold(" ".join(m.group(0).split()))) for m in regex.finditer(text)]


def award_names(text: str, pack: Pack, known: list[AwardName] | None = None) -> list[AwardName]:
    """"penghargaan Paritrana Award 2024", "Piala Adipura Kencana", "Sindo Weekly Government
    Award": a run of capitalised words joined to an award noun; a year right after is the edition."""
    out: list[AwardName] = []
    if known:
        present = {fold(w.group(1).rstrip(".,")) for w in WORD.finditer(text)}
        known = [name for name in known if name.tokens[0] in present]
    if not pack.award_noun_re.search(text):
        words: list[re.Match[str]] = []  # no award noun: only names already known can appear
    else:
        words = list(WORD.finditer(text))
    nouns = pack.award_noun_words
    i = 0
    while i < len(words):
        j = i
        # A comma, colon or quotation mark ends the name: "Desa Cantik Award, Wakil Gubernur ...".
        while j < len(words) and CAPITALISED.match(words[j].group(1)) and not YEAR.fullmatch(words[j].group(1).rstrip(".,")) \
                and fold(words[j].group(1).rstrip(".,")) not in pack.award_name_breaks \
                and (j == i or not NAME_BREAK.search(text, words[j - 1].end(1), words[j].start(1))):
            j += 1
        run = [w.group(1).rstrip(".") for w in words[i:j]]
        # "menerima penghargaan, Selasa (28/2)": a comma after the noun ends it; what follows names no award
        led_by_noun = i > 0 and fold(words[i - 1].group(1)) in nouns and not NAME_BREAK.search(
            text, words[i - 1].end(1), words[i].start(1))
        folded_run = " ".join(fold(t) for t in run)
        has_noun = any(fold(t) in nouns for t in run) or any(folded_run.startswith(n) for n in pack.award_noun_phrases)
        bracketed = {w.group(1) for w in words[i:j] if text[w.start(1) - 1:w.start(1)] == "("}
        # An acronym names the award even when it is no name elsewhere: "APBD Award".
        acronyms = {fold(t) for t in run if len(t) >= 3 and t.isupper()}
        parts = [p for t in run if t not in bracketed for p in fold(t).split("/")]
        # Calendar words date the award; they do not name it ("penghargaan Selasa (28/2)").
        tokens = tuple(p for p in parts if p and p not in nouns and (p not in pack.not_names or p in acronyms)
                       and p not in pack.weekday_index and p not in pack.month_index)
        # An award noun of several words names no award alone: "Tanda Kehormatan" is any honour,
        # "Bintang Republik Indonesia Adipurna" one class of it.
        phrase = next((n for n in pack.award_noun_phrases if folded_run == n or folded_run.startswith(n + " ")), "")
        only_the_noun = bool(phrase) and not set(tokens) - set(phrase.split())
        if run and tokens and not only_the_noun and (has_noun or led_by_noun) and len(tokens) <= 6:
            edition = None
            if j < len(words) and YEAR.fullmatch(words[j].group(1).rstrip(".,")):
                edition = int(words[j].group(1).rstrip(".,"))
            display = " ".join(run)
            out.append(AwardName(tokens, display + (f" {edition}" if edition else ""), edition, words[i].start(1)))
        i = max(j, i + 1)
    # A name already known from this article, written again with its year: "Adipura Kencana 2017".
    for name in known or []:
        for m in _with_year(name.tokens).finditer(text):
            out.append(AwardName(name.tokens, m.group(0), int(m.group(1)), m.start()))
    return out


def capitalised_run(text: str, pos: int, backwards: bool = False) -> tuple[int, int] | None:
    """The run of capitalised words right after `pos` (or right before it)."""
    # Windows keep this linear on hostile input: a run is at most eight words.
    words = reversed(list(WORD.finditer(text, max(0, pos - 200), pos))) if backwards else WORD.finditer(text, pos, pos + 200)
    run: list[re.Match[str]] = []
    for m in words:
        token = m.group(1).rstrip(".,")
        if not token[:1].isupper() or (run and text[min(m.end(1), run[-1].end(1)):max(m.start(1), run[-1].start(1))].strip()):
            break
        run.append(m)
    if not run or len(run) > 8:
        return None
    start, end = min(m.start(1) for m in run), max(m.end(1) for m in run)
    return start, end


def object_run(text: str, pos: int) -> tuple[int, int] | None:
    """The capitalised name right after a verb, over one or two lowercase words ("pembangunan")
    and a bracketed acronym ("Rumah Sakit Umum Daerah (RSUD) Sambelia")."""
    skip = re.match(r"(?:\s+[a-z][\w-]*){0,2}\s+(?=[A-Z])", text[pos:pos + 40])
    start = pos + (skip.end() if skip else 0)
    first = capitalised_run(text, start)
    if first is None:
        return None
    end = first[1]
    more = re.match(r"\s*\([^()]{1,15}\)\s*", text[end:])
    if more:
        tail = capitalised_run(text, end + more.end())
        end = tail[1] if tail else end
    return first[0], end


def _past_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def subject_start(text: str, dates: list[DateMention]) -> int:
    """Where the sentence's subject begins: after a date that opens it ("Kamis (8/12/2022) malam, ...")."""
    lead = len(text) - len(text.lstrip())
    first = min(dates, key=lambda d: d.start, default=None)
    if first is not None and first.start <= lead + 2:
        rest = text[first.end:]
        return first.end + len(rest) - len(rest.lstrip(" ,"))
    return lead


def is_named_run(text: str, run: tuple[int, int] | None, pack: Pack, lexicon: Lexicon) -> bool:
    """A capitalised run that can name a receiver: "Kabupaten Lamongan", "Desa Sebubus", not one
    that opens with a function word ("Dalam", "Sebanyak")."""
    if run is None:
        return False
    first = fold(text[run[0]:run[1]].split()[0].rstrip(".,"))
    region = lexicon.region_re.match(text, run[0])
    return first not in pack.not_names or first in pack.org_words or bool(region and region.group("level"))


def org_id(phrase: str, lexicon: Lexicon) -> str:
    region = lexicon.region_re.fullmatch(phrase)
    if region and region.group("level"):
        rid = lexicon.region_id(region.group("name"), region.group("level"))
        if rid:
            return rid
    return "org:" + " ".join(fold(phrase).split())


@functools.lru_cache(maxsize=1024)
def _with_year(tokens: tuple[str, ...]) -> re.Pattern[str]:
    pattern = r"\s+".join(re.escape(t) for t in tokens)
    return re.compile(rf"(?<![\w])(?:{pattern})\s+((?:19|20)\d\d)(?![\w])", re.IGNORECASE)


def names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One award named two ways: one name inside the other ("Adipura" / "Adipura Kencana"), or two
    grades of one honour ("Bintang Jasa Pratama" / "Bintang Jasa Nararya": two words of three shared)."""
    x, y = set(a), set(b)
    if not x or not y:
        return False
    shared = len(x & y)
    return x <= y or y <= x or (shared >= 2 and shared / len(x | y) >= 0.5)


class SentenceReader:
    def __init__(self, lexicon: Lexicon, pack: Pack):
        self.lex = lexicon
        self.pack = pack
        self.witness_re = pack.marker_res.get("witness")
        self.aside_res = [(pack.marker_res.get(role), role) for role in ("reader", "represented")]
        self.joint_gap = pack.joint_gap_re
        self.agent_re = pack.marker_res.get("agent")
        self.recipient_re = pack.marker_res.get("recipient")
        self.joint_re = pack.marker_res.get("joint")
        self.conferrer_re = pack.marker_res.get("conferrer")
        self.handed_by_re = pack.marker_res.get("handed_by")
        self.handed_hint_re = pack.marker_res.get("in_person")

    def read(self, sentence: Sentence, mentions: list[Mention], dates: list[DateMention],
             names_award: bool = False) -> SentenceEvent | None:
        text = sentence.text
        pack = self.pack
        nouns = phrase_spans(pack.event_noun_re, text)
        # "Upacara dipimpin Pangdam ...": any event noun lets a leading or giving verb be the act,
        # one of no kind of its own ("the ceremony") joining the act the article reports.
        names_event = bool(nouns) or bool(pack.award_noun_re.search(text) or pack.decree_noun_re.search(text))
        triggers = [t for t in phrase_spans(pack.trigger_re, text)
                    if (names_event or not pack.trigger_of[t[2]].needs_event_noun) and self._has_object(text, t)]
        receives = [r for r in phrase_spans(pack.receive_re, text) if not self._receives_a_tally(text, r[1])]
        confers = phrase_spans(pack.conferrer_verb_re, text)
        placed = bool(pack.venue_verb_re.search(text))
        dated = any(0 <= d.start - e <= 100 for _, e, _ in nouns for d in dates)
        # "Pelantikan X sebagai Y oleh Mendagri Z di ..., Kamis (15/2/2024)": the act named by its
        # noun and done by someone is the act itself, however long the phrase before its date.
        by_agent = bool(self.agent_re and nouns and dates and any(self.agent_re.search(text, e, e + 120) for _, e, _ in nouns))
        if not (triggers or receives or confers or (nouns and (placed or dated or by_agent))):
            return None
        acts = triggers + receives + confers
        first = min(s for s, _, _ in acts or nouns)
        # "akan dipimpin", "dijadwalkan dilantik", "Semula ... menjadwalkan acara": not a fact yet.
        irrealis = bool(pack.irrealis_re.search(text[:first + 1])) or bool(
            pack.irrealis_re.search(text[first:first + 60]) and not triggers)
        around = text[:first + 60]
        planned = irrealis and pack.planned_re is not None and bool(pack.planned_re.search(around)) and not (
            pack.unplanned_re and pack.unplanned_re.search(around))
        # "yang tahun lalu juga membawa pulang ...": an act from another time, not this event
        # "sebelumnya ... juga menerima tanda kehormatan serupa": another of the kind, at another time
        background = bool(pack.background_re.search(text[:first + 1])) or bool(
            pack.other_instance_re and pack.other_instance_re.search(text, first, first + 60))
        irrealis = irrealis or background
        planned = planned and not background
        kind = self._kind(text, triggers, receives, names_award)
        named_by_noun = None
        if kind is None and not (triggers or receives or confers):
            named_by_noun = next(((e, pack.noun_kinds[n]) for _, e, n in nouns if n in pack.noun_kinds), None)
            kind = named_by_noun[1] if named_by_noun else None
        event = SentenceEvent(sentence, kind, irrealis, planned, dates=[d for d in dates if not (d.is_range or d.is_stamp)])
        self._roles(event, text, mentions, triggers, receives, confers)
        if kind == "inauguration":
            event.posts = sorted({m.office.id for m in mentions if m.office and m.status == Status.target})
        if named_by_noun and pack.kind(named_by_noun[1]).names_object:
            # "pada upacara pembukaan Asian Games 2018": what the ceremony opens names the event
            run = object_run(text, named_by_noun[0])
            if run:
                event.org_names.append(org_id(text[run[0]:run[1]], self.lex))
        event.orgs = self._orgs(text)
        if triggers or receives or confers or placed:
            act_starts = [s for s, _, _ in triggers + receives + confers + nouns]
            act_starts += [m.start() for m in pack.venue_verb_re.finditer(text)]
            until = self._opening_clause_end(text, triggers + receives + confers)
            event.location = self._location(text, dates, mentions, min(act_starts), until)
            if event.location and not (triggers or placed) and not self._is_building(event.location[0]):
                event.location = None  # "diraih Desa Pinge di Kecamatan Marga" places the village
        if triggers or receives:
            event.counts = self._counts(text, triggers + receives, dates)
        return event

    def _kind(self, text: str, triggers: list[tuple[int, int, str]], receives: list[tuple[int, int, str]],
              names_award: bool) -> str | None:
        has_award = bool(self.pack.award_noun_re.search(text))
        for _, end, word in triggers:
            trigger = self.pack.trigger_of.get(word)
            if trigger is None:
                continue
            if trigger.kind:
                if trigger.object_kind and self._names_a_work(text, end):
                    return trigger.object_kind
                return trigger.kind
            if self.pack.decree_noun_re.search(text) and not has_award:
                return "handover"
            if has_award:
                return "award"
            noun_kind = next((self.pack.noun_kinds[n] for _, _, n in phrase_spans(self.pack.event_noun_re, text)
                              if n in self.pack.noun_kinds), None)
            if noun_kind:
                return noun_kind
            if names_award and not trigger.needs_event_noun:
                return "award"
        if receives and (has_award or names_award):
            return "award"
        return None

    def _has_object(self, text: str, trigger: tuple[int, int, str]) -> bool:
        """A trigger with `objects` needs one of them in the few words it acts on, or the
        sentence names the act by a noun of its kind ("Upacara pembukaan ... dibuka oleh X")."""
        start, end, word = trigger
        refused = self.pack.trigger_not_objects[word]
        following = re.match(r"\s*([\w-]+)", text[end:end + 40]) if refused else None
        if following and fold(following.group(1)) in refused:
            return False  # "saat membuka pidatonya": a speech, not the event
        wanted = self.pack.trigger_of[word].objects
        if not wanted:
            return True
        kind = self.pack.trigger_of[word].kind
        if kind and any(self.pack.noun_kinds.get(n) == kind for _, _, n in phrase_spans(self.pack.event_noun_re, text)):
            return True
        near = text[end:end + OBJECT_WINDOW] if self.pack.trigger_of[word].voice == "active" else text[max(0, start - OBJECT_WINDOW):start]
        return bool(self.pack.trigger_object_re and self.pack.trigger_object_re.search(near))

    def _receives_a_tally(self, text: str, pos: int) -> bool:
        """Is what a receiving verb takes a count of a person's measure ("meraih 81 suara")? Votes
        won are a tally, not an award received: the sentence reports no act."""
        number = next(iter(find_numbers(text[pos:pos + 30], self.pack)), None)
        if number is None or text[pos:pos + number.start].strip():
            return False
        unit, _, _ = read_unit(text, pos + number.end, self.pack, self.lex)
        return unit is not None and self.pack.measures.get(unit) in self.pack.numbers.person_measures

    def _names_a_work(self, text: str, pos: int) -> bool:
        """Do the next few words, up to a comma or stop, name a building or work ("the Temef Dam")?"""
        # A bracketed aside is skipped, not an end: "the production of PT Freeport Indonesia's (PTFI's) copper smelter".
        clause = re.split(r"[,.;:(]", re.sub(r"\([^()]{0,40}\)", " ", text[pos:pos + 120])[:80], maxsplit=1)[0]
        words = []
        for w in re.findall(r"[\w'-]+", clause):
            if fold(w) in self.pack.object_ends:
                break  # "inaugurated 916 regional heads at Merdeka Palace": the palace is where, not what
            words.append(fold(w))
        return bool(set(words) & (self.pack.org_words | self.lex.building_words))

    def _after(self, mentions: list[Mention], pos: int, text: str, limit: int = 40,
               fillers: frozenset[str] | None = None) -> Mention | None:
        """The person named right after `pos`: only a few words (or only `fillers`) in between."""
        for m in mentions:
            if m.start >= pos:
                gap = text[pos:m.start]
                words = gap.split()
                if len(gap) > limit or re.search(r"[,.;:]", gap) or len(words) > 3:
                    return None
                if fillers is not None and any(fold(w) not in fillers for w in words):
                    return None
                return m
        return None

    def _roles(self, event: SentenceEvent, text: str, mentions: list[Mention], triggers, receives, confers) -> None:
        taken: set[int] = set()

        def give(role: str, m: Mention | None) -> None:
            if m is not None and id(m) not in taken and not (role == "presenter" and m.status != m.status.current):
                taken.add(id(m))
                event.roles.append(Role(role, m))

        for regex, role in ((self.witness_re, "witness"), *self.aside_res, (self.recipient_re, "recipient")):
            for _s, e, _ in phrase_spans(regex, text) if regex else []:
                first = self._after(mentions, e, text, 25)
                give(role, first)
                if role == "witness" and first is not None:
                    # "X didampingi Menteri A, Gubernur B dan Bupati C, meresmikan ...": all who are
                    # listed with the first companion came with the doer; none of them did the act.
                    for m in self._listed_with(mentions, first, text):
                        give(role, m)
        # "menerima penghargaan langsung dari (tangan) X": from X's own hands, X is the one who handed it over.
        if self.handed_by_re:
            for _s, e, _ in phrase_spans(self.handed_by_re, text):
                give("presenter", self._after(mentions, e, text, 25))
        for _s, e, _ in confers:
            give("conferrer", self._after(mentions, e, text))
        if self.conferrer_re:
            for s, e, _ in phrase_spans(self.conferrer_re, text):
                received = self.pack.receive_re.search(text, max(0, s - 200), s)
                if self.pack.award_noun_re.search(text[max(0, s - 80):s]) or received:
                    # "diterima langsung Bupati X dari Menko PMK Y": received in person, from Y's hands.
                    in_person = bool(received and self.handed_hint_re and self.handed_hint_re.search(text, received.start(), s))
                    give("presenter" if in_person else "conferrer", self._after(mentions, e, text, 25))
        for s, e, word in triggers:
            trigger = self.pack.trigger_of.get(word)
            if trigger is None:
                continue
            # "Khofifah kemudian menyatakan Porprov VI resmi dibuka": who declares it opened did it.
            declared = None
            if trigger.voice == "passive" and self.pack.declare_re is not None:
                declared = next(reversed(list(self.pack.declare_re.finditer(text, 0, s))), None)
            # "inaugurated the Binjai-Stabat Toll Road": a verb of two kinds acts by its object's.
            acting = trigger.object_kind if trigger.object_kind and self._names_a_work(text, e) else trigger.kind
            if acting and self.pack.kind(acting).names_object:
                # "meresmikan RSUD Sambelia", "RSUD Sambelia yang diresmikan": the object names the event
                if trigger.voice == "passive":  # the object is the sentence's subject, or what is declared
                    start = _past_spaces(text, declared.end()) if declared else subject_start(text, event.dates)
                    run = capitalised_run(text, start)
                    # "Upacara pembukaan digelar ... dan dibuka oleh X": the subject is the ceremony, not what it opens
                    run = run if run and run[1] <= s and not self.pack.event_noun_re.match(text, run[0]) else None
                else:
                    run = object_run(text, e)
                if run:
                    event.org_names.append(org_id(text[run[0]:run[1]], self.lex))
                    # What is opened is no person: a "name" inside it that holds a word for a work
                    # ("Toll Road") receives nothing. A person the run ran on into ("Kodam XVII Mayjen
                    # Joppye") still may.
                    works = self.pack.org_words | self.lex.building_words
                    taken.update(id(m) for m in mentions if run[0] <= m.start < run[1]
                                 and works & {fold(w) for w in re.findall(r"[\w'-]+", text[m.start:m.end])})
            if trigger.voice == "passive":
                agent = self._after(mentions, e, text, fillers=self.pack.doer_fillers)
                if agent is None and self.agent_re:
                    by = self.agent_re.search(text, e)
                    if by and not re.search(r"[.;]", text[e:by.start()]) and not self.pack.trigger_re.search(text, e, by.start()):
                        agent = self._after(mentions, by.end(), text, 25)
                if agent is None and declared is not None:
                    agent = next((m for m in reversed(mentions) if m.end <= declared.start()), None)
                give("presenter", agent)
                before = [m for m in mentions if m.end <= s and id(m) not in taken
                          and (declared is None or m.start >= declared.end())]
                if before:
                    give("recipient", before[0])
            else:
                before = [m for m in mentions if m.end <= s and id(m) not in taken]
                # "Gubernur X bersama Wakil Gubernur Y menyerahkan": both are doers of the act.
                doers = before[-1:]
                while len(before) > len(doers) and self._joint(text, before[-len(doers) - 1], doers[0]):
                    doers.insert(0, before[-len(doers) - 1])
                # "Presiden bersama Ibu Negara meresmikan": she came with him, and did not do it herself.
                doers = [d for d in doers if not (d.office and d.office.id in self.lex.companion_offices)]
                for doer in doers:
                    give("presenter", doer)
                give("recipient", self._after(mentions, e, text))
        for s, e, word in receives:
            if word in self.pack.received_by:  # "diraih Kota Tangerang", "diterima Wali Kota Arief"
                give("recipient", self._after(mentions, e, text))
                continue
            before = [m for m in mentions if m.end <= s and id(m) not in taken]
            if before:
                give("recipient", before[0])
            else:  # "Desa Sebubus, Kecamatan Paloh, meraih ...": a recipient the lexicons do not know
                run = capitalised_run(text, subject_start(text, event.dates))
                named = run is not None and run[1] <= s and is_named_run(text, run, self.pack, self.lex)
                if run and named and not self.lex.region_re.fullmatch(text[run[0]:run[1]]):
                    event.org_names.append(org_id(text[run[0]:run[1]], self.lex))

    def _listed_with(self, mentions: list[Mention], first: Mention, text: str) -> list[Mention]:
        """The people listed after `first` in one enumeration: each a short gap of commas, "dan" and
        office words on from the last, with no act, role marker or sentence break in between."""
        listed, end = [], first.end
        for m in mentions:
            if m.start < end:
                continue
            gap = text[end:m.start]
            if len(gap) > 80 or re.search(r"[.;:()]", gap) or self.pack.trigger_re.search(gap) or \
                    self.pack.receive_re.search(gap) or any(r is not None and r.search(gap) for r in (
                        self.recipient_re, self.agent_re, self.conferrer_re)):
                break
            if not (gap.strip() == "" or "," in gap or (self.joint_re is not None and self.joint_re.search(gap))):
                break
            listed.append(m)
            end = m.end
        return listed

    def _joint(self, text: str, first: Mention, second: Mention) -> bool:
        return self.joint_gap is not None and self.joint_gap.fullmatch(text, first.end, second.start) is not None

    def _orgs(self, text: str) -> list[tuple[str, int]]:
        out = []
        for m in self.lex.region_re.finditer(text):
            if m.group("level"):
                rid = self.lex.region_id(m.group("name"), m.group("level"))
                if rid:
                    out.append((rid, m.start()))
        return out

    def _location(self, text: str, dates: list[DateMention], mentions: list[Mention],
                  after: int = 0, until: int | None = None) -> tuple[str, int, int] | None:
        """The first place named after the act: "Desa X di Kecamatan Y meraih ..." places Desa X."""
        pack = self.pack
        connectors = {w for w in pack.location_connectors if " " not in w}
        found: list[tuple[str, int, int]] = []
        for prep in pack.location_prep_re.finditer(text, after, after + 250):
            if until is not None and prep.start() > until:
                break
            relative = max((m.end() for m in pack.relative_re.finditer(text, after, prep.start())), default=None)
            # "... whose results were disputed at the Constitutional Court": another clause; but
            # "Malam Anugerah ... yang digelar di Teater Besar TIM" says where the event itself was.
            if relative is not None and not pack.venue_verb_re.fullmatch(text[relative:prep.start()].strip()):
                break
            if pack.earlier_re and pack.earlier_re.search(text, after, prep.start()):
                break  # "Selain meresmikan X, Jokowi sebelumnya meresmikan Y di Z": Z is the earlier act's
            before = text[max(0, prep.start() - 30):prep.start()].split()
            if before and fold(before[-1]) in pack.not_venue_after:
                continue
            pos = prep.end()
            words = []
            end = pos
            for m in PLACE_WORD.finditer(text, pos, pos + 300):
                start_abs = m.start(1)
                token = m.group(1)
                if any(d.start <= start_abs < d.end for d in dates) or any(
                        mm.office and mm.start <= start_abs < mm.end and mm.name for mm in mentions):
                    break
                bare = token.rstrip(".")
                lowered = fold(bare)
                if token.startswith("("):
                    words.append(token)
                elif bare[:1].isupper() and lowered in pack.location_stop and lowered not in connectors and \
                        not (self.joint_re and self.joint_re.fullmatch(bare)):
                    break  # a headline in title case: "di Jateng Saat Pelantikan ..." ends at "Saat"
                elif bare[:1].isupper() or bare[:1].isdigit():
                    words.append(bare)
                elif lowered in connectors or lowered in self.lex.venue_words or lowered in self.lex.building_words:
                    words.append(bare)
                else:
                    break
                end = m.end(1) - (len(token) - len(bare))
                if token.endswith(".") and len(bare) > 2:
                    break
                if m.group(2):
                    words.append(",")
            while words and (words[-1] == "," or not words[-1][:1].isupper() and not words[-1][:1].isdigit()):
                words.pop()  # "... in Central Jakarta, the first time": trailing words are not the venue
            phrase = " ".join(words).replace(" ,", ",").strip(" ,")
            if words and (words[0][:1].isdigit() or fold(words[0]) in pack.not_venue_starts):
                continue  # "di 13 provinsi", "di lingkungan Provinsi Riau": no venue
            if pack.category_re.match(text, _past_spaces(text, end)):
                continue  # "in the Environmental Savior category": a category's name, not a place
            if any(w[:1].isupper() for w in words) and phrase:
                if self._recipients_home(text, prep.start(), phrase):
                    continue
                found.append((phrase, prep.start(), end))
        # "penghargaan kepada 4 sekolah di Kota Depok berlangsung di Auditorium ...": a place said to
        # be where the act took place (after a venue verb) is the venue; the first place may be
        # only where those it went to are.
        held = next((f for f in found if pack.venue_verb_re.search(text[max(0, f[1] - 25):f[1]])), None)
        return held or (found[0] if found else None)

    def _opening_clause_end(self, text: str, acts: list[tuple[int, int, str]]) -> int | None:
        """Where an opening clause that holds every act ends ("Usai menerima penghargaan, Gubernur
        ... menjamu ... di Balai Kota"): a place after its comma is where the main clause's act was."""
        opening = self.pack.before_clause_re.match(text) if self.pack.before_clause_re else None
        comma = text.find(",", opening.end()) if opening else -1
        if comma == -1 or not acts or any(start > comma for start, _, _ in acts):
            return None
        return comma

    def _recipients_home(self, text: str, at: int, phrase: str) -> bool:
        """A region just after those the act went to is where they are, not where it was held:
        "kepada 4 sekolah di Kota Depok" (but "kepada Bupati X di Gedung Y" names the venue)."""
        if not self.lex.region_re.fullmatch(phrase) or not self.pack.recipient_place_re:
            return False
        before = text[max(0, at - 60):at]
        last = max((m.end() for m in self.pack.recipient_place_re.finditer(before)), default=None)
        # Nothing but the recipients in between: no stop, no other place, no act ("ke Jawa Timur
        # untuk meresmikan smelter di Gresik" places the act).
        return last is not None and not re.search(r"[,.;]", before[last:]) and not (
            self.pack.location_prep_re.search(before, last) or self.pack.trigger_re.search(before, last))

    def _is_building(self, phrase: str) -> bool:
        words = [fold(w) for w in phrase.split() if fold(w) not in ("the", "a", "an")][:2]
        return any(w in self.pack.building_words for w in words) or bool(self.lex.venue_re.search(phrase))

    def _counts(self, text: str, triggers, dates: list[DateMention]) -> list[tuple[NumberMention, str, bool, str | None]]:
        out: list[tuple[NumberMention, str, bool, str | None]] = []
        other_act = self.pack.other_act_re.search(text) if self.pack.other_act_re else None
        for number in find_numbers(text, self.pack):
            if any(d.start <= number.start < d.end for d in dates) or is_not_a_count(text, number, self.pack):
                continue
            if other_act is not None and number.start >= other_act.end():
                break  # counted for the other act of the ceremony
            unit, others, unit_end = read_unit(text, number.end, self.pack, self.lex)
            if in_rupiah(text, number.start):
                unit, others, unit_end = "rupiah", False, number.end
            unit = self.pack.measures.get(unit or "", unit)  # "peserta" in the act is the participants a body sentence counts
            if not unit or unit in self.pack.numbers.person_measures:
                continue  # a candidate's votes are the candidate's (measure_claims), not the act's count
            near_after = any(0 <= number.start - e <= 12 for _, e, _ in triggers) or bool(
                self.recipient_re and self.recipient_re.search(text[max(0, number.start - 10):number.start]))
            near_before = any(0 <= s - unit_end <= 80 and not re.search(r"[.;,]", text[unit_end:s]) for s, _, _ in triggers)
            # "melantik 18 penjabat dari Malang dan 12 penjabat dari Blitar": a further count of the
            # same unit, joined to a count of the act, is a part of it.
            joined_part = self.joint_re is not None and bool(out) and out[-1][1] == unit and number.start - out[-1][0].end <= 80 and bool(
                self.joint_re.search(text[out[-1][0].end:number.start])) and not re.search(r"[.;]", text[out[-1][0].end:number.start])
            if near_after or near_before or joined_part:
                approximate = bool(self.pack.approx_re.search(text[max(0, number.start - 16):number.start]))
                value = number.value + (1 if others else 0)
                out.append((NumberMention(number.start, unit_end, value, text[number.start:unit_end]), unit, approximate,
                            count_share(text, number.start, unit_end, self.pack, self.lex)))
        return out


def is_not_a_count(text: str, number: NumberMention, pack: Pack) -> bool:
    if YEAR.fullmatch(number.text):
        return True
    before = text[max(0, number.start - 12):number.start]
    return bool((pack.not_a_count_re and pack.not_a_count_re.search(before))
                or NOT_A_COUNT_AFTER.match(text[number.end:number.end + 12]))


def count_share(text: str, start: int, end: int, pack: Pack, lex: Lexicon) -> str | None:
    """The region a count is the share of: "tujuh pendonor darah dari Kabupaten Pasuruan" (a
    share word and a region within two words after the counted noun), "dari Provinsi Lampung
    ada 10 pendonor" (a share word and a region, then at most one word, before the number)."""
    if pack.share_re is None:
        return None
    def region_after(share: re.Match[str]) -> re.Match[str] | None:
        gap = SPACES.match(text, share.end())
        return lex.region_re.match(text, gap.end() if gap else share.end())

    share = pack.share_re.search(text, end, end + 40)
    if share and len(text[end:share.start()].split()) <= 2 and not re.search(r"[,;:.()]", text[end:share.start()]):
        region = region_after(share)
        if region:
            return _region_of(region, lex)
    for share in pack.share_re.finditer(text, max(0, start - 60), start):
        region = region_after(share)
        if region and region.end() <= start and len(text[region.end():start].split()) <= 1 \
                and not re.search(r"[.;]", text[region.end():start]):
            return _region_of(region, lex)
    return None


def _region_of(region: re.Match[str], lex: Lexicon) -> str | None:
    return org_id(region.group(0), lex) if region.group("level") else lex.region_id(region.group("name"))


def read_unit(text: str, pos: int, pack: Pack, lex: Lexicon) -> tuple[str | None, bool, int]:
    """What a number counts: "enam penjabat kepala daerah" -> penjabat; "961 regional heads" ->
    regional head; "empat Pj Gubernur lainnya" -> penjabat, and "lainnya" adds the subject."""
    words = list(re.finditer(r"\s*([^\s,;:()]+)", text[pos:pos + 80]))
    if not words or words[0].start() > 2:
        return None, False, pos
    english = pack.code == "en"
    taken: list[str] = []
    end = pos
    consumed = 0  # words read, "orang" included
    for m in words[:3]:
        consumed += 1
        token = fold(m.group(1).rstrip("."))
        if token in pack.signal_words or token in pack.others or token in pack.location_stop or not token.isalpha():
            break
        taken.append(lex.acting_canonical.get(token, token))
        end = pos + m.end(1)
        if not english:
            # "tiga orang penerima": a classifier before the noun it counts; "tiga orang juga
            # menerima": no noun follows, the classifier is what is counted.
            if token in pack.classifiers and len(words) > consumed and fold(words[consumed].group(1)) not in pack.classifier_ends:
                taken.pop()
                continue
            if token in pack.grammar.unit_heads and len(taken) == 1:
                continue  # "kepala" + "sekolah"
            break
    if not taken or taken[0] in pack.not_counted:
        return None, False, pos
    if english:
        taken = taken[:2]
        taken[-1] = taken[-1][:-1] if taken[-1].endswith("s") and len(taken[-1]) > 3 else taken[-1]
    after = " ".join(fold(m.group(1)) for m in words[consumed:consumed + 3])
    if taken[-1 if english else 0] in pack.unit_class:  # "six figures" / "enam tokoh": both count people
        taken = [pack.unit_class[taken[-1 if english else 0]]]
    before = fold(text[max(0, pos - 40):pos])
    number_start = before.rstrip().rsplit(" ", 1)[0] if " " in before.rstrip() else ""
    # "dilantik bersama enam rektor lainnya", "sworn in together with six others": the subject too.
    others = any(re.search(rf"(?<![\w]){re.escape(o)}(?![\w])", after) for o in pack.others) or (
        english and bool(re.search(r"\bother\s*$", before))) or any(
        number_start.endswith(w) for w in pack.numbers.with_subject_before)
    return " ".join(taken), others, end
