"""``infoview thanks``: email drafts read back with email.parser, cards read with pypdf."""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from infoview.cli import cli

TODAY = "2026-12-04"  # the day after the meeting
NOTES = """\
## Notes
- Paralegals here draft most trust documents.
- **Takeaway:** Take the *trusts and estates* elective before you graduate
- **Advice:** Join the state paralegal association.
"""
TAKEAWAY = "Take the trusts and estates elective before you graduate."
# The same advice in the voice of the note: the student's "you" is the writer, "I".
ADVICE = "your advice to take the trusts and estates elective before I graduate."
ADDRESS = ["Marlow & Reyes LLP", "100 SW Main St, Suite 400", "Portland, OR 97204"]


def interview(
    *,
    name: str = "Dana Whitfield",
    email: str | None = "dana.whitfield@example.com",
    formality: str = "formal",
    date: str = "2026-12-03T10:00",
    extra: str = "",
    notes: str = NOTES,
    salutation: str | None = None,
) -> str:
    lines = ["---", "interviewer:", f"  name: {name}", "  organization: Marlow & Reyes LLP"]
    if salutation is not None:
        lines.append(f"  salutation: {salutation}")
    if email is not None:
        lines.append(f"  email: {email}")
    lines += ["meeting:", f"  date: {date}", "  duration: 30", f"formality: {formality}"]
    return "\n".join(lines) + "\n" + extra + "---\n\n" + notes


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The workspace as the current directory, so output paths print as build/thanks/..."""
    monkeypatch.chdir(workspace)
    return workspace


def put(ws: Path, stem: str, text: str) -> Path:
    path = ws / "interviews" / f"{stem}.md"
    path.write_text(text, encoding="utf-8")
    return path


def configure(ws: Path, extra: str) -> None:
    config = ws / "infoview.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")


def thanks(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, ["thanks", "--today", TODAY, *args])


def read_eml(path: Path) -> EmailMessage:
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def body(message: EmailMessage) -> str:
    content = message.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def outputs(ws: Path) -> list[str]:
    folder = ws / "build" / "thanks"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- email drafts ----------------------------------------------------------------------------

DANA_BODY = f"""\
Dear Dana Whitfield,

Thank you for taking the time to meet with me yesterday and for telling me about your work \
at Marlow & Reyes LLP. I learned a great deal.

I especially appreciated {ADVICE}

I plan to act on it, and I will let you know how it goes. I will also reach out to Sam \
Ortiz, as you suggested.

