"""Stage 5, group: which articles report the same event, whether they describe the same
occurrence of it (and how sure we are), and which person mentions are one person.

Works on keys only (event kind, award name, recipients, presenter, date, edition, venue), so
that an index can look candidates up without reading articles again."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import combinations

from .extract.events import names_compatible
from .extract.people import name_match, named_after
from .lexicon import Lexicon
from .models import ArticleClaims, EventFrame, Phrase
from .normalise import parse_place, person_key, places_compatible, same_person_value, specific_place_match
from .rules import GroupingConfig


@dataclass(frozen=True)
class Relation:
    same: bool | None  # True: same occurrence; None: may be different occurrences; False: different
    confidence: float
    why: Phrase  # said in the report's language (rules/lang/<code>/report.yaml, reasons)


@dataclass
class EventGroup:
    members: list[str]  # article paths, sorted
    relations: dict[tuple[str, str], Relation] = field(default_factory=dict)

    def relation(self, a: str, b: str) -> Relation | None:
        return self.relations.get((a, b) if a < b else (b, a))


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def org_words(rid: str, lexicon: Lexicon) -> set[str]:
    """The distinctive words of an organisation or object ("sambelia" in "org:rsud sambelia")."""
    if not rid.startswith("org:"):
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", rid[4:]) if len(w) > 2 and w not in lexicon.generic_object_words}


# What a frame's recipients give grouping, once per frame and not once per pair.
@functools.lru_cache(maxsize=1 << 18)
def _people_keys(recipients: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(person_key(r) for r in recipients if r.startswith("person:"))


@functools.lru_cache(maxsize=1 << 18)
def _recipient_facts(recipients: tuple[str, ...], lexicon: Lexicon) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The distinctive words of a frame's organisations and objects, and its people's name keys."""
    return frozenset().union(*(org_words(r, lexicon) for r in recipients)), _people_keys(recipients)


def _recipients_overlap(a: EventFrame, b: EventFrame, lexicon: Lexicon) -> bool:
    if set(a.recipients) & set(b.recipients):
        return True
    (wa, pa), (wb, pb) = _recipient_facts(a.recipients, lexicon), _recipient_facts(b.recipients, lexicon)
    if wa & wb:
        return True
    return any(name_match(x, y) for x in pa for y in pb)


def _kinds_match(a: EventFrame, b: EventFrame) -> bool:
    return a.kind == b.kind or {a.kind, b.kind} <= {"award", "handover"}


def _objects(frame: EventFrame, lexicon: Lexicon) -> frozenset[str]:
    """The distinctive words of what an opening or groundbreaking names ("ameroro" in "Bendungan Ameroro")."""
    return _recipient_facts(frame.recipients, lexicon)[0]


def _people_overlap(a: EventFrame, b: EventFrame) -> bool:
    """One person acted on in both. A name of one word ("Jaya") is too weak to tie two reports,
    and a doer of either act ("Tito Karnavian" read as sworn in) ties nothing."""
    doers = [person_key(p) for p in (a.presenter, b.presenter) if p and p.startswith("person:")]

    def acted_on(frame: EventFrame) -> list[tuple[str, ...]]:
        keys = _people_keys(frame.recipients)
        return [k for k in keys if len(k) > 1 and not any(name_match(k, d) for d in doers)]

    return any(name_match(x, y) for x in acted_on(a) for y in acted_on(b))


def _towns(phrase: str, lexicon: Lexicon) -> set[str]:
    """The regencies and cities a venue names (a province is too wide to tell anything):
    regions named as such, and region names inside venue names ("Pendapa Agung Ponorogo")."""
    place = parse_place(phrase, lexicon)
    inside = {w for words in place.named for w in words if w.startswith("@")}
    return {r for r in place.regions if not r.startswith("prov:")} | inside


def _same_town(a: str | None, b: str | None, lexicon: Lexicon) -> bool:
    return bool(a and b and _towns(a, lexicon) & _towns(b, lexicon))


def _both_years(a: EventFrame, b: EventFrame) -> bool:
    """Do both dates have a year, written or implied? A year-less date whose written weekday
    falls on that day in the other date's year takes that year ("Thursday (Feb 20)" beside
    "February 20, 2025")."""
    if a.date is None or b.date is None:
        return False
    return (a.date.year is not None and b.date.year is not None) or _bare_weekday_fits(a, b) is True


