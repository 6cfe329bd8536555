"""What a prep packet shows: the template's context, computed from an interview and config.

Pure functions of values (no files, no WeasyPrint), so every text on the packet can be
tested without rendering it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from infoview import __version__
from infoview.config import Config
from infoview.model import Facet, Interview, Status
from infoview.packet_mode import logistics
from infoview.people import name_for_reference

LINES_PER_QUESTION = 5
RUNNING_HEAD = 72  # characters of the page header that fit on one line
# In the cover's order: common ground first, the conversation's easiest opening.
FACET_TITLES = {
    Facet.IN_COMMON: "What we have in common",
    Facet.WORK_HISTORY: "Work history",
    Facet.EDUCATION: "Education",
    Facet.CREDENTIALS: "Awards, certifications and memberships",
    Facet.SOURCES: "Sources read",
}
CHANNEL_WORDS = {"card": "a brief handwritten note (card)", "email": "an email"}


def _when(interview: Interview, config: Config) -> dict[str, str]:
    meeting = interview.meeting
    minutes = meeting.duration
    duration = f"{minutes} minutes" if minutes else "not agreed yet: confirm it when you book"
    start = meeting.start(config.tz)
    if start is None:
        return {"text": "not scheduled yet", "duration": duration}
    day = f"{start:%A} {start.day} {start:%B %Y}"
    if meeting.time is None:
        return {"text": f"{day} (time not set)", "duration": duration}
    zone = config.timezone if meeting.offset is None else "offset given in the file"
    abbrev = start.tzname() or ""
    text = f"{day}, {start:%H:%M}"
    if minutes:
        end = start + dt.timedelta(minutes=minutes)
        text += f"–{end:%H:%M}"
        if end.date() != start.date():
            text += f" (next day, {end:%A})"
    text += f" {abbrev} ({zone})"
    return {"text": text, "duration": duration}


def _research(interview: Interview) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for facet, title in FACET_TITLES.items():
        items = [item for item in interview.research if item.facet is facet]
        if items:
            groups.append(
                {
                    "title": title,
                    "items": items,
                    "common": facet is Facet.IN_COMMON,
                    "labelled": True,
                }
            )
    other = [item for item in interview.research if item.facet is None]
    if other:
        groups.append({"title": "Other notes", "items": other, "common": False, "labelled": False})
    return groups


def _thanks(interview: Interview, config: Config) -> dict[str, str]:
    channel = interview.thank_you_channel(config.thanks.pairing())
    how = CHANNEL_WORDS.get(channel, channel)
    sent = interview.follow_up.thank_you_sent
    if sent:
        via = interview.follow_up.thank_you_via
        return {"text": f"Sent {sent:%A} {sent.day} {sent:%B %Y}" + (f" ({via})" if via else "")}
    days = config.lint.thank_you_days
    due = interview.thank_you_due(config.tz, days)
    if due is None:
        return {"text": f"Send {how} within {days} days of the meeting."}
    return {
        "text": f"Send {how} by {due:%A} {due.day} {due:%B %Y} ({days} days after the meeting)."
    }


def _checklist(interview: Interview, config: Config) -> list[str]:
    """The guide's day-of checklist; the first items follow the meeting's mode."""
    minutes = interview.meeting.duration
    respect = "Respect their time: keep to the agreed timeframe"
    if minutes:
        respect += f" ({minutes} minutes)"
    return [
        *logistics(interview, config).checklist,
        "Bring paper and a pen and take notes: areas to follow up on, "
        "questions not to forget, important information.",
        "Don't use the interview to look for a job. If they hold the keys to your perfect job, "
        "ask at the end for another meeting about opportunities.",
        "Start with a brief overview of yourself; direct the interview, "
        "but let them do most of the talking.",
        respect + ".",
        "At the end, ask if you may contact them again in the future with other questions.",
        "Ask for names of other people to meet, to gain different perspectives.",
    ]


def _facts(interview: Interview, config: Config, referred_by: str | None) -> list[list[str]]:
    """The cover's table: when, for how long, where or how, the fallback, contacts."""
    who = interview.interviewer
    when = _when(interview, config)
    rows = [["When", when["text"]], ["Agreed duration", when["duration"]]]
    rows += [[label, value] for label, value in logistics(interview, config).rows]
    for label, value in (
        ("Email", who.email),
        ("LinkedIn", who.linkedin),
        ("Web page", who.website),
        ("Referred by", referred_by),
    ):
        if value:
            rows.append([label, value])
    return rows


