"""Running mutants: project copies, the coverage map, parallel pytest runs with timeouts.

The project itself is never written: every run happens in a sandbox, a temporary copy of
the project's files (``git ls-files``: tracked plus untracked-but-not-ignored). A worker
writes a mutant into its sandbox, runs the covering tests there, and writes the original
back; the sandboxes are deleted at the end, on an error and on Ctrl-C alike.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.mutate.mutants import Mutant
from tools.mutate.select import ENV

PYTEST_ARGS = ("-p", "no:cacheprovider", "-m", "not slow", "-q", "--no-header")
SKIP_DIRS = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".mypy_cache"}
SKIP_DIRS |= {".ruff_cache", ".pytest_cache", ".hypothesis"}
TOOL_ROOT = Path(__file__).resolve().parents[2]  # the folder holding tools/mutate
# Meta-tests read module attributes (a rule's CODE, SLUG, SEVERITY...) without running a
# line of the module, so coverage cannot tie them to its constants: every module-level
# mutant runs them as well.
META_TESTS = ("tests/test_lint_registry.py::",)


def project_files(root: Path) -> list[str]:
    """The files a copy of the project needs, relative to ``root``."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout.decode()
        names = [name for name in listed.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        names = [
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and not SKIP_DIRS.intersection(p.relative_to(root).parts)
        ]
    return sorted(name for name in names if (root / name).is_file())


def fingerprint(root: Path, files: Sequence[str], packages: Sequence[str]) -> str:
    """A digest of every project file: the coverage map is stale when any file changed."""
    digest = hashlib.sha256(" ".join(packages).encode())
    for name in files:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    return digest.hexdigest()


class Sandbox:
    """A temporary copy of the project in which one mutant at a time is written."""

    def __init__(self, root: Path, files: Sequence[str]) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="infoview-mutate-"))
        try:
            for name in files:
                target = self.root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(root / name, target)
        except BaseException:  # Ctrl-C or a kill mid-copy: no caller holds this copy yet
            self.remove()
            raise

    @contextlib.contextmanager
    def mutated(self, mutant: Mutant) -> Iterator[Path]:
        """Write ``mutant`` into the copy; the original comes back however the block ends."""
        path = self.root / mutant.path
        original = path.read_bytes()
        try:
            path.write_text(mutant.source, encoding="utf-8")
            yield path
        finally:
            path.write_bytes(original)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def environment(sandbox: Path) -> dict[str, str]:
    """The copy's modules first (subprocesses too), and no bytecode left to go stale.

    This tool's own folder comes after the copy, for projects that do not ship it.
    """
    env = dict(os.environ)
    paths = [str(sandbox), str(TOOL_ROOT), env.get("PYTHONPATH")]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@dataclass
class Processes:
    """The test runs under way, so Ctrl-C can end them (each runs in its own session)."""

    running: set[subprocess.Popen[bytes]] = field(default_factory=set)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> Any:
        """(exit code or None on timeout, output)."""
        if self.stopping.is_set():
            raise KeyboardInterrupt
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        with self.lock:
            self.running.add(proc)
        try:
            out, _ = proc.communicate(timeout=timeout)
            return proc.returncode, out.decode(errors="replace")
        except subprocess.TimeoutExpired:
            _kill(proc)
            out, _ = proc.communicate()
            return None, out.decode(errors="replace")
        finally:
            with self.lock:
                self.running.discard(proc)

    def stop(self) -> None:
        self.stopping.set()
        with self.lock:
            for proc in list(self.running):
                _kill(proc)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


# -- the coverage map -------------------------------------------------------------------


@dataclass
class CoverageMap:
    """Which tests run each line, from one coverage run of the whole suite."""

    tests: dict[str, dict[str, Any]]
    lines: dict[str, dict[int, list[str]]]

    @classmethod
    def load(cls, data: dict[str, Any]) -> CoverageMap:
        lines = {
            name: {int(k): v for k, v in numbers.items()} for name, numbers in data["lines"].items()
        }
        return cls(data["tests"], lines)

    def passing(self, nodeid: str) -> bool:
        return self.tests.get(nodeid, {}).get("outcome") == "passed"

    def failing(self) -> list[str]:
        return sorted(k for k, v in self.tests.items() if v["outcome"] == "failed")

    def module_tests(self, path: str, function_lines: set[int]) -> set[str]:
        """Tests running any line inside a function of ``path``: those that use the module."""
        found: set[str] = set()
        for number, contexts in self.lines.get(path, {}).items():
            if number in function_lines:
                found.update(contexts)
        return {t for t in found if t and self.passing(t)}

    def at_import(self, mutant: Mutant) -> bool:
        """``mutant`` changes what runs when its module is imported."""
        numbers = self.lines.get(mutant.path, {})
        return mutant.module_level or any("" in numbers.get(n, ()) for n in mutant.lines)

    def covering(self, mutant: Mutant, module: set[str]) -> list[str]:
        """The passing tests that run ``mutant``'s lines, fastest first."""
        numbers = self.lines.get(mutant.path, {})
        found: set[str] = set()
        for number in mutant.lines:
            found.update(numbers.get(number, ()))
        if mutant.module_level or "" in found:
            found |= module  # runs at import time: every test using the module sees it
        if mutant.module_level:
            found |= {t for t in self.tests if t.startswith(META_TESTS)}
        chosen = {t for t in found if t and self.passing(t)}
        return sorted(chosen, key=lambda t: (self.tests[t]["duration"], t))


