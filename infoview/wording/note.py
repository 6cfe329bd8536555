"""The thank-you note's wording: what each part may say, and the choice among them.

Each part (opening, takeaway, follow-through, closing) has a few wordings in order of
preference. ``choose`` renders the combinations through the note's template, in that
order, and keeps the first in which no phrase of three or more words repeats, counting
the student's takeaway against the fixed wording. The template may be the workspace's
own, so the check is made on the text that will be sent.

The channel changes the words: a card is read days after it is written, so it names the
weekday or the date ("on Tuesday", "on December 3"), never "yesterday" or "today"; an
email sent the day of the meeting may say "today".
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from infoview.model import MeetingMode
from infoview.wording import names as nm
from infoview.wording.lexicon import words
from infoview.wording.repeats import longest, repeated
from infoview.wording.voice import Kind, Sentence, Takeaway


@dataclass(frozen=True)
class Facts:
    """What the note is about; every value is already checked to be one line."""

    name: str
    channel: str  # card | email
    formal: bool
    written: dt.date  # the day the note is written
    meeting: dt.date | None = None
    mode: MeetingMode | None = None
    organization: str = ""
    salutation: str | None = None
    takeaway: Takeaway | None = None
    referrals: tuple[str, ...] = ()
    signature: str = ""
    early: bool = False  # a draft written before the meeting


def when_phrase(facts: Facts) -> str:
    """'today' and 'yesterday' only in an email written then; else the weekday or date."""
    date = facts.meeting
    if date is None:
        return "recently"
    days = (max(facts.written, date) - date).days
    if facts.channel == "email" and not facts.early:
        if days == 0:
            return "today"
        if days == 1:
            return "yesterday"
    if facts.early:
        days = max(days, 1)
    if days < 7:
        return f"on {date:%A}"
    return f"on {date:%B} {date.day}"


def greeting(facts: Facts) -> tuple[str, str]:
    """('Dear', 'Dr. Bell-Núñez'): the salutation if given, else by formality."""
    word = "Hi" if facts.channel == "email" and not facts.formal else "Dear"
    if facts.salutation:
        return word, facts.salutation
    if facts.formal:
        return word, nm.formal_greeting_name(facts.name)
    return word, nm.first_name(facts.name)


def subject(facts: Facts) -> str:
    """Names the meeting, not the person: 'Thank you for the informational interview on ...'."""
    on = f" on {facts.meeting:%B} {facts.meeting.day}" if facts.meeting else ""
    if facts.formal:
        return f"Thank you for the informational interview{on}"
    verb = "talking" if facts.mode is MeetingMode.PHONE else "meeting"
    return f"Thanks for {verb} with me{on}"


def names_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# Names that read with "the" in a sentence: "at the University of Oregon", "at the Cook
# County Department of Planning", "at the City of Portland" -- a body named for what it
# is, "X of Y" -- but "at Bank of America", "at Marlow & Reyes LLP".
_BODIES = words(
    "university department office bureau division ministry agency board commission council "
    "court institute museum college school society association federation library "
    "administration authority service centre center city county state town district church"
)


def with_article(org: str) -> str:
    """``org`` as it reads after "at": with "the" for a body named "X of Y" (see _BODIES)."""
    head, sep, _ = org.partition(" of ")
    if not sep or org[:4].lower() == "the ":
        return org
    if any(word.lower() in _BODIES for word in head.split()[-1:]):
        return f"the {org}"
    return org


def openings(facts: Facts) -> list[str]:
    phone = facts.mode is MeetingMode.PHONE
    meet, meeting, talk = ("speak", "speaking", "talk") if phone else ("meet", "meeting", "talk")
    when = when_phrase(facts)
    org = with_article(facts.organization)
    at = f" at {org}" if org else ""
    return [
        f"Thank you for taking the time to {meet} with me {when} and for telling me about "
        f"your work{at}. I learned a great deal.",
        f"Thank you for {meeting} with me {when} and for sharing so much about your work{at}. "
        "Our conversation taught me a lot.",
        f"I'm grateful you made time to {talk} with me {when} about your work{at}. "
        "It helped me more than I can say.",
    ]


def _framed(first: Sentence) -> list[str]:
    """The takeaway's first sentence, framed as the writer speaking to the interviewer."""
    text, end = first.text, first.end
    if first.kind is Kind.ADVICE:
        to = {"not": "not to", "never": "never to"}.get(first.negation, "to")
        frames = [
            f"I especially appreciated your advice {to} {text}{end}",
            f"The advice I will remember most is {to} {text}{end}",
            f"Thank you especially for the advice {to} {text}{end}",
        ]
        if ";" not in text and len(text.split()) <= 12:
            frames.insert(1, f"Your advice {to} {text} was especially helpful{end}")
        return frames
    if first.kind is Kind.QUOTE:
        quote = text if text[-2:-1] in (".", "!", "?") else text + "."
        return [
            f"I especially appreciated what you said: {quote}",
            f"Your words stay with me: {quote}",
        ]
    if first.kind is Kind.QUESTION:
        return [
            f"I keep coming back to the question you left me with: {text}{end}",
            f"I am still thinking about your question: {text}{end}",
        ]
    if first.kind is Kind.GERUND:
        return [
            f"I especially appreciated your suggestion of {text}{end}",
            f"Your suggestion of {text} was especially helpful{end}",
        ]
    if first.kind is Kind.RECOMMENDATION and first.lowered:
        return [
            f"I especially appreciated your recommendation of {text}{end}",
            f"Thank you especially for recommending {text}{end}",
        ]
    capital = text[:1].upper() + text[1:]
    colon = [
        f"I keep thinking about what you said: {capital}{end}",
        f"One thing you said stays with me: {capital}{end}",
    ]
    if not first.lowered:
        return colon
    return [
        f"I especially appreciated your point that {text}{end}",
        f"It was especially helpful to hear that {text}{end}",
        *colon,
    ]


