"""A seeded differential fuzz of ``infoview.scan`` against markdown-it.

    python tools/parse_fuzz.py [--count N] [--seed S]

Each document is 1 to 30 lines drawn from a line grammar close to what the scanner
handles and just past it: list markers (``-``, ``*``, ``+``, ``1.``, ``1)``, long and
zero numbers) with and without content, indented 0 to 7 spaces, nested on one line;
ATX headings ``#`` to ``#######`` with and without closing ``#`` runs and trailing
spaces; text at any indent (so lazy and indented continuation lines); things that look
like markers but are not (``-x``, ``1.5``, ``#tag``); comments; blank lines of spaces;
and, rarely, constructs the scanner must decline (fences, quotes, rules, underlines,
tabs, HTML, reference definitions). For every document the scanner either declines
(returns None) or gives exactly markdown-it's tokens in every field it fills.
``tests/test_parse_equivalence.py`` runs a few thousand; run a few hundred thousand
after changing ``scan.py``. Exit status 1 when any document differs.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from infoview import blocks, scan

FIELDS = ("type", "tag", "nesting", "level", "map", "content", "markup", "info")

MARKERS = ("-", "-", "-", "*", "+", "1.", "1)", "2.", "3)", "10.", "0.", "123456789.")
MARKERS += ("1234567890.", "01.", "2")
WORDS = ("What", "does", "your", "team", "do?", "**Label:**", "Advice:", "café", "日本")
WORDS += ("x", "-", "#", "1.", "<!-- c -->", "*", "+", "[x]", "`code`", "\\", "=")
ODD = (  # constructs the scanner must decline, or that sit just beside them
    "---",
    "- - -",
    "***",
    "___",
    "===",
    "=",
    "-",
    "- ",
    "--",
    "```",
    "~~~",
    "``not a fence",
    "> quote",
    "\tTab",
    "-\ttab",
    "<div>",
    "<b>inline</b>",
    "<!--",
    "-->",
    "<!-- one -->",
    "<!-- infoview-disable IV303 -->",
    "<!-->",
    "[ref]: /url",
    "[not a ref",
    "[x]: y",
    "a]: b",
    "    code?",
    "\u00a0nbsp",
    "text\u2028separator",
    "\u3000ideographic space",
    "trailing nbsp\u00a0",
    "nel\x85",
    "\x0c",
    "form\x0cfeed",
    "\x0b- vertical tab",
    "\x1c",
    "* * *",
    "_ _ _",
    "-x",
    "1.5",
    "+1",
    "1.x",
    "#tag",
    "#",
    "# #",
    "## ##",
    "#\u00a0nbsp",
    "####### seven",
    "1. ",
    "1.",
    "2.",
)


def _text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 5))]
    return " ".join(words)


def _indent(rng: random.Random, columns: list[int], wild: float) -> int:
    """Mostly near a column a list item above opened (so lists nest), sometimes anywhere."""
    if rng.random() < wild:
        return rng.randint(0, 7)
    return max(0, rng.choice(columns) + rng.choice((0,) * 10 + (-1, 1, -2, 2, 3, 4)))


def _line(rng: random.Random, columns: list[int], wild: float) -> str:
    roll = rng.random()
    if roll < 0.15:
        return " " * rng.choice((0, 0, 0, 1, 2, 3))  # blank
    indent = " " * _indent(rng, columns, wild)
    tail = " " * rng.choice((0, 0, 0, 1, 2))
    if roll < 0.45:
        parts = [rng.choice(MARKERS)]
        while rng.random() < 0.15:
            parts.append(rng.choice(MARKERS))  # nested on one line: "- 1. x"
        gap = " " * rng.choice((1,) * 12 + (2, 3, 4, 5, 6))
        body = "" if rng.random() < 0.1 else gap + _text(rng)
        if rng.random() < 0.05:
            body = gap + "#" * rng.randint(1, 4) + " " + _text(rng)
        head = indent + " ".join(parts)
        if body and parts[-1] not in ("1234567890.", "2"):
            columns[:] = [c for c in columns if c <= len(indent)] + [len(head) + len(gap)]
        return head + body + tail
    if roll < 0.6:
        hashes = "#" * rng.choice((1, 2, 2, 3, 3, 4, 7))
        title = " " + _text(rng) if rng.random() < 0.9 else ""
        closing = rng.choice(("", "", " #", " ##", "#", " # ", " ###   "))
        indent = indent[: rng.randint(0, len(indent))]
        columns[:] = [c for c in columns if c <= len(indent)] or [0]
        return indent + hashes + title + closing + tail
    if roll < 1 - wild / 4:
        return indent + _text(rng) + tail
    return indent + rng.choice(ODD) + tail


def documents(count: int, seed: int = 20261201) -> Iterator[str]:
    """``count`` random documents, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        columns = [0]
        wild = rng.choice((0.0, 0.01, 0.03, 0.1, 0.2))  # how often a line goes anywhere
        lines = [_line(rng, columns, wild) for _ in range(rng.randint(1, 30))]
        end = rng.choice(("", "\n", "\n", "\n  ", "\n\n"))
        yield "\n".join(lines) + end


def tokens(found: Any) -> list[tuple[Any, ...]]:
    """The fields the scanner fills, of each token."""
    return [tuple(getattr(token, name) for name in FIELDS) for token in found]


def differs(text: str, md: Any) -> bool | None:
    """None when the scanner declines ``text``, else whether its tokens differ from ``md``'s."""
    found = scan.scan(text)
    if found is None:
        return None
    return tokens(found) != tokens(md.parse(text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    md = blocks.reference()
    compared = declined = 0
    bad: list[str] = []
    for text in documents(args.count, args.seed):
        verdict = differs(text, md)
        if verdict is None:
            declined += 1
            continue
        compared += 1
        if verdict:
            bad.append(text)
    print(f"{args.count} documents: {compared} scanned and compared, {declined} declined")
    print(f"{len(bad)} differ from markdown-it")
    for text in bad[:5]:
        print(repr(text))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
