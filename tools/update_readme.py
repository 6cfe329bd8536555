"""Regenerate README.md's rule table from the lint registry (``make readme``).

The table sits between ``<!-- rules:start -->`` and ``<!-- rules:end -->``; a test fails
when it no longer matches the registry.
"""

from __future__ import annotations

import sys
from pathlib import Path

from infoview.lint.registry import markdown_table

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rewrite(text: str) -> str:
    """Return ``text`` with the table between the markers replaced by the registry's."""
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    if not rest:
        sys.exit(f"{README}: no {START} marker")
    return f"{before}{START}\n{markdown_table()}\n{END}{after}"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = rewrite(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print(f"updated the rule table in {README.name}")
    else:
        print(f"{README.name} is up to date")


if __name__ == "__main__":
    main()
