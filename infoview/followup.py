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
from infoview.errors import UsageError
from infoview.model import Interview

VIAS = ("handwritten", "email")
UNNAMED = Path("interview.md")  # the name messages use when the caller gives none


def _one_line(value: str, option: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise UsageError(f"{option} must be one line")
    if not value:
        raise UsageError(f"{option} must not be empty")
    return value


def mark_sent_text(text: str, *, on: dt.date, via: str, path: Path = UNNAMED) -> str:
    """Return ``text`` with ``follow_up.thank_you_sent: on`` and ``thank_you_via: via`` set.

    ``path`` only names the file in errors. Raises ``UsageError`` for an unknown ``via``
    and ``EditRefused`` when the edit cannot be made safely.
    """
    if via not in VIAS:
        raise UsageError(f"--via must be one of: {', '.join(VIAS)}")

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


def mark_sent(
    path: Path, *, on: dt.date, via: str, dry_run: bool = False, root: Path | None = None
) -> EditResult:
    """Set ``follow_up.thank_you_sent`` and ``thank_you_via`` in the file ``path``."""
    if via not in VIAS:  # before the file is touched
        raise UsageError(f"--via must be one of: {', '.join(VIAS)}")
    return apply(
        path,
        lambda text: mark_sent_text(text, on=on, via=via, path=path),
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
