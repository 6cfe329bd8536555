"""A fast block scanner for the Markdown interviews really hold, or None to use markdown-it.

``parse`` reads a body's block tokens: headings, bullet and ordered lists, list items,
paragraphs and their inline source (``blocks.markdown()``). Nearly every interview uses
only ATX headings, paragraphs, lists (nested, with continuation lines) and one-line HTML
comments, and for those markdown-it's general machinery (a state built character by
character, every rule tried in turn) costs more than the rest of the parse.

``scan(body)`` follows markdown-it's own block algorithm step for step -- the same line
arrays (indent, column), the same rule order, the same indent and terminator tests, the
same quirks (``paragraph`` ignoring its end line, the "empty item then blank line"
workaround) -- but implements only the heading, list, paragraph and comment rules. At
every point where markdown-it would try another rule (code, fence, quote, rule,
reference, other HTML, setext underline) and that rule could match, it declines and
returns None, and the caller parses the whole body with markdown-it instead. So it never
guesses: a body is either scanned exactly or not at all. Tabs, CR and NUL decline too
(they change column arithmetic), as does nesting deep enough to reach markdown-it's
nesting limit.

``tests/test_parse_equivalence.py`` compares its tokens with markdown-it's, field by
field, on the parse corpus and on a seeded differential fuzz (``tools/parse_fuzz.py``).
The tokens carry what ``parse`` reads and a little more (``nesting``, ``markup``,
``info``), not markdown-it's ``attrs``, ``hidden`` or ``children``.
"""

from __future__ import annotations

from typing import Protocol

# markdown-it's MD_TRIM_CHARS (common.utils): what it strips from a paragraph's or
# heading's content. Copied so that scanning imports nothing; a test keeps them equal.
TRIM = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
MAX_LEVEL = 20  # markdown-it's maxNesting in the commonmark preset: decline before it


class BlockToken(Protocol):
    """What ``parse`` reads of a block token: markdown-it's ``Token`` and ``Block`` alike."""

    type: str
    tag: str
    level: int
    map: list[int] | None
    content: str


class Block:
    """One block token, with markdown-it's field names and values."""

    __slots__ = ("content", "info", "level", "map", "markup", "nesting", "tag", "type")

    def __init__(
        self,
        type: str,
        tag: str,
        nesting: int,
        level: int,
        map: list[int] | None,
        content: str = "",
        markup: str = "",
    ) -> None:
        self.type = type
        self.tag = tag
        self.nesting = nesting
        self.level = level
        self.map: list[int] | None = map
        self.content = content
        self.markup = markup
        self.info = ""

    def __repr__(self) -> str:
        return f"Block({self.type!r}, {self.tag!r}, level={self.level}, map={self.map})"


class _Decline(Exception):
    """The body holds something only markdown-it parses exactly."""


def scan(body: str) -> list[Block] | None:
    """The block tokens markdown-it would give for ``body``, or None where unsure."""
    if not body:
        return []
    if "\t" in body or "\r" in body or "\x00" in body:
        return None
    try:
        return _Scanner(body).run()
    except _Decline:
        return None


def _ordered_marker(text: str, pos: int) -> int:
    """markdown-it's skipOrderedListMarker on one line: the column after ``1.``, or -1."""
    end = len(text)
    if pos + 1 >= end or not "0" <= text[pos] <= "9":
        return -1
    start = pos
    pos += 1
    while True:
        if pos >= end:
            return -1
        ch = text[pos]
        pos += 1
        if "0" <= ch <= "9":
            if pos - start >= 10:
                return -1
            continue
        if ch == "." or ch == ")":
            break
        return -1
    if pos < end and text[pos] != " ":
        return -1
    return pos


def _bullet_marker(text: str, pos: int) -> int:
    """markdown-it's skipBulletListMarker on one line: the column after ``-``, or -1."""
    if pos >= len(text) or text[pos] not in "-*+":
        return -1
    if pos + 1 < len(text) and text[pos + 1] != " ":
        return -1
    return pos + 1


def _heading_level(text: str, pos: int) -> int:
    """The level of an ATX heading starting at ``pos`` (markdown-it's test), else 0."""
    end = len(text)
    if pos >= end or text[pos] != "#":
        return 0
    level = 1
    pos += 1
    while pos < end and text[pos] == "#" and level <= 6:
        level += 1
        pos += 1
    if level > 6 or (pos < end and text[pos] != " "):
        return 0
    return level


