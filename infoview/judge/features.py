"""The features the judge's linear model reads from a question (see :mod:`.model`).

The model reads the same tokens as the phrase grammar (:mod:`infoview.judge.text`): lower
case, clause marks as ``|``, every organisation noun or name as ``@org``. From them:

- ``w:`` each word, a plural read as its singular ("clients" -> ``w:client``), and
  "interview" after "informational" or "info" as ``w:interview-to-learn`` (this meeting,
  not a hiring one);
- ``b:`` each pair of neighbouring words in a clause (``b:^ who`` for a question's first);
- ``c:`` each word-list class of the grammar a word or phrase belongs to (``c:leader`` for
  "CEO", "founder", "managing partner"; ``c:post`` for "role", "vacancy"...) or of the
  model's own classes (:mod:`infoview.judge.classes`: ``c:k_money`` for "revenue",
  "endowment"; ``c:k_benefit`` for "PTO", "pension"...), and ``cb:``
  pairs in which one side is a class ("who are the *partners*" gives ``cb:are c:leader``);
- ``m:`` who the question is about: ``m:org`` ("your hospital", "the agency", a name),
  ``m:orgs`` (organisations in general: "small firms", "most hospitals", whose words and
  pairs read ``@orgs``, not ``@org``),
  ``m:you``, ``m:your`` (your own: "your day"), ``m:me`` ("I", "me", "my"), and
  ``m:your-own`` ("your work", "your first job": the person's own), ``m:you+me`` (both)
  and ``m:me+modal`` ("would I", "will my": the asker's own future);
- ``o:`` its opening word and ``o2:`` its first two words ("how many");
- ``x:`` a marker or an opening with a class ("I" and a post, "how many" and an office).

Every feature remembers the words it came from, so a verdict can quote the words that
weighed most. Changing these features, or the grammar's word lists, means retraining
(``make judge-train``); :data:`VERSION` tells a weights file written for other features.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from infoview.judge.classes import CLASSES as MODEL_CLASSES
from infoview.judge.text import ORG, THE

VERSION = 4

# The grammar's word lists the model reads as classes (see infoview/data/judge.yaml).
CLASSES = (
    "counted_org",
    "counted",
    "offering",
    "published",
    "leader",
    "leadership",
    "standing",
    "unit",
    "worker",
    "cv",
    "mine",
    "this_post",
    "newcomer",
    "post",
)
_ORG_DET = frozenset({"your", "the", "this", "that", "its", "their", "our", THE})
_ME = frozenset({"i", "me", "my", "myself", "mine", "i'm", "i'd", "i'll", "i've"})
_YOU = frozenset({"you", "you're", "you've", "you'd"})
# What belongs to the person met, not the organisation: "your work", "your first job".
_OWN_TEXT = (
    "work job role day days week career path experience experiences background education "
    "training schedule time advice life decision choice opinion view views favorite favourite "
    "typical own first current previous last personal biggest greatest"
)
_OWN = frozenset(_OWN_TEXT.split())
_MODAL = frozenset({"would", "will", "shall", "i'd", "i'll"})
# The words that make an interview one to learn from, as this meeting is, not to be hired.
_FOR_LEARNING = frozenset({"informational", "information", "info", "exploratory"})
_INTERVIEW = frozenset({"interview", "interviews"})
_KEEP_S = ("ss", "us", "is", "'s", "ics")
_ES = ("ches", "shes", "sses", "xes", "zes")


class Spans(NamedTuple):
    """A feature's name and the token ranges (start, end) it was read from."""

    name: str
    spans: tuple[tuple[int, int], ...]


def singular(word: str) -> str:
    """A plural read as its singular, well enough for features ("agencies" -> "agency")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(_ES):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


class Lexicon(NamedTuple):
    """The class lists, ready for :func:`extract`."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]  # a word or phrase -> its classes
    starts: frozenset[str]  # the first words of phrases of two or three words


