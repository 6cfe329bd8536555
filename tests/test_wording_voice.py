"""``wording.voice``: each kind of takeaway sentence, read as the note will carry it.

A row is a sentence as a student notes it, the takeaway's text in the writer's voice
(``Takeaway.text``, exactly) and each sentence's reading: advice (with /not or /never),
statement, question, quote, gerund or recommendation, marked ``!`` when the note must
frame it after a colon (its first word keeps a capital). tests/data/takeaways.toml holds
whole takeaways from real fields; this table walks the judgement branch by branch.
"""

from __future__ import annotations

import pytest
from test_wording import facts, render  # the note as ``thanks`` renders it

from infoview.wording.voice import Kind, Sentence, writer_voice

INTERVIEWER = ["Dana Whitfield", "Marcus Lee"]


def readings(noted: str) -> tuple[str, list[str]]:
    turned = writer_voice(noted, interviewer=INTERVIEWER)
    kinds = [
        s.kind.value + (f"/{s.negation}" if s.negation else "") + ("" if s.lowered else "!")
        for s in turned.sentences
    ]
    return turned.text, kinds


@pytest.mark.parametrize(
    ("noted", "text", "kinds"),
    [
        ("She said to apply early.", "Apply early.", ["advice"]),
        ("She said not to apply early.", "Don't apply early.", ["advice/not"]),
        ("She told me that you should apply early.", "Apply early.", ["advice"]),
        ("Dana said: apply early.", "Apply early.", ["advice"]),
        ("Dr. Whitfield said to apply early.", "Apply early.", ["advice"]),
        ("Whitfield said to apply early.", "Apply early.", ["advice"]),
        ("Dana Whitfield said to apply early.", "Apply early.", ["advice"]),
        ("She said.", "She said.", ["statement!"]),
        ("They said to wait.", "Wait.", ["advice"]),
        ("She suggested I take the elective.", "Take the elective.", ["advice"]),
        ("She suggested we take the elective.", "Take the elective.", ["advice"]),
        ("She suggested taking the elective.", "Taking the elective.", ["gerund"]),
        ("She suggested taking the elective?", "Taking the elective?", ["recommendation"]),
        ("She suggested the elective.", "The elective.", ["recommendation"]),
        ("She suggested Epic training.", "Epic training.", ["recommendation!"]),
        ("She suggested my plan.", "My plan.", ["recommendation"]),
        ("She suggested your plan.", "My plan.", ["recommendation"]),
        ("She recommended that you apply early.", "Apply early.", ["advice"]),
        ("She said the unit is busy.", "The unit is busy.", ["statement"]),
        ("Should you apply early?", "Should I apply early?", ["question"]),
        ("You should not apply early.", "Don't apply early.", ["advice/not"]),
        ("You need to apply early.", "Apply early.", ["advice"]),
        ("You have to apply early.", "Apply early.", ["advice"]),
        ("You must apply early.", "Apply early.", ["advice"]),
        ("You ought to apply early.", "Apply early.", ["advice"]),
        ("You might want to apply early.", "Apply early.", ["advice"]),
        ("You may want to apply early.", "Apply early.", ["advice"]),
        ("You will want to apply early.", "Apply early.", ["advice"]),
        ("You want to apply early.", "Apply early.", ["advice"]),
        ("You should.", "I should.", ["statement"]),
        ("Please apply early.", "Apply early.", ["advice"]),
        ("Please don't apply early.", "Don't apply early.", ["advice/not"]),
        ("Do not apply early.", "Don't apply early.", ["advice/not"]),
        ("Dont apply early.", "Don't apply early.", ["advice/not"]),
        ("Always apply early.", "Always apply early.", ["advice"]),
        ("Just always apply early.", "Just always apply early.", ["advice"]),
        ("Really", "Really.", ["statement!"]),
        ("If you are nervous, volunteer first.", "Volunteer first if I am nervous.", ["advice"]),
        (
            "If you are nervous, don't volunteer first.",
            "Don't volunteer first if I am nervous.",
            ["advice/not"],
        ),
        (
            "If you are nervous, never volunteer first.",
            "Never volunteer first if I am nervous.",
            ["advice/never"],
        ),
        (
            "If you are nervous, do not volunteer first.",
            "Don't volunteer first if I am nervous.",
            ["advice/not"],
        ),
        ("If you are nervous, the unit helps.", "If I am nervous, the unit helps.", ["statement"]),
        ("If you are nervous", "If I am nervous.", ["statement"]),
        ("When in doubt, ask.", "Ask when in doubt.", ["advice"]),
        ("Unless you are sure, ask.", "Ask unless I am sure.", ["advice"]),
        (
            "The work is hard, so ask for help.",
            "The work is hard, so I should ask for help.",
            ["statement"],
        ),
        (
            "The work is hard, so don't quit.",
            "The work is hard, so I shouldn't quit.",
            ["statement"],
        ),
        (
            "The work is hard, so never quit.",
            "The work is hard, so I should never quit.",
            ["statement"],
        ),
        (
            "The work is hard, so do not quit.",
            "The work is hard, so I shouldn't quit.",
            ["statement"],
        ),
        (
            "The work is hard, and ask for help.",
            "The work is hard, and I should ask for help.",
            ["statement"],
        ),
        (
            "The work is hard, but the pay is good.",
            "The work is hard, but the pay is good.",
            ["statement"],
        ),
        (
            "The work is hard; ask for help.",
            "The work is hard; I should ask for help.",
            ["statement"],
        ),
        ("The work is hard; do not quit.", "The work is hard; I shouldn't quit.", ["statement"]),
        ("Apply early; ask for help.", "Apply early and ask for help.", ["advice"]),
        ("Apply early; don't wait.", "Apply early and not wait.", ["advice"]),
        ("Apply early; never wait.", "Apply early and never wait.", ["advice"]),
        ("Apply early; the unit is busy.", "Apply early; the unit is busy.", ["advice"]),
        ("Apply early, so ask for help.", "Apply early, so ask for help.", ["advice"]),
        ("Apply early, and ask for help.", "Apply early, and ask for help.", ["advice"]),
        ('"Never file late."', '"Never file late."', ["quote!"]),
        ('"Never file late," she said.', '"Never file late."', ["quote!"]),
        ('"Never file late," she said quietly to me today.', '"Never file late."', ["quote!"]),
        ('"Never file late," she laughed.', '"Never file late," she laughed.', ["statement!"]),
        ('She said "never file late."', '"never file late."', ["quote!"]),
        ('She said, "never file late."', '"never file late."', ["quote!"]),
        ('"Never" and "always".', '"Never" and "always".', ["statement!"]),
        ("Take notes.", "Take notes.", ["advice"]),
        ("TAKE notes.", "TAKE notes.", ["advice"]),
        ("Epic training takes two weeks.", "Epic training takes two weeks.", ["statement!"]),
        ("Email is the best channel.", "Email is the best channel.", ["statement"]),
        ("Work is busy.", "Work is busy.", ["statement"]),
        ("Work hard.", "Work hard.", ["advice"]),
        ("Work closely with the charge nurse.", "Work closely with the charge nurse.", ["advice"]),
        ("Practice makes perfect.", "Practice makes perfect.", ["statement"]),
        ("Practice your pitch.", "Practice my pitch.", ["advice"]),
        ("Practice system design out loud.", "Practice system design out loud.", ["advice"]),
        ("Plan reviews take six weeks.", "Plan reviews take six weeks.", ["statement"]),
        ("Plan ahead.", "Plan ahead.", ["advice"]),
        ("Network early and often.", "Network early and often.", ["advice"]),
        ("Thank you notes matter.", "Thank you notes matter.", ["statement"]),
        ("Thank the clerk.", "Thank the clerk.", ["advice"]),
        ("Shadow a nurse.", "Shadow a nurse.", ["advice"]),
        ("Check works", "Check works.", ["statement"]),
        ("Call them", "Call them.", ["advice"]),
        ("IT is understaffed.", "IT is understaffed.", ["statement!"]),
        ("NCLEX prep takes months.", "NCLEX prep takes months.", ["statement!"]),
        ("I learned a lot.", "I learned a lot.", ["statement"]),
        ("I'm going to apply.", "I'm going to apply.", ["statement"]),
        ("It is hard.", "It is hard.", ["statement"]),
        ("Your team is great.", "My team is great.", ["statement"]),
        ("You're right.", "I'm right.", ["statement"]),
        ("Most people quit.", "Most people quit.", ["statement"]),
        ("Do you know anyone?", "Do I know anyone?", ["question"]),
        ("Is Epic hard?", "Is Epic hard?", ["question"]),
        ("What should I read?", "What should I read?", ["question"]),
        ("Why do you stay?", "Why do I stay?", ["question"]),
        (
            "You can't learn triage from a textbook.",
            "I can't learn triage from a textbook.",
            ["statement"],
        ),
        (
            "Dana said you can't learn triage from a book.",
            "I can't learn triage from a book.",
            ["statement"],
        ),
        (
            "She said she thinks the unit works well.",
            "You think the unit works well.",
            ["statement"],
        ),
        (
            "Marcus Lee recommended the ANCC certification.",
            "The ANCC certification.",
            ["recommendation"],
        ),
        ("Marcus recommended Epic.", "Epic.", ["recommendation!"]),
        ("He recommended the pool.", "The pool.", ["recommendation"]),
        ("He recommended a mentor.", "A mentor.", ["recommendation"]),
        ("He recommended an internship.", "An internship.", ["recommendation"]),
        ("He recommended her book.", "Your book.", ["recommendation"]),
        ("He recommended his book.", "Your book.", ["recommendation"]),
        ("He recommended his mentor's book.", "Your mentor's book.", ["recommendation"]),
        ("She recommended reading the manual?", "Reading the manual?", ["recommendation"]),
        ("She suggested I shadow her.", "Shadow you.", ["advice"]),
        ("She urged me to apply.", "Apply.", ["advice"]),
        ("She warned me not to overcommit.", "Don't overcommit.", ["advice/not"]),
        ("He said to me that the unit is busy.", "The unit is busy.", ["statement"]),
        ("He told us that the unit is busy.", "The unit is busy.", ["statement"]),
        ("He told us the unit is busy.", "The unit is busy.", ["statement"]),
        ("She said to us: apply early.", "Apply early.", ["advice"]),
        ("She said to me.", "She said to me.", ["statement!"]),
        ("She recommended shadowing.", "Shadowing.", ["gerund"]),
        ("[Read the guide](https://example.org/g) first.", "Read the guide first.", ["advice"]),
        (
            "Read [the guide](https://example.org/g) and [the plan](x.md).",
            "Read the guide and the plan.",
            ["advice"],
        ),
        ("Take the *elective* early.", "Take the elective early.", ["advice"]),
        ("Thank you notes work.", "Thank you notes work.", ["statement"]),
        ("Send thank you notes.", "Send thank you notes.", ["advice"]),
        ("Shadow people.", "Shadow people.", ["advice"]),
        ("Document everything.", "Document everything.", ["advice"]),
        ("Document reviews take weeks.", "Document reviews take weeks.", ["statement"]),
        ("Check in weekly.", "Check in weekly.", ["advice"]),
        ("Track your hours.", "Track my hours.", ["advice"]),
        ("Talk to the charge nurse.", "Talk to the charge nurse.", ["advice"]),
        ("Chart as you go.", "Chart as I go.", ["advice"]),
        (
            "Time management matters a lot here.",
            "Time management matters a lot here.",
            ["statement"],
        ),
        ("Research pays off.", "Research pays off.", ["statement"]),
        ("Run the numbers and then decide.", "Run the numbers and then decide.", ["advice"]),
        ("Test plans matter.", "Test plans matter.", ["statement"]),
        ("File early; then relax.", "File early; then relax.", ["advice"]),
        ("If you can, shadow first.", "Shadow first if I can.", ["advice"]),
        ("If you can shadow, do it.", "Do it if I can shadow.", ["advice"]),
        (
            "When you start, keep a log; ask questions.",
            "Keep a log; ask questions when I start.",
            ["advice"],
        ),
        ("Once you pass, apply everywhere.", "Apply everywhere once I pass.", ["advice"]),
        ("If nervous, don't.", "If nervous, don't.", ["statement"]),
        (
            "Before you apply, talk to HR, and then ask.",
            "Talk to HR, and then ask before I apply.",
            ["advice"],
        ),
        (
            "The shifts are long, so take breaks, and drink water.",
            "The shifts are long, so I should take breaks, and drink water.",
            ["statement"],
        ),
        ("It is hard, then ask.", "It is hard, then I should ask.", ["statement"]),
        ("It is hard, or ask.", "It is hard, or I should ask.", ["statement"]),
        ("It is hard, so I quit.", "It is hard, so I quit.", ["statement"]),
        ("It is hard, so, ask.", "It is hard, so, I should ask.", ["statement"]),
        ("Go; don't ask; never stop.", "Go and not ask and never stop.", ["advice"]),
        ("You should always shadow first.", "Always shadow first.", ["advice"]),
        ("You should never quit.", "Never quit.", ["advice"]),
        ("You need to not quit.", "Don't quit.", ["advice/not"]),
        ("You need to.", "I need to.", ["statement"]),
        ("Please never quit.", "Never quit.", ["advice/never"]),
        ("Please do not quit.", "Don't quit.", ["advice/not"]),
        ("Please, quit.", "Quit.", ["advice"]),
        ("Definitely apply.", "Definitely apply.", ["advice"]),
        ("Really do apply.", "Really do apply.", ["advice"]),
        ("I think you should apply.", "I think I should apply.", ["statement"]),
        ("Can you apply?", "Can I apply?", ["question"]),
        ("Apply?", "Apply?", ["question"]),
        ('"Apply early"', '"Apply early"', ["quote!"]),
        ('"Apply early," said Dana.', '"Apply early."', ["quote!"]),
        ('"Apply early," Dana Whitfield told me.', '"Apply early."', ["quote!"]),
        ("“Apply early,” Marcus said.", "“Apply early.”", ["quote!"]),
        ("‘Apply early,’ she said.", "‘Apply early.’", ["quote!"]),
        ("Apply early!!", "Apply early!", ["advice"]),
        ("Apply early?!", "Apply early?", ["question"]),
        ("Wow...", "Wow.", ["statement!"]),
        ('"Apply," she said, "early."', '"Apply," she said, "early."', ["statement!"]),
        ("'Apply early,' she said.", "'Apply early.'", ["quote!"]),
        ("Don't say 'never' to a patient.", "Don't say 'never' to a patient.", ["advice/not"]),
        (
            "The nurses' station and the doctors' lounge are busy.",
            "The nurses' station and the doctors' lounge are busy.",
            ["statement"],
        ),
        ("It's the '90s and 'em.", "It's the '90s and 'em.", ["statement!"]),
        ("She said 'you can' to you.", "'you can' to me.", ["statement!"]),
        ('She said "you can" to you.', '"you can" to me.', ["statement!"]),
        ('He said she is "the best."', 'You are "the best."', ["statement"]),
        ("Isn’t it odd?", "Isn’t it odd?", ["question"]),
        (
            "The work is hard, but ask for help.",
            "The work is hard, but I should ask for help.",
            ["statement"],
        ),
        ("She suggested Epic for everything.", "Epic for everything.", ["recommendation!"]),
        # a report that leaves no advice is kept whole, never "your advice not to ."
        ("She said to.", "She said to.", ["statement!"]),
        ("She said not to.", "She said not to.", ["statement!"]),
        ("You should not.", "I should not.", ["statement"]),
        ("You need to not.", "I need to not.", ["statement"]),
        # a quotation right after "to" stays in the advice
        ('She said to "always" apply early.', '"always" apply early.', ["advice"]),
        ("She said—to apply early.", "Apply early.", ["advice"]),
        ('"Never" and "always"', '"Never" and "always".', ["statement!"]),
        ("🙂", "🙂.", ["statement!"]),
        ("Her team is small.", "Her team is small.", ["statement!"]),
        ('She said"Apply early."', '"Apply early."', ["quote!"]),
        ('She said:"Apply early."', '"Apply early."', ["quote!"]),
        ('She said,"Apply early."', '"Apply early."', ["quote!"]),
        ("Thanks, Dana. She.", "Thanks, Dana. She.", ["statement!", "statement!"]),
        ("Take notes. She said to apply early.", "Take notes. Apply early.", ["advice", "advice"]),
    ],
)
def test_each_sentence_is_read_as_the_note_will_frame_it(
    noted: str, text: str, kinds: list[str]
) -> None:
    assert readings(noted) == (text, kinds)


