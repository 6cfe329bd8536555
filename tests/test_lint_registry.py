"""The registry: every rule declares itself, day-dependence is declared and enforced, and
rule modules are imported only when a rule is used.
"""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from lint_corpus import CONFIG, CORPUS, DAYS

from infoview import lint
from infoview.config import parse_config
from infoview.lint import registry
from infoview.lint.context import Context, DayRead
from infoview.lint.diagnostic import Finding
from infoview.lint.runner import lint_text
from infoview.model import FILE_START, Interview
from infoview.parse import parse_bytes

LEVELS = {"error", "warning", "info"}


@pytest.mark.parametrize("rule", registry.RULES.values(), ids=lambda r: r.code)
def test_every_rule_module_declares_itself(rule: registry.Rule) -> None:
    module = importlib.import_module(f"infoview.lint.rules.{rule.module_name}")
    assert (rule.code, rule.slug) == (module.CODE, module.SLUG)
    assert module.SEVERITY in LEVELS
    assert type(module.DEPENDS_ON_DAY) is bool, "declare DEPENDS_ON_DAY = True or False"
    assert rule.depends_on_day is module.DEPENDS_ON_DAY
    assert rule.summary and rule.doc.startswith(rule.summary.split(" ")[0])


def test_the_day_rules_are_the_ones_reading_the_meetings_status_or_dates() -> None:
    day = {code for code, rule in registry.RULES.items() if rule.depends_on_day}
    assert day == {"IV405", "IV406", "IV407", "IV408", "IV501", "IV502", "IV504"}


def corpus() -> Iterator[tuple[str, Interview]]:
    for stem, text in CORPUS.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        yield stem, parse_bytes(data, Path(f"interviews/{stem}.md"))


@pytest.mark.parametrize("day", DAYS)
def test_the_two_parts_make_the_whole_and_no_cached_rule_reads_the_day(day: str) -> None:
    config = parse_config(CONFIG)
    chosen = lint.selection(config)
    ctx = lint.context(config, dt.date.fromisoformat(day))
    for stem, interview in corpus():
        whole = lint.check(interview, ctx, chosen, stem)
        stable = lint.check(interview, ctx, chosen, stem, part="stable", errors="raise")
        moving = lint.check(interview, ctx, chosen, stem, part="day", errors="raise")
        assert sorted(stable + moving, key=lambda d: (d.line, d.column, d.code)) == whole
        assert all(registry.RULES[d.code].depends_on_day for d in moving)
        assert not any(registry.RULES[d.code].depends_on_day for d in stable)
        assert not any("internal error" in d.message for d in whole)


def _fake_rule(monkeypatch: pytest.MonkeyPatch, **declared: object) -> None:
    """Replace IV503 by a rule that reads today and declares ``declared``."""

    def check(interview: Interview, ctx: Context) -> Iterator[Finding]:
        yield Finding(FILE_START, f"today is {ctx.today}")

    module = types.ModuleType("fake", "Reads the day.\n\nThe guide: nothing.")
    module.__dict__.update(CODE="IV503", SLUG="thank-you-channel", SEVERITY="info")
    module.__dict__.update(check=check, **declared)
    fake = registry.Rule("IV503", "thank-you-channel", "fake")
    fake.__dict__["module"] = module  # what the cached_property would have imported
    monkeypatch.setitem(registry.RULES, "IV503", fake)


def test_a_rule_that_reads_the_day_but_says_it_does_not_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_rule(monkeypatch, DEPENDS_ON_DAY=False)
    config = parse_config(CONFIG)
    chosen = lint.selection(config)
    ctx = lint.context(config, dt.date(2026, 12, 4))
    interview = dict(corpus())["clean"]
    found = [d for d in lint.check(interview, ctx, chosen, "x") if d.code == "IV503"]
    assert [(d.severity, d.message) for d in found] == [
        (
            "error",
            "internal error in rule IV503 (DayRead: it reads the day but declares "
            "DEPENDS_ON_DAY = False); please report it",
        )
    ]
    with pytest.raises(DayRead):
        lint.check(interview, ctx, chosen, "x", part="stable", errors="raise")


def test_a_rule_that_declares_nothing_is_taken_as_day_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_rule(monkeypatch)
    assert registry.RULES["IV503"].depends_on_day is True
    config = parse_config(CONFIG)
    ctx = lint.context(config, dt.date(2026, 12, 4))
    found = lint.check(dict(corpus())["clean"], ctx, lint.selection(config), "x", part="day")
    assert "today is 2026-12-04" in [d.message for d in found]


def test_lint_text_is_lint_files_without_files() -> None:
    config = parse_config(CONFIG)
    chosen = lint.selection(config)
    ctx = lint.context(config, dt.date(2026, 12, 6))
    for stem, interview in corpus():
        text = CORPUS[stem]
        if isinstance(text, str):
            path = Path(f"interviews/{stem}.md")
            assert lint_text(text, path, ctx, chosen) == lint.check(
                interview, ctx, chosen, str(path)
            )


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {name for name in out if name.startswith("infoview.lint.rules.")}


def test_rule_modules_are_imported_only_when_a_rule_is_used() -> None:
    setup = "from infoview.lint import registry\n"
    assert (
        _modules_after(setup + "registry.lookup('job-seeking'); registry.suggest('IV30')") == set()
    )
    described = _modules_after(setup + "print(registry.RULES['IV303'].summary)")
    assert described == {
        "infoview.lint.rules.iv303_answerable_online",
        "infoview.lint.rules._common",
    }
    everything = _modules_after(setup + "registry.markdown_table()")
    assert len(everything) == len(registry.RULES) + 1
