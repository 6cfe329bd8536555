"""infoview.thanks called directly: compose, the draft, the mailto link, the card's job.

The CLI tests (test_thanks.py) read what a student gets; these pin the pieces the CLI
never shows apart: what each function refuses on its own, the card's HTML and base URL
before WeasyPrint sees them, and the list ``write_notes`` returns.
"""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from infoview.lint import context
from infoview.lint.context import Context
from infoview.model import Interview
from infoview.thanks import (
    NoteError,
    Written,
    card_job,
    compose,
    email_bytes,
    mailto,
    write_notes,
)
from infoview.workspace import Workspace, open_workspace

TODAY = dt.date(2026, 12, 4)  # the day after the meeting
NOW = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)


def text(
    *,
    name: str | None = "Dana Whitfield",
    organization: str | None = "Marlow & Reyes LLP",
    email: str | None = "dana.whitfield@example.com",
    address: str | None = None,
    formality: str = "formal",
) -> str:
    lines = ["---", "interviewer:"]
    if name is not None:
        lines.append(f"  name: {name}")
    if organization is not None:
        lines.append(f"  organization: {organization}")
    if email is not None:
        lines.append(f"  email: {email}")
    if address is not None:
        lines.append("  address: |")
        lines += [f"    {line}" for line in address.splitlines()]
    lines += ["meeting:", "  date: 2026-12-03T10:00", "  duration: 30", f"formality: {formality}"]
    return "\n".join(lines) + "\n---\n\n## Notes\n- **Takeaway:** Join the state association.\n"


@pytest.fixture
def ws(workspace: Path) -> Workspace:
    return open_workspace(workspace)


@pytest.fixture
def ctx(ws: Workspace) -> Context:
    return context(ws.config, TODAY)


def put(ws: Workspace, stem: str, body: str) -> Interview:
    path = ws.interviews_dir / f"{stem}.md"
    path.write_text(body, encoding="utf-8")
    return ws.read(path)


def configure(ws: Workspace, old: str, new: str) -> Workspace:
    config = ws.root / "infoview.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return open_workspace(ws.root)


def test_no_interviewer_name_is_refused_naming_the_key(ws: Workspace, ctx: Context) -> None:
    interview = put(ws, "a", text(name=None))
    with pytest.raises(NoteError) as info:
        compose(ws, interview, ctx)
    assert (info.value.message, info.value.path) == (
        "no interviewer.name to thank; add it to the front matter",
        interview.path,
    )


def test_compose_refuses_an_email_without_an_address_before_any_draft(
    ws: Workspace, ctx: Context
) -> None:
    interview = put(ws, "a", text(email=None))
    with pytest.raises(NoteError) as info:
        compose(ws, interview, ctx, fmt="email")
    assert info.value.message == (
        "no interviewer.email to send the email to; add it, or use --format card"
    )
    assert compose(ws, interview, ctx, fmt="card").channel == "card"


def test_email_bytes_refuses_a_missing_address_on_its_own(ws: Workspace, ctx: Context) -> None:
    interview = put(ws, "a", text(email=None))
    note = compose(ws, interview, ctx, fmt="card")
    with pytest.raises(NoteError) as info:
        email_bytes(note, ws.config, NOW)
    assert info.value.render() == (
        f"{interview.path}: no interviewer.email to send the email to; add it, or use --format card"
    )


def test_the_draft_reads_back_with_its_headers(ws: Workspace, ctx: Context) -> None:
    note = compose(ws, put(ws, "a", text()), ctx)
    message = email.parser.BytesParser(policy=email.policy.default).parsebytes(
        email_bytes(note, ws.config, NOW)
    )
    assert message["To"] == "Dana Whitfield <dana.whitfield@example.com>"
    assert message["From"] == "Alex Rivera <alex.rivera@example.edu>"
    assert message["Subject"] == "Thank you for the informational interview on December 3"
    assert message["Date"] == "Fri, 04 Dec 2026 09:30:00 +0000"
    assert message["X-Unsent"] == "1"


