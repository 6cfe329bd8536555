"""The parser: ``parse_text`` and ``parse_bytes`` turn one interview file into typed values.

Every case asserts exact problem codes, severities, file lines and columns, and the typed
values the rest of infoview reads. Front-matter cases run with both YAML back ends (libyaml
and pure Python), which must agree on every position.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview import yamlpos
from infoview.model import (
    Facet,
    FollowUp,
    GoalHeading,
    Interview,
    Interviewer,
    KeepInTouch,
    LearningGoal,
    Meeting,
    MeetingMode,
    NoteItem,
    Question,
    Referral,
    ResearchItem,
    Severity,
    Span,
    Status,
)
from infoview.parse import disabled_codes, parse_bytes, parse_text
from infoview.yamlpos import quote_scalar

PATH = Path("interviews/2026-12-03-dana-whitfield.md")
LA = ZoneInfo("America/Los_Angeles")
UTC = dt.UTC


def la(*args: int) -> dt.datetime:
    """A wall-clock time in Los Angeles (the workspace time zone of these tests)."""
    return dt.datetime(*args, tzinfo=LA)  # type: ignore[arg-type, misc]


def parse(text: str) -> Interview:
    return parse_text(text, PATH)


def doc(front: str, body: str = "") -> str:
    """A file: ``---``, the (dedented) YAML, ``---``, then the (dedented) body."""
    yaml_text = textwrap.dedent(front).strip("\n")
    return f"---\n{yaml_text}\n---\n" + textwrap.dedent(body).lstrip("\n")


def found(interview: Interview) -> list[tuple[str, int, int, str]]:
    """Problems as (code, line, column, severity): the part every case asserts exactly."""
    return [(p.code, p.span.line, p.span.column, p.severity.value) for p in interview.problems]


def only_problem(interview: Interview) -> tuple[str, int, int, str, str]:
    assert len(interview.problems) == 1, interview.problems
    p = interview.problems[0]
    return p.code, p.span.line, p.span.column, p.severity.value, p.message


@pytest.fixture(params=["fast", "libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the plain-shape reader (infoview.yamlfast) where it applies, then
    without it through libyaml's composer, and through PyYAML's pure-Python one."""
    if request.param != "fast":
        from infoview import yamlfast

        monkeypatch.setattr(yamlfast, "read", lambda text, first_line: None)
    if request.param == "pure":
        monkeypatch.setattr(yamlpos, "_loader", lambda: yaml.SafeLoader)
    return str(request.param)


# -- a complete file ---------------------------------------------------------------------------

SPEC_EXAMPLE = """\
---
interviewer:
  name: Dana Whitfield                   # required
  title: Senior Estate Planning Paralegal
  organization: Marlow & Reyes LLP
  email: dana.whitfield@example.com
  phone: "+1 503 555 0142"
  linkedin: https://www.linkedin.com/in/example
  website: https://example.com/team/dana  # firm bio page
meeting:
  date: 2026-12-03T10:00                 # date or date-time; offset optional
  duration: 30                           # minutes agreed with the interviewer
  mode: video                            # in-person | video | phone
  location: https://meet.example.com/abc # address, link or dial-in
formality: formal
status: scheduled
learning_goals:
  - Learn how this firm uses paralegals, and whether that is changing.
  - Learn about the career path from paralegal to lawyer.
follow_up:
  may_contact_again: true
  thank_you_sent: 2026-12-04
  thank_you_via: handwritten
  keep_in_touch:
    - date: 2027-02-10
      note: Told her I took the trusts and estates elective she recommended.
referrals:
  - name: Sam Ortiz
    note: Probate attorney; "tell him I sent you"
    file: 2027-01-15-sam-ortiz.md
referred_by: 2026-10-02-lee-chan.md
tags: [estate-planning]
---
# Dana Whitfield

## Research
- **Work history:** ten years at Marlow & Reyes
- **Education:** BA, Portland State
- **Credentials:** NALA certified paralegal
- **In common:** both PCC paralegal graduates
- **Sources:** firm bio page, LinkedIn

## Questions
### Goal 1: how this firm uses paralegals
- Which estate-planning tasks do paralegals here handle end to end?
### Goal 2
- How did you decide between staying a paralegal and law school?

## Notes
- Drafts most trust documents herself.
- **Takeaway:** take the trusts and estates elective

## Follow-up
Free text.
"""


def test_spec_example_front_matter_is_typed() -> None:
    interview = parse(SPEC_EXAMPLE)
    assert interview.problems == []
    assert interview.front_matter_end == 33
    assert interview.interviewer == Interviewer(
        name="Dana Whitfield",
        title="Senior Estate Planning Paralegal",
        organization="Marlow & Reyes LLP",
        email="dana.whitfield@example.com",
        phone="+1 503 555 0142",
        linkedin="https://www.linkedin.com/in/example",
        website="https://example.com/team/dana",
    )
    assert interview.meeting == Meeting(
        date=dt.date(2026, 12, 3),
        time=dt.time(10, 0),
        offset=None,
        duration=30,
        mode=MeetingMode.VIDEO,
        location="https://meet.example.com/abc",
    )
    assert interview.formality == "formal"
    assert interview.status_override is Status.SCHEDULED
    assert interview.learning_goals == (
        LearningGoal(
            1, "Learn how this firm uses paralegals, and whether that is changing.", Span(18, 5)
        ),
        LearningGoal(2, "Learn about the career path from paralegal to lawyer.", Span(19, 5)),
    )
    assert interview.follow_up == FollowUp(
        may_contact_again=True,
        thank_you_sent=dt.date(2026, 12, 4),
        thank_you_via="handwritten",
        keep_in_touch=(
            KeepInTouch(
                dt.date(2027, 2, 10),
                "Told her I took the trusts and estates elective she recommended.",
                Span(25, 7),
            ),
        ),
    )
    assert interview.referrals == (
        Referral(
            "Sam Ortiz",
            Span(28, 5),
            note='Probate attorney; "tell him I sent you"',
            file="2027-01-15-sam-ortiz.md",
        ),
    )
    assert interview.referred_by == "2026-10-02-lee-chan.md"
    assert interview.tags == ("estate-planning",)
    assert interview.lint_ignore == ()


@pytest.mark.parametrize(
    ("key", "span"),
    [
        ("interviewer", Span(2, 1)),
        ("interviewer.name", Span(3, 3)),
        ("interviewer.website", Span(9, 3)),
        ("meeting.date", Span(11, 3)),
        ("meeting.location", Span(14, 3)),
        ("status", Span(16, 1)),
        ("learning_goals[1]", Span(19, 5)),
        ("follow_up.keep_in_touch[0]", Span(25, 7)),
        ("follow_up.keep_in_touch[0].note", Span(26, 7)),
        ("referrals[0].file", Span(30, 5)),
        ("tags", Span(32, 1)),
    ],
)
def test_spec_example_key_positions(key: str, span: Span) -> None:
    interview = parse(SPEC_EXAMPLE)
    assert interview.keys[key] == span
    assert interview.span(key) == span


def test_span_of_a_missing_key_falls_back_to_its_parent_then_line_1() -> None:
    interview = parse(SPEC_EXAMPLE)
    assert interview.span("meeting.nonexistent") == Span(10, 1)
    assert interview.span("nothing.here") == Span(1, 1)


def test_spec_example_body() -> None:
    interview = parse(SPEC_EXAMPLE)
    assert interview.title == "Dana Whitfield"
    assert list(interview.sections) == ["research", "questions", "notes", "follow-up"]
    assert interview.sections["research"].span == Span(36, 1)
    assert interview.sections["follow-up"].title == "Follow-up"
    assert interview.sections["follow-up"].markdown == "Free text.\n"
    assert [(r.facet, r.label, r.text, r.span) for r in interview.research] == [
        (Facet.WORK_HISTORY, "Work history", "ten years at Marlow & Reyes", Span(37, 1)),
        (Facet.EDUCATION, "Education", "BA, Portland State", Span(38, 1)),
        (Facet.CREDENTIALS, "Credentials", "NALA certified paralegal", Span(39, 1)),
        (Facet.IN_COMMON, "In common", "both PCC paralegal graduates", Span(40, 1)),
        (Facet.SOURCES, "Sources", "firm bio page, LinkedIn", Span(41, 1)),
    ]
    assert interview.facets() == set(Facet)
    assert interview.goal_headings == (
        GoalHeading("Goal 1: how this firm uses paralegals", Span(44, 1), 1),
        GoalHeading("Goal 2", Span(46, 1), 2),
    )
    assert interview.questions == (
        Question(
            "Which estate-planning tasks do paralegals here handle end to end?",
            Span(45, 1),
            1,
            "Goal 1: how this firm uses paralegals",
        ),
        Question(
            "How did you decide between staying a paralegal and law school?",
            Span(47, 1),
            2,
            "Goal 2",
        ),
    )
    assert interview.notes == (
        NoteItem("Drafts most trust documents herself.", Span(50, 1), False),
        NoteItem("take the trusts and estates elective", Span(51, 1), True),
    )
    assert interview.takeaways == (interview.notes[1],)


