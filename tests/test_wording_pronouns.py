"""``wording.pronouns``: the student's "you" turned into the writer's "I", word by word.

Each case is a phrase as a student notes it and the exact phrase the thank-you note may
carry; tests/test_wording.py checks whole takeaways (tests/data/takeaways.toml) and the
note around them.
"""

from __future__ import annotations

import pytest

from infoview.wording.pronouns import join, sentences, tokens, turn
from infoview.wording.voice import writer_voice


def voiced(text: str, *, third_person: bool = False) -> str:
    turned = turn(tokens(text), third_person=True) if third_person else turn(tokens(text))
    return join(turned)


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        # an object after a preposition or a verb that takes one
        ("This is for you.", "This is for me."),
        ("to you", "to me"),
        ("They will tell you.", "They will tell me."),
        ("Tell You", "Tell Me"),
        # after "than", "since", "until"...: decided by what follows
        ("It pays more than you at first.", "It pays more than me at first."),
        ("It pays more than you.", "It pays more than me."),
        ("Since you first started, it changed.", "Since I first started, it changed."),
        ("Work until you land a job.", "Work until I land a job."),
        # a subject at the start, after a clause opener, or before a verb
        ("You can apply.", "I can apply."),
        ("You, more than anyone, know this.", "I, more than anyone, know this."),
        ("So you know.", "So I know."),
        ("The days you work matter.", "The days I work matter."),
        # an object after a verb the word lists do not know
        ("Nobody warns you about it.", "Nobody warns me about it."),
        ("Nobody warns you.", "Nobody warns me."),
        # a comma, a question mark or a colon ends the clause that decides
        (
            "If you don't know what it is for, you should ask.",
            "If I don't know what it is for, I should ask.",
        ),
        ("Who do I talk to? you might ask.", "Who do I talk to? I might ask."),
        ("Who do I talk to? you ask yourself.", "Who do I talk to? I ask myself."),
        # other punctuation does not: "for… you" is still "for… me"
        ("This one is for… you.", "This one is for… me."),
        ("Ask about: you will learn.", "Ask about: I will learn."),
        ("Ask around, you learn fast.", "Ask around, I learn fast."),
        (
            'When they ask "why nursing?" you answer honestly.',
            'When they ask "why nursing?" I answer honestly.',
        ),
        # a subject of its own clause, even after "know" or "tell": never "know me can"
        ("I know you can do it.", "I know I can do it."),
        ("They expect you will lead a team.", "They expect I will lead a team."),
        ("You were told you aren't ready.", "I was told I am not ready."),
        ("She saw you were nervous.", "She saw I was nervous."),
    ],
)
def test_you_is_me_as_an_object_and_i_as_a_subject(noted: str, voice: str) -> None:
    assert voiced(noted) == voice


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        (
            "Your plan, yours, yourself, yourselves, you're, you'll, you've, you'd.",
            "My plan, mine, myself, ourselves, I'm, I'll, I've, I'd.",
        ),
        ("You’re sure you’ll like it once you’ve tried.", "I’m sure I’ll like it once I’ve tried."),
        ("YOUR plan", "My plan"),
    ],
)
def test_every_second_person_form_has_its_first_person(noted: str, voice: str) -> None:
    assert voiced(noted) == voice


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        ("If you are new, ask.", "If I am new, ask."),
        ("When you were new, you weren't alone.", "When I was new, I wasn't alone."),
        ("Since you aren't a nurse yet, shadow one.", "Since I am not a nurse yet, shadow one."),
        ("Are you ready? Were you told?", "Am I ready? Was I told?"),
        ("Aren't you tired? Weren't you there?", "Aren't I tired? Wasn't I there?"),
        ("How are you?", "How am I?"),
        ("Aren't you?", "Aren't I?"),
        ("Where were you", "Where was I"),
        # the subjunctive keeps "were"
        ("If you were starting over, wait.", "If I were starting over, wait."),
        ("I wish you were here.", "I wish I were here."),
        ("Act as though you were sure.", "Act as though I were sure."),
    ],
)
def test_the_verb_agrees_with_i(noted: str, voice: str) -> None:
    assert voiced(noted) == voice


