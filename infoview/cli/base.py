"""The ``infoview`` group, its shared options, and error handling for every command.

Each command is a few lines that import the module doing the work inside the function, so
``infoview --help`` and ``infoview lint`` never load WeasyPrint. InfoviewError is turned into
a message and an exit code in exactly one place, ``_Group.invoke``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from infoview import __version__
from infoview.errors import InfoviewError, UsageError
from infoview.escape import printable
from infoview.limits import date_problem

if TYPE_CHECKING:
    from infoview.edit import EditResult
    from infoview.workspace import Workspace


def echo(text: str, *, err: bool = False, nl: bool = True, styled: bool = False) -> None:
    """Print ``text`` with every control character and undecodable byte escaped.

    The one output edge of the commands: always, on a terminal or not, whatever NO_COLOR
    says. ``styled`` text carries colours infoview added itself around values that were
    escaped before they were styled (``lint`` and ``agenda`` on a terminal), so it is
    printed as it is.
    """
    click.echo(text if styled else printable(text, newlines=True), err=err, nl=nl, color=styled)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InfoviewError as exc:
            echo(f"error: {exc.render()}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # one no module turned into a FileError: still no traceback
            from infoview.fs import from_oserror

            error = from_oserror(exc, exc.filename or "a file", action="use")
            click.echo(f"error: {error.render()}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            echo("interrupted", err=True)
            ctx.exit(130)


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """Parse --today / INFOVIEW_TODAY; None means "use the clock" (read once, at the edge)."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{printable(value)}' is not a date; write YYYY-MM-DD (from --today or INFOVIEW_TODAY)"
        ) from None
    problem = date_problem(day)
    if problem:
        raise click.BadParameter(f"{value}: {problem}; check the year")
    return day


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


def find_workspace(workspace: Path | None) -> Workspace:
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


def use_colour() -> bool:
    """Colour only on a terminal, never with NO_COLOR set (no-color.org: a non-empty value)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def date_option(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} '{printable(value)}' is not a date; write YYYY-MM-DD") from None
    problem = date_problem(day)
    if problem:
        raise UsageError(f"{option} {value}: {problem}; check the year")
    return day


def show_edit(
    result: EditResult,
    ws: Workspace,
    *,
    dry_run: bool,
    what: str,
    unchanged: str = "already recorded",
) -> None:
    """Print the diff (``--dry-run``) or one line saying what an edit changed (or why not)."""
    label = ws.relative(result.path)
    if dry_run:
        echo(result.diff(label) or f"{label}: no change ({unchanged})\n", nl=False)
        return
    echo(f"{label}: {what}" if result.changed else f"{label}: {unchanged}")


def main() -> None:
    """Console-script entry point."""
    import infoview.cli  # noqa: F401  (registers every command on the group)

    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    cli(prog_name="infoview")
