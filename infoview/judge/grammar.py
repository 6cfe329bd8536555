"""Load the phrase grammar (``infoview/data/judge.yaml``) and compile it, once.

The patterns are regular expressions over **words, not letters**: every word the grammar
names gets one character (Latin-1 letters above 0x80 first, then private-use ones),
every other word shares one "some word" character,
and :func:`Grammar.encode` turns a question's tokens into such a string ("what does your
firm do?" is five characters). A word list is then one character class, a gap of three
words ``[^|]{0,3}``, and a whole question a dozen characters, so matching is quick,
compiling the grammar takes milliseconds, and no pattern can backtrack over letters.

The template language, over the words of :mod:`infoview.judge.text`:

- words are literal; inside a word ``s?`` and ``[sz]`` spell variants ("openings?");
- ``{name}`` is one entry of the word list ``name`` (``{org}``, ``{det}``, ...);
- ``{mod}`` is up to two modifier words ("your *engineering* firm"), never a small word
  such as "at" or "of", so "your team at the hospital" is not "your hospital";
- ``{gap3}`` is up to three words that are not "you", "I" or "do"; `` ~N`` up to N words;
- ``{start}`` (only at a pattern's beginning) and ``{end}`` are the start and the end of a
  clause (``{clause}``: a start after a clause mark only, not after "and"); ``{name}`` a
  name that stands for the organisation; ``[^ |]++`` any word,
  ``[a-z-]++`` a plain word;
- ``(?:...)``, ``|``, ``?``, ``{m,n}`` and lookarounds mean what they mean in ``re``.

Each pattern starts with a known set of words; the compiled grammar tries a pattern only
where one of them stands in the question.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import Any

from infoview.judge.text import ORG, THE

BAR = "|"
_SMALL_WORDS_TEXT = (
    "at in of on for with and or to from who that which i you we they is are do does did "
    "has have was were be can could would will should how what when where why a an"
)
_SMALL_WORDS = tuple(_SMALL_WORDS_TEXT.split())
_GAP_WORDS = ("you", "i", "we", "do", "does", "did", "your", "my", "our")
MACROS = {
    "name": f"{THE} {ORG}",
    # A clause starts after "|" (and the question starts with one: see Grammar.encode)
    # or after "and", "so"...; the judge quotes the clause, not the word before it.
    "start": r"(?:\||and|so|also|know if|wonder if|wondering if)" + "\ue0ff",
    # Only after a clause mark: a note's fragment ("Year founded?"), not "... and the CEO?".
    "clause": r"\|" + "\ue0ff",
    "end": r"(?=$|\||and|or|exactly|now|today|nowadays|currently|these|right|overall"
    r"|generally|as a whole|there|here)",
}
_LATIN = 0x80  # the first words' characters: a class of them costs ``re`` little to compile
_FIRST = 0xE100  # then private-use characters stand for words (E000-E0FF: marks)
_START = "\ue0ff"  # where {start} ends: the quoted words begin after it
_LEX = re.compile(
    r"\s+|\\\||\[\^ \|\]\+\+?|\[a-z-\]\+\+?|\{\w+\}|~\d|\{\d+(?:,\d+)?\}[?+]?"
    r"|\(\?(?::|!|=|<=|<!)|[()|?*+^$\ue0ff]|(?:[^\W_]|[@'é-])(?:[^\W_]|[@'é?\[\]-])*"
)


class Lazy:
    """A regular expression compiled on its first use.

    Compiling the whole grammar costs more than a one-file lint spends judging, and such a
    run meets only some of the patterns: each bucket of patterns (and each ``unless``) is
    compiled when a question first needs it, then kept.
    """

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)


@dataclass(frozen=True)
class Group:
    """Patterns that judge one kind of question, e.g. "what the organisation does"."""

    kind: str  # what the message says the question asks
    patterns: tuple[str, ...]  # its patterns as regular expressions over word characters
    unless: Lazy | None  # a question this matches is not of this kind
    slow: Lazy | None = None  # ``searched``, when made elsewhere (see judge.prebuilt)
    field_clears: bool = False  # nor is a question about the field as a whole (Rule)

    @property
    def search_source(self) -> str:
        """The group's patterns as one search: the source of ``searched``."""
        parts = []
        for pattern in self.patterns:
            before, _, after = pattern.rpartition(_START)
            parts.append(f"{before}({after})")
        return "(?:" + "|".join(parts) + ")"

    @cached_property
    def searched(self) -> re.Pattern[str]:
        """The group's patterns as one search (the slow path, when ``unless`` vetoed)."""
        return (self.slow or Lazy(self.search_source)).compiled


