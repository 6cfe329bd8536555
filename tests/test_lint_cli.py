"""``infoview lint`` and ``infoview rules`` through the real CLI.

Every output format, every exit code, how paths are reported, time, ``--changed`` in a real
git repository, lazy imports, and the README's generated rule table. The cache is
``test_lint_cache.py``'s.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from samples import FRONT

from infoview.cli import cli
from infoview.lint import registry, report
from infoview.lint.diagnostic import Diagnostic

Write = Callable[[Path, str, str], Path]

TODAY = "2026-11-25"  # a week before the meeting in CLEAN

# Every rule passes on this at TODAY (the profile in conftest has an intro, so IV405 too).
CLEAN = f"""\
---
{FRONT}---
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
EDUCATION = "- **Education:** paralegal certificate, Portland Community College.\n"
SOURCES = "- **Sources:** the firm's team page and her LinkedIn profile.\n"
FIRST_QUESTION = "- Which estate-planning tasks do paralegals here handle end to end?\n"

# Two warnings: no education (at '## Research', line 15) and a question a website answers
# (line 24 once the education line is gone).
WARNED = CLEAN.replace(EDUCATION, "").replace(
    FIRST_QUESTION, FIRST_QUESTION + "- What does your firm do?\n"
)
INFO = CLEAN.replace(SOURCES, "")  # one info: no sources
ERROR = CLEAN.replace("duration: 30", "duration: half an hour")  # one error, line 7 col 13

MSG_EDUCATION = "no education researched; add a '- **Education:**' line (their schools and degrees)"
MSG_ONLINE = (
    'their website answers this: it asks what the organisation does ("what does your firm '
    'do"); look it up beforehand and ask what only they can tell you'
)
MSG_SOURCES = (
    "no sources listed; add a '- **Sources:**' line (their page on the organisation's website, "
    "LinkedIn)"
)
MSG_DURATION = "'meeting.duration' is 'half an hour'; write the agreed minutes, e.g. 30"
MSG_UNKNOWN_KEYS = (
    "known keys: interviewer, meeting, formality, status, learning_goals, follow_up, "
    "referrals, referred_by, tags, lint"
)

# The four files of `mixed`, in report order, as text lines.
MIXED_TEXT = [
    f"interviews/error.md:7:13: IV002 [error] {MSG_DURATION}",
    f"interviews/info.md:15:1: IV104 [info] {MSG_SOURCES}",
    f"interviews/warned.md:15:1: IV102 [warning] {MSG_EDUCATION}",
    f"interviews/warned.md:24:1: IV303 [warning] {MSG_ONLINE}",
]

# SPEC section 3, copied by hand: the CLI must list exactly these.
SPEC_RULES = [
    ("IV001", "invalid-front-matter", "error"),
    ("IV002", "schema", "error"),
    ("IV003", "interviewer-missing", "error"),
    ("IV101", "research-missing", "error"),
    ("IV102", "research-facet-missing", "warning"),
    ("IV103", "no-common-ground", "warning"),
    ("IV104", "research-sources-missing", "info"),
    ("IV201", "goals-missing", "error"),
    ("IV202", "too-many-goals", "warning"),
    ("IV203", "goal-is-a-question", "warning"),
    ("IV204", "goal-without-questions", "warning"),
    ("IV301", "questions-missing", "error"),
    ("IV302", "question-without-goal", "warning"),
    ("IV303", "answerable-online", "warning"),
    ("IV304", "job-seeking", "warning"),
    ("IV305", "duplicate-question", "info"),
    ("IV401", "meeting-date-missing", "warning"),
    ("IV402", "contact-missing", "warning"),
    ("IV403", "duration-missing", "warning"),
    ("IV404", "location-missing", "warning"),
    ("IV405", "intro-missing", "info"),
    ("IV406", "notes-missing", "warning"),
    ("IV407", "referrals-not-asked", "info"),
    ("IV408", "permission-not-recorded", "info"),
    ("IV501", "thank-you-overdue", "error"),
    ("IV502", "thank-you-due", "warning"),
    ("IV503", "thank-you-channel", "info"),
    ("IV504", "keep-in-touch-due", "info"),
]
JSON_KEYS = {"path", "line", "column", "code", "slug", "severity", "message"}


