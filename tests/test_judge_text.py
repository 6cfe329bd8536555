"""How the judge reads a question (infoview.judge.text): tokens, marks, names, nouns.

One case per word of each list the reader keeps, in both of its paths: the fast one for a
question with no capital letter past its first (most questions) and the one that looks
for names.
"""

from __future__ import annotations

import pytest

from infoview import judge
from infoview.judge import text

NOUNS = frozenset({"firm", "firms", "bank", "banks", "shop", "shops", "practice", "practices"})
NOUNS |= {"brand", "paper", "hospital"}
UNITS = frozenset({"group", "areas"})


def words(question: str, organisation: str | None = None, nouns: frozenset[str] = NOUNS) -> str:
    return judge.normalise(question, organisation, nouns, UNITS).text


@pytest.mark.parametrize("word", sorted(text._IS))
def test_a_question_word_s_is_is(word: str) -> None:
    assert words(f"{word.capitalize()}'s next?") == f"{word} is next |"  # fast path
    assert words(f"{word.capitalize()}’s next?") == f"{word} is next |"
    assert words(f"{word.capitalize()}'s next at Acme?") == f"{word} is next at @the @org |"


def test_another_word_s_is_a_possessive() -> None:
    assert words("The firm's size?") == "the @org 's size |"
    assert words("The firm's size at Acme?") == "the @org 's size at @the @org |"
    assert words("The firms' size?") == "the @org size |"
    assert words("The firms' size at Acme?") == "the @org size at @the @org |"
    assert words("Whose's?") == "whose 's |"


@pytest.mark.parametrize("mark", sorted(text._CLAUSE))
def test_each_clause_mark_is_a_bar(mark: str) -> None:
    assert words(f"alpha{mark}beta") == "alpha | beta"
    assert words(f"alpha{mark}beta Acme") == "alpha | beta @the @org"
    assert words(f"alpha's{mark}beta") == "alpha 's | beta"


@pytest.mark.parametrize("mark", sorted(text._SPACED))
def test_each_other_mark_is_a_space(mark: str) -> None:
    assert words(f"alpha{mark}beta") == "alpha beta"
    if mark != "_":  # "alpha's_beta" is one word to the possessive's \b
        assert words(f"alpha's{mark}beta") == "alpha 's beta"


def test_a_hyphen_joins_a_word_and_an_apostrophe_is_kept() -> None:
    assert words("entry-level pay?") == "entry-level pay |"
    assert words("i'd ask") == "i'd ask"
    assert words("I'd ask Acme") == "i'd ask @the @org"


@pytest.mark.parametrize("suffix", sorted(text._LEGAL))
def test_the_interviews_organisation_without_its_legal_suffix(suffix: str) -> None:
    assert words("What does acme do?", f"Acme {suffix.upper()}") == "what does @the @org do |"
    assert words("What does acme do?", f"The Acme {suffix}") == "what does @the @org do |"


def test_the_interviews_organisation_in_several_words() -> None:
    question = judge.normalise("Is acme widgets big? Is acme?", "Acme Widgets, Inc.", NOUNS, UNITS)
    assert question.text == "is @the @org big | is acme |"
    assert question.quote(0, 4) == "is acme widgets big"
    assert words("Is it big?", "") == "is it big |"
    assert words("Is it big?", "LLP") == "is it big |"


@pytest.mark.parametrize("det", sorted(text._DETERMINERS))
def test_a_name_after_a_determiner_takes_no_unseen_the(det: str) -> None:
    assert words(f"What does {det} Acme do?") == f"what does {det} @org do |"


def test_a_name_is_a_run_of_capitalised_words() -> None:
    question = judge.normalise("Why did Marlow Reyes hire so many?", None, NOUNS, UNITS)
    assert question.text == "why did @the @org hire so many |"
    assert question.names == ("Marlow Reyes",)
    assert words("Is ACME big?") == "is @the @org big |"  # an acronym that is not a role


