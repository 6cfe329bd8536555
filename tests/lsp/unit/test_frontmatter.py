"""Where the cursor is in the front matter, read from the lines as they are typed."""

from __future__ import annotations

import pytest

from infoview.lsp.frontmatter import Place, Record, fences, place, record

FRONT = """\
---
interviewer:
  name: Dana
  ti
meeting:
  mode: vi
referrals:
  - name: Sam
    fi
  -\x20
tags:
- a
lint: {ignore: [IV3
# a comment
---
body
"""


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("  ti", ("interviewer", None, True, "ti", frozenset({"name"}))),
        ("  na", ("interviewer", "name", True, "na", frozenset())),
        ("mode: vi", ("meeting", "mode", False, "vi", frozenset())),
        ("  - na", ("referrals[]", "name", True, "na", frozenset())),
        ("    fi", ("referrals[]", None, True, "fi", frozenset({"name"}))),
        ("  - \n", ("referrals[]", None, False, "", frozenset())),
        ("- a", ("tags[]", None, False, "a", frozenset())),
        ("[IV3", ("lint", "ignore", False, "IV3", frozenset())),
    ],
)
def test_the_place_of_the_cursor_in_the_front_matter(
    needle: str, expected: tuple[object, ...]
) -> None:
    index = FRONT.index(needle) + len(needle.rstrip("\n"))
    line = FRONT.count("\n", 0, index)
    column = index - (FRONT.rfind("\n", 0, index) + 1)
    where = place(FRONT.split("\n"), line, column)
    assert where is not None
    assert (where.parent, where.key, where.on_key, where.prefix, where.siblings) == expected


def test_no_place_in_comments_the_fences_or_the_body() -> None:
    lines = FRONT.split("\n")
    assert place(lines, lines.index("# a comment"), 5) is None
    assert place(lines, 0, 2) is None
    assert place(lines, lines.index("body"), 2) is None


def _at(body: str) -> Place | None:
    """The place at the '‸' in a front matter holding ``body`` (a body follows it)."""
    text = "---\n" + body + "\n---\nbody\n"
    index = text.index("‸")
    text = text.replace("‸", "", 1)
    line = text.count("\n", 0, index)
    return place(text.split("\n"), line, index - (text.rfind("\n", 0, index) + 1))


