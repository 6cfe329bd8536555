"""Values are validated where they come in, and what passes works in every output.

Dates outside 1900-2100 are IV002 at their line; day counts outside their bounds, a
5000-deep infoview.toml and a stylesheet outside the workspace are config errors at their
line; email addresses follow one set of rules in IV002, infoview.toml and ``thanks``.
Dates at the edges of the range, with the largest day counts, go through every command.
"""

from __future__ import annotations

import email.parser
import email.policy
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner

from infoview.addresses import address_problem, header_text_problem
from infoview.cli import cli
from infoview.config import parse_config
from infoview.errors import ConfigError
from infoview.parse import parse_text

PATH = Path("interviews/x.md")


def interview(date: str, *, email: str = "dana@example.com", name: str = "Dana Whitfield") -> str:
    return f"""\
---
interviewer:
  name: "{name}"
  email: "{email}"
  phone: "+1 503 555 0142"
meeting:
  date: {date}
  duration: 60
  mode: video
  location: https://meet.example.com/abc
formality: formal
learning_goals:
  - Learn how this firm uses paralegals.
follow_up:
  keep_in_touch:
    - date: {date[:10]}
      note: wrote
---

## Research
- **Work history:** x

## Questions
### Goal 1
- Which tasks do paralegals handle?

## Notes
- **Takeaway:** ask about the clinic
"""


def problems(text: str) -> list[tuple[str, int, str]]:
    return [(p.code, p.span.line, p.message) for p in parse_text(text, PATH).problems]


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "year"),
    [
        ("9999-12-31", 9999),
        ("0001-01-01", 1),
        ("9999-12-31T23:30", 9999),
        ("0001-01-01T00:10", 1),
        ("0001-01-01T00:10+14:00", 1),
        ("1899-12-31", 1899),
        ("2101-01-01T00:00-12:00", 2101),
    ],
)
def test_dates_outside_the_range_are_iv002_at_their_line(date: str, year: int) -> None:
    found = problems(interview(date))
    message = f"is '{date}': the year {year} is outside 1900 to 2100; check the year"
    assert ("IV002", 7, f"'meeting.date' {message}") in found
    day = date[:10]
    assert (
        "IV002",
        16,
        f"'follow_up.keep_in_touch[0].date' is '{day}': the year {year} "
        "is outside 1900 to 2100; check the year",
    ) in found


EDGE_CONFIG = """\
timezone = "Pacific/Kiritimati"
[profile]
name = "Alex Rivera"
email = "alex.rivera@example.edu"
[lint]
thank_you_days = 365
keep_in_touch_days = 3650
"""


