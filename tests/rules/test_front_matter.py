"""IV001 invalid-front-matter, IV002 schema, IV003 interviewer-missing: one line per case."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from .helpers import (
    BODY,
    DATE,
    DURATION,
    FORMALITY,
    FRONT,
    INTERVIEWER,
    MEETING,
    MODE,
    Row,
    cases,
    diagnostics,
    doc,
    run,
)

FM_RULES = ("IV001", "IV002", "IV003")
NAME_LINE = INTERVIEWER + 1
INTERVIEWER_BLOCK = 'interviewer:\n  name: Dana Whitfield\n  phone: "+1 503 555 0142"\n'


def fm(text: str) -> str:
    """An interview whose front matter is ``text`` (body unchanged)."""
    return doc(text, BODY)


def swap(old: str, new: str) -> str:
    """The baseline interview with one piece of its front matter replaced."""
    assert old in FRONT
    return doc(FRONT.replace(old, new, 1))


E, W = "error", "warning"


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("valid", doc(), []),
        ("unclosed-flow", fm("interviewer:\n  name: [Dana\n"), [("IV001", 3, 14, E)]),
        ("bad-indent", fm("interviewer:\n  name: Dana\n title: x\n"), [("IV001", 4, 2, E)]),
        ("a-list", fm("- Dana\n- Whitfield\n"), [("IV001", 2, 1, E)]),
        ("a-scalar", fm("just a sentence\n"), [("IV001", 2, 1, E)]),
        ("never-closed", "---\ninterviewer:\n  name: Dana\n\n## Research\n", [("IV001", 1, 1, E)]),
        ("python-tag", fm("interviewer: !!python/object/apply:os.system [ls]\n"), [("IV001", 2, 14, E)]),
        ("custom-tag", fm("interviewer:\n  name: !secret Dana\n"), [("IV001", 3, 9, E)]),
        ("no-front-matter", BODY, []),
        ("empty-front-matter", fm(""), []),
    ),
)  # fmt: skip
def test_iv001_invalid_front_matter(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV001"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("valid", doc(), []),
        ("duration-not-minutes", swap("duration: 30", "duration: soon"), [("IV002", DURATION, 13, E)]),
        ("duration-hours-ok", swap("duration: 30", "duration: 1h"), []),
        ("mode-unknown", swap("mode: video", "mode: carrier pigeon"), [("IV002", MODE, 9, E)]),
        ("mode-synonym-ok", swap("mode: video", "mode: Zoom"), []),
        ("date-impossible", swap("2026-12-03T10:00", "2026-02-30"), [("IV002", DATE, 9, E)]),
        ("date-not-a-date", swap("2026-12-03T10:00", "next Tuesday"), [("IV002", DATE, 9, E)]),
        ("date-quoted-iso-ok", swap("2026-12-03T10:00", '"2026-12-03T10:00"'), []),
        ("name-is-a-list", swap("name: Dana Whitfield", "name: [Dana, Whitfield]"), [("IV002", 3, 9, E)]),
        ("name-NO-is-text", swap("name: Dana Whitfield", "name: NO"), []),
        ("interviewer-a-scalar", swap(INTERVIEWER_BLOCK, "interviewer: Dana\n"), [("IV002", 2, 14, E)]),
        ("formality-unknown", swap("formality: formal", "formality: casual"), [("IV002", FORMALITY, 12, E)]),
        ("status-unknown", doc(FRONT + "status: postponed\n"), [("IV002", 14, 9, E)]),
        ("may-contact-maybe", doc(FRONT + "follow_up:\n  may_contact_again: maybe\n"), [("IV002", 15, 22, E)]),
        ("goals-a-mapping", doc(FRONT + "tags: {a: b}\n"), [("IV002", 14, 7, E)]),
        ("unknown-nested-key", swap("  duration: 30", "  duraton: 30"), [("IV002", DURATION, 3, W)]),
        ("unknown-top-key", doc(FRONT + "statu: done\n"), [("IV002", 14, 1, W)]),
        ("duplicate-top-key", doc(FRONT + "formality: informal\n"), [("IV002", 14, 1, E)]),
        ("duplicate-nested-key", swap("  duration: 30\n", "  duration: 30\n  duration: 45\n"), [("IV002", DURATION + 1, 3, E)]),
        ("broken-yaml-is-IV001", fm("interviewer:\n  name: [Dana\n"), []),
    ),
)  # fmt: skip
def test_iv002_schema(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV002"]) == expected


@pytest.mark.parametrize(
    "text, fragment",
    cases(
        ("unknown-nested", swap("  duration: 30", "  duraton: 30"), "unknown key 'duraton' in 'meeting'; did you mean 'duration'?"),
        ("unknown-top", doc(FRONT + "statu: done\n"), "unknown key 'statu'; did you mean 'status'?"),
        ("duplicate", doc(FRONT + "formality: informal\n"), f"duplicate key 'formality' (first on line {FORMALITY})"),
        ("choices", swap("mode: video", "mode: fax"), "use one of: in-person, video, phone"),
    ),
)  # fmt: skip
def test_iv002_message_names_the_fix(text: str, fragment: str) -> None:
    (found,) = diagnostics(text, select=["IV002"])
    assert fragment in found.message


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("named", doc(), []),
        ("no-interviewer", swap(INTERVIEWER_BLOCK, ""), [("IV003", 1, 1, E)]),
        ("no-name-key", swap("  name: Dana Whitfield\n", ""), [("IV003", INTERVIEWER, 1, E)]),
        ("name-empty", swap("name: Dana Whitfield", "name:"), [("IV003", NAME_LINE, 3, E)]),
        ("name-blank-quoted", swap("name: Dana Whitfield", 'name: "  "'), [("IV003", NAME_LINE, 3, E)]),
        ("no-front-matter", BODY, [("IV003", 1, 1, E)]),
        ("broken-yaml-is-IV001", fm("interviewer:\n  name: [Dana\n"), []),
    ),
)  # fmt: skip
def test_iv003_interviewer_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV003"]) == expected


def test_broken_front_matter_reports_only_iv001_among_front_matter_rules() -> None:
    text = fm("interviewer:\n  name: [Dana\nlearning_goals: []\n")
    rules = (*FM_RULES, "IV201", "IV401", "IV402", "IV403", "IV404")
    assert run(text, select=rules) == [("IV001", 4, 15, E)]


def test_meeting_constant_points_at_meeting_key() -> None:
    """The tables' line constants match the baseline they describe."""
    lines = doc().split("\n")
    assert lines[MEETING - 1] == "meeting:"
    assert lines[DATE - 1].startswith("  date:")
    assert lines[MODE - 1].startswith("  mode:")


