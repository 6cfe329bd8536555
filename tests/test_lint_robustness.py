"""A malformed file is diagnostics, never a crash (issue 3, item 8; SPEC section 5).

Each case writes bytes to a real workspace and runs ``infoview lint --format json`` through
the CLI, asserting the exact codes and positions and an exit code of 0 or 1. A property test
then throws arbitrary text and arbitrary YAML-shaped front matter at parse + check.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import FRONT, TODAY

from infoview import lint
from infoview.cli import cli
from infoview.config import parse_config
from infoview.errors import InfoviewError
from infoview.lint.registry import RULES
from infoview.parse import parse_text
from infoview.workspace import open_workspace

# With samples.FRONT every rule passes at TODAY; '## Research' is line 15.
BODY = """\
## Research
- **Work history:** twelve years at Marlow & Reyes, six in estate planning.
- **Education:** paralegal certificate, Portland Community College.
- **Credentials:** Oregon Certified Paralegal.
- **In common:** we both came through the PCC programme.
- **Sources:** the firm's team page and her LinkedIn profile.

## Questions
### Goal 1
- Which estate-planning tasks do paralegals here handle end to end?
### Goal 2
- What would you tell someone weighing law school against a senior paralegal career?

## Notes
"""
CLEAN = f"---\n{FRONT}---\n{BODY}"
QUESTION_LINE = 24  # '- Which estate-planning tasks ...'
NOTES_LINE = 28

Found = list[tuple[str, int, int]]


def run(runner: CliRunner, ws: Path, *paths: str) -> Result:
    """Lint through the CLI as JSON; never a traceback, and exit 0 or 1."""
    result = runner.invoke(
        cli, ["lint", "-w", str(ws), "--today", TODAY, "--format", "json", "--no-cache", *paths]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert result.stderr == ""
    return result


def found(result: Result) -> Found:
    return [(d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)]


def messages(result: Result) -> dict[str, str]:
    return {d["code"]: d["message"] for d in json.loads(result.stdout)}


@pytest.fixture
def put(workspace: Path) -> Callable[[bytes], Path]:
    """Write ``interviews/x.md`` as raw bytes."""

    def put(data: bytes) -> Path:
        path = workspace / "interviews" / "x.md"
        path.write_bytes(data)
        return path

    return put


Put = Callable[[bytes], Path]


def test_the_clean_baseline_is_clean(runner: CliRunner, workspace: Path, put: Put) -> None:
    put(CLEAN.encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (0, [])


# -- encodings and line endings ------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + CLEAN.encode(), id="bom"),
        pytest.param(CLEAN.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode(), id="bom-crlf"),
        pytest.param(CLEAN.replace("\n", "\r").encode(), id="old-mac-cr"),
    ],
)
def test_bom_and_line_endings_are_read(
    runner: CliRunner, workspace: Path, put: Put, data: bytes
) -> None:
    put(data)  # the front matter is read: no IV003, no IV201
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (0, [])


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_positions_survive_a_bom_and_crlf(
    runner: CliRunner, workspace: Path, put: Put, newline: str
) -> None:
    text = CLEAN.replace("duration: 30", "duration: half an hour").replace("\n", newline)
    put(b"\xef\xbb\xbf" + text.encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV002", 7, 13)])


def test_invalid_utf8_is_iv001_at_its_line(runner: CliRunner, workspace: Path, put: Put) -> None:
    put(CLEAN.encode().replace(b"end to end?", b"end to \xff end?"))
    result = run(runner, workspace)
    # '- Which ... handle end to ' is 63 characters.
    assert (result.exit_code, found(result)) == (1, [("IV001", QUESTION_LINE, 64)])
    assert messages(result)["IV001"] == (
        "file is not valid UTF-8 (byte 0xff); re-save it as UTF-8 in your editor"
    )


def test_latin1_is_iv001_at_its_line_and_column(
    runner: CliRunner, workspace: Path, put: Put
) -> None:
    put(CLEAN.replace("Dana Whitfield", "José Whitfield").encode("latin-1"))
    result = run(runner, workspace)
    # '  name: Jos' is 11 characters: the é is column 12 of line 3.
    assert (result.exit_code, found(result)) == (1, [("IV001", 3, 12)])
    assert messages(result)["IV001"].startswith("file is not valid UTF-8 (byte 0xe9)")


def test_invalid_utf8_after_crlf_lines_counts_lines(
    runner: CliRunner, workspace: Path, put: Put
) -> None:
    data = CLEAN.replace("\n", "\r\n").encode().replace(b"end to end?", b"end \xc3 to end?")
    put(data)  # 60 characters before the bad byte; the CRs before it are line breaks
    assert found(run(runner, workspace)) == [("IV001", QUESTION_LINE, 61)]


def test_nul_bytes_are_iv001(runner: CliRunner, workspace: Path, put: Put) -> None:
    put(CLEAN.replace("end to end?", "end\x00 to end?").encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV001", QUESTION_LINE, 60)])
    assert messages(result)["IV001"] == "file contains a NUL byte; it is not a text file"


# -- the front matter's shape --------------------------------------------------------------


def test_unclosed_front_matter_is_iv001_at_line_1(
    runner: CliRunner, workspace: Path, put: Put
) -> None:
    put(b"---\ninterviewer:\n  name: Dana Whitfield\n")
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (
        1,
        [("IV001", 1, 1), ("IV101", 1, 1), ("IV301", 1, 1)],
    )
    assert messages(result)["IV001"] == (
        "front matter opened with '---' is never closed; add a line '---' after the last key"
    )


def test_unclosed_front_matter_does_not_hide_the_body(
    runner: CliRunner, workspace: Path, put: Put
) -> None:
    put(CLEAN.replace("---\n## Research", "## Research").encode())
    assert found(run(runner, workspace)) == [("IV001", 1, 1)]


@pytest.mark.parametrize(
    "front, message",
    [
        pytest.param(
            "- Dana Whitfield\n- Marlow & Reyes\n",
            "front matter is a list, not a mapping; start it with keys like 'interviewer:'",
            id="a-list",
        ),
        pytest.param(
            "Dana Whitfield\n",
            "front matter is a single value, not a mapping; start it with keys like 'interviewer:'",
            id="a-scalar",
        ),
    ],
)
def test_front_matter_that_is_not_a_mapping(
    runner: CliRunner, workspace: Path, put: Put, front: str, message: str
) -> None:
    put(f"---\n{front}---\n{BODY}".encode())
    result = run(runner, workspace)
    # The body is still read: only IV001, nothing about research or questions.
    assert (result.exit_code, found(result)) == (1, [("IV001", 2, 1)])
    assert messages(result)["IV001"] == message


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/apply:subprocess.call",
        "!!python/object/new:os.system",
    ],
)
def test_python_tags_are_refused_not_executed(
    runner: CliRunner, workspace: Path, put: Put, tmp_path: Path, tag: str
) -> None:
    marker = tmp_path / "pwned"
    command = f"touch {marker}"
    argument = f'["{command}"]' if tag.endswith("os.system") else f'[["touch", "{marker}"]]'
    put(CLEAN.replace("  name: Dana Whitfield", f"  name: {tag} {argument}").encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV001", 3, 9)])
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    assert messages(result)["IV001"] == (
        f"YAML tag '{shown}' is not allowed in front matter; remove it"
    )
    assert not marker.exists()


def test_an_alias_bomb_is_refused(runner: CliRunner, workspace: Path, put: Put) -> None:
    # Nine levels of nine references each: 9**9 (387 million) strings once expanded. The
    # diagnostic sits where the count runs out, inside the anchored list on line 2.
    rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    put(("---\n" + "\n".join(rows) + f"\n---\n{BODY}").encode())
    result = run(runner, workspace)  # how fast: make bench
    assert (result.exit_code, found(result)) == (1, [("IV001", 2, 36)])
    assert messages(result)["IV001"] == (
        "front matter expands to more than 20000 values (an alias bomb?); remove the '*' aliases"
    )


@pytest.mark.parametrize(
    "value, column, message",
    [
        pytest.param(
            "[" * 5000 + "]" * 5000,
            1006,
            "front matter is not valid YAML: exceeded maximum nesting depth; "
            "fix the YAML at this line",
            id="flow-lists",
        ),
        pytest.param(
            "{a: " * 5000 + "1" + "}" * 5000,
            131,
            "front matter is nested more than 32 levels deep; "
            "flatten it (interview keys need at most three levels)",
            id="flow-mappings",
        ),
    ],
)
# Line 14 is 'tags: ' after FRONT. libyaml itself stops flow lists at depth 1000 (the 1000th
# '[', column 7 + 999); mappings meet infoview's limit of 32 levels, counting the
# top-level mapping (the 32nd '{a: ', column 7 + 31 * 4).
def test_5000_deep_nesting_is_iv001(
    runner: CliRunner, workspace: Path, put: Put, value: str, column: int, message: str
) -> None:
    put(f"---\n{FRONT}tags: {value}\n---\n{BODY}".encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV001", 14, column)])
    assert messages(result)["IV001"] == message


def test_deep_block_nesting_is_iv001(runner: CliRunner, workspace: Path, put: Put) -> None:
    nested = "".join("  " * depth + f"k{depth}:\n" for depth in range(40))
    put(f"---\n{FRONT}{nested}---\n{BODY}".encode())
    result = run(runner, workspace)
    # The 33rd mapping opens at key k32, the file line 14 + 32, indented 64 spaces.
    assert (result.exit_code, found(result)) == (1, [("IV001", 46, 65)])


# -- values --------------------------------------------------------------------------------


def test_an_impossible_date_is_iv002_at_its_line(
    runner: CliRunner, workspace: Path, put: Put
) -> None:
    put(CLEAN.replace("date: 2026-12-03T10:00", "date: 2026-02-30").encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV002", 6, 9)])
    assert messages(result)["IV002"] == (
        "'meeting.date' is '2026-02-30', not a valid date (day is out of range for month); "
        "write YYYY-MM-DD or YYYY-MM-DDTHH:MM"
    )


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        pytest.param(
            "formality: formal\n",
            "formality: formal\nformality: informal\n",
            (11, 1),
            "duplicate key 'formality' (first on line 10); keep one",
            id="top-level",
        ),
        pytest.param(
            "  name: Dana Whitfield\n",
            "  name: Dana Whitfield\n  name: Dana W.\n",
            (4, 3),
            "duplicate key 'name' (first on line 3); keep one",
            id="nested",
        ),
    ],
)
def test_a_duplicate_key_is_iv002_at_the_second(
    runner: CliRunner,
    workspace: Path,
    put: Put,
    old: str,
    new: str,
    where: tuple[int, int],
    message: str,
) -> None:
    put(CLEAN.replace(old, new).encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV002", *where)])
    assert messages(result)["IV002"] == message


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param(
            'interviewer:\n  name: Dana Whitfield\n  phone: "+1 503 555 0142"\n',
            "interviewer: ~\n",
            [("IV003", 2, 1), ("IV402", 2, 1)],
            id="interviewer",
        ),
        pytest.param(
            "meeting:\n  date: 2026-12-03T10:00\n  duration: 30\n  mode: video\n"
            "  location: https://meet.example.com/abc\n",
            "meeting: ~\n",
            [("IV401", 5, 1), ("IV403", 5, 1)],
            id="meeting",
        ),
        pytest.param(
            "learning_goals:\n  - Learn how this firm uses paralegals.\n"
            "  - Learn about the career path from paralegal to lawyer.\n",
            "learning_goals: ~\n",
            # Questions under a goal that is not there: IV201 says it, IV302 keeps quiet.
            [("IV201", 11, 1)],
            id="learning-goals",
        ),
        pytest.param(
            "formality: formal\n",
            "formality: formal\nfollow_up: ~\nreferrals: ~\ntags: ~\nlint: ~\n",
            [],
            id="optional-sections",
        ),
    ],
)
def test_null_sections(
    runner: CliRunner,
    workspace: Path,
    put: Put,
    old: str,
    new: str,
    expected: list[tuple[str, int, int]],
) -> None:
    assert old in CLEAN
    put(CLEAN.replace(old, new).encode())
    result = run(runner, workspace)
    errors = any(code in {"IV003", "IV201"} for code, _, _ in expected)
    assert (result.exit_code, found(result)) == (1 if errors else 0, expected)


def test_an_empty_file(runner: CliRunner, workspace: Path, put: Put) -> None:
    put(b"")
    result = run(runner, workspace)
    assert result.exit_code == 1
    assert found(result) == [
        (code, 1, 1) for code in ("IV003", "IV101", "IV201", "IV301", "IV401", "IV402", "IV403")
    ]


# -- files that are not plain files --------------------------------------------------------


def test_a_directory_named_like_an_interview(
    runner: CliRunner, workspace: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(workspace, "clean", CLEAN)
    folder = workspace / "interviews" / "x.md"
    folder.mkdir()
    result = run(runner, workspace)  # the workspace: the folder is no interview
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    text = runner.invoke(cli, ["lint", "-w", str(workspace), "--today", TODAY])
    assert text.stdout == "1 file checked: no problems\n"
    # Given explicitly, a folder is searched for interviews, as 'lint interviews/' is.
    explicit = runner.invoke(cli, ["lint", "-w", str(workspace), "--today", TODAY, str(folder)])
    assert (explicit.exit_code, explicit.stdout) == (0, "0 files checked: no problems\n")
    (folder / "inner.md").write_text(CLEAN.replace("- **Sources:** the firm", "- the firm"))
    result = run(runner, workspace, str(folder))
    assert [(d["path"], d["code"]) for d in json.loads(result.stdout)] == [
        (str(folder / "inner.md"), "IV104")
    ]


def test_a_directory_read_as_an_interview_is_refused(workspace: Path) -> None:
    """The reader itself refuses a folder (listings skip them; a race could still hand one)."""
    folder = workspace / "interviews" / "x.md"
    folder.mkdir()
    with pytest.raises(InfoviewError) as refused:
        open_workspace(workspace).read(folder)
    assert str(refused.value) == (
        "interviews/x.md: is a folder, not a file; infoview reads only regular files"
    )
    assert refused.value.exit_code == 2


def test_a_workspace_without_an_interviews_folder(runner: CliRunner, workspace: Path) -> None:
    (workspace / "interviews").rmdir()
    commands = {
        ("lint", "--today", TODAY): "0 files checked: no problems\n",
        ("agenda", "--today", TODAY): "nothing planned, scheduled or due in the next 14 days\n",
        ("packet",): "no interviews in interviews/; start one with: infoview new NAME\n",
        ("network",): "0 people, 0 referrals; nobody waiting to be contacted\n",
    }
    for args, said in commands.items():
        result = runner.invoke(cli, [args[0], "-w", str(workspace), *args[1:]])
        assert (result.exit_code, result.stdout, result.stderr) == (0, said, ""), args
    assert sorted(p.name for p in workspace.iterdir()) == ["infoview.toml"]  # nothing made


def test_a_symlink_to_an_interview_is_linted_under_its_own_name(
    runner: CliRunner, workspace: Path
) -> None:
    elsewhere = workspace / "drafts"
    elsewhere.mkdir()
    (elsewhere / "real.txt").write_text(CLEAN.replace("duration: 30", "duration: lots"))
    (workspace / "interviews" / "link.md").symlink_to(elsewhere / "real.txt")
    result = run(runner, workspace)
    assert [(d["path"], d["code"], d["line"]) for d in json.loads(result.stdout)] == [
        ("interviews/link.md", "IV002", 7)
    ]
    assert result.exit_code == 1


def test_a_dangling_symlink_given_explicitly(runner: CliRunner, workspace: Path) -> None:
    link = workspace / "interviews" / "gone.md"
    link.symlink_to("2026-01-01-deleted.md")
    result = run(runner, workspace, str(link))
    assert (result.exit_code, found(result)) == (1, [("IV001", 1, 1)])
    assert messages(result)["IV001"] == (
        "is a symbolic link to '2026-01-01-deleted.md', which does not exist; "
        "fix the link or remove it"
    )


def test_a_dangling_symlink_in_the_workspace(runner: CliRunner, workspace: Path) -> None:
    (workspace / "interviews" / "gone.md").symlink_to("2026-01-01-deleted.md")
    assert found(run(runner, workspace)) == [("IV001", 1, 1)]


def lint_as_file_permissions_apply(ws: Path) -> subprocess.CompletedProcess[str]:
    """``infoview lint`` in a child process that file modes bind, whoever runs the tests.

    Root reads any file through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; as root the child
    drops both from its capability bounding set before it starts (prctl PR_CAPBSET_DROP),
    so after exec it holds neither and a mode-0 file is as unreadable to it as to anyone.
    """

    def drop_read_override() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    command = [sys.executable, "-m", "infoview", "lint", "-w", str(ws), "--today", TODAY]
    return subprocess.run(
        [*command, "--format", "json", "--no-cache"],
        capture_output=True,
        text=True,
        preexec_fn=drop_read_override if os.geteuid() == 0 else None,
        check=False,
    )


def test_an_unreadable_file(workspace: Path, put: Put) -> None:
    path = put(CLEAN.encode())
    path.chmod(0)
    try:
        done = lint_as_file_permissions_apply(workspace)
    finally:
        path.chmod(0o644)
    assert (done.returncode, done.stderr) == (1, ""), done.stderr
    assert [(d["code"], d["line"], d["column"], d["message"]) for d in json.loads(done.stdout)] == [
        (
            "IV001",
            1,
            1,
            "cannot read: Permission denied (EACCES); check the permissions of the file and of "
            "its folder",
        )
    ]


def test_an_unreadable_file_among_readable_ones(
    workspace: Path, put: Put, write: Callable[[Path, str, str], Path]
) -> None:
    write(workspace, "clean", CLEAN.replace("duration: 30", "duration: lots"))
    path = put(CLEAN.encode())
    path.chmod(0)
    try:
        done = lint_as_file_permissions_apply(workspace)
    finally:
        path.chmod(0o644)
    assert done.returncode == 1, done.stderr
    assert sorted((d["path"], d["code"], d["line"]) for d in json.loads(done.stdout)) == [
        ("interviews/clean.md", "IV002", 7),  # the others are still linted
        ("interviews/x.md", "IV001", 1),
    ]


# -- size ----------------------------------------------------------------------------------


def test_a_5_mb_file_is_read_to_its_last_line(runner: CliRunner, workspace: Path, put: Put) -> None:
    note = "- **Takeaway:** the firm pays for certification and pairs new paralegals up.\n"
    count = 5 * 1024 * 1024 // len(note)
    text = CLEAN + note * count + "the last line, with a NUL: \x00\n"
    assert len(text) > 5_000_000
    put(text.encode())
    result = run(runner, workspace)  # how fast: make bench
    last = CLEAN.count("\n") + count + 1
    assert (result.exit_code, found(result)) == (1, [("IV001", last, 28)])  # nothing else


MAX = 10 * 1024 * 1024
MISSING_KEYS = ("IV003", "IV101", "IV201", "IV301", "IV401", "IV402", "IV403")


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        # exactly the limit is read (one long line without front matter: the missing-key
        # rules speak); one byte more is refused unread
        (MAX, [(code, 1, 1) for code in MISSING_KEYS]),
        (MAX + 1, [("IV001", 1, 1)]),
    ],
    ids=["10-MiB", "10-MiB-and-1-byte"],
)  # fmt: skip
def test_the_10_mib_limit(
    runner: CliRunner, workspace: Path, put: Put, size: int, expected: Found
) -> None:
    put(b"x" * size)
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, expected)
    if size > MAX:
        assert messages(result)["IV001"] == "is 10 MB; an interview file should be far smaller"


def test_a_file_over_the_size_limit(runner: CliRunner, workspace: Path, put: Put) -> None:
    put(CLEAN.encode() + b"\n" + b"x" * (11 * 1024 * 1024))
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (1, [("IV001", 1, 1)])
    assert messages(result)["IV001"] == "is 11 MB; an interview file should be far smaller"


def test_a_200000_character_question(runner: CliRunner, workspace: Path, put: Put) -> None:
    question = "- What does your firm do" + " and what else" * 14_300 + "?\n"
    assert len(question) > 200_000
    put(CLEAN.replace("### Goal 2\n", question + "### Goal 2\n").encode())
    result = run(runner, workspace)  # how fast: make bench
    assert (result.exit_code, found(result)) == (0, [("IV303", QUESTION_LINE + 1, 1)])


def test_a_200000_character_front_matter_value(
    runner: CliRunner, workspace: Path, put: Put
) -> None:
    put(CLEAN.replace("  name: Dana Whitfield", "  name: Dana " + "W" * 200_000).encode())
    result = run(runner, workspace)
    assert (result.exit_code, found(result)) == (0, [])


def test_a_file_of_one_200000_character_line(runner: CliRunner, workspace: Path, put: Put) -> None:
    put(b"x" * 200_000)
    result = run(runner, workspace)
    assert result.exit_code == 1
    assert found(result) == [
        (code, 1, 1) for code in ("IV003", "IV101", "IV201", "IV301", "IV401", "IV402", "IV403")
    ]


# -- properties: parse + check never raise -------------------------------------------------

CONFIG = parse_config(
    'timezone = "America/Los_Angeles"\n[profile]\nname = "Alex"\nintro = "I study law."\n'
)
SELECTION = lint.selection(CONFIG)
CONTEXT = lint.context(CONFIG, dt.date(2026, 12, 10))
SEVERITIES = {"error", "warning", "info"}


def check_never_fails(text: str) -> None:
    """Parse and lint ``text``: no exception, no rule crash, every position in the file."""
    interview = parse_text(text, Path("interviews/x.md"))
    diagnostics = lint.check(interview, CONTEXT, SELECTION, "interviews/x.md")
    normalised = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    last_line = normalised.count("\n") + 1
    for d in diagnostics:
        assert "internal error" not in d.message, d
        assert d.code in RULES and d.slug == RULES[d.code].slug, d
        assert d.severity in SEVERITIES, d
        assert 1 <= d.line <= last_line and d.column >= 1, (d, last_line)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(),
        st.builds(lambda fm, body: f"---\n{fm}\n---\n{body}", st.text(), st.text()),
        st.text(alphabet="-:#*[]{}&!|>'\"\n\r\t ?,.abcIV0123456789~"),
    )
)
def test_lint_never_raises_on_arbitrary_text(text: str) -> None:
    check_never_fails(text)


KEYS = [
    "interviewer",
    "name",
    "title",
    "organization",
    "email",
    "phone",
    "meeting",
    "date",
    "duration",
    "mode",
    "location",
    "formality",
    "status",
    "learning_goals",
    "follow_up",
    "may_contact_again",
    "thank_you_sent",
    "thank_you_via",
    "keep_in_touch",
    "note",
    "referrals",
    "file",
    "referred_by",
    "tags",
    "lint",
    "ignore",
]
VALUES = [
    "video",
    "phone",
    "in-person",
    "formal",
    "informal",
    "done",
    "cancelled",
    "email",
    "handwritten",
    "IV303",
    "answerable-online",
    "NO",
    "yes",
    "2026-02-30",
    "2026-12-03T10:00",
    "2026-12-03T10:00-08:00",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.sampled_from(VALUES),
    st.text(max_size=30),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=12), st.integers(), st.booleans())
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=5),
    ),
    max_leaves=25,
)
# Near-valid interviews, so the follow-up and time rules run too, not only the schema.
near = st.dates(min_value=dt.date(2026, 9, 1), max_value=dt.date(2027, 3, 1))
moments = st.one_of(near, st.datetimes(min_value=dt.datetime(2026, 9, 1)), scalars)
plausible = st.fixed_dictionaries(
    {},
    optional={
        "interviewer": st.fixed_dictionaries(
            {}, optional={"name": scalars, "phone": scalars, "email": scalars}
        )
        | yaml_values,
        "meeting": st.fixed_dictionaries(
            {},
            optional={
                "date": moments,
                "duration": st.integers(-5, 600) | scalars,
                "mode": st.sampled_from(["video", "phone", "in-person"]) | scalars,
                "location": scalars,
            },
        )
        | yaml_values,
        "formality": st.sampled_from(["formal", "informal"]) | scalars,
        "status": st.sampled_from(["done", "cancelled", "scheduled", "planned"]) | scalars,
        "learning_goals": st.lists(st.text(max_size=30) | scalars, max_size=5) | yaml_values,
        "follow_up": st.fixed_dictionaries(
            {},
            optional={
                "thank_you_sent": moments,
                "thank_you_via": st.sampled_from(["email", "handwritten"]) | scalars,
                "may_contact_again": scalars,
                "keep_in_touch": st.lists(
                    st.fixed_dictionaries({"date": moments}, optional={"note": scalars}),
                    max_size=3,
                )
                | yaml_values,
            },
        )
        | yaml_values,
        "referrals": st.lists(
            st.fixed_dictionaries({"name": scalars}, optional={"file": scalars}), max_size=3
        )
        | yaml_values,
        "lint": st.fixed_dictionaries(
            {"ignore": st.lists(st.sampled_from(["IV303", "IV999", "job-seeking"]) | scalars)}
        )
        | yaml_values,
    },
)
front_matter = st.one_of(
    plausible,
    st.dictionaries(st.sampled_from(KEYS), yaml_values, max_size=8),
    yaml_values,
)
body_lines = st.one_of(
    st.sampled_from(
        [
            "# Informational interview",
            "## Research",
            "## Questions",
            "## Notes",
            "## Follow-up",
            "### Goal 1",
            "### Goal 2: the path",
            "### 3. Something",
            "- **Education:** a degree",
            "- **In common:** the programme",
            "- **Takeaway:** advice",
            "- What does your firm do?",
            "- Are there any openings?",
            "<!-- infoview-disable IV303 -->",
            "<!-- infoview-disable IV999, nonsense -->",
            "Research",
            "========",
            "---",
            "",
        ]
    ),
    st.builds(
        lambda marker, text: f"{marker}{text}",
        st.sampled_from(["## ", "### ", "- ", "1. ", "  - ", "> ", ""]),
        st.text(max_size=40),
    ),
)


def dump(value: Any) -> str:
    try:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:  # e.g. a key PyYAML cannot represent
        return yaml.safe_dump(str(value))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, st.lists(body_lines, max_size=25))
def test_lint_never_raises_on_yaml_shaped_front_matter(value: Any, body: list[str]) -> None:
    check_never_fails(f"---\n{dump(value)}---\n" + "\n".join(body) + "\n")
