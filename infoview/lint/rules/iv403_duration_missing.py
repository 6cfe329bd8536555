"""No agreed duration.

The guide: "Respect the person's time. Limit the meeting to the agreed-upon timeframe."

Passing::

    meeting:
      duration: 30

Failing::

    meeting:
      date: 2026-12-03T10:00
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive, invalid
from infoview.model import Interview

CODE = "IV403"
SLUG = "duration-missing"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if invalid(interview, "meeting.duration"):
        return  # IV002 already says what is wrong with the duration
    if interview.meeting.duration is None and not inactive(interview):
        yield Finding(
            interview.span("meeting.duration"),
            "no agreed duration; add 'duration: 30' (minutes) under 'meeting:'",
        )