@dataclass(frozen=True)
class Rule:
    """One judgement (online, job): its patterns, bucketed by the words they start with.

    A bucket is anchored (``\\A``) and matched on the question from a place where one of
    its first words stands, so no pattern is ever searched through a long text.
    """

    groups: tuple[Group, ...]
    by_first: dict[str, tuple[Lazy, ...]]  # a word character -> what starts there
    searched: Lazy | None  # patterns whose first word cannot be told
    first: frozenset[str] = field(default=frozenset())
    # questions the model reads wrongly: for IV304 those about the field as a whole ("How
    # long will it take me to become a certified paralegal?"), for IV303 those that ask what
    # something is like; never a verdict, but they clear the model's (see judge.by_model)
    whole_field: Group | None = None

    def patterns(self) -> list[re.Pattern[str]]:
        """Every pattern of the rule, compiled now (for tests, and before forking)."""
        lazy = list({id(p): p for ps in self.by_first.values() for p in ps}.values())
        if self.searched is not None:
            lazy.append(self.searched)
        lazy += [g.unless for g in self.groups if g.unless is not None]
        compiled = [p.compiled for p in lazy]
        if self.whole_field is not None:
            compiled.append(self.whole_field.searched)
            if self.whole_field.unless is not None:
                compiled.append(self.whole_field.unless.compiled)
        return compiled

    def excludes(self, group: Group, code: str) -> bool:
        """Whether ``group`` leaves this encoded question alone: its ``unless`` matches, or
        it is a group the field as a whole clears and the question is about the field."""
        if group.unless is not None and group.unless.search(code) is not None:
            return True
        return group.field_clears and self.about_the_field(code)

    def about_the_field(self, code: str) -> bool:
        """Whether an encoded question asks about the field as a whole, not a post (for
        IV304), or what something is like (for IV303): the model's verdict does not stand."""
        group = self.whole_field
        if group is None or group.searched.search(code) is None:
            return False
        return group.unless is None or group.unless.search(code) is None


@dataclass(frozen=True)
class Grammar:
    online: Rule
    job: Rule
    words: dict[str, tuple[str, ...]]
    nouns: frozenset[str]  # organisation nouns, read as @org (see judge.text)
    units: frozenset[str]  # a noun followed by one of these is a unit ("lab group")
    code: dict[str, str]  # word -> its character
    other: str  # the character of every word the grammar does not name

    def encode(self, tokens: list[str]) -> str:
        """The question's words as the patterns read them, one character a word.

        A clause mark comes first, so the first clause starts like every other.
        """
        code, other = self.code, self.other
        return code[BAR] + "".join([code.get(token, other) for token in tokens])

    def compile_all(self) -> None:
        """Compile every pattern now, e.g. once before forking workers that all need them."""
        self.online.patterns()
        self.job.patterns()


def variants(word: str) -> list[str]:
    """The spellings a template word stands for: "openings?" -> opening, openings."""
    options: list[list[str]] = []
    index = 0
    while index < len(word):
        char = word[index]
        if char == "[":
            close = word.index("]", index)
            options.append(list(word[index + 1 : close]))
            index = close + 1
        elif char == "?":
            options[-1] = ["", *options[-1]]
            index += 1
        else:
            options.append([char])
            index += 1
    return ["".join(parts) for parts in itertools.product(*options)]