def lint(
    runner: CliRunner,
    ws: Path | None,
    *args: str,
    today: str | None = TODAY,
    env: dict[str, str | None] | None = None,
) -> Result:
    """Run ``infoview lint`` (with ``--workspace ws`` and ``--today`` unless None)."""
    argv = ["lint"]
    if ws is not None:
        argv += ["--workspace", str(ws)]
    if today is not None:
        argv += ["--today", today]
    return runner.invoke(cli, [*argv, *args], env=env, prog_name="infoview")


def lines(result: Result) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture
def mixed(workspace: Path, write: Write) -> Path:
    """A workspace with one clean file, one with an error, one info, one with two warnings."""
    for stem, text in (("clean", CLEAN), ("error", ERROR), ("info", INFO), ("warned", WARNED)):
        write(workspace, stem, text)
    return workspace


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own INFOVIEW_TODAY or NO_COLOR must not change these results."""
    monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


# -- text ----------------------------------------------------------------------------------


def test_text_is_one_quickfix_line_per_problem_then_a_summary(
    runner: CliRunner, mixed: Path
) -> None:
    result = lint(runner, mixed)
    assert result.exit_code == 1
    assert lines(result) == [*MIXED_TEXT, "4 files checked: 1 error, 2 warnings, 1 info"]
    assert result.stderr == ""


def test_text_for_a_clean_workspace(runner: CliRunner, workspace: Path, write: Write) -> None:
    write(workspace, "clean", CLEAN)
    result = lint(runner, workspace)
    assert result.exit_code == 0
    assert result.stdout == "1 file checked: no problems\n"


def test_text_for_a_workspace_without_interviews(runner: CliRunner, workspace: Path) -> None:
    result = lint(runner, workspace)
    assert result.exit_code == 0
    assert result.stdout == "0 files checked: no problems\n"


def test_summary_counts_in_the_singular_and_plural(
    runner: CliRunner, workspace: Path, write: Write
) -> None:
    write(workspace, "a", ERROR)
    write(workspace, "b", WARNED)
    assert lines(lint(runner, workspace))[-1] == "2 files checked: 1 error, 2 warnings"


def test_text_keeps_a_message_on_one_line(runner: CliRunner, workspace: Path, write: Write) -> None:
    # A quoted YAML key may hold a line break; the quickfix entry must stay one line.
    write(
        workspace, "keys", CLEAN.replace("formality: formal\n", 'formality: formal\n"a\\nb": 1\n')
    )
    result = lint(runner, workspace)
    assert lines(result) == [
        f"interviews/keys.md:11:1: IV002 [warning] unknown key 'a\\nb'; {MSG_UNKNOWN_KEYS}",
        "1 file checked: 1 warning",
    ]


@pytest.mark.parametrize(
    "cwd, given, label",
    [
        pytest.param(".", ["interviews/warned.md"], "interviews/warned.md", id="relative"),
        pytest.param("interviews", ["warned.md"], "warned.md", id="relative-from-below"),
        pytest.param(".", ["interviews"], "interviews/warned.md", id="a-folder"),
        pytest.param("interviews", [], "interviews/warned.md", id="none-from-below"),
        pytest.param(".", [], "interviews/warned.md", id="none"),
    ],
)
def test_paths_are_reported_as_given_else_relative_to_the_workspace(
    runner: CliRunner,
    workspace: Path,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
    cwd: str,
    given: list[str],
    label: str,
) -> None:
    write(workspace, "warned", WARNED)
    monkeypatch.chdir(workspace / cwd)
    result = lint(runner, None, *given)
    assert result.exit_code == 0, result.output
    assert lines(result) == [
        f"{label}:15:1: IV102 [warning] {MSG_EDUCATION}",
        f"{label}:24:1: IV303 [warning] {MSG_ONLINE}",
        "1 file checked: 2 warnings",
    ]


def test_an_absolute_path_is_reported_as_given(
    runner: CliRunner, workspace: Path, write: Write
) -> None:
    path = write(workspace, "info", INFO)
    result = lint(runner, workspace, str(path))
    assert lines(result) == [
        f"{path}:15:1: IV104 [info] {MSG_SOURCES}",
        "1 file checked: 1 info",
    ]


@pytest.mark.parametrize("no_color", [None, "1"])
def test_no_escapes_when_not_a_terminal(
    runner: CliRunner, mixed: Path, no_color: str | None
) -> None:
    result = lint(runner, mixed, env={"NO_COLOR": no_color})
    assert "\x1b" not in result.stdout
    assert lines(result)[:4] == MIXED_TEXT


def test_report_text_colours_only_when_asked() -> None:
    found = [Diagnostic("x.md", 3, 5, "IV303", "answerable-online", "warning", "look it up")]
    coloured = report.text(found, 1, colour=True)
    plain = report.text(found, 1, colour=False)
    assert "\x1b[" in coloured
    assert "\x1b" not in plain
    assert (
        click.unstyle(coloured)
        == plain
        == ("x.md:3:5: IV303 [warning] look it up\n1 file checked: 1 warning")
    )


@pytest.mark.parametrize(
    "no_color, coloured",
    [
        pytest.param(None, True, id="a-terminal"),
        pytest.param("1", False, id="NO_COLOR=1"),
        pytest.param("", True, id="NO_COLOR-empty"),  # no-color.org: empty means unset
    ],
)
def test_the_cli_colours_a_terminal_unless_no_color(
    mixed: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_color: str | None,
    coloured: bool,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    with pytest.raises(SystemExit) as exited:
        cli.main(["lint", "-w", str(mixed), "--today", TODAY], prog_name="infoview")
    assert exited.value.code == 1
    out = capsys.readouterr().out
    assert ("\x1b[" in out) is coloured
    assert click.unstyle(out).splitlines()[:4] == MIXED_TEXT


def test_other_formats_never_colour(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(SystemExit) as exited:
        cli.main(["lint", "-w", str(mixed), "--today", TODAY, "--format", "json"])
    assert exited.value.code == 1  # an error among the four diagnostics, as in text
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert len(json.loads(out)) == 4


# -- json ----------------------------------------------------------------------------------


def test_json_is_a_list_of_objects_with_exactly_the_spec_keys(
    runner: CliRunner, mixed: Path
) -> None:
    result = lint(runner, mixed, "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert all(set(item) == JSON_KEYS for item in found)
    assert found == [
        {
            "path": "interviews/error.md",
            "line": 7,
            "column": 13,
            "code": "IV002",
            "slug": "schema",
            "severity": "error",
            "message": MSG_DURATION,
        },
        {
            "path": "interviews/info.md",
            "line": 15,
            "column": 1,
            "code": "IV104",
            "slug": "research-sources-missing",
            "severity": "info",
            "message": MSG_SOURCES,
        },
        {
            "path": "interviews/warned.md",
            "line": 15,
            "column": 1,
            "code": "IV102",
            "slug": "research-facet-missing",
            "severity": "warning",
            "message": MSG_EDUCATION,
        },
        {
            "path": "interviews/warned.md",
            "line": 24,
            "column": 1,
            "code": "IV303",
            "slug": "answerable-online",
            "severity": "warning",
            "message": MSG_ONLINE,
        },
    ]


def test_json_for_no_problems_is_an_empty_list(
    runner: CliRunner, workspace: Path, write: Write
) -> None:
    write(workspace, "clean", CLEAN)
    result = lint(runner, workspace, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_json_paths_are_as_given(runner: CliRunner, workspace: Path, write: Write) -> None:
    path = write(workspace, "info", INFO)
    result = lint(runner, workspace, "--format", "json", str(path))
    assert [item["path"] for item in json.loads(result.stdout)] == [str(path)]


# -- github --------------------------------------------------------------------------------


def test_github_annotations(runner: CliRunner, mixed: Path) -> None:
    result = lint(runner, mixed, "--format", "github")
    assert result.exit_code == 1
    assert lines(result) == [
        "::error file=interviews/error.md,line=7,col=13,title=IV002 schema::" + MSG_DURATION,
        "::notice file=interviews/info.md,line=15,col=1,title=IV104 research-sources-missing::"
        + MSG_SOURCES,
        "::warning file=interviews/warned.md,line=15,col=1,title=IV102 research-facet-missing::"
        + MSG_EDUCATION,
        "::warning file=interviews/warned.md,line=24,col=1,title=IV303 answerable-online::"
        + MSG_ONLINE,
    ]


def test_github_escapes_file_names_and_messages(
    runner: CliRunner, workspace: Path, write: Write
) -> None:
    # '%', ',' and ':' in the file property; '%' and a line break in the message.
    text = CLEAN.replace("formality: formal\n", 'formality: formal\n"50%": 1\n"a\\nb": 2\n')
    write(workspace, "odd%name,with:colon", text)
    result = lint(runner, workspace, "--format", "github")
    assert result.exit_code == 0
    where = "file=interviews/odd%25name%2Cwith%3Acolon.md"
    assert lines(result) == [
        f"::warning {where},line=11,col=1,title=IV002 schema::unknown key '50%25'; "
        + MSG_UNKNOWN_KEYS,
        f"::warning {where},line=12,col=1,title=IV002 schema::unknown key 'a%0Ab'; "
        + MSG_UNKNOWN_KEYS,
    ]


def test_github_escaping_rules() -> None:
    found = [Diagnostic("a,b:c%.md", 2, 4, "IV305", "duplicate-question", "info", "x%\r\ny: z,w")]
    assert report.github(found) == (
        "::notice file=a%2Cb%3Ac%25.md,line=2,col=4,title=IV305 duplicate-question"
        "::x%25%0D%0Ay: z,w"
    )


def test_github_prints_nothing_when_clean(runner: CliRunner, workspace: Path, write: Write) -> None:
    write(workspace, "clean", CLEAN)
    result = lint(runner, workspace, "--format", "github")
    assert (result.exit_code, result.stdout) == (0, "")


# -- sarif ---------------------------------------------------------------------------------


def test_sarif_2_1_0_with_every_rule_and_each_result(runner: CliRunner, mixed: Path) -> None:
    result = lint(runner, mixed, "--format", "sarif")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["version"] == "2.1.0"
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "infoview"
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [
        (rule["id"], rule["name"], rule["defaultConfiguration"]["level"])
        for rule in driver["rules"]
    ] == [(code, slug, levels[severity]) for code, slug, severity in SPEC_RULES]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] == registry.RULES[rule["id"]].summary
        assert "The guide:" in rule["fullDescription"]["text"]
    rule_ids = [rule["id"] for rule in driver["rules"]]

    def where(item: dict[str, object]) -> tuple[object, ...]:
        (location,) = item["locations"]  # type: ignore[misc]
        physical = location["physicalLocation"]
        return (
            item["ruleId"],
            rule_ids[item["ruleIndex"]],  # type: ignore[index]
            item["level"],
            physical["artifactLocation"]["uri"],
            physical["region"]["startLine"],
            physical["region"]["startColumn"],
            item["message"]["text"],  # type: ignore[index]
        )

    assert [where(item) for item in run["results"]] == [
        ("IV002", "IV002", "error", "interviews/error.md", 7, 13, MSG_DURATION),
        ("IV104", "IV104", "note", "interviews/info.md", 15, 1, MSG_SOURCES),
        ("IV102", "IV102", "warning", "interviews/warned.md", 15, 1, MSG_EDUCATION),
        ("IV303", "IV303", "warning", "interviews/warned.md", 24, 1, MSG_ONLINE),
    ]


def test_sarif_uri_is_a_uri(runner: CliRunner, workspace: Path, write: Write) -> None:
    write(workspace, "with space%", INFO)
    document = json.loads(lint(runner, workspace, "--format", "sarif").stdout)
    (item,) = document["runs"][0]["results"]
    uri = item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "interviews/with%20space%25.md"


def test_sarif_without_problems_still_lists_the_rules(
    runner: CliRunner, workspace: Path, write: Write
) -> None:
    write(workspace, "clean", CLEAN)
    result = lint(runner, workspace, "--format", "sarif")
    assert result.exit_code == 0
    (run,) = json.loads(result.stdout)["runs"]
    assert run["results"] == []
    assert len(run["tool"]["driver"]["rules"]) == 28


# -- exit codes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, strict, code, summary",
    [
        pytest.param(CLEAN, False, 0, "no problems", id="clean"),
        pytest.param(CLEAN, True, 0, "no problems", id="clean-strict"),
        pytest.param(INFO, False, 0, "1 info", id="info"),
        pytest.param(INFO, True, 0, "1 info", id="info-strict"),
        pytest.param(WARNED, False, 0, "2 warnings", id="warnings"),
        pytest.param(WARNED, True, 1, "2 warnings", id="warnings-strict"),
        pytest.param(ERROR, False, 1, "1 error", id="error"),
        pytest.param(ERROR, True, 1, "1 error", id="error-strict"),
    ],
)
def test_exit_code(
    runner: CliRunner,
    workspace: Path,
    write: Write,
    text: str,
    strict: bool,
    code: int,
    summary: str,
) -> None:
    write(workspace, "one", text)
    result = lint(runner, workspace, *(["--strict"] if strict else []))
    assert result.exit_code == code
    assert lines(result)[-1] == f"1 file checked: {summary}"


def usage_error(result: Result) -> str:
    """Assert ``result`` is a usage error (exit 2, nothing on stdout); return stderr."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert isinstance(result.exception, SystemExit)
    return result.stderr


