"""How a question is asked, read apart from what it asks.

A student writes "Could you tell me what the firm does?", "I was wondering how big the
hospital is", "Out of curiosity, who founded it?" or "Do you know if the district is
hiring?". The lead-in is politeness; what is asked is the clause after it, written in
the order of an embedded question ("what the firm does"). The labelling principle judges
what is asked, so the judge reads that clause as the direct question it stands for:

- an opener ("also", "and", "so", "out of curiosity", "quick question") is not read, nor
  an aside that is a clause of its own (", if you don't mind me asking", ", by the way",
  "Thanks so much!");
- a lead-in that asks to be told ("can you tell me", "I was wondering", "do you know",
  "I'd like to know", "may I ask") is not read before a question word, "if" or
  "whether", and reads "tell me" before "about" ("I was curious about the firm's
  history" reads "tell me about the firm's history");
- "can you" or "would you" before "describe", "explain", "share" or "walk me through" is
  not read: "describe the firm's clients" is what is asked;
- the clause after a lead-in is turned back into a question: its "is", "can" or "has
  been" goes before its subject ("what its mission is" -> "what is its mission"), and a
  verb of its own takes "does" or "did" ("what services the firm offers" -> "what
  services does the firm offer", "when the school opened" -> "when did the school
  open"). A clause already in question order ("what does the firm do") is left as it is.

Without this the words of the lead-in were read as the question's: "I was wondering"
made a question the asker's own, so the model took it for job-seeking, and "tell me what"
weighed as a fact the organisation publishes, since the guides that write it mostly ask
one. Tokens in, tokens out (:mod:`infoview.judge.text` calls :func:`reword`), so the
grammar and the model read one text; a clause that starts no other way costs one set
lookup.
"""

from __future__ import annotations

from typing import NamedTuple

CLAUSE = "|"


def _set(text: str) -> frozenset[str]:
    """Words written with spaces between them, as a set."""
    return frozenset(text.split())


_WH = frozenset(
    {"what", "who", "whom", "whose", "where", "when", "why", "how", "which", "what's", "how's"}
)
_YES_NO = frozenset({"if", "whether"})
# words that start a question in its own order (after an opener)
_AUX = _set("is are was were am do does did has have had can could will would should may might")
_AUX |= {"must", "shall"}
_REQUESTS = frozenset({"tell", "describe", "explain", "share", "walk", "list", "name", "ask"})
_STARTS = _WH | _AUX | _REQUESTS | {"any", "i", "you"}


_SPELT_OUT = {"i'd": ("i", "would"), "i'm": ("i", "am"), "don't": ("do", "not")}


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """Phrases written one a line (a line's words are a phrase's), longest first; each
    with its contractions spelt out too ("i'd like to know", "i would like to know")."""
    found = set()
    for line in text.strip().splitlines():
        words = tuple(line.split())
        if words:
            found.add(words)
            found.add(tuple(part for word in words for part in _SPELT_OUT.get(word, (word,))))
    return tuple(sorted(found, key=lambda phrase: (-len(phrase), phrase)))


# Openers that say nothing of what is asked; read only before a question.
_OPENERS = _phrases(
    """
    also
    and
    so
    plus
    additionally
    lastly
    finally
    ok
    okay
    now
    well
    oh
    and also
    and finally
    out of curiosity
    just out of curiosity
    just curious
    quick question
    one more question
    one last question
    another question
    last question
    my question is
    my next question is
    roughly
    approximately
    briefly
    honestly
    real quick
    """
)
# Lead-ins that ask to be told: not read before a question word, "if" or "whether".
_POLITE: tuple[str, ...] = ("can you", "could you", "would you", "will you", "please")
_POLITE += ("can you please", "could you please", "would you please")
_TOLD = ("tell me", "tell us", "let me know", "share with me", "explain to me")
_ASKS = _phrases(
    "\n".join(f"{polite} {told}" for polite in _POLITE for told in _TOLD)
    + "\n".join(("", *_TOLD, ""))
    + """
    would you mind telling me
    do you mind telling me
    would you mind sharing
    would you be able to tell me
    are you able to tell me
    i was wondering
    i am wondering
    i'm wondering
    i wonder
    i was curious
    i am curious
    i'm curious
    i'd be curious to know
    i'm curious to know
    i am curious to know
    i'd like to know
    i would like to know
    i'd love to know
    i want to know
    i wanted to know
    i'd like to understand
    i'd like to hear
    i'd love to hear
    i'm interested in knowing
    may i ask
    can i ask
    could i ask
    might i ask
    if i may ask
    do you know
    do you happen to know
    would you happen to know
    would you know
    """
)
# "Can you describe the firm's clients?": the request is the verb that follows
_POLITE_BEFORE = frozenset({"describe", "explain", "share", "walk", "outline", "list", "name"})
_POLITE_ONLY = _phrases("\n".join(_POLITE))
# Clauses of their own that say nothing of what is asked: "..., if you don't mind me
# asking?", "..., by the way?", "Thanks so much!"
_ASIDES = frozenset(
    _phrases(
        """
        if you don't mind me asking
        if you don't mind my asking
        if you do not mind me asking
        if you don't mind
        if you do not mind
        if i may ask
        if i may
        if i can ask
        if i might ask
        if that's ok
        if that's okay
        if that's alright
        if that's all right
        if it's ok
        if it's okay
        if it's not too personal
        if that's not too personal
        if you can share
        if you can say
        if you're able to share
        if you are able to share
        by the way
        just curious
        just wondering
        out of curiosity
        i'm curious
        i'm just curious
        i was just wondering
        please
        thanks
        thank you
        thanks so much
        thank you so much
        thanks in advance
        thanks a lot
        many thanks
        cheers
        hi
        hello
        hey
        """
    )
)
_LEADS = frozenset(phrase[0] for phrase in (*_OPENERS, *_ASKS, *_POLITE_ONLY))
FIRSTS = _LEADS | {phrase[0] for phrase in _ASIDES}

