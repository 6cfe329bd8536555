"""``infoview watch``: the classifier and debouncer as values, then a real observer on
real files saved the ways editors save them.

Every wait polls with a deadline (``WAIT``), so a watcher that misses an event fails the
test instead of hanging the suite. Where the PDF itself is not the point, rendering is
stubbed (``stub_render``): the "PDF" is then the HTML and CSS it was made from, which
shows exactly what a rebuild used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from watchdog.observers import Observer

from infoview.cli import cli
from infoview.render.pdf import PdfJob, PdfResult
from infoview.watch.core import Change, Debouncer, Layout, changes_for, is_scratch, merge, printable
from infoview.watch.loop import Watcher
from infoview.workspace import open_workspace

WAIT = 10.0  # the longest any single wait may take before the test fails
QUIET = 0.2  # debounce in these tests: wide enough that a loaded machine still sees bursts
TODAY = dt.date(2026, 11, 25)
STEM = "2026-12-08-marcus-lee"
GOOD = "How do you triage incoming housing cases?"
ONLINE = "When was the firm founded?"  # IV303: a website answers it
INTERVIEW = """\
---
interviewer:
  name: {name}
  organization: Columbia Legal Aid
  phone: "+1 503 555 0177"
meeting:
  date: 2026-12-08T15:30
  duration: 45
  mode: in-person
  location: Case Study Coffee, Portland
learning_goals:
  - Learn what litigation support looks like at legal aid.
---

## Research
- **Work history:** Eight years at Columbia Legal Aid.

