"""``infoview thanks``: the thank-you note, as a card to copy by hand or an email draft.

The guide: "Send a simple thank-you note within 1-2 days ... Based on whether the
informational interview was relatively informal or more businesslike, this may be a brief
handwritten note or an email." infoview writes the note; it never sends mail.
"""

from __future__ import annotations

import datetime as dt
import email.policy
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import quote

from infoview import __version__
from infoview.config import Config
from infoview.errors import InfoviewError
from infoview.lint.context import Context
from infoview.model import Interview, Status, plain_text
from infoview.render.templates import default_stylesheet, environment
from infoview.workspace import Workspace

FORMATS = ("auto", "card", "email")


class NoteError(InfoviewError):
    """A thank-you that cannot be written safely (nothing is written for it)."""


@dataclass
class Note:
    interview: Interview
    channel: str  # card | email
    output: Path
    subject: str
    text: str
    warnings: list[str] = field(default_factory=list)


def pending(interviews: list[Interview], ctx: Context) -> list[Interview]:
    """Done interviews whose thank-you is not recorded as sent (the default selection)."""
    return [
        iv
        for iv in interviews
        if ctx.status(iv) is Status.DONE and iv.follow_up.thank_you_sent is None
    ]


def channel_for(interview: Interview, config: Config, fmt: str) -> str:
    """card or email: as asked, else as ``[thanks]`` pairs the interview's formality."""
    return fmt if fmt != "auto" else interview.thank_you_channel(config.thanks.pairing())


def _plain(markdown: str) -> str:
    text = plain_text(markdown)
    return text if not text or text[-1] in ".!?" else text + "."


def _one_line(value: str | None, what: str, path: Path) -> str:
    if value and ("\n" in value or "\r" in value):
        raise NoteError(f"{what} contains a line break; make it one line", path=path)
    return value or ""


def _first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def _when_phrase(interview: Interview, config: Config, now: dt.datetime) -> str:
    date = interview.meeting.date
    if date is None:
        return "recently"
    days = (now.date() - date).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {date:%A}"
    return f"on {date:%B} {date.day}"


def _follow_through(interview: Interview) -> str:
    sentence = "I plan to act on what you suggested, and I will let you know how it goes."
    names = [r.name for r in interview.referrals][:2]
    if names:
        sentence += f" I will also reach out to {' and '.join(names)}, as you suggested."
    return sentence


def compose(ws: Workspace, interview: Interview, ctx: Context, *, fmt: str = "auto") -> Note:
    """Write the note's text and check everything that will go into headers."""
    config = ws.config
    path = interview.path
    who = interview.interviewer
    name = _one_line(who.name, "interviewer.name", path)
    if not name:
        raise NoteError("no interviewer.name to thank; add it to the front matter", path=path)
    organization = _one_line(who.organization, "interviewer.organization", path)
    channel = channel_for(interview, config, fmt)
    formal = (interview.formality or "formal") == "formal"
    takeaways = [_plain(n.text) for n in interview.takeaways]
    signature = config.thanks.signature or config.profile.name or "Your name"
    values: dict[str, Any] = {
        "greeting": "Dear",
        "salutation_name": name if formal else _first_name(name),
        "name": name,
        "organization": organization,
        "when_phrase": _when_phrase(interview, config, ctx.now),
        "takeaway": takeaways[0] if takeaways else "",
        "takeaways": takeaways,
        "follow_through": _follow_through(interview),
        "closing": "With thanks" if formal else "Thanks again",
        "signature": signature,
        "profile": config.profile,
        "interview": interview,
    }
    env = environment(ws.root / "templates")
    env.autoescape = False  # plain text; see thanks.txt.j2
    text = env.get_template("thanks.txt.j2").render(values).strip() + "\n"
    note = Note(
        interview,
        channel,
        ws.output_for(path, "thanks", ".eml" if channel == "email" else ".pdf"),
        f"Thank you, {_first_name(name)}" if not formal else f"Thank you for your time, {name}",
        text,
    )
    rel = ws.relative(path)
    if not takeaways:
        note.warnings.append(
            f"{rel}: nothing specific to thank them for; add '- **Takeaway:** ...' under "
            "## Notes so the note names something they said"
        )
    days = ctx.days_since_meeting(interview)
    window = config.lint.thank_you_days
    if days is not None and days > window and interview.follow_up.thank_you_sent is None:
        note.warnings.append(
            f"{rel}: this thank-you is late (the meeting was {days} days ago; the guide says "
            f"within {window}); send it today anyway"
        )
    if channel == "email":
        _address(who.email, name, "interviewer.email", path)
    return note


