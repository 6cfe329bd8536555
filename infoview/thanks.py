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
from infoview.addresses import address, address_problem, header_text_problem
from infoview.config import Config
from infoview.errors import InfoviewError
from infoview.lint.context import Context
from infoview.model import Interview, Status, plain_text
from infoview.people import fold
from infoview.render.inputs import workspace_stylesheet
from infoview.render.templates import default_stylesheet, environment
from infoview.wording import names
from infoview.wording.names import full_name
from infoview.wording.note import Facts, choose, greeting, subject
from infoview.wording.voice import writer_voice
from infoview.workspace import Workspace


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
    shorten: str = "shorten the note"  # what to cut when a card does not fit


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


def _one_line(value: str | None, what: str, path: Path) -> str:
    # Every kind of line break (U+2028, U+0085, \v, \f...) and control: see addresses.py.
    problem = header_text_problem(value) if value else None
    if problem:
        raise NoteError(f"{what} {problem}", path=path)
    return value or ""


def _not_yet(interview: Interview, ctx: Context) -> str | None:
    """Why no thank-you can be written yet (the meeting has not happened), or None."""
    status = ctx.status(interview)
    if status is Status.DONE:
        return None
    if status is Status.CANCELLED:
        return "the meeting is marked cancelled (status: cancelled); there is no meeting to thank"
    start = interview.meeting.start(ctx.tz)
    if start is None:
        return "the meeting has no date yet (meeting.date); a thank-you follows the meeting"
    when = f"{start:%A} {start.day} {start:%B %Y}"
    if interview.meeting.time is not None:
        when += f" at {start:%H:%M}"
    return (
        f"the meeting is on {when}, after today ({ctx.today.isoformat()}); "
        "write the thank-you once it has happened, or use --early for a draft now"
    )


def facts_for(interview: Interview, config: Config, ctx: Context, channel: str) -> Facts:
    """The note's facts from the interview: names checked, takeaway in the writer's voice."""
    path = interview.path
    who = interview.interviewer
    name = _one_line(who.name, "interviewer.name", path)
    salutation = _one_line(who.salutation, "interviewer.salutation", path) or None
    takeaways = interview.takeaways
    voice = None
    if takeaways:
        voice = writer_voice(takeaways[0].text, interviewer=[n for n in (name, salutation) if n])
    return Facts(
        name=name,
        channel=channel,
        formal=(interview.formality or "formal") == "formal",
        written=ctx.today,
        meeting=interview.meeting.date,
        mode=interview.meeting.mode,
        organization=_one_line(who.organization, "interviewer.organization", path),
        salutation=salutation,
        takeaway=voice,
        referrals=tuple(" ".join(r.name.split()) for r in interview.referrals),
        signature=config.thanks.signature or config.profile.name or "Your name",
        early=ctx.status(interview) is not Status.DONE,
    )


