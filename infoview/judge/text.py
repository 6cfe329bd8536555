"""Turn a question into the plain token string the grammar's patterns read.

The patterns never see raw text: a question becomes lower-case words joined by single
spaces, so a pattern spells a gap between words as one space and needs no ``\\s+``.

- Punctuation that ends a clause (``? ! . , ; : ( )``) becomes the token ``|``, so "do"
  at the end of "What does your firm do?" can be told from "do" in "... do when a
  filing is late".
- A possessive is its own token: "firm's" reads ``firm 's`` (and "firms'" ``firms``).
- A name stands for the organisation: the interview's own organisation (from its front
  matter), a bracketed placeholder ("[company name]") and a run of capitalised words
  inside the sentence ("Marlow & Reyes") all become ``@the @org`` (an unseen "the", so
  "What does Acme do?" reads like "What does the firm do?"). A noun for an organisation
  ("your *hospital*") becomes ``@org`` as well, so the patterns need one token, not a
  list of ninety nouns. The words are kept, so a message quotes the question's own.
- A list's numbering ("1)", "(a)", "Q3:") is not read, and a question written all in
  capitals or in title case ("What Does Your Firm Do?") is read in lower case: its
  capitals say nothing about names. A hurried spelling reads as its words ("whats" as
  "what is", "u" as "you", "the companys" as "the company's": :mod:`.spelling`).
- A lead-in is read apart from its question (:mod:`.asking`): "Could you tell me what the
  firm does?" reads ``what does the @org do |``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from infoview.judge import asking, spelling

# A word (letters or digits, with inner apostrophes or hyphens), a placeholder, or a
# punctuation mark that ends a clause. Bounded pieces only: no pattern here backtracks.
_TOKEN = re.compile(r"\[[^\[\]]{1,60}\]|<[^<>]{1,60}>|[^\W_]+(?:['’-][^\W_]+)*|[?!.;:,()]")
_CLAUSE = frozenset("?!.;:,()")
_LEGAL = frozenset({"llp", "llc", "inc", "ltd", "plc", "pc", "pllc", "corp", "co", "gmbh"})
ORG = "@org"
THE = "@the"  # an unseen "the" before a name, so "What does Acme do?" reads like "the firm"
# "what's" reads "what is": a possessive after these words is a contraction.
_IS = frozenset(
    {"what", "who", "where", "how", "it", "that", "there", "here", "when", "why", "which"}
)
# Capital letters that name a unit, a role or a document, not an organisation.
_ACRONYMS_TEXT = (
    "icu nicu picu er ed or hr it qa ui ux pr ai ml cv cvs phd md rn rns np pa lpn cna ceo "
    "cfo cto coo vp svp evp us uk eu llm jd mba cpa pe ehr emr crm seo sql api ok aka faq "
    "pto gpa sat lsat mcat gre bsn msn dnp pt ot slp k-12 stem dei esl ell iep pnp nps fnp "
    "crna ebit ebitda roi kpi kpis okr okrs ipo esg csr b2b b2c saas nda ndas hmo ppo rvu rvus "
    "cme ceu id"
)
_ACRONYMS = frozenset(_ACRONYMS_TEXT.split())
# Common words written in capitals for emphasis ("So what is it REALLY like?"), not names.
_EMPHASIS_TEXT = (
    "really not very actually always never ever most least best worst all any only truly "
    "exactly just so too do does did is are was were can could should would will must need "
    "want what why how who where when which you your me my we our they them their no yes "
    "every each much many more less real true first last before after now still also here "
    "there this that important honestly like love hate"
)
_PLAIN_CAPS = _ACRONYMS | frozenset(_EMPHASIS_TEXT.split())
MAX_TOKENS = 120  # a question is a sentence or two; the rest of a long item is not read
# A capitalised run ending in one of these is a term written in title case ("Is there
# Charge Pay?", "a completion Bonus", "Continuous Integration", "a Formal Mission"), not a
# name: its words are read as words.
_TERM_ENDS_TEXT = (
    "pay bonus bonuses salary salaries benefits holidays vacation insurance overtime pension "
    "stipend allowance leave differential integration review reviews testing deployment "
    "programming retrospectives standups mission values vision "
    # what a title-cased draft capitalises of the asker's own post: "What is your Job Title?"
    "title role position duties responsibilities schedule"
)
_TERM_ENDS = frozenset(_TERM_ENDS_TEXT.split())
_AFTER_TERM = frozenset({"and", "or", "for", "in", "is", "are", "included", "offered"})


_DETERMINERS = frozenset({"your", "the", "this", "that", "our", "its", "their", "a", "an", "my"})


def _add_org(out: list[str]) -> None:
    if not out or out[-1] not in _DETERMINERS:
        out.append(THE)
    out.append(ORG)


class Question(NamedTuple):
    words: list[str]  # the tokens, in order
    names: tuple[str, ...]  # the original words behind each ``@org``, in order
    # each stretch read otherwise than written (:mod:`.asking`): its tokens (start, end)
    # and the words it was written in, which a quote shows
    said: tuple[tuple[int, int, tuple[str, ...]], ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def quote(self, start: int, end: int) -> str:
        """Words ``start`` to ``end`` (token indices), each ``@org`` back to its own words;
        a stretch read otherwise than written is quoted as it was written."""
        words = self.words[start:end]
        if self.said:
            overlap = [stretch for stretch in self.said if start < stretch[1] and end > stretch[0]]
            if overlap:
                start = min(start, overlap[0][0])
                stop = max(end, overlap[-1][1])
                words, index = [], start
                for first, last, written in overlap:
                    words += [*self.words[index:first], *written]
                    index = last
                words += self.words[index:stop]
        names = iter(self.names[self.words[:start].count(ORG) :])
        out = []
        for word in words:
            if word == THE:
                continue
            if word == ORG:
                word = next(names, word)
            out.append(word)
        return " ".join(out).replace(" 's", "'s").replace(" |", ",")


# Words an organisation's name ends in that say what kind it is, not which: "Kessler Health"
# is "kessler" in a student's notes, "St. Brigid's Medical Center" is "st brigids".
_GENERIC_TEXT = (
    "medical health healthcare capital insurance engineering engineers consulting consultants "
    "partners associates legal law financial services solutions systems technologies "
    "technology labs holdings group international global national regional community "
    "memorial general unified county public high elementary middle primary secondary "
    "center centre"
)
_GENERIC = frozenset(_GENERIC_TEXT.split())
# First words too common to name an organisation alone ("First Prairie Bank" is no "first").
_COMMON_FIRST_TEXT = (
    "first united national american general new city county state public community global "
    "central north south east west royal capital metro saint grace hope union people peoples "
    "great big little old"
)
_COMMON_FIRST = frozenset(_COMMON_FIRST_TEXT.split())


@lru_cache(maxsize=64)
def _name_forms(organisation: str, nouns: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The ways a question writes the interview's organisation in lower case, longest
    first: its words as the reader splits them (without a legal suffix or "the"), its name
    without the words that only say its kind ("kessler" for "Kessler Health LLC"), and a
    possessive in the name written without its apostrophe ("st brigids") or its "s"."""
    words = [w for w in _words_of(organisation[:200].lower()) if w != "|"]
    while words and words[-1] in _LEGAL:
        words.pop()
    if words and words[0] == "the":
        words.pop(0)
    if not words:
        return ()
    forms = {tuple(words)}
    core = list(words)
    while len(core) > 1 and (core[-1] in _GENERIC or core[-1] in nouns):
        core.pop()
    if core != words and (len(core) > 1 or (len(core[0]) >= 4 and core[0] not in _COMMON_FIRST)):
        forms.add(tuple(core))
    for form in list(forms):
        if "'s" in form[1:]:
            at = form.index("'s", 1)
            forms.add((*form[: at - 1], form[at - 1] + "s", *form[at + 1 :]))
            forms.add((*form[:at], *form[at + 1 :]))
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _words_of(text: str) -> list[str]:
    """A lower-case text's words, as the reader splits them when it holds an apostrophe or
    a hyphen: "what's" reads "what is", a possessive's "'s" is a word of its own."""
    text = text.replace("’", "'")
    return _FAST.findall(_marks(_POSSESSIVE.sub(" 's", _CONTRACTION.sub(r"\1 is", text))))