def _also(rest: Sequence[Sentence]) -> list[str]:
    """The takeaway's later sentences; further advice becomes 'You also suggested I ...'."""
    advice = [s for s in rest if s.kind is Kind.ADVICE and not s.negation]
    said: list[str] = []
    for s in rest:
        if s.kind is Kind.ADVICE and s.negation:
            said.append(f"You also warned me {s.negation} to {s.text}{s.end}")
        elif s.kind is not Kind.ADVICE:
            said.append(s.as_sentence)
    if not advice:
        return [" ".join(said)]
    joined = " and ".join(s.text for s in advice)
    return [
        " ".join([f"You also suggested I {joined}.", *said]),
        " ".join([f"You also recommended that I {joined}.", *said]),
    ]


def takeaway_sentences(takeaway: Takeaway | None) -> list[str]:
    if takeaway is None or not takeaway.sentences:
        return [""]
    first, *rest = takeaway.sentences
    tails = _also(rest) if rest else [""]
    return [f"{frame} {tail}".strip() for frame in _framed(first) for tail in tails]


def follow_throughs(facts: Facts) -> list[str]:
    advice = facts.takeaway is not None and any(
        s.kind in (Kind.ADVICE, Kind.GERUND, Kind.RECOMMENDATION) for s in facts.takeaway.sentences
    )
    it = "it" if advice else "what I learned"
    acts = [
        f"I plan to act on {it}, and I will let you know how it goes.",
        f"I'll put {it} into practice and tell you how it turns out.",
        "I intend to follow through, and I will keep you posted.",
    ]
    people = names_list(facts.referrals[:3])
    if len(facts.referrals) > 3:
        people = ", ".join(facts.referrals[:3]) + " and the others you named"
    if not people:
        return acts
    introductions = "introductions" if len(facts.referrals) > 1 else "introduction"
    refs = [
        f"I will also reach out to {people}, as you suggested.",
        f"Thank you, too, for suggesting I talk with {people}; I'll be in touch this week.",
        f"I'll write to {people} soon, and I'm grateful for the {introductions}.",
    ]
    return [f"{a} {r}" for a in acts for r in refs]


def closings(facts: Facts) -> list[str]:
    if facts.formal:
        return ["With thanks", "With appreciation", "Best regards"]
    return ["Thanks again", "With thanks", "All the best"]


@dataclass(frozen=True)
class Choice:
    text: str
    values: dict[str, str]
    repeats: tuple[str, ...]  # the repeated phrases left (only when no wording avoids them)


def candidates(facts: Facts) -> Iterator[dict[str, str]]:
    """Every combination of wordings, most preferred first."""
    word, name = greeting(facts)
    for opening, takeaway, follow, closing in itertools.product(
        openings(facts), takeaway_sentences(facts.takeaway), follow_throughs(facts), closings(facts)
    ):
        yield {
            "greeting": word,
            "salutation_name": name,
            "when_phrase": when_phrase(facts),
            "opening": opening,
            "takeaway_sentence": takeaway,
            "follow_through": follow,
            "closing": closing,
        }


def choose(facts: Facts, render: Callable[[dict[str, str]], str]) -> Choice:
    """The first wording whose rendered text repeats no three-word phrase (else the fewest)."""
    best: tuple[int, str, dict[str, str]] | None = None
    if facts.takeaway is not None and repeated(facts.takeaway.text):
        # The student's own words repeat: no wording can avoid it, so say so at once.
        values = next(candidates(facts))
        text = render(values)
        return Choice(text, values, tuple(longest(text)))
    for values in candidates(facts):
        text = render(values)
        count = len(repeated(text))
        if count == 0:
            return Choice(text, values, ())
        if best is None or count < best[0]:
            best = (count, text, values)
    assert best is not None
    return Choice(best[1], best[2], tuple(longest(best[1])))
