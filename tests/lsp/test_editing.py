"""Hover, completion, symbols, go-to-definition and references, as Neovim and as VS Code."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from infoview.schema import INTERVIEWER_KEYS, REFERRAL_KEYS

from .session import Editor

pytestmark = pytest.mark.asyncio(loop_scope="session")


def at(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of ``needle`` (plus ``offset`` characters) in ``text``: ASCII lines."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line, index - (text.rfind("\n", 0, index) + 1))


def end_of(text: str, needle: str) -> types.Position:
    return at(text, needle, len(needle))


async def hover_text(server: LanguageClient, uri: str, where: types.Position) -> str:
    found = await server.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), where)
    )
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.kind == types.MarkupKind.Markdown
    return found.contents.value


async def labels(server: LanguageClient, uri: str, where: types.Position) -> list[str]:
    # No 'context' in the request, as older clients send it.
    found = await server.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), where)
    )
    if found is None:
        return []
    items = found.items if isinstance(found, types.CompletionList) else found
    return [item.label for item in items]


@pytest.fixture
def dana(editor: Editor, lsp_root: Path) -> tuple[str, str]:
    path = lsp_root / "interviews" / "2026-12-03-dana-whitfield.md"
    text = (
        path.read_text()
        .replace(
            "### Goal 3: estate planning practice\n",
            "### Goal 3: estate planning practice\n<!-- infoview-disable IV304 -->\n"
            "- What does your company do?\n",
        )
        .replace(
            "tags: [estate-planning, law-firm]\n",
            "tags: [estate-planning, law-firm]\nlint: {ignore: [IV104]}\n",
        )
    )
    uri = editor.open(path, text)
    yield uri, text
    editor.close(uri)


async def test_hover_on_a_diagnostic_shows_the_rule(
    server: LanguageClient, editor: Editor, dana: tuple[str, str]
) -> None:
    uri, text = dana
    await editor.diagnostics(uri)
    value = await hover_text(server, uri, at(text, "What does your company", 5))
    assert value.startswith("**IV303** their website answers this")
    assert "do not ask a question you could have found answers to online" in value
    assert "Passing:\n\n```\n- How has the paralegal role changed" in value
    assert "Failing:\n\n```\n- What does your firm do?" in value


async def test_hover_on_rule_codes_and_keys(
    server: LanguageClient, editor: Editor, dana: tuple[str, str]
) -> None:
    uri, text = dana
    await editor.diagnostics(uri)
    comment = await hover_text(server, uri, at(text, "IV304 -->", 2))
    assert comment.startswith("**IV304** `job-seeking` (default: warning)")
    ignored = await hover_text(server, uri, at(text, "IV104]}", 1))
    assert ignored.startswith("**IV104** `research-sources-missing`")
    mode = await hover_text(server, uri, at(text, "mode: video", 1))
    assert mode == (
        "**meeting.mode**: How you meet: in-person, video or phone.\n\n"
        "Holds one of `in-person`, `video`, `phone`."
    )
    name = await hover_text(server, uri, at(text, "  name: Dana", 3))
    assert name.startswith("**interviewer.name**: Their full name")
    body = await server.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), at(text, "## Research", 4))
    )
    assert body is None


async def test_completion_in_the_front_matter(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    text = (
        "---\n"
        "interviewer:\n  name: Lee Chan\n  \n"
        "meeting:\n  mode: \n  date: 2026-12-01\n"
        "formality: \nstatus: \n"
        "follow_up:\n  thank_you_via:\n  may_contact_again: \n"
        "referred_by: \n"
        "referrals:\n  - name: Ana\n    file: \n  - \n"
        "tags: [\n"
        "lint: {ignore: [IV1\n"
        "\n"
        "---\n"
        "## Questions\n<!-- infoview-disable IV30\n"
    )
    path = lsp_root / "interviews" / "2026-12-20-lee-chan.md"
    uri = editor.open(path, text)
    await editor.diagnostics(uri)
    interviewer = await labels(server, uri, end_of(text, "Lee Chan\n  "))
    assert interviewer == [key for key in INTERVIEWER_KEYS if key != "name"]  # not twice
    assert await labels(server, uri, end_of(text, "mode: ")) == ["in-person", "video", "phone"]
    assert await labels(server, uri, end_of(text, "formality: ")) == ["formal", "informal"]
    assert await labels(server, uri, end_of(text, "status: ")) == [
        "planned",
        "scheduled",
        "done",
        "cancelled",
    ]
    assert await labels(server, uri, end_of(text, "thank_you_via:")) == ["handwritten", "email"]
    assert await labels(server, uri, end_of(text, "may_contact_again: ")) == ["true", "false"]
    files = await labels(server, uri, end_of(text, "referred_by: "))
    assert {"2026-11-18-marcus-lee.md", "2026-12-03-dana-whitfield.md"} <= set(files)
    assert path.name not in files
    assert set(await labels(server, uri, end_of(text, "file: "))) == set(files)
    assert await labels(server, uri, at(text, "  - \ntags", 4)) == list(REFERRAL_KEYS)
    tags = await labels(server, uri, end_of(text, "tags: ["))
    assert {"estate-planning", "law-firm", "litigation", "legal-aid"} <= set(tags)
    ignore = await labels(server, uri, end_of(text, "[IV1"))
    assert ignore[:3] == ["IV001", "IV002", "IV003"] and "IV303" in ignore
    comment = await labels(server, uri, end_of(text, "disable IV30"))
    assert "IV303" in comment and len(comment) == 28
    assert await labels(server, uri, at(text, "\n---\n## Q", 0)) == ["learning_goals"]
    body = await labels(server, uri, end_of(text, "## Questions"))
    assert body == []
    editor.close(uri)


async def test_document_symbols_outline_the_method(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    path = lsp_root / "interviews" / "2026-12-03-dana-whitfield.md"
    uri = editor.open(path)
    await editor.diagnostics(uri)
    found = await server.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert found is not None
    tree = [s for s in found if isinstance(s, types.DocumentSymbol)]
    assert [s.name for s in tree] == ["Research", "Questions", "Notes", "Follow-up"]
    research, questions, _, _ = tree
    assert [c.name for c in research.children or []] == [
        "Work history",
        "Education",
        "Credentials",
        "In common",
        "Sources",
    ]
    goals = questions.children or []
    assert [g.name for g in goals] == [
        "Goal 1: how this firm uses paralegals",
        "Goal 2: the career path from paralegal to lawyer",
        "Goal 3: estate planning practice",
    ]
    assert [len(g.children or []) for g in goals] == [2, 2, 2]
    assert (goals[0].children or [])[0].name.startswith("Which estate-planning tasks")
    text = path.read_text()
    assert research.selection_range.start == at(text, "## Research")
    assert research.range.end.line == at(text, "## Questions").line - 1
    editor.close(uri)


async def test_definition_follows_referrals_and_referred_by(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    interviews = lsp_root / "interviews"
    dana_path, marcus_path = (
        interviews / "2026-12-03-dana-whitfield.md",
        interviews / "2026-11-18-marcus-lee.md",
    )
    dana, marcus = editor.open(dana_path), editor.open(marcus_path)
    dana_text, marcus_text = editor.texts[dana], editor.texts[marcus]
    found = await server.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(dana), at(dana_text, "2026-11-18-marcus", 3)
        )
    )
    assert isinstance(found, types.Location)
    assert found.uri == marcus_path.as_uri()
    assert found.range.start == at(marcus_text, "name: Marcus Lee")
    found = await server.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(marcus), at(marcus_text, "file: 2026-12-03", 8)
        )
    )
    assert isinstance(found, types.Location) and found.uri == dana_path.as_uri()
    # Priya's referral has no 'file': found by her name.
    found = await server.text_document_definition_async(
        types.DefinitionParams(
            types.TextDocumentIdentifier(marcus), at(marcus_text, "name: Priya", 8)
        )
    )
    assert isinstance(found, types.Location)
    assert found.uri == (interviews / "2026-11-25-priya-raman.md").as_uri()
    editor.close(dana)
    editor.close(marcus)


async def test_references_to_a_person_across_the_workspace(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    interviews = lsp_root / "interviews"
    marcus_path = interviews / "2026-11-18-marcus-lee.md"
    marcus = editor.open(marcus_path)
    text = editor.texts[marcus]
    found = await server.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(marcus),
            position=at(text, "name: Marcus", 8),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert found is not None
    where = sorted((loc.uri.rsplit("/", 1)[1], loc.range.start.line) for loc in found)
    assert where == [
        ("2026-11-18-marcus-lee.md", 2),  # his own interviewer.name
        ("2026-11-25-priya-raman.md", 12),  # referred_by
        ("2026-12-03-dana-whitfield.md", 20),  # referred_by
    ]
    dana = await server.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(marcus),
            position=at(text, "name: Dana", 8),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert sorted(loc.uri.rsplit("/", 1)[1] for loc in dana or []) == [
        "2026-11-18-marcus-lee.md",  # the referral itself
        "2026-12-03-dana-whitfield.md",
    ]
    editor.close(marcus)
