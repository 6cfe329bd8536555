"""The server's life: start, the clock, settings reload, pull mode, and exit.

The clock is moved with the ``infoview/setClock`` notification (it runs on from the
moment set), so the server's own wake-up at midnight, or at a meeting's end, re-publishes
the diagnostics with no edit; ``infoview.toml`` is changed on disk with no file-watch
event from the client.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .session import CLIENTS, TODAY, Editor, config, make_workspace, start

pytestmark = pytest.mark.asyncio(loop_scope="function")

DONE = """\
---
interviewer:
  name: Lee Chan
  email: lee@example.com
meeting:
  date: 2026-11-20T15:00
  duration: 30
  mode: in-person
  location: Case Study Coffee
formality: informal
learning_goals:
  - Learn how a legal aid office triages cases.
---
## Research
- **Work history:** ten years at legal aid.
## Questions
### Goal 1
- How do you decide which cases to take?
## Notes
- **Takeaway:** volunteer at the clinic.
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


@pytest_lsp.fixture(params=CLIENTS, config=config())
async def live_client(
    request: pytest.FixtureRequest, lsp_client: LanguageClient, root: Path
) -> AsyncIterator[None]:
    """The server on the system clock (no INFOVIEW_TODAY), as Neovim and as VS Code."""
    await start(lsp_client, request.param, root)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def live(live_client: LanguageClient) -> Editor:
    return live_client.editor  # type: ignore[attr-defined, no-any-return]


def set_clock(client: LanguageClient, moment: str) -> None:
    client.protocol.notify("infoview/setClock", {"now": moment, "running": True})


def codes(found: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in found}


async def test_the_time_rules_change_at_midnight_and_at_a_meetings_end_without_an_edit(
    live: Editor, root: Path
) -> None:
    path = root / "interviews" / "2026-11-20-lee-chan.md"
    path.write_text(DONE)
    uri = live.open(path)
    await live.diagnostics(uri)
    # Two days after the meeting: due (IV502), half a second before it turns overdue.
    set_clock(live.client, "2026-11-22T23:59:59.4-08:00")
    due = await live.diagnostics(uri, lambda ds: "IV502" in codes(ds))
    assert "IV501" not in codes(due)
    overdue = await live.diagnostics(uri, lambda ds: "IV501" in codes(ds))
    assert "IV502" not in codes(overdue)
    assert live.versions[uri] == 1  # no edit was made
    # Half a second before the meeting ends (at 15:30) nothing is due yet; then it is.
    set_clock(live.client, "2026-11-20T15:29:59.4-08:00")
    during = await live.diagnostics(uri, lambda ds: not codes(ds) & {"IV501", "IV502"})
    assert "IV408" not in codes(during)
    after = await live.diagnostics(uri, lambda ds: "IV502" in codes(ds))
    assert "IV408" in codes(after)  # done: was permission to contact again recorded?
    assert live.versions[uri] == 1


@pytest_lsp.fixture(params=CLIENTS, config=config(INFOVIEW_TODAY=TODAY))
async def fixed_client(
    request: pytest.FixtureRequest, lsp_client: LanguageClient, root: Path
) -> AsyncIterator[None]:
    await start(lsp_client, request.param, root)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def fixed(fixed_client: LanguageClient) -> Editor:
    return fixed_client.editor  # type: ignore[attr-defined, no-any-return]


def edit_config(root: Path, old: str, new: str) -> None:
    path = root / "infoview.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


async def test_settings_changed_on_disk_are_picked_up_and_bad_ones_kept_out(
    fixed: Editor, root: Path
) -> None:
    uri = fixed.open(root / "interviews" / "2026-11-25-priya-raman.md")
    assert "IV402" in codes(await fixed.diagnostics(uri))
    # No didChangeWatchedFiles: the server watches infoview.toml itself.
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    assert "IV402" not in codes(await fixed.diagnostics(uri, lambda ds: "IV402" not in codes(ds)))
    good = codes(fixed.published[uri])
    edit_config(root, 'ignore = ["IV104", "IV402"]', 'ignore = ["IV104", "IV402"')  # broken
    client = fixed.client
    for _ in range(500):
        if any("infoview.toml" in m.message for m in client.messages):
            break
        await asyncio.sleep(0.02)
    (message,) = [m for m in client.messages if "infoview.toml" in m.message]
    assert message.type == types.MessageType.Error
    assert "invalid TOML" in message.message and "last good settings" in message.message
    # the last good settings stay in use: whatever is published now (a watcher may see one
    # save as two events and lint again) is what those settings give, IV402 still ignored
    await asyncio.sleep(0.3)
    assert codes(fixed.published[uri]) == good and "IV402" not in good
    edit_config(root, 'ignore = ["IV104", "IV402"', 'ignore = ["IV104"]')
    assert "IV402" in codes(await fixed.diagnostics(uri, lambda ds: "IV402" in codes(ds)))


@pytest_lsp.fixture(config=config("--poll", INFOVIEW_TODAY=TODAY))
async def polling_client(lsp_client: LanguageClient, root: Path) -> AsyncIterator[None]:
    await start(lsp_client, "neovim", root)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def polling(polling_client: LanguageClient) -> Editor:
    return polling_client.editor  # type: ignore[attr-defined, no-any-return]


async def test_without_watchdog_the_settings_are_polled(polling: Editor, root: Path) -> None:
    uri = polling.open(root / "interviews" / "2026-11-25-priya-raman.md")
    assert "IV402" in codes(await polling.diagnostics(uri))
    time.sleep(0.01)  # a new mtime
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    await polling.diagnostics(uri, lambda ds: "IV402" not in codes(ds))


@pytest_lsp.fixture(config=config(INFOVIEW_TODAY=TODAY))
async def pulling_client(lsp_client: LanguageClient, root: Path) -> AsyncIterator[None]:
    """A client that pulls diagnostics and can be told to pull again."""
    _, result = await start(
        lsp_client,
        "neovim",
        root,
        workspace__diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True),
    )
    lsp_client.result = result  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def pulling(pulling_client: LanguageClient) -> tuple[Editor, types.InitializeResult]:
    return pulling_client.editor, pulling_client.result  # type: ignore[attr-defined]


async def test_a_pulling_client_gets_no_pushes_and_a_refresh_on_change(
    pulling: tuple[Editor, types.InitializeResult], root: Path
) -> None:
    editor, result = pulling
    assert result.capabilities.diagnostic_provider is not None
    assert result.capabilities.diagnostic_provider.workspace_diagnostics is True
    uri = editor.open(root / "interviews" / "2026-11-25-priya-raman.md")
    client = editor.client
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri))
    )
    assert "IV402" in {d.code for d in report.items}
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    for _ in range(500):
        if client.refreshes:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.02)
    assert client.refreshes >= 1  # type: ignore[attr-defined]
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri))
    )
    assert "IV402" not in {d.code for d in report.items}
    assert uri not in editor.published  # never pushed: no duplicates in the editor
