"""Interview texts several test files share.

``FRONT`` is front matter that every rule passes a week before its meeting (at
``TODAY``); file lines: '---' 1, interviewer 2, name 3, phone 4, meeting 5, date 6,
duration 7, mode 8, location 9, formality 10, learning_goals 11, closing '---' 14.
"""

from __future__ import annotations

TODAY = "2026-11-25"

FRONT = """\
interviewer:
  name: Dana Whitfield
  phone: "+1 503 555 0142"
meeting:
  date: 2026-12-03T10:00
  duration: 30
  mode: video
  location: https://meet.example.com/abc
formality: formal
learning_goals:
  - Learn how this firm uses paralegals.
  - Learn about the career path from paralegal to lawyer.
"""
