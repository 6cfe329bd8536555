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


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("2026-11-18-marcus-lee.md", "Marcus Lee"),  # the interview's own name
        ("2026-11-18-marcus-lee", "Marcus Lee"),
        ("sub/2026-11-18-marcus-lee.md", "Marcus Lee"),
        ("2026-10-02-lena-park.md", "Lena Park"),  # no such interview: from the stem
        ("2026-10-02-jose-de-la-cruz", "Jose De La Cruz"),
        ("Lena Park", "Lena Park"),  # a name already
        ("  Lena   Park ", "Lena Park"),
    ],
)
def test_referred_by_names_a_person(reference: str, name: str) -> None:
    from infoview.people import name_for_reference

    marcus = parse_text(
        "---\ninterviewer:\n  name: Marcus  Lee\n---\n", Path("interviews/2026-11-18-marcus-lee.md")
    )
    assert name_for_reference(reference, [marcus]) == name


@pytest.mark.parametrize(
    ("location", "plan", "back"),
    [
        (None, "You call them at +1 503 555 0142 (you asked for the meeting)", "+1 503 555 0142"),
        (
            "(312) 555-0123 ext 45",
            "You call them at (312) 555-0123 ext 45",
            "(312) 555-0123 ext 45",
        ),
        (
            "+1 646 555 0199,,4471#",
            "You call them at +1 646 555 0199,,4471#",
            "+1 646 555 0199,,4471#",
        ),
        ("They call me on +1 312 555 0100", "They call me on +1 312 555 0100", "+1 503 555 0142"),
        ("555", "555", "+1 503 555 0142"),  # too short to be a number: shown as written
    ],
)
def test_phone_plan(location: str | None, plan: str, back: str) -> None:
    from infoview.packet_mode import phone_plan

    where = f"  location: {location!r}\n" if location else ""
    text = (
        '---\ninterviewer:\n  name: Dana Whitfield\n  phone: "+1 503 555 0142"\n'
        f"meeting:\n  date: 2026-12-03T10:00\n  mode: phone\n{where}---\n"
    )
    assert phone_plan(parse_text(text, Path("x.md"))) == (plan, back)


def test_phone_plan_without_any_number() -> None:
    from infoview.packet_mode import phone_plan

    text = "---\ninterviewer:\n  name: Dana\nmeeting:\n  mode: phone\n---\n"
    assert phone_plan(parse_text(text, Path("x.md"))) == (
        "Not recorded: agree who calls whom, and the number, before the day",
        None,
    )


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "call +1 312 555 0147 & <b>",
            'call <span class="nowrap">+1 312 555 0147</span> &amp; &lt;b&gt;',
        ),
        (
            "Thursday 3 December 2026, 10:00–10:30 PST (America/Los_Angeles)",
            '<span class="nowrap">Thursday 3 December 2026</span>, '
            '<span class="nowrap">10:00–10:30 PST</span> '
            '(<span class="nowrap">America/Los_Angeles</span>)',
        ),
        ("no numbers 12 here", "no numbers 12 here"),
    ],
)
def test_nowrap_keeps_numbers_dates_and_times_together(text: str, html: str) -> None:
    from infoview.render.nowrap import nowrap

    assert str(nowrap(text)) == html


def test_running_head_fits_one_line() -> None:
    org = "Northwestern Lakeshore Regional Medical Center and Rehabilitation Institute"
    text = f"---\ninterviewer:\n  name: Aisha Bello\n  organization: {org}\n---\n"
    running = context(parse_text(text, Path("x.md")), CONFIG)["running"]
    assert running == "Prep packet · Aisha Bello · Northwestern Lakeshore Regional Medical…"


@pytest.mark.parametrize(
    ("name", "mode", "says"),
    [
        ("Aisha Bello, RN", "in-person", "Have Aisha Bello's number handy in case you are delayed"),
        ("Dr. Ana de la Cruz, PhD", "in-person", "Have Dr. Ana de la Cruz's number handy"),
        ("Ana Cruz MD", "video", "and tell Ana Cruz what happened."),
        ("Wei Zhang, PE", "phone", "Call Wei Zhang at +1 503 555 0142 at 10:00."),
    ],
)
def test_the_checklist_names_them_as_a_sentence_would(name: str, mode: str, says: str) -> None:
    """Letters after a name stay on the cover; a sentence says the name without them."""
    from infoview.config import Config
    from infoview.packet_mode import logistics

    text = (
        f'---\ninterviewer:\n  name: {name}\n  phone: "+1 503 555 0142"\n'
        f"meeting:\n  date: 2026-12-03T10:00\n  mode: {mode}\n---\n"
    )
    checklist = " ".join(logistics(parse_text(text, Path("x.md")), Config()).checklist)
    assert says in checklist