# -- the fence ---------------------------------------------------------------------------------


def test_empty_file() -> None:
    interview = parse("")
    assert interview.problems == []
    assert interview.interviewer == Interviewer()
    assert interview.sections == {}
    assert interview.front_matter_end == 0
    assert interview.display_name == "2026-12-03-dana-whitfield"


def test_whitespace_only_file() -> None:
    interview = parse("\n\n   \n")
    assert interview.problems == []
    assert interview.sections == {}


def test_no_front_matter_positions_start_at_line_1() -> None:
    interview = parse("## Questions\n- Why estate planning?\n")
    assert interview.problems == []
    assert interview.front_matter_end == 0
    assert interview.interviewer.name is None
    assert interview.sections["questions"].span == Span(1, 1)
    assert interview.questions == (Question("Why estate planning?", Span(2, 1), None, None),)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("---\n---\n", 2),
        ("---\n\n\n---\n", 4),
        ("---  \ninterviewer:\n  name: Dana\n---   \n", 4),
        ("---\ninterviewer:\n  name: Dana\n...\n", 4),
    ],
)
def test_closed_front_matter(text: str, end: int) -> None:
    interview = parse(text + "## Notes\n- one\n")
    assert interview.problems == []
    assert interview.front_matter_end == end
    assert interview.notes == (NoteItem("one", Span(end + 2, 1), False),)


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "---\n",
        "---\ninterviewer:\n  name: Dana\n",
        "\ufeff---\r\ninterviewer:\r\n  name: Dana\r\n",
    ],
)
def test_unclosed_front_matter_is_iv001_at_line_1(text: str) -> None:
    interview = parse(text)
    assert only_problem(interview) == (
        "IV001",
        1,
        1,
        "error",
        "front matter opened with '---' is never closed; add a line '---' after the last key",
    )
    assert interview.interviewer.name is None
    assert interview.notes == ()


def test_unclosed_front_matter_still_reads_the_sections() -> None:
    interview = parse("---\ninterviewer:\n  name: Dana\n\n## Notes\n- one\n")
    assert [p.code for p in interview.problems] == ["IV001"]
    assert interview.interviewer.name is None
    assert list(interview.sections) == ["notes"]
    assert interview.sections["notes"].span == Span(5, 1)
    assert [(n.text, n.span) for n in interview.notes] == [("one", Span(6, 1))]


@pytest.mark.parametrize(
    ("front", "line", "column", "kind"),
    [
        ("- a\n- b", 2, 1, "a list"),
        ("[interviewer, meeting]", 2, 1, "a list"),
        ("hello", 2, 1, "a single value"),
        ("# a comment\n\n'quoted text'", 4, 1, "a single value"),
        ("\n\n  - indented", 4, 3, "a list"),
        ("42", 2, 1, "a single value"),
        ("null", 2, 1, "a single value"),
    ],
)
def test_front_matter_not_a_mapping(
    loader: str, front: str, line: int, column: int, kind: str
) -> None:
    interview = parse(f"---\n{front}\n---\n## Notes\n- kept\n")
    assert only_problem(interview) == (
        "IV001",
        line,
        column,
        "error",
        f"front matter is {kind}, not a mapping; start it with keys like 'interviewer:'",
    )
    assert interview.keys == {}
    # The body is still read.
    assert [n.text for n in interview.notes] == ["kept"]


# -- YAML syntax errors: the FILE line, with both back ends -------------------------------------


@pytest.mark.parametrize(
    ("front", "line", "column"),
    [
        ("interviewer:\n  name: Dana: Whitfield", 3, 13),
        ("interviewer:\n  name: Dana\n   title: Paralegal", 4, 9),
        ("interviewer:\n\tname: Dana", 3, 1),
        ("interviewer: {name: Dana\n", 3, 1),
        ("referred_by: *nowhere", 2, 14),
        # End of stream: on the last YAML line, never on the closing '---'.
        ("interviewer:\n  name: Dana\n  tags: [", 4, 10),
        ("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: x: y", 11, 5),
    ],
)
def test_yaml_syntax_error_at_file_line(loader: str, front: str, line: int, column: int) -> None:
    interview = parse(f"---\n{front}\n---\n## Notes\n- kept\n")
    code, at_line, at_column, severity, message = only_problem(interview)
    assert (code, at_line, at_column, severity) == ("IV001", line, column, "error")
    assert message.startswith("front matter is not valid YAML: ")
    assert message.endswith("; fix the YAML at this line")
    assert interview.interviewer.name is None
    assert [n.text for n in interview.notes] == ["kept"]


@pytest.mark.parametrize(
    ("prefix", "newline"),
    [("", "\n"), ("\ufeff", "\n"), ("", "\r\n"), ("\ufeff", "\r\n"), ("", "\r")],
)
def test_yaml_syntax_error_line_with_bom_and_line_endings(
    loader: str, prefix: str, newline: str
) -> None:
    lines = ["---", "interviewer:", "  name: Dana", "meeting:", "  mode: video: phone", "---"]
    interview = parse(prefix + newline.join(lines) + newline)
    code, line, column, _, message = only_problem(interview)
    assert (code, line, column) == ("IV001", 5, 14)
    assert "mapping values are not allowed" in message


def test_yaml_error_after_unicode_line_separators(loader: str) -> None:
    # YAML also breaks lines at U+2028 and U+0085; the file (and every editor) does not.
    text = doc(
        """
        interviewer:
          name: "Dana\u2028Whitfield"
          title: "Senior\x85Paralegal"
        meeting:
          date: 2026-02-30
        """
    )
    interview = parse(text)
    assert found(interview) == [("IV002", 6, 9, "error")]
    assert interview.keys["meeting.date"] == Span(6, 3)
    assert interview.keys["interviewer.title"] == Span(4, 3)


def test_yaml_syntax_error_after_unicode_line_separator(loader: str) -> None:
    text = doc(
        """
        interviewer:
          title: "Senior\u2029Paralegal"
          name: [Dana
        """
    )
    code, line, column, _, _ = only_problem(parse(text))
    assert (code, line) == ("IV001", 4)
    assert column >= 9


# -- unsafe YAML -------------------------------------------------------------------------------


def test_python_tag_is_refused_and_never_executed(tmp_path: Path, loader: str) -> None:
    target = tmp_path / "created-by-yaml"
    text = doc(
        f"""
        interviewer:
          name: Dana
        referred_by: !!python/object/apply:builtins.open ["{target}", "w"]
        """
    )
    interview = parse(text)
    assert only_problem(interview) == (
        "IV001",
        4,
        14,
        "error",
        "YAML tag '!!python/object/apply:builtins.open' is not allowed in front matter; remove it",
    )
    assert not target.exists()
    # The whole front matter is refused, not just the one value.
    assert interview.interviewer.name is None


def test_the_refused_payload_would_have_run(tmp_path: Path) -> None:
    """The control for the test above: the same payload does create the file when unsafe."""
    target = tmp_path / "created-by-yaml"
    handle = yaml.unsafe_load(f'!!python/object/apply:builtins.open ["{target}", "w"]')
    handle.close()
    assert target.exists()


