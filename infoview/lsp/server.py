"""The language server: pygls 2 wiring, the lint loop, the clock and the settings reload.

Diagnostics are pushed (``textDocument/publishDiagnostics``) to clients that cannot pull
them, and answered on request (``textDocument/diagnostic``, ``workspace/diagnostic``)
for clients that pull and can be told to pull again (``workspace/diagnostic/refresh``):
never both, so no client shows a problem twice. Pull is advertised only to the latter.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sys
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from infoview import __version__
from infoview.lint.diagnostic import Diagnostic
from infoview.lsp import clock as clocks
from infoview.lsp.checking import lint_interview, parse_buffer
from infoview.lsp.diagnostics import result_id, to_protocol
from infoview.lsp.documents import Space, Spaces, stamp_of
from infoview.lsp.early import Handover, Replay
from infoview.lsp.headstart import HeadStart
from infoview.lsp.positions import UTF16, Lines
from infoview.lsp.settings import ConfigWatch
from infoview.lsp.wire import diagnostics_json
from infoview.model import Interview

DEBOUNCE = 0.05  # seconds of quiet after a change before it is linted
RELOAD_DELAY = 0.1  # an editor's save may take several writes
SETTLE = 0.3  # seconds after `initialized` to finish starting up if nothing is opened first


@dataclass
class Result:
    """The last lint of an open document: what the features read back."""

    version: int | None
    text: str
    path: Path
    found: list[Diagnostic]
    items: list[types.Diagnostic]
    space: Space
    parsed: Interview | str | None = None  # parsed on first use when the head start linted

    @property
    def interview(self) -> Interview | str:
        if self.parsed is None:
            self.parsed = parse_buffer(self.text, self.path)
        return self.parsed


@dataclass(frozen=True)
class Known:
    """An interview of a workspace as the client sees it: its buffer if open, else the file."""

    path: Path
    uri: str
    text: str
    interview: Interview


class _Protocol(LanguageServerProtocol):
    def _send_data(self, data: Any) -> None:
        """Send ``data``, unless it is the answer to ``initialize`` that the early start
        gave already (:mod:`infoview.lsp.early`): then only say so if pygls' differs."""
        early = getattr(self._server, "early", None)
        answer = getattr(data, "id", None) is not None and not hasattr(data, "method")
        if early is None or early.answered is None or not answer or data.id != early.answered:
            super()._send_data(data)
            return
        early.answered = None
        error = getattr(data, "error", None)
        if error is not None or self._converter.unstructure(data.result) != early.result:
            message = error.message if error is not None else "a different answer"
            print(f"infoview lsp: pygls' initialize gave {message}", file=sys.stderr)

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(
        self, params: types.InitializeParams
    ) -> Generator[Any, Any, types.InitializeResult]:
        result: types.InitializeResult = yield from super().lsp_initialize(params)
        server = self._server
        if isinstance(server, InfoviewServer) and not server.pull:
            result.capabilities.diagnostic_provider = None
        return result


