"""Code actions: server-side edits only, each the minimal text edit of the pure function
the command line uses, applied here as an editor applies it.

The contract (issue 13): the quick fix has kind ``quickfix``, its edit inline, and adds
exactly the one line ``<!-- infoview-disable CODE -->`` directly above the item, changing
nothing else; it is offered when the request's ``context.diagnostics`` holds that
diagnostic.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lsprotocol import types

from infoview.fix import fix_text
from infoview.lsp.actions import FIX_ALL, KINDS, SECTION, SECTION_FOR, _wanted
from infoview.silence import ignore_text
from infoview.workspace import Workspace

from ..inproc import Lsp

GOAL = "### Goal 3: estate planning practice\n"
QUESTION = "- What does your company do?"
DANA = "2026-12-03-dana-whitfield.md"
SKELETON = "---\ninterviewer:\n  name: Sam Ortiz\n---\n# Sam\n"


def actions(
    server: Lsp,
    uri: str,
    diagnostics: list[types.Diagnostic],
    *,
    only: list[str] | None = None,
    line: int = 0,
) -> list[types.CodeAction]:
    found = server.request(
        "textDocument/codeAction",
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(line, 0), types.Position(line, 0)),
            types.CodeActionContext(diagnostics, only=only),
        ),
    )
    assert found is None or found  # never an empty list: None
    assert all(isinstance(a, types.CodeAction) for a in found or [])
    return list(found or [])


def edits_of(server: Lsp, uri: str, edit: types.WorkspaceEdit | None) -> list[types.TextEdit]:
    """The edit's text edits, checking it has the form this client asked for."""
    assert edit is not None
    if server.ls.supports("workspace.workspace_edit.document_changes"):
        assert edit.changes is None
        (change,) = edit.document_changes or []
        assert isinstance(change, types.TextDocumentEdit)
        assert change.text_document == types.OptionalVersionedTextDocumentIdentifier(
            uri, server.versions[uri]
        )
        return [e for e in change.edits if isinstance(e, types.TextEdit)]
    assert edit.document_changes is None
    assert list(edit.changes or {}) == [uri]
    return list((edit.changes or {})[uri])


def open_dana_asking_online(server: Lsp, root: Path) -> tuple[str, str, types.Diagnostic]:
    text = (root / "interviews" / DANA).read_text().replace(GOAL, GOAL + QUESTION + "\n")
    uri = server.open(root / "interviews" / DANA, text)
    (online,) = [d for d in server.diagnostics(uri) if d.code == "IV303"]
    return uri, text, online


def test_the_options_name_every_kind_and_no_resolve(lsp: Callable[..., Lsp]) -> None:
    result = lsp().result
    assert result is not None
    options = result.capabilities.code_action_provider
    assert isinstance(options, types.CodeActionOptions)
    assert list(options.code_action_kinds or []) == [
        "quickfix",
        "source.infoview.addSection",
        "source.fixAll.infoview",
    ]
    assert options.resolve_provider is False
    assert [types.CodeActionKind.QuickFix, SECTION, FIX_ALL] == KINDS
    assert SECTION_FOR == {"IV101": "research", "IV301": "questions", "IV406": "notes"}