def _last_time(previous: Interview | None, config: Config) -> dict[str, Any] | None:
    """The earlier meeting with the same person: its date, takeaways and keep-in-touch notes."""
    start = previous.meeting.start(config.tz) if previous else None
    if previous is None or start is None:
        return None
    day = start.astimezone(config.tz) if previous.meeting.time else start
    return {
        "when": f"{day:%A} {day.day} {day:%B %Y}",
        "takeaways": [note.text for note in previous.takeaways],
        "keep_in_touch": [
            (f"{e.date.day} {e.date:%B %Y}: " if e.date else "") + e.note
            for e in previous.follow_up.keep_in_touch
        ],
    }


def context(
    interview: Interview,
    config: Config,
    *,
    previous: Interview | None = None,
    others: Sequence[Interview] = (),
) -> dict[str, Any]:
    """Everything packet.html.j2 shows, computed from the interview and the config.

    ``previous`` is an earlier interview with the same person ("last time we talked");
    ``others`` are the workspace's interviews, so ``referred_by`` shows a person's name.
    """
    who = interview.interviewer
    referred_by = (
        name_for_reference(interview.referred_by, others) if interview.referred_by else None
    )
    by_goal = {
        g.number: [q.text for q in interview.questions_for(g.number)]
        for g in interview.learning_goals
    }
    goals = [
        {"number": g.number, "text": g.text, "questions": by_goal[g.number]}
        for g in interview.learning_goals
    ]
    other = [q.text for q in interview.questions if q.goal not in by_goal]
    ordered = [q for questions in by_goal.values() for q in questions] + other
    may = interview.follow_up.may_contact_again
    missing = [
        FACET_TITLES[f].lower()
        for f in (Facet.WORK_HISTORY, Facet.EDUCATION, Facet.CREDENTIALS, Facet.IN_COMMON)
        if f not in interview.facets()
    ]
    title = f"Prep packet: {interview.display_name}"
    if who.organization:
        title += f", {who.organization}"
    running = f"Prep packet · {interview.display_name}"
    if who.organization:
        running += f" · {who.organization}"
    if len(running) > RUNNING_HEAD:  # one line beside "Informational interview"
        running = running[: RUNNING_HEAD - 1].rsplit(" ", 1)[0].rstrip(" ·,") + "…"
    return {
        "title": title,
        "running": running,
        "version": __version__,
        "who": who,
        "tags": interview.tags,
        "photo": who.photo,
        "cancelled": interview.status_override is Status.CANCELLED,
        "when": _when(interview, config),
        "mode": interview.meeting.mode.value if interview.meeting.mode else None,
        "facts": _facts(interview, config, referred_by),
        "referred_by": referred_by,
        "research": _research(interview),
        "missing_facets": missing if interview.research else [],
        "goals": goals,
        "other_questions": other,
        "all_questions": ordered,
        "lines_per_question": LINES_PER_QUESTION,
        # The follow-up page is for writing on: its lines fill the page.
        "referral_lines": max(3, 7 - len(interview.referrals)),
        "keep_in_touch_lines": 7,
        "profile": config.profile,
        "checklist": _checklist(interview, config),
        "thanks": _thanks(interview, config),
        "may_contact": "Yes, they said so"
        if may
        else ("They said no" if may is False else "Ask at the end"),
        "referrals": interview.referrals,
        "last_time": _last_time(previous, config),
    }
