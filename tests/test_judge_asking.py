"""How the judge reads a question's lead-in apart from what it asks (infoview.judge.asking).

"Could you tell me what the firm does?" asks what "What does the firm do?" asks. Each lead-in
kind, the turn of an embedded clause back into question order, the cases left as they are,
the quote a message shows, and the invariance that matters to a user: a question asked
politely gets the verdict it gets asked plainly, in both rules, in several fields.
"""

from __future__ import annotations

import pytest

from infoview import judge
from infoview.judge import asking

NOUNS = frozenset({"firm", "hospital", "district", "clinic", "company", "school", "agency"})


def words(question: str) -> str:
    return judge.normalise(question, None, NOUNS, frozenset()).text


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # a lead-in before a question word: the clause, in question order
        ("Could you tell me what the firm does?", "what does the @org do |"),
        ("Can you please tell me who the CEO is?", "who is the ceo |"),
        (
            "Could you tell me who the head of the whole firm is?",
            "who is the head of the whole @org |",
        ),
        ("I was wondering what its mission is.", "what is its mission |"),
        # a subject that opens with "some" or "all" ("what some projects I'd work on are")
        (
            "Can you tell me what some projects I might work on are?",
            "what are some projects i might work on |",
        ),
        ("Do you know how many people work there?", "how many people work there |"),
        ("I'm curious how big the hospital is.", "how big is the @org |"),
        ("Do you know when the school opened?", "when did the @org open |"),
        ("Do you happen to know when the clinic was founded?", "when was the @org founded |"),
        (
            "I'd like to know what services the clinic offers.",
            "what services does the @org offer |",
        ),
        ("May I ask how many employees your firm has?", "how many employees does your @org have |"),
        ("Would you mind telling me who I would report to?", "who would i report to |"),
        ("Tell me who you report to.", "who do you report to |"),
        (
            "Can you tell me how long the firm has been around?",
            "how long has the @org been around |",
        ),
        ("I wonder where the agency's offices are.", "where are the @org 's offices |"),
        ("Let me know what the company moved into.", "what did the @org move into |"),
        ("Can you tell me what it's like?", "what is it like |"),
        # "if" or "whether": the yes-or-no question it stands for
        ("Do you know if the district is hiring?", "is the @org hiring |"),
        ("I was wondering whether the firm can sponsor visas.", "can the @org sponsor visas |"),
        # a question in its own order after the lead-in, or after a comma
        ("Can you tell me what does the firm do?", "what does the @org do |"),
        ("I was wondering, what do you like about your job?", "what do you like about your job |"),
        ("Do you know, is the clinic expanding?", "is the @org expanding |"),
        # before "about": "tell me about"
        ("I was curious about the firm's history.", "tell me about the @org 's history |"),
        ("Could you tell me about your day?", "tell me about your day |"),
        # "can you" before the verb that asks
        ("Can you describe your typical day?", "describe your typical day |"),
        ("Would you please walk me through a case?", "walk me through a case |"),
        # an opener before a question, at the start or after a clause
        ("Also, who founded the company?", "who founded the @org |"),
        ("And what do you do all day?", "what do you do all day |"),
        ("Out of curiosity, is the school public?", "is the @org public |"),
        ("Quick question: who are the clients?", "who are the clients |"),
        ("Thanks! So what is the agency's budget?", "what is the @org 's budget |"),
        ("Roughly, how many people work at the firm?", "how many people work at the @org |"),
        # an aside that is a clause of its own
        ("What does the firm do, if you don't mind me asking?", "what does the @org do |"),
        ("If I may ask, how big is the clinic?", "how big is the @org |"),
        ("Who would I report to? Thanks so much!", "who would i report to |"),
        ("Hi! Is the district hiring?", "is the @org hiring |"),
        ("What do you like about it, by the way?", "what do you like about it |"),
        ("Thanks!", "thanks |"),  # nothing else to read: left as it is
    ],
)
def test_a_lead_in_is_read_apart_from_its_question(question: str, read: str) -> None:
    assert words(question) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # lead-in words that are the question itself
        ("Do you know anyone who is hiring?", "do you know anyone who is hiring |"),
        ("Do you know of any openings?", "do you know of any openings |"),
        ("Can you introduce me to your manager?", "can you introduce me to your manager |"),
        ("Could you review my resume?", "could you review my resume |"),
        ("So many people leave; why did you stay?", "so many people leave | why did you stay |"),
        ("And?", "and |"),
        ("Also known as what?", "also known as what |"),
        ("Next steps?", "next steps |"),
        ("I wonder if.", "i wonder if |"),
        # a clause that is no question this can turn keeps its order
        ("Do you know what kind of hours?", "what kind of hours |"),
        ("Can you tell me what grade would I start at?", "what grade would i start at |"),
        (
            "Do you know what [grade] level would I start at?",
            "what @the @org level would i start at |",
        ),
    ],
)
def test_a_question_that_only_starts_like_a_lead_in_is_left_alone(question: str, read: str) -> None:
    assert words(question) == read


