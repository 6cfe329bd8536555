"""Record what was done after the meeting, by editing the interview's front matter.

``thanks --mark-sent``, ``log`` and ``referral`` are the only commands besides
``lint --fix`` that change a user's Markdown, and they say so. Each goes through
``edit.apply``: only the lines that must change do, and the result is read back and
checked before it replaces the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from infoview.edit import Editor, EditResult, apply, yaml_scalar
from infoview.errors import UsageError
from infoview.model import Interview

VIAS = ("handwritten", "email")


def _one_line(value: str, option: str) -> str:
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise UsageError(f"{option} must be one line")
    if not value:
        raise UsageError(f"{option} must not be empty")
    return value


def mark_sent(path: Path, *, on: dt.date, via: str, dry_run: bool = False) -> EditResult:
    """Set ``follow_up.thank_you_sent`` and ``thank_you_via``."""
    if via not in VIAS:
        raise UsageError(f"--via must be one of: {', '.join(VIAS)}")

    def change(editor: Editor) -> None:
        editor.set_scalar(("follow_up", "thank_you_sent"), on.isoformat())
        editor.set_scalar(("follow_up", "thank_you_via"), via)

    def verify(after: Interview) -> bool:
        return after.follow_up.thank_you_sent == on and after.follow_up.thank_you_via == via

    return apply(path, change, verify, dry_run=dry_run)


def log_contact(path: Path, *, note: str, on: dt.date, dry_run: bool = False) -> EditResult:
    """Append ``{date, note}`` to ``follow_up.keep_in_touch`` (what resets IV504)."""
    note = _one_line(note, "--note")

    def change(editor: Editor) -> None:
        editor.append_item(
            ("follow_up", "keep_in_touch"), [("date", on.isoformat()), ("note", yaml_scalar(note))]
        )

    def verify(after: Interview) -> bool:
        entries = after.follow_up.keep_in_touch
        return bool(entries) and (entries[-1].date, entries[-1].note) == (on, note)

    return apply(path, change, verify, dry_run=dry_run)


def add_referral(
    path: Path,
    *,
    name: str,
    note: str | None = None,
    contact: str | None = None,
    dry_run: bool = False,
) -> EditResult:
    """Append a person to ``referrals`` (the guide: ask for names of other people to meet)."""
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

    return apply(path, change, verify, dry_run=dry_run)
