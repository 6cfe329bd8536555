"""Front matter: split it from the body and read its YAML safely, keeping positions.

Why not python-frontmatter: it returns empty metadata, silently, for a file starting with a
UTF-8 BOM, for an unclosed ``---`` and for front matter that is not a mapping, and it
discards every position. Splitting is a few lines; the YAML is read here with PyYAML's safe
composer so every key and value keeps its file line and column, and scalars keep the text
the user wrote (``NO`` stays "NO" in a name; only boolean fields read it as false).

Guards, each turned into a Problem at a file line rather than an exception:
nesting deeper than ``MAX_DEPTH`` (PyYAML's composer would hit RecursionError), alias
expansion beyond ``MAX_NODES`` (the "billion laughs" bomb), and any non-standard tag such
as ``!!python/object`` (never constructed, so never executed).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from infoview.model import Problem, Span

try:  # the C composer is several times faster; the pure one behaves the same
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_DEPTH = 32
MAX_NODES = 20_000

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_YAML}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_OK_TAGS = _SCALAR_TAGS | {f"{_YAML}map", f"{_YAML}seq", f"{_YAML}merge"}


@dataclass
class YScalar:
    """A scalar as written: ``text`` is the value's text, ``tag`` what YAML resolved it to."""

    text: str
    tag: str
    span: Span
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        return self.tag == f"{_YAML}null"


@dataclass
class YMap:
    span: Span
    items: list[tuple[YScalar, YNode]] = field(default_factory=list)


@dataclass
class YSeq:
    span: Span
    items: list[YNode] = field(default_factory=list)


YNode = YScalar | YMap | YSeq


@dataclass
class FrontMatter:
    """The split file: the YAML tree (None when absent or unreadable) and the body."""

    root: YMap | None
    body: str
    body_offset: int  # number of file lines before the body
    end_line: int  # file line of the closing fence, 0 when there is no front matter
    problems: list[Problem]


