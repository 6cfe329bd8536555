"""Print infoview's speed figures next to the targets from the issues (``make bench``).

This is a script that prints numbers, never a timed test: machines differ and a timing
assertion would flake. Each figure is the median of a few runs of the real command in a
fresh process, in a temporary workspace built from the example interviews. Packet and
watch figures are here; every ``bench_<name>.py`` beside this file adds a section (lint's
is ``bench_lint.py``, with markdownlint-cli2 beside it); ``common.py`` has what they share.
"""

from __future__ import annotations

import importlib
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import INFOVIEW, ROOT, RUNS, make_workspace, prepare, row, timed


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


def main() -> None:
    prepare()
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

        pandoc = shutil.which("pandoc")
        if pandoc:
            out = Path(tmp) / "pandoc.pdf"
            weasy = str(Path(sys.executable).parent / "weasyprint")
            ref = timed([pandoc, str(target), "-o", str(out), f"--pdf-engine={weasy}", "-s"], one)
            row("reference: pandoc --pdf-engine=weasyprint", ref, None, "(same Markdown)")
        else:
            row("reference: pandoc --pdf-engine=weasyprint", None, None, "(pandoc not installed)")

        print()
        printed, written, stopped = watch_latency(Path(tmp) / "watch")
        row("watch: save -> diagnostics printed", printed, 0.3)
        row("watch: save -> new PDF on disk", written, 1.0)
        row("watch: Ctrl-C -> exited", stopped, 1.0)

        for path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
            print()
            importlib.import_module(path.stem).section(Path(tmp) / path.stem)


if __name__ == "__main__":
    main()
