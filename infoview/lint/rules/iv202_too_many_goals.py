"""More than three learning goals.

The guide: "come up with a list of one to three learning goals you have for the meeting."

Passing::

    learning_goals: [Learn A., Learn B., Learn C.]

Failing::

    learning_goals: [Learn A., Learn B., Learn C., Learn D.]
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV202"
SLUG = "too-many-goals"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    goals = interview.learning_goals
    if len(goals) > 3:
        yield Finding(
            goals[3].span,
            f"{len(goals)} learning goals; keep one to three and turn the rest into questions",
        )