def _name_at(out: list[str], index: int, form: tuple[str, ...]) -> int:
    """How many tokens from ``index`` write ``form`` (0 if they do not); a full stop after
    a short word of it is read through ("st. brigid's")."""
    at = index
    for number, word in enumerate(form):
        if number and at + 1 < len(out) and out[at] == "|" and len(form[number - 1]) <= 3:
            at += 1
        if at >= len(out) or out[at] != word:
            return 0
        at += 1
    return at - index


# "I" with its apostrophe left out ("Ill be", "Im"): the pronoun, not a name
_I_WITHOUT_APOSTROPHE = frozenset({"Im", "Ive", "Ill", "Id"})


def _capitalised(word: str) -> bool:
    return (
        word[0].isupper()
        and not word.isupper()
        and not word.startswith("I'")
        and word not in _I_WITHOUT_APOSTROPHE
    )


_CONTRACTION = re.compile(r"\b(what|who|where|how|it|that|there|here|when|why|which)'s\b")
_POSSESSIVE = re.compile(r"(?<=[^\W_])'s\b")
_FAST = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|\||'s\b")


_OPENERS = "\"'“‘(["


def _without_names(question: str) -> bool:
    """True when no capital letter or placeholder can stand for a name (most questions)."""
    if "[" in question or "<" in question:  # a placeholder, even the first word
        return False
    tail = question[1:]
    if tail == tail.lower():
        return True
    previous = ""
    for index, raw in enumerate(question.split()):
        word = raw.lstrip(_OPENERS)
        if word[:1].isupper() and index and not previous.endswith(("?", "!", ".", ":")):
            core = word.rstrip("?!.,;:)\"'”’")
            pronoun = core == "I" or core.startswith(("I'", "I’"))
            pronoun = pronoun or core in _I_WITHOUT_APOSTROPHE
            if not pronoun and not (core.isupper() and core.lower() in _PLAIN_CAPS):
                return False
        previous = raw
    return True


