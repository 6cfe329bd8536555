"""Markdown -> HTML with raw HTML escaped, for text the user wrote in an interview file.

Layout cost grows faster than the markup: one paragraph holding 2,000 ``*a*`` spans takes
WeasyPrint over 30 s (the spans share one line-breaking pass), while the same text without
them takes a second. So a ``Markdown`` renderer has a budget (``limits``): an item with more
than ``MAX_ITEM_MARKUP`` inline elements (emphasis, links, code, images), or one that would
take a packet past ``MAX_PACKET_MARKUP``, is shown as its plain text instead, and the
renderer remembers that it did, for the packet to say so.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from infoview.limits import MAX_ITEM_MARKUP, MAX_PACKET_MARKUP
from infoview.model import plain_text, strip_comments

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # "html": False makes markdown-it escape raw HTML instead of passing it through, and its
    # link validator already refuses javascript:, vbscript:, file: and data: (but images).
    return MarkdownIt("commonmark", {"html": False, "typographer": False})


def _markup(tokens: list[Token]) -> int:
    """How many inline elements (emphasis, strong, links, code, images) ``tokens`` hold."""
    count = 0
    for token in tokens:
        for child in token.children or ():
            if child.type.endswith("_open") or child.type in ("code_inline", "image"):
                count += 1
    return count


class Markdown:
    """Render Markdown for one page, within a budget of inline elements."""

    def __init__(self, *, per_item: int = MAX_ITEM_MARKUP, total: int = MAX_PACKET_MARKUP):
        self.per_item = per_item
        self.left = total
        self.plain: set[str] = set()  # items shown as plain text because of the budget

    def _fits(self, tokens: list[Token], source: str) -> bool:
        marks = _markup(tokens)
        if marks > self.per_item or marks > self.left:
            self.plain.add(source)
            return False
        self.left -= marks
        return True

    def block(self, source: str) -> Markup:
        """Block Markdown (paragraphs, lists); guidance comments are dropped first."""
        md, text = _renderer(), strip_comments(source)
        tokens = md.parse(text)
        if not self._fits(tokens, text):
            return Markup("<p>") + escape(plain_text(text)) + Markup("</p>")
        return Markup(md.renderer.render(tokens, md.options, {}))

    def inline(self, source: str) -> Markup:
        """One line of Markdown (bold, italics, links) without a wrapping paragraph."""
        md, text = _renderer(), strip_comments(source)
        tokens = md.parseInline(text)
        if not self._fits(tokens, text):
            return escape(plain_text(text))
        return Markup(md.renderer.render(tokens, md.options, {}))


def render_block(source: str) -> Markup:
    """Render block Markdown with a budget of its own."""
    return Markdown().block(source)


def render_inline(source: str) -> Markup:
    """Render one line of Markdown with a budget of its own."""
    return Markdown().inline(source)
