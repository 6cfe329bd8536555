"""Every command that writes, when writing fails: a message naming the file, exit status 2,
the user's files as they were, no temporary file left; and no traceback, ever.

Two kinds of failure: injected into the system calls (a full disk, a read-only file
system, a failing disk: this machine will not produce them on demand without privileges),
and real ones (a name near the 255-byte limit, a file where a folder belongs, a link loop).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from infoview.cli import cli
from infoview.fs import write as fs_write

TODAY = "2026-11-21"
STEM = "2026-11-20-dana-whitfield"
DONE = """\
---
interviewer:
  name: Dana Whitfield
  email: dana@example.com
meeting:
  date: 2026-11-20T10:00
  duration: 30
formality: formal
learning_goals:
  - Learn how paralegals work here.
---
## Notes
- **Takeaway:** ask about the certificate programme.
"""

# Each command that writes: (arguments after 'infoview', the file its error names, verb).
COMMANDS: dict[str, tuple[list[str], str, str]] = {
    "log": (
        ["log", f"interviews/{STEM}.md", "--note", "Wrote back"],
        f"interviews/{STEM}.md",
        "edit",
    ),
    "referral": (
        ["referral", f"interviews/{STEM}.md", "--name", "Sam Ortiz"],
        f"interviews/{STEM}.md",
        "edit",
    ),
    "mark-sent": (
        ["thanks", "--mark-sent", f"interviews/{STEM}.md"],
        f"interviews/{STEM}.md",
        "edit",
    ),
    "lint-fix": (["lint", "--fix"], f"interviews/{STEM}.md", "edit"),
    "thanks": (["thanks"], f"build/thanks/{STEM}.eml", "write"),
    "new": (
        ["new", "Sam Ortiz", "--date", "2026-12-01"],
        "interviews/2026-12-01-sam-ortiz.md",
        "create",
    ),
    "agenda-ics": (["agenda", "--ics", "cal.ics"], "cal.ics", "write"),
    "packet-html": (["packet", "--html"], f"build/packets/{STEM}.html", "write"),
}

FAILURES = {
    "ENOSPC": ("write", errno.ENOSPC, "No space left on device (ENOSPC)", "the disk is full"),
    "EROFS": (
        "replace",
        errno.EROFS,
        "Read-only file system (EROFS)",
        "the file system is read-only",
    ),
    "EIO": ("fsync", errno.EIO, "Input/output error (EIO)", "the disk reported an input/output"),
}


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file's bytes under ``root`` (the parse cache aside: it is infoview's own)."""
    out: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if name.startswith(".infoview-cache"):
            continue
        if path.is_symlink():
            out[name] = "link -> " + os.readlink(path)
        elif path.is_file():
            out[name] = path.read_bytes()
        else:
            out[name] = "dir"
    return out


def temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob(".iv-*")]


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("INFOVIEW_TODAY", TODAY)
    (workspace / "interviews" / f"{STEM}.md").write_text(
        DONE.replace("## Notes", "## Questions\n- How?\n\n## Notes"), encoding="utf-8"
    )
    return workspace


def invoke(runner: CliRunner, args: list[str]) -> Result:
    result = runner.invoke(cli, args)
    assert not isinstance(result.exception, OSError | AssertionError | TypeError), result.exc_info
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


