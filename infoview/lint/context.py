"""What every rule may read besides the interview: settings and the moment of the check."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any
from zoneinfo import ZoneInfo

from infoview.config import Config
from infoview.model import Interview, Status


@dataclass(frozen=True)
class Context:
    config: Config
    now: dt.datetime  # aware, in the workspace's time zone
    answerable_online: tuple[re.Pattern[str], ...] = ()
    job_seeking: tuple[re.Pattern[str], ...] = ()

    @property
    def today(self) -> dt.date:
        return self.now.date()

    @property
    def tz(self) -> ZoneInfo:
        return self.config.tz

    def status(self, interview: Interview) -> Status:
        return interview.status(self.now, self.tz)

    def days_since_meeting(self, interview: Interview) -> int | None:
        """Whole days from the day the meeting ended to today (None when undated)."""
        last = interview.meeting.last_day(self.tz)
        return None if last is None else (self.today - last).days


def moment(today: dt.date | None, tz: ZoneInfo) -> dt.datetime:
    """``--today D`` means the start of day D in the workspace's zone; else the clock."""
    if today is None:
        return dt.datetime.now(tz)
    return dt.datetime.combine(today, dt.time(0, 0), tzinfo=tz)


class DayRead(RuntimeError):
    """A rule that declares ``DEPENDS_ON_DAY = False`` read the moment of the check."""


@dataclass(frozen=True)
class _Dayless(Context):
    """A Context whose moment cannot be read: what day-independent rules run with.

    Their results are cached across days, so one that reads ``now`` (directly, or through
    ``today``, ``status`` or ``days_since_meeting``) must fail loudly, not go stale.
    """

    def __getattribute__(self, name: str) -> Any:
        if name == "now":
            raise DayRead("it reads the day but declares DEPENDS_ON_DAY = False")
        return super().__getattribute__(name)


def without_day(ctx: Context) -> Context:
    """``ctx`` with every field but the moment of the check readable."""
    return _Dayless(**{f.name: getattr(ctx, f.name) for f in fields(ctx)})