def _address(addr: str | None, name: str, what: str, path: Path) -> Address:
    """One address, no line breaks, no lists: anything else is refused (header injection)."""
    if not addr:
        raise NoteError(f"no {what} to send the email to; add it, or use --format card", path=path)
    _one_line(addr, what, path)
    _one_line(name, what.replace("email", "name"), path)  # e.g. [profile] name
    if any(sep in addr for sep in (",", ";", " ", "<", ">")) or addr.count("@") != 1:
        raise NoteError(
            f"{what} must be one address like name@example.com, not {addr!r}", path=path
        )
    user, _, domain = addr.partition("@")
    if not user or "." not in domain:
        raise NoteError(f"{what} {addr!r} is not an email address", path=path)
    try:
        return Address(display_name=name, username=user, domain=domain)
    except (ValueError, IndexError) as exc:
        raise NoteError(f"{what} {addr!r} cannot be used: {exc}", path=path) from exc


def email_bytes(note: Note, config: Config, now: dt.datetime) -> bytes:
    """An RFC 5322 draft: X-Unsent makes mail clients open it for editing, not as received."""
    interview = note.interview
    path = interview.path
    to = _address(
        interview.interviewer.email, interview.interviewer.name or "", "interviewer.email", path
    )
    sender = _address(
        config.profile.email, config.profile.name, "[profile] email", config.path or path
    )
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = note.subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=sender.domain)
    message["X-Unsent"] = "1"
    message.set_content(note.text, charset="utf-8", cte="8bit")
    return message.as_bytes()


def mailto(note: Note) -> str:
    """A ``mailto:`` link that opens the same draft in the default mail program."""
    addr = note.interview.interviewer.email or ""
    body = quote(note.text.replace("\n", "\r\n"))  # RFC 6068: line breaks as %0D%0A
    return f"mailto:{quote(addr, safe='@')}?subject={quote(note.subject)}&body={body}"


def card_job(note: Note, ws: Workspace) -> Any:
    """The PdfJob for a card (rendered with the packet's confined fetcher)."""
    from infoview.render.pdf import PdfJob

    config = ws.config
    who = note.interview.interviewer
    # A multi-line address (``address: |``) keeps its lines; a one-line one stays one line.
    address = [line.strip() for line in (who.address or "").splitlines() if line.strip()]
    envelope = [who.name or "", *address] if address else []
    paragraphs = [p.split("\n") for p in note.text.strip().split("\n\n")]
    env = environment(ws.root / "templates")
    html = env.get_template("card.html.j2").render(
        name=who.name,
        signature=config.thanks.signature or config.profile.name,
        version=__version__,
        paragraphs=paragraphs,
        envelope=envelope,
        return_address=[config.profile.name] if config.profile.name and envelope else [],
    )
    sheet = ws.root / config.thanks.stylesheet
    if not sheet.is_file():
        sheet = default_stylesheet("card.css")
    return PdfJob(
        html=html,
        base_url=note.interview.path.resolve().parent.as_uri() + "/",
        root=str(ws.root),
        css=((sheet.read_text(encoding="utf-8"), sheet.resolve().as_uri()),),
    )


@dataclass
class Written:
    note: Note
    path: Path | None  # None when it could not be written
    error: str | None = None
    io_error: bool = False  # the file could not be written (exit status 2)


def write_notes(
    ws: Workspace, interviews: list[Interview], ctx: Context, *, fmt: str, report: Any
) -> list[Written]:
    """Compose and write every note; emails at once, cards in one WeasyPrint batch."""
    from infoview.fs import FileError

    done: list[Written] = []
    cards: list[tuple[Note, Any]] = []
    for interview in interviews:
        try:
            note = compose(ws, interview, ctx, fmt=fmt)
            if note.channel == "email":
                data = email_bytes(note, ws.config, ctx.now)
                try:
                    ws.write(note.output, data)
                    written = Written(note, note.output)
                except FileError as exc:
                    written = Written(note, None, exc.render(), io_error=True)
                done.append(written)
                report(written)
            else:
                cards.append((note, card_job(note, ws)))
        except NoteError as exc:
            if exc.path is not None:  # name the file as the rest of the output does
                exc.path = ws.relative(Path(exc.path))
            failed = Written(Note(interview, "", Path(), "", ""), None, exc.render())
            done.append(failed)
            report(failed)
    if cards:
        from infoview.build import Rendered, render_many

        def finished(rendered: Rendered) -> None:
            note = cards[rendered.index][0]
            if rendered.result is None:
                written = Written(
                    note,
                    None,
                    f"{ws.relative(note.interview.path)}: rendering "
                    f"the card failed ({rendered.error})",
                )
            else:
                try:
                    ws.write(note.output, rendered.result.pdf)
                    written = Written(note, note.output)
                except FileError as exc:
                    written = Written(note, None, exc.render(), io_error=True)
            done.append(written)
            report(written)

        render_many([job for _, job in cards], on_done=finished)
    return done
