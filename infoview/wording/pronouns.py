"""Words and sentences of a takeaway, and the student's second person turned into the first.

``turn`` rewrites "you" as "I" or "me" by its place in the clause (after "to", "with" or
"tell" it is an object: "teach you" -> "teach me"; before a verb, or after "that", "if"
or "when", a subject: "you can" -> "I can"), "your" as "my", "you're" as "I'm" and so on,
with the verb agreeing ("you are" -> "I am", "are you" -> "am I"); "you" before a modal or
"are" is a subject whatever precedes it ("I know you can" -> "I know I can"). With
``third_person`` the interviewer's she/he becomes "you" and the verb agrees again ("she
loves" -> "you love", "she's" -> "you're"). Quotations are single
tokens and never change; set phrases ("say thank you", "between you and me") keep their
"you". Used by ``voice``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from infoview.wording import lexicon as lx

_TOKEN = re.compile(
    r"""(?P<quote>"[^"\n]*"|“[^“”\n]*”|‘[^‘’\n]*’|(?<!\w)'[^'\n]+'(?!\w))"""
    r"""|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*)"""
    r"""|(?P<space>\s+)"""
    r"""|(?P<punct>.)""",
    re.DOTALL,
)
_ABBREVIATIONS = lx.words("dr mr mrs ms mx prof st jr sr vs etc no e.g i.e approx")
_CLAUSE_PUNCT = frozenset(",;:()—–")


@dataclass
class Token:
    kind: str  # word | space | punct | quote
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


def tokens(text: str) -> list[Token]:
    return [Token(str(m.lastgroup), m.group()) for m in _TOKEN.finditer(text)]


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """Split at . ! ? followed by a space and a capital or a quotation (not after "Dr.")."""
    out: list[list[Token]] = [[]]
    for i, tok in enumerate(tokens):
        out[-1].append(tok)
        if tok.kind != "punct" or tok.text not in ".!?":
            continue
        before = next((t for t in reversed(out[-1][:-1]) if t.kind != "space"), None)
        abbreviation = (
            before is not None
            and before.kind == "word"
            and (before.low in _ABBREVIATIONS or len(before.text) == 1)
        )
        if tok.text == "." and abbreviation:
            continue
        rest = tokens[i + 1 :]
        if not rest:
            continue
        if rest[0].kind != "space" or len(rest) < 2:
            continue
        following = rest[1]
        if following.kind == "quote" or following.text[:1].isupper():
            out.append([])
    return [s for s in out if any(t.kind != "space" for t in s)]


def word_indexes(tokens: Sequence[Token]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.kind == "word"]


def near(tokens: Sequence[Token], i: int, step: int) -> int | None:
    """The index of the next word before (step -1) or after (+1) token i in its clause."""
    j = i + step
    while 0 <= j < len(tokens):
        tok = tokens[j]
        if tok.kind == "word":
            return j
        if tok.kind == "quote" or (tok.kind == "punct" and tok.text in _CLAUSE_PUNCT | {*".!?"}):
            return None
        j += step
    return None


def neighbour(tokens: Sequence[Token], i: int, step: int) -> Token | None:
    """The next word before (step -1) or after (+1) token i within its clause, or None."""
    j = near(tokens, i, step)
    return None if j is None else tokens[j]


def _you_is_object(prev: Token | None, nxt: Token | None) -> bool:
    before = prev.low if prev else None
    after = nxt.low if nxt else None
    if after in _FINITE:
        return False
    if before in lx.OBJECT_PREPOSITIONS or before in lx.OBJECT_VERBS:
        return True
    if before in lx.CONJUNCTION_PREPOSITIONS:
        return after is None or (after not in lx.VERB_SIGNALS and after in lx.OBJECT_STARTS)
    if before is None or before in lx.CLAUSE_OPENERS:
        return False
    return after is None or after in lx.OBJECT_STARTS


