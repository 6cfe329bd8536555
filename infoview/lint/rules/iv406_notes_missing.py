"""The meeting is done and Notes is empty.

The guide: "Take notes.  No one likes giving valuable information to someone who is not
going to remember it because they didn't write it down."

Passing::

    ## Notes
    - **Takeaway:** learn the local court rules cold

Failing::

    ## Notes
    (empty, after the meeting)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive, section_span
from infoview.model import Interview, Status

CODE = "IV406"
SLUG = "notes-missing"
SEVERITY = "warning"
DEPENDS_ON_DAY = True  # reads the status: done once the meeting has ended


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if inactive(interview) or ctx.status(interview) is not Status.DONE:
        return
    section = interview.sections.get("notes")
    if interview.notes or (section is not None and not section.empty):
        return
    yield Finding(
        section_span(interview, "notes"),
        "the meeting is over but ## Notes is empty; write down what you learned while you "
        "remember it",
    )
