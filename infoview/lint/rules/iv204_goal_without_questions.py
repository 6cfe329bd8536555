"""A goal has no questions under it.

The guide: "Based on your research in step one, come up with some questions for your
interviewer that will help you meet your learning goal(s)."

Passing::

    ## Questions
    ### Goal 1
    - Which tasks do paralegals here handle end to end?

Failing::

    ## Questions
    ### Goal 1
    (nothing under it)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV204"
SLUG = "goal-without-questions"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if not interview.questions:
        return  # IV301 covers a file with no questions at all
    for goal in interview.learning_goals:
        if not interview.questions_for(goal.number):
            heading = next((h for h in interview.goal_headings if h.goal == goal.number), None)
            yield Finding(
                heading.span if heading else goal.span,
                f"goal {goal.number} has no questions; add some under '### Goal {goal.number}' "
                "in ## Questions",
            )
