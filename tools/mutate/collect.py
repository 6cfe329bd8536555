"""Run the test suite once under coverage, recording which test runs each line.

``python -m tools.mutate.collect OUT.json PACKAGE... -- PYTEST-ARGS`` (run inside a project
copy). Each test runs in its own coverage context named by its pytest node id; lines run
outside any test, or when the modules are imported (measured apart, see
``import_time_lines``), also carry the empty context "". OUT.json holds
``{"exit": code, "tests": {nodeid: {"outcome", "duration"}}, "lines": {file: {line:
[nodeid, ...]}}}`` with files relative to the current folder.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import coverage
import pytest

from tools.mutate.run import environment
from tools.mutate.select import restore_ctrl_c


class Recorder:
    """A pytest plugin: one coverage context per test, and each test's outcome and time."""

    def __init__(self, cov: coverage.Coverage) -> None:
        self.cov = cov
        self.tests: dict[str, dict[str, Any]] = {}

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: object) -> Iterator[None]:
        self.cov.switch_context(item.nodeid)
        try:
            return (yield)
        finally:
            self.cov.switch_context("")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = self.tests.setdefault(report.nodeid, {"outcome": "passed", "duration": 0.0})
        record["duration"] += report.duration
        if report.failed:
            record["outcome"] = "failed"
        elif report.skipped and record["outcome"] == "passed":
            record["outcome"] = "skipped"


def import_everything(packages: list[str]) -> None:
    """Import every module of ``packages`` (never a ``__main__``), as a test run may."""
    for package in packages:
        module = importlib.import_module(package)
        for found in pkgutil.walk_packages(module.__path__, f"{package}."):
            if not found.name.endswith(".__main__"):
                with contextlib.suppress(Exception):
                    importlib.import_module(found.name)


def import_time_lines(root: Path, packages: list[str]) -> dict[str, list[int]]:
    """The lines that run when the modules are imported, measured in a fresh process.

    With lazy imports a module's import-time lines run inside whichever test first needs
    it, so per-test contexts would tie a module-level line (or a function called at import
    time) to that one test. Importing everything once, apart, says which lines those are.
    """
    code = (
        "import json, sys, coverage\n"
        "from tools.mutate.collect import import_everything\n"
        f"cov = coverage.Coverage(data_file=None, include={_include(root, packages)!r},"
        " config_file=False)\n"
        f"cov.start()\nimport_everything({packages!r})\ncov.stop()\n"
        "data = cov.get_data()\n"
        "print(json.dumps({f: sorted(data.lines(f) or []) for f in data.measured_files()}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env=environment(root),
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout.splitlines()[-1])
    return {Path(name).relative_to(root).as_posix(): numbers for name, numbers in found.items()}


def _include(root: Path, packages: list[str]) -> list[str]:
    return [str(root / package / "*") for package in packages]


def main(argv: list[str]) -> int:
    restore_ctrl_c()
    split = argv.index("--")
    out, packages, args = Path(argv[0]), argv[1:split], argv[split + 1 :]
    root = Path.cwd()
    at_import = import_time_lines(root, packages)
    cov = coverage.Coverage(data_file=None, include=_include(root, packages), config_file=False)
    recorder = Recorder(cov)
    cov.start()
    try:
        code = pytest.main(args, plugins=[recorder])
    finally:
        cov.stop()
    data = cov.get_data()
    lines: dict[str, dict[int, list[str]]] = {}
    for name in data.measured_files():
        relative = Path(name).relative_to(root).as_posix()
        lines[relative] = {
            number: sorted(contexts) for number, contexts in data.contexts_by_lineno(name).items()
        }
    for relative, numbers in at_import.items():  # "": ran at import time, whoever imported
        for number in numbers:
            contexts = lines.setdefault(relative, {}).setdefault(number, [])
            if "" not in contexts:
                contexts.insert(0, "")
    result = {"exit": int(code), "tests": recorder.tests, "lines": lines}
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
