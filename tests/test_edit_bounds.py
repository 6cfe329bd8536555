"""Lossless edits at their edges: the smallest front matters, the nesting limit's boundary,
and where new lines go (what mutation testing of ``infoview/edit.py`` found unproved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from infoview.edit import EditRefused, edit_text
from infoview.followup import add_referral_text, log_contact_text, mark_sent_text

ON = dt.date(2026, 11, 25)
LOGGED = "follow_up:\n  keep_in_touch:\n    - date: 2026-11-25\n      note: Wrote back\n"
TOO_DEEP = (
    "front matter is nested more than 32 levels deep; fix it first (infoview lint shows where)"
)


def log(text: str) -> str:
    return log_contact_text(text, note="Wrote back", on=ON)


def refusal(text: str) -> tuple[str, int | None]:
    with pytest.raises(EditRefused) as info:
        log(text)
    return info.value.message, info.value.line


# -- the smallest files -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\n---\n## Notes\n", f"---\n{LOGGED}---\n## Notes\n"),
        ("---\n---", f"---\n{LOGGED}---"),  # two lines, no line break at the end
        ("---\r\n---\r\n", "---\r\n" + LOGGED.replace("\n", "\r\n") + "---\r\n"),
        ("---\n...\nbody\n", f"---\n{LOGGED}...\nbody\n"),
    ],
    ids=["empty", "two-lines", "crlf", "dots"],
)
def test_an_empty_front_matter_gets_its_first_keys(before: str, after: str) -> None:
    assert log(before) == after


@pytest.mark.parametrize("text", ["---", "---\n", "---\ninterviewer:\n  name: Dana\n"])
def test_a_front_matter_never_closed_is_refused_at_line_1(text: str) -> None:
    assert refusal(text) == ("front matter is never closed with '---'", 1)


# -- the nesting limit ----------------------------------------------------------------------


def _nested(levels: int) -> str:
    """A front matter ``levels`` collections deep (the top-level mapping is the first),
    after a closed mapping and a closed list, which must not count."""
    chain = "".join("  " * i + f"k{i}:\n" for i in range(levels))
    return "---\ninterviewer:\n  name: Dana\ntags: [a, b]\n" + chain + "---\n"


def _set_status(text: str) -> str:
    """An edit checked only by ``edit_text`` itself (the reader has its own depth limit)."""
    return edit_text(
        text, Path("x.md"), lambda e: e.set_scalar(("status",), "done"), lambda _: True
    )


def test_front_matter_exactly_32_deep_is_edited() -> None:
    text = _nested(32)
    assert _set_status(text) == text[: -len("---\n")] + "status: done\n---\n"


def test_front_matter_33_deep_is_refused() -> None:
    assert refusal(_nested(33)) == (TOO_DEEP, None)
    with pytest.raises(EditRefused) as info:
        _set_status(_nested(33))
    assert info.value.message == TOO_DEEP


def test_many_collections_side_by_side_are_not_depth() -> None:
    siblings = "".join(f"s{i}:\n  - [x]\n" for i in range(40))  # 40 x 3 levels, one after another
    text = "---\ninterviewer:\n  name: Dana\n" + siblings + "---\n"
    assert log(text) == text[: -len("---\n")] + LOGGED + "---\n"


def test_referral_and_mark_sent_on_an_empty_front_matter() -> None:
    assert add_referral_text("---\n---\n", name="Ann Lee") == (
        "---\nreferrals:\n  - name: Ann Lee\n---\n"
    )
    assert mark_sent_text("---\n---\n", via="email", on=ON) == (
        "---\nfollow_up:\n  thank_you_sent: 2026-11-25\n  thank_you_via: email\n---\n"
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("---\n{interviewer: {name: Dana}}\n---\n", "front matter is one '{...}' flow mapping", 2),
        ("---\n- a\n- b\n---\n", "front matter is not a mapping of keys", 2),
        ("---\njust words\n---\n", "front matter is not a mapping of keys", 2),
        ("# Notes\n", "has no front matter to edit; add '---' lines with 'interviewer:' first", 1),
        ("", "has no front matter to edit; add '---' lines with 'interviewer:' first", 1),
    ],
    ids=["flow-root", "list-root", "scalar-root", "no-fence", "empty-file"],
)
def test_a_front_matter_that_is_not_block_keys_is_refused(
    text: str, message: str, line: int
) -> None:
    assert refusal(text) == (message, line)