def collect(
    root: Path,
    sandbox: Sandbox,
    packages: Sequence[str],
    cache: Path,
    key: str,
    procs: Processes,
    tests: Sequence[str] = (),
) -> CoverageMap:
    """The coverage map for this exact tree: from ``cache`` if it is for ``key``, else run.

    ``tests`` (paths or node ids) limits the run, and so the tests any mutant can run, to
    those; by default the whole suite runs.
    """
    if cache.is_file():
        with contextlib.suppress(ValueError, KeyError, OSError):
            data = json.loads(cache.read_text(encoding="utf-8"))
            if data.get("key") == key:
                return CoverageMap.load(data)
    out = sandbox.root / ".mutate-coverage.json"
    cmd = [sys.executable, "-m", "tools.mutate.collect", str(out), *packages]
    cmd += ["--", *PYTEST_ARGS, *tests]
    print("collecting per-test coverage (once per tree)...", file=sys.stderr, flush=True)
    started = time.monotonic()
    code, output = procs.run(cmd, sandbox.root, environment(sandbox.root), timeout=3600)
    if code != 0 or not out.is_file():
        raise RuntimeError(f"the coverage run failed (exit {code}):\n{output[-3000:]}")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["key"] = key
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(data), encoding="utf-8")
    print(f"  took {time.monotonic() - started:.0f} s", file=sys.stderr)
    return CoverageMap.load(data)


# -- running the mutants ----------------------------------------------------------------


@dataclass
class Outcome:
    mutant: Mutant
    status: str  # caught, timeout, survived, untested, error
    tests: int = 0
    detail: str = ""  # the first failing test, or the end of the output of an error
    seconds: float = 0.0


def run_mutants(
    work: Sequence[tuple[Mutant, list[str]]],
    sandboxes: Sequence[Sandbox],
    cover: CoverageMap,
    procs: Processes,
    *,
    timeout_factor: float,
    timeout_floor: float,
    report: Callable[[Outcome], None],
) -> list[Outcome]:
    """Run each mutant against its tests, one sandbox per worker; ``report`` each result."""
    free: queue.Queue[Sandbox] = queue.Queue()
    for sandbox in sandboxes:
        free.put(sandbox)

    def one(mutant: Mutant, tests: list[str]) -> Outcome:
        if not tests:
            return Outcome(mutant, "untested")
        sandbox = free.get()
        try:
            budget = sum(cover.tests[t]["duration"] for t in tests)
            timeout = timeout_floor + timeout_factor * budget
            listing = sandbox.root / f".mutate-tests-{threading.get_ident()}"
            listing.write_text("\n".join(tests) + "\n", encoding="utf-8")
            files = sorted({t.split("::", 1)[0] for t in tests})
            env = environment(sandbox.root)
            env[ENV] = str(listing)
            cmd = [sys.executable, "-m", "pytest", *PYTEST_ARGS, "-x", "--tb=no", "-rf"]
            cmd += ["-p", "tools.mutate.select", *files]
            started = time.monotonic()
            with sandbox.mutated(mutant):
                code, output = procs.run(cmd, sandbox.root, env, timeout)
            seconds = time.monotonic() - started
        finally:
            free.put(sandbox)
        if code is None:
            return Outcome(mutant, "timeout", len(tests), f"over {timeout:.0f} s", seconds)
        if code == 0:
            return Outcome(mutant, "survived", len(tests), "", seconds)
        if code in (1, 2):  # tests failed, or collection failed (the mutant broke an import)
            failed = [ln[7:] for ln in output.splitlines() if ln.startswith("FAILED ")]
            detail = failed[0].split(" - ")[0] if failed else "collection error"
            return Outcome(mutant, "caught", len(tests), detail, seconds)
        return Outcome(mutant, "error", len(tests), output[-2000:], seconds)

    results: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=len(sandboxes)) as pool:
        futures = [pool.submit(one, mutant, tests) for mutant, tests in work]
        try:
            for future in futures:
                outcome = future.result()
                report(outcome)
                results.append(outcome)
        except BaseException:
            procs.stop()
            for future in futures:
                future.cancel()
            raise
    return results
