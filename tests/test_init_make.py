"""The Makefile ``infoview init`` writes works as written: real ``make``, a bare PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infoview.scaffold import makefile

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")

SCRIPT = Path(sys.executable).parent / "infoview"  # the console script of this install
BARE = {"PATH": "/usr/bin:/bin"}  # no virtual environment, no infoview on the PATH


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env={**env, "HOME": str(cwd)}, capture_output=True, text=True, check=False
    )


def init(tmp_path: Path, *command: str) -> Path:
    target = tmp_path / "ws"
    result = run([*command, "init", str(target)], tmp_path, dict(os.environ))
    assert result.returncode == 0, result.stderr
    return target


def test_make_lint_and_packet_run_without_activating_anything(tmp_path: Path) -> None:
    ws = init(tmp_path, str(SCRIPT))
    text = (ws / "Makefile").read_text(encoding="utf-8")
    assert f"INFOVIEW_INIT := {SCRIPT}\n" in text
    lint = run(["make", "--no-print-directory", "lint"], ws, BARE)
    assert (lint.returncode, lint.stderr) == (0, "")
    assert lint.stdout == f"{SCRIPT} lint\n0 files checked: no problems\n"
    packet = run(["make", "-s", "packet"], ws, BARE)
    assert (packet.returncode, packet.stdout) == (
        0,
        "no interviews in interviews/; start one with: infoview new NAME\n",
    )


def test_python_m_infoview_records_the_interpreter(tmp_path: Path) -> None:
    ws = init(tmp_path, sys.executable, "-m", "infoview")
    text = (ws / "Makefile").read_text(encoding="utf-8")
    assert f"INFOVIEW_INIT := {os.path.abspath(sys.executable)} -m infoview\n" in text
    lint = run(["make", "-s", "lint"], ws, BARE)
    assert (lint.returncode, lint.stdout) == (0, "0 files checked: no problems\n")


def _fake(folder: Path, name: str = "infoview") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / name
    fake.write_text('#!/bin/sh\necho "fake infoview $*"\n', encoding="utf-8")
    fake.chmod(0o755)
    return fake


def test_infoview_overrides_and_path_is_the_fallback(tmp_path: Path) -> None:
    ws = init(tmp_path, str(SCRIPT))
    other = _fake(tmp_path / "elsewhere", "my-infoview")
    given = run(["make", "-s", "lint", f"INFOVIEW={other}"], ws, BARE)
    assert given.stdout == "fake infoview lint\n"
    from_env = run(["make", "-s", "agenda"], ws, {**BARE, "INFOVIEW": str(other)})
    assert from_env.stdout == "fake infoview agenda\n"
    # The recorded infoview is gone (its virtual environment deleted): the PATH's runs.
    (ws / "Makefile").write_text(makefile([str(tmp_path / "gone/.venv/bin/infoview")]), "utf-8")
    _fake(tmp_path / "bin")
    fallback = run(["make", "-s", "thanks"], ws, {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"})
    assert (fallback.returncode, fallback.stdout) == (0, "fake infoview thanks\n")


def test_a_path_with_spaces_and_dollars_is_quoted(tmp_path: Path) -> None:
    ws = init(tmp_path, str(SCRIPT))
    folder = tmp_path / "my tools $HOME 'x'"
    folder.mkdir()
    (folder / "infoview").symlink_to(SCRIPT)
    (ws / "Makefile").write_text(makefile([str(folder / "infoview")]), encoding="utf-8")
    lint = run(["make", "-s", "lint"], ws, BARE)
    assert (lint.returncode, lint.stderr) == (0, "")
    assert lint.stdout == "0 files checked: no problems\n"


def _hook_entry(ws: Path) -> list[str]:
    """The pre-commit hook's command, split the way pre-commit splits ``entry``."""
    import shlex

    import yaml

    config = yaml.safe_load((ws / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert (hook["id"], hook["language"]) == ("infoview-lint", "system")
    return shlex.split(hook["entry"])


@pytest.mark.parametrize("folder_name", ["bin", "my tools $HOME 'x' #1: y"])
def test_the_pre_commit_hook_runs_without_activating_anything(
    tmp_path: Path, folder_name: str
) -> None:
    folder = tmp_path / folder_name
    folder.mkdir()
    (folder / "infoview").symlink_to(SCRIPT)
    ws = init(tmp_path, str(folder / "infoview"))
    entry = _hook_entry(ws)
    assert entry == [str(folder / "infoview"), "lint"]
    note = ws / "interviews" / "2026-01-05-dana-whitfield.md"
    note.write_text("---\ninterviewer: {name: 3}\n---\n", encoding="utf-8")
    # pre-commit appends the staged file names to the entry.
    hook = run([*entry, "interviews/2026-01-05-dana-whitfield.md"], ws, BARE)
    assert hook.returncode == 1, hook.stderr
    assert "interviews/2026-01-05-dana-whitfield.md:2:" in hook.stdout


def test_the_pre_commit_hook_records_python_m_infoview(tmp_path: Path) -> None:
    ws = init(tmp_path, sys.executable, "-m", "infoview")
    assert _hook_entry(ws) == [os.path.abspath(sys.executable), "-m", "infoview", "lint"]