@pytest.mark.parametrize(
    ("front", "line", "column", "tag"),
    [
        ("tags:\n  - !!python/name:os.system", 3, 5, "!!python/name:os.system"),
        ("interviewer: !!python/object:os.PathLike {}", 2, 14, "!!python/object:os.PathLike"),
        ("interviewer:\n  photo: !!binary aGVsbG8=", 3, 10, "!!binary"),
        ("tags: !!set {a, b}", 2, 7, "!!set"),
        ("referred_by: !custom value", 2, 14, "!custom"),
        ("!!python/object/apply:os.system {args: [ls]}", 2, 1, "!!python/object/apply:os.system"),
    ],
)
def test_non_standard_tags_refused(
    loader: str, front: str, line: int, column: int, tag: str
) -> None:
    interview = parse(f"---\n{front}\n---\n")
    assert only_problem(interview) == (
        "IV001",
        line,
        column,
        "error",
        f"YAML tag '{tag}' is not allowed in front matter; remove it",
    )


ALIAS_BOMB = """\
---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
---
## Notes
- kept
"""


def test_alias_bomb_is_iv001(loader: str) -> None:
    interview = parse(ALIAS_BOMB)  # how fast: make bench
    code, line, _, severity, message = only_problem(interview)
    assert (code, severity) == ("IV001", "error")
    assert 2 <= line <= 10
    assert message == (
        "front matter expands to more than 20000 values (an alias bomb?); remove the '*' aliases"
    )
    assert [n.text for n in interview.notes] == ["kept"]


@pytest.mark.parametrize(
    "yaml_text",
    ["a: &a [*a]", "a: &a {b: *a}", "a: &a\n  - x\n  - *a"],
    ids=["list", "map", "block"],
)
def test_an_alias_that_refers_to_itself_is_iv001_not_a_recursion_error(yaml_text: str) -> None:
    interview = parse(f"---\n{yaml_text}\n---\n## Notes\n- kept\n")
    code, line, _, severity, message = only_problem(interview)
    assert (code, severity) == ("IV001", "error")
    assert line in (2, 3)  # the anchored node
    assert message == (
        "front matter nests more than 32 levels deep through its '*' aliases (does an alias "
        "refer to itself?); remove the aliases"
    )
    assert [n.text for n in interview.notes] == ["kept"]


def test_small_aliases_still_work() -> None:
    text = doc(
        """
        interviewer:
          name: &who Sam Ortiz
        referrals:
          - *who
        """
    )
    interview = parse(text)
    assert interview.problems == []
    assert [r.name for r in interview.referrals] == ["Sam Ortiz"]


@pytest.mark.parametrize(
    "front",
    [
        "a: " + "[" * 5000 + "]" * 5000,
        "a: " + "{a: " * 5000 + "x" + "}" * 5000,
        "a: " + "- " * 5000 + "x",
        "a: " + "[" * 5000,
    ],
    ids=["flow-lists", "flow-maps", "block-dashes", "unclosed"],
)
def test_5000_deep_nesting_is_iv001_not_recursion_error(loader: str, front: str) -> None:
    interview = parse(f"---\n{front}\n---\n")  # how fast: make bench
    code, line, _, severity, message = only_problem(interview)
    assert (code, line, severity) == ("IV001", 2, "error")
    assert message.startswith("front matter is ")


def test_block_nesting_is_stopped_at_depth_32_at_its_line(loader: str) -> None:
    front = "".join("  " * level + "a:\n" for level in range(40)) + "  " * 40 + "x"
    interview = parse(f"---\n{front}\n---\n")
    assert only_problem(interview) == (
        "IV001",
        34,
        65,
        "error",
        "front matter is nested more than 32 levels deep; "
        "flatten it (interview keys need at most three levels)",
    )


# -- typed values ------------------------------------------------------------------------------


DEC3 = dt.date(2026, 12, 3)
TEN = dt.time(10, 0)
EST = dt.timezone(-dt.timedelta(hours=5))
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("value", "date", "time_", "offset"),
    [
        ("2026-12-03", DEC3, None, None),
        ("'2026-12-03'", DEC3, None, None),
        ("2026-12-03T10:00", DEC3, TEN, None),
        ("2026-12-03 10:00", DEC3, TEN, None),
        ("'2026-12-03T10:00'", DEC3, TEN, None),
        ("2026-12-03T10:00:30", DEC3, dt.time(10, 0, 30), None),
        ("2026-12-03T10:00-05:00", DEC3, TEN, EST),
        ("2026-12-03T10:00+05:30", DEC3, TEN, IST),
        ("2026-12-03T18:00Z", DEC3, dt.time(18, 0), dt.UTC),
        ("2027-01-15", dt.date(2027, 1, 15), None, None),
    ],
)
def test_meeting_date_values(
    value: str, date: dt.date, time_: dt.time | None, offset: dt.tzinfo | None
) -> None:
    interview = parse(doc(f"meeting:\n  date: {value}\n"))
    assert interview.problems == []
    assert (interview.meeting.date, interview.meeting.time, interview.meeting.offset) == (
        date,
        time_,
        offset,
    )


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("2026-02-30", " (day is out of range for month)"),
        ("2026-13-01", " (month must be in 1..12)"),
        ("2026-12-03T25:00", " (hour must be in 0..23)"),
        ("next tuesday", ""),
        ("2026-12-3", ""),
        ("'12/03/2026'", ""),
    ],
)
def test_invalid_meeting_date_is_iv002_at_its_line(value: str, detail: str) -> None:
    interview = parse(doc(f"interviewer:\n  name: Dana\nmeeting:\n  date: {value}\n"))
    raw = value.strip("'")
    assert only_problem(interview) == (
        "IV002",
        5,
        9,
        "error",
        f"'meeting.date' is '{raw}', not a valid date{detail}; "
        "write YYYY-MM-DD or YYYY-MM-DDTHH:MM",
    )
    assert interview.meeting.date is None
    assert interview.interviewer.name == "Dana"


def test_invalid_thank_you_date_names_its_key() -> None:
    interview = parse(doc("follow_up:\n  thank_you_sent: 2026-02-30\n"))
    code, line, column, _, message = only_problem(interview)
    assert (code, line, column) == ("IV002", 3, 19)
    assert message.startswith(
        "'follow_up.thank_you_sent' is '2026-02-30', not a valid date (day is out of range"
    )
    assert interview.follow_up.thank_you_sent is None


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("name", "NO", "NO"),
        ("name", "no", "no"),
        ("name", "Yes", "Yes"),
        ("name", "off", "off"),
        ("name", "'NO'", "NO"),
        ("name", "~Dana", "~Dana"),
        ("phone", "0503", "0503"),
        ("phone", "5035550142", "5035550142"),
        ("title", "1.50", "1.50"),
        ("title", "1e3", "1e3"),
        ("title", "2026-12-03", "2026-12-03"),
        ("organization", "null", None),
        ("organization", "''", None),
        ("organization", "'   '", None),
        ("organization", "  Marlow & Reyes  ", "Marlow & Reyes"),
    ],
)
def test_text_fields_keep_what_was_written(key: str, value: str, expected: str | None) -> None:
    interview = parse(doc(f"interviewer:\n  {key}: {value}\n"))
    assert interview.problems == []
    assert getattr(interview.interviewer, key) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("no", False),
        ("NO", False),
        ("n", False),
        ("off", False),
        ("false", False),
        ("'false'", False),
        ("yes", True),
        ("Yes", True),
        ("y", True),
        ("on", True),
        ("true", True),
        ("~", None),
        ("", None),
    ],
)
def test_may_contact_again_reads_yaml_booleans(value: str, expected: bool | None) -> None:
    interview = parse(doc(f"interviewer:\n  name: NO\nfollow_up:\n  may_contact_again: {value}\n"))
    assert interview.problems == []
    assert interview.follow_up.may_contact_again is expected
    assert interview.interviewer.name == "NO"


def test_may_contact_again_not_a_boolean() -> None:
    interview = parse(doc("follow_up:\n  may_contact_again: maybe\n"))
    assert only_problem(interview) == (
        "IV002",
        3,
        22,
        "error",
        "'follow_up.may_contact_again' is 'maybe'; use true or false",
    )


def test_tags_keep_their_text() -> None:
    interview = parse(doc("tags: [no, On, 2026, estate-planning]\n"))
    assert interview.problems == []
    assert interview.tags == ("no", "On", "2026", "estate-planning")


