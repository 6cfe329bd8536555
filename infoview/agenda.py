"""``infoview agenda``: what is coming and what is due, across every interview.

``rows`` is pure: interviews, config and the moment in, rows out (no files, no clock), the
way ``lint.check`` is. The rows are upcoming meetings within N days with their readiness (the
lint errors and warnings of that file, from lint's own rules), thank-yous due or overdue,
keep-in-touch due, and interviews planned without a date. ``table`` and ``as_json`` render
them; ``agenda_ics`` turns the same interviews into a calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infoview.config import Config
from infoview.escape import dumps, printable
from infoview.lint import Selection, check, context, selection
from infoview.lint.context import Context
from infoview.lint.rules._common import thank_you_pending
from infoview.lint.rules.iv504_keep_in_touch_due import last_contact
from infoview.model import Interview, MeetingMode, Status
from infoview.workspace import Workspace

KINDS = ("meeting", "thank-you", "keep-in-touch", "planned")
MODE_WORDS = {
    MeetingMode.IN_PERSON: "in person",
    MeetingMode.VIDEO: "video",
    MeetingMode.PHONE: "phone",
}
CHANNEL_WORDS = {"card": "a handwritten card", "email": "an email"}
COLOURS = {"overdue": "red", "due": "yellow", "scheduled": "cyan", "planned": "magenta"}


@dataclass(frozen=True)
class Row:
    """One line of the agenda; ``as_dict`` is exactly the JSON object."""

    kind: str  # meeting | thank-you | keep-in-touch | planned
    status: str  # scheduled | due | overdue | planned
    date: dt.date | None  # the meeting's day, or the day a reminder falls due
    time: str | None  # HH:MM for a timed meeting, in the workspace's zone
    who: str
    organization: str | None
    detail: str
    path: str
    errors: int | None = None  # readiness: lint errors and warnings (meetings, planned)
    warnings: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @property
    def what(self) -> str:
        if self.kind in ("thank-you", "keep-in-touch"):
            return f"{self.kind} {self.status}"
        return self.kind

    @property
    def readiness(self) -> str:
        if self.errors is None or self.warnings is None:
            return ""
        if not self.errors and not self.warnings:
            return "ready"
        return f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def thank_you_due(interview: Interview, config: Config) -> dt.date | None:
    """The day a thank-you is due: ``thank_you_days`` after the day the meeting ends.

    The same day lint's IV501/IV502 count from (a date-only meeting ends on its own day).
    """
    return interview.thank_you_due(config.tz, config.lint.thank_you_days)


def keep_in_touch_due(interview: Interview, config: Config) -> dt.date | None:
    """The day after which lint's IV504 says to get in touch again (None: not to be asked)."""
    if interview.follow_up.may_contact_again is False:
        return None
    last = last_contact(interview)
    return last + dt.timedelta(days=config.lint.keep_in_touch_days) if last else None


def rows(
    interviews: Sequence[Interview],
    config: Config,
    now: dt.datetime,
    *,
    days: int = 14,
    label: Callable[[Path], str] = str,
) -> list[Row]:
    """The agenda at ``now`` (aware): sorted by date, undated planned interviews last."""
    ctx = dataclasses.replace(context(config, now.date()), now=now)
    chosen = selection(config)
    horizon = now + dt.timedelta(days=days)
    out: list[Row] = []
    for interview in interviews:
        if interview.status_override is Status.CANCELLED:
            continue
        status = ctx.status(interview)
        start = interview.meeting.start(config.tz)
        base = _base(interview, label)
        if status is Status.SCHEDULED and start is not None:
            if start < horizon:
                local = start.astimezone(config.tz)
                row = Row("meeting", "scheduled", local.date(), None, **base)
                if interview.meeting.time is not None:
                    row = dataclasses.replace(row, time=f"{local:%H:%M}")
                out.append(_ready(row, interview, ctx, chosen))
        elif status is Status.DONE:
            out.extend(_reminders(interview, ctx, horizon.date(), base))
        else:  # planned, or an explicit status without a date
            row = Row("planned", "planned", interview.meeting.date, None, **base)
            out.append(_ready(row, interview, ctx, chosen))
    return sorted(out, key=_order)


def _order(row: Row) -> tuple[Any, ...]:
    when = (row.date is None, row.date or dt.date.min, row.time or "")
    return (*when, KINDS.index(row.kind), row.who, row.path)


