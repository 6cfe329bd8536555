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
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from infoview.lint.diagnostic import Diagnostic
from infoview.lsp import headstart
from infoview.lsp.checking import lint_interview, parse_buffer
from infoview.lsp.documents import Space
from infoview.lsp.headstart import HeadStart, _child, _diagnostics

from ..inproc import Lsp
from ..session import BROKEN, TODAY

MOMENT = dt.datetime.fromisoformat(f"{TODAY}T09:30:00+00:00")
ASK = "- What does your guild do?\n"


def add_words(config: Path) -> None:
    """The workspace's own organisation noun, "guild", in its [lint] table."""
    text = config.read_text(encoding="utf-8")
    assert text.count("[lint]\n") == 1
    config.write_text(text.replace("[lint]\n", '[lint]\norganisation_words = ["guild"]\n'))


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
    add_words(config)
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
    pid = head.pid or 0
    head.close()
    assert not head.open and reaped(pid)
    assert head.ask(root, cases[0], "", MOMENT) is False  # closed: the caller lints itself


def test_a_child_that_dies_is_closed_and_answers_nothing(root: Path, head: HeadStart) -> None:
    os.kill(head.pid or 0, signal.SIGKILL)
    os.waitpid(head.pid or 0, 0)
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
    assert server.ls.settled and server.ls.headstart is None and reaped(head.pid or 0)
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


# -- the child's side, run in a thread of this process (so coverage, and mutants, see it) --


CHILDS: list[tuple[int, ...]] = []  # the pipe ends each thread-child was given
DETACHED: list[bool] = []


def in_thread(warm: Callable[[], None] = lambda: None) -> tuple[HeadStart, list[int]]:
    """A head start whose "child" is a thread: ``_child`` with the pipes a fork gives it
    (the parent's ends duplicated, for it to close as a forked child closes its copies)."""
    down_read, down_write = os.pipe()
    up_read, up_write = os.pipe()
    pipes = (down_read, os.dup(down_write), os.dup(up_read), up_write)
    CHILDS.append(pipes)
    status: list[int] = []

    def live() -> None:
        status.append(_child(pipes, warm, lambda: DETACHED.append(True)))

    threading.Thread(target=live, daemon=True).start()
    return HeadStart(down_write, up_read), status


def closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def finish(head: HeadStart, status: list[int]) -> list[int]:
    head.close()
    for _ in range(500):
        if status:
            break
        time.sleep(0.01)
    return status


def test_the_child_lints_each_workspace_with_its_own_settings(root: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "interviews").mkdir(parents=True)
    (other / "infoview.toml").write_text('[lint]\nignore = ["IV402"]\n')
    warmed: list[bool] = []
    head, status = in_thread(lambda: warmed.append(True))
    text = (root / "interviews" / "2026-11-25-priya-raman.md").read_text(encoding="utf-8")
    for where in (root, other, root, other):
        path = where / "interviews" / "x.md"
        space = Space(where)
        expected = lint_interview(parse_buffer(text, path), path, space, MOMENT)
        assert head.ask(where, path, text, MOMENT)
        got = head.answer(space.label(path))
        assert got is not None and full(got) == full(expected)
        assert ("IV402" in [d.code for d in got]) is (where == root)  # its own settings
    assert warmed == [True] and DETACHED
    assert finish(head, status) == [0] and head.status is None  # no process to reap
    assert all(closed(fd) for fd in CHILDS[-1])  # the child closed every end it was given


def test_a_request_the_child_cannot_read_ends_it_and_the_server_lints_itself() -> None:
    head, status = in_thread()
    os.write(head._requests, b"{not json\n")
    assert head.answer("interviews/x.md") is None and not head.open
    assert finish(head, status) == [1]


def test_an_answer_that_is_not_json_closes_the_pipes() -> None:
    down_read, down_write = os.pipe()
    up_read, up_write = os.pipe()
    head = HeadStart(down_write, up_read)
    os.write(up_write, b"[[1, 1, \n")
    assert head.answer("interviews/x.md") is None and not head.open
    for fd in (down_write, up_read):  # closed by the head start
        with pytest.raises(OSError):
            os.fstat(fd)
    os.close(down_read)
    os.close(up_write)


def open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")} - {0, 1, 2}


def test_the_server_keeps_only_its_own_ends_of_the_pipes() -> None:
    before = open_fds()
    head = headstart.start(lambda: None)
    assert head is not None
    during = open_fds()
    assert len(during - before) == 2  # its request end and its answer end, no more
    head.close()
    assert open_fds() <= before
    assert head.status is not None and reaped(head.pid or 0)  # no zombie left behind


def test_closing_a_busy_child_ends_it_at_once() -> None:
    head = headstart.start(lambda: time.sleep(60))  # still warming up when closed
    assert head is not None
    head.close()
    assert head.status is not None and os.WIFSIGNALED(head.status)
    assert os.WTERMSIG(head.status) == signal.SIGKILL


def test_a_request_too_big_for_a_dead_childs_pipe_is_refused(root: Path, head: HeadStart) -> None:
    os.kill(head.pid or 0, signal.SIGKILL)
    os.waitpid(head.pid or 0, 0)
    path = root / "interviews" / "x.md"
    assert head.ask(root, path, "x" * (1 << 20), MOMENT) is False  # EPIPE, not a hang
    assert not head.open


def test_the_warm_up_compiles_for_the_workspace_it_starts_in(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import infoview.judge
    import infoview.parse
    from infoview.lint.registry import RULES

    compiled: list[tuple[str, ...]] = []
    parsed: list[tuple[str, Path]] = []

    class Grammar:
        def __init__(self, words: tuple[str, ...]) -> None:
            self.words = words

        def compile_all(self) -> None:
            compiled.append(self.words)

    monkeypatch.setattr(infoview.judge, "compiled", Grammar)
    monkeypatch.setattr(infoview.parse, "parse_text", lambda t, p: parsed.append((t, p)))
    config = root / "infoview.toml"
    add_words(config)
    for rule in RULES.values():
        rule.__dict__.pop("module", None)  # as in a fresh process
    monkeypatch.chdir(root / "interviews")
    headstart._warm()
    assert compiled == [("guild",)]
    assert all("module" in rule.__dict__ for rule in RULES.values())
    ((text, path),) = parsed
    assert text.startswith("---\n") and "# Research" in text and path == Path("warm.md")
    monkeypatch.chdir(tmp_path)  # no workspace here: the defaults
    headstart._warm()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "infoview.toml").write_text("[lint\n")
    monkeypatch.chdir(broken)  # a broken one: the defaults too, and no error
    headstart._warm()
    assert compiled == [("guild",), (), ()]


def test_without_a_fork_there_is_no_head_start_and_nothing_left_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = open_fds()

    def refuse() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    assert headstart.start() is None
    assert open_fds() == before
    monkeypatch.delattr(os, "fork")
    assert headstart.start() is None
