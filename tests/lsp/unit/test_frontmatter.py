"""Where the cursor is in the front matter, read from the lines as they are typed."""

from __future__ import annotations

import pytest

from infoview.lsp.frontmatter import place

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
