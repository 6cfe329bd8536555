"""Done, within the window, not sent.

The guide: "Send a simple thank-you note within 1-2 days to express your appreciation for
the time and information given."

Passing::

    follow_up:
      thank_you_sent: 2026-11-19

Failing::

    (a meeting yesterday, no 'thank_you_sent')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import thank_you_pending, thank_you_span
from infoview.model import Interview

CODE = "IV502"
SLUG = "thank-you-due"
SEVERITY = "warning"
DEPENDS_ON_DAY = True  # days since the meeting


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    days = thank_you_pending(interview, ctx)
    window = ctx.config.lint.thank_you_days
    if days is not None and days <= window:
        due = ctx.today + dt.timedelta(days=window - days)
        yield Finding(
            thank_you_span(interview),
            f"thank-you due by {due.isoformat()}; send it (infoview thanks) and record "
            "'thank_you_sent:' under 'follow_up:'",
        )
