"""Run the test suite once under coverage, recording which test runs each line.

``python -m tools.mutate.collect OUT.json PACKAGE... -- PYTEST-ARGS`` (run inside a project
copy). Each test runs in its own coverage context named by its pytest node id; lines run
outside any test (imports during collection) land in the empty context "". OUT.json holds
``{"exit": code, "tests": {nodeid: {"outcome", "duration"}}, "lines": {file: {line:
[nodeid, ...]}}}`` with files relative to the current folder.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import coverage
import pytest

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


def main(argv: list[str]) -> int:
    restore_ctrl_c()
    split = argv.index("--")
    out, packages, args = Path(argv[0]), argv[1:split], argv[split + 1 :]
    root = Path.cwd()
    include = [str(root / package / "*") for package in packages]
    cov = coverage.Coverage(data_file=None, include=include, config_file=False)
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
    result = {"exit": int(code), "tests": recorder.tests, "lines": lines}
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
