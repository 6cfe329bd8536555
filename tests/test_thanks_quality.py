"""Thank-you notes a student would send: cards that fit, wording per channel, no early notes."""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from infoview.cli import cli
from infoview.lint.context import Context
from infoview.thanks import compose
from infoview.workspace import open_workspace

ORG = "Northwestern Lakeshore Regional Medical Center and Rehabilitation Institute"
TWO_SENTENCES = (
    "Pick a bridge program with clinicals you can schedule on your days off. Your long-term "
    "care experience is worth more than you think, so talk about it in every interview."
)


def nurse(
    *,
    takeaway: str = TWO_SENTENCES,
    address: str | None = None,
    date: str = "2026-11-18T14:00",
    extra: str = "",
    formality: str = "informal",
    name: str = "Aisha Bello",
) -> str:
    lines = [
        "---",
        "interviewer:",
        f"  name: {name}",
        "  title: Nurse Manager",
        f"  organization: {ORG}",
        "  email: aisha.bello@example.org",
    ]
    if address is not None:
        lines.append("  address: |")
        lines += [f"    {line}" for line in address.splitlines()]
    lines += [
        "meeting:",
        f"  date: {date}",
        "  duration: 30",
        "  mode: in-person",
        "  location: Lakeshore cafeteria, 251 E Huron St",
        f"formality: {formality}",
        "referrals:",
        "  - name: Marcus Bell-Núñez",
    ]
    return "\n".join(lines) + "\n" + extra + f"---\n\n## Notes\n- **Takeaway:** {takeaway}\n"


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


def put(ws: Path, text: str, stem: str = "2026-11-18-aisha-bello") -> Path:
    path = ws / "interviews" / f"{stem}.md"
    path.write_text(text, encoding="utf-8")
    return path


def thanks(runner: CliRunner, *args: str, today: str = "2026-11-19") -> Any:
    return runner.invoke(cli, ["thanks", "--today", today, *args])


def card_text(pdf: Any, page: int = 0) -> str:
    return " ".join(pdf.reader.pages[page].extract_text().split())


# -- the card fits one face ------------------------------------------------------------------


def test_an_ordinary_note_fits_one_face_of_the_card(
    runner: CliRunner, ws: Path, read_pdf: Callable[[Path], Any]
) -> None:
    put(ws, nurse())
    result = thanks(runner)
    assert (result.exit_code, result.stderr) == (0, "")
    pdf = read_pdf(ws / "build/thanks/2026-11-18-aisha-bello.pdf")
    assert pdf.pages == 1  # before: "Thanks again, / Jordan" spilled onto a second page
    text = card_text(pdf)
    assert text.endswith("Thanks again, Alex Rivera")
    assert f"about your work at {ORG}." in text
    # the student's "you" is the writer's "I"; the later imperative is "I should"
    assert (
        "I especially appreciated your advice to pick a bridge program with clinicals I can "
        "schedule on my days off. My long-term care experience is worth more than I think, so "
        "I should talk about it in every interview."
    ) in text
    assert "I will also reach out to Marcus Bell-Núñez, as you suggested." in text


LONG = (
    "Orientation runs twelve weeks with one preceptor, then three more on nights with a "
    "second. New graduates who ask for feedback every Friday get through it faster than "
    "those who wait for the formal review at week six. The unit council is open to anyone "
    "after ninety days, and serving on it is the quickest way to be known by the managers "
    "of the other floors. Most charge nurses here were hired from the residency programme. "
    "Budget season starts in March, so staffing requests made in January tend to succeed. "
    "Epic super-users get two paid days of training each quarter and first pick of projects. "
    "Tuition help covers half of an MSN after a year, provided the degree is finished within "
    "five years. Exit interviews show that most nurses who leave do so in month eight."
)
ADDRESS = (
    "Aisha Bello, RN, MSN\nLakeshore Medical Center\n251 E Huron St, Floor 4\nChicago, IL 60611"
)


@pytest.mark.parametrize(
    ("address", "envelope"),
    [
        # the address starts with the name: it is not printed twice
        (ADDRESS, ADDRESS.splitlines()),
        ("aisha  BELLO\n251 E Huron St", ["aisha BELLO", "251 E Huron St"]),
        (
            "Lakeshore Medical Center\n251 E Huron St",
            ["Aisha Bello", "Lakeshore Medical Center", "251 E Huron St"],
        ),
    ],
)
def test_an_address_adds_exactly_one_envelope_page(
    runner: CliRunner,
    ws: Path,
    read_pdf: Callable[[Path], Any],
    address: str,
    envelope: list[str],
) -> None:
    put(ws, nurse(address=address))
    assert thanks(runner).exit_code == 0
    pdf = read_pdf(ws / "build/thanks/2026-11-18-aisha-bello.pdf")
    assert pdf.pages == 2
    assert card_text(pdf).endswith("Thanks again, Alex Rivera")
    assert pdf.reader.pages[1].extract_text().splitlines() == ["Alex Rivera", *envelope]


