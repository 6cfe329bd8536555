"""The packet's computed texts, without rendering: due dates, times, fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoview.config import parse_config
from infoview.packet_context import context
from infoview.parse import parse_text

CONFIG = parse_config('timezone = "America/Los_Angeles"\n[lint]\nthank_you_days = 2\n')


def packet_for(meeting: str, extra: str = "") -> dict[str, object]:
    text = f"---\ninterviewer:\n  name: Dana Whitfield\nmeeting:\n{meeting}{extra}---\n"
    return context(parse_text(text, Path("x.md")), CONFIG)


@pytest.mark.parametrize(
    "meeting, due",
    [
        # A date-only meeting ends on its own day: due two days after it, as lint counts.
        ("  date: 2026-11-18\n", "by Friday 20 November 2026"),
        ("  date: 2026-11-18T15:30\n  duration: 45\n", "by Friday 20 November 2026"),
        # Ends after midnight local time: counted from the day it ends.
        ("  date: 2026-11-18T23:30\n  duration: 60\n", "by Saturday 21 November 2026"),
    ],
)
def test_thank_you_due_date_matches_lint(meeting: str, due: str) -> None:
    thanks = packet_for(meeting)["thanks"]
    assert isinstance(thanks, dict)
    assert due in thanks["text"]


def test_when_shows_zone_and_end_time() -> None:
    when = packet_for("  date: 2026-12-03T10:00\n  duration: 30\n")["when"]
    assert when == {
        "text": "Thursday 3 December 2026, 10:00–10:30 PST (America/Los_Angeles)",
        "duration": "30 minutes",
    }


def test_a_sent_thank_you_is_shown_as_sent() -> None:
    follow = "follow_up:\n  thank_you_sent: 2026-11-19\n  thank_you_via: handwritten\n"
    thanks = packet_for("  date: 2026-11-18\n", follow)["thanks"]
    assert thanks == {"text": "Sent Thursday 19 November 2026 (handwritten)"}