@pytest.mark.parametrize("failure", sorted(FAILURES))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_failed_write_is_a_message_and_exit_2_and_changes_nothing(
    runner: CliRunner, ws: Path, monkeypatch: pytest.MonkeyPatch, command: str, failure: str
) -> None:
    args, shown, verb = COMMANDS[command]
    call, code, words, advice = FAILURES[failure]
    if command == "new" and call == "replace":
        call = "link"  # 'new' never replaces: it links the finished file into place
    if command == "lint-fix":  # a file missing its Follow-up section, for --fix to add
        (ws / "interviews" / f"{STEM}.md").write_text(DONE, encoding="utf-8")
    before = snapshot(ws)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    with monkeypatch.context() as patch:
        patch.setattr(fs_write.os, call, fail)
        result = invoke(runner, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    message = f"{shown}: cannot {verb}: {words}"
    assert any(line.endswith(message) for line in lines), result.stderr
    assert any(line.startswith(f"  hint: {advice}") for line in lines), result.stderr
    assert result.stderr.count("nothing was changed") >= 1
    after = snapshot(ws)
    created = {name for name in after if name not in before}
    # Only folders may appear (build/, build/thanks/); no file, no temporary file.
    assert all(after[name] == "dir" for name in created), created
    assert {n: after[n] for n in before} == before
    assert temporaries(ws) == []


def test_init_that_cannot_write_leaves_a_folder_init_can_finish(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(fs_write.os, "write", full)
        result = invoke(runner, ["init", "my-ws"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: my-ws/Makefile: cannot create: No space left on device (ENOSPC)\n"
        "  hint: the disk is full;"
    )
    # infoview.toml is written last, so a failed init is never taken for a workspace...
    assert not (tmp_path / "my-ws" / "infoview.toml").exists()
    assert temporaries(tmp_path) == []
    again = invoke(runner, ["init", "my-ws"])  # ...and running it again finishes the job
    assert again.exit_code == 0, again.output
    assert (tmp_path / "my-ws" / "infoview.toml").is_file()


# -- real conditions -------------------------------------------------------------------------


def long_name(total: int) -> str:
    """An interview file name of ``total`` bytes."""
    return "2026-11-20-" + "a" * (total - len("2026-11-20-") - len(".md")) + ".md"


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["log", "{path}", "--note", "Wrote back"], 0),
        (["referral", "{path}", "--name", "Sam Ortiz"], 0),
        (["thanks", "--mark-sent", "{path}"], 0),
        (["thanks"], 0),
        (["packet", "--html"], 0),
        (["agenda", "--ics", "cal.ics"], 0),
        (["lint", "--fix", "{path}"], 1),  # fixed, then linted: Research is empty
    ],
    ids=lambda v: v[0] if isinstance(v, list) else str(v),
)
def test_a_name_of_250_bytes_works_in_every_command(
    runner: CliRunner, ws: Path, args: list[str], exit_code: int
) -> None:
    name = long_name(250)
    (ws / "interviews" / f"{STEM}.md").rename(ws / "interviews" / name)
    path = f"interviews/{name}"
    result = invoke(runner, [a.replace("{path}", path) for a in args])
    assert result.exit_code == exit_code, result.output
    assert temporaries(ws) == []


def test_a_name_whose_output_would_pass_the_limit_is_a_clear_error(
    runner: CliRunner, ws: Path
) -> None:
    name = long_name(254)  # the packet's .html name would be 256 bytes
    (ws / "interviews" / f"{STEM}.md").rename(ws / "interviews" / name)
    result = invoke(runner, ["packet", "--html"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"  build/packets/{name[:-3]}.html: cannot write: File name too long (ENAMETOOLONG)\n"
        "  hint: the name is longer than the file system allows; rename the interview file to "
        "something shorter; nothing was changed\n"
    )
    assert not list((ws / "build" / "packets").glob("*.html"))


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["thanks"],
            "error: build: is a file, where infoview needs a folder\n"
            "  hint: move it away, or rename it, and run the command again\n",
        ),
        (
            ["packet", "--html"],
            "  build: is a file, where infoview needs a folder\n"
            "  hint: move it away, or rename it, and run the command again\n",
        ),
    ],
    ids=["thanks", "packet"],
)
def test_a_file_where_the_output_folder_belongs(
    runner: CliRunner, ws: Path, args: list[str], stderr: str
) -> None:
    (ws / "build").write_text("my notes, not a folder")
    result = invoke(runner, args)
    assert (result.exit_code, result.stderr) == (2, stderr)
    assert (ws / "build").read_text() == "my notes, not a folder"


@pytest.mark.parametrize("args", [["thanks"], ["packet", "--html"]], ids=["thanks", "packet"])
def test_an_output_folder_that_is_a_link_loop(runner: CliRunner, ws: Path, args: list[str]) -> None:
    (ws / "build").symlink_to("build")
    result = invoke(runner, args)
    assert result.exit_code == 2
    assert "build: cannot use the folder: Too many levels of symbolic links (ELOOP)" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "command",
    [
        ["log", f"interviews/{STEM}.md", "--note", "x"],
        ["referral", f"interviews/{STEM}.md", "--name", "Sam Ortiz"],
        ["thanks", "--mark-sent", f"interviews/{STEM}.md"],
    ],
    ids=["log", "referral", "mark-sent"],
)
def test_a_read_only_interview_is_refused(runner: CliRunner, ws: Path, command: list[str]) -> None:
    path = ws / "interviews" / f"{STEM}.md"
    path.chmod(0o444)
    before = path.read_bytes()
    result = invoke(runner, command)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: interviews/{STEM}.md: is read-only; infoview does not change a file you have "
        "protected\n"
        f"  hint: make it writable first (chmod u+w interviews/{STEM}.md) if you mean to edit it\n",
    )
    assert path.read_bytes() == before


def test_lint_fix_reports_a_read_only_file_and_still_lints(runner: CliRunner, ws: Path) -> None:
    path = ws / "interviews" / f"{STEM}.md"
    path.write_text(DONE, encoding="utf-8")  # no Research, Questions, Follow-up
    path.chmod(0o444)
    result = invoke(runner, ["lint", "--fix"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: cannot fix: interviews/{STEM}.md: is read-only; infoview does not change"
    )
    assert "IV101" in result.stdout  # the lint still ran
    assert path.read_text(encoding="utf-8") == DONE


Make = Callable[[Path], None]
