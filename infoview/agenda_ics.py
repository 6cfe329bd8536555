"""``infoview agenda --ics FILE``: meetings and follow-up reminders as an RFC 5545 calendar.

Every dated meeting is a VEVENT: DTSTART in the workspace's time zone with its VTIMEZONE
(or in UTC when the file gives its own offset, an instant without a zone name), DURATION,
LOCATION, URL for a video link, and a DESCRIPTION with the learning goals and the phone to
call. Every thank-you is a VTODO due ``thank_you_days`` after the meeting (meetings still
ahead included), and every keep-in-touch a VTODO due ``keep_in_touch_days`` after the last
contact. UIDs come from the file's name and the kind of entry, so importing the file again
updates the same entries instead of adding copies; a thank-you sent since is marked
COMPLETED and a cancelled meeting CANCELLED, for the same reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import icalendar

from infoview import __version__
from infoview.agenda import CHANNEL_WORDS, keep_in_touch_due, thank_you_due
from infoview.config import Config
from infoview.errors import UsageError
from infoview.escape import printable
from infoview.fs import write_file
from infoview.model import Interview, Status

PRODID = f"-//infoview//infoview {__version__}//EN"
NAME = "Informational interviews"


def uid(name: str, kind: str) -> str:
    """A UID stable across runs: the interview's name and the kind of entry.

    The name is the file's path under interviews/ without ``.md`` (``sub/2026-12-03-dana``),
    the stem alone for a file directly there, so files with one name in two subfolders
    never share an entry.
    """
    return f"{name}.{kind}@infoview"


def _stem(path: Path) -> str:
    return path.stem


def calendar(
    interviews: Sequence[Interview],
    config: Config,
    now: dt.datetime,
    *,
    label: Callable[[Path], str] = str,
    name: Callable[[Path], str] = _stem,
) -> icalendar.Calendar:
    """The calendar for ``interviews``; ``now`` is the DTSTAMP of every entry.

    ``label`` writes a file's path in descriptions, ``name`` makes its UIDs (see ``uid``).
    """
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", NAME)
    stamp = now.astimezone(dt.UTC)
    years = []
    for interview in interviews:
        if interview.meeting.date is None:
            continue
        years.append(interview.meeting.date.year)
        key = printable(name(interview.path))  # a name that is not UTF-8: \xff
        cal.add_component(_event(interview, key, config, stamp, label))
        thanks = _thank_you(interview, key, config, stamp)
        if thanks is not None:
            cal.add_component(thanks)
        again = _keep_in_touch(interview, key, config, stamp)
        if again is not None:
            cal.add_component(again)
    if years:
        # Transitions only for the years the calendar uses, not the library's 1970-2038.
        first, last = dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def write(path: Path, cal: icalendar.Calendar, *, root: Path | None = None) -> str:
    """Write ``cal`` to ``path`` atomically; return what it holds, for the command to say.

    ``root`` is the workspace: a link inside it that leads out of it is not written
    through. A path the user gives outside the workspace is written as given.
    """
    if not path.parent.is_dir():  # a typo in the folder should not create folders
        raise UsageError(f"{path}: no folder {path.parent}; create it or choose another path")
    write_file(path, bytes(cal.to_ical()), root=root)
    events = len(cal.walk("VEVENT"))
    todos = len(cal.walk("VTODO"))
    return (
        f"{events} meeting{'' if events == 1 else 's'}, {todos} reminder{'' if todos == 1 else 's'}"
    )


def _event(
    interview: Interview,
    key: str,
    config: Config,
    stamp: dt.datetime,
    label: Callable[[Path], str],
) -> icalendar.Event:
    meeting = interview.meeting
    who = interview.interviewer
    event = icalendar.Event()
    event.add("uid", uid(key, "meeting"))
    event.add("dtstamp", stamp)
    summary = f"Informational interview with {interview.display_name}"
    event.add("summary", summary + (f" ({who.organization})" if who.organization else ""))
    start = meeting.start(config.tz)
    assert start is not None and meeting.date is not None
    if meeting.time is None:
        event.add("dtstart", meeting.date)
        event.add("duration", dt.timedelta(days=1))
    else:
        # A zone the file names by offset only has no VTIMEZONE: write the instant in UTC.
        event.add("dtstart", start if meeting.offset is None else start.astimezone(dt.UTC))
        if meeting.duration:
            event.add("duration", dt.timedelta(minutes=meeting.duration))
    if meeting.location:
        event.add("location", meeting.location)
        if meeting.location.startswith(("https://", "http://")):
            event.add("url", meeting.location)
    lines = []
    if interview.learning_goals:
        lines.append("Learning goals:")
        lines += [f"{goal.number}. {goal.text}" for goal in interview.learning_goals]
    if who.phone:
        lines.append(f"If technology fails, call {who.phone}")
    elif who.email:
        lines.append(f"No phone recorded; email {who.email}")
    lines.append(f"Interview file: {printable(label(interview.path))}")
    event.add("description", "\n".join(lines))
    cancelled = interview.status_override is Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _todo(key: str, kind: str, stamp: dt.datetime, status: str) -> icalendar.Todo:
    todo = icalendar.Todo()
    todo.add("uid", uid(key, kind))
    todo.add("dtstamp", stamp)
    todo.add("related-to", uid(key, "meeting"))
    todo.add("status", status)
    return todo


def _thank_you(
    interview: Interview, key: str, config: Config, stamp: dt.datetime
) -> icalendar.Todo | None:
    due = thank_you_due(interview, config)
    if due is None:
        return None
    sent = interview.follow_up.thank_you_sent
    status = "COMPLETED" if sent else "NEEDS-ACTION"
    if interview.status_override is Status.CANCELLED:
        status = "CANCELLED"
    todo = _todo(key, "thank-you", stamp, status)
    todo.add("summary", f"Send thank-you to {interview.display_name}")
    todo.add("due", due)
    channel = interview.thank_you_channel(config.thanks.pairing())
    meeting = interview.meeting.date
    assert meeting is not None
    todo.add(
        "description",
        f"Send {CHANNEL_WORDS.get(channel, channel)} within {config.lint.thank_you_days} days "
        f"of the meeting on {meeting.isoformat()}, then record 'thank_you_sent:' under "
        "'follow_up:'.",
    )
    return todo


def _keep_in_touch(
    interview: Interview, key: str, config: Config, stamp: dt.datetime
) -> icalendar.Todo | None:
    due = keep_in_touch_due(interview, config)
    if due is None or interview.status_override is Status.CANCELLED:
        return None
    todo = _todo(key, "keep-in-touch", stamp, "NEEDS-ACTION")
    todo.add("summary", f"Keep in touch with {interview.display_name}")
    todo.add("due", due)
    lines = ["Let them know you followed up on their advice, and the outcome."]
    lines += [
        f"{entry.date.isoformat() if entry.date else 'undated'}: {entry.note}"
        for entry in interview.follow_up.keep_in_touch
    ]
    todo.add("description", "\n".join(lines))
    return todo
