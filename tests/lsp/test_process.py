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
