"""Nothing hangs: hostile 100 kB lines are read in bounded time by the real command.

Each case runs ``infoview`` in a subprocess with a timeout, so a regression fails the test
(``subprocess.TimeoutExpired``) instead of hanging the suite; ``test_bounded_regex.py``
times every pattern on its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import create_workspace
from samples import FRONT, TODAY

N = 100_000


def infoview(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infoview", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def doc(front: str, body: str) -> str:
    return f"---\n{front}---\n{body}"


BODY = "## Research\n- **Work history:** x\n\n## Questions\n### Goal 1\n- Why?\n"

HOSTILE_LINES = {
    "unclosed-disable": "<!-- infoview-disable" + " " * N,
    "tag-with-nbsp": "<a b=" + "\u00a0" * N,
    "tag-with-line-separator": "<A _=" + "\u2028" * N,
    "comment-openers": "<!--" * (N // 4),
    "goal-heading-spaces": "### goal" + " " * N,
    "emphasis-run": "*a" * (N // 2),
}


def test_hostile_body_lines_lint_in_bounded_time(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    for name, line in HOSTILE_LINES.items():
        body = BODY.replace("### Goal 1\n", f"### Goal 1\n{line}\n\n")
        (root / "interviews" / f"{name}.md").write_text(doc(FRONT, body), encoding="utf-8")
    result = infoview("lint", "--format", "json", "--today", TODAY, cwd=root)
    assert result.returncode in (0, 1), result.stderr
    found = json.loads(result.stdout)
    files = {Path(d["path"]).stem for d in found}
    assert files <= set(HOSTILE_LINES)
    assert "Traceback" not in result.stderr


def test_hostile_front_matter_values_lint_in_bounded_time(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    location = "a." * (N // 2)
    duration = '"30' + " " * N + 'x"'
    front = FRONT.replace("https://meet.example.com/abc", location).replace(
        "duration: 30", f"duration: {duration}"
    )
    (root / "interviews" / "values.md").write_text(doc(front, BODY), encoding="utf-8")
    result = infoview("lint", "--format", "json", "--today", TODAY, cwd=root)
    codes = sorted((d["code"], d["line"]) for d in json.loads(result.stdout))
    assert ("IV404", 9) in codes  # "a.a.a..." is not a link
    assert ("IV002", 7) in codes  # "30   ...x" is not a number of minutes


def test_hostile_config_lines_are_read_in_bounded_time(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    # A valid file with an unknown key: finding its line scans a 100 kB "[   ..." line.
    config = 'intro_text = """\n[' + " " * N + '\n"""\n[lint]\nthank_you_dayz = 2\n'
    (root / "infoview.toml").write_text(config, encoding="utf-8")
    result = infoview("lint", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "infoview.toml" in result.stderr
    assert "'intro_text': unknown key" in result.stderr
    # Broken TOML: the parser's message is cut at its position, not by a regex over it.
    (root / "infoview.toml").write_text("[" + " " * N, encoding="utf-8")
    result = infoview("lint", cwd=root)
    assert result.returncode == 2
    assert "invalid TOML" in result.stderr


# -- a packet's size is bounded -------------------------------------------------------------

QUESTIONS = "## Research\n- **Work history:** x\n\n## Questions\n### Goal 1\n"


def test_a_40_kb_line_of_emphasis_renders_as_plain_text_in_bounded_time(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    line = "*a*a*" * 8000  # 40 kB, a few thousand emphasis spans in one item
    (root / "interviews" / "em.md").write_text(doc(FRONT, QUESTIONS + f"- {line}?\n"))
    result = infoview("packet", cwd=root, timeout=300)  # minutes without the bound
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "  interviews/em.md: not included: formatting of 1 item: shown as plain text, since "
        "more than 100 emphasis, link or code spans in one item (or 5000 in a packet) take "
        "too long to lay out\n"
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(root / "build/packets/em.pdf").pages)
    assert "aaaaaaaaaa" in "".join(text.split())


def test_a_5_mb_interview_of_questions_is_refused_clearly(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    question = "- What would you tell someone starting out in this work today?\n"
    count = 5 * 1024 * 1024 // len(question)
    body = QUESTIONS + question * count
    (root / "interviews" / "big.md").write_text(doc(FRONT, body))
    result = infoview("packet", "--html", cwd=root, timeout=300)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"  interviews/big.md: too much for one packet: {count + 3} research items, goals "
        "and questions with "
    )
    assert result.stderr.endswith(
        "(a packet shows at most 500 items and 131072 characters); keep long notes under "
        "## Notes, or split the interview into several files\n"
    )
    assert not (root / "build" / "packets" / "big.html").exists()


def test_a_5_mb_interview_of_notes_still_makes_its_packet(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    note = "- the firm pays for certification and pairs new paralegals up.\n"
    body = BODY + "\n## Notes\n" + note * (5 * 1024 * 1024 // len(note))
    (root / "interviews" / "notes.md").write_text(doc(FRONT, body))
    result = infoview("packet", "--html", cwd=root, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (root / "build" / "packets" / "notes.html").stat().st_size < 200_000


# -- configured patterns ------------------------------------------------------------------------


def test_a_configured_pattern_that_repeats_a_repetition_is_a_config_error(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    with (root / "infoview.toml").open("a") as config:
        config.write('\n[lint]\njob_seeking = ["hire me", "(\\\\w+\\\\s?)*$"]\n')
    result = infoview("lint", cwd=root)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "'lint.job_seeking': pattern '(\\\\w+\\\\s?)*$': it repeats a repetition (like (a+)+), "
        "which can take exponential time; write it without the outer repetition\n"
    )


def test_a_polynomial_configured_pattern_sees_a_bounded_text(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    with (root / "infoview.toml").open("a") as config:
        config.write('\n[lint]\nanswerable_online = ["a*a*a*x", "surprised"]\n')
    question = "- Which cases surprised you " + "a" * N + "?\n"  # a*a*a*x: cubic on it
    (root / "interviews" / "q.md").write_text(doc(FRONT, QUESTIONS + question))
    result = infoview("lint", "--format", "json", "--today", TODAY, cwd=root)
    found = [d for d in json.loads(result.stdout) if d["code"] == "IV303"]
    assert [d["line"] for d in found] == [20]
    assert 'matches your [lint] answerable_online pattern ("surprised")' in found[0]["message"]
