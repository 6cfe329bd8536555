"""Record what was done after the meeting, by editing the interview's front matter.

``thanks --mark-sent``, ``log`` and ``referral`` are the only commands besides
``lint --fix`` that change a user's Markdown, and they say so. Each is two functions:

- a pure one, text in and text out (``mark_sent_text``, ``log_contact_text``,
  ``add_referral_text``), which makes the splice through ``edit.edit_text`` (only the lines
  that must change do) and checks that the result reads back as intended, raising
  ``EditRefused`` otherwise. The language server calls these to offer the same edits;
- a thin file wrapper (``mark_sent``, ``log_contact``, ``add_referral``) that hands the
  pure one to ``edit.apply``, which locks, reads, edits and replaces the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from infoview.edit import Editor, EditResult, apply, edit_text, yaml_scalar
from infoview.errors import InfoviewError, UsageError
from infoview.model import Interview, Referral
from infoview.parse import parse_text
from infoview.people import fold, fold_email

# The channel words every option accepts: a card is written by hand.
CHANNELS = {"card": "handwritten", "handwritten": "handwritten", "email": "email"}
UNNAMED = Path("interview.md")  # the name messages use when the caller gives none


class AlreadyRecorded(InfoviewError):
    """The record asked for would overwrite or duplicate one already there; nothing changed.

    Recording commands never silently change history: the file is left byte-identical.
    """


def via_for(channel: str) -> str:
    """'card' or 'handwritten' -> 'handwritten'; 'email' -> 'email' (what the file records)."""
    try:
        return CHANNELS[channel]
    except KeyError:
        raise UsageError(f"--via must be one of: {', '.join(CHANNELS)}") from None


def _one_line(value: str, option: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise UsageError(f"{option} must be one line")
    if not value:
        raise UsageError(f"{option} must not be empty")
    return value


def mark_sent_text(
    text: str, *, on: dt.date, via: str, path: Path = UNNAMED, replace: bool = False
) -> str:
    """Return ``text`` with ``follow_up.thank_you_sent: on`` and ``thank_you_via: via`` set.

    ``path`` only names the file in errors. The same record again returns ``text``
    unchanged; a different date or channel already recorded raises ``AlreadyRecorded``
    unless ``replace``. Raises ``UsageError`` for an unknown ``via`` and ``EditRefused``
    when the edit cannot be made safely.
    """
    via = via_for(via)
    current = parse_text(text, path)
    sent, was = current.follow_up.thank_you_sent, current.follow_up.thank_you_via
    if sent is not None and not replace and (sent != on or (was is not None and was != via)):
        recorded = f"{sent.isoformat()}" + (f" ({was})" if was else "")
        raise AlreadyRecorded(
            f"the thank-you is already recorded as sent on {recorded}; nothing changed. "
            f"To record {on.isoformat()} ({via}) instead, add --replace",
            path=path,
            line=current.span("follow_up.thank_you_sent").line,
        )

    def change(editor: Editor) -> None:
        editor.set_scalar(("follow_up", "thank_you_sent"), on.isoformat())
        editor.set_scalar(("follow_up", "thank_you_via"), via)

    def verify(after: Interview) -> bool:
        return after.follow_up.thank_you_sent == on and after.follow_up.thank_you_via == via

    return edit_text(text, path, change, verify)


def log_contact_text(text: str, *, note: str, on: dt.date, path: Path = UNNAMED) -> str:
    """Return ``text`` with ``{date: on, note: note}`` appended to ``follow_up.keep_in_touch``.

    That entry is what resets IV504 (keep in touch). Raises ``UsageError`` for a note that
    is empty or more than one line, ``EditRefused`` when the edit cannot be made safely.
    """
    note = _one_line(note, "--note")

    def change(editor: Editor) -> None:
        editor.append_item(
            ("follow_up", "keep_in_touch"), [("date", on.isoformat()), ("note", yaml_scalar(note))]
        )

    def verify(after: Interview) -> bool:
        entries = after.follow_up.keep_in_touch
        return bool(entries) and (entries[-1].date, entries[-1].note) == (on, note)

    return edit_text(text, path, change, verify)


def add_referral_text(
    text: str,
    *,
    name: str,
    note: str | None = None,
    contact: str | None = None,
    path: Path = UNNAMED,
) -> str:
    """Return ``text`` with a person appended to ``referrals``.

    The guide: ask for names of other people to meet. Raises ``UsageError`` for a value
    that is empty or more than one line, ``EditRefused`` when the edit cannot be made safely.
    """
    name = _one_line(name, "--name")
    fields = [("name", yaml_scalar(name))]
    if note is not None:
        fields.append(("note", yaml_scalar(_one_line(note, "--note"))))
    if contact is not None:
        fields.append(("contact", yaml_scalar(_one_line(contact, "--contact"))))
    same = find_referral(parse_text(text, path), name, contact)
    if same is not None:
        differs = [
            what
            for what, given, recorded in (
                ("note", note, same.note),
                ("contact", contact, same.contact),
            )
            if given is not None and not _same_detail(given, recorded)
        ]
        if not differs:
            return text  # already there: the same record again changes nothing
        raise AlreadyRecorded(
            f"{same.name} is already a referral, with another {' and '.join(differs)}; "
            "nothing changed. Edit that entry to change it",
            path=path,
            line=same.span.line,
        )

    def change(editor: Editor) -> None:
        editor.append_item(("referrals",), fields)

    def verify(after: Interview) -> bool:
        if not after.referrals:
            return False
        last = after.referrals[-1]
        return (last.name, last.note, last.contact) == (
            name,
            note.strip() if note else None,
            contact.strip() if contact else None,
        )

    return edit_text(text, path, change, verify)


def _same_detail(given: str, recorded: str | None) -> bool:
    """The same note or contact: as written, or the same email in another case."""
    email = fold_email(given)
    return given.strip() == (recorded or "") or bool(email and email == fold_email(recorded))


def find_referral(interview: Interview, name: str, contact: str | None = None) -> Referral | None:
    """The referral already naming this person: the same name ignoring case and accents (as
    ``network`` compares them), or the same contact email."""
    key, email = fold(name), fold_email(contact)
    for referral in interview.referrals:
        if fold(referral.name) == key or (email and fold_email(referral.contact) == email):
            return referral
    return None


def mark_sent(
    path: Path,
    *,
    on: dt.date,
    via: str,
    dry_run: bool = False,
    root: Path | None = None,
    replace: bool = False,
) -> EditResult:
    """Set ``follow_up.thank_you_sent`` and ``thank_you_via`` in the file ``path``."""
    via = via_for(via)  # before the file is touched
    return apply(
        path,
        lambda text: mark_sent_text(text, on=on, via=via, path=path, replace=replace),
        root=root,
        dry_run=dry_run,
    )


def log_contact(
    path: Path, *, note: str, on: dt.date, dry_run: bool = False, root: Path | None = None
) -> EditResult:
    """Append ``{date, note}`` to ``follow_up.keep_in_touch`` in the file ``path``."""
    _one_line(note, "--note")  # a bad option is a usage error before the file is touched
    return apply(
        path,
        lambda text: log_contact_text(text, note=note, on=on, path=path),
        root=root,
        dry_run=dry_run,
    )


def add_referral(
    path: Path,
    *,
    name: str,
    note: str | None = None,
    contact: str | None = None,
    dry_run: bool = False,
    root: Path | None = None,
) -> EditResult:
    """Append a person to ``referrals`` in the file ``path``."""
    for value, option in ((name, "--name"), (note, "--note"), (contact, "--contact")):
        if value is not None:
            _one_line(value, option)
    return apply(
        path,
        lambda text: add_referral_text(text, name=name, note=note, contact=contact, path=path),
        root=root,
        dry_run=dry_run,
    )
