"""A takeaway the student noted, in the voice of the note that thanks the interviewer.

Students write advice as it was given: "Pick a program you can schedule on your days
off." Pasted into a note to the interviewer, that "you" would address the interviewer.
``writer_voice`` turns the student's second person into the first ("... I can schedule
on my days off"), reads a third-person report of the interviewer ("She said her first year
was the hardest") as addressed to them ("your first year was the hardest"), leaves words
in quotation marks exactly as written (they are the interviewer's own), and sorts each
sentence into advice, a statement, a question or a quotation so the note can frame it:
"your advice to pick ...", "your point that ...", "the question you left me with: ...".

The judgement is a small engine over the word lists in ``lexicon``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from infoview.model import read_text
from infoview.wording import lexicon as lx
from infoview.wording.pronouns import (
    Token,
    join,
    neighbour,
    sentences,
    tokens,
    turn,
    word_indexes,
)


class Kind(StrEnum):
    ADVICE = "advice"  # "Pick a program ..." -> text "pick a program ..."
    STATEMENT = "statement"  # "Triage is a shared spreadsheet."
    QUESTION = "question"  # "Do you want to manage people?" -> "Do I want ...?"
    QUOTE = "quote"  # '"Never file on the last day."' (kept exactly)
    GERUND = "gerund"  # "She recommends shadowing a charge nurse" -> "shadowing ..."
    RECOMMENDATION = "recommendation"  # "He recommended the ANCC certification"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a takeaway in the writer's voice.

    ``text`` has no closing punctuation (``end`` holds it). For advice it is the verb
    phrase ("pick a program I can ...") and ``negation`` is "", "not" or "never".
    ``lowered`` says whether the first word may be lower case inside a sentence; when
    False, frame the text after a colon.
    """

    kind: Kind
    text: str
    end: str = "."
    negation: str = ""
    lowered: bool = True

    @property
    def as_sentence(self) -> str:
        """The sentence on its own, capitalised and punctuated."""
        body = self.text
        if self.kind is Kind.ADVICE:
            body = {"not": "Don't ", "never": "Never "}.get(self.negation, "") + body
        return _capitalise(body) + self.end