def _marks(text: str) -> str:
    """Clause marks become ``|``; other marks (quotes, slashes, ampersands) spaces."""
    for mark in "?!.;:,()":
        if mark in text:
            text = text.replace(mark, " | ")
    for mark in _SPACED:
        if mark in text:
            text = text.replace(mark, " ")
    return text


# a note's "# of", "# employees" (a space, then a letter: not "#1" or "#metoo") and "No. of"
_NUMBER_OF = re.compile(r"#\s?(?i:of)\s|#\s(?=[^\W\d_])|\b[Nn][Oo]\.\s?of\s")  # not "no. Of course"
_TAX_STATUS = re.compile(r"501\s?\(\s?[cC]\s?\)\s?(?:\(\s?(\d{1,2})\s?\))?")
# a retirement plan's name is one word too: "401(k)" and "403(b)" read "401k", "403b"
_PLAN = re.compile(r"\b(401|403|457)\s?\(\s?([kKbB])\s?\)")
_SPACED = '"“”‘/&*_+=#~^`@$%{}\\'
# A list's own numbering before a question: "1)", "(a)", "b.", "Q3:", a bullet.
_ENUMERATOR = re.compile(
    r"(?:\(?[0-9]{1,3}[.)]|[a-zA-Z][.)]|\([a-zA-Z0-9]{1,3}\)|[Qq][0-9]{0,3}\s?[:.)]|[-*•‣–—])\s++"
)
_LETTERS = re.compile(r"[^\W\d_]+")


