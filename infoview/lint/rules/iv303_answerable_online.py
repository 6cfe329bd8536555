"""A question asks what the organisation's website answers (what it does, its size, age...).

The guide: "do not ask a question you could have found answers to online."

A question is answerable online when its answer is a fact about the organisation that
its own website, an annual report or a one-line search gives: what it does, its products
and services, the clients it serves, the size or headcount of the whole organisation, its
age or founding, its owners, CEO or board, its finances, locations, practice areas,
mission and awards. The same
fact is asked in every field, of a firm, hospital, school, agency, nonprofit, lab or
startup, so the rule reads the kind of fact, not one profession's wording. The message
names the words that made it so.

Two judges decide in turn. A phrase grammar (intent x organisation noun x kind of fact)
names the kind of question: ``it asks how old the organisation is ("when was the clinic
founded")``. Where it has no pattern, a small linear model over the question's words and
word pairs, trained on labelled questions from career guides in many fields, flags what
scores over its threshold and quotes the words that weighed most: ``it reads like a fact
the organisation publishes about itself ("what is the organization's tax status")``.

Left alone: the size of a team, unit or department, culture, strategy, opinions about
competitors and anything about the person you meet (their path, their day, their
clients). ``[lint] organisation_words = ["abbey"]`` teaches the rule your field's own
noun for an organisation; ``[lint] answerable_online = ["regex", ...]`` adds patterns;
``<!-- infoview-disable IV303 -->`` on the line before a question accepts that one.

Passing::

    - How has the paralegal role changed since the firm adopted document automation?
    - How many nurses work on your unit, and how is the work shared out?
    - What does your department do differently from the rest of the agency?
    - What jobs did you hold before this one?

Failing::

    - What does your firm do?                   (law)
    - How many beds does the hospital have?     (health care)
    - Who are the startup's customers?          (tech)
    - What is your nonprofit's mission?         (nonprofits)
    - How many students does the district serve?  (schools)
    - Where is the agency headquartered?        (government)
    - Has the theatre won any awards?           (arts)
    - Could you tell me when the museum opened?  (arts, politely)
"""

from __future__ import annotations

from collections.abc import Iterator

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.lint.rules._common import judged_questions
from infoview.model import Interview

CODE = "IV303"
SLUG = "answerable-online"
SEVERITY = "warning"
DEPENDS_ON_DAY = False


def _judge(text: str, organisation: str | None, words: tuple[str, ...]) -> str | None:
    from infoview import judge  # on first use: `infoview rules` needs no grammar

    verdict = judge.online(text, organisation=organisation, words=words)
    return verdict.describe() if verdict else None


def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
    found = judged_questions(interview, ctx, _judge, ctx.answerable_online, "answerable_online")
    for question, reason in found:
        yield Finding(
            question.span,
            f"their website answers this: it {reason}; look it up beforehand and ask "
            "what only they can tell you",
        )