## Questions
### Goal 1
- {question}
"""
STAMPED = r"^\d\d:\d\d:\d\d  "


def interview(question: str = GOOD, name: str = "Marcus Lee") -> str:
    return INTERVIEW.format(question=question, name=name)


def broken() -> str:
    return interview().replace("interviewer:\n", "interviewer: [unclosed\n", 1)


# -- the pure core ---------------------------------------------------------------------

ROOT = Path("/ws")
LAYOUT = Layout(ROOT, ROOT / "styles" / "packet.css")


@pytest.mark.parametrize(
    "name",
    [
        *(".a.md.swp", ".a.md.swx", "a.md~", ".#a.md", "#a.md#", "4913", "a.md.tmp"),
        *(".a.md.x1.tmp", "a.md___jb_tmp___", "a.md___jb_old___"),
    ],
)
def test_editor_scratch_files_are_recognised(name: str) -> None:
    assert is_scratch(name)


@pytest.mark.parametrize("name", ["a.md", "packet.css", "infoview.toml", "notes-4913.md"])
def test_real_files_are_not_scratch(name: str) -> None:
    assert not is_scratch(name)


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("/ws/interviews/a.md", "interview"),
        ("/ws/interviews/2026/a.md", "interview"),
        ("interviews/a.md", "interview"),  # relative to the root
        (b"/ws/interviews/\xff\xfe.md", "interview"),  # not UTF-8: still a name
        ("/ws/interviews/\udcff.md", "interview"),  # the same, as watchdog decodes it
        ("/ws/interviews/.drafts/a.md", None),  # hidden folder, as interview_paths skips
        ("/ws/interviews/a.txt", None),
        ("/ws/interviews/a.md~", None),
        ("/ws/interviews/.a.md.swp", None),
        ("/ws/interviews/4913", None),
        ("/ws/interviews", None),
        ("/ws/infoview.toml", "config"),
        ("/ws/styles/packet.css", "style"),
        ("/ws/styles/fonts/a.woff2", "style"),
        ("/ws/templates/packet.html.j2", "style"),
        ("/ws/styles/.packet.css.swp", None),
        ("/ws/build/packets/a.pdf", None),
        ("/ws/build/interviews/a.md", None),
        ("/ws/README.md", None),
        ("/elsewhere/interviews/a.md", None),
    ],
)
def test_layout_classifies_paths(raw: str | bytes, role: str | None) -> None:
    assert LAYOUT.role(raw) == role


def test_relative_event_paths_are_taken_from_the_root() -> None:
    assert LAYOUT.change("interviews/a.md", "changed") == Change(
        "changed", ROOT / "interviews" / "a.md"
    )
    assert LAYOUT.change(b"infoview.toml", "deleted") == Change("config", ROOT / "infoview.toml")


def test_a_stylesheet_configured_outside_styles_is_a_style_input() -> None:
    layout = Layout(ROOT, ROOT / "look" / "print.css")
    assert layout.role("/ws/look/print.css") == "style"
    assert layout.role("/ws/look/other.css") is None


A = ROOT / "interviews" / "a.md"


@pytest.mark.parametrize(
    ("event", "src", "dest", "expected"),
    [
        ("created", str(A), "", [Change("changed", A)]),
        ("modified", str(A), "", [Change("changed", A)]),
        ("closed", str(A), "", [Change("changed", A)]),
        ("deleted", str(A), "", [Change("deleted", A)]),
        # atomic save: a temporary file renamed onto the interview
        ("moved", "/ws/interviews/sedX1y2", str(A), [Change("changed", A)]),
        ("moved", "/ws/interviews/.a.md.tmp", str(A), [Change("changed", A)]),
        # vim's backup: the interview renamed away; the new file arrives as 'created'
        ("moved", str(A), "/ws/interviews/a.md~", [Change("deleted", A)]),
        (
            "moved",
            str(A),
            "/ws/interviews/b.md",
            [Change("deleted", A), Change("changed", ROOT / "interviews" / "b.md")],
        ),
        ("opened", str(A), "", []),  # the watcher's own reads
        ("closed_no_write", str(A), "", []),
        ("attrib", str(A), "", []),
        ("modified", "/ws/interviews/a.md.swp", "", []),
        ("modified", "/ws/infoview.toml", "", [Change("config", ROOT / "infoview.toml")]),
        (
            "moved",
            "/ws/.infoview.toml.tmp",
            "/ws/infoview.toml",
            [Change("config", ROOT / "infoview.toml")],
        ),
        ("closed", "/ws/styles/packet.css", "", [Change("style", ROOT / "styles/packet.css")]),
    ],
)
def test_events_map_to_changes(event: str, src: str, dest: str, expected: list[Change]) -> None:
    assert changes_for(event, src, dest, is_directory=False, layout=LAYOUT) == expected


def test_folder_events() -> None:
    def folder(event: str, src: str, dest: str = "") -> list[Change]:
        return changes_for(event, src, dest, is_directory=True, layout=LAYOUT)

    drafts = ROOT / "interviews" / "drafts"
    assert folder("deleted", str(drafts)) == [Change("deleted", drafts)]
    assert folder("moved", str(drafts), "/ws/old-drafts") == [Change("deleted", drafts)]
    assert folder("created", str(drafts)) == []  # its files arrive as their own events
    assert folder("created", "/ws/styles") == [Change("config", ROOT / "styles")]
    assert folder("moved", "/ws/tmpl", "/ws/templates") == [Change("config", ROOT / "templates")]
    assert folder("modified", "/ws/interviews") == []


@settings(max_examples=300, deadline=None)
@given(
    event=st.sampled_from(["created", "modified", "closed", "deleted", "moved", "opened"]),
    name=st.one_of(
        st.binary(min_size=1, max_size=40),
        st.binary(min_size=1, max_size=40).map(os.fsdecode),  # as watchdog decodes names
        st.text(min_size=1, max_size=40),
    ),
    folder=st.sampled_from(["/ws/interviews/", "/ws/", "/ws/styles/", "/ws/build/", "/x/", ""]),
    is_directory=st.booleans(),
)
def test_no_event_path_makes_the_classifier_raise(
    event: str, name: bytes | str, folder: str, is_directory: bool
) -> None:
    """Any bytes or text, surrogates and NULs included: a Change list, never an exception."""
    raw = os.fsencode(folder) + name if isinstance(name, bytes) else folder + name
    changes = changes_for(event, raw, raw, is_directory=is_directory, layout=LAYOUT)
    for change in changes:
        assert change.kind in ("changed", "deleted", "config", "style")
        shown = printable(str(change.path))
        assert shown.encode("utf-8").decode("utf-8") == shown  # writable to any UTF-8 stream


def test_change_keys_and_merge() -> None:
    config, style = Change("config", ROOT / "infoview.toml"), Change("style", ROOT / "s.css")
    assert Change("changed", A).key == Change("deleted", A).key == A
    assert config.key == style.key == "all"
    assert merge(config, style) == config  # a reload is not downgraded to a rebuild
    assert merge(style, config) == config
    assert merge(Change("deleted", A), Change("changed", A)) == Change("changed", A)


class FakeClock:
    """Time that moves only when told to, in steps a float holds exactly."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_debouncer_waits_for_quiet_per_key() -> None:
    clock = FakeClock()
    bounce: Debouncer[str, int] = Debouncer(0.25, clock=clock)
    assert bounce.wait_time() is None
    bounce.push("a", 1)
    clock.now += 0.125
    bounce.push("b", 2)
    assert bounce.pop_due() == []
    assert bounce.wait_time() == 0.125
    clock.now += 0.125
    assert bounce.pop_due() == [1]  # a is due, b is not
    assert len(bounce) == 1
    clock.now += 0.125
    assert bounce.pop_due() == [2]
    assert len(bounce) == 0