def klass(chars: str, negate: bool = False) -> str:
    """A character class, runs of neighbouring characters written as ranges.

    Ranges keep the patterns short and, with at most two runs, spare ``re`` building a
    65,536-entry map for the class: compiling is most of what the grammar costs.
    """
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    start = 0
    while start < len(codes):
        end = start
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        low, high = chr(codes[start]), chr(codes[end])
        if end - start >= 2:
            parts.append(f"{low}-{high}")
        else:
            parts.append("".join(map(chr, codes[start : end + 1])))
        start = end + 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


class _Compiler:
    """Expands templates into regular expressions over word characters."""

    def __init__(
        self, words: dict[str, tuple[str, ...]], nouns: frozenset[str], units: frozenset[str]
    ) -> None:
        self.words = words
        self.nouns = nouns
        self.units = units
        self.code: dict[str, str] = {BAR: "\x80", ORG: "\x81", THE: "\x82"}
        self.other = "\x83"
        self.pieces: dict[tuple[str, bool], str] = {}  # templates repeat their pieces
        # The small words first, in one run, the words {gap3} stops at right after them:
        # each of the two classes {mod} and {gap3} is then one range (see klass).
        gap_only = [w for w in _GAP_WORDS if w not in _SMALL_WORDS]
        shared = [w for w in _SMALL_WORDS if w in _GAP_WORDS]
        for word in (*(w for w in _SMALL_WORDS if w not in _GAP_WORDS), *shared, *gap_only):
            self.char(word)
        for word in words.get("det", ()):
            self.char(word)

    def char(self, word: str) -> str:
        if word in self.nouns:
            word = ORG
        if word not in self.code:
            self.code[word] = self.fresh()
        return self.code[word]

    def fresh(self) -> str:
        """The next word's character: 0x84-0xFF, then private use.

        ``re`` compiles a class of characters below 256 with a 256-entry map, and any
        other class with a 65,536-entry one, so the words met first (the small words,
        see __init__) make the cheap classes.
        """
        number = len(self.code) + 1  # the "some word" character comes first
        point = _LATIN + number if _LATIN + number < 0x100 else _FIRST + number
        if point > 0xF8FF:
            raise ValueError("judge grammar: more words than private-use characters")
        return chr(point)

    def phrase(self, text: str) -> str:
        """A literal phrase ("mission statement") as its characters."""
        return "".join(self.char(w) for w in text.split())

    def one_of(self, entries: tuple[str, ...] | list[str]) -> str:
        singles = sorted({self.phrase(e) for e in entries if " " not in e.strip()})
        phrases = sorted(
            {self.phrase(e) for e in entries if " " in e.strip()}, key=lambda p: (-len(p), p)
        )
        parts = list(phrases)  # word characters are above 0x80: nothing to escape
        if singles:
            parts.append(klass("".join(singles)))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    def not_one_of(self, entries: tuple[str, ...], limit: str) -> str:
        chars = "".join(self.char(w) for w in (BAR, *entries))
        return klass(chars, negate=True) + limit

    def expand(self, template: str) -> str:
        for mark in ("{start}", "{clause}"):  # the judge quotes from where it ends
            if mark in template[1:]:
                raise ValueError(f"judge grammar: {mark} must begin the pattern: {template!r}")
        for name, body in MACROS.items():
            template = template.replace("{" + name + "}", body)
        out: list[str] = []
        pieces = [p for p in _LEX.findall(template) if not p.isspace()]
        if "".join("".join(pieces).split()) != "".join(template.split()):
            raise ValueError(f"judge grammar: cannot read {template!r}")
        for index, piece in enumerate(pieces):
            following = pieces[index + 1] if index + 1 < len(pieces) else ""
            key = (piece, following in self.units)  # all that piece() reads of `following`
            if (done := self.pieces.get(key)) is None:
                done = self.pieces[key] = self.piece(piece, following, template)
            out.append(done)
        return "".join(out)

    def piece(self, piece: str, following: str, template: str) -> str:
        if piece == "\\|":
            return self.code[BAR]
        if piece.startswith("[^ |]"):
            return f"[^{self.code[BAR]}]"
        if piece.startswith("[a-z-]"):
            return klass("".join(self.char(m) for m in (BAR, ORG, THE, "'s")), negate=True)
        if piece.startswith("~"):
            return f"[^{self.code[BAR]}]{{0,{piece[1]}}}"
        if piece.startswith("{") and piece[1:2].isalpha():
            name = piece[1:-1]
            if name == "mod":
                return self.not_one_of(_SMALL_WORDS, "{0,2}")
            if name == "gap3":
                return self.not_one_of(_GAP_WORDS, "{0,3}")
            if name not in self.words:
                raise ValueError(f"judge grammar: unknown word list {piece} in {template!r}")
            return self.one_of(self.words[name])
        if piece == "(":
            raise ValueError(f"judge grammar: use (?:...) not (...) in {template!r}")
        if piece[0].isalnum() or piece[0] in "@'é-":
            forms = variants(piece)
            if len(forms) == 1:
                word = forms[0]
                # "practice areas" is a unit of the firm, as judge.text reads it
                if word in self.nouns and following in self.units:
                    return self.code.setdefault(word, self.fresh())
                return self.char(word)
            return klass("".join(self.char(f) for f in forms))
        return piece


