"""``infoview agenda --ics``: the calendar read back with icalendar, as a calendar app would."""

from __future__ import annotations

import datetime as dt
import resource
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner

from infoview import __version__, agenda_ics
from infoview.cli import cli
from infoview.config import parse_config
from infoview.parse import parse_text

TODAY = "2026-11-25"
UTC = dt.UTC


def interview(name: str, meeting: str, extra: str = "") -> str:
    return (
        f"---\ninterviewer:\n  name: {name}\n  phone: '+1 503 555 0142'\n"
        f"meeting:\n{meeting}formality: formal\n"
        "learning_goals:\n  - Learn how this firm uses paralegals.\n"
        f"  - Learn about the path to law school.\n{extra}---\n"
    )


FILES = {
    "2026-12-03-dana-whitfield": interview(
        "Dana Whitfield",
        "  date: 2026-12-03T10:00\n  duration: 30\n  mode: video\n"
        "  location: https://meet.example.com/dw\n",
    ),
    "2027-06-01-summer": interview("Sam Summer", "  date: 2027-06-01T10:00\n  duration: 60\n"),
    "2026-12-10-berlin": interview(
        "Bea Berlin",
        "  date: 2026-12-10T10:00+01:00\n  duration: 45\n  mode: in-person\n"
        "  location: Friedrichstraße 1, Berlin\n",
    ),
    "2026-12-15-all-day": interview("Al Day", "  date: 2026-12-15\n"),
    "2026-11-18-marcus-lee": interview(
        "Marcus Lee",
        "  date: 2026-11-18T15:30\n  duration: 45\n",
        "follow_up:\n  thank_you_sent: 2026-11-19\n  keep_in_touch:\n"
        "    - date: 2026-12-01\n      note: Told him about the clinic shift.\n"
        "    - note: Sent him the volunteer form.\n",
    ),
    "2026-11-20-no-more": interview(
        "Noel More", "  date: 2026-11-20T09:00\n", "follow_up:\n  may_contact_again: false\n"
    ),
    "2026-11-30-cancelled": interview(
        "Cy Cancel", "  date: 2026-11-30T10:00\n", "status: cancelled\n"
    ),
    "planned": interview("Priya Raman", "  mode: video\n"),
}


def uid(stem: str, kind: str) -> str:
    return f"{stem}.{kind}@infoview"


@pytest.fixture
def ws(workspace: Path, write: Callable[..., Path]) -> Path:
    for stem, text in FILES.items():
        write(workspace, stem, text)
    return workspace


def export(runner: CliRunner, ws: Path, target: Path) -> Any:
    return runner.invoke(cli, ["agenda", "-w", str(ws), "--today", TODAY, "--ics", str(target)])


@pytest.fixture
def cal(runner: CliRunner, ws: Path, tmp_path: Path) -> icalendar.Calendar:
    result = export(runner, ws, tmp_path / "out.ics")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {tmp_path / 'out.ics'}: 7 meetings, 12 reminders\n"
    return icalendar.Calendar.from_ical((tmp_path / "out.ics").read_bytes())


def events(cal: icalendar.Calendar) -> dict[str, Any]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def todos(cal: icalendar.Calendar) -> dict[str, Any]:
    return {str(t["UID"]): t for t in cal.walk("VTODO")}


def test_calendar_header(cal: icalendar.Calendar) -> None:
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == f"-//infoview//infoview {__version__}//EN"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["X-WR-CALNAME"]) == "Informational interviews"


def test_every_entry_is_stamped_with_the_start_of_today(cal: icalendar.Calendar) -> None:
    entries = [*cal.walk("VEVENT"), *cal.walk("VTODO")]
    # --today 2026-11-25 is midnight in the workspace's zone (Los Angeles, UTC-8), in UTC
    assert {e.decoded("DTSTAMP") for e in entries} == {dt.datetime(2026, 11, 25, 8, tzinfo=UTC)}
    assert all(e["DTSTAMP"].to_ical() == b"20261125T080000Z" for e in entries)


