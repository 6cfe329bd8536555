"""The interview as typed values, each carrying the source position it came from.

``parse.parse_text`` builds these; lint, render, edit and agenda only read them. Positions
are 1-based file lines and columns (front-matter offsets already applied), so anything that
reports a problem can point an editor at the exact key, heading or list item.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo


class Span(NamedTuple):
    """Where an item is in the interview file: 1-based line and column, and where it ends.

    ``end_line``/``end_column`` give the end (the column just past the last character);
    0 means the end is not known (a point, e.g. where a YAML error was found), and users
    of ranges then take the rest of the start line. Columns count characters (code
    points) of the text with its BOM removed; editors' UTF-16 columns are computed from
    them at the language server's edge.

    Two spans are equal when they start at the same place: the end is detail for editors'
    ranges, so ``Span(3, 1)`` still names the item at line 3 (compare ``tuple(span)`` to
    include the end).

    A named tuple rather than a dataclass: an interview holds dozens, and tuples make the
    lint cache several times cheaper to load.
    """

    line: int
    column: int = 1
    end_line: int = 0
    end_column: int = 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self[:2] == other[:2]
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self[:2] != other[:2]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self[:2])

    @property
    def start(self) -> Span:
        """The start alone, as a point (what ``path:line:col`` reports)."""
        return Span(self.line, self.column)


FILE_START = Span(1, 1)


class Severity(StrEnum):
    """How serious a problem is; lint config may change a rule's default."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the file found while parsing (a lint diagnostic in waiting).

    ``code`` is the lint code from SPEC section 3 (IV001 invalid front matter, IV002 schema).
    """

    code: str
    message: str
    span: Span
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Interviewer:
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    photo: str | None = None  # a path relative to the interview file
    address: str | None = None  # postal address, for a thank-you card's envelope
    salutation: str | None = None  # how a note greets them, e.g. "Dr. Bell-Núñez"


class MeetingMode(StrEnum):
    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"


@dataclass(frozen=True)
class Meeting:
    """When and how the meeting happens.

    ``date`` is always set when anything is; ``time`` is None for a date-only meeting.
    ``offset`` is the UTC offset written in the file, if any; otherwise the workspace's
    time zone applies.
    """

    date: dt.date | None = None
    time: dt.time | None = None
    offset: dt.tzinfo | None = None
    duration: int | None = None  # minutes
    mode: MeetingMode | None = None
    location: str | None = None

    def start(self, tz: ZoneInfo) -> dt.datetime | None:
        """Return the aware start (midnight for a date-only meeting), or None."""
        if self.date is None:
            return None
        naive = dt.datetime.combine(self.date, self.time or dt.time(0, 0))
        return naive.replace(tzinfo=self.offset or tz)

    def last_day(self, tz: ZoneInfo) -> dt.date | None:
        """The calendar day (in ``tz``) the meeting ends on: follow-up is counted from it.

        A date-only meeting ends on its own day, not at the following midnight.
        """
        if self.date is None or self.time is None:
            return self.date
        end = self.end(tz)
        assert end is not None
        return end.astimezone(tz).date()

    def end(self, tz: ZoneInfo) -> dt.datetime | None:
        """Return start + duration; a date-only meeting ends at the end of its day."""
        start = self.start(tz)
        if start is None:
            return None
        if self.time is None:
            return start + dt.timedelta(days=1)
        # Elapsed minutes, not wall-clock ones (aware + timedelta keeps the wall clock): a
        # meeting that spans a daylight-saving change still lasts ``duration`` minutes.
        end = start.astimezone(dt.UTC) + dt.timedelta(minutes=self.duration or 0)
        return end.astimezone(start.tzinfo)


@dataclass(frozen=True)
class KeepInTouch:
    date: dt.date | None
    note: str
    span: Span


@dataclass(frozen=True)
class FollowUp:
    may_contact_again: bool | None = None
    thank_you_sent: dt.date | None = None
    thank_you_via: str | None = None  # handwritten | email
    keep_in_touch: tuple[KeepInTouch, ...] = ()


@dataclass(frozen=True)
class Referral:
    name: str
    span: Span
    note: str | None = None
    contact: str | None = None
    file: str | None = None


@dataclass(frozen=True)
class LearningGoal:
    number: int  # 1-based, as in "### Goal 1"
    text: str
    span: Span


class Facet(StrEnum):
    """The research the guide asks for, plus common ground and sources."""

    WORK_HISTORY = "work history"
    EDUCATION = "education"
    CREDENTIALS = "credentials"
    IN_COMMON = "in common"
    SOURCES = "sources"


@dataclass(frozen=True)
class ResearchItem:
    """One list item (or H3 block) under Research; ``facet`` is None for unlabelled notes.

    ``facet`` is the label's first topic; ``facets`` holds all of them, so "Education and
    certifications" covers both.
    """

    facet: Facet | None
    label: str | None  # the label as written, e.g. "Awards"
    text: str  # the item's Markdown without its label, sub-items included
    span: Span
    facets: tuple[Facet, ...] = ()


@dataclass(frozen=True)
class Question:
    text: str
    span: Span
    goal: int | None  # the learning goal's number, or None when it sits under no goal
    heading: str | None  # the H3 it sits under, as written


@dataclass(frozen=True)
class GoalHeading:
    """An H3 under Questions and the goal it names (None when it names none)."""

    text: str
    span: Span
    goal: int | None


@dataclass(frozen=True)
class NoteItem:
    text: str
    span: Span
    takeaway: bool  # labelled "Takeaway:" or "Advice:"


@dataclass(frozen=True)
class Section:
    """An H2 section: its heading position and its Markdown source (without the heading)."""

    title: str
    span: Span
    markdown: str

    @property
    def empty(self) -> bool:
        return not strip_comments(self.markdown).strip()


class Status(StrEnum):
    PLANNED = "planned"
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass
class Interview:
    """One interview file, parsed. Problems found while parsing are in ``problems``."""

    path: Path
    interviewer: Interviewer = field(default_factory=Interviewer)
    meeting: Meeting = field(default_factory=Meeting)
    formality: str | None = None  # formal | informal
    status_override: Status | None = None
    learning_goals: tuple[LearningGoal, ...] = ()
    follow_up: FollowUp = field(default_factory=FollowUp)
    referrals: tuple[Referral, ...] = ()
    referred_by: str | None = None
    tags: tuple[str, ...] = ()
    lint_ignore: tuple[str, ...] = ()
    title: str | None = None  # the H1, if any
    sections: dict[str, Section] = field(default_factory=dict)  # research|questions|notes|follow-up
    research: tuple[ResearchItem, ...] = ()
    goal_headings: tuple[GoalHeading, ...] = ()
    questions: tuple[Question, ...] = ()
    notes: tuple[NoteItem, ...] = ()
    keys: dict[str, Span] = field(default_factory=dict)  # "meeting.date" -> where it is
    problems: list[Problem] = field(default_factory=list)
    front_matter_end: int = 0  # file line of the closing '---' (0 when there is none)
    disabled: dict[int, tuple[str, ...]] = field(default_factory=dict)  # line -> codes

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def display_name(self) -> str:
        return self.interviewer.name or self.stem

    @property
    def takeaways(self) -> tuple[NoteItem, ...]:
        return tuple(n for n in self.notes if n.takeaway)

    def span(self, key: str) -> Span:
        """Return where ``key`` (dotted, e.g. ``meeting.date``) or its nearest parent is."""
        while key:
            if key in self.keys:
                return self.keys[key]
            key = key.rpartition(".")[0]
        return FILE_START

    def questions_for(self, goal: int) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.goal == goal)

    def facets(self) -> set[Facet]:
        return {facet for item in self.research for facet in item.facets}

    def status(self, now: dt.datetime, tz: ZoneInfo) -> Status:
        """Return the explicit status, or derive it: planned, scheduled, or done once ended."""
        if self.status_override is not None:
            return self.status_override
        end = self.meeting.end(tz)
        if end is None:
            return Status.PLANNED
        return Status.DONE if end <= now else Status.SCHEDULED

    def thank_you_due(self, tz: ZoneInfo, days: int) -> dt.date | None:
        """The day a thank-you is due: ``days`` after the day the meeting ends."""
        last = self.meeting.last_day(tz)
        return None if last is None else last + dt.timedelta(days=days)

    def thank_you_channel(self, pairing: dict[str, str]) -> str:
        """Return 'card' or 'email' for this interview's formality, as ``[thanks]`` pairs them."""
        return pairing.get(self.formality or "formal", "email")


