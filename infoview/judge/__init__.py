"""Judge a drafted question the way a careers adviser would (IV303 and IV304).

Two judgements from the guide: a question is **answerable online** when its answer is a
fact about the organisation that its website, an annual report or a one-line search gives
(what it does, its products, services and clients, its size, age, owners, locations,
practice areas, mission); it is **job-seeking** when the asker asks for a job or a way
into one, asks what they would be paid, presumes they hold the post, or hands over a
résumé. Everything else (the person's path, their day, advice, the field's pay) is fine.

The judgement is data plus a small engine:

- ``infoview/data/judge.yaml`` is the phrase grammar: word lists (organisation nouns in
  every field, determiners, counted things...) and, per kind of question, patterns that
  combine them (intent x organisation noun x kind of fact), with the exclusions the
  principle names (a team's size, the interviewee's own history, the field's pay).
- :mod:`infoview.judge.text` turns a question into lower-case tokens, with a polite
  lead-in read apart from what it asks (:mod:`infoview.judge.asking`);
  :mod:`infoview.judge.grammar` compiles the grammar once, on first use.
- ``infoview/data/judge_model.json`` is a small linear model beside the grammar
  (:mod:`infoview.judge.model`): logistic regression over the question's words, word
  pairs and the grammar's word classes (:mod:`infoview.judge.features`), trained on the
  labelled corpora by ``tools/judge_train.py`` (``make judge-train``). It catches the
  kinds the grammar's patterns have no wording for.
- :func:`online` and :func:`job` return a :class:`Verdict` naming the kind of question
  and the words that triggered it, so a message can say *why*: the grammar's verdict when
  a pattern matches, else the model's when its score reaches its threshold, quoting the
  words that weighed most.

``tests/data/questions.csv`` and ``tests/data/probe.csv`` are the labelled corpora that
justify both; ``make judge-report`` prints their precision and recall.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from infoview.judge import asking, features
from infoview.judge.grammar import Grammar, Rule, build, read_data
from infoview.judge.text import Question, normalise

__all__ = [
    "Grammar",
    "Question",
    "Verdict",
    "by_grammar",
    "by_model",
    "compiled",
    "job",
    "normalise",
    "online",
    "organisation_noun",
    "questions",
    "score",
]

# A name that says the organisation is a firm: a law, accounting, architecture or
# consulting partnership ("Marlow & Reyes LLP", "Chen Law Group", "Ortiz CPAs").
# ("P.C." ends in a mark, so no word boundary can follow it.)
_FIRM = re.compile(
    r"&\s*associates\b|\bP\.C\.|\b(?:LLP|PLLC|PC|firm|law (?:offices?|group)|attorneys"
    r"|lawyers|and associates|partners|CPAs?|accountants|architects|consultants|consulting)\b",
    re.IGNORECASE,
)


def organisation_noun(name: str | None) -> str:
    """ "firm" when the interview's own organisation is one, else "organisation".

    Messages and the ``new`` skeleton say "organisation" to a nurse, a teacher or an
    engineer, and "firm" only to someone meeting a firm.
    """
    return "firm" if name and _FIRM.search(name[:200]) else "organisation"


class Verdict(NamedTuple):
    kind: str  # e.g. "asks what the organisation does"
    trigger: str  # the words that made it so, e.g. "what does your hospital do"
    words: tuple[str, ...] = ()  # a model's verdict: each phrase that weighed most

    def describe(self) -> str:
        quoted = self.words or (self.trigger,)
        return f"{self.kind} (" + ", ".join(f'"{w}"' for w in quoted) + ")"


# What a model verdict says the question asks (the words that weighed most follow).
MODEL_KINDS = {
    "online": "reads like a fact the organisation publishes about itself",
    "job": "reads like a job seeker's question",
}


@lru_cache(maxsize=8)
def compiled(organisation_words: tuple[str, ...] = ()) -> Grammar:
    """The compiled grammar (built once per set of workspace organisation words).

    Without workspace words it is the one shipped ready-made (:mod:`.prebuilt`), when
    that was made from the grammar as installed.
    """
    if not organisation_words:
        from infoview.judge import prebuilt

        shipped = prebuilt.load()
        if shipped is not None:
            return shipped
    return build(read_data(), organisation_words)


class _Read(NamedTuple):
    question: Question
    code: str  # one character a word: see judge.grammar


@lru_cache(maxsize=4096)  # IV303 and IV304 read the same question; files repeat questions
def _read(text: str, organisation: str | None, words: tuple[str, ...]) -> _Read:
    grammar = compiled(words)
    question = normalise(text, organisation, grammar.nouns, grammar.units)
    return _Read(question, grammar.encode(question.words))


def _judge(rule: Rule, read: _Read) -> Verdict | None:
    """The first group (in grammar order) with a pattern in the question."""
    code = read.code
    best: tuple[int, int, int] | None = None  # (group, start, end)
    for char in rule.first.intersection(code):
        at = code.find(char)
        while at >= 0:
            rest = code[at:]
            for pattern in rule.by_first[char]:
                found = pattern.match(rest)
                if found is not None:
                    best = _better(best, found, at)
            at = code.find(char, at + 1)
    if rule.searched is not None and (found := rule.searched.search(code)) is not None:
        best = _better(best, found)
    if best is None:
        return None
    group = rule.groups[best[0]]
    if (group.unless is not None or group.field_clears) and rule.excludes(group, code):
        return _slowly(rule, read)
    return Verdict(group.kind, read.question.quote(best[1] - 1, best[2] - 1))


def _better(
    best: tuple[int, int, int] | None, found: re.Match[str], offset: int = 0
) -> tuple[int, int, int]:
    name = found.lastgroup or "g0_0"
    index = int(name[1 : name.index("_")])
    start, end = found.span(name)
    candidate = (index, start + offset, end + offset)
    return candidate if best is None or candidate < best else best


def _slowly(rule: Rule, read: _Read) -> Verdict | None:
    """Group by group, skipping a group that leaves the question alone (rare)."""
    for group in rule.groups:
        if rule.excludes(group, read.code):
            continue
        found = group.searched.search(read.code)
        if found is not None:
            span = next(found.span(i) for i in range(1, found.re.groups + 1) if found.start(i) >= 0)
            return Verdict(group.kind, read.question.quote(span[0] - 1, span[1] - 1))
    return None


@lru_cache(maxsize=8)
def _lexicon(words: tuple[str, ...]) -> features.Lexicon:
    return features.lexicon(features.class_lists(compiled(words).words))


@lru_cache(maxsize=4096)  # both rules read the same features
def _features(
    text: str, organisation: str | None, words: tuple[str, ...]
) -> dict[str, list[tuple[int, int]]]:
    question = _read(text, organisation, words).question
    return features.extract(question.words, _lexicon(words), question.names)


def score(
    rule: str, text: str, *, organisation: str | None = None, words: tuple[str, ...] = ()
) -> float:
    """The model's probability (0..1) that ``text`` is ``rule`` ("online" or "job")."""
    from infoview.judge import model

    return model.load().rules[rule].score(_features(text, organisation, words))


