"""Load the phrase grammar (``infoview/data/judge.yaml``) and compile it, once.

A pattern in the grammar is written over the token string of :mod:`infoview.judge.text`
(lower-case words joined by single spaces, ``|`` for a clause break) in a small template
language, expanded here into a regular expression:

- ``{name}`` is one word of the word list ``name`` (``{org}``, ``{det}``, ...);
- ``{mod}`` is up to two modifier words ("your *engineering* firm", "the *research*
  centre"), never a preposition, so "your team at the hospital" is not "your hospital";
- ``{gap3}`` is up to three words that are not "you", "I" or "do" ("how many nurses *are
  there* in the hospital", never "how many people *do you manage* at it");
- `` ~N`` is a gap of up to N words inside the clause;
- ``{start}`` is the start of a clause; ``{end}`` its end ("What does your firm do?" but
  not "... do when a filing is late"); ``{name}`` a name that stands for the organisation;
- anything else is a regular expression (``(?:a|b)``, ``s?``).

Speed: a question is not searched with every pattern. Each pattern starts with a known
set of words (its *first words*, read from the template); the compiled grammar maps each
first word to one alternation of the patterns that start with it, and the judge tries
that alternation only where the word stands in the question. A template whose first
words cannot be read this way is searched in full.

Every expanded pattern is linear-time: alternations of literal words, gaps bounded by
``{0,N}`` with possessive word matches, and lookarounds of fixed words. Nothing in it can
backtrack over a long input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

from infoview.judge.text import ORG, THE

_WORD = r"[^ |]++"
_SMALL_WORDS_TEXT = (
    "at in of on for with and or to from who that which i you we they is are do does did "
    "has have was were be can could would will should how what when where why a an"
)
_SMALL_WORDS = tuple(_SMALL_WORDS_TEXT.split())
MACROS = {
    "name": rf"(?:{THE} )?{ORG}",
    "mod": "(?: (?!PLACEHOLDER(?: |$))[^ |]++){0,2}",
    "gap3": "(?: (?!PLACEHOLDER(?: |$))[^ |]++){0,3}",
    "start": r"(?:^|(?<=\| )|(?<=and )|(?<=so )|(?<=also )|(?<=know if )|(?<=wonder if )"
    r"|(?<=wondering if ))",
    "end": r"(?=$| \||(?: (?:and|or|exactly|now|today|nowadays|currently|these|right|"
    r"overall|generally|as a whole|there|here))(?: |$))",
}
_GAP = re.compile(r" ~(\d)")
_NOT_THESE = {
    "mod": _SMALL_WORDS,
    "gap3": ("you", "i", "we", "do", "does", "did", "your", "my", "our"),
}
_FIELD = re.compile(r"\{(\w+)\}")
_LITERAL = re.compile(r"(?:\\\||[^\s(){}|\\?*+\[\].^$])+")


@dataclass(frozen=True)
class Group:
    """Patterns that judge one kind of question, e.g. "what the organisation does"."""

    kind: str  # what the message says the question asks
    patterns: tuple[str, ...]  # its patterns as regular expressions
    unless: re.Pattern[str] | None  # a question this matches is not of this kind

    @cached_property
    def searched(self) -> re.Pattern[str]:
        """The group's patterns as one search (the slow path, when ``unless`` vetoed)."""
        return re.compile("(?:^| )(" + "|".join(self.patterns) + ")")


@dataclass(frozen=True)
class Rule:
    """One judgement (online, job) compiled for speed: see the module docstring."""

    groups: tuple[Group, ...]
    by_word: dict[str, tuple[re.Pattern[str], ...]]  # first word -> what may start there
    searched: re.Pattern[str] | None  # patterns without known first words
    first_words: frozenset[str] = field(default=frozenset())

    def patterns(self) -> list[re.Pattern[str]]:
        out = list({id(p): p for ps in self.by_word.values() for p in ps}.values())
        if self.searched is not None:
            out.append(self.searched)
        out += [g.unless for g in self.groups if g.unless is not None]
        return out


