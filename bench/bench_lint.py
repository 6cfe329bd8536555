"""Lint's figures (issue 10), beside markdownlint-cli2 on the same files where Node is.

``python bench/bench_lint.py`` runs this section alone; ``make bench`` runs it with the
others. infoview and markdownlint-cli2 run in turn, one after the other, RUNS times, so a
busy machine slows both alike and the ratios stay meaningful when the seconds do not; the
load average is printed for that reason. markdownlint-cli2 (which has no cache, so
"nothing changed" is its cold time) is installed with npm into a temporary folder, never
into the project. BENCH_BIG=0 skips the 10,000-file figures.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import INFOVIEW, ROOT, RUNS, Run, lint_workspace, prepare, row, run

TODAY = "2026-11-25"
LINT = [INFOVIEW, "lint", "--today", TODAY]
BIG = os.environ.get("BENCH_BIG", "1") != "0"
SAME = 1.25  # "the same as in a small workspace", allowing for a noisy machine


def markdownlint(tmp: Path) -> list[str] | None:
    """markdownlint-cli2: on PATH, or installed with npm into ``tmp`` (needs the registry)."""
    found = shutil.which("markdownlint-cli2")
    if found:
        return [found]
    if not shutil.which("npm"):
        return None
    tools = tmp / "markdownlint"
    npm = ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(tools)]
    subprocess.run([*npm, "markdownlint-cli2"], capture_output=True, check=False)
    local = tools / "node_modules" / ".bin" / "markdownlint-cli2"
    return [str(local)] if local.exists() else None


def drop_cache(ws: Path) -> Callable[[], None]:
    return lambda: shutil.rmtree(ws / ".infoview-cache", ignore_errors=True)


def side_by_side(
    ws: Path,
    ours: list[str],
    theirs: list[str] | None,
    before: Callable[[], None] | None = None,
    runs: int = RUNS,
) -> tuple[list[Run], list[Run]]:
    """``ours`` and ``theirs`` in turn, ``runs`` times each (``before`` before ours)."""
    mine, other = [], []
    for _ in range(runs):
        if before:
            before()
        mine.append(run(ours, ws))
        if theirs:
            other.append(run(theirs, ws))
    return mine, other


def median(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def compare(label: str, mine: list[Run], other: list[Run], goal: str, ok: bool | None) -> None:
    ours = median(mine)
    cpu = statistics.median(r.cpu for r in mine)
    theirs = f"{median(other):6.2f} s" if other else "     n/a"
    ratio = f"{median(other) / ours:5.1f}x" if other else "    -"
    verdict = "" if ok is None else ("ok" if ok else "OVER")
    print(f"  {label:<40} {ours:6.2f} s (cpu {cpu:5.2f})  {theirs}  {ratio}  {goal:<26} {verdict}")


def section(tmp: Path) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"lint (issue 10): infoview, markdownlint-cli2, how many times faster; load {load}")
    print(f"  {'':<40} {'infoview':<22}  {'mdl-cli2':<8}  {'ratio':<6} goal")
    reference = markdownlint(tmp)
    if reference is None:
        print("  (markdownlint-cli2 unavailable: no Node/npm; ratios are not shown)")
    ws = lint_workspace(tmp / "lint-1000", 1000)
    first = str(sorted((ws / "interviews").iterdir())[0])
    theirs = [*reference, "interviews/*.md"] if reference else None

    cold, other = side_by_side(ws, LINT, theirs, drop_cache(ws))
    cold_s = median(cold)
    ok = median(other) / cold_s >= 4 if other else None
    compare("1000 files, no cache", cold, other, ">= 4x faster", ok)

    varied = lint_workspace(tmp / "lint-1000-varied", 1000, varied=True)
    cold_v, other_v = side_by_side(varied, LINT, theirs, drop_cache(varied))
    compare("  the same, other questions in each file", cold_v, other_v, "(for reference)", None)

    run(LINT, ws)  # fill the cache
    warm, other = side_by_side(ws, LINT, theirs)
    ok = median(other) / median(warm) >= 10 if other else None
    compare("1000 files, nothing changed", warm, other, ">= 10x faster", ok)

    one_theirs = [*reference, first] if reference else None
    one, other = side_by_side(ws, [*LINT, first], one_theirs, runs=max(RUNS, 5))
    small = median(one)
    ok = small <= 0.2 and (not other or small <= 0.5 * median(other))
    ratio = f", {small / median(other):.2f} of it" if other else ""
    compare(f"one file, from process start{ratio}", one, other, "<= 0.5 of it, <= 0.2 s", ok)

    if BIG:
        big_figures(tmp, cold_s, small)
    hostile(tmp)


def big_figures(tmp: Path, cold_1000: float, one_small: float) -> None:
    ws = lint_workspace(tmp / "lint-10000", 10_000)
    runs = max(1, min(RUNS, 3))
    cold, _ = side_by_side(ws, LINT, None, drop_cache(ws), runs=runs)
    peak = max(r.peak_mb for r in cold)
    factor = median(cold) / cold_1000
    ok = factor <= 12 and peak <= 200
    label = f"10,000 files, no cache: {factor:.1f}x, {peak:.0f} MB"
    compare(label, cold, [], "<= 12x 1000's, <= 200 MB", ok)
    run(LINT, ws)
    warm, _ = side_by_side(ws, LINT, None, runs=runs)
    peak = max(r.peak_mb for r in warm)
    compare(
        f"10,000 files, nothing changed, {peak:.0f} MB", warm, [], "<= 1.5 s", median(warm) <= 1.5
    )
    first = str(sorted((ws / "interviews").iterdir())[0])
    one, _ = side_by_side(ws, [*LINT, first], None, runs=max(RUNS, 5))
    factor = median(one) / one_small
    peak = max(r.peak_mb for r in one)
    label = f"one file in 10,000: {factor:.2f}x, {peak:.0f} MB"
    compare(label, one, [], f"same as in 1000 (<= {SAME}x)", factor <= SAME)


def hostile(tmp: Path) -> None:
    """Files built to be slow to lint, each with the time it should stay under."""
    folder = tmp / "hostile"
    (folder / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", folder / "infoview.toml")
    clean = (ROOT / "interviews" / "2026-12-03-dana-whitfield.md").read_text(encoding="utf-8")
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
    print()
    for n, (label, (text, limit)) in enumerate(texts.items()):
        path = folder / "interviews" / f"hostile-{n}.md"
        path.write_text(text, encoding="utf-8")
        runs = [run([*LINT, "--no-cache", str(path)], folder) for _ in range(RUNS)]
        row(f"lint: {label}, from process start", median(runs), limit)


def main() -> None:
    prepare()
    with tempfile.TemporaryDirectory() as tmp:
        section(Path(tmp))


if __name__ == "__main__":
    main()