def test_scalar_learning_goal_and_tag_are_one_item_lists() -> None:
    interview = parse(doc("learning_goals: Learn the career path.\ntags: probate\n"))
    assert interview.problems == []
    assert interview.learning_goals == (LearningGoal(1, "Learn the career path.", Span(2, 17)),)
    assert interview.tags == ("probate",)


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("30", 30),
        ("'45'", 45),
        ("45 min", 45),
        ("20 minutes", 20),
        ("1h", 60),
        ("1.5 hours", 90),
        ("2 hrs", 120),
    ],
)
def test_duration_values(value: str, minutes: int) -> None:
    interview = parse(doc(f"meeting:\n  duration: {value}\n"))
    assert interview.problems == []
    assert interview.meeting.duration == minutes


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("soon", "'meeting.duration' is 'soon'; write the agreed minutes, e.g. 30"),
        ("0", "'meeting.duration' is 0 minutes; write the agreed minutes, e.g. 30"),
        ("25 h", "'meeting.duration' is 1500 minutes; write the agreed minutes, e.g. 30"),
        ("[30]", "'meeting.duration' must be a number of minutes, not a list"),
    ],
)
def test_invalid_duration(value: str, message: str) -> None:
    interview = parse(doc(f"meeting:\n  duration: {value}\n"))
    assert only_problem(interview) == ("IV002", 3, 13, "error", message)
    assert interview.meeting.duration is None


@pytest.mark.parametrize(
    ("value", "mode"),
    [
        ("video", MeetingMode.VIDEO),
        ("Video", MeetingMode.VIDEO),
        ("zoom", MeetingMode.VIDEO),
        ("in-person", MeetingMode.IN_PERSON),
        ("In person", MeetingMode.IN_PERSON),
        ("phone", MeetingMode.PHONE),
    ],
)
def test_meeting_modes(value: str, mode: MeetingMode) -> None:
    interview = parse(doc(f"meeting:\n  mode: {value}\n"))
    assert interview.problems == []
    assert interview.meeting.mode is mode


ONE_OF = "use one of:"
STATUSES = "planned, scheduled, done, cancelled"
MODES = "in-person, video, phone"
INTERVIEWER_KEYS = (
    "name, title, organization, email, phone, linkedin, website, photo, address, salutation"
)
TOP_KEYS = (
    "interviewer, meeting, formality, status, learning_goals, follow_up, referrals, "
    "referred_by, tags, lint"
)
VIA = "'follow_up.thank_you_via'"
MEAN = "did you mean"
VIA_ = "'thank_you_via'"
KNOWN = f"known keys: {INTERVIEWER_KEYS}"
KEEP = "'follow_up.keep_in_touch'"


@pytest.mark.parametrize(
    ("front", "line", "column", "message"),
    [
        ("meeting:\n  mode: boat", 3, 9, f"'meeting.mode' is 'boat'; {ONE_OF} {MODES}"),
        ("formality: casual", 2, 12, f"'formality' is 'casual'; {ONE_OF} formal, informal"),
        ("status: postponed", 2, 9, f"'status' is 'postponed'; {ONE_OF} {STATUSES}"),
        ("follow_up:\n  thank_you_via: owl", 3, 18, f"{VIA} is 'owl'; {ONE_OF} handwritten, email"),
        ("interviewer: Dana", 2, 14, f"'interviewer' must be a mapping of {INTERVIEWER_KEYS}"),
        ("interviewer:\n  name: [Dana, W]", 3, 9, "'interviewer.name' must be text, not a list"),
        ("interviewer:\n  name: {a: Dana}", 3, 9, "'interviewer.name' must be text, not a mapping"),
        ("learning_goals: {one: two}", 2, 17, "'learning_goals' must be a list ('- item' lines)"),
        ("referrals:\n  - note: no name", 3, 5, "'referrals[0]' needs a 'name:'"),
        ("follow_up:\n  keep_in_touch: weekly", 3, 18, f"{KEEP} must be a list ('- item' lines)"),
    ],
)
def test_wrong_types_and_values_are_iv002_errors(
    front: str, line: int, column: int, message: str
) -> None:
    interview = parse(f"---\n{front}\n---\n")
    assert only_problem(interview) == ("IV002", line, column, "error", message)


def test_status_override_is_case_insensitive() -> None:
    assert parse(doc("status: Cancelled\n")).status_override is Status.CANCELLED


@pytest.mark.parametrize(
    ("front", "line", "column", "message"),
    [
        ("interviewer:\n  name: A\ninterviewer: {}", 4, 1, "'interviewer' (first on line 2)"),
        ("interviewer:\n  name: A\n  title: T\n  name: B", 5, 3, "'name' (first on line 3)"),
        ("meeting:\n  duration: 30\n\n  duration: 45", 5, 3, "'duration' (first on line 3)"),
        ("referrals:\n  - name: A\n    name: B", 4, 5, "'name' (first on line 3)"),
    ],
)
def test_duplicate_keys_are_iv002_at_the_second(
    front: str, line: int, column: int, message: str
) -> None:
    interview = parse(f"---\n{front}\n---\n")
    assert only_problem(interview) == (
        "IV002",
        line,
        column,
        "error",
        f"duplicate key {message}; keep one",
    )


def test_duplicate_key_keeps_the_first_value() -> None:
    front = "interviewer:\n  name: A\n  name: B\nmeeting:\n  duration: 30\n  duration: 45\n"
    interview = parse(doc(front))
    assert interview.interviewer.name == "A"
    assert interview.meeting.duration == 30
    assert found(interview) == [("IV002", 4, 3, "error"), ("IV002", 7, 3, "error")]


@pytest.mark.parametrize(
    ("front", "line", "column", "message"),
    [
        ("interviewr:\n  name: A", 2, 1, "'interviewr'; did you mean 'interviewer'?"),
        ("learning_goal: [x]", 2, 1, "'learning_goal'; did you mean 'learning_goals'?"),
        ("meeting:\n  duraton: 30", 3, 3, "'duraton' in 'meeting'; did you mean 'duration'?"),
        ("follow_up:\n  thank_you: x", 3, 3, f"'thank_you' in 'follow_up'; {MEAN} {VIA_}?"),
        ("lint:\n  ignroe: [IV303]", 3, 3, "'ignroe' in 'lint'; did you mean 'ignore'?"),
        ("interviewer:\n  company: M", 3, 3, f"'company' in 'interviewer'; {KNOWN}"),
        ("zzz: 1", 2, 1, f"'zzz'; known keys: {TOP_KEYS}"),
    ],
)
def test_unknown_keys_are_warnings_with_did_you_mean(
    front: str, line: int, column: int, message: str
) -> None:
    interview = parse(f"---\n{front}\n---\n")
    assert only_problem(interview) == ("IV002", line, column, "warning", f"unknown key {message}")


def test_unknown_key_does_not_drop_the_known_ones() -> None:
    interview = parse(doc("interviewer:\n  name: Dana\n  nickname: D\n"))
    assert found(interview) == [("IV002", 4, 3, "warning")]
    assert interview.interviewer.name == "Dana"
    assert interview.problems[0].severity is Severity.WARNING


def test_null_sections_are_empty_not_errors() -> None:
    front = """
        interviewer: ~
        meeting: ~
        follow_up:
        referrals: ~
        learning_goals:
        tags: ~
        lint: ~
        formality: ~
        status:
        referred_by: ~
        """
    interview = parse(doc(front))
    assert interview.problems == []
    assert interview.interviewer == Interviewer()
    assert interview.meeting == Meeting()
    assert interview.follow_up == FollowUp()
    assert (interview.referrals, interview.learning_goals, interview.tags) == ((), (), ())
    assert (interview.formality, interview.status_override, interview.referred_by) == (
        None,
        None,
        None,
    )
    assert interview.keys["meeting"] == Span(3, 1)


def test_null_keys_inside_sections() -> None:
    interview = parse(doc("meeting:\n  date: ~\n  duration:\n  mode: null\n  location: ''\n"))
    assert interview.problems == []
    assert interview.meeting == Meeting()


def test_lint_ignore_in_front_matter() -> None:
    interview = parse(doc("lint:\n  ignore: [IV303, answerable-online]\n"))
    assert interview.lint_ignore == ("IV303", "answerable-online")


def test_referrals_as_strings_and_mappings() -> None:
    front = """
        referrals:
          - Sam Ortiz
          - name: Lee Chan
            contact: lee@example.com
          - ~
        """
    interview = parse(doc(front))
    assert interview.problems == []
    assert interview.referrals == (
        Referral("Sam Ortiz", Span(3, 5)),
        Referral("Lee Chan", Span(4, 5), contact="lee@example.com"),
    )


