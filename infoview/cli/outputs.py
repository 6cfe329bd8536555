"""Commands that write outputs: packet, thanks, agenda, network."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from infoview.cli.base import (
    cli,
    date_option,
    echo,
    find_workspace,
    show_edit,
    today_option,
    use_colour,
    workspace_option,
)
from infoview.errors import InfoviewError, UsageError
from infoview.limits import MAX_AGENDA_DAYS

if TYPE_CHECKING:
    from infoview.packet import Outcome


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--html", is_flag=True, help="Write HTML instead of PDF (no WeasyPrint needed).")
@workspace_option
def packet(paths: tuple[Path, ...], force: bool, html: bool, workspace: Path | None) -> None:
    """Build a PDF prep packet per interview in build/packets/.

    PATHS are interview files or folders (default: every interview in the workspace).
    A packet whose inputs (the interview, infoview.toml, stylesheet, templates, infoview's
    version) are unchanged is skipped. Exits 1 when any packet could not be built, 2 when
    one could not be written (a full disk, a read-only folder).
    """
    from infoview.packet import build_packets

    ws = find_workspace(workspace)
    sources = ws.interview_paths(paths)
    if not sources:
        echo(
            f"no interviews in {ws.relative(ws.interviews_dir)}/; start one with: infoview new NAME"
        )
        return
    started = time.perf_counter()

    def report(outcome: Outcome) -> None:
        target = ws.relative(outcome.output)
        if outcome.state == "built":
            echo(f"built      {target} ({outcome.seconds:.2f} s)")
        elif outcome.state == "unchanged":
            echo(f"unchanged  {target}")
        else:
            echo(f"failed     {target}")
        for message in outcome.messages:
            echo(f"  {message}", err=True)

    outcomes = build_packets(ws, sources, force=force, html=html, report=report)
    counts = {
        state: sum(o.state == state for o in outcomes) for state in ("built", "unchanged", "failed")
    }
    total = len(outcomes)
    echo(
        f"{total} packet{'s' if total != 1 else ''}: {counts['built']} built, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed "
        f"({time.perf_counter() - started:.1f} s)"
    )
    if counts["failed"]:
        sys.exit(2 if any(o.io_error for o in outcomes) else 1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "card", "handwritten", "email"]),
    default="auto",
    show_default=True,
    help="auto follows [thanks]: informal -> a card to copy by hand (card or handwritten), "
    "formal -> an email draft.",
)
@click.option("--mark-sent", is_flag=True, help="Record the thank-you as sent (edits PATHS).")
@click.option(
    "--on", "on", metavar="YYYY-MM-DD", help="With --mark-sent: the date (default today)."
)
@click.option(
    "--via",
    type=click.Choice(["handwritten", "card", "email"]),
    help="With --mark-sent: how it was sent, in the same words as --format "
    "(default: as the formality pairs it).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="With --mark-sent: replace a thank-you already recorded (refused otherwise).",
)
@click.option("--dry-run", is_flag=True, help="With --mark-sent: print the diff, change nothing.")
@click.option(
    "--early",
    is_flag=True,
    help="Write a draft for a meeting that has not happened yet (refused otherwise).",
)
@workspace_option
@today_option
def thanks(
    paths: tuple[Path, ...],
    fmt: str,
    mark_sent: bool,
    on: str | None,
    via: str | None,
    replace: bool,
    dry_run: bool,
    early: bool,
    workspace: Path | None,
    today: dt.date | None,
) -> None:
    """Write thank-you notes: a card to copy by hand, or an email draft.

    Writes build/thanks/<name>.pdf (an A2 card) or build/thanks/<name>.eml (a draft your
    mail program opens for editing; infoview never sends mail) for PATHS, by default every
    done interview whose thank-you is not recorded as sent. A meeting that has not happened
    yet gets no note (exit 1, naming its date) unless --early asks for a draft. A card's
    text is fitted to one face of the card.

    With --mark-sent it instead records follow_up.thank_you_sent (and thank_you_via) in
    PATHS, changing only those lines; a thank-you already recorded on another date or by
    another channel is left as it is (exit 1) unless --replace.
    """
    from infoview.lint import context
    from infoview.thanks import Written, channel_for, mailto, pending, write_notes

    ws = find_workspace(workspace)
    ctx = context(ws.config, today)
    fmt = {"handwritten": "card"}.get(fmt, fmt)
    if mark_sent:
        from infoview.followup import mark_sent as record
        from infoview.followup import via_for

        if not paths:
            raise UsageError("--mark-sent needs the interview file(s) to edit")
        day = date_option(on, "--on") or ctx.today
        marked = 0
        for path in ws.interview_paths(paths):
            try:  # one file that cannot be edited (or is already recorded) spares the others
                interview = ws.read(path)
                how = via_for(via or channel_for(interview, ws.config, fmt))
                if interview.meeting.date is not None and day < interview.meeting.date:
                    echo(
                        f"warning: {ws.relative(path)}: --on {day} is before the meeting "
                        f"({interview.meeting.date}); recorded anyway",
                        err=True,
                    )
                result = record(
                    path, on=day, via=how, dry_run=dry_run, root=ws.root, replace=replace
                )
            except InfoviewError as exc:  # AlreadyRecorded among them: nothing changed
                echo(f"error: {exc.render()}", err=True)
                marked = max(marked, exc.exit_code)
                continue
            before = interview.follow_up.thank_you_sent
            what = f"thank-you sent {day} ({how})"
            if result.changed and before is not None:
                was = interview.follow_up.thank_you_via
                what += f", replacing {before}" + (f" ({was})" if was else "")
            elif not result.changed:
                what = f"thank-you already recorded as sent {day} ({how}); nothing changed"
            show_edit(result, ws, dry_run=dry_run, what=what, unchanged=what)
        sys.exit(marked)
    status = 0
    interviews = []
    for source in ws.interview_paths(paths):
        try:  # one unreadable file (a dangling link, a FIFO) must not stop the others
            interviews.append(ws.read(source))
        except InfoviewError as exc:
            echo(f"error: {exc.render()}", err=True)
            status = 1
    if not paths:
        interviews = pending(interviews, ctx)
    if not interviews:
        echo("no thank-yous due: no done interview is waiting for one")
        sys.exit(status)

    def report(written: Written) -> None:
        nonlocal status
        if written.path is None:
            status = max(status, 2 if written.io_error else 1)
            echo(f"error: {written.error}", err=True)
            return
        note = written.note
        echo(f"wrote      {ws.relative(written.path)} ({note.channel})")
        for warning in note.warnings:
            echo(f"  warning: {warning}", err=True)
        if note.channel == "email":
            echo(f"  open in your mail program: {mailto(note)}")

    write_notes(ws, interviews, ctx, fmt=fmt, report=report, early=early)
    sys.exit(status)


@cli.command()
@today_option
@click.option(
    "--days",
    type=click.IntRange(min=1, max=MAX_AGENDA_DAYS),
    default=14,
    show_default=True,
    help="How far ahead to list meetings and keep-in-touch dates.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: aligned columns; json: a list of rows, each with the file's path.",
)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every meeting and follow-up reminder to this iCalendar file.",
)
@workspace_option
def agenda(
    today: dt.date | None, days: int, fmt: str, ics: Path | None, workspace: Path | None
) -> None:
    """What is coming and what is due, across every interview.

    Upcoming meetings within --days with their readiness (lint errors and warnings),
    thank-yous due or overdue, keep-in-touch due, and interviews planned without a date.
    --ics FILE writes the meetings and reminders as a calendar to import. Exits 1 when an
    interview could not be read (the others are still listed).
    """
    from infoview.agenda import as_json, run, table

    result = run(find_workspace(workspace), today=today, days=days, ics=ics)
    for message in result.errors:
        echo(message, err=True)
    if result.wrote is not None:
        echo(f"wrote {ics}: {result.wrote}", err=True)
    colour = fmt == "table" and use_colour()
    output = as_json(result.rows) if fmt == "json" else table(result.rows, days=days, colour=colour)
    echo(output, styled=colour)
    sys.exit(1 if result.errors else 0)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "dot"]),
    default="text",
    show_default=True,
    help="text: an indented tree; dot: Graphviz (infoview network --format dot | dot -Tsvg).",
)
@workspace_option
def network(fmt: str, workspace: Path | None) -> None:
    """Who referred whom, from 'referrals' and 'referred_by'; who to contact next.

    People referred but not interviewed yet (no file, or no date) are marked 'next to
    contact'. Exits 1 when an interview could not be read (the others are still shown).
    """
    from infoview.corpus import load
    from infoview.network import dot, graph, tree

    corpus = load(find_workspace(workspace))
    for message in corpus.errors:
        echo(message, err=True)
    g = graph(corpus.interviews())
    echo(dot(g) if fmt == "dot" else tree(g))
    sys.exit(1 if corpus.errors else 0)
