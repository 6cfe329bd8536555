"""No sources facet (the guide: read the firm website).

The guide: "Make absolutely sure you have read the information on any firm websites about
your interviewer."

Passing::

    - **Sources:** the firm's team page, her LinkedIn profile

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
        yield Finding(
            section_span(interview, "research"),
            "no sources listed; add a '- **Sources:**' line (the firm's page about them, LinkedIn)",
        )
