"""Stage 4, normalise: decide when two normalised values say the same thing. Names match token
by token (initials, spelling variants), offices by canonical id and jurisdiction, venues by
containment (hall in building in city), categories by their words."""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from . import patterns
from .extract.people import name_match
from .lexicon import Lexicon, fold, is_foreign


def person_key(value: str) -> tuple[str, ...]:
    return tuple(value.split(":", 1)[1].split()) if value.startswith("person:") else ()


def same_person_value(a: str, b: str, office_a: str | None = None, office_b: str | None = None,
                      lexicon: Lexicon | None = None) -> bool:
    """Presenter values: "person:tito karnavian" or "office:<office key>" when unnamed. Two
    names that share a word and hold the same office at the same time are one person written
    two ways ("I Gusti Ayu Bintang Darmawati" / "Bintang Puspayoga", both Menteri PPPA)."""
    if a == b:
        return True
    # "Gubernur Kepulauan Riau" unnamed, and a named governor of Kepulauan Riau: one seat, one holder.
    for unnamed, other_office in ((a, office_b), (b, office_a)):
        if unnamed.startswith("office:") and other_office and offices_compatible(unnamed[len("office:"):], other_office):
            return True
    ka, kb = person_key(a), person_key(b)
    if office_a and office_a == office_b and lexicon is not None and (len(ka) == 1 or len(kb) == 1):
        office = lexicon.office_by_id.get(OfficeKey.parse(office_a).id)
        if office is not None and office.scope == "national" and not OfficeKey.parse(office_a).acting:
            return True  # one seat in the country, one side a short name: "Presiden Jokowi"
    if ka and kb:
        if name_match(ka, kb):
            return True
        shares_word = bool({t for t in ka if len(t) > 2} & {t for t in kb if len(t) > 2})
        # A one-word short form that begins a word of the other name ("Risma" / "Tri Rismaharini").
        short_form = any(len(short) == 1 and len(short[0]) >= 4 and any(t.startswith(short[0]) for t in full)
                         for short, full in ((ka, kb), (kb, ka)))
        return (shares_word or short_form or _near_words(ka, kb)) and office_a is not None and office_b is not None and \
            offices_compatible(office_a, office_b)
    return False


def _near_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A long word of one name a letter or so off a word of the other ("Kelake" / "Kalake"): with
    the same office, one person misspelt."""
    from rapidfuzz.distance import OSA  # lazy: only a pair of differing names needs it

    return any(len(x) >= 5 and len(y) >= 5 and OSA.normalized_similarity(x, y) >= 0.8 for x in a for y in b)


@dataclass(frozen=True)
class OfficeKey:
    acting: str
    id: str
    jurisdiction: str

    @classmethod
    def parse(cls, key: str) -> OfficeKey:
        acting, office, jurisdiction = (key.split(":", 2) + ["", ""])[:3]
        return cls(acting, office, jurisdiction)


FIGURE = patterns.compile(r"\d[\d.,]*")


def same_figure(a: str, b: str) -> bool:
    """"1,57" and "1,57 triliun rupiah": one figure, once with its scale word and once without."""
    fa, fb = FIGURE.search(a), FIGURE.search(b)
    return bool(fa and fb and fa.group(0).rstrip(".,") == fb.group(0).rstrip(".,"))


def looks_like_slip(a: float, b: float) -> bool:
    """Could one figure be the other mistyped? One apart ("sembilan" / "sepuluh"), or, from 10
    up, digits that differ by one swap of neighbours, one changed, one added or one dropped
    (873 / 837, 4.500 / 4.200). Figures further apart usually count different things."""
    if abs(a - b) == 1:
        return True
    if a < 10 and b < 10:
        return False  # "dua" and "tujuh" perwira: small counts slip by one, else they count other things
    x, y = (format(v, "f").rstrip("0").rstrip(".").replace(".", "") for v in (a, b))
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])
    short, long_ = sorted((x, y), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def offices_exclusive(a: str, b: str, lexicon: Lexicon) -> bool:
    """Can the two offices not be held at once? A duty held beside one's own post (Plt, Plh),
    a post in a party or organisation, and an acting head's seat beside the central post its
    holder keeps (a Dirjen as Pj Gubernur) sit beside another office."""
    x, y = OfficeKey.parse(a), OfficeKey.parse(b)
    if x.acting in lexicon.acting_beside or y.acting in lexicon.acting_beside:
        return False
    if _abbreviates(x, y, lexicon) or _abbreviates(y, x, lexicon):
        return False  # "Kepala DLH Sultra" is the "kepala Dinas Lingkungan Hidup (DLH) Sultra"
    scopes = {office.scope if (office := lexicon.office_by_id.get(k.id)) else "" for k in (x, y)}
    if x.id != y.id:
        for acting, other in ((x, y), (y, x)):
            other_office = lexicon.office_by_id.get(other.id)
            if not other.acting and other_office and other_office.scope in lexicon.acting_beside_scopes.get(acting.acting, ()):
                return False
    return not (scopes & lexicon.scopes_beside) or len(scopes) == 1


def head_and_deputy(a: str, b: str, lexicon: Lexicon) -> bool:
    """Are the two offices one seat's head and its deputy ("Gubernur Riau", "Wakil Gubernur Riau")?"""
    x, y = OfficeKey.parse(a), OfficeKey.parse(b)
    seat = not x.jurisdiction or not y.jurisdiction or x.jurisdiction == y.jurisdiction
    return seat and not (x.acting or y.acting) and ((x.id, y.id) in lexicon.deputy_pairs or (y.id, x.id) in lexicon.deputy_pairs)


