"""Small helpers several rules share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from infoview.lint.context import Context
from infoview.model import (
    FILE_START,
    Facet,
    Interview,
    Question,
    ResearchItem,
    Span,
    Status,
    read_text,
)
from infoview.regex_safety import MAX_TEXT


def researched(interview: Interview) -> list[ResearchItem]:
    """Research items with something written after their label."""
    return [item for item in interview.research if item.text.strip()]


def has_facet(interview: Interview, facet: Facet) -> bool:
    return any(facet in item.facets for item in researched(interview))


Judgement = Callable[[str, str | None, tuple[str, ...]], "str | None"]


def judged_questions(
    interview: Interview,
    ctx: Context,
    judge: Judgement,
    extra: tuple[re.Pattern[str], ...],
    key: str,
) -> Iterator[tuple[Question, str]]:
    """Each question ``judge`` or a configured ``extra`` pattern flags, with the reason.

    ``judge(text, organisation, words)`` returns why the question is flagged (the kind
    of question and the words that made it so) or None; the workspace's
    ``[lint] organisation_words`` and the interview's own organisation reach it.
    """
    organisation = interview.interviewer.organization
    words = ctx.config.lint.organisation_words
    for question in interview.questions:
        text = read_text(question.text)
        reason = judge(text, organisation, words)
        if reason is None:
            for pattern in extra:  # the workspace's own patterns see a bounded text
                if found := pattern.search(text[:MAX_TEXT]):
                    reason = f'matches your [lint] {key} pattern ("{found.group(0)}")'
                    break
        if reason is not None:
            yield question, reason


def section_span(interview: Interview, key: str) -> Span:
    """The section's heading, or line 1 when the section is absent."""
    section = interview.sections.get(key)
    return section.span if section else FILE_START


def front_matter_broken(interview: Interview) -> bool:
    """True when the front matter could not be read (IV001 says so; other rules keep quiet).

    An IV001 about the body (a stray NUL or bad byte below the front matter) leaves the
    front matter usable, so the rules that read it still run.
    """
    end = interview.front_matter_end or 1
    return any(p.code == "IV001" and p.span.line <= end for p in interview.problems)


def invalid(interview: Interview, key: str) -> bool:
    """True when ``key`` is present but IV002 rejected its value (so it is not "missing")."""
    span = interview.keys.get(key)
    return span is not None and any(
        p.code == "IV002" and p.span.line == span.line for p in interview.problems
    )


def inactive(interview: Interview, broken_ok: bool = False) -> bool:
    """True for a cancelled meeting, or unreadable front matter: logistics rules keep quiet."""
    if interview.status_override is Status.CANCELLED:
        return True
    return not broken_ok and front_matter_broken(interview)


def thank_you_pending(interview: Interview, ctx: Context) -> int | None:
    """Days since a done meeting whose thank-you is not sent yet, else None."""
    if inactive(interview) or interview.follow_up.thank_you_sent is not None:
        return None
    if ctx.status(interview) is not Status.DONE:
        return None
    return ctx.days_since_meeting(interview)


def thank_you_span(interview: Interview) -> Span:
    if "follow_up" in interview.keys:
        return interview.span("follow_up.thank_you_sent")
    return interview.span("meeting.date")
