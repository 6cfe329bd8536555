"""Control characters and undecodable bytes are escaped in every terminal output, always.

A hostile workspace puts ANSI CSI, OSC window titles and hyperlinks, C1 controls, bidi
overrides and Unicode line separators into front matter and file names. Every command's
output is read back with NO_COLOR set and through a pipe (CliRunner), and the styled
(coloured) renderers are called directly: no raw control character may reach the terminal.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from infoview.cli import cli
from infoview.escape import dumps, printable

# Raw controls no output may carry: C0 but LF, DEL, C1, bidi controls, U+2028/9, surrogates.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
# What the one styled renderer may add itself: SGR colour and bold sequences.
SGR = re.compile(r"\x1b\[[0-9;]*m")

CSI = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
C1 = "\x9b31m"
BIDI = "\u202egpj.exe"
HOSTILE = CSI + TITLE + LINK + C1 + BIDI + "\u2028\u0085\x00\x7f\t"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("\x1b]8;;http://x\x1b\\a", "\\x1b]8;;http://x\\x1b\\a"),
        ("\x9b2J", "\\x9b2J"),
        ("\x85next", "\\x85next"),
        ("a\u202eb\u2066c\u200fd", "a\\u202eb\\u2066c\\u200fd"),
        ("one\u2028two\u2029", "one\\u2028two\\u2029"),
        ("nul\x00del\x7fbell\x07", "nul\\x00del\\x7fbell\\x07"),
        ("tab\tcr\rlf\n", "tab\\tcr\\rlf\\n"),
        ("\v\f", "\\x0b\\x0c"),
        (os.fsdecode(b"caf\xff.md"), "caf\\xff.md"),
        ("lone \ud800", "lone \\ud800"),
        # surrogateescape covers exactly the bytes 0x80 to 0xFF; other lone surrogates stay \u
        (os.fsdecode(b"\x80\xff"), "\\x80\\xff"),
        ("\udc7f \udd00", "\\udc7f \\udd00"),
        ("café 中文 Ñ ← ok", "café 中文 Ñ ← ok"),
    ],
)
def test_printable_escapes_each_kind(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_keeps_line_breaks_only_when_asked() -> None:
    assert printable("a\nb\r\nc\rd\n", newlines=True) == "a\nb\r\nc\\rd\n"
    assert printable("a\nb", newlines=False) == "a\\nb"
    # a CR on the last line has no LF after it: it could overwrite the line, so it is shown
    assert printable("a\r", newlines=True) == "a\\r"
    assert printable("a\r\nb\r", newlines=True) == "a\r\nb\\r"


def test_dumps_indents_by_two_and_keeps_letters_readable() -> None:
    assert dumps({"name": "Renée 中文", "n": [1]}) == (
        '{\n  "name": "Renée 中文",\n  "n": [\n    1\n  ]\n}'
    )
    assert dumps({"a": "\u202e\x85"}, indent=None) == '{"a": "\\u202e\\u0085"}'


@given(st.text())
def test_printable_output_is_safe_and_a_fixed_point(text: str) -> None:
    for newlines in (False, True):
        shown = printable(text, newlines=newlines)
        assert RAW.search(shown.replace("\r\n", "\n")) is None
        assert printable(shown, newlines=newlines) == shown
        shown.encode("utf-8")  # never raises


@given(st.text())
def test_dumps_is_json_of_the_same_text_with_no_raw_controls(text: str) -> None:
    out = dumps({"v": text})
    assert RAW.search(out.replace("\n", "")) is None
    assert json.loads(out) == {"v": text}


# -- every command's output ----------------------------------------------------------------

NAME = r"Eve\e[2J\e]0;pwned\a\e]8;;https://evil.example/\e\\click\e]8;;\e\\\x9b31m\u202egpj.exe\u2028\x85"
FRONT = f"""\
---
interviewer:
  name: "{NAME}"
  organization: "Org\\e[5m"
  email: "eve@example.com"
meeting:
  date: {{date}}
  duration: 30
  mode: {{mode}}
formality: formal
learning_goals:
  - "Goal \\e[1m one"
referrals:
  - name: "Sam\\e[31m Ortiz"
    contact: "sam\\x9b@example.com"
referred_by: "Lee\\e]0;x\\a"
---

## Research
- **Work history:** x

