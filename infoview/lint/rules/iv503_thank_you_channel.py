"""Sent by another channel than `[thanks]` pairs with its formality.

The guide: "Based on whether the informational interview was relatively informal or more
businesslike, this may be a brief handwritten note or an email."

Default pairing: informal -> handwritten, formal -> email.

Passing::

    formality: informal
    follow_up:
      thank_you_via: handwritten

Failing::

    formality: informal
    follow_up:
      thank_you_via: email
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

CODE = "IV503"
SLUG = "thank-you-channel"
SEVERITY = "info"
DEPENDS_ON_DAY = False

_VIA = {"card": "handwritten", "email": "email"}


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    via = interview.follow_up.thank_you_via
    if via is None:
        return
    formality = interview.formality or "formal"
    article = "an" if formality == "informal" else "a"
    expected = _VIA.get(interview.thank_you_channel(ctx.config.thanks.pairing()), "email")
    if via != expected:
        yield Finding(
            interview.span("follow_up.thank_you_via"),
            f"{article} {formality} meeting pairs with a thank-you by {expected}, not {via}; "
            f"fine if you chose it, or set 'formality:' to match",
        )