@pytest.fixture
def edges(tmp_path: Path) -> Path:
    """Meetings on the first and last days of the range, with the longest day counts."""
    root = tmp_path / "ws"
    (root / "interviews").mkdir(parents=True)
    (root / "infoview.toml").write_text(EDGE_CONFIG)
    for stem, date in [
        ("1900-01-01-first", "1900-01-01T00:00"),
        ("1900-01-01-west", "1900-01-01T00:00-12:00"),
        ("2100-12-31-last", "2100-12-31T23:59"),
        ("2100-12-31-day", "2100-12-31"),
        ("2100-12-31-east", "2100-12-31T23:59+14:00"),
    ]:
        (root / "interviews" / f"{stem}.md").write_text(interview(date))
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--today", "2100-12-31"],
        ["lint", "--today", "1900-01-01"],
        ["agenda", "--today", "2100-12-31", "--days", "3660"],
        ["agenda", "--today", "1900-01-01", "--format", "json"],
        ["network"],
        ["packet", "--html"],
        ["thanks", "--today", "2100-12-31"],
    ],
    ids=lambda a: " ".join(a),
)
def test_the_edges_of_the_range_work_in_every_command(
    runner: CliRunner, edges: Path, args: list[str]
) -> None:
    result = runner.invoke(cli, [*args, "--workspace", str(edges)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def test_the_edges_of_the_range_make_a_calendar(runner: CliRunner, edges: Path) -> None:
    ics = edges / "out.ics"
    args = ["agenda", "--today", "2100-12-31", "--ics", str(ics), "--workspace", str(edges)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert len(cal.walk("VEVENT")) == 5
    due = sorted(str(t["DUE"].dt) for t in cal.walk("VTODO") if "keep-in-touch" in str(t["UID"]))
    assert due[-1] == "2110-12-29"  # 2100-12-31 + 3650 days


def test_the_edges_of_the_range_make_thank_yous(runner: CliRunner, edges: Path) -> None:
    result = runner.invoke(cli, ["thanks", "--today", "2100-12-31", "--workspace", str(edges)])
    assert result.exit_code == 0, result.output
    eml = edges / "build" / "thanks" / "1900-01-01-first.eml"
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(eml.read_bytes())
    assert message["To"] == "Dana Whitfield <dana@example.com>"


def test_a_pdf_packet_at_the_end_of_the_range(
    runner: CliRunner, edges: Path, read_pdf: Any
) -> None:
    stem = "2100-12-31-east"
    result = runner.invoke(
        cli, ["packet", str(edges / "interviews" / f"{stem}.md"), "--workspace", str(edges)]
    )
    assert result.exit_code == 0, result.output
    pdf = read_pdf(edges / "build" / "packets" / f"{stem}.pdf")
    assert "Friday 31 December 2100" in pdf.text


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["lint", "--today", "9999-12-31"], "9999-12-31: the year 9999 is outside 1900 to 2100"),
        (
            ["log", "x.md", "--note", "n", "--on", "0001-01-01"],
            "--on 0001-01-01: the year 1 is outside 1900 to 2100; check the year",
        ),
        (
            ["thanks", "--mark-sent", "x.md", "--on", "2101-01-01"],
            "--on 2101-01-01: the year 2101 is outside 1900 to 2100; check the year",
        ),
        (
            ["new", "Dana", "--date", "9999-12-31T10:00"],
            "--date 9999-12-31T10:00: the year 9999 is outside 1900 to 2100; check the year",
        ),
    ],
)
def test_dates_given_as_options_are_checked_too(
    runner: CliRunner, workspace: Path, command: list[str], message: str
) -> None:
    (workspace / "interviews" / "x.md").write_text(interview("2026-11-01"))
    result = runner.invoke(cli, [*command, "--workspace", str(workspace)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (workspace / "interviews" / "9999-12-31-dana.md").exists()


# -- infoview.toml -------------------------------------------------------------------------


def config_error(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config(text, Path("infoview.toml"))
    return info.value


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, 1, "arrays or inline tables are nested more than 32"),
        ("x = 1\n[lint]\nk = " + "{b = " * 5000 + "1" + "}" * 5000, 3, "arrays or inline tables"),
        ("a = " + "[" * 5000, 1, "arrays or inline tables are nested more than 32"),
        ("timezone" + ".a" * 5000 + " = 1", 1, "tables are nested more than 32 levels deep"),
        ("[" + "a." * 5000 + "a]\nx = 1\n", 1, "tables are nested more than 32 levels deep"),
    ],
    ids=["arrays", "inline-tables", "unclosed", "dotted-keys", "header"],
)
def test_a_5000_deep_config_is_a_config_error_not_recursion(
    text: str, line: int, message: str
) -> None:
    error = config_error(text)
    assert (error.line, error.exit_code) == (line, 2)
    assert error.message.startswith(message)


def test_brackets_in_strings_and_comments_do_not_count_as_nesting() -> None:
    text = (
        '[profile]\nintro = "' + "[" * 100 + '"\n'
        "program = '" + "{" * 100 + "'\n"
        'name = """\n' + "[" * 100 + '\n"""\n'
        "# " + "[" * 100 + "\n"
    )
    assert parse_config(text).profile.intro == "[" * 100


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[lint]\nthank_you_days = 3000000\n",
            "'lint.thank_you_days': must be a whole number (0 to 365), not 3000000",
        ),
        (
            "[lint]\nkeep_in_touch_days = 36500\n",
            "'lint.keep_in_touch_days': must be a whole number (0 to 3650), not 36500",
        ),
        (
            '[packet]\nstylesheet = "/etc/passwd"\n',
            "'packet.stylesheet': is '/etc/passwd': "
            "give a .css file inside the workspace, relative to infoview.toml (no '..')",
        ),
        (
            '[packet]\nstylesheet = "../x.css"\n',
            "'packet.stylesheet': is '../x.css': "
            "give a .css file inside the workspace, relative to infoview.toml (no '..')",
        ),
        (
            '[packet]\nstylesheet = "styles/../../x.css"\n',
            "'packet.stylesheet': is 'styles/../../x.css': give a .css file inside the workspace",
        ),
        ('[packet]\nstylesheet = "C:/x.css"\n', "'packet.stylesheet': is 'C:/x.css': give a"),
        (
            '[thanks]\nstylesheet = "styles/card.txt"\n',
            "'thanks.stylesheet': is 'styles/card.txt': a stylesheet is a .css file",
        ),
        (
            '[profile]\nemail = "alex\\t@example.edu"\n',
            "'profile.email': is 'alex\\t@example.edu': contains a tab; write one address like "
            "name@example.com",
        ),
        (
            '[profile]\nemail = "alex@[127.0.0.1]"\n',
            "'profile.email': is 'alex@[127.0.0.1]': an "
            "address literal such as [127.0.0.1] is not accepted",
        ),
    ],
)
def test_config_values_out_of_bounds_are_errors_at_their_line(text: str, message: str) -> None:
    error = config_error(text)
    assert error.line == 2
    assert error.message.startswith(message)


