"""Watch each workspace's ``infoview.toml`` itself, since not every editor reports changes.

watchdog (imported only here, only when the first workspace is met) watches the folder
holding the file, so a save by rename (VS Code, vim) is seen as well as a write in place.
If it cannot start (no inotify watches left, an unusual filesystem), the file's mtime is
polled every second instead. Events arrive on watchdog's thread and are handed to the
server's event loop; nothing else happens on that thread.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from infoview.config import CONFIG_NAME
from infoview.lsp.documents import Stamp, stamp_of

POLL_SECONDS = 1.0


class ConfigWatch:
    """Calls ``changed(config_path)`` on the loop whenever a watched file may have changed."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        changed: Callable[[Path], None],
        *,
        use_watchdog: bool = True,
    ) -> None:
        self._loop = loop
        self._changed = changed
        self._use_watchdog = use_watchdog
        self._observer: Any = None
        self._stamps: dict[Path, Stamp | None] = {}
        self._poller: asyncio.Task[None] | None = None
        self.mode = "none"  # "watchdog" or "polling", once something is watched

    def watch(self, config_path: Path) -> None:
        """Watch ``config_path`` (a no-op when already watched)."""
        if config_path in self._stamps:
            return
        self._stamps[config_path] = stamp_of(config_path)
        if self._use_watchdog and self._observe(config_path.parent):
            self.mode = "watchdog"
            return
        self.mode = "polling"
        if self._poller is None:
            self._poller = self._loop.create_task(self._poll())

    def _observe(self, folder: Path) -> bool:
        """Watch ``folder`` with watchdog; False when it cannot (then the file is polled)."""
        try:
            if self._observer is None:
                from watchdog.observers import Observer

                observer = Observer()
                observer.daemon = True
                observer.start()
                self._observer = observer
            self._observer.schedule(_handler(self._event), str(folder), recursive=False)
        except Exception:  # ImportError, OSError (inotify limits), anything platform-specific
            return False
        return True

    def _event(self, path: str) -> None:
        """Called on watchdog's thread: hand over to the loop, do nothing else here."""
        if Path(path).name != CONFIG_NAME:
            return
        target = Path(path)
        with contextlib.suppress(RuntimeError):  # the loop is closing: the server is exiting
            self._loop.call_soon_threadsafe(self._notify, target)

    def _notify(self, path: Path) -> None:
        for watched in self._stamps:
            if watched == path or watched.resolve() == path.resolve():
                self._changed(watched)

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            self.check()

    def check(self) -> None:
        """One look at every watched file: report those whose stamp changed since the last."""
        for path, old in list(self._stamps.items()):
            new = stamp_of(path)
            if new != old:
                self._stamps[path] = new
                self._changed(path)

    def stop(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            with contextlib.suppress(Exception):
                observer.stop()
        if self._poller is not None:
            self._poller.cancel()


def _handler(on_path: Callable[[str], None]) -> Any:
    """A watchdog handler passing on every path an event names, never raising."""
    from watchdog.events import FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def dispatch(self, event: Any) -> None:
            # An exception here would end watchdog's thread silently (watchdog #793).
            with contextlib.suppress(Exception):
                for path in (event.src_path, getattr(event, "dest_path", "")):
                    if path:
                        on_path(path if isinstance(path, str) else path.decode())

    return Handler()
