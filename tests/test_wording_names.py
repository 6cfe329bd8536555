"""How a note greets a person, and the phrases it may not say twice: every rule, one case each.

``names`` reads the name as the student wrote it (honorifics, particles, suffixes and
post-nominal letters); ``repeats`` finds three-word runs said twice. Both are pure, so each
case is one input and the exact output a reader would see.
"""

from __future__ import annotations

import pytest

from infoview.wording import names
from infoview.wording.repeats import longest, repeated, words


@pytest.mark.parametrize(
    ("name", "formal"),
    [
        ("Dr. Jane Doe", "Dr. Doe"),
        ("Doctor Jane Doe", "Dr. Doe"),
        ("Prof Jane Doe", "Professor Doe"),
        ("Professor Jane Doe", "Professor Doe"),
        ("Mr. John Doe", "Mr. Doe"),
        ("Mrs. Jane Doe", "Mrs. Doe"),
        ("Ms Jane Doe", "Ms. Doe"),
        ("Mx. Sam Doe", "Mx. Doe"),
        ("Miss Jane Doe", "Miss Doe"),
        ("Rev. Jane Doe", "Rev. Doe"),
        ("Judge Jane Doe", "Judge Doe"),
        ("Hon. Jane Doe", "Judge Doe"),
        ("Dr.", "Dr."),  # a title alone is the name
        ("Jane Doe, MD", "Dr. Doe"),
        ("Jane Doe, PharmD", "Dr. Doe"),
        ("Jane Doe, ThD", "Dr. Doe"),  # the last doctorate in the list
        ("Jane Doe DNP", "Dr. Doe"),  # letters without a comma, in capitals
        ("Jane Doe Dnp", "Jane Doe Dnp"),  # ... but not a word that only looks like them
        ("Jane Doe, RN", "Jane Doe"),  # letters that are not a doctorate
        ("Jane Doe III", "Jane Doe"),  # a suffix is not part of the greeting
        ("Jane Doe, Jr.", "Jane Doe"),
        ("Dr. Martin Luther King Jr.", "Dr. King"),  # the suffix is not the surname
        ("Dr. Ludwig van Beethoven", "Dr. van Beethoven"),
        ("Dr. Anne de la Cruz", "Dr. de la Cruz"),
        ("Dr. Anne Marie Rossi", "Dr. Rossi"),  # a middle name is not a particle
        ("Dr. Omar bin Said al Rashid", "Dr. al Rashid"),
        ("Dr. Van", "Dr. Van"),
        (", PhD", ", PhD"),  # nothing but letters: as written
    ],
)
def test_the_formal_greeting_name(name: str, formal: str) -> None:
    assert names.formal_greeting_name(name) == formal


@pytest.mark.parametrize(
    ("name", "first", "full"),
    [
        ("Dr. Ana Cruz, PhD", "Ana", "Ana Cruz"),
        ("Ms. Lee", "Lee", "Lee"),
        ("Ana Cruz MD", "Ana", "Ana Cruz"),
        ("  Cher  ", "Cher", "Cher"),
        (" , PhD", ", PhD", ", PhD"),
    ],
)
def test_first_and_full_names(name: str, first: str, full: str) -> None:
    assert names.first_name(name) == first
    assert names.full_name(name) == full


def test_a_surname_keeps_its_particles_and_drops_suffixes() -> None:
    assert names.surname(["Ana", "de", "la", "Cruz"]) == "de la Cruz"
    assert names.surname(["Ana", "Maria", "Cruz"]) == "Cruz"
    assert names.surname(["King", "Jr."]) == "King"
    assert names.surname(["Jr."]) == "Jr."  # nothing but a suffix: kept
    assert names.surname(["de", "Cruz"]) == "Cruz"  # the first word is never a particle


# -- repeats -------------------------------------------------------------------------------------


def test_words_are_compared_without_case_or_punctuation() -> None:
    assert words("I’ll see_you, Dana's 3rd-year MD!") == [
        "i'll",
        "see",
        "you",
        "dana's",
        "3rd",
        "year",
        "md",
    ]


def test_repeated_runs_in_order_of_first_occurrence() -> None:
    assert repeated("a b c d. A b c, d b c d") == ["a b c", "b c d"]
    assert repeated("a b a b", n=2) == ["a b"]
    assert repeated("a b c") == []
    assert repeated("") == []


def test_longest_keeps_separate_phrases_apart_and_drops_one_inside_another() -> None:
    text = "call the clerk first, then x y z w. call the clerk first and x y z w; so y z w"
    assert longest(text) == ["call the clerk first", "x y z w"]
    assert longest("one two three four one two three") == ["one two three"]
    assert longest("a b c a b c", n=2) == ["a b c"]


# -- the note's parts that name people and places ------------------------------------------------


@pytest.mark.parametrize(
    ("org", "shown"),
    [
        ("University of Oregon", "the University of Oregon"),
        ("Cook County Department of Planning", "the Cook County Department of Planning"),
        ("City of Portland", "the City of Portland"),
        ("The Museum of Flight", "The Museum of Flight"),  # has its article already
        ("Bank of America", "Bank of America"),  # a name, not a body
        ("Marlow & Reyes LLP", "Marlow & Reyes LLP"),
        ("of Counsel", "of Counsel"),
    ],
)
def test_an_organization_reads_with_the_only_when_it_is_a_body_of_something(
    org: str, shown: str
) -> None:
    from infoview.wording.note import with_article

    assert with_article(org) == shown


def test_referrals_are_listed_as_a_sentence_names_them() -> None:
    from infoview.wording.note import names_list

    assert names_list([]) == ""
    assert names_list(["Sam"]) == "Sam"
    assert names_list(["Sam", "Ana"]) == "Sam and Ana"
    assert names_list(["Sam", "Ana", "Lee"]) == "Sam, Ana and Lee"


def follow(referrals: tuple[str, ...]) -> list[str]:
    import datetime as dt

    from infoview.wording.note import Facts, follow_throughs

    return follow_throughs(
        Facts(
            name="Dana",
            channel="email",
            formal=True,
            written=dt.date(2026, 12, 4),
            referrals=referrals,
        )
    )


def test_the_follow_through_names_up_to_three_referrals_and_thanks_for_each() -> None:
    assert follow(())[0] == "I plan to act on what I learned, and I will let you know how it goes."
    assert follow(("Sam",))[2].endswith("I'm grateful for the introduction.")
    assert follow(("Sam", "Ana"))[2].endswith(
        "I'll write to Sam and Ana soon, and I'm grateful for the introductions."
    )
    four = follow(("Sam", "Ana", "Lee", "Kim"))
    assert four[0].endswith(
        "I will also reach out to Sam, Ana, Lee and the others you named, as you suggested."
    )
    three = follow(("Sam", "Ana", "Lee"))
    assert three[0].endswith("I will also reach out to Sam, Ana and Lee, as you suggested.")
    assert len(three) == 9  # each way to act, with each way to name them
