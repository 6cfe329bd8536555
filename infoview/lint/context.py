"""What every rule may read besides the interview: settings and the moment of the check."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
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
