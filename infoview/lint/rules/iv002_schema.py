"""A key has the wrong type or an unknown value (an unknown key is a warning).

The guide: "Be sure you have your interviewer's phone number or other contact information
handy" -- details infoview can use only when each key holds the kind of value it expects.

Passing::

    meeting:
      date: 2026-12-03T10:00
      duration: 30

Failing::

    meeting:
      date: 2026-02-30      # no such day
      duraton: 30           # unknown key: did you mean 'duration'?
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV002"
SLUG = "schema"
SEVERITY = "error"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    for problem in interview.problems:
        if problem.code == CODE:
            yield Finding(problem.span, problem.message, problem.severity.value)