_MARKUP = re.compile(r"[*_`]+")


def plain_text(markdown: str) -> str:
    """Drop emphasis and code marks and collapse spaces: "**What** does" -> "What does"."""
    return " ".join(_MARKUP.sub("", markdown).split())


# A link or an image reads as its text; an autolink and a backslash escape's mark go.
_LINK = re.compile(r"!?\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]{0,2000}>")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def read_text(markdown: str) -> str:
    """Markdown as a reader says it: "What does [Acme](https://acme.example) make?" ->
    "What does Acme make?" (links and images as their text, autolinks dropped, escapes
    undone), then :func:`plain_text`."""
    if "](" in markdown:
        markdown = _LINK.sub(r"\1", markdown)
    if "<" in markdown:
        markdown = _AUTOLINK.sub("", markdown)
    if "\\" in markdown:
        markdown = _ESCAPED.sub(r"\1", markdown)
    return plain_text(markdown)


def normal_words(text: str) -> str:
    """Lower-case words only, for comparing wordings ("Follow-up:" == "follow up")."""
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def strip_comments(markdown: str) -> str:
    """Remove HTML comments (guidance left by ``infoview new``) from Markdown source."""
    out = []
    rest = markdown
    while "<!--" in rest:
        before, _, after = rest.partition("<!--")
        out.append(before)
        _, sep, rest = after.partition("-->")
        if not sep:
            rest = ""
    out.append(rest)
    return "".join(out)