## Questions
### Goal 1
- Why \\e[1m?
"""
ODD = os.fsdecode(b"2026-11-01-odd-\xff\x1b[1m")  # not UTF-8, and an escape in its name


@pytest.fixture
def hostile(workspace: Path) -> Path:
    folder = workspace / "interviews"
    (folder / "2026-11-01-eve.md").write_text(FRONT.format(date="2026-11-01T10:00", mode="video"))
    odd = FRONT.format(date="2026-12-01T10:00", mode="video")
    (folder / f"{ODD}.md").write_bytes(odd.encode("utf-8", "surrogateescape"))
    bad = FRONT.format(date="2026-12-02T10:00", mode='"\\e]0;mode\\a"')
    (folder / "2026-12-02-bad\x1b]0;t\x07.md").write_text(bad)
    return workspace


def assert_clean(output: str) -> None:
    found = RAW.search(output)
    if found is not None:
        around = output[max(0, found.start() - 60) : found.start() + 20]
        pytest.fail(f"raw {found.group()!r} in the output: {around!r}")


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, list(args), env={"NO_COLOR": "1"}, catch_exceptions=False)
    assert_clean(result.stdout)
    assert_clean(result.stderr)
    return result


@pytest.mark.parametrize(
    "args",
    [
        ["lint"],
        ["lint", "--format", "github"],
        ["lint", "--format", "json"],
        ["lint", "--format", "sarif"],
        ["agenda"],
        ["agenda", "--format", "json"],
        ["network"],
        ["network", "--format", "dot"],
        ["packet", "--html"],
        ["thanks"],
    ],
    ids=lambda a: " ".join(a),
)
def test_no_command_prints_a_raw_control(runner: CliRunner, hostile: Path, args: list[str]) -> None:
    dated = [] if args[0] in ("network", "packet") else ["--today", "2026-11-20"]
    result = run(runner, *args, "--workspace", str(hostile), *dated)
    assert result.exit_code in (0, 1), result.output
    shown = result.stdout + result.stderr
    if args[0] == "thanks":  # a name with controls never reaches a mail header
        assert "interviewer.name contains a control character (U+001B)" in shown
    else:
        assert "\\x1b" in shown or "%1B" in shown  # escaped, not dropped


def test_values_are_shown_escaped(runner: CliRunner, hostile: Path) -> None:
    lint = run(runner, "lint", "--workspace", str(hostile), "--today", "2026-11-20")
    assert "'meeting.mode' is '\\x1b]0;mode\\x07'; use one of" in lint.stdout
    assert "interviews/2026-12-02-bad\\x1b]0;t\\x07.md:9:9: IV002" in lint.stdout
    tree = run(runner, "network", "--workspace", str(hostile))
    assert "Eve\\x1b[2J\\x1b]0;pwned\\x07\\x1b]8;;https://evil.example/\\x1b\\click" in tree.stdout
    assert "\\x9b31m\\u202egpj.exe" in tree.stdout
    assert "Sam\\x1b[31m Ortiz" in tree.stdout
    agenda = run(runner, "agenda", "--workspace", str(hostile), "--today", "2026-11-20")
    assert "interviews/2026-11-01-odd-\\xff\\x1b[1m.md" in agenda.stdout
    assert "interviews/2026-12-02-bad\\x1b]0;t\\x07.md:9:9: IV002" in agenda.stderr


def test_error_messages_are_escaped(runner: CliRunner, hostile: Path) -> None:
    missing = "interviews/\x1b]0;gone\x07.md"
    result = run(runner, "log", missing, "--note", "x", "--workspace", str(hostile))
    assert result.exit_code == 2
    assert "\\x1b]0;gone\\x07.md" in result.stderr
    result = run(runner, "lint", "--workspace", str(hostile), "--today", "\x1b[2J")
    assert result.exit_code == 2
    assert "'\\x1b[2J' is not a date" in result.stderr


def test_styled_output_adds_only_its_own_colours(hostile: Path) -> None:
    from infoview.agenda import run as agenda_run
    from infoview.agenda import table
    from infoview.lint.command import render, run_lint
    from infoview.workspace import open_workspace

    ws = open_workspace(hostile)
    import datetime as dt

    result = run_lint(ws, (), today=dt.date(2026, 11, 20), changed=False, use_cache=False)
    coloured = render(result, "text", colour=True)
    assert SGR.search(coloured)
    assert_clean(SGR.sub("", coloured))
    rows = agenda_run(ws, today=dt.date(2026, 11, 20), days=60, ics=None).rows
    coloured = table(rows, days=60, colour=True)
    assert SGR.search(coloured)
    assert_clean(SGR.sub("", coloured))


def test_ics_and_sarif_name_an_undecodable_file_with_escapes(
    runner: CliRunner, hostile: Path
) -> None:
    ics = hostile / "out.ics"
    run(runner, "agenda", "--workspace", str(hostile), "--today", "2026-11-20", "--ics", str(ics))
    import icalendar

    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    uids = sorted(str(e["UID"]) for e in cal.walk("VEVENT"))
    assert uids == [
        "2026-11-01-eve.meeting@infoview",
        "2026-11-01-odd-\\xff\\x1b[1m.meeting@infoview",
    ]
    sarif = json.loads(
        run(
            runner,
            "lint",
            "--format",
            "sarif",
            "--workspace",
            str(hostile),
            "--today",
            "2026-11-20",
        ).stdout
    )
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert "interviews/2026-11-01-odd-%FF%1B%5B1m.md" in uris
