"""markdown-it-py configured for what ``parse`` reads: CommonMark's block structure, fast.

``parse`` needs the block tokens (headings, lists, list items, paragraphs and their line
maps), never the inline ones, so the inline pass is off: a token's ``content`` keeps its
source text. Two further changes make the block pass cheaper without changing a token:

- **Tokens made directly.** ``StateBlock.push`` builds each token through the dataclass's
  ``__init__`` (default factories, a ``__post_init__`` converting ``attrs``); ``_state_class``
  sets the same fields to the same values itself, and falls back to markdown-it's own when
  ``Token`` has other fields than those it knows.
- **First-character dispatch.** markdown-it tries every block rule in turn on each line
  (and, inside a paragraph, every rule that may end it on each following line), though
  each rule can only match a line that starts with its own marker: a fence starts with
  a backtick or tilde, a quote with ``>``. ``_Dispatching`` calls only the rules that can
  match the line's first character, in markdown-it's order, and nothing but the
  indented-code rule on a line indented as code (every other rule refuses such a line).

``reference()`` is the same configuration without these, which the equivalence test
(``tests/test_parse_equivalence.py``) compares token for token on a large corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.parser_block import RuleFuncBlockType
    from markdown_it.ruler import Ruler
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

# Whitespace beyond ASCII (NBSP, U+2028...): Python's \s takes it, and so does markdown-it's
# unquoted-attribute class, which makes its HTML-tag pattern cubic on such a line.
_WIDE_SPACE = re.compile(r"[^\S\x00-\x7f]")


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """The parser ``parse`` uses (building one costs more than parsing a file)."""
    md = reference()
    ruler = _dispatching()
    for rule in md.block.ruler.__rules__:
        ruler.push(rule.name, rule.fn, {"alt": list(rule.alt)})
        if not rule.enabled:
            ruler.disable(rule.name)
    md.block.ruler = ruler
    state = _state_class()
    if state is not None:
        block = md.block

        def parse(src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token] | None:
            if not src:  # as ParserBlock.parse, with the faster state
                return None
            run = state(src, md, env, tokens)
            block.tokenize(run, run.line, run.lineMax)
            return run.tokens

        block.parse = parse  # type: ignore[method-assign,assignment]
    return md


def reference() -> MarkdownIt:
    """markdown-it as configured for ``parse``, with every rule tried on every line."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").disable("inline")
    alt = ["paragraph", "reference", "blockquote"]  # as markdown-it registers it
    md.block.ruler.at("html_block", _bounded_html_block, {"alt": alt})
    return md


def _bounded_html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's HTML-block rule, minus its one pattern that is cubic on some lines.

    The seventh kind of HTML block (a line holding only a complete tag) is recognised by a
    pattern whose attribute values and spaces both take non-ASCII whitespace; on a line
    such as ``<a b=`` and 2,000 NBSPs it runs for minutes. Such a line is not a tag anyway,
    so it is a paragraph; comments and the other six kinds are recognised as before.
    """
    from markdown_it.rules_block.html_block import HTML_SEQUENCES, html_block

    begin = state.bMarks[start] + state.tShift[start]
    if state.src[begin : begin + 1] != "<":  # the common case: not HTML at all
        return False
    line = state.src[begin : state.eMarks[start]]
    if _WIDE_SPACE.search(line) and not any(seq[0].search(line) for seq in HTML_SEQUENCES[:-1]):
        return False
    return html_block(state, start, end, silent)


def _dispatching() -> Ruler[RuleFuncBlockType]:
    """A block ruler whose chains call only the rules a line's first character allows."""
    from markdown_it.ruler import Ruler
    from markdown_it.rules_block import (
        blockquote,
        code,
        fence,
        heading,
        hr,
        lheading,
        list_block,
        paragraph,
        reference,
    )

    # The characters a line can start with (after its indentation) for each rule to match:
    # each rule reads that character first and refuses the line when it is not one of these.
    starts: dict[RuleFuncBlockType, str] = {
        fence: "`~",
        blockquote: ">",
        hr: "*-_",
        list_block: "*-+0123456789",
        reference: "[",
        _bounded_html_block: "<",
        heading: "#",
    }

    class Dispatching(Ruler["RuleFuncBlockType"]):
        def __init__(self) -> None:
            super().__init__()
            self.dispatch: dict[str, list[RuleFuncBlockType]] = {}

        def getRules(self, chainName: str = "") -> list[RuleFuncBlockType]:
            if self.__cache__ is None:  # the rules changed since the chains were made
                self.dispatch.clear()
            if chainName not in self.dispatch:
                rules = super().getRules(chainName)
                code_on = "code" in self.get_active_rules()
                self.dispatch[chainName] = _chain(rules, starts, code, lheading, paragraph, code_on)
            return self.dispatch[chainName]

    return Dispatching()


def _chain(
    rules: list[RuleFuncBlockType],
    starts: dict[RuleFuncBlockType, str],
    code: RuleFuncBlockType,
    lheading: RuleFuncBlockType,
    paragraph: RuleFuncBlockType,
    code_on: bool,
) -> list[RuleFuncBlockType]:
    """``rules`` as one dispatching rule, or unchanged when it holds a rule not known here."""
    head = rules[:1] == [code]
    tail = rules[-2:] == [lheading, paragraph]
    middle = rules[int(head) : len(rules) - 2 * int(tail)]
    if not rules or any(rule not in starts for rule in middle):
        return rules
    if not code_on:  # then no rule refuses an indented line
        return rules
    by_char = {c: tuple(r for r in middle if c in starts[r]) for c in "".join(starts.values())}

    def dispatch(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        if state.sCount[line] - state.blkIndent >= 4:  # indented code: only its rule matches
            return head and code(state, line, end, silent)
        pos = state.bMarks[line] + state.tShift[line]
        for rule in by_char.get(state.src[pos : pos + 1], ()):
            if rule(state, line, end, silent):
                return True
        if not tail:
            return False
        return lheading(state, line, end, silent) or paragraph(state, line, end, silent)

    return [dispatch]


_TOKEN_FIELDS = (
    "type",
    "tag",
    "nesting",
    "attrs",
    "map",
    "level",
    "children",
    "content",
    "markup",
    "info",
    "meta",
    "block",
    "hidden",
)


def _state_class() -> type[StateBlock] | None:
    """markdown-it's block state with a ``push`` that fills a token's fields directly.

    The fields are set as ``Token(ttype, tag, nesting)`` sets them, then ``block`` as
    ``push`` does; None (keep markdown-it's) when ``Token``'s fields are not these.
    """
    import dataclasses

    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

    if tuple(f.name for f in dataclasses.fields(Token)) != _TOKEN_FIELDS:
        return None
    new = Token.__new__

    class State(StateBlock):
        def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
            token = new(Token)
            token.type, token.tag, token.nesting = ttype, tag, nesting
            token.attrs, token.map, token.children, token.meta = {}, None, None, {}
            token.content = token.markup = token.info = ""
            token.block, token.hidden = True, False
            if nesting < 0:
                self.level -= 1  # a closing tag
            token.level = self.level
            if nesting > 0:
                self.level += 1  # an opening tag
            self.tokens.append(token)
            return token

    return State
