"""What infoview reads and where it writes, in workspaces that are not what they seem.

Inputs: regular files only (FIFOs, devices, dangling links and link loops are reported for
the one file, and never block). Outputs: never through a link that leaves the workspace,
and one output per interview even when two share a file name in different subfolders.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result

from infoview.cli import cli

TODAY = "2026-11-21"
DONE = """\
---
interviewer:
  name: {name}
  email: dana@example.com
meeting:
  date: 2026-11-20T10:00
  duration: 30
formality: formal
learning_goals:
  - Learn how paralegals work here.
---
## Research
- **Education:** x

## Questions
- How do paralegals work here?

## Notes
- **Takeaway:** ask about the certificate programme.
"""


def interview(name: str = "Dana Whitfield") -> str:
    return DONE.format(name=name)


def run(runner: CliRunner, ws: Path, *args: str, seconds: float = 60) -> Result:
    """The CLI in the workspace, in a thread that must finish (a FIFO read would not)."""
    box: list[Result] = []

    def go() -> None:
        box.append(
            runner.invoke(cli, [*args, "--workspace", str(ws)], env={"INFOVIEW_TODAY": TODAY})
        )

    thread = threading.Thread(target=go, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"infoview {' '.join(args)} hung"
    result = box[0]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "keep.txt").write_text("not infoview's")
    return folder


# -- inputs: regular files only ------------------------------------------------------------

FIFO_MESSAGE = "is a named pipe (FIFO), not a file; infoview reads only regular files"


def test_a_fifo_among_the_interviews_is_reported_and_the_rest_linted(
    runner: CliRunner, ws: Path
) -> None:
    (ws / "interviews" / "good.md").write_text(interview())
    os.mkfifo(ws / "interviews" / "pipe.md")
    result = run(runner, ws, "lint", "--format", "json")
    found = {(d["path"], d["code"], d["message"]) for d in json.loads(result.stdout)}
    assert ("interviews/pipe.md", "IV001", FIFO_MESSAGE) in found
    assert any(path == "interviews/good.md" for path, _, _ in found)
    assert result.exit_code == 1


def test_fifos_and_devices_given_as_paths_are_reported_one_by_one(
    runner: CliRunner, ws: Path
) -> None:
    os.mkfifo(ws / "pipe.md")
    (ws / "interviews" / "good.md").write_text(interview())
    result = run(
        runner, ws, "lint", "--format", "json", "pipe.md", "/dev/zero", "interviews/good.md"
    )
    messages = {d["path"]: d["message"] for d in json.loads(result.stdout) if d["code"] == "IV001"}
    assert messages == {
        "pipe.md": FIFO_MESSAGE,
        "/dev/zero": "is a character device, not a file; infoview reads only regular files",
    }
    assert result.exit_code == 1


@pytest.mark.parametrize("command", [["agenda"], ["network"], ["packet", "--html"], ["thanks"]])
def test_every_reader_reports_a_fifo_and_goes_on(
    runner: CliRunner, ws: Path, command: list[str]
) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    os.mkfifo(ws / "interviews" / "pipe.md")
    result = run(runner, ws, *command)
    assert f"interviews/pipe.md:1:1: IV001 {FIFO_MESSAGE}" in result.stderr or (
        f"interviews/pipe.md: {FIFO_MESSAGE}" in result.stderr
    ), result.stderr
    assert result.exit_code == 1, result.output


def test_a_stamp_naming_a_fifo_or_a_device_is_not_trusted(runner: CliRunner, ws: Path) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    assert run(runner, ws, "packet", "--html").exit_code == 0
    stamp = ws / "build" / "packets" / ".stamps" / "2026-11-20-dana.html.sha256"
    key = stamp.read_text().splitlines()[0]
    os.mkfifo(ws / "photo.png")
    for named in (str(ws / "photo.png"), "/dev/zero", "relative.png"):
        stamp.write_text(key + "\n" + json.dumps({named: "0" * 64}))
        again = run(runner, ws, "packet", "--html")
        assert again.stdout.startswith("built      build/packets/2026-11-20-dana.html"), named
        assert stamp.read_text() == key  # rebuilt: the new stamp names nothing it did not embed


def test_thanks_writes_every_due_note_when_one_interview_is_a_dangling_link(
    runner: CliRunner, ws: Path
) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    (ws / "interviews" / "2026-11-20-lee.md").write_text(interview("Lee Chan"))
    (ws / "interviews" / "2026-11-19-gone.md").symlink_to("deleted.md")
    result = run(runner, ws, "thanks")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: interviews/2026-11-19-gone.md: is a symbolic link to 'deleted.md', which does "
        "not exist; fix the link or remove it\n"
    )
    assert sorted(os.listdir(ws / "build" / "thanks")) == [
        "2026-11-20-dana.eml",
        "2026-11-20-lee.eml",
    ]


@pytest.mark.parametrize("command", [["lint"], ["agenda"], ["network"], ["thanks"]])
def test_interviews_that_are_links_to_each_other_are_reported(
    runner: CliRunner, ws: Path, command: list[str]
) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    (ws / "interviews" / "a.md").symlink_to("b.md")
    (ws / "interviews" / "b.md").symlink_to("a.md")
    result = run(runner, ws, *command)
    loop = "is a symbolic link that leads back to itself (a loop); fix the link or remove it"
    assert result.output.count(loop) == 2, result.output
    assert result.exit_code == 1


# -- outputs: confined -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "command"),
    [
        ("build", ["packet", "--html"]),
        ("build", ["thanks"]),
        ("build/packets", ["packet", "--html"]),
        ("build/thanks", ["thanks"]),
    ],
)
def test_an_output_folder_linked_out_of_the_workspace_is_never_written_through(
    runner: CliRunner, ws: Path, outside: Path, folder: str, command: list[str]
) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    (ws / folder).parent.mkdir(parents=True, exist_ok=True)
    (ws / folder).symlink_to(outside)
    before = files(outside)
    result = run(runner, ws, *command)
    assert result.exit_code == 2
    assert f"{folder}: is a symbolic link to '{outside}', outside the workspace" in result.stderr
    assert files(outside) == before


def test_a_cache_folder_linked_out_is_left_alone_and_lint_still_works(
    runner: CliRunner, ws: Path, outside: Path
) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    (ws / ".infoview-cache").symlink_to(outside)
    result = run(runner, ws, "lint")
    assert result.stdout.endswith("1 file checked: 1 error, 1 warning, 1 info\n") or (
        "1 file checked" in result.stdout
    )
    assert sorted(os.listdir(outside)) == ["keep.txt"]


def test_new_refuses_an_interviews_folder_linked_out(
    runner: CliRunner, ws: Path, outside: Path
) -> None:
    (ws / "interviews").rmdir()
    (ws / "interviews").symlink_to(outside)
    result = run(runner, ws, "new", "Sam Ortiz", "--date", "2026-12-01")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: interviews: is a symbolic link to '{outside}', outside the workspace"
    )
    assert sorted(os.listdir(outside)) == ["keep.txt"]


def test_new_uses_no_fixed_temporary_name(runner: CliRunner, ws: Path, outside: Path) -> None:
    victim = outside / "keep.txt"
    planted = ws / "interviews" / ".2026-12-01-sam-ortiz.md.new"
    planted.symlink_to(victim)
    result = run(runner, ws, "new", "Sam Ortiz", "--date", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "not infoview's"
    assert planted.is_symlink()
    assert sorted(os.listdir(ws / "interviews")) == [
        ".2026-12-01-sam-ortiz.md.new",
        "2026-12-01-sam-ortiz.md",
    ]


def test_agenda_ics_into_a_folder_linked_out_is_refused_but_a_path_outside_is_yours(
    runner: CliRunner, ws: Path, outside: Path
) -> None:
    (ws / "interviews" / "2026-11-20-dana.md").write_text(interview())
    (ws / "cal").symlink_to(outside)
    refused = run(runner, ws, "agenda", "--ics", "cal/interviews.ics")
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"error: cal: is a symbolic link to '{outside}', outside")
    assert sorted(os.listdir(outside)) == ["keep.txt"]
    chosen = run(runner, ws, "agenda", "--ics", str(outside / "interviews.ics"))
    assert chosen.exit_code == 0, chosen.output
    assert (outside / "interviews.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


# -- outputs: one per interview --------------------------------------------------------------


@pytest.fixture
def twins(ws: Path) -> Path:
    """Two interviews named alike in two subfolders, and one directly under interviews/."""
    for sub, name in (("firm-a", "Dana Whitfield"), ("firm-b", "Dana Whitfeld")):
        (ws / "interviews" / sub).mkdir()
        (ws / "interviews" / sub / "2026-11-20-dana.md").write_text(interview(name))
    (ws / "interviews" / "2026-11-20-lee.md").write_text(interview("Lee Chan"))
    return ws


def test_same_named_interviews_in_subfolders_keep_their_own_packets(
    runner: CliRunner, twins: Path
) -> None:
    result = run(runner, twins, "packet", "--html")
    assert result.exit_code == 0, result.output
    packets = twins / "build" / "packets"
    assert sorted(str(p.relative_to(packets)) for p in packets.rglob("*.html")) == [
        "2026-11-20-lee.html",
        "firm-a/2026-11-20-dana.html",
        "firm-b/2026-11-20-dana.html",
    ]
    assert "Dana Whitfield" in (packets / "firm-a" / "2026-11-20-dana.html").read_text()
    assert "Dana Whitfeld" in (packets / "firm-b" / "2026-11-20-dana.html").read_text()
    again = run(runner, twins, "packet", "--html").stdout.splitlines()
    assert sum(line.startswith("unchanged  ") for line in again) == 3


def test_same_named_interviews_in_subfolders_keep_their_own_notes(
    runner: CliRunner, twins: Path
) -> None:
    result = run(runner, twins, "thanks")
    assert result.exit_code == 0, result.output
    notes = twins / "build" / "thanks"
    assert sorted(str(p.relative_to(notes)) for p in notes.rglob("*.eml")) == [
        "2026-11-20-lee.eml",
        "firm-a/2026-11-20-dana.eml",
        "firm-b/2026-11-20-dana.eml",
    ]


def test_same_named_interviews_in_subfolders_have_their_own_calendar_uids(
    runner: CliRunner, twins: Path
) -> None:
    assert run(runner, twins, "agenda", "--ics", "cal.ics").exit_code == 0
    cal = icalendar.Calendar.from_ical((twins / "cal.ics").read_bytes())
    uids = sorted(str(c["UID"]) for c in cal.walk() if c.name in ("VEVENT", "VTODO"))
    assert uids == sorted(
        f"{name}.{kind}@infoview"
        for name in ("2026-11-20-lee", "firm-a/2026-11-20-dana", "firm-b/2026-11-20-dana")
        for kind in ("meeting", "thank-you", "keep-in-touch")
    )


def test_two_files_given_from_outside_interviews_with_one_name_are_not_mixed_up(
    runner: CliRunner, ws: Path
) -> None:
    for sub in ("drafts-a", "drafts-b"):
        (ws / sub).mkdir()
        (ws / sub / "2026-11-20-dana.md").write_text(interview())
    result = run(
        runner, ws, "packet", "--html", "drafts-a/2026-11-20-dana.md", "drafts-b/2026-11-20-dana.md"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "  drafts-b/2026-11-20-dana.md: has the same output as drafts-a/2026-11-20-dana.md; "
        "rename one of them, or build them one at a time\n"
    )


def test_mark_sent_on_several_files_goes_past_one_it_cannot_edit(
    runner: CliRunner, ws: Path
) -> None:
    first, last = ws / "interviews" / "2026-11-20-dana.md", ws / "interviews" / "2026-11-20-lee.md"
    first.write_text(interview())
    last.write_text(interview("Lee Chan"))
    (ws / "interviews" / "2026-11-20-gone.md").symlink_to("deleted.md")
    result = run(
        runner,
        ws,
        "thanks",
        "--mark-sent",
        "interviews/2026-11-20-dana.md",
        "interviews/2026-11-20-gone.md",
        "interviews/2026-11-20-lee.md",
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: interviews/2026-11-20-gone.md: is a symbolic link to")
    assert result.stdout.count("thank-you sent 2026-11-21 (email)") == 2
    for path in (first, last):
        assert "thank_you_sent: 2026-11-21" in path.read_text()
