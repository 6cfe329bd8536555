"""What a file-system event means to the watcher, and when to act on it.

Editors save in many ways: a temporary file renamed over the target (VS Code, JetBrains,
``sed -i``), vim's backup rename (``file`` -> ``file~``, then a new ``file``), or several
``write()`` calls in place. Each way is a different burst of raw events, so the watcher
never trusts one event: ``changes_for`` maps every event to the interview it concerns (or
to "rebuild all", or to nothing), ``Debouncer`` waits until that file has been quiet, and
only then does the loop look at the file system to see what is really there.

Everything here takes values, not observers, and reads no clock but the one it is given.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Literal, TypeVar

from infoview import escape

Kind = Literal["changed", "deleted", "config", "style"]
Role = Literal["interview", "config", "style"]

CONFIG = "infoview.toml"
WATCHED_FOLDERS = ("interviews", "styles", "templates")
# Events that can mean new content. Opening and reading (IN_OPEN, IN_CLOSE_NOWRITE) cannot,
# and the watcher itself reads every file it rebuilds, so those are never acted on.
CONTENT_EVENTS = ("created", "modified", "closed", "deleted", "moved")


@dataclass(frozen=True)
class Change:
    """One thing to do once quiet: an interview changed or deleted, or rebuild everything.

    ``changed`` and ``deleted`` are what the event suggested; the loop checks the file
    system before acting, since a later event in the same burst may have undone it.
    """

    kind: Kind
    path: Path

    @property
    def key(self) -> Path | str:
        """Debounce key: one per interview, and one for everything that rebuilds all."""
        return self.path if self.kind in ("changed", "deleted") else "all"


def merge(old: Change, new: Change) -> Change:
    """Combine two pending changes under one key: the newest wins, but config outranks style.

    A config change reloads the settings and re-lints too; a style change in the same burst
    must not downgrade it to a rebuild only.
    """
    if old.kind == "config" and new.kind == "style":
        return old
    return new


def is_scratch(name: str) -> bool:
    """True for editors' temporary, swap, lock and backup files, which are never content."""
    return (
        name.startswith((".", "#"))  # .file.swp, .#file (Emacs lock), .file.tmp, #file#
        or name.endswith(("~", "#", ".tmp", ".swp", ".swo", ".swx", ".swpx"))
        or name == "4913"  # vim's probe for whether it may create files in the folder
        or "___jb_" in name  # JetBrains safe write: file___jb_tmp___, file___jb_old___
    )


@dataclass(frozen=True)
class Layout:
    """Where the workspace keeps what the watcher reacts to."""

    root: Path
    stylesheet: Path  # the configured packet stylesheet, which may live outside styles/

    def role(self, raw: str | bytes) -> Role | None:
        """Classify one path: an interview, the config, a style input, or None (ignore).

        ``raw`` may be bytes or hold lone surrogates (a name that is not valid UTF-8):
        ``os.fsdecode`` keeps such a name as a name instead of raising, so the caller can
        still report it. Matching mirrors ``Workspace.interview_paths``: ``*.md`` under
        interviews/, no hidden folder on the way, never anything under build/.
        """
        path = self.absolute(raw)
        try:
            rel = path.relative_to(self.root)
        except ValueError:
            return None
        parts = rel.parts
        if not parts or is_scratch(parts[-1]) or parts[0] == "build":
            return None
        if parts == (CONFIG,):
            return "config"
        if parts[0] == "interviews":
            inside = parts[1:]
            if inside and path.suffix == ".md" and not any(p.startswith(".") for p in inside):
                return "interview"
            return None
        if parts[0] in ("styles", "templates") or path == self.stylesheet:
            return "style"
        return None

    def absolute(self, raw: str | bytes) -> Path:
        """``raw`` as a path, relative ones taken from the root."""
        return self.root / os.fsdecode(raw)  # an absolute right side replaces the root

    def change(self, raw: str | bytes, kind: Literal["changed", "deleted"]) -> Change | None:
        """The Change an event on ``raw`` stands for (``kind`` applies to interviews)."""
        role = self.role(raw)
        if role is None:
            return None
        path = self.absolute(raw)
        if role == "interview":
            return Change(kind, path)
        return Change(role, path)


