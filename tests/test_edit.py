"""Lossless front-matter edits: ``thanks --mark-sent``, ``log`` and ``referral``.

Every case compares whole files byte for byte: the result is the original with exactly
the expected lines inserted or changed, and refusals leave the file untouched.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from infoview.cli import cli
from infoview.edit import Editor, EditRefused, edit_text
from infoview.errors import UsageError
from infoview.followup import add_referral, log_contact, mark_sent
from infoview.parse import parse_text
from infoview.yamlpos import quote_scalar

ON = dt.date(2026, 12, 4)
BOM = "\ufeff"
BLOCK_STYLE = "; edit it by hand, or rewrite it in block style (one key per line)"


def put(folder: Path, text: str | bytes, name: str = "x.md") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.fixture
def cwd_ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The workspace as the current directory, so messages show interviews/x.md."""
    monkeypatch.chdir(workspace)
    return workspace


# -- mark_sent: set_scalar -------------------------------------------------------------------

COMMENTED = """\
---
# Dana's interview: a comment on its own line
interviewer:
  name: Dana Whitfield   # required
  email: dana@example.com  # work address

meeting:
  date: 2026-12-03   # a Thursday
formality: formal    # businesslike
follow_up:
  may_contact_again: true   # she said yes
  thank_you_sent:   # within 1-2 days
  # how: handwritten | email
tags: [estate-planning]   # flow lists elsewhere are fine
---
## Notes
- she said: keep in touch
"""
COMMENTED_SENT = """\
---
# Dana's interview: a comment on its own line
interviewer:
  name: Dana Whitfield   # required
  email: dana@example.com  # work address

meeting:
  date: 2026-12-03   # a Thursday
formality: formal    # businesslike
follow_up:
  may_contact_again: true   # she said yes
  thank_you_sent: 2026-12-04   # within 1-2 days
  thank_you_via: email
  # how: handwritten | email
tags: [estate-planning]   # flow lists elsewhere are fine
---
## Notes
- she said: keep in touch
"""

MARK_SENT_CASES = [
    pytest.param(COMMENTED, COMMENTED_SENT, id="comments-everywhere"),
    pytest.param(crlf(COMMENTED), crlf(COMMENTED_SENT), id="crlf"),
    pytest.param(BOM + COMMENTED, BOM + COMMENTED_SENT, id="bom"),
    pytest.param(BOM + crlf(COMMENTED), BOM + crlf(COMMENTED_SENT), id="bom-crlf"),
    pytest.param(
        "---\ninterviewer:\n    name: Dana\nfollow_up:\n    may_contact_again: true\n---\n",
        "---\ninterviewer:\n    name: Dana\nfollow_up:\n    may_contact_again: true\n"
        "    thank_you_sent: 2026-12-04\n    thank_you_via: email\n---\n",
        id="four-space-indent-uses-siblings",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: 'Dana Whitfield'\n  title: \"Paralegal\"\nfollow_up:\n"
        "  thank_you_sent: '2026-11-30'  # oops\n  thank_you_via: \"handwritten\"\n"
        "  may_contact_again: yes\n---\n",
        "---\ninterviewer:\n  name: 'Dana Whitfield'\n  title: \"Paralegal\"\nfollow_up:\n"
        "  thank_you_sent: 2026-12-04  # oops\n  thank_you_via: email\n"
        "  may_contact_again: yes\n---\n",
        id="quoted-values-replaced-in-place-others-kept",
    ),
    pytest.param(
        "---\ntags: [x]\nfollow_up:\n  may_contact_again: false\n\nreferrals:\n  - name: Sam\n"
        "interviewer:\n  name: Dana\n---\n",
        "---\ntags: [x]\nfollow_up:\n  may_contact_again: false\n  thank_you_sent: 2026-12-04\n"
        "  thank_you_via: email\n\nreferrals:\n  - name: Sam\ninterviewer:\n  name: Dana\n---\n",
        id="key-order-and-blank-lines",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\n\ntags: [x]\n---\nbody\n",
        "---\ninterviewer:\n  name: Dana\n\ntags: [x]\nfollow_up:\n"
        "  thank_you_sent: 2026-12-04\n  thank_you_via: email\n---\nbody\n",
        id="missing-parent-created-at-the-end",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\nfollow_up: ~\ntags: [x]\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: 2026-12-04\n"
        "  thank_you_via: email\ntags: [x]\n---\n",
        id="follow-up-tilde",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\nfollow_up:\ntags: [x]\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: 2026-12-04\n"
        "  thank_you_via: email\ntags: [x]\n---\n",
        id="follow-up-empty",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\nfollow_up:   # after the meeting\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:   # after the meeting\n"
        "  thank_you_sent: 2026-12-04\n  thank_you_via: email\n---\n",
        id="follow-up-empty-with-comment",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\nfollow_up: {}\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: 2026-12-04\n"
        "  thank_you_via: email\n---\n",
        id="follow-up-empty-flow-mapping",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\n---\n    indented code block\n\n    more: code\n"
        "## Notes\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: 2026-12-04\n"
        "  thank_you_via: email\n---\n    indented code block\n\n    more: code\n## Notes\n",
        id="body-starts-with-indented-code",
    ),
    pytest.param(
        "---\n  interviewer:\n    name: Dana\n---\n",
        "---\n  interviewer:\n    name: Dana\n  follow_up:\n    thank_you_sent: 2026-12-04\n"
        "    thank_you_via: email\n---\n",
        id="indented-top-level-keys",
    ),
]


