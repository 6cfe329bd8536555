"""No `interviewer.name`.

The guide: "Identify & Research Your Interviewer."

Passing::

    interviewer:
      name: Dana Whitfield

Failing::

    interviewer:
      title: Senior Paralegal
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import front_matter_broken, invalid
from infoview.model import Interview

CODE = "IV003"
SLUG = "interviewer-missing"
SEVERITY = "error"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if interview.interviewer.name or front_matter_broken(interview):
        return
    if invalid(interview, "interviewer.name") or invalid(interview, "interviewer"):
        return
    yield Finding(
        interview.span("interviewer.name"),
        "no interviewer name; add 'interviewer:' with 'name: First Last' to the front matter",
    )