@pytest.mark.parametrize(
    ("question", "read", "name"),
    [
        ("What are Harlow Partners's hours?", "what are @the @org 's hours |", "Harlow Partners"),
        ("What is Acme’s mission?", "what is @the @org 's mission |", "Acme"),
        ("Who are [Company]'s clients?", "who are @the @org 's clients |", "[Company]"),
        ("Who are <Firm>’s partners?", "who are @the @org 's partners |", "<Firm>"),
    ],
)
def test_a_names_possessive_is_its_own_token(question: str, read: str, name: str) -> None:
    # before, "Partners's" was read into the name and "[Company]'s" left a stray "s"
    found = judge.normalise(question, None, NOUNS, UNITS)
    assert (found.text, found.names) == (read, (name,))


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("What are the companys values?", "what are the @org 's values |"),
        ("Who are the universitys donors?", "who are the @org 's donors |"),
        ("What do the boys do?", "what do the boys do |"),  # no organisation: a plural
        ("How many firms hire?", "how many @org hire |"),  # "firms" may be a plural
        # a plural cannot stand between "the" and what an organisation has
        ("What are the hospitals values?", "what are the @org 's values |"),
        ("Who chairs the nonprofits board?", "who chairs the @org 's board |"),
        (
            "What are the institutions most common majors?",
            "what are the @org 's most common majors |",
        ),
        ("Do the hospitals hire nurses?", "do the @org hire nurses |"),
        ("Do the hospitals in town pay well?", "do the @org in town pay well |"),
        ("Whether Ill travel much?", "whether i'll travel much |"),
        ("What will Ill be doing?", "what will i'll be doing |"),
        ("What are the people Ill work with like?", "what are the people i'll work with like |"),
        ("Is the patient ill?", "is the patient ill |"),
        ("Id like to know who founded it.", "who founded it |"),
        ("Do I need an ID?", "do i need an id |"),
        ("When youre in trial, who preps you?", "when you're in trial | who preps you |"),
    ],
)
def test_an_apostrophe_left_out_reads_as_written_with_it(question: str, read: str) -> None:
    nouns = NOUNS | {"company", "university", "hospitals", "nonprofit", "nonprofits"}
    assert words(question, nouns=nouns | {"institution", "institutions"}) == read


@pytest.mark.parametrize("joiner", sorted(text._NAME_JOINERS))
def test_a_name_joins_capitalised_words_across_small_words(joiner: str) -> None:
    question = judge.normalise(f"Is Bank {joiner} Arden big?", None, NOUNS, UNITS)
    assert (question.text, question.names) == ("is @the @org big |", (f"Bank {joiner} Arden",))
    question = judge.normalise(f"Is Bank {joiner} it big?", None, NOUNS, UNITS)
    assert question.names[0] == "Bank"


@pytest.mark.parametrize("acronym", ["ICU", "HR", "CEO", "K-12", "CRNA"])
def test_an_acronym_for_a_unit_or_role_is_no_name(acronym: str) -> None:
    assert words(f"What does the {acronym} do?") == f"what does the {acronym.lower()} do |"


def test_a_capital_at_the_start_of_a_sentence_or_i_is_no_name() -> None:
    assert words("Fine. What does it do?") == "fine | what does it do |"
    assert words("Maybe I think I'm done? Yes: Done!") == "maybe i think i'm done | yes | done |"
    assert words("Fine! Now? Go. Then: Stop") == "fine | now | go | then | stop"
    assert words('He said "Stop" now') == "he said @the @org now"


@pytest.mark.parametrize("opener", sorted(set(text._OPENERS) - {"["}))
def test_a_name_after_an_opening_mark_is_a_name(opener: str) -> None:
    assert words(f"What about {opener}Acme now?").endswith("@the @org now |")


@pytest.mark.parametrize("question", ["[company name] values?", "<Company> values?"])
def test_a_placeholder_is_a_name_even_first(question: str) -> None:
    assert words(question) == "@the @org values |"
    assert words("What is " + question) == "what is @the @org values |"


def test_a_placeholder_is_at_most_60_characters() -> None:
    assert words("what is [" + "x" * 60 + "]") == "what is @the @org"
    assert words("what is [" + "x" * 61 + "]") == "what is " + "x" * 61


def test_organisation_nouns_become_the_organisation_except_before_a_unit() -> None:
    question = judge.normalise("Does the practice areas list grow?", None, NOUNS, UNITS)
    assert question.text == "does the practice areas list grow |"
    question = judge.normalise("Is the bank group hiring?", None, NOUNS, UNITS)
    assert question.text == "is the bank group hiring |"


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        ("Is your hospital group growing?", "is your hospital @org growing |"),
        ("How big is the fire department?", "how big is the fire @org |"),
        ("Who runs the mayor's office?", "who runs the mayor 's @org |"),
        ("Who runs the manager's office?", "who runs the manager 's office |"),
        ("How big is the engineering department?", "how big is the engineering department |"),
        ("Is the marketing group large?", "is the marketing group large |"),
    ],
)
def test_a_unit_after_the_kind_of_body_it_is_names_the_organisation(
    question: str, tokens: str
) -> None:
    assert judge.normalise(question, None, NOUNS, UNITS).text == tokens
    question = judge.normalise("Does the firm own a hospital?", None, NOUNS, UNITS)
    assert (question.text, question.names) == ("does the @org own a @org |", ("firm", "hospital"))


@pytest.mark.parametrize("unit", sorted(text._OF_UNITS))
def test_a_government_body_of_something_is_the_organisation(unit: str) -> None:
    assert words(f"What does the {unit} of health do?") == "what does the @org of health do |"
    assert words(f"What does the {unit} do?") == f"what does the {unit} do |"