class InfoviewServer(LanguageServer):
    """The server's state: workspaces, open documents' last results, the clock, timers."""

    def __init__(self) -> None:
        super().__init__(
            "infoview",
            __version__,
            protocol_cls=_Protocol,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
        )
        self.spaces = Spaces()
        self.clock = clocks.Clock.from_environment()
        self.results: dict[str, Result] = {}
        self.pull = False
        self.watch: ConfigWatch | None = None
        self.use_watchdog = True
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._reloads: dict[Path, asyncio.TimerHandle] = {}
        self._wake: asyncio.TimerHandle | None = None
        self.children: set[asyncio.subprocess.Process] = set()
        self.headstart: HeadStart | None = None  # lints the first documents: see settle()
        self.early: Handover | None = None  # what the early start sent: see infoview.lsp.early
        self.settled = False
        self._settling: asyncio.TimerHandle | None = None

    # -- client abilities ---------------------------------------------------------------

    @property
    def encoding(self) -> str:
        """The agreed position encoding: "utf-8", "utf-16" or "utf-32" (pygls may hold an
        enum member, whose ``str()`` would be its name)."""
        encoding = self.workspace.position_encoding or UTF16
        return str(getattr(encoding, "value", encoding))

    def supports(self, path: str) -> bool:
        """Whether the client's capabilities hold a true value at ``path`` (dotted)."""
        node: Any = self.client_capabilities
        for name in path.split("."):
            node = getattr(node, name, None)
            if node is None:
                return False
        return bool(node)

    # -- documents ----------------------------------------------------------------------

    def space_of(self, uri: str) -> tuple[Path, Space] | None:
        """The file behind ``uri`` and its workspace, when it is an interview in one."""
        if not uri.startswith("file:"):
            return None
        fs = to_fs_path(uri)
        if fs is None:
            return None
        path = Path(fs)
        space = self.spaces.for_path(path)
        if space is None or not space.is_interview(path):
            return None
        if self.watch is not None:
            self.watch.watch(space.config_path)
        return path, space

    def document(self, uri: str) -> TextDocument | None:
        """The open document at ``uri`` (pygls keys them by the unescaped URI)."""
        document: TextDocument | None = self.workspace.text_documents.get(unquote(uri))
        return document

    def open_uris(self) -> list[str]:
        """The open documents' URIs, exactly as the client wrote them."""
        return [document.uri for document in self.workspace.text_documents.values()]

    def uri_of(self, path: Path) -> str:
        """The URI the client uses for ``path``: the open document's, else one made from it."""
        uri = from_fs_path(str(path)) or path.as_uri()
        document = self.document(uri)
        return document.uri if document is not None else uri

    def text_of(self, uri: str) -> str | None:
        """The open buffer's text, or None when the document is not open."""
        document = self.document(uri)
        return document.source if document is not None else None

    def lint_uri(self, uri: str) -> Result | None:
        """Lint the open document at ``uri`` now and remember the result."""
        found = self.space_of(uri)
        document = self.document(uri)
        if found is None or document is None:
            self.results.pop(uri, None)
            return None
        path, space = found
        text = document.source
        moment = self.clock.moment(space.settings.config.tz)
        head = self.headstart
        diagnostics = None
        if head is not None and head.ask(space.root, path, text, moment, space.settings.digest):
            diagnostics = head.answer(space.label(path))
        interview = None
        if diagnostics is None:
            interview = parse_buffer(text, path)
            diagnostics = lint_interview(interview, path, space, moment)
        items = to_protocol(diagnostics, Lines(text, self.encoding))
        result = Result(document.version, text, path, diagnostics, items, space, interview)
        self.results[uri] = result
        return result

    def lint_path(self, path: Path, space: Space) -> tuple[str, list[types.Diagnostic]] | None:
        """Lint an interview as the client sees it: its buffer if open, else the file."""
        uri = self.uri_of(path)
        if self.document(uri) is not None:
            result = self.lint_uri(uri)
            return (uri, result.items) if result is not None else None
        read = space.on_disk(path)
        if read is None:  # gone since it was listed, or unreadable: IV001, as lint says it
            reason = space.unreadable(path)
            if reason is None:
                return None
            found = [
                Diagnostic(
                    space.label(path), 1, 1, "IV001", "invalid-front-matter", "error", reason
                )
            ]
            return uri, to_protocol(found, Lines("", self.encoding))
        data, interview = read
        moment = self.clock.moment(space.settings.config.tz)
        diagnostics = lint_interview(interview, path, space, moment)
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
        return uri, to_protocol(diagnostics, Lines(text, self.encoding))

    def interviews(self, space: Space) -> list[Known]:
        """Every interview of ``space``, open buffers as they are now, others from disk."""
        out = []
        for path in space.interview_paths():
            uri = self.uri_of(path)
            text = self.text_of(uri)
            if text is not None:
                result = self.results.get(uri)
                if result is None or result.text != text:
                    result = self.lint_uri(uri)
                if result is not None and not isinstance(result.interview, str):
                    out.append(Known(path, uri, text, result.interview))
                continue
            read = space.on_disk(path)
            if read is not None:
                text = read[0].decode("utf-8", errors="replace").removeprefix("\ufeff")
                out.append(Known(path, uri, text, read[1]))
        return out

    def publish(self, uri: str, *, force: bool = False) -> None:
        """Lint ``uri`` and push its diagnostics (push clients only), if they changed."""
        before = self.results.get(uri)
        result = self.lint_uri(uri)
        if result is None or self.pull:
            return
        if not force and before is not None and result_id(before.items) == result_id(result.items):
            return
        if self.early is None or not self.early.already_sent(uri, self._published(result, uri)):
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri, result.items, version=result.version)
            )
        if not self.settled:
            asyncio.get_running_loop().call_soon(self.settle)

    def _published(self, result: Result, uri: str) -> dict[str, Any]:
        """``result`` as the early start would have published it."""
        diagnostics = diagnostics_json(result.found, Lines(result.text, self.encoding))
        return {"uri": uri, "diagnostics": diagnostics, "version": result.version}

    # -- starting up ----------------------------------------------------------------------

    def settle(self) -> None:
        """Finish starting up, once the first diagnostics are out (or SETTLE after
        ``initialized`` when nothing is opened): compile the judge's grammar here, end
        the head start, and start watching infoview.toml (watchdog's start alone takes
        ~0.08 s, which the first diagnostics need not wait for)."""
        if self.settled:
            return
        self.settled = True
        if self._settling is not None:
            self._settling.cancel()
            self._settling = None
        self.warm()
        self.start_watching()

    def settle_later(self) -> None:
        """``initialized``: settle SETTLE seconds from now, unless a first lint comes sooner."""
        if not self.settled and self._settling is None:
            self._settling = asyncio.get_running_loop().call_later(SETTLE, self.settle)

    def warm(self) -> None:
        """Compile what this process's first lint would (the grammar, for every known
        workspace's organisation words); then the head start is no longer needed."""
        head, self.headstart = self.headstart, None
        if head is not None:
            head.close()
        from infoview.judge import compiled

        for space in self.spaces.known():
            if {"IV303", "IV304"} & set(space.settings.chosen.enabled):
                compiled(space.settings.config.lint.organisation_words).compile_all()

    def changed(self, uri: str) -> None:
        """A document changed: lint it once typing pauses."""
        handle = self._pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self._pending[uri] = loop.call_later(DEBOUNCE, self._lint_later, uri)

    def _lint_later(self, uri: str) -> None:
        self._pending.pop(uri, None)
        self.publish(uri, force=True)
        self.schedule_wake()

    def refresh(self, spaces: list[Space] | None = None) -> None:
        """Re-lint open documents (of ``spaces``) after a change not made by an edit."""
        for uri in self.open_uris():
            result = self.results.get(uri)
            if spaces is None or (result is not None and result.space in spaces):
                self.publish(uri)
        if self.pull and self.supports("workspace.diagnostics.refresh_support"):
            self.workspace_diagnostic_refresh(None)

    # -- the clock ----------------------------------------------------------------------

    def schedule_wake(self) -> None:
        """Sleep until a time rule's verdict can next change: a midnight or a meeting's end."""
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None
        if not self.clock.running:
            return
        now = self.clock.now()
        spaces = self.spaces.known()
        meetings = [
            (r.interview, r.space.settings.config.tz)
            for r in self.results.values()
            if not isinstance(r.interview, str)
        ]
        meetings += [(iv, s.settings.config.tz) for s in spaces for iv in s.parsed()]
        wake = clocks.next_change(now, [s.settings.config.tz for s in spaces], meetings)
        loop = asyncio.get_running_loop()
        self._wake = loop.call_later(clocks.sleep_for(now, wake), self._tick)

    def _tick(self) -> None:
        self._wake = None
        self.refresh()
        self.schedule_wake()

    def set_clock(self, moment: dt.datetime, *, running: bool) -> None:
        self.clock.set(moment, running=running)
        self.refresh()
        self.schedule_wake()

    # -- settings -----------------------------------------------------------------------

    def start_watching(self) -> None:
        if self.watch is None:
            self.watch = ConfigWatch(
                asyncio.get_running_loop(), self.config_changed, use_watchdog=self.use_watchdog
            )
        for space in self.spaces.known():
            self.watch.watch(space.config_path)
            if stamp_of(space.config_path) != space.stamp:  # changed before it was watched
                self.config_changed(space.config_path)

    def config_changed(self, config_path: Path) -> None:
        """``infoview.toml`` may have changed: reload it shortly (a save can be several writes)."""
        handle = self._reloads.pop(config_path, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self._reloads[config_path] = loop.call_later(RELOAD_DELAY, self._reload, config_path)

    def _reload(self, config_path: Path) -> None:
        self._reloads.pop(config_path, None)
        space = next((s for s in self.spaces.known() if s.config_path == config_path), None)
        if space is None:
            return
        changed, error = space.reload()
        if error is not None:
            self.say(f"{error}\ninfoview keeps the last good settings.", types.MessageType.Error)
        if changed:
            self.refresh([space])
            self.schedule_wake()

    def say(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_show_message(types.ShowMessageParams(kind, message))

    # -- lifetime -----------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop watching and end the children still building outputs, then stop."""
        if self.watch is not None:
            self.watch.stop()
        if self.headstart is not None:
            self.headstart.close()
            self.headstart = None
        for child in list(self.children):
            with contextlib.suppress(ProcessLookupError):
                child.kill()
        super().shutdown()  # type: ignore[no-untyped-call]


def build() -> InfoviewServer:
    """The server with every feature registered."""
    from infoview.lsp import features

    server = InfoviewServer()
    features.register(server)
    return server


def serve(
    *,
    use_watchdog: bool = True,
    headstart: HeadStart | None = None,
    early: Handover | None = None,
) -> None:
    """Run the server over stdio until the client exits or stdin closes; after an early
    start, pygls first reads again what it read (``early.read``)."""
    server = build()
    server.use_watchdog = use_watchdog
    server.headstart = headstart
    server.early = early
    if early is None:
        server.start_io()
    else:
        server.start_io(Replay(early.read, sys.stdin.buffer))  # type: ignore[arg-type]
