"""Positions at the protocol's edge: infoview's spans <-> the client's line and character.

infoview counts 1-based lines and 1-based columns in characters (code points) of the text
with its BOM removed and line breaks normalised. The protocol counts 0-based lines split
at ``\\n``, ``\\r\\n`` or ``\\r`` (as the parser does) and 0-based columns in the code
units the client and server agreed on: UTF-16 by default (an emoji is two), or UTF-8 or
UTF-32. A BOM the client kept is one more character at the start of line 0.

The counting is :mod:`infoview.lsp.codeunits`' (which the early start uses before
lsprotocol is imported); this module gives it lsprotocol's types, and turns one text
into another as the fewest line edits.
"""

from __future__ import annotations

import difflib
import re

from lsprotocol import types

from infoview.lsp.codeunits import UTF8, UTF16, UTF32, Text, chars_for, units
from infoview.model import Span

__all__ = ["UTF8", "UTF16", "UTF32", "Lines", "chars_for", "text_edits", "units"]


class Lines(Text):
    """A document's text as the protocol sees it, with positions as lsprotocol's types."""

    def position(self, line: int, column: int) -> types.Position:
        """The protocol position of infoview's ``line``:``column`` (1-based, characters)."""
        return types.Position(*self.place(line, column))

    def range(self, span: Span) -> types.Range:
        """The range of ``span``; a point span covers the rest of its line's text."""
        start, end = self.span_places(span)
        return types.Range(types.Position(*start), types.Position(*end))

    def point(self, position: types.Position) -> tuple[int, int]:
        """infoview's 1-based (line, column) of a protocol position."""
        text = self.line(position.line)
        chars = chars_for(text, position.character, self.encoding)
        if position.line == 0:
            chars = max(chars - self.bom, 0)
        return position.line + 1, chars + 1

    def offset(self, position: types.Position) -> int:
        """The character offset in ``text`` of a protocol position (clamped to the text)."""
        if position.line >= len(self.lines):
            return len(self.text)
        text = self.lines[position.line]
        return self.starts[position.line] + chars_for(text, position.character, self.encoding)

    def position_at(self, offset: int) -> types.Position:
        """The protocol position of a character offset in ``text``."""
        index = 0
        lo, hi = 0, len(self.starts) - 1
        while lo <= hi:  # the last line start at or before ``offset``
            mid = (lo + hi) // 2
            if self.starts[mid] <= offset:
                index, lo = mid, mid + 1
            else:
                hi = mid - 1
        within = self.text[self.starts[index] : offset]
        return types.Position(index, units(within.rstrip("\r\n"), self.encoding))

    def word_at(self, position: types.Position, pattern: str = r"[\w.\-\[\]]+") -> str:
        """The word (by ``pattern``) under a protocol position, or ''."""
        text = self.line(position.line)
        at = chars_for(text, position.character, self.encoding)
        for match in re.finditer(pattern, text):
            if match.start() <= at <= match.end():
                return match.group()
        return ""


def text_edits(old: str, new: str, encoding: str = UTF16) -> list[types.TextEdit]:
    """The edits that turn ``old`` into ``new``, changing only the lines that differ."""
    if old == new:
        return []
    lines = Lines(old, encoding)
    before = old.splitlines(keepends=True)
    after = new.splitlines(keepends=True)
    # Offsets of each old line, so a line-level change maps to a character range.
    offsets = [0]
    for line in before:
        offsets.append(offsets[-1] + len(line))
    edits = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end = offsets[i1], offsets[i2]
        replacement = "".join(after[j1:j2])
        # Trim what both sides share at the edges, so an insertion is an insertion; a
        # "\r\n" is one line break and is never split.
        while start < end and replacement:
            step = 2 if old.startswith("\r\n", start) else 1
            if end - start < step or not replacement.startswith(old[start : start + step]):
                break
            start, replacement = start + step, replacement[step:]
        while start < end and replacement:
            step = 2 if old[max(end - 2, 0) : end] == "\r\n" else 1
            if end - start < step or not replacement.endswith(old[end - step : end]):
                break
            end, replacement = end - step, replacement[:-step]
        edits.append(
            types.TextEdit(
                types.Range(lines.position_at(start), lines.position_at(end)), replacement
            )
        )
    return edits
