"""The packet's logistics in the words of the meeting's mode: in person, video or phone.

In person: the address, arriving a few minutes early, the number to call if you are
delayed. Video: the link, logging in early to check camera and sound, the number to call
if the call fails. Phone: who calls whom and on what number, being somewhere quiet, the
number to call back if the line drops.

Who calls whom: the student asked for the meeting, so by default the student calls, at
``meeting.location`` when that is a number (a direct line or a dial-in), else at
``interviewer.phone``. Anything else in ``meeting.location`` ("They call me on +1 312 555
0100") is shown as written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from infoview.config import Config
from infoview.model import Interview, MeetingMode
from infoview.wording import names

_DIAL = frozenset("0123456789+-()., #*/x")


def is_number(text: str) -> bool:
    """A phone number or dial-in ("+1 312 555 0123", "(312) 555-0123 ext 45", "555 0123,,4#")."""
    dial = " ".join(text.lower().replace("ext.", "x").replace("ext", "x").split())
    digits = sum(c.isdigit() for c in dial)
    return digits >= 5 and dial.count("x") <= 1 and set(dial) <= _DIAL


@dataclass(frozen=True)
class Logistics:
    rows: list[tuple[str, str]]  # (label, value) on the cover, after When and duration
    checklist: list[str]  # the day-of items that depend on the mode


def _early(interview: Interview, config: Config) -> str:
    start = interview.meeting.start(config.tz)
    if start is None or interview.meeting.time is None:
        return ""
    return f" (by {start - dt.timedelta(minutes=10):%H:%M})"


def _at(interview: Interview, config: Config) -> str:
    start = interview.meeting.start(config.tz)
    if start is None or interview.meeting.time is None:
        return "at the agreed time"
    return f"at {start:%H:%M}"


def _reach(interview: Interview) -> str:
    """How to reach the interviewer on the day: their phone, else their email."""
    who = interview.interviewer
    if who.phone:
        return f"call {who.phone}"
    if who.email:
        return f"email {who.email}, and ask for a phone number before the day"
    return "no phone recorded: ask for one before the day"


def _in_a_sentence(name: str | None) -> str:
    """The name as a sentence says it: 'Aisha Bello, RN' -> 'Aisha Bello', 'Dr. Ana Cruz' stays.

    Letters after a name belong on its own line ("Aisha Bello, RN" under the cover's
    heading), not inside "Have Aisha Bello, RN's number handy".
    """
    if not name or not name.strip():
        return "them"
    honorific, words, _ = names.parts(name)
    if not words:
        return name.strip()
    return " ".join([honorific, *words] if honorific else words)


def _in_person(interview: Interview, config: Config) -> Logistics:
    where = interview.meeting.location
    name = _in_a_sentence(interview.interviewer.name)
    reach = _reach(interview)
    arrive = f"Arrive a few minutes early{_early(interview, config)}"
    return Logistics(
        rows=[
            ("Where", f"In person at {where}" if where else "In person: no address yet; ask"),
            ("If you are delayed", reach[:1].upper() + reach[1:]),
        ],
        checklist=[
            "Dress neatly and appropriately, as you would for a job interview.",
            arrive + (f" at {where}." if where else "."),
            f"Have {name}'s number handy in case you are delayed: {reach}.",
        ],
    )


def _video(interview: Interview, config: Config) -> Logistics:
    link = interview.meeting.location
    name = _in_a_sentence(interview.interviewer.name)
    reach = _reach(interview)
    return Logistics(
        rows=[
            ("How to join", f"Video call: {link}" if link else "Video call: no link yet; ask"),
            ("If the call fails", reach[:1].upper() + reach[1:]),
        ],
        checklist=[
            "Dress neatly and appropriately, as you would for a job interview, even on "
            "video: it helps you feel prepared.",
            f"Log in a few minutes early{_early(interview, config)} and check the link, your "
            "camera and your microphone.",
            f"If the call fails or the sound drops, {reach} and tell {name} what happened.",
        ],
    )


def phone_plan(interview: Interview) -> tuple[str, str | None]:
    """(who calls whom, the number to call back on) for a phone meeting."""
    location = (interview.meeting.location or "").strip()
    phone = interview.interviewer.phone
    if location and is_number(location):
        return f"You call them at {location}", location
    if location:
        return location, phone
    if phone:
        return f"You call them at {phone} (you asked for the meeting)", phone
    return "Not recorded: agree who calls whom, and the number, before the day", None


def _phone(interview: Interview, config: Config) -> Logistics:
    plan, number = phone_plan(interview)
    name = _in_a_sentence(interview.interviewer.name)
    calls = plan.startswith("You call them at")
    back = f"call back on {number}" if number else "email them to find a new time"
    if interview.interviewer.email and not number:
        back = f"email {interview.interviewer.email} to find a new time"
    if number and not calls:  # they call you: give them a minute to call again
        back = f"wait a minute for them to call again, then call {number}"
    first = (
        f"Call {name} at {number} {_at(interview, config)}."
        if calls and number
        else f"Who calls whom: {plan}."
    )
    return Logistics(
        rows=[("Who calls whom", plan), ("If the line drops", back[:1].upper() + back[1:])],
        checklist=[
            "Dress as you would for a job interview, even for a phone call: it helps you "
            "feel prepared and relaxed.",
            f"Be somewhere quiet a few minutes early{_early(interview, config)}, with your "
            "phone charged and these notes open.",
            first,
            f"If the line drops, {back}.",
        ],
    )


def _undecided(interview: Interview, config: Config) -> Logistics:
    where = interview.meeting.location
    reach = _reach(interview)
    return Logistics(
        rows=[
            ("Where or how", where or "Not decided yet: in person, video or phone?"),
            ("If plans change", reach[:1].upper() + reach[1:]),
        ],
        checklist=[
            "Dress neatly and appropriately, as you would for a job interview, even for a "
            "video or phone call.",
            f"Be ready a few minutes early{_early(interview, config)}.",
            f"Have their contact details handy in case plans change: {reach}.",
        ],
    )


def logistics(interview: Interview, config: Config) -> Logistics:
    """The cover's rows and the checklist's first items for this meeting's mode."""
    mode = interview.meeting.mode
    if mode is MeetingMode.IN_PERSON:
        return _in_person(interview, config)
    if mode is MeetingMode.VIDEO:
        return _video(interview, config)
    if mode is MeetingMode.PHONE:
        return _phone(interview, config)
    return _undecided(interview, config)
