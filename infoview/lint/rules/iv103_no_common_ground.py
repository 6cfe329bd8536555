"""No "in common" facet.

The guide: "Your goal is to determine what you and your interviewer have in common and to
have things to talk about with them."

Passing::

    - **In common:** we both came through the PCC paralegal programme

Failing::

    (Research with no "In common" item)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import has_facet, researched, section_span
from infoview.model import Facet, Interview

CODE = "IV103"
SLUG = "no-common-ground"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if researched(interview) and not has_facet(interview, Facet.IN_COMMON):
        yield Finding(
            section_span(interview, "research"),
            "nothing in common noted; add a '- **In common:**' line under ## Research",
        )
