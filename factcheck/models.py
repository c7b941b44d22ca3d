"""Typed data that flows between the pipeline stages: frozen dataclasses (see typed.py for
why not validating models, and for their JSON form).

read -> Article (text lines with their original positions)
clean -> Article with every line given a zone (body, headline, noise)
extract -> ArticleClaims (an EventFrame, person mentions and claims, each with Evidence)
group -> Subject (claims that may be compared, with how sure we are they describe one thing)
check -> Finding
report -> Report
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Zone(StrEnum):
    body = "body"
    headline = "headline"
    noise = "noise"


@dataclass(frozen=True, kw_only=True, slots=True)
class TextLine:
    """One line of article text and where it starts in the original file."""

    line: int
    column: int
    text: str
    zone: Zone = Zone.body


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleMeta:
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """What the reader made of one file."""

    path: str
    format: str
    lines: tuple[TextLine, ...] = ()
    meta: ArticleMeta = ArticleMeta()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Evidence:
    path: str
    line: int
    column: int
    quote: str


@dataclass(frozen=True, kw_only=True, slots=True)
class PartialDate:
    """A calendar date whose year may be unknown ("Thursday (Feb 20)")."""

    year: int | None
    month: int
    day: int

    def iso(self) -> str:
        year = f"{self.year:04d}-" if self.year is not None else "--"  # ISO 8601 "--MM-DD"
        return f"{year}{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def same_day(self, other: PartialDate) -> bool:
        """Equal where both are known; an unknown year agrees with any year."""
        if (self.month, self.day) != (other.month, other.day):
            return False
        return self.year is None or other.year is None or self.year == other.year

    def shifted(self, days: int) -> PartialDate | None:
        """The date `days` later (earlier when negative); a year-less date within a leap year."""
        try:
            moved = dt.date(self.year if self.year is not None else 2000, self.month, self.day) + dt.timedelta(days=days)
        except (ValueError, OverflowError):
            return None
        return PartialDate(year=moved.year if self.year is not None else None, month=moved.month, day=moved.day)

    def days_to(self, other: PartialDate) -> int | None:
        a, b = self.as_date(), other.as_date()
        if a is not None and b is not None:
            return abs((a - b).days)
        if self.year is None or other.year is None:
            # Compare within one (leap) year: enough to tell "one day apart".
            a, b = dt.date(2000, self.month, self.day), dt.date(2000, other.month, other.day)
            return abs((a - b).days)
        return None


class Status(StrEnum):
    """How an office is said to be held at the time of the article."""

    current = "current"  # "Mendagri Tito Karnavian"
    target = "target"  # "dilantik sebagai Pj Bupati": the office being taken
    past = "past"  # "mantan Kapolri", "sebelumnya menjabat"
    # The office held until the act the sentence reports ("melantik Sekda X sebagai Pj Gubernur"):
    # compared with what other reports call the person then, never with the post taken.
    before = "before"


@dataclass(frozen=True, kw_only=True, slots=True)
class Office:
    id: str
    display: str
    acting: str | None = None  # pj / plt / plh
    jurisdiction: str | None = None  # canonical region id, or an org / unit key

    def key(self) -> str:
        parts = [self.acting or "", self.id, self.jurisdiction or ""]
        return ":".join(parts)


@dataclass(frozen=True, kw_only=True, slots=True)
class PersonMention:
    name: str  # as written, degrees included
    key: str  # normalised name used for matching
    office: Office | None = None
    status: Status = Status.current
    start: int  # character offsets in the sentence's text unit
    end: int
    evidence: Evidence


class ClaimSource(StrEnum):
    """Where in the article a claim was read: how much it says about the article's own event."""

    act = "act"  # the sentence that reports the act itself
    joined = "joined"  # another sentence about the same act
    body = "body"  # any other sentence (offices, categories, counts)
    quote = "quote"  # the date of a statement ("ujar X, Rabu (24/4)"), or words inside quotation marks
    document = "document"  # the date of a decree or letter ("Keppres ... tanggal 6 November")
    region = "region"  # a venue that is only a region ("di Jawa Timur"): often the recipient's home, not the venue
    listing = "list"  # a list of winners, criteria or names ("berikut daftar ...", bullets)
    bare_name = "bare_name"  # a doer named without any office in the whole article: often not a person at all
    planned = "planned"  # when, where and by whom a preview says the act will be done: plans change


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim:
    """One thing an article says, normalised so that claims can be compared."""

    attribute: str
    value: str  # normalised comparable value
    display: str  # human-readable value as the article means it
    evidence: Evidence
    person: str | None = None  # person key (title claims)
    office: str | None = None  # office key of the person in a role (presenter claims)
    status: Status | None = None  # how the office is held (title claims)
    recipients: tuple[str, ...] = ()  # who the award or act is for: person and region ids
    unit: str | None = None  # what a quantity counts
    approximate: bool = False
    partial: PartialDate | None = None
    source: ClaimSource = ClaimSource.body


