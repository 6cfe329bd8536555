"""Code actions, each a server-side edit (never a client-side command, which many editors
cannot run): silence a rule for one item or for the file, add a missing section's
skeleton, and ``source.fixAll.infoview`` (what ``infoview lint --fix`` does).

Every edit comes from the same pure text functions the commands use (``silence``,
``fix.fix_text``) and reaches the client as the minimal text edits between the buffer's
text and the result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from lsprotocol import types

from infoview.errors import InfoviewError
from infoview.lint.registry import lookup
from infoview.lsp.positions import text_edits
from infoview.lsp.server import InfoviewServer
from infoview.lsp.wire import SOURCE

FIX_ALL = "source.fixAll.infoview"
SECTION = "source.infoview.addSection"
KINDS = [types.CodeActionKind.QuickFix, SECTION, FIX_ALL]
# The rule whose fix is a missing section's skeleton.
SECTION_FOR = {"IV101": "research", "IV301": "questions", "IV406": "notes"}


def workspace_edit(ls: InfoviewServer, uri: str, old: str, new: str) -> types.WorkspaceEdit:
    """The edit turning the open buffer's ``old`` text into ``new``, for this client."""
    edits = text_edits(old, new, ls.encoding)
    if ls.supports("workspace.workspace_edit.document_changes"):
        document = ls.document(uri)
        version = document.version if document is not None else None
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri, version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(identifier, edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def _wanted(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for actions of ``kind`` (``only`` lists kinds or parents)."""
    return not only or any(kind == o or kind.startswith(f"{o}.") for o in only)


class _Actions:
    def __init__(self, ls: InfoviewServer, uri: str, text: str, only: list[str] | None) -> None:
        self.ls, self.uri, self.text, self.only = ls, uri, text, only
        self.out: list[types.CodeAction] = []
        self.titles: set[str] = set()

    def offer(
        self,
        title: str,
        kind: str,
        make: Callable[[], str],
        diagnostics: list[types.Diagnostic] | None = None,
        *,
        preferred: bool = False,
    ) -> None:
        """Offer the edit ``make()`` (a callable giving the new text) unless it fails."""
        if title in self.titles or not _wanted(kind, self.only):
            return
        try:
            new = make()
        except InfoviewError as exc:
            if self.ls.supports("text_document.code_action.disabled_support"):
                self.titles.add(title)
                reason = types.CodeActionDisabled(exc.message)
                self.out.append(types.CodeAction(title, kind, diagnostics, disabled=reason))
            return
        if new == self.text:
            return
        self.titles.add(title)
        edit = workspace_edit(self.ls, self.uri, self.text, new)
        self.out.append(
            types.CodeAction(title, kind, diagnostics, is_preferred=preferred or None, edit=edit)
        )


def code_actions(
    ls: InfoviewServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    from infoview.fix import ORDER, TITLES, fix_text
    from infoview.silence import disable_text, ignore_text

    uri = params.text_document.uri
    found = ls.space_of(uri)
    text = ls.text_of(uri)
    if found is None or text is None:
        return None
    path, space = found
    actions = _Actions(ls, uri, text, list(params.context.only or []) or None)
    related: dict[str, list[types.Diagnostic]] = {}
    for diagnostic in params.context.diagnostics:
        code = str(diagnostic.code or "")
        if diagnostic.source != SOURCE or lookup(code) is None:
            continue
        line = diagnostic.range.start.line + 1
        mine = [diagnostic]
        actions.offer(
            f"Silence {code} here (<!-- infoview-disable {code} -->)",
            types.CodeActionKind.QuickFix,
            partial(disable_text, text, line=line, code=code, path=path),
            mine,
            preferred=True,
        )
        actions.offer(
            f"Ignore {code} in this file (lint: {{ignore: [{code}]}})",
            types.CodeActionKind.QuickFix,
            partial(ignore_text, text, code=code, path=path),
            mine,
        )
        if code in SECTION_FOR:
            related.setdefault(SECTION_FOR[code], []).append(diagnostic)
    ws = space.workspace

    def skeleton(key: str | None) -> str:
        return fix_text(ws, text, path, only=None if key is None else {key})[0]

    for key in ORDER:
        kind = types.CodeActionKind.QuickFix if key in related else SECTION
        actions.offer(
            f"Add the ## {TITLES[key]} section (infoview lint --fix)",
            kind,
            partial(skeleton, key),
            related.get(key),
        )
    actions.offer(
        "Add every missing section (infoview lint --fix)",
        FIX_ALL,
        partial(skeleton, None),
    )
    return actions.out or None


def register(server: InfoviewServer) -> None:
    options = types.CodeActionOptions(code_action_kinds=KINDS, resolve_provider=False)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    def code_action(
        ls: InfoviewServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        return code_actions(ls, params)
