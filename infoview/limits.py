"""The bounds on values infoview accepts, in one place, each with its reason.

Values are checked where they come in (the front matter, ``infoview.toml``, options), so
what passes is something every output can represent: a date plus the longest follow-up
window, a calendar's time-zone transitions and an agenda's horizon all stay inside what
``datetime`` holds (years 1 to 9999) with room to spare.
"""

from __future__ import annotations

import datetime as dt

# Meeting, thank-you and keep-in-touch dates. Wide enough for any interview a person
# records; narrow enough that a date plus ten years of keep-in-touch, or a calendar's
# time-zone rules a year either side, never leave the range datetime can hold.
MIN_YEAR = 1900
MAX_YEAR = 2100

# [lint] day counts: (least, most).
DAY_COUNTS = {
    "thank_you_days": (0, 365),  # the guide says one or two; a year is already very late
    "keep_in_touch_days": (0, 3650),  # ten years
}
MAX_AGENDA_DAYS = 3660  # `agenda --days`: ten years ahead

# Nesting in infoview.toml, as yamlpos.MAX_DEPTH bounds the front matter.
MAX_TOML_DEPTH = 32


def date_problem(day: dt.date) -> str | None:
    """Why ``day`` is outside the years infoview handles, or None."""
    if MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return f"the year {day.year} is outside {MIN_YEAR} to {MAX_YEAR}"


# What one packet may show. Layout time grows with the text and, faster, with inline markup
# in one paragraph (measured on this project's 2-core machine: 250 kB of plain text 13 s,
# 800 questions 8 s, one item of 2,000 emphasis spans 35 s). Within these a packet renders
# in well under 20 s; beyond the first two it is refused with a message, beyond the last
# two the markup is shown as plain text.
MAX_PACKET_TEXT = 128 * 1024  # characters of research, goals, questions and takeaways
MAX_PACKET_ITEMS = 500  # research items, goals, questions and takeaways
MAX_ITEM_MARKUP = 100  # emphasis, links, code spans and images in one item
MAX_PACKET_MARKUP = 5000  # ... in one packet