@dataclass(frozen=True, kw_only=True, slots=True)
class EventFrame:
    """The article's main event, as far as the text says."""

    kind: str
    recurring: bool = False
    name: str | None = None
    name_tokens: tuple[str, ...] = ()
    edition: int | None = None
    date: PartialDate | None = None
    date_weekday: int | None = None  # the weekday written with the date (0 = Monday): a year-less date's evidence of its year
    date_explicit: bool = False
    # With no date: the year the body names most ("peringatan Hari Pahlawan 2021"), a hint
    # of which occurrence an undated report is of.
    year_named: int | None = None
    collective: bool = False  # one act for many (a mass swearing-in): one presenter for all
    planned: bool = False  # a preview: the act is still to come ("akan dilantik besok")
    recipients: tuple[str, ...] = ()
    presenter: str | None = None
    presenter_office: str | None = None
    location: str | None = None
    posts: tuple[str, ...] = ()  # offices sworn in to: a person's swearing-in as KSAD is not the one as Panglima TNI


@dataclass(frozen=True, kw_only=True, slots=True)
class Suppression:
    """Lines of an article where findings of these rules (all rules when empty) are silenced."""

    rules: tuple[str, ...] = ()
    first: int
    last: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleClaims:
    path: str
    language: str
    anchor: dt.date | None = None
    reference_date: PartialDate | None = None
    event: EventFrame | None = None
    claims: tuple[Claim, ...] = ()
    people: dict[str, str] = field(default_factory=dict)  # person key -> display name
    concurrent: tuple[str, ...] = ()  # people the article says hold two offices at once ("merangkap")
    errors: tuple[str, ...] = ()
    noise_lines: int = 0
    suppressions: tuple[Suppression, ...] = ()  # "factcheck: ignore ..." in the article


class Severity(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, kw_only=True, slots=True)
class FindingEvidence:
    path: str
    line: int
    column: int
    value: str
    quote: str
    # The date a relative or partly written date stands for ("kemarin", "Senin (2/9)"), ISO.
    means: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Phrase:
    """Words to be said in the report's language: a key of `reasons` in
    rules/lang/<code>/report.yaml and what fills its blanks."""
    key: str
    params: tuple[tuple[str, str], ...] = ()  # pairs, so that a phrase can be a set member

    @property
    def blanks(self) -> dict[str, str]:
        return dict(self.params)


@dataclass(frozen=True, kw_only=True, slots=True)
class Finding:
    id: str
    rule: str
    attribute: str
    severity: Severity
    subject: str
    message: str
    why: str
    confidence: float
    evidence: tuple[FindingEvidence, ...]
    # itself / same / weak / maybe: how sure it is that the articles tell of one occurrence
    # (the end of `why`, in English); None for a finding about one article's own text.
    certainty: str | None = None
    # What `message` and `why` say, as data, so that a report says it in its own language.
    message_params: tuple[tuple[str, str], ...] = ()
    reasons: tuple[Phrase, ...] = ()
    doubt: Phrase | None = None  # the reason the message ends with when the rule's level was lowered


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleSummary:
    path: str
    claims: int
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    language: str | None = None
    noise_lines: int = 0
    # How an editor knows the article: its headline, outlet and date (front matter, HTML meta,
    # the first line, a web address in the dateline, the publication stamp).
    headline: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class SkippedFile:
    """A file left out on purpose (not an article format, or excluded), and why."""

    path: str
    reason: str


@dataclass(frozen=True, kw_only=True, slots=True)
class RuleSummary:
    """What a report says about a rule that ran (for formats that describe their rules, as SARIF does)."""

    id: str
    attribute: str
    scope: str
    level: Severity
    description: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Report:
    version: int = 1
    articles: tuple[ArticleSummary, ...] = ()
    findings: tuple[Finding, ...] = ()
    rule_errors: tuple[str, ...] = ()
    check_errors: tuple[str, ...] = ()  # a rule that failed on a subject; its other findings stand
    skipped: tuple[SkippedFile, ...] = ()
    hidden_info: int = 0  # info findings left out of this report (shown with --show info)
    suppressed: int = 0  # findings silenced in an article ("factcheck: ignore") or by id in the configuration
    baselined: int = 0  # findings left out because the baseline holds them
    rules: tuple[RuleSummary, ...] = ()  # the rules that ran
    language: str | None = None  # the language the report is written in (None or "auto": most articles')

    @property
    def unchecked(self) -> tuple[ArticleSummary, ...]:
        """The inputs that could not be checked: they make the run incomplete."""
        return tuple(a for a in self.articles if a.errors)
