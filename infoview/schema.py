"""Front matter (a positioned YAML tree) -> typed model objects, collecting IV002 problems.

Each reader takes a node and the dotted key it sits at, returns a typed value or None, and
records a Problem at the node's position when the value is the wrong type. Unknown keys are
warnings with a "did you mean"; wrong types and impossible dates are errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from infoview.addresses import address_problem
from infoview.limits import date_problem
from infoview.model import (
    FollowUp,
    Interviewer,
    KeepInTouch,
    LearningGoal,
    Meeting,
    MeetingMode,
    Problem,
    Referral,
    Severity,
    Span,
    Status,
)
from infoview.yamlpos import YMap, YNode, YScalar, YSeq, entry_span

T = TypeVar("T")

TOP_KEYS = (
    "interviewer",
    "meeting",
    "formality",
    "status",
    "learning_goals",
    "follow_up",
    "referrals",
    "referred_by",
    "tags",
    "lint",
)
INTERVIEWER_KEYS = (
    "name",
    "title",
    "organization",
    "email",
    "phone",
    "linkedin",
    "website",
    "photo",
    "address",
    "salutation",
)
MEETING_KEYS = ("date", "duration", "mode", "location")
FOLLOW_UP_KEYS = ("may_contact_again", "thank_you_sent", "thank_you_via", "keep_in_touch")
KEEP_IN_TOUCH_KEYS = ("date", "note")
REFERRAL_KEYS = ("name", "note", "contact", "file")
LINT_KEYS = ("ignore",)

FORMALITIES = ("formal", "informal")
VIAS = ("handwritten", "email")
STATUSES = tuple(s.value for s in Status)
MODES = tuple(m.value for m in MeetingMode)
_MODE_SYNONYMS = {"in person": "in-person", "inperson": "in-person", "zoom": "video"}
_TRUE = {"true", "yes", "y", "on"}
# The date and date-time forms infoview documents (and ``infoview schema`` allows): YYYY-MM-DD,
# then optionally a time HH[:MM[:SS[.f]]] after 'T' or a space, and an offset.
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_FALSE = {"false", "no", "n", "off"}
# The unit and its trailing spaces are one optional group: "\s*(unit)?\s*$" would give two
# neighbouring repetitions the same spaces to share (quadratic on "30" and many spaces).
_DURATION = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(?:(m|min|mins|minutes?|h|hr|hrs|hours?)\s*)?$", re.IGNORECASE
)


@dataclass
class FrontMatterValues:
    interviewer: Interviewer = field(default_factory=Interviewer)
    meeting: Meeting = field(default_factory=Meeting)
    formality: str | None = None
    status: Status | None = None
    learning_goals: tuple[LearningGoal, ...] = ()
    follow_up: FollowUp = field(default_factory=FollowUp)
    referrals: tuple[Referral, ...] = ()
    referred_by: str | None = None
    tags: tuple[str, ...] = ()
    lint_ignore: tuple[str, ...] = ()
    keys: dict[str, Span] = field(default_factory=dict)


class Reader:
    """Reads one interview's front matter, accumulating problems and key positions."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.keys: dict[str, Span] = {}

    # -- structure --------------------------------------------------------------------------

    def error(self, message: str, span: Span) -> None:
        self.problems.append(Problem("IV002", message, span))

    def mapping(self, node: YNode | None, key: str, allowed: tuple[str, ...]) -> dict[str, YNode]:
        """Return a mapping's children by key, flagging unknown and duplicate keys."""
        if node is None or (isinstance(node, YScalar) and node.is_null):
            return {}
        if not isinstance(node, YMap):
            self.error(f"'{key}' must be a mapping of {', '.join(allowed)}", node.span)
            return {}
        result: dict[str, YNode] = {}
        for key_node, value in node.items:
            name = key_node.text
            dotted = f"{key}.{name}" if key else name
            if name in result:
                first = self.keys[dotted].line
                self.error(
                    f"duplicate key '{name}' (first on line {first}); keep one", key_node.span
                )
                continue
            self.keys[dotted] = entry_span(key_node, value)
            result[name] = value
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; known keys: {', '.join(allowed)}"
                )
                where = f" in '{key}'" if key else ""
                self.problems.append(
                    Problem(
                        "IV002",
                        f"unknown key '{name}'{where}{hint}",
                        key_node.span,
                        Severity.WARNING,
                    )
                )
        return result

    def sequence(self, node: YNode | None, key: str, *, allow_scalar: bool = False) -> list[YNode]:
        if node is None or (isinstance(node, YScalar) and node.is_null):
            return []
        if isinstance(node, YSeq):
            return node.items
        if allow_scalar and isinstance(node, YScalar):
            return [node]
        self.error(f"'{key}' must be a list ('- item' lines)", node.span)
        return []

    # -- scalars ----------------------------------------------------------------------------

    def scalar(self, node: YNode | None, key: str, what: str) -> YScalar | None:
        if node is None:
            return None
        if not isinstance(node, YScalar):
            self.error(
                f"'{key}' must be {what}, not a {'list' if isinstance(node, YSeq) else 'mapping'}",
                node.span,
            )
            return None
        if node.is_null or (not node.text.strip() and not node.quoted):
            return None
        return node

    def text(self, node: YNode | None, key: str) -> str | None:
        """Return the text as written: 'NO' stays 'NO', 0503 stays '0503'."""
        value = self.scalar(node, key, "text")
        return value.text.strip() or None if value else None

    def email(self, node: YNode | None, key: str) -> str | None:
        """One plain address, by the same rules ``thanks`` writes drafts with.

        A bad one is kept as written (IV002 flags it), so ``thanks`` can say what is wrong
        with it rather than that there is none.
        """
        value = self.text(node, key)
        problem = address_problem(value) if value else None
        if problem:
            assert node is not None
            self.error(
                f"'{key}' is {value!r}: {problem}; write one address like name@example.com",
                node.span,
            )
        return value

    def choice(
        self,
        node: YNode | None,
        key: str,
        choices: tuple[str, ...],
        synonyms: dict[str, str] | None = None,
    ) -> str | None:
        value = self.text(node, key)
        if value is None:
            return None
        normal = value.lower().strip()
        normal = (synonyms or {}).get(normal, normal)
        if normal not in choices:
            assert node is not None
            self.error(f"'{key}' is '{value}'; use one of: {', '.join(choices)}", node.span)
            return None
        return normal

    def boolean(self, node: YNode | None, key: str) -> bool | None:
        value = self.scalar(node, key, "true or false")
        if value is None:
            return None
        word = value.text.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        self.error(f"'{key}' is '{value.text}'; use true or false", value.span)
        return None

    def datetime(
        self, node: YNode | None, key: str
    ) -> tuple[dt.date, dt.time | None, dt.tzinfo | None] | None:
        """Read YYYY-MM-DD or an ISO date-time (offset optional)."""
        value = self.scalar(node, key, "a date")
        if value is None:
            return None
        raw = value.text.strip()
        try:
            if not _ISO.fullmatch(raw):  # fromisoformat also takes 20261203 or 2026-W49-4
                raise ValueError(raw)
            if len(raw) <= 10:
                day = dt.date.fromisoformat(raw)
                return (day, None, None) if self._in_range(day, raw, key, value.span) else None
            stamp = dt.datetime.fromisoformat(raw.replace(" ", "T", 1) if "T" not in raw else raw)
        except ValueError as exc:
            reason = str(exc).removeprefix("Invalid isoformat string: ")
            detail = f" ({reason})" if "out of range" in reason or "must be in" in reason else ""
            self.error(
                f"'{key}' is '{raw}', not a valid date{detail}; "
                "write YYYY-MM-DD or YYYY-MM-DDTHH:MM",
                value.span,
            )
            return None
        if not self._in_range(stamp.date(), raw, key, value.span):
            return None
        return stamp.date(), stamp.time().replace(tzinfo=None), stamp.tzinfo

    def _in_range(self, day: dt.date, raw: str, key: str, span: Span) -> bool:
        """A date every output can represent (``limits``); else IV002 at its line."""
        problem = date_problem(day)
        if problem:
            self.error(f"'{key}' is '{raw}': {problem}; check the year", span)
        return problem is None

    def date(self, node: YNode | None, key: str) -> dt.date | None:
        parsed = self.datetime(node, key)
        return parsed[0] if parsed else None

    def duration(self, node: YNode | None, key: str) -> int | None:
        value = self.scalar(node, key, "a number of minutes")
        if value is None:
            return None
        match = _DURATION.match(value.text)
        if not match:
            self.error(f"'{key}' is '{value.text}'; write the agreed minutes, e.g. 30", value.span)
            return None
        amount = float(match.group(1))
        if (match.group(2) or "m").lower().startswith("h"):
            amount *= 60
        minutes = round(amount)
        if not 1 <= minutes <= 24 * 60:
            self.error(
                f"'{key}' is {minutes} minutes; write the agreed minutes, e.g. 30", value.span
            )
            return None
        return minutes

    def items(
        self, nodes: list[YNode], key: str, read: Callable[[YNode, str], T | None]
    ) -> tuple[T, ...]:
        out = []
        for index, node in enumerate(nodes):
            self.keys[f"{key}[{index}]"] = node.span
            item = read(node, f"{key}[{index}]")
            if item is not None:
                out.append(item)
        return tuple(out)


