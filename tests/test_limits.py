"""Every bound in ``infoview.limits``, from both sides, through the command a person runs.

A bound is a promise in both directions: the last value inside works, the first outside is
refused (or, for markup, shown as plain text) with a message that names the bound.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from samples import FRONT, TODAY

from infoview.cli import cli


def lint(runner: CliRunner, workspace: Path, *args: str) -> Result:
    return runner.invoke(cli, ["lint", "--today", TODAY, "--workspace", str(workspace), *args])


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_first_and_last_days_of_the_range_are_accepted(
    runner: CliRunner, workspace: Path, day: str
) -> None:
    result = runner.invoke(cli, ["lint", "--today", day, "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("day", "year"), [("1899-12-31", 1899), ("2101-01-01", 2101)])
def test_a_day_just_outside_the_range_is_refused(
    runner: CliRunner, workspace: Path, day: str, year: int
) -> None:
    result = runner.invoke(cli, ["lint", "--today", day, "--workspace", str(workspace)])
    assert result.exit_code == 2
    assert f"{day}: the year {year} is outside 1900 to 2100; check the year" in result.stderr


@pytest.mark.parametrize(
    ("key", "value", "bounds"),
    [
        ("thank_you_days", 0, None),
        ("thank_you_days", 365, None),
        ("thank_you_days", -1, "0 to 365"),
        ("thank_you_days", 366, "0 to 365"),
        ("keep_in_touch_days", 0, None),
        ("keep_in_touch_days", 3650, None),
        ("keep_in_touch_days", -1, "0 to 3650"),
        ("keep_in_touch_days", 3651, "0 to 3650"),
    ],
)
def test_day_counts_are_bounded_on_both_sides(
    runner: CliRunner, workspace: Path, key: str, value: int, bounds: str | None
) -> None:
    with (workspace / "infoview.toml").open("a") as config:
        config.write(f"\n[lint]\n{key} = {value}\n")
    result = lint(runner, workspace)
    if bounds is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    line = len((workspace / "infoview.toml").read_text().splitlines())
    assert result.stderr == (
        f"error: {workspace / 'infoview.toml'}:{line}: 'lint.{key}': must be a whole number "
        f"({bounds}), not {value}\n"
    )


def test_the_agenda_looks_at_most_ten_years_ahead(runner: CliRunner, workspace: Path) -> None:
    base = ["agenda", "--today", TODAY, "--workspace", str(workspace), "--days"]
    assert runner.invoke(cli, [*base, "3660"]).exit_code == 0
    result = runner.invoke(cli, [*base, "3661"])
    assert result.exit_code == 2
    assert "3661 is not in the range 1<=x<=3660" in result.stderr


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        # dotted keys nest tables without a bracket: 32 levels (the file's own table and
        # 31 more), then an unknown key; 33 are refused at their line
        ("a" + ".a" * 31 + " = 1\n", "", "'a': unknown key"),
        ("a" + ".a" * 32 + " = 1\n", ":1", "tables are nested more than 32 levels deep"),
        # brackets are counted before parsing: the 33rd is refused at its line and column
        (
            "b = " + "[" * 33 + "]" * 33 + "\n",
            ":1:37",
            "arrays or inline tables are nested more than 32 levels deep",
        ),
    ],
)
def test_infoview_toml_nests_at_most_32_levels(
    runner: CliRunner, workspace: Path, text: str, where: str, message: str
) -> None:
    (workspace / "infoview.toml").write_text(text)
    result = lint(runner, workspace)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {workspace / 'infoview.toml'}{where}: {message}")


# -- a packet's size and markup -----------------------------------------------------------------


def packet(runner: CliRunner, workspace: Path, questions: list[str]) -> tuple[Result, str]:
    body = "## Research\n- **Work history:** x\n\n## Questions\n### Goal 1\n"
    body += "".join(f"- {q}\n" for q in questions)
    (workspace / "interviews" / "p.md").write_text(f"---\n{FRONT}---\n{body}")
    result = runner.invoke(cli, ["packet", "--html", "--workspace", str(workspace)])
    out = workspace / "build" / "packets" / "p.html"
    return result, out.read_text(encoding="utf-8") if out.exists() else ""


# The research item "x" and the two goals (36 and 53 characters) come with every packet.
FIXED_ITEMS, FIXED_TEXT = 3, 1 + 36 + 53


@pytest.mark.parametrize("over", [0, 1])
def test_a_packet_shows_at_most_500_items(runner: CliRunner, workspace: Path, over: int) -> None:
    result, html = packet(runner, workspace, ["Why?"] * (500 - FIXED_ITEMS + over))
    if not over:
        assert result.exit_code == 0, result.output
        assert html.count("Why?") == 2 * 497  # each question shows twice
        return
    assert result.exit_code == 1
    assert "too much for one packet: 501 research items, goals and questions with" in (
        result.stderr
    )
    assert "(a packet shows at most 500 items and 131072 characters)" in result.stderr
    assert html == ""


@pytest.mark.parametrize("over", [0, 1])
def test_a_packet_shows_at_most_128_kib_of_text(
    runner: CliRunner, workspace: Path, over: int
) -> None:
    question = "w" * (128 * 1024 - FIXED_TEXT + over)
    result, html = packet(runner, workspace, [question])
    if not over:
        assert result.exit_code == 0, result.output
        assert question in html
        return
    assert result.exit_code == 1
    assert "4 research items, goals and questions with 131073 characters" in result.stderr
    assert html == ""


NOTE = (
    "  interviews/p.md: not included: formatting of 1 item: shown as plain text, since more "
    "than 100 emphasis, link or code spans in one item (or 5000 in a packet) take too long "
    "to lay out\n"
)


@pytest.mark.parametrize("spans", [100, 101])
def test_an_item_keeps_up_to_100_spans_of_markup(
    runner: CliRunner, workspace: Path, spans: int
) -> None:
    result, html = packet(runner, workspace, [" ".join(["*a*"] * spans)])
    assert result.exit_code == 0, result.output
    if spans == 100:
        assert html.count("<em>a</em>") == 2 * 100  # once in the questions, once in the notes
        assert result.stderr == ""
    else:
        assert "<em>" not in html
        assert result.stderr == NOTE


@pytest.mark.parametrize("last", [0, 1])
def test_a_packet_keeps_up_to_5000_spans_of_markup(
    runner: CliRunner, workspace: Path, last: int
) -> None:
    # Each question shows twice, in page order: 25 of 100 spans make the packet's 5000. One
    # more span, in a last question, takes the 5000th place, so the last one of 100 to be
    # shown (the 25th, in the notes) is left as plain text.
    questions = [" ".join([f"*q{n}*"] * 100) for n in range(25)] + ["*last*" if last else "x"]
    result, html = packet(runner, workspace, questions)
    assert result.exit_code == 0, result.output
    if last:
        assert html.count("<em>") == 24 * 200 + 100 + 2
        assert html.count("<em>q24</em>") == 100
        assert result.stderr == NOTE
    else:
        assert html.count("<em>") == 5000
        assert result.stderr == ""