@pytest.mark.parametrize(("before", "after"), MARK_SENT_CASES)
def test_mark_sent_changes_exactly_the_expected_lines(
    tmp_path: Path, before: str, after: str
) -> None:
    path = put(tmp_path, before)
    result = mark_sent(path, on=ON, via="email", replace=True)  # some replace a date
    assert path.read_bytes() == after.encode("utf-8")
    assert (result.before, result.after, result.changed) == (before, after, True)
    parsed = parse_text(after, path)
    assert (parsed.follow_up.thank_you_sent, parsed.follow_up.thank_you_via) == (ON, "email")


def test_mark_sent_twice_is_a_no_op(tmp_path: Path) -> None:
    path = put(tmp_path, COMMENTED_SENT)
    result = mark_sent(path, on=ON, via="email")
    assert not result.changed
    assert path.read_bytes() == COMMENTED_SENT.encode()


def test_mark_sent_rejects_an_unknown_channel(tmp_path: Path) -> None:
    path = put(tmp_path, COMMENTED)
    with pytest.raises(UsageError, match=r"^--via must be one of: card, handwritten, email$"):
        mark_sent(path, on=ON, via="pigeon")
    assert path.read_bytes() == COMMENTED.encode()


# -- log: append_item ---------------------------------------------------------------------------

KEEP_IN_TOUCH = """\
---
interviewer:
  name: Dana   # required
follow_up:
  keep_in_touch:
    - date: 2026-12-20   # first
      note: Told her about the elective.
    # more to come
  may_contact_again: true
# the end
---
Body.
"""
KEEP_IN_TOUCH_AFTER = """\
---
interviewer:
  name: Dana   # required
follow_up:
  keep_in_touch:
    - date: 2026-12-20   # first
      note: Told her about the elective.
    - date: 2027-01-05
      note: Passed the exam
    # more to come
  may_contact_again: true
# the end
---
Body.
"""