def test_a_missing_path_is_a_usage_error(runner: CliRunner, mixed: Path) -> None:
    stderr = usage_error(lint(runner, mixed, "nothere.md"))
    assert stderr == "error: nothere.md: no such file; give a path to an interview .md file\n"


def test_an_unknown_format_is_a_usage_error(runner: CliRunner, mixed: Path) -> None:
    stderr = usage_error(lint(runner, mixed, "--format", "xml"))
    assert stderr.endswith(
        "Error: Invalid value for '--format': 'xml' is not one of "
        "'text', 'json', 'github', 'sarif'.\n"
    )


@pytest.mark.parametrize(
    "args, env, value",
    [
        pytest.param(["--today", "2026-13-01"], {}, "2026-13-01", id="option"),
        pytest.param([], {"INFOVIEW_TODAY": "garbage"}, "garbage", id="environment"),
    ],
)
def test_a_bad_today_is_a_usage_error(
    runner: CliRunner, mixed: Path, args: list[str], env: dict[str, str | None], value: str
) -> None:
    stderr = usage_error(lint(runner, mixed, *args, today=None, env=env))
    assert stderr.endswith(
        f"Error: Invalid value for '--today': '{value}' is not a date; "
        "write YYYY-MM-DD (from --today or INFOVIEW_TODAY)\n"
    )