def test_a_note_past_the_floor_warns_and_names_what_to_shorten(
    runner: CliRunner, ws: Path, read_pdf: Callable[[Path], Any]
) -> None:
    long = TWO_SENTENCES + " " + LONG
    put(ws, nurse(takeaway=long))
    result = thanks(runner)
    assert result.exit_code == 0
    words = len(long.split())
    assert result.stderr == (
        "  warning: interviews/2026-11-18-aisha-bello.md: the note does not fit one side of "
        f"the card even at 9 pt; shorten the takeaway at line 18 ({words} words) to a "
        "sentence or two\n"
    )
    assert read_pdf(ws / "build/thanks/2026-11-18-aisha-bello.pdf").pages == 2


# -- wording by channel ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "phrase"),
    [
        ("2026-11-19", "on Wednesday"),
        ("2026-11-20", "on Wednesday"),
        ("2026-11-30", "on November 18"),
    ],
)
def test_a_card_names_the_day_never_yesterday(
    runner: CliRunner, ws: Path, read_pdf: Callable[[Path], Any], today: str, phrase: str
) -> None:
    put(ws, nurse())
    assert thanks(runner, today=today).exit_code == 0
    text = card_text(read_pdf(ws / "build/thanks/2026-11-18-aisha-bello.pdf"))
    assert f"to meet with me {phrase} and" in text
    assert "yesterday" not in text and "today" not in text


def read_eml(path: Path) -> EmailMessage:
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def test_an_email_written_the_same_day_says_today(ws: Path) -> None:
    put(ws, nurse(formality="formal"))
    workspace = open_workspace(ws)
    interview = workspace.read(ws / "interviews/2026-11-18-aisha-bello.md")
    tz = workspace.config.tz
    evening = Context(workspace.config, dt.datetime(2026, 11, 18, 18, 0, tzinfo=tz))
    note = compose(workspace, interview, evening)
    assert note.channel == "email"
    assert "Thank you for taking the time to meet with me today and" in note.text
    card = compose(workspace, interview, evening, fmt="card")
    assert "meet with me on Wednesday and" in card.text


def test_salutation_greets_and_the_subject_names_the_meeting(runner: CliRunner, ws: Path) -> None:
    extra_name = "Marcus Bell-Núñez\n  salutation: Dr. Bell-Núñez"
    put(ws, nurse(formality="formal", name=extra_name), stem="2026-11-18-marcus")
    lint = runner.invoke(cli, ["lint", "interviews/2026-11-18-marcus.md", "--today", "2026-11-19"])
    assert "IV002" not in lint.output  # a known key, in the schema
    result = thanks(runner)
    assert result.exit_code == 0, result.output
    message = read_eml(ws / "build/thanks/2026-11-18-marcus.eml")
    assert message["Subject"] == "Thank you for the informational interview on November 18"
    content = message.get_content().replace("\r\n", "\n")
    assert content.startswith("Dear Dr. Bell-Núñez,\n\nThank you for taking the time to meet")
    assert "with me yesterday" in content
    (to,) = message["To"].addresses
    assert to.display_name == "Marcus Bell-Núñez"


def test_a_formal_note_without_salutation_greets_a_doctor_as_one(
    runner: CliRunner, ws: Path
) -> None:
    put(ws, nurse(formality="formal", name='"Ana María de la Cruz, PhD"'))
    assert thanks(runner).exit_code == 0
    content = read_eml(ws / "build/thanks/2026-11-18-aisha-bello.eml").get_content()
    content = content.replace("\r\n", "\n")
    assert content.startswith("Dear Dr. de la Cruz,\n")


def test_a_formal_note_by_full_name_says_how_to_greet_by_title(runner: CliRunner, ws: Path) -> None:
    put(ws, nurse(formality="formal", name="Marcus Bell-Núñez"))
    result = thanks(runner)
    assert result.exit_code == 0, result.output
    content = read_eml(ws / "build/thanks/2026-11-18-aisha-bello.eml").get_content()
    assert content.replace("\r\n", "\n").startswith("Dear Marcus Bell-Núñez,\n")
    assert (
        "  warning: interviews/2026-11-18-aisha-bello.md: the note greets them 'Dear Marcus "
        "Bell-Núñez,'; to greet them by title, add the one they use under 'interviewer:', "
        "e.g. 'salutation: Dr. Bell-Núñez' or 'salutation: Ms. Bell-Núñez'\n"
    ) in result.stderr