def test_debouncer_turns_a_burst_into_one_value() -> None:
    clock = FakeClock()
    bounce: Debouncer[str, int] = Debouncer(0.25, clock=clock)
    for n in range(10):
        bounce.push("a", n)
        clock.now += 0.125  # each write restarts the quiet period
        assert bounce.pop_due() == []
    clock.now += 0.125
    assert bounce.pop_due() == [9]
    assert bounce.pop_due() == []


def test_debouncer_acts_after_longest_even_without_quiet() -> None:
    clock = FakeClock()
    bounce: Debouncer[str, int] = Debouncer(0.25, longest=1.0, clock=clock)
    seen = []
    for n in range(24):
        bounce.push("a", n)
        clock.now += 0.125
        seen += bounce.pop_due()
    assert seen == [7, 15, 23]


def test_debouncer_merges_and_takes_keys_that_do_not_compare() -> None:
    clock = FakeClock()
    bounce: Debouncer[Path | str, Change] = Debouncer(0.25, clock=clock, merge=merge)
    bounce.push("all", Change("config", ROOT / "infoview.toml"))
    bounce.push(A, Change("changed", A))  # same deadline as "all": no Path < str comparison
    bounce.push("all", Change("style", ROOT / "s.css"))
    clock.now += 0.25
    assert bounce.pop_due() == [Change("config", ROOT / "infoview.toml"), Change("changed", A)]


def test_printable_escapes_undecodable_bytes() -> None:
    assert printable(os.fsdecode(b"interviews/\xff.md")) == "interviews/\\xff.md"
    assert printable("caf\u00e9 \ud800") == "caf\u00e9 \\ud800"


# -- a real observer -----------------------------------------------------------------------


class Session:
    """A Watcher running in a thread, and the lines it printed."""

    def __init__(self, ws: Path, watcher: Watcher, lines: list[str]) -> None:
        self.ws = ws
        self.watcher = watcher
        self.lines = lines

    def mark(self) -> int:
        return len(self.lines)

    def wait_for(self, pattern: str, *, after: int = 0, timeout: float = WAIT) -> str:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if regex.search(line):
                    return line
            time.sleep(0.01)
        shown = "\n".join(self.lines)
        pytest.fail(
            f"nothing matched {pattern!r} within {timeout} s; the watcher printed:\n{shown}"
        )

    def count(self, pattern: str, *, after: int = 0) -> int:
        return sum(bool(re.search(pattern, line)) for line in self.lines[after:])

    def index(self, pattern: str, *, after: int = 0) -> int:
        """Wait for a line matching ``pattern``; return its index."""
        line = self.wait_for(pattern, after=after)
        return self.lines.index(line, after)

    def sentinel(self, path: Path) -> None:
        """Save ``path`` and wait for its own rebuild: any earlier change is handled by then.

        Each file's quiet period starts at its last event, so a file saved before this one
        falls due first. Its lint output comes first, then its timestamped line.
        """
        start = self.mark()
        save_atomically(path, interview(ONLINE, name="Sentinel"))
        linted = self.index(rf"{re.escape(path.name)}:\d+:\d+: IV303 ", after=start)
        self.rebuilt(path.stem, after=linted)

    def rebuilt(self, stem: str, *, after: int = 0) -> str:
        """Wait for the timestamped line that ends one rebuild of ``stem``."""
        return self.wait_for(f"{STAMPED}(built|unchanged|failed|checked) .*{stem}", after=after)


def rebuilds(stem: str) -> str:
    return f"{STAMPED}(built|unchanged|failed|checked) .*{re.escape(stem)}"


