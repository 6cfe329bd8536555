"""No meeting date.

The guide: "Arrive or log-in on time or a few minutes early."

Passing::

    meeting:
      date: 2026-12-03T10:00

Failing::

    meeting:
      mode: video
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive, invalid
from infoview.model import Interview

CODE = "IV401"
SLUG = "meeting-date-missing"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if invalid(interview, "meeting.date"):
        return  # IV002 already says what is wrong with the date
    if interview.meeting.date is None and not inactive(interview):
        yield Finding(
            interview.span("meeting.date"),
            "no meeting date; add 'date: YYYY-MM-DDTHH:MM' under 'meeting:' once it is agreed",
        )