@pytest.mark.parametrize(
    "key, name, suggestion",
    [
        ("ignore", "IV3O3", "IV303"),
        ("select", "answerable-onlin", "answerable-online"),
    ],
)
def test_an_unknown_rule_in_the_config_is_a_usage_error(
    runner: CliRunner, mixed: Path, key: str, name: str, suggestion: str
) -> None:
    config = mixed / "infoview.toml"
    config.write_text(config.read_text() + f'\n[lint]\n{key} = ["IV104", "{name}"]\n')
    line = len(config.read_text().splitlines())
    stderr = usage_error(lint(runner, mixed))
    assert stderr == (
        f"error: {config}:{line}: 'lint.{key}': unknown rule '{name}'; "
        f"did you mean '{suggestion}'? see 'infoview rules' for the codes and slugs\n"
    )


def test_no_workspace_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    stderr = usage_error(lint(runner, None))
    assert stderr == (
        f"error: no infoview.toml in {tmp_path} or any parent folder\n"
        "  hint: run 'infoview init DIR' to create a workspace, or pass --workspace DIR\n"
    )


# -- time ----------------------------------------------------------------------------------

# The meeting is 2026-12-03 10:00-10:30; notes, referrals and permission are recorded, so only
# the thank-you rules depend on the day.
MET = CLEAN.replace(
    "formality: formal\n",
    "formality: formal\nfollow_up:\n  may_contact_again: true\nreferrals:\n  - name: Sam Ortiz\n",
).replace("## Notes\n", "## Notes\n- **Takeaway:** get the certification early.\n")
DUE = (
    "interviews/met.md:11:1: IV502 [warning] thank-you due by 2026-12-05; send it "
    "(infoview thanks) and record 'thank_you_sent:' under 'follow_up:'"
)
OVERDUE = (
    "interviews/met.md:11:1: IV501 [error] thank-you overdue: the meeting was 3 days ago "
    "(send within 2); write it now (infoview thanks) and record 'thank_you_sent:' under "
    "'follow_up:'"
)


