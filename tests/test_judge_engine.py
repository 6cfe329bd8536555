"""The judge's engine on grammars written for the test: which group wins, what is quoted.

tests/test_judge.py checks the shipped grammar; these small grammars pin down the engine
itself (the fast path, the search for patterns without a known first word, the slow path
an ``unless`` sends a question down) so that each branch has a question that needs it.
"""

from __future__ import annotations

from typing import Any

import pytest

from infoview import judge
from infoview.judge import grammar


def small(extra_job: list[dict[str, Any]] | None = None) -> grammar.Grammar:
    data: dict[str, Any] = {
        "words": {"org": ["firm", "lab"], "det": ["your", "the"], "unit": ["team"]},
        "online": [
            {"kind": "first kind", "patterns": ["what does {det} {org} do"], "unless": ["really"]},
            {"kind": "second kind", "patterns": ["alpha beta", "who owns {det} {org}"]},
            {"kind": "third kind", "patterns": ["{start}is it big"]},
        ],
        "job": [
            {"kind": "any-word start", "patterns": ["(?:[a-z-]++ )?openings"]},
            *(extra_job or []),
        ],
    }
    return grammar.build(data)


def verdict(rule: str, text: str, built: grammar.Grammar | None = None) -> judge.Verdict | None:
    built = built or small()
    question = judge.normalise(text, None, built.nouns, built.units)
    read = judge._Read(question, built.encode(question.words))
    return judge._judge(getattr(built, rule), read)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What does your firm do?", ("first kind", "what does your firm do")),
        ("Who owns the lab?", ("second kind", "who owns the lab")),
        # the earliest group wins, wherever in the question it matches
        ("Who owns the lab, and what does your firm do?", ("first kind", "what does your firm do")),
        # within a group, the earliest place
        ("Alpha beta, who owns the lab?", ("second kind", "alpha beta")),
        ("Who owns the lab, alpha beta?", ("second kind", "who owns the lab")),
        # {start} quotes the clause, not the mark before it; the first clause starts at 0
        ("Is it big?", ("third kind", "is it big")),
        ("So is it big?", ("third kind", "is it big")),
        # two marks in a row: the clause starts at the second of them
        ("Well.. is it big?", ("third kind", "is it big")),
        ("Nothing here?", None),
    ],
)
def test_the_fast_path_picks_the_first_group_then_the_first_place(
    text: str, expected: tuple[str, str] | None
) -> None:
    assert verdict("online", text) == (judge.Verdict(*expected) if expected else None)


def test_unless_sends_the_question_to_the_next_group_that_matches() -> None:
    # "really" vetoes the first kind; the second kind's last pattern matches
    assert verdict("online", "What does your firm do? Who owns your firm?") == (
        judge.Verdict("first kind", "what does your firm do")
    )
    assert verdict("online", "What does your firm do, really? Who owns your firm?") == (
        judge.Verdict("second kind", "who owns your firm")
    )
    # ... or its first pattern
    assert verdict("online", "What does your firm do, really? Alpha beta.") == (
        judge.Verdict("second kind", "alpha beta")
    )
    # a later kind's {start} clause, quoted from the clause's first word
    assert verdict("online", "What does your firm do really, and is it big?") == (
        judge.Verdict("third kind", "is it big")
    )
    assert verdict("online", "What does your firm do, really?") is None


def test_a_pattern_whose_first_word_cannot_be_told_is_searched() -> None:
    built = small()
    assert built.job.searched is not None and built.online.searched is None
    assert verdict("job", "Do you know of any openings?", built) == (
        judge.Verdict("any-word start", "any openings")
    )
    assert verdict("job", "Openings?", built) == judge.Verdict("any-word start", "openings")
    assert verdict("job", "Who owns the lab?", built) is None


def test_a_searched_pattern_and_a_bucketed_one_compete_by_group() -> None:
    built = small([{"kind": "later kind", "patterns": ["who owns"]}])
    assert verdict("job", "Who owns the openings?", built) == (
        judge.Verdict("any-word start", "the openings")
    )
    built = small([{"kind": "later kind", "patterns": ["who owns"]}])
    assert verdict("job", "Who owns it?", built) == judge.Verdict("later kind", "who owns")


