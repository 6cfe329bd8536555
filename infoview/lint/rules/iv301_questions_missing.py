"""No questions.

The guide: "Do not attend your meeting without questions to ask."

Passing::

    ## Questions
    ### Goal 1
    - What do you wish you had known about probate work when you started?

Failing::

    ## Questions
    (empty)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import section_span
from infoview.model import Interview

CODE = "IV301"
SLUG = "questions-missing"
SEVERITY = "error"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if interview.questions:
        return
    if "questions" not in interview.sections:
        message = "no '## Questions' section; add one with questions grouped by '### Goal N'"
    else:
        message = "no questions yet; add '- ...?' items under a '### Goal N' heading"
    yield Finding(section_span(interview, "questions"), message)
