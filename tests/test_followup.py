"""``infoview.followup`` called as the language server and the commands call it.

The pure functions (text in, text out) name the file only when told; the file wrappers
refuse a bad option before the file is touched. Refusals are asserted as the message a
person reads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from infoview.errors import UsageError
from infoview.followup import (
    AlreadyRecorded,
    add_referral,
    add_referral_text,
    log_contact,
    mark_sent,
    mark_sent_text,
)

FRONT = """\
---
interviewer:
  name: Dana Whitfield
meeting:
  date: 2026-12-03T10:00
{extra}---

## Notes
"""
DEC4, DEC5 = dt.date(2026, 12, 4), dt.date(2026, 12, 5)


def doc(extra: str = "") -> str:
    return FRONT.format(extra=extra)


def test_the_channel_is_recorded_as_the_file_names_it() -> None:
    after = mark_sent_text(doc(), on=DEC4, via="card")
    assert "  thank_you_sent: 2026-12-04\n  thank_you_via: handwritten\n" in after


def test_a_different_record_is_refused_by_default_naming_an_unnamed_file() -> None:
    text = doc("follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: email\n")
    with pytest.raises(AlreadyRecorded) as caught:
        mark_sent_text(text, on=DEC5, via="email")
    assert caught.value.render() == (
        "interview.md:7: the thank-you is already recorded as sent on 2026-12-04 (email); "
        "nothing changed. To record 2026-12-05 (email) instead, add --replace"
    )


def test_a_record_without_a_channel_is_named_by_its_date_alone() -> None:
    text = doc("follow_up:\n  thank_you_sent: 2026-12-04\n")
    with pytest.raises(AlreadyRecorded) as caught:
        mark_sent_text(text, on=DEC5, via="email", path=Path("x.md"))
    assert caught.value.render() == (
        "x.md:7: the thank-you is already recorded as sent on 2026-12-04; nothing changed. "
        "To record 2026-12-05 (email) instead, add --replace"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "Sam\nOrtiz"}, "--name must be one line"),
        ({"name": "Sam", "note": "a\rb"}, "--note must be one line"),
        ({"name": "Sam", "contact": "sam@example.com\nBcc: x@y.com"}, "--contact must be one line"),
        ({"name": "Sam", "contact": " "}, "--contact must not be empty"),
    ],
)
def test_add_referral_text_names_the_option_it_refuses(
    kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        add_referral_text(doc(), **kwargs)
    assert str(caught.value) == message


SAM = "referrals:\n  - name: Sam Ortiz\n    note: Housing clinic\n    contact: sam@example.com\n"


@pytest.mark.parametrize(
    ("kwargs", "differs"),
    [
        ({"contact": "ortiz@example.org"}, "another contact"),
        ({"note": "Tenant law", "contact": "ortiz@example.org"}, "another note and contact"),
    ],
)
def test_the_same_person_with_other_details_is_refused_naming_them(
    kwargs: dict[str, str], differs: str
) -> None:
    with pytest.raises(AlreadyRecorded) as caught:
        add_referral_text(doc(SAM), name="sam ortiz", **kwargs)
    assert caught.value.render() == (
        f"interview.md:7: Sam Ortiz is already a referral, with {differs}; nothing changed. "
        "Edit that entry to change it"
    )


def test_a_note_for_a_referral_recorded_without_one_is_another_note() -> None:
    text = doc("referrals:\n  - name: Sam Ortiz\n")
    for note in ["Housing clinic", "XX"]:  # whatever the note says, there was none
        with pytest.raises(AlreadyRecorded, match="with another note;"):
            add_referral_text(text, name="Sam Ortiz", note=note)


def test_the_same_email_in_another_case_is_the_same_contact() -> None:
    text = doc(SAM)
    assert add_referral_text(text, name="Sam Ortiz", contact="SAM@Example.com") == text


def test_mark_sent_refuses_another_date_unless_asked_to_replace(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text(doc("follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: email\n"))
    before = path.read_bytes()
    with pytest.raises(AlreadyRecorded):
        mark_sent(path, on=DEC5, via="email", root=tmp_path)
    assert path.read_bytes() == before
    mark_sent(path, on=DEC5, via="email", root=tmp_path, replace=True)
    assert "thank_you_sent: 2026-12-05\n" in path.read_text()


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            lambda p: mark_sent(p, on=DEC4, via="pigeon"),
            "--via must be one of: card, handwritten, email",
        ),
        (lambda p: log_contact(p, note=" ", on=DEC4), "--note must not be empty"),
        (lambda p: add_referral(p, name="Sam", contact="a\nb"), "--contact must be one line"),
        (lambda p: add_referral(p, name="Sam", note="a\nb"), "--note must be one line"),
    ],
)
def test_a_bad_option_is_refused_before_the_file_is_looked_at(
    tmp_path: Path, record: object, message: str
) -> None:
    missing = tmp_path / "no-such-interview.md"  # reading it would be a file error instead
    with pytest.raises(UsageError) as caught:
        record(missing)  # type: ignore[operator]
    assert str(caught.value) == message
    assert not missing.exists()
