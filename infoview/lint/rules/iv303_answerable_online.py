"""A question asks what a website answers (what the firm does, its size, founding year...).

The guide: "do not ask a question you could have found answers to online."

Patterns are configurable: `[lint] answerable_online = ["regex", ...]` adds to these.

Passing::

    - How has the paralegal role changed since the firm adopted document automation?

Failing::

    - What does your firm do?
    - How many attorneys work here?
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import combine, questions_matching
from infoview.model import Interview

CODE = "IV303"
SLUG = "answerable-online"
SEVERITY = "warning"
DEPENDS_ON_DAY = False

_ORG = r"(?:firm|company|organi[sz]ation|office|agency|practice|business|group|department)"
_THE = r"(?:your|the|this)"
_COUNTED = r"(?:people|employees|lawyers|attorneys|paralegals|staff|offices|locations)"
_AREAS = r"(?:practice areas?|areas of practice)"
# "What does the firm do?" ends there; "... do when a filing is late?" asks about practice.
_ENDS = r"(?=\s*(?:[?.!,;:]|$|exactly\b|and\b))"
# A count of the whole organisation ("work here", "does the firm have"), not of someone's
# own work ("How many attorneys do you support?", "... work on a typical matter?").
_WHOLE = (
    rf"(?:work (?:here|there|at|for)\b|work in {_THE} {_ORG}|are (?:there|at|in|employed)\b"
    rf"|(?:does|do) {_THE} {_ORG} (?:have|employ)\b|do you (?:have|employ)\b(?! to)"
    r"|does it have\b)"
)
PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\bwhat (?:exactly )?(?:does|do) {_THE} {_ORG} do\b{_ENDS}",
        rf"\bwhat (?:kind|type|sort)s? of (?:work|law|cases|clients|matters) (?:does|do) {_THE} "
        rf"{_ORG} (?:do|practi[cs]e|handle|take on|speciali[sz]e in|focus on|serve|represent)\b",
        rf"\bhow many {_COUNTED} {_WHOLE}",
        rf"\bhow (?:big|large) is (?:your|the|this) {_ORG}\b",
        r"\bwhen was (?:your|the|this) \w+ (?:founded|established|started|formed)\b",
        r"\b(?:when|what year) (?:was|were) [^?]{1,60}?\b(?:founded|established|formed)\b",
        rf"\bwho (?:founded|started|owns) {_THE} {_ORG}\b",
        rf"\bwhere (?:is|are) (?:your|the|this) {_ORG}s?\b.*\blocated\b",
        r"\bwhere are (?:your|the) offices\b",
        rf"\bwhat (?:are|is) {_THE} (?:firm's |company's )?{_AREAS}\b",
        rf"\bwhat areas of law (?:does|do|is|are) {_THE} {_ORG}\b",
        rf"\bwhat is (?:your|the) {_ORG}'?s? (?:mission|history|address|website)\b",
    )
)

_ANY = combine(PATTERNS)


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    for question in questions_matching(interview, _ANY, ctx.answerable_online):
        yield Finding(
            question.span,
            "a website answers this; look it up beforehand and ask what only they can tell you",
        )