def changes_for(
    event_type: str, src: str | bytes, dest: str | bytes, *, is_directory: bool, layout: Layout
) -> list[Change]:
    """Map one watchdog event (its type string and paths) to the changes it implies.

    A move is a deletion of its source and a change of its destination: an atomic save is a
    move from a temporary name (ignored) onto the interview, and vim's backup rename is a
    move of the interview onto ``file~`` (ignored) followed by a new file.
    """
    if event_type not in CONTENT_EVENTS:
        return []
    if is_directory:
        return _folder_changes(event_type, src, dest, layout)
    if event_type == "moved":
        found = [layout.change(src, "deleted"), layout.change(dest, "changed")]
    elif event_type == "deleted":
        found = [layout.change(src, "deleted")]
    else:
        found = [layout.change(src, "changed")]
    return [c for c in found if c is not None]


def _folder_changes(
    event_type: str, src: str | bytes, dest: str | bytes, layout: Layout
) -> list[Change]:
    """A folder of interviews removed takes its interviews along; a watched folder appearing
    (interviews/, styles/, templates/) means the layout changed: rescan everything.

    Files inside a new or renamed folder arrive as events of their own.
    """
    out: list[Change] = []
    if event_type in ("deleted", "moved"):
        gone = layout.absolute(src)
        if layout.root / "interviews" in gone.parents:
            out.append(Change("deleted", gone))
    if event_type in ("created", "moved"):
        new = layout.absolute(dest if event_type == "moved" else src)
        if new in {layout.root / name for name in WATCHED_FOLDERS}:
            out.append(Change("config", new))
    return out


K = TypeVar("K")
V = TypeVar("V")


@dataclass
class _Pending(Generic[V]):
    value: V
    first: float
    last: float


class Debouncer(Generic[K, V]):
    """Hold each key's latest value until the key has been quiet for ``quiet`` seconds.

    A save is a burst of events (create, several writes, close, rename) and must give one
    rebuild, not five. ``longest`` caps the wait, so a file written to without pause is
    still rebuilt now and then. ``clock`` is injectable, so tests need no sleeping. Safe to
    push from the observer's thread while another thread pops.
    """

    def __init__(
        self,
        quiet: float,
        *,
        longest: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        merge: Callable[[V, V], V] | None = None,
    ) -> None:
        self.quiet = quiet
        self.longest = longest
        self._clock = clock
        self._merge = merge
        self._pending: dict[K, _Pending[V]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._pending)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._pending

    def push(self, key: K, value: V) -> None:
        """Record an event for ``key``: its quiet period starts again."""
        with self._lock:
            now = self._clock()
            entry = self._pending.get(key)
            if entry is None:
                self._pending[key] = _Pending(value, now, now)
                return
            entry.value = self._merge(entry.value, value) if self._merge else value
            entry.last = now

    def _deadline(self, entry: _Pending[V]) -> float:
        return min(entry.last + self.quiet, entry.first + self.longest)

    def pop_due(self) -> list[V]:
        """Remove and return the values whose key has been quiet long enough, oldest first."""
        with self._lock:
            now = self._clock()
            due = [(self._deadline(e), k) for k, e in self._pending.items()]
            due.sort(key=lambda item: item[0])  # keys need not be comparable
            return [self._pending.pop(k).value for deadline, k in due if deadline <= now]

    def wait_time(self) -> float | None:
        """Seconds until the next key is due (0 when one is), or None when nothing waits."""
        with self._lock:
            if not self._pending:
                return None
            soonest = min(self._deadline(e) for e in self._pending.values())
            return max(0.0, soonest - self._clock())


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: controls and undecodable bytes escaped.

    A file name that is not valid UTF-8 arrives with lone surrogates, which no encoder
    accepts (shown as ``\\xff``); see ``infoview.escape``. Line breaks are kept.
    """
    return escape.printable(text, newlines=True)


def describe(exc: BaseException) -> str:
    """``Type: message`` on one line, for reporting an exception and carrying on."""
    return f"{type(exc).__name__}: {exc}".split("\n")[0]
