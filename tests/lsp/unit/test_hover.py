"""Hover: Markdown (``MarkupContent`` of kind ``markdown``) for a diagnostic's rule, a rule
code in a disable comment or in ``lint.ignore``, and a front-matter key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from lsprotocol import types

from infoview.keys import Key, key
from infoview.lint.registry import lookup
from infoview.lsp.hover import _KIND_WORDS, key_markdown, rule_markdown

from ..inproc import Lsp

DANA = "2026-12-03-dana-whitfield.md"
PRIYA = "2026-11-25-priya-raman.md"
GOAL = "### Goal 3: estate planning practice\n"
SEPARATOR = "\n\n---\n\n"


def at(text: str, needle: str, offset: int = 0) -> types.Position:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    return types.Position(line, index - (text.rfind("\n", 0, index) + 1))


def hover(server: Lsp, uri: str, where: types.Position) -> str | None:
    found = server.request(
        "textDocument/hover", types.HoverParams(types.TextDocumentIdentifier(uri), where)
    )
    if found is None:
        return None
    assert isinstance(found, types.Hover)
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.kind == types.MarkupKind.Markdown == "markdown"
    assert found.range is None
    return found.contents.value


def md(code: str) -> str:
    rule = lookup(code)
    assert rule is not None
    return rule_markdown(rule)


@pytest.fixture
def dana(lsp: Callable[..., Lsp], root: Path) -> tuple[Lsp, str, str]:
    text = (
        (root / "interviews" / DANA)
        .read_text()
        .replace(
            GOAL,
            GOAL + "<!-- infoview-disable IV304 job-seeking -->\n- What does your company do?\n",
        )
        .replace(
            "tags: [estate-planning, law-firm]\n",
            "tags: [estate-planning, law-firm]\nlint: {ignore: [IV104, research-missing]}\n",
        )
    )
    server = lsp()
    return server, server.open(root / "interviews" / DANA, text), text


def test_a_rules_text_becomes_markdown_with_its_examples_as_code_blocks() -> None:
    doc = (
        "Summary line.\n"
        "\n"
        "Passing::\n"
        "\n"
        "    - first\n"
        "      continued\n"
        "\n"
        "    - second\n"
        "\n"
        "Failing::  \n"
        "    - bad\n"
        "Tail text.\n"
        "Ends::\n"
        "    - last\n"
        "\n"
    )
    rule = SimpleNamespace(code="IV999", slug="made-up", severity="info", doc=doc)
    assert rule_markdown(rule) == (  # type: ignore[arg-type]
        "**IV999** `made-up` (default: info)\n"
        "\n"
        "Summary line.\n"
        "\n"
        "Passing:\n"
        "\n"
        "```\n"
        "- first\n"
        "  continued\n"
        "\n"
        "- second\n"
        "```\n"
        "\n"
        "Failing:\n"
        "\n"
        "```\n"
        "- bad\n"
        "```\n"
        "\n"
        "Tail text.\n"
        "Ends:\n"
        "\n"
        "```\n"
        "- last\n"
        "```"
    )
    empty = SimpleNamespace(code="IV998", slug="empty", severity="error", doc="")
    assert rule_markdown(empty) == "**IV998** `empty` (default: error)"  # type: ignore[arg-type]


def test_the_real_rules_text_shows_the_guides_sentence_and_its_examples() -> None:
    text = md("IV303")
    assert text.startswith("**IV303** `answerable-online` (default: warning)\n\n")
    assert "do not ask a question you could have found answers to online" in text
    assert "Passing:\n\n```\n- How has the paralegal role changed" in text
    assert "Failing:\n\n```\n- What does your firm do?" in text
    assert text.endswith("```")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "meeting.mode",
            "**meeting.mode**: How you meet: in-person, video or phone.\n\n"
            "Holds one of `in-person`, `video`, `phone`.",
        ),
        (
            "interviewer",
            "**interviewer**: The person you are meeting: who they are and how to reach "
            "them.\n\nHolds keys of its own.",
        ),
        ("interviewer.name", None),
        ("follow_up.thank_you_sent", None),
        ("meeting.date", None),
        ("meeting.duration", None),
        ("follow_up.may_contact_again", None),
        ("learning_goals", None),
        ("lint.ignore", None),
        ("referrals", None),
    ],
)
def test_a_key_shows_its_meaning_and_what_it_holds(path: str, expected: str | None) -> None:
    found = key(path)
    assert found is not None
    text = key_markdown(found)
    if expected is not None:
        assert text == expected
    words = {
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
    assert words == _KIND_WORDS
    if not found.choices:
        assert text == f"**{path}**: {found.doc}\n\nHolds {words[found.kind]}."


def test_a_key_without_a_meaning_or_a_known_kind_still_reads() -> None:
    assert key_markdown(Key("x.y", "odd", "")) == "**x.y**\n\nHolds odd."
    choice = Key("x", "choice", "Pick.", ("a", "b"))
    assert key_markdown(choice) == "**x**: Pick.\n\nHolds one of `a`, `b`."


def test_hover_on_a_diagnostic_shows_its_message_and_the_rule(
    dana: tuple[Lsp, str, str],
) -> None:
    server, uri, text = dana
    (online,) = [d for d in server.diagnostics(uri) if d.code == "IV303"]
    value = hover(server, uri, at(text, "What does your company", 5))
    assert value == f"**IV303** {online.message}{SEPARATOR}{md('IV303')}"
    end = online.range.end
    assert hover(server, uri, end) == value  # the end is inside
    assert hover(server, uri, types.Position(end.line, end.character + 1)) is None
    start = online.range.start
    assert hover(server, uri, start) == value  # so is the start
    comment = text.split("\n")[start.line - 1]
    assert comment.startswith("<!-- infoview-disable")
    assert hover(server, uri, types.Position(start.line - 1, len(comment))) is None  # before it


def test_several_diagnostics_at_one_place_show_each_message_and_each_rule_once(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    found = server.diagnostics(uri)
    here = [d for d in found if d.range.start.line == 17]
    assert [d.code for d in here] == ["IV102", "IV102", "IV103"]
    value = hover(server, uri, types.Position(17, 3))
    first, second, third = here
    assert value == SEPARATOR.join(
        [
            f"**IV102** {first.message}",
            md("IV102"),
            f"**IV102** {second.message}",
            f"**IV103** {third.message}",
            md("IV103"),
        ]
    )


def test_hover_on_a_rule_code_or_slug_in_a_disable_comment(dana: tuple[Lsp, str, str]) -> None:
    server, uri, text = dana
    assert hover(server, uri, at(text, "IV304 job", 2)) == md("IV304")
    assert hover(server, uri, at(text, "job-seeking -->", 4)) == md("IV304")
    assert hover(server, uri, at(text, "<!-- infoview", 1)) is None  # not a rule


def test_hover_on_a_rule_in_lint_ignore_and_on_lint_keys(dana: tuple[Lsp, str, str]) -> None:
    server, uri, text = dana
    assert hover(server, uri, at(text, "IV104,", 1)) == md("IV104")
    assert hover(server, uri, at(text, "research-missing]", 3)) == md("IV101")
    lint_ignore = key("lint.ignore")
    assert lint_ignore is not None
    assert hover(server, uri, at(text, "ignore: [IV104", 2)) == key_markdown(lint_ignore)
    lint = key("lint")
    assert lint is not None
    assert hover(server, uri, at(text, "lint: {", 1)) == key_markdown(lint)


def test_a_rule_named_elsewhere_in_the_front_matter_is_not_explained(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    text = "---\ninterviewer:\n  name: IV303\ntags: [IV101]\n---\n## Notes\n- IV303 again\n"
    uri = server.open(root / "interviews" / DANA, text)
    name = key("interviewer.name")
    tags = key("tags")
    assert name is not None and tags is not None
    assert hover(server, uri, at(text, "IV303", 2)) == key_markdown(name)
    assert hover(server, uri, at(text, "IV101", 2)) == key_markdown(tags)
    assert hover(server, uri, at(text, "IV303 again", 2)) is None


def test_hover_on_a_key_or_its_value(dana: tuple[Lsp, str, str]) -> None:
    server, uri, text = dana
    mode = key("meeting.mode")
    name = key("interviewer.name")
    assert mode is not None and name is not None
    assert hover(server, uri, at(text, "mode: video", 1)) == key_markdown(mode)
    assert hover(server, uri, at(text, "mode: video", 8)) == key_markdown(mode)
    assert hover(server, uri, at(text, "  name: Dana", 3)) == key_markdown(name)
    meeting = key("meeting")
    assert meeting is not None
    assert hover(server, uri, at(text, "meeting:", 2)) == key_markdown(meeting)
    assert hover(server, uri, at(text, "## Research", 4)) is None  # the body
    assert hover(server, uri, types.Position(0, 1)) is None  # the fence


def test_an_unknown_key_shows_only_its_diagnostic(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    text = "---\ninterviewer:\n  nmae: Dana\n---\n"
    uri = server.open(root / "interviews" / DANA, text)
    (unknown,) = [d for d in server.diagnostics(uri) if "nmae" in d.message]
    assert hover(server, uri, at(text, "nmae", 1)) == (
        f"**{unknown.code}** {unknown.message}{SEPARATOR}{md(str(unknown.code))}"
    )


def test_lines_are_counted_as_the_parser_counts_them(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    mode = key("meeting.mode")
    formality = key("formality")
    assert mode is not None and formality is not None
    crlf = "\ufeff---\r\ninterviewer:\r\n  name: 🎓 D\r\nmeeting:\r\n  mode: video\r\n---\r\n"
    uri = server.open(root / "interviews" / "crlf.md", crlf)
    assert hover(server, uri, types.Position(4, 3)) == key_markdown(mode)
    lone = "---\rinterviewer:\r  name: D\rformality: formal\r---\r"
    uri = server.open(root / "interviews" / "cr.md", lone)
    assert hover(server, uri, types.Position(3, 2)) == key_markdown(formality)
    bom = "\ufeff---\nformality: formal\n---\n"
    uri = server.open(root / "interviews" / "bom.md", bom)
    assert hover(server, uri, types.Position(1, 0)) == key_markdown(formality)


def test_hover_reads_the_buffer_as_it_is_now(
    dana: tuple[Lsp, str, str],
) -> None:
    server, uri, text = dana
    typed = text.replace("- What does your company do?", "- How many lawyers work here?")
    server.change(uri, typed)  # not linted yet: typing has not paused
    value = hover(server, uri, at(typed, "How many lawyers", 3))
    assert value is not None and value.startswith("**IV303** ")
    assert "lawyers" in value


def test_no_hover_for_what_is_not_an_open_interview(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    readme = server.open(root / "README.md")
    assert hover(server, readme, types.Position(2, 3)) is None
    closed = (root / "interviews" / PRIYA).as_uri()
    assert hover(server, closed, types.Position(4, 3)) is None


def test_the_punctuation_between_a_key_and_its_value_belongs_to_the_key(
    dana: tuple[Lsp, str, str],
) -> None:
    server, uri, text = dana
    mode, lint, ignore = key("meeting.mode"), key("lint"), key("lint.ignore")
    assert mode is not None and lint is not None and ignore is not None
    assert hover(server, uri, at(text, "mode: video", 4)) == key_markdown(mode)  # the colon
    assert hover(server, uri, at(text, "mode: video", 5)) == key_markdown(mode)  # the space
    assert hover(server, uri, at(text, "lint: {", 4)) == key_markdown(lint)
    assert hover(server, uri, at(text, "lint: {", 6)) == key_markdown(lint)  # the brace
    assert hover(server, uri, at(text, "{ignore", 1)) == key_markdown(ignore)
