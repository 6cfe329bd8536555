"""No learning goals.

The guide: "come up with a list of one to three learning goals you have for the meeting.
This will help you remain focused during the interview and get as much out of it as
possible."

Passing::

    learning_goals:
      - Learn about the career path from paralegal to lawyer.

Failing::

    learning_goals: []
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import front_matter_broken
from infoview.model import Interview

CODE = "IV201"
SLUG = "goals-missing"
SEVERITY = "error"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if interview.learning_goals or front_matter_broken(interview):
        return
    yield Finding(
        interview.span("learning_goals"),
        "no learning goals; add 'learning_goals:' with one to three '- Learn ...' items",
    )
