"""``infoview agenda``: the rows at a fixed --today, json with paths, colour, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click
import pytest
from click.testing import CliRunner

from infoview import agenda
from infoview.cli import cli
from infoview.config import parse_config
from infoview.parse import parse_text

TODAY = "2026-11-25"  # a Wednesday; the workspace's zone is America/Los_Angeles

READY = """\
---
interviewer:
  name: Dana Whitfield
  organization: Marlow & Reyes LLP
  phone: "+1 503 555 0142"
meeting:
  date: 2026-12-03T10:00
  duration: 30
  mode: video
  location: https://meet.example.com/dw
formality: formal
learning_goals:
  - Learn how this firm uses paralegals.
---

## Research
- **Work history:** Twelve years at Marlow & Reyes.
- **Education:** Paralegal certificate, Portland Community College.
- **Credentials:** Oregon Certified Paralegal.
- **In common:** We both came through the PCC programme.
- **Sources:** The firm's team page.

## Questions
### Goal 1
- Which estate-planning tasks do paralegals here handle end to end?
"""


def meeting(name: str, when: str | None, extra: str = "") -> str:
    """A thin interview: lint finds plenty, which is what readiness counts."""
    date = f"  date: {when}\n  duration: 45\n" if when else ""
    return (
        f"---\ninterviewer:\n  name: {name}\n  phone: '+1 503 555 0100'\n"
        f"meeting:\n{date}  mode: in-person\n  location: Case Study Coffee\n"
        f"formality: informal\n{extra}---\n\n## Notes\n- **Takeaway:** something.\n"
    )


FILES = {
    "2026-12-03-dana-whitfield": READY,
    "2026-11-25-later-today": meeting("Lee Chan", "2026-11-25T18:00"),
    "2026-12-20-too-far": meeting("Far Away", "2026-12-20T09:00"),
    "2026-11-24-yesterday": meeting("Sam Ortiz", "2026-11-24T09:00"),
    "2026-11-18-last-week": meeting(
        "Marcus Lee", "2026-11-18T15:30", "follow_up:\n  may_contact_again: true\n"
    ),
    "2026-08-01-ana": meeting(
        "Ana Núñez", "2026-08-01", "follow_up:\n  thank_you_sent: 2026-08-02\n"
    ),
    "2026-11-30-cancelled": meeting("Cy Cancel", "2026-11-30T10:00", "status: cancelled\n"),
    "planned-priya": meeting("Priya Raman", None),
}
DIR = "interviews/"
LATER = "interviews/2026-11-25-later-today.md"
DANA = "interviews/2026-12-03-dana-whitfield.md"


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def ws(workspace: Path, write: Callable[..., Path]) -> Path:
    for stem, text in FILES.items():
        write(workspace, stem, text)
    return workspace


def run(runner: CliRunner, ws: Path, *args: str) -> Any:
    return runner.invoke(cli, ["agenda", "-w", str(ws), "--today", TODAY, *args])


def lint_counts(runner: CliRunner, ws: Path, path: str) -> tuple[int, int]:
    result = runner.invoke(
        cli, ["lint", "-w", str(ws), "--today", TODAY, "--format", "json", str(ws / path)]
    )
    found = json.loads(result.stdout)
    return (
        sum(d["severity"] == "error" for d in found),
        sum(d["severity"] == "warning" for d in found),
    )


def test_json_rows_sorted_by_date_with_paths(runner: CliRunner, ws: Path) -> None:
    result = run(runner, ws, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = json.loads(result.stdout)
    assert [(r["date"], r["time"], r["kind"], r["status"], r["who"], r["path"]) for r in rows] == [
        ("2026-10-31", None, "keep-in-touch", "overdue", "Ana Núñez", f"{DIR}2026-08-01-ana.md"),
        ("2026-11-20", None, "thank-you", "overdue", "Marcus Lee", f"{DIR}2026-11-18-last-week.md"),
        ("2026-11-25", "18:00", "meeting", "scheduled", "Lee Chan", LATER),
        ("2026-11-26", None, "thank-you", "due", "Sam Ortiz", f"{DIR}2026-11-24-yesterday.md"),
        ("2026-12-03", "10:00", "meeting", "scheduled", "Dana Whitfield", DANA),
        (None, None, "planned", "planned", "Priya Raman", f"{DIR}planned-priya.md"),
    ]  # fmt: skip
    assert set(rows[0]) == {
        "kind", "status", "date", "time", "who", "organization", "detail", "path", "errors",
        "warnings",
    }  # fmt: skip
    assert rows[0]["detail"] == "last contact 2026-08-02: tell them what came of their advice"
    assert rows[1]["detail"] == "send a handwritten card for the meeting on 2026-11-18"
    assert rows[4]["organization"] == "Marlow & Reyes LLP"
    assert rows[4]["detail"] == "video, 30 min"
    assert rows[5]["detail"] == "no date yet, in person"
    # Reminders carry no readiness; meetings and planned interviews do.
    assert [(r["errors"], r["warnings"]) for r in rows[:2]] == [(None, None)] * 2
    assert (rows[4]["errors"], rows[4]["warnings"]) == (0, 0)


@pytest.mark.parametrize("path", [LATER, "interviews/planned-priya.md"])
def test_readiness_is_what_lint_reports_for_that_file(
    runner: CliRunner, ws: Path, path: str
) -> None:
    rows = json.loads(run(runner, ws, "--format", "json").stdout)
    (row,) = [r for r in rows if r["path"] == path]
    errors, warnings = lint_counts(runner, ws, path)
    assert errors + warnings > 0  # a thin file: readiness must not read "ready"
    assert (row["errors"], row["warnings"]) == (errors, warnings)


def columns(header: str, line: str) -> list[str]:
    """Cut ``line`` where the header's words start: each cell must sit under its heading."""
    starts = [header.index(word) for word in header.split()]
    ends = [*starts[1:], None]
    return [line[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def test_table_is_aligned_with_a_summary(runner: CliRunner, ws: Path) -> None:
    result = run(runner, ws)
    assert result.exit_code == 0
    header, *body, summary = result.stdout.splitlines()
    assert header.split() == ["DATE", "TIME", "WHAT", "WHO", "DETAIL", "READY", "FILE"]
    assert columns(header, body[4]) == [
        "2026-12-03", "10:00", "meeting", "Dana Whitfield", "video, 30 min", "ready", DANA,
    ]  # fmt: skip
    errors, warnings = lint_counts(runner, ws, LATER)
    assert columns(header, body[2])[5] == f"{errors} errors, {warnings} warnings"
    assert columns(header, body[1])[:4] == ["2026-11-20", "", "thank-you overdue", "Marcus Lee"]
    assert columns(header, body[5])[:2] == ["-", ""]
    for line in body:  # nothing spills over a column's edge
        for word in ("TIME", "WHAT", "WHO", "DETAIL", "READY", "FILE"):
            at = header.index(word)
            assert line[at - 2 : at] == "  ", (word, line)
        assert line == line.rstrip()
    assert summary == (
        "2 meetings in the next 14 days, 2 thank-yous to send, "
        "1 person to keep in touch with, 1 planned"
    )
    assert "\x1b" not in result.stdout


def test_days_widens_the_window(runner: CliRunner, ws: Path) -> None:
    rows = json.loads(run(runner, ws, "--format", "json", "--days", "30").stdout)
    assert "Far Away" in [r["who"] for r in rows]
    short = json.loads(run(runner, ws, "--format", "json", "--days", "1").stdout)
    assert [r["who"] for r in short if r["kind"] == "meeting"] == ["Lee Chan"]


def test_nothing_to_do(runner: CliRunner, workspace: Path) -> None:
    result = run(runner, workspace)
    assert result.exit_code == 0
    assert result.stdout == "nothing planned, scheduled or due in the next 14 days\n"
    assert json.loads(run(runner, workspace, "--format", "json").stdout) == []


# -- the pure core -------------------------------------------------------------------------


def test_rows_take_values_not_files() -> None:
    config = parse_config('timezone = "America/Los_Angeles"\n')
    tz = ZoneInfo("America/Los_Angeles")
    interview = parse_text(READY, Path("dana.md"))
    at = dt.datetime(2026, 12, 3, 9, 59, tzinfo=tz)
    (row,) = agenda.rows([interview], config, at, days=1)
    assert (row.kind, row.date, row.time) == ("meeting", dt.date(2026, 12, 3), "10:00")
    assert row.path == "dana.md"
    # Once it has ended (10:30) it is done: the thank-you is due two days later.
    (row,) = agenda.rows([interview], config, at.replace(hour=10, minute=30), days=1)
    assert (row.kind, row.status, row.date) == ("thank-you", "due", dt.date(2026, 12, 5))
    assert row.detail == "send an email for the meeting on 2026-12-03"  # formal -> email
    # Meeting times are shown in the workspace's zone, whatever offset the file gives.
    offset = parse_text(READY.replace("T10:00", "T10:00+01:00"), Path("dana.md"))
    (row,) = agenda.rows([offset], config, at.replace(hour=0), days=1)
    assert (row.date, row.time) == (dt.date(2026, 12, 3), "01:00")


# -- colour --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "no_color, coloured",
    [
        pytest.param(None, True, id="a-terminal"),
        pytest.param("1", False, id="NO_COLOR=1"),
    ],
)
def test_colour_only_on_a_terminal_and_never_with_no_color(
    ws: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_color: str | None,
    coloured: bool,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    with pytest.raises(SystemExit) as exited:
        cli.main(["agenda", "-w", str(ws), "--today", TODAY], prog_name="infoview")
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert ("\x1b[" in out) is coloured
    plain = CliRunner().invoke(cli, ["agenda", "-w", str(ws), "--today", TODAY]).stdout
    assert click.unstyle(out) == plain  # colour never moves a column


def test_json_never_colours(
    ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(SystemExit) as exited:
        cli.main(["agenda", "-w", str(ws), "--today", TODAY, "--format", "json"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert len(json.loads(out)) == 6


# -- exit codes ----------------------------------------------------------------------------


def test_an_unreadable_interview_is_reported_and_the_rest_listed(
    runner: CliRunner, ws: Path, write: Callable[..., Path]
) -> None:
    write(ws, "2026-12-01-broken", "---\ninterviewer:\n  name: Dana: Whitfield\n---\n")
    result = run(runner, ws, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith("interviews/2026-12-01-broken.md:3:13: IV001 ")
    assert len(result.stderr.splitlines()) == 1
    assert len(json.loads(result.stdout)) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--days", "0"], "Invalid value for '--days': 0 is not in the range 1<=x<=3660."),
        (["--days", "3661"], "Invalid value for '--days': 3661 is not in the range 1<=x<=3660."),
        (["--today", "9999-12-31"], "9999-12-31: the year 9999 is outside 1900 to 2100"),
        (["--today", "0001-01-01"], "0001-01-01: the year 1 is outside 1900 to 2100"),
        (["--format", "csv"], "Invalid value for '--format': 'csv' is not one of 'table', 'json'."),
        (["--today", "2026-13-01"], "'2026-13-01' is not a date; write YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, ws: Path, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["agenda", "-w", str(ws), *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_no_workspace_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["agenda", "-w", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path}: no infoview.toml here")


def test_agenda_and_network_do_not_import_weasyprint(ws: Path) -> None:
    code = (
        "import sys\n"
        "from infoview.cli import cli\n"
        f"for args in (['agenda', '--ics', {str(ws / 'a.ics')!r}], ['network']):\n"
        "    try:\n"
        f"        cli([*args, '-w', {str(ws)!r}], prog_name='infoview')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'weasyprint', 'watchdog'})\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Marcus Lee" in result.stdout  # both commands ran
    assert (ws / "a.ics").is_file()
    assert result.stdout.splitlines()[-1] == "HEAVY []"
