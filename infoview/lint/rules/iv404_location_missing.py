"""In person without an address, video without a link.

The guide: "Arrive or log-in on time or a few minutes early."

Passing::

    meeting:
      mode: video
      location: https://meet.example.com/abc

Failing::

    meeting:
      mode: video
      location: TBD
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import inactive
from infoview.model import Interview, MeetingMode

CODE = "IV404"
SLUG = "location-missing"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


# A URL, with or without its scheme: "https://...", "www.example.com", "zoom.us/j/123". A host
# is recognised by its last label and the slash after it ("s.us/"), not by matching every
# label from its start: ``\b[a-z0-9-]+(?:\.[a-z0-9-]+)*`` restarts at each "a." of a long
# "a.a.a..." and is quadratic there.
_LINK = re.compile(r"://|\bwww\.|[a-z0-9-]\.[a-z]{2,}/", re.IGNORECASE)


def _has_link(text: str) -> bool:
    return _LINK.search(text) is not None


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    if inactive(interview):
        return
    meeting = interview.meeting
    span = interview.span("meeting.location")
    if meeting.mode is MeetingMode.IN_PERSON and not meeting.location:
        yield Finding(span, "in person but no address; add 'location:' under 'meeting:'")
    elif meeting.mode is MeetingMode.VIDEO and not _has_link(meeting.location or ""):
        yield Finding(span, "video meeting without a link; put the meeting link in 'location:'")
