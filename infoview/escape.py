"""Make control characters and undecodable bytes visible: the one escaping function.

Names, notes and file names come from files someone else may have written. Printed raw,
``\\x1b[2J`` clears the screen, ``\\x1b]0;...\\x07`` retitles the window, ``\\x1b]8;;...`` plants
a hyperlink, a C1 ``\\x9b`` is a CSI on terminals that honour 8-bit controls, and U+202E
(right-to-left override) makes ``gpj.exe`` read as ``exe.jpg``. A file name that is not
valid UTF-8 arrives with lone surrogates, which no encoder accepts. So every text infoview
prints (lint's text and github formats, agenda, network, errors, progress lines) passes
through ``printable``, whether or not the output is a terminal and whatever NO_COLOR says:

- C0 controls, DEL and C1 controls become ``\\x1b``, ``\\x7f``, ``\\x9b`` (``\\n``, ``\\r``,
  ``\\t`` for those three); line breaks are kept only where the caller asks;
- bidirectional controls and the Unicode line and paragraph separators become ``\\u202e``;
- a byte that is not UTF-8 (a surrogate-escaped file name) becomes ``\\xff``.

The result is printable, plain ASCII where it was not, and ``printable`` of it is itself.
``dumps`` writes JSON whose strings carry the same characters as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import json
import re
from typing import Any

# One character class: a single pass over the text, no backtracking.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# In JSON, C0 controls are escaped by json itself; these are the ones it leaves raw.
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str, *, newlines: bool = False) -> str:
    """``text`` with every control character, bidi control and undecodable byte escaped.

    ``newlines=True`` keeps line feeds (and the CR of a CRLF) for multi-line output; a lone
    CR, which would let a line overwrite itself on a terminal, is still escaped.
    """
    if newlines:
        if _UNSAFE_KEEP_LINES.search(text) is None:
            return text
        lines = text.split("\n")
        kept = [
            _UNSAFE.sub(_escape, line[:-1]) + "\r"
            if line.endswith("\r") and index < len(lines) - 1
            else _UNSAFE.sub(_escape, line)
            for index, line in enumerate(lines)
        ]
        return "\n".join(kept)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """JSON text with non-ASCII kept readable but no raw control or bidi character in it."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