@pytest.mark.parametrize(
    "today, env, code, expected",
    [
        pytest.param("2026-12-02", None, 0, [], id="before"),
        pytest.param("2026-12-05", None, 0, [DUE], id="two-days-on"),
        pytest.param("2026-12-06", None, 1, [OVERDUE], id="three-days-on"),
        pytest.param(None, "2026-12-05", 0, [DUE], id="env-two-days-on"),
        pytest.param(None, "2026-12-06", 1, [OVERDUE], id="env-three-days-on"),
        pytest.param("2026-12-05", "2026-12-06", 0, [DUE], id="option-wins-over-env"),
        pytest.param("2026-12-06", "2026-12-05", 1, [OVERDUE], id="option-wins-over-env-2"),
    ],
)
def test_today_decides_the_time_based_rules(
    runner: CliRunner,
    workspace: Path,
    write: Write,
    today: str | None,
    env: str | None,
    code: int,
    expected: list[str],
) -> None:
    write(workspace, "met", MET)
    result = lint(runner, workspace, today=today, env={"INFOVIEW_TODAY": env})
    assert result.exit_code == code
    assert lines(result)[:-1] == expected


# -- rules ---------------------------------------------------------------------------------


def test_rules_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules"])
    assert result.exit_code == 0
    rows = lines(result)
    assert len(rows) == 28
    pattern = re.compile(r"^(IV\d{3})  (\S+) +(error|warning|info) +(\S.*)$")
    parsed = [pattern.match(row) for row in rows]
    assert all(parsed), rows
    assert [m.groups()[:3] for m in parsed if m] == SPEC_RULES
    assert [m.group(4) for m in parsed if m] == [r.summary for r in registry.RULES.values()]
    assert rows[0] == (
        "IV001  invalid-front-matter       error    "
        "Front matter is not valid YAML, or is not a mapping."
    )


