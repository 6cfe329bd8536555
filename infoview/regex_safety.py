"""Bound the work of configured regular expressions.

``[lint] answerable_online`` and ``job_seeking`` are regular expressions from
``infoview.toml``, run on every question, and Python's ``re`` cannot bound a search's time.
Two measures keep them from hanging lint:

- a repetition inside a repetition (``(a+)+``, ``(\\w+\\s?)*``, ``(a{1,9}){1,9}``), the shape
  whose backtracking is exponential, is refused when the config is read, with the key;
- what remains is at worst polynomial in the text (``\\s*\\s*x``, ``.*a.*b``), so configured
  patterns see at most ``MAX_TEXT`` characters of each question: milliseconds even then.
"""

from __future__ import annotations

import re
from typing import Any

MAX_TEXT = 300
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def pattern_problem(source: str) -> str | None:
    """Why ``source`` may backtrack exponentially, or None."""
    import re._parser as parser  # type: ignore[import-not-found,unused-ignore]

    try:
        tree = parser.parse(source, re.IGNORECASE)
    except re.error:
        return None  # compiling reports it
    if _nested(list(tree), inside=False):
        return (
            "it repeats a repetition (like (a+)+), which can take exponential time; "
            "write it without the outer repetition"
        )
    return None


def _nested(items: list[Any], *, inside: bool) -> bool:
    """True when a repetition (that may repeat) holds another one."""
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            repeats = av[1] > 1
            if repeats and inside:
                return True
            if _nested(list(av[2]), inside=inside or repeats):
                return True
        elif name == "SUBPATTERN":
            if _nested(list(av[-1]), inside=inside):
                return True
        elif name == "ATOMIC_GROUP":
            if _nested(list(av), inside=inside):
                return True
        elif name == "BRANCH":
            if any(_nested(list(alt), inside=inside) for alt in av[1]):
                return True
        elif name in ("ASSERT", "ASSERT_NOT") and _nested(list(av[1]), inside=inside):
            return True
    return False
