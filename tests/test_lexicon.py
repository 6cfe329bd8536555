"""The word lists of ``infoview/wording/lexicon.py``, each proved by a takeaway whose reading
depends on it (emptying any list, or any entry of the small tables, changes one of these).

The takeaway corpus (``tests/data/takeaways.toml``, ``test_wording.py``) checks the
readings as a whole; these cases each pin one list, so ``make mutate`` can tell which.
"""

from __future__ import annotations

import pytest

from infoview.wording.voice import writer_voice

CASES = [
    # OBJECT_PREPOSITIONS: "with you" is "with me" even before a word that is no object
    ("Managers like to work with you daily.", "Managers like to work with me daily.", "statement"),
    # OBJECT_VERBS: "let you" is "let me"
    ("Nurses let you rest.", "Nurses let me rest.", "statement"),
    # CONJUNCTION_PREPOSITIONS + VERB_SIGNALS: "before you first apply" is a clause
    ("Visit the unit before you first apply.", "Visit the unit before I first apply.", "advice"),
    # CLAUSE_OPENERS: after "when" a clause starts, whatever follows "you"
    ("Ask when you first arrive.", "Ask when I first arrive.", "advice"),
    # NOT_ADVICE_SECOND: "Focus is ..." opens with a noun, not advice
    ("Focus is what matters.", "Focus is what matters.", "statement"),
    # NEGATIONS: "don't", and "dont" without its apostrophe; "never" stays "never"
    ("Don't skip the reading.", "Don't skip the reading.", "advice/not"),
    ("Dont skip the reading.", "Don't skip the reading.", "advice/not"),
    ("Never skip the reading.", "Never skip the reading.", "advice/never"),
    ("If you are nervous, dont apply yet.", "Don't apply yet if I am nervous.", "advice/not"),
    ("Apply early; dont wait.", "Apply early and not wait.", "advice"),
    ("Apply early; never wait.", "Apply early and never wait.", "advice"),
    # ADVICE_PREFIXES: "Always ...", "Just ..." keep a sentence advice
    ("Always ask questions.", "Always ask questions.", "advice"),
    ("Please just apply.", "Just apply.", "advice"),
    # THANK_YOU_NOUNS: "Thank you notes" is a noun, not advice to thank
    ("Thank you notes matter.", "Thank you notes matter.", "statement"),
    # MODAL_ADVICE: each modal makes "You ... <verb>" the student's advice to themselves
    ("You should ask.", "Ask.", "advice"),
    ("You need to network early.", "Network early.", "advice"),
    ("You have to ask.", "Ask.", "advice"),
    ("You must apply early.", "Apply early.", "advice"),
    ("You ought to call.", "Call.", "advice"),
    ("You might want to shadow someone.", "Shadow someone.", "advice"),
    ("You may want to call ahead.", "Call ahead.", "advice"),
    ("You will want to rest.", "Rest.", "advice"),
    ("You want to be ready.", "Be ready.", "advice"),
    # ... and only with all its words: "You need network contacts" is a statement
    ("You need network contacts.", "I need network contacts.", "statement"),
    ("You might want coffee.", "I might want coffee.", "statement"),
    # REPORTING_VERBS, RECOMMENDING, THIRD_PERSON: the interviewer reported in the third person
    ("She said his team helps him.", "Your team helps you.", "statement"),
    ("She said her mentor trusted herself.", "Your mentor trusted yourself.", "statement"),
    ("He said he asked himself why.", "You asked yourself why.", "statement"),
    ("She said she had doubts.", "You had doubts.", "statement"),
    ("She says hers is better.", "Yours is better.", "statement"),
    ("She said the choice was hers.", "The choice was yours.", "statement"),
    ("Dana suggested the course.", "The course.", "recommendation"),
    ("Dana recommended taking the course.", "Taking the course.", "gerund"),
    ('"Chart everything," she noted.', '"Chart everything."', "quote"),
    # CONDITIONS: a fronted condition puts the advice second
    ("If you are nervous, volunteer first.", "Volunteer first if I am nervous.", "advice"),
    ("Once you start, ask often.", "Ask often once I start.", "advice"),
]


@pytest.mark.parametrize(("noted", "text", "kinds"), CASES, ids=[c[0][:40] for c in CASES])
def test_each_word_list_decides_a_reading(noted: str, text: str, kinds: str) -> None:
    turned = writer_voice(noted, interviewer=["Dana Whitfield"])
    got = [s.kind.value + (f"/{s.negation}" if s.negation else "") for s in turned.sentences]
    assert (turned.text, got) == (text, kinds.split())


@pytest.mark.parametrize(
    ("noted", "lowered"),
    [
        ("The first year is hard.", True),  # LOWERABLE: "... that the first year is hard"
        ("Most nurses burn out.", True),
        ("Epic training matters.", False),  # a name keeps its capital
    ],
)
def test_a_first_word_is_lowered_only_when_it_may_be(noted: str, lowered: bool) -> None:
    (sentence,) = writer_voice(noted).sentences
    first = noted[0].lower() if lowered else noted[0]
    assert (sentence.text, sentence.lowered) == (first + noted[1:-1], lowered)
