"""The watcher: an observer thread feeds a debouncer; a loop lints and rebuilds.

The observer's thread only classifies events and queues them (``observe.py`` keeps it
alive whatever an event holds). The loop runs in the caller's thread and renders
in-process, so WeasyPrint is imported once and stays loaded between rebuilds.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import click
from watchdog.events import FileSystemEvent
from watchdog.observers.api import BaseObserver

from infoview.errors import InfoviewError
from infoview.lint import context, selection
from infoview.lint.command import LintResult, render, run_lint
from infoview.lint.context import Context
from infoview.lint.runner import Target, lint_files
from infoview.packet import Outcome, build_packets, output_path
from infoview.watch.core import (
    CONFIG,
    Change,
    Debouncer,
    Layout,
    changes_for,
    describe,
    merge,
    printable,
)
from infoview.watch.observe import (
    POLL_INTERVAL,
    Observation,
    SafeHandler,
    fingerprint,
    folders_for,
)
from infoview.workspace import Workspace, open_workspace

QUIET = 0.12  # seconds of quiet per file before acting: one save is one burst of events
TICK = 0.25  # the loop wakes at least this often, so stop() and Ctrl-C take effect promptly


def layout_for(ws: Workspace) -> Layout:
    """The watcher's view of ``ws``: its root and the configured packet stylesheet."""
    sheet = Path(os.path.normpath(ws.root / ws.config.packet.stylesheet))
    return Layout(ws.root, sheet)


