"""Commands that check interviews: lint, rules, watch."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from infoview.cli.base import (
    cli,
    echo,
    find_workspace,
    today_option,
    use_colour,
    workspace_option,
)
from infoview.errors import InfoviewError, UsageError


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

    ws = find_workspace(workspace)
    unfixed = False
    if fix:
        from infoview.fix import fix_file
        from infoview.fs import Escape, ReadError
        from infoview.lint.command import targets_for

        for target in targets_for(ws, paths, changed=changed):
            try:
                fixed = fix_file(ws, target.path)
            except (ReadError, Escape):
                continue  # unreadable: lint reports it below
            except InfoviewError as exc:  # read-only, a full disk...: say so, exit 2
                echo(f"error: cannot fix: {exc.render()}", err=True)
                unfixed = True
                continue
            if fixed.added:
                added = ", ".join(f"## {title}" for title in fixed.added)
                echo(f"fixed: {target.label}: added {added}", err=True)
    result = run_lint(ws, paths, today=today, changed=changed, use_cache=not no_cache)
    colour = fmt == "text" and use_colour()
    output = render(result, fmt, colour=colour)
    if output:
        echo(output, styled=colour)
    sys.exit(2 if unfixed else result.exit_code(strict=strict))


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List every lint rule, or explain one: infoview rules IV303 (code or slug)."""
    from infoview.lint.registry import RULES, lookup, suggest

    if code is None:
        for rule in RULES.values():
            echo(f"{rule.code}  {rule.slug:<26} {rule.severity:<8} {rule.summary}")
        return
    found = lookup(code)
    if found is None:
        raise UsageError(f"no rule '{code}'; {suggest(code)}'infoview rules' lists them all")
    echo(f"{found.code} {found.slug} (default: {found.severity})\n\n{found.doc}")


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

    colour = use_colour()
    watcher = Watcher(find_workspace(workspace), today=today, packets=not no_packets, colour=colour)
    try:
        watcher.run()
    except KeyboardInterrupt:  # how a watch ends: exit status 0, not 130
        echo("stopped")
