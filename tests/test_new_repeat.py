"""``infoview new`` for someone met before: details from the latest interview, said aloud."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from infoview.cli import cli
from infoview.parse import parse_text

EARLIER = """\
---
interviewer:
  name: Aisha Bello
  title: {title}
  organization: Lakeshore Medical Center
  email: aisha.bello@example.org
  phone: "{phone}"
meeting:
  date: {date}
---
"""


@pytest.fixture
def ws(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[[Path, str, str], Path]
) -> Path:
    monkeypatch.chdir(workspace)
    write(
        workspace,
        "2026-11-18-aisha-bello",
        EARLIER.format(title="Charge Nurse", phone="+1 312 555 0100", date="2026-11-18T14:00"),
    )
    write(
        workspace,
        "2027-02-10-aisha-bello",
        EARLIER.format(title="Nurse Manager", phone="+1 312 555 0147", date="2027-02-10"),
    )
    return workspace


def new(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, ["new", *args, "--date", "2027-06-01"])
    return result.exit_code, result.stdout, result.stderr


def interviewer(ws: Path, stem: str) -> dict[str, str | None]:
    path = ws / "interviews" / f"{stem}.md"
    who = parse_text(path.read_text(encoding="utf-8"), path).interviewer
    return {k: getattr(who, k) for k in ("name", "title", "organization", "email", "phone")}


@pytest.mark.parametrize("name", ["Aisha Bello", "aisha  BELLO", "Aïsha Bello"])
def test_a_repeat_contact_is_filled_in_from_the_latest_interview(
    runner: CliRunner, ws: Path, name: str
) -> None:
    code, out, err = new(runner, name)
    assert (code, out) == (0, "interviews/2027-06-01-aisha-bello.md\n")
    assert err == (
        "  filled in from your last interview with Aisha Bello "
        "(interviews/2027-02-10-aisha-bello.md, 10 February 2027): title, organization, "
        "email, phone; check they are still right\n"
    )
    assert interviewer(ws, "2027-06-01-aisha-bello") == {
        "name": name,  # as typed
        "title": "Nurse Manager",  # the latest, not the first
        "organization": "Lakeshore Medical Center",
        "email": "aisha.bello@example.org",
        "phone": "+1 312 555 0147",
    }


def test_options_win_over_the_earlier_details(runner: CliRunner, ws: Path) -> None:
    code, _, err = new(runner, "Aisha Bello", "--phone", "+1 312 555 0999", "--title", "Director")
    assert code == 0
    assert err.endswith(": organization, email; check they are still right\n")
    details = interviewer(ws, "2027-06-01-aisha-bello")
    assert (details["phone"], details["title"]) == ("+1 312 555 0999", "Director")


def test_the_same_email_is_the_same_person(runner: CliRunner, ws: Path) -> None:
    code, out, err = new(runner, "A. Bello", "--email", "AISHA.BELLO@example.org")
    assert (code, out) == (0, "interviews/2027-06-01-a-bello.md\n")
    assert (
        "(interviews/2027-02-10-aisha-bello.md, 10 February 2027): title, organization, phone;"
        in err
    )
    assert interviewer(ws, "2027-06-01-a-bello")["email"] == "AISHA.BELLO@example.org"


@pytest.mark.parametrize("args", [["Aisha Bello", "--no-prefill"], ["Aisha Bellow"]])
def test_no_prefill_or_no_earlier_interview(runner: CliRunner, ws: Path, args: list[str]) -> None:
    code, out, err = new(runner, *args)
    assert (code, err) == (0, "")
    stem = out.strip().removeprefix("interviews/").removesuffix(".md")
    details = interviewer(ws, stem)
    assert (details["title"], details["organization"], details["phone"]) == (None, None, None)
