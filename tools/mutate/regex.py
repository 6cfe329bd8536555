"""The alternatives of a regular expression, so a mutant can drop one of them.

A pattern is a sequence of units: single characters, or opaque holes (the ``{...}`` of an
f-string, whose value is another pattern). The scanner knows escapes, character classes
(a ``|`` inside ``[...]`` is a character), and group prefixes (``(?:``, ``(?=``, ``(?<!``,
``(?P<name>``, ``(?i:``); it leaves conditional groups and comments alone.
"""

from __future__ import annotations

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
