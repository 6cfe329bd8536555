"""Last contact older than `keep_in_touch_days`.

The guide: "Keep in touch with the person, especially if you had a particularly nice
interaction; let them know that you followed up on their advice and the outcome."

Passing::

    follow_up:
      keep_in_touch:
        - date: 2027-02-10
          note: Told her I took the elective she recommended.

Failing::

    (last contact more than 90 days ago)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive
from infoview.model import Interview, Status

CODE = "IV504"
SLUG = "keep-in-touch-due"
SEVERITY = "info"
DEPENDS_ON_DAY = True  # days since the last contact


def last_contact(interview: Interview) -> dt.date | None:
    """The latest of the meeting, the thank-you and every keep-in-touch date."""
    dates = [interview.meeting.date, interview.follow_up.thank_you_sent]
    dates += [entry.date for entry in interview.follow_up.keep_in_touch]
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if inactive(interview) or ctx.status(interview) is not Status.DONE:
        return
    if interview.follow_up.may_contact_again is False:
        return
    last = last_contact(interview)
    limit = ctx.config.lint.keep_in_touch_days
    if last is None or (ctx.today - last).days <= limit:
        return
    span = (
        interview.span("follow_up.keep_in_touch")
        if "follow_up" in interview.keys
        else (interview.span("meeting.date"))
    )
    yield Finding(
        span,
        f"last contact {last.isoformat()} is more than {limit} days ago; tell them what came "
        "of their advice, then record it (infoview log PATH --note TEXT)",
    )
