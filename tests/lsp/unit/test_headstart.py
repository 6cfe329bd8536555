"""The head start: a forked child lints the first documents while the server imports.

What it must never do: give other diagnostics than the server would, touch the editor's
stream, outlive the server's need for it, or leave the server without diagnostics when
it fails.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from infoview.lint.diagnostic import Diagnostic
from infoview.lsp import headstart
from infoview.lsp.checking import lint_interview, parse_buffer
from infoview.lsp.documents import Space
from infoview.lsp.headstart import HeadStart, _diagnostics

from ..inproc import Lsp
from ..session import BROKEN, TODAY

MOMENT = dt.datetime.fromisoformat(f"{TODAY}T09:30:00+00:00")
ASK = "- What does your guild do?\n"


def full(found: list[Diagnostic]) -> list[tuple[object, ...]]:
    """Every field, the end positions too (which Diagnostic's equality leaves out)."""
    return [(*d.as_dict().values(), d.end_line, d.end_column) for d in found]


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.fixture
def head() -> Iterator[HeadStart]:
    started = headstart.start()
    assert started is not None  # Linux has fork
    yield started
    started.close()


def test_it_gives_exactly_the_diagnostics_the_server_would(root: Path, head: HeadStart) -> None:
    config = root / "infoview.toml"
    config.write_text(config.read_text() + '\n[lint]\norganisation_words = ["guild"]\n')
    for stem, text in BROKEN.items():
        (root / "interviews" / f"{stem}.md").write_bytes(text.encode("utf-8"))
    space = Space(root)
    cases = sorted((root / "interviews").glob("*.md"))
    assert len(cases) > len(BROKEN)
    seen = set()
    for path in cases:
        text = path.read_text(encoding="utf-8")
        if "### Goal 1" in text:  # the workspace's own noun reaches the child's judge too
            before, _, after = text.partition("### Goal 1")
            end = after.index("\n") + 1
            text = before + "### Goal 1" + after[:end] + ASK + after[end:]
        expected = lint_interview(parse_buffer(text, path), path, space, MOMENT)
        assert head.ask(root, path, text, MOMENT)
        got = head.answer(space.label(path))
        assert got is not None and full(got) == full(expected), path.name
        seen.update(d.code for d in got)
    assert {"IV001", "IV303"} <= seen
    pid = head.pid
    head.close()
    assert not head.open and reaped(pid)
    assert head.ask(root, cases[0], "", MOMENT) is False  # closed: the caller lints itself


def test_a_child_that_dies_is_closed_and_answers_nothing(root: Path, head: HeadStart) -> None:
    os.kill(head.pid, signal.SIGKILL)
    os.waitpid(head.pid, 0)
    path = root / "interviews" / "x.md"
    asked = head.ask(root, path, "---\n---\n", MOMENT)  # may still fit in the pipe
    assert (head.answer("interviews/x.md") if asked else None) is None
    assert not head.open


@pytest.mark.parametrize(
    "answer",
    [
        {"diagnostics": []},
        [[1, 1, "IV001"]],
        [[1, 1, "IV001", "invalid-front-matter", "error", "m", 0, "0"]],
        [[True, 1, "IV001", "invalid-front-matter", "error", "m", 0, 0]],
        [None],
    ],
)
def test_an_answer_of_the_wrong_shape_is_refused(answer: object) -> None:
    assert _diagnostics(answer, "interviews/x.md") is None


def test_a_well_formed_answer_is_reported_under_the_servers_label() -> None:
    row = [3, 1, "IV402", "contact-missing", "warning", "no contact", 3, 9]
    (found,) = _diagnostics([row], "interviews/x.md") or []
    assert full([found]) == [("interviews/x.md", *row)]


CHILD = """
import datetime as dt, sys
from pathlib import Path
from infoview.lsp import headstart

def warm():
    print("the child's warm-up", flush=True)
    raise RuntimeError("a warm-up that fails still leaves a working child")

head = headstart.start(warm)
root = Path(sys.argv[1])
now = dt.datetime.fromisoformat("2026-11-25T09:00:00+00:00")
assert head.ask(root, root / "interviews" / "x.md", "---\\n- a\\n---\\n", now)
found = head.answer("interviews/x.md")
head.close()
print([d.code for d in found])
"""


def test_the_child_never_writes_to_the_editors_stream(root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "['IV101', 'IV301', 'IV001']\n"  # the parent's line only
    assert done.stderr == ""


def test_the_server_uses_it_for_its_first_lint_then_settles_and_ends_it(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp(initialize=False)
    head = headstart.start()
    assert head is not None
    server.ls.headstart = head
    server.initialize(root)
    asked: list[str] = []
    ask = head.ask

    def spy(*args: object) -> bool:
        asked.append(str(args[1]))
        return ask(*args)  # type: ignore[arg-type]

    head.ask = spy  # type: ignore[method-assign]
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    uri = server.open(path)
    (published,) = server.publications(uri)
    assert asked == [str(path)]
    assert server.ls.settled and server.ls.headstart is None and reaped(head.pid)
    result = server.ls.results[uri]
    assert result.parsed is None  # the server parses only when a feature asks
    assert not isinstance(result.interview, str) and result.parsed is result.interview
    moment = server.ls.clock.moment(result.space.settings.config.tz)
    fresh = lint_interview(result.interview, path, result.space, moment)
    assert full(result.found) == full(fresh)
    assert [d.code for d in published.diagnostics] == [d.code for d in fresh]
    other = root / "interviews" / "2026-11-18-marcus-lee.md"
    server.open(other)
    assert asked == [str(path)]  # settled: linted here
