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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from infoview.model import Problem, Span

if TYPE_CHECKING:  # PyYAML is imported where it is used: plain front matter never needs it
    import yaml


def _loader() -> type[yaml.SafeLoader]:
    """The C composer when PyYAML has it (several times faster; it behaves the same)."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


MAX_DEPTH = 32
MAX_NODES = 20_000

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_YAML}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_OK_TAGS = _SCALAR_TAGS | {f"{_YAML}map", f"{_YAML}seq", f"{_YAML}merge"}
_NULL = f"{_YAML}null"


@dataclass
class YScalar:
    """A scalar as written: ``text`` is the value's text, ``tag`` what YAML resolved it to."""

    text: str
    tag: str
    span: Span
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        return self.tag == _NULL


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


def load(
    yaml_text: str, *, first_line: int, fast: bool = True
) -> tuple[YMap | None, list[Problem]]:
    """Read ``yaml_text`` whose first line is file line ``first_line``; never raises.

    Front matter of the usual plain shape is read by ``yamlfast`` (the same tree, several
    times faster; ``fast=False`` skips it). Otherwise it is composed once, by a loader that
    gives up past MAX_DEPTH (``_guarded``); anything else (an error, a document too deep)
    is read again by ``_careful``, which finds and reports the problem as it always has.
    """
    if not yaml_text.strip():
        return YMap(Span(first_line, 1)), []
    if fast:
        from infoview import yamlfast

        quick = yamlfast.read(yaml_text, first_line)
        if quick is not None:
            return quick, []
    import yaml

    positions = _Positions(yaml_text, first_line)
    node: yaml.Node | Problem | None
    try:
        node = yaml.compose(yaml_text, Loader=_guarded(_loader()))
    except Exception:
        node = _careful(yaml_text, positions)
    if isinstance(node, Problem):
        return None, [node]
    if node is None:
        return YMap(Span(first_line, 1)), []
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        message = f"front matter is {kind}, not a mapping; start it with keys like 'interviewer:'"
        return None, [Problem("IV001", message, positions.span(node.start_mark))]
    try:
        tree = _Converter(positions).convert(node, 1)
    except _Refused as refused:
        return None, [refused.problem]
    assert isinstance(tree, YMap)
    return tree, []


