"""IV301-IV305: the questions, one line per case."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from infoview.model import read_text

from .helpers import BASE, FRONT, QUESTIONS_LINE, RESEARCH, Row, cases, diagnostics, doc, run

Q = QUESTIONS_LINE  # '## Questions'
FIRST = Q + 2  # the first question under '### Goal 1'
W = "warning"
OTHER = "What would you tell someone weighing law school against a senior paralegal career?"
NO_GOALS = FRONT[: FRONT.index("learning_goals:")]


def section(markdown: str, front: str = FRONT) -> str:
    """An interview whose Questions section is ``markdown`` (the heading on line Q)."""
    return doc(front, f"{RESEARCH}\n## Questions\n{markdown}")


def asking(question: str) -> str:
    """One question under Goal 1 (line FIRST) and a harmless one under Goal 2."""
    return section(f"### Goal 1\n- {question}\n### Goal 2\n- {OTHER}\n")


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("questions", doc(), []),
        ("absent", doc(body=RESEARCH), [("IV301", 1, 1, "error")]),
        ("heading-only", section(""), [("IV301", Q, 1, "error")]),
        ("goal-headings-only", section("### Goal 1\n### Goal 2\n"), [("IV301", Q, 1, "error")]),
        ("prose-without-question", section("I will ask about probate.\n"), [("IV301", Q, 1, "error")]),
        ("only-a-comment", section("<!-- questions a website can't answer -->\n- \n"), [("IV301", Q, 1, "error")]),
        ("paragraph-question", section("### Goal 1\nWhich tasks do you handle?\n"), []),
        ("numbered-item", section("### Goal 1\n1. Tell me about a typical week\n"), []),
        ("setext-heading", doc(body=f"{RESEARCH}\nQuestions\n---------\n### Goal 1\n- Why?\n"), []),
    ),
)  # fmt: skip
def test_iv301_questions_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV301"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("under-goals", doc(), []),
        ("before-any-h3", section("- Which tasks?\n### Goal 1\n- A?\n### Goal 2\n- B?\n"), [("IV302", Q + 1, 1, W)]),
        ("paragraph-before-any-h3", section("Which tasks?\n\n### Goal 1\n- A?\n### Goal 2\n- B?\n"), [("IV302", Q + 1, 1, W)]),
        ("h3-names-no-goal", section("### Goal 1\n- A?\n### Goal 2\n- B?\n### Miscellaneous\n- C?\n"), [("IV302", Q + 6, 1, W)]),
        ("goal-number-too-high", section("### Goal 1\n- A?\n### Goal 3\n- B?\n- C?\n"), [("IV302", Q + 4, 1, W), ("IV302", Q + 5, 1, W)]),
        ("h3-by-goal-wording", section("### How this firm uses paralegals\n- A?\n### The career path from paralegal to lawyer\n- B?\n"), []),
        ("h3-numbered", section("### 1. The firm\n- A?\n### 2. The path\n- B?\n"), []),
        ("no-goals-is-IV201", section("- Which tasks?\n", front=NO_GOALS), []),
    ),
)  # fmt: skip
def test_iv302_question_without_goal(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV302"]) == expected


def test_iv302_message_names_the_heading() -> None:
    text = section("### Goal 1\n- A?\n### Goal 2\n- B?\n### Miscellaneous\n- C?\n")
    (found,) = diagnostics(text, select=["IV302"])
    assert "'### Miscellaneous' names no learning goal" in found.message


ANSWERABLE_ONLINE = [
    # what the firm does
    "What does your firm do?",
    "What exactly does the firm do?",
    "What does the firm do, and who are its clients?",
    "What kind of law does your firm practice?",
    "What kinds of cases does the firm handle?",
    "What type of clients does your practice serve?",
    # its size
    "How many attorneys work here?",
    "How many lawyers does the firm have?",
    "How many offices do you have?",
    "How many people are there at Marlow & Reyes?",
    "How big is the firm?",
    "How large is your practice?",
    # founding year
    "When was the firm founded?",
    "When was Marlow & Reyes founded?",
    "What year was the firm established?",
    "Who founded the firm?",
    # locations
    "Where is the firm located?",
    "Where are your offices?",
    # practice areas
    "What are your practice areas?",
    "What are the firm's practice areas?",
    "What areas of law does the firm cover?",
    # mission, address
    "What is the firm's mission?",
    "What is your firm's address?",
    # inline Markdown does not hide it
    "**What** does your firm do?",
    # every field's nouns, not law firms' alone
    "What does your nonprofit do?",
    "How many beds does the hospital have?",
    "Who is the superintendent of the district?",
    "Where is the startup headquartered?",
    "What services does the agency offer?",
    "How long has the studio been in business?",
]

ASKS_ONLY_THEY_CAN_ANSWER = [
    "You have worked beside attorneys who started as paralegals: what did that path look like?",
    "How has the paralegal role changed since the firm adopted document automation?",
    "Which estate-planning tasks do paralegals here handle end to end?",
    "How many attorneys do you support at once?",
    "How many people do you supervise?",
    "How many paralegals work on a typical trust administration?",
    "How many hours a week do you spend on discovery?",
    "What does the firm do when a paralegal makes a filing error?",
    "What does your group do differently from other estate planning practices?",
    "What kinds of cases does the firm give to new paralegals?",
    "What areas of law would you recommend a new paralegal try first?",
    "Which practice areas give paralegals the most responsibility?",
    "When was the moment you knew you wanted to stay in estate planning?",
    "How did the firm's founding partners shape its culture for paralegals?",
    "What does a typical week look like when you are preparing trust funding?",
    "What do you wish you had known about probate work when you started?",
    # the false positives: a team's size, the person's own past
    "How many people work in your department?",
    "What jobs did you hold before your current position?",
]


@pytest.mark.parametrize("question", ANSWERABLE_ONLINE)
def test_iv303_fires_on_what_a_website_answers(question: str) -> None:
    assert run(asking(question), select=["IV303"]) == [("IV303", FIRST, 1, W)]


@pytest.mark.parametrize("question", ASKS_ONLY_THEY_CAN_ANSWER)
def test_iv303_quiet_on_questions_only_they_can_answer(question: str) -> None:
    assert run(asking(question), select=["IV303"]) == []


@pytest.mark.parametrize(
    "question, config, expected",
    cases(
        ("extra-pattern-fires", "How are billing rates set for paralegals?", '[lint]\nanswerable_online = ["\\\\bbilling rates?\\\\b"]\n', [("IV303", FIRST, 1, W)]),
        ("extra-pattern-case-insensitive", "How are BILLING RATES set for paralegals?", '[lint]\nanswerable_online = ["\\\\bbilling rates?\\\\b"]\n', [("IV303", FIRST, 1, W)]),
        ("without-config-quiet", "How are billing rates set for paralegals?", "", []),
        ("built-ins-still-apply", "Who founded the firm?", '[lint]\nanswerable_online = ["billing"]\n', [("IV303", FIRST, 1, W)]),
    ),
)  # fmt: skip
def test_iv303_patterns_are_configurable(question: str, config: str, expected: list[Row]) -> None:
    assert run(asking(question), config_toml=BASE + config, select=["IV303"]) == expected


def test_iv303_points_at_each_item() -> None:
    text = section(
        "### Goal 1\n- Who founded the firm?\n- Why probate?\n### Goal 2\n  - Where are your offices?\n"
    )
    assert run(text, select=["IV303"]) == [("IV303", FIRST, 1, W), ("IV303", FIRST + 3, 3, W)]


JOB_SEEKING = [
    # hiring
    "Are you hiring?",
    "Is your firm hiring paralegals?",
    "Is the firm currently hiring?",
    "Could you hire me?",
    "Could I get a job here?",
    "Would you offer me a position?",
    # openings
    "Are there any openings at the firm?",
    "Do you have any open positions?",
    "Are any positions available?",
    "How do I apply for a position at your firm?",
    "Would you refer me for the opening?",
    # résumé hand-off
    "Can I send you my résumé?",
    "Could you pass my resume to the hiring partner?",
    "Would you forward my CV to HR?",
    "Could you look at my résumé?",
    "Can I email you my résumé?",
    # salary for a position
    "What does the position pay?",
    "What is the salary for this position?",
    "What salary does the role offer?",
    # other words, other fields
    "How do I get hired here?",
    "Could you find me a job in your unit?",
    "Who would I report to?",
    "What is the interview process?",
    "Can I leave my résumé with you?",
    "Could you forward this résumé?",
    "What would you pay me to start?",
]

LEARNING_NOT_JOB_SEEKING = [
    # the field's pay is something to learn; "salary for a position" means an opening
    "What salary range is typical for paralegals in Portland?",
    "How has paralegal pay changed over the last decade?",
    "How did you get your first job as a paralegal?",
    "What would you do differently if you were trying to land a job in estate planning today?",
    "Which positions at the firm do paralegals move into after a few years?",
    "How do you decide who to hire when you review résumés?",
    "What should a new paralegal's résumé emphasise?",
    "How did you find the opening that led to this job?",
    "What skills made the biggest difference in your first year?",
    "What jobs did you hold before your current position?",
    "What salary can someone expect at entry level?",
    "How did you get hired at the district?",
]


@pytest.mark.parametrize("question", JOB_SEEKING)
def test_iv304_fires_on_job_seeking(question: str) -> None:
    assert run(asking(question), select=["IV304"]) == [("IV304", FIRST, 1, W)]


@pytest.mark.parametrize("question", LEARNING_NOT_JOB_SEEKING)
def test_iv304_quiet_on_learning_questions(question: str) -> None:
    assert run(asking(question), select=["IV304"]) == []


def test_iv304_patterns_are_configurable() -> None:
    question = "May I shadow you at the next partners' meeting?"
    config = BASE + '[lint]\njob_seeking = ["shadow you"]\n'
    assert run(asking(question), select=["IV304"]) == []
    assert run(asking(question), config_toml=config, select=["IV304"]) == [("IV304", FIRST, 1, W)]
    (found,) = diagnostics(asking(question), config_toml=config, select=["IV304"])
    assert 'it matches your [lint] job_seeking pattern ("shadow you")' in found.message


def test_iv304_message_names_the_words_and_the_guides_alternative() -> None:
    (found,) = diagnostics(asking("Could you find me a job in your unit?"), select=["IV304"])
    assert found.message == (
        'this looks for a job: it asks for a job or a way into one ("find me a job"); keep '
        "the meeting for learning, and if they hold the keys to your perfect job, ask at "
        "the end for another meeting"
    )


def test_iv303_message_names_the_words_that_made_it_so() -> None:
    (found,) = diagnostics(asking("What does your hospital do?"), select=["IV303"])
    assert found.message == (
        'their website answers this: it asks what the organisation does ("what does your '
        'hospital do"); look it up beforehand and ask what only they can tell you'
    )


def test_the_rules_read_a_question_as_a_reader_says_it() -> None:
    """A link reads as its text, an autolink and an escape's backslash go: the message
    quotes the question's words, not its Markdown."""
    (found,) = diagnostics(
        asking("What does [Kessler Health](https://kessler.example/about) do\\?"),
        select=["IV303"],
    )
    assert '("what does Kessler Health do")' in found.message
    (found,) = diagnostics(
        asking("Are you hiring? <https://kessler.example/jobs>"), select=["IV304"]
    )
    assert '("are you hiring")' in found.message
    assert read_text("![logo](a.png) **What** does `it` do\\?") == "logo What does it do?"
    assert read_text("What does [company name] do?") == "What does [company name] do?"