def _bare_weekday_fits(a: EventFrame, b: EventFrame) -> bool | None:
    """When one date has a year and the other has none but a weekday: does that weekday fall on
    the year-less day in the dated side's year? ("Kamis (5/6)" does not in 2015: another year's
    occurrence, or a wrong weekday, which nothing can tell apart). None when not asked."""
    if a.date is None or b.date is None or (a.date.year is None) == (b.date.year is None):
        return None
    dated, bare = (a, b) if a.date.year is not None else (b, a)
    if bare.date_weekday is None or dated.date is None or dated.date.year is None or bare.date is None:
        return None
    try:
        return dt.date(dated.date.year, bare.date.month, bare.date.day).weekday() == bare.date_weekday
    except ValueError:
        return None


def same_event(a: EventFrame, b: EventFrame, lexicon: Lexicon, window: int) -> bool:
    """Do two main events look like reports of one event (in any occurrence)? Only direct,
    specific evidence ties two reports: the same person acted on, the same named award for the
    same recipient, the same thing opened, or the same doer or venue on the same day or two. A
    region, a doer or a venue alone ties nothing: a province receives many awards, a president
    opens many dams."""
    if not _kinds_match(a, b):
        return False
    if a.name_tokens and b.name_tokens and not names_compatible(a.name_tokens, b.name_tokens):
        return False
    if a.posts and b.posts and not set(a.posts) & set(b.posts) and not (a.date and b.date and a.date.same_day(b.date)):
        return False  # one person sworn in to two posts (KSAD in 2014, Panglima TNI in 2015): two swearing-ins
    objects_a, objects_b = _objects(a, lexicon), _objects(b, lexicon)
    if lexicon.kind_names_object(a.kind) and objects_a and objects_b and not objects_a & objects_b:
        return False  # two openings of two different things
    days = a.date.days_to(b.date) if a.date and b.date else None
    near = days is not None and days <= 3
    # A date without a year (and no published date to give it one) falls on the same day every
    # year: alone, a doer or a venue on "the same day" ties nothing.
    near_in_time = near and _both_years(a, b)
    both_named = bool(a.name_tokens and b.name_tokens)
    one_unnamed = a.kind == "award" and b.kind == "award" and not both_named
    if _people_overlap(a, b) and (days is None or days <= window) and not (one_unnamed and not near):
        return True
    if _recipients_overlap(a, b, lexicon) and (both_named or near) and not (one_unnamed and not near):
        # A city wins many awards: a region or organisation ties two reports only through an award
        # both name, or on the same day or two.
        return True
    if a.presenter and b.presenter and same_person_value(a.presenter, b.presenter, a.presenter_office,
                                                          b.presenter_office, lexicon):
        shared = _recipients_overlap(a, b, lexicon) or bool(objects_a & objects_b)
        # One doer, the same day or two, nothing that sets the two acts apart. When one report does
        # not say what was opened, places in two towns do: a president opens a games in Banda Aceh
        # one day and a Quran contest in Samarinda the day before.
        apart = bool(a.location and b.location and not places_compatible(a.location, b.location, lexicon))
        unnamed = not (a.recipients and b.recipients) and (
            days == 0 or not lexicon.kind_names_object(a.kind) or not apart)
        if near_in_time and (shared or unnamed):
            return True
        if near_in_time and a.collective and b.collective and a.location and b.location and \
                specific_place_match(a.location, b.location, lexicon):
            return True  # a mass swearing-in: each outlet names its own region's official
        if days is None and (shared or both_named or _same_town(a.location, b.location, lexicon) or (
                a.location and b.location and specific_place_match(a.location, b.location, lexicon))):
            return True  # an undated report of one doer's act on the same thing or in the same town: "may be another occurrence"
    if near_in_time and a.location and b.location and specific_place_match(a.location, b.location, lexicon):
        # A day or two apart at one named venue: one act reported with a slipped date, unless the
        # two reports name different people as the ones acted on.
        return days == 0 or not (a.recipients and b.recipients)
    same_edition = a.edition is not None and a.edition == b.edition
    return bool(both_named and (same_edition or days == 0))


