"""The meeting is done and `may_contact_again` is unset.

The guide: "At the end of the meeting, ask the person if you may contact them again in the
future with other questions."

Passing::

    follow_up:
      may_contact_again: true

Failing::

    (a done meeting with no 'follow_up.may_contact_again')
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive
from infoview.model import Interview, Status

CODE = "IV408"
SLUG = "permission-not-recorded"
SEVERITY = "info"
DEPENDS_ON_DAY = True  # reads the status: done once the meeting has ended


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if inactive(interview) or ctx.status(interview) is not Status.DONE:
        return
    if interview.follow_up.may_contact_again is None:
        yield Finding(
            interview.span("follow_up.may_contact_again"),
            "record their answer: add 'may_contact_again: true' (or false) under 'follow_up:'",
        )
