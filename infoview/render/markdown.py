"""Markdown -> HTML with raw HTML escaped, for text the user wrote in an interview file."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from infoview.model import strip_comments

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # "html": False makes markdown-it escape raw HTML instead of passing it through, and its
    # link validator already refuses javascript:, vbscript:, file: and data: (but images).
    return MarkdownIt("commonmark", {"html": False, "typographer": False})


def render_block(source: str) -> Markup:
    """Render block Markdown (paragraphs, lists); guidance comments are dropped first."""
    return Markup(_renderer().render(strip_comments(source)))


def render_inline(source: str) -> Markup:
    """Render one line of Markdown (bold, italics, links) without a wrapping paragraph."""
    return Markup(_renderer().renderInline(strip_comments(source)))
