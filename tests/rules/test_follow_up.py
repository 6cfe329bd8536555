"""IV501-IV504: the thank-you and keeping in touch, one line per case."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from .helpers import BASE, DATE, FRONT, Row, cases, diagnostics, doc, run

# The baseline meeting: 2026-12-03 10:00-10:30, America/Los_Angeles. With thank_you_days = 2
# the note is due by 2026-12-05; from 2026-12-06 (three days on) it is overdue.
THANKS = ("IV501", "IV502")
END = len(FRONT.split("\n")) + 1  # the line of a key appended after FRONT
DATE_ONLY = FRONT.replace("2026-12-03T10:00", "2026-12-03")
SENT = "follow_up:\n  thank_you_sent: 2026-12-04\n"
DUE = ("IV502", DATE, 3, "warning")
OVERDUE = ("IV501", DATE, 3, "error")


def lint_days(days: int) -> str:
    return BASE + f"[lint]\nthank_you_days = {days}\n"


@pytest.mark.parametrize(
    "front, today, config, expected",
    cases(
        ("before-the-meeting", FRONT, "2026-12-03", BASE, []),
        ("one-day-on", FRONT, "2026-12-04", BASE, [DUE]),
        ("at-thank-you-days", FRONT, "2026-12-05", BASE, [DUE]),
        ("one-day-past", FRONT, "2026-12-06", BASE, [OVERDUE]),
        ("long-past", FRONT, "2027-01-20", BASE, [OVERDUE]),
        ("date-only-at-window", DATE_ONLY, "2026-12-05", BASE, [DUE]),
        ("date-only-past", DATE_ONLY, "2026-12-06", BASE, [OVERDUE]),
        ("window-of-one-day", FRONT, "2026-12-05", lint_days(1), [OVERDUE]),
        ("window-of-five-days", FRONT, "2026-12-08", lint_days(5), [DUE]),
        ("sent", FRONT + SENT, "2026-12-10", BASE, []),
        ("sent-late-still-sent", FRONT + "follow_up:\n  thank_you_sent: 2026-12-20\n", "2026-12-30", BASE, []),
        ("follow-up-key-is-the-place", FRONT + "follow_up:\n  may_contact_again: true\n", "2026-12-06", BASE, [("IV501", END, 1, "error")]),
        ("empty-sent-key", FRONT + "follow_up:\n  thank_you_sent:\n", "2026-12-04", BASE, [("IV502", END + 1, 3, "warning")]),
        ("cancelled", FRONT + "status: cancelled\n", "2026-12-10", BASE, []),
        ("undated-done", FRONT.replace("  date: 2026-12-03T10:00\n", "") + "status: done\n", "2026-12-10", BASE, []),
    ),
)  # fmt: skip
def test_iv501_iv502_thank_you(front: str, today: str, config: str, expected: list[Row]) -> None:
    assert run(doc(front), today=today, config_toml=config, select=THANKS) == expected


@pytest.mark.parametrize(
    "today, due",
    [("2026-12-04", "2026-12-05"), ("2026-12-05", "2026-12-05")],
)
def test_iv502_message_names_the_due_date(today: str, due: str) -> None:
    (found,) = diagnostics(doc(), today=today, select=["IV502"])
    assert found.message.startswith(f"thank-you due by {due}; send it (infoview thanks)")


@pytest.mark.parametrize(
    "today, days",
    [("2026-12-06", "3 days"), ("2026-12-10", "7 days")],
)
def test_iv501_message_counts_the_days(today: str, days: str) -> None:
    (found,) = diagnostics(doc(), today=today, select=["IV501"])
    assert found.message.startswith(
        f"thank-you overdue: the meeting was {days} ago (send within 2)"
    )


def test_iv501_says_one_day() -> None:
    (found,) = diagnostics(doc(), today="2026-12-05", config_toml=lint_days(0), select=["IV501"])
    assert "the meeting was 2 days ago (send within 0)" in found.message
    (found,) = diagnostics(doc(), today="2026-12-04", config_toml=lint_days(0), select=["IV501"])
    assert "the meeting was 1 day ago (send within 0)" in found.message


def sent_by(formality: str | None, via: str) -> str:
    front = FRONT.replace("formality: formal\n", f"formality: {formality}\n" if formality else "")
    return doc(front + f"follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: {via}\n")


VIA = END + 2  # formality stays in place, so follow_up.thank_you_via is two lines below
INFORMAL_EMAIL = BASE + '[thanks]\ninformal = "email"\n'
FORMAL_CARD = BASE + '[thanks]\nformal = "card"\n'


@pytest.mark.parametrize(
    "text, config, expected",
    cases(
        ("informal-handwritten", sent_by("informal", "handwritten"), BASE, []),
        ("informal-email", sent_by("informal", "email"), BASE, [("IV503", VIA, 3, "info")]),
        ("formal-email", sent_by("formal", "email"), BASE, []),
        ("formal-handwritten", sent_by("formal", "handwritten"), BASE, [("IV503", VIA, 3, "info")]),
        ("unset-formality-is-formal", sent_by(None, "handwritten"), BASE, [("IV503", VIA - 1, 3, "info")]),
        ("config-informal-email-flips-it", sent_by("informal", "email"), INFORMAL_EMAIL, []),
        ("config-informal-email-handwritten", sent_by("informal", "handwritten"), INFORMAL_EMAIL, [("IV503", VIA, 3, "info")]),
        ("config-formal-card", sent_by("formal", "handwritten"), FORMAL_CARD, []),
        ("channel-not-recorded", doc(FRONT + SENT), BASE, []),
    ),
)  # fmt: skip
def test_iv503_thank_you_channel(text: str, config: str, expected: list[Row]) -> None:
    assert run(text, today="2026-12-05", config_toml=config, select=["IV503"]) == expected


def test_iv503_message_names_the_pairing() -> None:
    (found,) = diagnostics(sent_by("informal", "email"), select=["IV503"])
    assert found.message.startswith(
        "an informal meeting pairs with a thank-you by handwritten, not email"
    )


# Last contact is the latest of the meeting, the thank-you and each keep_in_touch date.
PERMITTED = "follow_up:\n  may_contact_again: true\n  thank_you_sent: 2026-12-04\n"
KIT_KEY = END + 3


def kept(*dates: str) -> str:
    entries = "".join(f"    - date: {d}\n      note: told her about the elective\n" for d in dates)
    return PERMITTED + "  keep_in_touch:\n" + entries


KIT_DUE = ("IV504", END, 1, "info")


@pytest.mark.parametrize(
    "extra, today, config, expected",
    cases(
        ("meeting-only-90-days", "", "2027-03-03", BASE, []),
        ("meeting-only-91-days", "", "2027-03-04", BASE, [("IV504", DATE, 3, "info")]),
        ("thank-you-90-days", PERMITTED, "2027-03-04", BASE, []),
        ("thank-you-91-days", PERMITTED, "2027-03-05", BASE, [KIT_DUE]),
        ("recent-keep-in-touch", kept("2027-02-10"), "2027-03-05", BASE, []),
        ("latest-entry-counts", kept("2027-02-10", "2027-01-05"), "2027-05-11", BASE, []),
        ("latest-entry-91-days", kept("2027-02-10", "2027-01-05"), "2027-05-12", BASE, [("IV504", KIT_KEY, 3, "info")]),
        ("undated-entry-ignored", PERMITTED + "  keep_in_touch:\n    - sent a postcard\n", "2027-03-05", BASE, [("IV504", KIT_KEY, 3, "info")]),
        ("shorter-config", PERMITTED, "2027-01-04", BASE + "[lint]\nkeep_in_touch_days = 30\n", [KIT_DUE]),
        ("may-not-contact-again", PERMITTED.replace("true", "false"), "2028-01-01", BASE, []),
        ("permission-unset", "follow_up:\n  thank_you_sent: 2026-12-04\n", "2027-03-05", BASE, [KIT_DUE]),
        ("cancelled", PERMITTED + "status: cancelled\n", "2028-01-01", BASE, []),
        ("not-yet-met", "", "2026-11-25", BASE, []),
    ),
)  # fmt: skip
def test_iv504_keep_in_touch_due(extra: str, today: str, config: str, expected: list[Row]) -> None:
    assert run(doc(FRONT + extra), today=today, config_toml=config, select=["IV504"]) == expected


def test_iv504_message_names_the_last_contact() -> None:
    (found,) = diagnostics(doc(FRONT + kept("2027-02-10")), today="2027-06-01", select=["IV504"])
    assert found.message.startswith("last contact 2027-02-10 is more than 90 days ago")


def test_iv504_severity_is_configurable() -> None:
    config = BASE + '[lint.severity]\nIV504 = "warning"\n'
    found = run(doc(FRONT + PERMITTED), today="2027-03-05", config_toml=config, select=["IV504"])
    assert found == [("IV504", END, 1, "warning")]