@pytest.mark.parametrize(
    ("name", "noun"),
    [
        ("Ortiz & Associates", "firm"),
        ("Ortiz &Associates", "firm"),
        ("Ortiz and Associates", "firm"),
        ("Kim P.C.", "firm"),
        ("Kim, P.C., Tax", "firm"),
        ("Lee PC", "firm"),
        ("The Dunn Firm", "firm"),
        ("Chen Law Offices", "firm"),
        ("Chen Law Office", "firm"),
        ("Chen Law Group", "firm"),
        ("Reyes Attorneys", "firm"),
        ("Reyes Lawyers", "firm"),
        ("Reyes LLP", "firm"),
        ("Ortiz PLLC", "firm"),
        ("Baker Partners", "firm"),
        ("Park CPAs", "firm"),
        ("Park CPA", "firm"),
        ("Hall Accountants", "firm"),
        ("Stone Architects", "firm"),
        ("Ridge Consultants", "firm"),
        ("Ridge Consulting", "firm"),
        ("PCB Design Works", "organisation"),
        ("Firmament Labs", "organisation"),
        ("Law Society of Ontario", "organisation"),
        ("Associated Press", "organisation"),
        ("Kessler Health", "organisation"),
    ],
)
def test_each_kind_of_firm_name(name: str, noun: str) -> None:
    assert judge.organisation_noun(name) == noun


def test_only_the_first_200_characters_of_a_name_are_read() -> None:
    assert judge.organisation_noun("x" * 196 + " LLP") == "firm"  # ends at 200
    assert judge.organisation_noun("x" * 197 + " LLP") == "organisation"  # ends at 201


def test_a_verdict_describes_its_kind_and_its_words() -> None:
    assert judge.Verdict(
        "asks what the organisation does", "what does your firm do"
    ).describe() == ('asks what the organisation does ("what does your firm do")')


# -- the template language's macros and tokens, one question for each --------------------------


def language(*patterns: str) -> grammar.Grammar:
    data: dict[str, Any] = {
        "words": {"org": ["firm"], "det": ["your", "the"], "unit": ["team"]},
        "online": [{"kind": "k", "patterns": list(patterns)}],
        "job": [{"kind": "j", "patterns": ["never ever"]}],
    }
    return grammar.build(data)


@pytest.mark.parametrize(
    "text",
    [
        "Is it big?",
        "Tell me, and is it big?",
        "So is it big?",
        "Also is it big?",
        "I'd like to know if is it big.",
        "I wonder if is it big.",
        "Wondering if is it big.",
    ],
)
def test_a_clause_starts_after_a_mark_or_a_joining_word(text: str) -> None:
    assert verdict("online", text, language("{start}is it big")) == judge.Verdict("k", "is it big")


def test_a_clause_does_not_start_after_other_words() -> None:
    assert verdict("online", "But is it big?", language("{start}is it big")) is None


@pytest.mark.parametrize(
    "tail",
    [
        "",
        "?",
        " and why?",
        " or small?",
        " exactly?",
        " now?",
        " today?",
        " nowadays?",
        " currently?",
        " these days?",
        " right now?",
        " overall?",
        " generally?",
        " as a whole?",
        " there?",
        " here?",
    ],
)
def test_a_clause_ends_at_a_mark_the_end_or_a_closing_word(tail: str) -> None:
    built = language("how big is it{end}")
    assert verdict("online", "How big is it" + tail, built) == judge.Verdict("k", "how big is it")


def test_a_clause_does_not_end_before_other_words() -> None:
    assert verdict("online", "How big is it compared?", language("how big is it{end}")) is None


def test_a_name_stands_for_the_organisation() -> None:
    built = language("who owns {name}")
    assert verdict("online", "Who owns Acme Widgets?", built) == (
        judge.Verdict("k", "who owns Acme Widgets")
    )
    assert verdict("online", "Who owns it?", built) is None


@pytest.mark.parametrize("word", grammar._GAP_WORDS)
def test_a_gap_of_three_words_stops_at_a_person_or_do(word: str) -> None:
    built = language("alpha{gap3} omega")
    assert verdict("online", "Alpha one two omega?", built) == (
        judge.Verdict("k", "alpha one two omega")
    )
    assert verdict("online", f"Alpha one {word} omega?", built) is None


def test_a_modifier_is_never_a_small_word() -> None:
    built = language("what does {det}{mod} {org} do")
    assert verdict("online", "What does your engineering firm do?", built) == (
        judge.Verdict("k", "what does your engineering firm do")
    )
    assert verdict("online", "What does your team in firm do?", built) is None


@pytest.mark.parametrize(
    ("template", "text", "trigger"),
    [
        ("alpha \\| beta", "Alpha. Beta", "alpha, beta"),
        ("alpha (?<=alpha)beta", "Alpha beta", "alpha beta"),
        ("alpha (?<!gamma)beta", "Alpha beta", "alpha beta"),
        ("alpha (?=beta)beta", "Alpha beta", "alpha beta"),
        ("alpha (?!gamma)beta", "Alpha beta", "alpha beta"),
        ("alpha ~2 omega", "Alpha one two omega", "alpha one two omega"),
        ("alpha (?:one ){1,2}omega", "Alpha one one omega", "alpha one one omega"),
        ("alpha [^ |]++ omega", "Alpha one omega", "alpha one omega"),
        ("alpha [a-z-]++ omega", "Alpha one omega", "alpha one omega"),
        ("{org} 's size", "The firm's size", "firm's size"),
        ("openings?", "Opening", "opening"),
        ("organi[sz]ation", "Organization", "organization"),
    ],
)
def test_each_kind_of_template_token_is_read(template: str, text: str, trigger: str) -> None:
    assert verdict("online", text, language(template)) == judge.Verdict("k", trigger)


