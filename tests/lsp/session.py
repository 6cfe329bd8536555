"""A test editor for the language server: buffers, edits applied as an editor applies them.

Positions are converted here independently of the server's own code (``infoview.lsp.
positions``), so a wrong column on either side shows up as a failure.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

ROOT = Path(__file__).resolve().parents[2]
SERVER = [sys.executable, "-m", "infoview", "lsp"]
CLIENTS = ["neovim", "visual_studio_code"]
TODAY = "2026-11-25"
_BREAK = re.compile(r"\r\n|\r|\n")

# Interviews an editor may hold while they are typed: broken, odd, or hard to count.
BROKEN = {
    "broken-yaml": "---\ninterviewer:\n  name: Dana\nmeeting: [unclosed\n---\n## Notes\n",
    "unclosed": "---\ninterviewer:\n  name: Dana\n\n## Research\n- **Education:** BA\n",
    "not-a-mapping": "---\n- a\n- b\n---\n## Questions\n- Why?\n",
    "nul": "---\ninterviewer:\n  name: Dana\n---\n## Notes\n- a\x00b\n",
    "astral": (
        "---\ninterviewer:\n  name: 🎓 Dana Whitfield\n"
        "meeting: {location: 🎥🎥 room, mode: zoomy, duraton: 30}\n---\n"
        "## Questions\n### Goal 1\n- 🎓 What does your company do?\n"
    ),
    "bom-crlf": "\ufeff---\r\ninterviewer:\r\n  name: Dana\r\nformality: casual\r\n---\r\n"
    "## Questions\r\n- What does your company do?\r\n",
    "lone-cr": "---\rinterviewer:\r  nmae: Dana\r---\r## Notes\r",
    "separators": '---\ninterviewer:\n  name: "a\u2028b\u2029c"\n  phone: [1]\n---\n'
    "## Questions\n- How\u2028many attorneys work here?\n",
    "empty": "",
    # A name that a URI writes with %-escapes.
    "2026-12-01-josé núñez #1": "---\ninterviewer:\n  name: José Núñez\n---\n",
    "duplicate": "---\ninterviewer:\n  name: A\ninterviewer:\n  name: B\n---\n",
}


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "INFOVIEW_TODAY"}
    return {**env, **extra}


def _width(char: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(char.encode("utf-8"))
    if encoding == "utf-32":
        return 1
    return 2 if ord(char) > 0xFFFF else 1


def offset(text: str, position: types.Position, encoding: str) -> int:
    """The character offset of a protocol position in ``text``."""
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]
    if position.line >= len(starts):
        return len(text)
    line = _BREAK.split(text)[position.line]
    used = 0
    for index, char in enumerate(line):
        if used >= position.character:
            return starts[position.line] + index
        used += _width(char, encoding)
    return starts[position.line] + len(line)


def character(line: str, chars: int, encoding: str) -> int:
    """The protocol character (code units in ``encoding``) after ``chars`` characters."""
    return sum(_width(char, encoding) for char in line[:chars])


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """``text`` with ``edits`` applied (all relative to ``text``, as the protocol says)."""
    spans = [
        (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


class Published(dict[str, list[types.Diagnostic]]):
    """``client.diagnostics`` that also counts each publication, and keeps its version."""

    def __init__(self) -> None:
        super().__init__()
        self.count: dict[str, int] = {}
        self.version: dict[str, int | None] = {}

    def record(self, params: types.PublishDiagnosticsParams) -> None:
        self[params.uri] = list(params.diagnostics)
        self.version[params.uri] = params.version
        self.count[params.uri] = self.count.get(params.uri, 0) + 1


class Editor:
    """The open buffers of one client session."""

    def __init__(self, client: LanguageClient, encoding: str) -> None:
        self.client = client
        self.encoding = encoding
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.applied: list[types.WorkspaceEdit] = []
        self.seen: dict[str, int] = {}  # publications before the last open or change

    @property
    def published(self) -> Published:
        assert isinstance(self.client.diagnostics, Published)
        return self.client.diagnostics

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.seen[uri] = self.published.count.get(uri, 0)
        self.texts[uri] = path.read_text(encoding="utf-8") if text is None else text
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri, "markdown", 1, self.texts[uri])
            )
        )
        return uri

    def change(self, uri: str, text: str) -> None:
        self.seen[uri] = self.published.count.get(uri, 0)
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=self.versions[uri], uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )

    def close(self, uri: str) -> None:
        self.texts.pop(uri)
        self.versions.pop(uri)
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )

    def apply(self, edit: types.WorkspaceEdit) -> None:
        """Apply ``edit`` to the buffers and tell the server, as an editor does."""
        self.applied.append(edit)
        changes: dict[str, list[types.TextEdit]] = {}
        for uri, edits in (edit.changes or {}).items():
            changes.setdefault(uri, []).extend(edits)
        for change in edit.document_changes or []:
            assert isinstance(change, types.TextDocumentEdit), change
            version = change.text_document.version
            assert version is None or version == self.versions[change.text_document.uri]
            changes.setdefault(change.text_document.uri, []).extend(
                e for e in change.edits if isinstance(e, types.TextEdit)
            )
        for uri, edits in changes.items():
            self.change(uri, apply_edits(self.texts[uri], edits, self.encoding))

    async def diagnostics(
        self,
        uri: str,
        until: Callable[[list[types.Diagnostic]], bool] = lambda found: True,
        *,
        after: int | None = None,
        timeout: float = 10.0,
    ) -> list[types.Diagnostic]:
        """Wait for a publication for ``uri`` satisfying ``until``, made after the last open
        or change (or after the ``after``-th one)."""
        if after is None:
            after = self.seen.get(uri, 0)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        published = self.published
        while loop.time() < deadline:
            fresh = published.count.get(uri, 0) > after
            current = published.version.get(uri) == self.versions.get(uri)
            if fresh and current and until(published[uri]):
                return published[uri]
            await asyncio.sleep(0.02)
        raise AssertionError(f"no such diagnostics for {uri}: {published.get(uri)}")


def client_factory() -> LanguageClient:
    """pytest-lsp's test client, recording publications and applying edits like an editor."""
    client = make_test_lsp_client()
    published = client.diagnostics = Published()

    def record(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        published.record(params)

    # In place of pytest-lsp's own handler, which keeps neither the count nor the version.
    client.protocol.fm._features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = partial(record, client)

    client.refreshes = 0  # type: ignore[attr-defined]

    def refresh(client: LanguageClient, params: None) -> None:
        client.refreshes += 1  # type: ignore[attr-defined]

    client.protocol.fm._features[types.WORKSPACE_DIAGNOSTIC_REFRESH] = partial(refresh, client)

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(
        client: LanguageClient, params: types.ApplyWorkspaceEditParams
    ) -> types.ApplyWorkspaceEditResult:
        editor: Editor = client.editor  # type: ignore[attr-defined]
        editor.apply(params.edit)
        return types.ApplyWorkspaceEditResult(applied=True)

    return client


def config(*options: str, **env: str) -> ClientServerConfig:
    return ClientServerConfig(
        server_command=[*SERVER, *options],
        server_env=environment(**env),
        client_factory=client_factory,
    )


async def start(
    client: LanguageClient, name: str, root: Path, **changes: Any
) -> tuple[Editor, types.InitializeResult]:
    """Initialize ``client`` with ``name``'s capabilities and ``root`` as the workspace."""
    capabilities = client_capabilities(name)
    for path, value in changes.items():  # e.g. workspace__diagnostics=...
        node: Any = capabilities
        *parents, last = path.split("__")
        for part in parents:
            node = getattr(node, part)
        setattr(node, last, value)
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
        )
    )
    editor = Editor(client, str(result.capabilities.position_encoding or "utf-16"))
    client.editor = editor  # type: ignore[attr-defined]
    return editor, result


def make_workspace(root: Path) -> Path:
    """The example workspace (its infoview.toml and interviews) copied into ``root``."""
    root.mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", root / "infoview.toml")
    shutil.copytree(ROOT / "interviews", root / "interviews")
    (root / "README.md").write_text("# Not an interview\n\n- What does your company do?\n")
    return root
