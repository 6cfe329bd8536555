"""No regular expression with super-linear backtracking runs on user text.

``regex_probe.py`` finds every pattern infoview compiles (a hook on ``re._compile`` installed
before the package is imported, module globals and class attributes, and every command run
over a sample workspace, so patterns compiled on first use are found too) and times each on
100 kB inputs built from the pattern itself. It runs in a fresh interpreter: a pattern that
hangs ends that process (SIGALRM), and the last line it printed names the pattern and input.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROBE = Path(__file__).with_name("regex_probe.py")
LIMIT = 0.5  # seconds for one search (and finditer) over 100 kB


def probe(*args: str, timeout: float = 300) -> tuple[int, list[dict[str, Any]]]:
    result = subprocess.run(
        [sys.executable, str(PROBE), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def probed() -> tuple[int, list[dict[str, Any]]]:
    """One probe of every pattern: (exit code, the JSON lines it printed)."""
    return probe("--size", "100000", "--kill", "5")


@pytest.fixture(scope="module")
def found(probed: tuple[int, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {r["found"]: r for r in probed[1] if "found" in r}


def test_every_pattern_infoview_compiles_is_linear_on_100_kb(
    probed: tuple[int, list[dict[str, Any]]],
) -> None:
    code, records = probed
    if code != 0:  # killed by the alarm: the last line says which run hung
        pytest.fail(f"a search ran for more than 5 s and was killed: {records[-1]}")
    runs = [r for r in records if "seconds" in r]
    slow = [r for r in runs if r["seconds"] > LIMIT]
    assert slow == []
    assert len({r["pattern"] for r in runs}) >= 30


def test_the_probe_finds_patterns_however_they_are_compiled(
    found: dict[str, dict[str, Any]],
) -> None:
    from infoview import schema

    # at import time, in a module global
    assert found[schema._DURATION.pattern]["module"] == "infoview.schema"
    # on each call, by re.sub with a string (model.normal_words)
    assert found[r"[^\w]+"]["module"] == "infoview.model"
    # only when a command meets a broken infoview.toml (config.line_of)
    assert found[r"^\s*\[\[?([^\]]+)\]"]["module"] == "infoview.config"
    # every IV303 and IV304 pattern, however the rules hold them
    from infoview.lint.rules import iv303_answerable_online, iv304_job_seeking

    for module in (iv303_answerable_online, iv304_job_seeking):
        for pattern in _patterns_in(module):
            assert pattern.pattern in found, pattern.pattern
    # the rules' grammar, compiled on first use (infoview.judge)
    from infoview import judge

    for rule in (judge.compiled().online, judge.compiled().job):
        for pattern in rule.patterns():
            assert pattern.pattern in found, pattern.pattern[:80]


def _patterns_in(module: Any) -> list[re.Pattern[str]]:
    out = []
    for value in vars(module).values():
        items = value if isinstance(value, (tuple, list)) else (value,)
        out += [p for p in items if isinstance(p, re.Pattern)]
    return out


@pytest.mark.parametrize(
    "pattern",
    [
        # what parse.py used for <!-- infoview-disable ... --> (cubic on spaces)
        r"<!--\s*infoview-disable\s+([A-Za-z0-9_,\- ]+?)\s*-->",
        # what IV404 used for a link without its scheme (quadratic on a.a.a...)
        r"://|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/",
        # what schema.py used for a duration (two repetitions sharing spaces)
        r"^\s*(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hr|hrs|hours?)?\s*$",
        # the textbook exponential shape
        r"^(\w+\s?)*$",
    ],
)
def test_the_probe_catches_known_catastrophic_shapes(pattern: str) -> None:
    code, records = probe("--pattern", pattern, "--size", "20000", "--kill", "1", timeout=60)
    slow = [r for r in records if r.get("seconds", 0) > LIMIT]
    assert code != 0 or slow, f"no input made {pattern!r} slow"
