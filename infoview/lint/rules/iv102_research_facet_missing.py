"""Work history, education or credentials not covered (one diagnostic per facet).

The guide: "Find out as much as you can about your interviewer's work history, educational
background, and their awards, certifications, and memberships."

Passing::

    ## Research
    - **Work history:** ...
    - **Education:** ...
    - **Credentials:** Oregon Certified Paralegal

Failing::

    ## Research
    - **Work history:** ...
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import has_facet, researched, section_span
from infoview.model import Facet, Interview

CODE = "IV102"
SLUG = "research-facet-missing"
SEVERITY = "warning"
DEPENDS_ON_DAY = False

FACETS = (
    (Facet.WORK_HISTORY, "Work history", "where they have worked and what they did"),
    (Facet.EDUCATION, "Education", "their schools and degrees"),
    (Facet.CREDENTIALS, "Credentials", "awards, certifications and memberships"),
)


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if not researched(interview):
        return  # IV101 covers an empty Research section
    span = section_span(interview, "research")
    for facet, label, what in FACETS:
        if not has_facet(interview, facet):
            yield Finding(
                span, f"no {facet.value} researched; add a '- **{label}:**' line ({what})"
            )
