"""Edits of one file by several infoview processes at once: none is lost.

Real processes, not threads: each runs ``python -m infoview`` as a user's shell would, so
the lock is taken by separate programs, and each edit's rename gives the file a new inode
under the others' feet.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from infoview.parse import parse_bytes

INTERVIEW = """\
---
interviewer:
  name: Dana Whitfield
meeting:
  date: 2026-11-01
# comments stay where they are
follow_up:
  may_contact_again: true
---
## Notes
- **Takeaway:** keep in touch
"""


def start(workspace: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOVIEW")}
    return subprocess.Popen(
        [sys.executable, "-m", "infoview", *args, "--workspace", str(workspace)],
        cwd=workspace,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err


@pytest.fixture
def interview(workspace: Path) -> Path:
    path = workspace / "interviews" / "2026-11-01-dana.md"
    path.write_text(INTERVIEW, encoding="utf-8")
    return path


def entries(path: Path) -> list[str]:
    return [entry.note for entry in parse_bytes(path.read_bytes(), path).follow_up.keep_in_touch]


def test_twelve_logs_two_at_a_time_leave_twelve_entries(workspace: Path, interview: Path) -> None:
    rel = "interviews/2026-11-01-dana.md"
    for pair in range(6):
        finish(
            [
                start(workspace, "log", rel, "--note", f"note {2 * pair + n}", "--on", "2026-11-20")
                for n in range(2)
            ]
        )
    assert sorted(entries(interview)) == sorted(f"note {n}" for n in range(12))
    text = interview.read_text(encoding="utf-8")
    assert text.startswith(INTERVIEW.split("---\n## Notes")[0])  # the rest is byte-identical
    assert text.endswith("---\n## Notes\n- **Takeaway:** keep in touch\n")
    assert sorted(p.name for p in interview.parent.iterdir()) == ["2026-11-01-dana.md"]


def test_edits_of_three_kinds_at_once_all_land(workspace: Path, interview: Path) -> None:
    rel = "interviews/2026-11-01-dana.md"
    runs = [
        start(workspace, "log", rel, "--note", f"note {n}", "--on", "2026-11-20") for n in range(3)
    ]
    runs += [start(workspace, "referral", rel, "--name", f"Person {n}") for n in range(2)]
    runs.append(start(workspace, "thanks", "--mark-sent", rel, "--on", "2026-11-02"))
    finish(runs)
    after = parse_bytes(interview.read_bytes(), interview)
    assert sorted(e.note for e in after.follow_up.keep_in_touch) == [f"note {n}" for n in range(3)]
    assert sorted(r.name for r in after.referrals) == [f"Person {n}" for n in range(2)]
    assert str(after.follow_up.thank_you_sent) == "2026-11-02"
    assert not after.problems