def test_no_organization_leaves_no_placeholder_in_the_note(ws: Workspace, ctx: Context) -> None:
    note = compose(ws, put(ws, "a", text(organization=None)), ctx)
    opening = note.text.split("\n\n")[1]
    assert opening == (
        "Thank you for taking the time to meet with me yesterday and for telling me about "
        "your work. I learned a great deal."
    )


def test_the_mailto_link_of_a_note_without_an_address_has_none(ws: Workspace, ctx: Context) -> None:
    note = compose(ws, put(ws, "a", text(email=None)), ctx, fmt="card")
    link = mailto(note)
    assert link.startswith("mailto:?subject=Thank%20you%20for%20the%20informational")
    assert unquote(link.split("&body=", 1)[1]) == note.text.replace("\n", "\r\n")


def test_a_workspace_template_sees_the_profile_and_the_interview(
    ws: Workspace, ctx: Context
) -> None:
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "thanks.txt.j2").write_text(
        "{{ profile.name }} / {{ interview.path.name }} / {{ name }}\n", encoding="utf-8"
    )
    note = compose(ws, put(ws, "dana", text()), ctx)
    assert note.text == "Alex Rivera / dana.md / Dana Whitfield\n"


def test_a_workspace_card_template_is_used(ws: Workspace, ctx: Context) -> None:
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "card.html.j2").write_text(
        "<p>card for {{ name }}</p>", encoding="utf-8"
    )
    note = compose(ws, put(ws, "dana", text()), ctx, fmt="card")
    assert card_job(note, ws).html == "<p>card for Dana Whitfield</p>"


def test_the_card_resolves_relative_links_from_the_interview_folder(
    ws: Workspace, ctx: Context
) -> None:
    note = compose(ws, put(ws, "dana", text()), ctx, fmt="card")
    job = card_job(note, ws)
    assert job.base_url == ws.interviews_dir.as_uri() + "/"
    assert job.root == str(ws.root)
    assert job.max_pages == 1  # no address: no envelope page


def test_the_envelope_has_a_return_address_only_with_a_profile_name(
    ws: Workspace, ctx: Context
) -> None:
    body = text(address="100 SW Main St\nPortland, OR 97204", formality="informal")
    note = compose(ws, put(ws, "dana", body), ctx)
    job = card_job(note, ws)
    assert job.max_pages == 2
    assert '<div class="return">Alex Rivera<br></div>' in job.html
    anonymous = configure(ws, 'name = "Alex Rivera"', 'name = ""')
    note = compose(anonymous, anonymous.read(note.interview.path), ctx)
    html = card_job(note, anonymous).html
    assert 'class="return"' not in html
    assert "Dana Whitfield<br>100 SW Main St<br>Portland, OR 97204<br>" in html


def test_write_notes_returns_what_it_reported_in_order(ws: Workspace, ctx: Context) -> None:
    good = put(ws, "a-good", text())
    nameless = put(ws, "b-nameless", text(name=None))
    card = put(ws, "c-card", text(formality="informal"))
    reported: list[Any] = []
    done = write_notes(ws, [good, nameless, card], ctx, fmt="auto", report=reported.append)
    assert done == reported  # cards come last: they are rendered in one batch
    assert [w.path for w in done] == [
        ws.build_dir / "thanks" / "a-good.eml",
        None,
        ws.build_dir / "thanks" / "c-card.pdf",
    ]
    assert [w.note.channel for w in done] == ["email", "", "card"]
    failed = done[1]
    assert isinstance(failed, Written)
    assert failed.error == (
        "interviews/b-nameless.md: no interviewer.name to thank; add it to the front matter"
    )
    assert (failed.note.channel, failed.note.subject, failed.note.text) == ("", "", "")
    assert failed.note.output == Path()
    assert failed.io_error is False