# -- compiling the grammar ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "first"),
    [
        ("(?<=alpha)beta", {"beta"}),
        ("(?<!alpha)beta", {"beta"}),
        ("(?=alpha)beta", {"beta"}),
        ("(?!alpha)beta", {"beta"}),
        ("(?:alpha )?beta", {"alpha", "beta"}),
        ("(?:alpha )??beta", {"alpha", "beta"}),
        ("(?:alpha )*beta", {"alpha", "beta"}),
        ("(?:alpha )+beta", {"alpha"}),
        ("(?:alpha ){0,2}beta", {"alpha", "beta"}),
        ("(?:alpha ){1,2}beta", {"alpha"}),
        ("(?:alpha ){2}beta", {"alpha"}),
        ("(?:alpha|beta gamma) delta", {"alpha", "beta"}),
        ("\\| alpha", {"|"}),
        ("^alpha", {"alpha"}),
        ("[^ |]++ alpha", None),
        ("(?:alpha )?", None),
    ],
)
def test_the_first_words_a_template_can_start_with(template: str, first: set[str] | None) -> None:
    assert grammar.first_words(template, language("never ever")) == first


def test_a_rules_patterns_include_its_searched_pattern_and_its_unless() -> None:
    built = small()
    online = {p.pattern for p in built.online.patterns()}
    assert built.online.groups[0].unless is not None
    assert built.online.groups[0].unless.source in online
    assert built.job.searched is not None
    assert built.job.searched.source in {p.pattern for p in built.job.patterns()}
    assert all(isinstance(p, type(built.job.searched.compiled)) for p in built.job.patterns())


def test_two_searched_patterns_are_alternatives() -> None:
    built = small([{"kind": "vacancies", "patterns": ["(?:[a-z-]++ )?vacancies"]}])
    assert verdict("job", "Any vacancies?", built) == judge.Verdict("vacancies", "any vacancies")
    assert verdict("job", "Any openings?", built) == judge.Verdict("any-word start", "any openings")


def test_the_longest_phrase_of_a_word_list_is_tried_first() -> None:
    data: dict[str, Any] = {
        "words": {
            "org": ["firm"],
            "det": ["the"],
            "unit": ["team"],
            "x": ["core values", "core values statement", "values"],
        },
        "online": [{"kind": "k", "patterns": ["what are the {x}"]}],
        "job": [{"kind": "j", "patterns": ["never"]}],
    }
    built = grammar.build(data)
    for text, trigger in [
        ("What are the core values statement?", "what are the core values statement"),
        ("What are the core values?", "what are the core values"),
        ("What are the values?", "what are the values"),
    ]:
        assert verdict("online", text, built) == judge.Verdict("k", trigger)


def test_a_noun_before_a_unit_is_its_own_word_in_templates_too() -> None:
    data: dict[str, Any] = {
        "words": {"org": ["practice"], "det": ["the"], "unit": ["areas"]},
        "online": [
            {"kind": "areas", "patterns": ["what are the practice areas"]},
            {"kind": "does", "patterns": ["what does the practice do", "what does the {org} make"]},
        ],
        "job": [{"kind": "j", "patterns": ["never"]}],
    }
    built = grammar.build(data)
    assert verdict("online", "What are the practice areas?", built) == (
        judge.Verdict("areas", "what are the practice areas")
    )
    assert verdict("online", "What does the practice do?", built) == (
        judge.Verdict("does", "what does the practice do")
    )
    assert verdict("online", "What does the practice make?", built) == (
        judge.Verdict("does", "what does the practice make")
    )


def test_the_shipped_grammar_knows_practice_areas_and_titles_after_a_noun() -> None:
    built = judge.compiled()
    assert {"areas", "area", "groups", "technician", "team"} <= built.units
    assert built.words["org"] == ("@org",)


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("parish", "parishes"),
        ("church", "churches"),
        ("box", "boxes"),
        ("waltz", "waltzes"),
        ("bus", "buses"),
        ("ministry", "ministries"),
        ("day", "days"),
        ("key", "keys"),
        ("ward", "wards"),
        ("y", "ys"),
    ],
)
def test_the_plural_of_a_workspace_noun(noun: str, plural: str) -> None:
    assert grammar.plural(noun) == plural