@contextlib.contextmanager
def watching(ws: Path, **options: Any) -> Iterator[Session]:
    """Run a Watcher on ``ws`` in a thread; stop it (bounded) when the block ends."""
    lines: list[str] = []
    options.setdefault("quiet", QUIET)
    watcher = Watcher(
        open_workspace(ws), today=TODAY, out=lambda text: lines.extend(text.splitlines()), **options
    )
    failure: list[BaseException] = []

    def run() -> None:
        try:
            watcher.run()
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + WAIT
        while not watcher.ready.wait(0.05):
            if failure or time.monotonic() > deadline:
                raise AssertionError(f"the watcher did not start: {failure}\n" + "\n".join(lines))
        yield Session(ws, watcher, lines)
    finally:
        watcher.stop()
        thread.join(WAIT)
        assert not thread.is_alive(), "the watcher did not stop"
    if failure:
        raise failure[0]


@pytest.fixture
def stub_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render the "PDF" as the HTML and CSS it is made from: fast, and shows what was used."""

    def fake(job: PdfJob) -> PdfResult:
        css = "\n".join(text for text, _ in job.css)
        return PdfResult(f"%PDF-stub\n{job.html}\n{css}".encode(), ())

    monkeypatch.setattr("infoview.build._render_one", fake)


def put(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def save_atomically(path: Path, text: str) -> None:
    """``sed -i``, VS Code and JetBrains' safe write: a new file renamed onto the old."""
    temp = path.parent / "sedX1y2Z3"
    put(temp, text)
    os.replace(temp, path)


