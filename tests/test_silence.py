"""Silencing a rule: the disable comment above an item, and the code in lint.ignore.

Each case gives the whole file before and after, so any byte changed beyond the one line
(or the one list) fails; the result is linted to show the rule is really silenced.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import FRONT

from infoview import lint
from infoview.config import Config
from infoview.edit import EditRefused
from infoview.parse import parse_text
from infoview.silence import disable_text, ignore_text

PATH = Path("interviews/x.md")
BODY = """\
## Questions
### Goal 1
- Which tasks do paralegals here handle end to end?
- What does your company do?
  - And what does the firm do?
"""
FILE = f"---\n{FRONT}---\n{BODY}"
QUESTION = FILE.split("\n").index("- What does your company do?") + 1
NESTED = QUESTION + 1


def codes_at(text: str, line: int) -> list[str]:
    config = Config()
    found = lint.check(
        parse_text(text, PATH), lint.context(config, None), lint.selection(config), "x.md"
    )
    return [d.code for d in found if d.line == line]


def test_disable_puts_one_comment_line_above_the_item() -> None:
    assert "IV303" in codes_at(FILE, QUESTION)
    new = disable_text(FILE, line=QUESTION, code="IV303")
    assert new == FILE.replace(
        "- What does your company do?",
        "<!-- infoview-disable IV303 -->\n- What does your company do?",
    )
    assert "IV303" not in codes_at(new, QUESTION + 1)


def test_disable_takes_the_item_indentation_and_a_slug() -> None:
    new = disable_text(FILE, line=NESTED, code="answerable-online")
    assert new == FILE.replace("  - And what", "  <!-- infoview-disable IV303 -->\n  - And what")


def test_disable_in_the_front_matter_is_a_yaml_comment() -> None:
    text = FILE.replace('  phone: "+1 503 555 0142"\n', "")
    line = text.split("\n").index("interviewer:") + 1
    assert "IV402" in codes_at(text, line)
    new = disable_text(text, line=line, code="IV402")
    assert new == text.replace(
        "interviewer:\n", "# <!-- infoview-disable IV402 -->\ninterviewer:\n"
    )
    assert codes_at(new, line + 1) == []
    name = text.split("\n").index("  name: Dana Whitfield") + 1
    assert disable_text(text, line=name, code="IV003") == text.replace(
        "  name: Dana", "  # <!-- infoview-disable IV003 -->\n  name: Dana"
    )


def test_a_second_code_joins_the_comment_already_there() -> None:
    once = disable_text(FILE, line=QUESTION, code="IV303")
    twice = disable_text(once, line=QUESTION + 1, code="IV304")
    assert twice == once.replace("IV303 -->", "IV303 IV304 -->")
    assert disable_text(twice, line=QUESTION + 1, code="IV304") == twice


def test_disable_keeps_crlf_and_the_bom() -> None:
    text = "\ufeff" + FILE.replace("\n", "\r\n")
    new = disable_text(text, line=QUESTION, code="IV303")
    assert new == "\ufeff" + FILE.replace(
        "- What does your company do?",
        "<!-- infoview-disable IV303 -->\n- What does your company do?",
    ).replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (FILE, 1, "above the front matter's '---'"),
        (FILE, FILE.split("\n").index("---", 1) + 1, "above the front matter's '---'"),
        (FILE, 999, "there is no line 999"),
        # Inside a block scalar the comment would become part of the address.
        ("---\ninterviewer:\n  address: |\n    1 Main St\n    Portland\n---\n", 5, "safely"),
        # Inside a paragraph it would split the question in two.
        (
            f"---\n{FRONT}---\n## Questions\nWhy estate planning\nand not litigation?\n",
            17,
            "safely",
        ),
    ],
)
def test_disable_refuses_where_a_comment_would_break_the_file(
    text: str, line: int, words: str
) -> None:
    with pytest.raises(EditRefused, match=words.replace("(", r"\(")):
        disable_text(text, line=line, code="IV303")


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(EditRefused, match="no rule 'IV999'"):
        disable_text(FILE, line=QUESTION, code="IV999")
    with pytest.raises(EditRefused, match="no rule 'IV999'"):
        ignore_text(FILE, code="IV999")


def front(yaml_text: str) -> str:
    return f"---\n{yaml_text}---\n# Title\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("name: x\n", "name: x\nlint: {ignore: [IV303]}\n"),
        ("lint: {ignore: [IV104]}\n", "lint: {ignore: [IV104, IV303]}\n"),
        ("lint: {ignore: []}  # none yet\n", "lint: {ignore: [IV303]}  # none yet\n"),
        ("lint: {ignore: IV104}\n", "lint: {ignore: [IV104, IV303]}\n"),
        (
            "lint:\n  ignore:\n    - IV104\ntags: [a]\n",
            "lint:\n  ignore:\n    - IV104\n    - IV303\ntags: [a]\n",
        ),
        ("lint:\n  ignore: 'IV104'\n", "lint:\n  ignore: ['IV104', IV303]\n"),
        ("lint:\n  ignore:\n", "lint:\n  ignore: [IV303]\n"),
        ("lint:\n", "lint:\n  ignore: [IV303]\n"),
        ("lint: {}\n", "lint:\n  ignore: [IV303]\n"),
        ("lint: ~\ntags: [a]\n", "lint:\n  ignore: [IV303]\ntags: [a]\n"),
        ("lint:\n    ignore: [IV104]   # mine\n", "lint:\n    ignore: [IV104, IV303]   # mine\n"),
    ],
)
def test_ignore_adds_the_code_in_the_style_the_file_uses(before: str, after: str) -> None:
    text = front(before)
    new = ignore_text(text, code="IV303")
    assert new == front(after)
    assert "IV303" in [code.upper() for code in parse_text(new, PATH).lint_ignore]


def test_ignore_keeps_crlf_and_the_bom_and_silences_the_rule() -> None:
    text = "\ufeff" + FILE.replace("\n", "\r\n")
    new = ignore_text(text, code="answerable-online")
    fence = "\r\n---\r\n## Questions"
    assert new == text.replace(fence, "\r\nlint: {ignore: [IV303]}" + fence)
    assert "IV303" not in codes_at(new, QUESTION + 1)


def test_ignore_of_a_code_already_ignored_changes_nothing() -> None:
    text = front("lint: {ignore: [answerable-online]}\n")
    assert ignore_text(text, code="IV303") == text


@pytest.mark.parametrize(
    ("before", "words"),
    [
        ("lint: [IV104]\n", "'lint' is a list"),
        ("lint: IV104\n", "'lint' is a value"),
        ("lint:\n  ignore: {a: 1}\n", "not a list of rule codes"),
        ("base: &b [IV104]\nlint:\n  ignore: *b\n", "alias"),
    ],
)
def test_ignore_refuses_what_it_cannot_edit_safely(before: str, words: str) -> None:
    with pytest.raises(EditRefused, match=words):
        ignore_text(front(before), code="IV303")


Q = "- What does your company do?"
C303, C304 = "<!-- infoview-disable IV303 -->", "<!-- infoview-disable IV304 -->"


@pytest.mark.parametrize(
    ("text", "line", "code", "expected"),
    [
        # a YAML comment joins, with or without a space after its '#'
        (
            "---\ninterviewer:\n  # <!-- infoview-disable IV402 -->\n  name: X\n---\n",
            4,
            "IV003",
            "---\ninterviewer:\n  # <!-- infoview-disable IV402 IV003 -->\n  name: X\n---\n",
        ),
        (
            "---\ninterviewer:\n  #<!-- infoview-disable IV402 -->\n  name: X\n  title: Y\n---\n",
            4,
            "IV003",
            "---\ninterviewer:\n  #<!-- infoview-disable IV402 IV003 -->\n"
            "  name: X\n  title: Y\n---\n",
        ),
        # a line that is more than one disable comment is left alone: a new line goes in
        (f"- x {C304}\n{Q}\n", 2, "IV303", f"- x {C304}\n{C303}\n{Q}\n"),
        (f"{C304} x\n{Q}\n", 2, "IV303", f"{C304} x\n{C303}\n{Q}\n"),
        (f"{C304} <!-- x -->\n{Q}\n", 2, "IV303", f"{C304} <!-- x -->\n{C303}\n{Q}\n"),
        # the first and second lines of a file without front matter
        (f"{C303}\n{Q}\n", 2, "IV304", f"<!-- infoview-disable IV303 IV304 -->\n{Q}\n"),
        (f"{Q}\n{C303}", 1, "IV304", f"{C304}\n{Q}\n{C303}"),
        # the front matter's first body line, and its last YAML line
        (
            f"---\ninterviewer:\n  name: X\n---\n{C304}\n{Q}\n",
            6,
            "IV303",
            f"---\ninterviewer:\n  name: X\n---\n<!-- infoview-disable IV304 IV303 -->\n{Q}\n",
        ),
        # no front matter (a later '---' is a rule), one never closed, one closed by '...'
        (f"## Questions\n{Q}\n---\n- x\n", 2, "IV303", f"## Questions\n{C303}\n{Q}\n---\n- x\n"),
        (
            f"---\ninterviewer:\n  name: X\n## Questions\n{Q}\n",
            5,
            "IV303",
            f"---\ninterviewer:\n  name: X\n## Questions\n{C303}\n{Q}\n",
        ),
        (
            "---\ninterviewer:\n  name: X\n...\n## Questions\n",
            3,
            "IV003",
            "---\ninterviewer:\n  # <!-- infoview-disable IV003 -->\n"
            "  name: X\n...\n## Questions\n",
        ),
        # the BOM is no part of the opening fence
        (
            "\ufeff---\ninterviewer:\n  name: X\n---\n",
            3,
            "IV003",
            "\ufeff---\ninterviewer:\n  # <!-- infoview-disable IV003 -->\n  name: X\n---\n",
        ),
        # the last line, without a line break; the line's own break, not its neighbours'
        (f"## Questions\n{Q}", 2, "IV303", f"## Questions\n{C303}\n{Q}"),
        (f"## Questions\n{Q}\r\n", 2, "IV303", f"## Questions\n{C303}\r\n{Q}\r\n"),
        (f"## Questions\r\n{Q}\n- x\r\n", 2, "IV303", f"## Questions\r\n{C303}\n{Q}\n- x\r\n"),
    ],
)
def test_disable_at_the_edges(text: str, line: int, code: str, expected: str) -> None:
    assert disable_text(text, line=line, code=code) == expected


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_disable_refuses_to_split_a_plain_scalar_in_the_front_matter(bom: str) -> None:
    text = bom + "---\ninterviewer:\n  name: Dana\n    Whitfield\n---\n"
    with pytest.raises(EditRefused) as refused:
        disable_text(text, line=4, code="IV003")
    assert refused.value.render() == (
        "interview.md:4: could not add the disable comment safely here (it would change how "
        "the file reads); ignore IV003 for the file instead"
    )


def test_a_line_out_of_range_is_refused_naming_the_file() -> None:
    for line in (0, 3):
        with pytest.raises(EditRefused) as refused:
            disable_text(f"{Q}\n", line=line, code="IV303")
        assert refused.value.render() == f"interview.md: there is no line {line}"
    assert disable_text(f"{Q}\n", line=2, code="IV303") == f"{Q}\n{C303}\n"  # the empty last


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("lint:\n  select: x\n", "lint:\n  select: x\n  ignore: [IV303]\n"),
        ("lint: {select: x}\n", "lint: {select: x, ignore: [IV303]}\n"),
    ],
)
def test_ignore_goes_beside_other_lint_settings(before: str, after: str) -> None:
    assert ignore_text(front(before), code="IV303") == front(after)


@pytest.mark.parametrize(
    ("before", "what"),
    [
        ("base: &b {ignore: [IV104]}\nlint: *b\n", "lint"),
        ("base: &b [IV104]\nlint:\n  ignore: *b\n", "lint.ignore"),
    ],
)
def test_ignore_refuses_an_alias_naming_it(before: str, what: str) -> None:
    with pytest.raises(EditRefused) as refused:
        ignore_text(front(before), code="IV303")
    assert refused.value.render() == (
        f"interview.md:2: '{what}' is an anchor ('&name') or an alias ('*name') to one, so an "
        "edit here would change other places too; edit it by hand, or write the values out "
        "in place of the alias"
    )


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_disable_refuses_to_write_into_a_block_scalar_even_after_a_bom(bom: str) -> None:
    text = bom + "---\ninterviewer:\n  address: |\n    1 Main St\n    Portland\n  name: X\n---\n"
    with pytest.raises(EditRefused, match="could not add the disable comment safely"):
        disable_text(text, line=5, code="IV003")