def test_keep_in_touch_as_plain_notes() -> None:
    interview = parse(doc("follow_up:\n  keep_in_touch:\n    - Sent her the article\n"))
    assert interview.problems == []
    assert interview.follow_up.keep_in_touch == (
        KeepInTouch(None, "Sent her the article", Span(4, 7)),
    )


# -- bytes, BOM, line endings, NUL -------------------------------------------------------------

SMALL = (
    "---\n"
    "interviewer:\n"
    "  name: Dana Whitfield\n"
    "meeting:\n"
    "  date: 2026-02-30\n"
    "---\n"
    "## Questions\n"
    "<!-- infoview-disable IV303 -->\n"
    "  - What does the firm do?\n"
)


def summary(interview: Interview) -> tuple[object, ...]:
    return (
        interview.interviewer.name,
        found(interview),
        interview.keys,
        interview.questions,
        interview.disabled,
        interview.front_matter_end,
        interview.sections["questions"].span,
    )


EXPECTED_SMALL = (
    "Dana Whitfield",
    [("IV002", 5, 9, "error")],
    {
        "interviewer": Span(2, 1),
        "interviewer.name": Span(3, 3),
        "meeting": Span(4, 1),
        "meeting.date": Span(5, 3),
    },
    (Question("What does the firm do?", Span(9, 3), None, None),),
    {9: ("IV303",)},
    6,
    Span(7, 1),
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode(),
        lambda t: b"\xef\xbb\xbf" + t.encode(),
        lambda t: t.replace("\n", "\r\n").encode(),
        lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode(),
        lambda t: t.replace("\n", "\r").encode(),
    ],
    ids=["lf", "bom", "crlf", "bom-crlf", "cr"],
)
def test_bom_and_line_endings_give_the_same_result(encode: Any) -> None:
    data = encode(SMALL)
    assert summary(parse_bytes(data, PATH)) == EXPECTED_SMALL
    assert summary(parse_text(data.decode("utf-8"), PATH)) == EXPECTED_SMALL


def test_bom_front_matter_is_still_read() -> None:
    interview = parse_bytes(b"\xef\xbb\xbf---\ninterviewer:\n  name: Dana\n---\n", PATH)
    assert interview.problems == []
    assert interview.interviewer.name == "Dana"
    assert interview.keys["interviewer.name"] == Span(3, 3)


@pytest.mark.parametrize(
    ("data", "line", "column", "byte"),
    [
        (b"---\ninterviewer:\n  name: Jos\xe9\n---\n", 3, 12, "e9"),
        (b"---\r\ninterviewer:\r\n  name: Zo\xc3\xab \xe9\r\n---\r\n", 3, 13, "e9"),
        (b"---\rinterviewer:\r  name: Zo\xc3\xab \xe9\r---\r", 3, 13, "e9"),
        (b"\xef\xbb\xbf---\ninterviewer:\n  name: \xff\xfe\n---\n", 3, 9, "ff"),
        (b"\xef\xbb\xbfab\x80", 1, 3, "80"),
        (b"---\ninterviewer:\n  name: Dana\n---\n## Notes\n- caf\xe9 and cr\xe8me\n", 6, 6, "e9"),
        (b"\xc3", 1, 1, "c3"),
    ],
)
def test_invalid_utf8_is_iv001_at_its_line_and_column(
    data: bytes, line: int, column: int, byte: str
) -> None:
    interview = parse_bytes(data, PATH)
    assert interview.problems[0] == type(interview.problems[0])(
        "IV001",
        f"file is not valid UTF-8 (byte 0x{byte}); re-save it as UTF-8 in your editor",
        Span(line, column),
    )
    assert [p.code for p in interview.problems].count("IV001") == 1


def test_latin1_file_is_still_read_with_replacement_characters() -> None:
    data = "---\ninterviewer:\n  name: José\n---\n## Notes\n- café\n".encode("latin-1")
    interview = parse_bytes(data, PATH)
    assert found(interview) == [("IV001", 3, 12, "error")]
    assert interview.interviewer.name == "Jos\ufffd"
    assert [n.text for n in interview.notes] == ["caf\ufffd"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("---\ninterviewer:\n  name: Dana\x00\n---\n", 3, 13),
        ("\x00", 1, 1),
        ("---\ninterviewer:\n  name: Dana\n---\n## Notes\n\n- a\x00b\n", 7, 4),
        ("---\r\ninterviewer:\r\n  name: Dana\x00\r\n---\r\n", 3, 13),
    ],
)
def test_nul_byte_is_iv001_at_its_line(text: str, line: int, column: int) -> None:
    for interview in (parse(text), parse_bytes(text.encode(), PATH)):
        assert interview.problems[0].code == "IV001"
        assert interview.problems[0].span == Span(line, column)
        assert interview.problems[0].message == "file contains a NUL byte; it is not a text file"
        assert len(interview.problems) == 1


def test_nul_byte_does_not_hide_the_metadata() -> None:
    interview = parse("---\ninterviewer:\n  name: Dana\x00\n  title: Paralegal\n---\n")
    assert interview.interviewer.title == "Paralegal"
    assert interview.interviewer.name == "Dana\ufffd"


# -- sections ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("## Research", "research"),
        ("## RESEARCH", "research"),
        ("## research", "research"),
        ("##   Research   ", "research"),
        ("## Research ##", "research"),
        ("## Questions", "questions"),
        ("## Questions:", "questions"),
        ("Questions\n---------", "questions"),
        ("Notes\n-", "notes"),
        ("## Notes", "notes"),
        ("## Follow-up", "follow-up"),
        ("## Follow up", "follow-up"),
        ("## FOLLOW-UP", "follow-up"),
        ("## Followup", "follow-up"),
        ("## Research notes", None),
        ("# Research", None),
        ("Research\n========", None),
        ("### Research", None),
        ("## Questionz", None),
    ],
)
def test_section_headings(heading: str, key: str | None) -> None:
    interview = parse(f"{heading}\n- an item?\n")
    assert list(interview.sections) == ([key] if key else [])
    if key:
        assert interview.sections[key].span == Span(1, 1)
        assert interview.sections[key].markdown == "- an item?\n"


def test_section_title_position_and_content_after_front_matter() -> None:
    text = doc(
        "interviewer:\n  name: Dana\n",
        """
        Dana Whitfield
        ==============

        Research
        --------
        - **Education:** BA

        ## Questions
        <!-- write them here -->

        ## Notes
        """,
    )
    interview = parse(text)
    assert interview.title == "Dana Whitfield"
    assert interview.sections["research"].span == Span(8, 1)
    assert interview.sections["research"].title == "Research"
    assert interview.sections["research"].markdown == "- **Education:** BA\n"
    assert interview.sections["research"].empty is False
    assert interview.sections["questions"].span == Span(12, 1)
    assert interview.sections["questions"].empty is True
    assert interview.sections["notes"].empty is True


def test_first_h1_is_the_title_and_later_h1_ends_a_section() -> None:
    interview = parse("# First\n## Notes\n- a\n# Second\n- b\n")
    assert interview.title == "First"
    assert interview.sections["notes"].markdown == "- a"
    assert [n.text for n in interview.notes] == ["a"]


def test_a_repeated_section_keeps_the_first() -> None:
    interview = parse("## Notes\n- first\n## Notes\n- second\n")
    assert interview.sections["notes"].span == Span(1, 1)
    assert [n.text for n in interview.notes] == ["first"]


@pytest.mark.parametrize(
    "text",
    [
        "- ## RESEARCH",
        "- ## Research\n  - **Education:** BA\n",
        "> ## Notes\n> - a\n",
        "1. ## Questions\n   - Why?\n2. after\n",
    ],
)
def test_headings_inside_lists_or_quotes_are_not_sections(text: str) -> None:
    # "- ## RESEARCH" once crashed the parser (IndexError: the section cut a list in two).
    interview = parse(text)
    assert interview.problems == []
    assert interview.sections == {}
    assert (interview.research, interview.questions, interview.notes) == ((), (), ())


