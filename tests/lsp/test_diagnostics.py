"""Diagnostics as you type, against the real server process, as Neovim and as VS Code.

The list for each document must be the one ``infoview lint --format json`` gives for the
same text, code for code and line for line, with columns in the client's code units
(Neovim negotiates UTF-8, VS Code UTF-16).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .session import BROKEN, TODAY, Editor, character, environment

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def cases(lsp_root: Path) -> list[Path]:
    """The examples and the broken interviews, written into the workspace."""
    for stem, text in BROKEN.items():
        (lsp_root / "interviews" / f"{stem}.md").write_bytes(text.encode("utf-8"))
    return sorted((lsp_root / "interviews").glob("*.md"))


@pytest.fixture(scope="module")
def lint_json(lsp_root: Path, cases: list[Path]) -> dict[str, list[dict[str, object]]]:
    """``infoview lint --format json`` over every case, by path."""
    run = subprocess.run(
        [sys.executable, "-m", "infoview", "lint", "--format", "json", *map(str, cases)],
        cwd=lsp_root,
        env=environment(INFOVIEW_TODAY=TODAY),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    found: dict[str, list[dict[str, object]]] = {str(path): [] for path in cases}
    for entry in json.loads(run.stdout):
        found[str(entry["path"])].append(entry)
    return found


SEVERITY = {"error": 1, "warning": 2, "info": 3}


async def test_each_document_gets_the_diagnostics_lint_gives(
    editor: Editor, cases: list[Path], lint_json: dict[str, list[dict[str, object]]]
) -> None:
    uris = {path: editor.open(path, path.read_bytes().decode("utf-8")) for path in cases}
    assert len(cases) == 3 + len(BROKEN)
    for path, uri in uris.items():
        got = await editor.diagnostics(uri)
        text = editor.texts[uri]
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        expected = lint_json[str(path)]
        assert [(d.code, d.range.start.line + 1, d.severity, d.message) for d in got] == [
            (e["code"], e["line"], SEVERITY[str(e["severity"])], e["message"]) for e in expected
        ], path.name
        for d, e in zip(got, expected, strict=True):
            assert d.source == "infoview"
            assert d.code_description is not None
            assert d.code_description.href.startswith("file://")
            assert str(e["code"]).lower() in d.code_description.href
            line = lines[d.range.start.line]
            bom = 1 if d.range.start.line == 0 and text.startswith("\ufeff") else 0
            chars = int(str(e["column"])) - 1 + bom
            assert d.range.start.character == character(line, chars, editor.encoding), (path, e)
        editor.close(uri)


async def test_ranges_cover_the_item_in_the_clients_code_units(
    editor: Editor, lsp_root: Path
) -> None:
    path = lsp_root / "interviews" / "astral.md"
    uri = editor.open(path, BROKEN["astral"])
    found = await editor.diagnostics(uri)
    text = BROKEN["astral"].split("\n")

    def covered(d: types.Diagnostic) -> str:
        line = text[d.range.start.line]
        assert d.range.end.line == d.range.start.line
        start = next(
            i
            for i in range(len(line) + 1)
            if character(line, i, editor.encoding) == d.range.start.character
        )
        end = next(
            i
            for i in range(len(line) + 1)
            if character(line, i, editor.encoding) == d.range.end.character
        )
        return line[start:end]

    by_message = {d.message.split(";")[0]: covered(d) for d in found}
    assert by_message["'meeting.mode' is 'zoomy'"] == "zoomy"
    assert by_message["unknown key 'duraton' in 'meeting'"] == "duraton"
    online = [d for d in found if d.code == "IV303"]
    assert [covered(d) for d in online] == ["- 🎓 What does your company do?"]
    editor.close(uri)


async def test_changes_are_linted_as_typed_without_saving(editor: Editor, lsp_root: Path) -> None:
    """A student types an answerable-online question under a goal, then rephrases it."""
    path = lsp_root / "interviews" / "2026-12-03-dana-whitfield.md"
    saved = path.read_text(encoding="utf-8")
    uri = editor.open(path)
    first = await editor.diagnostics(uri)
    assert [d.code for d in first if d.code == "IV303"] == []
    goal = "### Goal 3: estate planning practice\n"
    typed = saved.replace(goal, goal + "- What does your company do?\n")
    line = typed.split("\n").index("- What does your company do?")
    editor.change(uri, typed)
    found = await editor.diagnostics(uri, lambda ds: any(d.code == "IV303" for d in ds))
    (online,) = [d for d in found if d.code == "IV303"]
    assert (online.range.start.line, online.range.start.character) == (line, 0)
    assert online.range.end == types.Position(line, len("- What does your company do?"))
    assert path.read_text(encoding="utf-8") == saved  # nothing was written
    editor.change(uri, typed.replace("your company do?", "you wish you had known?"))
    await editor.diagnostics(uri, lambda ds: not any(d.code == "IV303" for d in ds))
    editor.close(uri)


async def test_broken_buffers_give_iv001_and_the_server_goes_on(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    path = lsp_root / "interviews" / "junk.md"
    junk = "".join(chr(c) for c in range(0, 32)) + "\x7f\ufffd" * 50 + "---\n"
    uri = editor.open(path, "---\n" + junk)
    found = await editor.diagnostics(uri)
    assert {d.code for d in found} >= {"IV001"}
    editor.change(uri, "\x00" * 1000)
    found = await editor.diagnostics(uri, lambda ds: "NUL" in ds[0].message)
    hover = await server.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    )
    assert hover is not None  # still answering
    editor.close(uri)


async def test_other_markdown_in_the_workspace_is_not_an_interview(
    server: LanguageClient, editor: Editor, lsp_root: Path
) -> None:
    uri = editor.open(lsp_root / "README.md")
    report = await server.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri))
    )
    assert isinstance(
        report, types.RelatedFullDocumentDiagnosticReport | types.FullDocumentDiagnosticReport
    )
    assert list(report.items) == []
    assert uri not in editor.published
    editor.close(uri)


async def test_pull_diagnostics_for_a_document_and_the_whole_workspace(
    server: LanguageClient, editor: Editor, lsp_root: Path, cases: list[Path]
) -> None:
    path = lsp_root / "interviews" / "2026-11-25-priya-raman.md"
    uri = editor.open(path)
    pushed = await editor.diagnostics(uri)
    report = await server.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uri))
    )
    assert [(d.code, d.range) for d in report.items] == [(d.code, d.range) for d in pushed]
    again = await server.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            types.TextDocumentIdentifier(uri), previous_result_id=report.result_id
        )
    )
    assert again.kind == "unchanged"
    everything = await server.workspace_diagnostic_async(types.WorkspaceDiagnosticParams([]))
    mine = lsp_root.as_uri() + "/"
    by_uri = {item.uri: item for item in everything.items if item.uri.startswith(mine)}
    assert set(by_uri) == {p.as_uri() for p in cases}  # every interview, open or not
    assert by_uri[uri].version == editor.versions[uri]
    closed = (lsp_root / "interviews" / "2026-11-18-marcus-lee.md").as_uri()
    assert by_uri[closed].version is None
    previous = [types.PreviousResultId(u, i.result_id) for u, i in by_uri.items() if i.result_id]
    unchanged = await server.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous))
    assert {i.kind for i in unchanged.items if i.uri.startswith(mine)} == {"unchanged"}
    editor.close(uri)
