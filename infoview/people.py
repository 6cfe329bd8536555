"""Who is who across interviews: one person may appear in several files, or only by name.

Names match case- and accent-insensitively ("José Núñez" is "jose nunez"), with runs of
spaces folded; email addresses match case-insensitively. Used by the referral network and
by the packet's "last time we talked".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath
from zoneinfo import ZoneInfo

from infoview.model import Interview, Interviewer, Status


def fold(text: str) -> str:
    """``text`` without case, accents or extra spaces: the key two spellings share."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def fold_email(text: str | None) -> str:
    """An email address compared case-insensitively; "" when it is not one."""
    value = (text or "").strip().casefold()
    return value if "@" in value else ""


def keys(who: Interviewer) -> set[str]:
    """The folded name and the email, where present: sharing one makes two the same person."""
    name, email = fold(who.name or ""), fold_email(who.email)
    return {k for k in (f"name:{name}" if name else "", f"email:{email}" if email else "") if k}


def met_before(other: Interview, interview: Interview, tz: ZoneInfo) -> bool:
    """True when ``other``'s meeting took place before ``interview``'s.

    An undated interview comes after every dated one; a cancelled meeting never took place.
    """
    when = other.meeting.start(tz)
    if when is None or other.status_override is Status.CANCELLED:
        return False
    start = interview.meeting.start(tz)
    return start is None or when < start


_DATED_STEM = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def name_for_reference(reference: str, interviews: Iterable[Interview]) -> str:
    """The person a ``referred_by`` (or referral ``file``) names, never a file name.

    An interview's file name or stem gives that interview's ``interviewer.name``; a file
    name with no interview behind it gives the name in its stem
    ("2026-10-02-lena-park.md" -> "Lena Park"); anything else is a name already.
    """
    text = " ".join(reference.split())
    base = PurePath(text).name
    stem = base[:-3] if base.lower().endswith(".md") else base
    for interview in interviews:
        named = interview.interviewer.name
        if named and (base in (interview.path.name, interview.stem) or stem == interview.stem):
            return " ".join(named.split())
    looks_like_file = base != text or base.lower().endswith(".md") or _DATED_STEM.match(stem)
    if not looks_like_file:
        return text
    words = _DATED_STEM.sub("", stem).replace("_", "-").split("-")
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or text