def test_one_event_per_dated_meeting_at_the_right_instant(cal: icalendar.Calendar) -> None:
    starts = {uid: e.decoded("DTSTART") for uid, e in events(cal).items()}
    la = {k: v.astimezone(UTC) for k, v in starts.items() if isinstance(v, dt.datetime)}
    assert la == {
        uid("2026-12-03-dana-whitfield", "meeting"): dt.datetime(2026, 12, 3, 18, 0, tzinfo=UTC),
        uid("2027-06-01-summer", "meeting"): dt.datetime(2027, 6, 1, 17, 0, tzinfo=UTC),  # PDT
        uid("2026-12-10-berlin", "meeting"): dt.datetime(2026, 12, 10, 9, 0, tzinfo=UTC),
        uid("2026-11-18-marcus-lee", "meeting"): dt.datetime(2026, 11, 18, 23, 30, tzinfo=UTC),
        uid("2026-11-20-no-more", "meeting"): dt.datetime(2026, 11, 20, 17, 0, tzinfo=UTC),
        uid("2026-11-30-cancelled", "meeting"): dt.datetime(2026, 11, 30, 18, 0, tzinfo=UTC),
    }
    assert starts[uid("2026-12-15-all-day", "meeting")] == dt.date(2026, 12, 15)


def test_times_are_in_the_configured_zone_with_its_vtimezone(cal: icalendar.Calendar) -> None:
    dana = events(cal)[uid("2026-12-03-dana-whitfield", "meeting")]
    assert dana["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert dana["DTSTART"].to_ical() == b"20261203T100000"
    # A file that gives its own offset is written as the instant, in UTC.
    berlin = events(cal)[uid("2026-12-10-berlin", "meeting")]
    assert berlin["DTSTART"].to_ical() == b"20261210T090000Z"


def test_the_vtimezone_alone_gives_every_meeting_its_instant(cal: icalendar.Calendar) -> None:
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/Los_Angeles"
    # lookup_tzid=False: the zone built from the VTIMEZONE's own transitions, as a calendar
    # app without a zone database reads it (to_tz() would fall back to the system's zones).
    tz = zone.to_tz(lookup_tzid=False)
    local = {
        key: e["DTSTART"].to_ical().decode()
        for key, e in events(cal).items()
        if e["DTSTART"].params.get("TZID") == "America/Los_Angeles"
    }
    instants = {
        key: dt.datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=tz).astimezone(UTC)
        for key, text in local.items()
    }
    assert instants == {  # the standard offset (-8) in winter, daylight time (-7) in June
        uid("2026-12-03-dana-whitfield", "meeting"): dt.datetime(2026, 12, 3, 18, 0, tzinfo=UTC),
        uid("2027-06-01-summer", "meeting"): dt.datetime(2027, 6, 1, 17, 0, tzinfo=UTC),
        uid("2026-11-18-marcus-lee", "meeting"): dt.datetime(2026, 11, 18, 23, 30, tzinfo=UTC),
        uid("2026-11-20-no-more", "meeting"): dt.datetime(2026, 11, 20, 17, 0, tzinfo=UTC),
        uid("2026-11-30-cancelled", "meeting"): dt.datetime(2026, 11, 30, 18, 0, tzinfo=UTC),
    }


def test_the_vtimezone_spans_the_meetings_years_and_one_either_side(
    cal: icalendar.Calendar,
) -> None:
    """Meetings in 2026 and 2027: transitions from 2025 to 2028, not the library's 1970-2038."""
    (zone,) = cal.walk("VTIMEZONE")
    starts = []
    for part in zone.subcomponents:
        starts.append((part.name, part.decoded("DTSTART")))
        rdate = part.get("RDATE")
        rdates = rdate if isinstance(rdate, list) else [rdate] if rdate else []
        starts += [(part.name, d.dt) for r in rdates for d in r.dts]
    assert sorted(starts, key=lambda s: s[1]) == [
        ("STANDARD", dt.datetime(2025, 1, 1, 0, 0)),
        ("DAYLIGHT", dt.datetime(2025, 3, 9, 3, 0)),
        ("STANDARD", dt.datetime(2025, 11, 2, 2, 0)),
        ("DAYLIGHT", dt.datetime(2026, 3, 8, 3, 0)),
        ("STANDARD", dt.datetime(2026, 11, 1, 2, 0)),
        ("DAYLIGHT", dt.datetime(2027, 3, 14, 3, 0)),
        ("STANDARD", dt.datetime(2027, 11, 7, 2, 0)),
        ("DAYLIGHT", dt.datetime(2028, 3, 12, 3, 0)),
        ("STANDARD", dt.datetime(2028, 11, 5, 2, 0)),
    ]
    assert str(zone["COMMENT"]) == "This timezone only works from 2025-01-01 to 2029-01-01."