LOG_CASES = [
    pytest.param(KEEP_IN_TOUCH, KEEP_IN_TOUCH_AFTER, id="after-last-item-before-comment"),
    pytest.param(crlf(KEEP_IN_TOUCH), crlf(KEEP_IN_TOUCH_AFTER), id="crlf"),
    pytest.param(BOM + KEEP_IN_TOUCH, BOM + KEEP_IN_TOUCH_AFTER, id="bom"),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  keep_in_touch:\n"
        "    - date: 2027-01-05\n      note: Passed the exam\n---\n",
        id="parents-created",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: 2026-12-04  # c\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: 2026-12-04  # c\n"
        "  keep_in_touch:\n    - date: 2027-01-05\n      note: Passed the exam\n---\n",
        id="list-created-in-existing-mapping",
    ),
    pytest.param(
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  keep_in_touch: []\n"
        "  may_contact_again: true\n---\n",
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  keep_in_touch:\n"
        "    - date: 2027-01-05\n      note: Passed the exam\n  may_contact_again: true\n---\n",
        id="empty-flow-list-replaced",
    ),
    pytest.param(
        "---\ninterviewer:\n    name: Dana\nfollow_up:\n    keep_in_touch:\n"
        "        -   date: 2026-12-20\n            note: hi\n---\n",
        "---\ninterviewer:\n    name: Dana\nfollow_up:\n    keep_in_touch:\n"
        "        -   date: 2026-12-20\n            note: hi\n"
        "        - date: 2027-01-05\n          note: Passed the exam\n---\n",
        id="odd-indentation-follows-the-list",
    ),
    pytest.param(
        "---\r\ninterviewer:\r\n  name: Dana\r\nfollow_up:   # later\r\n---\r\n    code\r\n",
        "---\r\ninterviewer:\r\n  name: Dana\r\nfollow_up:   # later\r\n  keep_in_touch:\r\n"
        "    - date: 2027-01-05\r\n      note: Passed the exam\r\n---\r\n    code\r\n",
        id="crlf-empty-parent-with-comment",
    ),
]


@pytest.mark.parametrize(("before", "after"), LOG_CASES)
def test_log_appends_exactly_one_item(tmp_path: Path, before: str, after: str) -> None:
    path = put(tmp_path, before)
    log_contact(path, note="  Passed the exam ", on=dt.date(2027, 1, 5))
    assert path.read_bytes() == after.encode("utf-8")
    last = parse_text(after, path).follow_up.keep_in_touch[-1]
    assert (last.date, last.note) == (dt.date(2027, 1, 5), "Passed the exam")


# Text that YAML would misread if written plainly, how it is written, and that it reads back.
AWKWARD = [
    ("Told her: it worked", '"Told her: it worked"'),
    ("Took advice #1", '"Took advice #1"'),
    ("- started with a dash", '"- started with a dash"'),
    ("'quoted' at the start", "\"'quoted' at the start\""),
    ('She said "go for it"', 'She said "go for it"'),
    ("Zoë Ñúñez", "Zoë Ñúñez"),
    ("line\x85next", '"line\\u0085next"'),
    ("yes", '"yes"'),
    ("2027-01-05", '"2027-01-05"'),
    ("[not a list]", '"[not a list]"'),
]


@pytest.mark.parametrize(("note", "written"), AWKWARD)
def test_log_note_needing_quotes_reads_back_exactly(
    tmp_path: Path, note: str, written: str
) -> None:
    before = "---\ninterviewer:\n  name: Dana\n---\n"
    path = put(tmp_path, before)
    log_contact(path, note=note, on=ON)
    after = path.read_bytes().decode("utf-8")
    assert after == (
        "---\ninterviewer:\n  name: Dana\nfollow_up:\n  keep_in_touch:\n"
        f"    - date: 2026-12-04\n      note: {written}\n---\n"
    )
    assert parse_text(after, path).follow_up.keep_in_touch[-1].note == note


# -- referral: append_item ----------------------------------------------------------------------

