"""End positions: a Span covers the whole key: value, heading or list item it names.

Each case gives a file and the exact text a span must cover, so a range that stops short
or runs on (into a comment, a sub-list, the blank lines after a block) fails. Diagnostics
carry the same ends, outside their JSON format.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview import lint, yamlpos
from infoview.config import Config
from infoview.lint.report import as_json
from infoview.model import Interview, Span
from infoview.parse import parse_text

PATH = Path("interviews/2026-12-03-dana-whitfield.md")

FILE = textwrap.dedent(
    """\
    ---
    interviewer:
      name: Dana Whitfield   # a comment
      phone: "+1 503
        555 0142"
      email:
      address: |
        Marlow & Reyes LLP
        1200 SW Main St

    meeting: {date: 2026-12-03, duration: 30}
    learning_goals:
      - Learn how this firm uses paralegals.
      - >-
        Learn about the career path
        from paralegal to lawyer.
    referrals:
      - name: Sam Ortiz
        file: 2027-01-15-sam-ortiz.md
      # not part of the referral
    tags: [estate-planning, law-firm]
    ---
    # Title

    ## Research
    - **Work history:** twelve years at Marlow & Reyes,
      six in estate planning.
      - a sub-item that is not part of the item's own text

    - **Education:** paralegal certificate.

    Questions
    ---------
    ### Goal 1: how this firm uses paralegals
    1. Which tasks do paralegals here handle end to end?

    Why estate planning
    and not litigation?

    ## Notes
    - **Takeaway:** learn the local rules.
    """
)


@pytest.fixture(params=["fast", "libyaml", "pure"])
def interview(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Interview:
    """``FILE`` parsed by the plain-shape reader where it applies, then without it by
    libyaml's composer, and by the pure-Python one."""
    if request.param != "fast":
        from infoview import yamlfast

        monkeypatch.setattr(yamlfast, "read", lambda text, first_line: None)
    if request.param == "pure":
        monkeypatch.setattr(yamlpos, "_loader", lambda: yaml.SafeLoader)
    return parse_text(FILE, PATH)


def covered(span: Span, text: str = FILE) -> str:
    """The exact text ``span`` covers (columns are 1-based; the end column is exclusive)."""
    lines = text.split("\n")
    assert span.end_line >= span.line, span
    if span.end_line == span.line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    middle = lines[span.line : span.end_line - 1]
    return "\n".join(
        [
            lines[span.line - 1][span.column - 1 :],
            *middle,
            lines[span.end_line - 1][: span.end_column - 1],
        ]
    )


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("interviewer.name", "name: Dana Whitfield"),  # not the comment after it
        ("interviewer.phone", 'phone: "+1 503\n    555 0142"'),  # a quoted value on two lines
        ("interviewer.email", "email:"),  # an empty value: the key and its colon
        ("interviewer.address", "address: |\n    Marlow & Reyes LLP\n    1200 SW Main St"),
        ("interviewer", "interviewer:"),  # a block below a key: only the key's line
        ("meeting", "meeting: {date: 2026-12-03, duration: 30}"),  # a flow mapping: all of it
        ("meeting.date", "date: 2026-12-03"),
        ("learning_goals[0]", "Learn how this firm uses paralegals."),
        ("learning_goals[1]", ">-\n    Learn about the career path\n    from paralegal to lawyer."),
        # A block mapping item ends with its last value, not at the comment below it.
        ("referrals[0]", "name: Sam Ortiz\n    file: 2027-01-15-sam-ortiz.md"),
        ("referrals[0].file", "file: 2027-01-15-sam-ortiz.md"),
        ("tags", "tags: [estate-planning, law-firm]"),
        ("tags[1]", "law-firm"),
    ],
)
def test_a_key_span_covers_the_whole_key_and_its_value(
    interview: Interview, key: str, text: str
) -> None:
    assert covered(interview.keys[key]) == text


def test_a_list_item_span_is_its_own_paragraph_not_its_sub_items(interview: Interview) -> None:
    work, education = interview.research
    assert covered(work.span) == (
        "- **Work history:** twelve years at Marlow & Reyes,\n  six in estate planning."
    )
    assert covered(education.span) == "- **Education:** paralegal certificate."


def test_heading_and_question_spans(interview: Interview) -> None:
    assert covered(interview.sections["research"].span) == "## Research"
    # A setext heading covers its text and its underline.
    assert covered(interview.sections["questions"].span) == "Questions\n---------"
    (heading,) = interview.goal_headings
    assert covered(heading.span) == "### Goal 1: how this firm uses paralegals"
    numbered, paragraph = interview.questions
    assert covered(numbered.span) == "1. Which tasks do paralegals here handle end to end?"
    assert covered(paragraph.span) == "Why estate planning\nand not litigation?"
    (note,) = interview.notes
    assert covered(note.span) == "- **Takeaway:** learn the local rules."


def test_spans_compare_by_their_start() -> None:
    assert Span(3, 1, 3, 9) == Span(3, 1)
    assert Span(3, 1, 3, 9) != Span(3, 2, 3, 9)
    assert hash(Span(3, 1, 3, 9)) == hash(Span(3, 1))
    assert tuple(Span(3, 1, 3, 9)) != tuple(Span(3, 1))
    assert Span(3, 1, 3, 9).start == (3, 1, 0, 0)


def test_diagnostics_carry_the_end_but_json_keeps_exactly_its_keys() -> None:
    text = FILE.replace("1. Which tasks", "1. What does your company do? Which tasks")
    config = Config()
    found = lint.check(
        parse_text(text, PATH), lint.context(config, None), lint.selection(config), "x.md"
    )
    (online,) = [d for d in found if d.code == "IV303"]
    assert (online.line, online.column, online.end_line) == (35, 1, 35)
    assert covered(Span(online.line, online.column, online.end_line, online.end_column), text) == (
        "1. What does your company do? Which tasks do paralegals here handle end to end?"
    )
    (entry,) = json.loads(as_json([online]))
    assert list(entry) == ["path", "line", "column", "code", "slug", "severity", "message"]


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("-#:*\n\r |>[]{}\"'")),
    max_size=300,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=_TEXT, body=_TEXT)
def test_every_span_ends_at_or_after_its_start_inside_the_file(front: str, body: str) -> None:
    text = f"---\n{front}\n---\n{body}"
    interview = parse_text(text, PATH)
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    spans = [
        *interview.keys.values(),
        *(p.span for p in interview.problems),
        *(q.span for q in interview.questions),
        *(n.span for n in interview.notes),
        *(r.span for r in interview.research),
        *(s.span for s in interview.sections.values()),
        *(g.span for g in interview.goal_headings),
    ]
    for span in spans:
        if not span.end_line:
            continue  # a point: no end known
        assert (span.line, span.column) <= (span.end_line, span.end_column), span
        assert span.end_line <= len(lines), span
        assert span.end_column <= len(lines[span.end_line - 1]) + 2, (span, lines)
