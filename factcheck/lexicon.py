"""Language packs and shared lexicons from `rules/`, validated on load and compiled once.

`rules/lang/<code>/` holds what depends on the language (calendar, numbers, noise, grammar);
`rules/lexicon/` holds what does not (offices, regions, venues, name parts, unit words).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Annotated, Literal

from . import patterns
from .checked import Length, Matches, Satisfies, Strict
from .datafile import DataFileError, load_model
from .shipped import RULES_DIR

# ---- schemas of the YAML files -------------------------------------------------------------


@dataclass(kw_only=True, eq=False)
class CalendarFile(Strict):
    # Each weekday and month needs at least one name: an empty entry names nothing to match.
    weekdays: Annotated[list[Annotated[list[str], Length(1)]], Length(7, 7)]
    months: Annotated[list[Annotated[list[str], Length(1)]], Length(12, 12)]
    relative_days: dict[str, int] = field(default_factory=dict)
    day_parts: list[str] = field(default_factory=list)
    bare_weekday_prefixes: list[str] = field(default_factory=list)
    last_weekday_suffixes: list[str] = field(default_factory=list)
    last_weekday_prefixes: list[str] = field(default_factory=list)
    range_words: list[str] = field(default_factory=list)
    # Ordinal endings a day number may carry ("23rd September", "September 23rd").
    day_suffixes: list[str] = field(default_factory=list)
    # A date followed by a clock time in one of these zones ("12/05/2023, 19:43 WIB", "Jumat, 12 Mei
    # 2023 | 21:10 WITA") is a publication stamp, not the date of anything the article reports.
    stamp_time_zones: list[str] = field(default_factory=list)
    # Numeric dates may be written month first ("Friday (09/06/2024)" for 6 September): read so
    # when only that order fits the weekday written with it.
    month_first_when_weekday_fits: bool = False


@dataclass(kw_only=True, eq=False)
class NumbersFile(Strict):
    units: dict[str, int]
    teens: dict[str, int] = field(default_factory=dict)
    teen_suffix: str | None = None
    tens: dict[str, int] = field(default_factory=dict)
    tens_suffix: str | None = None
    hundreds: dict[str, int] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)
    prefix_one: str | None = None
    decimal_separator: str = "."
    collective_prefix: str | None = None
    others: list[str] = field(default_factory=list)
    # Before a count, words that add the sentence's subject to it ("X dilantik bersama enam rektor").
    with_subject_before: list[str] = field(default_factory=list)
    # Before a region beside a count: the count is that region's share of a larger ceremony
    # ("tujuh pendonor dari Kabupaten Pasuruan").
    share_words: list[str] = field(default_factory=list)
    # Words just before a number that make it no count: "salah satu anggota" is one of them.
    not_a_count_before: list[str] = field(default_factory=list)
    # Nouns after a number that measure time or repetition, not things counted at the event:
    # "diberikan dua tahun sekali", "selama tiga hari".
    not_counted: list[str] = field(default_factory=list)
    # Classifiers between a number and the noun it counts ("tiga orang penerima", "dua buah mobil").
    classifiers: list[str] = field(default_factory=list)
    # Words after a classifier that are no noun: the classifier is then what is counted ("tiga orang juga").
    classifier_ends: list[str] = field(default_factory=list)
    # Measures that belong to a person (a candidate's votes): compared only for the same person.
    person_measures: list[str] = field(default_factory=list)
    approximate: list[str] = field(default_factory=list)
    measures: dict[str, str] = field(default_factory=dict)
    # Outside the act's sentences, a count of any other noun ("4.753 desa wisata", "34 negara")
    # is compared too, but only where the figures could be one mistyped (the quantity rule's
    # unlike_slip_level): two reports rarely count one thing with near-identical figures by chance.
    count_any_noun: bool = False
    # Nouns never counted that way: shares, ranks and rounds ("58 persen", "10 besar").
    not_counted_anywhere: list[str] = field(default_factory=list)
    unit_classes: dict[str, list[str]] = field(default_factory=dict)
    # Measures that are the size of a thing (a length, an area): a bridge's 1,650 m and a runway's
    # 2,500 m are two things, so a size is compared only with the size of the same kind of thing,
    # named before a size word ("Jembatan sepanjang 1.650 meter"); a size of nothing named is none.
    sizes: list[str] = field(default_factory=list)
    size_words: list[str] = field(default_factory=list)
    size_kinds: dict[str, list[str]] = field(default_factory=dict)


# A group that repeats something that itself repeats ("(\w+\s?)+"): it can take exponential
# time on a line that almost matches, so noise patterns may not have one.
NESTED_QUANTIFIER = patterns.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")


def checked_pattern(pattern: str) -> str:
    """A pattern from the rules that is safe to run on every line: it compiles, matches
    something, never matches the empty string and has no nested quantifier."""
    if not pattern.strip():
        raise ValueError("empty pattern: it would mark every line")
    try:
        compiled = patterns.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"pattern {pattern!r} does not compile: {exc.msg} at position {exc.pos}") from exc
    try:  # the noise patterns run joined into one alternation: each must work inside a group
        patterns.compile(f"x|(?:{pattern})", re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"pattern {pattern!r} cannot stand beside the others (inline flags?): {exc.msg}") from exc
    if compiled.fullmatch(""):
        raise ValueError(f"pattern {pattern!r} matches the empty string: it would mark every line")
    if NESTED_QUANTIFIER.search(pattern):
        raise ValueError(f"pattern {pattern!r} repeats a group that itself repeats; it can hang on a long line")
    return pattern


SafePattern = Annotated[str, Satisfies(checked_pattern)]


@dataclass(kw_only=True, eq=False)
class NoiseFile(Strict):
    # Each pattern is checked on its own, so an error names its line and the pattern.
    line_patterns: list[SafePattern] = field(default_factory=list)
    block_markers: list[SafePattern] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class EventKind(Strict):
    recurring: bool = False
    collective: bool = False
    names_object: bool = False  # what is opened or built tells the event apart ("RSUD Sambelia")


@dataclass(kw_only=True, eq=False)
class Trigger(Strict):
    words: list[str]
    voice: Literal["active", "passive"]
    kind: str | None = None
    # The sentence must name the event or what is handed over: "memimpin" is an act only as
    # "memimpin pelantikan", "memberikan" only as "memberikan penghargaan".
    needs_event_noun: bool = False
    # The kind when what the act is done to is a building or work ("inaugurated the Temef Dam"
    # opens a dam; "inaugurated 961 regional heads" swears people in).
    object_kind: str | None = None
    # The act only when one of these stands among the next few words (active) or the few words
    # before (passive): "membuka Porprov VI", "Festival Krakatau dibuka", not "membuka peluang".
    objects: list[str] = field(default_factory=list)
    # Never the act when its very next word is one of these: "membuka pidatonya" opens a speech.
    not_objects: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class Markers(Strict):
    witness: list[str] = field(default_factory=list)
    reader: list[str] = field(default_factory=list)  # who reads the decree out ("dibacakan oleh"): not the one who acts
    represented: list[str] = field(default_factory=list)  # on whose behalf the act is done ("atas nama Presiden"): not the one who acts
    joint: list[str] = field(default_factory=list)  # between two doers of one act ("X bersama Y menyerahkan"): both act
    conferrer: list[str] = field(default_factory=list)
    # "dari tangan X": X handed it over in person (a presenter, not only a conferrer)
    handed_by: list[str] = field(default_factory=list)
    # "diterima langsung ... dari X": between a receiving verb and "dari", X handed it over
    in_person: list[str] = field(default_factory=list)
    agent: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    apposition: list[str] = field(default_factory=list)
    # Articles that may follow a comma or an apposition word before the office: "X, the deputy speaker".
    articles: list[str] = field(default_factory=list)
    # Words that open a predicate: an office after "NAME," followed by one is the subject of a
    # clause of its own ("Menurut Jamaluddin, Gubernur NTB telah mengimbau"), not NAME's office.
    predicate_starts: list[str] = field(default_factory=list)
    predicate_prefixes: list[str] = field(default_factory=list)  # verb prefixes: "me" (menunjuk), "ber"


@dataclass(kw_only=True, eq=False)
class StatusWords(Strict):
    past: list[str] = field(default_factory=list)
    background: list[str] = field(default_factory=list)
    # Words right after an act that make its object another one of the kind ("menerima tanda
    # kehormatan serupa"): the sentence is background too.
    other_instance: list[str] = field(default_factory=list)
    # Words that put a second act of a sentence before its first ("Selain meresmikan X, Jokowi
    # sebelumnya meresmikan Y di Z"), unless one of `earlier_not_after` opens them ("yang
    # sebelumnya menjabat": a former post). A place after them is not the first act's.
    earlier: list[str] = field(default_factory=list)
    earlier_not_after: list[str] = field(default_factory=list)
    irrealis: list[str] = field(default_factory=list)
    # Of the irrealis words, those that announce the act ahead ("akan dilantik besok"): a preview
    # of the event, whose other facts (offices, counts) are still facts.
    planned: list[str] = field(default_factory=list)
    concurrent: list[str] = field(default_factory=list)
    # Words before a number after an office that make it a numbered holder ("Presiden RI ke-5"):
    # the office of whoever held it then, not an office held now.
    numbered: list[str] = field(default_factory=list)
    # After "OFFICE, NAME,": the post named next is the one held now ("Kepala Bapenda Jatim, Bobby,
    # yang saat ini menjabat sebagai Kepala Bappeda"), so the office before the name was held before.
    now_holds: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class PhraseRules(Strict):
    prepositions: list[str] = field(default_factory=list)
    # Another language's building word before a name, as this language writes it after the name:
    # {"kantor": "office"} reads "Kantor KLHK" also as "KLHK office".
    building_word_after: dict[str, str] = field(default_factory=dict)
    # Words before those an act went to: a region named right after them is their home, not the
    # venue ("kepada 4 sekolah di Kota Depok").
    recipient_words: list[str] = field(default_factory=list)
    # Words that begin a street's name: an office after them names the street ("Jalan Gubernur Suryo").
    street_words: list[str] = field(default_factory=list)
    venue_words: list[str] = field(default_factory=list)
    building_words: list[str] = field(default_factory=list)
    relative_words: list[str] = field(default_factory=list)
    # Words that end the object of an act and begin its place or time ("inaugurated 916 regional
    # heads at Merdeka Palace"): what comes after them is not what the act was done to.
    object_ends: list[str] = field(default_factory=list)
    # A place phrase that starts with one of these names no venue ("di lingkungan Provinsi Riau"
    # = among the province's offices; "di hadapan Presiden" = before the President).
    not_venue_starts: list[str] = field(default_factory=list)
    # After a superlative the place is where something is the largest, not where the act is held
    # ("multievent terbesar di Jatim itu di Stadion Surajaya").
    not_venue_after: list[str] = field(default_factory=list)
    # Words that open a clause of what came before ("Usai menerima penghargaan, Gubernur ...
    # menjamu ... di Balai Kota"): a place after that clause's comma is the main clause's.
    before_clause_starts: list[str] = field(default_factory=list)
    # A category phrase that starts with one of these is no award's category: "meraih gelar
    # Diploma III" is a degree earned at school.
    not_category_starts: list[str] = field(default_factory=list)
    # Verbs of being known by a name: the words after "dikenal dengan gelar" are an epithet
    # ("Bapak Pembangunan"), not a category anyone conferred.
    known_as: list[str] = field(default_factory=list)
    # After a category, words that say no one received it ("kategori tokoh masyarakat tidak ada
    # calon yang memenuhi"): a category nobody won is no one's claim.
    none_given: list[str] = field(default_factory=list)
    # Markers that are also words of a body's name ("Dewan Gelar", "Tim Peneliti Pengkaji Gelar
    # Pusat"): after a capitalised word they mark no category.
    in_names: list[str] = field(default_factory=list)
    rank_words: list[str] = field(default_factory=list)
    any_case_markers: list[str] = field(default_factory=list)
    qualifier_words: list[str] = field(default_factory=list)
    connectors: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    stop_words: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class GrammarFile(Strict):
    signal_words: list[str]
    event_kinds: dict[str, EventKind]
    triggers: list[Trigger]
    receive_verbs: list[str] = field(default_factory=list)
    received_by_verbs: list[str] = field(default_factory=list)
    conferrer_verbs: list[str] = field(default_factory=list)
    event_nouns: list[str] = field(default_factory=list)
    noun_kinds: dict[str, str] = field(default_factory=dict)
    venue_verbs: list[str] = field(default_factory=list)
    award_nouns: list[str] = field(default_factory=list)
    # Words that end a capitalised run before an award's name: a headline's verb or list word
    # ("Gayo Lues Raih APBD Award 2023", "Daftar Lengkap Daerah Penerima APBD Award").
    award_name_breaks: list[str] = field(default_factory=list)
    # Verbs in the bare form headlines use ("Jokowi Ungkap Alasan Pilih ..."): never part of a name.
    headline_verbs: list[str] = field(default_factory=list)
    decree_nouns: list[str] = field(default_factory=list)
    doer_fillers: list[str] = field(default_factory=list)
    # Words that open a new clause with its own subject ("..., sedangkan Kota Samarinda memperoleh").
    clause_breaks: list[str] = field(default_factory=list)
    # Words that bring in a second act held at the same ceremony ("bersamaan dengan penganugerahan
    # gelar Pahlawan Nasional kepada empat tokoh"): what is counted after them is that act's.
    other_act_markers: list[str] = field(default_factory=list)
    # Verbs of declaring before a passive act: "X menyatakan Porprov VI resmi dibuka" - X did it.
    declaring_verbs: list[str] = field(default_factory=list)
    nickname_markers: list[str] = field(default_factory=list)
    # Verbs of saying: a date right after "ujar X, Rabu (24/4)" dates the statement, not the act.
    speech_verbs: list[str] = field(default_factory=list)
    # Words that open an enumeration ("berikut daftar", "yaitu"): what follows lists many.
    list_intros: list[str] = field(default_factory=list)
    # Words that date a document rather than the act ("Keppres ... tertanggal 6 November").
    document_date_words: list[str] = field(default_factory=list)
    # Words that date another matter in the act's sentence ("yang berakhir masa jabatannya pada 5 Juli").
    other_date_words: list[str] = field(default_factory=list)
    # Words that point back at the act just reported ("Upacara pada Kamis (28/11) itu"): a date
    # written with them is the act's date again, not another stage's.
    anaphora_words: list[str] = field(default_factory=list)
    markers: Markers = Markers()
    status: StatusWords = StatusWords()
    location: PhraseRules = PhraseRules()
    category: PhraseRules = PhraseRules()
    org_words: list[str] = field(default_factory=list)
    # Kinds of a thing built or opened, and its parts ("jalan tol", "jembatan", "seksi", "ruas"):
    # they say what was opened, not which one, so two openings sharing only them are two acts.
    object_kind_words: list[str] = field(default_factory=list)
    bare_name_blockers: list[str] = field(default_factory=list)
    not_names: list[str] = field(default_factory=list)
    # Endings that mark an inflected common word, never a name ("Rencananya", "Resmikan",
    # "Bersediakah"), for words of at least `not_name_ending_min` letters.
    not_name_endings: list[str] = field(default_factory=list)
    not_name_ending_min: int = 7
    # Whole words that are never a name, as regular expressions over the folded word:
    # nominalisations such as "Kehadiran", "Pergantian" open sentences and headlines in capitals.
    not_name_patterns: list[SafePattern] = field(default_factory=list)
    # Indonesian capitalises an office only as a title ("Gubernur Aceh", "Bupati Sleman"); in
    # lower case with no name ("33 gubernur", "dilantik bupati") it is a common noun, no one.
    lowercase_office_is_generic: bool = False
    # The region may stand before the office it qualifies ("East Kalimantan governor").
    region_before_office: bool = False
    # Words that count nothing alone: "112 kepala sekolah" and "sembilan kepala puskesmas"
    # count different people, so the word after them belongs to the unit.
    unit_heads: list[str] = field(default_factory=list)
    # Words that open the name of a team or staff named after the office it serves ("Tim
    # Komunikasi Presiden", "Staf Ahli Gubernur"): an office within two words after them is part of
    # that name, and the name after it is a member's, not the office holder's.
    unit_name_words: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class OfficeAliases(Strict):
    id: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class OfficeEntry(Strict):
    id: Annotated[str, Matches(r"[a-z0-9][a-z0-9-]*")]
    name: str
    en: str | None = None
    scope: Literal["national", "province", "regency", "city", "region", "unit", "org"]
    requires_unit: bool = False  # an office only when a unit follows it ("Kepala Balai ...")
    # A role that opens, swears in or hands over nothing itself (the First Lady): beside a doer
    # ("Presiden bersama Ibu Negara meresmikan"), its holder is company, not a second doer.
    companion: bool = False
    aliases: OfficeAliases = OfficeAliases()


@dataclass(kw_only=True, eq=False)
class ActingEntry(Strict):
    id: str
    name: str
    en: str | None = None
    aliases: OfficeAliases = OfficeAliases()
    held_beside: bool = False  # a duty held beside one's own post (Plt, Plh): it conflicts with no office
    # Offices of these scopes are kept by whoever is appointed to the acting seat: it conflicts
    # with none of them (a Dirjen or a provincial agency head made Pj Bupati keeps that post).
    beside_scopes: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class OfficesFile(Strict):
    offices: list[OfficeEntry]
    acting: list[ActingEntry] = field(default_factory=list)
    # Posts of these scopes (a party's chair, an organisation's head) are held beside a post in
    # government: a minister who chairs a party holds two offices, and neither report is wrong.
    held_beside_scopes: list[str] = field(default_factory=list)
    # A deputy's office id is its head's with this prefix ("wakil-bupati" of "bupati").
    deputy_prefix: str | None = None


@dataclass(kw_only=True, eq=False)
class Province(Strict):
    name: str
    aliases: list[str] = field(default_factory=list)
    capital: str | None = None
    regencies: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class RegionsFile(Strict):
    provinces: list[Province]
    city_aliases: dict[str, str] = field(default_factory=dict)
    # A compass word that ends a regency's or city's name, as English writes it before the name.
    english_compass: dict[str, str] = field(default_factory=dict)


@dataclass(kw_only=True, eq=False)
class CountriesFile(Strict):
    # Each entry: the spellings of one country, the first naming it ("Filipina", "Philippines").
    countries: list[Annotated[list[str], Length(1)]] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class Venue(Strict):
    name: str
    aliases: list[str] = field(default_factory=list)
    city: str | None = None
    part_of: str | None = None


@dataclass(kw_only=True, eq=False)
class VenuesFile(Strict):
    venues: list[Venue] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class NamesFile(Strict):
    expansions: dict[str, str] = field(default_factory=dict)
    prefixes: list[str] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    particles: list[str] = field(default_factory=list)
    # First names that a second mention may leave out ("Muhammad Tito Karnavian", then "Tito
    # Karnavian"). Any other first name before a whole name makes another person: the wife named
    # after her husband ("Iriana Joko Widodo" beside "Joko Widodo").
    droppable_first_names: list[str] = field(default_factory=list)


@dataclass(kw_only=True, eq=False)
class UnitsFile(Strict):
    expansions: dict[str, str] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # one-word names of organisations, read like unit words


# ---- compiled forms ------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase and unify apostrophes and dashes, so that Ma'ruf = Ma’ruf."""
    return text.replace("’", "'").replace("‘", "'").replace("`", "'").replace("–", "-").replace("—", "-").lower()