def _says(key: str, **params: object) -> Phrase:
    return Phrase(key=key, params=tuple((k, str(v)) for k, v in params.items()))


def occurrence(a: EventFrame, b: EventFrame, editions: tuple[int | None, int | None], cfg: GroupingConfig) -> Relation:
    ea, eb = editions
    window = cfg.same_occurrence_days
    if ea is not None and eb is not None and ea != eb:
        return Relation(False, 0.9, _says("editions_differ", a=ea, b=eb))
    days = a.date.days_to(b.date) if a.date and b.date else None
    if days is not None and not _both_years(a, b) and not (ea is not None and ea == eb):
        if _bare_weekday_fits(a, b) is False:
            year = a.date.year or b.date.year if a.date and b.date else None
            return Relation(False, cfg.conf("weekday_other_year", 0.7), _says("weekday_other_year", year=year))
        return Relation(None, cfg.conf("no_year", 0.45), _says("no_year"))
    if days is not None and days <= window:
        if days == 0:
            return Relation(True, cfg.conf("same_day", 0.95), _says("same_day"))
        return Relation(True, cfg.conf("close_dates", 0.85), _says("close_dates", days=days))
    if ea is not None and ea == eb:
        if days is not None:
            # Outlets name an edition by the year judged or the year held: one label and dates far
            # apart may be two ceremonies (or one wrong date).
            return Relation(None, cfg.conf("far_apart", 0.5), _says("edition_far_apart", edition=ea, days=days))
        if not ((a.date or a.location) and (b.date or b.location)):
            # An award run in rounds (province, then nation) gives each round the edition's name.
            return Relation(None, cfg.conf("edition_only", 0.5), _says("edition_only", edition=ea))
        return Relation(True, cfg.conf("same_edition", 0.9), _says("same_edition", edition=ea))
    if days is not None:
        if not (a.recurring or b.recurring):
            return Relation(False, 0.8, _says("dates_apart", days=days))
        if ea is None and eb is None:
            return Relation(None, cfg.conf("far_apart", 0.5), _says("far_apart_no_edition", days=days))
        return Relation(None, cfg.conf("far_apart", 0.5), _says("far_apart_one_edition", days=days, edition=ea or eb))
    year_a = a.date.year if a.date and a.date.year else a.year_named
    year_b = b.date.year if b.date and b.date.year else b.year_named
    if year_a and year_b and year_a != year_b:
        # An undated report that names another year than the other's date: another year's occurrence.
        return Relation(False, 0.8, _says("other_year", a=year_a, b=year_b))
    return Relation(None, cfg.conf("undated", 0.45), _says("undated"))


def _kind_class(frame: EventFrame) -> str:
    """Kinds that same_event lets match (an award and a handover are one act)."""
    return "award" if frame.kind in {"award", "handover"} else frame.kind


def _name_prefixes(key: tuple[str, ...]) -> list[str]:
    # Spelling variants of one name (Muhamad / Muhammad) keep their first three letters.
    return sorted({t[:3] for t in key if len(t) > 1})


def _day_buckets(frame: EventFrame) -> list[str]:
    """Two dates at most three days apart share one of these (four-day buckets, each date also
    in the next one). Counted within one year, as PartialDate.days_to counts a year-less date."""
    if frame.date is None:
        return []
    day = (dt.date(2000, frame.date.month, frame.date.day) - dt.date(2000, 1, 1)).days // 4
    return [f"{day}", f"{day + 1}"]