# Where the subject of an embedded clause starts: a determiner, a pronoun, a name.
_SUBJECT = _set("the a an your this that these those its their our his her my it they you we i")
_SUBJECT |= {"he", "she", "there", "people", "most", "@the", "@org"}
_SUBJECT |= {"some", "any", "all", "each", "every", "both", "several", "other", "another"}
_PLURAL_SUBJECT = frozenset({"they", "you", "we", "i"})
_PRONOUNS = _PLURAL_SUBJECT | {"he", "she", "it", "there"}
_MOVES = frozenset({"is", "are", "was", "were", "can", "could", "will", "would", "should"})
_MOVES |= {"may", "might", "must", "shall", "am"}
_HAVE = frozenset({"has", "have", "had"})
_COPULA = frozenset({"is", "are", "was", "were"})
_DO = frozenset({"does", "do", "did"})
_STOPS = frozenset({"that", "who", "which", "whom", "where", "when", "if", "whether", "and", "or"})
_IRREGULAR = {
    "began": "begin",
    "grew": "grow",
    "became": "become",
    "went": "go",
    "got": "get",
    "came": "come",
    "made": "make",
    "took": "take",
    "chose": "choose",
    "spun": "spin",
    "broke": "break",
    "sold": "sell",
    "built": "build",
    "kept": "keep",
    "led": "lead",
    "brought": "bring",
    "won": "win",
    "paid": "pay",
    "created": "create",
}
_KEEP_S = ("ss", "us", "is", "'s")
_E_AFTER = ("v", "z", "c", "rg", "dg", "ng", "ir", "ur", "bl", "pl", "tl", "us", "os", "rs")


class Reworded(NamedTuple):
    words: list[str]
    # each stretch (start, end) of ``words`` read otherwise than written (a clause turned
    # into question order, a lead-in read "tell me"), with its words as written, so a
    # message quotes the question's own
    said: tuple[tuple[int, int, tuple[str, ...]], ...]


def _present(word: str) -> str | None:
    """The base of a verb in the third person ("offers" -> "offer"), or None."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(_KEEP_S) or "'" in word:
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def _past(word: str) -> str | None:
    """The base of a verb in the past ("opened" -> "open", "moved" -> "move"), or None."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) < 5 or not word.endswith("ed") or word.endswith("eed"):
        return None
    stem = word[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # "stopped" -> "stop"
    if stem.endswith(_E_AFTER) or (stem.endswith("at") and stem[-3:-2] not in "aeiou"):
        return stem + "e"  # "moved", "created"
    return stem


def _ordered(inner: list[str]) -> list[str] | None:
    """An embedded clause as a question ("what the firm does" -> "what does the firm do"),
    or None when it is not one this can tell."""
    if not inner:
        return None
    if inner[0] in _YES_NO:
        head, start = [], 1
    elif inner[0] in _WH:
        start = next((i for i in range(1, min(len(inner), 5)) if inner[i] in _SUBJECT), 0)
        if not start or any(word in _AUX or word == CLAUSE for word in inner[1:start]):
            return None  # "what does the firm do": in question order already
        head = inner[:start]
    else:
        return None
    if head and len(inner) > start + 1 and inner[-1] in _COPULA:
        return [*head, inner[-1], *inner[start:-1]]  # "who the head of the whole firm is"
    for verb in range(start + 1, min(len(inner), start + 6)):
        word = inner[verb]
        before = inner[verb - 1]
        subject = inner[start:verb]
        if word == CLAUSE or word in _STOPS or word in _WH:
            return None
        rest = inner[verb + 1 :]
        if word in _MOVES and rest and rest[0] in _PRONOUNS:
            return None  # "what [grade] level would I start at": in question order already
        if word in _MOVES:
            return [*head, word, *subject, *rest]
        if word in _HAVE:
            if rest and (rest[0] == "been" or _past(rest[0])):
                return [*head, word, *subject, *rest]
            return [*head, "did" if word == "had" else "does", *subject, "have", *rest]
        if word in _DO:
            return [*head, word, *subject, "do", *rest]
        if before == "'s":
            continue  # "the firm's clients": still the subject
        base = _present(word)
        if base and len(subject) > 1:
            return [*head, "does", *subject, base, *rest]
        base = _past(word)
        if base:
            return [*head, "did", *subject, base, *rest]
        if len(subject) == 1 and subject[0] in _PLURAL_SUBJECT and word.isalpha():
            return [*head, "do", *subject, *inner[verb:]]  # "who you report to"
    return None


Index = dict[str, tuple[tuple[str, ...], ...]]  # a first word -> its phrases, longest first


def _index(phrases: tuple[tuple[str, ...], ...]) -> Index:
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:  # already longest first
        found.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(these) for first, these in found.items()}


