"""The explicit list of lint rules: code -> Rule, built from one module per rule.

A rule module defines CODE, SLUG, SEVERITY, a docstring (summary line, the guide's
sentence, passing and failing examples) and ``check(interview, ctx)`` yielding Findings.
``infoview rules`` prints the same docstrings, and README's table is generated from here.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from infoview.lint.context import Context
from infoview.lint.diagnostic import Finding
from infoview.model import Interview

Check = Callable[[Interview, Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    severity: str
    summary: str
    doc: str
    check: Check

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        doc = inspect.cleandoc(module.__doc__ or "")
        return cls(
            code=module.CODE,
            slug=module.SLUG,
            severity=module.SEVERITY,
            summary=doc.split("\n\n", 1)[0].replace("\n", " "),
            doc=doc,
            check=module.check,
        )


# The registry: one module per rule under infoview/lint/rules/, in the order of SPEC
# section 3. A rule exists when, and only when, it is named here.
RULE_MODULES = (
    "iv001_invalid_front_matter",
    "iv002_schema",
    "iv003_interviewer_missing",
    "iv101_research_missing",
    "iv102_research_facet_missing",
    "iv103_no_common_ground",
    "iv104_research_sources_missing",
    "iv201_goals_missing",
    "iv202_too_many_goals",
    "iv203_goal_is_a_question",
    "iv204_goal_without_questions",
    "iv301_questions_missing",
    "iv302_question_without_goal",
    "iv303_answerable_online",
    "iv304_job_seeking",
    "iv305_duplicate_question",
    "iv401_meeting_date_missing",
    "iv402_contact_missing",
    "iv403_duration_missing",
    "iv404_location_missing",
    "iv405_intro_missing",
    "iv406_notes_missing",
    "iv407_referrals_not_asked",
    "iv408_permission_not_recorded",
    "iv501_thank_you_overdue",
    "iv502_thank_you_due",
    "iv503_thank_you_channel",
    "iv504_keep_in_touch_due",
)
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule.from_module(importlib.import_module(f"infoview.lint.rules.{name}"))
        for name in RULE_MODULES
    )
}
BY_SLUG: dict[str, Rule] = {rule.slug: rule for rule in RULES.values()}


def lookup(name: str) -> Rule | None:
    """Find a rule by code (any case) or slug."""
    return RULES.get(name.upper()) or BY_SLUG.get(name.lower())


def suggest(name: str) -> str:
    """A "did you mean" for an unknown code or slug ('' when nothing is close)."""
    close = difflib.get_close_matches(name.upper(), list(RULES), n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(name.lower(), list(BY_SLUG), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def markdown_table() -> str:
    """The README's rule table, generated from the registry."""
    lines = ["| code | slug | default | what it checks |", "|---|---|---|---|"]
    for rule in RULES.values():
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| {rule.code} | {rule.slug} | {rule.severity} | {summary} |")
    return "\n".join(lines)
