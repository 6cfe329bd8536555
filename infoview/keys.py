"""The front matter's keys as data: where each sits, what it holds, and what it means.

``schema.py`` reads the front matter; this table describes the same keys for the tools
that explain and complete them: ``infoview schema`` (a JSON Schema), and the language
server's hover and completion. The key names come from ``schema.py``'s tuples, so a key
added there appears everywhere; what it holds defaults to text, and its one-line meaning
goes in ``DOCS`` (a test fails while one is missing).

Keys are dotted paths; ``[]`` stands for "each item of the list", as in
``referrals[].file``.
"""

from __future__ import annotations

from dataclasses import dataclass

from infoview.schema import (
    FOLLOW_UP_KEYS,
    FORMALITIES,
    INTERVIEWER_KEYS,
    KEEP_IN_TOUCH_KEYS,
    LINT_KEYS,
    MEETING_KEYS,
    MODES,
    REFERRAL_KEYS,
    STATUSES,
    TOP_KEYS,
    VIAS,
)

# Which keys each mapping holds ("" is the front matter itself).
CHILDREN: dict[str, tuple[str, ...]] = {
    "": TOP_KEYS,
    "interviewer": INTERVIEWER_KEYS,
    "meeting": MEETING_KEYS,
    "follow_up": FOLLOW_UP_KEYS,
    "follow_up.keep_in_touch[]": KEEP_IN_TOUCH_KEYS,
    "referrals[]": REFERRAL_KEYS,
    "lint": LINT_KEYS,
}

# What each key holds, where it is not plain text:
#   mapping   keys of its own (CHILDREN)      texts     a list of text, or one text
#   date      YYYY-MM-DD                      rules     a list of rule codes or slugs
#   datetime  YYYY-MM-DD or YYYY-MM-DDTHH:MM  entries   a list of mappings (or plain text)
#   duration  minutes (30, "45 min", "1h")    boolean   true or false (yes, no)
#   choice    one of CHOICES[key]
KINDS: dict[str, str] = {
    "interviewer": "mapping",
    "meeting": "mapping",
    "meeting.date": "datetime",
    "meeting.duration": "duration",
    "meeting.mode": "choice",
    "formality": "choice",
    "status": "choice",
    "learning_goals": "texts",
    "follow_up": "mapping",
    "follow_up.may_contact_again": "boolean",
    "follow_up.thank_you_sent": "date",
    "follow_up.thank_you_via": "choice",
    "follow_up.keep_in_touch": "entries",
    "follow_up.keep_in_touch[]": "mapping",
    "follow_up.keep_in_touch[].date": "date",
    "referrals": "entries",
    "referrals[]": "mapping",
    "tags": "texts",
    "lint": "mapping",
    "lint.ignore": "rules",
}

CHOICES: dict[str, tuple[str, ...]] = {
    "meeting.mode": MODES,
    "formality": FORMALITIES,
    "status": STATUSES,
    "follow_up.thank_you_via": VIAS,
}

# Other spellings schema.py accepts for a choice (case never matters).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "meeting.mode": ("in person", "inperson", "zoom"),
}

DOCS: dict[str, str] = {
    "interviewer": "The person you are meeting: who they are and how to reach them.",
    "interviewer.name": "Their full name (required): it names the packet and the thank-you.",
    "interviewer.title": "Their job title, as their organisation's website gives it.",
    "interviewer.organization": "Where they work: the firm, agency, school or company.",
    "interviewer.email": "Their email address: where a formal thank-you email goes.",
    "interviewer.phone": "A phone number to call if the technology fails on the day.",
    "interviewer.linkedin": "Their LinkedIn profile (part of your research).",
    "interviewer.website": "Their bio page on the organisation's website.",
    "interviewer.photo": "A photo for the packet's cover, next to the interview file.",
    "interviewer.address": "Their postal address, for a thank-you card's envelope.",
    "interviewer.salutation": "How a thank-you greets them after 'Dear', e.g. Dr. Bell-Núñez.",
    "meeting": "When, how long, and how the meeting happens.",
    "meeting.date": "The meeting's date, or date and time (YYYY-MM-DDTHH:MM).",
    "meeting.duration": "The minutes agreed with the interviewer (respect their time).",
    "meeting.mode": "How you meet: in-person, video or phone.",
    "meeting.location": "The address for in person, the link for video, or the dial-in.",
    "formality": "formal (a thank-you email) or informal (a handwritten card).",
    "status": "Override the derived status: cancelled, or done (else from the date).",
    "learning_goals": "One to three things you want to learn, broader than your questions.",
    "follow_up": "What happened after the meeting: thank-you, permission, keeping in touch.",
    "follow_up.may_contact_again": "Whether they said you may contact them again.",
    "follow_up.thank_you_sent": "The day you sent the thank-you (YYYY-MM-DD).",
    "follow_up.thank_you_via": "How you sent the thank-you: handwritten or email.",
    "follow_up.keep_in_touch": "Each later contact: a date and what you told them.",
    "follow_up.keep_in_touch[].date": "When you were in touch (YYYY-MM-DD).",
    "follow_up.keep_in_touch[].note": "What you told them, e.g. how their advice worked out.",
    "referrals": "People they suggested you meet next.",
    "referrals[].name": "The referred person's name (required).",
    "referrals[].note": "Who they are, or what your interviewer said about them.",
    "referrals[].contact": "How to reach them: email, phone or profile.",
    "referrals[].file": "Their interview file in interviews/, once it exists.",
    "referred_by": "The interview file of the person who referred you here.",
    "tags": "Your own labels for grouping interviews, e.g. [estate-planning].",
    "lint": "Lint settings for this file only.",
    "lint.ignore": "Rule codes or slugs not checked in this file, e.g. [IV303].",
}


@dataclass(frozen=True)
class Key:
    """One key: its dotted path, what it holds, what it means, its allowed values."""

    path: str
    kind: str
    doc: str
    choices: tuple[str, ...] = ()


def key(path: str) -> Key | None:
    """The key at ``path`` (dotted, ``[]`` for list items), or None when there is none."""
    parent, _, name = path.rpartition(".")
    if name not in CHILDREN.get(parent, ()):
        return None
    return Key(path, KINDS.get(path, "text"), DOCS.get(path, ""), CHOICES.get(path, ()))


def all_keys() -> list[Key]:
    """Every key, parents before their children, in the order the schema lists them."""
    out: list[Key] = []

    def walk(parent: str) -> None:
        for name in CHILDREN.get(parent, ()):
            path = f"{parent}.{name}" if parent else name
            found = key(path)
            assert found is not None
            out.append(found)
            walk(path)
            walk(f"{path}[]")

    walk("")
    return out
