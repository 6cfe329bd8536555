"""``make mutate``'s own logic: which mutants it makes, the allow-list, and that it never
writes the project (tools/mutate). The mutation runs themselves are not part of make test.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tools.mutate import equivalent, regex
from tools.mutate.collect import import_time_lines
from tools.mutate.mutants import function_lines, mutants
from tools.mutate.run import CoverageMap, Processes, Sandbox, run_mutants

ROOT = Path(__file__).resolve().parent.parent

SAMPLE = '''\
"""A module docstring, never mutated."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

LIMIT = 10
WORDS = re.compile(r"\\b(?:firm|company)\\b")
LABEL = "Work history"


def total(items: list[int], path: Path | None = None) -> int:
    """Nor a function's."""
    assert items is not None
    result = 0
    for item in items:
        if item < LIMIT and item != 3:
            result += item
        elif not item:
            continue
    result = result - 1
    print(result)  # mutate: skip
    return result


def pattern(org: str) -> str:
    return rf"(?:work at {org}|visit)"
'''


def test_each_kind_of_mutant_at_its_line_and_column() -> None:
    found = [(m.line, m.col, m.op, m.change) for m in mutants(SAMPLE, "pkg/sample.py")]
    assert found == [
        (11, 9, "number", "`10` -> `11`"),
        (11, 9, "number", "`10` -> `9`"),
        (12, 27, "regex", "drop 'firm' from 'firm|company'"),
        (12, 32, "regex", "drop 'company' from 'firm|company'"),
        (13, 9, "string", "'Work history' -> ''"),
        (19, 14, "number", "`0` -> `1`"),
        (19, 14, "number", "`0` -> `-1`"),
        (21, 12, "negate", "negate `item < LIMIT and item != 3`"),
        (21, 25, "boolop", "`and` -> `or`"),
        (21, 17, "compare", "`<` -> `<=`"),
        (21, 34, "compare", "`!=` -> `==`"),
        (21, 37, "number", "`3` -> `4`"),
        (21, 37, "number", "`3` -> `2`"),
        (22, 13, "delete", "delete `result += item`"),
        (23, 14, "negate", "negate `not item`"),
        (24, 13, "delete", "delete `continue`"),
        (25, 5, "delete", "delete `result = result - 1`"),  # a re-assignment: deletable
        (25, 21, "arith", "`-` -> `+`"),
        (25, 23, "number", "`1` -> `2`"),
        (25, 23, "number", "`1` -> `0`"),
        (27, 5, "return", "`return result` -> `return None`"),
        (31, 5, "return", "`return f'(?:work at {org}|visit)'` -> `return None`"),
        (31, 18, "regex", "drop 'work at {org}' from 'work at {org}|visit'"),
        (31, 32, "regex", "drop 'visit' from 'work at {org}|visit'"),
    ]
    # never: docstrings, the TYPE_CHECKING block, the assert, annotations, the first
    # binding of a name, the pragma line, the `None` default


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]


@pytest.mark.parametrize(
    ("line", "change", "expected"),
    [
        (21, "`<` -> `<=`", "        if (item <= LIMIT) and item != 3:"),
        (21, "`and` -> `or`", "        if (item < LIMIT or item != 3):"),
        (
            21,
            "negate `item < LIMIT and item != 3`",
            "        if (not (item < LIMIT and item != 3)):",
        ),
        (22, "delete `result += item`", "            pass"),
        (23, "negate `not item`", "        elif (item):"),
        (12, "drop 'firm' from 'firm|company'", "WORDS = re.compile(('\\\\b(?:company)\\\\b'))"),
        (31, "drop 'visit' from 'work at {org}|visit'", "    return (f'(?:work at {org})')"),
    ],
)
def test_a_mutant_changes_only_its_own_text(line: int, change: str, expected: str) -> None:
    (mutant,) = [m for m in mutants(SAMPLE, "s.py") if m.line == line and m.change == change]
    assert _changed_lines(SAMPLE, mutant.source) == [(SAMPLE.splitlines()[line - 1], expected)]
    assert "# mutate: skip" in mutant.source  # comments kept: the text was patched in place


def test_every_mutant_is_a_different_valid_program() -> None:
    source = (ROOT / "infoview/agenda_ics.py").read_text(encoding="utf-8")
    found = mutants(source, "infoview/agenda_ics.py")
    dumps = {ast.dump(ast.parse(m.source)) for m in found}
    assert len(dumps) == len(found)
    assert ast.dump(ast.parse(source)) not in dumps


def test_mutants_of_non_ascii_lines_keep_the_line_intact() -> None:
    source = 'def f(x):\n    return "Friedrichstraße" if x > 1 else "—"\n'
    found = {m.change: m for m in mutants(source, "s.py")}
    compare = found["`>` -> `>=`"]
    assert compare.col == 35  # characters, not UTF-8 bytes
    assert compare.source == 'def f(x):\n    return "Friedrichstraße" if (x >= 1) else "—"\n'


def test_mutant_identity_disambiguates_identical_changes() -> None:
    source = "import datetime as dt\n\n\ndef f():\n    return dt.date(2026, 1, 1)\n"
    found = [(m.change, m.nth) for m in mutants(source, "s.py") if m.change == "`1` -> `2`"]
    assert found == [("`1` -> `2`", 1), ("`1` -> `2`", 2)]


def test_a_number_keeps_its_base_and_width_in_the_report() -> None:
    source = "def f(mode):\n    return mode & 0o022 | 0x1F\n"
    assert [m.change for m in mutants(source, "s.py", ("number",))] == [
        "`0o022` -> `0o023`",
        "`0o022` -> `0o021`",
        "`0x1F` -> `0x20`",
        "`0x1F` -> `0x1e`",
    ]


def test_function_lines_cover_bodies_not_definitions() -> None:
    assert function_lines(SAMPLE) == {*range(17, 28), 31}


# -- regex alternatives -------------------------------------------------------------------


def drops(pattern: str) -> list[str]:
    units = list(pattern)
    return ["".join(units[: a.cut[0]] + units[a.cut[1] :]) for a in regex.alternatives(units)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("a|b|c", ["b|c", "a|c", "a|b"]),
        (r"x(?:a|b)y", ["x(?:b)y", "x(?:a)y"]),
        (r"\|a|[|]b", [r"[|]b", r"\|a"]),  # an escaped bar and one in a class are characters
        (r"[^]|]|z", ["z", r"[^]|]"]),  # ']' first in a class is a character
        (r"(?=x|y)", ["(?=y)", "(?=x)"]),
        (r"(?<!x|y)z", ["(?<!y)z", "(?<!x)z"]),
        (r"(?P<n>a|b)", ["(?P<n>b)", "(?P<n>a)"]),
        (r"(?i:a|b)", ["(?i:b)", "(?i:a)"]),
        (r"(a|(b|c))", ["((b|c))", "(a)", "(a|(c))", "(a|(b))"]),
        ("a|", []),  # one real alternative: nothing to drop
        (r"(?(1)a|b)", []),  # a conditional's branches are not alternatives
        ("no bars", []),
    ],
)
def test_regex_alternatives(pattern: str, expected: list[str]) -> None:
    assert sorted(drops(pattern)) == sorted(expected)


def test_plain_text_with_a_bar_is_not_taken_for_a_pattern() -> None:
    source = 'def f():\n    return "left | right"\n'
    assert [m.op for m in mutants(source, "s.py")] == ["return", "string"]


def test_a_pattern_passed_to_re_is_one_even_without_r_or_groups() -> None:
    source = 'import re\n\nX = re.compile("yes|no")\n'
    assert [m.change for m in mutants(source, "s.py")] == [
        "drop 'yes' from 'yes|no'",
        "drop 'no' from 'yes|no'",
    ]


def test_a_plain_string_with_a_grouped_alternation_is_a_pattern() -> None:
    source = 'WORDS = ("(?:yes|no)!", "left | right")\n'
    assert [m.change for m in mutants(source, "s.py")] == [
        "drop 'yes' from 'yes|no'",
        "drop 'no' from 'yes|no'",
        "'left | right' -> ''",
    ]


def test_patterns_are_found_wherever_they_are_compiled() -> None:
    """A lazily compiled pattern (inside a cached function) is mutated too."""
    source = textwrap.dedent(
        """\
        import functools
        import re

        _WORDS = (r"\\b(?:business|department)\\b", r"\\bstaff|employees\\b")


        @functools.cache
        def patterns():
            return [re.compile(p) for p in _WORDS]
        """
    )
    changes = [m.change for m in mutants(source, "s.py") if m.op == "regex"]
    assert changes == [
        "drop 'business' from 'business|department'",
        "drop 'department' from 'business|department'",
        "drop '\\\\bstaff' from '\\\\bstaff|employees\\\\b'",
        "drop 'employees\\\\b' from '\\\\bstaff|employees\\\\b'",
    ]


# -- which tests run a mutant ---------------------------------------------------------------


def test_a_mutant_runs_the_tests_of_its_lines_and_at_import_time_the_module_s() -> None:
    source = "X = 1\n\n\ndef f(a):\n    return a + X\n\n\ndef g(a):\n    return a - 1\n"
    found = {(m.line, m.change): m for m in mutants(source, "pkg/m.py")}
    tests = {t: {"outcome": "passed", "duration": d} for t, d in [("t_f", 0.2), ("t_g", 0.1)]}
    tests["t_broken"] = {"outcome": "failed", "duration": 0.1}
    lines = {"pkg/m.py": {1: [""], 5: ["t_f", "t_broken"], 9: ["t_g"]}}
    cover = CoverageMap(tests, lines)
    module = cover.module_tests("pkg/m.py", function_lines(source))
    assert module == {"t_f", "t_g"}  # never a test that fails without any mutant
    assert cover.covering(found[(5, "`+` -> `-`")], module) == ["t_f"]
    assert cover.covering(found[(1, "`1` -> `2`")], module) == ["t_g", "t_f"]  # fastest first
    cover.lines["pkg/m.py"][9].append("")  # g also ran at import time: all the module's tests
    assert cover.covering(found[(9, "`-` -> `+`")], module) == ["t_g", "t_f"]
    # the meta-tests read module constants without running module lines: module level only
    meta = "tests/test_lint_registry.py::test_every_rule_module_declares_itself[IV102]"
    cover.tests[meta] = {"outcome": "passed", "duration": 0.3}
    assert cover.covering(found[(1, "`1` -> `2`")], module) == ["t_g", "t_f", meta]
    assert cover.covering(found[(5, "`+` -> `-`")], module) == ["t_f"]


def _select(tmp_path: Path, wanted: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a toy test file through the selection plugin, keeping ``wanted``."""
    (tmp_path / "test_toy.py").write_text(
        "import pytest\n\nNAME = 'b'\n\n\n"
        "@pytest.mark.parametrize('x', ['a', NAME])\ndef test_p(x):\n    print('ran', x)\n\n\n"
        "def test_q():\n    print('ran q')\n",
        encoding="utf-8",
    )
    listing = tmp_path / "wanted.txt"
    listing.write_text("\n".join(wanted) + "\n", encoding="utf-8")
    plugins = ["-p", "no:cacheprovider", "-p", "tools.mutate.select"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *plugins, "-s", "-q", "test_toy.py"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "INFOVIEW_MUTATE_TESTS": str(listing)},
        capture_output=True,
        text=True,
    )


def test_a_case_the_mutant_renamed_runs_every_case_of_its_function(tmp_path: Path) -> None:
    # the coverage run saw test_p[c] (NAME was 'c'); under the mutant it is test_p[b]
    done = _select(tmp_path, ["test_toy.py::test_q", "test_toy.py::test_p[c]"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.findall(r"ran \w", done.stdout) == ["ran q", "ran a", "ran b"]


def test_a_test_that_no_longer_exists_is_an_error(tmp_path: Path) -> None:
    done = _select(tmp_path, ["test_toy.py::test_q", "test_toy.py::test_gone[a]"])
    assert done.returncode == 4
    assert "tests not found: test_toy.py::test_gone[a]" in done.stderr
    done = _select(tmp_path, ["test_toy.py::test_r"])
    assert done.returncode == 4
    assert "tests not found: test_toy.py::test_r" in done.stderr


def test_lines_run_at_import_time_are_found_apart_from_any_test(tmp_path: Path) -> None:
    """A function called at import (``_ANY = combine(PATTERNS)``) counts as import time,
    even where a lazy import would run it inside a single test."""
    project = _toy(tmp_path / "project")
    (project / "toy/lazy.py").write_text(
        'def combine(words):\n    return "|".join(words)\n\n\nPATTERN = combine(["a", "b"])\n\n\n'
        "def later():\n    return PATTERN\n",
        encoding="utf-8",
    )
    found = import_time_lines(project, ["toy"])
    assert found["toy/lazy.py"] == [1, 2, 5, 8]  # not 9: later() is not called on import


# -- the allow-list -----------------------------------------------------------------------


def test_allow_list_excludes_exactly_the_entries_it_names(tmp_path: Path) -> None:
    source = "import datetime as dt\n\n\ndef f():\n    return dt.date(2026, 1, 1)\n"
    found = mutants(source, "pkg/m.py")
    listing = tmp_path / "equivalent.toml"
    listing.write_text(
        textwrap.dedent(
            """\
            [[equivalent]]
            file = "pkg/m.py"
            line = "return dt.date(2026, 1, 1)"
            change = "`1` -> `2`"
            nth = 2
            reason = "the day of a year-range bound"

            [[equivalent]]
            file = "pkg/m.py"
            line = "return dt.date(2026, 1, 1)  # an old version of the line"
            change = "`1` -> `2`"
            reason = "stale"
            """
        ),
        encoding="utf-8",
    )
    entries = equivalent.load(listing)
    kept, excluded = equivalent.split(found, entries)
    assert [(found[i].change, found[i].nth) for i in excluded] == [("`1` -> `2`", 2)]
    assert len(kept) == len(found) - 1
    assert [e.reason for e in equivalent.stale(entries, found, {"pkg/m.py"})] == ["stale"]
    assert equivalent.stale(entries, found, {"other.py"}) == []


def test_a_stub_round_trips_through_the_allow_list(tmp_path: Path) -> None:
    found = mutants('def f():\n    return "a \\"quoted\\" \\\\ word"\n', "m.py")
    (string,) = [m for m in found if m.op == "string"]
    listing = tmp_path / "equivalent.toml"
    listing.write_text(equivalent.stub(string), encoding="utf-8")
    (entry,) = equivalent.load(listing)
    assert entry.matches(string)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[equivalent]]\nfile = "m.py"\n', "entry 1 has no line, change, reason"),
        (
            '[[equivalent]]\nfile="m.py"\nline="x"\nchange="y"\nreason="z"\ncol=3\n',
            "entry 1 has unknown keys ['col']",
        ),
        ("[[equivalent]\n", "Expected ']]' at the end of an array declaration"),
    ],
)
def test_a_malformed_allow_list_is_refused(tmp_path: Path, text: str, message: str) -> None:
    listing = tmp_path / "equivalent.toml"
    listing.write_text(text, encoding="utf-8")
    with pytest.raises(equivalent.AllowListError, match=re.escape(message)):
        equivalent.load(listing)


def test_the_project_allow_list_loads_and_gives_a_reason_for_every_entry() -> None:
    entries = equivalent.load(equivalent.DEFAULT)
    assert all(len(e.reason) > 20 for e in entries)
    for entry in entries:
        assert (ROOT / entry.file).is_file(), entry


# -- the project is never written ---------------------------------------------------------


def _toy(root: Path) -> Path:
    (root / "toy").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "toy/__init__.py").write_text("", encoding="utf-8")
    (root / "toy/calc.py").write_text(
        textwrap.dedent(
            """\
            def double(x):
                return x * 2


            def clamp(x):
                return x if x < 10 else 10


            def unused(x):
                return x - 1

            """
        ),
        encoding="utf-8",
    )
    (root / "tests/test_calc.py").write_text(
        "from toy.calc import clamp, double\n\n\n"
        "def test_double():\n    assert double(3) == 6\n\n\n"
        "def test_clamp():\n    assert clamp(3) == 3\n    assert clamp(12) == 10\n",
        encoding="utf-8",
    )
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_mutant_is_undone_however_its_block_ends(tmp_path: Path) -> None:
    project = _toy(tmp_path / "project")
    before = _snapshot(project)
    box = Sandbox(project, ["toy/__init__.py", "toy/calc.py", "tests/test_calc.py"])
    try:
        original = (box.root / "toy/calc.py").read_bytes()
        mutant = mutants(original.decode(), "toy/calc.py")[0]
        with pytest.raises(KeyboardInterrupt), box.mutated(mutant) as path:
            assert path.read_text(encoding="utf-8") == mutant.source != original.decode()
            raise KeyboardInterrupt
        assert (box.root / "toy/calc.py").read_bytes() == original
    finally:
        box.remove()
    assert not box.root.exists()
    assert _snapshot(project) == before


def test_a_run_over_its_time_limit_is_ended_with_its_children(tmp_path: Path) -> None:
    """A mutant that makes a loop endless is caught by the limit; nothing is left running."""
    marker = tmp_path / "child.pid"
    code = (
        "import subprocess, sys, time\n"
        f"child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
        f"open({str(marker)!r}, 'w').write(str(child.pid))\n"
        "print('started', flush=True)\n"
        "time.sleep(600)\n"
    )
    code, _ = Processes().run([sys.executable, "-c", code], tmp_path, dict(os.environ), 3)
    assert code is None  # over the limit (the run would take ten minutes)
    if marker.exists():  # the run got as far as starting its child: that was ended too
        stat = Path(f"/proc/{marker.read_text()}/stat")
        for _ in range(200):  # SIGKILL went to the whole group; wait for it to land
            try:
                if stat.read_text().split(") ", 1)[1].startswith("Z"):
                    break  # dead, waiting for init to reap it
            except FileNotFoundError:
                break  # gone
            time.sleep(0.05)
        else:
            pytest.fail(f"the run's child {marker.read_text()} is still running")


def test_a_timeout_counts_as_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _toy(tmp_path / "project")
    box = Sandbox(project, ["toy/__init__.py", "toy/calc.py", "tests/test_calc.py"])
    procs = Processes()
    monkeypatch.setattr(procs, "run", lambda *args: (None, ""))
    (mutant,) = mutants("def f(x):\n    return x\n", "toy/calc.py")
    tests = {"tests/test_calc.py::test_double": {"outcome": "passed", "duration": 2.0}}
    try:
        (outcome,) = run_mutants(
            [(mutant, [*tests])], [box], CoverageMap(tests, {}), procs,
            timeout_factor=3, timeout_floor=30, report=lambda o: None,
        )  # fmt: skip
    finally:
        box.remove()
    assert (outcome.status, outcome.detail) == ("timeout", "over 36 s")


def test_an_interrupted_run_stops_and_restores(tmp_path: Path) -> None:
    project = _toy(tmp_path / "project")
    box = Sandbox(project, ["toy/__init__.py", "toy/calc.py", "tests/test_calc.py"])
    source = (project / "toy/calc.py").read_text(encoding="utf-8")
    found = mutants(source, "toy/calc.py")
    tests = {"tests/test_calc.py::test_double": {"outcome": "passed", "duration": 0.01}}
    cover = CoverageMap(tests, {})
    procs = Processes()

    def interrupt(outcome: object) -> None:
        raise KeyboardInterrupt

    work = [(m, ["tests/test_calc.py::test_double"]) for m in found]
    try:
        with pytest.raises(KeyboardInterrupt):
            run_mutants(
                work, [box], cover, procs, timeout_factor=1, timeout_floor=60, report=interrupt
            )
        assert procs.stopping.is_set() and not procs.running
        assert (box.root / "toy/calc.py").read_text(encoding="utf-8") == source
    finally:
        box.remove()


def test_a_whole_run_scores_and_lists_what_to_act_on(tmp_path: Path) -> None:
    project = _toy(tmp_path / "project")
    before = _snapshot(project)
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "tools.mutate", "toy/calc.py", "--ops", "compare,return", "-v"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = [line for line in done.stdout.splitlines() if line.startswith("[")]
    assert sorted(line.split("] ", 1)[1] for line in results) == [  # two workers: any order
        "caught   toy/calc.py:2:5 `return x * 2` -> `return None`",
        "caught   toy/calc.py:6:5 `return x if x < 10 else 10` -> `return None`",
        "survived toy/calc.py:6:19 `<` -> `<=`",
        "untested toy/calc.py:10:5 `return x - 1` -> `return None`",
    ]
    assert done.stdout.splitlines()[len(results) + 1 :] == [
        "module       mutants  caught  survived  no test  equivalent  score",
        "toy/calc.py        4       2         1        1           0   50.0%",
        "",
        "Not caught (file:line:col  kind  change  [tests run]):",
        "  toy/calc.py:6:19  compare  `<` -> `<=`  [1 tests]",
        "  toy/calc.py:10:5  return   `return x - 1` -> `return None`  [no test runs this line]",
    ]
    after = _snapshot(project)
    assert sorted(after) == sorted(
        [*before, "build/mutate/coverage.json", "build/mutate/report.json"]
    )
    assert {k: v for k, v in after.items() if k in before} == before  # the project untouched
    assert list(temp.iterdir()) == []  # and every copy removed


def test_test_runs_handle_ctrl_c_even_when_started_in_the_background() -> None:
    """A background job inherits SIGINT ignored; the runs reset it so tests can send it."""
    code = (
        "import signal\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "import tools.mutate.select\n"
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "True\n"


def test_a_killed_run_removes_its_copies_and_leaves_the_project(tmp_path: Path) -> None:
    """SIGTERM (a CI time limit, a kill) ends a run as Ctrl-C does: nothing is left behind."""
    project = _toy(tmp_path / "project")
    before = _snapshot(project)
    temp = tmp_path / "temp"
    temp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.mutate", "toy/calc.py"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(6000):  # until its project copy exists (at most five minutes)
            if any(temp.glob("infoview-mutate-*")) or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()[1]  # still running: kill it now
        assert any(temp.glob("infoview-mutate-*")), "no project copy after five minutes"
        proc.terminate()
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted: the project is untouched and its copies are removed" in err
    assert list(temp.iterdir()) == []
    assert {k: v for k, v in _snapshot(project).items() if k in before} == before


def test_a_copy_interrupted_while_it_is_made_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill that lands mid-copy (before any caller holds the copy) leaves nothing behind."""
    import shutil
    import tempfile

    project = tmp_path / "project"
    project.mkdir()
    for name in ("a.py", "b.py", "c.py"):
        (project / name).write_text("x = 1\n", encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    copied: list[str] = []
    real_copy = shutil.copy2

    def copy_then_stop(source: Path, target: Path) -> object:
        if copied:
            raise KeyboardInterrupt  # the SIGTERM handler raises this mid-copy
        copied.append(str(source))
        return real_copy(source, target)

    monkeypatch.setattr(shutil, "copy2", copy_then_stop)
    with pytest.raises(KeyboardInterrupt):
        Sandbox(project, ["a.py", "b.py", "c.py"])
    assert copied and list(temp.iterdir()) == []
