"""The note's wording falls back, in order, when a phrase would repeat: every alternative.

A workspace template may hold fixed text of its own (a P.S., a second sign-off); ``choose``
then picks the next wording of the part that would say something twice. Each case below
forces one alternative and reads back the line it chose.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from infoview.model import MeetingMode
from infoview.wording.note import Facts, choose
from infoview.wording.voice import writer_voice


def chosen(extra: str = "", takeaway: str | None = None, **changes: Any) -> list[str]:
    """The note's lines as a template with ``extra`` text after the sign-off renders it."""
    values: dict[str, Any] = {
        "name": "Dana Whitfield",
        "channel": "email",
        "formal": True,
        "written": dt.date(2026, 12, 4),
        "meeting": dt.date(2026, 12, 3),
        "mode": MeetingMode.VIDEO,
    }
    if takeaway is not None:
        values["takeaway"] = writer_voice(takeaway, interviewer=["Dana Whitfield"])
    facts = Facts(**(values | changes))
    choice = choose(
        facts,
        lambda p: (
            f"{p['opening']}\n{p['takeaway_sentence']}\n{p['follow_through']}\n"
            f"{p['closing']}, Alex\n{extra}"
        ),
    )
    assert choice.repeats == ()
    return choice.text.split("\n")


VIDEO_1 = (
    "Thank you for taking the time to meet with me yesterday and for telling me about your "
    "work. I learned a great deal."
)
GREAT_DEAL = "I learned a great deal."
BOTH = "I learned a great deal; our conversation taught me a lot."


@pytest.mark.parametrize(
    ("mode", "extra", "opening"),
    [
        (MeetingMode.VIDEO, "", VIDEO_1),
        (
            MeetingMode.VIDEO,
            GREAT_DEAL,
            "Thank you for meeting with me yesterday and for sharing so much about your work. "
            "Our conversation taught me a lot.",
        ),
        (
            MeetingMode.VIDEO,
            BOTH,
            "I'm grateful you made time to talk with me yesterday about your work. It helped "
            "me more than I can say.",
        ),
        (MeetingMode.PHONE, "", VIDEO_1.replace("to meet with", "to speak with")),
        (
            MeetingMode.PHONE,
            GREAT_DEAL,
            "Thank you for speaking with me yesterday and for sharing so much about your work. "
            "Our conversation taught me a lot.",
        ),
        (
            MeetingMode.PHONE,
            BOTH,
            "I'm grateful you made time to talk with me yesterday about your work. It helped "
            "me more than I can say.",
        ),
    ],
)
def test_each_opening_in_turn(mode: MeetingMode, extra: str, opening: str) -> None:
    assert chosen(extra, mode=mode)[0] == opening


@pytest.mark.parametrize(
    ("formal", "extra", "closing"),
    [
        (True, "", "With thanks, Alex"),
        (True, "With thanks, Alex", "With appreciation, Alex"),
        (True, "With thanks, Alex. With appreciation, Alex", "Best regards, Alex"),
        (False, "", "Thanks again, Alex"),
        (False, "Thanks again, Alex", "With thanks, Alex"),
        (False, "Thanks again, Alex. With thanks, Alex", "All the best, Alex"),
    ],
)
def test_each_closing_in_turn(formal: bool, extra: str, closing: str) -> None:
    assert chosen(extra, formal=formal)[3] == closing


def test_the_last_way_to_follow_through() -> None:
    lines = chosen("I plan to act. I'll put it into practice. I'll put what I learned aside.")
    assert lines[2] == "I intend to follow through, and I will keep you posted."


ADVICE = "Join the state association."
APPRECIATED = "I especially appreciated it."
TWELVE = "Join the state association and read one two three four five six."


