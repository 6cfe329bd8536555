"""``infoview lint --fix``: missing sections are added as skeletons; nothing else changes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from infoview.cli import cli

RESEARCH = """\
## Research
<!-- Find their work history, education, and awards, certifications and memberships
     (LinkedIn, the organisation's website, interviews or features
     on the web). What do you have in common? Never meet someone you have not researched. -->
- **Work history:**
- **Education:**
- **Credentials:**
- **In common:**
- **Sources:**
"""
QUESTIONS_HEAD = """\
## Questions
<!-- Questions a website can't answer, as specific as possible, grouped by goal.
     Don't ask for a job: this meeting is for learning. -->
"""
NOTES = """\
## Notes
<!-- Take notes during the meeting: things to follow up on, and advice worth naming in
     your thank-you note, e.g. "- **Takeaway:** ..." -->
"""
FOLLOW_UP = """\
## Follow-up
<!-- Send a simple thank-you within 1-2 days; keep in touch and tell them what came of
     their advice. -->
"""
FRONT = """\
---
interviewer:
  name: Dana Whitfield   # required
learning_goals:
  - Learn how this firm uses paralegals.
  - Learn about the path from paralegal to lawyer.
---
"""
COMPLETE = (
    FRONT
    + """\
## Research
- **Work history:** ten years in estate planning
## Questions
### Goal 1
- Which tasks do paralegals here handle end to end?
### Goal 2
- What made you stay a paralegal?
## Notes
## Follow-up
"""
)


def questions(*goals: int) -> str:
    return QUESTIONS_HEAD + "".join(f"### Goal {n}\n-\n" for n in goals)


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


def put(ws: Path, data: str | bytes, stem: str = "x") -> Path:
    path = ws / "interviews" / f"{stem}.md"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def fix(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(
        cli,
        ["lint", "--fix", "--today", "2026-11-20", "--format", "json", "interviews/x.md", *args],
    )


def messages(result: Result) -> list[tuple[str, int, str]]:
    return [(d["code"], d["line"], d["message"]) for d in json.loads(result.stdout)]


def test_all_four_sections_added_in_order(runner: CliRunner, ws: Path) -> None:
    before = FRONT + "# Dana Whitfield\nMet at the bar association mixer.\n"
    path = put(ws, before)
    result = fix(runner)
    assert result.stderr == (
        "fixed: interviews/x.md: added ## Research, ## Questions, ## Notes, ## Follow-up\n"
    )
    assert path.read_text(encoding="utf-8") == (
        before + "\n" + RESEARCH + "\n" + questions(1, 2) + "\n" + NOTES + "\n" + FOLLOW_UP
    )


def test_research_inserted_before_existing_questions(runner: CliRunner, ws: Path) -> None:
    rest = "\n## Questions\n### Goal 1\n- What do you do each day?\n\n## Notes\n\n## Follow-up\n"
    path = put(ws, FRONT + rest)
    result = fix(runner)
    assert result.stderr == "fixed: interviews/x.md: added ## Research\n"
    assert path.read_text(encoding="utf-8") == (
        FRONT
        + "\n"
        + RESEARCH
        + "\n"
        + "## Questions\n### Goal 1\n- What do you do each day?\n\n## Notes\n\n## Follow-up\n"
    )


def test_middle_sections_inserted_before_follow_up(runner: CliRunner, ws: Path) -> None:
    front = "---\ninterviewer:\n  name: Dana\n---\n"  # no learning goals: one Goal 1
    research = "## Research\n- **Education:** JD, Lewis & Clark\n\n"
    follow = "## Follow-up\nSent the card.\n"
    path = put(ws, front + research + follow)
    result = fix(runner)
    assert result.stderr == "fixed: interviews/x.md: added ## Questions, ## Notes\n"
    assert path.read_text(encoding="utf-8") == (
        front + research + questions(1) + "\n" + NOTES + "\n" + follow
    )


def test_body_without_final_newline_gets_a_separating_blank_line(
    runner: CliRunner, ws: Path
) -> None:
    body = "## Research\nx\n## Questions\n### Goal 1\n- Why?\n## Notes\n- kind"
    path = put(ws, FRONT + body)
    assert fix(runner).stderr == "fixed: interviews/x.md: added ## Follow-up\n"
    assert path.read_text(encoding="utf-8") == FRONT + body + "\n\n" + FOLLOW_UP


def test_crlf_and_bom_are_kept(runner: CliRunner, ws: Path) -> None:
    before = "\ufeff---\r\ninterviewer:\r\n  name: Dana\r\n---\r\n## Questions\r\n- Why?\r\n"
    path = put(ws, before)
    result = fix(runner)
    assert result.stderr == "fixed: interviews/x.md: added ## Research, ## Notes, ## Follow-up\n"
    expected = (
        "\ufeff---\r\ninterviewer:\r\n  name: Dana\r\n---\r\n"
        + RESEARCH.replace("\n", "\r\n")
        + "\r\n## Questions\r\n- Why?\r\n\r\n"
        + NOTES.replace("\n", "\r\n")
        + "\r\n"
        + FOLLOW_UP.replace("\n", "\r\n")
    )
    assert path.read_bytes() == expected.encode("utf-8")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(COMPLETE, id="complete"),
        pytest.param(COMPLETE.replace("\n", "\r\n"), id="complete-crlf"),
        pytest.param(
            FRONT + "Research\n--------\nx\n\n## QUESTIONS\n- Why?\n## notes\n## Follow up\n",
            id="setext-and-case-and-follow-up-spelling",
        ),
    ],
)
def test_complete_file_is_not_touched(runner: CliRunner, ws: Path, text: str) -> None:
    path = put(ws, text)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    result = fix(runner)
    assert result.stderr == ""
    assert path.read_bytes() == text.encode("utf-8")
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000


def test_relint_reports_the_empty_research_not_the_missing_one(runner: CliRunner, ws: Path) -> None:
    put(ws, FRONT + "## Questions\n### Goal 1\n- Which tasks?\n### Goal 2\n- Why?\n## Notes\n")
    missing = (
        "IV101",
        1,
        "no '## Research' section; add one with what you found about the interviewer",
    )
    plain = runner.invoke(
        cli, ["lint", "--today", "2026-11-20", "--format", "json", "interviews/x.md"]
    )
    assert missing in messages(plain)

    fixed = fix(runner)
    assert fixed.exit_code == 1  # IV101 is an error
    found = messages(fixed)
    assert missing not in found
    assert [m for m in found if m[0] == "IV101"] == [
        (
            "IV101",
            8,
            "Research is empty; write what you found (work history, education, credentials)",
        )
    ]


def test_unclosed_front_matter_is_left_alone(runner: CliRunner, ws: Path) -> None:
    before = "---\ninterviewer:\n  name: Dana\n## Notes\n"
    path = put(ws, before)
    result = fix(runner)
    assert result.stderr == ""
    assert path.read_bytes() == before.encode()
    assert (
        "IV001",
        1,
        "front matter opened with '---' is never closed; add a line '---' after the last key",
    ) in messages(result)


def test_invalid_utf8_is_left_alone(runner: CliRunner, ws: Path) -> None:
    before = b"---\ninterviewer:\n  name: Dana \xff\n---\n"
    path = put(ws, before)
    result = fix(runner)
    assert result.stderr == ""
    assert path.read_bytes() == before
    assert (
        "IV001",
        3,
        "file is not valid UTF-8 (byte 0xff); re-save it as UTF-8 in your editor",
    ) in messages(result)


def test_fix_text_adds_only_the_sections_asked_for(ws: Path) -> None:
    """The language server offers each skeleton as its own action."""
    from infoview.fix import fix_text
    from infoview.workspace import open_workspace

    before = FRONT + "# Dana Whitfield\n"
    new, added = fix_text(open_workspace(ws), before, Path("x.md"), only={"notes"})
    assert (new, added) == (before + "\n" + NOTES, ("Notes",))
    assert fix_text(open_workspace(ws), new, Path("x.md"), only={"notes"}) == (new, ())


# -- what the fix refuses, and where its line breaks come from ------------------------------

REFUSED_ORDER = (
    "error: cannot fix: interviews/x.md: could not add the missing sections safely (they "
    "would not read back in the method's order); nothing was written\n"
)


def override(ws: Path, key: str, text: str) -> None:
    (ws / "templates").mkdir(exist_ok=True)
    (ws / "templates" / f"section-{key}.md.j2").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "template",
    [
        pytest.param("## Research\n```\n", id="leaves-a-code-block-open"),
        pytest.param("## Research\n<!--\n", id="leaves-a-comment-open"),
        pytest.param("## Questions\n## Research\n", id="puts-its-heading-after-questions"),
    ],
)
def test_a_template_override_that_would_move_or_swallow_a_section_is_refused(
    runner: CliRunner, ws: Path, template: str
) -> None:
    before = FRONT + "## Questions\n### Goal 1\n- Why?\n## Notes\n## Follow-up\n"
    path = put(ws, before)
    override(ws, "research", template)
    result = fix(runner)
    assert result.exit_code == 2
    assert result.stderr == REFUSED_ORDER
    assert path.read_bytes() == before.encode()


def test_a_section_appended_inside_an_open_code_block_is_refused(
    runner: CliRunner, ws: Path
) -> None:
    before = FRONT + "## Research\nx\n## Questions\n- Why?\n## Notes\n```\nraw notes\n"
    path = put(ws, before)
    result = fix(runner)
    assert result.exit_code == 2
    assert result.stderr == REFUSED_ORDER
    assert path.read_bytes() == before.encode()


def test_a_template_that_adds_a_problem_is_refused(runner: CliRunner, ws: Path) -> None:
    before = FRONT + "## Research\nx\n## Questions\n- Why?\n## Follow-up\n"
    path = put(ws, before)
    override(ws, "notes", "## Notes\nbad \x00 byte\n")
    result = fix(runner)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: cannot fix: interviews/x.md: could not add the missing sections safely (the "
        "result reads differently); nothing was written\n"
    )
    assert path.read_bytes() == before.encode()


def test_a_problem_in_the_body_does_not_stop_the_fix(runner: CliRunner, ws: Path) -> None:
    before = FRONT + "## Research\n- a\x00b\n## Notes\n"  # IV001: a NUL byte in the body
    path = put(ws, before)
    result = fix(runner)
    assert result.stderr == "fixed: interviews/x.md: added ## Questions, ## Follow-up\n"
    assert path.read_text(encoding="utf-8") == (
        FRONT + "## Research\n- a\x00b\n" + questions(1, 2) + "\n## Notes\n\n" + FOLLOW_UP
    )


def test_a_section_takes_the_line_break_of_the_line_it_goes_before(
    runner: CliRunner, ws: Path
) -> None:
    # the front matter and the last line end in LF; the Questions heading in CRLF
    body = "## Questions\r\n- Why?\r\n## Notes\r\n- kind\r\n## Follow-up\n"
    path = put(ws, FRONT + body)
    assert fix(runner).stderr == "fixed: interviews/x.md: added ## Research\n"
    assert path.read_bytes() == (FRONT + RESEARCH.replace("\n", "\r\n") + "\r\n" + body).encode()


def test_a_section_at_the_end_takes_the_last_line_break(runner: CliRunner, ws: Path) -> None:
    body = "## Research\r\nx\r\n## Questions\r\n- Why?\r\n## Notes\r\n- kind\n"
    path = put(ws, FRONT.replace("\n", "\r\n") + body)
    assert fix(runner).stderr == "fixed: interviews/x.md: added ## Follow-up\n"
    assert path.read_bytes() == (FRONT.replace("\n", "\r\n") + body + "\n" + FOLLOW_UP).encode()


def test_a_body_ending_in_a_blank_line_gets_no_second_one(runner: CliRunner, ws: Path) -> None:
    body = "## Research\nx\n## Questions\n- Why?\n## Notes\n- kind\n\n"
    path = put(ws, FRONT + body)
    assert fix(runner).stderr == "fixed: interviews/x.md: added ## Follow-up\n"
    assert path.read_text(encoding="utf-8") == FRONT + body + FOLLOW_UP


SKELETON = RESEARCH + "\n" + questions(1) + "\n" + NOTES + "\n" + FOLLOW_UP


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("", SKELETON, id="empty"),
        pytest.param("\ufeff", "\ufeff" + SKELETON, id="only-a-bom"),
        pytest.param("notes", "notes\n\n" + SKELETON, id="one-line-without-a-break"),
    ],
)
def test_a_file_without_front_matter_or_line_breaks_gets_lf_skeletons(
    runner: CliRunner, ws: Path, before: str, after: str
) -> None:
    path = put(ws, before)
    assert fix(runner).stderr == (
        "fixed: interviews/x.md: added ## Research, ## Questions, ## Notes, ## Follow-up\n"
    )
    assert path.read_bytes() == after.encode()


def test_a_section_typed_in_meanwhile_is_kept_and_the_report_says_what_was_added(
    runner: CliRunner, ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saving in place while the fix runs: the fix runs again on its text."""
    from infoview import fix as fix_module

    path = put(ws, FRONT + "## Research\nx\n## Questions\n- Why?\n")
    real, calls = fix_module.fix_text, []

    def typed_meanwhile(*args: Any, **kwargs: Any) -> tuple[str, tuple[str, ...]]:
        calls.append(args[1])
        if len(calls) == 1:
            with path.open("a", encoding="utf-8") as handle:  # no lock, no rename
                handle.write("## Notes\n- typed meanwhile\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(fix_module, "fix_text", typed_meanwhile)
    assert fix(runner).stderr == "fixed: interviews/x.md: added ## Follow-up\n"
    assert len(calls) == 2
    assert path.read_text(encoding="utf-8") == (
        FRONT + "## Research\nx\n## Questions\n- Why?\n## Notes\n- typed meanwhile\n\n" + FOLLOW_UP
    )
