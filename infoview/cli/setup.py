"""Commands that set things up: init, new, doctor."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from infoview.cli.base import (
    cli,
    echo,
    find_workspace,
    today_option,
    workspace_option,
)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new workspace in DIRECTORY.

    Makes interviews/, styles/ (packet.css, card.css), infoview.toml with a commented
    profile to fill in, a Makefile, .gitignore (build/) and an example
    .pre-commit-config.yaml, and runs 'git init' unless DIRECTORY is already in a repository.
    """
    from infoview.scaffold import init_workspace

    for line in init_workspace(directory):
        echo(line)


@cli.command()
@click.argument("name")
@click.option("--org", "organization", help="The interviewer's organisation.")
@click.option("--title", help="The interviewer's job title.")
@click.option(
    "--date", "when", metavar="YYYY-MM-DD[THH:MM]", help="Meeting date, optionally with time."
)
@click.option("--duration", type=click.IntRange(1, 1440), help="Agreed length in minutes.")
@click.option("--mode", type=click.Choice(["in-person", "video", "phone"]), help="How you meet.")
@click.option(
    "--formality",
    type=click.Choice(["formal", "informal"]),
    help="formal (businesslike: thank by email) or informal (a handwritten note).",
)
@click.option("--email", help="The interviewer's email address.")
@click.option("--phone", help="The interviewer's phone (to call if technology fails).")
@click.option("--edit", is_flag=True, help="Open the new file in $EDITOR.")
@click.option(
    "--prefill/--no-prefill",
    default=True,
    show_default=True,
    help="For someone met before: fill in title, organisation, email and phone from the "
    "latest interview with them.",
)
@workspace_option
@today_option
def new(
    name: str,
    workspace: Path | None,
    today: dt.date | None,
    edit: bool,
    prefill: bool,
    **fields: Any,
) -> None:
    """Start a new interview file for NAME, e.g. "Dana Whitfield".

    Writes interviews/<date>-<first>-<last>.md (the meeting date, else today) with every
    section and short guidance from the method, prints its path, and never overwrites.
    For someone you have interviewed before (the same name, ignoring case and accents, or
    the same --email), their title, organisation, email and phone are filled in from the
    latest interview with them, unless given as options or --no-prefill; it says so.
    """
    from infoview.scaffold import from_earlier, new_interview

    ws = find_workspace(workspace)
    note = ""
    if prefill:
        fields, note = from_earlier(ws, name.strip(), fields)
    path = new_interview(ws, name, today=today or dt.date.today(), **fields)
    echo(ws.relative(path))
    if note:
        echo(f"  {note}", err=True)
    if edit:
        click.edit(filename=str(path))


@cli.command()
@workspace_option
def doctor(workspace: Path | None) -> None:
    """Check Python, Pango, HarfBuzz, fonts and the workspace; say what to install.

    Exits 1 when something packets need is missing (optional speed-ups only warn).
    """
    from infoview.doctor import run_checks

    failed = False
    for check in run_checks(workspace or Path.cwd(), explicit=workspace is not None):
        mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[check.state]
        echo(f"{mark}  {check.name}: {check.detail}")
        if check.fix:
            echo(f"      fix: {check.fix}")
        failed = failed or check.state == "fail"
    if failed:
        sys.exit(1)
