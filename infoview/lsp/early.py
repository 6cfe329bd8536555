"""The first diagnostics before pygls is even imported: how ``infoview lsp`` starts.

Importing pygls and lsprotocol takes a third of a second (lsprotocol builds some 550 attrs
classes as it is imported), and an editor opens the file in front of the user as soon as
the server has answered ``initialize``. So the server does not make it wait:

1. :func:`run` forks the head start (:mod:`infoview.lsp.headstart`), which lints on the
   other core, and imports the server in a thread;
2. meanwhile :class:`Early` reads the editor's first messages. It answers ``initialize``
   itself, with what pygls would answer (:func:`wire.initialize_result`), and publishes
   the head start's diagnostics for each ``textDocument/didOpen``
   (:func:`wire.diagnostics_json`);
3. as soon as the server is imported, or a message comes that is none of those three, it
   hands over (:class:`Handover`). pygls then reads every byte the early start read, from
   the first, so the server knows all that a server started without it would. It sends
   neither ``initialize``'s answer a second time, nor the same diagnostics again for the
   same version of a document (:meth:`Handover.already_sent`).

What the early start writes is held to pygls' own answers by the tests. Anything
unexpected (a first message that is not ``initialize``, a malformed one, a stream that is
not the protocol's, no head start, a head start that does not answer) ends it at once,
having sent nothing or only what was right, and pygls answers as always.
"""

from __future__ import annotations

import io
import os
import select
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeGuard

from pygls.uris import to_fs_path  # a small module: neither lsprotocol nor the server

from infoview import __version__
from infoview.lsp.clock import Clock
from infoview.lsp.codeunits import UTF16, Text
from infoview.lsp.documents import Spaces, client_roots
from infoview.lsp.headstart import HeadStart
from infoview.lsp.wire import (
    JSON,
    Frames,
    diagnostics_json,
    frame,
    initialize_result,
    position_encoding,
    wants_pull,
)

CHUNK = 1 << 16


@dataclass
class Handover:
    """What the early start did, for the server to carry on from."""

    read: bytes = b""  # every byte read from the editor, for pygls to read again
    answered: int | str | None = None  # the id of the ``initialize`` answered early
    result: JSON | None = None  # what it was answered with
    published: dict[str, JSON] = field(default_factory=dict)  # uri -> params published

    def already_sent(self, uri: str, params: JSON) -> bool:
        """Whether exactly these ``publishDiagnostics`` params went out early (once)."""
        return self.published.pop(uri, None) == params