@dataclass(frozen=True)
class Takeaway:
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        """The whole takeaway in the writer's voice, as plain sentences."""
        return " ".join(s.as_sentence for s in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> tuple[str, bool]:
    """Lower-case the first word when that is safe (see ``lexicon.LOWERABLE``)."""
    first = text.split(" ", 1)[0]
    low = first.lower().replace("’", "'")
    if first == "I" or first.startswith(("I'", "I’")):
        return text, True
    known = low in lx.LOWERABLE or low in lx.ADVICE_VERBS or low in lx.AMBIGUOUS_VERBS
    if known and first[1:] == first[1:].lower():  # not "IT", "NCLEX"
        return first.lower() + text[len(first) :], True
    return text, first[:1].islower()


def _name_tokens(names: Iterable[str]) -> list[list[str]]:
    """Ways the student may refer to the interviewer: she, he, Dana, Whitfield, Dana Whitfield."""
    forms = [["she"], ["he"], ["they"]]
    for name in names:
        words = [w.lower() for w in re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", name)]
        if words:
            forms += [words, words[:1], words[-1:], ["dr", *words[-1:]]]
    return sorted(forms, key=len, reverse=True)


def _strip_report(
    tokens: list[Token], names: list[list[str]]
) -> tuple[list[Token], str | None, bool]:
    """'She said to X' -> (tokens of 'to X', 'said', True): the lead and who it was."""
    idx = word_indexes(tokens)
    if not idx or any(t.kind == "quote" for t in tokens[: idx[0]]):
        return tokens, None, False  # '"Apply," she said, "early."': the quotation leads
    lows = [tokens[i].low for i in idx]
    for form in names:
        n = len(form)
        if lows[:n] != form or len(lows) <= n or lows[n] not in lx.REPORTING_VERBS:
            continue
        k = n + 1
        if k < len(lows) and lows[k] in {"me", "us"}:
            k += 1
        elif lows[k : k + 2] in (["to", "me"], ["to", "us"]):  # "said to me that ..."
            k += 2
        if k < len(lows) and lows[k] == "that":
            k += 1
        after = tokens[idx[k - 1] + 1 :]
        while after and after[0].text in " ,:":  # a space, a comma or a colon
            after = after[1:]
        if not any(t.kind in ("word", "quote") for t in after):
            return tokens, None, False
        return after, lows[n], form[0] in {"she", "he"}
    return tokens, None, False


def _sentence(tokens: list[Token], names: list[list[str]]) -> Sentence:
    tokens = list(tokens)  # read_text has stripped the end: no space to drop
    end = ""
    while tokens and tokens[-1].kind == "punct" and tokens[-1].text in ".!?":
        end = tokens.pop().text + end
    closed = bool(tokens) and tokens[-1].kind == "quote" and tokens[-1].text[-2:-1] in ".!?"
    end = end[:1] or ("" if closed else ".")  # 'she said, "early."' has its full stop
    quote = _quotation(tokens, end)
    if quote is not None:
        return quote
    body, verb, third = _strip_report(tokens, names)
    quote = _quotation(body, end)
    if quote is not None:
        return quote
    idx = word_indexes(body)
    lows = [body[i].low for i in idx]
    if not lows:
        return Sentence(Kind.STATEMENT, join(turn(tokens)), end, lowered=False)
    if any(t.kind == "quote" for t in body[: idx[0]]):
        verb = None  # 'said "you can" to you': not "said to ..."

    def rest(k: int) -> list[Token]:
        """The sentence from its k-th word on, with a quotation just before that word."""
        after = idx[k - 1] + 1 if k else 0
        first = next(i for i in range(after, len(body)) if body[i].kind in ("word", "quote"))
        return turn(body[first:], third_person=third)

    def advice(k: int, negation: str = "") -> Sentence:
        if k >= len(idx):  # "She said not to.", "You should not.": no advice to quote
            text, lowered = _lower_first(join(turn(tokens)))
            return Sentence(Kind.STATEMENT, text, end, lowered=lowered)
        text = join(_later_advice(rest(k), advice=True))
        first = text.split(" ", 1)[0]
        if first[1:] == first[1:].lower():  # "Take" -> "take", but "TAKE" stays
            text = text[:1].lower() + text[1:]
        return Sentence(Kind.ADVICE, text, end, negation)

    if verb is not None:
        if lows[0] == "to":
            return advice(1)
        if lows[:2] == ["not", "to"]:
            return advice(2, "not")
        if verb in lx.RECOMMENDING:
            if lows[0] in {"i", "we", "you"}:  # "suggested I take ...", "that you apply"
                return advice(1)
            if lows[0].endswith("ing") and end != "?":
                return Sentence(Kind.GERUND, _lower_first(join(rest(0)))[0], end)
            if lows[0] not in lx.LOWERABLE - {"the", "a", "an", "my", "your"}:
                text, lowered = _lower_first(join(rest(0)))
                return Sentence(Kind.RECOMMENDATION, text, end, lowered=lowered)
    if end == "?":
        text, lowered = _lower_first(join(rest(0)))
        return Sentence(Kind.QUESTION, text, end, lowered=lowered)
    if lows[0] == "you":
        for modal in lx.MODAL_ADVICE:
            n = len(modal)
            if tuple(lows[1 : 1 + n]) == modal and len(lows) > 1 + n:
                start = 1 + n
                if lows[start] == "not":
                    return advice(start + 1, "not")
                return advice(start)
    k = 0
    if lows[0] == "please":
        k = 1
    negation = ""
    if k < len(lows) and lows[k] in lx.NEGATIONS:
        negation, k = lx.NEGATIONS[lows[k]], k + 1
    elif lows[k : k + 2] == ["do", "not"]:
        negation, k = "not", k + 2
    start = k
    while k < len(lows) - 1 and lows[k] in lx.ADVICE_PREFIXES:
        k += 1
    if k < len(lows) and _is_advice_verb(lows, k):
        if negation:
            return advice(start, negation)
        return advice(start)
    fronted = _fronted_condition(body, lows)
    if fronted is not None:
        condition, main, negation = fronted
        turned_main = join(turn(main, third_person=third))
        turned_condition = join(turn(condition, third_person=third))
        text = turned_main[:1].lower() + turned_main[1:] + " " + turned_condition.lower()[:1]
        return Sentence(Kind.ADVICE, text + turned_condition[1:], end, negation)
    text, lowered = _lower_first(join(_later_advice(rest(0), advice=False)))
    return Sentence(Kind.STATEMENT, text, end, lowered=lowered)


_JOINING = frozenset({"so", "and", "but", "then", "or"})
_LOOKAHEAD = 12  # words looked at after a clause boundary or a possible verb


def _later_advice(tokens: list[Token], *, advice: bool) -> list[Token]:
    """Advice in a later clause, in the writer's voice.

    In a statement, "..., so talk about it" becomes "..., so I should talk about it"; in
    advice, "take X; ask for Y" becomes "take X and ask for Y" (after "your advice to").
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        out.append(tok)
        i += 1
        boundary = tok.kind == "punct" and tok.text == ";"
        if tok.kind == "punct" and tok.text == "," and not advice:
            nxt = neighbour(tokens, i - 1, +1)
            boundary = nxt is not None and nxt.low in _JOINING
        if not boundary or (advice and tok.text != ";"):
            continue
        following = []  # the few words after the boundary are all the test needs
        for j in range(i, min(len(tokens), i + 2 * _LOOKAHEAD)):
            if tokens[j].kind == "word":
                following.append(j)
        lows = [tokens[j].low for j in following]
        skip = 1 if lows[:1] and lows[0] in _JOINING and tok.text == "," else 0
        negation = ""
        if skip < len(lows) and lows[skip] in lx.NEGATIONS:
            negation = lx.NEGATIONS[lows[skip]]
        elif lows[skip : skip + 2] == ["do", "not"]:
            negation = "not"
        verb = skip + (2 if lows[skip : skip + 2] == ["do", "not"] else 1 if negation else 0)
        if verb >= len(lows) or not _is_advice_verb(lows, verb):
            continue
        out.extend(tokens[i : following[skip]])  # the space, and "so " or "and "
        if advice:
            out[-len(tokens[i : following[skip]]) - 1] = Token(
                "word", f" and {negation}" if negation else " and"
            )
        else:
            phrase = {"not": "I shouldn't", "never": "I should never"}.get(negation, "I should")
            out.append(Token("word", phrase + " "))
        i = following[verb]
    return out


def _fronted_condition(
    body: list[Token], lows: list[str]
) -> tuple[list[Token], list[Token], str] | None:
    """'If you're nervous, volunteer first' -> ('If you're nervous', 'volunteer first')."""
    if lows[0] not in lx.CONDITIONS:
        return None
    comma = next((i for i, t in enumerate(body) if t.kind == "punct" and t.text == ","), None)
    if comma is None:
        return None
    after = [t.low for t in body[comma + 1 :] if t.kind == "word"]
    skip = 1 if after[:1] and after[0] in lx.NEGATIONS else 2 if after[:2] == ["do", "not"] else 0
    if len(after) <= skip or not _is_advice_verb(after, skip):
        return None
    main = body[comma + 1 :]
    words = [i for i, t in enumerate(main) if t.kind == "word"]
    negation = lx.NEGATIONS.get(after[0], "not") if skip else ""
    return body[:comma], main[words[skip] :], negation


def _quotation(body: list[Token], end: str) -> Sentence | None:
    """A sentence that is a quotation, perhaps attributed ('"..." she said')."""
    significant = [t for t in body if t.kind != "space"]
    quotes = [t for t in significant if t.kind == "quote"]
    if len(quotes) != 1:
        return None
    if significant[0] is not quotes[0]:
        return None
    others = [t for t in significant[1:] if t.kind == "word"]
    # '"...," she said', '"...," Dr. Lee told me today': a reporting verb among the first words
    if others and not {t.low for t in others[:4]} & lx.REPORTING_VERBS:
        return None
    text = quotes[0].text
    if text[-2:-1] == ",":  # '"Chart as if ...," she said.' ends the sentence
        text = text[:-2] + "." + text[-1]
    return Sentence(Kind.QUOTE, text, end="", lowered=False)


def _is_advice_verb(lows: list[str], k: int) -> bool:
    """Whether the word at ``k`` starts advice: "Take ...", "Practice your pitch ..."."""
    word = lows[k]
    second = lows[k + 1] if k + 1 < len(lows) else None
    if second in lx.NOT_ADVICE_SECOND:
        return False
    if word == "thank" and second == "you" and lows[k + 2 : k + 3] != []:
        return lows[k + 2] not in lx.THANK_YOU_NOUNS  # "Thank you notes matter ..."
    if word in lx.ADVICE_VERBS:
        return True
    if word not in lx.AMBIGUOUS_VERBS:
        return False
    # "Practice your pitch" / "Practice system design out loud" (no other verb follows),
    # but not "Practice makes perfect" or "Plan reviews take six weeks".
    return second in lx.OBJECT_STARTS or not any(
        _finite(w) for w in lows[k + 1 : k + 1 + _LOOKAHEAD]
    )


def _finite(word: str) -> bool:
    """A word that could be the verb of a clause whose subject came before it."""
    if word in lx.NOT_ADVICE_SECOND or word in lx.VERB_SIGNALS:
        return True
    verbs = lx.ADVICE_VERBS | lx.AMBIGUOUS_VERBS
    return word in verbs or (word.endswith("s") and word[:-1] in verbs)


def writer_voice(text: str, *, interviewer: Iterable[str] = ()) -> Takeaway:
    """Read a takeaway the student wrote; ``interviewer``: the names that refer to them."""
    plain = read_text(text)  # a link as its text, no emphasis
    names = _name_tokens(interviewer)
    return Takeaway(tuple(_sentence(s, names) for s in sentences(tokens(plain))))
