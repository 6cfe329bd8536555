"""Watching ``infoview.toml`` itself: with watchdog, or polled when watchdog cannot start.

The poll runs on the virtual clock of ``inproc.Timers``; watchdog's events are handed in
as its thread hands them (``_event``), so nothing here waits for the file system.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from infoview.lsp import settings
from infoview.lsp.settings import POLL_SECONDS, ConfigWatch, _handler

from ..inproc import Timers, close, settle


class Loop:
    """An event loop whose timers run on virtual time, and the paths reported changed."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.timers = Timers(self.loop)
        self.loop.call_later = self.timers.call_later  # type: ignore[method-assign, assignment]
        self.changed: list[Path] = []

    def run(self, step: Callable[[], Any]) -> Any:
        async def inside() -> Any:
            out = step()
            await settle()
            return out

        return self.loop.run_until_complete(inside())

    def advance(self, seconds: float) -> None:
        self.loop.run_until_complete(self.timers.advance(seconds))


@pytest.fixture
def loop() -> Iterator[Loop]:
    found = Loop()
    yield found
    close(found.loop)


def config(tmp_path: Path, name: str = "ws") -> Path:
    path = tmp_path / name / "infoview.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('timezone = "UTC"\n')
    return path


def touch(path: Path, text: str, ns: int) -> None:
    path.write_text(text)
    os.utime(path, ns=(ns, ns))


def test_without_watchdog_the_file_is_polled_every_second(loop: Loop, tmp_path: Path) -> None:
    path = config(tmp_path)
    watch = ConfigWatch(loop.loop, loop.changed.append, use_watchdog=False)
    assert watch.mode == "none"
    loop.run(lambda: watch.watch(path))
    assert watch.mode == "polling"
    assert loop.timers.pending() == [(POLL_SECONDS, "_set_result_unless_cancelled")]
    assert POLL_SECONDS == 1.0
    loop.advance(1.0)
    assert loop.changed == []  # unchanged
    touch(path, 'timezone = "Europe/Paris"\n', 5_000_000_000)
    loop.advance(0.5)
    assert loop.changed == []  # not looked at yet
    loop.advance(0.5)
    assert loop.changed == [path]
    loop.advance(3.0)
    assert loop.changed == [path]  # reported once per change
    path.unlink()
    loop.advance(1.0)
    assert loop.changed == [path, path]  # gone is a change too
    watch.stop()
    loop.run(lambda: None)
    assert loop.timers.pending() == []  # the poll ended


def test_each_file_is_watched_once_and_all_by_one_poller(loop: Loop, tmp_path: Path) -> None:
    one, two = config(tmp_path, "one"), config(tmp_path, "two")
    watch = ConfigWatch(loop.loop, loop.changed.append, use_watchdog=False)
    loop.run(lambda: (watch.watch(one), watch.watch(two), watch.watch(one)))
    assert len(loop.timers.pending()) == 1
    touch(one, "x = 1\n", 7_000_000_000)
    touch(two, "x = 2\n", 7_000_000_000)
    loop.advance(1.0)
    assert loop.changed == [one, two]
    touch(two, "x = 3\n", 8_000_000_000)
    loop.advance(1.0)
    assert loop.changed == [one, two, two]


def test_check_reports_only_what_changed_since_it_last_looked(loop: Loop, tmp_path: Path) -> None:
    path = config(tmp_path)
    changed: list[Path] = []
    watch = ConfigWatch(loop.loop, changed.append)
    watch._stamps[path] = settings.stamp_of(path)
    watch.check()
    assert changed == []
    touch(path, "y = 1\n", 9_000_000_000)
    watch.check()
    watch.check()
    assert changed == [path]


def test_watchdog_watches_the_folder_and_hands_events_to_the_loop(
    loop: Loop, tmp_path: Path
) -> None:
    path = config(tmp_path)
    watch = ConfigWatch(loop.loop, loop.changed.append)
    loop.run(lambda: watch.watch(path))
    try:
        assert watch.mode == "watchdog"
        assert loop.timers.pending() == []  # no poll
        observer = watch._observer
        assert observer is not None and observer.daemon is True and observer.is_alive()
        watches = [emitter.watch for emitter in observer.emitters]
        assert [(w.path, w.is_recursive) for w in watches] == [(str(path.parent), False)]
        # Events arrive on watchdog's thread; the loop hears of the file's own only.
        watch._event(str(path.parent / "other.toml"))
        watch._event(str(path.parent / "interviews" / "x.md"))
        loop.run(lambda: None)
        assert loop.changed == []
        watch._event(str(path))
        loop.run(lambda: None)
        assert loop.changed == [path]
    finally:
        watch.stop()
    assert watch._observer is None
    observer.join(5)
    assert not observer.is_alive()


def test_an_event_through_a_link_reaches_the_watched_path(loop: Loop, tmp_path: Path) -> None:
    path = config(tmp_path, "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    watched = tmp_path / "link" / "infoview.toml"
    watch = ConfigWatch(loop.loop, loop.changed.append, use_watchdog=False)
    loop.run(lambda: watch.watch(watched))
    watch._notify(path)
    assert loop.changed == [watched]
    watch._notify(tmp_path / "elsewhere" / "infoview.toml")
    assert loop.changed == [watched]
    watch._notify(watched)
    assert loop.changed == [watched, watched]
    watch.stop()


def test_when_watchdog_cannot_start_the_file_is_polled(
    loop: Loop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchdog.observers

    def refuse() -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", refuse)
    path = config(tmp_path)
    watch = ConfigWatch(loop.loop, loop.changed.append)
    loop.run(lambda: watch.watch(path))
    assert watch.mode == "polling" and watch._observer is None
    touch(path, "z = 1\n", 3_000_000_000)
    loop.advance(1.0)
    assert loop.changed == [path]
    watch.stop()


def test_an_event_after_the_loop_closed_is_dropped(tmp_path: Path) -> None:
    loop = asyncio.new_event_loop()
    watch = ConfigWatch(loop, lambda path: None, use_watchdog=False)
    loop.close()
    watch._event(str(tmp_path / "infoview.toml"))  # the server is exiting: no error


def test_the_handler_passes_on_every_path_an_event_names_and_never_raises() -> None:
    seen: list[str] = []
    handler = _handler(seen.append)
    handler.dispatch(SimpleNamespace(src_path="/ws/infoview.toml"))
    handler.dispatch(SimpleNamespace(src_path="/ws/a.tmp", dest_path="/ws/infoview.toml"))
    handler.dispatch(SimpleNamespace(src_path=b"/ws/b", dest_path=""))
    handler.dispatch(SimpleNamespace(src_path="", dest_path="/ws/c"))
    assert seen == ["/ws/infoview.toml", "/ws/a.tmp", "/ws/infoview.toml", "/ws/b", "/ws/c"]

    def boom(path: str) -> None:
        raise RuntimeError(path)

    _handler(boom).dispatch(SimpleNamespace(src_path="/ws/infoview.toml"))  # swallowed
