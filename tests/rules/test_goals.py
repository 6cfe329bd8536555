"""IV201-IV204: learning goals, one line per case."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from .helpers import (
    FRONT,
    GOAL_1,
    GOAL_2,
    GOALS,
    QUESTIONS_LINE,
    RESEARCH,
    Row,
    cases,
    diagnostics,
    doc,
    run,
)

GOALS_BLOCK = FRONT[FRONT.index("learning_goals:") :]
W = "warning"


def goals(*items: str, questions: str | None = None) -> str:
    """An interview whose goals are ``items`` (a block list from line GOALS + 1)."""
    block = "learning_goals:\n" + "".join(f"  - {item}\n" for item in items)
    return with_block(block, questions)


def with_block(block: str, questions: str | None = None) -> str:
    front = FRONT.replace(GOALS_BLOCK, block)
    if questions is None:
        return doc(front)
    return doc(front, f"{RESEARCH}\n## Questions\n{questions}")


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("two-goals", doc(), []),
        ("one-scalar-goal", with_block("learning_goals: Learn about probate.\n"), []),
        ("no-key", with_block(""), [("IV201", 1, 1, "error")]),
        ("empty-list", with_block("learning_goals: []\n"), [("IV201", GOALS, 1, "error")]),
        ("null", with_block("learning_goals:\n"), [("IV201", GOALS, 1, "error")]),
        ("blank-item", with_block("learning_goals:\n  -\n"), [("IV201", GOALS, 1, "error")]),
        ("broken-yaml-is-IV001", with_block("learning_goals: [Learn\n"), []),
    ),
)  # fmt: skip
def test_iv201_goals_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV201"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("one", goals("Learn A."), []),
        ("three", goals("Learn A.", "Learn B.", "Learn C."), []),
        ("four", goals("Learn A.", "Learn B.", "Learn C.", "Learn D."), [("IV202", GOALS + 4, 5, W)]),
        ("five-one-diagnostic", goals("Learn A.", "Learn B.", "Learn C.", "Learn D.", "Learn E."), [("IV202", GOALS + 4, 5, W)]),
        ("four-flow", with_block("learning_goals: [Learn A., Learn B., Learn C., Learn D.]\n"), [("IV202", GOALS, 48, W)]),
        ("blank-items-not-counted", goals("Learn A.", "''", "Learn B.", "Learn C."), []),
    ),
)  # fmt: skip
def test_iv202_too_many_goals(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV202"]) == expected


def test_iv202_message_counts_the_goals() -> None:
    (found,) = diagnostics(goals("A.", "B.", "C.", "D.", "E."), select=["IV202"])
    assert found.message.startswith("5 learning goals; keep one to three")


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("learn-statements", doc(), []),
        ("ends-with-question-mark", goals("Learn about probate?"), [("IV203", GOAL_1, 5, W)]),
        ("starts-with-how", goals("How many wills do you draft"), [("IV203", GOAL_1, 5, W)]),
        ("starts-with-what", goals("What estate planning involves"), [("IV203", GOAL_1, 5, W)]),
        ("starts-with-should", goals("Should I go to law school"), [("IV203", GOAL_1, 5, W)]),
        ("starts-with-do-lowercase", goals("do paralegals draft wills"), [("IV203", GOAL_1, 5, W)]),
        ("second-goal-only", goals("Learn about probate.", "Is law school worth it?"), [("IV203", GOAL_2, 5, W)]),
        ("flow-style", with_block("learning_goals: [Learn A., 'Why probate?']\n"), [("IV203", GOALS, 28, W)]),
        ("question-word-inside", goals("Learn how and why firms use paralegals."), []),
        ("prefix-not-a-word", goals("Doing well in a first job."), []),
        ("is-prefix", goals("Isolating what makes a paralegal trusted."), []),
        ("question-mark-inside", goals("Learn what 'trust funding?' means in practice."), []),
    ),
)  # fmt: skip
def test_iv203_goal_is_a_question(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV203"]) == expected


def test_iv203_message_names_the_goal_and_its_heading() -> None:
    (found,) = diagnostics(goals("Learn A.", "Why probate?"), select=["IV203"])
    assert found.message.startswith("goal 2 is a question; phrase it as what you want to learn")
    assert "'### Goal 2'" in found.message


Q = QUESTIONS_LINE  # '## Questions'; '### Goal 1' is Q + 1


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("each-goal-has-questions", doc(), []),
        ("empty-goal-heading", goals("Learn A.", "Learn B.", questions="### Goal 1\n- A?\n### Goal 2\n"), [("IV204", Q + 3, 1, W)]),
        ("no-heading-for-goal", goals("Learn A.", "Learn B.", questions="### Goal 1\n- A?\n"), [("IV204", GOAL_2, 5, W)]),
        ("heading-by-wording", goals("Learn A.", "Learn about probate practice.", questions="### Goal 1\n- A?\n### Probate practice\n"), [("IV204", Q + 3, 1, W)]),
        ("numbered-headings", goals("Learn A.", "Learn B.", questions="### 1. Firm\n- A?\n### 2) Path\n- B?\n"), []),
        ("wording-headings", goals("Learn about the firm.", "Learn about probate practice.", questions="### About the firm\n- A?\n### Probate practice\n- B?\n"), []),
        ("two-goals-empty", goals("Learn A.", "Learn B.", "Learn C.", questions="### Goal 2\n- B?\n"), [("IV204", GOAL_1, 5, W), ("IV204", GOAL_2 + 1, 5, W)]),
        ("no-questions-is-IV301", goals("Learn A.", "Learn B.", questions="### Goal 1\n### Goal 2\n"), []),
    ),
)  # fmt: skip
def test_iv204_goal_without_questions(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV204"]) == expected