def _careful(yaml_text: str, positions: _Positions) -> yaml.Node | Problem | None:
    """Compose ``yaml_text`` after checking its nesting event by event, or the problem.

    PyYAML's composers recurse once per level, so a document nested thousands deep is
    refused from its events, at the collection that goes too deep, before composing.
    """
    import yaml

    try:
        depth = 0
        for event in yaml.parse(yaml_text, Loader=_loader()):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = (
                        f"front matter is nested more than {MAX_DEPTH} levels deep; "
                        "flatten it (interview keys need at most three levels)"
                    )
                    return Problem("IV001", message, positions.span(event.start_mark))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node: yaml.Node | None = yaml.compose(yaml_text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        message = f"front matter is not valid YAML: {what}; fix the YAML at this line"
        return Problem("IV001", message, positions.span(mark))
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        message = f"front matter is not valid YAML: {exc}"
        return Problem("IV001", message.split("\n")[0], Span(positions.first_line, 1))
    return node


class _TooDeep(Exception):
    pass


def _guarded(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """``loader``, refusing to compose a node nested more than MAX_DEPTH deep.

    Both composers call ``descend_resolver`` on entering each node (collections and
    scalars, not aliases) and ``ascend_resolver`` on leaving it, so the count is the
    node's depth; a collection too deep for ``_careful`` is always a node this deep.
    """

    if loader in _GUARDED:
        return _GUARDED[loader]

    class Guarded(loader):  # type: ignore[valid-type,misc]
        depth = 0

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _TooDeep
            if self.yaml_path_resolvers:  # none are registered: the base does nothing then
                super().descend_resolver(current_node, current_index)

        def ascend_resolver(self) -> None:
            self.depth -= 1
            if self.yaml_path_resolvers:
                super().ascend_resolver()

    _GUARDED[loader] = Guarded
    return Guarded


_GUARDED: dict[type[yaml.SafeLoader], type[yaml.SafeLoader]] = {}


class _Positions:
    """File positions of YAML marks: 1-based lines and columns, in the file's lines.

    A mark's character index is what counts: YAML also breaks lines at U+0085, U+2028
    and U+2029 (the file does not) and the pure reader skips a U+FEFF in its columns.
    Without those, a mark's own line and column are the same and cost nothing, except at
    the end of the text, which libyaml puts on a line after the last.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.marks_agree = not any(char in text for char in _ODD_BREAKS)
        self.starts: list[int] | None = None

    def point(self, index: int) -> tuple[int, int]:
        text = self.text
        index = min(max(index, 0), len(text))
        if self.starts is None:
            self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        line = bisect.bisect_right(self.starts, index) - 1
        return line + self.first_line, index - self.starts[line] + 1

    def span(self, mark: Any, end: Any = None) -> Span:
        """The span from ``mark`` to ``end`` (a mark), trailing blanks and newlines excluded."""
        if mark is None:
            return Span(self.first_line, 1)
        index, size = mark.index, len(self.text)
        if self.marks_agree and index < size:  # not libyaml's end of stream
            line, column = mark.line + self.first_line, mark.column + 1
        else:
            line, column = self.point(index)
        if end is None:
            return Span(line, column)
        text = self.text
        stop = min(max(end.index, index), size)
        # A block scalar's end mark sits after its last newline (and any blank lines).
        while stop > index and text[stop - 1] in " \t\n":
            stop -= 1
        if self.marks_agree and stop == end.index < size:  # the end mark, unmoved
            return Span(line, column, end.line + self.first_line, end.column + 1)
        return Span(line, column, *self.point(stop))


# What makes a mark's line or column differ from the file's (see _Positions).
_ODD_BREAKS = "\r\x85\u2028\u2029\ufeff"  # searched one by one: a class costs more to compile


# Characters YAML will not read raw inside double quotes (non-printable ones), plus NEL and
# the Unicode line and paragraph separators, which it folds into spaces.
_UNQUOTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def quote_scalar(value: str) -> str:
    """Write ``value`` so YAML reads back exactly this text: plain when safe, else quoted.

    JSON's double-quoted strings are valid YAML, except for characters YAML does not
    accept raw or folds (see ``_UNQUOTABLE``), which are escaped as ``\\uXXXX``.
    """
    import yaml

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

    def __init__(self, positions: _Positions) -> None:
        self.span = positions.span
        self.count = 0

    def convert(self, node: yaml.Node, depth: int) -> YNode:
        """Convert ``node`` at ``depth``; aliases can nest deeper than the text (``&a [*a]``).

        ``depth`` counts collections, as the event check before composing does: the values
        of a mapping MAX_DEPTH deep are not one level too deep.
        """
        import yaml

        self.count += 1
        if self.count > MAX_NODES:
            message = (
                f"front matter expands to more than {MAX_NODES} values (an alias bomb?); "
                "remove the '*' aliases"
            )
            raise _Refused(Problem("IV001", message, self.span(node.start_mark)))
        tag = node.tag
        if tag not in _OK_TAGS:
            message = (
                f"YAML tag '{tag.replace(_YAML, '!!')}' is not allowed in front matter; remove it"
            )
            raise _Refused(Problem("IV001", message, self.span(node.start_mark)))
        if isinstance(node, yaml.ScalarNode):
            span = self.span(node.start_mark, node.end_mark)
            return YScalar(str(node.value), tag, span, bool(node.style))
        if depth > MAX_DEPTH:
            message = (
                f"front matter nests more than {MAX_DEPTH} levels deep through its '*' "
                "aliases (does an alias refer to itself?); remove the aliases"
            )
            raise _Refused(Problem("IV001", message, self.span(node.start_mark)))
        depth += 1
        if isinstance(node, yaml.SequenceNode):
            items = [self.convert(child, depth) for child in node.value]
            return YSeq(self.extent(node, items[-1] if items else None), items)
        pairs: list[tuple[YScalar, YNode]] = []
        for key_node, value_node in node.value:
            key = self.convert(key_node, depth)
            if not isinstance(key, YScalar):
                message = "a front-matter key must be plain text, not a list or mapping"
                raise _Refused(Problem("IV001", message, self.span(key_node.start_mark)))
            pairs.append((key, self.convert(value_node, depth)))
        return YMap(self.extent(node, pairs[-1][1] if pairs else None), pairs)

    def extent(self, node: yaml.Node, last: YNode | None) -> Span:
        """From the node's start to its end: a block collection ends where its last child does."""
        if last is not None and not getattr(node, "flow_style", False):
            line, column = self.span(node.start_mark)[:2]
            return Span(line, column, last.span.end_line, last.span.end_column)
        return self.span(node.start_mark, node.end_mark)