@dataclass(frozen=True)
class Grammar:
    online: Rule
    job: Rule
    words: dict[str, tuple[str, ...]]
    nouns: frozenset[str]  # organisation nouns, read as @org (see judge.text)
    units: frozenset[str]  # a noun followed by one of these is a unit ("lab group")


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """One of ``words``, as a trie ("compan(?:y|ies)"), so a miss costs a letter or two.

    Python's ``re`` tries the branches of ``a|b|c`` one by one; a list of ninety nouns
    written that way is ninety comparisons at every place a noun may stand.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(root) + ")"


def _trie(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def expand(template: str, words: dict[str, tuple[str, ...]]) -> str:
    """One template as a regular expression (see the module docstring)."""

    def field_(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _NOT_THESE:
            return MACROS[name].replace("PLACEHOLDER", _alternation(_NOT_THESE[name]))
        if name in MACROS:
            return MACROS[name]
        if name not in words:
            raise ValueError(f"judge grammar: unknown word list {{{name}}} in {template!r}")
        if name == "org":  # judge.text reads every organisation noun as @org
            return ORG
        return _alternation(words[name])

    body = _GAP.sub(lambda m: rf"(?: {_WORD}){{0,{m.group(1)}}}", template.strip())
    body = _FIELD.sub(field_, body)
    if re.search(r"(?<!\\)\((?!\?)", body):
        raise ValueError(f"judge grammar: use (?:...) not (...) in {template!r}")
    return f"(?:{body})(?= |$)"


def _close(text: str) -> int:
    """The index of the ")" that closes the "(" at text[0]."""
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"judge grammar: unbalanced parentheses in {text!r}")


def _split(inner: str) -> list[str]:
    """Top-level alternatives of a group's inside."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(inner):
        char = inner[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(inner[start:index])
            start = index + 1
        index += 1
    parts.append(inner[start:])
    return parts


def first_words(template: str, words: dict[str, tuple[str, ...]]) -> set[str] | None:
    """The words a template's match can start with, or None when that cannot be read."""
    text = template.lstrip()
    if not text:
        return None
    if text.startswith("{start}"):
        return first_words(text[len("{start}") :], words)
    if text.startswith("^"):
        return first_words(text[1:], words)
    if text.startswith("'"):
        return None
    if text.startswith("(?:"):
        close = _close(text)
        rest = text[close + 1 :]
        optional = rest.startswith("?")
        rest = rest[1:] if optional else rest
        out: set[str] = set()
        for alternative in _split(text[3:close]):
            found = first_words(alternative + rest, words)
            if found is None:
                return None
            out |= found
        if optional:
            after = first_words(rest, words)
            if after is None:
                return None
            out |= after
        return out
    if text.startswith("(") or text.startswith("["):
        return None
    if text.startswith("{"):
        name = text[1 : text.index("}")]
        if not _ends_word(text[text.index("}") + 1 :]):
            return None
        if name == "name":
            return {THE, ORG}
        if name == "org":
            return {ORG}
        if name in MACROS or name not in words:
            return None
        return {w.split()[0] for w in words[name]}
    literal = _LITERAL.match(text)
    if literal is None or not _ends_word(text[literal.end() :]):
        return None
    return {literal.group().replace("\\|", "|")}


def _ends_word(rest: str) -> bool:
    """True when a first word is a whole token: a space, the end, or a lookaround next."""
    return rest == "" or rest[0] in " )|" or rest.startswith(("(?!", "(?=", "(?<"))


def _group(entry: dict[str, Any], words: dict[str, tuple[str, ...]]) -> tuple[Group, list[str]]:
    templates = list(entry["patterns"])
    for template in (*templates, *entry.get("unless", ())):
        if not isinstance(template, str):  # YAML read "a: b" as a mapping: quote it
            raise ValueError(f"judge grammar: pattern {template!r} is not a string")
    sources = [expand(t, words) for t in templates]
    unless = [expand(t, words) for t in entry.get("unless", ())]
    group = Group(
        kind=entry["kind"],
        patterns=tuple(sources),
        unless=re.compile("(?:^| )(?:" + "|".join(unless) + ")") if unless else None,
    )
    return group, templates


def _rule(entries: list[dict[str, Any]], words: dict[str, tuple[str, ...]]) -> Rule:
    groups = []
    # Patterns that share their set of first words are compiled together, once: a
    # pattern that may start with any of ninety nouns is one regex, not ninety copies.
    buckets: dict[frozenset[str], list[str]] = {}
    searched: list[str] = []
    for index, entry in enumerate(entries):
        group, templates = _group(entry, words)
        groups.append(group)
        for number, template in enumerate(templates):
            named = f"(?P<g{index}_{number}>{group.patterns[number]})"
            starts = first_words(template, words)
            if starts is None:
                searched.append(named)
            else:
                buckets.setdefault(frozenset(starts), []).append(named)
    by_word: dict[str, list[re.Pattern[str]]] = {}
    for first, parts in buckets.items():
        pattern = re.compile("|".join(parts))
        for word in first:
            by_word.setdefault(word, []).append(pattern)
    return Rule(
        groups=tuple(groups),
        by_word={word: tuple(patterns) for word, patterns in by_word.items()},
        searched=re.compile("(?:^| )(?:" + "|".join(searched) + ")") if searched else None,
        first_words=frozenset(by_word),
    )


def read_data() -> dict[str, Any]:
    """The grammar file as data."""
    text = (resources.files("infoview") / "data" / "judge.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


def build(data: dict[str, Any], organisation_words: tuple[str, ...] = ()) -> Grammar:
    """Compile the grammar; ``organisation_words`` adds the workspace's own nouns."""
    words = {name: tuple(str(w) for w in values) for name, values in data["words"].items()}
    extra = tuple(w.lower() for w in organisation_words)
    nouns = frozenset((*words["org"], *extra, *(plural(w) for w in extra)))
    units = frozenset(w.split()[-1] for w in words["unit"]) | {"areas", "area", "groups"}
    # The text reads each noun as @org, so a noun written in a pattern or a list must too.
    for name, values in words.items():
        if name != "org":
            words[name] = tuple(_as_org(value, nouns, units) for value in values)
    words["det"] = (*words["det"], THE)
    for entries in (data["online"], data["job"]):
        for entry in entries:
            for key in ("patterns", "unless"):
                if key in entry:
                    entry[key] = [
                        _as_org(t, nouns, units) if isinstance(t, str) else t for t in entry[key]
                    ]
    return Grammar(_rule(data["online"], words), _rule(data["job"], words), words, nouns, units)


def plural(noun: str) -> str:
    """The plural of an English noun, well enough for a workspace's own words."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


_LITERAL_WORD = re.compile(r"(?<![\w@{\[\\-])([a-z][a-z'-]*)(?![\w}\]-])(?= ([a-z]+))?")


def _as_org(template: str, nouns: frozenset[str], units: frozenset[str]) -> str:
    """``template`` with each organisation noun written as ``@org``, as the text reads it.

    A noun before a unit word stays a word, as in the text: "practice areas".
    """

    def one(match: re.Match[str]) -> str:
        word, following = match.group(1), match.group(2)
        if word in nouns and following not in units:
            word = ORG
        return word

    return _LITERAL_WORD.sub(one, template)
