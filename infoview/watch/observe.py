"""watchdog's observer over the workspace's folders, kept alive whatever an event holds.

An exception in a handler ends the observer's thread silently: the watch goes on looking
alive but deaf (watchdog issue #793). A file name that is not valid UTF-8 arrives with
lone surrogates that break any careless ``print``. So every event is handled inside a
``try``, and the handler only classifies and queues. When inotify is out of watches or
instances, the observer falls back to polling instead of giving up.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from infoview.watch.core import CONFIG, WATCHED_FOLDERS, Layout, describe
from infoview.workspace import Workspace

Folders = list[tuple[Path, bool]]  # (folder, recursive)
POLL_INTERVAL = 0.5  # seconds between scans when inotify is exhausted
# Only events that can mean new content: the watcher reads files itself (IN_OPEN,
# IN_CLOSE_NOWRITE) and must not react to that.
EVENT_FILTER: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]
LIMITS = {
    errno.ENOSPC: ("watch", "fs.inotify.max_user_watches=524288"),
    errno.EMFILE: ("instance", "fs.inotify.max_user_instances=512"),
}


class SafeHandler(FileSystemEventHandler):
    """Pass every event on; report whatever that raises instead of letting it out."""

    def __init__(
        self, on_event: Callable[[FileSystemEvent], None], on_error: Callable[[str], None]
    ) -> None:
        super().__init__()
        self._on_event = on_event
        self._on_error = on_error

    def dispatch(self, event: FileSystemEvent) -> None:
        try:
            self._on_event(event)
        except Exception as exc:  # raising here would end the observer's thread for good
            with contextlib.suppress(Exception):
                self._on_error(f"{describe(exc)} (on {event.src_path!r})")


def folders_for(layout: Layout) -> Folders:
    """What to watch: the root itself (infoview.toml, folders appearing), and the folders
    holding interviews, styles, templates and the configured stylesheet; never build/."""
    root = layout.root
    found = [(root, False)]
    found += [(root / name, True) for name in WATCHED_FOLDERS if (root / name).is_dir()]
    sheet = layout.stylesheet.parent
    covered = any(folder == sheet or folder in sheet.parents for folder, _ in found[1:])
    if not covered and root in sheet.parents and "build" not in sheet.relative_to(root).parts:
        found.append((sheet, False))
    return [(folder, deep) for folder, deep in found if folder.is_dir()]


def fingerprint(ws: Workspace, layout: Layout) -> dict[Path, tuple[int, int, int]]:
    """(mtime, size, inode) of every input, to catch saves made before the observer ran."""
    root = ws.root
    files = [*ws.interview_paths(), root / CONFIG, layout.stylesheet]
    for name in ("styles", "templates"):
        if (root / name).is_dir():
            files += [p for p in (root / name).rglob("*") if p.is_file()]
    found: dict[Path, tuple[int, int, int]] = {}
    for path in files:
        with contextlib.suppress(OSError):
            st = path.stat()
            found[path] = (st.st_mtime_ns, st.st_size, st.st_ino)
    return found


class Observation:
    """A running observer and the folders it watches.

    ``factory`` replaces watchdog's native observer (tests use it to simulate an exhausted
    inotify); ``say`` shows a message to the user.
    """

    def __init__(
        self,
        handler: FileSystemEventHandler,
        *,
        say: Callable[[str], None],
        factory: Callable[[], BaseObserver] | None = None,
        poll_interval: float = POLL_INTERVAL,
    ) -> None:
        self.watched: set[Path] = set()
        self._handler = handler
        self._say = say
        self._factory = factory or Observer
        self._poll_interval = poll_interval
        self._observer: BaseObserver | None = None

    def start(self, folders: Folders) -> None:
        """Start inotify (or the platform's native API); fall back to polling at its limit."""
        try:
            self._observer = self._started(self._factory(), folders)
        except OSError as exc:
            if exc.errno not in LIMITS:
                raise
            kind, setting = LIMITS[exc.errno]
            self._say(
                f"inotify {kind} limit reached: polling for changes every "
                f"{self._poll_interval:g} s instead. To raise the limit: sudo sysctl {setting}"
            )
            self._observer = self._started(PollingObserver(timeout=self._poll_interval), folders)

    def _started(self, observer: BaseObserver, folders: Folders) -> BaseObserver:
        try:
            for folder, deep in folders:
                self._schedule(observer, folder, deep)
            observer.start()  # inotify adds its watches here: ENOSPC surfaces here
        except BaseException:
            with contextlib.suppress(Exception):
                observer.stop()
            raise
        self.watched = {folder for folder, _ in folders}
        return observer

    def _schedule(self, observer: BaseObserver, folder: Path, deep: bool) -> None:
        observer.schedule(self._handler, str(folder), recursive=deep, event_filter=EVENT_FILTER)

    def add(self, folders: Iterable[tuple[Path, bool]], *, label: Callable[[Path], str]) -> None:
        """Watch folders that appeared since the start (or that the config now names)."""
        if self._observer is None:
            return
        for folder, deep in folders:
            if folder in self.watched:
                continue
            try:
                self._schedule(self._observer, folder, deep)
            except OSError as exc:
                self._say(f"cannot watch {label(folder)}/: {exc.strerror or exc}")
                continue
            self.watched.add(folder)

    def stop(self) -> None:
        """Stop the observer's threads (bounded: Ctrl-C must end the watch promptly)."""
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(timeout=1)
