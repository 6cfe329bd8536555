"""Positions as the protocol counts them, in plain numbers (no lsprotocol import).

infoview counts 1-based lines and 1-based columns in characters (code points) of the text
with its BOM removed and line breaks normalised. The protocol counts 0-based lines split
at ``\\n``, ``\\r\\n`` or ``\\r`` (as the parser does) and 0-based columns in the code
units the client and server agreed on: UTF-16 by default (an emoji is two), or UTF-8 or
UTF-32. A BOM the client kept is one more character at the start of line 0.

:class:`Text` gives (line, character) pairs; :mod:`infoview.lsp.positions` wraps them in
lsprotocol's types for the server, and :mod:`infoview.lsp.early` writes them as JSON
before lsprotocol is even imported.
"""

from __future__ import annotations

import re

from infoview.model import Span

_BREAK = re.compile(r"\r\n|\r|\n")
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
Place = tuple[int, int]  # a protocol position: 0-based line, 0-based code unit


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def chars_for(text: str, count: int, encoding: str) -> int:
    """How many characters of ``text`` fill ``count`` code units (never splitting one)."""
    if encoding == UTF32:
        return min(count, len(text))
    used = 0
    for index, char in enumerate(text):
        width = units(char, encoding)
        if used + width > count:
            return index
        used += width
    return len(text)


class Text:
    """A document's text as the protocol sees it, for converting positions."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.bom = 1 if text.startswith("\ufeff") else 0
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        self.lines = _BREAK.split(text)

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def place(self, line: int, column: int) -> Place:
        """The protocol position of infoview's ``line``:``column`` (1-based, characters)."""
        index = min(max(line - 1, 0), len(self.lines) - 1)
        text = self.lines[index]
        chars = min(max(column - 1, 0) + (self.bom if index == 0 else 0), len(text))
        return index, units(text[:chars], self.encoding)

    def span_places(self, span: Span) -> tuple[Place, Place]:
        """Where ``span`` starts and ends; a point span covers the rest of its line's text."""
        start = self.place(span.line, span.column)
        if span.end_line:
            end = self.place(span.end_line, span.end_column)
        else:
            text = self.line(start[0]).rstrip()
            end = start[0], max(units(text, self.encoding), start[1])
        return start, max(start, end)
