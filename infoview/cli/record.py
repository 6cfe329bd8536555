"""Commands that record what you did by editing an interview: log, referral."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from infoview.cli.base import (
    cli,
    date_option,
    echo,
    find_workspace,
    show_edit,
    today_option,
    workspace_option,
)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--note", required=True, help="What you told them, e.g. what came of their advice.")
@click.option("--on", "on", metavar="YYYY-MM-DD", help="When (default today).")
@click.option("--dry-run", is_flag=True, help="Print the diff, change nothing.")
@workspace_option
@today_option
def log(
    path: Path,
    note: str,
    on: str | None,
    dry_run: bool,
    workspace: Path | None,
    today: dt.date | None,
) -> None:
    """Record that you kept in touch: appends to follow_up.keep_in_touch in PATH.

    The guide: let them know that you followed up on their advice and the outcome.
    Only the new lines are added; the rest of the file stays byte-identical. A date before
    the meeting is recorded with a warning.
    """
    from infoview.followup import log_contact
    from infoview.lint.context import moment

    ws = find_workspace(workspace)
    # Today in the workspace's time zone, as `thanks --mark-sent` and lint read it.
    day = date_option(on, "--on") or moment(today, ws.config.tz).date()
    interview = ws.read(path)
    meeting = interview.meeting.date
    label = ws.relative(path)
    if meeting is not None and day < meeting:
        echo(
            f"warning: {label}: {day} is before the meeting ({meeting}); keeping in touch "
            "comes after it. Recorded anyway: check --on",
            err=True,
        )
    result = log_contact(path, note=note, on=day, dry_run=dry_run, root=ws.root)
    show_edit(result, ws, dry_run=dry_run, what=f"logged contact on {day}")


@cli.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--name", required=True, help="Who they suggested you meet.")
@click.option("--note", help="Why, or what they said about them.")
@click.option("--contact", help="How to reach them (email, phone, profile).")
@click.option("--dry-run", is_flag=True, help="Print the diff, change nothing.")
@workspace_option
def referral(
    path: Path,
    name: str,
    note: str | None,
    contact: str | None,
    dry_run: bool,
    workspace: Path | None,
) -> None:
    """Record a referral: appends a person to 'referrals' in PATH.

    The guide: ask for names of other people to meet, to gain different perspectives.
    Only the new lines are added; the rest of the file stays byte-identical. A person
    already there (the same name, ignoring case and accents, or the same contact email)
    is not added twice: the file is left as it is, and it exits 1 if --note or --contact
    differ from what is recorded.
    """
    from infoview.followup import add_referral, find_referral
    from infoview.parse import parse_text

    ws = find_workspace(workspace)
    result = add_referral(
        path, name=name, note=note, contact=contact, dry_run=dry_run, root=ws.root
    )
    unchanged = "already recorded"
    same = None if result.changed else find_referral(parse_text(result.before, path), name, contact)
    if same is not None:
        unchanged = f"{same.name} is already a referral (line {same.span.line}); nothing changed"
    show_edit(result, ws, dry_run=dry_run, what=f"added referral {name}", unchanged=unchanged)
