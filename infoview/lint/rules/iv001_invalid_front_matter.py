"""Front matter is not valid YAML, or is not a mapping.

The guide: "Be sure to jot down some notes about them, including questions you want to
ask them" -- notes infoview can only read when the front matter between the two `---`
lines is valid YAML.

Passing::

    ---
    interviewer:
      name: Dana Whitfield
    ---

Failing::

    ---
    interviewer:
      name: [Dana
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV001"
SLUG = "invalid-front-matter"
SEVERITY = "error"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    for problem in interview.problems:
        if problem.code == CODE:
            yield Finding(problem.span, problem.message)