def blocking_keys(frame: EventFrame, lexicon: Lexicon) -> set[str]:
    """Keys that any two reports same_event ties share at least one of. Each key joins what the
    evidence needs with what makes it specific: a recipient with the award's name or the day, a
    doer with the day or with what was done, a person acted on by two words of the name. A key
    alone ("hotel", "budi", one regency) would put a large share of an archive in one block."""
    kind = _kind_class(frame) + "|"
    recipients = {"r:" + r for r in frame.recipients}
    recipients |= {"o:" + w for r in frame.recipients for w in org_words(r, lexicon)}
    recipients |= {"p:" + t for r in frame.recipients for t in _name_prefixes(person_key(r))}
    doer = {"p:" + t for t in _name_prefixes(person_key(frame.presenter or ""))}
    # One seat named by its office alone, or one national office with a short name (same_person_value).
    doer |= {"f:" + x for x in (frame.presenter_office, frame.presenter) if x and not x.startswith("person:")}
    venue: set[str] = set()
    towns: set[str] = set()
    if frame.location:
        place = parse_place(frame.location, lexicon)
        venue = {"v:" + v for v in place.venues} | {"v:" + w for words in place.named for w in words}
        # The words of a known venue too: another report may write the same building as a name
        # the gazetteer does not hold (places_compatible compares proper names).
        venue |= {"v:" + w for v in place.venues for w in v.split()}
        towns = {"t:" + t for t in _towns(frame.location, lexicon)}
    names = {"n:" + t for t in frame.name_tokens}
    days = _day_buckets(frame)
    keys: set[str] = set()
    for r in frame.recipients:  # a person acted on, by two words of the name (one when it has one)
        prefixes = _name_prefixes(person_key(r))
        keys |= {kind + "a:" + " ".join(p) for p in combinations(prefixes, 2)} or {kind + "a:" + p for p in prefixes}
    keys |= {kind + n + "&" + r for n in names for r in recipients}
    keys |= {kind + d + "&" + x for d in days for x in recipients | doer | venue}
    keys |= {kind + d2 + "&" + x for d2 in doer for x in recipients | names | towns | venue}
    if frame.edition is not None:
        keys |= {kind + n + f"&e{frame.edition}" for n in names}
    if frame.date is not None:
        keys |= {kind + n + f"&d{frame.date.month}-{frame.date.day}" for n in names}
    return keys


# Neighbours each item of an oversized block is paired with (see candidate_pairs).
WINDOW = 3


def candidate_pairs(keyed: dict[str, set[str]], max_key_items: int) -> list[tuple[str, str]]:
    """Pairs of items (sorted) that share a key, from an inverted index instead of all pairs. A
    key shared by more than `max_key_items` items does not pair them all: each is paired with
    its next WINDOW items in the block's order (a sorted neighbourhood), so a thousand reports of
    one event still form one group (it is transitive) while the pairs grow linearly."""
    # The block's order comes from what the items say (their keys), not from their names, so
    # that renaming files changes no pair.
    content = {item: "".join(sorted(keys)) for item, keys in keyed.items()}
    index: dict[str, list[str]] = {}
    for item in sorted(keyed, key=lambda i: (content[i], i)):
        for key in keyed[item]:
            index.setdefault(key, []).append(item)
    pairs: set[tuple[str, str]] = set()
    for items in index.values():
        if len(items) <= max_key_items:
            pairs.update(tuple(sorted(pair)) for pair in combinations(items, 2))  # type: ignore[misc]
        else:
            pairs.update(tuple(sorted((items[i], items[j])))  # type: ignore[misc]
                         for i in range(len(items)) for j in range(i + 1, min(i + 1 + WINDOW, len(items))))
    return sorted(pairs)


def event_of(article: ArticleClaims) -> EventFrame | None:
    """The article's main event as grouping sees it: an event sentence without a date takes the
    article's dateline or published date."""
    frame = article.event
    if frame is None or frame.date or article.reference_date is None:
        return frame
    return replace(frame, date=article.reference_date)


def lookup_keys(article: ArticleClaims, lexicon: Lexicon) -> set[str]:
    """What the claim index files an article under, so that a new article finds every archive
    article a run over both would compare it with: its event's blocking keys, and for the
    checks of one person across articles (check_people) the day with each word of a name."""
    frame = event_of(article)
    keys = blocking_keys(frame, lexicon) if frame is not None else set()
    day = article.reference_date
    if day is not None and day.year is not None:
        keys |= {f"day:{day.iso()}&{t}" for pid in article.people for t in _name_prefixes(tuple(pid.split()))}
    return keys


