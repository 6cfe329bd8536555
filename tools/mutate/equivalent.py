"""Mutants that cannot change behaviour, left out of the score with a reason each.

``tools/mutate/equivalent.toml`` holds one ``[[equivalent]]`` table per mutant::

    [[equivalent]]
    file = "infoview/agenda_ics.py"
    line = "first, last = dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1)"
    change = "`1` -> `2`"
    nth = 1          # optional: which of several identical changes on that line
    reason = "..."   # required: why no input can tell this mutant from the original

``line`` is the source line, stripped, and ``change`` is exactly what the report prints, so
an entry survives edits elsewhere in the file and goes stale (and is reported) when the
line itself changes. ``make mutate --stubs`` prints entries for the surviving mutants.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tools.mutate.mutants import Mutant

DEFAULT = Path(__file__).with_name("equivalent.toml")


@dataclass(frozen=True)
class Entry:
    file: str
    line: str
    change: str
    nth: int
    reason: str

    def matches(self, mutant: Mutant) -> bool:
        return (
            mutant.path == self.file
            and mutant.line_text == self.line
            and mutant.change == self.change
            and mutant.nth == self.nth
        )


class AllowListError(ValueError):
    pass


def load(path: Path) -> list[Entry]:
    """The entries of ``path`` (none when it does not exist); a malformed one is an error."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise AllowListError(f"{path}: {exc}") from exc
    entries = []
    for i, table in enumerate(data.get("equivalent", []), 1):
        missing = [k for k in ("file", "line", "change", "reason") if not table.get(k)]
        if missing:
            raise AllowListError(f"{path}: entry {i} has no {', '.join(missing)}")
        unknown = set(table) - {"file", "line", "change", "nth", "reason"}
        if unknown:
            raise AllowListError(f"{path}: entry {i} has unknown keys {sorted(unknown)}")
        entries.append(
            Entry(
                str(table["file"]),
                str(table["line"]).strip(),
                str(table["change"]),
                int(table.get("nth", 1)),
                str(table["reason"]),
            )
        )
    return entries


def split(mutants: list[Mutant], entries: list[Entry]) -> tuple[list[Mutant], dict[int, Entry]]:
    """(mutants to run, {index of an excluded mutant: its entry})."""
    kept, excluded = [], {}
    for index, mutant in enumerate(mutants):
        entry = next((e for e in entries if e.matches(mutant)), None)
        if entry is None:
            kept.append(mutant)
        else:
            excluded[index] = entry
    return kept, excluded


def stale(entries: list[Entry], mutants: list[Mutant], files: set[str]) -> list[Entry]:
    """Entries for the files mutated now that match no mutant any more."""
    return [e for e in entries if e.file in files and not any(e.matches(m) for m in mutants)]


def stub(mutant: Mutant) -> str:
    """A ready-to-edit entry for ``mutant``."""
    lines = [
        "[[equivalent]]",
        f"file = {_toml(mutant.path)}",
        f"line = {_toml(mutant.line_text)}",
        f"change = {_toml(mutant.change)}",
    ]
    if mutant.nth != 1:
        lines.append(f"nth = {mutant.nth}")
    lines.append('reason = "TODO: why no input can tell this mutant from the original"')
    return "\n".join(lines)


def _toml(text: str) -> str:
    """A TOML basic string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(
        c if (c >= " " and c != "\x7f") or c == "\t" else f"\\u{ord(c):04x}" for c in escaped
    )
    return f'"{escaped}"'
