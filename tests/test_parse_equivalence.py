"""The parser's fast paths give exactly what their references give, on a large corpus.

The corpus (``tools/parse_corpus.py``) is the examples, every interview-like string in
the tests and thousands of generated files mixing the constructs CommonMark and YAML
treat specially. ``tools/parse_diff.py`` compares whole Interviews against another
revision; these tests keep each fast path tied to its reference in every run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from infoview import blocks, yamlpos
from tools.parse_corpus import texts

CORPUS = list(texts(3000))


def _tokens(md: Any, text: str) -> list[tuple[Any, ...]]:
    fields = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content")
    fields += ("markup", "info", "meta", "block", "hidden")
    return [tuple(getattr(t, name) for name in fields) for t in md.parse(text)]


def test_block_tokens_match_markdown_it_tried_rule_by_rule() -> None:
    fast, reference = blocks.markdown(), blocks.reference()
    differ = []
    for name, text in CORPUS:
        for variant in (text, text.replace("\n", "\n  "), text.replace("\n", "\n> ")):
            if _tokens(fast, variant) != _tokens(reference, variant):
                differ.append(name)
    assert differ == []


@pytest.mark.parametrize(
    "text",
    [
        "para\n===\n",  # a setext heading: the underline is looked for
        "para\n  ---\n",
        "- item\n  text\n  ---\n",
        "> quote\n> ===\n",
        "para\n- item\n",
        "para\n\n---\n",  # a rule, not an underline: a blank line is between
        "    code\n  - item\n",
        "- a\n    - b\n        c\n",
        "1. one\n2. two\npara\n3) three\n",
        "<!-- comment\n\n-->\n# heading\n",
    ],
)
def test_each_construct_matches(text: str) -> None:
    assert _tokens(blocks.markdown(), text) == _tokens(blocks.reference(), text)


def _work(text: str) -> int:
    """Lines of Python run to parse ``text`` (a count, not a time: the same on any machine)."""
    md = blocks.markdown()
    count = 0

    def trace(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        md.parse(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "unit",
    [
        "- What does your company do?\n",  # a list with no blank line between its items
        "- item\n  more text\n",
        "1. first\n   - nested\n",
        "plain paragraph text\n",  # one long paragraph
        "> - quoted item\n",
        "- a\n  ---\n",
        "<!-- infoview-disable IV303 -->\n- q?\n",
    ],
)
def test_work_grows_linearly_with_the_text(unit: str) -> None:
    small, large = _work(unit * 400), _work(unit * 800)
    assert large <= 2.3 * small


def _nodes(node: Any, seen: set[int]) -> Iterator[Any]:
    if id(node) in seen:  # an alias: the same node again, perhaps inside itself
        return
    seen.add(id(node))
    yield node
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _nodes(child, seen)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(key, seen)
            yield from _nodes(value, seen)


def test_yaml_positions_from_marks_match_positions_from_indexes() -> None:
    """A mark's own line and column, where used, give what its character index gives."""
    compared = 0
    for _, text in CORPUS:
        fm = text.split("\n---\n", 1)[0].removeprefix("---\n")
        try:
            root = yaml.compose(fm, Loader=yamlpos._Loader)
        except Exception:
            continue
        fast = yamlpos._Positions(fm, 2)
        slow = yamlpos._Positions(fm, 2)
        slow.marks_agree = False  # every position from the index
        for node in _nodes(root, set()) if root is not None else ():
            for marks in ((node.start_mark,), (node.start_mark, node.end_mark)):
                assert tuple(fast.span(*marks)) == tuple(slow.span(*marks)), (fm, marks)
                compared += fast.marks_agree
    assert compared > 10_000


def test_tokens_are_made_by_markdown_it_when_their_fields_are_not_the_known_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert blocks._state_class() is not None
    monkeypatch.setattr(blocks, "_TOKEN_FIELDS", (*blocks._TOKEN_FIELDS, "new_field"))
    assert blocks._state_class() is None