# Marks of other scripts and keyboards, read as the marks they stand for once NFKC has
# made full-width forms plain ("Are you hiring？" from a Chinese or Japanese keyboard):
# Spanish opening marks and guillemets are quotes; a dash set apart by spaces ends a clause.
_OTHER_MARKS = str.maketrans({"¿": " ", "¡": " ", "«": " ", "»": " ", "„": " ", "‹": " ", "›": " "})
_SPACED_DASH = re.compile(r"\s[\u2012-\u2015]\s?|[\u2012-\u2015]\s|\u2015")


def _ascii_marks(question: str) -> str:
    """Full-width letters and marks (NFKC), an ellipsis, other scripts' quotes and the
    dashes as the ASCII marks the grammar reads; an unspaced en dash joins like a hyphen."""
    text = unicodedata.normalize("NFKC", question).translate(_OTHER_MARKS)
    if any("\u2012" <= c <= "\u2015" for c in text):
        text = _SPACED_DASH.sub(" , ", text).replace("\u2013", "-").replace("\u2012", "-")
        text = text.replace("\u2014", " , ")
    return text


def _plain(question: str) -> str:
    """The question without a list's numbering, and in lower case when its capitals say
    nothing about names: all in capitals ("WHAT DOES YOUR FIRM DO?") or nearly every word
    capitalised, as in a title ("What Does a Typical Day Look Like?"). Marks typed on other
    keyboards read as ASCII's (:func:`_ascii_marks`)."""
    if not question.isascii():
        question = _ascii_marks(question)
    numbered = _ENUMERATOR.match(question.lstrip())
    if numbered:
        question = question.lstrip()[numbered.end() :]
    if question[1:] == question[1:].lower():  # most questions: no capital after the first
        return question
    words = _LETTERS.findall(question[:400])
    if len(words) >= 3 and not any(c.islower() for c in question):
        return question.lower()
    # a title leaves its small words in lower case ("What Is the Biggest Problem Facing
    # the Company?"), so only the longer words are counted
    longer = [word for word in words if len(word) > 3]
    capitals = sum(1 for word in longer if word[0].isupper())
    if len(longer) >= 4 and capitals > 0.8 * len(longer):
        return question.lower()
    return question


@lru_cache(maxsize=2048)  # IV303 and IV304 read the same question
def normalise(
    question: str,
    organisation: str | None = None,
    nouns: frozenset[str] = frozenset(),
    units: frozenset[str] = frozenset(),
) -> Question:
    """The question as the grammar reads it (see the module docstring).

    ``nouns`` are the words for an organisation ("hospital", "agency"): each becomes
    ``@org`` too, unless a word of ``units`` follows it ("lab group", "practice areas").
    """
    source = _plain(question[:4000].replace("(s)", "s"))
    if "#" in source or "o." in source:  # a note's "# of" or "No. of" is "number of"
        source = _NUMBER_OF.sub("number of ", source)
    if "501" in source:  # a nonprofit's tax status is one word: "501(c)(3)" reads "501c3"
        source = _TAX_STATUS.sub(r"501c\1", source)
    if "(" in source and _PLAN.search(source):
        source = _PLAN.sub(lambda found: found[1] + found[2].lower(), source)
    if _without_names(source):
        text = source.lower()
        if "'" in text or "’" in text or "-" in text:
            out = _words_of(text)[:MAX_TOKENS]
        else:  # no apostrophe or hyphen: every other mark splits words
            out = _marks(text).split()[:MAX_TOKENS]
        names: list[str] = []
    else:
        out, names = _tokens_and_names(source)
    if not spelling.TRIGGERS.isdisjoint(out):
        out = spelling.spelt_out(out)
    forms = _name_forms(organisation, nouns) if organisation else ()
    if forms and not {form[0] for form in forms}.isdisjoint(out):
        out, names = _substitute(out, names, forms)
    if nouns and ("ys" in source or "YS" in source or not spelling.HELD.isdisjoint(out)):
        out = spelling.possessives(out, nouns, source.lower().replace("’", "'"))
    if (
        not nouns.isdisjoint(out)
        or not _OF_UNITS.isdisjoint(out)
        or not _BODY_UNITS.isdisjoint(out)
    ):
        out, names = _nouns(out, names, nouns, units)
    if asking.starts_a_clause(out):
        reworded = asking.reword(out)
        return Question(reworded.words, tuple(names), reworded.said)
    return Question(out, tuple(names))