def offices_compatible(a: str, b: str) -> bool:
    """One office written two ways: same id, same acting status, jurisdictions that agree
    (one may be left out; unit names agree when they share a word)."""
    x, y = OfficeKey.parse(a), OfficeKey.parse(b)
    if x.id != y.id or x.acting != y.acting:
        return False
    if x.jurisdiction == y.jurisdiction:
        return True
    if is_foreign(x.jurisdiction) or is_foreign(y.jurisdiction):
        return False  # a national office left without a country is Indonesia's
    if not x.jurisdiction or not y.jurisdiction:
        return True
    unit_x, _, region_x = x.jurisdiction.partition("@")
    unit_y, _, region_y = y.jurisdiction.partition("@")
    if (":" in unit_x or ":" in unit_y) and "@" not in x.jurisdiction + y.jurisdiction:
        return False  # two different regions: kab:tangerang / kab:serang
    if region_x and region_y and region_x != region_y:
        return False
    # Units ("hukum setjen kemendagri" / "hukum kemendagri") agree when they share a word, or
    # when one is the other's initials ("sda" / "sumber daya air kementerian pupr").
    if not unit_x or not unit_y or set(unit_x.split()) & set(unit_y.split()):
        return True
    return _initials_of(unit_x, unit_y) or _initials_of(unit_y, unit_x)


def _abbreviates(short: OfficeKey, full: OfficeKey, lexicon: Lexicon) -> bool:
    """Is one office's unit the initials of the other's office and unit ("dlh" for Kepala Dinas
    Lingkungan Hidup), in the same region?"""
    unit, _, region = short.jurisdiction.partition("@")
    full_unit, _, full_region = full.jurisdiction.partition("@")
    office = lexicon.office_by_id.get(full.id)
    if not unit or " " in unit or not full_unit or office is None or (region and full_region and region != full_region):
        return False
    return _initials_of(unit, f"{fold(office.name)} {full_unit}")


def _initials_of(short: str, long: str) -> bool:
    words = long.split()
    return len(short) >= 2 and " " not in short and any(
        "".join(w[0] for w in words[i:i + len(short)]) == short for i in range(len(words) - len(short) + 1))


