"""How a note greets someone, from the name as the student wrote it.

"Dr. Ana María de la Cruz, PhD" is greeted "Dr. de la Cruz" in a formal note and "Ana"
in an informal one. Honorifics and post-nominal letters are not part
of a first name; a doctorate (written as "Dr." or as letters such as PhD, MD, DNP) makes
the formal greeting "Dr. <surname>". Without one, a formal note uses the full name, which
needs no guess about how the person is addressed; ``interviewer.salutation`` overrides both.
"""

from __future__ import annotations

import re

from infoview.wording.lexicon import words

HONORIFICS = {
    "dr": "Dr.",
    "doctor": "Dr.",
    "prof": "Professor",
    "professor": "Professor",
    "mr": "Mr.",
    "mrs": "Mrs.",
    "ms": "Ms.",
    "mx": "Mx.",
    "miss": "Miss",
    "rev": "Rev.",
    "judge": "Judge",
    "hon": "Judge",
}
# Post-nominal letters that are doctorates (the holder is addressed as "Dr.").
DOCTORATES = words(
    "md do phd dnp edd pharmd psyd dds dmd dvm dpt od drph dba scd dsw aud dmin dnsc thd"
)
SUFFIXES = words("jr sr ii iii iv")
PARTICLES = words("de la del della der den van von da di du le st bin al el ter")

_LETTERS = re.compile(r"[^\w-]+")


def _key(word: str) -> str:
    return _LETTERS.sub("", word).lower()


def parts(name: str) -> tuple[str | None, list[str], list[str]]:
    """(honorific, name words, post-nominal letters) of ``name``."""
    main, _, letters = name.partition(",")
    words = main.split()
    honorific = None
    if words and _key(words[0]) in HONORIFICS and len(words) > 1:
        honorific = HONORIFICS[_key(words[0])]
        words = words[1:]
    post = [_key(w) for w in re.split(r"[,\s]+", letters) if _key(w)]
    while len(words) > 1 and _key(words[-1]) in DOCTORATES | SUFFIXES and words[-1].isupper():
        post.insert(0, _key(words.pop()))  # "Ana Cruz MD" without a comma
    return honorific, words, post


def first_name(name: str) -> str:
    """'Dr. Marcus Bell-Núñez, RN' -> 'Marcus'."""
    _, words, _ = parts(name)
    return words[0] if words else name.strip()


def surname(words: list[str]) -> str:
    """The last name with its particles: ['Ana', 'de', 'la', 'Cruz'] -> 'de la Cruz'."""
    words = [w for w in words if _key(w) not in SUFFIXES] or words
    out = [words[-1]]
    for word in reversed(words[1:-1]):
        if _key(word) not in PARTICLES:
            break
        out.insert(0, word)
    return " ".join(out)


def full_name(name: str) -> str:
    """The name without honorific or letters: 'Dr. Ana Cruz, PhD' -> 'Ana Cruz'."""
    _, words, _ = parts(name)
    return " ".join(words) or name.strip()


def formal_greeting_name(name: str) -> str:
    """'Dr. Ana Cruz' or 'Ana Cruz, PhD' -> 'Dr. Cruz'; 'Ms. Lee' stays; else the full name."""
    honorific, words, post = parts(name)
    if not words:
        return name.strip()
    if honorific is None and set(post) & DOCTORATES:
        honorific = "Dr."
    if honorific is not None and len(words) >= 1:
        return f"{honorific} {surname(words)}"
    return " ".join(words)
