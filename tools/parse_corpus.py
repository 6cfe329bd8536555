"""A large, varied corpus of interview texts for checking that two parsers agree.

``texts()`` yields (name, text) pairs: the example interviews, every interview-like
string in the test suite, and thousands of generated files, seeded so every run sees the
same ones. The generated files mix the Markdown block constructs CommonMark treats
specially (lists at every indentation, tabs, fences, quotes, setext underlines, HTML
blocks, link definitions, lazy continuation lines, wide spaces) with front matter that
is valid, broken, deep, aliased or tagged. ``tools/parse_diff.py`` compares another
revision's parser with this tree's on them; ``tests/test_parse_equivalence.py`` compares
the parser's fast paths with their references.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lines of Markdown, chosen for the rules they exercise; indentation is added at random.
LINES = (
    "- item",
    "- **Work history:** twelve years at the firm",
    "- **Education:** BA, University of Oregon",
    "- **Credentials:** certified paralegal",
    "- **In common:** we both came through PCC",
    "- **Sources:** team page, LinkedIn",
    "- Work history: a plain label",
    "- **Takeaway:** ask about the certificate",
    "- Advice: keep in touch",
    "- What does your company do?",
    "- How did you start in probate work?",
    "- a statement, not a question",
    "* star item?",
    "+ plus item",
    "1. first?",
    "2) second",
    "10. tenth",
    "1.",
    "-",
    "- ",
    "-\ttab after the marker",
    "\t- tabbed item?",
    "- - nested on one line?",
    "- > quoted inside an item",
    "- ## Notes",
    "# Informational interview",
    "## Research",
    "## Questions",
    "## Notes",
    "## Follow-up",
    "## follow up",
    "## Other",
    "### Goal 1: how this firm uses paralegals",
    "### Goal 2",
    "### goal #3",
    "### 1) the first goal",
    "### Estate planning practice",
    "### Work history",
    "#### Deeper",
    "#no space",
    "####### seven",
    "## Research ##",
    "##",
    "> a quote",
    "> - a quoted item?",
    ">> deeper",
    "> ## Notes",
    "```",
    "```python",
    "~~~",
    "``` `bad`",
    "    indented code?",
    "===",
    "---",
    "***",
    "___",
    "- - -",
    "  ---",
    "<!-- a comment -->",
    "<!-- infoview-disable IV303 -->",
    "<!-- infoview-disable IV303, IV304 -->",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "<a href='x'>",
    "<a b=\u00a0\u00a0\u00a0",
    "<?php ?>",
    "[ref]: https://example.com",
    "[ref]:",
    "[not a ref",
    "plain paragraph text",
    "a paragraph that asks?",
    "lazy continuation line",
    "Which tasks do paralegals handle?",
    "\u00a0nbsp start",
    "text\u2028with a line separator",
    "trailing spaces   ",
    "",
    "",
    "",
    "   ",
    "\t",
)
INDENTS = ("", "", "", "", " ", "  ", "  ", "   ", "    ", "     ", "      ", "\t", "  \t")

FRONTS = (
    "",
    "interviewer:\n  name: Dana Whitfield\n",
    "interviewer:\n  name: Dana\n  email: dana@example.com\n  phone: '+1 503 555 0142'\n"
    "meeting:\n  date: 2026-12-03T10:00\n  duration: 30\n  mode: video\n"
    "  location: https://meet.example.com/abc\nformality: formal\n"
    "learning_goals:\n  - Learn how this firm uses paralegals.\n"
    "  - Learn about the career path.\n  - Learn about estate planning practice.\n",
    "learning_goals: [one, two, 'three, four']\ntags: [a, b]\n",
    "learning_goals:\n- unindented\n- list\n",
    "referrals:\n  - name: Sam Ortiz\n    note: 'tell him I sent you'\n    file: x.md\n",
    "follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: email\n"
    "  keep_in_touch:\n    - date: 2027-02-10\n      note: a note\n",
    "status: done\nlint:\n  ignore: [IV303, nope]\n",
    "interviewer: {name: Flow Style, title: 'Dr'}\nmeeting: {date: 2026-12-03}\n",
    "a: &a [x, y]\nb: *a\nc: *a\n",
    "a: &a [*a]\n",
    "a: !!python/object:os.system ls\n",
    "a: !custom x\n",
    "interviewer:\n  name: |\n    Block\n    scalar\n\n",
    "interviewer:\n  name: >-\n    folded\n    text\n",
    "key: [unclosed\n",
    "key: 'unclosed\n",
    "- a list\n- at the top\n",
    "just a scalar\n",
    "a:\n b:\n  c:\n   d: deep\n",
    "x: " + "[" * 40 + "]" * 40 + "\n",
    "x: " + "[" * 33 + "]" * 33 + "\n",
    "x: " + "[" * 31 + "1" + "]" * 31 + "\n",
    "x: " + "[" * 32 + "1" + "]" * 32 + "\n",
    "x:\n" + "".join("  " * n + "- \n" for n in range(1, 36)),
    "name: NO\nother: yes\nnull_value: ~\nnum: 0x1F\n",
    "dup: 1\ndup: 2\n",
    "? complex key\n: value\n",
    "[a, b]: value\n",
    "a: 1\n---\nb: 2\n",
    "a: b: c\n",
    "a:\tb\n",
    'name: "\\u2028escaped"\ntitle: plain\u2028separator\n',
    "name: nel\x85here\n",
    "k: \ufeffbom inside\n",
    "# only a comment\n",
    "<<: {a: 1}\nb: 2\n",
    "interviewer:\n  name: Ünïcödé Nämé 😀\n  title: 'ok'\n",
    "tags: [a, b, c]\nreferred_by: 2026-10-02-lee-chan.md\n",
    "a: &x 1\nb: &x 2\n",
    "a: *undefined\n",
)


def examples() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "interviews").glob("*.md")):
        yield f"example {path.name}", path.read_text(encoding="utf-8")


def test_strings() -> Iterator[tuple[str, str]]:
    """Every string literal in the tests that looks like (part of) an interview."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:  # pragma: no cover - the suite's own files parse
            continue
        for n, node in enumerate(ast.walk(tree)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if len(text) > 12 and ("\n" in text) and ("#" in text or "---" in text):
                    yield f"{path.relative_to(ROOT)} #{n}", text


def generated(count: int, seed: int = 20261203) -> Iterator[tuple[str, str]]:
    """``count`` random files: random front matter and 1 to 60 random body lines."""
    rng = random.Random(seed)
    for n in range(count):
        front = rng.choice(FRONTS)
        lines = []
        for _ in range(rng.randint(1, 60)):
            line = rng.choice(LINES)
            if rng.random() < 0.5:
                line = rng.choice(INDENTS) + line
            lines.append(line)
        body = "\n".join(lines)
        shape = rng.random()
        if shape < 0.75:
            text = f"---\n{front}---\n{body}"
        elif shape < 0.85:
            text = f"---\n{front}\n{body}"  # never closed
        elif shape < 0.9:
            text = f"---\r\n{front.replace(chr(10), chr(13) + chr(10))}---\r\n{body}"
        else:
            text = body
        if rng.random() < 0.3:
            text += "\n"
        yield f"generated {n}", text


def texts(count: int = 4000) -> Iterator[tuple[str, str]]:
    """The whole corpus: examples, the tests' strings and ``count`` generated files."""
    yield from examples()
    yield from test_strings()
    yield from generated(count)
