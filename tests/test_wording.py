"""The thank-you note's words: the writer's voice, greetings, dates, and no repeated phrases."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from infoview.model import MeetingMode
from infoview.render.templates import environment
from infoview.wording import names
from infoview.wording.note import Facts, choose, greeting, subject, when_phrase
from infoview.wording.repeats import longest, repeated
from infoview.wording.voice import Kind, writer_voice

CORPUS = tomllib.loads((Path(__file__).parent / "data" / "takeaways.toml").read_text("utf-8"))
CASES = CORPUS["case"]
INTERVIEWER = ["Dana Whitfield", "Marcus Lee"]


def voice(text: str) -> Any:
    return writer_voice(text, interviewer=INTERVIEWER)


@pytest.mark.parametrize("case", CASES, ids=[c["noted"][:40] for c in CASES])
def test_takeaway_in_the_writers_voice(case: dict[str, Any]) -> None:
    turned = voice(case["noted"])
    assert turned.text == case["voice"]
    kinds = [s.kind.value + (f"/{s.negation}" if s.negation else "") for s in turned.sentences]
    assert kinds == case["kinds"]


SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself|you're|you'll|you've|you'd)\b", re.I)
SET_PHRASES = re.compile(r'"[^"]*"|“[^”]*”|\bthank you\b|\bbetween you and me\b', re.I)


def test_the_students_you_never_reaches_the_interviewer() -> None:
    """Outside quotations and set phrases, a takeaway keeps no second person."""
    checked = 0
    for case in CASES:
        if case.get("third_person"):
            continue  # "She said her ..." is about the interviewer: "your" is theirs
        left = SET_PHRASES.sub("", voice(case["noted"]).text)
        assert not SECOND_PERSON.search(left), case["noted"]
        checked += 1
    assert checked >= 30


@pytest.mark.parametrize(
    ("noted", "fragment"),
    [
        # the example: the student's you is the writer
        (
            "pick a bridge program with clinicals you can schedule on your days off",
            "your advice to pick a bridge program with clinicals I can schedule on my days off.",
        ),
        ("Don't take the first job you're offered.", "your advice not to take the first job"),
        ("Never send a filing on the last day.", "your advice never to send a filing"),
        ("Do you want to manage people or patients?", ": do I want to manage people or patients?"),
        (
            '"Chart as if a lawyer will read it," she said.',
            ': "Chart as if a lawyer will read it."',
        ),
        ("Epic training takes two weeks.", "what you said: Epic training takes two weeks."),
        (
            "The hiring manager will ask you about your capstone.",
            "your point that the hiring manager will ask me about my capstone.",
        ),
        ("Marcus recommended shadowing a charge nurse.", "your suggestion of shadowing a charge"),
        (
            "Get your AICP early. Volunteer for the zoning board.",
            "your advice to get my AICP early. You also suggested I volunteer for the zoning",
        ),
    ],
)
def test_note_frames_each_kind_of_takeaway(noted: str, fragment: str) -> None:
    text = render(facts(takeaway=voice(noted), referrals=()))
    assert fragment in " ".join(text.split())


# -- greetings, dates, subjects -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "formal", "informal"),
    [
        ("Dana Whitfield", "Dana Whitfield", "Dana"),
        ("Dr. Marcus Bell-Núñez", "Dr. Bell-Núñez", "Marcus"),
        ("Marcus Bell-Núñez, RN, MSN", "Marcus Bell-Núñez", "Marcus"),
        ("Ana María de la Cruz, PhD", "Dr. de la Cruz", "Ana"),
        ("Aisha Bello DNP", "Dr. Bello", "Aisha"),
        ("Ms. Grace Okafor", "Ms. Okafor", "Grace"),
        ("Prof. Lee Chan", "Professor Chan", "Lee"),
        ("Cher", "Cher", "Cher"),
    ],
)
def test_greeting_names(name: str, formal: str, informal: str) -> None:
    assert names.formal_greeting_name(name) == formal
    assert names.first_name(name) == informal


@pytest.mark.parametrize(
    ("formal", "channel", "salutation", "expected"),
    [
        (True, "email", None, ("Dear", "Dr. Bell-Núñez")),
        (False, "card", None, ("Dear", "Marcus")),
        (False, "email", None, ("Hi", "Marcus")),
        (True, "email", "Marcus", ("Dear", "Marcus")),  # the salutation wins
        (True, "card", "Dr. Bell-Núñez", ("Dear", "Dr. Bell-Núñez")),
    ],
)
def test_greeting_follows_formality_and_salutation(
    formal: bool, channel: str, salutation: str | None, expected: tuple[str, str]
) -> None:
    given = facts(name="Dr. Marcus Bell-Núñez", formal=formal, channel=channel)
    assert greeting(Facts(**{**given.__dict__, "salutation": salutation})) == expected


MEETING = dt.date(2026, 12, 3)  # a Thursday
FORMAL_SUBJECT = "Thank you for the informational interview"


@pytest.mark.parametrize(
    ("channel", "written", "early", "expected"),
    [
        ("email", MEETING, False, "today"),
        ("email", dt.date(2026, 12, 4), False, "yesterday"),
        ("email", dt.date(2026, 12, 6), False, "on Thursday"),
        ("email", dt.date(2026, 12, 14), False, "on December 3"),
        # A card is read days after it is written: never "today" or "yesterday".
        ("card", MEETING, False, "on Thursday"),
        ("card", dt.date(2026, 12, 4), False, "on Thursday"),
        ("card", dt.date(2026, 12, 10), False, "on December 3"),
        # An early draft is sent after the meeting, whenever that is.
        ("email", dt.date(2026, 11, 20), True, "on Thursday"),
        ("email", MEETING, True, "on Thursday"),
    ],
)
def test_when_phrase_fits_the_channel(
    channel: str, written: dt.date, early: bool, expected: str
) -> None:
    assert when_phrase(facts(channel=channel, written=written, early=early)) == expected


@pytest.mark.parametrize(
    ("formal", "mode", "meeting", "expected"),
    [
        (
            True,
            MeetingMode.VIDEO,
            MEETING,
            "Thank you for the informational interview on December 3",
        ),
        (False, MeetingMode.IN_PERSON, MEETING, "Thanks for meeting with me on December 3"),
        (False, MeetingMode.PHONE, MEETING, "Thanks for talking with me on December 3"),
        (True, None, None, FORMAL_SUBJECT),
    ],
)
def test_subject_names_the_meeting_not_the_person(
    formal: bool, mode: MeetingMode | None, meeting: dt.date | None, expected: str
) -> None:
    given = facts(formal=formal, mode=mode)
    assert subject(Facts(**{**given.__dict__, "meeting": meeting})) == expected


# -- no phrase twice ------------------------------------------------------------------------


def facts(**changes: Any) -> Facts:
    values: dict[str, Any] = {
        "name": "Dana Whitfield",
        "channel": "email",
        "formal": True,
        "written": dt.date(2026, 12, 4),
        "meeting": MEETING,
        "mode": MeetingMode.VIDEO,
        "organization": "Marlow & Reyes LLP",
        "takeaway": None,
        "referrals": ("Sam Ortiz",),
        "signature": "Alex",
    }
    return Facts(**(values | changes))


def _template() -> Any:
    env = environment(None)
    env.autoescape = False  # plain text, as thanks.compose renders it
    return env.get_template("thanks.txt.j2")


TEMPLATE = _template()


def render(given: Facts) -> str:
    return choose(given, lambda parts: TEMPLATE.render(parts, signature=given.signature)).text


REFERRALS = [(), ("Sam Ortiz",), ("Aisha Rahman", "Tomás Ruiz"), ("A B", "C D", "E F", "G H")]
ORGS = ["", "Marlow & Reyes LLP", "Northwestern Lakeshore Regional Medical Center"]
# Takeaways that share words with the fixed wording on purpose.
CLASHING = [
    "Thank you for taking the time to learn the rules; I learned a great deal that way.",
    "Act on it, and let you know how it goes: follow up within a week.",
    "Reach out to the charge nurse, as you suggested to others.",
    "It helped me more than I can say to shadow a nurse; I especially appreciated your advice.",
    "Keep you posted? Follow through on every promise, and keep people posted.",
]


def test_no_phrase_of_three_words_repeats_in_any_note() -> None:
    takeaways = [None] + [voice(c["noted"]) for c in CASES] + [voice(t) for t in CLASHING]
    count = 0
    for takeaway, refs, org, (channel, formal), mode in itertools.product(
        takeaways,
        REFERRALS,
        ORGS,
        [("email", True), ("card", False), ("email", False)],
        [MeetingMode.VIDEO, MeetingMode.PHONE],
    ):
        if takeaway is not None and repeated(takeaway.text):
            continue  # the student's own words repeat; the note warns instead
        given = facts(
            takeaway=takeaway,
            referrals=refs,
            organization=org,
            channel=channel,
            formal=formal,
            mode=mode,
        )
        text = render(given)
        assert repeated(text) == [], text
        count += 1
    assert count > 3000


def test_a_takeaway_that_repeats_itself_is_reported() -> None:
    own = voice("Take notes in every meeting, and take notes in every class.")
    chosen = choose(facts(takeaway=own), lambda parts: TEMPLATE.render(parts, signature="Alex"))
    assert chosen.repeats == ("take notes in every",)


def test_longest_merges_overlapping_repeats() -> None:
    text = "I will let you know soon. Later I will let you know again."
    assert repeated(text) == ["i will let", "will let you", "let you know"]
    assert longest(text) == ["i will let you know"]


def test_kinds_are_exhaustive() -> None:
    seen = {s.kind for c in CASES for s in voice(c["noted"]).sentences}
    assert seen == set(Kind)