@pytest.mark.parametrize("name", ["IV303", "iv303", "answerable-online"])
def test_rules_explains_one(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, ["rules", name])
    assert result.exit_code == 0
    doc = registry.RULES["IV303"].doc
    assert result.stdout == f"IV303 answerable-online (default: warning)\n\n{doc}\n"
    assert "The guide:" in doc
    assert "Failing::" in doc and "Passing::" in doc


@pytest.mark.parametrize(
    "name, hint",
    [
        ("IV3O3", "did you mean 'IV303'? "),
        ("answerable", "did you mean 'answerable-online'? "),
        ("IV999", ""),  # nothing is close enough to suggest
    ],
)
def test_rules_with_an_unknown_name(runner: CliRunner, name: str, hint: str) -> None:
    result = runner.invoke(cli, ["rules", name])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: no rule '{name}'; {hint}'infoview rules' lists them all\n"


# -- --changed -----------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    """Run git with a fixed identity and no user configuration."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(workspace: Path, write: Write) -> Path:
    """The workspace inside a git repository one level up, two interviews committed."""
    top = workspace.parent
    git(top, "init", "-q")
    write(workspace, "modified", INFO)
    write(workspace, "unchanged", INFO)
    (top / "notes.md").write_text("# not an interview\n")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "start")
    return workspace


