"""No Research section, or it is empty.

The guide: "It is also extremely disrespectful to have an informational interview with
someone and not research them first."

Passing::

    ## Research
    - **Work history:** twelve years at Marlow & Reyes

Failing::

    ## Research
    - **Work history:**
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import researched, section_span
from infoview.model import Interview

CODE = "IV101"
SLUG = "research-missing"
SEVERITY = "error"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if "research" not in interview.sections:
        yield Finding(
            section_span(interview, "research"),
            "no '## Research' section; add one with what you found about the interviewer",
        )
    elif not researched(interview):
        yield Finding(
            section_span(interview, "research"),
            "Research is empty; write what you found (work history, education, credentials)",
        )
