"""The schema's value patterns, case by case: every month and day, every hour, minute and
offset, every duration unit and bound, each choice in any case; and, at the edges, that
IV002 agrees (the schema module's promise: valid exactly when lint reports no IV002)."""

from __future__ import annotations

import calendar
import json
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from test_schema_json import instance, iv002

from infoview import __version__
from infoview.cli import cli
from infoview.lint.registry import RULES
from infoview.schema import FORMALITIES, MODES, STATUSES, VIAS
from infoview.schema_json import any_case


# Function-scoped on purpose: a module-scoped fixture builds the schema during the first
# test only, so per-test coverage (make mutate) would tie the schema's code to that test.
@pytest.fixture
def schema() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(CliRunner().invoke(cli, ["schema"]).output)
    return document


@pytest.fixture
def valid(schema: dict[str, Any]) -> Any:
    validator = Draft202012Validator(schema)
    return lambda front: validator.is_valid(instance(front))


def test_the_schema_text_is_indented_by_two_and_keeps_non_ascii() -> None:
    text = CliRunner().invoke(cli, ["schema"]).output
    assert text.splitlines()[:2] == [
        "{",
        '  "$schema": "https://json-schema.org/draft/2020-12/schema",',
    ]
    assert "Dr. Bell-Núñez" in text


@pytest.mark.parametrize(
    "front",
    ["meeting:\n  date: 20261203\n", "lint:\n  ignore: 5\n", "follow_up:\n  thank_you_sent: 5\n"],
)
def test_a_number_is_neither_a_date_nor_a_rule(valid: Any, front: str) -> None:
    assert not valid(front)
    assert iv002(front) != []


@pytest.mark.parametrize(
    "stamp", ["20261203", "2026-W49-4", "2026-337", "2026-12-03T1030", "2026-12-03T10:00:00,5"]
)
def test_other_iso_forms_are_refused_by_both(valid: Any, stamp: str) -> None:
    """Python's fromisoformat takes these; infoview documents YYYY-MM-DD[THH:MM]."""
    front = f"meeting:\n  date: '{stamp}'\n"
    assert not valid(front)
    assert iv002(front) == [
        f"'meeting.date' is '{stamp}', not a valid date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM"
    ]


def test_the_schema_names_itself(schema: dict[str, Any]) -> None:
    assert schema["$id"] == f"urn:infoview:front-matter:{__version__}"
    assert schema["title"] == "infoview interview front matter"
    assert "'infoview lint' reports no IV002" in schema["description"]


def _day_ok(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]  # 29 Feb too


@pytest.mark.parametrize("key", ["meeting:\n  date", "follow_up:\n  thank_you_sent"])
def test_every_month_and_day(valid: Any, key: str) -> None:
    wrong = [
        (m, d)
        for m in range(14)
        for d in range(33)
        if valid(f"{key}: '2026-{m:02}-{d:02}'\n") != _day_ok(m, d)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("stamp", "ok"),
    [
        *[(f"2026-12-03T{h:02}:00", h < 24) for h in range(26)],
        *[(f"2026-12-03 10:{m:02}", m < 60) for m in range(0, 61, 5)],
        *[(f"2026-12-03T10:00:{s:02}", s < 60) for s in (0, 9, 10, 59, 60)],
        ("2026-12-03T10:00:00.25", True),
        ("2026-12-03T10:00:00.", False),
        ("2026-12-03T10:00.5", False),
        ("2026-12-03T10", True),
        ("2026-12-03T1:00", False),
        ("2026-12-03t10:00", False),
        ("2026-12-03T10:00Z", True),
        ("2026-12-03T10:00-08:00", True),
        ("2026-12-03T10:00+0530", True),
        ("2026-12-03T10:00+05", True),
        ("2026-12-03T10:00+23:59", True),
        ("2026-12-03T10:00+24:00", False),
        ("2026-12-03T10:00+12:60", False),
        ("2026-12-03T10:00+5", False),
        ("2026-12-03T10:00 +05:00", False),
        ("  2026-12-03T10:00  ", True),
        ("x2026-12-03", False),
        ("2026-12-03x", False),
        ("026-12-03", False),
    ],
)
def test_date_times(valid: Any, stamp: str, ok: bool) -> None:
    assert valid(f"meeting:\n  date: '{stamp}'\n") is ok


