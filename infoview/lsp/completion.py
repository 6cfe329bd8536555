"""Completion in the front matter, and of rule codes in disable comments.

Keys at each level come from ``keys.py`` (those already there are left out); values from
what each key holds: the choices of ``mode``, ``formality``, ``status`` and
``thank_you_via``, true/false, today's date, the workspace's other interview files for
``referred_by`` and ``referrals[].file``, the tags its interviews already use, and rule
codes for ``lint.ignore``. Nothing depends on the request's ``context``, which older
clients do not send.
"""

from __future__ import annotations

import re

from lsprotocol import types

from infoview.keys import CHILDREN, DOCS, KINDS, key
from infoview.lint.registry import RULES
from infoview.lsp.documents import Space
from infoview.lsp.frontmatter import Place, place
from infoview.lsp.positions import Lines, units
from infoview.lsp.server import InfoviewServer

TRIGGERS = [":", " ", "[", ",", "-"]
_SCALARS = ("text", "choice", "date", "datetime", "duration", "boolean")
_FILES = ("referred_by", "referrals[].file")


def _item(
    label: str,
    kind: types.CompletionItemKind,
    detail: str,
    edit_range: types.Range,
    new_text: str,
    order: int,
) -> types.CompletionItem:
    return types.CompletionItem(
        label,
        kind=kind,
        detail=detail or None,
        sort_text=f"{order:03d}",
        filter_text=label,
        text_edit=types.TextEdit(edit_range, new_text),
    )


def _in_disable_comment(before: str) -> int | None:
    """Where the code being typed starts, when ``before`` (the line up to the cursor) ends
    inside ``<!-- infoview-disable ...``; else None. String operations, no backtracking."""
    start = before.rfind("<!--")
    if start == -1 or "-->" in before[start:]:
        return None
    inner = before[start + 4 :].lstrip()
    rest = inner.removeprefix("infoview-disable")
    if rest is inner or not rest[:1].isspace():
        return None
    word = len(before)
    while word > 0 and (before[word - 1].isalnum() or before[word - 1] in "_-"):
        word -= 1
    return word


def _rules(edit_range: types.Range, lead: str) -> list[types.CompletionItem]:
    return [
        _item(
            code,
            types.CompletionItemKind.Value,
            f"{r.slug}: {r.summary}",
            edit_range,
            lead + code,
            n,
        )
        for n, (code, r) in enumerate(RULES.items())
    ]


def _values(ls: InfoviewServer, space: Space, path: str, uri: str) -> list[tuple[str, str]]:
    """(value, detail) pairs for the key at ``path``."""
    found = key(path)
    if found is None:
        return []
    if found.choices:
        return [(choice, found.doc) for choice in found.choices]
    if found.kind == "boolean":
        return [("true", ""), ("false", "")]
    if found.kind in ("date", "datetime"):
        today = ls.clock.moment(space.settings.config.tz).date().isoformat()
        return [(today, "today")]
    if found.kind == "duration":
        return [("30", "minutes"), ("45", "minutes"), ("60", "minutes")]
    if path in _FILES:
        return [
            (known.path.name, known.interview.display_name)
            for known in ls.interviews(space)
            if known.uri != uri
        ]
    if path == "tags":
        used = sorted({tag for known in ls.interviews(space) for tag in known.interview.tags})
        return [(tag, "used in the workspace") for tag in used]
    return []


def complete(ls: InfoviewServer, params: types.CompletionParams) -> types.CompletionList | None:
    uri, at = params.text_document.uri, params.position
    text = ls.text_of(uri)
    found = ls.space_of(uri)
    if text is None or found is None:
        return None
    _, space = found
    lines = Lines(text, ls.encoding)
    line, column = lines.point(at)
    plain = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    source = plain[line - 1] if line - 1 < len(plain) else ""
    before = source[: column - 1]
    bom = lines.bom if line == 1 else 0

    def span(start: int) -> types.Range:
        begin = units(lines.line(at.line)[: start + bom], ls.encoding)
        return types.Range(types.Position(at.line, begin), at)

    comment = _in_disable_comment(before)
    if comment is not None:
        return types.CompletionList(False, _rules(span(comment), ""))
    where = place(plain, line - 1, column - 1)
    if where is None:
        return None
    edit_range = span(where.start)
    lead = " " if before[: where.start].endswith(":") else ""
    items: list[types.CompletionItem] = []
    list_path = where.parent.removesuffix("[]")
    if where.item and where.key is None and KINDS.get(list_path) == "entries":
        where = Place(where.parent, None, True, where.prefix, where.start, siblings=where.siblings)
    if where.on_key:
        for n, name in enumerate(CHILDREN.get(where.parent, ())):
            if name in where.siblings:
                continue
            path = f"{where.parent}.{name}" if where.parent else name
            kind = KINDS.get(path, "text")
            colon = ": " if kind in _SCALARS else ":"
            items.append(
                _item(
                    name,
                    types.CompletionItemKind.Property,
                    DOCS.get(path, ""),
                    edit_range,
                    name + colon,
                    n,
                )
            )
        return types.CompletionList(False, items)
    path = where.path
    if KINDS.get(path) == "rules":
        return types.CompletionList(False, _rules(edit_range, lead))
    for n, (value, detail) in enumerate(_values(ls, space, path, uri)):
        items.append(
            _item(value, types.CompletionItemKind.Value, detail, edit_range, lead + value, n)
        )
    return types.CompletionList(False, items)


def register(server: InfoviewServer) -> None:
    options = types.CompletionOptions(trigger_characters=TRIGGERS, resolve_provider=False)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, options)
    def on_completion(
        ls: InfoviewServer, params: types.CompletionParams
    ) -> types.CompletionList | None:
        return complete(ls, params)
