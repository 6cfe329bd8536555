"""The profile has no self-introduction.

The guide: "To start, give a brief overview of yourself and your education and/or work
background."

Passing (infoview.toml)::

    [profile]
    intro = "I'm in my second term of PCC's paralegal programme ..."

Failing::

    [profile]
    name = "Alex Rivera"
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive
from infoview.model import FILE_START, Interview, Status

CODE = "IV405"
SLUG = "intro-missing"
SEVERITY = "info"
DEPENDS_ON_DAY = True  # reads the status: done once the meeting has ended


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if ctx.config.profile.intro.strip() or inactive(interview, broken_ok=True):
        return
    if ctx.status(interview) is Status.DONE:
        return
    yield Finding(
        FILE_START,
        "no self-introduction to open with; add 'intro = \"...\"' under [profile] in infoview.toml",
    )
