"""A question sits under no goal.

The guide: "come up with some questions for your interviewer that will help you meet your
learning goal(s)."

Passing::

    ### Goal 2
    - What would you tell someone weighing law school?

Failing::

    ## Questions
    - What would you tell someone weighing law school?   (before any '### Goal N')
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV302"
SLUG = "question-without-goal"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if not interview.learning_goals:
        return  # IV201 asks for goals first
    known = {goal.number for goal in interview.learning_goals}
    for question in interview.questions:
        if question.goal in known:
            continue
        if question.heading is None:
            where = "it sits under no goal heading"
        else:
            where = f"'### {question.heading}' names no learning goal"
        yield Finding(
            question.span,
            f"question serves no learning goal ({where}); move it under a '### Goal N' heading",
        )