# The rules that read the front matter stay quiet when IV001 says it could not be read; an
# IV001 below it (a NUL byte in the body) leaves them running (_common.front_matter_broken).
READERS = (*FM_RULES, "IV201", "IV401", "IV402", "IV403", "IV404")
NO_DURATION = FRONT.replace("  duration: 30\n", "")
BODY_NUL_LINE = len(doc(NO_DURATION).splitlines()) + 1  # the line after BODY
MISSING_ALL = [
    ("IV003", 1, 1, E),
    ("IV201", 1, 1, E),
    ("IV401", 1, 1, W),
    ("IV402", 1, 1, W),
    ("IV403", 1, 1, W),
]


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("nul-in-the-body", doc(NO_DURATION, BODY + "a stray \x00 byte\n"), [("IV403", MEETING, 1, W), ("IV001", BODY_NUL_LINE, 9, E)]),
        ("nul-in-the-front-matter", swap("name: Dana Whitfield", "name: Dana\x00Whitfield"), [("IV001", NAME_LINE, 13, E)]),
        ("nul-before-the-front-matter", "\x00" + doc(NO_DURATION), [("IV001", 1, 1, E)]),
        ("never-closed", "---\n" + NO_DURATION + BODY, [("IV001", 1, 1, E)]),
        ("no-front-matter-nul-on-line-2", "Notes\n\x00\n", [*MISSING_ALL, ("IV001", 2, 1, E)]),
    ),
)  # fmt: skip
def test_front_matter_rules_stop_only_for_an_iv001_in_the_front_matter(
    text: str, expected: list[Row]
) -> None:
    assert run(text, select=READERS) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        # one key invalid (IV002 on its line), another missing: the missing one is reported,
        # the invalid one is not also called missing (_common.invalid)
        ("duration-invalid-date-missing", swap("  date: 2026-12-03T10:00\n  duration: 30", "  duration: lots"), [("IV401", MEETING, 1, W), ("IV002", DATE, 13, E)]),
        ("date-invalid-duration-missing", swap("2026-12-03T10:00\n  duration: 30", "someday"), [("IV403", MEETING, 1, W), ("IV002", DATE, 9, E)]),
        ("date-empty-duration-invalid", swap("date: 2026-12-03T10:00\n  duration: 30", "date:\n  duration: lots"), [("IV401", DATE, 3, W), ("IV002", DURATION, 13, E)]),
        ("duration-empty-mode-invalid", swap("duration: 30\n  mode: video", "duration:\n  mode: fax"), [("IV403", DURATION, 3, W), ("IV002", MODE, 9, E)]),
        ("name-invalid-duration-missing", doc(NO_DURATION.replace("name: Dana Whitfield", "name: [Dana, W]")), [("IV002", NAME_LINE, 9, E), ("IV403", MEETING, 1, W)]),
    ),
)  # fmt: skip
def test_an_invalid_key_next_to_a_missing_one(text: str, expected: list[Row]) -> None:
    assert run(text, select=READERS) == expected