def test_changed_lints_staged_unstaged_and_untracked_interviews(
    runner: CliRunner, repo: Path, write: Write
) -> None:
    write(repo, "modified", WARNED)  # unstaged change
    write(repo, "staged", ERROR)
    git(repo, "add", "interviews/staged.md")
    write(repo, "untracked", INFO)
    (repo.parent / "notes.md").write_text("# changed, but not an interview\n")
    result = lint(runner, repo, "--changed", "--format", "json")
    assert result.exit_code == 1
    assert sorted({(d["path"], d["code"]) for d in json.loads(result.stdout)}) == [
        ("interviews/modified.md", "IV102"),
        ("interviews/modified.md", "IV303"),
        ("interviews/staged.md", "IV002"),
        ("interviews/untracked.md", "IV104"),
    ]
    assert lines(lint(runner, repo, "--changed"))[-1] == (
        "3 files checked: 1 error, 2 warnings, 1 info"
    )


def test_changed_follows_a_rename_and_skips_a_deletion(runner: CliRunner, repo: Path) -> None:
    git(repo, "mv", "interviews/modified.md", "interviews/renamed.md")
    git(repo, "rm", "-q", "interviews/unchanged.md")
    result = lint(runner, repo, "--changed")
    assert lines(result) == [
        f"interviews/renamed.md:15:1: IV104 [info] {MSG_SOURCES}",
        "1 file checked: 1 info",
    ]


def test_changed_with_nothing_changed(runner: CliRunner, repo: Path) -> None:
    result = lint(runner, repo, "--changed")
    assert (result.exit_code, result.stdout) == (0, "0 files checked: no problems\n")


def test_changed_outside_a_repository_is_a_usage_error(
    runner: CliRunner, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(mixed.parent))
    stderr = usage_error(lint(runner, mixed, "--changed"))
    assert stderr.startswith("error: --changed needs a git repository: fatal: not a git repository")


# -- lazy imports --------------------------------------------------------------------------


def test_lint_never_imports_weasyprint_or_watchdog(mixed: Path) -> None:
    code = (
        "import sys\n"
        "from infoview.cli import main\n"
        f"sys.argv = ['infoview', 'lint', '--workspace', {str(mixed)!r}, '--today', {TODAY!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    print('EXIT', exc.code)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'weasyprint', 'watchdog'})\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.splitlines() == [
        *MIXED_TEXT,
        "4 files checked: 1 error, 2 warnings, 1 info",
        "EXIT 1",
        "HEAVY []",
    ], done.stderr


# -- README --------------------------------------------------------------------------------


def test_readme_rule_table_is_generated_from_the_registry() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = readme.splitlines()
    start = rows.index("| code | slug | default | what it checks |")
    end = start
    while end < len(rows) and rows[end].startswith("|"):
        end += 1
    assert "\n".join(rows[start:end]) == registry.markdown_table(), (
        "README's rule table is out of date: regenerate it from "
        "infoview.lint.registry.markdown_table()"
    )
