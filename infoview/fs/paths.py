"""Confinement: follow a path the way the system will, refusing links that leave the workspace.

A workspace may come from someone else (a cloned repository), and a symbolic link in it is
theirs to plant: ``build -> /home/you`` or ``interviews/x.md -> ~/.ssh/id_rsa``. So a link
met *inside* the workspace must lead to a place inside it. A path the user typed that lies
outside the workspace (``--ics ~/calendar.ics``) is theirs to choose, and is used as given.
"""

from __future__ import annotations

import os
from pathlib import Path

from infoview.fs.errors import FileError, label


class Escape(FileError):
    """A symbolic link inside the workspace leads outside it."""


def inside(path: Path | str, root: Path) -> bool:
    """True when the real ``path`` (no links left in it) is ``root`` or below it."""
    try:
        Path(path).relative_to(root)
    except ValueError:
        return False
    return True


def confine(path: Path, root: Path | None, *, follow_last: bool = True) -> Path:
    """Return where ``path`` really is, refusing a link inside ``root`` that leads out of it.

    The path is walked one part at a time, as the system resolves it: each symbolic link is
    replaced by its target (``..`` after a link goes up from the target, not lexically).
    ``root`` must be a real path (``Path.resolve()``); ``None`` confines nothing.
    ``follow_last=False`` leaves the last part as it is (a write replaces a link there
    rather than writing through it). Parts that do not exist yet are kept as they are.
    """
    absolute = path if path.is_absolute() else Path.cwd() / path
    parts = absolute.parts
    current, start = Path(parts[0]), 1
    if root is not None and parts[: len(root.parts)] == root.parts:
        # A real path has no link in it: walking its parts again would find none, so start
        # at the root (a lint of thousands of files checks two parts each, not six).
        current, start = root, len(root.parts)
    last = len(parts) - 1
    for index, part in enumerate(parts[start:], start=start):
        if part == "..":
            current = current.parent
            continue
        candidate = current / part
        if (index < last or follow_last) and os.path.islink(candidate):
            target = Path(os.path.realpath(candidate))
            if root is not None and inside(current, root) and not inside(target, root):
                raise Escape(
                    f"is a symbolic link to '{_link_text(candidate)}', outside the workspace; "
                    "infoview reads and writes only inside it",
                    path=label(candidate, root),
                    hint="replace the link with a real folder or file inside the workspace",
                )
            current = target
        else:
            current = candidate
    return current


def _link_text(link: Path) -> str:
    try:
        return os.readlink(link)
    except OSError:  # pragma: no cover - it was a link a moment ago
        return "?"
