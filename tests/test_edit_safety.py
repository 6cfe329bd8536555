"""Edits that must not lose or misplace data: line endings, aliases, depth, links, FIFOs.

``log``, ``referral``, ``thanks --mark-sent`` and ``lint --fix`` are each a pure text
function (tested here on strings) and one file wrapper (tested through the CLI).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from infoview.cli import cli
from infoview.edit import EditRefused
from infoview.followup import add_referral_text, log_contact_text, mark_sent_text

ON = dt.date(2026, 11, 25)
FRONT = "---\ninterviewer:\n  name: Dana\nfollow_up:\n  may_contact_again: true\n---\n"
BODY = "## Notes\n- **Takeaway:** y\n"
LOGGED = "  keep_in_touch:\n    - date: 2026-11-25\n      note: Wrote back\n"


def log(text: str) -> str:
    return log_contact_text(text, note="Wrote back", on=ON)


def invoke_soon(runner: CliRunner, args: list[str], seconds: float = 60) -> Result:
    """Run the CLI in a thread that must finish in time: a FIFO read would block forever."""
    box: list[Result] = []
    thread = threading.Thread(target=lambda: box.append(runner.invoke(cli, args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"infoview {' '.join(args)} hung"
    result = box[0]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


# -- line endings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "body"),
    [("\n", "\r\n"), ("\r\n", "\n"), ("\r", "\r"), ("\r\n", "\r\n"), ("\r", "\n")],
    ids=["lf-front-crlf-body", "crlf-front-lf-body", "lone-cr", "crlf", "cr-front-lf-body"],
)
def test_new_front_matter_lines_take_the_front_matters_line_break(front: str, body: str) -> None:
    text = FRONT.replace("\n", front) + BODY.replace("\n", body)
    expected = (FRONT.replace("---\n", "", 1).rsplit("---\n", 1)[0] + LOGGED).replace("\n", front)
    assert log(text) == "---" + front + expected + "---" + front + BODY.replace("\n", body)


def test_mixed_line_breaks_in_the_front_matter_follow_the_line_above() -> None:
    text = "---\ninterviewer:\r\n  name: Dana\nfollow_up:\r\n  may_contact_again: true\r\n---\n"
    assert mark_sent_text(text, on=ON, via="email") == (
        "---\ninterviewer:\r\n  name: Dana\nfollow_up:\r\n  may_contact_again: true\r\n"
        "  thank_you_sent: 2026-11-25\r\n  thank_you_via: email\r\n---\n"
    )


def test_a_lone_cr_file_is_edited_in_place_of_its_lines() -> None:
    text = "---\rinterviewer:\r  name: Dana\r---\r## Notes\r- hi\r"
    assert add_referral_text(text, name="Sam Ortiz") == (
        "---\rinterviewer:\r  name: Dana\rreferrals:\r  - name: Sam Ortiz\r---\r## Notes\r- hi\r"
    )


# -- aliases, anchors, merge keys ----------------------------------------------------------

ALIASED = """\
---
interviewer:
  name: Dana
base: &base
  may_contact_again: true