def compose(
    ws: Workspace, interview: Interview, ctx: Context, *, fmt: str = "auto", early: bool = False
) -> Note:
    """Write the note's text and check everything that will go into headers.

    A meeting that has not happened gets no note (NoteError naming its date) unless
    ``early`` asks for a draft.
    """
    config = ws.config
    path = interview.path
    if not interview.interviewer.name:
        raise NoteError("no interviewer.name to thank; add it to the front matter", path=path)
    reason = _not_yet(interview, ctx)
    if reason is not None and not (early and ctx.status(interview) is not Status.CANCELLED):
        raise NoteError(reason, path=path)
    channel = channel_for(interview, config, fmt)
    facts = facts_for(interview, config, ctx, channel)
    env = environment(ws.root / "templates")
    env.autoescape = False  # plain text; see thanks.txt.j2
    template = env.get_template("thanks.txt.j2")
    voice = [writer_voice(t.text, interviewer=[facts.name]).text for t in interview.takeaways]
    fixed: dict[str, Any] = {
        "name": facts.name,
        "organization": facts.organization,
        "takeaway": voice[0] if voice else "",
        "takeaways": voice,
        "takeaway_as_written": plain_text(interview.takeaways[0].text) if voice else "",
        "channel": channel,
        "signature": facts.signature,
        "profile": config.profile,
        "interview": interview,
    }
    choice = choose(facts, lambda parts: template.render(fixed | parts).strip() + "\n")
    note = Note(
        interview,
        channel,
        ws.output_for(path, "thanks", _SUFFIX[channel]),
        subject(facts),
        choice.text,
    )
    note.shorten = _shorten(choice.values, interview)
    rel = ws.relative(path)
    if not interview.takeaways:
        note.warnings.append(
            f"{rel}: nothing specific to thank them for; add '- **Takeaway:** ...' under "
            "## Notes so the note names something they said"
        )
    if choice.repeats:
        where = f" (your takeaway, line {interview.takeaways[0].span.line})" if voice else ""
        said = "; ".join(f"'{_clip(p)}'" for p in choice.repeats[:2])
        note.warnings.append(f"{rel}: the note says {said} twice{where}; reword it")
    if reason is not None:
        note.warnings.append(f"{rel}: an early draft: {reason.split(';')[0]}")
    hint = _greeting_hint(facts)
    if hint:
        note.warnings.append(f"{rel}: {hint}")
    days = ctx.days_since_meeting(interview)
    window = config.lint.thank_you_days
    if days is not None and days > window and interview.follow_up.thank_you_sent is None:
        note.warnings.append(
            f"{rel}: this thank-you is late (the meeting was {days} days ago; the guide says "
            f"within {window}); send it today anyway"
        )
    if channel == "email":
        _address(interview.interviewer.email, facts.name, "interviewer.email", path)
    return note


_SUFFIX = {"email": ".eml", "card": ".pdf"}


def _greeting_hint(facts: Facts) -> str | None:
    """For a formal note greeting someone by their full name: how to greet them by title.

    The full name needs no guess about how a person is addressed, so it is the default; a
    title ("Ms.", "Mr.", "Mx.", "Dr.") is the student's to know, not infoview's to guess.
    """
    if not facts.formal or facts.salutation:
        return None
    _, words, _ = names.parts(facts.name)
    said = greeting(facts)[1]
    if not words or said != " ".join(words):  # already by title: "Dr. Cruz", "Ms. Lee"
        return None
    return (
        f"the note greets them 'Dear {said},'; to greet them by title, add the one they use "
        f"under 'interviewer:', e.g. 'salutation: Dr. {names.surname(words)}' or "
        f"'salutation: Ms. {names.surname(words)}'"
    )


def _clip(phrase: str, words: int = 8) -> str:
    parts = phrase.split()
    return phrase if len(parts) <= words else " ".join(parts[:words]) + " ..."


def _shorten(parts: dict[str, str], interview: Interview) -> str:
    """What to cut when a card overflows: the longest part the student wrote."""
    sizes = {key: len(parts.get(key, "").split()) for key in ("takeaway_sentence", "opening")}
    referrals = len(interview.referrals)
    if interview.takeaways and sizes["takeaway_sentence"] >= max(sizes["opening"], 25):
        line = interview.takeaways[0].span.line
        words = len(plain_text(interview.takeaways[0].text).split())
        return f"shorten the takeaway at line {line} ({words} words) to a sentence or two"
    if referrals > 2:
        return f"name fewer referrals on the card (it names {min(referrals, 3)})"
    if len((interview.interviewer.organization or "").split()) > 6:
        return "shorten interviewer.organization, or write the card's text yourself"
    return "shorten the takeaway, or copy templates/thanks.txt.j2 and cut it down"


def _address(addr: str | None, name: str, what: str, path: Path) -> Address:
    """One address, no line breaks, no lists: anything else is refused (header injection)."""
    if not addr:
        raise NoteError(f"no {what} to send the email to; add it, or use --format card", path=path)
    _one_line(name, what.replace("email", "name"), path)  # e.g. [profile] name
    problem = address_problem(addr)  # the rules IV002 and infoview.toml use
    if problem:
        raise NoteError(
            f"{what} is {addr!r}: {problem}; write one address like name@example.com", path=path
        )
    return address(addr, name)


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


