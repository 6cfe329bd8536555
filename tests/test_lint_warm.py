"""Forked lint workers start warm: the parent loads the parser, rules and grammar once.

Each case runs in a fresh interpreter, so what is loaded is what ``_warm`` loaded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lint_corpus import CONFIG, CORPUS


def _fresh(code: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "interviews").mkdir()
    (tmp_path / "infoview.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_warming_loads_the_parser_every_selected_rule_and_the_grammar(ws: Path) -> None:
    code = """
import sys
from pathlib import Path
from infoview.lint import runner
from infoview.lint.cache.entries import Entries
from infoview.lint.command import context, selection
from infoview.workspace import open_workspace
ws = open_workspace(Path.cwd())
chosen = selection(ws.config)
entries = Entries(context(ws.config, None), chosen, cached=False)
assert "infoview.parse" not in sys.modules and "infoview.judge" not in sys.modules
runner._warm(runner._Run(None, entries, [], ws.root))
from infoview import judge
rules = [m for m in sys.modules if m.startswith("infoview.lint.rules.iv")]
print(len(rules), len(chosen.enabled), "infoview.parse" in sys.modules)
print(judge.compiled.cache_info().currsize, judge._read.cache_info().currsize)
"""
    counts, cached = _fresh(code, ws).splitlines()
    assert counts == "28 28 True"
    assert cached == "1 1"  # the grammar, compiled; the one question it read


def test_the_parent_warms_up_once_before_it_forks(ws: Path) -> None:
    text = str(CORPUS["questions"])
    for n in range(8):
        (ws / "interviews" / f"2026-12-0{n + 1}-x.md").write_text(text, encoding="utf-8")
    code = """
import sys
from infoview.lint import runner
calls = []
warm = runner._warm
runner._warm = lambda run: (calls.append(len(run.targets)), warm(run))
runner._cores = lambda: 2
runner.PARALLEL_FROM = 0.5
from infoview.cli import main
sys.argv = ["infoview", "lint", "--no-cache", "--format", "json"]
try:
    main()
except SystemExit:
    pass
print("CALLS", calls)
"""
    assert _fresh(code, ws).splitlines()[-1] == "CALLS [8]"


def test_it_warms_up_only_for_enough_files_to_lint_not_for_cache_hits(ws: Path) -> None:
    """A hit needs neither the parser nor the judge: warming up for hits is pure cost."""
    text = str(CORPUS["questions"])
    paths = [ws / "interviews" / f"2026-12-0{n + 1}-x.md" for n in range(8)]
    for path in paths:
        path.write_text(text, encoding="utf-8")
    code = """
import sys
from infoview.lint import runner
calls = []
warm = runner._warm
runner._warm = lambda run: (calls.append(len(run.targets)), warm(run))
runner._cores = lambda: 2
runner.PARALLEL_FROM = 1.5  # 8 hits 0.8: no fork; 1 miss 1.9: fork; 8 misses 9.6: fork
from infoview.cli import main
sys.argv = ["infoview", "lint", "--format", "json"]
try:
    main()
except SystemExit:
    pass
print("CALLS", calls)
"""
    assert _fresh(code, ws).splitlines()[-1] == "CALLS [8]"  # no cache yet: all misses
    paths[0].write_text(text + "\n", encoding="utf-8")
    assert _fresh(code, ws).splitlines()[-1] == "CALLS []"  # forked for 7 hits and 1 miss
    for path in paths:
        path.write_text(text + "\n\n", encoding="utf-8")
    assert _fresh(code, ws).splitlines()[-1] == "CALLS [8]"  # 8 misses: warm first
