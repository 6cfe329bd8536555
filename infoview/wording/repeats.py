"""Phrases a text says twice: repeated runs of three or more words.

Words are compared without case or punctuation, and contractions count as they are
written ("I'll" is one word). A repeated four-word phrase contains repeated three-word
ones, so looking at three-word runs finds every repeat.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
N = 3


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def repeated(text: str, n: int = N) -> list[str]:
    """Every run of ``n`` words that occurs more than once, in order of first occurrence."""
    seq = words(text)
    runs = [" ".join(seq[i : i + n]) for i in range(len(seq) - n + 1)]
    counts = Counter(runs)
    return list(dict.fromkeys(r for r in runs if counts[r] > 1))


def longest(text: str, n: int = N) -> list[str]:
    """The repeated phrases merged into their longest form, for a message to the user."""
    seq = words(text)
    found = set(repeated(text, n))
    phrases: list[str] = []
    i = 0
    while i <= len(seq) - n:
        if " ".join(seq[i : i + n]) in found:
            j = i + n
            while j < len(seq) and " ".join(seq[j - n + 1 : j + 1]) in found:
                j += 1
            phrase = " ".join(seq[i:j])
            if not any(phrase in p for p in phrases):
                phrases.append(phrase)
            i = j
        else:
            i += 1
    return phrases
