"""Lossless edits at their edges: the smallest front matters, the nesting limit's boundary,
and where new lines go (what mutation testing of ``infoview/edit.py`` found unproved)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from infoview.edit import Editor, EditRefused, apply, decode, edit_text
from infoview.errors import InfoviewError
from infoview.followup import add_referral_text, log_contact_text, mark_sent_text
from infoview.parse import parse_text

ON = dt.date(2026, 11, 25)
LOGGED = "follow_up:\n  keep_in_touch:\n    - date: 2026-11-25\n      note: Wrote back\n"
TOO_DEEP = (
    "front matter is nested more than 32 levels deep; fix it first (infoview lint shows where)"
)


def log(text: str) -> str:
    return log_contact_text(text, note="Wrote back", on=ON)


def refusal(text: str) -> tuple[str, int | None]:
    with pytest.raises(EditRefused) as info:
        log(text)
    return info.value.message, info.value.line


# -- the smallest files -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("---\n---\n## Notes\n", f"---\n{LOGGED}---\n## Notes\n"),
        ("---\n---", f"---\n{LOGGED}---"),  # two lines, no line break at the end
        ("---\r\n---\r\n", "---\r\n" + LOGGED.replace("\n", "\r\n") + "---\r\n"),
        ("---\n...\nbody\n", f"---\n{LOGGED}...\nbody\n"),
    ],
    ids=["empty", "two-lines", "crlf", "dots"],
)
def test_an_empty_front_matter_gets_its_first_keys(before: str, after: str) -> None:
    assert log(before) == after


@pytest.mark.parametrize("text", ["---", "---\n", "---\ninterviewer:\n  name: Dana\n"])
def test_a_front_matter_never_closed_is_refused_at_line_1(text: str) -> None:
    assert refusal(text) == ("front matter is never closed with '---'", 1)


# -- the nesting limit ----------------------------------------------------------------------


def _nested(levels: int) -> str:
    """A front matter ``levels`` collections deep (the top-level mapping is the first),
    after a closed mapping and a closed list, which must not count."""
    chain = "".join("  " * i + f"k{i}:\n" for i in range(levels))
    return "---\ninterviewer:\n  name: Dana\ntags: [a, b]\n" + chain + "---\n"


def test_front_matter_exactly_32_deep_is_read_and_edited() -> None:
    """The reader and the editor agree on the limit: 32 collections (with scalars inside
    the deepest) are fine for both, 33 too deep for both."""
    text = _nested(32)
    assert [p.code for p in parse_text(text, Path("x.md")).problems] == ["IV002"]  # k0
    assert log(text) == text[: -len("---\n")] + LOGGED + "---\n"


def test_front_matter_33_deep_is_refused() -> None:
    assert refusal(_nested(33)) == (TOO_DEEP, None)
    problems = parse_text(_nested(33), Path("x.md")).problems
    assert [(p.code, p.message) for p in problems] == [
        (
            "IV001",
            "front matter is nested more than 32 levels deep; flatten it "
            "(interview keys need at most three levels)",
        )
    ]


def test_many_collections_side_by_side_are_not_depth() -> None:
    siblings = "".join(f"s{i}:\n  - [x]\n" for i in range(40))  # 40 x 3 levels, one after another
    text = "---\ninterviewer:\n  name: Dana\n" + siblings + "---\n"
    assert log(text) == text[: -len("---\n")] + LOGGED + "---\n"


def test_referral_and_mark_sent_on_an_empty_front_matter() -> None:
    assert add_referral_text("---\n---\n", name="Ann Lee") == (
        "---\nreferrals:\n  - name: Ann Lee\n---\n"
    )
    assert mark_sent_text("---\n---\n", via="email", on=ON) == (
        "---\nfollow_up:\n  thank_you_sent: 2026-11-25\n  thank_you_via: email\n---\n"
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("---\n{interviewer: {name: Dana}}\n---\n", "front matter is one '{...}' flow mapping", 2),
        ("---\n- a\n- b\n---\n", "front matter is not a mapping of keys", 2),
        ("---\njust words\n---\n", "front matter is not a mapping of keys", 2),
        ("# Notes\n", "has no front matter to edit; add '---' lines with 'interviewer:' first", 1),
        ("", "has no front matter to edit; add '---' lines with 'interviewer:' first", 1),
    ],
    ids=["flow-root", "list-root", "scalar-root", "no-fence", "empty-file"],
)
def test_a_front_matter_that_is_not_block_keys_is_refused(
    text: str, message: str, line: int
) -> None:
    assert refusal(text) == (message, line)


@pytest.mark.parametrize("step", [1, 3])
def test_new_blocks_take_a_one_or_three_space_indentation(step: int) -> None:
    pad = " " * step
    text = f"---\ninterviewer:\n{pad}name: Dana\n---\n"
    assert log(text) == (
        f"---\ninterviewer:\n{pad}name: Dana\nfollow_up:\n{pad}keep_in_touch:\n"
        f"{pad * 2}- date: 2026-11-25\n{pad * 2}  note: Wrote back\n---\n"
    )


def test_new_top_level_keys_line_up_with_the_first_key_not_an_explicit_one() -> None:
    text = "---\ninterviewer:\n  name: Dana\n? tags\n: [a]\n---\n"
    assert log(text) == text[: -len("---\n")] + LOGGED + "---\n"


def test_new_nested_keys_line_up_with_the_first_key_not_an_explicit_one() -> None:
    text = "---\nfollow_up:\n  may_contact_again: true\n  ? next_steps\n  : [a]\n---\n"
    assert log(text) == text[: -len("---\n")] + LOGGED.removeprefix("follow_up:\n") + "---\n"


SHARED = (
    ", so an edit here would change other places too; "
    "edit it by hand, or write the values out in place of the alias"
)


def test_an_alias_to_an_empty_list_is_refused_by_its_full_path() -> None:
    text = "---\nnone: &e []\nfollow_up:\n  keep_in_touch: *e\n---\n"
    assert refusal(text) == (
        "'follow_up.keep_in_touch' is an anchor ('&name') or an alias ('*name') to one" + SHARED,
        4,
    )


def test_an_editor_walking_into_an_alias_names_the_path_up_to_it() -> None:
    text = "---\nbase: &b {}\nfollow_up: *b\n---\n"
    with pytest.raises(EditRefused) as info:
        edit_text(
            text,
            Path("x.md"),
            lambda e: e.insert_under(("follow_up", "keep_in_touch"), ["- x"]),
            lambda _: True,
        )
    assert (info.value.message, info.value.line) == (
        "'follow_up' is an anchor ('&name') or an alias ('*name') to one" + SHARED,
        3,
    )


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("follow_up:   \n", "follow_up:   \n"),  # an empty value: its line stays as it is
        ("follow_up: ~  \n", "follow_up:  \n"),  # a written null goes, with the space before it
        ("follow_up: {}  # later\n", "follow_up:   # later\n"),  # the comment stays
        ("follow_up: {\n  }\n", "follow_up:\n"),  # an empty mapping over two lines
        ("follow_up: [\n]\n", "follow_up:\n"),
    ],
    ids=["empty", "null", "commented", "two-line-map", "two-line-list"],
)
def test_a_key_without_a_value_gets_its_block_beneath_it(line: str, kept: str) -> None:
    assert (
        log(f"---\n{line}---\n") == "---\n" + kept + LOGGED.removeprefix("follow_up:\n") + "---\n"
    )


def test_keys_missing_under_an_empty_one_are_written_beneath_it() -> None:
    def change(editor: Editor) -> None:
        editor.insert_under(("follow_up", "keep_in_touch"), ["- x"])

    text = "---\nfollow_up:\n---\n"
    assert edit_text(text, Path("x.md"), change, lambda _: True) == (
        "---\nfollow_up:\n  keep_in_touch:\n    - x\n---\n"
    )


def test_each_editor_operation_sees_the_one_before() -> None:
    def change(editor: Editor) -> None:
        editor.set_scalar(("follow_up", "thank_you_via"), "handwritten")
        editor.set_scalar(("follow_up", "thank_you_via"), "email")
        editor.append_item(("referrals",), [("name", "Ann")])
        editor.append_item(("referrals",), [("name", "Bo")])

    text = "---\nfollow_up:\n  thank_you_via: email\n---\n"
    assert edit_text(text, Path("x.md"), change, lambda _: True) == (
        "---\nfollow_up:\n  thank_you_via: email\nreferrals:\n  - name: Ann\n  - name: Bo\n---\n"
    )


@pytest.mark.parametrize(
    ("edit", "added"),
    [
        (log, LOGGED),
        (
            lambda t: mark_sent_text(t, on=ON, via="email"),
            "follow_up:\n  thank_you_sent: 2026-11-25\n  thank_you_via: email\n",
        ),
    ],
    ids=["log", "mark-sent"],
)
def test_a_misplaced_top_level_key_is_not_taken_for_the_nested_one(
    edit: Callable[[str], str], added: str
) -> None:
    text = "---\nkeep_in_touch: []\nthank_you_sent: 2020-01-01\nthank_you_via: card\n---\n"
    assert edit(text) == text[: -len("---\n")] + added + "---\n"


@pytest.mark.parametrize(
    ("text", "edit", "message"),
    [
        ("keep_in_touch: soon", log, "'follow_up.keep_in_touch' is not a list"),
        ("keep_in_touch: [a]", log, "'follow_up.keep_in_touch' is a '[...]' list"),
        (
            "thank_you_sent: [a]",
            lambda t: mark_sent_text(t, on=ON, via="email"),
            "'follow_up.thank_you_sent' holds a list or mapping, not a value",
        ),
    ],
    ids=["scalar", "flow-list", "list-for-a-value"],
)
def test_a_nested_value_of_the_wrong_kind_is_refused_by_its_full_path(
    text: str, edit: Callable[[str], str], message: str
) -> None:
    with pytest.raises(EditRefused) as info:
        edit(f"---\nfollow_up:\n  {text}\n---\n")
    assert (info.value.message, info.value.line) == (
        f"{message}; edit it by hand, or rewrite it in block style (one key per line)",
        3,
    )


def test_a_change_that_reaches_into_the_body_is_refused() -> None:
    """``edit_text``'s last check: whatever ``change`` does, the body stays byte-identical."""

    def change(editor: Editor) -> None:
        end = len(editor.doc.text)
        editor.splices.append((end, end, "- added\n"))

    with pytest.raises(EditRefused) as info:
        edit_text("---\nstatus: active\n---\n## Notes\n", Path("x.md"), change, lambda _: True)
    assert info.value.message == "the edit would change the body; nothing was written"


