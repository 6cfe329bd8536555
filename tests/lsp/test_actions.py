"""Code actions and commands: every edit a server-side edit, applied as an editor applies it.

The test editor applies each WorkspaceEdit to its buffer and sends the change back, as
Neovim and VS Code do; the result is compared byte for byte with the pure edit functions
the command line uses, and the diagnostics must follow.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from infoview.followup import add_referral_text, log_contact_text, mark_sent_text

from .session import TODAY, Editor

pytestmark = pytest.mark.asyncio(loop_scope="session")

GOAL = "### Goal 3: estate planning practice\n"
QUESTION = "- What does your company do?"


async def actions(
    server: LanguageClient,
    uri: str,
    diagnostics: list[types.Diagnostic],
    *,
    only: list[str] | None = None,
    line: int = 0,
) -> list[types.CodeAction]:
    found = await server.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            types.Range(types.Position(line, 0), types.Position(line, 0)),
            types.CodeActionContext(diagnostics, only=only),
        )
    )
    assert all(isinstance(a, types.CodeAction) for a in found or [])
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


def copy(root: Path, stem: str, text: str) -> Path:
    path = root / "interviews" / f"{stem}.md"
    path.write_text(text, encoding="utf-8")
    return path


async def test_the_quick_fix_disables_the_rule_with_exactly_one_line(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    dana = (lsp_root / "interviews" / "2026-12-03-dana-whitfield.md").read_text()
    text = dana.replace(GOAL, GOAL + QUESTION + "\n")
    uri = editor.open(copy(lsp_root, "2026-12-10-quick-fix", dana), text)
    found = await editor.diagnostics(uri)
    (online,) = [d for d in found if d.code == "IV303"]
    # Offered when the request's context holds the diagnostic, not otherwise.
    unasked = await actions(server, uri, [], line=online.range.start.line)
    assert not any(a.title.startswith("Silence") for a in unasked)
    offered = await actions(server, uri, [online], line=online.range.start.line)
    fix = next(a for a in offered if a.title.startswith("Silence IV303"))
    assert fix.kind == types.CodeActionKind.QuickFix
    assert list(fix.diagnostics or []) == [online]
    assert fix.command is None and fix.edit is not None  # a server-side edit
    editor.apply(fix.edit)
    assert editor.texts[uri] == text.replace(
        QUESTION, "<!-- infoview-disable IV303 -->\n" + QUESTION
    )
    after = await editor.diagnostics(uri)
    assert [d for d in after if d.code == "IV303"] == []
    editor.close(uri)


async def test_ignore_for_the_file_and_each_skeleton_and_fix_all(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    text = "---\ninterviewer:\n  name: Sam Ortiz\n---\n# Sam\n"
    uri = editor.open(copy(lsp_root, "2026-12-11-skeletons", text), text)
    found = await editor.diagnostics(uri)
    research = next(d for d in found if d.code == "IV101")
    offered = await actions(server, uri, [research])
    # A comment cannot go above the opening '---': offered disabled (where the client can
    # show that), or not at all.
    silence = [a for a in offered if a.title.startswith("Silence")]
    assert all(a.edit is None and a.disabled is not None for a in silence)
    disabled = server.capabilities.text_document.code_action.disabled_support  # type: ignore[union-attr]
    assert len(silence) == (1 if disabled else 0)
    offered = [a for a in offered if a not in silence]
    assert [a.title for a in offered] == [
        "Ignore IV101 in this file (lint: {ignore: [IV101]})",
        "Add the ## Research section (infoview lint --fix)",
        "Add the ## Questions section (infoview lint --fix)",
        "Add the ## Notes section (infoview lint --fix)",
        "Add the ## Follow-up section (infoview lint --fix)",
        "Add every missing section (infoview lint --fix)",
    ]
    kinds = {a.title.split(" (")[0]: a.kind for a in offered}
    assert kinds["Add the ## Research section"] == types.CodeActionKind.QuickFix
    assert kinds["Add the ## Notes section"] == "source.infoview.addSection"
    assert kinds["Add every missing section"] == "source.fixAll.infoview"
    ignore = offered[0]
    assert ignore.edit is not None
    editor.apply(ignore.edit)
    assert editor.texts[uri] == text.replace("---\n# Sam", "lint: {ignore: [IV101]}\n---\n# Sam")
    after = await editor.diagnostics(uri)
    assert "IV101" not in {d.code for d in after}
    only = await actions(server, uri, [], only=["source.fixAll"])
    assert [a.kind for a in only] == ["source.fixAll.infoview"]
    notes = next(
        a for a in await actions(server, uri, []) if a.title.startswith("Add the ## Notes")
    )
    before = editor.texts[uri]
    assert notes.edit is not None
    editor.apply(notes.edit)
    assert editor.texts[uri].startswith(before) and "## Notes" in editor.texts[uri]
    assert "## Research" not in editor.texts[uri]
    editor.close(uri)


async def test_mark_sent_log_and_referral_edit_the_open_buffer(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    marcus = (lsp_root / "interviews" / "2026-11-18-marcus-lee.md").read_text()
    text = marcus.replace("  thank_you_sent: 2026-11-19\n  thank_you_via: handwritten\n", "")
    path = copy(lsp_root, "2026-11-18-commands", text)
    uri = editor.open(path, text)
    await editor.diagnostics(uri)
    await server.workspace_execute_command_async(
        types.ExecuteCommandParams("infoview.markSent", [uri])
    )
    today = dt.date.fromisoformat(TODAY)
    expected = mark_sent_text(text, on=today, via="handwritten")  # informal: a card
    assert editor.texts[uri] == expected
    await server.workspace_execute_command_async(
        types.ExecuteCommandParams("infoview.logContact", [uri, "Told him about the clinic"])
    )
    expected = log_contact_text(expected, note="Told him about the clinic", on=today)
    assert editor.texts[uri] == expected
    await server.workspace_execute_command_async(
        types.ExecuteCommandParams(
            "infoview.addReferral", [{"uri": uri, "name": "Lee Chan", "contact": "lee@example.com"}]
        )
    )
    expected = add_referral_text(expected, name="Lee Chan", contact="lee@example.com")
    assert editor.texts[uri] == expected
    assert path.read_text() == text  # the buffer changed, unsaved, not the file
    editor.close(uri)


async def test_a_command_on_a_closed_interview_edits_the_file(
    server: LanguageClient, lsp_root: Path
) -> None:
    text = (lsp_root / "interviews" / "2026-11-25-priya-raman.md").read_text()
    path = copy(lsp_root, "2026-11-26-closed", text)
    await server.workspace_execute_command_async(
        types.ExecuteCommandParams(
            "infoview.logContact", [path.as_uri(), "Sent the article", "2026-11-30"]
        )
    )
    assert path.read_text() == log_contact_text(
        text, note="Sent the article", on=dt.date(2026, 11, 30)
    )


async def test_a_refused_edit_is_an_error_naming_the_reason(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    text = "---\nfollow_up: {thank_you_sent: 2026-11-01}\n---\n"
    uri = editor.open(copy(lsp_root, "2026-12-12-flow", text), text)
    with pytest.raises(Exception, match="flow style"):
        await server.workspace_execute_command_async(
            types.ExecuteCommandParams("infoview.logContact", [uri, "hello"])
        )
    assert editor.texts[uri] == text
    assert any("flow style" in m.message for m in server.messages)
    with pytest.raises(Exception, match="must not be empty"):
        await server.workspace_execute_command_async(
            types.ExecuteCommandParams("infoview.logContact", [uri, " "])
        )
    editor.close(uri)


async def test_write_thanks_runs_in_a_child_and_shows_the_draft(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    dana = (lsp_root / "interviews" / "2026-12-03-dana-whitfield.md").read_text()
    text = dana.replace("2026-12-03T10:00", "2026-11-24T10:00").replace(
        "## Notes\n", "## Notes\n- **Takeaway:** read the probate code.\n"
    )
    path = copy(lsp_root, "2026-11-24-thanks", text)
    uri = editor.open(path, text)
    shown = len(server.shown_documents)
    result = await server.workspace_execute_command_async(
        types.ExecuteCommandParams("infoview.writeThanks", [uri])
    )
    draft = lsp_root / "build" / "thanks" / "2026-11-24-thanks.eml"
    assert result["output"] == str(draft)
    assert "X-Unsent: 1" in draft.read_text()
    assert [d.uri for d in server.shown_documents[shown:]] == [draft.as_uri()]
    assert server.shown_documents[-1].external is True
    editor.close(uri)


async def test_build_packet_renders_in_a_child_and_says_the_buffer_is_unsaved(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    dana = (lsp_root / "interviews" / "2026-12-03-dana-whitfield.md").read_text()
    path = copy(lsp_root, "2026-12-13-packet", dana)
    uri = editor.open(path, dana.replace(GOAL, GOAL + "- What surprised you?\n"))  # unsaved
    shown, said = len(server.shown_documents), len(server.messages)
    result = await server.workspace_execute_command_async(
        types.ExecuteCommandParams("infoview.buildPacket", [uri])
    )
    pdf = lsp_root / "build" / "packets" / "2026-12-13-packet.pdf"
    assert result["output"] == str(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert [d.uri for d in server.shown_documents[shown:]] == [pdf.as_uri()]
    assert [m.message for m in server.messages[said:]] == [
        "packet: built from the saved file; save to include your latest changes"
    ]
    # WeasyPrint loaded in the child, never in the server.
    pid = server._server.pid  # type: ignore[union-attr]
    maps = Path(f"/proc/{pid}/maps")
    if maps.exists():
        assert "libpango" not in maps.read_text()
    editor.close(uri)
