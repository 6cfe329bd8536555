"""The ``infoview`` command line: arguments in, exit code out.

Each command is a few lines that import the module doing the work inside the function, so
``infoview --help`` and ``infoview lint`` never load WeasyPrint. InfoviewError is turned into
a message and an exit code in exactly one place, ``_Group.invoke``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from infoview import __version__
from infoview.errors import InfoviewError, UsageError

if TYPE_CHECKING:
    from infoview.edit import EditResult
    from infoview.packet import Outcome
    from infoview.workspace import Workspace


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InfoviewError as exc:
            click.echo(f"error: {exc.render()}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Parse --today / INFOVIEW_TODAY; None means "use the clock" (read once, at the edge)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date; write YYYY-MM-DD (from --today or INFOVIEW_TODAY)"
        ) from None


workspace_option = click.option(
    "--workspace",
    "-w",
    "workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="The workspace folder (default: the nearest folder upwards holding infoview.toml).",
)
today_option = click.option(
    "--today",
    "today",
    envvar="INFOVIEW_TODAY",
    callback=_today,
    metavar="YYYY-MM-DD",
    help="Pretend today is this date (default: $INFOVIEW_TODAY, else the clock).",
)


def _open(workspace: Path | None) -> Workspace:
    from infoview.workspace import open_workspace

    return open_workspace(workspace)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="infoview")
def cli() -> None:
    """Prepare, conduct and follow up informational interviews kept as Markdown files.

    Each interview is interviews/<date>-<name>.md with YAML front matter. infoview checks
    it against the method (research, one to three learning goals, questions a website
    can't answer, logistics, a thank-you within two days) and builds what you take to the
    meeting and send after it.

    \b
    Start:   infoview init my-interviews && cd my-interviews
             infoview new "Dana Whitfield" --org "Marlow & Reyes LLP" --date 2026-12-03T10:00
             infoview packet
    """


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
        click.echo(line)


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
@workspace_option
@today_option
def new(
    name: str,
    workspace: Path | None,
    today: dt.date | None,
    edit: bool,
    **fields: Any,
) -> None:
    """Start a new interview file for NAME, e.g. "Dana Whitfield".

    Writes interviews/<date>-<first>-<last>.md (the meeting date, else today) with every
    section and short guidance from the method, prints its path, and never overwrites.
    """
    from infoview.scaffold import new_interview

    ws = _open(workspace)
    path = new_interview(ws, name, today=today or dt.date.today(), **fields)
    click.echo(ws.relative(path))
    if edit:
        click.edit(filename=str(path))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--html", is_flag=True, help="Write HTML instead of PDF (no WeasyPrint needed).")
@workspace_option
def packet(paths: tuple[Path, ...], force: bool, html: bool, workspace: Path | None) -> None:
    """Build a PDF prep packet per interview in build/packets/.

    PATHS are interview files or folders (default: every interview in the workspace).
    A packet whose inputs (the interview, infoview.toml, stylesheet, templates, infoview's
    version) are unchanged is skipped. Exits 1 when any packet could not be built.
    """
    from infoview.packet import build_packets

    ws = _open(workspace)
    sources = ws.interview_paths(paths)
    if not sources:
        click.echo(
            f"no interviews in {ws.relative(ws.interviews_dir)}/; start one with: infoview new NAME"
        )
        return
    started = time.perf_counter()

    def report(outcome: Outcome) -> None:
        target = ws.relative(outcome.output)
        if outcome.state == "built":
            click.echo(f"built      {target} ({outcome.seconds:.2f} s)")
        elif outcome.state == "unchanged":
            click.echo(f"unchanged  {target}")
        else:
            click.echo(f"failed     {target}")
        for message in outcome.messages:
            click.echo(f"  {message}", err=True)

    outcomes = build_packets(ws, sources, force=force, html=html, report=report)
    counts = {
        state: sum(o.state == state for o in outcomes) for state in ("built", "unchanged", "failed")
    }
    total = len(outcomes)
    click.echo(
        f"{total} packet{'s' if total != 1 else ''}: {counts['built']} built, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed "
        f"({time.perf_counter() - started:.1f} s)"
    )
    if counts["failed"]:
        sys.exit(1)


def _show_edit(result: EditResult, ws: Workspace, *, dry_run: bool, what: str) -> None:
    label = ws.relative(result.path)
    if dry_run:
        click.echo(result.diff(label) or f"{label}: no change", nl=False)
        return
    click.echo(f"{label}: {what}" if result.changed else f"{label}: already recorded")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "card", "email"]),
    default="auto",
    show_default=True,
    help="auto follows [thanks]: informal -> a card to copy by hand, formal -> an email draft.",
)
@click.option("--mark-sent", is_flag=True, help="Record the thank-you as sent (edits PATHS).")
@click.option(
    "--on", "on", metavar="YYYY-MM-DD", help="With --mark-sent: the date (default today)."
)
@click.option(
    "--via",
    type=click.Choice(["handwritten", "email"]),
    help="With --mark-sent: how it was sent (default: as the formality pairs it).",
)
@click.option("--dry-run", is_flag=True, help="With --mark-sent: print the diff, change nothing.")
@workspace_option
@today_option
def thanks(
    paths: tuple[Path, ...],
    fmt: str,
    mark_sent: bool,
    on: str | None,
    via: str | None,
    dry_run: bool,
    workspace: Path | None,
    today: dt.date | None,
) -> None:
    """Write thank-you notes: a card to copy by hand, or an email draft.

    Writes build/thanks/<name>.pdf (an A2 card) or build/thanks/<name>.eml (a draft your
    mail program opens for editing; infoview never sends mail) for PATHS, by default every
    done interview whose thank-you is not recorded as sent. With --mark-sent it instead
    records follow_up.thank_you_sent (and thank_you_via) in PATHS, changing only those lines.
    """
    from infoview.lint import context
    from infoview.thanks import Written, channel_for, mailto, pending, write_notes

    ws = _open(workspace)
    ctx = context(ws.config, today)
    if mark_sent:
        from infoview.followup import mark_sent as record

        if not paths:
            raise UsageError("--mark-sent needs the interview file(s) to edit")
        day = _date_option(on, "--on") or ctx.today
        for path in ws.interview_paths(paths):
            interview = ws.read(path)
            how = via or {"card": "handwritten"}.get(
                channel_for(interview, ws.config, fmt), "email"
            )
            result = record(path, on=day, via=how, dry_run=dry_run)
            _show_edit(result, ws, dry_run=dry_run, what=f"thank-you sent {day} ({how})")
        return
    interviews = [ws.read(p) for p in ws.interview_paths(paths)]
    if not paths:
        interviews = pending(interviews, ctx)
    if not interviews:
        click.echo("no thank-yous due: no done interview is waiting for one")
        return
    failed = False

    def report(written: Written) -> None:
        nonlocal failed
        if written.path is None:
            failed = True
            click.echo(f"error: {written.error}", err=True)
            return
        note = written.note
        click.echo(f"wrote      {ws.relative(written.path)} ({note.channel})")
        for warning in note.warnings:
            click.echo(f"  warning: {warning}", err=True)
        if note.channel == "email":
            click.echo(f"  open in your mail program: {mailto(note)}")

    write_notes(ws, interviews, ctx, fmt=fmt, report=report)
    if failed:
        sys.exit(1)


def _date_option(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} '{value}' is not a date; write YYYY-MM-DD") from None


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
    Only the new lines are added; the rest of the file stays byte-identical.
    """
    from infoview.followup import log_contact
    from infoview.lint.context import moment

    ws = _open(workspace)
    # Today in the workspace's time zone, as `thanks --mark-sent` and lint read it.
    day = _date_option(on, "--on") or moment(today, ws.config.tz).date()
    result = log_contact(path, note=note, on=day, dry_run=dry_run)
    _show_edit(result, ws, dry_run=dry_run, what=f"logged contact on {day}")


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
    Only the new lines are added; the rest of the file stays byte-identical.
    """
    from infoview.followup import add_referral

    ws = _open(workspace)
    result = add_referral(path, name=name, note=note, contact=contact, dry_run=dry_run)
    _show_edit(result, ws, dry_run=dry_run, what=f"added referral {name}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="text: path:line:col: CODE [severity] message; json; github annotations; SARIF 2.1.0.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option(
    "--changed", is_flag=True, help="Only interviews changed against git HEAD (incl. untracked)."
)
@click.option("--no-cache", is_flag=True, help="Parse every file again, ignoring .infoview-cache/.")
@click.option(
    "--fix",
    is_flag=True,
    help="Add missing sections (Research, Questions, Notes, Follow-up) as empty skeletons "
    "(edits the files; never rewrites existing content).",
)
@workspace_option
@today_option
def lint(
    paths: tuple[Path, ...],
    fmt: str,
    strict: bool,
    changed: bool,
    no_cache: bool,
    fix: bool,
    workspace: Path | None,
    today: dt.date | None,
) -> None:
    """Check interviews against the method, like ruff or Vale check code and prose.

    Rules cover research, learning goals, questions, logistics and follow-up.
    PATHS are interview files or folders (default: every interview in the workspace).
    Rules, severities and extra patterns are configured under [lint] in infoview.toml;
    'infoview rules' lists them. Exit status: 0 no errors, 1 errors (or warnings with
    --strict), 2 usage, config or I/O errors.
    """
    from infoview.lint.command import render, run_lint

    ws = _open(workspace)
    if fix:
        from infoview.fix import fix_file
        from infoview.lint.command import targets_for

        for target in targets_for(ws, paths, changed=changed):
            try:
                fixed = fix_file(ws, target.path)
            except InfoviewError:
                continue  # unreadable: lint reports it below

            if fixed.added:
                added = ", ".join(f"## {title}" for title in fixed.added)
                click.echo(f"fixed: {target.label}: added {added}", err=True)
    result = run_lint(ws, paths, today=today, changed=changed, use_cache=not no_cache)
    # no-color.org: NO_COLOR set to anything but the empty string turns colour off.
    colour = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    output = render(result, fmt, colour=colour)
    if output:
        click.echo(output, color=colour)
    sys.exit(result.exit_code(strict=strict))


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List every lint rule, or explain one: infoview rules IV303 (code or slug)."""
    from infoview.lint.registry import RULES, lookup, suggest

    if code is None:
        for rule in RULES.values():
            click.echo(f"{rule.code}  {rule.slug:<26} {rule.severity:<8} {rule.summary}")
        return
    found = lookup(code)
    if found is None:
        raise UsageError(f"no rule '{code}'; {suggest(code)}'infoview rules' lists them all")
    click.echo(f"{found.code} {found.slug} (default: {found.severity})\n\n{found.doc}")


@cli.command()
@today_option
@click.option(
    "--days",
    type=click.IntRange(min=1),
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

    result = run(_open(workspace), today=today, days=days, ics=ics)
    for message in result.errors:
        click.echo(message, err=True)
    if result.wrote is not None:
        click.echo(f"wrote {ics}: {result.wrote}", err=True)
    colour = fmt == "table" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    output = as_json(result.rows) if fmt == "json" else table(result.rows, days=days, colour=colour)
    click.echo(output, color=colour)
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

    corpus = load(_open(workspace))
    for message in corpus.errors:
        click.echo(message, err=True)
    g = graph(corpus.interviews())
    click.echo(dot(g) if fmt == "dot" else tree(g))
    sys.exit(1 if corpus.errors else 0)


@cli.command()
@click.option(
    "--no-packets", is_flag=True, help="Only lint on each save; build no packets (no WeasyPrint)."
)
@workspace_option
@today_option
def watch(no_packets: bool, workspace: Path | None, today: dt.date | None) -> None:
    """Lint and rebuild packets as you save, with the PDF open beside your editor.

    Lints every interview and builds stale packets, then watches interviews/, styles/,
    templates/ and infoview.toml. Each save re-lints that interview (the lint text format)
    and rebuilds its packet, with one timestamped line per rebuild; a stylesheet, template
    or config change rebuilds all. A broken file keeps its last good PDF. Ctrl-C stops.
    """
    from infoview.watch.loop import Watcher

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    watcher = Watcher(_open(workspace), today=today, packets=not no_packets, colour=colour)
    try:
        watcher.run()
    except KeyboardInterrupt:  # how a watch ends: exit status 0, not 130
        click.echo("stopped")


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
        click.echo(f"{mark}  {check.name}: {check.detail}")
        if check.fix:
            click.echo(f"      fix: {check.fix}")
        failed = failed or check.state == "fail"
    if failed:
        sys.exit(1)


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    cli(prog_name="infoview")