class Early:
    """The editor's first messages, answered without pygls (see the module's docstring)."""

    def __init__(self, head: HeadStart, clock: Clock, write: Any = None) -> None:
        self.head = head
        self.clock = clock
        self.write = write or _write_stdout
        self.handover = Handover()
        self.spaces = Spaces()
        self.encoding = UTF16
        self.pull = False
        self.over = False
        self._frames = Frames()

    def feed(self, data: bytes) -> bool:
        """Bytes read from the editor; False once the rest is for pygls (they are kept)."""
        self.handover.read += data
        if self.over:
            return False
        try:
            for message in self._frames.feed(data):
                if not self._take(message):
                    self.over = True
                    break
        except Exception:  # whatever it is, pygls reads it all again and answers
            self.over = True
        return not self.over

    def _take(self, message: JSON) -> bool:
        method = message.get("method")
        if self.handover.answered is None:
            return method == "initialize" and self._initialize(message)
        if "id" in message:  # a request: pygls answers it
            return False
        if method == "initialized":
            return True
        return method == "textDocument/didOpen" and self._open(message.get("params"))

    def _initialize(self, message: JSON) -> bool:
        request_id, params = message.get("id"), message.get("params")
        if type(request_id) not in (int, str) or not isinstance(params, dict):
            return False
        capabilities = params.get("capabilities")
        folders = params.get("workspaceFolders") or []
        root_uri, root_path = params.get("rootUri"), params.get("rootPath")
        if not isinstance(capabilities, dict) or not isinstance(folders, list):
            return False
        uris = [f.get("uri") if isinstance(f, dict) else None for f in folders]
        if not _strings(uris) or not _optional_str(root_uri, root_path):
            return False
        self.spaces.add_roots(client_roots(uris, root_uri, root_path))
        self.encoding = position_encoding(capabilities)
        self.pull = wants_pull(capabilities)
        result = initialize_result(capabilities, __version__)
        self.write(frame({"jsonrpc": "2.0", "id": request_id, "result": result}))
        self.handover.answered, self.handover.result = request_id, result
        return True

    def _open(self, params: Any) -> bool:
        item = params.get("textDocument") if isinstance(params, dict) else None
        if not isinstance(item, dict):
            return False
        uri, text, version = item.get("uri"), item.get("text"), item.get("version")
        if not isinstance(uri, str) or not isinstance(text, str) or type(version) is not int:
            return False
        if self.pull:
            return True  # a pull client asks for its diagnostics: pygls answers that
        fs = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs) if fs else None
        space = self.spaces.for_path(path) if path is not None else None
        if path is None or space is None or not space.is_interview(path):
            return True  # not an interview: the server publishes nothing for it either
        moment = self.clock.moment(space.settings.config.tz)
        if not self.head.ask(space.root, path, text, moment, space.settings.digest):
            return False
        found = self.head.answer(space.label(path))
        if found is None:
            return False
        published = {
            "uri": uri,
            "diagnostics": diagnostics_json(found, Text(text, self.encoding)),
            "version": version,
        }
        self.write(
            frame(
                {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": published}
            )
        )
        self.handover.published[uri] = published
        return True


def _strings(values: list[Any]) -> TypeGuard[list[str]]:
    return all(isinstance(value, str) for value in values)


def _optional_str(*values: Any) -> bool:
    return all(value is None or isinstance(value, str) for value in values)


def _write_stdout(data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(1, view) :]


class Replay:
    """A stream that gives ``first``, then what ``rest`` gives: pygls reads the messages
    the early start read, then the editor's stream where the early start left it."""

    def __init__(self, first: bytes, rest: IO[bytes]) -> None:
        self._first = io.BytesIO(first)
        self._rest = rest

    def readline(self) -> bytes:
        line = self._first.readline()
        if line.endswith(b"\n"):
            return line
        return line + self._rest.readline()  # a line cut where the early start stopped

    def read(self, size: int) -> bytes:
        data = self._first.read(size)
        if len(data) < size:
            data += self._rest.read(size - len(data))
        return data


def _import_server() -> None:
    import infoview.lsp.features  # noqa: F401  (the server, every feature)


def run(*, poll: bool, load: Callable[[], None] = _import_server) -> None:
    """``infoview lsp``: the early start, then the server, over stdin and stdout; ``load``
    imports the server (in a thread, while the early start answers)."""
    from infoview.lsp import headstart

    head = headstart.start()  # lints the first documents while the server imports
    if head is None:
        from infoview.lsp.server import serve

        serve(use_watchdog=not poll)
        return
    ready_read, ready_write = os.pipe()
    failed: list[BaseException] = []

    def loading() -> None:
        try:
            load()
        except BaseException as exc:  # raised again below, in the main thread
            failed.append(exc)
        finally:
            os.write(ready_write, b".")

    loader = threading.Thread(target=loading, name="infoview-import", daemon=True)
    loader.start()
    early = Early(head, Clock.from_environment())
    stdin = sys.stdin.fileno()
    while True:
        ready, _, _ = select.select([stdin, ready_read], [], [])
        if ready_read in ready:
            break
        data = os.read(stdin, CHUNK)
        if not early.feed(data) or not data:
            break  # the rest is for pygls; at the end of input, pygls sees it end
    loader.join()
    os.close(ready_read)
    os.close(ready_write)
    if failed:
        raise failed[0]
    from infoview.lsp.server import serve

    serve(use_watchdog=not poll, headstart=head, early=early.handover)