class Watcher:
    """Lint and build once, then re-lint and rebuild whatever each save changes.

    ``run()`` blocks until ``stop()`` (from any thread) or Ctrl-C. ``out`` receives each
    line to show; ``observer_factory`` replaces watchdog's native observer (tests use it to
    simulate an exhausted inotify).
    """

    def __init__(
        self,
        ws: Workspace,
        *,
        today: dt.date | None = None,
        packets: bool = True,
        colour: bool = False,
        out: Callable[[str], None] = click.echo,
        quiet: float = QUIET,
        poll_interval: float = POLL_INTERVAL,
        observer_factory: Callable[[], BaseObserver] | None = None,
    ) -> None:
        self.ws = ws
        self.today = today
        self.packets = packets
        self.colour = colour
        self.layout = layout_for(ws)
        self.ready = threading.Event()  # set once the first lint and build are done
        self._out = out
        self._chosen = selection(ws.config)  # a bad [lint] stops the watch before it starts
        self._debouncer: Debouncer[Path | str, Change] = Debouncer(quiet, merge=merge)
        handler = SafeHandler(self.on_event, lambda error: self.stamp(f"error      {error}"))
        self._observation = Observation(
            handler, say=self.say, factory=observer_factory, poll_interval=poll_interval
        )
        self._known: set[Path] = set()  # interviews seen, to report their deletion
        self._failed: set[Path] = set()  # packets that failed: retried when they change
        self._shown: set[str] = set()  # the last diagnostics, not to repeat as packet messages
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._say_lock = threading.Lock()

    # -- running and stopping -----------------------------------------------------------

    def run(self) -> None:
        """Lint everything and build stale packets, then rebuild on each change until stopped."""
        try:
            self._start()
            while not self._stopping.is_set():
                self._wake.clear()
                self._process(self._debouncer.pop_due())
                wait = self._debouncer.wait_time()
                self._wake.wait(TICK if wait is None else min(wait, TICK))
        finally:
            self._observation.stop()

    def stop(self) -> None:
        """Make ``run()`` return, from any thread (after the rebuild in progress, if any)."""
        self._stopping.set()
        self._wake.set()

    def on_event(self, event: FileSystemEvent) -> None:
        """Queue what ``event`` means (called on the observer's thread: nothing slow here)."""
        dest = getattr(event, "dest_path", "") or ""
        changes = changes_for(
            event.event_type,
            event.src_path,
            dest,
            is_directory=event.is_directory,
            layout=self.layout,
        )
        for change in changes:
            if change.kind == "style" and not self.packets:
                continue  # only packets use the stylesheet and templates
            self._debouncer.push(change.key, change)
            self._wake.set()

    # -- output ---------------------------------------------------------------------------

    def say(self, text: str, *, styled: bool = False) -> None:
        """Show ``text`` (one line or several), whatever bytes its file names hold.

        ``styled`` text is lint's coloured report, whose values were escaped before colour
        was added (as ``cli.base.echo`` prints it).
        """
        with self._say_lock:
            self._out(text if styled else printable(text))

    def stamp(self, text: str, seconds: float | None = None, tail: str = "") -> None:
        """One line headed by the time of day: a rebuild's result, with its duration."""
        took = f" ({seconds:.2f} s)" if seconds is not None else ""
        self.say(f"{dt.datetime.now():%H:%M:%S}  {text}{took}{tail}")

    def _show(self, result: LintResult) -> None:
        self._shown = {
            f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in result.diagnostics
        }
        self.say(render(result, "text", colour=self.colour), styled=self.colour)

    def _report(self, outcome: Outcome, seconds: float | None = None, *, stamped: bool) -> None:
        """Show one packet's outcome like ``infoview packet`` does, and remember failures."""
        if outcome.state == "failed":
            self._failed.add(outcome.path)
        else:
            self._failed.discard(outcome.path)
        target = self.ws.relative(outcome.output)
        tail = ""
        if outcome.state == "failed":
            kept = "the last good PDF is kept" if outcome.output.exists() else "no PDF yet"
            tail = f": {kept}"
        line = f"{outcome.state:<10} {target}"
        if stamped:
            self.stamp(line, seconds, tail)
        elif outcome.state != "unchanged":  # the batch's timestamped line gives the time
            self.say(f"{line}{tail}")
        for message in outcome.messages:
            if message not in self._shown:  # a front-matter error is already a diagnostic
                self.say(f"  {message}")

    # -- the work -------------------------------------------------------------------------

    def _context(self) -> Context:
        return context(self.ws.config, self.today)  # the clock, read per rebuild

    def _start(self) -> None:
        before = fingerprint(self.ws, self.layout)
        paths = self.ws.interview_paths()
        self._known = set(paths)
        if paths:
            self._show(run_lint(self.ws, (), today=self.today))
        else:
            where = self.ws.relative(self.ws.interviews_dir)
            self.say(f"no interviews in {where}/ yet; start one with: infoview new NAME")
        if self.packets:
            self._load_renderer()
        if self.packets and paths:
            # Several packets render on forked workers, but only while no thread runs
            # beside this one: a fork copies other threads' locks, held or not.
            workers = None if threading.active_count() == 1 else 1
            self._build_all(paths, time.perf_counter(), workers=workers)
        self._observation.start(folders_for(self.layout))
        self._catch_up(before)
        watched = sorted(self._observation.watched)
        folders = [f"{self.ws.relative(f)}/" for f in watched if f != self.ws.root]
        listed = f"{', '.join(folders)} and {CONFIG}" if folders else CONFIG
        self.say(f"watching {listed}; Ctrl-C to stop")
        self.ready.set()

    def _load_renderer(self) -> None:
        """Import WeasyPrint now, so the first save renders as fast as the tenth."""
        try:
            import infoview.render.pdf  # noqa: F401
        except Exception as exc:  # no Pango, or a broken install: lint still helps
            self.packets = False
            self.say(
                f"cannot load WeasyPrint ({describe(exc)}): watching for lint only; "
                "'infoview doctor' says what is missing"
            )

    def _process(self, due: list[Change]) -> None:
        everything = [c for c in due if c.key == "all"]
        covered = bool(everything) and self._guarded(self._rebuild_all, everything[0])
        for change in due:
            if change.key != "all" and not covered and not self._stopping.is_set():
                self._guarded(self._interview, change)

    def _guarded(self, action: Callable[[Change], bool], change: Change) -> bool:
        """Run one rebuild; whatever it raises is reported and the watch goes on."""
        try:
            return action(change)
        except InfoviewError as exc:
            self.stamp(f"error      {exc.render()}")
        except Exception as exc:
            where = self.ws.relative(change.path)
            self.stamp(f"error      {where}: {describe(exc)}; still watching")
        return False

    def _interview(self, change: Change) -> bool:
        """Re-lint one interview, print its diagnostics, then rebuild its packet."""
        path = change.path
        started = time.perf_counter()
        if not path.is_file():  # deleted, renamed away, or its folder went
            self._forget(path)
            return True
        self._known.add(path)
        label = self.ws.relative(path)
        target = Target(path, label)
        diagnostics = lint_files(self.ws, [target], self._context(), self._chosen, use_cache=False)
        self._show(LintResult(diagnostics, 1))
        if not self.packets:
            self.stamp(f"checked    {label}", time.perf_counter() - started)
            return True
        for outcome in build_packets(self.ws, [path], report=_ignore, workers=1):
            self._report(outcome, time.perf_counter() - started, stamped=True)
        self._dependents(path)
        return True

    def _dependents(self, changed: Path) -> None:
        """Rebuild the other packets this save made stale, if any.

        A packet may quote other interviews (earlier meetings with the same person), and
        its stamp then covers their bytes too; for every other packet this is a stamp check.
        Packets that failed wait until their own file changes, or every save would report
        their failure again; files with a change pending wait for their own turn (they may
        be half-written).
        """
        others = [
            p
            for p in self.ws.interview_paths()
            if p != changed and p not in self._failed and p not in self._debouncer
        ]
        if others:
            for outcome in build_packets(self.ws, others, report=_ignore, workers=1):
                if outcome.state != "unchanged":
                    self._report(outcome, outcome.seconds, stamped=True)

    def _forget(self, path: Path) -> None:
        """Stop watching deleted interviews; their PDFs are the user's, and stay."""
        for gone in sorted(p for p in self._known if path in (p, *p.parents)):
            if gone.exists():
                continue
            self._known.discard(gone)
            self._failed.discard(gone)
            pdf = output_path(self.ws, gone, html=False)
            kept = f"; {self.ws.relative(pdf)} is kept" if pdf.exists() else ""
            self.stamp(f"deleted    {self.ws.relative(gone)}: no longer watched{kept}")

    def _rebuild_all(self, change: Change) -> bool:
        """Stylesheet or template changed: rebuild every packet. Config: reload, re-lint too.

        Returns True when every interview was re-linted, so their own changes are covered.
        """
        started = time.perf_counter()
        why = f"{self.ws.relative(change.path)} changed"
        relinted = False
        if change.kind == "config":
            try:
                ws = open_workspace(self.ws.root)
                chosen = selection(ws.config)
                context(ws.config, self.today)  # its patterns compile, before switching over
            except InfoviewError as exc:
                self.stamp(f"error      {exc.render()}", tail="; the previous settings stay")
                return False
            self.ws, self._chosen, self.layout = ws, chosen, layout_for(ws)
            self._observation.add(folders_for(self.layout), label=ws.relative)
            self._known = set(ws.interview_paths())
            self._show(run_lint(ws, (), today=self.today))
            relinted = True
        paths = self.ws.interview_paths()
        if self.packets and paths:
            self._build_all(paths, started, workers=1, why=f"{why}: ")
        elif relinted:
            self.stamp(f"checked    {len(paths)} interviews ({why})", time.perf_counter() - started)
        return relinted

    def _build_all(
        self, paths: Sequence[Path], started: float, *, workers: int | None, why: str = ""
    ) -> None:
        def report(outcome: Outcome) -> None:
            self._report(outcome, stamped=False)

        outcomes = build_packets(self.ws, paths, report=report, workers=workers)
        counts = Counter(o.state for o in outcomes)
        total = len(outcomes)
        self.stamp(
            f"{why}{total} packet{'s' if total != 1 else ''}: {counts['built']} built, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed",
            time.perf_counter() - started,
        )

    # -- saves made while starting up ------------------------------------------------------

    def _catch_up(self, before: dict[Path, tuple[int, int, int]]) -> None:
        """Queue whatever changed between the first lint and the observer's start."""
        after = fingerprint(self.ws, self.layout)
        for path in before.keys() | after.keys():
            if before.get(path) != after.get(path):
                change = self.layout.change(str(path), "changed" if path in after else "deleted")
                if change is not None and (change.kind != "style" or self.packets):
                    self._debouncer.push(change.key, change)
                    self._wake.set()


def _ignore(outcome: Outcome) -> None:
    """Outcomes reported after the build, with the whole rebuild's duration."""
