"""The explicit list of lint rules: code -> Rule, one module per rule, imported on first use.

A rule module defines CODE, SLUG, SEVERITY, DEPENDS_ON_DAY, a docstring (summary line, the
guide's sentence, passing and failing examples) and ``check(interview, ctx)`` yielding
Findings. ``infoview rules`` prints the same docstrings; README's table is generated here.

The table below names each rule's code, slug and module, so resolving ``[lint] select``,
``ignore`` and inline disables needs no rule module at all; a module is imported when its
rule first runs or is described (``Rule.module``). ``DEPENDS_ON_DAY`` says whether a rule's
result can change from one day to the next with the file and config unchanged (it reads
``ctx.now``, ``ctx.today`` or the meeting's status): the lint cache stores the results of
the other rules and runs only these again. ``check`` holds every rule to its word: a rule
that declares ``False`` and reads the day fails loudly instead of being cached stale.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from infoview.lint.context import Context
    from infoview.lint.diagnostic import Finding
    from infoview.model import Interview

    Check = Callable[[Interview, Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    module_name: str  # under infoview.lint.rules

    @cached_property
    def module(self) -> ModuleType:
        return importlib.import_module(f"infoview.lint.rules.{self.module_name}")

    @property
    def severity(self) -> str:
        return str(self.module.SEVERITY)

    @cached_property
    def depends_on_day(self) -> bool:
        """The module's DEPENDS_ON_DAY; a module that forgets it is treated as day-bound
        (never cached stale), and a meta-test makes every module say it."""
        declared = getattr(self.module, "DEPENDS_ON_DAY", True)
        return declared is not False

    @property
    def check(self) -> Check:
        found: Check = self.module.check
        return found

    @cached_property
    def doc(self) -> str:
        import inspect

        return inspect.cleandoc(self.module.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


# The registry, in the order of SPEC section 3. A rule exists when, and only when, it is
# named here; a meta-test checks each module's CODE and SLUG against its row.
_TABLE = (
    ("IV001", "invalid-front-matter", "iv001_invalid_front_matter"),
    ("IV002", "schema", "iv002_schema"),
    ("IV003", "interviewer-missing", "iv003_interviewer_missing"),
    ("IV101", "research-missing", "iv101_research_missing"),
    ("IV102", "research-facet-missing", "iv102_research_facet_missing"),
    ("IV103", "no-common-ground", "iv103_no_common_ground"),
    ("IV104", "research-sources-missing", "iv104_research_sources_missing"),
    ("IV201", "goals-missing", "iv201_goals_missing"),
    ("IV202", "too-many-goals", "iv202_too_many_goals"),
    ("IV203", "goal-is-a-question", "iv203_goal_is_a_question"),
    ("IV204", "goal-without-questions", "iv204_goal_without_questions"),
    ("IV301", "questions-missing", "iv301_questions_missing"),
    ("IV302", "question-without-goal", "iv302_question_without_goal"),
    ("IV303", "answerable-online", "iv303_answerable_online"),
    ("IV304", "job-seeking", "iv304_job_seeking"),
    ("IV305", "duplicate-question", "iv305_duplicate_question"),
    ("IV401", "meeting-date-missing", "iv401_meeting_date_missing"),
    ("IV402", "contact-missing", "iv402_contact_missing"),
    ("IV403", "duration-missing", "iv403_duration_missing"),
    ("IV404", "location-missing", "iv404_location_missing"),
    ("IV405", "intro-missing", "iv405_intro_missing"),
    ("IV406", "notes-missing", "iv406_notes_missing"),
    ("IV407", "referrals-not-asked", "iv407_referrals_not_asked"),
    ("IV408", "permission-not-recorded", "iv408_permission_not_recorded"),
    ("IV501", "thank-you-overdue", "iv501_thank_you_overdue"),
    ("IV502", "thank-you-due", "iv502_thank_you_due"),
    ("IV503", "thank-you-channel", "iv503_thank_you_channel"),
    ("IV504", "keep-in-touch-due", "iv504_keep_in_touch_due"),
)
RULES: dict[str, Rule] = {code: Rule(code, slug, module) for code, slug, module in _TABLE}
BY_SLUG: dict[str, Rule] = {rule.slug: rule for rule in RULES.values()}
RULE_MODULES = tuple(rule.module_name for rule in RULES.values())


def lookup(name: str) -> Rule | None:
    """Find a rule by code (any case) or slug."""
    return RULES.get(name.upper()) or BY_SLUG.get(name.lower())


def suggest(name: str) -> str:
    """A "did you mean" for an unknown code or slug ('' when nothing is close)."""
    import difflib

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
