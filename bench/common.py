"""What every section of ``make bench`` shares: workspaces, timing, and the printed rows.

A section is a ``bench_<name>.py`` beside this file with ``section(tmp: Path) -> None``
that prints its figures; ``bench.py`` runs the packet and watch figures, then every
section it finds, in name order. Each figure is the median of BENCH_RUNS runs of the real
command in a fresh process (bytecode written, as after a normal install).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
INFOVIEW = str(BIN / "infoview")
EXAMPLE = ROOT / "interviews" / "2026-12-03-dana-whitfield.md"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def prepare() -> None:
    """Measure what an installed infoview does: with its bytecode compiled. (This machine
    sets PYTHONDONTWRITEBYTECODE, which would make every run compile ~80 modules first;
    users' shells do not.) Children inherit the environment without it."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "infoview")], check=True)


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    cpu: float  # user + system, the command and its children
    peak_mb: float  # the largest resident set of the command or any of its children
    code: int


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` once; its wall time, CPU time and peak memory (``os.wait4``)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # lint exits 1 when it finds errors
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{errors.decode()}")
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak, proc.returncode)


def timed(
    command: list[str],
    cwd: Path,
    before: Callable[[], None] | None = None,
    *,
    must_pass: bool = True,
) -> float:
    """Median wall time of ``command`` over RUNS runs (``before`` runs untimed each time).

    ``must_pass=False`` accepts exit status 1 too (lint exits 1 when it finds errors).
    """
    times = []
    for _ in range(RUNS):
        if before:
            before()
        result = run(command, cwd)
        if must_pass and result.code != 0:
            sys.exit(f"{' '.join(command)} exited {result.code}")
        times.append(result.seconds)
    return statistics.median(times)


def row(label: str, seconds: float | None, target: float | None, note: str = "") -> None:
    shown = "   n/a" if seconds is None else f"{seconds:6.2f} s"
    goal = f"target <= {target:.2f} s" if target else ""
    verdict = ""
    if seconds is not None and target:
        verdict = "ok" if seconds <= target else "OVER"
    print(f"{label:<44} {shown}   {goal:<18} {verdict:<4} {note}".rstrip())


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


def corpus_questions() -> list[str]:
    """The labelled questions of tests/data (every field, every label), in file order."""
    import csv

    out: list[str] = []
    for name in ("questions.csv", "probe.csv", "wide.csv", "reach.csv"):
        with (ROOT / "tests" / "data" / name).open(encoding="utf-8", newline="") as handle:
            out += [row["question"] for row in csv.DictReader(handle)]
    return out


def _ask(text: str, questions: list[str], start: int) -> str:
    """``text`` with each question line of its Questions section replaced, in turn, by
    ``questions[start]``, ``questions[start + 1]``..."""
    lines = text.split("\n")
    inside, at = False, start
    for index, line in enumerate(lines):
        if line.startswith("## "):
            inside = line.strip() == "## Questions"
        elif inside and line.startswith("- ") and line.rstrip().endswith("?"):
            lines[index] = "- " + questions[at % len(questions)]
            at += 1
    return "\n".join(lines)


def lint_workspace(folder: Path, count: int, *, varied: bool = False) -> Path:
    """A workspace with ``count`` distinct interviews cycling through the three examples;
    ``varied`` gives each file other questions, taken in turn from the labelled corpora
    (the examples' own repeat, so a judge's per-question caches would hit)."""
    (folder / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", folder / "infoview.toml")
    examples = sorted((ROOT / "interviews").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in examples]
    questions = corpus_questions() if varied else []
    for n in range(count):
        text = texts[n % len(texts)].replace("name: ", f"name: P{n} ", 1)
        if varied:
            text = _ask(text, questions, n * 7)
        (
            folder / "interviews" / f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}-person-{n:05d}.md"
        ).write_text(text, encoding="utf-8")
    return folder