def split(text: str) -> FrontMatter:
    """Split ``text`` (BOM already removed, newlines normalised) into YAML and body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(None, text, 0, 0, [])
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            root, problems = load(yaml_text, first_line=2)
            return FrontMatter(root, body, index + 1, index + 1, problems)
    problem = Problem(
        "IV001",
        "front matter opened with '---' is never closed; add a line '---' after the last key",
        Span(1, 1),
    )
    # Read the rest as the body, so the sections that are there are still found.
    return FrontMatter(None, "\n".join(lines[1:]), 1, 0, [problem])


def load(yaml_text: str, *, first_line: int) -> tuple[YMap | None, list[Problem]]:
    """Read ``yaml_text`` whose first line is file line ``first_line``; never raises."""

    # Positions come from the mark's character index, not its line: YAML also breaks lines
    # at U+0085, U+2028 and U+2029 (the file does not), and libyaml puts "end of stream" on
    # the line after the last one (the closing '---').
    starts = [0, *(m.end() for m in re.finditer("\n", yaml_text))]

    def point(index: int) -> tuple[int, int]:
        index = min(max(index, 0), len(yaml_text))
        line = bisect.bisect_right(starts, index) - 1
        return line + first_line, index - starts[line] + 1

    def span_of(mark: Any, end: Any = None) -> Span:
        """The span from ``mark`` to ``end`` (a mark), trailing blanks and newlines excluded."""
        if mark is None:
            return Span(first_line, 1)
        if end is None:
            return Span(*point(mark.index))
        stop = min(max(end.index, mark.index), len(yaml_text))
        # A block scalar's end mark sits after its last newline (and any blank lines).
        while stop > mark.index and yaml_text[stop - 1] in " \t\n":
            stop -= 1
        return Span(*point(mark.index), *point(stop))

    if not yaml_text.strip():
        return YMap(Span(first_line, 1)), []
    try:
        depth = 0
        for event in yaml.parse(yaml_text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = (
                        f"front matter is nested more than {MAX_DEPTH} levels deep; "
                        "flatten it (interview keys need at most three levels)"
                    )
                    return None, [Problem("IV001", message, span_of(event.start_mark))]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        message = f"front matter is not valid YAML: {what}; fix the YAML at this line"
        return None, [Problem("IV001", message, span_of(mark))]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        message = f"front matter is not valid YAML: {exc}"
        return None, [Problem("IV001", message.split("\n")[0], Span(first_line, 1))]
    if node is None:
        return YMap(Span(first_line, 1)), []
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        message = f"front matter is {kind}, not a mapping; start it with keys like 'interviewer:'"
        return None, [Problem("IV001", message, span_of(node.start_mark))]
    try:
        tree = _Converter(span_of).convert(node)
    except _Refused as refused:
        return None, [refused.problem]
    assert isinstance(tree, YMap)
    return tree, []


# Characters YAML will not read raw inside double quotes (non-printable ones), plus NEL and
# the Unicode line and paragraph separators, which it folds into spaces.
_UNQUOTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def quote_scalar(value: str) -> str:
    """Write ``value`` so YAML reads back exactly this text: plain when safe, else quoted.

    JSON's double-quoted strings are valid YAML, except for characters YAML does not
    accept raw or folds (see ``_UNQUOTABLE``), which are escaped as ``\\uXXXX``.
    """
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value} and "#" not in value:
            return value
    except yaml.YAMLError:
        pass
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNQUOTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def entry_span(key: YScalar, value: YNode) -> Span:
    """The span of a whole ``key: value`` entry, for ranges in an editor.

    A value on the key's line (a scalar, a ``[...]`` or ``{...}``, a ``|`` block) is
    included; a block mapping or list below the key is not, so the range is the key's
    line rather than the whole block.
    """
    below = isinstance(value, YMap | YSeq) and value.span.line > key.span.line
    if below or not value.span.end_line:
        return Span(key.span.line, key.span.column, key.span.end_line, key.span.end_column + 1)
    return Span(key.span.line, key.span.column, value.span.end_line, value.span.end_column)


class _Converter:
    """Turn composed nodes into YNodes, bounding alias expansion and refusing odd tags."""

    def __init__(self, span_of: Callable[..., Span]) -> None:
        self.span_of = span_of
        self.count = 0
        self.depth = 0

    def span(self, node: yaml.Node) -> Span:
        return self.span_of(node.start_mark)

    def extent(self, node: yaml.Node, last: YNode | None) -> Span:
        """From the node's start to its end: a block collection ends where its last child does."""
        if last is not None and not getattr(node, "flow_style", False):
            start = self.span(node)
            return Span(start.line, start.column, last.span.end_line, last.span.end_column)
        return self.span_of(node.start_mark, node.end_mark)

    def convert(self, node: yaml.Node) -> YNode:
        """Convert ``node``; aliases can nest deeper than the text does (``a: &a [*a]``)."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                message = (
                    f"front matter nests more than {MAX_DEPTH} levels deep through its '*' "
                    "aliases (does an alias refer to itself?); remove the aliases"
                )
                raise _Refused(Problem("IV001", message, self.span(node)))
            return self._convert(node)
        finally:
            self.depth -= 1

    def _convert(self, node: yaml.Node) -> YNode:
        self.count += 1
        if self.count > MAX_NODES:
            message = (
                f"front matter expands to more than {MAX_NODES} values (an alias bomb?); "
                "remove the '*' aliases"
            )
            raise _Refused(Problem("IV001", message, self.span(node)))
        if node.tag not in _OK_TAGS:
            tag = node.tag.replace(_YAML, "!!")
            message = f"YAML tag '{tag}' is not allowed in front matter; remove it"
            raise _Refused(Problem("IV001", message, self.span(node)))
        if isinstance(node, yaml.ScalarNode):
            span = self.span_of(node.start_mark, node.end_mark)
            return YScalar(str(node.value), node.tag, span, bool(node.style))
        if isinstance(node, yaml.SequenceNode):
            items = [self.convert(child) for child in node.value]
            return YSeq(self.extent(node, items[-1] if items else None), items)
        result = YMap(self.span(node))
        for key_node, value_node in node.value:
            key = self.convert(key_node)
            if not isinstance(key, YScalar):
                message = "a front-matter key must be plain text, not a list or mapping"
                raise _Refused(Problem("IV001", message, self.span(key_node)))
            result.items.append((key, self.convert(value_node)))
        result.span = self.extent(node, result.items[-1][1] if result.items else None)
        return result