def test_iv303_extra_pattern_message_names_the_pattern() -> None:
    config = BASE + '[lint]\nanswerable_online = ["billing rates?"]\n'
    (found,) = diagnostics(
        asking("How are billing rates set for paralegals?"), config_toml=config, select=["IV303"]
    )
    assert 'it matches your [lint] answerable_online pattern ("billing rates")' in found.message


def test_iv303_reads_the_workspaces_own_word_for_an_organisation() -> None:
    question = "What does your abbey do?"
    config = BASE + '[lint]\norganisation_words = ["abbey"]\n'
    assert run(asking(question), select=["IV303"]) == []
    assert run(asking(question), config_toml=config, select=["IV303"]) == [("IV303", FIRST, 1, W)]


def test_iv303_reads_the_interviews_own_organisation() -> None:
    front = FRONT.replace(
        "  name: Dana Whitfield\n", "  name: Dana Whitfield\n  organization: Kessler Health\n"
    )
    text = section(
        "### Goal 1\n- When was kessler health founded, roughly?\n- What does kessler health do?\n",
        front,
    )
    # the front matter is a line longer, so the questions are a line lower
    assert run(text, select=["IV303"]) == [("IV303", FIRST + 1, 1, W), ("IV303", FIRST + 2, 1, W)]
    assert run(section("### Goal 1\n- What does kessler health do?\n"), select=["IV303"]) == []


