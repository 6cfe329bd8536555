"""The server's clock, injected, and the next moment the time rules can change their verdict.

The time rules (thank-you due and overdue, keep in touch, notes missing after the
meeting) change only when a local day begins or when a meeting ends, so the server
sleeps until the nearest of those and then re-lints: a thank-you turns overdue on screen
at midnight without a keystroke. ``INFOVIEW_TODAY`` fixes the clock at the start of that
day (as it does for ``infoview lint``); tests and demos move it with the
``infoview/setClock`` notification, which sets the time and lets it run on from there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from infoview.model import Interview

# Wake at least this often anyway (seconds): a suspended laptop's timers do not count the
# time it slept, so a long sleep could miss a midnight.
LONGEST_SLEEP = 300.0


class Clock:
    """The current moment: the system clock, a set moment running on, or a fixed day.

    ``time`` is the system clock (seconds since the epoch); tests inject their own.
    """

    def __init__(self, time: Callable[[], float] = time.time) -> None:
        self._time = time
        self._offset = 0.0  # seconds added to the system clock
        self._fixed: dt.datetime | None = None
        self._day: dt.date | None = None  # INFOVIEW_TODAY: the start of this day, anywhere

    @classmethod
    def from_environment(cls, time: Callable[[], float] = time.time) -> Clock:
        """The system clock, or the start of ``$INFOVIEW_TODAY`` when it is set."""
        clock = cls(time)
        value = os.environ.get("INFOVIEW_TODAY")
        if value:
            # A bad value means the system clock; the commands report it.
            with contextlib.suppress(ValueError):
                clock._day = dt.date.fromisoformat(value)
        return clock

    def now(self) -> dt.datetime:
        """The current moment, aware (UTC); with a fixed day, its start in UTC."""
        if self._day is not None:
            return dt.datetime.combine(self._day, dt.time(0, 0), tzinfo=dt.UTC)
        if self._fixed is not None:
            return self._fixed
        return dt.datetime.fromtimestamp(self._time() + self._offset, dt.UTC)

    def moment(self, tz: ZoneInfo) -> dt.datetime:
        """The current moment in ``tz``: what the rules see as "now"."""
        if self._day is not None:  # "--today D" means the start of day D in the zone
            return dt.datetime.combine(self._day, dt.time(0, 0), tzinfo=tz)
        return self.now().astimezone(tz)

    def set(self, moment: dt.datetime, *, running: bool = True) -> None:
        """Make ``moment`` (aware) the current time; it runs on from there unless fixed."""
        moment = moment.astimezone(dt.UTC)
        self._day = None
        if running:
            self._fixed = None
            self._offset = moment.timestamp() - self._time()
        else:
            self._fixed = moment

    @property
    def running(self) -> bool:
        return self._fixed is None and self._day is None


def next_change(
    now: dt.datetime, zones: Iterable[ZoneInfo], meetings: Iterable[tuple[Interview, ZoneInfo]]
) -> dt.datetime:
    """The next moment after ``now`` when a time rule's verdict can change.

    That is the next local midnight in any workspace's time zone, or the end of a meeting
    still ahead (``meetings`` pairs each interview with its workspace's zone): then the
    meeting is done, and notes, referrals and the thank-you become due.
    """
    candidates = []
    for tz in zones:
        local = now.astimezone(tz)
        tomorrow = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0, 0))
        candidates.append(tomorrow.replace(tzinfo=tz))
    for interview, tz in meetings:
        end = interview.meeting.end(tz)
        if end is not None and end > now:
            candidates.append(end)
    return min(candidates, default=now + dt.timedelta(days=1))


def sleep_for(now: dt.datetime, wake: dt.datetime) -> float:
    """Seconds to sleep until ``wake`` (a little after, never more than LONGEST_SLEEP)."""
    seconds = (wake - now).total_seconds() + 0.05
    return min(max(seconds, 0.05), LONGEST_SLEEP)