@lru_cache(maxsize=8)
def lexicon(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    """Each word or phrase of the class lists -> the classes it belongs to, in CLASSES order."""
    found: dict[tuple[str, ...], list[str]] = {}
    for name, entries in lists:
        for entry in entries:
            key = tuple(entry.lower().split())
            if key and name not in found.setdefault(key, []):
                found[key].append(name)
    phrases = {key: tuple(names) for key, names in found.items()}
    return Lexicon(phrases, frozenset(key[0] for key in phrases if len(key) > 1))


def class_lists(words: dict[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The grammar's lists that :data:`CLASSES` names, then the model's own classes
    (:mod:`infoview.judge.classes`), as a hashable value."""
    return tuple((name, words.get(name, ())) for name in CLASSES) + tuple(MODEL_CLASSES.items())


_SINGULAR: dict[str, str] = {}
ORGS = "@orgs"  # the word a plural organisation noun is read as, beside ``@org``


def plural(name: str) -> bool:
    """Whether the words behind an ``@org`` are organisations in general ("small firms").

    Only a common noun counts: a name the workspace gave ("Acme Widgets") keeps its
    capitals and is one organisation.
    """
    return name.islower() and " " not in name and singular(name) != name


def extract(
    tokens: list[str], lexicon: Lexicon, org_words: tuple[str, ...] = ()
) -> dict[str, list[tuple[int, int]]]:
    """Every feature of a question's tokens, with the token ranges each came from.

    ``org_words`` are the words behind each ``@org`` in turn (:class:`~infoview.judge.text.
    Question`): a plural one ("most firms") is marked ``orgs``, the field at large, not
    the organisation met.

    Called once per distinct question a lint meets, so it is written for speed: plain
    loops, no helper calls per feature.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    phrases, starts = lexicon
    words = [(i, t) for i, t in enumerate(tokens) if t != THE]
    count = len(words)
    # word-list classes, longest phrase first; a phrase's words take its class
    klass: dict[int, tuple[tuple[str, ...], tuple[int, int]]] = {}
    index = 0
    while index < count:
        token = words[index][1]
        size = 1
        names = None
        if token in starts:
            for size in (3, 2):
                if index + size <= count:
                    key = tuple(t for _, t in words[index : index + size])
                    names = phrases.get(key)
                    if names:
                        break
        if not names:
            size = 1
            names = phrases.get((token,))
        if names and index and token in _INTERVIEW and words[index - 1][1] in _FOR_LEARNING:
            names = None  # "an informational interview" is this meeting, not a hiring step
        if (
            names
            and "this_post" in names
            and index + size < count
            and words[index + size][1] == "of"
        ):
            # "the role of a nurse": the post in general, not the one being filled
            names = tuple(name for name in names if name != "this_post")
        if names:
            span = (words[index][0], words[index + size - 1][0] + 1)
            for name in names:
                found.setdefault("c:" + name, []).append(span)
            for i, _ in words[index : index + size]:
                klass[i] = (names, span)
        index += size
    markers: list[tuple[str, tuple[int, int]]] = []
    behind = iter(org_words)
    before = ""  # the word before, in this clause ("" at a clause's start)
    j = 0
    for position, (i, token) in enumerate(words):
        if token == "|":
            before = ""
            continue
        many = token == ORG and plural(next(behind, ""))  # "small firms": the field at large
        word = ORGS if many else _SINGULAR.get(token)
        if word is None:
            word = singular(token)
            if len(_SINGULAR) < 50_000:  # bounded: a long lint meets many words
                _SINGULAR[token] = word
        if token in _INTERVIEW and before in _FOR_LEARNING:
            word = "interview-to-learn"  # "an informational interview": not a hiring one
        here = (i, i + 1)
        found.setdefault("w:" + word, []).append(here)
        if not before:
            if position == 0 or words[position - 1][1] == "|":
                found.setdefault("b:^ " + word, []).append(here)
        else:
            pair = (j, i + 1)
            found.setdefault(f"b:{before} {word}", []).append(pair)
            left = "c:" + klass[j][0][0] if j in klass else before
            right = "c:" + klass[i][0][0] if i in klass else word
            if left != before or right != word:
                found.setdefault(f"cb:{left} {right}", []).append(pair)
        if token == ORG:
            start = i - 1 if i and tokens[i - 1] in _ORG_DET else i
            markers.append(("orgs" if many else "org", (start, i + 1)))
        elif token in _YOU:
            markers.append(("you", here))
        elif token == "your" and not (position + 1 < count and words[position + 1][1] == ORG):
            markers.append(("your", here))
            for _, later in words[position + 1 : position + 3]:
                if later in _OWN:  # "your work", "your first job": about the person
                    markers.append(("your-own", here))
                    break
        elif token in _ME:
            markers.append(("me", here))
        before, j = word, i
    mine = [span for name, span in markers if name == "me"]
    for name, span in markers:
        found.setdefault("m:" + name, []).append(span)
        if name == "you" and mine:  # asking them to do something for me
            found.setdefault("m:you+me", []).extend((span, mine[0]))
    for start, end in mine:  # "would I", "will my", "I'd": the asker's own future
        for i in range(max(0, start - 2), min(len(tokens), end + 2)):
            if tokens[i] in _MODAL:
                found.setdefault("m:me+modal", []).append((min(i, start), max(i + 1, end)))
                break
    opening = []
    for i, t in words[:3]:
        if t != "|":
            opening.append((i, _SINGULAR.get(t) or singular(t)))
    lead = ""
    if opening:
        found.setdefault("o:" + opening[0][1], []).append((opening[0][0], opening[0][0] + 1))
    if len(opening) > 1:
        lead = f"{opening[0][1]} {opening[1][1]}"
        lead_span = (opening[0][0], opening[1][0] + 1)
        found.setdefault("o2:" + lead, []).append(lead_span)
    seen = {name: span for names, span in klass.values() for name in names}
    for name, span in seen.items():
        for marker, where in markers:
            found.setdefault(f"x:{marker}+{name}", []).extend((where, span))
        if lead:
            found.setdefault(f"x:{lead}+{name}", []).extend((lead_span, span))
    return found