@pytest.mark.parametrize(
    ("past", "base"),
    [
        ("opened", "open"),
        ("started", "start"),
        ("moved", "move"),
        ("created", "create"),
        ("treated", "treat"),
        ("merged", "merge"),
        ("acquired", "acquire"),
        ("stopped", "stop"),
        ("carried", "carry"),
        ("began", "begin"),
        ("grew", "grow"),
    ],
)
def test_a_past_verb_reads_as_its_base_after_did(past: str, base: str) -> None:
    assert asking._past(past) == base


@pytest.mark.parametrize(
    ("present", "base"),
    [("offers", "offer"), ("teaches", "teach"), ("carries", "carry"), ("serves", "serve")],
)
def test_a_present_verb_reads_as_its_base_after_does(present: str, base: str) -> None:
    assert asking._present(present) == base


@pytest.mark.parametrize("word", ["is", "this", "business", "focus", "it's", "was"])
def test_words_that_end_in_s_are_not_verbs_in_the_third_person(word: str) -> None:
    assert asking._present(word) is None


def test_a_message_quotes_the_clause_as_it_was_written() -> None:
    verdict = judge.online("Could you tell me what the company does?")
    assert verdict is not None
    assert verdict.kind == "asks what the organisation does"
    assert verdict.describe().endswith('("what the company does")')
    verdict = judge.job("I was wondering who I would report to.")
    assert verdict is not None
    assert verdict.describe().endswith('("who i would report to")')


def test_a_quote_outside_the_turned_clause_is_the_words_read() -> None:
    question = judge.normalise("Do you know when the firm opened? And its clients?", None, NOUNS)
    assert question.said == ((0, 5, ("when", "the", "@org", "opened")),)
    assert question.quote(0, 5) == "when the firm opened"
    assert question.quote(7, 9) == "its clients"
    assert question.quote(3, 9) == "when the firm opened, and its clients"


# Plain questions from several fields, with the verdict each rule gives them asked plainly.
PLAIN = [
    ("What does the hospital do?", "online"),
    ("Who is the CEO of the agency?", "online"),
    ("How many employees does the district have?", "online"),
    ("When was the nonprofit founded?", "online"),
    ("Where is the company headquartered?", "online"),
    ("What services does the clinic offer?", "online"),
    ("Is the school public or private?", "online"),
    ("What is the firm's mission?", "online"),
    ("Who are the studio's clients?", "online"),
    ("Is the lab hiring?", "job"),
    ("Who would I report to?", "job"),
    ("What would my salary be?", "job"),
    ("Are there any openings in your unit?", "job"),
    ("How long is the probationary period?", "job"),
    ("What do you like most about your job?", "ok"),
    ("How did you get into nursing?", "ok"),
    ("What advice would you give someone starting out?", "ok"),
    ("What is a typical day like for you?", "ok"),
    ("How has the field changed since you started?", "ok"),
    ("What skills matter most in this work?", "ok"),
]
LEAD_INS = [
    "Can you tell me {}",
    "Could you please tell me {}",
    "I was wondering, {}",
    "Out of curiosity, {}",
    "Also, {}",
    "And {}",
    "Quick question: {}",
    "Do you know, {}",
    "Roughly, {}",
]
ASIDES = ["{}, if you don't mind me asking?", "{}, by the way?", "{}? Thanks so much!", "Hi! {}?"]


