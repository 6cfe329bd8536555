"""A pytest plugin for one mutant run: keep exactly the tests it names, fastest first.

Loaded with ``-p tools.mutate.select``; ``INFOVIEW_MUTATE_TESTS`` names a file with one
node id per line, in the order to run them. A node id that no longer exists is an error
(exit 4), so a stale coverage map cannot pass for "no test failed" -- except a parametrized
case whose id the mutant changed (ids are made from the parameters, and a mutated constant
can be one): then every case of that test function runs in its place.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

ENV = "INFOVIEW_MUTATE_TESTS"


def restore_ctrl_c() -> None:
    """Undo an inherited "ignore SIGINT" (a run started in the background has it).

    Tests that stop a child with SIGINT need it handled; an ignored signal stays ignored
    across exec, a handled one does not.
    """
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


restore_ctrl_c()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = Path(os.environ[ENV]).read_text(encoding="utf-8").splitlines()
    order = {nodeid: i for i, nodeid in enumerate(wanted)}
    present = {item.nodeid for item in items}
    for nodeid in [n for n in wanted if n not in present and "[" in n]:
        # a case renamed by the mutant: run all of its function's cases instead
        function = nodeid.split("[", 1)[0]
        cases = [item.nodeid for item in items if item.nodeid.split("[", 1)[0] == function]
        if cases:
            del order[nodeid]
            for case in cases:
                order.setdefault(case, len(order) + len(wanted))
    kept = sorted((item for item in items if item.nodeid in order), key=lambda i: order[i.nodeid])
    missing = set(order) - {item.nodeid for item in kept}
    if missing:
        raise pytest.UsageError(f"tests not found: {', '.join(sorted(missing)[:5])}")
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in order])
    items[:] = kept
