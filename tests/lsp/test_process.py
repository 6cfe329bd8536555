"""The server as a process: how fast it answers ``initialize``, that it exits when the
editor goes away, and that it never loads WeasyPrint (packets render in a child)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .session import SERVER, environment, make_workspace


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _message(payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def test_initialize_is_answered_and_the_server_exits_when_stdin_closes(root: Path) -> None:
    server = subprocess.Popen(
        SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment(), cwd=root
    )
    assert server.stdin is not None and server.stdout is not None
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": {}},
    }
    server.stdin.write(_message(initialize))
    server.stdin.flush()
    header = server.stdout.readline()
    assert header.startswith(b"Content-Length: ")
    cpu = _cpu_seconds(server.pid)
    while server.stdout.readline().strip():
        pass
    reply = json.loads(server.stdout.read(int(header.split(b":")[1])))
    assert reply["id"] == 1 and "diagnosticProvider" not in reply["result"]["capabilities"]
    assert reply["result"]["serverInfo"]["name"] == "infoview"
    # The work to answer takes well under 2 s of CPU (wall time on a loaded machine varies).
    assert cpu < 2.0, cpu
    server.stdin.close()  # the editor went away without 'shutdown' or 'exit'
    assert server.wait(timeout=20) == 0


def test_the_server_never_loads_weasyprint() -> None:
    """Importing the server and registering every feature leaves WeasyPrint unloaded."""
    code = (
        "import sys; from infoview.lsp.server import build; build(); "
        "import infoview.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'watchdog')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


class Wire:
    """A bare client: the server's messages as JSON, read on a thread as they come."""

    def __init__(self, root: Path) -> None:
        import queue
        import threading

        self.server = subprocess.Popen(
            SERVER,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment(INFOVIEW_TODAY="2026-11-25"),
            cwd=root,
        )
        self.inbox: queue.Queue[dict[str, object]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.server.stdout
        assert stream is not None
        while header := stream.readline():
            length = int(header.split(b":")[1])
            while stream.readline().strip():
                pass
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, payload: dict[str, object]) -> None:
        assert self.server.stdin is not None
        self.server.stdin.write(_message({"jsonrpc": "2.0", **payload}))
        self.server.stdin.flush()

    def until(self, done: object) -> list[dict[str, object]]:
        """Every message up to and including the first for which ``done(message)``."""
        got = []
        while True:
            message = self.inbox.get(timeout=30)
            got.append(message)
            if done(message):  # type: ignore[operator]
                return got


def test_the_early_start_sends_each_answer_once_and_hands_over(root: Path) -> None:
    """However the first messages are split between the early start and pygls, the editor
    gets one answer to ``initialize``, one publication per document version, and a server
    that goes on answering."""
    wire = Wire(root)
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    caps = {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}
    params = {"processId": None, "rootUri": root.as_uri(), "capabilities": caps}
    wire.send({"id": 1, "method": "initialize", "params": params})
    first = wire.until(lambda m: m.get("id") == 1)
    wire.send({"method": "initialized", "params": {}})
    item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
    wire.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    opened = wire.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    # A request only pygls answers: by its answer, the handover is over.
    hover = {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}}
    wire.send({"id": 2, "method": "textDocument/hover", "params": hover})
    later = wire.until(lambda m: m.get("id") == 2)
    edited = text.replace("### Goal 1\n", "### Goal 1\n- What does your company do?\n", 1)
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}
    wire.send({"method": "textDocument/didChange", "params": change})
    changed = wire.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    wire.send({"id": 3, "method": "shutdown"})
    wire.until(lambda m: m.get("id") == 3)
    wire.send({"method": "exit"})
    assert wire.server.wait(timeout=20) == 0
    messages = [*first, *opened, *later, *changed]
    assert [m for m in messages if m.get("id") == 1 and "method" not in m] == first[-1:]
    published = [m["params"] for m in messages if m.get("method") == opened[-1]["method"]]
    assert [(p["uri"], p["version"]) for p in published] == [(uri, 1), (uri, 2)]  # type: ignore[index]
    codes = [{d["code"] for d in p["diagnostics"]} for p in published]  # type: ignore[index]
    assert "IV402" in codes[0] and "IV303" not in codes[0] and "IV303" in codes[1]
    assert "contents" in later[-1]["result"]  # type: ignore[operator]