def first_chars(rx: str) -> set[str] | None:
    """The characters a match of ``rx`` can start with; None when any (or none) can."""
    firsts, nullable, _ = _alternatives(rx, 0)
    return None if firsts is None or nullable else firsts


def _alternatives(rx: str, i: int) -> tuple[set[str] | None, bool, int]:
    firsts: set[str] | None = set()
    nullable = False
    while True:
        got, empty, i = _sequence(rx, i)
        firsts = None if firsts is None or got is None else firsts | got
        nullable = nullable or empty
        if i < len(rx) and rx[i] == "|":
            i += 1
            continue
        return firsts, nullable, i


def _sequence(rx: str, i: int) -> tuple[set[str] | None, bool, int]:
    firsts: set[str] | None = set()
    nullable = True
    while i < len(rx) and rx[i] not in "|)":
        got, empty, i = _atom(rx, i)
        if nullable:
            firsts = None if firsts is None or got is None else firsts | got
        nullable = nullable and empty
    return firsts, nullable, i


def _atom(rx: str, i: int) -> tuple[set[str] | None, bool, int]:
    got: set[str] | None
    empty = False
    if rx.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):  # zero-width: skip it
        _, _, i = _alternatives(rx, i + (4 if rx[i + 2] == "<" else 3))
        got, empty, i = set(), True, i + 1
    elif rx.startswith("(?:", i):
        got, empty, i = _alternatives(rx, i + 3)
        i += 1
    elif rx[i] == "[":
        close = rx.index("]", i + 1)
        body = rx[i + 1 : close]
        got = None if body.startswith("^") else _members(body)
        i = close + 1
    elif rx[i] in "^$":
        got, empty, i = set(), True, i + 1
    elif rx[i] == "\\":
        got, i = {rx[i + 1]}, i + 2
    else:
        got, i = {rx[i]}, i + 1
    quantifier = re.match(r"\?|\*|\+|\{(\d+)(?:,\d+)?\}", rx[i:])
    if quantifier:
        if quantifier.group() in ("?", "*") or quantifier.group(1) == "0":
            empty = True
        i += quantifier.end()
        if i < len(rx) and rx[i] in "?+":
            i += 1
    return got, empty, i


def _members(body: str) -> set[str]:
    """The characters of a class's body, its ranges ("a-c") spelled out (see klass)."""
    out: set[str] = set()
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            out.update(map(chr, range(ord(body[index]), ord(body[index + 2]) + 1)))
            index += 3
        else:
            out.add(body[index])
            index += 1
    return out


