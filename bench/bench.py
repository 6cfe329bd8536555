"""Print infoview's speed figures next to the targets from the issues (``make bench``).

This is a script that prints numbers, never a timed test: machines differ and a timing
assertion would flake. Each figure is the median of a few runs of the real command in a
fresh process, in a temporary workspace built from the example interviews.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
INFOVIEW = str(BIN / "infoview")
EXAMPLE = ROOT / "interviews" / "2026-12-03-dana-whitfield.md"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def timed(
    command: list[str],
    cwd: Path,
    before: Callable[[], None] | None = None,
    *,
    must_pass: bool = True,
) -> float:
    """Median wall time of ``command`` over RUNS runs (``before`` runs untimed each time).

    ``must_pass=False`` accepts any exit status (lint exits 1 when it finds errors).
    """
    times = []
    for _ in range(RUNS):
        if before:
            before()
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if must_pass and result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return statistics.median(times)


def make_workspace(folder: Path, count: int) -> Path:
    """A workspace with ``count`` interviews made from the fully prepared example."""
    (folder / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", folder / "infoview.toml")
    shutil.copytree(ROOT / "styles", folder / "styles")
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        name = f"Dana Whitfield {n:02d}"
        (folder / "interviews" / f"2026-12-{n % 28 + 1:02d}-dana-{n:02d}.md").write_text(
            text.replace("name: Dana Whitfield", f"name: {name}"), encoding="utf-8"
        )
    return folder


def lint_workspace(folder: Path, count: int) -> Path:
    """A workspace with ``count`` interviews cycling through the three examples."""
    (folder / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", folder / "infoview.toml")
    examples = sorted((ROOT / "interviews").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in examples]
    for n in range(count):
        text = texts[n % len(texts)].replace("name: ", f"name: P{n} ", 1)
        (
            folder / "interviews" / f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}-person-{n:04d}.md"
        ).write_text(text, encoding="utf-8")
    return folder


def watch_latency(folder: Path) -> tuple[float, float, float]:
    """Median save -> diagnostics printed and save -> new PDF on disk, with a real watcher.

    ``infoview watch`` runs in its own process; each save is an atomic rename, the way most
    editors save, and a changed line so the packet really is rebuilt. Diagnostics count as
    printed when their summary line reaches this process. Also returns Ctrl-C -> exit.
    """
    ws = make_workspace(folder, 1)
    source = next((ws / "interviews").iterdir())
    pdf = ws / "build" / "packets" / f"{source.stem}.pdf"
    proc = subprocess.Popen(
        [INFOVIEW, "watch", "--today", "2026-11-25"],
        cwd=ws,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def arrival(pattern: str) -> float:
        """When the next line matching ``pattern`` arrived (60 s at most)."""
        end = time.perf_counter() + 60
        while True:
            try:
                at, line = lines.get(timeout=max(0.0, end - time.perf_counter()))
            except queue.Empty:
                proc.kill()
                sys.exit(f"infoview watch printed no line matching {pattern!r} within 60 s")
            if re.search(pattern, line):
                return at

    arrival("^watching ")
    text = source.read_text(encoding="utf-8")
    printed, written = [], []
    for n in range(max(RUNS, 5)):
        before = pdf.stat()
        temp = source.with_name(".bench-save.tmp")
        temp.write_text(f"{text}\n- Saved {n} times.\n", encoding="utf-8")
        start = time.perf_counter()
        os.replace(temp, source)
        printed.append(arrival(r"^1 file checked") - start)
        while (now := pdf.stat()).st_ino == before.st_ino and now.st_mtime_ns == before.st_mtime_ns:
            if time.perf_counter() - start > 60:
                proc.kill()
                sys.exit("infoview watch wrote no new PDF within 60 s")
            time.sleep(0.002)
        written.append(time.perf_counter() - start)
        arrival(r"^\d\d:\d\d:\d\d  built ")  # the rebuild is over: the next save is alone
    start = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    stopped = time.perf_counter() - start
    return statistics.median(printed), statistics.median(written), stopped


def markdownlint() -> list[str] | None:
    """markdownlint-cli2 as a reference: on PATH, or installed once under build/bench-tools."""
    found = shutil.which("markdownlint-cli2")
    if found:
        return [found]
    tools = ROOT / "build" / "bench-tools"
    local = tools / "node_modules" / ".bin" / "markdownlint-cli2"
    if not local.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(tools), "markdownlint-cli2"],
            capture_output=True,
            check=False,
        )
    return [str(local)] if local.exists() else None


def hostile_workspace(folder: Path) -> list[tuple[str, Path, float]]:
    """Files built to be slow to lint, with the time each should stay under.

    They were timed assertions in tests/test_lint_robustness.py and tests/test_parse.py;
    the tests now assert what lint reports for them, and the times are measured here.
    """
    (folder / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", folder / "infoview.toml")
    clean = EXAMPLE.read_text(encoding="utf-8")
    front, body = clean.split("\n---\n", 1)
    note = "- **Takeaway:** the firm pays for certification and pairs new paralegals up.\n"
    question = "- What does your firm do" + " and what else" * 14_300 + "?\n"
    bomb = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    texts = {
        "5 MB of notes": (clean + note * (5 * 1024 * 1024 // len(note)), 10.0),
        "a 200000-character question": (
            clean.replace("## Questions\n", "## Questions\n" + question, 1),
            5.0,
        ),
        "an alias bomb (9**9 strings)": ("---\n" + "\n".join(bomb) + "\n---\n" + body, 2.0),
        "5000-deep flow nesting": (f"{front}\ntags: {'[' * 5000}{']' * 5000}\n---\n{body}", 2.0),
    }
    files = []
    for n, (label, (text, target)) in enumerate(texts.items()):
        path = folder / "interviews" / f"hostile-{n}.md"
        path.write_text(text, encoding="utf-8")
        files.append((label, path, target))
    return files


def row(label: str, seconds: float | None, target: float | None, note: str = "") -> None:
    shown = "   n/a" if seconds is None else f"{seconds:6.2f} s"
    goal = f"target <= {target:.2f} s" if target else ""
    verdict = ""
    if seconds is not None and target:
        verdict = "ok" if seconds <= target else "OVER"
    print(f"{label:<44} {shown}   {goal:<18} {verdict:<4} {note}".rstrip())


def main() -> None:
    # Measure what an installed infoview does: with its bytecode compiled. (Some shells set
    # PYTHONDONTWRITEBYTECODE, which would make every run compile ~50 modules first.)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "infoview")], check=True)
    print(f"infoview benchmarks ({os.cpu_count()} cores, median of {RUNS} runs)\n")
    with tempfile.TemporaryDirectory() as tmp:
        one = make_workspace(Path(tmp) / "one", 1)
        target = next((one / "interviews").iterdir())
        cold = timed([INFOVIEW, "packet", "--force", str(target)], one)
        row("packet: one packet, cold from process start", cold, 1.5)

        many = make_workspace(Path(tmp) / "many", 20)
        batch = timed([INFOVIEW, "packet", "--force"], many)
        row("packet: 20 packets in one run", batch, 8.0, f"({batch / 20:.2f} s each)")

        unchanged = timed([INFOVIEW, "packet"], many)
        row("packet: nothing changed (20 interviews)", unchanged, None)

        subprocess.run(["make", "-s", "packet"], cwd=ROOT, capture_output=True, check=False)
        noop = timed(["make", "-s", "packet"], ROOT)
        row("make packet: nothing changed (examples)", noop, 0.5)

        print()
        printed, written, stopped = watch_latency(Path(tmp) / "watch")
        row("watch: save -> diagnostics printed", printed, 0.3)
        row("watch: save -> new PDF on disk", written, 1.0)
        row("watch: Ctrl-C -> exited", stopped, 1.0)

        print()
        lint_ws = lint_workspace(Path(tmp) / "lint", 1000)
        cache = lint_ws / ".infoview-cache"
        lint_cmd = [INFOVIEW, "lint", "--today", "2026-11-25"]

        def drop_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        cold_lint = timed(lint_cmd, lint_ws, drop_cache, must_pass=False)
        row("lint: 1000 interviews, cold (no cache)", cold_lint, 1.5)
        timed(lint_cmd, lint_ws, must_pass=False)  # fill the cache
        warm_lint = timed(lint_cmd, lint_ws, must_pass=False)
        row("lint: 1000 interviews, warm (cache)", warm_lint, 0.4)
        first = sorted((lint_ws / "interviews").iterdir())[0]
        one_lint = timed([*lint_cmd, str(first)], lint_ws, must_pass=False)
        row("lint: one file, from process start", one_lint, 0.25)
        reference = markdownlint()
        if reference:
            ref_lint = timed([*reference, "interviews/*.md"], lint_ws, must_pass=False)
            row("reference: markdownlint-cli2, same 1000 files", ref_lint, None)
        else:
            row("reference: markdownlint-cli2, same 1000 files", None, None, "(no Node/npm)")

        print()
        hostile = Path(tmp) / "hostile"
        for label, path, limit in hostile_workspace(hostile):
            seconds = timed([*lint_cmd, "--no-cache", str(path)], hostile, must_pass=False)
            row(f"lint: {label}, from process start", seconds, limit)

        pandoc = shutil.which("pandoc")
        if pandoc:
            out = Path(tmp) / "pandoc.pdf"
            weasy = str(BIN / "weasyprint")
            ref = timed([pandoc, str(target), "-o", str(out), f"--pdf-engine={weasy}", "-s"], one)
            row("reference: pandoc --pdf-engine=weasyprint", ref, None, "(same Markdown)")
        else:
            row("reference: pandoc --pdf-engine=weasyprint", None, None, "(pandoc not installed)")


if __name__ == "__main__":
    main()