def _keep_thank_you(tokens: Sequence[Token], i: int) -> bool:
    """'say thank you', 'a thank-you note': a set phrase, not the student's you."""
    j = near(tokens, i, -1)
    if j is None or tokens[j].low != "thank":
        return False
    before = neighbour(tokens, j, -1)
    nxt = neighbour(tokens, i, +1)
    return (before is not None and before.low in {"say", "says", "said", "saying", "a", "the"}) or (
        nxt is not None and nxt.low in lx.THANK_YOU_NOUNS
    )


def _set_phrase(tokens: Sequence[Token], i: int) -> bool:
    """'say thank you', 'between you and me': the student's you is not in these."""
    if _keep_thank_you(tokens, i):
        return True
    nxt = near(tokens, i, +1)
    if nxt is None or tokens[nxt].low != "and":
        return False
    after = neighbour(tokens, nxt, +1)
    return after is not None and after.low in {"me", "i"}


def _case_like(original: str, replacement: str) -> str:
    """``replacement`` capitalised as ``original`` is ("Your" -> "My"); "I..." always is."""
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


_SECOND_PERSON = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "yourselves": "ourselves",
    "you're": "I'm",
    "you'll": "I'll",
    "you've": "I've",
    "you'd": "I'd",
}
_AFTER_I = {"are": "am", "were": "was", "aren't": "am not", "weren't": "wasn't"}
_BEFORE_I = {"are": "am", "were": "was", "aren't": "aren't", "weren't": "wasn't"}
_SUBJUNCTIVE = frozenset({"if", "wish", "though"})
# A finite verb: "you" before one is its subject even after "tell" ("told you can" -> "told
# I can"), never an object ("told me can").
_FINITE = lx.words(
    "can could will would should shall may might must cannot can't won't wouldn't "
    "shouldn't couldn't mustn't are were aren't weren't"
)
# She/he turned into "you": the verb agrees ("she loves" -> "you love", "does she" -> "do you").
_THIRD_CONTRACTED = {"she's": "you're", "he's": "you're", "she'll": "you'll", "he'll": "you'll"}
_THIRD_CONTRACTED |= {"she'd": "you'd", "he'd": "you'd"}
_PLURAL = {"is": "are", "was": "were", "has": "have", "does": "do"}
_PLURAL |= {"isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}
# Verbs whose -es follows a single s ("focuses" -> "focus"); most -ses verbs only add an s
# ("uses" -> "use", "advises" -> "advise"), which a suffix cannot tell apart.
_ES_AFTER_S = lx.words("focuses refocuses biases canvases gases buses")
_ADVERBS = lx.words("always never often usually really still also just sometimes only already")


def turn(tokens: list[Token], *, third_person: bool = False) -> list[Token]:
    """Second person -> first (outside quotations); with ``third_person``, she/he -> you."""
    out = [Token(t.kind, t.text) for t in tokens]
    for i in word_indexes(out):
        tok = out[i]
        low = tok.low
        apostrophe = "’" if "’" in tok.text else "'"
        if low in _SECOND_PERSON:
            tok.text = _case_like(tok.text, _SECOND_PERSON[low].replace("'", apostrophe))
        elif low == "you":
            if _set_phrase(out, i):
                continue
            prev, nxt = neighbour(out, i, -1), neighbour(out, i, +1)
            if prev is not None and prev.low in _BEFORE_I:
                # "are you ready?" -> "am I ready?", "how are you?" -> "how am I?"
                prev.text = _case_like(prev.text, _BEFORE_I[prev.low])
                tok.text = "I"
            elif _you_is_object(prev, nxt):
                tok.text = _case_like(tok.text, "me")
            else:
                tok.text = "I"
                if nxt is not None and nxt.low in _AFTER_I:
                    subjunctive = prev is not None and prev.low in _SUBJUNCTIVE
                    if not (subjunctive and nxt.low == "were"):
                        nxt.text = _AFTER_I[nxt.low]
        elif third_person and low in lx.THIRD_PERSON:
            tok.text = _case_like(tok.text, lx.THIRD_PERSON[low])
            if low in ("she", "he"):
                _agree(out, i)
        elif third_person and low in _THIRD_CONTRACTED:
            turned = _THIRD_CONTRACTED[low].replace("'", apostrophe)
            nxt = neighbour(out, i, +1)
            if nxt is not None and nxt.low == "been":  # "she's been" -> "you've been"
                turned = turned.replace("re", "ve")
            tok.text = _case_like(tok.text, turned)
        elif third_person and low == "her":
            nxt = neighbour(out, i, +1)
            possessive = nxt is not None and nxt.low not in lx.OBJECT_STARTS - {"first"}
            tok.text = _case_like(tok.text, "your" if possessive else "you")
    return out


def _agree(tokens: list[Token], i: int) -> None:
    """The verb of "you" at ``i`` (once she or he) in the plural: "you loves" -> "you love"."""
    prev = neighbour(tokens, i, -1)
    if prev is not None and prev.low in _PLURAL:  # "does she know", "..., isn't she?"
        prev.text = _case_like(prev.text, _plural(prev))
        return
    j = near(tokens, i, +1)
    while j is not None and tokens[j].low in _ADVERBS:
        j = near(tokens, j, +1)
    if j is None:
        return
    tokens[j].text = _case_like(tokens[j].text, _plural(tokens[j]))
    # "she focuses on trusts and loves teaching": a verb joined to the first shares its
    # subject. Only a word that reads as a verb is changed, one after an adverb ("and
    # often trains") or before an -ing word, "to", a determiner or an object pronoun
    # ("and trusts her team"); "trusts and wills", "wills and trusts for families" keep
    # their nouns, and "and advises clients" is left as written rather than guessed.
    k = near(tokens, j, +1)
    while k is not None:
        if tokens[k].low in _SUBJECTS:
            return  # a clause of its own ("and he says")
        if tokens[k].low in _JOINING:
            verb = near(tokens, k, +1)
            adverb = False
            while verb is not None and tokens[verb].low in _ADVERBS:
                verb, adverb = near(tokens, verb, +1), True
            if verb is not None and _joined_verb(tokens, verb, adverb):
                tokens[verb].text = _case_like(tokens[verb].text, _plural(tokens[verb]))
        k = near(tokens, k, +1)


_JOINING = frozenset({"and", "but", "or"})
_SUBJECTS = frozenset({"i", "you", "he", "she", "we", "they", "it", "who", "which", "that"})
# What follows a verb but not a plural noun in a list: its object's first word.
_COMPLEMENTS = lx.words(
    "the a an my your her his their our its this that these those every each all some any "
    "to it them him me us people everyone everything"
)


def _joined_verb(tokens: list[Token], at: int, adverb: bool) -> bool:
    """Whether the word at ``at``, after "and" (and an adverb, if ``adverb``), is a verb."""
    if adverb or tokens[at].low in _PLURAL:  # "and often trains", "and is", "and has"
        return True
    after = near(tokens, at, +1)
    if after is None:
        return False
    word = tokens[after].low
    return word in _COMPLEMENTS or (word.endswith("ing") and len(word) > 4)


def _plural(verb: Token) -> str:
    """A verb of the third person singular in the plural: loves -> love, tries -> try."""
    word, apostrophe = verb.low, "’" if "’" in verb.text else "'"
    if word in _PLURAL:
        return _PLURAL[word].replace("'", apostrophe)
    if not word.endswith("s") or word.endswith(("ss", "us")) or "'" in word:
        return verb.text  # "worked", "can", "she'd": no agreement to make
    if word.endswith("ies") and len(word) > 4:
        return verb.text[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")) or word in _ES_AFTER_S:
        return verb.text[:-2]
    return verb.text[:-1]


def join(tokens: Iterable[Token]) -> str:
    return "".join(t.text for t in tokens).strip()