_FOREIGN = frozenset("`~>*-_")  # the first characters of a fence, quote or rule


def _refuse_foreign(text: str, pos: int) -> None:
    """Decline where a fence, block quote or thematic break (``hr``) may start at ``pos``."""
    ch = text[pos]
    if ch == ">" or (ch in "`~" and text.startswith(ch * 3, pos)):
        raise _Decline  # fence needs three markers; the scanner declines even a bad fence
    if ch in "*-_":
        rest = text[pos:]  # hr: three or more of one marker, nothing else but spaces
        if rest.count(ch) >= 3 and not rest.replace(ch, "").replace(" ", ""):
            raise _Decline


class _Scanner:
    """markdown-it's StateBlock and its block rules, for the subset ``scan`` handles."""

    def __init__(self, body: str) -> None:
        lines = body.split("\n")
        self.newline_after = len(lines) - 1  # lines before this index end with "\n"
        if not lines[-1].strip(" "):
            lines.pop()  # markdown-it drops a last line holding only spaces
        self.max = len(lines)
        lines.append("")  # markdown-it's fake line after the last
        self.lines = lines
        # tShift and sCount at once: without tabs, indent in characters is the column.
        self.shift = [len(line) - len(line.lstrip(" ")) for line in lines]
        self.shift[-1] = 0
        self.tokens: list[Block] = []
        self.level = 0
        self.blk = 0  # blkIndent
        self.list_indent = -1
        self.line = 0
        self.references = "]:" in body  # else no line can be a reference definition

    def run(self) -> list[Block]:
        self.tokenize(0, self.max)
        return self.tokens

    def empty(self, line: int) -> bool:
        return self.shift[line] >= len(self.lines[line])

    def tokenize(self, line: int, end: int) -> None:
        """ParserBlock.tokenize, with the main rule chain in ``block``."""
        shift, lines = self.shift, self.lines
        while line < end:
            while line < self.max and shift[line] >= len(lines[line]):
                line += 1  # skipEmptyLines
            self.line = line
            if line >= end or shift[line] < self.blk:
                break
            if self.level >= MAX_LEVEL:
                raise _Decline
            self.block(line, end)
            line = self.line
            if line < end and self.empty(line):
                line += 1
                self.line = line

    def block(self, line: int, end: int) -> None:
        """The main chain: code, fence, quote, rule, list, reference, HTML, heading, text."""
        text, pos = self.lines[line], self.shift[line]
        if pos - self.blk >= 4:
            raise _Decline  # indented code
        ch = text[pos]
        if ch in _FOREIGN:
            _refuse_foreign(text, pos)
        if ch in "*-+0123456789" and self.list(line, end):
            return
        if ch == "[" and self.references:
            raise _Decline  # perhaps a reference definition
        if ch == "<":
            self.html(line)
            return
        if ch == "#" and (level := _heading_level(text, pos)):
            self.heading(line, pos, level)
            return
        self.paragraph(line)

    def terminates_paragraph(self, line: int) -> bool:
        """Whether ``line`` (non-blank, not code-indented) ends the paragraph above it."""
        text, pos = self.lines[line], self.shift[line]
        ch = text[pos]
        if ch in _FOREIGN:
            _refuse_foreign(text, pos)
        if ch in "*-+0123456789" and self.list_interrupts(line):
            return True
        if ch == "<":
            if text.startswith("<!--", pos):
                return True
            raise _Decline  # another kind of HTML block, which may or may not interrupt
        return ch == "#" and _heading_level(text, pos) > 0

    def list_interrupts(self, line: int) -> bool:
        """list_block in validation mode, from a paragraph."""
        text, pos = self.lines[line], self.shift[line]
        if self.list_indent >= 0 and pos - self.list_indent >= 4 and pos < self.blk:
            return False
        terminating = pos >= self.blk
        after = _ordered_marker(text, pos)
        if after >= 0:
            if terminating and int(text[pos : after - 1]) != 1:
                return False
        else:
            after = _bullet_marker(text, pos)
            if after < 0:
                return False
        return not (terminating and not text[after:].strip(" "))

    def list(self, line: int, end: int) -> bool:
        """list_block: a whole list, its items tokenized with their content indent."""
        lines, shift = self.lines, self.shift
        text, start = lines[line], shift[line]
        after = _ordered_marker(text, start)
        ordered = after >= 0
        if not ordered:
            after = _bullet_marker(text, start)
            if after < 0:
                return False
        marker = text[after - 1]
        kind, tag = ("ordered_list", "ol") if ordered else ("bullet_list", "ul")
        tokens, level = self.tokens, self.level  # markdown-it's push, inlined
        list_map = [line, 0]
        tokens.append(Block(f"{kind}_open", tag, 1, level, list_map, "", marker))
        self.level = level + 2  # inside the list and an item (between items: level + 1)
        next_line = line
        while next_line < end:
            text = lines[line]
            content = after
            while content < len(text) and text[content] == " ":
                content += 1
            indent_after = 1 if content >= len(text) else content - after
            if indent_after > 4:
                indent_after = 1
            indent = after + indent_after
            item_map = [line, 0]
            item = Block("list_item_open", "li", 1, level + 1, item_map, "", marker)
            tokens.append(item)
            if ordered:
                item.info = text[start : after - 1]
            old_shift, old_list_indent = shift[line], self.list_indent
            self.list_indent, self.blk = self.blk, indent
            shift[line] = content
            if content >= len(text) and self.empty(line + 1):
                self.line = min(self.line + 2, end)  # markdown-it's empty-item workaround
            else:
                self.tokenize(line, end)
            self.blk, self.list_indent = self.list_indent, old_list_indent
            shift[line] = old_shift
            tokens.append(Block("list_item_close", "li", -1, level + 1, None, "", marker))
            next_line = line = self.line
            item_map[1] = next_line
            if next_line >= end or shift[line] < self.blk or shift[line] - self.blk >= 4:
                break
            text, start = lines[line], shift[line]
            if start >= len(text):
                break  # a blank line (after an empty item): no rule matches it
            if text[start] in _FOREIGN:
                _refuse_foreign(text, start)  # a fence, quote or rule would end the list
            after = (_ordered_marker if ordered else _bullet_marker)(text, start)
            if after < 0 or text[after - 1] != marker:
                break
        tokens.append(Block(f"{kind}_close", tag, -1, level, None, "", marker))
        self.level = level
        list_map[1] = next_line
        self.line = next_line
        return True

    def html(self, line: int) -> None:
        """html_block, for a comment that closes on its own line; anything else declines."""
        text, pos = self.lines[line], self.shift[line]
        if not text.startswith("<!--", pos) or "-->" not in text[pos:]:
            raise _Decline
        self.line = line + 1
        content = text[min(self.blk, pos) :] + "\n" * (line < self.newline_after)
        self.tokens.append(Block("html_block", "", 0, self.level, [line, line + 1], content))

    def heading(self, line: int, pos: int, level: int) -> None:
        """heading: an ATX heading, its closing ``#`` run and spaces cut."""
        text = self.lines[line]
        pos += level
        end = max(len(text.rstrip(" ")), pos)  # skipSpacesBack, stopping at pos
        hashes = max(len(text[:end].rstrip("#")), pos)  # skipCharsStrBack, likewise
        if hashes > pos and text[hashes - 1] == " ":
            end = hashes  # a closing run of #s, after a space
        self.line = line + 1
        tag, markup, at = f"h{level}", "#" * level, self.level
        content = text[pos:end].strip(TRIM)
        self.tokens += (
            Block("heading_open", tag, 1, at, [line, line + 1], "", markup),
            Block("inline", "", 0, at + 1, [line, line + 1], content),
            Block("heading_close", tag, -1, at, None, "", markup),
        )

    def paragraph(self, line: int) -> None:
        """paragraph (and lheading's look for an underline): up to a blank or a terminator."""
        lines, shift, blk = self.lines, self.shift, self.blk
        next_line = line + 1
        while next_line < self.max:
            text, pos = lines[next_line], shift[next_line]
            if pos >= len(text):
                break
            if pos - blk > 3:
                next_line += 1
                continue
            ch = text[pos]
            if pos >= blk and (ch == "-" or ch == "=") and not text[pos:].lstrip(ch).strip(" "):
                raise _Decline  # a setext underline
            if self.terminates_paragraph(next_line):
                break
            next_line += 1
        parts = [lines[n][min(blk, shift[n]) :] for n in range(line, next_line)]
        self.line = next_line
        content, at = "\n".join(parts).strip(TRIM), self.level
        self.tokens += (
            Block("paragraph_open", "p", 1, at, [line, next_line]),
            Block("inline", "", 0, at + 1, [line, next_line], content),
            Block("paragraph_close", "p", -1, at, None),
        )
