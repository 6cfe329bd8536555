"""The real editor: Neovim, headless, drives ``infoview lsp`` through its own LSP client.

Skipped, saying so, where ``nvim`` is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .session import SERVER, TODAY, environment, make_workspace

SCRIPT = Path(__file__).parent / "nvim" / "lint_as_you_type.lua"


def test_neovim_shows_iv303_as_typed_and_the_quick_fix_clears_it(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not on PATH, so the Neovim test did not run (apt-get install neovim)")
    root = make_workspace(tmp_path / "ws")
    interview = root / "interviews" / "2026-11-25-priya-raman.md"
    saved = interview.read_bytes()
    env = environment(
        INFOVIEW_TODAY=TODAY,
        IV_ROOT=str(root),
        IV_FILE=str(interview),
        IV_SERVER=json.dumps(SERVER),
        HOME=str(tmp_path),  # no user configuration
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    run = subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr + run.stdout
    lines = run.stdout.splitlines()
    assert lines[0] == "diagnostics: 7"  # Priya's warnings, as 'infoview lint' lists them
    assert lines[1:] == [
        "IV303 at line 23",
        "quick fix applied; IV303 cleared",
        "modified: true",
    ]
    assert interview.read_bytes() == saved  # typed and fixed, never saved
