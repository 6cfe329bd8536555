"""The protocol's JSON for the few messages :mod:`infoview.lsp.early` writes by hand.

Before pygls and lsprotocol are imported (a third of a second), the early start answers
``initialize`` and publishes the first document's diagnostics itself. Everything it
writes is what pygls would write for the same input, and the tests hold it to that:
diagnostics as :func:`infoview.lsp.diagnostics.to_protocol` gives them once serialised,
the position encoding and the pull decision as pygls and the server make them, the
capabilities from ``infoview/data/lsp_capabilities.json``, which
``tools/lsp_capabilities.py`` regenerates from the server itself. This module imports
neither pygls nor lsprotocol.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from infoview.lint.diagnostic import Diagnostic
from infoview.lsp.codeunits import UTF8, UTF16, UTF32, Text
from infoview.model import Span

SOURCE = "infoview"
SEVERITY = {"error": 1, "warning": 2, "info": 3}  # the protocol's Error, Warning, Information
ENCODINGS = (UTF8, UTF16, UTF32)  # the position encodings pygls supports
CAPABILITIES = Path(__file__).resolve().parent.parent / "data" / "lsp_capabilities.json"
JSON = dict[str, Any]


@lru_cache(maxsize=64)
def rule_href(code: str) -> str:
    """Where the rule's documentation is: its module, whose docstring ``infoview rules``
    prints (nothing is fetched from the network). Found without importing the module."""
    import infoview.lint.rules
    from infoview.lint.registry import RULES

    rule = RULES.get(code)
    if rule is None:  # pragma: no cover - every code lint reports has a rule
        return "https://example.invalid/infoview/rules"
    folder = Path(infoview.lint.rules.__file__ or "").resolve().parent
    return (folder / f"{rule.module_name}.py").as_uri()


def diagnostics_json(found: list[Diagnostic], text: Text) -> list[JSON]:
    """``found`` as the protocol's Diagnostic objects, serialised."""
    out = []
    for d in found:
        (line, character), (end_line, end_character) = text.span_places(
            Span(d.line, d.column, d.end_line, d.end_column)
        )
        out.append(
            {
                "range": {
                    "start": {"line": line, "character": character},
                    "end": {"line": end_line, "character": end_character},
                },
                "message": d.message,
                "severity": SEVERITY.get(d.severity, 2),
                "code": d.code,
                "codeDescription": {"href": rule_href(d.code)},
                "source": SOURCE,
                "data": {"slug": d.slug, "line": d.line, "column": d.column},
            }
        )
    return out


def frame(message: JSON) -> bytes:
    """One message with its header, as pygls writes it (ASCII JSON)."""
    body = json.dumps(message).encode("ascii")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


class Frames:
    """Messages cut from a byte stream: :meth:`feed` bytes, get the complete messages."""

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, data: bytes) -> list[JSON]:
        """The messages completed by ``data``. ValueError when the stream is not the
        protocol's (a header without a length, a body that is not a JSON object)."""
        self._pending += data
        out: list[JSON] = []
        while True:
            head, found, rest = self._pending.partition(b"\r\n\r\n")
            if not found:
                if len(self._pending) > 4096:
                    raise ValueError("a header without an end")
                return out
            length = None
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if length is None or length < 0:
                raise ValueError("a header without Content-Length")
            if len(rest) < length:
                return out
            message = json.loads(rest[:length])
            if type(message) is not dict:
                raise ValueError("a message that is not a JSON object")
            out.append(message)
            self._pending = rest[length:]


def _get(node: Any, *names: str) -> Any:
    """The value at ``names`` in nested JSON objects, or None where one is missing."""
    for name in names:
        if not isinstance(node, dict):
            return None
        node = node.get(name)
    return node


def position_encoding(capabilities: JSON) -> str:
    """The encoding pygls chooses: the client's first that it supports, else UTF-16."""
    offered = _get(capabilities, "general", "positionEncodings")
    for encoding in offered if isinstance(offered, list) else ():
        if encoding in ENCODINGS:
            return str(encoding)
    return UTF16


def wants_pull(capabilities: JSON) -> bool:
    """The server's choice of pull diagnostics (see the ``initialize`` feature)."""
    document = _get(capabilities, "textDocument", "diagnostic") is not None
    return document and bool(_get(capabilities, "workspace", "diagnostics", "refreshSupport"))


@lru_cache(maxsize=1)
def _capabilities() -> str:
    return CAPABILITIES.read_text(encoding="utf-8")


def initialize_result(capabilities: JSON, version: str) -> JSON:
    """The server's answer to ``initialize`` for a client with ``capabilities``."""
    ours: JSON = json.loads(_capabilities())
    ours["positionEncoding"] = position_encoding(capabilities)
    for name in ("willSave", "willSaveWaitUntil"):  # "the client's and ours": never ours
        if _get(capabilities, "textDocument", "synchronization", name) is not None:
            ours["textDocumentSync"][name] = False
    if not wants_pull(capabilities):
        ours.pop("diagnosticProvider", None)
    return {"capabilities": ours, "serverInfo": {"name": "infoview", "version": version}}
