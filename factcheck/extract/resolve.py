"""People inside one article: the mentions of one person become one person ("Andi Ony
Prihartono", "Andi Ony", "Andi Ony. P MSI"; "Tito" after "Tito Karnavian"; "WH" after "(WH)";
an office alone, "Wapres", when the article names its holder)."""

from __future__ import annotations

from collections.abc import Collection

from ..lexicon import is_foreign
from .people import Mention, name_match, named_after


class Person:
    def __init__(self, mention: Mention, order: int):
        self.order = order  # first-seen order: earlier people win ties
        self.key = mention.key
        self.display = mention.name or ""
        self.aliases: set[str] = {mention.alias} if mention.alias else set()
        self.offices = [mention.office] if mention.office else []
        self.mentions = {id(mention)}

    def absorb(self, mention: Mention) -> None:
        self.mentions.add(id(mention))
        if len(mention.key) > len(self.key):
            self.key, self.display = mention.key, mention.name or self.display
        if mention.alias:
            self.aliases.add(mention.alias)
        if mention.office and mention.office not in self.offices:  # each office once, in first-seen order
            self.offices.append(mention.office)

    @property
    def id(self) -> str:
        return " ".join(self.key)


def _other_seat(person: Person, mention: Mention, national_seats: Collection[str]) -> bool:
    """"Kapolri Listyo Sigit Prabowo" and, later, "Presiden Prabowo": one word of a name is
    weak evidence, and two different seats of the whole country are never one person's at once,
    so a one-word mention holding another national seat is someone else."""
    office = mention.office
    if len(mention.key) != 1 or office is None or office.acting or office.id not in national_seats:
        return False
    held = [o for o in person.offices if not o.acting]
    return bool(held) and all(o.id in national_seats and o.id != office.id for o in held)


def resolve_people(mentions: list[Mention], national_seats: Collection[str] = (),
                   droppable_first_names: Collection[str] = (),
                   listed_together: Collection[tuple[int, int]] = ()) -> dict[str, Person]:
    """Mentions of one person inside an article become one person: "Andi Ony Prihartono",
    "Andi Ony", "Andi Ony. P MSI"; "Tito" after "Tito Karnavian"; "WH" after "(WH)"; an office
    alone ("Wapres") when the article names its holder. `national_seats`: the ids of offices
    with one seat in the country; `droppable_first_names`: first names a later mention may leave out;
    `listed_together`: pairs of mentions (by id) joined in one list, "A dan B", which are two people
    however alike their names ("Bupati Amran Mahmud dan Wakil Bupati Amran")."""
    apart: dict[int, set[int]] = {}
    for x, y in listed_together:
        apart.setdefault(x, set()).add(y)
        apart.setdefault(y, set()).add(x)
    people: list[Person] = []
    by_block: dict[str, list[Person]] = {}

    def candidates(m: Mention) -> list[Person]:
        found = {p.order: p for t in m.key if len(t) > 1 for p in by_block.get(t[:4], [])}
        fitting = [found[i] for i in sorted(found) if not _other_seat(found[i], m, national_seats)
                   and not named_after(found[i].key, m.key, droppable_first_names)
                   and not (apart.get(id(m), set()) & found[i].mentions)]
        office = m.office
        if len(m.key) == 1 and office is not None:
            # "Presiden Prabowo" after "Presiden Prabowo Subianto" and "Jenderal Listyo Sigit
            # Prabowo": the person already holding that office first.
            fitting.sort(key=lambda p: not any(o.id == office.id for o in p.offices))
        return fitting

    named = [m for m in mentions if m.key and not m.is_pronoun]
    for m in sorted(named, key=lambda m: -len(m.key)):
        if len(m.key) == 1 and not m.office:
            continue
        match = next((p for p in candidates(m) if name_match(p.key, m.key, 2 if len(m.key) > 1 else 1)), None)
        if match is None and len(m.key) == 1:
            match = next((p for p in people if m.key[0] in p.aliases), None)
        if match is None:
            match = Person(m, len(people))
            people.append(match)
            for t in m.key:
                if len(t) > 1:
                    by_block.setdefault(t[:4], []).append(match)
        else:
            match.absorb(m)
    for m in named:
        if m.person is None:
            match = next((p for p in candidates(m) if name_match(p.key, m.key, 2 if len(m.key) > 1 else 1)), None)
            if match is None and len(m.key) == 1:
                match = next((p for p in people if m.key[0] in p.aliases), None)
            if match is not None:
                m.person = match.id
    # Who holds each office, in the order people were found (each person once per office
    # and jurisdiction), so that an office alone is looked up, not searched for.
    holders: dict[str, dict[tuple[int, str | None], Person]] = {}
    for person in people:
        for o in person.offices:
            holders.setdefault(o.id, {}).setdefault((person.order, o.jurisdiction), person)
    for m in mentions:
        if m.person is None and m.name is None and m.office is not None:
            wanted = m.office.jurisdiction
            holder = next((person for (_, jurisdiction), person in sorted(holders.get(m.office.id, {}).items(),
                                                                          key=lambda item: item[0][0])
                           if jurisdiction in (None, wanted) or (not wanted and not is_foreign(jurisdiction))), None)
            if holder is not None:
                m.person = holder.id
    return {p.id: p for p in people}


def person_value(m: Mention, people: dict[str, Person]) -> tuple[str, str, str | None] | None:
    """(comparable value, display, office key) of a person in a role."""
    if m.person:
        p = people[m.person]
        office = m.office or (p.offices[0] if p.offices else None)
        return "person:" + m.person, p.display + (f" ({office.display})" if office else ""), office.key() if office else None
    if m.office is not None:
        return "office:" + m.office.key(), m.office.display, m.office.key()
    return None


def recipient_ids(m: Mention, people: dict[str, Person], regions: bool = True) -> set[str]:
    """A recipient: the person, and for awards the region a regional head stands for."""
    ids = {"person:" + m.person} if m.person else set()
    if not regions:
        return ids
    offices = [m.office] if m.office else []
    if m.person:
        offices += people[m.person].offices
    ids |= {o.jurisdiction for o in offices if o and o.jurisdiction and ":" in o.jurisdiction}
    return ids

