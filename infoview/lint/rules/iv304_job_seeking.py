"""A question asks for a job, what a post pays, presumes the post or hands over a résumé.

The guide: "Don't use the interview to look for a job.  The purposes of this interview are
learning and practicing, not job seeking."

A question is job-seeking when the asker asks for a job or a way into one for themselves
(openings, hiring, "hire me", a referral to a post, an interview, being considered), asks
what they would be paid, presumes they hold the post ("Who would I report to?", "What is
the interview process?", "Will I have my own classroom?"), treats the meeting as a job
interview ("Why is this position open?", "When will you make a decision?"), or hands over
a résumé or CV, or the portfolio, clips or writing samples that stand for one (asking them
to review it hands it over). The message names the words that
made it so: the phrase grammar's kind of question (``it asks what you would be paid ("what
would you pay me")``) or, where the grammar has no pattern, the words that weighed most in
a small linear model trained on labelled questions from many fields (``it reads like a
job seeker's question ("fit a role on your team")``).

Left alone: how the person got their own job, how people get hired in the field, what
the field pays at entry level, the asker's own future in the field ("How long will it take
me to become a certified paralegal?"), what a résumé for the field should show, and a referral
to someone else to talk to, for another informational interview included (an interview
to learn is not a hiring one). ``[lint] job_seeking = ["regex", ...]`` adds patterns;
``<!-- infoview-disable IV304 -->`` on the line before a question accepts that one.

Passing::

    - What skills made the biggest difference in your first year?
    - What salary can someone expect at entry level in this field?
    - How long will it take me to become a certified paralegal?
    - How did you get hired at the district?
    - Who else would you suggest I talk to?
    - Could you introduce me to someone else for an informational interview?

Failing::

    - Are you hiring paralegals right now?          (law)
    - Could you find me a job in your unit?         (health care)
    - Who would I report to?                        (tech)
    - Can I leave my résumé with you?               (nonprofits)
    - What would you pay me to start?               (finance)
    - Would you consider me for the teaching vacancy?  (schools)
    - Is this a new or replacement position?        (government)
    - I was wondering, is the studio taking on juniors this year?  (design, politely)
    - Could I email you my clips and writing samples?  (media)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import judged_questions
from infoview.model import Interview

CODE = "IV304"
SLUG = "job-seeking"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def _judge(text: str, organisation: str | None, words: tuple[str, ...]) -> str | None:
    from infoview import judge  # on first use: `infoview rules` needs no grammar

    verdict = judge.job(text, organisation=organisation, words=words)
    return verdict.describe() if verdict else None


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    for question, reason in judged_questions(
        interview, ctx, _judge, ctx.job_seeking, "job_seeking"
    ):
        yield Finding(
            question.span,
            f"this looks for a job: it {reason}; keep the meeting for learning, and if they "
            "hold the keys to your perfect job, ask at the end for another meeting",
        )
