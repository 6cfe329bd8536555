"""A goal is phrased as a question (goals are broader than questions).

The guide: "Your learning goals should be broader than the questions you might ask to
explore that learning goal with your interviewer."

Passing::

    learning_goals:
      - Learn about estate planning practice.

Failing::

    learning_goals:
      - How many wills do you draft a week?
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV203"
SLUG = "goal-is-a-question"
SEVERITY = "warning"
DEPENDS_ON_DAY = False

_QUESTION_START = re.compile(
    r"^(what|how|why|when|where|who|whom|which|whose|do|does|did|is|are|was|were|can|could|"
    r"would|should|will|shall|may|might|have|has)\b",
    re.IGNORECASE,
)


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    for goal in interview.learning_goals:
        text = goal.text.strip()
        if text.endswith("?") or _QUESTION_START.match(text):
            yield Finding(
                goal.span,
                f"goal {goal.number} is a question; phrase it as what you want to learn "
                "('Learn how ...') and move the question under '### Goal "
                f"{goal.number}' in ## Questions",
            )
