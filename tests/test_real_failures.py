"""Write errors the system really raises: a read-only file system and a full disk.

Each test mounts a file system in a private mount namespace (``unshare --mount``), so
nothing is left mounted on the machine whatever happens, and runs every command that
writes against it through the real CLI. Where namespaces or mounts are not permitted the
tests are skipped; ``test_write_errors.py`` injects the same failures into system calls.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

STEM = "2026-11-20-dana-whitfield"
DONE = """\
---
interviewer:
  name: Dana Whitfield
  email: dana@example.com
meeting:
  date: 2026-11-20T10:00
  duration: 30
formality: formal
learning_goals:
  - Learn how paralegals work here.
---
## Questions
- How?

## Notes
- **Takeaway:** ask about the certificate programme.
"""

COMMANDS = {
    "log": ["log", f"interviews/{STEM}.md", "--note", "Wrote back"],
    "referral": ["referral", f"interviews/{STEM}.md", "--name", "Sam Ortiz"],
    "mark-sent": ["thanks", "--mark-sent", f"interviews/{STEM}.md"],
    "lint-fix": ["lint", "--fix"],
    "thanks": ["thanks"],
    "new": ["new", "Sam Ortiz", "--date", "2026-12-01"],
    "agenda-ics": ["agenda", "--ics", "cal.ics"],
    "packet-html": ["packet", "--html"],
    "init": ["init", "another"],
}

# Runs inside the namespace: mount, then every command through Click's runner, one JSON
# line per command with its exit code, stderr and any exception that escaped.
SCRIPT = textwrap.dedent(
    """
    import json, os, subprocess, sys
    from click.testing import CliRunner
    from infoview.cli import cli

    ws, mode, commands = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    def sh(*args):
        subprocess.run(args, check=True, capture_output=True)
    sh("mount", "--make-rprivate", "/")
    if mode == "readonly":
        sh("mount", "--bind", ws, ws)
        sh("mount", "-o", "remount,bind,ro", ws)
    else:  # full: the workspace on a tiny tmpfs, filled up
        saved = {}
        for folder, _, names in os.walk(ws):
            for name in names:
                path = os.path.join(folder, name)
                saved[os.path.relpath(path, ws)] = open(path, "rb").read()
        sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", ws)
        for rel, data in saved.items():
            os.makedirs(os.path.dirname(os.path.join(ws, rel)), exist_ok=True)
            with open(os.path.join(ws, rel), "wb") as handle:
                handle.write(data)
        os.makedirs(os.path.join(ws, "build", "thanks"))
        os.makedirs(os.path.join(ws, "build", "packets"))
        try:
            with open(os.path.join(ws, "filler"), "wb") as handle:
                while True:
                    handle.write(b"x" * 1024)
                    handle.flush()
        except OSError:
            pass
    os.chdir(ws)
    before = {}
    for folder, _, names in os.walk(ws):
        for name in names:
            path = os.path.join(folder, name)
            before[os.path.relpath(path, ws)] = open(path, "rb").read()
    for name, args in commands.items():
        result = CliRunner().invoke(cli, args, env={"INFOVIEW_TODAY": "2026-11-21"})
        after = {}
        for folder, _, names in os.walk(ws):
            for file in names:
                path = os.path.join(folder, file)
                after[os.path.relpath(path, ws)] = open(path, "rb").read()
        changed = sorted(k for k in set(before) | set(after)
                         if before.get(k) != after.get(k) and not k.startswith(".infoview-cache"))
        escaped = result.exception
        print(json.dumps({
            "name": name,
            "exit": result.exit_code,
            "stderr": result.stderr,
            "exception": None if isinstance(escaped, (SystemExit, type(None)))
            else type(escaped).__name__,
            "changed": changed,
        }))
    """
)


def namespaces_work() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"],
        capture_output=True,
    )
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not namespaces_work(), reason="no mount namespaces here")


def run_in_namespace(workspace: Path, mode: str) -> dict[str, dict[str, object]]:
    (workspace / "interviews" / f"{STEM}.md").write_text(DONE, encoding="utf-8")
    done = subprocess.run(
        [
            "unshare",
            "--mount",
            sys.executable,
            "-c",
            SCRIPT,
            str(workspace),
            mode,
            json.dumps(COMMANDS),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    return {str(r["name"]): r for r in results}


def test_every_command_on_a_read_only_file_system(workspace: Path) -> None:
    results = run_in_namespace(workspace, "readonly")
    assert sorted(results) == sorted(COMMANDS)
    for name, result in results.items():
        assert result["exception"] is None, (name, result)
        assert result["exit"] == 2, (name, result)
        assert "Read-only file system (EROFS)" in str(result["stderr"]), (name, result)
        assert "hint: the file system is read-only" in str(result["stderr"]), (name, result)
        assert result["changed"] == [], (name, result)


def test_every_command_on_a_full_disk(workspace: Path) -> None:
    results = run_in_namespace(workspace, "full")
    assert sorted(results) == sorted(COMMANDS)
    for name, result in results.items():
        assert result["exception"] is None, (name, result)
        assert result["exit"] == 2, (name, result)
        assert "No space left on device (ENOSPC)" in str(result["stderr"]), (name, result)
        assert result["changed"] == [], (name, result)
