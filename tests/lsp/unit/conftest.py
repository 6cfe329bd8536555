"""Fixtures for the language server's unit tests: the server in this process (``inproc``).

``lsp(...)`` starts a server on a workspace (the examples, copied) and shuts it down after
the test; ``client`` runs a test once as Neovim (UTF-8 columns) and once as VS Code (UTF-16).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ..inproc import Lsp
from ..session import CLIENTS, TODAY, make_workspace


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the example workspace (its infoview.toml, interviews and a README)."""
    return make_workspace(tmp_path / "ws")


@pytest.fixture(params=CLIENTS)
def client(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def lsp(root: Path) -> Iterator[Callable[..., Lsp]]:
    """``lsp(client="neovim", today=TODAY, root=root, **capability_changes)``."""
    started: list[Lsp] = []

    def start(client: str = "neovim", *, today: str | None = TODAY, **kwargs: Any) -> Lsp:
        where = kwargs.pop("root", root)
        server = Lsp(where, client, today=today, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.shutdown()
