"""Hurried spellings of a draft, read as the words they stand for.

A student types "whats the firms mission", "r u hiring", "youre", "Ill be" or "the
companys values". :mod:`infoview.judge.text` sends a question's tokens through
:func:`spelt_out` when one of :data:`TRIGGERS` is among them, and through
:func:`possessives` when a word ends in "ys": each spelling reads as the words it stands
for ("what is", "are you", "you're", "i'll", "company 's"), and only where no other word
is spelt so ("ill" stays "ill" but before a verb, "firms" stays a plural).
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Spellings of a hurried draft, read as the words they stand for.
INFORMAL: dict[str, tuple[str, ...]] = {
    "whats": ("what", "is"),
    "whos": ("who", "is"),
    "wheres": ("where", "is"),
    "hows": ("how", "is"),
    "whens": ("when", "is"),
    "u": ("you",),
    "ur": ("your",),
    "y'all": ("you",),
    "yall": ("you",),
    "cuz": ("because",),
    "wat": ("what",),
    "wut": ("what",),
    "ppl": ("people",),
    "wud": ("would",),
    "cud": ("could",),
    "shud": ("should",),
    "abt": ("about",),
    "kinda": ("kind", "of"),
    "sorta": ("sort", "of"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "thru": ("through",),
    "tho": ("though",),
    "pls": ("please",),
    "plz": ("please",),
    "im": ("i'm",),
    "dont": ("don't",),
    "doesnt": ("doesn't",),
    "cant": ("can't",),
    "ive": ("i've",),
    # an apostrophe left out: words that are no other word without it
    "youre": ("you're",),
    "youve": ("you've",),
    "youll": ("you'll",),
    "youd": ("you'd",),
    "theyre": ("they're",),
    "isnt": ("isn't",),
    "arent": ("aren't",),
    "wasnt": ("wasn't",),
    "werent": ("weren't",),
    "didnt": ("didn't",),
    "hasnt": ("hasn't",),
    "havent": ("haven't",),
    "wouldnt": ("wouldn't",),
    "couldnt": ("couldn't",),
    "shouldnt": ("shouldn't",),
}
# "ill" and "id" are words of their own, and "I'll", "I'd" only before a verb that follows
_BEFORE_VERB = frozenset({"be", "have", "need", "get", "start", "work", "report", "make", "like"})
_BEFORE_VERB |= {"love", "want", "earn", "receive", "see", "do", "join", "begin", "go", "take"}
_BEFORE_VERB |= {"travel", "spend", "use", "manage", "handle", "train", "lead", "supervise"}
_APOSTROPHE_LEFT_OUT = {"ill": "i'll", "id": "i'd"}
# the tokens that send a question through spelt_out ("r" is "are" only before a person)
TRIGGERS = frozenset(INFORMAL) | frozenset(_APOSTROPHE_LEFT_OUT) | {"r"}


# "r" is "are" only before a person: "r u hiring", not "Plan R" or "R&D".
_ARE_BEFORE = frozenset({"u", "you", "they", "we", "there", "ur", "your"})


def spelt_out(tokens: list[str]) -> list[str]:
    """Each hurried spelling as its words; a letter before a mark ("the U.S. office") is
    an abbreviation's, not "you"."""
    out: list[str] = []
    for index, token in enumerate(tokens):
        if token == "r" and tokens[index + 1 : index + 2] and tokens[index + 1] in _ARE_BEFORE:
            out.append("are")
            continue
        if (
            token in _APOSTROPHE_LEFT_OUT
            and tokens[index + 1 : index + 2]
            and tokens[index + 1] in _BEFORE_VERB
        ):
            out.append(_APOSTROPHE_LEFT_OUT[token])  # "what will ill be doing": "I'll"
            continue
        words = INFORMAL.get(token)
        if words and not (len(token) <= 2 and tokens[index + 1 : index + 2] == ["|"]):
            out.extend(words)
        else:
            out.append(token)
    return out


# Before an organisation's noun spelt as a plural, a possessive's apostrophe may be missing.
_POINTERS = frozenset({"the", "this", "that", "your", "our", "their"})
# What follows a possessive organisation ("the hospitals values"), and never follows the
# plural subject of a verb ("do the hospitals hire"): what it has, is and publishes.
HELD = _set(
    "values mission vision goals purpose motto history background story founder founders "
    "owner owners ceo president director directors chair leadership leaders management "
    "board trustees structure size staff staffing headcount workforce revenue revenues "
    "budget turnover income funding finances profits endowment assets clients customers "
    "patients students members donors client customer patient student member specialties "
    "specialty services products programs programmes offerings practice research "
    "collection collections catchment graduation enrollment enrolment ranking rankings "
    "reputation commitment website address headquarters locations offices branches "
    "campuses sites name logo slogan annual total main primary core biggest largest key "
    "top typical current recent latest newest overall most"
)


# What an organisation's noun before it owns without an "'s" ("the company values", "the
# hospital mission"), where no compound means another thing ("company culture" is its
# culture too, but "practice management" is a trade and "hospital staff" anyone's).
_OWNED = _set(
    "values mission vision goals purpose motto history background story founder founders "
    "owner owners ceo president leadership board headquarters size budget revenue revenues "
    "website structure slogan address locations"
)


def possessives(out: list[str], nouns: frozenset[str], written: str = "") -> list[str]:
    """A possessive whose apostrophe was left out, read "company 's": where no plural is
    spelt so ("the companys mission", "agencys"), and where a plural could not stand, after
    "the" or "your" and before what an organisation has ("the hospitals values", "the
    districts goals"; "do the hospitals hire" keeps its plural, and so does a plural's
    possessive ``written`` with its apostrophe, "the firms' size"); and a noun's own
    possessive with no "'s" at all, "the company values", "your hospital mission"."""
    result: list[str] = []
    last = len(out) - 1
    for index, token in enumerate(out):
        stem = token[:-1]
        no_plural = token.endswith("ys") and len(token) > 4 and token[-3] not in "aeiou"
        if (
            stem in nouns
            and token[-1:] == "s"
            and (
                no_plural
                or (
                    0 < index < last
                    and out[index - 1] in _POINTERS
                    and out[index + 1] in HELD
                    and f"{token}'" not in written
                )
            )
        ):
            result += [stem, "'s"]
        elif (
            token in nouns
            and 0 < index < last
            and out[index - 1] in _POINTERS
            and out[index + 1] in _OWNED
            and stem not in nouns  # "the firms history" is read above, or not at all
        ):
            result += [token, "'s"]  # "the company values" reads "the company 's values"
        else:
            result.append(token)
    return result