def group_events(articles: list[ArticleClaims], lexicon: Lexicon, cfg: GroupingConfig,
                 focus: frozenset[str] | None = None) -> list[EventGroup]:
    """Related reports in groups. With `focus`, only the groups that hold a focus article: the
    reports linked to one, step by step, with every pair among them, as a full run forms them."""
    frames = {a.path: frame for a in sorted(articles, key=lambda a: a.path) if (frame := event_of(a)) is not None}
    pairs = candidate_pairs({path: blocking_keys(frame, lexicon) for path, frame in frames.items()}, cfg.max_key_articles)

    decided: dict[tuple[str, str], bool] = {}

    def linked_pair(pair: tuple[str, str]) -> bool:
        if pair not in decided:
            decided[pair] = same_event(frames[pair[0]], frames[pair[1]], lexicon, cfg.same_occurrence_days)
        return decided[pair]

    if focus is not None:
        pairs = _pairs_reached(pairs, focus, linked_pair)
    linked = [pair for pair in pairs if linked_pair(pair)]
    # Occurrences first (same act, dates close), so that a report without an edition takes the
    # edition of the occurrence it belongs to.
    occ = UnionFind()
    for x, y in linked:
        rel = occurrence(frames[x], frames[y], (frames[x].edition, frames[y].edition), cfg)
        if rel.same:
            occ.union(x, y)
    # The edition an occurrence's reports name, when they name one edition only (whatever the
    # order of the files).
    editions_of: dict[str, set[int]] = {}
    for path, frame in frames.items():
        editions_of.setdefault(occ.find(path), set()).update([frame.edition] if frame.edition is not None else [])
    edition_of = {root: next(iter(eds)) if len(eds) == 1 else None for root, eds in editions_of.items()}
    groups = UnionFind()
    relations: dict[tuple[str, str], Relation] = {}
    for x, y in linked:
        eds = (frames[x].edition or edition_of[occ.find(x)], frames[y].edition or edition_of[occ.find(y)])
        rel = occurrence(frames[x], frames[y], eds, cfg)
        relations[(x, y)] = rel
        if rel.same is not False:
            groups.union(x, y)
    members: dict[str, list[str]] = {}
    for path in frames:
        members.setdefault(groups.find(path), []).append(path)
    relations_of: dict[str, dict[tuple[str, str], Relation]] = {}
    for pair, rel in relations.items():
        relations_of.setdefault(groups.find(pair[0]), {})[pair] = rel
    out = [EventGroup(members=sorted(paths), relations=relations_of.get(root, {}))
           for root, paths in members.items() if len(paths) >= 2]
    return sorted(out, key=lambda g: g.members)


def _pairs_reached(pairs: list[tuple[str, str]], focus: frozenset[str],
                   linked: Callable[[tuple[str, str]], bool]) -> list[tuple[str, str]]:
    """The candidate pairs inside the part of the link graph that the focus articles reach."""
    around: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        for path in pair:
            around.setdefault(path, []).append(pair)
    reached, frontier = set(focus), list(focus)
    while frontier:
        path = frontier.pop()
        for pair in around.get(path, []):
            other = pair[1] if pair[0] == path else pair[0]
            if other not in reached and linked(pair):
                reached.add(other)
                frontier.append(other)
    return [pair for pair in pairs if pair[0] in reached and pair[1] in reached]


def group_people(articles: list[ArticleClaims], droppable_first_names: frozenset[str] = frozenset()) -> dict[tuple[str, str], str]:
    """(article path, person id in that article) -> one id for the person across articles. A name
    with one more first name before it ("Iriana Joko Widodo", "Joko Widodo") is someone named
    after that person, unless writers drop that first name ("Muhammad Tito Karnavian")."""
    keys = sorted({tuple(pid.split()) for a in articles for pid in a.people}, key=lambda k: (-len(k), k))
    canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
    heads_by_block: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        # Two spellings of one name share a word's first four letters (Muhamad / Muhammad).
        blocks = {t[:4] for t in key if len(t) > 1}
        seen = [h for b in sorted(blocks) for h in heads_by_block.get(b, [])]
        fitting = [h for h in sorted(set(seen), key=lambda k: (-len(k), k)) if name_match(h, key)
                   and not named_after(h, key, droppable_first_names)]
        # One word that fits two people ("Widodo": Joko Widodo, Iriana Widodo) names neither for sure.
        head = fitting[0] if len(fitting) == 1 or (fitting and len(key) > 1) else None
        if head is None:
            head = key
            for b in blocks:
                heads_by_block.setdefault(b, []).append(key)
        canonical[key] = head
    return {(a.path, pid): " ".join(canonical[tuple(pid.split())]) for a in articles for pid in a.people}
