"""Front matter in the plain shape people write, read without composing YAML events.

Almost every interview's front matter is block mappings and lists of one-line scalars::

    interviewer:
      name: Marcus Lee
      phone: "+1 503 555 0177"
    learning_goals:
      - Learn what litigation support looks like.
    tags: [litigation, legal-aid]

:func:`read` reads exactly that shape, line by line, into the tree ``yamlpos.load`` would
build with PyYAML (the same scalars, tags, quoting and spans: ``tests/test_yamlfast.py``
holds the two equal on every sample and on generated documents), at a fraction of the
cost. Tags come from PyYAML's own resolver, so ``yes``, ``1e3`` or ``2026-11-18`` resolve
as they always have. Anything outside the shape returns None and is read by PyYAML as
before: comments after a value, tabs, anchors, aliases, tags, block or multi-line scalars, flow
mappings, escapes in quotes, keys that are not plain words, odd line breaks and control
characters. So the fast path can only ever agree with the slow one or step aside.
"""

from __future__ import annotations

import re
from functools import lru_cache

from infoview.model import Span
from infoview.yamlpos import _OK_TAGS, YMap, YNode, YScalar, YSeq

_STR = "tag:yaml.org,2002:str"
MAX_DEPTH = 8  # deeper than interviews go: let PyYAML (and its guards) read it
# Characters of a line of the shape: what YAML reads raw, less '#' (comments) and '\\'
# (escapes). Checked without a regular expression over all of Unicode, whose character
# class alone would cost a cold lint more to compile than this module saves it.
_ASCII_OUTSIDE = re.compile(r"[\x00-\x09\x0b-\x1f#\\\x7f]")
_COMMENT_OUTSIDE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # a tab is fine in a comment
_KEY = re.compile(r"\A([A-Za-z_][A-Za-z0-9_-]*):(?: +|\Z)")  # \A: linear even for search
# A plain scalar may not start with one of these (nor hold ": ", nor end with ':').
_INDICATORS = frozenset("-?:,[]{}&*!|>'\"%@` ")
_QUOTED = re.compile(r"\"[^\"\\]*\"|'[^']*'")
_FLOW_ITEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._/+-]*(?<! )")
# PyYAML's implicit resolvers (yaml/resolver.py, YAML 1.1), in the order it registers
# them: (tag, pattern, its first characters). Copied so that a lint of plain front matter
# never imports PyYAML, whose reader alone compiles a pattern over all of Unicode;
# tests/test_yamlfast.py holds this table equal to PyYAML's own.
_IMPLICIT: tuple[tuple[str, str, str], ...] = (
    (
        "tag:yaml.org,2002:bool",
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        "yYnNtTfFoO",
    ),
    (
        "tag:yaml.org,2002:float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        "tag:yaml.org,2002:int",
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        "-+0123456789",
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    (
        "tag:yaml.org,2002:null",
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        "~nN\0",  # "\0" stands for the empty scalar's key, ''
    ),
    (
        "tag:yaml.org,2002:timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
    ("tag:yaml.org,2002:value", r"^(?:=)$", "="),
    ("tag:yaml.org,2002:yaml", r"^(?:!|&|\*)$", "!&*"),
)
# Verbose patterns but for the three short ones, as PyYAML compiles them.
_PLAIN_FLAGS = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value", "tag:yaml.org,2002:yaml"}


@lru_cache(maxsize=1)
def resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The table by first character ('' for the empty scalar), compiled on first use."""
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, first in _IMPLICIT:
        compiled = re.compile(pattern, 0 if tag in _PLAIN_FLAGS else re.X)
        for char in first:
            table.setdefault("" if char == "\0" else char, []).append((tag, compiled))
    return table


@lru_cache(maxsize=4096)  # keys and many values repeat from file to file
def resolve(text: str) -> str:
    """The tag PyYAML's resolver gives the plain scalar ``text`` (BaseResolver.resolve)."""
    for tag, regexp in resolvers().get(text[:1], ()):  # PyYAML registers no wildcard
        if regexp.match(text):
            if tag not in _OK_TAGS:  # "=" is !!value: refused, with its message, by yamlpos
                raise _Outside
            return str(tag)
    return _STR


def _plain(text: str) -> bool:
    """Whether ``text`` holds only characters of the plain shape (see ``_ASCII_OUTSIDE``)."""
    return _raw_yaml(text, _ASCII_OUTSIDE)


def _raw_yaml(text: str, outside: re.Pattern[str]) -> bool:
    """No ASCII character ``outside`` matches, and none beyond ASCII that YAML will not
    read raw (C1 controls, surrogates, U+FFFE/U+FFFF) or that ``yamlpos`` counts apart
    (U+2028, U+2029 and U+FEFF)."""
    if outside.search(text):
        return False
    return text.isascii() or not any(_odd(char) for char in set(text) if char > "\x7e")


def _odd(char: str) -> bool:
    code = ord(char)
    return (
        code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
    )


class _Outside(Exception):
    """The text is not of the plain shape: PyYAML reads it."""


def read(yaml_text: str, first_line: int) -> YMap | None:
    """The tree of ``yaml_text`` (its first line is file line ``first_line``), or None
    when it is not of the plain shape (see the module's docstring)."""
    lines: list[tuple[int, int, str]] = []  # (file line, indent, content), blank lines out
    rows = yaml_text.split("\n")
    if _plain(yaml_text):  # the usual case: no comment, nothing odd
        for number, raw in enumerate(rows, first_line):
            content = raw.strip(" ")
            if content:
                lines.append((number, len(raw) - len(raw.lstrip(" ")), content))
    else:
        for number, raw in enumerate(rows, first_line):
            content = raw.strip(" ")
            if content.startswith("#") and _raw_yaml(content, _COMMENT_OUTSIDE):
                continue  # a whole-line comment
            if not _plain(content):
                return None
            if content:
                lines.append((number, len(raw) - len(raw.lstrip(" ")), content))
    if not lines or lines[0][1] != 0:
        return None
    reader = _Reader(lines)
    try:
        root = reader.mapping(0, 1)
    except _Outside:
        return None
    return root if reader.at == len(lines) else None


class _Reader:
    """Reads ``lines`` from ``at`` on; every method raises _Outside off the plain shape."""

    def __init__(self, lines: list[tuple[int, int, str]]) -> None:
        self.lines = lines
        self.at = 0

    def _deeper(self, indent: int) -> bool:
        """Whether the next line is indented past ``indent`` (it would continue a value)."""
        return self.at < len(self.lines) and self.lines[self.at][1] > indent

    def mapping(self, column: int, depth: int) -> YMap:
        """A block mapping whose keys stand at ``column`` (0-based). Its first key may
        follow a list item's dash on the same line; the others begin their lines."""
        if depth > MAX_DEPTH:
            raise _Outside
        items: list[tuple[YScalar, YNode]] = []
        while self.at < len(self.lines):
            number, indent, content = self.lines[self.at]
            if items:
                if indent != column:
                    if indent > column:
                        raise _Outside  # a continuation, or a key out of line
                    break
                text = content
            else:
                text = content[column - indent :]
            found = _KEY.match(text)
            if found is None:
                raise _Outside
            name = found.group(1)
            key = YScalar(name, resolve(name), _span(number, column, len(name)))
            self.at += 1
            rest = text[found.end() :]
            if rest:
                value = self.inline(rest, number, column + found.end(), column)
            else:
                value = self.below(column, number, column + len(name) + 1, depth)
            items.append((key, value))
        head, last = items[0][0].span, items[-1][1].span
        return YMap(Span(head.line, head.column, last.end_line, last.end_column), items)

    def below(self, column: int, number: int, after: int, depth: int) -> YNode:
        """The value of a key at ``column`` with nothing after its ':' (at ``after``)."""
        if self.at < len(self.lines):
            _, indent, content = self.lines[self.at]
            item = content.startswith("- ")
            if indent > column:
                return self.sequence(indent, depth + 1) if item else self.mapping(indent, depth + 1)
            if indent == column and item:  # a list may stand at its key's indent
                return self.sequence(indent, depth + 1)
        return YScalar("", resolve(""), _span(number, after, 0))

    def sequence(self, column: int, depth: int) -> YSeq:
        """A block list whose dashes stand at ``column``."""
        if depth > MAX_DEPTH:
            raise _Outside
        items: list[YNode] = []
        while self.at < len(self.lines):
            number, indent, content = self.lines[self.at]
            if indent != column or not content.startswith("- "):
                if indent > column or (indent == column and content.startswith("-")):
                    raise _Outside  # a continuation, or a bare '-'
                break
            rest = content[2:]
            at = column + 2 + len(rest) - len(rest.lstrip(" "))
            rest = rest.lstrip(" ")
            if _KEY.match(rest):
                items.append(self.mapping(at, depth + 1))
            elif rest.startswith("-"):
                raise _Outside  # a list in a list, or a plain scalar PyYAML must judge
            else:
                self.at += 1
                items.append(self.inline(rest, number, at, column))
        if not items:  # pragma: no cover - called only where a dash stands
            raise _Outside
        first, last = items[0].span, items[-1].span
        return YSeq(Span(first.line, column + 1, last.end_line, last.end_column), items)

    def inline(self, text: str, number: int, column: int, limit: int) -> YNode:
        """A value standing on its key's or its dash's line at ``column``; a line below
        it indented past ``limit`` would continue it, which PyYAML must read."""
        if self._deeper(limit):
            raise _Outside
        if text[0] in "\"'":
            if not _QUOTED.fullmatch(text):
                raise _Outside
            return YScalar(text[1:-1], _STR, _span(number, column, len(text)), True)
        if text[0] == "[":
            return self.flow(text, number, column)
        if text[0] in _INDICATORS or ": " in text or text[-1] == ":":
            raise _Outside  # an indicator first, or a mapping inside: PyYAML must judge
        return YScalar(text, resolve(text), _span(number, column, len(text)))

    def flow(self, text: str, number: int, column: int) -> YSeq:
        """A one-line ``[a, b]`` of plain words."""
        if not text.endswith("]"):
            raise _Outside
        inner = text[1:-1]
        items: list[YNode] = []
        if inner.strip(" "):
            at = column + 1
            for part in inner.split(","):
                word = part.strip(" ")
                if not _FLOW_ITEM.fullmatch(word):
                    raise _Outside
                start = at + len(part) - len(part.lstrip(" "))
                items.append(YScalar(word, resolve(word), _span(number, start, len(word))))
                at += len(part) + 1
        return YSeq(_span(number, column, len(text)), items)


def _span(number: int, column: int, length: int) -> Span:
    """``length`` characters of file line ``number`` from ``column`` (0-based)."""
    return _new(Span, (number, column + 1, number, column + 1 + length))


_new = tuple.__new__  # a Span of all four fields, without NamedTuple's keyword handling