def test_duration_location_url_description(cal: icalendar.Calendar) -> None:
    found = events(cal)
    dana = found[uid("2026-12-03-dana-whitfield", "meeting")]
    assert dana.decoded("DURATION") == dt.timedelta(minutes=30)
    assert str(dana["LOCATION"]) == "https://meet.example.com/dw"
    assert str(dana["URL"]) == "https://meet.example.com/dw"
    assert str(dana["SUMMARY"]) == "Informational interview with Dana Whitfield"
    assert str(dana["DESCRIPTION"]).splitlines() == [
        "Learning goals:",
        "1. Learn how this firm uses paralegals.",
        "2. Learn about the path to law school.",
        "If technology fails, call +1 503 555 0142",
        "Interview file: interviews/2026-12-03-dana-whitfield.md",
    ]
    berlin = found[uid("2026-12-10-berlin", "meeting")]
    assert berlin.decoded("DURATION") == dt.timedelta(minutes=45)
    assert str(berlin["LOCATION"]) == "Friedrichstraße 1, Berlin"
    assert "URL" not in berlin  # an address is not a link
    assert found[uid("2026-12-15-all-day", "meeting")].decoded("DURATION") == dt.timedelta(days=1)
    assert str(found[uid("2026-11-30-cancelled", "meeting")]["STATUS"]) == "CANCELLED"
    assert str(dana["STATUS"]) == "CONFIRMED"


def test_thank_you_reminders_are_due_two_days_after_the_meeting(cal: icalendar.Calendar) -> None:
    found = todos(cal)
    thanks = {k: t for k, t in found.items() if k.endswith(".thank-you@infoview")}
    assert {k: (t.decoded("DUE"), str(t["STATUS"])) for k, t in thanks.items()} == {
        # meetings still ahead get theirs too
        uid("2026-12-03-dana-whitfield", "thank-you"): (dt.date(2026, 12, 5), "NEEDS-ACTION"),
        uid("2027-06-01-summer", "thank-you"): (dt.date(2027, 6, 3), "NEEDS-ACTION"),
        uid("2026-12-10-berlin", "thank-you"): (dt.date(2026, 12, 12), "NEEDS-ACTION"),
        uid("2026-12-15-all-day", "thank-you"): (dt.date(2026, 12, 17), "NEEDS-ACTION"),
        uid("2026-11-20-no-more", "thank-you"): (dt.date(2026, 11, 22), "NEEDS-ACTION"),
        # sent: re-importing marks the earlier reminder done
        uid("2026-11-18-marcus-lee", "thank-you"): (dt.date(2026, 11, 20), "COMPLETED"),
        uid("2026-11-30-cancelled", "thank-you"): (dt.date(2026, 12, 2), "CANCELLED"),
    }
    dana = thanks[uid("2026-12-03-dana-whitfield", "thank-you")]
    assert str(dana["SUMMARY"]) == "Send thank-you to Dana Whitfield"
    assert str(dana["RELATED-TO"]) == uid("2026-12-03-dana-whitfield", "meeting")
    assert str(dana["DESCRIPTION"]) == (
        "Send an email within 2 days of the meeting on 2026-12-03, "
        "then record 'thank_you_sent:' under 'follow_up:'."
    )


def test_keep_in_touch_reminders(cal: icalendar.Calendar) -> None:
    found = todos(cal)
    again = {k: t.decoded("DUE") for k, t in found.items() if ".keep-in-touch@" in k}
    assert again == {  # 90 days after the last contact; never after 'may_contact_again: false'
        uid("2026-12-03-dana-whitfield", "keep-in-touch"): dt.date(2027, 3, 3),
        uid("2027-06-01-summer", "keep-in-touch"): dt.date(2027, 8, 30),
        uid("2026-12-10-berlin", "keep-in-touch"): dt.date(2027, 3, 10),
        uid("2026-12-15-all-day", "keep-in-touch"): dt.date(2027, 3, 15),
        uid("2026-11-18-marcus-lee", "keep-in-touch"): dt.date(2027, 3, 1),
    }
    marcus = found[uid("2026-11-18-marcus-lee", "keep-in-touch")]
    assert str(marcus["SUMMARY"]) == "Keep in touch with Marcus Lee"
    assert str(marcus["RELATED-TO"]) == uid("2026-11-18-marcus-lee", "meeting")
    assert str(marcus["STATUS"]) == "NEEDS-ACTION"
    assert str(marcus["DESCRIPTION"]).splitlines() == [
        "Let them know you followed up on their advice, and the outcome.",
        "2026-12-01: Told him about the clinic shift.",
        "undated: Sent him the volunteer form.",  # an undated note is listed, not dropped
    ]


