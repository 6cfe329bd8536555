"""Turning rules off and on: inline comments, per-file ignores, [lint] config, the registry."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import importlib
import re
from pathlib import Path

import pytest

from infoview import lint
from infoview.config import load_config, parse_config
from infoview.errors import ConfigError
from infoview.lint.registry import RULES, lookup
from infoview.parse import parse_text

from .helpers import BASE, BODY, FRONT, QUESTIONS_LINE, RESEARCH, Row, cases, diagnostics, doc, run

FIRST = QUESTIONS_LINE + 2  # the first item under '### Goal 1'
W = "warning"
BOTH = "How many attorneys work here, and are you hiring?"  # IV303 and IV304 at once


def questions(*items: str, front: str = FRONT) -> str:
    """Questions under Goal 1 (the first item at line FIRST), one harmless under Goal 2."""
    goal_1 = "".join(f"{item}\n" for item in items)
    return doc(front, f"{RESEARCH}\n## Questions\n### Goal 1\n{goal_1}### Goal 2\n- Why probate?\n")


SELECT = ("IV002", "IV303", "IV304")
DONE_AND_RECORDED = (
    "follow_up:\n  may_contact_again: true\n  thank_you_sent: 2026-12-04\n"
    "  thank_you_via: email\nreferrals:\n  - name: Sam Ortiz\n"
)


@pytest.mark.parametrize(
    "text, today",
    cases(
        ("scheduled", doc(), "2026-11-25"),
        ("done-and-followed-up", doc(FRONT + DONE_AND_RECORDED, BODY + "- Learn the court rules.\n"), "2026-12-05"),
    ),
)  # fmt: skip
def test_the_tables_baseline_passes_every_rule(text: str, today: str) -> None:
    """Each table changes one thing in this baseline, so it must start clean."""
    assert run(text, today=today) == []


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("no-comment", questions("- Who founded the firm?", f"- {BOTH}"), [("IV303", FIRST, 1, W), ("IV303", FIRST + 1, 1, W), ("IV304", FIRST + 1, 1, W)]),
        ("silences-the-next-item-only", questions("- Who founded the firm?", "<!-- infoview-disable IV303 -->", f"- {BOTH}"), [("IV303", FIRST, 1, W), ("IV304", FIRST + 2, 1, W)]),
        ("by-slug", questions("<!-- infoview-disable answerable-online -->", f"- {BOTH}"), [("IV304", FIRST + 1, 1, W)]),
        ("two-codes", questions("<!-- infoview-disable IV303, IV304 -->", f"- {BOTH}"), []),
        ("two-codes-spaces", questions("<!-- infoview-disable IV303 job-seeking -->", f"- {BOTH}"), []),
        ("not-the-item-after-next", questions("<!-- infoview-disable IV303 -->", "- Why trusts?", "- Who founded the firm?"), [("IV303", FIRST + 2, 1, W)]),
        ("other-code-does-nothing", questions("<!-- infoview-disable IV305 -->", "- Who founded the firm?"), [("IV303", FIRST + 1, 1, W)]),
        ("plain-comment-does-nothing", questions("<!-- IV303 -->", "- Who founded the firm?"), [("IV303", FIRST + 1, 1, W)]),
    ),
)  # fmt: skip
def test_inline_disable(text: str, expected: list[Row]) -> None:
    assert run(text, select=SELECT) == expected


def test_inline_disable_code_in_lower_case() -> None:
    text = questions("<!-- infoview-disable iv303 -->", "- Who founded the firm?")
    assert run(text, select=SELECT) == []


def test_inline_disable_with_an_unknown_code_is_reported() -> None:
    text = questions("<!-- infoview-disable answerable-onlin -->", "- Who founded the firm?")
    assert run(text, select=SELECT) == [("IV002", FIRST, 1, W), ("IV303", FIRST + 1, 1, W)]
    assert "did you mean 'answerable-online'?" in diagnostics(text, select=SELECT)[0].message


def test_inline_disable_before_a_heading() -> None:
    """The comment works on any reported line, e.g. a heading that IV101 points at."""
    text = doc(FRONT, "<!-- infoview-disable IV101 -->\n## Research\n\n## Questions\n- Why?\n")
    assert run(text, select=["IV101"]) == []
    assert run(doc(FRONT, "## Research\n\n## Questions\n- Why?\n"), select=["IV101"]) == [
        ("IV101", 15, 1, "error")
    ]


END = len(FRONT.split("\n")) + 1  # the line of the first key appended after FRONT
ASKED = ("- Who founded the firm?", "- Are you hiring?")
BASELINE = [("IV303", FIRST, 1, W), ("IV304", FIRST + 1, 1, W)]


@pytest.mark.parametrize(
    "lint_block, expected",
    cases(
        ("none", "", BASELINE),
        ("by-code", "lint:\n  ignore: [IV303]\n", [("IV304", FIRST + 3, 1, W)]),
        ("by-slug", "lint:\n  ignore: [answerable-online]\n", [("IV304", FIRST + 3, 1, W)]),
        ("lower-case-code", "lint:\n  ignore: [iv303]\n", [("IV304", FIRST + 3, 1, W)]),
        ("a-single-value", "lint:\n  ignore: IV304\n", [("IV303", FIRST + 2, 1, W)]),
        ("both", "lint:\n  ignore:\n    - IV303\n    - job-seeking\n", []),
        ("unknown-code-warns", "lint:\n  ignore: [IV3030]\n", [("IV002", END + 1, 12, W), ("IV303", FIRST + 2, 1, W), ("IV304", FIRST + 3, 1, W)]),
        ("unknown-slug-warns", "lint:\n  ignore:\n    - answerable-onlne\n", [("IV002", END + 2, 7, W), ("IV303", FIRST + 3, 1, W), ("IV304", FIRST + 4, 1, W)]),
    ),
)  # fmt: skip
def test_front_matter_lint_ignore(lint_block: str, expected: list[Row]) -> None:
    assert run(questions(*ASKED, front=FRONT + lint_block), select=SELECT) == expected


@pytest.mark.parametrize(
    "name, hint",
    [
        ("IV3030", "did you mean 'IV303'?"),
        ("answerable-onlne", "did you mean 'answerable-online'?"),
    ],
)
def test_unknown_front_matter_ignore_suggests_a_rule(name: str, hint: str) -> None:
    text = questions(*ASKED, front=FRONT + f"lint:\n  ignore: [{name}]\n")
    (found,) = diagnostics(text, select=["IV002"])
    assert found.message.startswith(f"'lint.ignore' names unknown rule '{name}'; {hint}")


def test_unknown_front_matter_ignore_points_at_its_own_item() -> None:
    text = questions(*ASKED, front=FRONT + "lint:\n  ignore:\n    - IV303\n    - IV3030\n")
    assert run(text, select=["IV002"]) == [("IV002", END + 3, 7, W)]


@pytest.mark.parametrize(
    "lint_config, expected",
    cases(
        ("all-rules", "", BASELINE),
        ("select-by-code", '[lint]\nselect = ["IV303"]\n', BASELINE[:1]),
        ("select-by-slug", '[lint]\nselect = ["job-seeking"]\n', BASELINE[1:]),
        ("select-lower-case", '[lint]\nselect = ["iv304"]\n', BASELINE[1:]),
        ("ignore-by-code", '[lint]\nignore = ["IV303"]\n', BASELINE[1:]),
        ("ignore-by-slug", '[lint]\nignore = ["job-seeking"]\n', BASELINE[:1]),
        ("select-then-ignore", '[lint]\nselect = ["IV303", "IV304"]\nignore = ["answerable-online"]\n', BASELINE[1:]),
        ("severity-by-code", '[lint.severity]\nIV303 = "error"\n', [("IV303", FIRST, 1, "error"), BASELINE[1]]),
        ("severity-by-slug", '[lint.severity]\njob-seeking = "info"\n', [BASELINE[0], ("IV304", FIRST + 1, 1, "info")]),
        ("severity-off", '[lint.severity]\nIV303 = "off"\n', BASELINE[1:]),
        ("severity-off-by-slug", '[lint.severity]\nanswerable-online = "off"\njob-seeking = "off"\n', []),
    ),
)  # fmt: skip
def test_config_select_ignore_severity(lint_config: str, expected: list[Row]) -> None:
    text = questions(*ASKED)
    found = run(text, config_toml=BASE + lint_config)
    assert [row for row in found if row[0] in SELECT] == expected


def test_config_selection_limits_every_rule() -> None:
    text = questions(*ASKED, front=FRONT.replace("duration: 30", "duration:"))
    assert run(text, config_toml=BASE + '[lint]\nselect = ["IV303"]\n') == BASELINE[:1]
    assert ("IV403", 7, 3, W) in run(text)


def test_severity_changes_front_matter_warnings_too() -> None:
    text = doc(FRONT + "statu: done\n")
    config = BASE + '[lint.severity]\nschema = "error"\n'
    assert run(text, select=["IV002"]) == [("IV002", END, 1, W)]
    assert run(text, config_toml=config, select=["IV002"]) == [("IV002", END, 1, "error")]


@pytest.mark.parametrize(
    "lint_config, message",
    cases(
        ("select-code", '[lint]\nselect = ["IV3033"]\n', "'lint.select': unknown rule 'IV3033'; did you mean 'IV303'?"),
        ("ignore-slug", '[lint]\nignore = ["answerable-onlin"]\n', "'lint.ignore': unknown rule 'answerable-onlin'; did you mean 'answerable-online'?"),
        ("severity-code", '[lint.severity]\nIV5044 = "warning"\n', "'lint.severity.IV5044': unknown rule 'IV5044'; did you mean 'IV504'?"),
        ("nothing-close", '[lint]\nignore = ["zzz"]\n', "'lint.ignore': unknown rule 'zzz'; see 'infoview rules'"),
    ),
)  # fmt: skip
def test_unknown_rule_in_config_is_an_error(lint_config: str, message: str) -> None:
    config = parse_config(BASE + lint_config, Path("infoview.toml"))
    with pytest.raises(ConfigError) as caught:
        lint.selection(config)
    assert caught.value.message.startswith(message)
    assert str(caught.value).startswith("infoview.toml: ")


@pytest.mark.parametrize(
    "key, pattern",
    [("answerable_online", "(unclosed"), ("job_seeking", "[a-")],
)
def test_invalid_pattern_in_config_is_an_error(key: str, pattern: str) -> None:
    config = parse_config(BASE + f'[lint]\n{key} = ["{pattern}"]\n', Path("infoview.toml"))
    with pytest.raises(ConfigError) as caught:
        lint.context(config, dt.date(2026, 11, 25))
    assert caught.value.message.startswith(
        f"'lint.{key}': pattern '{pattern}' is not a valid regular expression ("
    )


def test_invalid_severity_in_config_is_an_error() -> None:
    with pytest.raises(ConfigError, match=r"'lint.severity.IV504': is 'loud'; use one of"):
        parse_config(BASE + '[lint.severity]\nIV504 = "loud"\n')


# SPEC section 3, as data: code, slug, default severity.
SPEC_RULES = """
IV001 invalid-front-matter error
IV002 schema error
IV003 interviewer-missing error
IV101 research-missing error
IV102 research-facet-missing warning
IV103 no-common-ground warning
IV104 research-sources-missing info
IV201 goals-missing error
IV202 too-many-goals warning
IV203 goal-is-a-question warning
IV204 goal-without-questions warning
IV301 questions-missing error
IV302 question-without-goal warning
IV303 answerable-online warning
IV304 job-seeking warning
IV305 duplicate-question info
IV401 meeting-date-missing warning
IV402 contact-missing warning
IV403 duration-missing warning
IV404 location-missing warning
IV405 intro-missing info
IV406 notes-missing warning
IV407 referrals-not-asked info
IV408 permission-not-recorded info
IV501 thank-you-overdue error
IV502 thank-you-due warning
IV503 thank-you-channel info
IV504 keep-in-touch-due info
"""
SPEC = [tuple(line.split()) for line in SPEC_RULES.strip().splitlines()]


def test_registry_is_the_spec_table() -> None:
    assert [(r.code, r.slug, r.severity) for r in RULES.values()] == SPEC


@pytest.mark.parametrize("code, slug, severity", SPEC, ids=[row[0] for row in SPEC])
def test_each_rule_is_found_by_code_and_slug(code: str, slug: str, severity: str) -> None:
    rule = RULES[code]
    assert lookup(code) is rule
    assert lookup(code.lower()) is rule
    assert lookup(slug) is rule
    assert rule.severity == severity


@pytest.mark.parametrize("code", list(RULES))
def test_each_rule_documents_itself(code: str) -> None:
    rule = RULES[code]
    module = importlib.import_module(rule.check.__module__)
    assert module.__doc__ is not None
    assert rule.summary and not rule.summary.endswith(":")
    assert re.search(r'^The guide: "[^"]+"', rule.doc, re.MULTILINE), "no guide quote"
    assert re.search(r"^Passing\b.*::$", rule.doc, re.MULTILINE), "no passing example"
    assert re.search(r"^Failing\b.*::$", rule.doc, re.MULTILINE), "no failing example"
    assert rule.doc.index("Passing") < rule.doc.index("Failing")


def test_report_is_sorted_by_position() -> None:
    text = questions(
        "- Are you hiring?", "- Who founded the firm?", front=FRONT.replace("  duration: 30\n", "")
    )
    found = run(text)
    assert found == sorted(found, key=lambda row: (row[1], row[2], row[0]))
    assert [row[0] for row in found] == ["IV403", "IV304", "IV303"]


# The workspace's own examples: clean apart from the deliberately incomplete one.
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "interviews").glob("*.md"))


def lint_example(path: Path) -> list[Row]:
    config = load_config(ROOT / "infoview.toml")
    interview = parse_text(path.read_text(encoding="utf-8"), path)
    ctx = lint.context(config, dt.date(2026, 11, 25))
    found = lint.check(interview, ctx, lint.selection(config), path.name)
    return [(d.code, d.line, d.column, d.severity) for d in found]


def test_examples_exist() -> None:
    assert [p.name for p in EXAMPLES] == [
        "2026-11-18-marcus-lee.md",
        "2026-11-25-priya-raman.md",
        "2026-12-03-dana-whitfield.md",
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_have_no_errors(path: Path) -> None:
    found = lint_example(path)
    assert [row for row in found if row[3] == "error"] == []
    if path.stem == "2026-11-25-priya-raman":
        assert {row[3] for row in found} == {"warning"}
    else:
        assert found == []
