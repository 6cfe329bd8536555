"""The language server's section of ``make bench``: its speed next to the issue's goals.

Numbers printed, never a timed test. It drives a real ``infoview lsp``
process over stdio as an editor would, in a temporary workspace: the time from a change
to its diagnostics for a typical interview and a 2000-line one (the median of many
changes), server start to first diagnostics (the median of a few starts), and a save of
``infoview.toml`` to the diagnostics it changes. The child runs without
PYTHONDONTWRITEBYTECODE, as a user's shell would (``common.prepare``). Alone:
``python bench/bench_lsp.py``.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from common import EXAMPLE, ROOT, RUNS, prepare, row

STARTS = RUNS
CHANGES = 20
QUESTION = "- What does your company do?\n"
GOAL = "### Goal 3: estate planning practice\n"


class Server:
    """``infoview lsp`` in a child process, and the messages it sends, timestamped."""

    def __init__(self, root: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["INFOVIEW_TODAY"] = "2026-11-25"
        self.started = time.perf_counter()
        self.child = subprocess.Popen(
            [sys.executable, "-m", "infoview", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=root,
            env=env,
        )
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.child.stdout
        assert stream is not None
        while True:
            header = stream.readline()
            if not header:
                return
            length = int(header.split(b":")[1]) if header.startswith(b"Content-Length") else 0
            while stream.readline().strip():
                pass
            self.inbox.put((time.perf_counter(), json.loads(stream.read(length))))

    def send(self, method: str, params: Any, *, request: bool = False) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.child.stdin is not None
        self.child.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.child.stdin.flush()

    def wait(self, match: Any, timeout: float = 30.0) -> float:
        """The time a message satisfying ``match`` arrived (skipping the others)."""
        deadline = time.perf_counter() + timeout
        while True:
            moment, message = self.inbox.get(timeout=max(deadline - time.perf_counter(), 0.01))
            if match(message):
                return moment

    def initialize(self, root: Path) -> float:
        self.send(
            "initialize",
            {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}},
            request=True,
        )
        answered = self.wait(lambda m: m.get("id") == self.next_id)
        self.send("initialized", {})
        return answered

    def stop(self) -> None:
        self.send("shutdown", None, request=True)
        self.wait(lambda m: m.get("id") == self.next_id)
        self.send("exit", None)
        self.child.wait(timeout=10)


def published(uri: str, version: int) -> Any:
    def match(message: dict[str, Any]) -> bool:
        params = message.get("params") or {}
        return bool(
            message.get("method") == "textDocument/publishDiagnostics"
            and params.get("uri") == uri
            and params.get("version") == version
        )

    return match


def open_document(server: Server, path: Path, text: str) -> str:
    uri = path.as_uri()
    document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
    server.send("textDocument/didOpen", {"textDocument": document})
    return uri


def change_latency(server: Server, path: Path, text: str) -> float:
    """Median seconds from a change (typing a question, then removing it) to its diagnostics."""
    uri = open_document(server, path, text)
    server.wait(published(uri, 1))
    times = []
    for version in range(2, CHANGES + 2):
        new = text.replace(GOAL, GOAL + QUESTION) if version % 2 == 0 else text
        sent = time.perf_counter()
        server.send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new}]},
        )
        times.append(server.wait(published(uri, version)) - sent)
    return statistics.median(times)


def long_interview(text: str, lines: int) -> str:
    """The example grown to ``lines`` lines: more research, questions and notes."""
    research = "".join(f"- **Sources:** article {n} on estate work\n" for n in range(400))
    questions = "".join(f"- How did case {n} change how you draft a trust?\n" for n in range(400))
    grown = text.replace("## Questions\n", research + "\n## Questions\n").replace(
        GOAL, GOAL + questions
    )
    notes = lines - grown.count("\n") - 1
    extra = "".join(f"- Note {n}: what she said about probate timelines.\n" for n in range(notes))
    return grown.replace("## Notes\n", "## Notes\n" + extra)


def section(tmp: Path) -> None:
    """Print the language server's figures, working in ``tmp``."""
    root = tmp / "ws"
    (root / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", root / "infoview.toml")
    typical = EXAMPLE.read_text(encoding="utf-8")
    big = long_interview(typical, 2000)
    assert big.count("\n") >= 2000 - 1, big.count("\n")

    answers, firsts = [], []
    for n in range(STARTS):
        server = Server(root)
        answers.append(server.initialize(root) - server.started)
        uri = open_document(server, root / "interviews" / f"start-{n}.md", typical)
        firsts.append(server.wait(published(uri, 1)) - server.started)
        server.stop()
    row("lsp: start -> initialize answered", statistics.median(answers), 2.0)
    row("lsp: start -> first diagnostics", statistics.median(firsts), 0.5)

    server = Server(root)
    server.initialize(root)
    lines = typical.count("\n")
    small = change_latency(server, root / "interviews" / "typical.md", typical)
    row(f"lsp: change -> diagnostics ({lines} lines)", small, 0.1)
    large = change_latency(server, root / "interviews" / "long.md", big)
    row("lsp: change -> diagnostics (2000 lines)", large, 0.3)

    config = root / "infoview.toml"
    original = config.read_text(encoding="utf-8")
    uri = (root / "interviews" / "typical.md").as_uri()
    version = CHANGES + 2  # with the question typed: each save below flips its IV303
    change = [{"text": typical.replace(GOAL, GOAL + QUESTION)}]
    server.send(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": change},
    )
    server.wait(published(uri, version))
    saves = []
    for n in range(STARTS):
        silenced = 'ignore = ["IV104", "IV303"]' if n % 2 == 0 else 'ignore = ["IV104"]'
        changed = original.replace('ignore = ["IV104"]', silenced)
        saved = time.perf_counter()
        config.write_text(changed, encoding="utf-8")
        saves.append(server.wait(published(uri, version)) - saved)
        time.sleep(0.2)
    row("lsp: infoview.toml saved -> diagnostics", statistics.median(saves), 2.0)
    server.stop()


if __name__ == "__main__":
    prepare()
    with tempfile.TemporaryDirectory() as folder:
        section(Path(folder))