@pytest.mark.parametrize(
    ("stamp", "ok"),
    [
        ("2026-12-03T23:00", True),
        ("2026-12-03T24:00", False),
        ("2026-12-03T10:00+23:59", True),
        ("2026-12-03T10:00+24:00", False),
        ("2026-04-30", True),
        ("2026-04-31", False),
        ("2026-12-31", True),
        ("2026-12-00", False),
    ],
)
def test_lint_agrees_on_the_edges_of_dates(valid: Any, stamp: str, ok: bool) -> None:
    front = f"meeting:\n  date: '{stamp}'\n"
    assert (valid(front), iv002(front) == []) == (ok, ok)


# Written out, not read from schema_json: the test must fail if one is dropped there.
UNITS = ("m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours")


@pytest.mark.parametrize("unit", UNITS)
def test_every_duration_unit_in_any_case(valid: Any, unit: str) -> None:
    assert valid(f"meeting:\n  duration: 45 {unit}\n")
    assert valid(f"meeting:\n  duration: '2{unit.upper()}'\n")
    assert valid(f"meeting:\n  duration: ' 1.5 {unit.title()} '\n")
    assert not valid(f"meeting:\n  duration: 45 {unit}s s\n")


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("0.5", False),
        ("0.51", True),
        ("1", True),
        ("1440", True),
        ("1440.5", True),
        ("1440.51", False),
        ("'45'", True),
        ("'4.5'", True),
        ("'4.'", False),
        ("'.5 h'", False),
        ("'45 seconds'", False),
    ],
)
def test_duration_bounds_and_forms(valid: Any, value: str, ok: bool) -> None:
    front = f"meeting:\n  duration: {value}\n"
    assert valid(front) is ok
    if value[0] != "'":
        assert (iv002(front) == []) is ok


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("meeting:\n  mode", (*MODES, "in person", "inperson", "zoom")),
        ("formality", FORMALITIES),
        ("status", STATUSES),
        ("follow_up:\n  thank_you_via", VIAS),
    ],
)
def test_each_choice_in_any_case_and_nothing_else(
    valid: Any, key: str, words: tuple[str, ...]
) -> None:
    for word in words:
        assert valid(f"{key}: '{word}'\n") and valid(f"{key}: ' {word.upper()} '\n")
        assert not valid(f"{key}: '{word}x'\n") and not valid(f"{key}: 'x{word}'\n")
    assert valid(f"{key}: '  '\n") and valid(f"{key}:\n")


@pytest.mark.parametrize("word", ["true", "false", "yes", "no", "y", "n", "on", "off"])
def test_each_yes_or_no_in_any_case(valid: Any, word: str) -> None:
    assert valid(f"follow_up:\n  may_contact_again: '{word.upper()}'\n")
    assert not valid(f"follow_up:\n  may_contact_again: '{word}!'\n")


def test_every_rule_by_code_or_slug_in_lint_ignore(valid: Any) -> None:
    for rule in RULES.values():
        assert valid(f"lint:\n  ignore: [{rule.code.lower()}, ' {rule.slug.upper()} ']\n")
        assert valid(f"lint:\n  ignore: {rule.slug}\n")
    assert valid("lint:\n  ignore: [~, '']\n")
    assert not valid("lint:\n  ignore: [IV3030]\n")


@pytest.mark.parametrize(
    ("front", "ok"),
    [
        ("referrals:\n  - name: 42\n", True),
        ("referrals:\n  - name: true\n", True),
        ("referrals:\n  - name: ' x '\n", True),
        ("referrals:\n  - name: '   '\n", False),
        ("referrals:\n  - name: ~\n", False),
        ("referrals:\n  - name: [a]\n", False),
        ("referrals:\n  - 42\n", True),
        ("referrals:\n", True),
        ("referrals: Sam\n", False),
        ("follow_up:\n  keep_in_touch:\n    - note: hi\n", True),
        ("follow_up:\n  keep_in_touch:\n    - 7\n", True),
        ("tags: solo\n", True),
        ("tags: [a, [b]]\n", False),
        ("tags: {a: b}\n", False),
        ("learning_goals: 3\n", True),
    ],
)
def test_lists_and_entries(valid: Any, front: str, ok: bool) -> None:
    assert valid(front) is ok
    assert (iv002(front) == []) is ok


@pytest.mark.parametrize(
    ("word", "pattern"),
    [
        ("in-person", "[iI][nN]\\-[pP][eE][rR][sS][oO][nN]"),
        ("IV303", "[iI][vV]303"),
        ("a.b+c", "[aA]\\.[bB]\\+[cC]"),
        ("(x)|[y]{2}^$*?/", "\\([xX]\\)\\|\\[[yY]\\]\\{2\\}\\^\\$\\*\\?\\/"),
        ("日_", "日_"),
    ],
)
def test_any_case(word: str, pattern: str) -> None:
    assert any_case(word) == pattern
