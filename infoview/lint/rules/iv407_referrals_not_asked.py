"""The meeting is done and no referrals are recorded.

The guide: "ask for names of other people to meet so as to gain different perspectives."

Passing::

    referrals:
      - name: Sam Ortiz
        note: Probate attorney

Failing::

    (a done meeting with no 'referrals:')
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive
from infoview.model import Interview, Status

CODE = "IV407"
SLUG = "referrals-not-asked"
SEVERITY = "info"
DEPENDS_ON_DAY = True  # reads the status: done once the meeting has ended


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if inactive(interview) or ctx.status(interview) is not Status.DONE:
        return
    if not interview.referrals:
        yield Finding(
            interview.span("referrals"),
            "no referrals recorded; add 'referrals:' with the names they suggested "
            "(infoview referral PATH --name NAME)",
        )
