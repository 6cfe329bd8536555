"""``python -m tools.mutate [MODULE[:LINES]]...``: mutation score per module, and what survived.

Run from the project root (``make mutate MODULES="..."`` does). Exit 0 after a report, 1
when ``--fail-under`` is given and a module scores below it, 2 on a usage error, 130 on
Ctrl-C (the project is never written, and every copy is removed).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tools.mutate import equivalent, users
from tools.mutate.mutants import OPS, Mutant, function_lines, mutants
from tools.mutate.run import (
    CoverageMap,
    Outcome,
    Processes,
    Sandbox,
    collect,
    environment,
    fingerprint,
    project_files,
    run_mutants,
)

CAUGHT = ("caught", "timeout")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tools.mutate",
        description=(
            "Mutate each module (small changes to its code), run the tests that cover each "
            "change, and print a score per module with the mutants no test caught. Mutants "
            "listed in the allow-list as equivalent (they cannot change behaviour) are left "
            "out of the score; lines with '# mutate: skip' are never mutated."
        ),
    )
    parser.add_argument(
        "modules",
        nargs="+",
        metavar="MODULE[:LINES]",
        help="a module's path from the project root, optionally with lines: file.py:65 or "
        "file.py:60-70",
    )
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="workers")
    parser.add_argument(
        "--ops",
        default=",".join(OPS),
        help=f"mutant kinds, comma-separated; default: all of {','.join(OPS)}",
    )
    parser.add_argument(
        "--allow-list",
        type=Path,
        default=equivalent.DEFAULT,
        help="the equivalent-mutant list (default: tools/mutate/equivalent.toml)",
    )
    parser.add_argument(
        "--tests",
        action="append",
        default=[],
        metavar="PATH",
        help="run only these tests (a file, a folder or a node id; repeatable), for a quick "
        "look at one module's own tests; by default the whole suite, as for a score",
    )
    parser.add_argument("--list", action="store_true", help="list the mutants; run nothing")
    parser.add_argument(
        "--stubs", action="store_true", help="also print allow-list entries for the survivors"
    )
    parser.add_argument("--fail-under", type=float, metavar="PCT", help="exit 1 below PCT")
    parser.add_argument(
        "--timeout-factor",
        type=float,
        default=3.0,
        help="a mutant's time limit: FLOOR + FACTOR x its tests' time in the coverage run",
    )
    parser.add_argument("--timeout-floor", type=float, default=30.0, metavar="SECONDS")
    parser.add_argument(
        "--json", type=Path, default=Path("build/mutate/report.json"), help="the full results"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every mutant's result")
    return parser.parse_args(argv)


def select_lines(spec: str) -> tuple[str, range | None]:
    match = re.fullmatch(r"(.+?\.py)(?::(\d+)(?:-(\d+))?)?", spec)
    if match is None:
        raise SystemExit(f"error: {spec}: expected a .py path, optionally :LINE or :FIRST-LAST")
    path, first, last = match.groups()
    if first is None:
        return path, None
    return path, range(int(first), int(last or first) + 1)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    root = Path.cwd()
    ops = tuple(op.strip() for op in args.ops.split(",") if op.strip())
    unknown = set(ops) - set(OPS)
    if unknown:
        print(f"error: unknown mutant kinds {sorted(unknown)}; known: {', '.join(OPS)}")
        return 2
    try:
        allowed = equivalent.load(args.allow_list)
    except equivalent.AllowListError as exc:
        print(f"error: {exc}")
        return 2
    generated: list[Mutant] = []
    fn_lines: dict[str, set[int]] = {}
    for spec in args.modules:
        path, lines = select_lines(spec)
        file = root / path
        if not file.is_file():
            print(f"error: {path}: no such module under {root}")
            return 2
        path = file.relative_to(root).as_posix()
        source = file.read_text(encoding="utf-8")
        fn_lines[path] = function_lines(source)
        generated += [m for m in mutants(source, path, ops) if lines is None or m.line in lines]
    todo, excluded = equivalent.split(generated, allowed)
    stale = equivalent.stale(allowed, generated, set(fn_lines))
    if args.list:
        for index, mutant in enumerate(generated):
            entry = excluded.get(index)
            note = f"  [equivalent: {entry.reason}]" if entry else ""
            print(f"{mutant.where}  {mutant.op:8} {mutant.change}{note}")
        print(f"{len(generated)} mutants, {len(excluded)} equivalent")
        return 0

    packages = sorted({p.split("/", 1)[0] for p in fn_lines if "/" in p})
    with _sandboxes(root, max(1, args.jobs), packages) as (sandboxes, files, procs):
        key = fingerprint(root, files, [*packages, *(["--", *args.tests] if args.tests else [])])
        cache = root / "build/mutate/coverage.json"
        cover = collect(root, sandboxes[0], packages, cache, key, procs, args.tests)
        for nodeid in cover.failing():
            print(f"warning: {nodeid} fails without any mutant; it is left out", file=sys.stderr)
        reach = Reach(root, packages, cover, fn_lines)
        work = [(m, cover.covering(m, reach.tests(m))) for m in todo]
        done = 0

        def progress(outcome: Outcome) -> None:
            nonlocal done
            done += 1
            if args.verbose:
                m = outcome.mutant
                print(f"[{done}/{len(work)}] {outcome.status:8} {m.where} {m.change}", flush=True)
            elif sys.stderr.isatty():
                print(f"\r{done}/{len(work)} mutants", end="", file=sys.stderr, flush=True)
            elif done % 25 == 0 or done == len(work):
                print(f"{done}/{len(work)} mutants", file=sys.stderr, flush=True)

        results = run_mutants(
            work,
            sandboxes,
            cover,
            procs,
            timeout_factor=args.timeout_factor,
            timeout_floor=args.timeout_floor,
            report=progress,
        )
        if sys.stderr.isatty() and not args.verbose:
            print(file=sys.stderr)
    scores = report(results, generated, excluded, stale, args.stubs)
    _write_json(args.json, results, generated, excluded, scores, args.modules)
    if args.fail_under is not None and any(s < args.fail_under for s in scores.values()):
        return 1
    return 0


class Reach:
    """The tests a change made at import time may show in: its module's, and its users'.

    A module-level mutant changes a value; the tests that call into the module see it, and
    so do the tests that call into the modules reading that value (``tools/mutate/users``):
    a word list such as ``wording/lexicon.py`` has no function of its own to be tested
    through. A function line that runs at import time (a helper building a constant) may
    change any of the module's values, so every user counts.
    """

    def __init__(
        self, root: Path, packages: list[str], cover: CoverageMap, fn_lines: dict[str, set[int]]
    ) -> None:
        self.root, self.cover = root, cover
        self.graph = users.Users(root, packages)
        self.own = {p: cover.module_tests(p, lines) for p, lines in fn_lines.items()}
        self.sources = {p: (root / p).read_text(encoding="utf-8") for p in fn_lines}
        self.of_module: dict[str, set[str]] = {}

    def tests(self, mutant: Mutant) -> set[str]:
        own = self.own[mutant.path]
        if not self.cover.at_import(mutant):
            return own  # not used: a line run only when a function is called
        names = (
            users.changed_names(self.sources[mutant.path], mutant.line)
            if mutant.module_level
            else users.ALL
        )
        found = set(own)
        for path in self.graph.users(mutant.path, names):
            found |= self._module_tests(path)
        return found

    def _module_tests(self, path: str) -> set[str]:
        if path not in self.of_module:
            try:
                lines = function_lines((self.root / path).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, SyntaxError):
                lines = set()
            self.of_module[path] = self.cover.module_tests(path, lines)
        return self.of_module[path]


@contextlib.contextmanager
def _sandboxes(
    root: Path, jobs: int, packages: list[str]
) -> Iterator[tuple[list[Sandbox], list[str], Processes]]:
    """One project copy per worker, removed whatever happens; Ctrl-C ends the test runs."""
    files = project_files(root)
    boxes: list[Sandbox] = []
    procs = Processes()
    try:
        for _ in range(jobs):
            boxes.append(Sandbox(root, files))
        _check_imports(boxes[0], packages)
        yield boxes, files, procs
    finally:
        procs.stop()
        for box in boxes:
            box.remove()


def _check_imports(box: Sandbox, packages: list[str]) -> None:
    """The copy must import its own modules, or every mutant would 'survive'."""
    for package in packages:
        code = f"import {package}; print({package}.__file__)"
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=box.root,
            env=environment(box.root),
            capture_output=True,
            text=True,
        )
        where = done.stdout.strip()
        if done.returncode == 0 and not where.startswith(str(box.root)):
            raise SystemExit(f"error: the project copy imports {where}, not its own {package}")


def report(
    results: list[Outcome],
    generated: list[Mutant],
    excluded: dict[int, equivalent.Entry],
    stale: list[equivalent.Entry],
    stubs: bool,
) -> dict[str, float]:
    """Print the table and the mutants to act on; return each module's score."""
    by_module: dict[str, list[Outcome]] = {}
    for outcome in results:
        by_module.setdefault(outcome.mutant.path, []).append(outcome)
    skipped = Counter(generated[i].path for i in excluded)
    paths = list(dict.fromkeys(m.path for m in generated))
    width = max([len(p) for p in paths] + [6])
    print()
    print(f"{'module':{width}}  mutants  caught  survived  no test  equivalent  score")
    scores: dict[str, float] = {}
    for path in paths:
        outcomes = by_module.get(path, [])
        count = Counter(o.status for o in outcomes)
        caught = count["caught"] + count["timeout"]
        scored = len(outcomes)
        score = 100.0 * caught / scored if scored else 100.0
        scores[path] = score
        print(
            f"{path:{width}}  {scored + skipped[path]:7}  {caught:6}  {count['survived']:8}  "
            f"{count['untested']:7}  {skipped[path]:10}  {score:5.1f}%"
            + (f"  ({count['error']} errors)" if count["error"] else "")
        )
    act = [o for o in results if o.status not in CAUGHT]
    if act:
        print("\nNot caught (file:line:col  kind  change  [tests run]):")
        for o in sorted(act, key=lambda o: (o.mutant.path, o.mutant.line, o.mutant.col)):
            m = o.mutant
            what = {"survived": f"[{o.tests} tests]", "untested": "[no test runs this line]"}
            print(f"  {m.where}  {m.op:8} {m.change}  {what.get(o.status, '[error]')}")
            if o.status == "error":
                print("    " + o.detail.strip().replace("\n", "\n    "))
    if stale:
        print("\nStale allow-list entries (no mutant matches them any more):")
        for entry in stale:
            print(f"  {entry.file}: {entry.line!r}: {entry.change}")
    if stubs and act:
        print("\n# allow-list stubs for tools/mutate/equivalent.toml: keep only real equivalents")
        for o in act:
            print("\n" + equivalent.stub(o.mutant))
    return scores


def _write_json(
    target: Path,
    results: list[Outcome],
    generated: list[Mutant],
    excluded: dict[int, equivalent.Entry],
    scores: dict[str, float],
    modules: list[str],
) -> None:
    def row(m: Mutant) -> dict[str, object]:
        return {"where": m.where, "op": m.op, "change": m.change, "line": m.line_text}

    data = {
        "modules": modules,
        "scores": scores,
        "results": [
            {**row(o.mutant), "status": o.status, "tests": o.tests, "detail": o.detail}
            for o in results
        ],
        "equivalent": [
            {**row(generated[i]), "reason": entry.reason} for i, entry in excluded.items()
        ],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1), encoding="utf-8")


def _stop_on_term(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # a kill (a CI time limit) cleans up as Ctrl-C does


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _stop_on_term)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when run in the background
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("\ninterrupted: the project is untouched and its copies are removed", file=sys.stderr)
        sys.exit(130)
