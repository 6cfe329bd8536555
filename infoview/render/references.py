"""What a rendered page may refer to: the gate every packet and card passes before output.

Templates can be overridden from the workspace, so the HTML they produce is not trusted.
``confine_html`` re-writes it, tag by tag (the standard library's HTML tokenizer), keeping:

- the elements and attributes a document needs (text, tables, lists, images, ``<style>``,
  ``<meta name>``), never scripts, frames, objects, forms, ``<link>``, ``<base>``, event
  handlers or ``http-equiv``;
- links (``<a href>``) only to ``http:``, ``https:``, ``mailto:`` and ``tel:`` (and ``#``
  anchors within the page): a relative Markdown link would otherwise become a
  ``file:///...`` link carrying the workspace's absolute path, so it is kept as text and
  reported.

For the PDF (``embed=False``) images, fonts and imports stay as written: WeasyPrint loads
each through the confined fetcher, which reports what it refuses. For ``--html``
(``embed=True``) nothing may be left for a browser to fetch: every image, ``url()`` and
``@import`` is read through ``render.inputs`` and embedded (``data:`` URIs, imported rules
inline), or dropped and reported, so the page carries no remote, outside or absolute
reference at all.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from infoview.render.inputs import (
    IMAGE_SUFFIXES,
    MIME,
    Refused,
    local_file,
    read_resource,
    read_stylesheet,
)

LINK_SCHEMES = ("http", "https", "mailto", "tel")
MAX_IMPORT_DEPTH = 4

# Word lists, one set each (noqa: a literal would take a line per word).
_ELEMENTS = frozenset(
    "html head body title meta style section article aside header footer main nav div span p "  # noqa: SIM905
    "h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table thead tbody tfoot tr th td caption colgroup "
    "col a img strong em b i u s code pre blockquote br hr sup sub small mark abbr cite q "
    "figure figcaption address time del ins kbd samp var wbr bdi bdo ruby rt rp label".split()
)
# Dropped with everything inside them (their text is not page text).
_DROPPED_WITH_CONTENT = frozenset(
    "script iframe object noscript template svg math canvas audio video picture applet "  # noqa: SIM905
    "frameset frame noembed noframes select textarea button form".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())  # noqa: SIM905
_ATTRIBUTES = frozenset(
    "class id lang dir title role style alt width height colspan rowspan scope headers start "  # noqa: SIM905
    "reversed type value datetime".split()
)
_PER_ELEMENT = {"a": {"href"}, "img": {"src"}, "meta": {"charset", "name", "content"}}
_IMAGE_SETS = ("image-set", "-webkit-image-set")  # their strings are URLs too
_SPACES = re.compile(r"[\x00-\x20]+")  # what browsers strip from a URL's ends and insides


@dataclass
class Confined:
    html: str
    refused: list[str] = field(default_factory=list)  # "what: why", one per reference
    used: dict[str, str] = field(default_factory=dict)  # embedded path -> sha256


def link_allowed(href: str) -> bool:
    """True for an http(s), mailto or tel link, or an anchor within the page."""
    value = _SPACES.sub("", href)
    if value.startswith("#"):
        return True
    scheme = urlsplit(value).scheme.lower()
    return scheme in LINK_SCHEMES and not value.lower().startswith(("http:///", "https:///"))


def confine_html(html: str, *, root: Path, embed: bool, base: Path | None = None) -> Confined:
    """``html`` with only what a page may carry (see the module's docstring).

    ``base`` is the folder relative references resolve against (the interview's folder);
    ``root`` the workspace.
    """
    rewriter = _Rewriter(root=root.resolve(), base=base or root, embed=embed)
    rewriter.feed(html)
    rewriter.close()
    result = rewriter.result
    result.html = "".join(rewriter.out)
    result.refused = list(dict.fromkeys(result.refused))
    return result


def confine_css(css: str, *, root: Path, base: Path) -> Confined:
    """A stylesheet for ``--html``: url() embedded or emptied, @import inlined or dropped.

    ``base`` is the stylesheet's own folder, which its references are relative to.
    """
    rewriter = _Rewriter(root=root.resolve(), base=base, embed=True)
    result = rewriter.result
    result.html = rewriter.css(css)
    result.refused = list(dict.fromkeys(result.refused))
    return result


class _Rewriter(HTMLParser):
    def __init__(self, *, root: Path, base: Path, embed: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.root, self.base, self.embed = root, base, embed
        self.out: list[str] = []
        self.result = Confined("")
        self.skipping: list[str] = []  # the dropped elements we are inside
        self.style: list[str] | None = None  # the text of the <style> element we are in

    # -- the tokenizer's events ----------------------------------------------------------

    def handle_decl(self, decl: str) -> None:
        # The tokenizer calls this for <!DOCTYPE ...> only (other <!...> are comments).
        if not self.skipping:
            self.out.append("<!DOCTYPE html>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "style" and self.style is not None:
            css = "".join(self.style)
            css = self.css(css) if self.embed else css
            self.out.append(css.replace("</", "<\\/"))
            self.style = None
        if tag in _ELEMENTS and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.style is not None:
            self.style.append(data)
        else:
            self.out.append(htmllib.escape(data, quote=False))

    # Comments, processing instructions and CDATA are not page content.
    def handle_comment(self, data: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass

    # -- elements and attributes -----------------------------------------------------------

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and not closed and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _DROPPED_WITH_CONTENT:
            if not closed and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag not in _ELEMENTS:
            if tag in ("link", "base"):
                self.result.refused.append(f"<{tag}>: not used; put styles in the stylesheet")
            return  # the element goes, its text stays
        kept = []
        for name, value in attrs:
            name = name.lower()
            if value is None:
                value = ""
            if not (name in _ATTRIBUTES or name in _PER_ELEMENT.get(tag, ()) or _open(name)):
                continue
            if tag == "meta" and name == "content" and not any(n == "name" for n, _ in attrs):
                continue
            cleaned = self.attribute(tag, name, value)
            if cleaned is not None:
                kept.append(f' {name}="{htmllib.escape(cleaned, quote=True)}"')
        if tag == "meta" and not kept:  # only http-equiv, say: nothing left to say
            return
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag == "style":
            if closed:  # "<style/>": a browser would read all that follows as CSS
                self.out.append("</style>")
            else:
                self.style = []

    def attribute(self, tag: str, name: str, value: str) -> str | None:
        """The attribute's value as it may stay, or None to drop it."""
        if name == "href":
            if link_allowed(value):
                return value
            self.result.refused.append(
                f"{value}: a link to a file or another kind of address is shown as text "
                "(only http, https, mailto and tel links are kept)"
            )
            return None
        if name == "src":  # refused: the attribute goes, the alt text stays
            return (self.embedded(value, images_only=True) or None) if self.embed else value
        if name == "style" and self.embed:
            return self.css(value, inline=True)
        return value

    # -- embedding (for --html) --------------------------------------------------------------

    def path_of(self, reference: str, base: Path) -> Path:
        """The workspace file ``reference`` names (relative to ``base``), or Refused."""
        value = _SPACES.sub("", reference)
        parts = urlsplit(value)
        if parts.scheme == "file":
            return local_file(value, self.root)
        if parts.scheme or parts.netloc:
            raise Refused("only files inside the workspace are used; packets never fetch URLs")
        if not parts.path:
            raise Refused("no file named")
        relative = Path(url2pathname(unquote(parts.path)))
        if relative.is_absolute():
            return local_file(Path(relative).as_uri(), self.root)
        return local_file((base / relative).absolute().as_uri(), self.root)

    def embedded(self, reference: str, *, images_only: bool, base: Path | None = None) -> str:
        """A ``data:`` URI of the file ``reference`` names, or "" (and a refusal)."""
        try:
            path = self.path_of(reference, base or self.base)
            if images_only and path.suffix.lower() not in IMAGE_SUFFIXES:
                raise Refused(f"not an image ({path.suffix})")  # local_file wants a suffix
            body = read_resource(path, self.root)
        except Refused as exc:
            self.result.refused.append(f"{_shown(reference)}: {exc}")
            return ""
        self.result.used[str(path)] = hashlib.sha256(body).hexdigest()
        mime = MIME.get(path.suffix.lower(), "application/octet-stream")
        return f"data:{mime};base64,{base64.b64encode(body).decode('ascii')}"

    def css(
        self, text: str, *, inline: bool = False, base: Path | None = None, depth: int = 0
    ) -> str:
        """CSS with every url() embedded or emptied and every @import inlined or dropped."""
        import tinycss2

        folder = base or self.base
        if inline:  # a style="..." attribute: a list of tokens
            values = tinycss2.parse_component_value_list(text)
            return str(tinycss2.serialize(self._urls(values, folder)))
        out: list[Any] = []
        for rule in tinycss2.parse_stylesheet(text):
            if getattr(rule, "lower_at_keyword", None) == "import":
                out.append(self._import(rule, folder, depth))
                continue
            if getattr(rule, "prelude", None) is not None:
                rule.prelude = self._urls(rule.prelude, folder)
            if getattr(rule, "content", None) is not None:
                rule.content = self._urls(rule.content, folder)
            out.append(rule)
        return "".join(part if isinstance(part, str) else part.serialize() for part in out)

    def _import(self, rule: Any, folder: Path, depth: int) -> str:
        target = next((t for t in rule.prelude if t.type in ("url", "string", "function")), None)
        reference = _url_of(target, strings=True) if target is not None else None
        if reference is None:
            return ""
        try:
            if depth >= MAX_IMPORT_DEPTH:
                raise Refused(f"imports nested more than {MAX_IMPORT_DEPTH} deep")
            path = self.path_of(reference, folder)
            if path.suffix.lower() != ".css":
                raise Refused("not a stylesheet")
            text = read_stylesheet(path, self.root)
        except Refused as exc:
            self.result.refused.append(f"{_shown(reference)}: {exc}")
            return ""
        self.result.used[str(path)] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        import tinycss2

        inner = self.css(text, base=path.parent, depth=depth + 1)
        media = tinycss2.serialize(rule.prelude[rule.prelude.index(target) + 1 :]).strip()
        return f"@media {media} {{\n{inner}\n}}\n" if media else inner + "\n"

    def _urls(self, tokens: list[Any], folder: Path, *, strings: bool = False) -> list[Any]:
        """``tokens`` with each reference embedded; ``strings``: inside image-set(), where
        a plain string is a URL too."""
        import tinycss2.ast
        from tinycss2.serializer import serialize_url

        out = []
        for token in tokens:
            reference = _url_of(token, strings=strings)
            if reference is not None:
                data = self.embedded(reference, images_only=False, base=folder)
                shown = f"url({serialize_url(data)})"
                out.append(
                    tinycss2.ast.URLToken(token.source_line, token.source_column, data, shown)
                )
                continue
            if getattr(token, "content", None) is not None:  # a block (a url has none)
                token.content = self._urls(token.content, folder)
            if getattr(token, "arguments", None) is not None:
                images = token.lower_name in _IMAGE_SETS
                token.arguments = self._urls(token.arguments, folder, strings=images)
            out.append(token)
        return out


def _url_of(token: Any, *, strings: bool) -> str | None:
    """The reference of a ``url(x)`` token or ``url("x")`` function (or, for an @import,
    a plain string)."""
    if token.type == "url":
        return str(token.value)
    if token.type == "function" and token.lower_name in ("url", "src"):
        quoted = [t for t in token.arguments if t.type == "string"]
        return str(quoted[0].value) if quoted else ""
    if strings and token.type == "string":
        return str(token.value)
    return None


def _open(name: str) -> bool:
    """aria-* and data-* attributes carry no references."""
    return name.startswith(("aria-", "data-"))


def _shown(reference: str) -> str:
    """A reference as a message shows it: a data: URI by its start only."""
    return reference if len(reference) <= 200 else reference[:60] + "..."