def fold_phrase(text: str) -> str:
    """`fold` with every run of whitespace (tabs, no-break spaces, doubled spaces) as one space:
    the key under which a matched phrase is looked up again."""
    return " ".join(fold(text).split())


# re.escape's characters, and a space for any run of whitespace.
_ESCAPE = str.maketrans({**{c: "\\" + c for c in "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}, " ": r"\s+"})


def alternation(words: list[str] | set[str] | tuple[str, ...], ignore_case: bool = True) -> str:
    """A regex matching any of the literal phrases, preferring the longest, with spaces matching
    any whitespace. Built as a trie ("Wakil (?:Gubernur|Presiden)") so that a lexicon of a
    thousand aliases is matched in one pass instead of trying each alias in turn."""
    listed = sorted(w for w in words if w)

    def build() -> str:
        phrases = sorted({re.sub(r"\s+", " ", w.lower() if ignore_case else w) for w in listed})
        return _trie_pattern(phrases) or r"(?!x)x"

    return patterns.STORE.alternation([str(ignore_case), *listed], build)


def _trie_pattern(suffixes: list[str]) -> str:
    """The trie of sorted, distinct suffixes ("" first when one phrase ends here), walked a run
    of shared characters at a time rather than node by node: it is built on every start-up."""
    ends_here = bool(suffixes) and suffixes[0] == ""
    rest = suffixes[1:] if ends_here else suffixes
    branches = []
    start = 0
    while start < len(rest):
        stop = start + 1
        while stop < len(rest) and rest[stop][0] == rest[start][0]:
            stop += 1
        group = rest[start:stop]
        shared = os.path.commonprefix(group)
        branches.append(shared.translate(_ESCAPE) + _trie_pattern([w[len(shared):] for w in group]))
        start = stop
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def phrase_re(words: list[str] | set[str], flags: int = re.IGNORECASE, not_after: list[str] | None = None) -> re.Pattern[str]:
    """Any of the phrases as whole words; `not_after`: words that may not stand just before it."""
    unless = "".join(rf"(?<!{re.escape(w)}\s)" for w in not_after or [])
    return patterns.compile(rf"{unless}(?<![\w'’])(?:{alternation(words)})(?![\w'’])", flags)


COUNTRY = "country:"  # the jurisdiction of another country's office ("Presiden Filipina")


def is_foreign(jurisdiction: str | None) -> bool:
    """An office of another country: never the same as Indonesia's office written alone."""
    return bool(jurisdiction and jurisdiction.startswith(COUNTRY))


class Pack:
    """One language: its calendar, numbers, noise and grammar. Its patterns are compiled on first
    use, so that a run over Indonesian text never pays for compiling the English ones."""

    def __init__(self, code: str, folder: Path):
        self.code = code
        self.calendar = load_model(folder / "calendar.yaml", CalendarFile)
        self.numbers = load_model(folder / "numbers.yaml", NumbersFile)
        self.noise = load_model(folder / "noise.yaml", NoiseFile)
        self.grammar = load_model(folder / "grammar.yaml", GrammarFile)
        g = self.grammar
        self.weekday_index = {fold(w): i for i, names in enumerate(self.calendar.weekdays) for w in names}
        self.month_index = {fold(m): i + 1 for i, names in enumerate(self.calendar.months) for m in names}
        self.relative_index = {fold_phrase(k): days for k, days in self.calendar.relative_days.items()}
        self.signal_words = frozenset(g.signal_words)
        self.trigger_of = {fold(w): t for t in g.triggers for w in t.words}
        self.trigger_not_objects = {fold(w): frozenset(fold(o) for o in t.not_objects) for t in g.triggers for w in t.words}
        self.received_by = frozenset(fold(w) for w in g.received_by_verbs)
        self.rank_words = frozenset(fold(w) for w in g.category.rank_words)
        self.noun_kinds = {fold(k): v for k, v in g.noun_kinds.items()}
        self.category_markers = frozenset(fold(w) for w in g.category.markers if " " not in w)
        self.any_case_markers = frozenset(fold(w) for w in g.category.any_case_markers)
        self.not_category_starts = frozenset(fold(w) for w in g.category.not_category_starts)
        self.known_as_words = frozenset(fold(w) for w in g.category.known_as)
        self.category_in_names = frozenset(fold(w) for w in g.category.in_names)
        self.award_noun_words = frozenset(fold(w) for w in g.award_nouns if " " not in w)
        self.award_name_breaks = frozenset(fold(w) for w in g.award_name_breaks)
        self.award_noun_phrases = tuple(fold(w) for w in g.award_nouns if " " in w)
        self.object_ends = frozenset(fold(w) for w in g.location.object_ends)
        self.not_venue_starts = frozenset(fold(w) for w in g.location.not_venue_starts)
        self.not_venue_after = frozenset(fold(w) for w in g.location.not_venue_after)
        self.building_words = frozenset(fold(w) for w in g.location.building_words)
        self.location_stop = frozenset(fold(w) for w in g.location.stop_words)
        self.location_connectors = [fold(w) for w in g.location.connectors]
        self.before_clause_re = patterns.compile(rf"\W*(?:{alternation(g.location.before_clause_starts)})(?![\w'’])",
                                                 re.IGNORECASE) if g.location.before_clause_starts else None
        self.category_stop = frozenset(fold(w) for w in g.category.stop_words)
        self.none_given_re = phrase_re(g.category.none_given) if g.category.none_given else None
        self.org_words = frozenset(fold(w) for w in g.org_words)
        self.unit_name_words = frozenset(fold(w) for w in g.unit_name_words)
        self.bare_name_blockers = frozenset(fold(w) for w in g.bare_name_blockers)
        self.not_names = frozenset(fold(w) for w in g.not_names) | self.org_words
        self.abbreviations = frozenset(fold(w) for w in g.abbreviations)
        self.others = frozenset(fold(w) for w in self.numbers.others)
        self.not_counted = frozenset(fold(w) for w in self.numbers.not_counted)
        self.not_counted_anywhere = frozenset(fold(w) for w in self.numbers.not_counted_anywhere)
        self.classifiers = frozenset(fold(w) for w in self.numbers.classifiers)
        self.classifier_ends = self.signal_words | frozenset(fold(w) for w in self.numbers.classifier_ends)
        self.doer_fillers = frozenset(fold(w) for w in g.doer_fillers)
        self.measures = {fold(k): v for k, v in self.numbers.measures.items()}
        self.measure_names = frozenset(self.measures.values())
        self.unit_class = {fold(w): name for name, words in self.numbers.unit_classes.items() for w in words}
        self._compiled = False

    def __getattr__(self, name: str) -> object:
        # Called only for a missing attribute: the compiled patterns, before their first use.
        if name.startswith("__") or self.__dict__.get("_compiled", True):
            raise AttributeError(name)
        self._compile()
        return getattr(self, name)

    def _compile(self) -> None:
        self._compiled = True
        g = self.grammar
        self.trigger_re = phrase_re([w for t in g.triggers for w in t.words])
        objects = [o for t in g.triggers for o in t.objects]
        self.trigger_object_re = phrase_re(objects) if objects else None
        self.receive_re = phrase_re(g.receive_verbs + g.received_by_verbs)
        self.conferrer_verb_re = phrase_re(g.conferrer_verbs)
        self.event_noun_re = phrase_re(g.event_nouns + list(g.noun_kinds))
        self.venue_verb_re = phrase_re(g.venue_verbs)
        self.recipient_place_re = phrase_re(g.location.recipient_words) if g.location.recipient_words else None
        self.award_noun_re = phrase_re(g.award_nouns)
        self.decree_noun_re = phrase_re(g.decree_nouns)
        roles = ((f.name, getattr(g.markers, f.name)) for f in fields(g.markers))
        self.marker_res = {role: phrase_re(words) for role, words in roles if words}
        joint = self.marker_res.get("joint")
        # Between two names of one list ("A dan B", "A, serta B"), and after an office the list goes
        # on from ("..., Menteri PUPR, dan para anggota ...").
        self.joint_gap_re = patterns.compile(rf"\s*,?\s*(?:{joint.pattern})\s*", re.IGNORECASE) if joint else None
        self.joint_after_re = patterns.compile(rf"\s*,\s*(?:{joint.pattern})(?![\w])", re.IGNORECASE) if joint else None
        # "NAME, OFFICE", "NAME (OFFICE)", "NAME selaku OFFICE", "NAME yang menjabat OFFICE": a name before its office.
        appositions = alternation(g.markers.apposition) if g.markers.apposition else r"(?!x)x"
        articles = rf"(?:(?:{alternation(g.markers.articles)})\s+)?" if g.markers.articles else ""
        self.left_apposition_re = patterns.compile(
            rf"(?:(?:,|\()\s*{articles}|(?<![\w'’])(?:{appositions})\s*{articles})\s*$", re.IGNORECASE)
        self.past_re = phrase_re(g.status.past)
        self.now_holds_re = patterns.compile(rf"\s*,?\s*(?:{alternation(g.status.now_holds)})(?![\w'’])", re.IGNORECASE) \
            if g.status.now_holds else None
        self.numbered_re = patterns.compile(rf"\s*(?:{alternation(g.status.numbered)})\s*\d+(?!\w)", re.IGNORECASE) \
            if g.status.numbered else None
        self.irrealis_re = phrase_re(g.status.irrealis)
        # A preview says the act is to come, and nothing that puts it off or calls it off ("batal", "semula").
        self.planned_re = phrase_re(g.status.planned) if g.status.planned else None
        unplanned = [w for w in g.status.irrealis if w not in g.status.planned]
        self.unplanned_re = phrase_re(unplanned) if unplanned else None
        never = patterns.compile(r"(?!x)x")
        self.predicate_start_re = patterns.compile(
            rf"\s+(?:{alternation(g.markers.predicate_starts)})(?![\w'’])") if g.markers.predicate_starts else never
        # A lowercase word with a verb prefix ("NAME, Kapolri menunjuk ..."): after a comma, the
        # office before it is a new clause's subject, not an apposition of the name.
        prefixes = "|".join(re.escape(p) for p in g.markers.predicate_prefixes)
        self.verb_after_re = patterns.compile(rf"\s+(?:{prefixes})[a-z]{{3,}}(?![\w'’])") if prefixes else never
        self.speech_tail_re = patterns.compile(rf"(?<![\w'’])(?:{alternation(g.speech_verbs)})(?![\w'’])[^.!?\"“”]{{0,80}}$",
                                         re.IGNORECASE) if g.speech_verbs else never
        self.list_intro_re = phrase_re(g.list_intros) if g.list_intros else never
        self.anaphora_re = patterns.compile(rf"\W{{0,3}}(?:{alternation(g.anaphora_words)})(?![\w'’])",
                                      re.IGNORECASE) if g.anaphora_words else never
        self.other_date_re = patterns.compile(
            # Up to three words between, a hyphenated name counting as one ("periode Murad-Orno, 24 April").
            rf"(?<![\w'’])(?:{alternation(g.other_date_words)})(?![\w'’])\W*(?:\w+(?:-\w+)*\W+){{0,3}}$",
            re.IGNORECASE) if g.other_date_words else never
        self.document_date_re = patterns.compile(
            rf"(?<![\w'’])(?:{alternation(g.document_date_words)})(?![\w'’])\W*(?:\w+\W+){{0,2}}$",
            re.IGNORECASE) if g.document_date_words else never
        self.concurrent_re = phrase_re(g.status.concurrent)
        self.background_re = phrase_re(g.status.background)
        self.other_instance_re = phrase_re(g.status.other_instance) if g.status.other_instance else None
        self.earlier_re = phrase_re(g.status.earlier, not_after=g.status.earlier_not_after) if g.status.earlier else None
        self.location_prep_re = phrase_re(g.location.prepositions, 0)
        self.relative_re = phrase_re(g.location.relative_words, 0)
        self.category_re = phrase_re(g.category.markers)
        self.other_act_re = phrase_re(g.other_act_markers) if g.other_act_markers else None
        # Words break a clause as words, marks (";") wherever they stand.
        breaks = [w for w in g.clause_breaks if w[:1].isalnum()]
        marks = [w for w in g.clause_breaks if not w[:1].isalnum()]
        self.clause_break_re = patterns.compile("|".join(
            ([rf"(?<![\w'’])(?:{alternation(breaks)})(?![\w'’])"] if breaks else [])
            + ([alternation(marks)] if marks else [])) or r"(?!x)x", re.IGNORECASE)
        self.declare_re = phrase_re(g.declaring_verbs) if g.declaring_verbs else None
        self.approx_re = phrase_re(self.numbers.approximate)
        self.share_re = phrase_re(self.numbers.share_words) if self.numbers.share_words else None
        self.size_word_re = patterns.compile(rf"(?<![\w'’])(?:{alternation(self.numbers.size_words)})\s*:?\s*$",
                                             re.IGNORECASE) if self.numbers.size_words else None
        self.size_kind_of = {fold(w): kind for kind, words in self.numbers.size_kinds.items() for w in words}
        words = alternation(self.numbers.not_a_count_before) if self.numbers.not_a_count_before else None
        self.not_a_count_re = patterns.compile(rf"(?<![\w'’])(?:{words})\s*:?\s*$", re.IGNORECASE) if words else None
        nicknames = alternation(g.nickname_markers)
        self.nickname_re = patterns.compile(rf"^[\s,]*(?:{nicknames})[\s,]*$", re.IGNORECASE) if g.nickname_markers else None

    def kind(self, name: str) -> EventKind:
        return self.grammar.event_kinds.get(name, EventKind())


class Lexicon:
    """The shared lexicons and every language pack under one rules folder."""

    def __init__(self, rules_dir: Path, languages: tuple[str, ...] = ()):
        self.rules_dir = rules_dir
        lang_dir = rules_dir / "lang"
        if not lang_dir.is_dir():
            raise DataFileError(lang_dir, None, "no language packs: expected folders like rules/lang/id/")
        available = sorted(d.name for d in lang_dir.iterdir() if d.is_dir())
        unknown = [code for code in languages if code not in available]
        if unknown:
            raise DataFileError(lang_dir, None, f"no language pack for {', '.join(unknown)} (there are: {', '.join(available)})")
        self.packs = {code: Pack(code, lang_dir / code) for code in available if not languages or code in languages}
        lex = rules_dir / "lexicon"
        self.offices = load_model(lex / "offices.yaml", OfficesFile)
        self.regions = load_model(lex / "regions.yaml", RegionsFile)
        venues_path = lex / "venues.yaml"
        self.venues = load_model(venues_path, VenuesFile) if venues_path.exists() else VenuesFile()
        countries_path = lex / "countries.yaml"
        self.countries = load_model(countries_path, CountriesFile) if countries_path.exists() else CountriesFile()
        self.names = load_model(lex / "names.yaml", NamesFile)
        self.units = load_model(lex / "units.yaml", UnitsFile)
        self._compile()

    def _compile(self) -> None:
        # Offices: every alias of every language points to its entry.
        self.office_by_alias: dict[str, OfficeEntry] = {}
        for office in self.offices.offices:
            for alias in [office.name, *office.aliases.id, *office.aliases.en]:
                self.office_by_alias.setdefault(fold(alias), office)
        self.office_by_id = {o.id: o for o in self.offices.offices}
        self.national_seats = frozenset(o.id for o in self.offices.offices if o.scope == "national")
        self.companion_offices = frozenset(o.id for o in self.offices.offices if o.companion)
        # Words that make an office another one when written before it: the deputy's and the acting ones.
        self.office_qualifiers = frozenset(
            [fold(self.offices.deputy_prefix.rstrip("-"))] if self.offices.deputy_prefix else []) | frozenset(
            fold(a) for act in self.offices.acting for a in [act.name, *act.aliases.id, *act.aliases.en] if " " not in a)
        prefix, ids = self.offices.deputy_prefix, {o.id for o in self.offices.offices}
        # (deputy, head) office ids: "wakil-gubernur" and "gubernur"
        self.deputy_pairs = frozenset((i, i[len(prefix):]) for i in ids if prefix and i.startswith(prefix) and i[len(prefix):] in ids)
        self.person_measures = frozenset(m for pack in self.packs.values() for m in pack.numbers.person_measures)
        self.size_measures = frozenset(m for pack in self.packs.values() for m in pack.numbers.sizes)
        self.acting_beside = frozenset(a.id for a in self.offices.acting if a.held_beside)
        self.acting_beside_scopes = {a.id: frozenset(a.beside_scopes) for a in self.offices.acting if a.beside_scopes}
        self.scopes_beside = frozenset(self.offices.held_beside_scopes)
        self.acting_by_alias = {
            fold(a): act.id for act in self.offices.acting for a in [act.name, *act.aliases.id, *act.aliases.en]
        }
        self._office_res: dict[str, re.Pattern[str]] = {}
        # Regions: names and aliases to a canonical id; a city also knows its province.
        self.region_by_name: dict[str, str] = {}
        self.region_parent: dict[str, str] = {}
        self.region_display: dict[str, str] = {}
        # A province's names, for an office of a province: "Gubernur Yogyakarta" is DIY's governor,
        # although a bare "Yogyakarta" is the city.
        self.province_by_name: dict[str, str] = {}
        english: list[tuple[str, str]] = []
        for prov in self.regions.provinces:
            pid = "prov:" + fold(prov.name)
            self.region_display[pid] = prov.name
            for alias in [prov.name, *prov.aliases]:
                self.region_by_name.setdefault(fold(alias), pid)
                self.province_by_name.setdefault(fold(alias), pid)
            for kind, names in (("kab", prov.regencies), ("kota", prov.cities)):
                for name in names:
                    rid = f"{kind}:{fold(name)}"
                    self.region_parent[rid] = pid
                    self.region_display[rid] = name
                    # A bare name prefers the kota (cities are named more often in datelines).
                    if kind == "kota" or fold(name) not in self.region_by_name:
                        self.region_by_name[fold(name)] = rid
                    english.append((name, rid))
        for name, rid in english:  # "South Lampung" for Lampung Selatan, after every name written as it is
            for suffix, word in self.regions.english_compass.items():
                if name.endswith(" " + suffix) and len(name) > len(suffix) + 1:
                    self.region_by_name.setdefault(fold(f"{word} {name[:-len(suffix) - 1]}"), rid)
        for alias, target in self.regions.city_aliases.items():
            known = self.region_by_name.get(fold(target))
            if known:
                self.region_by_name.setdefault(fold(alias), known)
        levels = ["Provinsi", r"Prov\.", "Kabupaten", r"Kab\.", "Kota Administrasi", "Kota", "Pemkab", "Pemkot", "Pemprov",
                  "Pemerintah Kabupaten", "Pemerintah Kota", "Pemerintah Provinsi"]
        region_prefix = rf"(?:(?P<level>{'|'.join(levels)})(?:\s*\([^()\n]{{1,20}}\))?\s+)?"
        self.region_re = patterns.compile(
            rf"(?<![\w'’]){region_prefix}(?P<name>{alternation(list(self.region_by_name))})(?![\w'’])",
            re.IGNORECASE,
        )
        # Other countries, after a national office ("Presiden Filipina Rodrigo Duterte"): that
        # office's jurisdiction, so that the country is no part of the name and its president is
        # not Indonesia's.
        self.country_by_name = {fold(name): COUNTRY + fold(spellings[0])
                                for spellings in self.countries.countries for name in spellings}
        self.country_re = patterns.compile(
            rf"\s+(?:of\s+(?:the\s+)?)?(?P<name>{alternation(list(self.country_by_name))})(?![\w'’])",
            re.IGNORECASE) if self.country_by_name else None
        # Venues: names and aliases to the canonical venue and the chain of venues containing it.
        self.venue_by_name: dict[str, str] = {}
        parent: dict[str, str] = {}
        # "Kantor KLHK" as English writes it: "the KLHK office" (each pack's building words, after the name).
        after = {fold(k): fold(v) for p in self.packs.values() for k, v in p.grammar.location.building_word_after.items()}
        for venue in self.venues.venues:
            for alias in [venue.name, *venue.aliases]:
                self.venue_by_name.setdefault(fold(alias), fold(venue.name))
                head, _, rest = fold(alias).partition(" ")
                if head in after and rest:
                    self.venue_by_name.setdefault(f"{rest} {after[head]}", fold(venue.name))
            if venue.part_of:
                parent[fold(venue.name)] = fold(venue.part_of)
        self.venue_parent = parent
        self.venue_re = patterns.compile(
            rf"(?<![\w'’])(?:{alternation(list(self.venue_by_name))})(?![\w'’])", re.IGNORECASE
        )
        self.acting_canonical = {
            fold(a): fold(act.name) for act in self.offices.acting for a in [act.name, *act.aliases.id, *act.aliases.en]
        }
        self.venue_words = frozenset(fold(w) for p in self.packs.values() for w in p.grammar.location.venue_words)
        self.building_words = frozenset(fold(w) for p in self.packs.values() for w in p.grammar.location.building_words)
        self.street_words = frozenset(fold(w) for p in self.packs.values() for w in p.grammar.location.street_words)
        self.place_name_words = self.building_words | self.street_words  # an office after one names the place
        self.object_kind_words = frozenset(fold(w) for p in self.packs.values() for w in p.grammar.object_kind_words)
        self.name_prefixes = frozenset(self.names.prefixes)
        self.droppable_first_names = frozenset(self.names.droppable_first_names)
        self.name_ranks = frozenset(self.names.ranks)
        self.name_degrees = frozenset(self.names.degrees)
        self.name_particles = frozenset(self.names.particles)
        self.name_expansions = {fold(k): fold(v) for k, v in self.names.expansions.items()}
        self.unit_words = frozenset(fold(w) for w in (*self.units.words, *self.units.organisations))
        # Words of an object's name that say what kind it is, not which one (group.org_words).
        self.generic_object_words = self.unit_words | self.building_words | self.venue_words | self.object_kind_words
        self.category_qualifiers = frozenset(fold(w) for p in self.packs.values() for w in p.grammar.category.qualifier_words)
        self._long_unit_words = tuple(sorted(w for w in self.unit_words if len(w) >= 6))
        self.word_expansions = {fold(k): fold(v) for k, v in self.units.expansions.items()}

    def office_re(self, code: str) -> re.Pattern[str]:
        """The office pattern of one language (English "Mayor" is an Indonesian army rank), compiled
        when a text in that language first needs it."""
        if code not in self._office_res:
            offices = [a for o in self.offices.offices for a in self._aliases(o, code)]
            acting = alternation([a for act in self.offices.acting for a in self._aliases(act, code)])
            paren = r"(?:\s*\([^()\n]{1,40}\))?"
            self._office_res[code] = patterns.compile(
                # "Pj Bupati", "Pj. Bupati" and "Pj.Bupati" alike.
                rf"(?<![\w'’])(?:(?P<acting>{acting}){paren}(?:\s+|\.\s*))?(?P<office>{alternation(offices)})(?![\w'’]){paren}",
                re.IGNORECASE,
            )
        return self._office_res[code]

    @staticmethod
    def _aliases(entry: OfficeEntry | ActingEntry, code: str) -> list[str]:
        """Indonesian forms are read in every language; other forms only in their own."""
        forms = [entry.name, *entry.aliases.id]
        if code != "id":
            forms += getattr(entry.aliases, code, [])
        return forms

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one lexicon per process
    def is_unit_word(self, token: str) -> bool:
        """A word of a unit name, or a derived form of one ("Kepariwisataan", "Kebudayaan")."""
        word = fold(token.rstrip(".,"))
        if word in self.unit_words:
            return True
        return len(word) >= 9 and any(len(u) >= 6 and u in word for u in self._long_unit_words)

    def kind_names_object(self, kind: str) -> bool:
        """Is an event of this kind told apart by what it is about (an opening by what is opened)?"""
        return any(pack.kind(kind).names_object for pack in self.packs.values())

    def region_id(self, name: str, level: str | None = None) -> str | None:
        rid = self.region_by_name.get(fold(re.sub(r"\s+", " ", name.strip())))
        if rid is None or level is None:
            return rid
        level = fold(level)
        want = "kab" if "kab" in level else "kota" if "kot" in level else "prov" if "prov" in level else None
        if want == "prov" and not rid.startswith("prov:"):
            return self.province_by_name.get(fold(re.sub(r"\s+", " ", name.strip())), rid)
        if want and not rid.startswith(want + ":"):
            alt = f"{want}:{rid.split(':', 1)[1]}" if want != "prov" else None
            if alt and alt in self.region_parent:
                return alt
        return rid

    def region_chain(self, rid: str) -> set[str]:
        """The region and every region that contains it."""
        chain = {rid}
        while rid in self.region_parent:
            rid = self.region_parent[rid]
            chain.add(rid)
        return chain

    def venue_chain(self, venue: str) -> set[str]:
        chain = {venue}
        while venue in self.venue_parent and self.venue_parent[venue] not in chain:
            venue = self.venue_parent[venue]
            chain.add(venue)
        return chain


@functools.lru_cache(maxsize=4)
def load_lexicon(rules_dir: Path = RULES_DIR, languages: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon(rules_dir, languages)
