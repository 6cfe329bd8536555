"""The ``infoview-lint`` hook of .pre-commit-hooks.yaml, run by the real pre-commit tool.

``pre-commit try-repo`` clones this repository (HEAD plus uncommitted changes to tracked
files), builds a virtualenv and pip-installs infoview into it, exactly as a user's
``.pre-commit-config.yaml`` pointing here would. The environment is built once per session
in a temporary PRE_COMMIT_HOME: about 6 s per build here (twice when this repository has
uncommitted changes, since each try-repo then makes a new shadow commit).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

# slow: pip-installs infoview with its dependencies into a fresh virtualenv, and WeasyPrint
# comes from PyPI, so this needs the network (deselect with -m "not slow").
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not PRE_COMMIT.exists() or shutil.which("git") is None,
        reason="needs pre-commit in the virtualenv and git",
    ),
]

CLEAN = """\
---
interviewer:
  name: Dana Whitfield
  phone: "+1 503 555 0142"
meeting:
  date: 2026-12-03T10:00
  duration: 30
  mode: video
  location: https://meet.example.com/abc
formality: formal
learning_goals:
  - Learn how this firm uses paralegals.
---
## Research
- **Work history:** twelve years at Marlow & Reyes, six in estate planning.
- **Education:** paralegal certificate, Portland Community College.
- **Credentials:** Oregon Certified Paralegal.
- **In common:** we both came through the PCC programme.
- **Sources:** the firm's team page and her LinkedIn profile.

## Questions
### Goal 1
- Which estate-planning tasks do paralegals here handle end to end?

## Notes
"""
BROKEN = CLEAN.replace("duration: 30", "duration: half an hour")
ERROR_LINE = (
    "interviews/2026-12-03-dana-whitfield.md:7:13: IV002 [error] "
    "'meeting.duration' is 'half an hour'; write the agreed minutes, e.g. 30"
)


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


Write = Callable[[Path, str, str], Path]


@pytest.fixture
def repo(tmp_path: Path, make_workspace: Callable[[Path], Path], write: Write) -> Path:
    """An interviews repository: one interview with an error, one clean, a README."""
    root = make_workspace(tmp_path / "interviews-repo")
    write(root, "2026-12-03-dana-whitfield", BROKEN)
    write(root, "2026-11-18-marcus-lee", CLEAN.replace("Dana Whitfield", "Marcus Lee"))
    (root / "README.md").write_text("# My interviews\n\nNot an interview: never linted.\n")
    git(root, "init", "-q")
    git(root, "add", "-A")
    return root


def environment(home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV")) and key != "NO_COLOR"
    }
    env.update(
        PRE_COMMIT_HOME=str(home),
        INFOVIEW_TODAY="2026-11-25",  # the meeting is ahead, so no thank-you rules
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
    )
    return env


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=environment(Path(os.devnull)),
        check=True,
        capture_output=True,
    )


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(PROJECT), "infoview-lint", "--all-files"],
        cwd=repo,
        env={**environment(home), "PRE_COMMIT_COLOR": "never"},
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_hook_fails_on_an_error_and_passes_once_fixed(
    repo: Path, pre_commit_home: Path, write: Write
) -> None:
    failed = try_repo(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    out = failed.stdout.splitlines()
    assert any(line.startswith("infoview lint...") and line.endswith("Failed") for line in out)
    assert "- hook id: infoview-lint" in out
    assert "- exit code: 1" in out
    # Only the two interviews are passed (files: ^interviews/), not README.md.
    assert ERROR_LINE in out
    assert "2 files checked: 1 error" in out
    assert not any("README" in line for line in out)

    write(repo, "2026-12-03-dana-whitfield", CLEAN)
    git(repo, "add", "-A")
    passed = try_repo(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert any(
        line.startswith("infoview lint...") and line.endswith("Passed")
        for line in passed.stdout.splitlines()
    )
    assert "IV002" not in passed.stdout