@pytest.mark.parametrize(
    "noted",
    [
        "Say thank you.",
        "She says thank you.",
        "He said thank you.",
        "Keep saying thank you.",
        "Send a thank you.",
        "Send the thank you.",
        "Thank you notes matter.",
        "Thank you cards, emails and letters matter.",
        "It is between you and me.",
        "You and I should talk.",
        "Skip the how-are-you small talk.",
        'He said "you can" and “you should” and ‘you must’.',
    ],
)
def test_set_phrases_and_quotations_keep_their_you(noted: str) -> None:
    assert voiced(noted) == noted


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        ("I want to thank you for that.", "I want to thank me for that."),
        ("You and your team should talk.", "I and my team should talk."),
        ('He said "you can" to you.', 'He said "you can" to me.'),
        ("He said 'you can' to you.", "He said 'you can' to me."),
        ("The nurses' station is where you'll learn.", "The nurses' station is where I'll learn."),
        ("Your team's 'you first' rule helps you.", "My team's 'you first' rule helps me."),
    ],
)
def test_near_a_set_phrase_the_students_you_still_turns(noted: str, voice: str) -> None:
    assert voiced(noted) == voice


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        (
            "She said he knows his stuff, and him, herself, himself, hers.",
            "You said you know your stuff, and you, yourself, yourself, yours.",
        ),
        ("She told her about it.", "You told you about it."),
        ("Her first year was hard.", "Your first year was hard."),
        ("I met her.", "I met you."),
        ("She liked her team.", "You liked your team."),
    ],
)
def test_the_third_person_is_the_interviewer(noted: str, voice: str) -> None:
    assert voiced(noted, third_person=True) == voice
    assert voiced(noted) == noted  # only when the takeaway reports the interviewer


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        ("She said she loves her job.", "You love your job."),
        ("He mentioned he has two kids.", "You have two kids."),
        ("She said she is tired.", "You are tired."),
        ("She said she was a nurse first.", "You were a nurse first."),
        ("She said she doesn't regret it.", "You don't regret it."),
        ("She said she isn’t leaving.", "You aren’t leaving."),
        ("He said he wasn't ready.", "You weren't ready."),
        ("She said she hasn't looked back.", "You haven't looked back."),
        ("She said she always says yes.", "You always say yes."),
        ("He said he tries to rest.", "You try to rest."),
        ("She said she watches the budget.", "You watch the budget."),
        ("He said he goes early.", "You go early."),
        ("She said she really misses surgery.", "You really miss surgery."),
        ("He said he usually plays it safe.", "You usually play it safe."),
        ("She said she can help.", "You can help."),
        ("She noted she worked nights.", "You worked nights."),
        ("He said he dies a little at every audit.", "You die a little at every audit."),
        ("She said she's happy here.", "You're happy here."),
        ("She said she’s happy.", "You’re happy."),
        ("He said he's been nursing for years.", "You've been nursing for years."),
        ("She said she'll retire soon.", "You'll retire soon."),
        ("He said he'd do it again.", "You'd do it again."),
        ("He said he'll retire soon.", "You'll retire soon."),
        ("She said she'd do it again.", "You'd do it again."),
        ("She said she is unsure: does she stay or go?", "You are unsure: do you stay or go?"),
        ("He said he has doubts; is he ready?", "You have doubts; are you ready?"),
        ("She said it is hard, isn't she?", "It is hard, aren't you?"),
    ],
)
def test_the_interviewers_verb_agrees_with_you(noted: str, voice: str) -> None:
    """The note says "your point that you love your job", never "you loves"."""
    turned = writer_voice(noted, interviewer=["Dana Whitfield"])
    assert turned.text == voice