def read_front_matter(root: YMap) -> tuple[FrontMatterValues, list[Problem]]:
    """Interpret the front matter of one interview."""
    r = Reader()
    top = r.mapping(root, "", TOP_KEYS)
    values = FrontMatterValues()

    iv = r.mapping(top.get("interviewer"), "interviewer", INTERVIEWER_KEYS)
    values.interviewer = Interviewer(
        **{
            k: (r.email if k == "email" else r.text)(iv.get(k), f"interviewer.{k}")
            for k in INTERVIEWER_KEYS
        }
    )

    mt = r.mapping(top.get("meeting"), "meeting", MEETING_KEYS)
    when = r.datetime(mt.get("date"), "meeting.date")
    mode = r.choice(mt.get("mode"), "meeting.mode", MODES, _MODE_SYNONYMS)
    values.meeting = Meeting(
        date=when[0] if when else None,
        time=when[1] if when else None,
        offset=when[2] if when else None,
        duration=r.duration(mt.get("duration"), "meeting.duration"),
        mode=MeetingMode(mode) if mode else None,
        location=r.text(mt.get("location"), "meeting.location"),
    )

    values.formality = r.choice(top.get("formality"), "formality", FORMALITIES)
    status = r.choice(top.get("status"), "status", STATUSES)
    values.status = Status(status) if status else None

    def goal(node: YNode, key: str) -> LearningGoal | None:
        text = r.text(node, key)
        return LearningGoal(0, text, node.span) if text else None

    goals = r.items(
        r.sequence(top.get("learning_goals"), "learning_goals", allow_scalar=True),
        "learning_goals",
        goal,
    )
    values.learning_goals = tuple(LearningGoal(n, g.text, g.span) for n, g in enumerate(goals, 1))

    fu = r.mapping(top.get("follow_up"), "follow_up", FOLLOW_UP_KEYS)

    def contact(node: YNode, key: str) -> KeepInTouch | None:
        if isinstance(node, YScalar) and not node.is_null:
            return KeepInTouch(None, node.text, node.span)
        entry = r.mapping(node, key, KEEP_IN_TOUCH_KEYS)
        if not entry:
            return None
        return KeepInTouch(
            r.date(entry.get("date"), f"{key}.date"),
            r.text(entry.get("note"), f"{key}.note") or "",
            node.span,
        )

    values.follow_up = FollowUp(
        may_contact_again=r.boolean(fu.get("may_contact_again"), "follow_up.may_contact_again"),
        thank_you_sent=r.date(fu.get("thank_you_sent"), "follow_up.thank_you_sent"),
        thank_you_via=r.choice(fu.get("thank_you_via"), "follow_up.thank_you_via", VIAS),
        keep_in_touch=r.items(
            r.sequence(fu.get("keep_in_touch"), "follow_up.keep_in_touch"),
            "follow_up.keep_in_touch",
            contact,
        ),
    )

    def referral(node: YNode, key: str) -> Referral | None:
        if isinstance(node, YScalar):
            name = r.text(node, key)
            return Referral(name, node.span) if name else None
        entry = r.mapping(node, key, REFERRAL_KEYS)
        name = r.text(entry.get("name"), f"{key}.name")
        if name is None:
            r.error(f"'{key}' needs a 'name:'", node.span)
            return None
        return Referral(
            name,
            node.span,
            note=r.text(entry.get("note"), f"{key}.note"),
            contact=r.text(entry.get("contact"), f"{key}.contact"),
            file=r.text(entry.get("file"), f"{key}.file"),
        )

    values.referrals = r.items(r.sequence(top.get("referrals"), "referrals"), "referrals", referral)
    values.referred_by = r.text(top.get("referred_by"), "referred_by")

    def text_item(node: YNode, key: str) -> str | None:
        return r.text(node, key)

    values.tags = r.items(r.sequence(top.get("tags"), "tags", allow_scalar=True), "tags", text_item)
    lint = r.mapping(top.get("lint"), "lint", LINT_KEYS)
    values.lint_ignore = r.items(
        r.sequence(lint.get("ignore"), "lint.ignore", allow_scalar=True), "lint.ignore", text_item
    )
    values.keys = r.keys
    return values, r.problems