def test_a_config_error_stops_the_command_with_exit_2(runner: CliRunner, workspace: Path) -> None:
    (workspace / "infoview.toml").write_text("[lint]\nthank_you_days = 3000000\n")
    result = runner.invoke(cli, ["lint", "--workspace", str(workspace)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {workspace / 'infoview.toml'}:2: 'lint.thank_you_days': must be a whole "
        "number (0 to 365), not 3000000\n"
    )


# -- email addresses -----------------------------------------------------------------------

BAD_ADDRESSES = [
    ("dana\t@example.com", "contains a tab"),
    ("da\x00na@example.com", "contains a control character (U+0000)"),
    ("dana@[127.0.0.1]", "an address literal such as [127.0.0.1] is not accepted"),
    ("dana@localhost", "'localhost' is not a domain name with a dot, like example.com"),
    ("@example.com", "there is nothing before the '@'"),
    ("<dana@example.com", "it has a name or angle brackets around the address"),
    ("dana@example.com>", "it has a name or angle brackets around the address"),
    ("Dana <dana@example.com>", "it has a name or angle brackets around the address"),
    ("a@x.com, b@y.com", "it holds more than one address"),
    ("a@x.com b@y.com", "contains a space"),
    ("dana@example.com\u2028Bcc: x@y.com", "contains a line break (U+2028)"),
    ("dana@example.com\x85x", "contains a line break (U+0085)"),
    ("dana", "it needs exactly one '@'"),
    ("dana@@example.com", "it has more than one '@'"),
    ("a..b@example.com", "the part before the '@' cannot start or end with a dot"),
    ("dana@example..com", "'example..com' is not a domain name (an empty part between dots)"),
    ("dana@-x.com", "'-x.com' is not a domain name"),
    ("dana@127.0.0.1", "an IP address is not accepted, only a domain name"),
    ('"a b"@example.com', "quoted addresses are not accepted"),
    ("josé@example.com", "the part before the '@' has letters outside ASCII"),
    ("dana@example.com\u202e", "contains a text-direction control (U+202E)"),
    ("x" * 65 + "@example.com", "the part before the '@' is longer than 64 characters"),
]


@pytest.mark.parametrize(("value", "reason"), BAD_ADDRESSES)
def test_bad_addresses_are_refused_with_the_reason(value: str, reason: str) -> None:
    assert (address_problem(value) or "").startswith(reason)


@pytest.mark.parametrize(
    "value",
    [
        "dana@example.com",
        "o'brien+tag@mail.example.co.uk",
        "d@x.io",
        "dana@exämple.com",
        "first.last@sub-domain.example.org",
    ],
)
def test_good_addresses_pass(value: str) -> None:
    assert address_problem(value) is None


@pytest.mark.parametrize(("value", "reason"), BAD_ADDRESSES[:12])
def test_iv002_flags_a_bad_interviewer_email_at_its_line(value: str, reason: str) -> None:
    escaped = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    found = [p for p in problems(interview("2026-11-01", email=escaped)) if p[0] == "IV002"]
    assert len(found) == 1
    _, line, message = found[0]
    assert line == 4
    assert message.startswith(f"'interviewer.email' is {value!r}: {reason}")
    assert message.endswith("; write one address like name@example.com")


@pytest.mark.parametrize(("value", "reason"), BAD_ADDRESSES[:12])
def test_thanks_refuses_a_bad_address_before_writing(
    runner: CliRunner, workspace: Path, value: str, reason: str
) -> None:
    escaped = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    (workspace / "interviews" / "2026-11-01-dana.md").write_text(
        interview("2026-11-01T10:00", email=escaped)
    )
    result = runner.invoke(cli, ["thanks", "--today", "2026-11-02", "--workspace", str(workspace)])
    assert result.exit_code == 1
    assert f"interviewer.email is {value!r}: {reason}" in result.stderr
    assert not (workspace / "build").exists()


# -- names that go into mail headers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Dana\\u2028Bcc: evil@example.com", "a line break (U+2028)"),
        ("Dana\\u2029Bcc: evil@example.com", "a line break (U+2029)"),
        ("Dana\\x85Bcc: evil@example.com", "a line break (U+0085)"),
        ("Dana\\vBcc: evil@example.com", "a line break (U+000B)"),
        ("Dana\\fBcc: evil@example.com", "a line break (U+000C)"),
        ("Dana\\tWhitfield", "a tab"),
        ("Dana\\e[2J", "a control character (U+001B)"),
        ("Dana\\u202eWhitfield", "a text-direction control (U+202E)"),
    ],
)
def test_names_with_line_breaks_or_controls_never_reach_a_header(
    runner: CliRunner, workspace: Path, name: str, shown: str
) -> None:
    (workspace / "interviews" / "2026-11-01-dana.md").write_text(
        interview("2026-11-01T10:00", name=name)
    )
    result = runner.invoke(cli, ["thanks", "--today", "2026-11-02", "--workspace", str(workspace)])
    assert result.exit_code == 1
    assert f"interviewer.name contains {shown}; make it one line of plain text" in result.stderr
    assert not (workspace / "build").exists()


def test_plain_names_are_header_text() -> None:
    for name in ["José Núñez", "Dana\u00a0Whitfield", "李 小龙", "👩‍⚖️ Dana"]:
        assert header_text_problem(name) is None