def test_the_quick_fix_adds_exactly_one_line_above_the_item(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    uri, text, online = open_dana_asking_online(server, root)
    line = online.range.start.line
    offered = actions(server, uri, [online], line=line)
    fix = offered[0]
    assert fix.title == "Silence IV303 here (<!-- infoview-disable IV303 -->)"
    assert fix.kind == types.CodeActionKind.QuickFix == "quickfix"
    assert list(fix.diagnostics or []) == [online]
    assert fix.is_preferred is True and fix.command is None and fix.disabled is None
    position = types.Position(line, 0)
    assert edits_of(server, uri, fix.edit) == [
        types.TextEdit(types.Range(position, position), "<!-- infoview-disable IV303 -->\n")
    ]
    assert fix.edit is not None
    server.apply(fix.edit)
    assert server.texts[uri] == text.replace(
        QUESTION, "<!-- infoview-disable IV303 -->\n" + QUESTION
    )
    server.advance(0.05)
    assert "IV303" not in {d.code for d in server.diagnostics(uri)}


def test_the_quick_fix_is_offered_only_for_the_diagnostics_in_the_request(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri, _, online = open_dana_asking_online(server, root)
    unasked = actions(server, uri, [], line=online.range.start.line)
    assert not any(a.title.startswith(("Silence", "Ignore")) for a in unasked)
    foreign = types.Diagnostic(online.range, online.message, code="IV303", source="markdownlint")
    unknown = types.Diagnostic(online.range, "x", code="MD013", source="infoview")
    uncoded = types.Diagnostic(online.range, "x", source="infoview")
    others = actions(server, uri, [foreign, unknown, uncoded])
    assert [a.title for a in others] == [a.title for a in unasked]
    # Two in the request: each gets its own fixes, in order, and a title is offered once.
    mode = types.Diagnostic(online.range, "x", code="IV304", source="infoview")
    both = actions(server, uri, [online, mode, online])
    assert [a.title for a in both][:4] == [
        "Silence IV303 here (<!-- infoview-disable IV303 -->)",
        "Ignore IV303 in this file (lint: {ignore: [IV303]})",
        "Silence IV304 here (<!-- infoview-disable IV304 -->)",
        "Ignore IV304 in this file (lint: {ignore: [IV304]})",
    ]
    assert len({a.title for a in both}) == len(both)


def test_a_key_is_silenced_with_a_yaml_comment_at_its_indentation(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    text = (root / "interviews" / DANA).read_text().replace("  mode: video", "  mode: zoomy")
    uri = server.open(root / "interviews" / DANA, text)
    (mode,) = [d for d in server.diagnostics(uri) if "zoomy" in d.message]
    fix = actions(server, uri, [mode])[0]
    assert fix.edit is not None
    server.apply(fix.edit)
    expected = text.replace(
        "  mode: zoomy", f"  # <!-- infoview-disable {mode.code} -->\n  mode: zoomy"
    )
    assert server.texts[uri] == expected


def test_ignore_for_the_file_puts_the_code_in_the_front_matter(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    uri, text, online = open_dana_asking_online(server, root)
    ignore = actions(server, uri, [online])[1]
    assert ignore.title == "Ignore IV303 in this file (lint: {ignore: [IV303]})"
    assert ignore.kind == "quickfix" and ignore.is_preferred is None
    assert list(ignore.diagnostics or []) == [online]
    assert ignore.edit is not None
    server.apply(ignore.edit)
    assert server.texts[uri] == ignore_text(text, code="IV303")
    assert server.texts[uri] == text.replace(
        "tags: [estate-planning, law-firm]\n",
        "tags: [estate-planning, law-firm]\nlint: {ignore: [IV303]}\n",
    )


def test_where_a_comment_cannot_go_the_fix_is_shown_disabled_or_not_at_all(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    uri = server.open(root / "interviews" / "2026-12-11-skeletons.md", SKELETON)
    research = next(d for d in server.diagnostics(uri) if d.code == "IV101")
    assert research.range.start.line == 0  # reported on the opening '---'
    offered = actions(server, uri, [research])
    silence = [a for a in offered if a.title.startswith("Silence")]
    if client == "visual_studio_code":  # it can show a disabled action, with the reason
        (shown,) = silence
        assert shown.edit is None and shown.kind == "quickfix"
        assert shown.disabled is not None
        assert shown.disabled.reason.startswith(
            "a comment cannot go above the front matter's '---' line; ignore IV101"
        )
        assert list(shown.diagnostics or []) == [research]
    else:
        assert silence == []
    # Two diagnostics of one rule on one line (IV102 can give two) still offer each once.
    twice = actions(server, uri, [research, research])
    assert [a.title for a in twice] == [a.title for a in offered]
    assert [a.title for a in offered if a not in silence] == [
        "Ignore IV101 in this file (lint: {ignore: [IV101]})",
        "Add the ## Research section (infoview lint --fix)",
        "Add the ## Questions section (infoview lint --fix)",
        "Add the ## Notes section (infoview lint --fix)",
        "Add the ## Follow-up section (infoview lint --fix)",
        "Add every missing section (infoview lint --fix)",
    ]


def test_each_missing_section_is_its_own_action_and_fix_all_adds_them_all(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp("visual_studio_code")
    uri = server.open(root / "interviews" / "2026-12-11-skeletons.md", SKELETON)
    found = server.diagnostics(uri)
    research = next(d for d in found if d.code == "IV101")
    questions = next(d for d in found if d.code == "IV301")
    offered = {a.title.split(" (")[0]: a for a in actions(server, uri, [research, questions])}
    assert offered["Add the ## Research section"].kind == "quickfix"
    assert list(offered["Add the ## Research section"].diagnostics or []) == [research]
    assert offered["Add the ## Questions section"].kind == "quickfix"
    assert list(offered["Add the ## Questions section"].diagnostics or []) == [questions]
    notes = offered["Add the ## Notes section"]
    assert notes.kind == "source.infoview.addSection" and notes.diagnostics is None
    fix_all = offered["Add every missing section"]
    assert fix_all.kind == "source.fixAll.infoview" and fix_all.diagnostics is None
    assert notes.is_preferred is None and fix_all.is_preferred is None
    ws = Workspace(root, server.ls.spaces.known()[0].settings.config)
    path = root / "interviews" / "2026-12-11-skeletons.md"
    assert fix_all.edit is not None and notes.edit is not None
    server.apply(notes.edit)
    assert server.texts[uri] == fix_text(ws, SKELETON, path, only={"notes"})[0]
    server.advance(0.05)
    fix_all = next(
        a for a in actions(server, uri, []) if a.title.startswith("Add every missing section")
    )
    assert fix_all.edit is not None
    server.apply(fix_all.edit)
    everything = fix_text(ws, SKELETON, path, only=None)[0]
    assert server.texts[uri] == everything
    server.advance(0.05)
    # Nothing is missing any more: no section action is offered.
    left = actions(server, uri, [])
    assert not any(a.title.startswith("Add") for a in left)


@pytest.mark.parametrize(
    ("only", "kinds"),
    [
        (["source.fixAll"], ["source.fixAll.infoview"]),
        (["source.fixAll.infoview"], ["source.fixAll.infoview"]),
        (["source.infoview"], ["source.infoview.addSection"] * 4),
        (["source"], ["source.infoview.addSection"] * 4 + ["source.fixAll.infoview"]),
        (["quickfix"], []),
        (["refactor"], []),
        (["quickfix", "source.fixAll"], ["source.fixAll.infoview"]),
        ([], ["source.infoview.addSection"] * 4 + ["source.fixAll.infoview"]),
    ],
)
def test_the_client_can_ask_for_some_kinds_only(
    lsp: Callable[..., Lsp], root: Path, only: list[str], kinds: list[str]
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / "2026-12-11-skeletons.md", SKELETON)
    assert [a.kind for a in actions(server, uri, [], only=only)] == kinds


def test_wanted_matches_a_kind_or_its_parents() -> None:
    assert _wanted("source.fixAll.infoview", None)
    assert _wanted("source.fixAll.infoview", ["source"])
    assert _wanted("source.fixAll.infoview", ["source.fixAll.infoview"])
    assert not _wanted("source.fixAll.infoview", ["source.fix"])
    assert not _wanted("source", ["source.fixAll"])
    assert not _wanted("quickfix", ["source", "refactor"])


def test_no_actions_for_a_complete_interview_or_what_is_not_an_open_interview(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / DANA)
    assert actions(server, uri, []) == []  # the server answered None: nothing to offer
    readme = server.open(root / "README.md")
    assert actions(server, readme, []) == []
    closed = (root / "interviews" / "2026-11-18-marcus-lee.md").as_uri()
    assert actions(server, closed, []) == []