def _tokens_and_names(source: str) -> tuple[list[str], list[str]]:
    """Tokens with each name (a capitalised run, a placeholder) read as ``@org``."""
    found = list(_TOKEN.finditer(source))[:MAX_TOKENS]
    out: list[str] = []
    names: list[str] = []
    run: list[re.Match[str]] = []  # a run of capitalised words being read
    start = True  # at the start of a sentence, a capital letter is no name

    def close_run(following: str = "?") -> None:
        if (
            run
            and len(run) <= 3
            and run[-1].group().lower() in _TERM_ENDS
            and (following in _CLAUSE or following in _AFTER_TERM)  # "Google Pay interns": a name
        ):
            out.extend(match.group().lower() for match in run)
            run.clear()
        if run and all(_calendar(m.group().lower()) for m in run):
            for match in run:  # "Christmas temps", "in January", "on Mondays": no name
                _add_word(out, match.group())
            run.clear()
        if run and not _NEVER_IN_NAMES.isdisjoint(m.group().lower() for m in run):
            for match in run:  # "how Will I Be Able", "Are You Most Worried": no name
                _add_word(out, match.group().replace("’", "'"))
            run.clear()
        if run:
            _add_org(out)
            names.append(source[run[0].start() : run[-1].end()])
            run.clear()

    for index, match in enumerate(found):
        word = match.group()
        if run and word in _NAME_JOINERS and index + 1 < len(found):
            following = found[index + 1].group()
            if _capitalised(following.replace("’", "'")):  # "Bank of America"
                run.append(match)
                continue
        if word in _CLAUSE:
            close_run(word)
            out.append("|")
            start = word in "?!.:"
            continue
        if word[0] in "[<":
            close_run()
            _add_org(out)
            names.append(word)
            start = False
            continue
        plain = word.replace("’", "'")
        if word == "s" and match.start() and source[match.start() - 1] in "'’":
            close_run()
            out.append("'s")  # "[Company]'s mission"
            continue
        acronym = plain.isupper() and len(plain) > 1 and plain.lower() not in _PLAIN_CAPS
        if not start and (_capitalised(plain) or acronym):
            run.append(match)
            if plain.endswith("'s") and len(plain) > 3:  # "Harlow Partners's clients"
                _add_org(out)
                names.append(source[run[0].start() : match.end() - 2])
                run.clear()
                out.append("'s")
            continue
        close_run(word.lower())
        start = False
        _add_word(out, plain)
    close_run()
    return out, names


# Words no name is made of: a capitalised run holding one is a title-cased clause.
_NEVER_IN_NAMES_TEXT = (
    "you your you're i i'm we are is was were will would can could should do does did have "
    "has be am what how why when where who which my me"
)
_NEVER_IN_NAMES = frozenset(_NEVER_IN_NAMES_TEXT.split())
# The calendar's capitals: a month, a day, a season or a holiday is no organisation.
_CALENDAR_TEXT = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday spring summer autumn fall winter christmas xmas easter "
    "thanksgiving halloween ramadan eid diwali hanukkah passover"
)
_CALENDAR = frozenset(_CALENDAR_TEXT.split())


def _calendar(word: str) -> bool:
    return word in _CALENDAR or (word[-1:] == "s" and word[:-1] in _CALENDAR)


def _add_word(out: list[str], plain: str) -> None:
    """A word that is no name, in lower case, its "'s" a token of its own."""
    lower = plain.lower()
    if lower.endswith("'s") and len(lower) > 2:
        out += [lower[:-2], "is" if lower[:-2] in _IS else "'s"]
    elif lower.endswith("'") and len(lower) > 1:
        out.append(lower[:-1])
    else:
        out.append(lower)


