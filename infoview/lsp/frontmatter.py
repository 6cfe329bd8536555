"""Where the cursor is in the front matter: which key, under which parents, key or value.

Completion runs while the user types, when the YAML is usually not valid yet (``  mo``
has no colon), so the place is read from the lines and their indentation, as YAML's
block style defines them, rather than from a parse: a line's parent is the nearest line
above that is indented less (a ``- `` item's parent is the list's key), and a ``[...]``
or ``{...}`` on the line is followed to the cursor. Paths are dotted with ``[]`` for list
items, as in ``keys.py``: ``referrals[].file``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(
    r"^(?P<indent> *)(?:(?P<dash>-)(?: +|$))?"
    r"(?:(?P<key>[A-Za-z_][\w.-]*|\"[^\"]*\"|'[^']*') *:(?= |$))?(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Record:
    """One front-matter line: where its dash and key are, and what follows the colon."""

    dash: int | None  # column of a list item's '-'
    key: str | None
    key_col: int
    content: int  # column of the first character that is not a space
    rest: str  # after the key's colon (or the whole content without a key)
    blank: bool


def record(line: str) -> Record:
    stripped = line.lstrip(" ")
    content = len(line) - len(stripped)
    if not stripped or stripped.startswith("#"):
        return Record(None, None, content, content, "", True)
    match = _LINE.match(line)
    assert match is not None  # every group is optional
    dash = match.start("dash") if match.group("dash") else None
    key = match.group("key")
    key_col = match.start("key") if key else (match.start("rest"))
    if key is not None:
        key = key.strip("\"'")
    return Record(dash, key, key_col, content, match.group("rest"), False)


def fences(lines: list[str]) -> tuple[int, int]:
    """0-based indexes of the front matter's opening and closing lines; (0, 0) without."""
    if not lines or lines[0].rstrip() != "---":
        return 0, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return 0, index
    return 0, 0


def dotted(path: list[str]) -> str:
    out = ""
    for part in path:
        out += part if part == "[]" or not out else f".{part}"
    return out


class Lines:
    """The front matter's lines and the container of any node in them."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.first, self.last = fences(lines)

    def inside(self, index: int) -> bool:
        return self.last > 0 and self.first < index < self.last

    def container(self, index: int, col: int, dash: bool) -> list[str]:
        """The path holding a node at ``col`` on line ``index`` (a '- ' item when ``dash``)."""
        for j in range(index - 1, self.first, -1):
            r = record(self.lines[j])
            if r.blank or r.content > col:
                continue
            if dash and r.dash == col:
                continue  # a sibling item
            if dash and r.dash is None and r.key is not None and r.key_col == col:
                if not r.rest.strip():
                    return [*self.of_key(j, r), r.key]  # 'key:' then '- item' below it
                return []
            if r.dash is not None and r.dash < col:
                if r.key is not None and r.key_col < col:
                    return [*self.of_key(j, r), r.key]
                return [*self.container(j, r.dash, True), "[]"]
            if r.key is not None and r.key_col < col:
                return [*self.of_key(j, r), r.key]
            if r.content < col:
                return []  # under a plain value: not a place for keys
        return []

    def of_key(self, index: int, r: Record) -> list[str]:
        """The path holding the key on line ``index``."""
        if r.dash is not None:
            return [*self.container(index, r.dash, True), "[]"]
        return self.container(index, r.key_col, False)

    def siblings(self, index: int, col: int) -> set[str]:
        """Keys at ``col`` in the mapping holding line ``index`` (left out of completion).

        In a list of mappings, that is the keys of the same ``- `` item only.
        """
        own = record(self.lines[index])
        item = own.dash if own.dash is not None else None
        found: set[str] = set()
        for step in (1,) if item is not None else (-1, 1):  # an item starts on its '- ' line
            j = index + step
            while self.first < j < self.last:
                r = record(self.lines[j])
                if not r.blank:
                    starts_item = r.dash is not None and r.dash == col - 2
                    if starts_item and step == 1:
                        break  # the next item
                    if r.content < col and not starts_item:
                        break
                    if r.key is not None and r.key_col == col:
                        found.add(r.key)
                    if starts_item:
                        break  # the first line of this item
                j += step
        return found


@dataclass(frozen=True)
class Place:
    """What the cursor is on: a key (being typed or pointed at) or a value.

    ``parent`` is the mapping holding the key (``referrals[]`` for a referral's keys);
    ``key`` is the key on the line, whose value the cursor is in when not ``on_key`` (None
    while a new key is typed, or on a ``- `` item of a list of values, when ``item``).
    """

    parent: str
    key: str | None
    on_key: bool
    prefix: str  # what is typed of the word before the cursor
    start: int  # the column (characters) where that word starts
    item: bool = False  # a value inside a list: a '- ' item, or inside '[...]'
    siblings: frozenset[str] = frozenset()

    @property
    def path(self) -> str:
        """The key's dotted path (the list's, for an item of a list of values)."""
        if self.key is None:
            return self.parent.removesuffix("[]") if self.item else self.parent
        return f"{self.parent}.{self.key}" if self.parent else self.key


def _flow(text: str) -> tuple[list[str], bool, bool]:
    """Follow ``[``/``{`` in a value up to the cursor: (keys entered, in a list, on a key)."""
    keys: list[str] = []
    stack: list[str] = []
    token = ""
    quote = ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
            token += char
        elif char in "\"'":
            quote = char
            token += char
        elif char in "[{":
            stack.append(char)
            token = ""
        elif char in "]}":
            if stack and stack.pop() == "{" and keys:
                keys.pop()
            token = ""
        elif char == ":" and stack and stack[-1] == "{":
            keys.append(token.strip().strip("\"'"))
            token = ""
        elif char == ",":
            if stack and stack[-1] == "{" and len(keys) >= stack.count("{"):
                keys.pop()
            token = ""
        else:
            token += char
    in_list = bool(stack) and stack[-1] == "["
    on_key = bool(stack) and stack[-1] == "{" and len(keys) < stack.count("{")
    return keys, in_list, on_key


def place(lines: list[str], index: int, column: int) -> Place | None:
    """The place at 0-based line ``index``, character ``column``, or None outside the YAML."""
    fm = Lines(lines)
    if not fm.inside(index):
        return None
    line = lines[index]
    column = min(column, len(line))
    before = line[:column]
    word = re.search(r"[\w.\-]*$", before)
    prefix = word.group() if word else ""
    start = column - len(prefix)
    r = record(line)
    if "#" in before and before.lstrip().startswith("#"):
        return None  # in a comment
    if r.dash is not None and column > r.dash:
        holder = [*fm.container(index, r.dash, True), "[]"]
        col = r.dash + 2
    else:
        col = r.content if not r.blank else column
        holder = fm.container(index, col, False)
    # the key's own colon (rest follows it), not one inside a quoted key ('a:b': ...)
    colon = len(line) - len(r.rest) - 1 if r.key is not None else -1
    if r.key is None or column <= colon:
        siblings = frozenset(fm.siblings(index, col) - {r.key or ""})
        if r.dash is not None and column > r.dash and r.key is None:
            # '- foo': an item of a list of values, or the first key of a list's mapping.
            return Place(dotted(holder), None, False, prefix, start, True, siblings)
        return Place(dotted(holder), r.key, True, prefix, start, False, siblings)
    keys, in_list, on_key = _flow(line[colon + 1 : column])
    path = [*holder, r.key, *keys]
    if on_key:
        return Place(dotted(path), None, True, prefix, start)
    return Place(dotted(path[:-1]), path[-1], False, prefix, start, in_list)