def _base(interview: Interview, label: Callable[[Path], str]) -> dict[str, Any]:
    meeting = interview.meeting
    parts = [MODE_WORDS[meeting.mode]] if meeting.mode else []
    if meeting.duration:
        parts.append(f"{meeting.duration} min")
    if meeting.date is None:
        parts.insert(0, "no date yet")
    return {
        "who": _one_line(interview.display_name),
        "organization": _one_line(interview.interviewer.organization or "") or None,
        "detail": ", ".join(parts),
        "path": printable(label(interview.path)),  # a name that is not UTF-8: \xff
    }


def _ready(row: Row, interview: Interview, ctx: Context, chosen: Selection) -> Row:
    found = check(interview, ctx, chosen, row.path)
    errors = sum(d.severity == "error" for d in found)
    warnings = sum(d.severity == "warning" for d in found)
    return dataclasses.replace(row, errors=errors, warnings=warnings)


def _reminders(
    interview: Interview, ctx: Context, until: dt.date, base: dict[str, Any]
) -> list[Row]:
    out = []
    config = ctx.config
    met = interview.meeting.date
    if thank_you_pending(interview, ctx) is not None:
        due = thank_you_due(interview, config)
        assert due is not None and met is not None
        channel = interview.thank_you_channel(config.thanks.pairing())
        how = CHANNEL_WORDS.get(channel, channel)
        detail = f"send {how} for the meeting on {met.isoformat()}"
        state = "overdue" if ctx.today > due else "due"
        out.append(Row("thank-you", state, due, None, **{**base, "detail": detail}))
    due = keep_in_touch_due(interview, config)
    if due is not None and due < until:
        last = last_contact(interview)
        assert last is not None
        detail = f"last contact {last.isoformat()}: tell them what came of their advice"
        state = "overdue" if ctx.today > due else "due"
        out.append(Row("keep-in-touch", state, due, None, **{**base, "detail": detail}))
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- rendering -----------------------------------------------------------------------------


def as_json(agenda: Sequence[Row]) -> str:
    return dumps([row.as_dict() for row in agenda])


HEADINGS = ("DATE", "TIME", "WHAT", "WHO", "DETAIL", "READY", "FILE")


def table(agenda: Sequence[Row], *, days: int, colour: bool) -> str:
    """Aligned columns (colour only when asked), then a one-line summary."""
    import click

    if not agenda:
        return f"nothing planned, scheduled or due in the next {_count(days, 'day')}"
    cells = [HEADINGS] + [
        (
            row.date.isoformat() if row.date else "-",
            row.time or "",
            row.what,
            printable(row.who),  # escaped before any colour is added around it
            printable(row.detail),
            row.readiness,
            row.path,
        )
        for row in agenda
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADINGS))]
    lines = []
    for index, line in enumerate(cells):
        # The last column is not padded: no trailing spaces, coloured or not.
        padded = [value.ljust(width) for value, width in zip(line[:-1], widths, strict=False)]
        padded.append(line[-1])
        if colour and index == 0:
            padded = [click.style(value, bold=True) for value in padded]
        elif colour:
            row = agenda[index - 1]
            padded[2] = click.style(padded[2], fg=COLOURS.get(row.status))
            if row.errors or row.warnings:
                padded[5] = click.style(padded[5], fg="red" if row.errors else "yellow")
        lines.append("  ".join(padded))
    counts = {kind: sum(row.kind == kind for row in agenda) for kind in KINDS}
    parts = [f"{_count(counts['meeting'], 'meeting')} in the next {_count(days, 'day')}"]
    if counts["thank-you"]:
        parts.append(f"{_count(counts['thank-you'], 'thank-you')} to send")
    if counts["keep-in-touch"]:
        people = counts["keep-in-touch"]
        parts.append(f"{people} {'person' if people == 1 else 'people'} to keep in touch with")
    if counts["planned"]:
        parts.append(f"{counts['planned']} planned")
    lines.append(", ".join(parts))
    return "\n".join(lines)


# -- the command ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    rows: list[Row]
    errors: list[str]  # files left out, ``path:line:col: CODE message``
    wrote: str | None  # what the calendar holds, when one was written


def run(ws: Workspace, *, today: dt.date | None, days: int, ics: Path | None) -> Result:
    """Read every interview (through the parse cache), build the rows, write the calendar."""
    from infoview.corpus import load
    from infoview.lint.context import moment

    corpus = load(ws)
    interviews = corpus.interviews()
    now = moment(today, ws.config.tz)
    wrote = None
    if ics is not None:
        from infoview.agenda_ics import calendar, write

        def name(path: Path) -> str:
            return ws.output_name(path).as_posix()

        cal = calendar(interviews, ws.config, now, label=ws.relative, name=name)
        wrote = write(ics, cal, root=ws.root)
    agenda = rows(interviews, ws.config, now, days=days, label=ws.relative)
    return Result(agenda, corpus.errors, wrote)