REFERRALS = """\
---
interviewer:
  name: Dana
referrals:
  - name: Sam Ortiz   # probate
    note: "tell him I sent you"

  # ask about Lee too
tags: [x]
---
"""


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            REFERRALS,
            REFERRALS.replace(
                '"tell him I sent you"\n',
                '"tell him I sent you"\n  - name: Lee Chan\n    note: "Solo practice: wills"\n'
                "    contact: lee@example.com\n",
            ),
            id="after-last-item-before-blank-and-comment",
        ),
        pytest.param(
            "---\ninterviewer:\n  name: Dana\nreferrals: []\ntags: [x]\n---\n",
            "---\ninterviewer:\n  name: Dana\nreferrals:\n  - name: Lee Chan\n"
            '    note: "Solo practice: wills"\n    contact: lee@example.com\ntags: [x]\n---\n',
            id="empty-flow-list-replaced-by-block",
        ),
        pytest.param(
            "---\ninterviewer:\n  name: Dana\nreferrals: []   # none yet\n---\n",
            "---\ninterviewer:\n  name: Dana\nreferrals:    # none yet\n  - name: Lee Chan\n"
            '    note: "Solo practice: wills"\n    contact: lee@example.com\n---\n',
            id="empty-flow-list-comment-kept",
        ),
        pytest.param(
            "---\ninterviewer:\n  name: Dana\nreferrals:\n- name: Sam\n# the end\n---\n",
            "---\ninterviewer:\n  name: Dana\nreferrals:\n- name: Sam\n- name: Lee Chan\n"
            '  note: "Solo practice: wills"\n  contact: lee@example.com\n# the end\n---\n',
            id="unindented-list",
        ),
    ],
)
def test_referral_appends_exactly_one_item(tmp_path: Path, before: str, after: str) -> None:
    path = put(tmp_path, before)
    add_referral(path, name="Lee Chan", note="Solo practice: wills", contact="lee@example.com")
    assert path.read_bytes() == after.encode("utf-8")
    last = parse_text(after, path).referrals[-1]
    assert (last.name, last.note, last.contact) == (
        "Lee Chan",
        "Solo practice: wills",
        "lee@example.com",
    )


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("O'Neil: Sam", '"O\'Neil: Sam"'),
        ("#1 Sam", '"#1 Sam"'),
        ("Sam  #x", '"Sam  #x"'),
        ("- Sam", '"- Sam"'),
        ("-Sam", "-Sam"),  # plain YAML reads this as the text
        ('"Sam"', '"\\"Sam\\""'),
        ("Zoë Ñúñez", "Zoë Ñúñez"),
        ("Sam\x85Ortiz", '"Sam\\u0085Ortiz"'),
        ("null", '"null"'),
        ("NO", '"NO"'),
    ],
)
def test_referral_name_needing_quotes_reads_back_exactly(
    tmp_path: Path, name: str, written: str
) -> None:
    path = put(tmp_path, "---\ninterviewer:\n  name: Dana\n---\n")
    add_referral(path, name=name)
    after = path.read_bytes().decode("utf-8")
    assert after == f"---\ninterviewer:\n  name: Dana\nreferrals:\n  - name: {written}\n---\n"
    assert parse_text(after, path).referrals[-1].name == name


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "text", "message"),
    [
        pytest.param(
            # --replace: past the refusal to overwrite, to the refusal to edit flow style
            ["thanks", "--mark-sent", "--replace", "--today", "2026-12-04"],
            "---\ninterviewer:\n  name: Dana\nfollow_up: {thank_you_sent: 2026-12-01}\n---\n",
            "interviews/x.md:4: 'follow_up' is written in '{...}' flow style" + BLOCK_STYLE,
            id="flow-mapping",
        ),
        pytest.param(
            ["log", "--note", "hi", "--on", "2026-12-04"],
            "---\ninterviewer:\n  name: Dana\nfollow_up:\n  keep_in_touch: [{date: 2026-01-01}]\n"
            "---\n",
            "interviews/x.md:5: 'follow_up.keep_in_touch' is a '[...]' list" + BLOCK_STYLE,
            id="non-empty-flow-list-nested",
        ),
        pytest.param(
            ["referral", "--name", "Sam"],
            "---\ninterviewer:\n  name: Dana\nreferrals: [a, b]\n---\n",
            "interviews/x.md:4: 'referrals' is a '[...]' list" + BLOCK_STYLE,
            id="non-empty-flow-list",
        ),
        pytest.param(
            ["log", "--note", "hi"],
            '---\ninterviewer:\n  name: Dana\nfollow_up: "text"\n---\n',
            "interviews/x.md:4: 'follow_up' is not a mapping" + BLOCK_STYLE,
            id="not-a-mapping",
        ),
        pytest.param(
            ["referral", "--name", "Sam"],
            "---\ninterviewer:\n  name: Dana\nreferrals:\n  name: Sam\n---\n",
            "interviews/x.md:5: 'referrals' is not a list" + BLOCK_STYLE,
            id="referrals-not-a-list",
        ),
        pytest.param(
            ["thanks", "--mark-sent"],
            "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent:\n"
            "    - 2026-12-01\n---\n",
            "interviews/x.md:6: 'follow_up.thank_you_sent' holds a list or mapping, not a value"
            + BLOCK_STYLE,
            id="value-is-a-list",
        ),
        pytest.param(
            ["log", "--note", "hi"],
            "---\ninterviewer:\n  name: Dana\n  - oops\nfollow_up:\n---\n",
            "interviews/x.md:4: front matter is not valid YAML; fix it first "
            "(infoview lint shows where)",
            id="invalid-yaml",
        ),
        pytest.param(
            ["log", "--note", "hi"],
            "# Dana\n\nNo front matter.\n",
            "interviews/x.md:1: has no front matter to edit; add '---' lines with "
            "'interviewer:' first",
            id="no-front-matter",
        ),
        pytest.param(
            ["log", "--note", "hi"],
            "---\ninterviewer:\n  name: Dana\n## Notes\n",
            "interviews/x.md:1: front matter is never closed with '---'",
            id="unclosed",
        ),
        pytest.param(
            ["referral", "--name", "Sam"],
            b"---\ninterviewer:\n  name: Dana \xff\n---\n",
            "interviews/x.md:3: is not valid UTF-8; re-save it as UTF-8 first",
            id="invalid-utf8",
        ),
        pytest.param(
            ["log", "--note", "hi"],
            "---\n- a list\n---\n",
            "interviews/x.md:2: front matter is not a mapping of keys",
            id="front-matter-is-a-list",
        ),
    ],
)
def test_refusal_changes_nothing_and_names_the_line(
    runner: CliRunner, cwd_ws: Path, args: list[str], text: str | bytes, message: str
) -> None:
    path = put(cwd_ws / "interviews", text)
    before = path.read_bytes()
    result = runner.invoke(cli, [*args, "interviews/x.md"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"error: {message}\n"
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["x.md"]  # no temp file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "--note", "two\nlines"], "--note must be one line"),
        (["log", "--note", "   "], "--note must not be empty"),
        (["referral", "--name", "Sam\r\nOrtiz"], "--name must be one line"),
        (["referral", "--name", "Sam", "--note", "a\nb"], "--note must be one line"),
        (
            ["log", "--note", "hi", "--on", "tomorrow"],
            "--on 'tomorrow' is not a date; write YYYY-MM-DD",
        ),
    ],
)
def test_bad_option_values_are_usage_errors(
    runner: CliRunner, cwd_ws: Path, args: list[str], message: str
) -> None:
    path = put(cwd_ws / "interviews", KEEP_IN_TOUCH)
    result = runner.invoke(cli, [*args, "interviews/x.md"])
    assert (result.exit_code, result.stderr) == (2, f"error: {message}\n")
    assert path.read_bytes() == KEEP_IN_TOUCH.encode()


