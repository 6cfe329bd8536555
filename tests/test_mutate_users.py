"""``make mutate`` on a data-only module: a module-level mutant also runs the tests of the
modules that read the value it changes (tools/mutate/users.py, ``Reach`` in __main__)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tools.mutate.users import (
    ALL,
    Users,
    bound_names,
    changed_names,
    module_name,
    statement_at,
)

ROOT = Path(__file__).resolve().parent.parent


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")


GRAPH = {
    "toy/__init__.py": "",
    "toy/words.py": """\
        A = frozenset({"a"})
        B = 2


        def words(text):
            return frozenset(text.split())


        C = words("c d")
        """,
    # the module as an alias, a name read inside a function: a user of A only
    "toy/uses_a.py": """\
        from toy import words as w


        def f(x):
            return x in w.A
        """,
    # a name imported directly
    "toy/uses_b.py": """\
        from toy.words import B


        def g():
            return B + 1
        """,
    # a relative re-export, used elsewhere under another name
    "toy/sub/__init__.py": "from ..words import B as BEE\n",
    "toy/uses_bee.py": """\
        from toy.sub import BEE


        def h():
            return BEE
        """,
    # a value built at import time from A, read by a third module
    "toy/builds.py": """\
        import toy.words

        PATTERN = "|".join(sorted(toy.words.A))


        def unrelated():
            return 1
        """,
    "toy/uses_pattern.py": """\
        from toy import builds


        def k(s):
            return builds.PATTERN in s
        """,
    # a default argument is read at import time, like a top-level statement
    "toy/default.py": """\
        from toy.words import C


        def m(x=C):
            return x
        """,
    "toy/uses_m.py": """\
        from toy.default import m


        def n():
            return m()
        """,
    # the module object passed on: every name may be read
    "toy/whole.py": """\
        from toy import words


        def table():
            return vars(words)
        """,
    "toy/star.py": "from toy.words import *\n",
    "toy/uses_star.py": """\
        from toy.star import A


        def p():
            return A
        """,
    # imports something else of the package: never a user
    "toy/other.py": "import toy.uses_a\n\n\ndef q():\n    return toy.uses_a.f('a')\n",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Users:
    root = tmp_path_factory.mktemp("graph")
    _write(root, GRAPH)
    return Users(root, ["toy"])


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({"A"}, {"uses_a", "builds", "uses_pattern", "whole", "uses_star"}),
        ({"B"}, {"uses_b", "uses_bee", "whole"}),  # not sub/__init__: it only passes B on
        ({"C"}, {"default", "uses_m", "whole"}),
        ({"words"}, {"whole"}),
        (
            ALL,
            {"uses_a", "uses_b", "uses_bee", "builds", "uses_pattern"}
            | {"default", "uses_m", "whole", "uses_star"},
        ),
    ],
)
def test_users_are_the_modules_reading_the_changed_names(
    graph: Users, names: set[str] | None, expected: set[str]
) -> None:
    found = graph.users("toy/words.py", names)
    assert found == {f"toy/{name}.py" for name in expected}


def test_a_module_nobody_imports_has_no_users(graph: Users) -> None:
    assert graph.users("toy/other.py", ALL) == set()
    assert graph.users("toy/uses_pattern.py", {"k"}) == set()


def test_names_bound_by_a_statement() -> None:
    source = textwrap.dedent(
        """\
        import os.path as p, re
        X, (Y, *Z) = 1, (2, 3)
        W: int = 4


        @decorator(5)
        def f(a=6):
            return a


        class K:
            LIMIT = 7


        register(8)
        if True:
            V = 9
        """
    )
    assert bound_names(compile_first(source, 1)) == {"p", "re"}
    assert changed_names(source, 2) == {"X", "Y", "Z"}
    assert changed_names(source, 3) == {"W"}
    assert changed_names(source, 6) == {"f"}  # a decorator belongs to its function
    assert changed_names(source, 7) == {"f"}  # and so does a default
    assert changed_names(source, 12) == {"K"}
    assert changed_names(source, 15) is ALL  # binds nothing: any value may have changed
    assert changed_names(source, 17) == {"V"}
    assert module_name("pkg/sub/__init__.py") == "pkg.sub"
    assert module_name("pkg/sub/mod.py") == "pkg.sub.mod"


def compile_first(source: str, line: int) -> ast.stmt:
    found = statement_at(ast.parse(source), line)
    assert found is not None
    return found


def test_a_data_only_module_is_measured_through_the_modules_that_read_it(
    tmp_path: Path,
) -> None:
    """Before: every mutant of toy/data.py ran no test ("no test"). Now each runs the tests
    of the functions reading its value, and the one value nothing reads stays untested."""
    project = tmp_path / "project"
    _write(
        project,
        {
            "toy/__init__.py": "",
            "toy/data.py": """\
                LIMIT = 10
                WORDS = frozenset({"yes", "sure"})
                UNUSED = 3
                """,
            "toy/logic.py": """\
                from toy import data
                from toy.data import LIMIT


                def over(x):
                    return x > LIMIT


                def agrees(word):
                    return word in data.WORDS
                """,
            "tests/test_logic.py": """\
                from toy.logic import agrees, over


                def test_over():
                    assert over(11) and not over(10)


                def test_agrees():
                    assert agrees("yes")
                """,
        },
    )
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "tools.mutate", "toy/data.py", "-j", "1", "-v"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = sorted(line.split("] ", 1)[1] for line in done.stdout.splitlines() if "] " in line)
    assert results == [
        "caught   toy/data.py:1:9 `10` -> `11`",
        "caught   toy/data.py:1:9 `10` -> `9`",
        "caught   toy/data.py:2:20 'yes' -> ''",
        "survived toy/data.py:2:27 'sure' -> ''",
        "untested toy/data.py:3:10 `3` -> `2`",
        "untested toy/data.py:3:10 `3` -> `4`",
    ]
    assert "toy/data.py        6       3         1        2           0   50.0%" in done.stdout
