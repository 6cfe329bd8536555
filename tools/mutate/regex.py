"""The alternatives of a regular expression, so a mutant can drop one of them.

A pattern is a sequence of units: single characters, or opaque holes (the ``{...}`` of an
f-string, whose value is another pattern). The scanner knows escapes, character classes
(a ``|`` inside ``[...]`` is a character), and group prefixes (``(?:``, ``(?=``, ``(?<!``,
``(?P<name>``, ``(?i:``); it leaves conditional groups and comments alone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass

Unit = object  # a one-character str, or any other object standing for a hole


@dataclass(frozen=True)
class Alternative:
    """One alternative ``[start, end)`` of a group, and the cut that drops it."""

    start: int
    end: int
    cut: tuple[int, int]  # the units to remove: the alternative and one of its bars
    group: tuple[int, int]  # the whole group's content, for the description


def _group_content_start(units: Sequence[Unit], i: int) -> int | None:
    """Where the content of the group opened at ``units[i]`` starts; None: not alternation."""
    n = len(units)

    def at(k: int) -> Unit:
        return units[k] if k < n else None

    if at(i + 1) != "?":
        return i + 1
    kind = at(i + 2)
    if kind in (":", "=", "!", ">"):
        return i + 3
    if kind == "<" and at(i + 3) in ("=", "!"):
        return i + 4
    if (kind == "P" and at(i + 3) == "<") or kind == "<":
        k = i + 3
        while k < n and units[k] != ">":
            k += 1
        return k + 1
    # (?aiLmsux-imsx:...) scoped flags; bare flags "(?i)" have no content.
    k = i + 2
    while (k < n and isinstance(units[k], str) and str(units[k]).isalpha()) or at(k) == "-":
        k += 1
    if at(k) == ":":
        return k + 1
    return None  # (?P=name), (?#...), (?(1)yes|no), (?i): nothing to drop


def alternatives(units: Sequence[Unit]) -> list[Alternative]:
    """Every alternative of every group (and of the top level) that has two or more."""
    found: list[Alternative] = []
    # each open group: content start (None: not to be split), bar positions
    stack: list[tuple[int | None, list[int]]] = [(0, [])]
    i, n = 0, len(units)
    while i < n:
        unit = units[i]
        if not isinstance(unit, str):
            i += 1
        elif unit == "\\":
            i += 2
        elif unit == "[":
            i += 1
            if i < n and units[i] == "^":
                i += 1
            if i < n and units[i] == "]":
                i += 1
            while i < n and units[i] != "]":
                i += 2 if units[i] == "\\" else 1
            i += 1
        elif unit == "(":
            start = _group_content_start(units, i)
            stack.append((start, []))
            i = i + 1 if start is None else start
        elif unit == ")" and len(stack) > 1:
            start, bars = stack.pop()
            if start is not None:
                found += _split(start, i, bars)
            i += 1
        else:
            if unit == "|":
                stack[-1][1].append(i)
            i += 1
    start, bars = stack[0]
    if start is not None:
        found += _split(start, n, bars)
    return found


def _split(start: int, end: int, bars: list[int]) -> list[Alternative]:
    if not bars:
        return []
    edges = [start - 1, *bars, end]
    spans = [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]
    if sum(1 for a, b in spans if b > a) < 2:
        return []  # "a|" or "|b": one real alternative, nothing meaningful to drop
    out = []
    for k, (a, b) in enumerate(spans):
        if b == a:
            continue
        cut = (a, b + 1) if k == 0 else (a - 1, b)  # with the bar after it, or before it
        out.append(Alternative(a, b, cut, (start, end)))
    return out


def compiles(text: str) -> bool:
    try:
        re.compile(text)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


# -- literals as patterns: the units of a str or f-string node, and back ---------------------


def units(node: ast.AST) -> list[object]:
    """The characters of a string literal; an f-string's ``{...}`` holes stay nodes."""
    if isinstance(node, ast.Constant):
        return [*str(node.value)]
    found: list[object] = []
    assert isinstance(node, ast.JoinedStr)
    for value in node.values:
        if isinstance(value, ast.Constant):
            found += [*str(value.value)]
        else:
            found.append(value)
    return found


def flat(pieces: Sequence[Unit]) -> str:
    """The pattern with each hole as one plain character, to check that it compiles."""
    return "".join(u if isinstance(u, str) else "x" for u in pieces)


def is_pattern(source: str, node: ast.AST, pieces: list[object], *, passed_to_re: bool) -> bool:
    """A literal that is a regular expression: alternation, it compiles, and it is raw,
    grouped, or given straight to ``re`` (plain text like "left | right" is none of them)."""
    alts = alternatives(pieces)
    if not alts or not compiles(flat(pieces)):
        return False
    segment = ast.get_source_segment(source, node) or ""
    raw = re.match(r"[bBuUfF]*[rR]", segment) is not None
    grouped = any(alt.group[0] > 0 for alt in alts)
    return raw or grouped or passed_to_re


def locate(lines: list[str], node: ast.AST, text: str, skip: int) -> tuple[int, int]:
    """Line and column of the ``skip``-th later ``text`` in the literal's source lines.

    Approximate where escapes make the source differ from the value: then (first line, 0).
    """
    first, last = node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]
    for number in range(first, last + 1):
        line = lines[number - 1]
        col = line.find(text)
        while col >= 0:
            if skip == 0:
                return number, col + 1
            skip -= 1
            col = line.find(text, col + len(text))
    return first, 0


def rebuild(node: ast.AST, units: list[object]) -> ast.AST:
    if isinstance(node, ast.Constant):
        return ast.Constant(value="".join(str(u) for u in units))
    values: list[ast.expr] = []
    text = ""
    for unit in units:
        if isinstance(unit, str):
            text += unit
            continue
        if text:
            values.append(ast.Constant(value=text))
            text = ""
        assert isinstance(unit, ast.expr)
        values.append(unit)
    if text:
        values.append(ast.Constant(value=text))
    return ast.JoinedStr(values=values)


def render(units: list[object]) -> str:
    out = ""
    for unit in units:
        if isinstance(unit, str):
            out += unit
        else:
            assert isinstance(unit, ast.FormattedValue)
            out += "{" + ast.unparse(unit.value) + "}"
    return out
