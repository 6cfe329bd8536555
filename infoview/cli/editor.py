"""Commands for editors and other tools: schema (and the language server, lsp)."""

from __future__ import annotations

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
