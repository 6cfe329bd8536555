"""No phone (for video or phone meetings) or no contact at all.

The guide: "Be sure you have your interviewer's phone number or other contact information
handy so you can make contact in case technology interferes."

Passing::

    interviewer:
      name: Dana Whitfield
      phone: "+1 503 555 0142"

Failing::

    interviewer:
      name: Dana Whitfield        # and meeting.mode: video
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive
from infoview.model import Interview, MeetingMode

CODE = "IV402"
SLUG = "contact-missing"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if inactive(interview):
        return
    who = interview.interviewer
    span = interview.span("interviewer")
    if not who.phone and not who.email:
        yield Finding(
            span, "no contact details; add 'phone:' (or at least 'email:') under 'interviewer:'"
        )
    elif not who.phone and interview.meeting.mode in (MeetingMode.VIDEO, MeetingMode.PHONE):
        yield Finding(
            span,
            f"no phone for a {interview.meeting.mode.value} meeting; add 'phone:' under "
            "'interviewer:' to call if technology interferes",
        )
