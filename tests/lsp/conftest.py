"""Shared fixtures for the language server's end-to-end tests (pytest-lsp, a real process).

One server per client (Neovim, VS Code) serves every module of feature tests: each module
gets its own workspace under the client's root folder, which the server finds upwards
from each document, as it would in a monorepo.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import LanguageClient

from .session import CLIENTS, TODAY, Editor, config, make_workspace, start


@pytest.fixture(scope="session")
def lsp_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client's root folder, holding one workspace per test module."""
    return tmp_path_factory.mktemp("lsp")


@pytest_lsp.fixture(scope="session", params=CLIENTS, config=config(INFOVIEW_TODAY=TODAY))
async def server(
    request: pytest.FixtureRequest, lsp_client: LanguageClient, lsp_home: Path
) -> AsyncIterator[None]:
    """The server, as Neovim and as VS Code, with today fixed at TODAY."""
    await start(lsp_client, request.param, lsp_home)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture(scope="module")
def lsp_root(lsp_home: Path, request: pytest.FixtureRequest) -> Path:
    """A copy of the example workspace for this module."""
    module = request.module.__name__.rsplit(".", 1)[-1]
    return make_workspace(Path(tempfile.mkdtemp(prefix=f"{module}-", dir=lsp_home)) / "ws")


@pytest.fixture
def editor(server: LanguageClient) -> Editor:
    editor = server.editor  # type: ignore[attr-defined]
    assert isinstance(editor, Editor)
    return editor