@pytest.mark.parametrize(
    ("case", "body", "expected"),
    [
        (
            "a quoted key, double",
            '"full name": Dana\n"ti‸',
            ("", None, True, "ti", 1, False, ["full name"]),
        ),
        ("a quoted key, single", "'na me': Da‸", ("", "na me", False, "Da", 9, False, [])),
        (
            "a quoted key with a colon, before the value list",
            "'a:b': [x‸",
            ("", "a:b", False, "x", 8, True, []),
        ),
        ("in a quoted key after its colon", "'a:b‸': x", ("", "a:b", True, "b", 3, False, [])),
        ("a quoted key, then a flow list", "'na me': [a‸", ("", "na me", False, "a", 10, True, [])),
        ("three levels", "a:\n  b:\n    c‸", ("a.b", None, True, "c", 4, False, [])),
        (
            "blank and comment lines are skipped",
            "a:\n  b: x\n\n  # note\n  c‸",
            ("a", None, True, "c", 2, False, ["b"]),
        ),
        (
            "a comment at a lower indentation is skipped",
            "a:\n  b: x\n# note\n  c‸",
            ("a", None, True, "c", 2, False, ["b"]),
        ),
        (
            "a nested list of values",
            "a:\n  b:\n    - x\n    - y‸",
            ("a.b[]", None, False, "y", 6, True, []),
        ),
        (
            "the second of two items",
            "referrals:\n- name: Sam\n  file: a\n- role: Jo\n  fi‸",
            ("referrals[]", None, True, "fi", 2, False, ["role"]),
        ),
        (
            "an item that goes on below the cursor",
            "referrals:\n- name: Sam\n  fi‸\n- role: Jo\n  file: x",
            ("referrals[]", None, True, "fi", 2, False, ["name"]),
        ),
        (
            "on an item first line: the keys below",
            "referrals:\n  - na‸me: Sam\n    file: a\n\n    note: b\n  - role: Jo",
            ("referrals[]", "name", True, "na", 4, False, ["file", "note"]),
        ),
        ("a list under a key with a value", "tags: x\n- a‸", ("[]", None, False, "a", 2, True, [])),
        ("a list of lists", "a:\n  -\n    - k‸", ("a[][]", None, False, "k", 6, True, [])),
        (
            "a list at the key column, of lists",
            "a:\n-\n  - k‸",
            ("a[][]", None, False, "k", 4, True, []),
        ),
        ("an item on an item", "a:\n  - - k‸", ("a[]", None, False, "k", 6, True, [])),
        (
            "a key under a key of an item",
            "a:\n  - b:\n      c‸",
            ("a[].b", None, True, "c", 6, False, []),
        ),
        (
            "a key under the second key of an item",
            "a:\n  - b: 1\n    c:\n      d‸",
            ("a[].c", None, True, "d", 6, False, []),
        ),
        (
            "a bare dash at the end of a line",
            "referrals:\n  - name: a\n  -‸",
            ("referrals[]", None, False, "-", 2, True, []),
        ),
        (
            "under a plain value",
            "notes: >\n  some text\n  mo‸",
            ("notes", None, True, "mo", 2, False, []),
        ),
        (
            "a flow map, past a quoted comma",
            'x: {a: "q, r", b‸',
            ("x", None, True, "b", 15, False, []),
        ),
        ("a flow map, quoted key", 'x: {"a": b, "c‸', ("x", None, True, "c", 13, False, [])),
        (
            "a flow list in a map, past a quoted colon",
            "x: {a: 'q: r', b: [1‸",
            ("x", "b", False, "1", 19, True, []),
        ),
        ("after a closed inner map", "x: {a: {b: c}, d‸", ("x", None, True, "d", 15, False, [])),
        ("in an inner map value", "x: {a: {b: c‸", ("x.a", "b", False, "c", 11, False, [])),
        ("after a map in a list", "x: [a, {b: c}, d‸", ("", "x", False, "d", 15, True, [])),
        ("in a map in a list", "x: [a, {b: c‸", ("x", "b", False, "c", 11, False, [])),
        ("in a list in a map in a list", "x: [{b: [c‸", ("x", "b", False, "c", 9, True, [])),
        ("after a list in a map", "x: {a: [1, 2], b: [3‸", ("x", "b", False, "3", 19, True, [])),
        ("after two pairs", "x: {a: b, c: d, e‸", ("x", None, True, "e", 16, False, [])),
        ("a brace starts a key afresh", "x: [a: {b: c‸", ("x", "b", False, "c", 11, False, [])),
        ("a hash inside a value", "  title: a#b‸", ("", "title", False, "b", 11, False, [])),
        ("before the dash", "‸- a", ("", None, True, "", 0, False, [])),
        ("on the dash", "-‸ a", ("[]", None, False, "-", 0, True, [])),
        ("on a key, before its colon", "name‸: x", ("", "name", True, "name", 0, False, [])),
        ("spaces before the colon", "name  ‸ : x", ("", "name", True, "", 6, False, [])),
        ("just after the colon", "name:‸ x", ("", "name", False, "", 5, False, [])),
        ("a value of a key of an item", "  - name: ‸x", ("[]", "name", False, "", 10, False, [])),
        (
            "siblings above and below",
            "meeting:\n  when: 2026\n  ‸\n  with: x",
            ("meeting", None, True, "", 2, False, ["when", "with"]),
        ),
        (
            "the key of the line itself is left out",
            "meeting:\n  mo‸de: x\n  mode: y\n  when: z",
            ("meeting", "mode", True, "mo", 2, False, ["when"]),
        ),
        (
            "under a key that dedents",
            "meeting:\n  when: 2026\nnext: 1\n  ‸",
            ("next", None, True, "", 2, False, []),
        ),
        (
            "under a plain value, indented more",
            "notes: >\n  some text\n    mo‸",
            ("", None, True, "mo", 4, False, []),
        ),
        (
            "a key under a key of an item at the key column",
            "a:\n- b:\n    c‸",
            ("a[].b", None, True, "c", 4, False, []),
        ),
        (
            "a quoted flow key holding a comma",
            'x: {"a, b": {c‸',
            ("x.a, b", None, True, "c", 13, False, []),
        ),
        ("a quoted flow key", 'x: {"a": {b‸', ("x.a", None, True, "b", 10, False, [])),
        ("a flow map of keys alone", "x: {a, b‸", ("x", None, True, "b", 7, False, [])),
        ("a key in a map in a list", "x: [a, {b‸", ("x", None, True, "b", 8, False, [])),
    ],
)
def test_places_in_block_and_flow_yaml(
    case: str, body: str, expected: tuple[str, str | None, bool, str, int, bool, list[str]]
) -> None:
    """(parent, key, on_key, prefix, start, item, siblings) at the cursor, for each ``case``."""
    where = _at(body)
    assert where is not None
    found = (where.parent, where.key, where.on_key, where.prefix, where.start, where.item)
    assert (*found, sorted(where.siblings)) == expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: x\n---\n", 2),  # the closing fence
        ("---\ntitle: x\n...\n", 2),
        ("---\ntitle: x\n---\n", 0),  # the opening one
        ("title: x\n---\ntitle: x\n---\n", 2),  # no front matter at the top
        ("---\ntitle: x\n", 1),  # never closed
        ("---\n---\ntitle: x\n---\n", 2),  # an empty front matter, then the body
        ("---\n  # indented: comment\n---\n", 1),
    ],
)
def test_no_place_outside_the_front_matter_or_in_a_comment(text: str, line: int) -> None:
    assert place(text.split("\n"), line, 4) is None


def test_no_place_in_an_empty_document() -> None:
    assert place([], 0, 0) is None
    assert place([""], 0, 0) is None


def test_a_column_past_the_end_of_the_line_is_its_end() -> None:
    lines = ["---", "title: x", "---", "body"]
    assert place(lines, 1, 99) == Place("", "title", False, "x", 7)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["---", "---", "a: b", "---"], (0, 1)),
        (["---", "a: b", "..."], (0, 2)),
        (["--- ", "a: b", "---  "], (0, 2)),
        (["---", "a: b"], (0, 0)),
        (["title", "---", "a: b", "---"], (0, 0)),
        ([], (0, 0)),
    ],
)
def test_fences(lines: list[str], expected: tuple[int, int]) -> None:
    assert fences(lines) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("", Record(None, None, 0, 0, "", True)),
        ("  # x: y", Record(None, None, 2, 2, "", True)),
        ("  - 'a b': c", Record(2, "a b", 4, 2, " c", False)),
        ('"k": ', Record(None, "k", 0, 0, " ", False)),
        ("  -", Record(2, None, 3, 2, "", False)),
        ("-x: y", Record(None, None, 0, 0, "-x: y", False)),  # neither a dash nor a key
    ],
)
def test_record(line: str, expected: Record) -> None:
    assert record(line) == expected


def test_the_path_of_a_place() -> None:
    assert Place("tags[]", None, False, "", 0, item=True).path == "tags"
    assert Place("referrals[]", None, True, "", 0).path == "referrals[]"
    assert Place("meeting", "mode", False, "", 0).path == "meeting.mode"
    assert Place("", "title", False, "", 0).path == "title"