def test_top_level_section_after_a_nested_heading() -> None:
    interview = parse("- x\n  ## Questions\n  - y?\n\n## Questions\n- z?\n")
    assert interview.sections["questions"].span == Span(5, 1)
    assert interview.questions == (Question("z?", Span(6, 1), None, None),)


def test_thematic_break_is_not_a_setext_heading() -> None:
    interview = parse("## Notes\n- a\n\n---\n\n- b\n")
    assert [n.text for n in interview.notes] == ["a", "b"]
    assert list(interview.sections) == ["notes"]


# -- research ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "facet", "label", "text"),
    [
        ("- **Work history:** ten years", Facet.WORK_HISTORY, "Work history", "ten years"),
        ("- **Experience:** ten years", Facet.WORK_HISTORY, "Experience", "ten years"),
        ("- Experience: ten years", Facet.WORK_HISTORY, "Experience", "ten years"),
        ("- Career: paralegal since 2015", Facet.WORK_HISTORY, "Career", "paralegal since 2015"),
        ("- **Background**: legal secretary", Facet.WORK_HISTORY, "Background", "legal secretary"),
        ("- **Education:** BA, PSU", Facet.EDUCATION, "Education", "BA, PSU"),
        ("- **Degrees**: BA, JD", Facet.EDUCATION, "Degrees", "BA, JD"),
        ("- School: PCC", Facet.EDUCATION, "School", "PCC"),
        ("- **Credentials:** NALA CP", Facet.CREDENTIALS, "Credentials", "NALA CP"),
        ("- Awards: Paralegal of the Year", Facet.CREDENTIALS, "Awards", "Paralegal of the Year"),
        ("- **Certifications:** CP", Facet.CREDENTIALS, "Certifications", "CP"),
        ("- Memberships: OPA", Facet.CREDENTIALS, "Memberships", "OPA"),
        ("- **Bar admissions:** Oregon", Facet.CREDENTIALS, "Bar admissions", "Oregon"),
        ("- __In common:__ PCC alumni", Facet.IN_COMMON, "In common", "PCC alumni"),
        ("- Common ground: marathons", Facet.IN_COMMON, "Common ground", "marathons"),
        ("- **Sources:** firm bio, LinkedIn", Facet.SOURCES, "Sources", "firm bio, LinkedIn"),
        ("* Sources: firm website", Facet.SOURCES, "Sources", "firm website"),
        ("1. **Education:** BA", Facet.EDUCATION, "Education", "BA"),
        ("- Hobbies: sailing", None, "Hobbies", "sailing"),
        ("- Works on trusts and wills", None, None, "Works on trusts and wills"),
        ("- **Education** without a colon", None, None, "**Education** without a colon"),
    ],
)
def test_research_facet_by_label(
    item: str, facet: Facet | None, label: str | None, text: str
) -> None:
    interview = parse(f"## Research\n{item}\n")
    facets = (facet,) if facet else ()
    assert interview.research == (ResearchItem(facet, label, text, Span(2, 1), facets),)


@pytest.mark.parametrize(
    ("heading", "facet"),
    [
        ("### Experience", Facet.WORK_HISTORY),
        ("### Work history", Facet.WORK_HISTORY),
        ("### Degrees", Facet.EDUCATION),
        ("### Awards and memberships", Facet.CREDENTIALS),
        ("### What we share", Facet.IN_COMMON),
        ("### Sources", Facet.SOURCES),
        ("### Other", None),
    ],
)
def test_research_facet_by_h3(heading: str, facet: Facet | None) -> None:
    interview = parse(f"## Research\n{heading}\nFirst paragraph.\n\n- a list item\n")
    assert interview.research == (
        ResearchItem(
            facet,
            heading.removeprefix("### "),
            "First paragraph.\na list item",
            Span(2, 1),
            (facet,) if facet else (),
        ),
    )


def test_research_nested_items_belong_to_their_parent() -> None:
    interview = parse("## Research\n- Notes from the bio\n  - **Education:** BA\n- School: PCC\n")
    assert [(r.facet, r.label, r.text, r.span) for r in interview.research] == [
        (None, None, "Notes from the bio\n**Education:** BA", Span(2, 1)),
        (Facet.EDUCATION, "School", "PCC", Span(4, 1)),
    ]
    assert interview.facets() == {Facet.EDUCATION}


@pytest.mark.parametrize(
    "label, facets",
    [
        ("Educational background", (Facet.EDUCATION,)),
        ("Background", (Facet.WORK_HISTORY,)),
        ("Education and certifications", (Facet.EDUCATION, Facet.CREDENTIALS)),
        ("Career background and awards", (Facet.WORK_HISTORY, Facet.CREDENTIALS)),
        ("Hobbies", ()),
    ],
)
def test_research_label_names_every_topic(label: str, facets: tuple[Facet, ...]) -> None:
    (item,) = parse(f"## Research\n- **{label}:** something\n").research
    assert item.facets == facets
    assert item.facet == (facets[0] if facets else None)


def test_research_bare_plain_label_is_empty() -> None:
    (item,) = parse("## Research\n- Sources:\n").research
    assert (item.facet, item.label, item.text) == (Facet.SOURCES, "Sources", "")


def test_research_h3_after_items() -> None:
    interview = parse(
        "## Research\n- **Sources:** bio\n\n### Experience\n- ten years\n- at Marlow\n"
    )
    assert interview.research == (
        ResearchItem(Facet.SOURCES, "Sources", "bio", Span(2, 1), (Facet.SOURCES,)),
        ResearchItem(
            Facet.WORK_HISTORY,
            "Experience",
            "ten years\nat Marlow",
            Span(4, 1),
            (Facet.WORK_HISTORY,),
        ),
    )


# -- questions and goals -----------------------------------------------------------------------

GOALS = """\
---
learning_goals:
  - Learn how this firm uses paralegals, and whether that is changing.
  - Learn about the career path from paralegal to lawyer.
  - Understand the daily work of an estate planning paralegal.
---
## Questions
"""


@pytest.mark.parametrize(
    ("heading", "goal"),
    [
        ("Goal 1", 1),
        ("Goal 2", 2),
        ("goal 3", 3),
        ("GOAL #2", 2),
        ("Goal 1: how this firm uses paralegals", 1),
        ("1. How the firm uses paralegals", 1),
        ("2. Career path", 2),
        ("3) Daily work", 3),
        ("2: anything", 2),
        ("Goal 4", None),
        ("0. Nothing", None),
        ("Learn about the career path from paralegal to lawyer.", 2),
        ("learn about the career path from paralegal to lawyer", 2),
        ("The career path from paralegal to lawyer", 2),
        ("Learn about the career paths from paralegals to lawyers", 2),
        ("Daily work of an estate planning paralegal", 3),
        ("Goal: the daily work of an estate planning paralegal", 3),
        ("Learn how this firm uses paralegals and whether that is changing", 1),
        ("Something else entirely", None),
        ("Salary", None),
    ],
)
def test_goal_headings_by_number_or_wording(heading: str, goal: int | None) -> None:
    interview = parse(f"{GOALS}### {heading}\n- Is this under a goal?\n")
    assert interview.goal_headings == (GoalHeading(heading, Span(8, 1), goal),)
    assert interview.questions == (Question("Is this under a goal?", Span(9, 1), goal, heading),)


def test_goal_number_without_learning_goals_is_taken_as_written() -> None:
    interview = parse("## Questions\n### Goal 5\n- Why?\n")
    assert interview.questions == (Question("Why?", Span(3, 1), 5, "Goal 5"),)


def test_questions_bulleted_numbered_and_paragraphs() -> None:
    body = """\
        - Asked before any goal?

        1. Numbered before any goal?
        ### Goal 2
        - How did you move from paralegal to lawyer?
          - a nested note, not a question
          - a nested follow-up?
        * Starred item
        + Plus item?
        10) Paren numbered?

        A paragraph question?

        A paragraph statement.
        ### Goal 1
        1. Which tasks do paralegals handle end to end?
        2. What changed in the last five years?
        """
    interview = parse(GOALS + textwrap.dedent(body))
    assert [(q.text, q.span, q.goal) for q in interview.questions] == [
        ("Asked before any goal?", Span(8, 1), None),
        ("Numbered before any goal?", Span(10, 1), None),
        ("How did you move from paralegal to lawyer?", Span(12, 1), 2),
        ("a nested follow-up?", Span(14, 3), 2),
        ("Starred item", Span(15, 1), 2),
        ("Plus item?", Span(16, 1), 2),
        ("Paren numbered?", Span(17, 1), 2),
        ("A paragraph question?", Span(19, 1), 2),
        ("Which tasks do paralegals handle end to end?", Span(23, 1), 1),
        ("What changed in the last five years?", Span(24, 1), 1),
    ]
    assert interview.questions[0].heading is None
    assert interview.questions_for(2) == interview.questions[2:8]