_OPENING, _ASKING, _POLITE_AT = _index(_OPENERS), _index(_ASKS), _index(_POLITE_ONLY)


def _lead(words: list[str], at: int, phrases: Index) -> int:
    """The length of the longest of ``phrases`` that ``words`` holds at ``at``, or 0."""
    for phrase in phrases.get(words[at], ()):
        if tuple(words[at : at + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def opens_a_question(words: list[str]) -> bool:
    """Whether a sentence's words open as a question or a request does: a question word, a
    verb before its subject, a request ("tell", "describe") or a lead-in ("Could you...",
    "I was wondering..."), not as a statement ("I'm a nursing student.")."""
    if not words:
        return False
    if words[0] in _WH or words[0] in _AUX or words[0] in _REQUESTS:
        return True
    return any(_lead(words, 0, phrases) for phrases in (_OPENING, _ASKING, _POLITE_AT))


def _several_clauses(words: list[str]) -> bool:
    """Whether a clause mark stands before the last word (no copy of the list is made)."""
    marks = words.count(CLAUSE)
    return marks > 1 or (marks == 1 and words[-1] != CLAUSE)


def starts_a_clause(words: list[str]) -> bool:
    """Whether a word that may start a lead-in starts a clause of ``words`` (seldom)."""
    if not words:
        return False
    if words[0] in FIRSTS:
        return True
    if not _several_clauses(words):
        return False  # one clause, as most questions are
    last = len(words) - 1
    return any(
        word == CLAUSE and index < last and words[index + 1] in FIRSTS
        for index, word in enumerate(words)
    )


def _without_asides(words: list[str]) -> list[str]:
    """``words`` without the clauses that are asides (see :data:`_ASIDES`), unless nothing
    else is left."""
    clauses: list[list[str]] = [[]]
    for word in words:
        clauses[-1].append(word)
        if word == CLAUSE:
            clauses.append([])
    kept = [c for c in clauses if c and tuple(w for w in c if w != CLAUSE) not in _ASIDES]
    if not kept or len(kept) == len([c for c in clauses if c]):
        return list(words)
    return [word for clause in kept for word in clause]


def reword(words: list[str]) -> Reworded:
    """``words`` with a lead-in read apart from its question (see the module docstring);
    the caller has asked :func:`starts_a_clause` first."""
    out = _without_asides(words) if _several_clauses(words) else list(words)
    said: list[tuple[int, int, tuple[str, ...]]] = []
    at = 0
    while at < len(out):
        if at and out[at - 1] != CLAUSE:
            at = out.index(CLAUSE, at) + 1 if CLAUSE in out[at:] else len(out)
            continue
        if out[at] not in FIRSTS:
            at += 1
            continue
        size = _lead(out, at, _OPENING)
        after = at + size + (out[at + size : at + size + 1] == [CLAUSE])
        if size and after < len(out) and (out[after] in _STARTS or out[after] in _LEADS):
            del out[at:after]
            continue
        size = _lead(out, at, _ASKING)
        if size:
            after = at + size
            after += out[after : after + 1] == ["please"]
            if out[after : after + 1] == [CLAUSE] and after + 1 < len(out):
                del out[at : after + 1]  # "I was wondering, ...": a question of its own
                continue
            nxt = out[after] if after < len(out) else ""
            if nxt == "about":
                said.append((at, at + 2, tuple(out[at:after])))
                out[at:after] = ["tell", "me"]
                at += 2
                continue
            if nxt in _WH or nxt in _YES_NO:
                end = out.index(CLAUSE, after) if CLAUSE in out[after:] else len(out)
                ordered = _ordered(out[after:end])
                if ordered is None:
                    if nxt in _YES_NO:
                        at += 1
                        continue
                    del out[at:after]
                    continue
                said.append((at, at + len(ordered), tuple(out[after:end])))
                out[at:end] = ordered
                at += len(ordered)
                continue
            if nxt in _AUX:  # "I was wondering, is the firm hiring?"
                del out[at:after]
                continue
        size = _lead(out, at, _POLITE_AT)
        if size and at + size < len(out) and out[at + size] in _POLITE_BEFORE:
            del out[at : at + size]
            continue
        at += 1
    return Reworded(out, tuple(said))
