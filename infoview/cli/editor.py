"""Commands for editors and other tools: the language server (lsp) and schema."""

from __future__ import annotations

import click

from infoview.cli.base import cli, echo


@cli.command()
def schema() -> None:
    """Print the front matter's JSON Schema (draft 2020-12) to stdout.

    Generated from the same key table infoview reads, for CI and editors, e.g.
    'infoview schema > front-matter.schema.json'. A front matter is valid under it
    exactly when 'infoview lint' reports no IV002 (wrong type, unknown key or value).
    """
    from infoview.schema_json import schema_text

    echo(schema_text(), nl=False)


@cli.command()
@click.option(
    "--poll",
    is_flag=True,
    help="Poll infoview.toml every second instead of watching it (for unusual filesystems).",
)
def lsp(poll: bool) -> None:
    """Run the language server over stdio, for your editor (see README, "Editors").

    Lints each interview as you type, with quick fixes, hover, completion in the front
    matter, symbols and go-to-definition; re-lints at midnight and when a meeting ends, and
    when infoview.toml changes. It exits when the editor closes its input. Set
    INFOVIEW_TODAY=YYYY-MM-DD to fix the date, as for lint.
    """
    from infoview.lsp.early import run

    run(poll=poll)
