"""Completion in the front matter and in disable comments, requested without ``context``
(as older clients send it): the items, their kinds and details, and the exact edit each
makes, in the client's code units."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lsprotocol import types

from infoview.keys import DOCS
from infoview.lint.registry import RULES
from infoview.lsp.completion import TRIGGERS, _in_disable_comment
from infoview.schema import INTERVIEWER_KEYS, REFERRAL_KEYS, TOP_KEYS

from ..inproc import Lsp
from ..session import TODAY, character

TEXT = (
    "---\n"
    "interviewer:\n  name: Lee Chan\n  \n"
    "meeting:\n  mode: \n  date: 2026-12-01\n  duration: \n"
    "formality: \nstatus: \n"
    "follow_up:\n  thank_you_via:\n  may_contact_again: \n  thank_you_sent: \n"
    "  keep_in_touch:\n    - \n"
    "referred_by: \n"
    "referrals:\n  - name: Ana\n    file: \n  - \n"
    "tags: [\n"
    "lint: {ignore: [IV1\n"
    "\n"
    "---\n"
    "## Questions\n<!-- infoview-disable IV30\n"
)
LEE = "2026-12-20-lee-chan.md"


def at(text: str, needle: str, offset: int | None = None) -> types.Position:
    """The position just after ``needle`` (or ``offset`` characters into it): ASCII lines."""
    index = text.index(needle) + (len(needle) if offset is None else offset)
    line = text.count("\n", 0, index)
    return types.Position(line, index - (text.rfind("\n", 0, index) + 1))


def complete(server: Lsp, uri: str, where: types.Position) -> list[types.CompletionItem]:
    found = server.request(
        "textDocument/completion",
        types.CompletionParams(types.TextDocumentIdentifier(uri), where),  # no context
    )
    if found is None:
        return []
    assert isinstance(found, types.CompletionList) and found.is_incomplete is False
    return list(found.items)


def labels(server: Lsp, uri: str, where: types.Position) -> list[str]:
    return [item.label for item in complete(server, uri, where)]


@pytest.fixture
def lee(lsp: Callable[..., Lsp], root: Path) -> tuple[Lsp, str]:
    server = lsp()
    return server, server.open(root / "interviews" / LEE, TEXT)


def test_the_options_trigger_on_the_yaml_punctuation_and_resolve_nothing(
    lsp: Callable[..., Lsp],
) -> None:
    result = lsp().result
    assert result is not None
    options = result.capabilities.completion_provider
    assert options is not None
    assert list(options.trigger_characters or []) == [":", " ", "[", ",", "-"] == TRIGGERS
    assert options.resolve_provider is False


def test_keys_at_each_level_leave_out_those_already_there(lee: tuple[Lsp, str]) -> None:
    server, uri = lee
    assert labels(server, uri, at(TEXT, "Lee Chan\n  ")) == [
        k for k in INTERVIEWER_KEYS if k != "name"
    ]
    assert labels(server, uri, at(TEXT, "\n---\n## Q", 0)) == ["learning_goals"]
    assert labels(server, uri, at(TEXT, "  - \ntags", 4)) == list(REFERRAL_KEYS)
    assert labels(server, uri, at(TEXT, "    - \nreferred_by", 6)) == ["date", "note"]
    assert set(TOP_KEYS) - {"learning_goals"} <= {line.split(":")[0] for line in TEXT.split("\n")}


def test_a_key_item_says_what_it_means_and_inserts_its_colon(lee: tuple[Lsp, str]) -> None:
    server, uri = lee
    where = at(TEXT, "Lee Chan\n  ")
    items = complete(server, uri, where)
    title = items[0]
    assert title == types.CompletionItem(
        "title",
        kind=types.CompletionItemKind.Property,
        detail=DOCS["interviewer.title"],
        sort_text="001",
        filter_text="title",
        text_edit=types.TextEdit(types.Range(where, where), "title: "),
    )
    assert [i.sort_text for i in items] == [f"{n:03d}" for n in range(1, len(INTERVIEWER_KEYS))]
    top = {i.label: i for i in complete(server, uri, at(TEXT, "\n---\n## Q", 0))}
    goals = top["learning_goals"]
    assert goals.text_edit is not None and goals.text_edit.new_text == "learning_goals:"
    assert goals.sort_text == f"{TOP_KEYS.index('learning_goals'):03d}"


def test_a_key_being_typed_is_replaced_from_its_start(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    text = "---\ninterviewer:\n  name: X\n  ti\nmeeting:\n  date: 2026-12-01\n  dur\n---\n"
    uri = server.open(root / "interviews" / LEE, text)
    where = at(text, "  ti")
    (item,) = [i for i in complete(server, uri, where) if i.label == "title"]
    assert item.text_edit == types.TextEdit(
        types.Range(types.Position(where.line, 2), where), "title: "
    )
    found = complete(server, uri, at(text, "  dur"))
    assert [i.label for i in found] == ["duration", "mode", "location"]  # the client filters
    duration = found[0]
    assert duration.text_edit is not None and duration.text_edit.new_text == "duration: "
    top = "---\nint\n---\n"
    uri = server.open(root / "interviews" / "top.md", top)
    interviewer = next(i for i in complete(server, uri, at(top, "int")) if i.label == "interviewer")
    assert interviewer.text_edit == types.TextEdit(
        types.Range(types.Position(1, 0), types.Position(1, 3)),
        "interviewer:",  # a mapping
    )


@pytest.mark.parametrize(
    ("needle", "values", "detail"),
    [
        ("mode: ", ["in-person", "video", "phone"], DOCS["meeting.mode"]),
        ("formality: ", ["formal", "informal"], DOCS["formality"]),
        ("status: ", ["planned", "scheduled", "done", "cancelled"], DOCS["status"]),
        ("thank_you_via:", ["handwritten", "email"], DOCS["follow_up.thank_you_via"]),
        ("may_contact_again: ", ["true", "false"], None),
        ("duration: ", ["30", "45", "60"], "minutes"),
        ("thank_you_sent: ", [TODAY], "today"),
    ],
)
def test_values_each_key_takes(
    lee: tuple[Lsp, str], needle: str, values: list[str], detail: str | None
) -> None:
    server, uri = lee
    where = at(TEXT, needle)
    items = complete(server, uri, where)
    assert [i.label for i in items] == values
    assert {i.kind for i in items} == {types.CompletionItemKind.Value}
    assert {i.detail for i in items} == {detail}
    lead = "" if needle.endswith(" ") else " "  # right after the colon: a space first
    assert [i.text_edit for i in items] == [
        types.TextEdit(types.Range(where, where), lead + v) for v in values
    ]
    assert [i.filter_text for i in items] == values


def test_a_date_is_today_in_the_workspaces_zone(lsp: Callable[..., Lsp], root: Path) -> None:
    import datetime as dt

    late = dt.datetime(2026, 11, 26, 7, 30, tzinfo=dt.UTC)  # still the 25th in Los Angeles
    server = lsp(today=None, now=late)
    uri = server.open(root / "interviews" / LEE, TEXT)
    assert labels(server, uri, at(TEXT, "  date: ", len("  date: "))) == ["2026-11-25"]


def test_files_for_referred_by_and_a_referrals_file(lee: tuple[Lsp, str], root: Path) -> None:
    server, uri = lee
    items = complete(server, uri, at(TEXT, "referred_by: "))
    assert [(i.label, i.detail) for i in items] == [
        ("2026-11-18-marcus-lee.md", "Marcus Lee"),
        ("2026-11-25-priya-raman.md", "Priya Raman"),
        ("2026-12-03-dana-whitfield.md", "Dana Whitfield"),
    ]  # not this file itself
    assert labels(server, uri, at(TEXT, "file: ")) == [i.label for i in items]
    # An open buffer counts as it is now; a file without a name shows its stem.
    marcus = server.open(
        root / "interviews" / "2026-11-18-marcus-lee.md",
        "---\ninterviewer:\n  email: m@example.com\n---\n",
    )
    assert marcus
    assert complete(server, uri, at(TEXT, "referred_by: "))[0].detail == "2026-11-18-marcus-lee"


def test_tags_already_used_in_the_workspace(lee: tuple[Lsp, str]) -> None:
    server, uri = lee
    items = complete(server, uri, at(TEXT, "tags: ["))
    assert [(i.label, i.detail) for i in items] == [
        (tag, "used in the workspace")
        for tag in ["estate-planning", "law-firm", "legal-aid", "litigation"]
    ]
    where = at(TEXT, "tags: [")
    assert items[0].text_edit == types.TextEdit(types.Range(where, where), "estate-planning")


def test_rule_codes_in_lint_ignore_and_in_a_disable_comment(lee: tuple[Lsp, str]) -> None:
    server, uri = lee
    where = at(TEXT, "[IV1")
    items = complete(server, uri, where)
    assert [i.label for i in items] == list(RULES)
    first = RULES["IV001"]
    assert items[0].detail == f"{first.slug}: {first.summary}"
    assert items[0].kind == types.CompletionItemKind.Value and items[0].sort_text == "000"
    start = types.Position(where.line, where.character - 3)
    assert items[0].text_edit == types.TextEdit(types.Range(start, where), "IV001")
    comment = at(TEXT, "disable IV30")
    found = complete(server, uri, comment)
    assert [i.label for i in found] == list(RULES)
    assert found[0].text_edit == types.TextEdit(
        types.Range(types.Position(comment.line, comment.character - 4), comment), "IV001"
    )


def test_no_completion_in_the_body_outside_a_disable_comment_or_past_the_end(
    lee: tuple[Lsp, str], lsp: Callable[..., Lsp], root: Path
) -> None:
    server, uri = lee
    assert complete(server, uri, at(TEXT, "## Questions")) == []
    assert complete(server, uri, types.Position(99, 0)) == []
    assert complete(server, uri, types.Position(TEXT.count("\n"), 0)) == []  # the last line
    readme = server.open(root / "README.md")
    assert complete(server, readme, types.Position(0, 0)) == []
    closed = (root / "interviews" / "2026-11-18-marcus-lee.md").as_uri()
    assert complete(server, closed, types.Position(1, 0)) == []


@pytest.mark.parametrize("client", ["neovim", "visual_studio_code"])
def test_ranges_count_the_clients_code_units(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    line = "meeting: {location: 🎥 é, mode: vi"
    text = f"\ufeff---\r\ninterviewer:\r\n  name: 🎓 Lee\r\n{line}\r\n---\r\n"
    uri = server.open(root / "interviews" / LEE, text)
    where = types.Position(3, character(line, len(line), server.encoding))
    found = complete(server, uri, where)
    assert [i.label for i in found] == ["in-person", "video", "phone"]
    start = types.Position(3, character(line, len(line) - 2, server.encoding))
    assert start.character == {"utf-8": 35, "utf-16": 32}[server.encoding]
    assert found[1].text_edit == types.TextEdit(types.Range(start, where), "video")
    # On line 0 the BOM the client kept is one more character.
    first = "\ufeff<!-- infoview-disable IV3"
    uri = server.open(root / "interviews" / "bom.md", first + "\n## Notes\n")
    where = types.Position(0, character(first, len(first), server.encoding))
    (iv001, *_) = complete(server, uri, where)
    begin = types.Position(0, character(first, len(first) - 3, server.encoding))
    assert (
        begin.character
        == len("<!-- infoview-disable ") + {"utf-8": 3, "utf-16": 1}[server.encoding]
    )
    assert iv001.text_edit == types.TextEdit(types.Range(begin, where), "IV001")
    lone_cr = "---\rinterviewer:\r  ti\r---\r"
    uri = server.open(root / "interviews" / "cr.md", lone_cr)
    assert labels(server, uri, types.Position(2, 4)) == list(INTERVIEWER_KEYS)


def test_an_empty_list_item_under_a_list_of_entries_offers_its_keys(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    text = "---\nreferrals:\n  - \nlearning_goals:\n  - \n---\n"
    uri = server.open(root / "interviews" / LEE, text)
    assert labels(server, uri, types.Position(2, 4)) == list(REFERRAL_KEYS)
    assert labels(server, uri, types.Position(4, 4)) == []  # a list of text: no keys


@pytest.mark.parametrize(
    ("before", "start"),
    [
        ("<!-- infoview-disable IV3", 22),
        ("<!-- infoview-disable IV101 iv_30", 28),
        ("x <!--infoview-disable  ", 24),
        ("<!-- infoview-disable ab-cd", 22),
        ("<!--\tinfoview-disable\tIV", 22),
    ],
)
def test_the_code_being_typed_in_a_disable_comment(before: str, start: int) -> None:
    assert _in_disable_comment(before) == start


@pytest.mark.parametrize(
    "before",
    [
        "infoview-disable IV3",
        "   infoview-disable IV3",  # no comment opened: four characters on is no match
        "<!-- infoview-disable IV303 --> IV",
        "<!-- infoview-disableIV",
        "<!-- infoview-enable IV3",
        "<!-- note -->",
        "<!-- infoview-disable",
        "",
    ],
)
def test_not_in_a_disable_comment(before: str) -> None:
    assert _in_disable_comment(before) is None


def test_each_key_inserts_a_space_after_its_colon_only_when_it_holds_a_scalar(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    text = "---\nmeeting:\n  \nfollow_up:\n  \n---\n"
    uri = server.open(root / "interviews" / LEE, text)
    inserted = {
        i.label: i.text_edit.new_text if i.text_edit else None
        for line in (2, 4)
        for i in complete(server, uri, types.Position(line, 2))
    }
    assert inserted == {
        "date": "date: ",  # a date and time
        "duration": "duration: ",
        "mode": "mode: ",  # a choice
        "location": "location: ",  # text
        "may_contact_again": "may_contact_again: ",  # true or false
        "thank_you_sent": "thank_you_sent: ",  # a date
        "thank_you_via": "thank_you_via: ",
        "keep_in_touch": "keep_in_touch:",  # a list: its items go below
    }


def test_completing_in_the_middle_of_a_line_reads_only_what_is_before_the_cursor(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    text = (
        "---\nmeeting: {mode: vi, location: x}\n---\n## Questions\n<!-- infoview-disable IV30 -->\n"
    )
    uri = server.open(root / "interviews" / LEE, text)
    where = at(text, "mode: vi")
    found = complete(server, uri, where)
    assert [i.label for i in found] == ["in-person", "video", "phone"]
    start = types.Position(where.line, where.character - 2)
    assert found[0].text_edit == types.TextEdit(types.Range(start, where), "in-person")
    comment = at(text, "disable IV30")
    rules = complete(server, uri, comment)
    assert [i.label for i in rules] == list(RULES)
    start = types.Position(comment.line, comment.character - 4)
    assert rules[0].text_edit == types.TextEdit(types.Range(start, comment), "IV001")


def test_the_last_line_without_a_newline_completes_and_the_line_after_it_does_not(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    text = "---\nstatus: done\n---\n## Notes\n<!-- infoview-disable IV1"
    uri = server.open(root / "interviews" / LEE, text)
    where = at(text, "IV1")
    assert labels(server, uri, where) == list(RULES)
    assert complete(server, uri, types.Position(where.line + 1, 0)) == []
    assert complete(server, uri, types.Position(where.line + 2, 0)) == []


def test_the_value_of_an_unknown_key_completes_nothing(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    text = "---\ninterviewer:\n  nmae: \nmood: \n---\n"
    uri = server.open(root / "interviews" / LEE, text)
    assert complete(server, uri, at(text, "nmae: ")) == []
    assert complete(server, uri, at(text, "mood: ")) == []