@pytest.mark.parametrize(
    ("noted", "voice"),
    [
        # a verb joined to the first shares its subject
        (
            "She said she focuses on trusts and loves teaching new paralegals.",
            "You focus on trusts and love teaching new paralegals.",
        ),
        (
            "She said she files motions and trusts her team.",
            "You file motions and trust your team.",
        ),
        (
            "She said she loves her job and enjoys the people.",
            "You love your job and enjoy the people.",
        ),
        (
            "She said she manages a team and often trains staff.",
            "You manage a team and often train staff.",
        ),
        (
            "She said she runs the clinic and is its only paralegal.",
            "You run the clinic and are its only paralegal.",
        ),
        (
            "She said she supervises two paralegals and has a trainee.",
            "You supervise two paralegals and have a trainee.",
        ),
        (
            "She said she focuses on wills and refocuses them.",
            "You focus on wills and refocus them.",
        ),
        # nouns stay nouns, and a clause of its own keeps its subject
        ("She said she focuses on trusts and wills.", "You focus on trusts and wills."),
        (
            "She said she drafts wills and trusts for families.",
            "You draft wills and trusts for families.",
        ),
        ("She said she works nights and weekends.", "You work nights and weekends."),
        (
            "He said he reviews cases and he says it is fine.",
            "You review cases and you say it is fine.",
        ),
        (
            "She said she manages the desk that handles calls and routes them.",
            "You manage the desk that handles calls and routes them.",
        ),
        (
            "She said she uses templates and advises clients.",
            "You use templates and advises clients.",
        ),
    ],
)
def test_a_joined_verb_agrees_and_a_joined_noun_does_not(noted: str, voice: str) -> None:
    """The note says "your point that you love your job", never "you loves"."""
    turned = writer_voice(noted, interviewer=["Dana Whitfield"])
    assert turned.text == voice


@pytest.mark.parametrize(
    ("noted", "voice", "third_person"),
    [
        ("This one is for… you.", "This one is for… me.", False),
        ("Say thank… you.", "Say thank… you.", False),
        ("Say… thank you.", "Say… thank you.", False),
        ("Thank you… notes matter.", "Thank you… notes matter.", False),
        ("It is between you… and me.", "It is between you… and me.", False),
        ("It is between you and… me.", "It is between you and… me.", False),
        ("If you… are new, ask.", "If I… am new, ask.", False),
        ("Does… she stay?", "Do… you stay?", True),
        ("She… loves it.", "You… love it.", True),
        ("She always… says yes.", "You always… say yes.", True),
        ("She liked her… team.", "You liked your… team.", True),
        ("He's… been busy.", "You've… been busy.", True),
    ],
)
def test_an_ellipsis_between_two_words_keeps_them_in_one_clause(
    noted: str, voice: str, third_person: bool
) -> None:
    assert voiced(noted, third_person=third_person) == voice


@pytest.mark.parametrize(
    ("noted", "split"),
    [
        ("Ask Dr. Lee. Then go.", ["Ask Dr. Lee.", "Then go."]),
        ("Ask J. Smith. Then go.", ["Ask J. Smith.", "Then go."]),
        ("Go. Ask Dr. Lee. Then go.", ["Go.", "Ask Dr. Lee.", "Then go."]),
        ("Ask Dr . Lee about it.", ["Ask Dr . Lee about it."]),
        ("Get an A! Then relax.", ["Get an A!", "Then relax."]),
        ('Apply early. "Never wait."', ["Apply early.", '"Never wait."']),
        ("Apply early. then relax.", ["Apply early. then relax."]),
        ("Go. ", ["Go."]),
        ("Go.Then", ["Go.Then"]),
        ("Is it? Yes! Great.", ["Is it?", "Yes!", "Great."]),
        (
            "Mr. and Mrs. Smith, prof. Lee, St. Mark etc. Done. E.g. this. No. 5 is. Vs. that.",
            [
                "Mr. and Mrs. Smith, prof. Lee, St. Mark etc. Done.",
                "E.g. this.",
                "No. 5 is.",
                "Vs. that.",
            ],
        ),
        (
            "Ms. Ortiz, Mx. Lee, Jr. and Sr. staff, approx. Ten. I.e. so.",
            ["Ms. Ortiz, Mx. Lee, Jr. and Sr. staff, approx. Ten.", "I.e. so."],
        ),
        ("  ", []),
    ],
)
def test_sentences_end_at_a_stop_before_a_capital(noted: str, split: list[str]) -> None:
    assert [join(s) for s in sentences(tokens(noted))] == split
