"""A question asks for a job, openings, salary for a position or a résumé hand-off.

The guide: "Don't use the interview to look for a job.  The purposes of this interview are
learning and practicing, not job seeking."

Patterns are configurable: `[lint] job_seeking = ["regex", ...]` adds to these.

Passing::

    - What skills made the biggest difference in your first year?

Failing::

    - Are you hiring paralegals right now?
    - Can I send you my résumé?
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import combine, questions_matching
from infoview.model import Interview

CODE = "IV304"
SLUG = "job-seeking"
SEVERITY = "warning"
DEPENDS_ON_DAY = False

_CV = r"(?:r[ée]sum[ée]s?|cvs?|cover letter)"
_POST = r"(?:job|position|role|opening)"
PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:are|is) (?:you|your \w+|the \w+|there) (?:currently |still )?hiring\b",
        r"\b(?:any|open|current) (?:job )?(?:openings?|vacanc(?:y|ies)|positions?)\b",
        r"\b(?:openings?|vacanc(?:y|ies)|positions?) (?:available|open)\b",
        r"\bhire me\b",
        # Asking them for a job, not how people get one ("trying to land a job in probate").
        r"\b(?:offer|give) me (?:a|the|an) (?:job|position|internship)\b",
        r"\b(?:can|could|may|might) I (?:get|land|have) (?:a|the|an) (?:job|position|internship) "
        r"(?:here|with you|at your \w+)\b",
        rf"\b(?:send|give|forward|pass|share|e-?mail|drop off) (?:you |along )?my {_CV}\b",
        rf"\b(?:look at|review|read) my {_CV}\b",
        rf"\b(?:what|how much) (?:does|would|will) (?:the|this|that|a) {_POST} pay\b",
        rf"\bsalary (?:for|of) (?:the|this|that|a) {_POST}\b",
        rf"\bsalary (?:does|would|will|is) (?:the|this|that) {_POST}\b",
        rf"\bapply (?:for|to) (?:a|the|this|that|any) {_POST}\b",
        rf"\brefer me (?:for|to) (?:a|the|this|that|any) {_POST}\b",
    )
)

_ANY = combine(PATTERNS)


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    for question in questions_matching(interview, _ANY, ctx.job_seeking):
        yield Finding(
            question.span,
            "this asks for a job; keep the meeting for learning, and if they hold the keys "
            "to your perfect job, ask at the end for another meeting",
        )