With thanks,
Alex Rivera
"""


def test_formal_interview_gets_an_email_draft(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana-whitfield", interview(extra="referrals:\n  - name: Sam Ortiz\n"))
    result = thanks(runner)
    # Greeting by full name is the default; the warning says how to greet by title instead.
    assert (result.exit_code, result.stderr) == (
        0,
        "  warning: interviews/2026-12-03-dana-whitfield.md: the note greets them 'Dear Dana "
        "Whitfield,'; to greet them by title, add the one they use under 'interviewer:', e.g. "
        "'salutation: Dr. Whitfield' or 'salutation: Ms. Whitfield'\n",
    )
    wrote, link = result.stdout.splitlines()
    assert wrote == "wrote      build/thanks/2026-12-03-dana-whitfield.eml (email)"
    assert outputs(ws) == ["2026-12-03-dana-whitfield.eml"]

    message = read_eml(ws / "build/thanks/2026-12-03-dana-whitfield.eml")
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Alex Rivera", "alex.rivera@example.edu")
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Dana Whitfield", "dana.whitfield@example.com")
    # The subject names the meeting, not the person (who is in To already).
    assert message["Subject"] == "Thank you for the informational interview on December 3"
    assert message["Date"].datetime == dt.datetime(
        2026, 12, 4, tzinfo=ZoneInfo("America/Los_Angeles")
    )
    assert message["Message-ID"].startswith("<")
    assert message["Message-ID"].endswith("@example.edu>")
    assert message["X-Unsent"] == "1"
    assert "Cc" not in message and "Bcc" not in message
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert body(message) == DANA_BODY

    assert link.startswith("  open in your mail program: mailto:")
    url = urlsplit(link.removeprefix("  open in your mail program: "))
    query = parse_qs(url.query)
    assert (url.scheme, url.path) == ("mailto", "dana.whitfield@example.com")
    # RFC 6068 wants line breaks in a mailto: body as %0D%0A.
    assert query == {"subject": [message["Subject"]], "body": [DANA_BODY.replace("\n", "\r\n")]}


def test_non_ascii_names_stay_intact(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-zoe", interview(name="Zoë Ñúñez", email="zoe@example.com"))
    result = thanks(runner)
    assert result.exit_code == 0, result.output
    message = read_eml(ws / "build/thanks/2026-12-03-zoe.eml")
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Zoë Ñúñez", "zoe@example.com")
    assert message["Subject"] == "Thank you for the informational interview on December 3"
    assert body(message).startswith("Dear Zoë Ñúñez,\n")
    raw = (ws / "build/thanks/2026-12-03-zoe.eml").read_bytes()
    assert "Dear Zoë Ñúñez,".encode() in raw  # the 8-bit UTF-8 body, not an escaped form


def test_display_name_with_a_comma_stays_one_address(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana", interview(name='"Whitfield, Dana"'))
    assert thanks(runner).exit_code == 0
    (to,) = read_eml(ws / "build/thanks/2026-12-03-dana.eml")["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Whitfield, Dana", "dana.whitfield@example.com")


def test_workspace_template_override_is_used(runner: CliRunner, ws: Path) -> None:
    (ws / "templates").mkdir()
    (ws / "templates" / "thanks.txt.j2").write_text(
        "Hi {{ salutation_name }} at {{ organization }}, you said: {{ takeaway }}\n"
        "{% for t in takeaways %}\n* {{ t }}\n{% endfor %}\n-- {{ signature }}\n",
        encoding="utf-8",
    )
    configure(ws, '[thanks]\nsignature = "Alex R."\n')
    put(ws, "2026-12-03-dana", interview())
    assert thanks(runner).exit_code == 0
    # takeaway(s) in the writer's voice: the student's "you" is "I".
    assert body(read_eml(ws / "build/thanks/2026-12-03-dana.eml")) == (
        "Hi Dana Whitfield at Marlow & Reyes LLP, you said: "
        "Take the trusts and estates elective before I graduate.\n"
        "* Take the trusts and estates elective before I graduate.\n"
        "* Join the state paralegal association.\n-- Alex R.\n"
    )


# -- cards -----------------------------------------------------------------------------------


def _size(page: Any) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def test_informal_interview_gets_a_card_with_an_envelope(
    runner: CliRunner, ws: Path, read_pdf: Callable[[Path], Any]
) -> None:
    address = "".join(f"    {line}\n" for line in ADDRESS)
    text = interview(name="Zoë Ñúñez", formality="informal")
    put(
        ws,
        "2026-12-03-zoe",
        text.replace("  organization:", f"  address: |\n{address}  organization:"),
    )
    configure(ws, '[thanks]\nsignature = "Alex"\n')
    result = thanks(runner)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "wrote      build/thanks/2026-12-03-zoe.pdf (card)\n"
    assert outputs(ws) == ["2026-12-03-zoe.pdf"]

    pdf = read_pdf(ws / "build/thanks/2026-12-03-zoe.pdf")
    assert pdf.pages == 2
    assert (pdf.metadata["/Title"], pdf.metadata["/Author"]) == (
        "Thank-you card for Zoë Ñúñez",
        "Alex",
    )
    for page in pdf.reader.pages:
        width, height = _size(page)
        assert abs(width - 396) <= 1 and abs(height - 306) <= 1  # 5.5 x 4.25 in
    card = " ".join(pdf.reader.pages[0].extract_text().split())
    assert card.startswith("Copy this by hand onto your card.")
    # A card is read days later: the weekday, never "yesterday".
    assert "Dear Zoë, Thank you for taking the time to meet with me on Thursday" in card
    assert f"I especially appreciated {ADVICE}" in card
    assert card.endswith("Thanks again, Alex")
    envelope = pdf.reader.pages[1].extract_text().splitlines()
    assert envelope == ["Alex Rivera", "Zoë Ñúñez", *ADDRESS]  # return address, then the to


def test_format_card_overrides_a_formal_pairing(
    runner: CliRunner, ws: Path, read_pdf: Callable[[Path], Any]
) -> None:
    notes = "## Notes\n- **Takeaway:** Read <em>every</em> will & trust twice\n"
    put(ws, "2026-12-03-dana", interview(email=None, notes=notes))  # a card needs no email
    result = thanks(runner, "--format", "card")
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote      build/thanks/2026-12-03-dana.pdf (card)\n"
    pdf = read_pdf(ws / "build/thanks/2026-12-03-dana.pdf")
    assert pdf.pages == 1  # no address: no envelope page
    assert _size(pdf.reader.pages[0]) == pytest.approx((396, 306), abs=1)
    assert "Dear Dana Whitfield," in pdf.text
    # Front-matter and Markdown text is shown as written, never interpreted as HTML.
    assert "your work at Marlow & Reyes LLP." in pdf.text
    assert "your advice to read <em>every</em> will & trust twice." in pdf.text
    assert pdf.text.endswith("With thanks, Alex Rivera")


def test_format_email_overrides_an_informal_pairing(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana", interview(formality="informal"))
    result = thanks(runner, "--format", "email")
    assert result.exit_code == 0, result.output
    assert outputs(ws) == ["2026-12-03-dana.eml"]
    message = read_eml(ws / "build/thanks/2026-12-03-dana.eml")
    assert message["Subject"] == "Thanks for meeting with me on December 3"
    assert body(message).startswith("Hi Dana,\n")
    assert body(message).endswith("\nThanks again,\nAlex Rivera\n")


def test_thanks_config_can_pair_informal_with_email(runner: CliRunner, ws: Path) -> None:
    configure(ws, '[thanks]\ninformal = "email"\n')
    put(ws, "2026-12-03-dana", interview(formality="informal"))
    result = thanks(runner)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "wrote      build/thanks/2026-12-03-dana.eml (email)"
    assert outputs(ws) == ["2026-12-03-dana.eml"]


# -- which interviews ------------------------------------------------------------------------


def test_default_is_done_interviews_without_a_sent_thank_you(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana", interview())
    put(ws, "2026-12-20-lee", interview(name="Lee Chan", date="2026-12-20T09:00"))
    put(
        ws,
        "2026-11-02-sam",
        interview(
            name="Sam Ortiz", date="2026-11-02", extra="follow_up:\n  thank_you_sent: 2026-11-03\n"
        ),
    )
    result = thanks(runner)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "wrote      build/thanks/2026-12-03-dana.eml (email)"
    assert len(result.stdout.splitlines()) == 2  # and its mailto: line
    assert outputs(ws) == ["2026-12-03-dana.eml"]


def test_nothing_due(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-20-lee", interview(date="2026-12-20"))
    result = thanks(runner)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "no thank-yous due: no done interview is waiting for one\n",
        "",
    )
    assert not (ws / "build").exists()


def test_output_name_comes_from_the_file_stem(runner: CliRunner, ws: Path, tmp_path: Path) -> None:
    put(ws, "2026-12-03-dana", interview(name="'../../../escaped'"))
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert thanks(runner).exit_code == 0
    after = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert sorted(str(p.relative_to(ws)) for p in after - before) == [
        "build/thanks/2026-12-03-dana.eml"
    ]


# -- warnings --------------------------------------------------------------------------------


def test_warns_when_there_is_nothing_to_personalise_from(runner: CliRunner, ws: Path) -> None:
    put(
        ws,
        "2026-12-03-dana",
        interview(notes="## Notes\n- They were kind.\n", salutation="Ms. Whitfield"),
    )
    result = thanks(runner)
    assert result.exit_code == 0
    assert result.stderr == (
        "  warning: interviews/2026-12-03-dana.md: nothing specific to thank them for; add "
        "'- **Takeaway:** ...' under ## Notes so the note names something they said\n"
    )
    text = body(read_eml(ws / "build/thanks/2026-12-03-dana.eml"))
    assert "appreciated your advice" not in text
    assert text.startswith("Dear Ms. Whitfield,\n\nThank you for taking the time")


def test_warns_when_the_note_is_late(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana", interview(salutation="Ms. Whitfield"))
    result = runner.invoke(cli, ["thanks", "--today", "2026-12-10"])
    assert result.exit_code == 0
    assert result.stderr == (
        "  warning: interviews/2026-12-03-dana.md: this thank-you is late (the meeting was 7 "
        "days ago; the guide says within 2); send it today anyway\n"
    )
    assert "to meet with me on December 3 and" in body(
        read_eml(ws / "build/thanks/2026-12-03-dana.eml")
    )


def test_within_the_window_no_warning(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana", interview(salutation="Ms. Whitfield"))
    result = runner.invoke(cli, ["thanks", "--today", "2026-12-05"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "to meet with me on Thursday and" in body(
        read_eml(ws / "build/thanks/2026-12-03-dana.eml")
    )


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param(
            {"name": '"Dana\\r\\nBcc: evil@example.com"'},
            "interviewer.name contains a line break (U+000D); make it one line of plain text",
            id="name-crlf",
        ),
        pytest.param(
            {"name": '"Dana\\nBcc: evil@example.com"', "formality": "informal"},
            "interviewer.name contains a line break (U+000A); make it one line of plain text",
            id="name-lf-card",
        ),
        pytest.param(
            {"email": '"dana@example.com\\nBcc: evil@example.com"'},
            "interviewer.email is 'dana@example.com\\nBcc: evil@example.com': contains a line "
            "break (U+000A); write one address like name@example.com",
            id="email-newline",
        ),
        pytest.param(
            {"email": '"a@x.com, b@y.com"'},
            "interviewer.email is 'a@x.com, b@y.com': it holds more than one address; "
            "write one address like name@example.com",
            id="two-addresses",
        ),
        pytest.param(
            {"email": "a@x.com;b@y.com"},
            "interviewer.email is 'a@x.com;b@y.com': it holds more than one address; "
            "write one address like name@example.com",
            id="semicolon",
        ),
        pytest.param(
            {"email": '"Name <a@x.com>"'},
            "interviewer.email is 'Name <a@x.com>': it has a name or angle brackets around the "
            "address; write one address like name@example.com",
            id="name-and-address",
        ),
        pytest.param(
            {"email": None},
            "no interviewer.email to send the email to; add it, or use --format card",
            id="no-email",
        ),
    ],
)
def test_unsafe_or_missing_addresses_are_refused_before_writing(
    runner: CliRunner, ws: Path, fields: dict[str, Any], message: str
) -> None:
    path = put(ws, "2026-12-03-dana", interview(**fields))
    result = thanks(runner)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"error: {path.relative_to(ws)}: {message}\n"
    assert not (ws / "build").exists()


def test_missing_profile_email_is_a_clear_error(runner: CliRunner, ws: Path) -> None:
    config = ws / "infoview.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('email = "alex.rivera@example.edu"\n', ""), encoding="utf-8")
    put(ws, "2026-12-03-dana", interview())
    result = thanks(runner)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: infoview.toml: no [profile] email to send the email to; "
        "add it, or use --format card\n"
    )
    assert not (ws / "build").exists()


def test_profile_name_with_a_line_break_is_refused(runner: CliRunner, ws: Path) -> None:
    config = ws / "infoview.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('name = "Alex Rivera"', 'name = "Alex\\r\\nBcc: evil@example.com"'),
        encoding="utf-8",
    )
    put(ws, "2026-12-03-dana", interview())
    result = thanks(runner)
    assert result.exit_code == 1
    assert (
        result.stderr == "error: infoview.toml: [profile] name contains a line break (U+000D); "
        "make it one line of plain text\n"
    )
    assert not (ws / "build").exists()


# -- --mark-sent -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formality", "options", "expected"),
    [
        ("informal", [], "2026-12-04 (handwritten)"),
        ("formal", [], "2026-12-04 (email)"),
        ("formal", ["--via", "handwritten"], "2026-12-04 (handwritten)"),
        ("informal", ["--via", "email", "--on", "2026-12-05"], "2026-12-05 (email)"),
        ("formal", ["--format", "card"], "2026-12-04 (handwritten)"),
    ],
)
def test_mark_sent_records_date_and_channel(
    runner: CliRunner, ws: Path, formality: str, options: list[str], expected: str
) -> None:
    text = interview(formality=formality)
    path = put(ws, "2026-12-03-dana", text)
    result = thanks(runner, "interviews/2026-12-03-dana.md", "--mark-sent", *options)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"interviews/2026-12-03-dana.md: thank-you sent {expected}\n"
    day, via = expected.split()
    assert path.read_text(encoding="utf-8") == text.replace(
        "---\n\n## Notes",
        f"follow_up:\n  thank_you_sent: {day}\n  thank_you_via: {via.strip('()')}\n---\n\n## Notes",
    )
    assert not (ws / "build").exists()  # records only; writes no note


def test_mark_sent_needs_paths(runner: CliRunner, ws: Path) -> None:
    put(ws, "2026-12-03-dana", interview())
    result = thanks(runner, "--mark-sent")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: --mark-sent needs the interview file(s) to edit\n"


def test_mark_sent_takes_the_pending_interview_out_of_the_default(
    runner: CliRunner, ws: Path
) -> None:
    put(ws, "2026-12-03-dana", interview())
    assert thanks(runner, "interviews/2026-12-03-dana.md", "--mark-sent").exit_code == 0
    result = thanks(runner)
    assert result.stdout == "no thank-yous due: no done interview is waiting for one\n"
