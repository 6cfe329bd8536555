"""The parser's fast paths give exactly what their references give, on a large corpus.

The corpus (``tools/parse_corpus.py``) is the examples, every interview-like string in
the tests and thousands of generated files mixing the constructs CommonMark and YAML
treat specially. ``tools/parse_diff.py`` compares whole Interviews against another
revision; these tests keep each fast path tied to its reference in every run. The block
scanner (``infoview/scan.py``) is also checked on a seeded differential fuzz
(``tools/parse_fuzz.py``; SCAN_FUZZ=N runs N documents instead of the default).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from infoview import blocks, scan, yamlpos
from tools import parse_fuzz
from tools.parse_corpus import examples, texts

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
            root = yaml.compose(fm, Loader=yamlpos._loader())
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


def _bodies() -> Iterator[str]:
    """Every corpus text as a body, as parse reads it, and as a whole text."""
    for _, text in CORPUS:
        yield text
        yield yamlpos.split(text.removeprefix("\ufeff").replace("\r\n", "\n")).body


def test_scanner_tokens_match_markdown_it_on_the_corpus() -> None:
    md = blocks.reference()
    compared, differ = 0, []
    for body in _bodies():
        for variant in (body, body.replace("\n", "\n  "), body + "\n\n- one more?\n"):
            verdict = parse_fuzz.differs(variant, md)
            compared += verdict is not None
            if verdict:
                differ.append(variant)
    assert differ == []
    assert compared > 1000  # the scanner takes a good share, so the comparison means something


def test_scanner_takes_every_example_interview() -> None:
    for name, text in examples():
        assert scan.scan(yamlpos.split(text).body) is not None, name


def test_scanner_matches_markdown_it_on_a_seeded_fuzz() -> None:
    """Each random document is declined or scanned to exactly markdown-it's tokens."""
    md = blocks.reference()
    count = int(os.environ.get("SCAN_FUZZ", "4000"))
    compared, differ = 0, []
    for text in parse_fuzz.documents(count):
        verdict = parse_fuzz.differs(text, md)
        compared += verdict is not None
        if verdict:
            differ.append(text)
    assert differ[:3] == []
    assert compared > count // 4


@pytest.mark.parametrize(
    "text",
    [
        "- a\n- b\n",
        "- a\n\n- b\n",  # loose
        "- a\n  - b\n    - c\n",
        "- a\nlazy\n",  # a lazy continuation line
        "1. a\n2) b\n",  # another delimiter: another list
        "- a\n+ b\n",
        "text\n2. not a list\n",  # an ordered list interrupts a paragraph only from 1
        "text\n-\n",  # an underline, not an empty item (the scanner declines)
        "-\n\n  text\n",  # an empty item, then a blank: the list ends
        "- # heading in an item\n",
        "- - - x\n",
        "# Title #\n## Notes ##  \n### x#\n#### # \n",
        "#\n# #\n####### seven\n#tag\n",
        "<!-- c -->\n- q?\n<!-- d -->\n",
        "para\n<!-- c -->\n",
        "- a\n      code-indented continuation\n",
        "-      five spaces after the marker\n",
        "10. ten\n1234567890. too long\n",
        "a\u00a0\n\u00a0b\n",  # NBSP is text, not indentation
        "[x]: /url\n",
        "- a\n\n\n- b\n",
        "- " * 9 + "x\n",  # as deep as the scanner goes
        "- " * 10 + "x\n",  # it declines before markdown-it's nesting limit
        "\x0c\n",  # a form feed is text to markdown-it, and so to the scanner
        "- a\n\x0b\n\u2003- b\n# \x0c #\n",
        "  \n",
        "",
    ],
)
def test_scanner_constructs(text: str) -> None:
    assert parse_fuzz.differs(text, blocks.reference()) in (None, False)


@pytest.mark.parametrize(
    "text",
    [
        *("```\ncode\n```\n", "> quote\n", "para\n===\n", "- a\n---\n", "    code\n"),
        *("\t- tab\n", "<div>\n", "<!--\nopen\n-->\n", "[ref]: /url\n", "- a\n- b\n  > c\n"),
        "text\n- \n",
    ],
)
def test_scanner_declines_what_it_does_not_do(text: str) -> None:
    assert scan.scan(text) is None


def test_scanner_trims_what_markdown_it_trims() -> None:
    from markdown_it.common.utils import MD_TRIM_CHARS

    assert scan.TRIM == MD_TRIM_CHARS


def test_scanner_assumes_markdown_its_rule_chains() -> None:
    """The scanner follows these chains; a markdown-it that orders them otherwise fails here."""
    chains = {
        c: [r.__name__ for r in blocks.reference().block.ruler.getRules(c)]
        for c in ("", "paragraph", "list")
    }
    fence = "_fence_rule"
    html_on = ["_bounded_html_block", "heading", "lheading", "paragraph"]
    assert chains == {
        "": ["code", fence, "blockquote", "hr", "list_block", "reference", *html_on],
        "paragraph": [fence, "blockquote", "hr", "list_block", "_bounded_html_block", "heading"],
        "list": [fence, "blockquote", "hr"],
    }
    assert blocks.reference().options.maxNesting == scan.MAX_LEVEL


def test_scanned_bodies_do_not_import_markdown_it() -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom infoview.parse import parse_text\n"
        "iv = parse_text(Path(sys.argv[1]).read_text(), Path('x.md'))\n"
        "assert iv.questions, iv\nprint('markdown_it' in sys.modules)"
    )
    example = next(iter(sorted(Path(__file__).parent.parent.glob("interviews/*.md"))))
    out = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


_FRONT = "---\nlearning_goals:\n  - Learn what x does.\n  - Learn about y.\n---\n# Title\n"


def test_scanned_interviews_equal_interviews_read_through_markdown_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whole Interviews, not only tokens: each fuzz document as each section's body."""
    from infoview import parse

    count = int(os.environ.get("SCAN_FUZZ", "4000")) // 8
    texts = [
        f"{_FRONT}## {section}\n{document}"
        for document in parse_fuzz.documents(count, seed=5)
        for section in ("Research", "Questions", "Notes")
    ]
    scanned = [repr(parse.parse_text(text, Path("x.md"))) for text in texts]
    taken = sum(scan.scan(yamlpos.split(text).body) is not None for text in texts)
    monkeypatch.setattr(parse, "scan", lambda body: None)
    assert scanned == [repr(parse.parse_text(text, Path("x.md"))) for text in texts]
    assert taken > len(texts) // 4