@pytest.mark.parametrize(
    ("noted", "fragment"),
    [
        ("She recommended that you apply early.", "your advice to apply early."),
        ("Apply early; never wait.", "your advice to apply early and never wait."),
        ("Apply early; don't wait.", "your advice to apply early and not wait."),
        ('"Never file late," she laughed.', 'what you said: "Never file late," she laughed.'),
        ('"Never file late," she said quietly to me.', ': "Never file late."'),
        ("He said to me that the unit is busy.", "your point that the unit is busy."),
        ("She said she thinks the unit works well.", "your point that you think the unit works"),
        # she turned into "you" takes the verb with her: never "you loves"
        ("She said she loves the night shift.", "your point that you love the night shift."),
        ("He said he's been charting for years.", "your point that you've been charting for"),
    ],
)
def test_the_note_reads_as_the_interviewer_would_expect(noted: str, fragment: str) -> None:
    takeaway = writer_voice(noted, interviewer=INTERVIEWER)
    assert fragment in " ".join(render(facts(takeaway=takeaway, referrals=())).split())


def test_a_sentence_on_its_own_is_capitalised_and_punctuated() -> None:
    assert Sentence(Kind.ADVICE, "apply early", "!", "never").as_sentence == "Never apply early!"
    assert Sentence(Kind.ADVICE, "apply early", negation="not").as_sentence == "Don't apply early."
    assert Sentence(Kind.ADVICE, "apply early").as_sentence == "Apply early."
    assert Sentence(Kind.STATEMENT, "not now", negation="not").as_sentence == "Not now."
    assert Sentence(Kind.QUOTE, '"Go."', end="").as_sentence == '"Go."'


def test_a_takeaway_counts_its_words_as_written_in_the_note() -> None:
    takeaway = writer_voice("Don't wait. You should apply early!  Is it hard?")
    assert takeaway.text == "Don't wait. Apply early! Is it hard?"
    assert takeaway.words == 7
    assert writer_voice("").sentences == ()


def test_the_longest_way_of_naming_the_interviewer_is_tried_first() -> None:
    """Edward Said's name holds a reporting verb: "Said said" is the name, then the report."""
    turned = writer_voice("Nadia Said said to apply early.", interviewer=["Nadia Said"])
    assert [(s.kind, s.text) for s in turned.sentences] == [(Kind.ADVICE, "apply early")]


def test_only_a_she_or_he_lead_makes_the_interviewer_you() -> None:
    """Named, the interviewer's "her" may be anyone's: it stays, even for Ji He."""
    turned = writer_voice("Ji He said her team is small.", interviewer=["Ji He"])
    assert turned.text == "Her team is small."