# -- the file wrapper ---------------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused_at_its_line() -> None:
    with pytest.raises(EditRefused) as info:
        decode(b"\n---\nname: \xff\n", Path("x.md"))
    assert (info.value.message, info.value.line) == (
        "is not valid UTF-8; re-save it as UTF-8 first",
        3,
    )


def test_without_a_workspace_a_link_out_of_its_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    target = tmp_path / "out/real.md"
    target.write_text("---\nstatus: active\n---\n", encoding="utf-8")
    link = tmp_path / "in/x.md"
    link.symlink_to(target)
    with pytest.raises(InfoviewError):
        apply(link, lambda text: text.replace("active", "done"))
    assert target.read_text(encoding="utf-8") == "---\nstatus: active\n---\n"
    assert link.is_symlink()


def test_a_file_written_meanwhile_is_edited_as_it_is_now(tmp_path: Path) -> None:
    """``fs.edit_file`` runs the edit again when the file changed under it: the result
    reports the text it really started from and wrote."""
    path = tmp_path / "x.md"
    path.write_text("---\nstatus: active\n---\n", encoding="utf-8")
    calls: list[str] = []

    def edit(text: str) -> str:
        calls.append(text)
        if len(calls) == 1:  # another program saves the file while the edit runs
            path.write_text("---\nstatus: paused\n---\nbody\n", encoding="utf-8")
        return text.replace("status: ", "status: x")

    result = apply(path, edit)
    assert len(calls) == 2
    assert (result.before, result.after) == (
        "---\nstatus: paused\n---\nbody\n",
        "---\nstatus: xpaused\n---\nbody\n",
    )
    assert path.read_text(encoding="utf-8") == result.after
