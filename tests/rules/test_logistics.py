"""IV401-IV408: the meeting's logistics and what a done meeting should record."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from .helpers import (
    BASE,
    BODY,
    DATE,
    FRONT,
    INTERVIEWER,
    LOCATION,
    MEETING,
    NOTES_LINE,
    QUESTIONS,
    RESEARCH,
    Row,
    cases,
    diagnostics,
    doc,
    run,
)

E, W, INFO = "error", "warning", "info"
MEETING_BLOCK = FRONT[FRONT.index("meeting:") : FRONT.index("formality:")]
PHONE_LINE = '  phone: "+1 503 555 0142"\n'
LINK = "https://meet.example.com/abc"
END = len(FRONT.split("\n")) + 1  # the line of a key appended after FRONT


def swap(old: str, new: str, *, extra: str = "", body: str = BODY) -> str:
    """The baseline with ``old`` replaced in its front matter and ``extra`` appended."""
    assert old in FRONT
    return doc(FRONT.replace(old, new, 1) + extra, body)


def with_front(extra: str, *, body: str = BODY) -> str:
    return doc(FRONT + extra, body)


def in_person(location: str | None) -> str:
    line = f"  location: {location}\n" if location is not None else ""
    return swap(
        MEETING_BLOCK,
        MEETING_BLOCK.replace("video", "in-person").replace(f"  location: {LINK}\n", line),
    )


CANCELLED = "status: cancelled\n"


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("dated", doc(), []),
        ("no-date", swap("  date: 2026-12-03T10:00\n", ""), [("IV401", MEETING, 1, W)]),
        ("empty-date", swap("date: 2026-12-03T10:00", "date:"), [("IV401", DATE, 3, W)]),
        ("no-meeting", swap(MEETING_BLOCK, ""), [("IV401", 1, 1, W)]),
        ("date-only", swap("2026-12-03T10:00", "2026-12-03"), []),
        ("cancelled", swap("  date: 2026-12-03T10:00\n", "", extra=CANCELLED), []),
        ("impossible-date-is-iv002-only", swap("2026-12-03T10:00", "2026-02-30"), [("IV002", DATE, 9, E)]),
    ),
)  # fmt: skip
def test_iv401_meeting_date_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV401", "IV002"]) == expected


NO_PHONE = (PHONE_LINE, "")
EMAIL_ONLY = (PHONE_LINE, "  email: dana@example.com\n")


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("phone-video", doc(), []),
        ("email-only-video", swap(*EMAIL_ONLY), [("IV402", INTERVIEWER, 1, W)]),
        ("email-only-phone-call", doc(FRONT.replace(*EMAIL_ONLY).replace("mode: video", "mode: phone")), [("IV402", INTERVIEWER, 1, W)]),
        ("email-only-in-person", doc(FRONT.replace(*EMAIL_ONLY).replace("mode: video", "mode: in-person")), []),
        ("email-only-no-mode", doc(FRONT.replace(*EMAIL_ONLY).replace("  mode: video\n", "")), []),
        ("nothing-in-person", doc(FRONT.replace(*NO_PHONE).replace("mode: video", "mode: in-person")), [("IV402", INTERVIEWER, 1, W)]),
        ("nothing-video", swap(*NO_PHONE), [("IV402", INTERVIEWER, 1, W)]),
        ("no-interviewer-block", swap('interviewer:\n  name: Dana Whitfield\n' + PHONE_LINE, ""), [("IV402", 1, 1, W)]),
        ("cancelled", swap(*NO_PHONE, extra=CANCELLED), []),
    ),
)  # fmt: skip
def test_iv402_contact_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV402"]) == expected


def test_iv402_names_the_meeting_mode() -> None:
    (found,) = diagnostics(swap(*EMAIL_ONLY), select=["IV402"])
    assert found.message.startswith("no phone for a video meeting; add 'phone:'")


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("agreed", doc(), []),
        ("no-duration", swap("  duration: 30\n", ""), [("IV403", MEETING, 1, W)]),
        ("empty-duration", swap("duration: 30", "duration:"), [("IV403", MEETING + 2, 3, W)]),
        ("no-meeting", swap(MEETING_BLOCK, ""), [("IV403", 1, 1, W)]),
        ("cancelled", swap("  duration: 30\n", "", extra=CANCELLED), []),
    ),
)  # fmt: skip
def test_iv403_duration_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV403"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("video-https", doc(), []),
        ("video-no-scheme", swap(LINK, "meet.google.com/abc-defg-hij"), []),
        ("video-short-domain", swap(LINK, "zoom.us/j/123456789"), []),
        ("video-www", swap(LINK, "www.example.com"), []),
        ("video-tbd", swap(LINK, "TBD"), [("IV404", LOCATION, 3, W)]),
        ("video-words", swap(LINK, "Zoom, link to follow"), [("IV404", LOCATION, 3, W)]),
        ("video-no-location", swap(f"  location: {LINK}\n", ""), [("IV404", MEETING, 1, W)]),
        ("in-person-address", in_person("1422 NE Alberta St, Portland"), []),
        ("in-person-no-location", in_person(None), [("IV404", MEETING, 1, W)]),
        ("in-person-empty", in_person(""), [("IV404", LOCATION, 3, W)]),
        ("phone-no-location", swap(f"  mode: video\n  location: {LINK}\n", "  mode: phone\n"), []),
        ("no-mode-no-location", swap(f"  mode: video\n  location: {LINK}\n", ""), []),
        ("cancelled", swap(LINK, "TBD", extra=CANCELLED), []),
    ),
)  # fmt: skip
def test_iv404_location_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV404"]) == expected


NO_INTRO = 'timezone = "America/Los_Angeles"\n\n[profile]\nname = "Alex Rivera"\n'


@pytest.mark.parametrize(
    "config, text, today, expected",
    cases(
        ("intro", BASE, doc(), "2026-11-25", []),
        ("no-intro", NO_INTRO, doc(), "2026-11-25", [("IV405", 1, 1, INFO)]),
        ("blank-intro", NO_INTRO + 'intro = "   "\n', doc(), "2026-11-25", [("IV405", 1, 1, INFO)]),
        ("no-profile", 'timezone = "UTC"\n', doc(), "2026-11-25", [("IV405", 1, 1, INFO)]),
        ("done-too-late-to-matter", NO_INTRO, doc(), "2026-12-04", []),
        ("cancelled", NO_INTRO, with_front(CANCELLED), "2026-11-25", []),
        ("broken-front-matter", NO_INTRO, "---\ninterviewer: [\n---\n", "2026-11-25", [("IV405", 1, 1, INFO)]),
    ),
)  # fmt: skip
def test_iv405_intro_missing(config: str, text: str, today: str, expected: list[Row]) -> None:
    assert run(text, config_toml=config, today=today, select=["IV405"]) == expected


# The baseline meeting is 2026-12-03 10:00-10:30 (America/Los_Angeles). "--today D" means
# the start of day D, so on the 3rd it has not happened yet; from the 4th it is done.
DONE_RULES = ("IV406", "IV407", "IV408")
NOTES_EMPTY = ("IV406", NOTES_LINE, 1, W)
NO_REFERRALS = ("IV407", 1, 1, INFO)
NO_PERMISSION = ("IV408", 1, 1, INFO)
ALL_THREE = [NO_REFERRALS, NO_PERMISSION, NOTES_EMPTY]
DATE_ONLY = FRONT.replace("2026-12-03T10:00", "2026-12-03")
RECORDED = "follow_up:\n  may_contact_again: true\nreferrals:\n  - name: Sam Ortiz\n"
NOTES = BODY + "- Learn the local court rules cold.\n"


@pytest.mark.parametrize(
    "text, today, expected",
    cases(
        ("week-before", doc(), "2026-11-25", []),
        ("same-day-before-start", doc(), "2026-12-03", []),
        ("day-after", doc(), "2026-12-04", ALL_THREE),
        ("date-only-same-day", doc(DATE_ONLY), "2026-12-03", []),
        ("date-only-day-after", doc(DATE_ONLY), "2026-12-04", ALL_THREE),
        ("offset-not-yet", swap("2026-12-03T10:00", "2026-12-02T23:00-05:00"), "2026-12-02", []),
        ("offset-ended-the-day-before-here", swap("2026-12-03T10:00", "2026-12-02T02:00+09:00"), "2026-12-02", ALL_THREE),
        ("status-done-override", with_front("status: done\n"), "2026-11-25", [NO_REFERRALS, NO_PERMISSION, ("IV406", NOTES_LINE + 1, 1, W)]),
        ("cancelled-after", with_front(CANCELLED), "2026-12-10", []),
        ("all-recorded", with_front(RECORDED, body=NOTES), "2026-12-10", []),
        ("undated", swap("  date: 2026-12-03T10:00\n", ""), "2027-06-01", []),
    ),
)  # fmt: skip
def test_done_rules_follow_the_status(text: str, today: str, expected: list[Row]) -> None:
    assert run(text, today=today, select=DONE_RULES) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("a-note", doc(body=NOTES), []),
        ("a-paragraph", doc(body=BODY + "Learned a lot about trust funding.\n"), []),
        ("a-takeaway", doc(body=BODY + "- **Takeaway:** learn the court rules.\n"), []),
        ("heading-only", doc(), [NOTES_EMPTY]),
        ("only-a-comment", doc(body=BODY + "<!-- take notes here -->\n"), [NOTES_EMPTY]),
        ("no-section", doc(body=f"{RESEARCH}\n{QUESTIONS}"), [("IV406", 1, 1, W)]),
    ),
)  # fmt: skip
def test_iv406_notes_missing(text: str, expected: list[Row]) -> None:
    assert run(text, today="2026-12-04", select=["IV406"]) == expected


@pytest.mark.parametrize(
    "extra, expected",
    cases(
        ("one-referral", "referrals:\n  - name: Sam Ortiz\n", []),
        ("a-bare-name", "referrals: [Sam Ortiz]\n", []),
        ("empty-list", "referrals: []\n", [("IV407", END, 1, INFO)]),
        ("null", "referrals:\n", [("IV407", END, 1, INFO)]),
        ("absent", "", [NO_REFERRALS]),
    ),
)  # fmt: skip
def test_iv407_referrals_not_asked(extra: str, expected: list[Row]) -> None:
    assert run(with_front(extra), today="2026-12-04", select=["IV407"]) == expected


@pytest.mark.parametrize(
    "extra, expected",
    cases(
        ("yes", "follow_up:\n  may_contact_again: true\n", []),
        ("no", "follow_up:\n  may_contact_again: false\n", []),
        ("yes-as-word", "follow_up:\n  may_contact_again: yes\n", []),
        ("empty", "follow_up:\n  may_contact_again:\n", [("IV408", END + 1, 3, INFO)]),
        ("follow-up-without-it", "follow_up:\n  thank_you_sent: 2026-12-03\n", [("IV408", END, 1, INFO)]),
        ("absent", "", [NO_PERMISSION]),
    ),
)  # fmt: skip
def test_iv408_permission_not_recorded(extra: str, expected: list[Row]) -> None:
    assert run(with_front(extra), today="2026-12-04", select=["IV408"]) == expected


def test_cancelled_meeting_is_quiet_across_logistics() -> None:
    front = FRONT.replace(PHONE_LINE, "").replace(MEETING_BLOCK, "meeting:\n  mode: video\n")
    rules = [f"IV40{n}" for n in range(1, 9)] + ["IV501", "IV502", "IV504"]
    text = doc(front + CANCELLED, BODY)
    assert run(text, config_toml=NO_INTRO, today="2027-06-01", select=rules) == []
    assert [row[0] for row in run(doc(front, BODY), config_toml=NO_INTRO, select=rules)] == [
        "IV405",
        "IV402",
        "IV401",
        "IV403",
        "IV404",
    ]