def by_model(
    rule: str, text: str, *, organisation: str | None = None, words: tuple[str, ...] = ()
) -> Verdict | None:
    """The model's verdict on ``text`` for ``rule`` ("online" or "job"), or None."""
    return _by_model(rule, text, organisation, words)


@lru_cache(maxsize=8192)
def _by_model(
    rule: str, text: str, organisation: str | None, words: tuple[str, ...]
) -> Verdict | None:
    from infoview.judge import model

    weights = model.load().rules[rule]
    found = _features(text, organisation, words)
    if weights.margin(found) < weights.cut:
        return None
    read = _read(text, organisation, words)
    grammar = compiled(words)
    if (grammar.job if rule == "job" else grammar.online).about_the_field(read.code):
        return None  # the asker's future in the field ("to become a nurse"), an opinion asked

    question = read.question
    spans = model.reasons(weights, found, question.words)
    quoted = tuple(dict.fromkeys(question.quote(a, b) for a, b in spans))
    return Verdict(MODEL_KINDS[rule], ", ".join(quoted), quoted)


def by_grammar(
    rule: str, text: str, *, organisation: str | None = None, words: tuple[str, ...] = ()
) -> Verdict | None:
    """The phrase grammar's verdict on ``text`` for ``rule`` ("online" or "job"), or None."""
    return _by_grammar(rule, text, organisation, words)


