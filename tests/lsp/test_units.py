"""The language server's pure parts, without a process: positions, edits, the clock, and
where the cursor is in the front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from infoview.lsp.clock import Clock, next_change, sleep_for
from infoview.lsp.frontmatter import place
from infoview.lsp.positions import Lines, text_edits
from infoview.model import Span
from infoview.parse import parse_text

from .session import apply_edits

ENCODINGS = ["utf-8", "utf-16", "utf-32"]
LA = ZoneInfo("America/Los_Angeles")


@pytest.mark.parametrize(
    ("encoding", "start", "end"), [("utf-8", 13, 18), ("utf-16", 8, 13), ("utf-32", 6, 11)]
)
def test_columns_are_code_units_of_the_agreed_encoding(encoding: str, start: int, end: int) -> None:
    text = "- 🎓🎓é zoomy\n"  # two astral characters and a two-byte one before the word
    lines = Lines(text, encoding)
    rng = lines.range(Span(1, 7, 1, 12))
    assert (rng.start.character, rng.end.character) == (start, end)
    assert lines.point(rng.start) == (1, 7)


def test_a_bom_the_client_kept_is_one_more_character_on_line_0() -> None:
    lines = Lines("\ufeff---\r\nname: x\r\n", "utf-16")
    assert lines.position(1, 1) == types.Position(0, 1)
    assert lines.position(2, 1) == types.Position(1, 0)
    assert lines.point(types.Position(0, 1)) == (1, 1)


def test_a_point_span_covers_the_rest_of_its_line() -> None:
    lines = Lines("---\ninterviewer:   \n", "utf-16")
    assert lines.range(Span(2, 1)) == types.Range(types.Position(1, 0), types.Position(1, 12))


_TEXT = st.text(st.sampled_from(list("ab -:\n\r\t🎓é\u2028")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(old=_TEXT, new=_TEXT, encoding=st.sampled_from(ENCODINGS))
def test_text_edits_turn_the_old_text_into_the_new(old: str, new: str, encoding: str) -> None:
    edits = text_edits(old, new, encoding)
    assert apply_edits(old, edits, encoding) == new
    assert (edits == []) == (old == new)


def test_text_edits_leave_unchanged_lines_alone() -> None:
    old = "a\r\nb\r\nc\r\n"
    (edit,) = text_edits(old, "a\r\nb\r\n# x\r\nc\r\n", "utf-16")
    assert edit == types.TextEdit(
        types.Range(types.Position(2, 0), types.Position(2, 0)), "# x\r\n"
    )


def test_the_next_change_is_midnight_or_a_meetings_end() -> None:
    now = dt.datetime(2026, 11, 20, 14, 0, tzinfo=LA)
    text = "---\nmeeting:\n  date: 2026-11-20T15:00\n  duration: 30\n---\n"
    meeting = parse_text(text, Path("x.md"))
    assert next_change(now, [LA], []) == dt.datetime(2026, 11, 21, 0, 0, tzinfo=LA)
    assert next_change(now, [LA], [(meeting, LA)]) == dt.datetime(2026, 11, 20, 15, 30, tzinfo=LA)
    later = dt.datetime(2026, 11, 20, 16, 0, tzinfo=LA)
    assert next_change(later, [LA], [(meeting, LA)]) == dt.datetime(2026, 11, 21, tzinfo=LA)
    # Two zones: the nearer midnight (23:00 in Tokyo when it is 06:00 in Los Angeles).
    tokyo, early = ZoneInfo("Asia/Tokyo"), dt.datetime(2026, 11, 20, 6, 0, tzinfo=LA)
    assert next_change(early, [LA, tokyo], []) == dt.datetime(2026, 11, 21, 0, 0, tzinfo=tokyo)
    # Daylight saving ends on 2026-11-01 in LA: that day has 25 hours.
    before = dt.datetime(2026, 10, 31, 23, 0, tzinfo=LA)
    assert next_change(before, [LA], []) == dt.datetime(2026, 11, 1, 0, 0, tzinfo=LA)
    assert sleep_for(now, now + dt.timedelta(days=2)) == 300.0  # woken anyway
    assert sleep_for(now, now - dt.timedelta(seconds=5)) == 0.05


def test_the_clock_can_be_set_running_or_fixed_and_infoview_today_fixes_the_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()
    moment = dt.datetime(2026, 11, 22, 23, 59, 59, tzinfo=LA)
    clock.set(moment, running=True)
    assert clock.running and abs((clock.now() - moment).total_seconds()) < 60
    clock.set(moment, running=False)
    assert not clock.running and clock.now() == moment
    monkeypatch.setenv("INFOVIEW_TODAY", "2026-11-25")
    fixed = Clock.from_environment()
    assert fixed.moment(LA) == dt.datetime(2026, 11, 25, tzinfo=LA) and not fixed.running


FRONT = """\
---
interviewer:
  name: Dana
  ti
meeting:
  mode: vi
referrals:
  - name: Sam
    fi
  -\x20
tags:
- a
lint: {ignore: [IV3
# a comment
---
body
"""


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("  ti", ("interviewer", None, True, "ti", frozenset({"name"}))),
        ("  na", ("interviewer", "name", True, "na", frozenset())),
        ("mode: vi", ("meeting", "mode", False, "vi", frozenset())),
        ("  - na", ("referrals[]", "name", True, "na", frozenset())),
        ("    fi", ("referrals[]", None, True, "fi", frozenset({"name"}))),
        ("  - \n", ("referrals[]", None, False, "", frozenset())),
        ("- a", ("tags[]", None, False, "a", frozenset())),
        ("[IV3", ("lint", "ignore", False, "IV3", frozenset())),
    ],
)
def test_the_place_of_the_cursor_in_the_front_matter(
    needle: str, expected: tuple[object, ...]
) -> None:
    index = FRONT.index(needle) + len(needle.rstrip("\n"))
    line = FRONT.count("\n", 0, index)
    column = index - (FRONT.rfind("\n", 0, index) + 1)
    where = place(FRONT.split("\n"), line, column)
    assert where is not None
    assert (where.parent, where.key, where.on_key, where.prefix, where.siblings) == expected


def test_no_place_in_comments_the_fences_or_the_body() -> None:
    lines = FRONT.split("\n")
    assert place(lines, lines.index("# a comment"), 5) is None
    assert place(lines, 0, 2) is None
    assert place(lines, lines.index("body"), 2) is None