follow_up: *base
---
"""


@pytest.mark.parametrize(
    ("text", "edit", "line", "what"),
    [
        (ALIASED, log, 6, "'follow_up' is an anchor ('&name') or an alias ('*name') to one"),
        (
            ALIASED,
            lambda t: mark_sent_text(t, on=ON, via="email"),
            6,
            "'follow_up' is an anchor ('&name') or an alias ('*name') to one",
        ),
        (
            "---\ninterviewer:\n  name: Dana\nfollow_up: &fu\n  may_contact_again: true\n"
            "other: *fu\n---\n",
            log,
            4,
            "'follow_up' is an anchor ('&name') or an alias ('*name') to one",
        ),
        (
            "---\ninterviewer:\n  name: Dana\nold: &k\n  - date: 2026-01-01\n    note: x\n"
            "follow_up:\n  keep_in_touch: *k\n---\n",
            log,
            8,
            "'follow_up.keep_in_touch' is an anchor ('&name') or an alias ('*name') to one",
        ),
        (
            "---\ninterviewer:\n  name: Dana\nfollow_up:\n  thank_you_sent: &d 2026-01-01\n"
            "seen: *d\n---\n",
            # replace: past the refusal to overwrite a date, to the refusal of the anchor
            lambda t: mark_sent_text(t, on=ON, via="email", replace=True),
            5,
            "'follow_up.thank_you_sent' is an anchor ('&name') or an alias ('*name') to one",
        ),
        (
            "---\ninterviewer:\n  name: Dana\nbase: &b\n  keep_in_touch: []\nfollow_up:\n"
            "  <<: *b\n---\n",
            log,
            7,
            "'follow_up' merges keys from elsewhere ('<<: *name')",
        ),
        (
            "---\n<<: {follow_up: {may_contact_again: true}}\ninterviewer:\n  name: Dana\n---\n",
            log,
            2,
            "'the front matter' merges keys from elsewhere ('<<: *name')",
        ),
    ],
    ids=["alias", "alias-set", "anchor", "list-alias", "scalar-anchor", "merge", "root-merge"],
)
def test_edits_through_aliases_anchors_and_merges_are_refused(
    text: str, edit: object, line: int, what: str
) -> None:
    with pytest.raises(EditRefused) as info:
        edit(text)  # type: ignore[operator]
    assert info.value.line == line
    if "merges" in what:
        assert info.value.message == (
            f"{what}; edit it by hand, or write the merged keys out in place of '<<'"
        )
    else:
        assert info.value.message == (
            f"{what}, so an edit here would change other places too; "
            "edit it by hand, or write the values out in place of the alias"
        )


def test_an_anchor_off_the_edited_path_is_fine() -> None:
    text = (
        "---\ninterviewer:\n  name: &n Dana\nalso: *n\nfollow_up:\n  may_contact_again: true\n---\n"
    )
    assert log(text) == text.replace("true\n", "true\n" + LOGGED)


# -- depth ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nested",
    [
        "x: " + "[" * 2000 + "]" * 2000 + "\n",
        "x: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n",
        "".join("  " * i + f"k{i}:\n" for i in range(2000)),
    ],
    ids=["flow-lists", "flow-maps", "block"],
)
def test_2000_deep_front_matter_is_refused_not_a_recursion_error(nested: str) -> None:
    text = "---\ninterviewer:\n  name: Dana\n" + nested + "---\n"
    with pytest.raises(EditRefused) as info:
        log(text)
    assert info.value.message == (
        "front matter is nested more than 32 levels deep; fix it first (infoview lint shows where)"
    )


def test_2000_deep_front_matter_through_the_cli(runner: CliRunner, workspace: Path) -> None:
    path = workspace / "interviews" / "deep.md"
    path.write_text("---\ninterviewer:\n  name: Dana\nx: " + "[" * 2000 + "]" * 2000 + "\n---\n")
    for args in (
        ["log", str(path), "--note", "x"],
        ["referral", str(path), "--name", "Sam"],
        ["thanks", "--mark-sent", str(path)],
        ["lint", "--fix", str(path)],
    ):
        result = invoke_soon(runner, [*args, "--workspace", str(workspace)])
        assert result.exit_code in (1, 2), result.output
        assert "Traceback" not in result.output


# -- links ---------------------------------------------------------------------------------


def test_log_on_a_symlinked_interview_edits_the_target_and_keeps_the_link(
    runner: CliRunner, workspace: Path
) -> None:
    drafts = workspace / "drafts"
    drafts.mkdir()
    target = drafts / "dana.md"
    target.write_text(FRONT + BODY)
    link = workspace / "interviews" / "dana.md"
    link.symlink_to("../drafts/dana.md")
    result = invoke_soon(
        runner,
        [
            "log",
            str(link),
            "--note",
            "Wrote back",
            "--on",
            "2026-11-25",
            "--workspace",
            str(workspace),
        ],
    )
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "../drafts/dana.md"
    assert target.read_text() == FRONT.replace("true\n", "true\n" + LOGGED) + BODY


def test_log_through_a_link_out_of_the_workspace_is_refused(
    runner: CliRunner, workspace: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(FRONT + BODY)
    (workspace / "interviews" / "dana.md").symlink_to(outside)

    link = workspace / "interviews" / "dana.md"
    result = invoke_soon(runner, ["log", str(link), "--note", "x", "-w", str(workspace)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: interviews/dana.md: is a symbolic link to '{outside}', outside the workspace; "
        "infoview reads and writes only inside it\n"
        "  hint: replace the link with a real folder or file inside the workspace\n"
    )
    assert outside.read_text() == FRONT + BODY


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.mkfifo(p), "is a named pipe (FIFO), not a file; infoview "),
        (lambda p: p.symlink_to("gone.md"), "is a symbolic link to 'gone.md', which does not"),
        (lambda p: p.symlink_to(p.name), "is a symbolic link that leads back to itself"),
    ],
    ids=["fifo", "dangling", "loop"],
)
def test_edits_of_what_is_not_a_file_are_refused_without_hanging(
    runner: CliRunner, workspace: Path, make: object, message: str
) -> None:
    path = workspace / "interviews" / "x.md"
    make(path)  # type: ignore[operator]
    for args in (["log", "--note", "n"], ["referral", "--name", "Sam"], ["thanks", "--mark-sent"]):
        result = invoke_soon(runner, [*args, str(path), "--workspace", str(workspace)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"error: interviews/x.md: {message}"), result.stderr


# -- lint --fix ----------------------------------------------------------------------------

FIXABLE = "---\ninterviewer:\n  name: Dana\nlearning_goals:\n  - Learn a thing.\n---\n"


@pytest.mark.parametrize(
    ("front", "body"),
    [("\r", "\r"), ("\n", "\r\n"), ("\r\n", "\n")],
    ids=["lone-cr", "lf-front-crlf-body", "crlf-front-lf-body"],
)
def test_lint_fix_puts_sections_in_place_with_the_bodys_line_breaks(
    runner: CliRunner, workspace: Path, front: str, body: str
) -> None:
    path = workspace / "interviews" / "x.md"
    notes = "## Research\n- **Education:** x\n\n## Notes\n- **Takeaway:** y\n"
    path.write_bytes((FIXABLE.replace("\n", front) + notes.replace("\n", body)).encode())
    result = invoke_soon(runner, ["lint", "--fix", str(path), "--workspace", str(workspace)])
    assert "fixed: " in result.stderr, result.output
    after = path.read_bytes().decode()
    fence = after.index("---" + front, 3) + 3 + len(front)
    assert after[:fence] == FIXABLE.replace("\n", front)  # the front matter, byte for byte
    rest = after[fence:]
    assert set(re.findall(r"\r\n|\r|\n", rest)) == {body}  # no other line break added
    assert [line for line in rest.split(body) if line.startswith("## ")] == [
        "## Research",
        "## Questions",
        "## Notes",
        "## Follow-up",
    ]
