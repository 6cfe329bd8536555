"""Pay only for what the run uses: what ``infoview --help`` and ``infoview lint`` import.

Each case runs the real CLI in a fresh interpreter and lists ``sys.modules`` afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lint_corpus import CONFIG, CORPUS

NEVER = {"weasyprint", "watchdog", "jinja2", "pygls", "icalendar", "pypdf"}
PARSER = {
    "infoview.yamlfast",
    "infoview.parse",
    "infoview.scan",
    "infoview.blocks",
    "infoview.yamlpos",
    "infoview.schema",
}


def modules_after(*argv: str, cwd: Path) -> set[str]:
    code = (
        "import sys\n"
        "from infoview.cli import main\n"
        f"sys.argv = ['infoview', *{list(argv)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, 1, None), exc.code\n"
        "print('MODULES', ' '.join(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert done.returncode == 0, done.stderr
    line = done.stdout.splitlines()[-1]
    assert line.startswith("MODULES "), done.stdout
    names = set(line.split()[1:])
    return names | {name.split(".")[0] for name in names}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "interviews").mkdir()
    (tmp_path / "infoview.toml").write_text(CONFIG, encoding="utf-8")
    text = CORPUS["questions"]
    assert isinstance(text, str)
    (tmp_path / "interviews" / "one.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_help_imports_no_command_s_machinery(ws: Path) -> None:
    names = modules_after("--help", cwd=ws)
    assert not names & (NEVER | PARSER | {"sqlite3", "infoview.lint", "tomllib"})


def test_lint_of_one_file_imports_the_parser_only_when_it_must(ws: Path) -> None:
    args = ("lint", "--today", "2026-12-06", "interviews/one.md")
    cold = modules_after(*args, cwd=ws)
    assert not cold & NEVER
    assert cold >= PARSER  # nothing cached yet: the file is parsed
    assert "markdown_it" not in cold  # by the scanner alone: its body holds nothing unusual
    assert "yaml" not in cold  # plain front matter: read without PyYAML
    assert "email" not in cold  # a plain ASCII address: checked without the email package
    hit = modules_after(*args, cwd=ws)
    assert not hit & (NEVER | PARSER)
    rules = {name for name in hit if name.startswith("infoview.lint.rules.iv")}
    assert len(rules) == 28  # every selected rule is asked whether it depends on the day


def test_lint_of_a_body_the_scanner_declines_imports_markdown_it(ws: Path) -> None:
    one = ws / "interviews" / "one.md"
    one.write_text(one.read_text(encoding="utf-8") + "\n```\nfenced\n```\n", encoding="utf-8")
    assert "markdown_it" in modules_after("lint", "--no-cache", "interviews/one.md", cwd=ws)


def test_lint_of_front_matter_off_the_plain_shape_imports_pyyaml(ws: Path) -> None:
    one = ws / "interviews" / "one.md"
    lines = one.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "---" and lines[1].endswith(":")
    lines[1] += "  # a comment after a key"
    one.write_text("\n".join(lines), encoding="utf-8")
    names = modules_after("lint", "--no-cache", "interviews/one.md", cwd=ws)
    assert {"yaml", "infoview.yamlfast"} <= names


def test_lint_imports_only_the_selected_rules(ws: Path) -> None:
    (ws / "infoview.toml").write_text(CONFIG + '\n[lint]\nselect = ["IV003", "goals-missing"]\n')
    names = modules_after("lint", "--no-cache", cwd=ws)
    rules = {name for name in names if name.startswith("infoview.lint.rules.")}
    assert rules == {
        "infoview.lint.rules.iv003_interviewer_missing",
        "infoview.lint.rules.iv201_goals_missing",
        "infoview.lint.rules._common",
    }


def test_rules_imports_no_parser(ws: Path) -> None:
    assert not modules_after("rules", cwd=ws) & (NEVER | PARSER | {"sqlite3"})