def test_uids_are_unique_and_stable_across_runs(
    runner: CliRunner, ws: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    assert export(runner, ws, first).exit_code == 0
    assert export(runner, ws, second).exit_code == 0
    one = icalendar.Calendar.from_ical(first.read_bytes())
    two = icalendar.Calendar.from_ical(second.read_bytes())
    uids = [str(c["UID"]) for c in one.walk() if c.name in ("VEVENT", "VTODO")]
    assert len(uids) == len(set(uids)) == 19
    assert [str(c["UID"]) for c in two.walk() if c.name in ("VEVENT", "VTODO")] == uids
    assert first.read_bytes() == second.read_bytes()  # same --today: the same file


def test_a_new_export_replaces_the_file_atomically(
    runner: CliRunner, ws: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.ics"
    target.write_text("old")
    assert export(runner, ws, target).exit_code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics", "ws"]  # no temp file


def test_an_unwritable_target_is_an_error_and_nothing_is_left(
    runner: CliRunner, ws: Path, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / "out.ics"
    result = export(runner, ws, target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {target}: no folder {target.parent}; create it or choose another path\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "ws"]
    assert (tmp_path / "a-file").read_text() == "not a folder"


def test_a_folder_is_not_a_calendar_file(runner: CliRunner, ws: Path, tmp_path: Path) -> None:
    result = export(runner, ws, tmp_path)
    assert result.exit_code == 2
    assert f"Invalid value for '--ics': File '{tmp_path}' is a directory." in result.stderr


def test_ics_into_a_missing_folder_is_refused(runner: CliRunner, ws: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "agenda.ics"
    result = export(runner, ws, target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {target}: no folder {target.parent}; create it or choose another path\n"
    )
    assert not target.parent.exists()


ONE = (
    "---\ninterviewer:\n  name: Dana Whitfield\n  organization: Marlow & Reyes\n"
    "  email: dana@example.com\nmeeting:\n  date: 2026-12-03T10:00\n  duration: 30\n"
    "  mode: video\n  location: http://meet.example.com/dw\nstatus: cancelled\n---\n"
)


def test_one_cancelled_video_meeting_without_a_phone(
    runner: CliRunner, workspace: Path, write: Callable[..., Path], tmp_path: Path
) -> None:
    write(workspace, "2026-12-03-dana", ONE)
    target = tmp_path / "one.ics"
    result = export(runner, workspace, target)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {target}: 1 meeting, 1 reminder\n"  # singular, both
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Informational interview with Dana Whitfield (Marlow & Reyes)"
    assert str(event["LOCATION"]) == "http://meet.example.com/dw"
    assert str(event["URL"]) == "http://meet.example.com/dw"  # http:// is a link too
    assert str(event["DESCRIPTION"]).splitlines() == [
        "No phone recorded; email dana@example.com",
        "Interview file: interviews/2026-12-03-dana.md",
    ]
    assert str(event["STATUS"]) == "CANCELLED"
    (todo,) = cal.walk("VTODO")  # the thank-you, cancelled; no keep-in-touch
    assert (str(todo["UID"]), str(todo["STATUS"])) == (
        uid("2026-12-03-dana", "thank-you"),
        "CANCELLED",
    )


def test_a_failed_write_is_an_error_and_leaves_no_file(
    runner: CliRunner, ws: Path, tmp_path: Path
) -> None:
    """A real write error (a file-size limit: EFBIG, whoever runs the test), not a mock."""
    target = tmp_path / "out.ics"
    target.write_text("old calendar")
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
    try:
        result = export(runner, ws, target)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {target}: cannot write: File too large (EFBIG)\n  hint: nothing was changed\n"
    )
    assert target.read_text() == "old calendar"  # the old file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics", "ws"]  # no temp file


def test_the_calendar_function_names_entries_by_file_stem_by_default() -> None:
    """Called without ``name`` (as from Python), a UID is the file's stem and the kind."""
    config = parse_config('timezone = "America/Los_Angeles"\n')
    path = Path("interviews/sub/2026-11-20-no-more.md")
    interview = parse_text(FILES["2026-11-20-no-more"], path)
    cal = agenda_ics.calendar([interview], config, dt.datetime(2026, 11, 25, tzinfo=UTC))
    assert [str(c["UID"]) for c in cal.walk() if c.name in ("VEVENT", "VTODO")] == [
        uid("2026-11-20-no-more", "meeting"),
        uid("2026-11-20-no-more", "thank-you"),
    ]
    (event,) = cal.walk("VEVENT")
    assert str(event["DESCRIPTION"]).splitlines()[-1] == f"Interview file: {path}"  # label=str