def text_tokens(value: str, expansions: dict[str, str] | None = None) -> frozenset[str]:
    words = [t for t in re.split(r"[\s/,-]+", fold(value)) if t]
    if expansions:
        words = [w for t in words for w in expansions.get(t, t).split()]
    return frozenset(words)


RANK = patterns.compile(r"^(?:[ivx]+|\d+)$")


def texts_compatible(a: str, b: str, qualifiers: frozenset[str] = frozenset(),
                     expansions: dict[str, str] | None = None) -> bool:
    """Equal wording, or one wording inside the other ("Kota Metropolitan" / "pada kategori Kota
    Metropolitan"); ranks ("Terbaik I" / "Terbaik II" / "Terbaik") must agree."""
    x, y = text_tokens(a, expansions), text_tokens(b, expansions)
    if {t for t in x if RANK.match(t) or t in qualifiers} != {t for t in y if RANK.match(t) or t in qualifiers}:
        return False
    # Forms of one word ("Pelestari" / "Pelestarian") count as that word, and so does a long word
    # with one letter off ("Pahlawan Masional").
    x = frozenset(next((u for u in y if _same_stem(t, u)), _spelled_as(t, y)) for t in x)
    return x <= y or y <= x


def _same_stem(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 3


@dataclass(frozen=True)
class Place:
    venues: frozenset[str]  # canonical venues from the gazetteer, with the venues that contain them
    named: tuple[frozenset[str], ...]  # other venue parts: their distinctive words
    regions: frozenset[str]  # region ids with the regions that contain them
    # The words of a street written beside a named venue: they neither place nor part it, but a
    # building named after its street ("Gedung Indrapura DPRD" on Jalan Indrapura) is that one.
    street_words: frozenset[str] = frozenset()

    @property
    def has_venue(self) -> bool:
        return bool(self.venues or self.named)


ENGLISH_LEVELS = {"regency": "Kabupaten", "city": "Kota", "province": "Provinsi"}
ENGLISH_LEVEL_AFTER = patterns.compile(r"(?i)\s+(regency|city|province)$")


@functools.lru_cache(maxsize=4096)
def parse_place(phrase: str, lexicon: Lexicon) -> Place:
    venues: set[str] = set()
    named: list[frozenset[str]] = []
    regions: set[str] = set()
    parts = [p.strip() for p in re.split(r",|\s+(?:di|in|at|dalam)\s+|\(|\)", phrase) if p.strip()]
    streets = [p for p in parts if re.match(r"(?i)^(?:kawasan\s+)?(jalan|jl\.?|jln\.?)\s", p)]
    street_words: set[str] = set()
    for part in parts:
        part = re.sub(r"(?i)^the\s+", "", part)  # "in the East Java capital of Surabaya": the article names nothing
        if part in streets and len(streets) < len(parts):
            street_words |= set(_place_words(part)[1:])  # a street beside a named venue neither confirms nor contradicts it
            continue
        venue = lexicon.venue_re.search(part)
        if venue:
            for v in lexicon.venue_chain(lexicon.venue_by_name[fold(" ".join(venue.group(0).split()))]):
                venues.add(v)
            continue
        # English writes the level after the name: "Sleman Regency", "Makassar City".
        after = ENGLISH_LEVEL_AFTER.search(part)
        bare = part[:after.start()] if after else re.sub(r"(?i)^(kecamatan|kawasan)\s+", "", part)
        region = lexicon.region_re.fullmatch(part) or lexicon.region_re.fullmatch(bare)
        if region:
            level = region.group("level") or (ENGLISH_LEVELS[after.group(1).lower()] if after else None)
            rid = lexicon.region_id(region.group("name"), level)
            if rid:
                regions |= lexicon.region_chain(rid)
                continue
        all_words = _place_words(part)
        if len(all_words) == 1 and all_words[0] not in lexicon.venue_words | lexicon.building_words:
            continue  # "Kwandang", "Tigaraksa": a town the gazetteer does not know, not a venue
        # Region names inside a venue name become region ids ("Kalbar" = "Kalimantan Barat").
        words: set[str] = set()
        rest = part
        for m in lexicon.region_re.finditer(part):
            rid = lexicon.region_id(m.group("name"), m.group("level"))
            if rid:
                words.add("@" + rid.split(":", 1)[1])  # the name, whatever its level
                rest = rest.replace(m.group(0), " ")
        words |= {w for w in _place_words(rest) if w not in lexicon.venue_words}
        if words:
            named.append(frozenset(words))
    return Place(frozenset(venues), tuple(named), frozenset(regions), frozenset(street_words))


def _place_words(part: str) -> list[str]:
    """A place's words, folded; a code with a hyphen before its digits is one word ("CT-3" = "CT3")."""
    return [w for w in re.split(r"[\s/-]+", re.sub(r"(?<=[a-z])-(?=\d)", "", fold(part))) if w]


def _region_names(place: Place, lexicon: Lexicon) -> set[str]:
    """The regions a place is in, by name: named as regions, or inside a venue's name
    ("Kantor Gubernur Sulut"; "Gedung Grhadika Bakti Praja Semarang" is in Jawa Tengah too)."""
    inside = {w[1:] for words in place.named for w in words if w.startswith("@")}
    chains = {r for name in inside if (rid := lexicon.region_by_name.get(name)) for r in lexicon.region_chain(rid)}
    return {r.split(":", 1)[1] for r in place.regions | chains} | inside


def places_compatible(a: str, b: str, lexicon: Lexicon) -> bool:
    x, y = parse_place(a, lexicon), parse_place(b, lexicon)
    where_x, where_y = _region_names(x, lexicon), _region_names(y, lexicon)
    if where_x and where_y and not where_x & where_y:
        return False  # two governors' offices: one in Manado, one in Palangka Raya
    if x.venues and y.venues:
        if not x.venues & y.venues:
            return False
    elif x.has_venue and y.has_venue:
        # One part inside the other is one place at two levels of detail: "Gedung Sate" and "Aula
        # Barat Gedung Sate"; "Pendopo Gubernur Banten" and "Pendopo Bupati Tangerang" are two.
        x_parts = list(x.named) + [frozenset(v.split()) for v in x.venues]
        y_parts = list(y.named) + [frozenset(v.split()) for v in y.venues]
        # "Krakatau Ballroom TMII" and "Krakatau Grand Ballroom, Taman Mini Indonesia Indah
        # (TMII)": an acronym of a name either side spells out is that name, not part of the hall's.
        spelled = _initialisms(x_parts + y_parts, lexicon)
        # An acronym also stands for the words it abbreviates: "Kantor LAM Riau" is the office of
        # the Lembaga Adat Melayu Riau.
        x_long = [p - set(spelled) | {w for a in p & set(spelled) for w in spelled[a]} for p in x_parts]
        y_long = [p - set(spelled) | {w for a in p & set(spelled) for w in spelled[a]} for p in y_parts]
        x_parts = [p - set(spelled) or p for p in x_parts]
        y_parts = [p - set(spelled) or p for p in y_parts]
        # Or the same proper name with another kind of building word, as another language writes
        # it: "Pendopo Odah Etam" and "the Odah Etam Pavilion".
        if not any(a <= b or b <= a or _same_proper_name(a, b, lexicon)
                   for xs, ys in ((x_parts, y_parts), (x_long, y_long)) for a in xs for b in ys) \
                and not _named_after_street(x, y, lexicon) and not _named_after_street(y, x, lexicon):
            return False
    if x.regions and y.regions and not (x.regions & y.regions):
        return False
    return True


def _initialisms(parts: list[frozenset[str]], lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """The words of the parts that are the initials of the proper words of another part, three
    or more (compared as sorted letters, since a part is a set of words), with those words."""
    letters: dict[str, frozenset[str]] = {}
    for part in parts:
        own = frozenset(w for w in _proper_words(part, lexicon) if w.isalpha())
        if len(own) >= 3:
            letters.setdefault("".join(sorted(w[0] for w in own)), own)
    return {w: letters["".join(sorted(w))] for part in parts for w in part
            if len(w) >= 3 and w.isalpha() and "".join(sorted(w)) in letters and len(part) > 1
            and w not in letters["".join(sorted(w))]}


def _named_after_street(x: Place, y: Place, lexicon: Lexicon) -> bool:
    """"Gedung Indrapura DPRD" and "Gedung DPRD Jatim, Jalan Indrapura": every proper word of one
    side's building is the other's, its street's included (two words at least)."""
    own_y = set().union(*(_proper_words(p, lexicon) for p in y.named)) if y.named else set()
    words_x = set().union(*x.named) | x.street_words if x.named else set(x.street_words)
    return len(own_y) >= 2 and bool(x.street_words & own_y) and own_y <= words_x


def _spelled_as(word: str, others: AbstractSet[str]) -> str:
    """The other side's spelling of a long word written with its letters in another order or one
    letter off ("Gradhika" / "Grhadika" Bhakti Praja), else the word itself."""
    if word in others or len(word) < 6:
        return word
    from rapidfuzz.distance import OSA  # lazy: only venue comparison needs it

    def variant(other: str) -> bool:
        reordered = other[:2] == word[:2] and sorted(other) == sorted(word)
        return len(other) >= 6 and (reordered or OSA.normalized_similarity(word, other) >= 0.85)

    return next((o for o in sorted(others) if variant(o)), word)


def _same_proper_name(a: frozenset[str], b: frozenset[str], lexicon: Lexicon) -> bool:
    """The same proper name under other generic words: two words in common ("Odah Etam"), or
    one long one when the rest of one side is only a floor ("Balai Keratun Lt.III")."""
    own_a, own_b = _proper_words(a, lexicon), _proper_words(b, lexicon)
    own_a = {_spelled_as(w, own_b) for w in own_a}
    shared = own_a & own_b
    if not (own_a <= own_b or own_b <= own_a):
        # "Mandala Wanabakti" for "Manggala Wanabakti": one word a letter or two off, beside a
        # long word both share, is a misspelling of one name.
        return _one_word_misspelt(own_a - shared, own_b - shared, shared)
    # One word shared: a long one, or a code of letters and digits ("CT3", "T2").
    return len(shared) >= 2 or (len(shared) == 1 and _distinctive(next(iter(shared))))


def _distinctive(word: str) -> bool:
    return len(word) >= 5 or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


def _one_word_misspelt(only_a: set[str], only_b: set[str], shared: set[str]) -> bool:
    if len(only_a) != 1 or len(only_b) != 1 or not any(len(w) >= 6 for w in shared):
        return False
    (x,), (y,) = only_a, only_b
    from rapidfuzz.distance import OSA  # lazy: only venue comparison needs it
    if min(len(x), len(y)) >= 5 and x[0] == y[0] and OSA.distance(x, y) == 1:
        return True  # "Bhakti" / "Bakti"
    return min(len(x), len(y)) >= 6 and x[:3] == y[:3] and OSA.distance(x, y) <= 2


ROMAN_OR_NUMBER = patterns.compile(r"^(?:[ivxl]+|\d+)$")


def _proper_words(words: frozenset[str], lexicon: Lexicon) -> set[str]:
    generic = lexicon.building_words | lexicon.venue_words
    split = {p for w in words for p in w.split(".") if p}
    return {w for w in split if w not in generic and not w.startswith("@") and len(w) > 2
            and not w.endswith("'s") and not ROMAN_OR_NUMBER.match(w)}


def names_a_venue(phrase: str, lexicon: Lexicon) -> bool:
    return parse_place(phrase, lexicon).has_venue


def specific_place_match(a: str, b: str, lexicon: Lexicon) -> bool:
    """Both name a venue (not just a city) and it is the same one: enough to tie two reports."""
    x, y = parse_place(a, lexicon), parse_place(b, lexicon)
    return x.has_venue and y.has_venue and places_compatible(a, b, lexicon)
