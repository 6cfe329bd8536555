"""The command line: help, ``init``, ``new``, finding the workspace, ``doctor``, lazy imports."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from infoview import __version__
from infoview.cli import cli
from infoview.config import load_config
from infoview.parse import parse_text

DANA = [
    "Dana Whitfield",
    "--org",
    "Marlow & Reyes LLP",
    "--title",
    "Senior Estate Planning Paralegal",
    "--date",
    "2026-12-03T10:00",
    "--duration",
    "30",
    "--mode",
    "video",
    "--formality",
    "formal",
    "--email",
    "dana.whitfield@example.com",
    "--phone",
    "+1 503 555 0142",
]
DANA_FILE = "interviews/2026-12-03-dana-whitfield.md"


# -- help ----------------------------------------------------------------------------------


def test_top_level_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"], prog_name="infoview")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: infoview [OPTIONS] COMMAND [ARGS]...")
    assert "Prepare, conduct and follow up informational interviews" in result.output
    for name in cli.commands:
        assert f"\n  {name} " in result.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"infoview, version {__version__}\n"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help(runner: CliRunner, name: str) -> None:
    command = cli.commands[name]
    assert command.help and command.help.strip(), f"{name} has no docstring"
    result = runner.invoke(cli, [name, "--help"], prog_name="infoview")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: infoview {name} ")
    assert command.help.strip().splitlines()[0] in result.output


# -- init ----------------------------------------------------------------------------------


def test_init_creates_a_workspace(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the zone init writes into infoview.toml
    target = tmp_path / "my-interviews"
    result = runner.invoke(cli, ["init", str(target)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"created {target / 'interviews'}/"
    for name in ("infoview.toml", "Makefile", ".gitignore", ".pre-commit-config.yaml"):
        assert f"created {target / name}" in lines
    assert f"created {target / 'styles' / 'packet.css'}" in lines
    assert f"git init {target}" in lines
    assert lines[-1] == (
        f"next: fill in [profile] in {target / 'infoview.toml'}, then: infoview new NAME"
    )

    assert (target / "interviews").is_dir()
    assert (target / ".git").is_dir()
    packaged_css = Path(__file__).parents[1] / "infoview" / "data" / "packet.css"
    assert (target / "styles" / "packet.css").read_text() == packaged_css.read_text()
    config = load_config(target / "infoview.toml")
    assert config.packet.paper == "letter"
    assert config.packet.stylesheet == "styles/packet.css"
    assert config.timezone == "Europe/Berlin"
    assert "[profile]" in (target / "infoview.toml").read_text()
    assert "build/" in (target / ".gitignore").read_text().splitlines()
    makefile = (target / "Makefile").read_text()
    assert "packet:\n\t$(INFOVIEW) packet\n" in makefile
    assert "infoview lint\n" in (target / ".pre-commit-config.yaml").read_text()


def test_init_inside_a_repository_does_not_nest_one(runner: CliRunner, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = runner.invoke(cli, ["init", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "ws" / ".git").exists()
    assert not any(line.startswith("git init") for line in result.output.splitlines())


def test_init_refuses_an_existing_workspace(runner: CliRunner, workspace: Path) -> None:
    before = (workspace / "infoview.toml").read_bytes()
    result = runner.invoke(cli, ["init", str(workspace)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {workspace / 'infoview.toml'}: already exists; this is a workspace already\n"
    )
    assert (workspace / "infoview.toml").read_bytes() == before
    assert not (workspace / "Makefile").exists()


def test_init_refuses_a_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    result = runner.invoke(cli, ["init", str(target)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: Invalid value for 'DIRECTORY': Directory '{target}' is a file.\n"
    )
    assert target.read_text() == "mine"


# -- new -----------------------------------------------------------------------------------


def test_new_writes_an_interview_that_parses_back(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(cli, ["new", *DANA, "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{DANA_FILE}\n"

    path = workspace / DANA_FILE
    text = path.read_text(encoding="utf-8")
    interview = parse_text(text, path)
    assert interview.problems == []
    who = interview.interviewer
    assert who.name == "Dana Whitfield"
    assert who.organization == "Marlow & Reyes LLP"
    assert who.title == "Senior Estate Planning Paralegal"
    assert who.email == "dana.whitfield@example.com"
    assert who.phone == "+1 503 555 0142"
    meeting = interview.meeting
    assert (meeting.date, meeting.time, meeting.offset) == (dt.date(2026, 12, 3), dt.time(10), None)
    assert meeting.duration == 30
    assert meeting.mode == "video"
    assert interview.formality == "formal"
    assert list(interview.sections) == ["research", "questions", "notes", "follow-up"]
    for heading in ("## Research", "## Questions", "## Notes", "## Follow-up"):
        assert f"\n{heading}\n" in text
    for facet in ("Work history", "Education", "Credentials", "In common", "Sources"):
        assert f"- **{facet}:**" in text
    assert "### Goal 1\n" in text
    front = text.split("\n---\n", 1)[0].splitlines()
    assert [line for line in front if line != line.rstrip()] == []
    assert "  phone: +1 503 555 0142      # to call if technology interferes" in front
    assert "  date: 2026-12-03T10:00      # YYYY-MM-DD" in "\n".join(front)


def test_new_refuses_to_overwrite(runner: CliRunner, workspace: Path) -> None:
    first = runner.invoke(cli, ["new", *DANA, "--workspace", str(workspace)])
    assert first.exit_code == 0
    path = workspace / DANA_FILE
    path.write_text(path.read_text() + "\nMy own notes.\n")
    before = path.read_bytes()

    again = runner.invoke(
        cli, ["new", "Dana Whitfield", "--date", "2026-12-03", "--workspace", str(workspace)]
    )
    assert again.exit_code == 2
    assert again.stdout == ""
    assert again.stderr == (
        f"error: {DANA_FILE}: already exists; edit it, or pick another name or date\n"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in (workspace / "interviews").iterdir()) == [Path(DANA_FILE).name]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ('O\'Brien: "Jr" #1', "o-brien-jr-1"),
        ("José Núñez-García", "jose-nunez-garcia"),
        ("- Dash [and] {braces}", "dash-and-braces"),
        ("NO", "no"),
        ("yes: no", "yes-no"),
        ("2026-12-03", "2026-12-03"),
        ("&anchor *alias !tag %pct @at `tick`", "anchor-alias-tag-pct-at-tick"),
        ("Trailing \\ backslash 'quote", "trailing-backslash-quote"),
        ("Line\u2028 separator and NEL\x85 too", "line-separator-and-nel-too"),
    ],
)
def test_new_round_trips_awkward_values(
    runner: CliRunner, workspace: Path, name: str, stem: str
) -> None:
    org = f"{name} & Co: #2"
    result = runner.invoke(
        cli, ["new", "--org", org, "--date", "2027-01-05", "-w", str(workspace), "--", name]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"interviews/2027-01-05-{stem}.md\n"
    path = workspace / "interviews" / f"2027-01-05-{stem}.md"
    interview = parse_text(path.read_text(encoding="utf-8"), path)
    assert interview.problems == []
    assert interview.interviewer.name == name
    assert interview.interviewer.organization == org


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Dana\nWhitfield"], "NAME must be one line"),
        (["Dana Whitfield", "--org", "Marlow\r\nReyes"], "--org must be one line"),
        (["Dana Whitfield", "--phone", "1\n2"], "--phone must be one line"),
        (["!!!"], "'!!!' has no letters or digits to name a file after; give a name"),
        (
            ["Dana Whitfield", "--date", "2026-13-01"],
            "--date '2026-13-01' is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM",
        ),
    ],
)
def test_new_refuses_bad_values(
    runner: CliRunner, workspace: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, ["new", *args, "--workspace", str(workspace)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"
    assert list((workspace / "interviews").iterdir()) == []


def test_new_without_a_date_uses_today(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(
        cli, ["new", "Sam Ortiz", "--today", "2027-01-15", "--workspace", str(workspace)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "interviews/2027-01-15-sam-ortiz.md\n"
    path = workspace / "interviews" / "2027-01-15-sam-ortiz.md"
    assert parse_text(path.read_text(), path).meeting.date is None  # no meeting date yet


def test_new_rejects_a_bad_today(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(
        cli, ["new", "Sam Ortiz", "--today", "2027-02-30", "--workspace", str(workspace)]
    )
    assert result.exit_code == 2
    assert (
        "Invalid value for '--today': '2027-02-30' is not a date; write YYYY-MM-DD "
        "(from --today or INFOVIEW_TODAY)"
    ) in result.stderr
    assert list((workspace / "interviews").iterdir()) == []


# -- finding the workspace -----------------------------------------------------------------


@pytest.mark.parametrize("command", [["new", "Sam Ortiz"], ["packet"]])
def test_no_workspace_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, command)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: no infoview.toml in {tmp_path} or any parent folder\n"
        "  hint: run 'infoview init DIR' to create a workspace, or pass --workspace DIR\n"
    )


def test_workspace_option_without_config(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["new", "Sam Ortiz", "--workspace", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path}: no infoview.toml here; run 'infoview init {tmp_path}' to create one\n"
    )


def test_workspace_is_found_by_walking_up(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace / "interviews")
    result = runner.invoke(cli, ["new", "Sam Ortiz", "--date", "2027-01-15"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "interviews/2027-01-15-sam-ortiz.md\n"
    assert (workspace / "interviews" / "2027-01-15-sam-ortiz.md").is_file()


def test_workspace_option_wins_over_the_current_folder(
    runner: CliRunner, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "interviews").mkdir(parents=True)
    (elsewhere / "infoview.toml").write_text('timezone = "UTC"\n')
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(cli, ["new", "Sam Ortiz", "-w", str(workspace), "--date", "2027-01-15"])
    assert result.exit_code == 0, result.output
    assert (workspace / "interviews" / "2027-01-15-sam-ortiz.md").is_file()
    assert list((elsewhere / "interviews").iterdir()) == []


def test_config_error_is_a_message_not_a_traceback(runner: CliRunner, workspace: Path) -> None:
    config = workspace / "infoview.toml"
    text = config.read_text().replace('paper = "letter"', 'paper = "legal"')
    config.write_text(text)
    line = text.splitlines().index('paper = "legal"') + 1
    result = runner.invoke(cli, ["packet", "--workspace", str(workspace)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {config}:{line}: 'packet.paper': is 'legal'; use one of: letter, a4\n"
    )


# -- doctor --------------------------------------------------------------------------------


def _checks(output: str) -> dict[str, tuple[str, str]]:
    """``mark  name: detail`` lines -> {name: (mark, detail)}."""
    found = {}
    for line in output.splitlines():
        if line.startswith("      fix: "):
            continue
        mark, _, rest = line.partition("  ")
        name, _, detail = rest.strip().partition(": ")
        found[name] = (mark.strip(), detail)
    return found


def test_doctor_checks_the_machine_and_the_workspace(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(cli, ["doctor", "--workspace", str(workspace)])
    checks = _checks(result.stdout)
    assert list(checks) == [
        "python",
        "pango",
        "harfbuzz",
        "harfbuzz-subset",
        "weasyprint",
        "fonts",
        "config",
        "interviews",
        "stylesheet",
    ]
    version = ".".join(map(str, sys.version_info[:3]))
    assert checks["python"] == ("ok", f"{version} at {sys.executable}")
    # The rest of this suite renders PDFs, so what packets require is present here.
    for required in ("pango", "harfbuzz", "weasyprint"):
        assert checks[required][0] == "ok", checks[required]
    assert checks["weasyprint"][1].startswith("70.")
    assert " with Pango 1." in checks["weasyprint"][1]
    assert checks["harfbuzz-subset"][0] in ("ok", "warn")
    assert checks["fonts"][0] in ("ok", "warn")
    assert checks["config"] == (
        "ok",
        f"{workspace / 'infoview.toml'} (time zone America/Los_Angeles)",
    )
    assert checks["interviews"] == ("warn", f"0 in {workspace / 'interviews'}")
    assert checks["stylesheet"] == (
        "warn",
        f"{workspace / 'styles' / 'packet.css'} missing; the packaged default is used",
    )
    assert "      fix: start one with: infoview new NAME" in result.stdout.splitlines()
    assert result.exit_code == 0


def test_doctor_reports_a_broken_config(runner: CliRunner, workspace: Path) -> None:
    config = workspace / "infoview.toml"
    config.write_text("colour = 'blue'\n" + config.read_text())
    result = runner.invoke(cli, ["doctor", "--workspace", str(workspace)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    failed = [line for line in lines if line.startswith("FAIL")]
    assert len(failed) == 1
    assert failed[0].startswith(f"FAIL  config: {config}:1: 'colour': unknown key; ")
    assert lines[lines.index(failed[0]) + 1] == "      fix: fix the key named above"


def test_doctor_outside_a_workspace(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["doctor"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-2:] == [
        f"warn  workspace: no infoview.toml in {tmp_path} or above",
        "      fix: run 'infoview init DIR' to create a workspace, or pass --workspace DIR",
    ]


# -- slow imports --------------------------------------------------------------------------


def test_cli_and_parser_do_not_import_weasyprint() -> None:
    code = (
        "import sys\n"
        "import infoview.cli, infoview.parse, infoview.workspace\n"
        "from infoview.cli import cli\n"
        "try:\n"
        "    cli(['new', '--help'], prog_name='infoview')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'weasyprint', 'watchdog'})\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Usage: infoview new [OPTIONS] NAME" in result.stdout
    assert result.stdout.splitlines()[-1] == "HEAVY []"
