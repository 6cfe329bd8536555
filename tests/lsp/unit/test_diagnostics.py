"""Diagnostics: the list ``infoview lint --format json`` gives, as protocol diagnostics.

The contract (issue 13): for each document, the same list code for code and line for
line as ``infoview lint --format json`` for that text; severity error 1, warning 2, info
3; ``source`` "infoview"; the rule's documentation as ``codeDescription``; columns in the
client's code units.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lsprotocol import types

from infoview.cli import cli
from infoview.lint.diagnostic import Diagnostic
from infoview.lint.registry import RULES
from infoview.lsp.checking import lint_interview, parse_buffer
from infoview.lsp.diagnostics import result_id, to_protocol
from infoview.lsp.documents import Space
from infoview.lsp.positions import Lines
from infoview.lsp.wire import rule_href
from infoview.model import Interview
from infoview.workspace import MAX_INTERVIEW_BYTES

from ..inproc import Lsp
from ..session import BROKEN, TODAY, character

SEVERITY = {"error": 1, "warning": 2, "info": 3}


def lint_json(root: Path, paths: list[Path]) -> dict[str, list[dict[str, object]]]:
    """``infoview lint --format json`` over ``paths``, in this process, by file name."""
    result = CliRunner().invoke(
        cli,
        ["lint", "--format", "json", "--workspace", str(root), "--today", TODAY, *map(str, paths)],
        prog_name="infoview",
    )
    assert result.exit_code in (0, 1), result.output
    found: dict[str, list[dict[str, object]]] = {path.name: [] for path in paths}
    for entry in json.loads(result.stdout):
        found[Path(str(entry["path"])).name].append(entry)
    return found


def test_each_document_gets_exactly_the_diagnostics_lint_gives(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    for stem, text in BROKEN.items():
        (root / "interviews" / f"{stem}.md").write_bytes(text.encode("utf-8"))
    cases = sorted((root / "interviews").glob("*.md"))
    expected = lint_json(root, cases)
    server = lsp(client)
    for path in cases:
        text = path.read_bytes().decode("utf-8")
        uri = server.open(path, text)
        got = server.diagnostics(uri)
        want = expected[path.name]
        assert [(d.code, d.range.start.line + 1, d.severity, d.message) for d in got] == [
            (e["code"], e["line"], SEVERITY[str(e["severity"])], e["message"]) for e in want
        ], path.name
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for d, e in zip(got, want, strict=True):
            assert d.source == "infoview"
            assert d.code_description == types.CodeDescription(rule_href(str(e["code"])))
            assert d.data == {"slug": e["slug"], "line": e["line"], "column": e["column"]}
            bom = 1 if d.range.start.line == 0 and text.startswith("\ufeff") else 0
            chars = int(str(e["column"])) - 1 + bom
            line = lines[d.range.start.line]
            assert d.range.start.character == character(line, chars, server.encoding), e
        assert server.publications(uri)[-1].version == 1


def test_severities_map_error_warning_info_and_ranges_span_the_item() -> None:
    found = [
        Diagnostic("x.md", 2, 3, "IV002", "invalid-value", "error", "bad", 2, 6),
        Diagnostic("x.md", 3, 1, "IV303", "answerable-online", "warning", "online"),
        Diagnostic("x.md", 1, 1, "IV104", "research-sources-missing", "info", "sources"),
        Diagnostic("x.md", 1, 2, "IV104", "research-sources-missing", "odd", "unknown"),
    ]
    items = to_protocol(found, Lines("---\n  mode: 🎓zoomy\n- What do you do?  \n", "utf-16"))
    assert [(d.severity, d.range) for d in items] == [
        (types.DiagnosticSeverity.Error, types.Range(types.Position(1, 2), types.Position(1, 5))),
        (
            types.DiagnosticSeverity.Warning,
            types.Range(types.Position(2, 0), types.Position(2, 17)),
        ),
        (
            types.DiagnosticSeverity.Information,
            types.Range(types.Position(0, 0), types.Position(0, 3)),
        ),
        (
            types.DiagnosticSeverity.Warning,  # an unknown severity is a warning
            types.Range(types.Position(0, 1), types.Position(0, 3)),
        ),
    ]
    assert [int(d.severity or 0) for d in items] == [1, 2, 3, 2]
    assert items[0] == types.Diagnostic(
        range=items[0].range,
        message="bad",
        severity=types.DiagnosticSeverity.Error,
        code="IV002",
        code_description=types.CodeDescription(href=rule_href("IV002")),
        source="infoview",
        data={"slug": "invalid-value", "line": 2, "column": 3},
    )


def test_each_rule_links_its_own_module_which_infoview_rules_prints() -> None:
    for code in RULES:
        href = rule_href(code)
        assert href.startswith("file:///") and href.endswith(".py"), href
        name = href.rsplit("/", 1)[1]
        assert name.startswith(code.lower() + "_"), (code, href)
        assert Path(href.removeprefix("file://")).is_file()
    assert rule_href("IV999") == "https://example.invalid/infoview/rules"
    # A code is matched whole: IV30 is no rule, though iv303_... starts with "iv30".
    assert rule_href("IV30") == "https://example.invalid/infoview/rules"


def test_a_buffer_too_large_for_an_interview_is_refused_with_lints_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.md"
    at_limit = "-" * MAX_INTERVIEW_BYTES
    assert isinstance(parse_buffer(at_limit, path), Interview)
    over = parse_buffer(at_limit + "é", path)  # one character, two bytes over
    assert over == "is 10 MB; an interview file should be far smaller"
    # Whole mebibytes, rounded down: 11,530,000 bytes are 10.996 MiB.
    assert parse_buffer("-" * 11_530_000, path) == (
        "is 10 MB; an interview file should be far smaller"
    )
    # A lone surrogate (JSON can carry one) is counted, not a crash.
    assert isinstance(parse_buffer("---\nname: \ud800\n---\n", path), Interview)


def test_what_cannot_be_read_is_one_iv001_at_the_start(root: Path) -> None:
    space = Space(root)
    path = root / "interviews" / "x.md"
    now = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
    (found,) = lint_interview("is 11 MB; too big", path, space, now)
    assert found == Diagnostic(
        "interviews/x.md", 1, 1, "IV001", "invalid-front-matter", "error", "is 11 MB; too big"
    )


def test_result_ids_change_with_every_field_that_the_client_shows() -> None:
    base = types.Diagnostic(
        types.Range(types.Position(1, 2), types.Position(3, 4)),
        "message",
        severity=types.DiagnosticSeverity.Warning,
        code="IV303",
    )
    same = result_id([base])
    assert same == result_id([base]) and len(same) == 16
    assert result_id([]) != same
    assert result_id([base, base]) != same
    variants = [
        types.Diagnostic(types.Range(types.Position(9, 2), types.Position(3, 4)), "message"),
        types.Diagnostic(types.Range(types.Position(1, 9), types.Position(3, 4)), "message"),
        types.Diagnostic(types.Range(types.Position(1, 2), types.Position(9, 4)), "message"),
        types.Diagnostic(types.Range(types.Position(1, 2), types.Position(3, 9)), "message"),
    ]
    for variant in variants:
        variant.severity, variant.code = base.severity, base.code
    variants.append(
        types.Diagnostic(base.range, "message", severity=base.severity, code="IV304"),
    )
    variants.append(
        types.Diagnostic(
            base.range, "message", severity=types.DiagnosticSeverity.Error, code="IV303"
        ),
    )
    variants.append(types.Diagnostic(base.range, "other", severity=base.severity, code="IV303"))
    ids = {result_id([v]) for v in variants}
    assert len(ids) == len(variants) and same not in ids


@pytest.mark.parametrize("stem", ["nul", "unclosed", "not-a-mapping"])
def test_broken_buffers_give_iv001_and_the_server_goes_on(
    lsp: Callable[..., Lsp], root: Path, stem: str
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / f"{stem}.md", BROKEN[stem])
    assert "IV001" in {d.code for d in server.diagnostics(uri)}
    hover = server.request(
        "textDocument/hover",
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0)),
    )
    assert hover is None or isinstance(hover, types.Hover)