def _group(entry: dict[str, Any], compiler: _Compiler) -> Group:
    for template in (*entry["patterns"], *entry.get("unless", ())):
        if not isinstance(template, str):  # YAML read "a: b" as a mapping: quote it
            raise ValueError(f"judge grammar: pattern {template!r} is not a string")
    unless = [compiler.expand(t) for t in entry.get("unless", ())]
    return Group(
        kind=entry["kind"],
        patterns=tuple(compiler.expand(t) for t in entry["patterns"]),
        unless=Lazy("|".join(unless)) if unless else None,
        field_clears=bool(entry.get("field_clears", False)),
    )


def _rule(entries: list[dict[str, Any]], compiler: _Compiler) -> Rule:
    groups = tuple(_group(entry, compiler) for entry in entries)
    # Patterns that share their first words are compiled together, once, anchored:
    # the judge tries them where one of those words stands, on the rest of the question.
    buckets: dict[frozenset[str], list[str]] = {}
    searched: list[str] = []
    for index, group in enumerate(groups):
        for number, pattern in enumerate(group.patterns):
            before, _, after = pattern.rpartition(_START)
            named = f"{before}(?P<g{index}_{number}>{after})"
            first = first_chars(before + after)
            if first is None:
                searched.append(named)
            else:
                buckets.setdefault(frozenset(first), []).append(named)
    by_first: dict[str, list[Lazy]] = {}
    for starts, parts in buckets.items():
        bucket = Lazy(r"\A(?:" + "|".join(parts) + ")")
        for char in sorted(starts):
            by_first.setdefault(char, []).append(bucket)
    return Rule(
        groups=groups,
        by_first={char: tuple(p) for char, p in by_first.items()},
        searched=Lazy("|".join(searched)) if searched else None,
        first=frozenset(by_first),
    )


def expand(template: str, words: dict[str, tuple[str, ...]]) -> str:
    """One template as a regular expression over word characters (for tests and tools)."""
    return _Compiler(words, frozenset(), frozenset()).expand(template)


def first_words(template: str, built: Grammar) -> set[str] | None:
    """The words a template's match can start with, read back from its characters."""
    compiler = _Compiler(built.words, built.nouns, built.units)
    chars = first_chars(compiler.expand(template))
    if chars is None:
        return None
    back = {char: word for word, char in compiler.code.items()}
    return {back[char] for char in chars}


def read_data() -> dict[str, Any]:
    """The grammar file as data."""
    import yaml  # here, not at import: a cached lint never reads the grammar

    text = (resources.files("infoview") / "data" / "judge.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


def plural(noun: str) -> str:
    """The plural of an English noun, well enough for a workspace's own words."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def build(data: dict[str, Any], organisation_words: tuple[str, ...] = ()) -> Grammar:
    """Compile the grammar; ``organisation_words`` adds the workspace's own nouns."""
    words = {name: tuple(str(w) for w in values) for name, values in data["words"].items()}
    extra = tuple(w.lower() for w in organisation_words)
    nouns = frozenset((*words["org"], *extra, *(plural(w) for w in extra)))
    units = frozenset(w.split()[-1] for w in (*words["unit"], *words.get("worker", ())))
    units |= {"areas"}  # "practice areas" (the unit list has "area" and "groups")
    # what a noun is before a post's word: "co-op positions", "hospital jobs" (the list has
    # "position" and "job", and its own nouns are a class of the model's)
    units |= {"positions", "jobs", "roles", "placement", "placements", "students", "student"}
    words["det"] = (*words["det"], THE)
    words["org"] = (ORG,)
    compiler = _Compiler(words, nouns, units)
    online = _rule(data["online"], compiler)
    job = _rule(data["job"], compiler)
    if "job_whole_field" in data:
        job = replace(job, whole_field=_group(data["job_whole_field"], compiler))
    if "online_opinion" in data:
        online = replace(online, whole_field=_group(data["online_opinion"], compiler))
    return Grammar(online, job, words, nouns, units, dict(compiler.code), compiler.other)
