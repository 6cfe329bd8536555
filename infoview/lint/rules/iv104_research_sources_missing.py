"""No sources facet (the guide: read their organisation's website about them first).

The guide: "Make absolutely sure you have read the information on any firm websites about
your interviewer." In every field that is their page on their organisation's website: the
hospital's staff directory, the school's faculty page, the agency's or the lab's team
page, the firm's attorney bio.

Passing::

    - **Sources:** the clinic's team page, her LinkedIn profile

Failing::

    (Research with no "Sources" item)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import has_facet, researched, section_span
from infoview.model import Facet, Interview

CODE = "IV104"
SLUG = "research-sources-missing"
SEVERITY = "info"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if researched(interview) and not has_facet(interview, Facet.SOURCES):
        from infoview.judge import organisation_noun

        noun = organisation_noun(interview.interviewer.organization)
        yield Finding(
            section_span(interview, "research"),
            f"no sources listed; add a '- **Sources:**' line (their page on the {noun}'s "
            "website, LinkedIn)",
        )
