"""Lint one interview's text in memory: parse_text + lint.check, no files and no clock.

``FRONT`` and ``BODY`` make a complete interview that every rule passes at ``TODAY`` (a
video meeting a week ahead); tests change one thing and assert the exact diagnostics. The
line numbers of the pieces are constants here so the tables can name them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from samples import FRONT

from infoview import lint
from infoview.config import parse_config
from infoview.lint.diagnostic import Diagnostic
from infoview.parse import parse_text

TODAY = "2026-11-25"

BASE = """\
timezone = "America/Los_Angeles"

[profile]
name = "Alex Rivera"
intro = "I'm Alex, a second-term paralegal student and a former office manager."
"""

# File lines: '---' is 1, FRONT starts at 2.
INTERVIEWER = 2
PHONE = 4
MEETING = 5
DATE = 6
DURATION = 7
MODE = 8
LOCATION = 9
FORMALITY = 10
GOALS = 11
GOAL_1 = 12
GOAL_2 = 13
BODY_START = 15  # the line after the closing '---'

RESEARCH = """\
## Research
- **Work history:** twelve years at Marlow & Reyes, six in estate planning.
- **Education:** paralegal certificate, Portland Community College.
- **Credentials:** Oregon Certified Paralegal.
- **In common:** we both came through the PCC programme.
- **Sources:** the firm's team page and her LinkedIn profile.
"""
QUESTIONS = """\
## Questions
### Goal 1
- Which estate-planning tasks do paralegals here handle end to end?
### Goal 2
- What would you tell someone weighing law school against a senior paralegal career?
"""
NOTES = "## Notes\n"
BODY = f"{RESEARCH}\n{QUESTIONS}\n{NOTES}"
RESEARCH_LINE = BODY_START  # '## Research'
QUESTIONS_LINE = BODY_START + 7  # '## Questions'
NOTES_LINE = BODY_START + 13  # '## Notes'

Row = tuple[str, int, int, str]


def cases(*rows: tuple[Any, ...]) -> list[Any]:
    """Turn ``(id, *values)`` table rows into pytest params named by their first column."""
    return [pytest.param(*row[1:], id=row[0]) for row in rows]


def doc(front: str = FRONT, body: str = BODY) -> str:
    """Return an interview file: ``front`` between '---' lines, then ``body``."""
    return f"---\n{front}---\n{body}"


def diagnostics(
    text: str,
    *,
    today: str = TODAY,
    config_toml: str = BASE,
    select: list[str] | tuple[str, ...] | None = None,
) -> list[Diagnostic]:
    """Lint ``text`` as of the start of ``today``; ``select`` narrows the rules that run."""
    config = parse_config(config_toml)
    chosen = lint.selection(config)
    if select is not None:
        chosen = dataclasses.replace(
            chosen, enabled=tuple(c for c in chosen.enabled if c in select)
        )
    ctx = lint.context(config, dt.date.fromisoformat(today))
    interview = parse_text(text, Path("interviews/example.md"))
    return lint.check(interview, ctx, chosen, "interviews/example.md")


def run(
    text: str,
    *,
    today: str = TODAY,
    config_toml: str = BASE,
    select: list[str] | tuple[str, ...] | None = None,
) -> list[Row]:
    """Return ``(code, line, column, severity)`` for each diagnostic, in report order."""
    found = diagnostics(text, today=today, config_toml=config_toml, select=select)
    return [(d.code, d.line, d.column, d.severity) for d in found]
