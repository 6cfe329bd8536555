"""Navigation: the outline (hierarchical and flat), go-to-definition from ``referred_by``
and referrals, and a person's references across the workspace, on a workspace of small
interviews written here so each way of naming a person is there once."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lsprotocol import types

from ..inproc import Lsp
from ..session import ROOT

LONG = "Which " + "very " * 30 + "long question is this?"
BODY = f"""
## Research

- Work history: ten years at the firm
- In common: the same college

## Questions

- What do  you wish   you had known?

### Goal 1: the work

- What fills a typical week?
- {LONG}

### Goal 2: the path

- How did you move into this role?

## Notes

- Busy in spring
- Takeaway: ask about the spring rush

## Follow-up

- Send the article
"""


def _front(name: str, email: str | None = None, extra: str = "") -> str:
    mail = f"  email: {email}\n" if email else ""
    return (
        f"---\ninterviewer:\n  name: {name}\n{mail}meeting:\n  date: 2026-11-18T15:30\n{extra}---\n"
    )


ANN_REFERRALS = (
    "referrals:\n  - name: Bo Chen\n    file: b.md\n"
    "  - name: Cy Diaz\n    contact: cy@example.net\n  - name: Nobody Known\n"
)
FILES = {
    "a.md": _front("Ann Lee", "ann@example.org", ANN_REFERRALS) + BODY,
    "b.md": _front("Bo Chen", None, "referred_by: a.md\n"),  # by file name
    "c.md": _front("Cy Diaz", "cy@example.net", "referred_by: Ann Lee\n"),  # by name
    "d.md": _front("Di Egan", None, "referred_by: ann@example.org\n"),  # by email
    "e.md": _front(
        "Ed Fox",
        None,
        "referred_by: interviews/a\n"  # by stem, through a folder
        "referrals:\n  - name: ANN LEE\n  - name: Other\n    file: a.md\n",
    ),
}


@pytest.fixture
def people(tmp_path: Path) -> Path:
    root = tmp_path / "people"
    (root / "interviews").mkdir(parents=True)
    shutil.copy(ROOT / "infoview.toml", root / "infoview.toml")
    for name, text in FILES.items():
        (root / "interviews" / name).write_text(text)
    return root


def at(text: str, needle: str, offset: int = 0) -> types.Position:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line, index - (text.rfind("\n", 0, index) + 1))


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri)


def where(locations: list[types.Location] | None) -> list[tuple[str, int, int, int, int]]:
    """(file name, start line, start character, end line, end character), sorted."""
    out = []
    for loc in locations or []:
        r = loc.range
        name = loc.uri.rsplit("/", 1)[1]
        out.append((name, r.start.line, r.start.character, r.end.line, r.end.character))
    return sorted(out)


def _tree(symbol: types.DocumentSymbol) -> tuple[object, ...]:
    r, s = symbol.range, symbol.selection_range
    children = tuple(_tree(c) for c in symbol.children) if symbol.children is not None else None
    return (
        symbol.name,
        symbol.kind,
        (r.start.line, r.start.character, r.end.line, r.end.character),
        (s.start.line, s.start.character, s.end.line, s.end.character),
        children,
    )


NS, FIELD, CLASS, STRING = (
    types.SymbolKind.Namespace,
    types.SymbolKind.Field,
    types.SymbolKind.Class,
    types.SymbolKind.String,
)
SHORT = ("Which " + "very " * 30)[:120]


def test_the_outline_of_an_interview(lsp: Callable[..., Lsp], people: Path) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / "a.md")
    found = server.request("textDocument/documentSymbol", types.DocumentSymbolParams(_doc(uri)))
    assert [_tree(s) for s in found] == [
        (
            "Research",
            NS,
            (14, 0, 18, 0),
            (14, 0, 14, 11),
            (
                ("Work history", FIELD, (16, 0, 16, 37), (16, 0, 16, 37), None),
                ("In common", FIELD, (17, 0, 17, 29), (17, 0, 17, 29), None),
            ),
        ),
        (
            "Questions",
            NS,
            (19, 0, 31, 0),
            (19, 0, 19, 12),
            (
                ("What do you wish you had known?", STRING, (21, 0, 21, 36), (21, 0, 21, 36), None),
                (
                    "Goal 1: the work",
                    CLASS,
                    (23, 0, 26, len(LONG) + 2),
                    (23, 0, 23, 20),
                    (
                        (
                            "What fills a typical week?",
                            STRING,
                            (25, 0, 25, 28),
                            (25, 0, 25, 28),
                            None,
                        ),
                        (
                            SHORT,
                            STRING,
                            (26, 0, 26, len(LONG) + 2),
                            (26, 0, 26, len(LONG) + 2),
                            None,
                        ),
                    ),
                ),
                (
                    "Goal 2: the path",
                    CLASS,
                    (28, 0, 30, 34),
                    (28, 0, 28, 20),
                    (
                        (
                            "How did you move into this role?",
                            STRING,
                            (30, 0, 30, 34),
                            (30, 0, 30, 34),
                            None,
                        ),
                    ),
                ),
            ),
        ),
        (
            "Notes",
            NS,
            (32, 0, 36, 0),
            (32, 0, 32, 8),
            (
                ("Busy in spring", STRING, (34, 0, 34, 16), (34, 0, 34, 16), None),
                (
                    "Takeaway: ask about the spring rush",
                    STRING,
                    (35, 0, 35, 37),
                    (35, 0, 35, 37),
                    None,
                ),
            ),
        ),
        ("Follow-up", NS, (37, 0, 40, 0), (37, 0, 37, 12), None),
    ]


def test_a_client_without_hierarchy_gets_a_flat_list_with_containers(
    lsp: Callable[..., Lsp], people: Path
) -> None:
    server = lsp(
        root=people, text_document__document_symbol__hierarchical_document_symbol_support=False
    )
    uri = server.open(people / "interviews" / "a.md")
    found = server.request("textDocument/documentSymbol", types.DocumentSymbolParams(_doc(uri)))
    assert all(isinstance(s, types.SymbolInformation) and s.location.uri == uri for s in found)
    assert [(s.name, s.container_name, s.location.range.start.line) for s in found] == [
        ("Research", None, 14),
        ("Work history", "Research", 16),
        ("In common", "Research", 17),
        ("Questions", None, 19),
        ("What do you wish you had known?", "Questions", 21),
        ("Goal 1: the work", "Questions", 23),
        ("What fills a typical week?", "Goal 1: the work", 25),
        (SHORT, "Goal 1: the work", 26),
        ("Goal 2: the path", "Questions", 28),
        ("How did you move into this role?", "Goal 2: the path", 30),
        ("Notes", None, 32),
        ("Busy in spring", "Notes", 34),
        ("Takeaway: ask about the spring rush", "Notes", 35),
        ("Follow-up", None, 37),
    ]
    # the selection range, not the whole section: a Research symbol is its heading line
    assert found[0].location.range == types.Range(types.Position(14, 0), types.Position(14, 11))


def test_the_outline_follows_unsaved_changes(lsp: Callable[..., Lsp], people: Path) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / "b.md")
    params = types.DocumentSymbolParams(_doc(uri))
    assert server.request("textDocument/documentSymbol", params) == []
    server.change(uri, FILES["b.md"] + "\n## Notes\n\n-  \n")
    ((name, kind, rng, _, children),) = [
        _tree(s) for s in server.request("textDocument/documentSymbol", params)
    ]
    assert (name, kind, rng, children) == ("Notes", NS, (8, 0, 11, 0), None)


def test_no_outline_for_a_document_outside_the_workspace(
    lsp: Callable[..., Lsp], people: Path, tmp_path: Path
) -> None:
    server = lsp(root=people)
    uri = server.open_uri("untitled:1", FILES["a.md"])
    params = types.DocumentSymbolParams(_doc(uri))
    assert server.request("textDocument/documentSymbol", params) is None


def _definition(server: Lsp, uri: str, position: types.Position) -> list[tuple[str, ...]]:
    found = server.request("textDocument/definition", types.DefinitionParams(_doc(uri), position))
    return where([found] if found is not None else [])


ANN = ("a.md", 2, 2, 2, 15)  # her interviewer.name


@pytest.mark.parametrize(
    ("name", "needle", "offset", "expected"),
    [
        ("b.md", "referred_by: a.md", 14, [ANN]),  # by file name
        ("b.md", "referred_by: a.md", 3, [ANN]),  # on the key
        ("c.md", "Ann Lee", 2, [ANN]),  # by name
        ("d.md", "ann@example", 2, [ANN]),  # by email
        ("e.md", "interviews/a", 12, [ANN]),  # by stem
        ("a.md", "name: Bo Chen", 8, [("b.md", 2, 2, 2, 15)]),  # a referral's file
        ("a.md", "file: b.md", 7, [("b.md", 2, 2, 2, 15)]),
        ("a.md", "name: Cy", 8, [("c.md", 2, 2, 2, 15)]),  # a referral's email
        ("a.md", "cy@example.net", 1, [("c.md", 2, 2, 2, 15)]),
        ("e.md", "ANN LEE", 1, [ANN]),  # a referral's name, case aside
        ("e.md", "name: Other", 8, [ANN]),
        ("a.md", "Nobody", 1, []),  # nobody by that name
        ("a.md", "name: Ann", 8, []),  # the interviewer: no definition
        ("a.md", "date:", 1, []),
        ("a.md", "## Research", 4, []),  # the body
    ],
)
def test_definition(
    lsp: Callable[..., Lsp],
    people: Path,
    name: str,
    needle: str,
    offset: int,
    expected: list[tuple[str, ...]],
) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / name)
    assert _definition(server, uri, at(FILES[name], needle, offset)) == expected


def test_definition_never_goes_to_the_interview_itself(
    lsp: Callable[..., Lsp], people: Path
) -> None:
    path = people / "interviews" / "b.md"
    path.write_text(_front("Bo Chen", None, "referred_by: b.md\n"))
    server = lsp(root=people)
    uri = server.open(path)
    assert _definition(server, uri, at(path.read_text(), "b.md", 1)) == []


def test_no_definition_for_a_closed_or_unknown_document(
    lsp: Callable[..., Lsp], people: Path
) -> None:
    server = lsp(root=people)
    uri = (people / "interviews" / "b.md").as_uri()
    assert _definition(server, uri, at(FILES["b.md"], "a.md", 1)) == []
    other = server.open_uri("untitled:2", FILES["b.md"])
    assert _definition(server, other, at(FILES["b.md"], "a.md", 1)) == []


def _references(
    server: Lsp, uri: str, position: types.Position, *, declaration: bool
) -> list[tuple[str, int, int, int, int]]:
    found = server.request(
        "textDocument/references",
        types.ReferenceParams(
            text_document=_doc(uri),
            position=position,
            context=types.ReferenceContext(include_declaration=declaration),
        ),
    )
    return where(found)


ANN_NAMED = [
    ("b.md", 5, 0, 5, 17),  # referred_by: a.md
    ("c.md", 6, 0, 6, 20),  # referred_by: Ann Lee
    ("d.md", 5, 0, 5, 28),  # referred_by: ann@example.org
    ("e.md", 5, 0, 5, 25),  # referred_by: interviews/a
    ("e.md", 7, 4, 7, 17),  # the referral named ANN LEE
    ("e.md", 8, 4, 9, 14),  # the referral with file: a.md
]


def test_references_to_the_interviewer(lsp: Callable[..., Lsp], people: Path) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / "a.md")
    position = at(FILES["a.md"], "Ann Lee", 1)
    assert _references(server, uri, position, declaration=True) == sorted([ANN, *ANN_NAMED])
    assert _references(server, uri, position, declaration=False) == ANN_NAMED


@pytest.mark.parametrize(
    ("name", "needle", "offset", "expected"),
    [
        ("a.md", "Bo Chen", 2, [("a.md", 7, 4, 8, 14), ("b.md", 2, 2, 2, 15)]),  # by file
        ("a.md", "Cy Diaz", 2, [("a.md", 9, 4, 10, 27), ("c.md", 2, 2, 2, 15)]),  # by email
        ("a.md", "Nobody", 1, [("a.md", 11, 4, 11, 22)]),  # only the referral itself
        ("b.md", "a.md", 1, sorted([ANN, *ANN_NAMED])),  # referred_by, by file
        # by name: her mentions by email count too (she is found as definition finds her)
        ("c.md", "Ann Lee", 1, sorted([ANN, *ANN_NAMED])),
        ("e.md", "ANN LEE", 1, sorted([ANN, *ANN_NAMED])),  # a referral by name
        ("a.md", "## Research", 4, []),
    ],
)
def test_references_to_a_referral_or_a_referrer(
    lsp: Callable[..., Lsp],
    people: Path,
    name: str,
    needle: str,
    offset: int,
    expected: list[tuple[str, ...]],
) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / name)
    position = at(FILES[name], needle, offset)
    assert _references(server, uri, position, declaration=False) == expected


def test_three_goals_each_with_its_own_questions_and_ends_at_the_last_text(
    lsp: Callable[..., Lsp], people: Path
) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / "b.md")
    body = (
        "## Research\n- Work history: long\n## Questions\n### G1\n- q1?\n### \n- q2?\n### G3\n- q3?"
    )
    server.change(uri, FILES["b.md"] + body)  # no blank lines, no final line break
    found = server.request("textDocument/documentSymbol", types.DocumentSymbolParams(_doc(uri)))
    research, questions = (_tree(s) for s in found)
    assert research[2] == (7, 0, 8, 20)  # up to the end of its last line's text
    assert questions[2] == (9, 0, 15, 5)  # the end of the file
    goals = questions[4]
    assert [(g[0], g[2], [q[0] for q in g[4]]) for g in goals] == [
        ("G1", (10, 0, 11, 5), ["q1?"]),
        ("-", (12, 0, 13, 5), ["q2?"]),  # a goal without words still has a name
        ("G3", (14, 0, 15, 5), ["q3?"]),
    ]


@pytest.mark.parametrize(
    ("bom", "newline"), [("", "\r\n"), ("", "\r"), ("\ufeff", "\n"), ("\ufeff", "\r\n")]
)
def test_definition_in_a_document_with_crlf_cr_or_a_bom(
    lsp: Callable[..., Lsp], people: Path, bom: str, newline: str
) -> None:
    path = people / "interviews" / "b.md"
    text = bom + FILES["b.md"].replace("\n", newline)
    path.write_bytes(text.encode())
    server = lsp("visual_studio_code", root=people)
    uri = server.open(path, text)
    line = text.replace("\r\n", "\n").replace("\r", "\n").split("\n").index("referred_by: a.md")
    assert _definition(server, uri, types.Position(line, 15)) == [ANN]


def test_a_blank_line_belongs_to_the_mapping_its_cursor_column_is_in(
    lsp: Callable[..., Lsp], people: Path
) -> None:
    path = people / "interviews" / "a.md"
    text = FILES["a.md"].replace("  email: ann@example.org\n", "  email: ann@example.org\n  \n")
    path.write_text(text)
    server = lsp(root=people)
    uri = server.open(path)
    blank = text.split("\n").index("  ")  # only spaces: its column says where it is
    assert _references(server, uri, types.Position(blank, 0), declaration=True) == []
    inside = _references(server, uri, types.Position(blank, 1), declaration=True)
    assert ("a.md", 2, 2, 2, 15) in inside and len(inside) == 7  # the interviewer's


def test_no_definition_in_a_buffer_too_large_to_read(lsp: Callable[..., Lsp], people: Path) -> None:
    server = lsp(root=people)
    uri = server.open(people / "interviews" / "a.md")
    server.change(uri, FILES["a.md"] + "x" * (10 * 1024 * 1024))
    server.advance(1.0)  # linted: too large to be an interview
    assert _definition(server, uri, at(FILES["a.md"], "name: Bo Chen", 8)) == []


def test_a_referral_is_followed_not_the_referrer_beside_it(
    lsp: Callable[..., Lsp], people: Path
) -> None:
    path = people / "interviews" / "f.md"
    text = _front("Fa Gu", None, "referred_by: b.md\nreferrals:\n  - name: Cy Diaz\n")
    path.write_text(text)
    server = lsp(root=people)
    uri = server.open(path)
    assert _definition(server, uri, at(text, "Cy Diaz", 1)) == [("c.md", 2, 2, 2, 15)]
    assert _definition(server, uri, at(text, "b.md", 1)) == [("b.md", 2, 2, 2, 15)]


@pytest.mark.parametrize("value", ["", " ''", " ~"])
def test_an_empty_referred_by_names_nobody(
    lsp: Callable[..., Lsp], people: Path, value: str
) -> None:
    # someone whose name is any stand-in for "nothing" must not be found either
    (people / "interviews" / "XX.md").write_text(_front("XX", None, "referred_by: XX\n"))
    path = people / "interviews" / "f.md"
    text = _front("Fa Gu", None, f"referred_by:{value}\n")
    path.write_text(text)
    server = lsp(root=people)
    uri = server.open(path)
    position = at(text, "referred_by", 3)
    assert _references(server, uri, position, declaration=True) == []
    assert _definition(server, uri, position) == []