@pytest.mark.parametrize(
    ("name", "formality"),
    [("Dr. Marcus Bell-Núñez", "formal"), ("Marcus Bell-Núñez", "informal")],
)
def test_no_greeting_hint_where_the_greeting_needs_none(
    runner: CliRunner, ws: Path, name: str, formality: str
) -> None:
    put(ws, nurse(formality=formality, name=name))
    result = thanks(runner)
    assert result.exit_code == 0, result.output
    assert "salutation" not in result.stderr


@pytest.mark.parametrize(
    ("organization", "reads"),
    [
        ("Cook County Department of Planning", "at the Cook County Department of Planning."),
        ("University of Oregon", "at the University of Oregon."),
        ("City of Portland", "at the City of Portland."),
        ("The Office of the Public Defender", "at The Office of the Public Defender."),
        ("Bank of America", "at Bank of America."),
        ("Marlow & Reyes LLP", "at Marlow & Reyes LLP."),
    ],
)
def test_an_organisation_named_x_of_y_reads_with_the(
    runner: CliRunner, ws: Path, organization: str, reads: str
) -> None:
    put(ws, nurse(formality="formal").replace(ORG, organization))
    assert thanks(runner).exit_code == 0
    content = read_eml(ws / "build/thanks/2026-11-18-aisha-bello.eml").get_content()
    assert f"your work {reads}" in " ".join(content.split())


# -- not before the meeting ----------------------------------------------------------------


def test_a_meeting_ahead_gets_no_note(runner: CliRunner, ws: Path) -> None:
    put(ws, nurse(date="2026-12-15T10:00"), stem="2026-12-15-aisha-bello")
    result = thanks(runner, "interviews/2026-12-15-aisha-bello.md", today="2026-12-08")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: interviews/2026-12-15-aisha-bello.md: the meeting is on Tuesday 15 December "
        "2026 at 10:00, after today (2026-12-08); write the thank-you once it has happened, or "
        "use --early for a draft now\n"
    )
    assert not (ws / "build").exists()


def test_a_meeting_later_today_is_ahead_too(runner: CliRunner, ws: Path) -> None:
    put(ws, nurse(date="2026-12-15T10:00"), stem="2026-12-15-aisha-bello")
    result = thanks(runner, "interviews/2026-12-15-aisha-bello.md", today="2026-12-15")
    assert result.exit_code == 1
    assert "the meeting is on Tuesday 15 December 2026 at 10:00, after today" in result.stderr


def test_early_writes_a_draft_and_says_so(
    runner: CliRunner, ws: Path, read_pdf: Callable[[Path], Any]
) -> None:
    put(ws, nurse(date="2026-12-15T10:00"), stem="2026-12-15-aisha-bello")
    result = thanks(runner, "interviews/2026-12-15-aisha-bello.md", "--early", today="2026-12-08")
    assert result.exit_code == 0
    assert result.stdout == "wrote      build/thanks/2026-12-15-aisha-bello.pdf (card)\n"
    assert result.stderr == (
        "  warning: interviews/2026-12-15-aisha-bello.md: an early draft: the meeting is on "
        "Tuesday 15 December 2026 at 10:00, after today (2026-12-08)\n"
    )
    text = card_text(read_pdf(ws / "build/thanks/2026-12-15-aisha-bello.pdf"))
    assert "to meet with me on Tuesday and" in text


@pytest.mark.parametrize(
    ("meeting", "extra", "message"),
    [
        (
            "2026-12-15",
            "status: cancelled\n",
            "the meeting is marked cancelled (status: cancelled); there is no meeting to thank",
        ),
    ],
)
def test_a_cancelled_meeting_gets_no_note_even_early(
    runner: CliRunner, ws: Path, meeting: str, extra: str, message: str
) -> None:
    put(ws, nurse(date=meeting, extra=extra), stem="2026-12-15-aisha-bello")
    for args in ([], ["--early"]):
        result = thanks(runner, "interviews/2026-12-15-aisha-bello.md", *args)
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == f"error: interviews/2026-12-15-aisha-bello.md: {message}\n"
    assert not (ws / "build").exists()
