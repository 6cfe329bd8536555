"""Phone numbers, dates and times that never break across lines in a packet.

``nowrap`` escapes a text and wraps each phone number ("+1 312 555 0147"), time or time
range ("10:00–10:30 PST"), date ("Thursday 3 December 2026") and time zone
("America/Los_Angeles") in
``<span class="nowrap">``, which the stylesheet keeps on one line. Each pattern scans a
run of text once (no nested repetition), so it is linear on any input.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_KEEP = re.compile(
    r"(?<![\w+])\+?\(?\d[\d ().\-]{5,}\d(?!\w)"  # +1 312 555 0147, (312) 555-0147
    rf"|(?:(?:{_DAYS}) )?\d{{1,2}} (?:{_MONTHS}) \d{{4}}"  # Thursday 3 December 2026
    rf"|(?:{_MONTHS}) \d{{1,2}}(?:, \d{{4}})?"  # December 3, 2026
    r"|\d{1,2}:\d{2}(?:[–-]\d{1,2}:\d{2})?(?: [A-Z]{2,5}\b)?"  # 10:00–10:30 PST
    r"|\b[A-Z][A-Za-z]+/[A-Za-z_\-]+(?:/[A-Za-z_\-]+)?"  # America/Los_Angeles
)


def nowrap(text: object) -> Markup:
    """``text`` escaped, with its numbers, dates and times kept on one line each."""
    escaped = str(escape(str(text)))
    return Markup(_KEEP.sub(lambda m: f'<span class="nowrap">{m.group()}</span>', escaped))
