"""The language server in this process, for fast unit tests of its features.

``Lsp`` is a real ``InfoviewServer`` (``server.build()``: every feature registered),
initialised through its own protocol code with a client's capabilities (Neovim's or VS
Code's, as pytest-lsp ships them), and wired to an in-memory client end: every message
is JSON on the way in and on the way out, as over stdio, and the client answers the
server's requests (``workspace/applyEdit``, ``window/showDocument``...).

Nothing runs by itself. The server's timers (the debounce after a change, the clock's
wake-up, a settings reload, the settings poll) go to ``Timers`` and fire only when a test
calls ``advance``, on a virtual clock that the server's ``Clock`` reads too: no test
waits for, or depends on, the wall clock.
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import datetime as dt
import functools
import json
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import client_capabilities

from infoview.lsp.clock import Clock
from infoview.lsp.server import InfoviewServer, build

from .session import apply_edits

# Where the virtual clock starts: 2026-11-25 12:00 in Los Angeles (20:00 UTC).
EPOCH = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.UTC)
_CONVERTER = default_converter()


class ResponseError(Exception):
    """The server answered a request with an error: ``str()`` is its message."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class Timers:
    """``loop.call_later`` for the server: handles that fire only when ``advance`` says."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.now = 0.0  # virtual seconds since the start
        self.handles: list[tuple[asyncio.TimerHandle, Callable[..., Any]]] = []

    def call_later(
        self,
        delay: float,
        callback: Callable[..., Any],
        *args: Any,
        context: contextvars.Context | None = None,
    ) -> asyncio.TimerHandle:
        handle = asyncio.TimerHandle(self.now + delay, callback, args, self.loop, context)
        self.handles.append((handle, callback))
        return handle

    def pending(self) -> list[tuple[float, str]]:
        """(seconds from now, the callback's name) of every timer still to fire, soonest first."""
        live = [(h.when() - self.now, _name(cb)) for h, cb in self.handles if not h.cancelled()]
        return sorted(live)

    async def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass: fire the timers that fall due, in order, letting each settle."""
        target = self.now + seconds
        while True:
            live = [h for h, _ in self.handles if not h.cancelled() and h.when() <= target]
            if not live:
                break
            handle = min(live, key=lambda h: h.when())
            self.now = max(self.now, handle.when())
            handle._run()
            handle.cancel()  # done: no longer pending
            await settle()
        self.now = target


async def settle(until: Callable[[], bool] | None = None) -> None:
    """Let everything ready to run, run (the timers wait for ``advance``)."""
    for _ in range(200):
        if until is not None and until():
            return
        await asyncio.sleep(0)


@functools.cache
def _capabilities(client: str) -> types.ClientCapabilities:
    return client_capabilities(client)


def _name(callback: Callable[..., Any]) -> str:
    return str(getattr(callback, "__name__", type(callback).__name__))


class Lsp:
    """One server and its client end, in this process."""

    def __init__(
        self,
        root: Path | None,
        client: str = "neovim",
        *,
        today: str | None = None,
        now: dt.datetime = EPOCH,
        initialize: bool = True,
        watchdog: bool = False,
        **changes: Any,
    ) -> None:
        self.loop = asyncio.new_event_loop()
        self.timers = Timers(self.loop)
        self.loop.call_later = self.timers.call_later  # type: ignore[method-assign, assignment]
        self.ls: InfoviewServer = build()
        self.ls.use_watchdog = watchdog  # else the settings are polled, on the virtual clock
        start = now.timestamp()
        self.ls.clock = Clock(lambda: start + self.timers.now)
        if today is not None:
            self.ls.clock._day = dt.date.fromisoformat(today)
        # One converter for every server of the run: cattrs builds its functions once.
        self.ls.protocol._converter = self.converter = _CONVERTER
        self.ls.protocol.set_writer(self, include_headers=False)
        self.sent: list[dict[str, Any]] = []  # every message the server sent, as JSON
        self.replies: dict[str, Any] = {
            "workspace/applyEdit": self._apply_edit,
            "window/showDocument": {"success": True},
            "workspace/diagnostic/refresh": None,
        }
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self._responses: dict[int, dict[str, Any]] = {}
        self._ids = 0
        self.capabilities = copy.deepcopy(_capabilities(client))
        for path, value in changes.items():  # e.g. workspace__diagnostics=...
            node: Any = self.capabilities
            *parents, last = path.split("__")
            for part in parents:
                node = getattr(node, part)
            setattr(node, last, value)
        self.result: types.InitializeResult | None = None
        if initialize:
            self.initialize(root)

    # -- the wire -------------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        """The server's writer: what it sends arrives here."""
        message = json.loads(data)
        self.sent.append(message)
        if "method" not in message:
            self._responses[message["id"]] = message
        elif "id" in message:  # a request to the client: answer it, as an editor would
            reply = self.replies[message["method"]]
            value = reply(message["params"]) if callable(reply) else reply
            answer = {"jsonrpc": "2.0", "id": message["id"], "result": value}
            self.loop.call_soon(self._deliver, answer)

    def close(self) -> None:
        pass

    def _apply_edit(self, params: dict[str, Any]) -> dict[str, Any]:
        """``workspace/applyEdit``: change the buffers and tell the server, as an editor does."""
        edit = self.converter.structure(params["edit"], types.WorkspaceEdit)
        self.loop.call_soon(self.apply, edit)
        return {"applied": True}

    def _deliver(self, payload: dict[str, Any]) -> None:
        protocol = self.ls.protocol
        message = json.loads(json.dumps(payload), object_hook=protocol.structure_message)
        protocol.handle_message(message)

    def _payload(self, params: Any) -> Any:
        return params if isinstance(params, dict | list) else self.converter.unstructure(params)

    def run(self, step: Callable[[], Any] | Coroutine[Any, Any, Any]) -> Any:
        """Run ``step`` (a function, or a coroutine) inside the loop, then let it settle."""

        async def inside() -> Any:
            out = await step if asyncio.iscoroutine(step) else step()  # type: ignore[operator]
            await settle()
            return out

        return self.loop.run_until_complete(inside())

    def request(self, method: str, params: Any = None) -> Any:
        """Send a request; return its result, structured as the protocol types it."""
        self._ids += 1
        msg_id = self._ids
        payload = {"jsonrpc": "2.0", "id": msg_id, "method": method}
        payload["params"] = self._payload(params)

        async def ask() -> dict[str, Any]:
            self._deliver(payload)
            await settle(lambda: msg_id in self._responses)
            return self._responses.pop(msg_id)

        response = self.run(ask())
        if "error" in response:
            raise ResponseError(response["error"]["message"], response["error"]["code"])
        result_type = self.ls.protocol.get_result_type(method)
        if result_type is None:
            return response.get("result")
        return self.converter.structure(response, result_type).result

    def notify(self, method: str, params: Any = None) -> None:
        payload = {"jsonrpc": "2.0", "method": method, "params": self._payload(params)}
        if self.loop.is_running():  # from inside a handler: an edit the server asked for
            self._deliver(payload)
        else:
            self.run(lambda: self._deliver(payload))

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of virtual time pass, firing the timers that fall due, in order."""
        self.run(self.timers.advance(seconds))

    # -- what the server sent ---------------------------------------------------------------

    def notifications(self, method: str) -> list[Any]:
        return [m["params"] for m in self.sent if m.get("method") == method and "id" not in m]

    def requests(self, method: str) -> list[Any]:
        return [m.get("params") for m in self.sent if m.get("method") == method and "id" in m]

    def publications(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        return [
            self.converter.structure(p, types.PublishDiagnosticsParams)
            for p in self.notifications("textDocument/publishDiagnostics")
            if p["uri"] == uri
        ]

    def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """The diagnostics last published for ``uri``."""
        found = self.publications(uri)
        assert found, f"nothing was published for {uri}"
        return list(found[-1].diagnostics)

    def messages(self) -> list[tuple[int, str]]:
        return [(m["type"], m["message"]) for m in self.notifications("window/showMessage")]

    # -- the session ------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return self.ls.encoding

    def initialize(self, root: Path | None, **extra: Any) -> types.InitializeResult:
        params = types.InitializeParams(
            capabilities=self.capabilities,
            root_uri=root.as_uri() if root is not None else None,
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)]
            if root is not None
            else None,
            **extra,
        )
        self.result = self.request("initialize", params)
        self.notify("initialized", {})
        return self.result

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        return self.open_uri(uri, path.read_text(encoding="utf-8") if text is None else text)

    def open_uri(self, uri: str, text: str) -> str:
        self.texts[uri], self.versions[uri] = text, 1
        item = types.TextDocumentItem(uri, "markdown", 1, text)
        self.notify("textDocument/didOpen", types.DidOpenTextDocumentParams(item))
        return uri

    def change(self, uri: str, text: str) -> None:
        """The whole new text, as the server asks (full sync); linted after the debounce."""
        self.texts[uri] = text
        self.versions[uri] += 1
        params = types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=self.versions[uri], uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
        self.notify("textDocument/didChange", params)

    def close_document(self, uri: str) -> None:
        self.texts.pop(uri)
        self.versions.pop(uri)
        params = types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        self.notify("textDocument/didClose", params)

    def apply(self, edit: types.WorkspaceEdit) -> None:
        """Apply ``edit`` to the buffers and tell the server, as an editor does."""
        changes: dict[str, list[types.TextEdit]] = {}
        for uri, edits in (edit.changes or {}).items():
            changes.setdefault(uri, []).extend(edits)
        for change in edit.document_changes or []:
            assert isinstance(change, types.TextDocumentEdit), change
            assert change.text_document.version == self.versions[change.text_document.uri]
            changes.setdefault(change.text_document.uri, []).extend(
                e for e in change.edits if isinstance(e, types.TextEdit)
            )
        for uri, edits in changes.items():
            self.change(uri, apply_edits(self.texts[uri], edits, self.encoding))

    def shutdown(self) -> None:
        self.run(self.ls.shutdown)
        close(self.loop)


def close(loop: asyncio.AbstractEventLoop) -> None:
    """Close ``loop``, ending the tasks still waiting (a poll on the virtual clock)."""

    async def drain() -> None:
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    loop.run_until_complete(drain())
    loop.close()
