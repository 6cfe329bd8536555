"""Recording commands never silently change history: refusals leave files byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from infoview.cli import cli

FRONT = """\
---
interviewer:
  name: Dana Whitfield   # she prefers Dana
meeting:
  date: 2026-12-03T10:00
  duration: 30
formality: formal
referrals:
  - name: Aisha Rahman
    note: Probate attorney
    contact: aisha@example.com
{extra}---

## Notes
"""
SENT = "follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: email\n"
REL = "interviews/2026-12-03-dana.md"


@pytest.fixture
def ws(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(workspace)
    return workspace


def put(ws: Path, extra: str = "", stem: str = "2026-12-03-dana") -> Path:
    path = ws / "interviews" / f"{stem}.md"
    path.write_text(FRONT.format(extra=extra), encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str) -> Result:
    today = [] if args[0] == "referral" else ["--today", "2026-12-06"]  # it takes no --today
    return runner.invoke(cli, [*args, *today])


def unchanged(path: Path, before: bytes, mtime: int) -> bool:
    return path.read_bytes() == before and path.stat().st_mtime_ns == mtime


# -- thanks --mark-sent ------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        ["--on", "2026-12-05"],  # another date
        ["--on", "2026-12-04", "--via", "card"],  # another channel
        ["--on", "2026-12-05", "--dry-run"],  # a dry run is refused the same way
    ],
)
def test_a_second_mark_sent_is_refused(runner: CliRunner, ws: Path, options: list[str]) -> None:
    path = put(ws, SENT)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    result = run(runner, "thanks", REL, "--mark-sent", *options)
    assert (result.exit_code, result.stdout) == (1, "")
    new = options[1] + (" (handwritten)" if "card" in options else " (email)")
    assert result.stderr == (
        f"error: {REL}:13: the thank-you is already recorded as sent on 2026-12-04 (email); "
        f"nothing changed. To record {new} instead, add --replace\n"
    )
    assert unchanged(path, before, mtime)


def test_replace_overrides_and_says_what_it_replaced(runner: CliRunner, ws: Path) -> None:
    path = put(ws, SENT)
    result = run(runner, "thanks", REL, "--mark-sent", "--on", "2026-12-05", "--replace")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{REL}: thank-you sent 2026-12-05 (email), replacing 2026-12-04 (email)\n"
    )
    assert path.read_text(encoding="utf-8") == FRONT.format(
        extra=SENT.replace("2026-12-04", "2026-12-05")
    )


def test_the_same_record_again_changes_nothing(runner: CliRunner, ws: Path) -> None:
    path = put(ws, SENT)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    result = run(runner, "thanks", REL, "--mark-sent", "--on", "2026-12-04")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{REL}: thank-you already recorded as sent 2026-12-04 (email); nothing changed\n"
    )
    assert unchanged(path, before, mtime)


def test_one_refusal_spares_the_other_files(runner: CliRunner, ws: Path) -> None:
    sent = put(ws, SENT)
    other = put(ws, stem="2026-12-03-lee")
    before = sent.read_bytes()
    result = run(runner, "thanks", REL, "interviews/2026-12-03-lee.md", "--mark-sent")
    assert result.exit_code == 1
    assert result.stdout == "interviews/2026-12-03-lee.md: thank-you sent 2026-12-06 (email)\n"
    assert result.stderr.startswith(f"error: {REL}:13: the thank-you is already recorded")
    assert sent.read_bytes() == before
    assert "thank_you_sent: 2026-12-06" in other.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "via"),
    [
        (["--via", "card"], "handwritten"),
        (["--via", "handwritten"], "handwritten"),
        (["--via", "email"], "email"),
        (["--format", "handwritten"], "handwritten"),
        (["--format", "card"], "handwritten"),
    ],
)
def test_via_and_format_take_the_same_channel_words(
    runner: CliRunner, ws: Path, options: list[str], via: str
) -> None:
    path = put(ws)
    result = run(runner, "thanks", REL, "--mark-sent", *options)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{REL}: thank-you sent 2026-12-06 ({via})\n"
    assert f"  thank_you_via: {via}\n" in path.read_text(encoding="utf-8")


def test_format_handwritten_writes_the_card(runner: CliRunner, ws: Path) -> None:
    put(ws)
    result = run(runner, "thanks", REL, "--format", "handwritten")
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote      build/thanks/2026-12-03-dana.pdf (card)\n"


def test_mark_sent_before_the_meeting_warns(runner: CliRunner, ws: Path) -> None:
    path = put(ws)
    result = run(runner, "thanks", REL, "--mark-sent", "--on", "2026-12-01")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {REL}: --on 2026-12-01 is before the meeting (2026-12-03); recorded anyway\n"
    )
    assert "thank_you_sent: 2026-12-01" in path.read_text(encoding="utf-8")


# -- referral ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--name", "Aisha Rahman"],
        ["--name", "  aisha   RAHMAN "],  # case and spaces
        ["--name", "Aïsha Rahmán"],  # accents, as network compares names
        ["--name", "Aisha Rahman", "--note", "Probate attorney"],  # the same details
        ["--name", "A. Rahman", "--contact", "AISHA@example.com"],  # the same email
    ],
)
def test_a_referral_already_there_is_not_added_twice(
    runner: CliRunner, ws: Path, args: list[str]
) -> None:
    path = put(ws)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    result = run(runner, "referral", REL, *args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{REL}: Aisha Rahman is already a referral (line 9); nothing changed\n"
    assert unchanged(path, before, mtime)


def test_a_referral_already_there_with_other_details_is_refused(
    runner: CliRunner, ws: Path
) -> None:
    path = put(ws)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    result = run(runner, "referral", REL, "--name", "aisha rahman", "--note", "Estate lawyer")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: {REL}:9: Aisha Rahman is already a referral, with another note; nothing "
        "changed. Edit that entry to change it\n"
    )
    assert unchanged(path, before, mtime)


def test_a_dry_run_of_a_known_referral_says_why_nothing_changes(
    runner: CliRunner, ws: Path
) -> None:
    put(ws)
    result = run(runner, "referral", REL, "--name", "Aisha Rahman", "--dry-run")
    assert (result.exit_code, result.stdout) == (
        0,
        f"{REL}: no change (Aisha Rahman is already a referral (line 9); nothing changed)\n",
    )


def test_a_new_person_is_added(runner: CliRunner, ws: Path) -> None:
    path = put(ws)
    result = run(runner, "referral", REL, "--name", "Aisha Rahmani")
    assert (result.exit_code, result.stdout) == (0, f"{REL}: added referral Aisha Rahmani\n")
    assert path.read_text(encoding="utf-8").count("- name: ") == 2


# -- log -------------------------------------------------------------------------------------


def test_log_before_the_meeting_warns_and_records(runner: CliRunner, ws: Path) -> None:
    path = put(ws)
    result = run(runner, "log", REL, "--note", "Sent the article", "--on", "2026-11-30")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {REL}: 2026-11-30 is before the meeting (2026-12-03); keeping in touch "
        "comes after it. Recorded anyway: check --on\n"
    )
    assert result.stdout == f"{REL}: logged contact on 2026-11-30\n"
    assert "- date: 2026-11-30\n" in path.read_text(encoding="utf-8")


def test_log_after_the_meeting_is_quiet(runner: CliRunner, ws: Path) -> None:
    put(ws)
    result = run(runner, "log", REL, "--note", "Sent the article", "--on", "2026-12-03")
    assert (result.exit_code, result.stderr) == (0, "")