# "the department of transportation", "the office of the mayor": a government body.
_OF_UNITS = frozenset({"department", "office", "bureau", "division", "ministry"})
# A unit word that names a whole organisation after the kind of body it is: "the fire
# department", "the county office", "the sheriff's office", "the advocacy group", "the
# police force", "the fire service". A
# company's "marketing department" or "engineering group" stays a unit, and so do kinds a
# firm or a university has a department of too (education, planning, treasury).
_BODY_UNITS = frozenset({"department", "dept", "office", "bureau", "group", "force", "service"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PUBLIC = "federal state county city municipal provincial government town tribal"
_SERVICES = "fire police sheriff health transportation corrections parks probation water works"
_BODY_KINDS = {
    "department": _words(f"{_PUBLIC} {_SERVICES} rescue"),
    "group": _words(
        "advocacy trade medical physician physicians dental media hospitality restaurant "
        "hotel investment insurance healthcare lobbying industry publishing hospital "
        "veterinary newspaper"
    ),
    "office": _words(_PUBLIC),
}
_BODY_KINDS["dept"] = _BODY_KINDS["bureau"] = _BODY_KINDS["department"]
# "the police force", "the fire service": a public service named by its kind
_BODY_KINDS["force"] = _words("police air defence defense armed border")
_BODY_KINDS["service"] = _words("fire ambulance police prison probation forest parks postal civil")
# "the mayor's office": an official's office is a public body
_OFFICIALS = _words(
    "mayor governor attorney sheriff defender clerk assessor coroner prosecutor comptroller general"
)
# Nouns that are verbs after an organisation: "what law does your firm practice?"
_VERBS = frozenset({"practice", "practices", "bank", "banks", "shop", "shops", "brand", "paper"})
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "de", "on"})


def _nouns(
    out: list[str], names: list[str], nouns: frozenset[str], units: frozenset[str]
) -> tuple[list[str], list[str]]:
    """Each organisation noun as ``@org``, its word kept in ``names`` (in text order)."""
    result: list[str] = []
    result_names: list[str] = []
    earlier = iter(names)
    last = len(out) - 1
    for index, token in enumerate(out):
        if token == ORG:
            result.append(ORG)
            result_names.append(next(earlier, ORG))
        elif (
            (
                token in nouns
                and (index == last or out[index + 1] not in units)
                and not (token in _VERBS and result and result[-1] == ORG)  # "your firm practice"
            )
            or (token in _OF_UNITS and index < last and out[index + 1] == "of")
            or _body(out, index)
        ):
            result.append(ORG)
            result_names.append(token)
        else:
            result.append(token)
    return result, result_names


def _body(out: list[str], index: int) -> bool:
    """Whether the unit word at ``index`` names a public body or a whole organisation by
    its kind ("the fire department", "the mayor's office", "a medical group")."""
    token = out[index]
    if token not in _BODY_UNITS or not index:
        return False
    before = out[index - 1]
    if before == "'s":
        return index > 1 and out[index - 2] in _OFFICIALS and token == "office"
    return before in _BODY_KINDS[token]


def _substitute(
    out: list[str], names: list[str], forms: tuple[tuple[str, ...], ...]
) -> tuple[list[str], list[str]]:
    """Replace each lower-case mention of the interview's organisation with ``@org``."""
    result: list[str] = []
    result_names: list[str] = []
    seen = 0
    index = 0
    while index < len(out):
        size = next((n for form in forms if (n := _name_at(out, index, form))), 0)
        if size:
            _add_org(result)
            result_names.append(" ".join(w for w in out[index : index + size] if w != "|"))
            index += size
            continue
        token = out[index]
        if token == ORG:
            result_names.append(names[seen])
            seen += 1
        result.append(token)
        index += 1
    return result, result_names
