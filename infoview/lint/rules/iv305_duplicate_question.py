"""The same question twice.

The guide: "Respect the person's time."

Passing::

    - How do you triage new cases?
    - How do you prepare clients for hearings?

Failing::

    - How do you triage new cases?
    - How do you triage new cases?
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview, normal_words

CODE = "IV305"
SLUG = "duplicate-question"
SEVERITY = "info"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for question in interview.questions:
        key = normal_words(question.text)
        if key in seen:
            yield Finding(
                question.span,
                f"the same question as line {seen[key]}; remove one",
            )
        else:
            seen[key] = question.span.line
