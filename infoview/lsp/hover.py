"""Hover: a diagnostic's rule, a rule code in a disable comment or ``lint.ignore``, a key.

Contents are Markdown. A rule shows the text of ``infoview rules CODE`` (its summary, the
guide's sentence, passing and failing examples, the reST ``::`` blocks as code blocks);
a front-matter key shows its one line from ``keys.py`` and the values it takes.
"""

from __future__ import annotations

import re

from lsprotocol import types

from infoview.keys import Key, key
from infoview.lint.registry import Rule, lookup
from infoview.lsp.frontmatter import Place, place
from infoview.lsp.positions import Lines
from infoview.lsp.server import InfoviewServer

_KIND_WORDS = {
    "mapping": "keys of its own",
    "date": "a date, YYYY-MM-DD",
    "datetime": "a date, or a date and time: YYYY-MM-DD or YYYY-MM-DDTHH:MM",
    "duration": "minutes: 30, or '45 min', '1h'",
    "boolean": "true or false",
    "texts": "a list of text ('- item' lines or [a, b])",
    "rules": "a list of rule codes or slugs, e.g. [IV303]",
    "entries": "a list of entries ('- ' items)",
    "text": "text",
}


def rule_markdown(rule: Rule) -> str:
    """``infoview rules CODE`` as Markdown: its ``::`` example blocks become code blocks."""
    out = [f"**{rule.code}** `{rule.slug}` (default: {rule.severity})", ""]
    lines = rule.doc.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.rstrip().endswith("::"):
            out.append(line.rstrip()[:-1])
            block: list[str] = []
            index += 1
            while index < len(lines) and (not lines[index].strip() or lines[index][:1] == " "):
                block.append(lines[index][4:])
                index += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            out += ["", "```", *block, "```", ""]
            continue
        out.append(line)
        index += 1
    return "\n".join(out).strip()


def key_markdown(found: Key) -> str:
    words = f"**{found.path}**: {found.doc}" if found.doc else f"**{found.path}**"
    holds = _KIND_WORDS.get(found.kind, found.kind)
    if found.choices:
        holds = "one of " + ", ".join(f"`{c}`" for c in found.choices)
    return f"{words}\n\nHolds {holds}."


def _contains(rng: types.Range, at: types.Position) -> bool:
    start, end = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
    return start <= (at.line, at.character) <= end


def hover(ls: InfoviewServer, params: types.HoverParams) -> types.Hover | None:
    uri, at = params.text_document.uri, params.position
    text = ls.text_of(uri)
    if text is None or ls.space_of(uri) is None:
        return None
    result = ls.results.get(uri)
    if result is None or result.text != text:
        result = ls.lint_uri(uri)
    parts: list[str] = []
    shown: set[str] = set()
    for item in result.items if result is not None else []:
        if _contains(item.range, at):
            rule = lookup(str(item.code))
            parts.append(f"**{item.code}** {item.message}")
            if rule is not None and rule.code not in shown:
                shown.add(rule.code)
                parts.append(rule_markdown(rule))
    lines = Lines(text, ls.encoding)
    line, column = lines.point(at)
    plain = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    where = place(plain, line - 1, column - 1)
    word = lines.word_at(at, r"[A-Za-z0-9_\-]+")
    rule = lookup(word) if word else None
    in_comment = "infoview-disable" in lines.line(at.line)
    if rule is not None and rule.code not in shown and (in_comment or _in_ignore(where)):
        parts.append(rule_markdown(rule))
    elif where is not None:
        path = where.path
        if where.on_key:
            path = f"{where.parent}.{word}" if where.parent else word
        found = key(path)
        if found is not None:
            parts.append(key_markdown(found))
    if not parts:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)))


def _in_ignore(where: Place | None) -> bool:
    return where is not None and where.path == "lint.ignore" and not where.on_key


def register(server: InfoviewServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: InfoviewServer, params: types.HoverParams) -> types.Hover | None:
        return hover(ls, params)