@pytest.mark.parametrize("verb", sorted(text._VERBS))
def test_a_noun_after_the_organisation_is_its_verb(verb: str) -> None:
    assert words(f"What does your firm {verb}?") == f"what does your @org {verb} |"
    assert words(f"Is the {verb} big?") == "is the @org big |"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # a title's small words stay in lower case: its longer words are counted
        ("What Is the Biggest Problem Facing the Firm Today?",
         "what is the biggest problem facing the @org today |"),
        # a capitalised run with "you" or "will" in it is a clause, not a name
        ("Which products Are You Most Worried About?",
         "which products are you most worried about |"),
        ("How Will I Be Evaluated?", "how will i be evaluated |"),
        ("What does Johnson Controls International do?", "what does @the @org do |"),
    ],
)  # fmt: skip
def test_title_case_is_no_name(question: str, read: str) -> None:
    assert words(question) == read


def test_a_long_question_is_read_to_120_tokens() -> None:
    assert len(judge.normalise("word " * 130, None, NOUNS, UNITS).words) == text.MAX_TOKENS == 120
    assert len(judge.normalise("word's " * 70, None, NOUNS, UNITS).words) == 120
    assert len(judge.normalise("wxyz Acme " * 70, None, NOUNS, UNITS).names) == 60
    assert len(judge.normalise("w " * 119 + "w", None, NOUNS, UNITS).words) == 120


def test_a_quote_gives_each_organisation_its_own_words() -> None:
    question = judge.normalise("Does Acme or the firm's hospital lead?", None, NOUNS, UNITS)
    assert question.text == "does @the @org or the @org 's @org lead |"
    assert question.quote(0, 9) == "does Acme or the firm's hospital lead"
    assert question.quote(3, 8) == "or the firm's hospital"
    assert question.quote(7, 8) == "hospital"
    assert question.quote(0, 10) == "does Acme or the firm's hospital lead,"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("Are you hiring？", "are you hiring |"),  # a Chinese or Japanese keyboard's mark
        ("ＷＨＡＴ ＤＯＥＳ ＹＯＵＲ ＦＩＲＭ ＤＯ？", "what does your @org do |"),  # full width
        ("¿Are you hiring?", "are you hiring |"),
        ("«What does the firm do?»", "what does the @org do |"),
        ("What does the firm do…", "what does the @org do | | |"),  # an ellipsis is "..."
        ("Mate — what does the firm do?", "mate | what does the @org do |"),
        ("Mate – what does the firm do?", "mate | what does the @org do |"),
        ("Is it a full–time role?", "is it a full-time role |"),  # an en dash as a hyphen
    ],
)
def test_marks_of_other_keyboards_read_as_ascii_marks(question: str, read: str) -> None:
    assert words(question) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("What is your Job Title?", "what is your job title |"),
        ("What Are the Duties of Your Role?", "what are the duties of your role |"),
        ("# employees", "number of employees"),  # a note's "#" before a word
        ("#1 priority", "1 priority"),  # not before a number
    ],
)
def test_a_notes_title_case_terms_and_number_sign(question: str, read: str) -> None:
    assert words(question) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("Who runs the police force?", "who runs the police @org |"),
        ("Is the fire service big?", "is the fire @org big |"),
        ("What customer service do you like?", "what customer service do you like |"),
        ("Does the task force meet?", "does the task force meet |"),
    ],
)
def test_a_force_or_a_service_after_its_kind_names_the_organisation(
    question: str, read: str
) -> None:
    assert words(question) == read


@pytest.mark.parametrize(
    ("organisation", "question", "read"),
    [
        # a student's notes write the interview's organisation in lower case, shortened
        ("St. Brigid's Medical Center", "how many beds does st brigids have",
         "how many beds does @the @org have"),
        ("St. Brigid's Medical Center", "how many beds does st. brigid's have",
         "how many beds does @the @org have"),
        ("St. Brigid's Medical Center", "is st brigid a trauma center",
         "is @the @org a trauma center"),
        ("Kessler Health LLC", "who runs kessler now", "who runs @the @org now"),
        ("Calder County Public Health", "what does calder do", "what does @the @org do"),
        ("Dunmore & Ash Engineers", "is dunmore & ash employee-owned",
         "is @the @org employee-owned"),
        # the words that only say its kind are not its name, nor is a common first word
        ("First Prairie Bank", "what was your first job", "what was your first job"),
        ("First Prairie Bank", "first prairie founded when", "@the @org founded when"),
        ("Acme Widgets, Inc.", "is acme big", "is acme big"),
    ],
)  # fmt: skip
def test_the_interviews_organisation_as_a_student_writes_it(
    organisation: str, question: str, read: str
) -> None:
    assert judge.normalise(question, organisation, NOUNS, UNITS).text == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("Are you taking on Christmas temps?", "are you taking on christmas temps |"),
        ("Are you hiring in January?", "are you hiring in january |"),
        ("Do you work on Mondays?", "do you work on mondays |"),
        ("Is the firm hiring for Summer 2027?", "is the @org hiring for summer 2027 |"),
        ("What does March Health do?", "what does @the @org do |"),  # a name that starts so
    ],
)
def test_the_calendars_capitals_are_no_name(question: str, read: str) -> None:
    assert words(question) == read