def save_in_chunks(path: Path, text: str, chunks: int = 4) -> None:
    """Truncate and write in place, in several put() calls with pauses between."""
    data = text.encode("utf-8")
    size = -(-len(data) // chunks)
    with path.open("wb") as handle:
        for start in range(0, len(data), size):
            handle.write(data[start : start + size])
            handle.flush()
            time.sleep(0.02)


def save_like_vim(path: Path, text: str) -> None:
    """vim's default on Linux: probe with 4913, rename to file~, write anew, drop file~."""
    probe = path.parent / "4913"
    put(probe, "")
    probe.unlink()
    backup = path.with_name(path.name + "~")
    os.rename(path, backup)
    put(path, text)
    backup.unlink()


def pdf_of(ws: Path, stem: str = STEM) -> Path:
    return ws / "build" / "packets" / f"{stem}.pdf"


def test_start_lints_builds_then_watches(workspace: Path, stub_render: None) -> None:
    put(workspace / "interviews" / f"{STEM}.md", interview(ONLINE))
    with watching(workspace) as s:
        assert any(re.search(r"\.md:\d+:\d+: IV303 \[warning\]", line) for line in s.lines)
        assert f"built      build/packets/{STEM}.pdf" in "\n".join(s.lines)
        assert s.count(f"{STAMPED}1 packet: 1 built, 0 unchanged, 0 failed") == 1
        assert s.lines[-1] == "watching interviews/ and infoview.toml; Ctrl-C to stop"
        assert b"When was the firm founded?" in pdf_of(workspace).read_bytes()


@pytest.mark.parametrize("save", [save_atomically, save_in_chunks, save_like_vim])
def test_each_save_pattern_rebuilds_that_packet_once(
    workspace: Path, stub_render: None, save: Callable[[Path, str], None]
) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    other = workspace / "interviews" / "2026-12-09-priya-raman.md"
    put(path, interview())
    put(other, interview(name="Priya Raman"))
    with watching(workspace) as s:
        start = s.mark()
        save(path, interview(ONLINE))
        s.wait_for(rf"{STEM}\.md:\d+:\d+: IV303 ", after=start)
        assert re.match(f"{STAMPED}built      build/packets/{STEM}.pdf \\(\\d", s.rebuilt(STEM))
        assert b"When was the firm founded?" in pdf_of(workspace).read_bytes()
        s.sentinel(other)  # later than any second rebuild of STEM
        assert s.count(rebuilds(STEM), after=start) == 1
        assert s.count("deleted|error", after=start) == 0
        assert s.count("Traceback") == 0


def test_a_save_made_while_starting_is_not_missed(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())

    def save_during_first_build(job: PdfJob) -> PdfResult:
        if GOOD in job.html:  # the first build, before the observer runs
            save_atomically(path, interview(ONLINE))
        return PdfResult(f"%PDF-stub\n{job.html}".encode(), ())

    monkeypatch.setattr("infoview.build._render_one", save_during_first_build)
    with watching(workspace) as s:
        start = s.mark()
        s.wait_for(rf"{STEM}\.md:\d+:\d+: IV303 ", after=start)
        assert "built" in s.rebuilt(STEM, after=start)
        assert ONLINE.encode() in pdf_of(workspace).read_bytes()


def test_a_burst_of_ten_writes_gives_one_rebuild(workspace: Path, stub_render: None) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    other = workspace / "interviews" / "2026-12-09-priya-raman.md"
    put(path, interview())
    put(other, interview(name="Priya Raman"))
    with watching(workspace) as s:
        start = s.mark()
        for n in range(10):
            put(path, interview(f"Question {n}: how do you triage housing cases?"))
        s.rebuilt(STEM, after=start)
        s.sentinel(other)
        assert s.count(rebuilds(STEM), after=start) == 1
        assert s.count(rf"^interviews/{STEM}\.md:", after=start) == 4  # its diagnostics, once
        assert b"Question 9:" in pdf_of(workspace).read_bytes()


def test_a_broken_save_keeps_the_last_good_pdf_until_fixed(
    workspace: Path, stub_render: None
) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    with watching(workspace) as s:
        good = pdf_of(workspace).read_bytes()
        start = s.mark()
        save_atomically(path, broken())
        s.wait_for(rf"{STEM}\.md:3:7: IV001 \[error\] front matter is not valid YAML", after=start)
        line = s.rebuilt(STEM, after=start)
        assert re.match(
            f"{STAMPED}failed     build/packets/{STEM}.pdf \\([\\d.]+ s\\): "
            "the last good PDF is kept$",
            line,
        )
        assert pdf_of(workspace).read_bytes() == good
        assert s.count(r"^  .*IV001", after=start) == 0  # not repeated under the packet line
        fixed = s.mark()
        save_atomically(path, interview(ONLINE))
        assert "built" in s.rebuilt(STEM, after=fixed)
        assert b"When was the firm founded?" in pdf_of(workspace).read_bytes()


def test_a_render_error_is_reported_and_the_watch_goes_on(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, stub_render: None
) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    with watching(workspace) as s:
        good = pdf_of(workspace).read_bytes()

        def fail(job: PdfJob) -> PdfResult:
            raise RuntimeError("pango fell over")

        monkeypatch.setattr("infoview.build._render_one", fail)
        start = s.mark()
        save_atomically(path, interview(ONLINE))
        assert "the last good PDF is kept" in s.rebuilt(STEM, after=start)
        s.wait_for("rendering failed \\(RuntimeError: pango fell over\\)", after=start)
        assert pdf_of(workspace).read_bytes() == good


def test_an_unexpected_exception_is_reported_and_the_loop_continues(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, stub_render: None
) -> None:
    from infoview.lint.runner import lint_files as real

    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    calls = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise ZeroDivisionError("a bug")
        return real(*args, **kwargs)

    with watching(workspace) as s:
        monkeypatch.setattr("infoview.watch.loop.lint_files", flaky)
        start = s.mark()
        save_atomically(path, interview(ONLINE))
        s.wait_for(f"{STAMPED}error      interviews/{STEM}.md: ZeroDivisionError: a bug; still")
        save_atomically(path, interview("What surprised you most?"))
        assert "built" in s.rebuilt(STEM, after=start)


def test_a_failing_event_handler_does_not_kill_the_observer(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, stub_render: None
) -> None:
    from infoview.watch.core import changes_for as real

    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    calls = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")
        return real(*args, **kwargs)

    with watching(workspace) as s:
        monkeypatch.setattr("infoview.watch.loop.changes_for", flaky)
        start = s.mark()
        put(workspace / "interviews" / "scratch.txt", "x")  # the event that hits the bug
        s.wait_for(f"{STAMPED}error      UnicodeEncodeError", after=start)
        save_atomically(path, interview(ONLINE))
        assert "built" in s.rebuilt(STEM, after=start)


def test_a_new_file_is_linted_and_gets_a_real_pdf(
    workspace: Path, read_pdf: Callable[[Path], Any]
) -> None:
    with watching(workspace) as s:
        assert s.lines[0] == "no interviews in interviews/ yet; start one with: infoview new NAME"
        start = s.mark()
        put(workspace / "interviews" / f"{STEM}.md", interview(ONLINE))
        s.wait_for(rf"^interviews/{STEM}\.md:\d+:\d+: IV303 \[warning\] ", after=start)
        assert "built" in s.rebuilt(STEM, after=start)
        pdf = read_pdf(pdf_of(workspace))
        assert "Marcus Lee" in pdf.text
        assert ONLINE in pdf.text


def test_a_deleted_interview_keeps_its_pdf_and_is_no_longer_watched(
    workspace: Path, stub_render: None
) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    other = workspace / "interviews" / "2026-12-09-priya-raman.md"
    put(path, interview())
    put(other, interview(name="Priya Raman"))
    with watching(workspace) as s:
        start = s.mark()
        path.unlink()
        line = s.wait_for(f"{STAMPED}deleted ", after=start)
        assert line.endswith(
            f"deleted    interviews/{STEM}.md: no longer watched; build/packets/{STEM}.pdf is kept"
        )
        assert pdf_of(workspace).is_file()
        s.sentinel(other)
        assert s.count(STEM, after=start) == 1  # only the 'deleted' line
    assert pdf_of(workspace).is_file()


def test_a_folder_moved_out_takes_its_interviews_along(
    workspace: Path, tmp_path: Path, stub_render: None
) -> None:
    folder = workspace / "interviews" / "2026"
    folder.mkdir()
    put(folder / f"{STEM}.md", interview())
    other = workspace / "interviews" / "2026-12-09-priya-raman.md"
    put(other, interview(name="Priya Raman"))
    with watching(workspace) as s:
        start = s.mark()
        folder.rename(tmp_path / "archive")  # out of the workspace: no event per file
        line = s.wait_for(f"{STAMPED}deleted ", after=start)
        assert f"deleted    interviews/2026/{STEM}.md: no longer watched; " in line
        s.sentinel(other)
        assert s.count("deleted", after=start) == 1


def test_a_name_that_is_not_utf8_does_not_stop_the_watch(
    workspace: Path, stub_render: None
) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    folder = os.fsencode(workspace / "interviews")
    with watching(workspace) as s:
        start = s.mark()
        for name, text in ((b"caf\xe9-\xff.md", interview(ONLINE)), (b"\xfe\xff.tmp", "x")):
            fd = os.open(folder + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.write(fd, text.encode("utf-8"))
            os.close(fd)
        s.wait_for(r"^interviews/caf\\xe9-\\xff\.md:\d+:\d+: IV303 \[warning\]", after=start)
        assert "built      build/packets/caf\\xe9-\\xff.pdf" in s.rebuilt("caf", after=start)
        assert (workspace / "build" / "packets" / os.fsdecode(b"caf\xe9-\xff.pdf")).is_file()
        save_atomically(path, interview(ONLINE))  # the observer is still alive
        assert "built" in s.rebuilt(STEM, after=start)
        assert s.count("error|tmp", after=start) == 0


def test_a_stylesheet_change_rebuilds_every_packet(workspace: Path, stub_render: None) -> None:
    (workspace / "styles").mkdir()
    sheet = workspace / "styles" / "packet.css"
    put(sheet, "body { color: black; }\n")
    put(workspace / "interviews" / f"{STEM}.md", interview())
    put(workspace / "interviews" / "2026-12-09-priya-raman.md", interview(name="Priya Raman"))
    with watching(workspace) as s:
        assert s.lines[-1] == "watching interviews/, styles/ and infoview.toml; Ctrl-C to stop"
        start = s.mark()
        save_like_vim(sheet, "body { color: navy; }\n")
        line = s.wait_for(f"{STAMPED}styles/packet.css changed: ", after=start)
        assert re.search(r"changed: 2 packets: 2 built, 0 unchanged, 0 failed \([\d.]+ s\)$", line)
        for stem in (STEM, "2026-12-09-priya-raman"):
            assert b"color: navy" in pdf_of(workspace, stem).read_bytes()
        assert s.count(r"file checked", after=start) == 0  # a style change needs no lint


def test_a_config_change_reloads_and_relints_and_a_broken_one_is_refused(
    workspace: Path, stub_render: None
) -> None:
    put(workspace / "interviews" / f"{STEM}.md", interview(ONLINE))
    config = workspace / "infoview.toml"
    original = config.read_text(encoding="utf-8")
    with watching(workspace) as s:
        start = s.mark()
        save_atomically(config, original + '\n[lint]\nignore = ["IV303"]\n')
        s.wait_for(f"{STAMPED}infoview.toml changed: 1 packet: 1 built", after=start)
        assert s.count("IV303", after=start) == 0
        assert s.count("^1 file checked", after=start) == 1
        bad = s.mark()
        save_atomically(config, original + '\n[lint]\nignore = ["IV999"]\n')
        line = s.wait_for(f"{STAMPED}error      ", after=bad)
        assert "unknown rule 'IV999'" in line
        assert line.endswith("; the previous settings stay")
        again = s.mark()
        save_atomically(workspace / "interviews" / f"{STEM}.md", interview(ONLINE + " "))
        s.rebuilt(STEM, after=again)
        assert s.count("IV303", after=again) == 0  # still the reloaded settings


def test_a_styles_folder_made_later_is_watched(workspace: Path, stub_render: None) -> None:
    put(workspace / "interviews" / f"{STEM}.md", interview())
    with watching(workspace) as s:
        start = s.mark()
        (workspace / "styles").mkdir()
        s.wait_for(f"{STAMPED}styles changed: 1 packet", after=start)
        later = s.mark()
        put(workspace / "styles" / "packet.css", "body { color: teal; }\n")
        s.wait_for(f"{STAMPED}styles/packet.css changed: 1 packet: 1 built", after=later)
        assert b"color: teal" in pdf_of(workspace).read_bytes()


def test_an_exhausted_inotify_falls_back_to_polling(workspace: Path, stub_render: None) -> None:
    class Exhausted(Observer):  # type: ignore[misc,valid-type]
        def on_thread_start(self) -> None:
            raise OSError(errno.ENOSPC, "inotify watch limit reached")

    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    with watching(workspace, observer_factory=Exhausted, poll_interval=0.1) as s:
        assert any(
            line.startswith("inotify watch limit reached: polling for changes every 0.1 s")
            and line.endswith("sudo sysctl fs.inotify.max_user_watches=524288")
            for line in s.lines
        )
        start = s.mark()
        save_atomically(path, interview(ONLINE))
        s.wait_for(rf"{STEM}\.md:\d+:\d+: IV303 ", after=start)
        assert "built" in s.rebuilt(STEM, after=start)


def test_no_packets_only_lints(workspace: Path) -> None:
    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    (workspace / "styles").mkdir()
    with watching(workspace, packets=False) as s:
        start = s.mark()
        put(workspace / "styles" / "packet.css", "body { color: teal; }\n")
        save_atomically(path, interview(ONLINE))
        s.wait_for(f"{STAMPED}checked    interviews/{STEM}.md \\([\\d.]+ s\\)$", after=start)
        assert s.count("IV303", after=start) == 1
        assert s.count("packet", after=start) == 0  # the stylesheet change was not acted on
    assert not (workspace / "build").exists()


# -- the command -----------------------------------------------------------------------


def test_watch_help(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["watch", "--help"])
    assert result.exit_code == 0
    for option in ("--today", "--no-packets", "--workspace"):
        assert option in result.output


def test_ctrl_c_stops_the_command_with_status_0(workspace: Path) -> None:
    """The real command in its own process: lint output, a save, then SIGINT."""
    path = workspace / "interviews" / f"{STEM}.md"
    put(path, interview())
    command = [sys.executable, "-m", "infoview", "watch", "--no-packets", "--today", "2026-11-25"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    proc = subprocess.Popen(
        command, cwd=workspace, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env
    )
    assert proc.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(
        target=lambda: lines.extend(line.decode() for line in iter(proc.stdout.readline, b"")),  # type: ignore[union-attr]
        daemon=True,
    )
    reader.start()
    try:
        deadline = time.monotonic() + WAIT
        while not any(line.startswith("watching ") for line in lines):
            assert time.monotonic() < deadline, "".join(lines)
            time.sleep(0.02)
        save_atomically(path, interview(ONLINE))
        while not any("checked    interviews/" in line for line in lines):
            assert time.monotonic() < deadline, "".join(lines)
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=WAIT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(WAIT)
    output = "".join(lines)
    assert "IV303 [warning] " in output
    assert output.endswith("stopped\n")
    assert "Traceback" not in output
