"""The server's clock, on an injected time source, and when the time rules next change."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from infoview.lsp.clock import LONGEST_SLEEP, Clock, next_change, sleep_for
from infoview.parse import parse_text

LA = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")
T0 = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC).timestamp()


class Source:
    """A time source that moves only when told."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def meeting(date: str, duration: int | None = 30) -> object:
    lines = ["---", "meeting:", f"  date: {date}"]
    if duration is not None:
        lines.append(f"  duration: {duration}")
    return parse_text("\n".join([*lines, "---", ""]), Path("x.md"))


def test_the_system_clock_by_default() -> None:
    source = Source()
    clock = Clock(source)
    assert clock.running
    assert clock.now() == dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    assert clock.now().tzinfo == dt.UTC
    source.now += 90
    assert clock.now() == dt.datetime(2026, 11, 22, 12, 1, 30, tzinfo=dt.UTC)
    assert clock.moment(LA) == dt.datetime(2026, 11, 22, 4, 1, 30, tzinfo=LA)
    assert clock.moment(LA).tzinfo == LA


def test_a_set_moment_runs_on_from_there() -> None:
    source = Source()
    clock = Clock(source)
    moment = dt.datetime(2026, 11, 20, 23, 59, 59, tzinfo=LA)
    clock.set(moment)
    assert clock.running and clock.now() == moment
    source.now += 2
    assert clock.now() == dt.datetime(2026, 11, 21, 0, 0, 1, tzinfo=LA)
    assert clock.now().tzinfo == dt.UTC
    assert clock.moment(LA) == dt.datetime(2026, 11, 21, 0, 0, 1, tzinfo=LA)


def test_a_fixed_moment_stays_and_setting_it_running_again_lets_it_run() -> None:
    source = Source()
    clock = Clock(source)
    moment = dt.datetime(2026, 11, 20, 15, 0, tzinfo=LA)
    clock.set(moment, running=False)
    source.now += 3600
    assert not clock.running and clock.now() == moment
    assert clock.now().tzinfo == dt.UTC
    clock.set(moment, running=True)
    source.now += 60
    assert clock.running and clock.now() == moment + dt.timedelta(minutes=1)


def test_infoview_today_fixes_the_start_of_that_day_in_each_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INFOVIEW_TODAY", "2026-11-25")
    source = Source()
    clock = Clock.from_environment(source)
    assert not clock.running
    assert clock.now() == dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    assert clock.moment(LA) == dt.datetime(2026, 11, 25, 0, 0, tzinfo=LA)
    assert clock.moment(TOKYO) == dt.datetime(2026, 11, 25, 0, 0, tzinfo=TOKYO)
    source.now += 86400
    assert clock.moment(LA) == dt.datetime(2026, 11, 25, 0, 0, tzinfo=LA)
    # Setting the clock (infoview/setClock) replaces the fixed day.
    clock.set(dt.datetime(2026, 11, 26, 8, 0, tzinfo=LA))
    assert clock.running and clock.moment(LA) == dt.datetime(2026, 11, 26, 8, 0, tzinfo=LA)


@pytest.mark.parametrize("value", [None, "", "tomorrow", "2026-13-01"])
def test_without_a_valid_infoview_today_the_clock_is_the_systems(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    else:
        monkeypatch.setenv("INFOVIEW_TODAY", value)
    clock = Clock.from_environment(Source())
    assert clock.running
    assert clock.now() == dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def test_the_real_system_clock_is_the_default_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    assert Clock()._time is time.time
    assert Clock.from_environment()._time is time.time


def test_the_next_change_is_the_nearest_midnight() -> None:
    now = dt.datetime(2026, 11, 20, 14, 0, tzinfo=LA)
    assert next_change(now, [LA], []) == dt.datetime(2026, 11, 21, 0, 0, tzinfo=LA)
    # Two zones: the nearer midnight (23:00 in Tokyo when it is 06:00 in Los Angeles).
    early = dt.datetime(2026, 11, 20, 6, 0, tzinfo=LA)
    assert next_change(early, [LA, TOKYO], []) == dt.datetime(2026, 11, 21, 0, 0, tzinfo=TOKYO)
    assert next_change(early, [TOKYO, LA], []) == dt.datetime(2026, 11, 21, 0, 0, tzinfo=TOKYO)
    # Daylight saving ends on 2026-11-01 in LA: that day has 25 hours.
    before = dt.datetime(2026, 10, 31, 23, 0, tzinfo=LA)
    assert next_change(before, [LA], []) == dt.datetime(2026, 11, 1, 0, 0, tzinfo=LA)
    late = dt.datetime(2026, 11, 1, 12, 0, tzinfo=LA)
    assert next_change(late, [LA], []) - late == dt.timedelta(hours=12)
    # Exactly at midnight: the next one.
    midnight = dt.datetime(2026, 11, 21, 0, 0, tzinfo=LA)
    assert next_change(midnight, [LA], []) == dt.datetime(2026, 11, 22, 0, 0, tzinfo=LA)


def test_the_next_change_is_a_meetings_end_when_that_comes_first() -> None:
    now = dt.datetime(2026, 11, 20, 14, 0, tzinfo=LA)
    soon = meeting("2026-11-20T15:00")
    assert next_change(now, [LA], [(soon, LA)]) == dt.datetime(2026, 11, 20, 15, 30, tzinfo=LA)
    assert next_change(now, [], [(soon, LA)]) == dt.datetime(2026, 11, 20, 15, 30, tzinfo=LA)
    # The end in the meeting's workspace's zone.
    dawn = dt.datetime(2026, 11, 20, 6, 0, tzinfo=TOKYO)
    assert next_change(dawn, [], [(soon, TOKYO)]) == dt.datetime(2026, 11, 20, 15, 30, tzinfo=TOKYO)
    assert next_change(dawn, [], [(soon, LA)]) == dt.datetime(2026, 11, 20, 15, 30, tzinfo=LA)
    later = dt.datetime(2026, 11, 20, 16, 0, tzinfo=LA)
    assert next_change(later, [LA], [(soon, LA)]) == dt.datetime(2026, 11, 21, tzinfo=LA)
    # A meeting ending right now is over: it is not a change still to come.
    ending = dt.datetime(2026, 11, 20, 15, 30, tzinfo=LA)
    assert next_change(ending, [LA], [(soon, LA)]) == dt.datetime(2026, 11, 21, tzinfo=LA)
    undated = parse_text("---\nmeeting:\n  mode: video\n---\n", Path("y.md"))
    assert next_change(now, [LA], [(undated, LA)]) == dt.datetime(2026, 11, 21, tzinfo=LA)


def test_with_no_zone_and_no_meeting_ahead_the_next_look_is_a_day_later() -> None:
    now = dt.datetime(2026, 11, 20, 14, 0, tzinfo=LA)
    assert next_change(now, [], []) == now + dt.timedelta(days=1)


def test_the_sleep_until_then_is_a_little_after_and_never_longer_than_five_minutes() -> None:
    now = dt.datetime(2026, 11, 20, 14, 0, tzinfo=LA)
    assert LONGEST_SLEEP == 300.0
    assert sleep_for(now, now + dt.timedelta(seconds=10)) == pytest.approx(10.05)
    assert sleep_for(now, now + dt.timedelta(seconds=299)) == pytest.approx(299.05)
    assert sleep_for(now, now + dt.timedelta(seconds=300)) == 300.0
    assert sleep_for(now, now + dt.timedelta(days=2)) == 300.0  # woken anyway
    assert sleep_for(now, now) == pytest.approx(0.05)
    assert sleep_for(now, now - dt.timedelta(seconds=5)) == 0.05
