"""Write (or check) ``infoview/data/lsp_capabilities.json``: the server's capabilities.

    python tools/lsp_capabilities.py [--check]

The early start (``infoview/lsp/early.py``) answers ``initialize`` before pygls is
imported, with these capabilities; pygls computes them from the registered features
(``server.build()``), so this asks the real server, through its own protocol code, for a
client that offers pull diagnostics. The early start then sets the position encoding and
drops ``diagnosticProvider`` per client, exactly as the tests check against pygls.
``--check`` exits 1 when the file is stale (run ``make lsp-capabilities``).
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from infoview.lsp.wire import CAPABILITIES

PULL_CLIENT: dict[str, Any] = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {"diagnostic": {}},
    "workspace": {"diagnostics": {"refreshSupport": True}},
}


def initialize(capabilities: dict[str, Any]) -> dict[str, Any]:
    """The real server's ``initialize`` result for a client with ``capabilities``, as JSON."""
    params = {"processId": None, "rootUri": None, "capabilities": capabilities}
    result: dict[str, Any] = answer(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}
    )["result"]
    return result


def answer(request: Any) -> dict[str, Any]:
    """The real server's answer to ``request`` (an ``initialize`` message), as JSON."""
    from infoview.lsp.server import build

    server = build()
    sent: list[dict[str, Any]] = []

    class Writer:
        def write(self, data: bytes) -> None:
            sent.append(json.loads(data))

        def close(self) -> None:
            pass

    server.protocol.set_writer(Writer(), include_headers=False)

    async def ask() -> None:
        message = json.loads(json.dumps(request), object_hook=server.protocol.structure_message)
        server.protocol.handle_message(message)
        for _ in range(100):
            if sent:
                return
            await asyncio.sleep(0)

    asyncio.run(ask())
    (reply,) = sent
    return reply


def text() -> str:
    """The file's contents as the server gives them now."""
    capabilities = initialize(PULL_CLIENT)["capabilities"]
    del capabilities["positionEncoding"]  # set per client by the early start
    return json.dumps(capabilities, indent=2, sort_keys=True) + "\n"


def main() -> int:
    new = text()
    old = CAPABILITIES.read_text(encoding="utf-8") if CAPABILITIES.exists() else ""
    if "--check" in sys.argv[1:]:
        if new != old:
            print(f"{CAPABILITIES.name} is stale: run `make lsp-capabilities`", file=sys.stderr)
            return 1
        return 0
    if new != old:
        CAPABILITIES.write_text(new, encoding="utf-8")
        print(f"wrote {CAPABILITIES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