@lru_cache(maxsize=8192)  # like the model's: interviews reuse a list of questions
def _by_grammar(
    rule: str, text: str, organisation: str | None, words: tuple[str, ...]
) -> Verdict | None:
    grammar = compiled(words)
    return _judge(
        grammar.online if rule == "online" else grammar.job, _read(text, organisation, words)
    )


# Where an item's questions part: after "?" or "!", or after a word's full stop before a
# capital ("I'm a nursing student. What does your unit do?"), not after "Dr." or "U.S.".
_PARTS = re.compile(r"(?<=[?!])\s+(?=\S)|(?<=[^\W\d_]{3}[.])\s+(?=[A-Z0-9\"'“(\[])")
_MAX_PARTS = 12
# A preamble set apart by a semicolon, a colon or a dash before what is asked ("It was a
# treat to hear the orchestra rehearse; who is its music director?"): the question after
# it is judged alone too. After a question the same marks add to it ("How did you land
# your training contract — was it off a vacation scheme?"), so it is read whole.
_PREAMBLE = re.compile(r"(?<=[^\W\d_][;:])\s+(?=\S)|[—–]\s*")


@lru_cache(maxsize=4096)
def questions(text: str) -> tuple[str, ...]:
    """The questions an item asks, each to be judged alone, as the corpora label them.

    "What does the firm do? And how did you start?" asks two, and one of them is answerable
    online. A sentence that neither ends in "?" nor opens as a question or a request
    ("I'm a nursing student.", "St. Mary's is a Catholic hospital.") is not judged alone
    when the item asks something else (the item as a whole is judged too, so what such a
    sentence says still counts); an item of notes alone is read sentence by sentence. Most
    items ask one question and are returned as they are.
    """
    body = text.rstrip()[:-1]
    if not any(mark in body for mark in "?!.;:—–"):
        return (text,)  # one sentence, as most items are
    parts = [part.strip() for part in _PARTS.split(text[:4000], maxsplit=_MAX_PARTS)]
    parts = [asked for part in parts if part for asked in _without_preamble(part)]
    if len(parts) == 1 and parts[0] != text.strip():
        return (parts[0],)  # the question after a preamble
    if len(parts) < 2:
        return (text,)
    asked = [part for part in parts if part.endswith("?") or _asks(part)]
    return tuple(asked or parts)


def _without_preamble(part: str) -> tuple[str, ...]:
    """The part, or the question after its preamble when it has one."""
    if not any(mark in part for mark in ";:—–"):
        return (part,)
    for _ in range(3):  # "Background: I am a nurse; my question: are you hiring?"
        after = _after_preamble(part)
        if not after:
            break
        part = after
    return (part,)


def _after_preamble(part: str) -> str | None:
    """The question after a preamble that asks nothing, or None (see ``_PREAMBLE``)."""
    for number, mark in enumerate(_PREAMBLE.finditer(part[:4000])):
        if number == _MAX_PARTS:
            break
        before, after = part[: mark.start()].rstrip(";: "), part[mark.end() :].strip()
        if before.endswith("?") or _asks(before):
            return None  # a question and what adds to it: read whole
        if after.endswith("?") or _asks(after):
            return after
    return None


def _asks(part: str) -> bool:
    """Whether a sentence asks, though without a question mark ("Tell me about the firm.")."""
    return asking.opens_a_question(part[:200].lower().replace("’", "'").split())


def _either(
    rule: str, text: str, organisation: str | None, words: tuple[str, ...]
) -> Verdict | None:
    """The item's verdict, else the first of its questions' read alone: a statement beside
    a question keeps what it says ("I want a job at your company. Can you introduce me?"),
    and a fine question beside one that is not no longer hides it."""
    parts = questions(text)
    for part in (text,) if parts == (text,) else (text, *parts):
        verdict = _by_grammar(rule, part, organisation, words) or _by_model(
            rule, part, organisation, words
        )
        if verdict:
            return verdict
    return None


def online(
    text: str, *, organisation: str | None = None, words: tuple[str, ...] = ()
) -> Verdict | None:
    """Why ``text`` asks what a website answers, or None: the grammar, then the model, on
    the item and then on each of its questions (:func:`questions`)."""
    return _either("online", text, organisation, words)


def job(
    text: str, *, organisation: str | None = None, words: tuple[str, ...] = ()
) -> Verdict | None:
    """Why ``text`` asks for a job, or None: the grammar, then the model, on the item and
    then on each of its questions."""
    return _either("job", text, organisation, words)