def test_edit_that_does_not_read_back_is_refused(tmp_path: Path) -> None:
    """``verify`` is the last word: a result it rejects is never returned."""
    text = "---\ninterviewer:\n  name: Dana\n---\n"

    def change(editor: Editor) -> None:
        editor.set_scalar(("follow_up", "thank_you_via"), "email")

    with pytest.raises(EditRefused) as caught:
        edit_text(text, tmp_path / "x.md", change, lambda after: False)
    assert caught.value.render() == (
        f"{tmp_path / 'x.md'}: could not make this edit safely (the result did not read back "
        "as intended); nothing was written"
    )


def test_edit_that_would_break_the_yaml_is_refused_without_blaming_the_file(
    tmp_path: Path,
) -> None:
    text = "---\ninterviewer:\n  name: Dana\n---\n"

    def change(editor: Editor) -> None:
        editor.set_scalar(("follow_up", "thank_you_via"), "[unclosed")

    with pytest.raises(EditRefused) as caught:
        edit_text(text, tmp_path / "x.md", change, lambda after: True)
    assert caught.value.render() == (
        f"{tmp_path / 'x.md'}: could not make this edit safely (the result would not be valid "
        "YAML); nothing was written"
    )


# -- the commands ---------------------------------------------------------------------------


def test_dry_run_prints_the_diff_and_changes_nothing(runner: CliRunner, cwd_ws: Path) -> None:
    path = put(cwd_ws / "interviews", COMMENTED)
    result = runner.invoke(
        cli, ["thanks", "interviews/x.md", "--mark-sent", "--on", "2026-12-04", "--dry-run"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "--- a/interviews/x.md\n"
        "+++ b/interviews/x.md\n"
        "@@ -9,7 +9,8 @@\n"
        " formality: formal    # businesslike\n"
        " follow_up:\n"
        "   may_contact_again: true   # she said yes\n"
        "-  thank_you_sent:   # within 1-2 days\n"
        "+  thank_you_sent: 2026-12-04   # within 1-2 days\n"
        "+  thank_you_via: email\n"
        "   # how: handwritten | email\n"
        " tags: [estate-planning]   # flow lists elsewhere are fine\n"
        " ---\n"
    )
    assert path.read_bytes() == COMMENTED.encode()


def test_log_dry_run(runner: CliRunner, cwd_ws: Path) -> None:
    path = put(cwd_ws / "interviews", "---\ninterviewer:\n  name: Dana\n---\nBody\n")
    result = runner.invoke(
        cli, ["log", "interviews/x.md", "--note", "hi: there", "--on", "2027-01-05", "--dry-run"]
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "--- a/interviews/x.md\n+++ b/interviews/x.md\n@@ -1,5 +1,9 @@\n"
        " ---\n interviewer:\n   name: Dana\n"
        "+follow_up:\n+  keep_in_touch:\n+    - date: 2027-01-05\n"
        '+      note: "hi: there"\n'
        " ---\n Body\n"
    )
    assert path.read_bytes() == b"---\ninterviewer:\n  name: Dana\n---\nBody\n"


def test_mark_sent_again_reports_already_recorded(runner: CliRunner, cwd_ws: Path) -> None:
    path = put(cwd_ws / "interviews", COMMENTED)
    args = ["thanks", "interviews/x.md", "--mark-sent", "--on", "2026-12-04", "--via", "email"]
    first = runner.invoke(cli, args)
    assert (first.exit_code, first.stdout) == (
        0,
        "interviews/x.md: thank-you sent 2026-12-04 (email)\n",
    )
    assert path.read_bytes() == COMMENTED_SENT.encode()
    mtime = path.stat().st_mtime_ns
    second = runner.invoke(cli, args)
    assert (second.exit_code, second.stdout) == (
        0,
        "interviews/x.md: thank-you already recorded as sent 2026-12-04 (email); nothing changed\n",
    )
    assert path.read_bytes() == COMMENTED_SENT.encode()
    assert path.stat().st_mtime_ns == mtime


def test_log_and_referral_report_what_they_did(runner: CliRunner, cwd_ws: Path) -> None:
    path = put(cwd_ws / "interviews", "---\ninterviewer:\n  name: Dana\n---\n")
    logged = runner.invoke(
        cli, ["log", "interviews/x.md", "--note", "Sent the article", "--today", "2027-01-05"]
    )
    assert (logged.exit_code, logged.stdout) == (
        0,
        "interviews/x.md: logged contact on 2027-01-05\n",
    )
    added = runner.invoke(
        cli, ["referral", "interviews/x.md", "--name", "Lee Chan", "--contact", "+1 503 555 0199"]
    )
    assert (added.exit_code, added.stdout) == (0, "interviews/x.md: added referral Lee Chan\n")
    assert path.read_bytes() == (
        b"---\ninterviewer:\n  name: Dana\nfollow_up:\n  keep_in_touch:\n"
        b"    - date: 2027-01-05\n      note: Sent the article\n"
        b"referrals:\n  - name: Lee Chan\n    contact: +1 503 555 0199\n---\n"
    )


def test_log_without_a_date_uses_today_in_the_workspace_zone(
    runner: CliRunner, cwd_ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = cwd_ws / "infoview.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("America/Los_Angeles", "Pacific/Kiritimati"), encoding="utf-8")
    path = put(cwd_ws / "interviews", "---\ninterviewer:\n  name: Dana\n---\n")
    monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    monkeypatch.setenv("TZ", "Etc/GMT+12")  # the machine's clock: a day behind UTC+14
    time.tzset()
    try:
        result = runner.invoke(cli, ["log", "interviews/x.md", "--note", "hi"])
        expected = dt.datetime.now(ZoneInfo("Pacific/Kiritimati")).date().isoformat()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert (result.exit_code, result.stdout) == (
        0,
        f"interviews/x.md: logged contact on {expected}\n",
    )
    assert f"    - date: {expected}\n".encode() in path.read_bytes()


# -- IV504: log resets keep-in-touch-due ------------------------------------------------------


def _iv504(runner: CliRunner, today: dt.date) -> list[dict[str, object]]:
    result = runner.invoke(
        cli, ["lint", "interviews/x.md", "--today", today.isoformat(), "--format", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    return [d for d in json.loads(result.stdout) if d["code"] == "IV504"]


def test_log_silences_iv504_until_keep_in_touch_days_pass(runner: CliRunner, cwd_ws: Path) -> None:
    put(
        cwd_ws / "interviews",
        "---\ninterviewer:\n  name: Dana\nmeeting:\n  date: 2026-01-10\nfollow_up:\n"
        "  thank_you_sent: 2026-01-11\n  may_contact_again: true\n---\n",
    )
    today = dt.date(2026, 6, 1)
    assert _iv504(runner, today) == [
        {
            "path": "interviews/x.md",
            "line": 6,
            "column": 1,
            "code": "IV504",
            "slug": "keep-in-touch-due",
            "severity": "info",
            "message": "last contact 2026-01-11 is more than 90 days ago; tell them what came of "
            "their advice, then record it (infoview log PATH --note TEXT)",
        }
    ]
    logged = runner.invoke(
        cli, ["log", "interviews/x.md", "--note", "Passed the exam", "--today", today.isoformat()]
    )
    assert logged.exit_code == 0, logged.output
    assert _iv504(runner, today) == []
    assert _iv504(runner, today + dt.timedelta(days=90)) == []
    again = _iv504(runner, today + dt.timedelta(days=91))
    assert [(d["line"], d["message"]) for d in again] == [
        (
            9,
            "last contact 2026-06-01 is more than 90 days ago; tell them what came of "
            "their advice, then record it (infoview log PATH --note TEXT)",
        )
    ]


# -- property: mark_sent changes nothing but its own lines --------------------------------------

_SAFE = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\ufeff"
)
_TEXT = st.text(_SAFE, max_size=10)
_KEY = st.from_regex(r"x_[a-z]{1,6}", fullmatch=True)
_EDITED = ("follow_up", "thank_you_sent", "thank_you_via")


@st.composite
def _files(draw: st.DrawFn) -> str:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    step = " " * draw(st.sampled_from([2, 4]))

    def comment() -> str:
        return draw(st.one_of(st.just(""), _TEXT.map(lambda t: f"  # {t}")))

    def value() -> str:
        return quote_scalar(draw(_TEXT))

    top: list[list[str]] = [[f"interviewer:{comment()}", f"{step}name: Dana{comment()}"]]
    for key in draw(st.lists(_KEY, unique=True, max_size=4)):
        kind = draw(st.sampled_from(["scalar", "mapping", "literal", "blank", "comment"]))
        if kind == "scalar":
            top.append([f"{key}: {value()}{comment()}"])
        elif kind == "literal":
            top.append([f"{key}: |{comment()}", f"{step}text {draw(_TEXT)}", ""])
        elif kind == "mapping":
            top.append([f"{key}:{comment()}", f"{step}inner: {value()}{comment()}"])
        elif kind == "blank":
            top.append([""])
        else:
            top.append([f"# {draw(_TEXT)}"])
    shape = draw(st.sampled_from(["absent", "empty", "tilde", "flow", "block"]))
    if shape != "absent":
        head = {"tilde": "follow_up: ~", "flow": "follow_up: {}"}.get(shape, "follow_up:")
        children: list[list[str]] = []
        if shape == "block":
            children.append([f"{step}may_contact_again: {draw(st.sampled_from(['true', 'no']))}"])
            if draw(st.booleans()):
                children.append(
                    [
                        f"{step}keep_in_touch:{comment()}",
                        f"{step}{step}- date: 2026-12-01{comment()}",
                        f"{step}{step}  note: {value()}{comment()}",
                    ]
                )
            sent = draw(st.sampled_from([None, "", " 2026-11-30", " ~", " '2026-12-04'"]))
            if sent is not None:
                children.append([f"{step}thank_you_sent:{sent}{comment()}"])
            if draw(st.booleans()):
                children.append([f"{step}thank_you_via: handwritten{comment()}"])
            if draw(st.booleans()):
                children.append([f"{step}# {draw(_TEXT)}"])
            children = draw(st.permutations(children))  # any key order
        block = [head + comment(), *(line for child in children for line in child)]
        top.insert(draw(st.integers(0, len(top))), block)
    lines = ["---", *(line for entry in top for line in entry), "---", "    code", "## Notes"]
    bom = draw(st.sampled_from(["", BOM]))
    return bom + newline.join(lines) + newline


def _lines(text: str) -> list[str]:
    return [line + "\n" for line in text.split("\n")]


def _key(line: str) -> str:
    return line.strip().split(":", 1)[0]


@settings(max_examples=150, deadline=None)
@given(before=_files())
def test_mark_sent_touches_only_its_own_lines(
    tmp_path_factory: pytest.TempPathFactory, before: str
) -> None:
    path = tmp_path_factory.getbasetemp() / "property.md"
    path.write_bytes(before.encode("utf-8"))
    mark_sent(path, on=ON, via="email", replace=True)
    after = path.read_bytes().decode("utf-8")
    parsed = parse_text(after, path)
    assert not [p for p in parsed.problems if p.code == "IV001"]
    assert (parsed.follow_up.thank_you_sent, parsed.follow_up.thank_you_via) == (ON, "email")
    assert after.startswith(BOM) == before.startswith(BOM)
    newline = "\r\n" if "\r\n" in before else "\n"
    a, b = _lines(before), _lines(after)
    wanted = {"follow_up:", "thank_you_sent: 2026-12-04", "thank_you_via: email"}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        assert tag in ("insert", "replace"), (tag, a[i1:i2], b[j1:j2])
        added = b[j1:j2]
        for old_line in a[i1:i2] if tag == "replace" else []:
            # Each replaced line is one of the edited keys, changed in place.
            old = old_line.rstrip("\n").rstrip("\r")
            assert _key(old) in _EDITED, old
            indent = re.match(r" *", old)
            assert indent is not None
            new = next(n for n in added if n.startswith(f"{indent.group()}{_key(old)}:"))
            added.remove(new)
            if " #" in old:  # the comment after the value survives
                assert new.rstrip("\n").rstrip("\r").endswith(old[old.index(" #") :])
        for line in added:
            assert line.endswith("\r\n") == (newline == "\r\n"), line
            assert line.strip() in wanted, line


def test_new_blocks_follow_the_files_own_indentation(tmp_path: Path) -> None:
    path = tmp_path / "four.md"
    path.write_bytes(b'---\ninterviewer:\n    name: Dana\n    phone: "1"\n---\nbody\n')
    log_contact(path, note="hi", on=dt.date(2026, 12, 1))
    mark_sent(path, on=dt.date(2026, 12, 2), via="email")
    assert path.read_bytes() == (
        b'---\ninterviewer:\n    name: Dana\n    phone: "1"\n'
        b"follow_up:\n"
        b"    keep_in_touch:\n"
        b"        - date: 2026-12-01\n"
        b"          note: hi\n"
        b"    thank_you_sent: 2026-12-02\n"
        b"    thank_you_via: email\n"
        b"---\nbody\n"
    )