@pytest.mark.parametrize(
    "markdown, expected",
    cases(
        ("distinct", "### Goal 1\n- How do you triage new cases?\n- How do you prepare clients?\n", []),
        ("exact-repeat", "### Goal 1\n- How do you triage new cases?\n- How do you triage new cases?\n", [("IV305", Q + 3, 1, "info")]),
        ("case-and-punctuation", "### Goal 1\n- How do you triage new cases?\n### Goal 2\n- how do you triage, new cases!\n", [("IV305", Q + 4, 1, "info")]),
        ("markup-ignored", "### Goal 1\n- How do you *triage* new cases?\n- How do you triage new cases?\n", [("IV305", Q + 3, 1, "info")]),
        ("three-times", "### Goal 1\n- Why probate?\n- Why probate?\n### Goal 2\n- WHY PROBATE?\n", [("IV305", Q + 3, 1, "info"), ("IV305", Q + 5, 1, "info")]),
        ("paragraph-and-item", "### Goal 1\nWhy probate?\n\n- Why probate?\n", [("IV305", Q + 4, 1, "info")]),
        ("different-words", "### Goal 1\n- Why probate?\n- Why trusts?\n", []),
    ),
)  # fmt: skip
def test_iv305_duplicate_question(markdown: str, expected: list[Row]) -> None:
    assert run(section(markdown), select=["IV305"]) == expected


def test_iv305_message_names_the_first_line() -> None:
    text = section("### Goal 1\n- Why probate?\n- Why probate?\n")
    (found,) = diagnostics(text, select=["IV305"])
    assert found.message == f"the same question as line {FIRST}; remove one"
