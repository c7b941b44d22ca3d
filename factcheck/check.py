"""Stage 6, check: a generic engine that applies each rule (data from rules/checks/) to the
grouped claims. A rule says which attribute it compares, how (one comparator per kind of
value), in which scope, and at what severity; the engine finds the conflicting pairs and turns
each subject's conflicts into one finding that lists every article's claim."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations

from . import typed
from .group import EventGroup, Relation, group_events, group_people
from .lexicon import Lexicon
from .models import ArticleClaims, Claim, ClaimSource, Finding, FindingEvidence, Phrase, Severity, Status
from .normalise import (
    OfficeKey,
    head_and_deputy,
    looks_like_slip,
    name_match,
    names_a_venue,
    offices_compatible,
    offices_exclusive,
    person_key,
    places_compatible,
    same_figure,
    same_person_value,
    texts_compatible,
)
from .rules import COMPARATORS as RULE_COMPARATORS
from .rules import GroupingConfig, Rule
from .words import say, say_message, words

Comparator = Callable[[Claim, Claim, Lexicon], bool]  # True when the two claims conflict

COMPARATORS: dict[str, Comparator] = {
    "date": lambda a, b, lex: a.partial is not None and b.partial is not None and not a.partial.same_day(b.partial),
    "person": lambda a, b, lex: not same_person_value(a.value, b.value, a.office, b.office, lex),
    "office": lambda a, b, lex: not offices_compatible(a.value, b.value) and offices_exclusive(a.value, b.value, lex),
    "text": lambda a, b, lex: not texts_compatible(a.value, b.value, lex.category_qualifiers, lex.word_expansions),
    "venue": lambda a, b, lex: not places_compatible(a.display, b.display, lex),
    "number": lambda a, b, lex: a.value != b.value and not (a.approximate or b.approximate) and not same_figure(a.display, b.display),
}
# Every comparator a rule may name has an implementation here ("weekday" is the article scope's).
assert set(COMPARATORS) | {"weekday"} == set(RULE_COMPARATORS), "rules.COMPARATORS and check.COMPARATORS differ"
INSIDE_ONE_ARTICLE = Relation(True, 0.9, Phrase(key="one_article"))


@dataclass
class Conflicts:
    """The conflicting pairs found for one subject and attribute."""

    rule: Rule
    subject: str
    key: str
    claims: dict[str, list[Claim]] = field(default_factory=dict)  # path -> that article's claims
    pairs: list[tuple[Claim, Claim, Relation]] = field(default_factory=list)
    recipients: tuple[str, ...] = ()  # per-recipient rules: whom this finding is about



def _recipients_agree(a: Claim, b: Claim) -> bool:
    if not a.recipients or not b.recipients or set(a.recipients) & set(b.recipients):
        return True
    pa = [person_key(r) for r in a.recipients if r.startswith("person:")]
    pb = [person_key(r) for r in b.recipients if r.startswith("person:")]
    return any(name_match(x, y) for x in pa for y in pb)


LISTED_SIZES = 3  # an article giving this many lengths of one kind of thing lists parts (sections, lots)


def _without_listed_sizes(claims: list[Claim], lex: Lexicon) -> list[Claim]:
    """Sizes of one kind of thing given with three or more values in one article ("seksi 1 ...
    14,7 km, seksi 2 ... 19,9 km, ... 0,9 km"): the lengths of its parts, none of them the length
    another report gives; a numbered part ("seksi 2") stays its own."""
    values: dict[tuple[str | None, tuple[str, ...]], set[str]] = {}
    for c in claims:
        if c.unit in lex.size_measures:
            values.setdefault((c.unit, c.recipients), set()).add(c.value)
    listed = {key for key, found in values.items() if len(found) >= LISTED_SIZES}
    return [c for c in claims if (c.unit, c.recipients) not in listed] if listed else claims


def _distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per distinct value (the first written): an article that says one thing fifty
    times is compared once, so checking stays linear in the article's length."""
    seen: dict[tuple, Claim] = {}
    for c in claims:
        key = (c.value, c.unit, c.recipients, c.office, c.status, c.approximate)
        kept = seen.get(key)
        # The value's best evidence: "sembilan penjabat" in the act's sentence, not the same nine in a list.
        if kept is None or SOURCE_RANK[c.source] < SOURCE_RANK[kept.source]:
            seen[key] = c
    return list(seen.values())


# Where a claim was read, strongest first (the order ClaimSource lists them).
SOURCE_RANK = {source: rank for rank, source in enumerate(ClaimSource)}


def _claim_key(rule: Rule, claim: Claim) -> str:
    return claim.unit or "" if rule.compare == "number" else ""


REGION_LEVEL = {"kab": "Kabupaten", "kota": "Kota", "prov": "Provinsi"}


def _recipient_label(rid: str, article: ArticleClaims, lex: Lexicon) -> str:
    kind, _, name = rid.partition(":")
    if kind == "person":
        return article.people.get(name, name.title())
    if kind in REGION_LEVEL:
        return f"{REGION_LEVEL[kind]} {lex.region_display.get(rid, name.title())}"
    return name.title()


def _subject_article(members: list[str], by_path: dict[str, ArticleClaims]) -> str:
    """The member whose event names the subject: chosen by what the articles say, never by
    their file names, so that renaming files changes no subject."""
    def content(path: str) -> tuple:
        frame = by_path[path].event
        richness = -sum(bool(v) for v in (frame.name, frame.recipients, frame.presenter, frame.date)) if frame else 0
        written = json.dumps(typed.encode(frame), ensure_ascii=False, separators=(",", ":")) if frame else ""
        return (richness, written, tuple(c.evidence.quote for c in by_path[path].claims))
    return min(members, key=content)


def _event_subject(group: EventGroup | None, article: ArticleClaims, lex: Lexicon) -> str:
    """"Paritrana Award · Kabupaten Tangerang", "Pelantikan · Al Muktabar": what, and for whom."""
    frame = article.event
    if frame is None:
        return "one article"
    label = {"award": "" if frame.name else "Penganugerahan", "inauguration": "Pelantikan", "handover": "Penyerahan",
             "groundbreaking": "Peletakan batu pertama",
             "signing": "Penandatanganan", "opening": "Peresmian"}.get(frame.kind, frame.kind)
    name = " ".join(w for w in (frame.name or "").split() if not w.isdigit())
    # An award goes to a region or organisation; an act such as a swearing-in to a person.
    prefer_person = frame.kind != "award"
    ranked = sorted(frame.recipients, key=lambda r: (r.startswith("person:") != prefer_person, r))
    who = _recipient_label(ranked[0], article, lex) if ranked else ""
    if not who and frame.presenter and frame.presenter.startswith("person:"):
        who = "oleh " + _recipient_label(frame.presenter, article, lex)
    parts = [p for p in (label, name) if p]
    head = " ".join(parts) or "event"
    return f"{head} · {who}" if who else head


def check_events(rule: Rule, groups: list[EventGroup], by_path: dict[str, ArticleClaims], lex: Lexicon,
                 subjects: dict[int, str] | None = None) -> list[Conflicts]:
    """One rule's conflicts in each event group and, where the rule says so, inside each
    article. `subjects` keeps each group's subject between rules (named only when a group has
    a conflict, as most groups have none)."""
    compare = COMPARATORS[rule.compare]
    subjects = {} if subjects is None else subjects

    def subject_of(group: EventGroup) -> str:
        if id(group) not in subjects:
            subjects[id(group)] = _event_subject(group, by_path[_subject_article(group.members, by_path)], lex)
        return subjects[id(group)]
    found: dict[tuple[str, str, tuple[str, ...]], Conflicts] = {}

    claims_by_path: dict[str, list[Claim]] = {}

    def claims_of(path: str) -> list[Claim]:
        # Asked for each pair a member is in, and for every member when a third value may reconcile a pair.
        if path not in claims_by_path:
            own = [c for c in by_path[path].claims if c.attribute == rule.attribute]
            claims_by_path[path] = _without_listed_sizes(_distinct(own), lex)
        return claims_by_path[path]

    def per_recipient(path: str) -> bool:
        frame = by_path[path].event
        return rule.per_recipient and frame is not None and not frame.collective

    def apart(x: str, a: Claim, b: Claim) -> bool:
        """Claims about different recipients: per recipient where the rule says so, and always
        for a measure that belongs to a person (one candidate's votes beside another's) or is the size of one thing."""
        owned = rule.per_recipient and a.unit in lex.person_measures and b.unit in lex.person_measures
        sized = a.unit in lex.size_measures and b.unit in lex.size_measures  # a bridge's length is not a runway's
        # "sembilan sekolah dari Muara Enim" beside "19 sekolah": one region's share, and a count that
        # names no region (the whole, or the share of the region the other report is about).
        share = rule.per_recipient and rule.compare == "number" and bool(a.recipients) != bool(b.recipients) and all(
            r.partition(":")[0] in REGION_LEVEL for r in a.recipients + b.recipients)
        return share or ((per_recipient(x) or owned or sized) and not _recipients_agree(a, b))

    def note(subject_key: str, subject: str, a: Claim, b: Claim, relation: Relation, per: bool) -> None:
        key = _claim_key(rule, a)
        recipients: tuple[str, ...] = ()
        if per:  # one finding per recipient: two villages' categories are two subjects
            recipients = tuple(sorted(set(a.recipients) & set(b.recipients) or set(a.recipients) or set(b.recipients)))
            if recipients:
                who = _recipient_label(recipients[0], by_path[a.evidence.path], lex)
                subject = subject.split(" · ")[0] + " · " + who
        # One finding per recipient the subject names: pairs that share the region but differ in
        # whether they also name its head are one conflict, not two.
        entry = found.setdefault((subject_key, key, recipients[:1]), Conflicts(rule, subject, key, recipients=recipients))
        entry.pairs.append((a, b, relation))

    def reconciled(group: EventGroup, a: Claim, b: Claim) -> bool:
        """Does a third value of the group, one that names a venue, fit both (the hall's building,
        named with the campus)? A town fits any two venues in it and reconciles nothing."""
        return any(c.value not in (a.value, b.value) and names_a_venue(c.display, lex) and not compare(a, c, lex)
                   and not compare(b, c, lex) for path in group.members for c in claims_of(path))

    in_group: dict[str, EventGroup] = {p: g for g in groups for p in g.members}
    for group in groups:
        # Only the pairs grouping related: the members of a large group are not all compared.
        for (x, y), relation in sorted(group.relations.items()):
            if relation.same is False:
                continue
            comparable = [(a, b) for a in claims_of(x) for b in claims_of(y) if _claim_key(rule, a) == _claim_key(rule, b)
                          and not apart(x, a, b)]
            if rule.totals:  # every figure as written: "dua terminal di Jatim ... dua terminal di Jateng" are two parts
                figures = [c for path in (x, y) for c in by_path[path].claims if c.attribute == rule.attribute]
                comparable = [(a, b) for a, b in comparable
                              if not (_total_of(a, b, figures) or _total_of(b, a, figures))]
            if rule.agree_if_any and any(not compare(a, b, lex) for a, b in comparable):
                continue
            # A value the other article also states is no conflict with it (rule.shared_value):
            # "27/10" beside "28/10" in one article and "28/10" in the other says the first also
            # dates something else (a caption, another stage); a self-contradiction is the
            # within-article check's.
            agreeing = [(a, b) for a, b in comparable if not compare(a, b, lex)]
            said_in_y = {id(a) for a, _ in agreeing}
            said_in_x = {id(b) for _, b in agreeing}
            either = rule.shared_value == "either"
            # Per key: two reports that agree on the number of cabang olahraga may still count the atlet apart.
            agreed_keys = {_claim_key(rule, a) for a, _ in agreeing}
            for a, b in comparable:
                if rule.shared_value == "any" and _claim_key(rule, a) in agreed_keys:
                    continue
                shared = (id(a) in said_in_y or id(b) in said_in_x) if either else (id(a) in said_in_y and id(b) in said_in_x)
                if compare(a, b, lex) and not shared and not (rule.third_reconciles and reconciled(group, a, b)):
                    note("|".join(group.members), subject_of(group), a, b, relation, per_recipient(x))
    if rule.within_article:
        for path, article in by_path.items():
            own = claims_of(path)
            home = in_group.get(path)
            subject_key = "|".join(home.members) if home else path
            for a, b in combinations(own, 2):
                if apart(path, a, b):
                    continue
                if _claim_key(rule, a) == _claim_key(rule, b) and compare(a, b, lex):
                    subject = subject_of(home) if home else _event_subject(None, article, lex)
                    note(subject_key, subject, a, b, INSIDE_ONE_ARTICLE, per_recipient(path))
    return list(found.values())


def _total_of(total: Claim, part: Claim, figures: list[Claim], most_parts: int = 4) -> bool:
    """Is `total` the sum of `part` and one to three other figures of its unit (a total and its parts)?"""
    try:
        whole, piece = float(total.value), float(part.value)
        # One value per place it is written (a figure written twice may be two equal parts), less
        # the part itself once; "satu", "salah satu": a one is almost never a stated part of a total.
        written = {(c.evidence.path, c.evidence.line, c.evidence.column): float(c.value) for c in figures if c.unit == total.unit}
        others = sorted(v for v in written.values() if v not in (whole, 1.0))
        if piece in others:
            others.remove(piece)
        others = others[:12]
    except ValueError:
        return False
    rest = whole - piece
    return rest > 0 and any(abs(sum(chosen) - rest) <= 1e-6 * max(1.0, whole)
                            for size in range(1, most_parts) for chosen in combinations(others, size))


def check_people(rule: Rule, groups: list[EventGroup], articles: list[ArticleClaims], lex: Lexicon) -> list[Conflicts]:
    compare = COMPARATORS[rule.compare]
    person_of = group_people(articles, lex.droppable_first_names)
    by_person: dict[str, dict[str, list[Claim]]] = {}
    for article in articles:
        for claim in article.claims:
            if claim.attribute == rule.attribute and claim.person and claim.status != Status.past:
                who = person_of[(article.path, claim.person)]
                by_person.setdefault(who, {}).setdefault(article.path, []).append(claim)
    group_of = {p: g for g in groups for p in g.members}
    ref = {a.path: a.reference_date for a in articles}
    # The people an article reports sworn in (ids across articles).
    concurrent_in = {a.path: set(a.concurrent) for a in articles}
    # The people each article reports sworn in (ids across articles), and the posts they took there.
    sworn_to: dict[str, dict[str, set[str]]] = {}
    for article in articles:
        if article.event and article.event.kind == "inauguration":
            for r in article.event.recipients:
                sworn = person_of.get((article.path, r[len("person:"):])) if r.startswith("person:") else None
                if sworn is not None:
                    sworn_to.setdefault(sworn, {})[article.path] = set(article.event.posts)
    # One display name per person whatever the file order: the most used, then the shortest.
    spellings: dict[str, Counter[str]] = {}
    for article in articles:
        for pid, display in article.people.items():
            spellings.setdefault(person_of[(article.path, pid)], Counter())[display] += 1
    names = {who: min(seen, key=lambda d: (-seen[d], len(d), d)) for who, seen in spellings.items()}
    out: list[Conflicts] = []
    for who, per_article in sorted(by_person.items()):
        entry = Conflicts(rule, names.get(who, who), who)
        per_article = {p: _distinct(cs) for p, cs in per_article.items()}
        current = {p: [c for c in cs if c.status in (Status.current, Status.before)] for p, cs in per_article.items()}
        if rule.within_article:
            for path, cs in current.items():
                if any(person_of[(path, c.person)] == who for c in cs if c.person in concurrent_in[path]):
                    continue  # the article says this person holds both offices
                taken = sworn_to.get(who, {}).get(path, set())
                for a, b in combinations(cs, 2):
                    # Two people of the article itself ("Bupati Amran Mahmud dan Wakil Bupati Amran")
                    # stay two, whatever the names across articles join.
                    if a.person == b.person and compare(a, b, lex) and not _before_and_taken(a, b, taken):
                        entry.pairs.append((a, b, INSIDE_ONE_ARTICLE))
        for x, y in _same_time_candidates(per_article, group_of, ref):
            relation = _same_time(x, y, group_of, ref)
            if relation is None:
                continue
            # Each side says something the other side says nowhere: two different offices.
            only_x = [a for a in current[x] if all(compare(a, b, lex) for b in per_article[y])]
            only_y = [b for b in current[y] if all(compare(a, b, lex) for a in per_article[x])]
            if only_x and only_y and who in sworn_to and rule.compare == "office" and (
                    head_and_deputy(only_x[0].value, only_y[0].value, lex)
                    or _before_and_taken(only_x[0], only_y[0], _posts_taken(sworn_to[who], x, y, group_of))):
                # A deputy sworn in as head, or "melantik Sekda X menjadi Penjabat Gubernur" beside
                # "Penjabat Gubernur X": the office before the act and the one after it.
                continue
            if only_x and only_y:
                entry.pairs.append((only_x[0], only_y[0], relation))
        if entry.pairs:
            out.append(entry)
    return out


def _before_and_taken(a: Claim, b: Claim, taken: set[str]) -> bool:
    """Is one office the one held until a swearing-in and the other the post taken in it?"""
    return any(x.status == Status.before and OfficeKey.parse(y.value).id in taken for x, y in ((a, b), (b, a)))


def _posts_taken(sworn: dict[str, set[str]], x: str, y: str, group_of: dict[str, EventGroup]) -> set[str]:
    """The posts a person is reported sworn in to by the articles of x's and y's event groups:
    their swearing-in, not another one in the archive."""
    near = {x, y} | {m for p in (x, y) if (g := group_of.get(p)) is not None for m in g.members}
    return set().union(*(posts for path, posts in sworn.items() if path in near))


def _same_time_candidates(paths: Iterable[str], group_of: dict[str, EventGroup], ref: dict) -> list[tuple[str, str]]:
    """The pairs of these articles that _same_time may relate: related in one event group, or
    about one dated day. A person named in thousands of articles is not compared across all pairs."""
    wanted = set(paths)
    pairs: set[tuple[str, str]] = set()
    by_day: dict[object, list[str]] = {}
    groups: dict[int, EventGroup] = {}
    for path in sorted(wanted):
        day = ref.get(path)
        if day is not None and day.year is not None:
            by_day.setdefault(day, []).append(path)
        if (group := group_of.get(path)) is not None:
            groups[id(group)] = group
    for same_day in by_day.values():
        pairs.update(combinations(same_day, 2))
    for group in groups.values():
        pairs.update(pair for pair, rel in group.relations.items() if rel.same and pair[0] in wanted and pair[1] in wanted)
    return sorted(pairs)


def _same_time(x: str, y: str, group_of: dict[str, EventGroup], ref: dict) -> Relation | None:
    group = group_of.get(x)
    if group is not None and group is group_of.get(y):
        relation = group.relation(x, y)
        if relation is not None and relation.same:
            return relation
    rx, ry = ref.get(x), ref.get(y)
    if rx is not None and ry is not None and rx.year is not None and rx == ry:
        return Relation(True, 0.9, Phrase(key="same_reference_date", params=(("date", rx.iso()),)))
    return None


def check_weekdays(rule: Rule, articles: list[ArticleClaims]) -> list[Finding]:
    out = []
    for article in articles:
        # One slip written twice in an article ("Selasa (16/12/2024)" in the lead and the body) is one finding.
        slips: dict[tuple[str, dt.date], list[Claim]] = {}
        for claim in article.claims:
            actual = claim.partial.as_date() if claim.attribute == rule.attribute and claim.partial else None
            if actual is not None and int(claim.value) != actual.weekday():
                slips.setdefault((claim.value, actual), []).append(claim)
        for (_, actual), same in slips.items():
            claim = same[0]
            written = claim.display.split(" (")[0]
            blanks = (("written", written), ("date", actual.isoformat()), ("actual", str(actual.weekday())))
            reasons = [Phrase(key="calendar", params=blanks)]
            fits = _year_that_fits(actual, int(claim.value), article.anchor)
            if fits is not None:
                reasons.append(Phrase(key="year_may_slip", params=(("written", written), ("fits", fits.isoformat()))))
            message = _english_message(rule, blanks)
            why = "; ".join(say("en", r) for r in reasons)
            evidence = tuple(FindingEvidence(path=c.evidence.path, line=c.evidence.line, column=c.evidence.column,
                                             value=c.display.split(" (")[0], quote=c.evidence.quote) for c in same)
            out.append(Finding(
                id=_fingerprint(rule.id, claim.display, [(c.evidence.quote, c.display) for c in same]),
                rule=rule.id, attribute=rule.attribute, severity=rule.level, subject=f"{written} {actual.isoformat()}",
                message=message, why=why, confidence=1.0,
                evidence=evidence, message_params=blanks, reasons=tuple(reasons),
            ))
    return out


def _year_that_fits(written: dt.date, weekday: int, anchor: dt.date | None) -> dt.date | None:
    """The same day and month in the article's own year (from its publication date), when the
    weekday as written falls on it there: "Senin (19/8/2025)" in a 2024 article."""
    if anchor is None or anchor.year == written.year:
        return None
    try:
        same_day = written.replace(year=anchor.year)
    except ValueError:
        return None
    return same_day if same_day.weekday() == weekday else None


def _date_meant(claim: Claim) -> str | None:
    """What a date claim stands for when the article does not write it out: "kemarin", "Senin",
    "Minggu (17/11)" (the year read from the publication date)."""
    if claim.attribute != "date" or claim.partial is None or claim.partial.year is None:
        return None
    return None if str(claim.partial.year) in claim.display else claim.partial.iso()


def _fingerprint(rule: str, subject: str, values: list[tuple[str, str]]) -> str:
    text = "\n".join([rule, subject, *sorted(f"{p}\t{v}" for p, v in values)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _english_message(rule: Rule, blanks: tuple[tuple[str, str], ...], doubt: Phrase | None = None) -> str:
    """The message JSON and the plain formats carry: the English words' form of a shipped rule's
    message, else the rule file's."""
    return say_message("en", words("en").messages.get(rule.id, rule.message), dict(blanks), doubt)


def _pair_severity(rule: Rule, a: Claim, b: Claim, relation: Relation, cfg: GroupingConfig) -> tuple[Severity, float]:
    """The level one conflicting pair deserves, and what its weaker side is worth: the rule's
    level only when both claims are strong and the articles surely describe one occurrence."""
    worth = min(cfg.claim_worth(a.source), cfg.claim_worth(b.source))
    needed = rule.within_article_sources if relation is INSIDE_ONE_ARTICLE else rule.strong_sources
    if needed and not (a.source.value in needed and b.source.value in needed):
        return Severity.info, min(worth, cfg.warning_needs)
    if rule.unlike_slip_level is not None and not looks_like_slip(float(a.value), float(b.value)):
        return rule.unlike_slip_level, min(worth, cfg.warning_needs)
    if relation.same and worth >= cfg.error_needs:
        return rule.level, worth
    if worth >= cfg.warning_needs and (relation.same or relation.confidence >= cfg.occurrence_needs):
        return rule.uncertain_level, worth
    return Severity.info, worth


def to_finding(entry: Conflicts, by_path: dict[str, ArticleClaims], cfg: GroupingConfig) -> Finding:
    rule = entry.rule
    involved: dict[str, list[Claim]] = {}
    for a, b, _ in entry.pairs:
        for c in (a, b):
            claims = involved.setdefault(c.evidence.path, [])
            if c not in claims:
                claims.append(c)
    # Every article in an event finding shows all it says on the matter, not only the clashing claim.
    for path in involved if rule.scope == "event" else ():
        for c in by_path[path].claims:
            if c.attribute == rule.attribute and c not in involved[path] and _claim_key(rule, c) == entry.key and (
                    not entry.recipients or (c.recipients and set(c.recipients) & set(entry.recipients))):
                involved[path].append(c)
    judged = [(a, b, rel, *_pair_severity(rule, a, b, rel, cfg)) for a, b, rel in entry.pairs]
    severity = max((s for *_, s, _ in judged), key=lambda s: s.rank)
    deciding = [rel for _, _, rel, s, _ in judged if s == severity]
    # How sure the finding is: the occurrence's confidence, lowered when a side is weaker than an error needs.
    confidence = max(rel.confidence * min(1.0, worth / cfg.error_needs) for _, _, rel, s, worth in judged if s == severity)
    weak = sorted({c.source.value for a, b, _, s, worth in judged if s == severity and worth < cfg.error_needs
                   for c in (a, b) if cfg.claim_worth(c.source) < cfg.error_needs})
    evidence = tuple(
        FindingEvidence(path=c.evidence.path, line=c.evidence.line, column=c.evidence.column, value=c.display, quote=c.evidence.quote,
                        means=_date_meant(c))
        for path in sorted(involved) for c in sorted(involved[path], key=lambda c: (c.evidence.line, c.evidence.column))
    )
    # Distinct values, the one most articles give first; ties by the value itself, not by file.
    articles_of: dict[str, set[str]] = {}
    for ev in evidence:
        articles_of.setdefault(ev.value, set()).add(ev.path)
    values = sorted(articles_of, key=lambda v: (-len(articles_of[v]), v))
    shown = " vs ".join(f'"{v}"' for v in values[:4])
    reasons = sorted({rel.why for rel in deciding}, key=lambda p: (p.key, p.params))
    if weak:
        reasons.append(Phrase(key="weak_sources", params=(("sources", ",".join(weak)),)))
    apart = rule.unlike_slip_level is not None and severity == rule.unlike_slip_level and not any(
        looks_like_slip(float(a.value), float(b.value)) for a, b, _, s, _ in judged if s == severity)
    if apart:
        reasons.append(Phrase(key="figures_apart"))
    if all(rel is INSIDE_ONE_ARTICLE for rel in deciding):
        certainty = "itself"
    elif severity == rule.level:
        certainty = "same"
    elif apart and all(rel.same for rel in deciding):
        certainty = "same"  # one occurrence; the doubt is about the figures (the reason says so)
    elif weak and all(rel.same for rel in deciding):
        certainty = "weak"
    else:
        certainty = "maybe"
    blanks = (("subject", entry.subject), ("values", shown), ("unit", entry.key or "items"))
    why = "; ".join(say("en", r) for r in reasons) + ": " + words("en").certainty[certainty]
    doubt = (reasons[-1] if weak or apart else reasons[0]) if severity != rule.level else None
    message = _english_message(rule, blanks, doubt)
    return Finding(
        id=_fingerprint(rule.id, entry.subject + "|" + entry.key + "|" + ",".join(entry.recipients),
                        [(e.quote, e.value) for e in evidence]),
        rule=rule.id, attribute=rule.attribute, severity=severity, subject=entry.subject, message=message, why=why,
        confidence=round(confidence, 2), evidence=evidence, certainty=certainty,
        message_params=blanks, reasons=tuple(reasons), doubt=doubt,
    )


def run_checks(articles: list[ArticleClaims], rules: list[Rule], lexicon: Lexicon, cfg: GroupingConfig,
               errors: list[str] | None = None, focus: frozenset[str] | None = None) -> list[Finding]:
    """Every rule's findings. A rule that fails does not end the run: the failure, naming the
    rule and the subject, goes to `errors` (re-raised when no list is given). With `focus` (the
    new articles of a pre-publish check), only the event groups that hold one of them are formed."""
    articles = sorted(articles, key=lambda a: a.path)
    by_path = {a.path: a for a in articles}
    groups = group_events(articles, lexicon, cfg, focus)
    findings: list[Finding] = []
    subjects: dict[int, str] = {}
    for rule in rules:
        subject = "(all subjects)"
        try:
            if rule.scope == "article":
                findings += check_weekdays(rule, articles)
                continue
            if rule.scope == "event":
                entries = check_events(rule, groups, by_path, lexicon, subjects)
            else:
                entries = check_people(rule, groups, articles, lexicon)
            for entry in entries:
                subject = entry.subject
                findings.append(to_finding(entry, by_path, cfg))
        except Exception as exc:
            if errors is None:
                raise
            errors.append(f"rule `{rule.id}`, subject {subject!r}: internal error: {type(exc).__name__}: {exc}")
    severity_order = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}
    return sorted(findings, key=lambda f: (severity_order[f.severity], f.subject, f.attribute, f.id))