@pytest.mark.parametrize("aside", ASIDES)
def test_an_aside_keeps_each_rules_verdict(aside: str) -> None:
    for question, label in PLAIN:
        asked = aside.format(question.rstrip("?"))
        assert bool(judge.online(asked)) == (label == "online"), asked
        assert bool(judge.job(asked)) == (label == "job"), asked


@pytest.mark.parametrize("lead_in", LEAD_INS)
def test_a_lead_in_keeps_each_rules_verdict(lead_in: str) -> None:
    for question, label in PLAIN:
        asked = lead_in.format(question[0].lower() + question[1:])
        assert bool(judge.online(asked)) == (label == "online"), asked
        assert bool(judge.job(asked)) == (label == "job"), asked


# The same questions as embedded clauses, as a student writes them after a lead-in.
EMBEDDED = [
    ("what the hospital does", "online"),
    ("who the CEO of the agency is", "online"),
    ("how many employees the district has", "online"),
    ("when the nonprofit was founded", "online"),
    ("where the company is headquartered", "online"),
    ("what services the clinic offers", "online"),
    ("if the school is public or private", "online"),
    ("what the firm's mission is", "online"),
    ("if the lab is hiring", "job"),
    ("who I would report to", "job"),
    ("what my salary would be", "job"),
    ("how long the probationary period is", "job"),
    ("what you like most about your job", "ok"),
    ("how you got into nursing", "ok"),
    ("what advice you would give someone starting out", "ok"),
    ("how the field has changed since you started", "ok"),
]


@pytest.mark.parametrize(
    "lead_in", ["Can you tell me {}?", "I was wondering {}.", "Do you know {}?"]
)
def test_an_embedded_question_gets_the_verdict_of_the_question(lead_in: str) -> None:
    for clause, label in EMBEDDED:
        asked = lead_in.format(clause)
        assert bool(judge.online(asked)) == (label == "online"), asked
        assert bool(judge.job(asked)) == (label == "job"), asked


@pytest.mark.parametrize(
    ("item", "parts"),
    [
        ("What does the firm do?", ("What does the firm do?",)),
        (
            "What does the firm do? And how did you start?",
            ("What does the firm do?", "And how did you start?"),
        ),
        ("I'm a nursing student. What does your unit do?", ("What does your unit do?",)),
        (
            "Tell me about the firm. What do you like?",
            ("Tell me about the firm.", "What do you like?"),
        ),
        ("Ask about salary. Ask about openings.", ("Ask about salary.", "Ask about openings.")),
        ("Is the U.S. office near Dr. Lee's?", ("Is the U.S. office near Dr. Lee's?",)),
        ("Why law?! Why now?", ("Why law?!", "Why now?")),
    ],
)
def test_an_item_s_questions_are_the_parts_that_ask(item: str, parts: tuple[str, ...]) -> None:
    assert judge.questions(item) == parts


@pytest.mark.parametrize(
    ("item", "rule"),
    [
        # a fine question beside one that is not no longer hides it (each was missed so)
        ("Do you like your job? Which brands does the agency work with?", "online"),
        (
            "What products or services are sold? Are there any courses you would recommend?",
            "online",
        ),
        ("Are housing and utilities included? How does the PI deal with conflict?", "job"),
        ("What is the call schedule? Why did you choose to work at your firm?", "job"),
        # what a statement beside a question says still counts
        ("I want a job at your company. Can you introduce me to people there?", "job"),
    ],
)
def test_each_question_of_an_item_is_judged(item: str, rule: str) -> None:
    assert (judge.online if rule == "online" else judge.job)(item) is not None
    other = judge.job if rule == "online" else judge.online
    assert other(item) is None


def test_a_statement_beside_a_question_is_not_judged_alone() -> None:
    item = "St. Mary's is a Catholic hospital. How does that shape your nursing?"
    assert judge.online("St. Mary's is a Catholic hospital.") is not None  # alone, it would be
    assert judge.online(item) is None