def test_question_positions_with_indentation() -> None:
    body = "## Questions\n  - Two spaces?\n   1. Three spaces?\n- Outer\n    - Nested four?\n"
    interview = parse(doc("interviewer:\n  name: Dana\n", body))
    assert [(q.text, q.span) for q in interview.questions] == [
        ("Two spaces?", Span(6, 3)),
        ("Three spaces?", Span(7, 4)),
        ("Outer", Span(8, 1)),
        ("Nested four?", Span(9, 5)),
    ]


def test_question_text_drops_html_comments() -> None:
    interview = parse("## Questions\n- What does a typical day look like? <!-- ask early -->\n")
    assert interview.questions[0].text == "What does a typical day look like?"


def test_empty_list_items_are_not_questions() -> None:
    interview = parse("## Questions\n-\n- <!-- guidance only -->\n- Real?\n")
    assert [(q.text, q.span) for q in interview.questions] == [("Real?", Span(4, 1))]


def test_goal_heading_positions_after_front_matter() -> None:
    interview = parse(GOALS + "\n### Goal 3\n\n- Why?\n")
    assert interview.goal_headings == (GoalHeading("Goal 3", Span(9, 1), 3),)
    assert interview.questions == (Question("Why?", Span(11, 1), 3, "Goal 3"),)


# -- notes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "text", "takeaway"),
    [
        ("- **Takeaway:** take the trusts elective", "take the trusts elective", True),
        ("- **Takeaway**: take the trusts elective", "take the trusts elective", True),
        ("- Takeaway: take the trusts elective", "take the trusts elective", True),
        ("- TAKEAWAY: take the trusts elective", "take the trusts elective", True),
        ("- Advice: join the OPA section", "join the OPA section", True),
        ("- __Advice:__ join the OPA section", "join the OPA section", True),
        ("1. Advice: numbered", "numbered", True),
        ("- Drafts most trust documents herself.", "Drafts most trust documents herself.", False),
        ("- Salary: not discussed", "Salary: not discussed", False),
        ("- She said the takeaway: be patient", "She said the takeaway: be patient", False),
    ],
)
def test_notes_and_takeaways(item: str, text: str, takeaway: bool) -> None:
    interview = parse(f"## Notes\n{item}\n")
    assert interview.notes == (NoteItem(text, Span(2, 1), takeaway),)


def test_notes_paragraphs_are_not_items() -> None:
    interview = parse("## Notes\nShe was generous with time.\n\n- **Advice:** read the ORS\n")
    assert interview.notes == (NoteItem("read the ORS", Span(4, 1), True),)
    assert interview.sections["notes"].empty is False


# -- inline control ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("- Why? <!-- infoview-disable IV303 -->", ("IV303",)),
        ("<!-- infoview-disable IV303", None),  # never closed: no codes, and no hang
        ("<!-- infoview-disable" + " " * 100_000, None),
        ("<!-- infoview-disable" + " \t" * 50_000 + "IV303", None),
        ("<!--" * 50_000, None),
        ("<!-- infoview-disable IV303 ," + " " * 100_000 + "-->", ("IV303",)),
    ],
)
def test_disabled_codes(line: str, codes: tuple[str, ...] | None) -> None:
    assert disabled_codes(line) == codes


@pytest.mark.parametrize(
    ("comment", "codes"),
    [
        ("<!-- infoview-disable IV303 -->", ("IV303",)),
        ("<!-- infoview-disable IV303, IV304 -->", ("IV303", "IV304")),
        ("<!--infoview-disable IV303 IV305-->", ("IV303", "IV305")),
        ("<!-- infoview-disable answerable-online -->", ("answerable-online",)),
        ("<!-- a plain comment -->", None),
        ("<!-- infoview-disable -->", None),
        ("<!-- infoview-disable\tIV303\t-->", ("IV303",)),
        ("<!-- note --> <!-- infoview-disable IV303 -->", ("IV303",)),
        ("<!-- infoview-disable IV303 --> <!-- infoview-disable IV304 -->", ("IV303",)),
        ("<!-- infoview-disableIV303 -->", None),
        ("<!-- infoview-disable IV303: it is fine -->", None),
        ("infoview-disable IV303 -->", None),
    ],
)
def test_disable_comment_applies_to_the_next_line(
    comment: str, codes: tuple[str, ...] | None
) -> None:
    body = f"## Questions\n- First?\n{comment}\n- What practice areas does the firm have?\n"
    interview = parse(doc("interviewer:\n  name: Dana\n", body))
    assert interview.disabled == ({8: codes} if codes else {})
    assert interview.questions[1].span == Span(8, 1)
    assert interview.questions[1].text == "What practice areas does the firm have?"


# -- meeting times and status ------------------------------------------------------------------


def meeting(value: str, extra: str = "") -> Interview:
    return parse(doc(f"meeting:\n  date: {value}\n  duration: 30\n{extra}"))


def test_naive_time_uses_the_config_time_zone() -> None:
    m = meeting("2026-12-03T10:00").meeting
    assert m.start(LA) == dt.datetime(2026, 12, 3, 10, 0, tzinfo=LA)
    assert m.start(LA).utcoffset() == dt.timedelta(hours=-8)  # type: ignore[union-attr]
    assert m.start(ZoneInfo("Europe/London")) == dt.datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    assert m.end(LA) == dt.datetime(2026, 12, 3, 18, 30, tzinfo=UTC)


def test_naive_summer_time_uses_daylight_saving() -> None:
    m = meeting("2026-07-01T10:00").meeting
    assert m.start(LA).utcoffset() == dt.timedelta(hours=-7)  # type: ignore[union-attr]
    assert m.start(LA) == dt.datetime(2026, 7, 1, 17, 0, tzinfo=UTC)


def test_explicit_offset_is_kept() -> None:
    m = meeting("2026-12-03T10:00-05:00").meeting
    assert m.offset == dt.timezone(dt.timedelta(hours=-5))
    assert m.start(LA) == dt.datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert m.start(LA).utcoffset() == dt.timedelta(hours=-5)  # type: ignore[union-attr]
    assert m.end(LA) == dt.datetime(2026, 12, 3, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "duration", "start", "end"),
    [
        ("2026-12-03T10:00", "45", la(2026, 12, 3, 10, 0), la(2026, 12, 3, 10, 45)),
        ("2026-12-03T23:45", "30", la(2026, 12, 3, 23, 45), la(2026, 12, 4, 0, 15)),
        ("2026-12-03T10:00", "1h", la(2026, 12, 3, 10, 0), la(2026, 12, 3, 11, 0)),
        ("2026-12-03T10:00", "~", la(2026, 12, 3, 10, 0), la(2026, 12, 3, 10, 0)),
        ("2026-12-03", "30", la(2026, 12, 3, 0, 0), la(2026, 12, 4, 0, 0)),
        # Across a daylight-saving change the meeting still lasts 30 elapsed minutes.
        (
            "2026-03-08T01:45",
            "30",
            la(2026, 3, 8, 1, 45),
            dt.datetime(2026, 3, 8, 10, 15, tzinfo=UTC),
        ),
        (
            "2026-11-01T01:45",
            "30",
            la(2026, 11, 1, 1, 45),
            dt.datetime(2026, 11, 1, 9, 15, tzinfo=UTC),
        ),
    ],
)
def test_end_is_start_plus_duration(
    value: str, duration: str, start: dt.datetime, end: dt.datetime
) -> None:
    m = parse(doc(f"meeting:\n  date: {value}\n  duration: {duration}\n")).meeting
    assert m.start(LA).astimezone(UTC) == start.astimezone(UTC)  # type: ignore[union-attr]
    assert m.end(LA).astimezone(UTC) == end.astimezone(UTC)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("value", "wall_clock"),
    [
        ("2026-03-08T01:45", "01:45 PST - 03:15 PDT"),
        ("2026-11-01T01:45", "01:45 PDT - 01:15 PST"),
        ("2026-12-03T10:00", "10:00 PST - 10:30 PST"),
        ("2026-07-01T10:00", "10:00 PDT - 10:30 PDT"),
    ],
)
def test_end_wall_clock_across_daylight_saving(value: str, wall_clock: str) -> None:
    m = parse(doc(f"meeting:\n  date: {value}\n  duration: 30\n")).meeting
    start, end = m.start(LA), m.end(LA)
    assert start is not None and end is not None
    assert f"{start:%H:%M %Z} - {end:%H:%M %Z}" == wall_clock
    assert end.astimezone(UTC) - start.astimezone(UTC) == dt.timedelta(minutes=30)