# The card's type and spacing, roomiest first, tried after the stylesheet's own: the text
# must fit one face of the A2 card. 9 pt is the floor: easy to read at arm's length.
CARD_FLOOR_PT = 9
CARD_STEPS = (
    (10.5, 1.5, 0.5, None),
    (10, 1.45, 0.45, None),
    (9.5, 1.4, 0.4, "0.3in 0.4in"),
    (CARD_FLOOR_PT, 1.35, 0.35, "0.25in 0.35in"),
)


def _card_step(size: float, leading: float, gap: float, margin: str | None) -> str:
    css = (
        f"html {{ font-size: {size}pt; }} "
        f".draft {{ line-height: {leading}; margin-bottom: {gap}em; }} "
        ".hint { margin-bottom: 0.3em; }"
    )
    return css + (f" @page {{ margin: {margin}; }}" if margin else "")


def envelope_lines(name: str, address: str | None) -> list[str]:
    """The envelope's lines: the name, then the address (unless that already starts with it)."""
    lines = [" ".join(line.split()) for line in (address or "").splitlines() if line.strip()]
    if not lines:
        return []
    first = fold(lines[0])
    if name and fold(full_name(name)) not in first and fold(name) not in first:
        lines.insert(0, name)
    return lines


def _envelope_class(lines: list[str]) -> str:
    """Smaller type for long address lines, so each stays one line on the envelope."""
    longest = max((len(line) for line in lines), default=0)
    return "" if longest <= 42 else "long" if longest <= 56 else "longest"


def card_job(note: Note, ws: Workspace) -> Any:
    """The PdfJob for a card (rendered with the packet's confined fetcher).

    The text is fitted to one face of the card (``CARD_STEPS``); an address adds one
    envelope page.
    """
    from infoview.render.pdf import PdfJob

    config = ws.config
    who = note.interview.interviewer
    envelope = envelope_lines(who.name or "", who.address)
    paragraphs = [p.split("\n") for p in note.text.strip().split("\n\n")]
    env = environment(ws.root / "templates")
    html = env.get_template("card.html.j2").render(
        name=who.name,
        signature=config.thanks.signature or config.profile.name,
        version=__version__,
        paragraphs=paragraphs,
        envelope=envelope,
        envelope_class=_envelope_class(envelope),
        return_address=[config.profile.name] if config.profile.name and envelope else [],
    )
    # Read confined, as the packet's is (render.inputs): a link leading out is refused.
    text, sheet, refused = workspace_stylesheet(
        ws.root, config.thanks.stylesheet, default_stylesheet("card.css")
    )
    note.warnings += [f"{ws.relative(note.interview.path)}: not included: {r}" for r in refused]
    return PdfJob(
        html=html,
        base_url=note.interview.path.resolve().parent.as_uri() + "/",
        root=str(ws.root),
        css=((text, sheet.resolve().as_uri()),),
        fit=("", *(_card_step(*step) for step in CARD_STEPS)),
        max_pages=1 + bool(envelope),
    )


@dataclass
class Written:
    note: Note
    path: Path | None  # None when it could not be written
    error: str | None = None
    io_error: bool = False  # the file could not be written (exit status 2)


def write_notes(
    ws: Workspace,
    interviews: list[Interview],
    ctx: Context,
    *,
    fmt: str,
    report: Any,
    early: bool = False,
) -> list[Written]:
    """Compose and write every note; emails at once, cards in one WeasyPrint batch."""
    from infoview.fs import FileError

    done: list[Written] = []
    cards: list[tuple[Note, Any]] = []
    for interview in interviews:
        try:
            note = compose(ws, interview, ctx, fmt=fmt, early=early)
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
                if rendered.result.overflow:
                    note.warnings.append(
                        f"{ws.relative(note.interview.path)}: the note does not fit one side "
                        f"of the card even at {CARD_FLOOR_PT:g} pt; {note.shorten}"
                    )
            done.append(written)
            report(written)

        render_many([job for _, job in cards], on_done=finished)
    return done
