"""A head start on the first diagnostics: lint in a forked process while the server imports.

(:mod:`infoview.lsp.early` publishes its answers before the server exists; the server
asks it too until it has compiled the grammar itself.)

``infoview lsp`` spends most of its first half second importing pygls and lsprotocol
(some 550 attrs classes, built when the module runs). The first lint needs none of that,
but it has a cost of its own: importing the rules and compiling the judge's grammar take
nearly a tenth of a second. So the command forks before it imports the server
(:func:`start`): the child imports lint and compiles the grammar on the other core, then
lints what it is sent. The server hands it the documents it lints before it is warm
itself. Then it compiles the grammar in its own process (:meth:`InfoviewServer.warm`) and
closes the pipe, which ends the child.

The child is infoview's own code, forked from this process; it reads only what the
server sends it (a document's text, its path, its workspace's root and the moment) and
the workspace's ``infoview.toml``, exactly as the server would. Nothing crosses the pipe
but JSON. Its standard input and output are ``/dev/null``, so it can never read or write
the editor's messages. When anything goes wrong (no ``fork``, the child gone, an answer
that does not parse, a slow answer), the server lints in-process, as it always can:
the head start costs nothing when it is missing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import select
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from infoview.lint.diagnostic import Diagnostic

WAIT = 2.0  # seconds to wait for an answer before linting in-process instead
_FIELDS = ("line", "column", "code", "slug", "severity", "message", "end_line", "end_column")
_TYPES = (int, int, str, str, str, str, int, int)


class HeadStart:
    """The parent's end of the pipes to a child that lints on request, until :meth:`close`.

    ``pid`` is the forked child's, reaped on close (None for a child that is not a
    process of its own, as in tests); ``status`` is then its wait status.
    """

    def __init__(self, requests: int, answers: int, pid: int | None = None) -> None:
        self.pid = pid
        self.status: int | None = None
        self._requests = requests
        self._answers = answers
        self._buffer = b""

    def ask(
        self, root: Path, path: Path, text: str, now: dt.datetime, digest: str | None = None
    ) -> bool:
        """Send the child a document to lint; False (and closed) when it cannot be sent.

        With ``digest`` (the asker's ``Settings.digest``), the child answers only when it
        lints with the same settings: it reads ``infoview.toml`` again if its own differ,
        and answers nothing (then the asker lints in-process) if they still do.
        """
        if not self.open:
            return False
        request = {"root": str(root), "path": str(path), "text": text, "now": now.isoformat()}
        if digest is not None:
            request["digest"] = digest
        try:
            _write_all(self._requests, json.dumps(request).encode("ascii") + b"\n")
        except (OSError, ValueError):
            self.close()
            return False
        return True

    def answer(self, label: str) -> list[Diagnostic] | None:
        """The diagnostics of the document last asked about, reported as ``label``, or None
        when the child cannot give them; then it is closed and the caller lints in-process."""
        found: list[Diagnostic] | None
        try:
            line = self._read_line()
            found = _diagnostics(json.loads(line), label) if line is not None else None
        except (OSError, ValueError):
            found = None
        if found is None:
            self.close()
        return found

    def _read_line(self) -> bytes | None:
        while b"\n" not in self._buffer:
            ready, _, _ = select.select([self._answers], [], [], WAIT)
            if not ready:
                return None
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                return None
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    @property
    def open(self) -> bool:
        return self._requests >= 0

    def close(self) -> None:
        """End the child (closing its requests ends its loop) and reap it."""
        if not self.open:
            return
        for fd in (self._requests, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._requests = self._answers = -1
        if self.pid is not None:
            self.status = _reap(self.pid)


def _reap(pid: int) -> int | None:
    """Wait for the child, ending it first if it has not ended itself (it was busy: nothing
    it holds needs to outlive it); its wait status, or None if it was reaped already."""
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            done, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return None
    return status


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _diagnostics(answer: Any, label: str) -> list[Diagnostic] | None:
    """The child's answer, checked field by field: a list of rows of _FIELDS."""
    if type(answer) is not list:
        return None
    out = []
    for row in answer:
        if type(row) is not list or len(row) != len(_FIELDS):
            return None
        if any(type(value) is not kind for value, kind in zip(row, _TYPES, strict=True)):
            return None
        out.append(Diagnostic(label, *row))
    return out


def start(warm: Callable[[], None] | None = None) -> HeadStart | None:
    """Fork the linting child (call before importing the server); None without ``fork``."""
    if not hasattr(os, "fork"):
        return None
    try:
        down_read, down_write = os.pipe()
        up_read, up_write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        for fd in (down_read, down_write, up_read, up_write):
            os.close(fd)
        return None
    if pid == 0:  # the child, which never returns (nor is seen by coverage)  # mutate: skip
        pipes = (down_read, down_write, up_read, up_write)  # mutate: skip
        os._exit(_child(pipes, warm or _warm, _detach))  # mutate: skip
    os.close(down_read)
    os.close(up_write)
    return HeadStart(down_write, up_read, pid)


def _child(
    pipes: tuple[int, int, int, int], warm: Callable[[], None], detach: Callable[[], None]
) -> int:
    """The child's life: its ends of the pipes, detached from the editor's stream, serving
    until the server closes its end. The exit status: whatever happens, it only exits."""
    down_read, down_write, up_read, up_write = pipes
    try:
        os.close(down_write)
        os.close(up_read)
        detach()
        _serve(down_read, up_write, warm)
    except BaseException:
        return 1
    return 0


# Only ever run in the forked child, where coverage does not follow; what it does is
# proven by test_the_child_never_writes_to_the_editors_stream.
def _detach() -> None:
    """Point the child's stdin, stdout and stderr at /dev/null: the editor's stream is
    the server's alone."""
    null = os.open(os.devnull, os.O_RDWR)  # mutate: skip
    for fd in (0, 1, 2):  # mutate: skip
        os.dup2(null, fd)  # mutate: skip
    os.close(null)  # mutate: skip


def _warm() -> None:
    """Import the rules and compile the grammar, for the workspace in the current folder
    when there is one (its own organisation words), else the defaults."""
    from infoview.config import find_config, load_config
    from infoview.judge import compiled
    from infoview.lint.registry import RULES

    words: tuple[str, ...] = ()
    with contextlib.suppress(Exception):
        found = find_config(Path.cwd())
        if found is not None:
            words = load_config(found).lint.organisation_words
    for rule in RULES.values():
        rule.module  # noqa: B018 - imports the rule's module
    compiled(words).compile_all()
    from infoview.parse import parse_text

    parse_text("---\nname: x\n---\n# Research\n- x\n", Path("warm.md"))  # the parser's set-up


def _serve(requests: int, answers: int, warm: Callable[[], None]) -> None:
    from infoview.lsp.checking import lint_interview, parse_buffer
    from infoview.lsp.documents import Space

    with contextlib.suppress(Exception):
        warm()
    spaces: dict[Path, Space] = {}
    with os.fdopen(requests, "rb") as inbox, os.fdopen(answers, "wb") as outbox:
        for line in inbox:
            request = json.loads(line)
            root, path = Path(request["root"]), Path(request["path"])
            space = spaces.get(root)
            if space is None:
                space = spaces[root] = Space(root)
            digest = request.get("digest", space.settings.digest)
            if space.settings.digest != digest:
                space.reload()  # changed on disk since this child read it
            rows = None
            if space.settings.digest == digest:
                now = dt.datetime.fromisoformat(request["now"])
                found = lint_interview(parse_buffer(request["text"], path), path, space, now)
                rows = [[getattr(d, name) for name in _FIELDS] for d in found]
            outbox.write(json.dumps(rows).encode("ascii") + b"\n")
            outbox.flush()