def test_no_date_has_no_start_or_end() -> None:
    m = parse(doc("meeting:\n  duration: 30\n")).meeting
    assert (m.start(LA), m.end(LA)) == (None, None)


MEET = "meeting:\n  date: 2026-12-03T10:00\n  duration: 30\n"
MEET_EST = "meeting:\n  date: 2026-12-03T10:00-05:00\n  duration: 30\n"
MEET_DAY = "meeting:\n  date: 2026-12-03\n"


@pytest.mark.parametrize(
    ("front", "now", "status"),
    [
        ("interviewer:\n  name: Dana\n", la(2026, 12, 3, 9), Status.PLANNED),
        ("meeting:\n  duration: 30\n", la(2026, 12, 3, 9), Status.PLANNED),
        (MEET, la(2026, 12, 3, 9), Status.SCHEDULED),
        (MEET, la(2026, 12, 3, 10, 29), Status.SCHEDULED),
        (MEET, la(2026, 12, 3, 10, 30), Status.DONE),
        (MEET, dt.datetime(2026, 12, 3, 18, 29, tzinfo=UTC), Status.SCHEDULED),
        (MEET, dt.datetime(2026, 12, 3, 18, 30, tzinfo=UTC), Status.DONE),
        (MEET_EST, la(2026, 12, 3, 7, 29), Status.SCHEDULED),
        (MEET_EST, la(2026, 12, 3, 7, 30), Status.DONE),
        (MEET_DAY, la(2026, 12, 3, 23, 59), Status.SCHEDULED),
        (MEET_DAY, la(2026, 12, 4), Status.DONE),
        (MEET + "status: cancelled\n", la(2027, 1, 1), Status.CANCELLED),
        (MEET + "status: cancelled\n", la(2026, 1, 1), Status.CANCELLED),
        (MEET + "status: done\n", la(2026, 1, 1), Status.DONE),
        (MEET + "status: scheduled\n", la(2027, 1, 1), Status.SCHEDULED),
        ("status: cancelled\n", la(2026, 1, 1), Status.CANCELLED),
    ],
)
def test_derived_status_with_injected_now(front: str, now: dt.datetime, status: Status) -> None:
    interview = parse(doc(front))
    assert interview.problems == []
    assert interview.status(now, LA) is status


# -- properties --------------------------------------------------------------------------------

MARKDOWN_PIECES = st.sampled_from(
    [
        "---\n",
        "...\n",
        "\n",
        "\r\n",
        "\r",
        "\ufeff",
        "\x00",
        "## Research\n",
        "## Questions\n",
        "## Notes\n",
        "## Follow-up\n",
        "# Title\n",
        "### Goal 1\n",
        "### 2. x\n",
        "- ",
        "1. ",
        "  ",
        "**Education:** ",
        "Takeaway: ",
        "?",
        "<!-- infoview-disable IV303 -->\n",
        "<!--",
        "-->",
        "interviewer:\n",
        "  name: ",
        "meeting:\n",
        "  date: ",
        "2026-02-30",
        "2026-12-03T10:00-05:00",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/name:os.system",
        ": ",
        "\t",
        "---------\n",
        "=====\n",
        "> ",
        "```\n",
        "\u2028",
        "\x85",
    ]
)


def check_invariants(text: str, interview: Interview) -> None:
    """What holds for any input: known codes, positions inside the file."""
    normal = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = normal.split("\n")
    for problem in interview.problems:
        assert problem.code in ("IV001", "IV002")
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert 1 <= problem.span.line <= len(lines), (problem, len(lines))
        assert problem.span.column >= 1
    spans = [
        *(q.span for q in interview.questions),
        *(n.span for n in interview.notes),
        *(r.span for r in interview.research),
        *(s.span for s in interview.sections.values()),
        *interview.keys.values(),
    ]
    for span in spans:
        assert 1 <= span.line <= len(lines), (span, len(lines))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=5))).map("".join)))
def test_parse_text_never_raises(text: str) -> None:
    interview = parse_text(text, PATH)
    assert interview.path == PATH
    check_invariants(text, interview)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_parse_bytes_never_raises(data: bytes) -> None:
    interview = parse_bytes(data, PATH)
    check_invariants(data.decode("utf-8", errors="replace"), interview)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert interview.problems[0].code == "IV001"
        assert interview.problems[0].message.startswith("file is not valid UTF-8")


KEYS = st.sampled_from(
    [
        "interviewer",
        "meeting",
        "formality",
        "status",
        "learning_goals",
        "follow_up",
        "referrals",
        "referred_by",
        "tags",
        "lint",
        "name",
        "title",
        "date",
        "duration",
        "mode",
        "location",
        "may_contact_again",
        "thank_you_sent",
        "thank_you_via",
        "keep_in_touch",
        "note",
        "file",
        "ignore",
        "email",
        "phone",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates().map(str),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["NO", "yes", "video", "in person", "formal", "done", "2026-02-30", "30 min"]),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(KEYS, st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_VALUES, st.sampled_from(["", "## Questions\n- Why?\n"]))
def test_parse_text_never_raises_on_yaml_shaped_front_matter(value: object, body: str) -> None:
    dumped = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    text = f"---\n{dumped}---\n{body}"
    interview = parse_text(text, PATH)
    check_invariants(text, interview)
    codes = [p.code for p in interview.problems]
    if isinstance(value, dict):
        # safe_dump writes valid YAML: only schema problems, never IV001.
        assert "IV001" not in codes, interview.problems
    elif value is not None or "..." not in dumped:
        assert codes == ["IV001"]
        assert "not a mapping" in interview.problems[0].message


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_name_round_trips_as_written(name: str) -> None:
    dumped = yaml.safe_dump({"interviewer": {"name": name}, "tags": [name]})
    interview = parse_text(f"---\n{dumped}---\n", PATH)
    assert interview.problems == []
    assert interview.interviewer.name == (name.strip() or None)
    assert interview.tags == ((name.strip(),) if name.strip() else ())


IN_RANGE = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
OUT_OF_RANGE = st.one_of(
    st.dates(max_value=dt.date(1899, 12, 31)), st.dates(min_value=dt.date(2101, 1, 1))
)


@settings(max_examples=100, deadline=None)
@given(IN_RANGE, st.one_of(st.none(), st.times().map(lambda t: t.replace(microsecond=0))))
def test_any_date_round_trips(date: dt.date, at: dt.time | None) -> None:
    value = date.isoformat() if at is None else f"{date.isoformat()}T{at.isoformat()}"
    interview = parse_text(doc(f"meeting:\n  date: {value}\n"), PATH)
    assert interview.problems == []
    assert (interview.meeting.date, interview.meeting.time) == (date, at)


@settings(max_examples=100, deadline=None)
@given(OUT_OF_RANGE, st.sampled_from(["", "T23:59", "T00:00+14:00", "T12:00-12:00"]))
def test_a_date_outside_1900_to_2100_is_iv002_at_its_line(date: dt.date, at: str) -> None:
    value = date.isoformat() + at
    interview = parse_text(doc(f"meeting:\n  date: {value}\n"), PATH)
    assert interview.meeting.date is None
    assert [(p.code, p.span.line, p.span.column, p.message) for p in interview.problems] == [
        (
            "IV002",
            3,
            9,
            f"'meeting.date' is '{value}': the year {date.year} is outside 1900 to 2100; "
            "check the year",
        )
    ]


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_quote_scalar_round_trips_any_text(value: str) -> None:
    """What infoview writes into front matter reads back as exactly the text given."""
    assert yaml.safe_load(f"k: {quote_scalar(value)}") == {"k": value}