@pytest.mark.parametrize(
    ("takeaway", "extra", "sentence"),
    [
        (ADVICE, "", "I especially appreciated your advice to join the state association."),
        (ADVICE, APPRECIATED, "Your advice to join the state association was especially helpful."),
        (
            ADVICE,
            f"{APPRECIATED} It was especially helpful.",
            "The advice I will remember most is to join the state association.",
        ),
        (
            ADVICE,
            f"{APPRECIATED} It was especially helpful. I will remember it.",
            "Thank you especially for the advice to join the state association.",
        ),
        (  # twelve words: short enough for "Your advice to ... was especially helpful"
            TWELVE,
            APPRECIATED,
            "Your advice to join the state association and read one two three four five six "
            "was especially helpful.",
        ),
        (
            TWELVE.replace("six.", "six seven."),
            APPRECIATED,
            "The advice I will remember most is to join the state association and read one "
            "two three four five six seven.",
        ),
        (
            "Don't join the state association.",
            "",
            "I especially appreciated your advice not to join the state association.",
        ),
        (
            "Never skip a deadline.",
            "",
            "I especially appreciated your advice never to skip a deadline.",
        ),
    ],
)
def test_each_frame_for_advice_in_turn(takeaway: str, extra: str, sentence: str) -> None:
    assert chosen(extra, takeaway)[1] == sentence


@pytest.mark.parametrize(
    ("takeaway", "extra", "sentence"),
    [
        (
            '"Never file on the last day."',
            "",
            'I especially appreciated what you said: "Never file on the last day."',
        ),
        (
            '"Never file on the last day"',
            "",
            'I especially appreciated what you said: "Never file on the last day".',
        ),
        (
            '"Never file on the last day!"',
            "",
            'I especially appreciated what you said: "Never file on the last day!"',
        ),
        (
            '"Never file on the last day?"',
            "",
            'I especially appreciated what you said: "Never file on the last day?"',
        ),
        (
            '"Never file on the last day."',
            APPRECIATED,
            'Your words stay with me: "Never file on the last day."',
        ),
        (
            "Do you want to manage people?",
            "",
            "I keep coming back to the question you left me with: do I want to manage people?",
        ),
        (
            "Do you want to manage people?",
            "I keep coming back",
            "I am still thinking about your question: do I want to manage people?",
        ),
        (
            "She recommends shadowing a charge nurse.",
            "",
            "I especially appreciated your suggestion of shadowing a charge nurse.",
        ),
        (
            "She recommends shadowing a charge nurse.",
            APPRECIATED,
            "Your suggestion of shadowing a charge nurse was especially helpful.",
        ),
        (
            "She recommended the ANCC certification.",
            "",
            "I especially appreciated your recommendation of the ANCC certification.",
        ),
        (
            "She recommended the ANCC certification.",
            APPRECIATED,
            "Thank you especially for recommending the ANCC certification.",
        ),
        ("NCLEX is hard.", "", "I keep thinking about what you said: NCLEX is hard."),
        (
            "NCLEX is hard.",
            "I keep thinking about",
            "One thing you said stays with me: NCLEX is hard.",
        ),
    ],
)
def test_each_frame_for_other_takeaways_in_turn(takeaway: str, extra: str, sentence: str) -> None:
    assert chosen(extra, takeaway)[1] == sentence


def test_later_sentences_follow_as_suggestions_warnings_and_statements() -> None:
    takeaway = "Join the association. Read the rules. Never skip a deadline. Triage is hard."
    assert chosen("", takeaway)[1] == (
        "I especially appreciated your advice to join the association. You also suggested I "
        "read the rules. You also warned me never to skip a deadline. Triage is hard."
    )
    assert chosen("", "Join the association. Don't be late.")[1] == (
        "I especially appreciated your advice to join the association. You also warned me not "
        "to be late."
    )
    assert chosen("You also suggested", "Join the association. Read the rules. Ask twice.")[1] == (
        "I especially appreciated your advice to join the association. You also recommended "
        "that I read the rules and ask twice."
    )
    assert chosen("", "Join the association. Triage is hard. It is slow.")[1] == (
        "I especially appreciated your advice to join the association. Triage is hard. It is slow."
    )


STATEMENT = "The clinic hires in spring."


@pytest.mark.parametrize(
    ("extra", "sentence"),
    [
        ("", "I especially appreciated your point that the clinic hires in spring."),
        (APPRECIATED, "It was especially helpful to hear that the clinic hires in spring."),
        (
            f"{APPRECIATED} It was especially helpful",
            "I keep thinking about what you said: The clinic hires in spring.",
        ),
        (
            f"{APPRECIATED} It was especially helpful. I keep thinking about",
            "One thing you said stays with me: The clinic hires in spring.",
        ),
    ],
)
def test_each_frame_for_a_statement_in_turn(extra: str, sentence: str) -> None:
    assert chosen(extra, STATEMENT)[1] == sentence
