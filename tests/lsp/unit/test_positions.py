"""Positions at the protocol's edge: code units, line breaks, the BOM, and minimal edits.

The expected values are counted by hand here (and ``session.apply_edits`` converts
positions with its own code), so a wrong column on the server's side cannot hide.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from infoview.lsp.positions import Lines, chars_for, text_edits, units
from infoview.model import Span

from ..session import apply_edits

ENCODINGS = ["utf-8", "utf-16", "utf-32"]
P = types.Position


def R(a: int, b: int, c: int, d: int) -> types.Range:
    return types.Range(P(a, b), P(c, d))


@pytest.mark.parametrize(
    ("encoding", "count"),
    [("utf-8", 1 + 4 + 2 + 3), ("utf-16", 1 + 2 + 1 + 1), ("utf-32", 4)],
)
def test_units_count_code_units(encoding: str, count: int) -> None:
    assert units("a🎓é€", encoding) == count
    assert units("", encoding) == 0


def test_the_last_character_of_the_basic_plane_is_one_utf16_unit_and_the_next_two() -> None:
    assert units("\uffff", "utf-16") == 1
    assert units("\U00010000", "utf-16") == 2
    assert units("\U00010000", "utf-8") == 4


def test_a_lone_surrogate_from_the_client_is_counted_not_refused() -> None:
    assert units("\ud800", "utf-8") == 3
    assert units("\ud800", "utf-16") == 1


@pytest.mark.parametrize(
    ("encoding", "count", "chars"),
    [
        ("utf-16", 0, 0),
        ("utf-16", 1, 1),
        ("utf-16", 2, 1),  # in the middle of the emoji: never split it
        ("utf-16", 3, 2),
        ("utf-16", 4, 3),
        ("utf-16", 99, 3),
        ("utf-8", 4, 1),
        ("utf-8", 5, 2),
        ("utf-32", 2, 2),
        ("utf-32", 99, 3),
    ],
)
def test_chars_for_fills_code_units_without_splitting_a_character(
    encoding: str, count: int, chars: int
) -> None:
    assert chars_for("a🎓b", count, encoding) == chars


@pytest.mark.parametrize(
    ("encoding", "start", "end"), [("utf-8", 13, 18), ("utf-16", 8, 13), ("utf-32", 6, 11)]
)
def test_columns_are_code_units_of_the_agreed_encoding(encoding: str, start: int, end: int) -> None:
    text = "- 🎓🎓é zoomy\n"  # two astral characters and a two-byte one before the word
    lines = Lines(text, encoding)
    rng = lines.range(Span(1, 7, 1, 12))
    assert (rng.start.character, rng.end.character) == (start, end)
    assert lines.point(rng.start) == (1, 7)
    assert lines.point(rng.end) == (1, 12)


def test_lines_split_at_every_kind_of_break() -> None:
    lines = Lines("a\r\nbb\rccc\ndddd", "utf-16")
    assert lines.lines == ["a", "bb", "ccc", "dddd"]
    assert lines.starts == [0, 3, 6, 10]
    assert [lines.line(i) for i in (-1, 0, 3, 4)] == ["", "a", "dddd", ""]
    assert lines.position(3, 2) == P(2, 1)
    assert lines.position(4, 5) == P(3, 4)


def test_positions_are_clamped_to_the_text() -> None:
    lines = Lines("ab\ncd\n", "utf-16")
    assert lines.position(0, 0) == P(0, 0)  # before the first line: its start
    assert lines.position(1, 9) == P(0, 2)  # past the end of a line: its end
    assert lines.position(9, 1) == P(2, 0)  # past the last line: the last (empty) line
    assert lines.position(2, 2) == P(1, 1)


def test_a_bom_the_client_kept_is_one_more_character_on_line_0() -> None:
    lines = Lines("\ufeff---\r\nname: x\r\n", "utf-16")
    assert lines.bom == 1
    assert lines.position(1, 1) == P(0, 1)
    assert lines.position(1, 3) == P(0, 3)
    assert lines.position(2, 1) == P(1, 0)  # only line 0 carries it
    assert lines.point(P(0, 1)) == (1, 1)
    assert lines.point(P(0, 0)) == (1, 1)  # on the BOM itself: the first column
    assert lines.point(P(1, 2)) == (2, 3)
    assert Lines("---\n", "utf-16").bom == 0
    assert Lines("---\n", "utf-16").point(P(0, 2)) == (1, 3)


def test_a_point_span_covers_the_rest_of_its_line() -> None:
    lines = Lines("---\ninterviewer:   \n", "utf-16")
    assert lines.range(Span(2, 1)) == R(1, 0, 1, 12)
    assert lines.range(Span(2, 5)) == R(1, 4, 1, 12)
    # Past the text on its line (trailing spaces only): an empty range where it starts.
    assert lines.range(Span(2, 14)) == R(1, 13, 1, 13)


def test_a_span_ending_before_it_starts_is_empty() -> None:
    lines = Lines("abcdef\nxy\n", "utf-16")
    assert lines.range(Span(1, 4, 1, 2)) == R(0, 3, 0, 3)
    assert lines.range(Span(2, 1, 1, 5)) == R(1, 0, 1, 0)
    assert lines.range(Span(1, 2, 2, 2)) == R(0, 1, 1, 1)
    assert lines.range(Span(1, 2, 1, 2)) == R(0, 1, 0, 1)


def test_point_counts_the_clients_units_back_to_characters() -> None:
    lines = Lines("é🎓x\nz", "utf-8")
    assert lines.point(P(0, 2)) == (1, 2)
    assert lines.point(P(0, 6)) == (1, 3)
    assert lines.point(P(0, 7)) == (1, 4)
    assert lines.point(P(1, 0)) == (2, 1)
    assert lines.point(P(5, 3)) == (6, 1)  # a line past the end has no text


def test_offset_and_position_at_are_inverse() -> None:
    text = "ab\r\n🎓c\rd\n"
    lines = Lines(text, "utf-16")
    assert lines.offset(P(0, 1)) == 1
    assert lines.offset(P(1, 0)) == 4
    assert lines.offset(P(1, 2)) == 5  # after the emoji (two units, one character)
    assert lines.offset(P(1, 3)) == 6
    assert lines.offset(P(2, 1)) == 8
    assert lines.offset(P(3, 0)) == 9
    assert lines.offset(P(4, 0)) == len(text)  # past the end
    assert [lines.position_at(i) for i in range(len(text) + 1)] == [
        P(0, 0),
        P(0, 1),
        P(0, 2),
        P(0, 2),  # between '\r' and '\n': still the end of line 0
        P(1, 0),
        P(1, 2),
        P(1, 3),
        P(2, 0),
        P(2, 1),
        P(3, 0),
    ]


def test_position_at_finds_the_line_in_a_long_text() -> None:
    text = "".join(f"{n}\n" for n in range(100))
    lines = Lines(text, "utf-16")
    for n in (0, 1, 37, 64, 98, 99):
        assert lines.position_at(text.index(f"\n{n}\n") + 1 if n else 0) == P(n, 0)
        assert lines.position_at(lines.starts[n] + 1) == P(n, 1)


def test_word_at_the_cursor() -> None:
    lines = Lines("lint: {ignore: [IV303, iv101]}\nx", "utf-16")
    pattern = r"[A-Za-z0-9_\-]+"
    assert lines.word_at(P(0, 16), pattern) == "IV303"  # at its start
    assert lines.word_at(P(0, 21), pattern) == "IV303"  # at its end
    assert lines.word_at(P(0, 23), pattern) == "iv101"
    assert lines.word_at(P(0, 22), pattern) == ""  # on the space between
    assert lines.word_at(P(0, 2)) == "lint"
    assert lines.word_at(P(0, 17)) == "[IV303"  # the default word takes brackets
    assert lines.word_at(P(3, 0)) == ""


def test_text_edits_leave_unchanged_lines_alone() -> None:
    old = "a\r\nb\r\nc\r\n"
    (edit,) = text_edits(old, "a\r\nb\r\n# x\r\nc\r\n", "utf-16")
    assert edit == types.TextEdit(R(2, 0, 2, 0), "# x\r\n")


@pytest.mark.parametrize(
    ("old", "new", "edits"),
    [
        ("a\nb\n", "a\nx\nb\n", [(R(1, 0, 1, 0), "x\n")]),  # an insertion
        ("a\nx\nb\n", "a\nb\n", [(R(1, 0, 2, 0), "")]),  # a deletion
        ("a\nbcd\ne\n", "a\nbXd\ne\n", [(R(1, 1, 1, 2), "X")]),  # what both share trimmed
        ("a\r\nb\r\n", "a\r\nc\r\n", [(R(1, 0, 1, 1), "c")]),
        ("a\r\n", "b\n", [(R(0, 0, 1, 0), "b\n")]),  # a CRLF is never split
        ("x\r\n", "x\ny\r\n", [(R(0, 1, 0, 1), "\ny")]),  # the CRLF kept whole
        ("ab", "ab\n", [(R(0, 2, 0, 2), "\n")]),  # the last line without a break
        ("ab\n", "ab", [(R(0, 2, 1, 0), "")]),
        ("a\nb\nc\n", "A\nb\nC\n", [(R(0, 0, 0, 1), "A"), (R(2, 0, 2, 1), "C")]),
        ("é🎓x\n", "é🎓y\n", [(R(0, 3, 0, 4), "y")]),
        ("ab\r\n", "ab\rc\n", [(R(0, 2, 1, 0), "\rc\n")]),  # a CR alone is not a CRLF's half
        ("\r\n", "x\n", [(R(0, 0, 1, 0), "x\n")]),  # nor an LF alone, at the text's start
    ],
)
def test_text_edits_are_minimal(old: str, new: str, edits: list[tuple[types.Range, str]]) -> None:
    found = text_edits(old, new, "utf-16")
    assert [(e.range, e.new_text) for e in found] == edits
    assert apply_edits(old, found, "utf-16") == new


def test_text_edits_stay_small_in_a_long_text_of_repeated_lines() -> None:
    # difflib's "autojunk" would treat a line making up over 1% of a 200+ line text as
    # junk, and replace everything between the first change and the last; the edits must
    # stay local.
    old = "x\n" * 300
    new = "x\n" * 100 + "y\n" + "x\n" * 99 + "z\n" + "x\n" * 99
    edits = text_edits(old, new, "utf-16")
    assert apply_edits(old, edits, "utf-16") == new
    assert sum(e.range.end.line - e.range.start.line for e in edits) <= 2
    assert sum(len(e.new_text) for e in edits) <= 4


def test_text_edits_count_in_the_clients_units() -> None:
    (edit,) = text_edits("é🎓x\n", "é🎓y\n", "utf-8")
    assert edit.range == R(0, 6, 0, 7)
    assert text_edits("same\n", "same\n", "utf-8") == []


_TEXT = st.text(st.sampled_from(list("ab -:\n\r\t🎓é\u2028")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(old=_TEXT, new=_TEXT, encoding=st.sampled_from(ENCODINGS))
@example(old="a\r\n", new="b\n", encoding="utf-16")
@example(old="\r\n\r\n", new="\r\n\n", encoding="utf-8")
@example(old="a\r\nb", new="a\nb", encoding="utf-16")
def test_text_edits_turn_the_old_text_into_the_new(old: str, new: str, encoding: str) -> None:
    edits = text_edits(old, new, encoding)
    assert apply_edits(old, edits, encoding) == new
    assert (edits == []) == (old == new)


def test_a_point_span_ends_at_its_lines_end_on_any_line() -> None:
    from infoview.lsp.codeunits import Text

    text = Text("a\n" * 10 + "ab\n")
    assert text.encoding == "utf-16"  # the protocol's default
    assert text.span_places(Span(11, 1)) == ((10, 0), (10, 2))
    assert text.span_places(Span(11, 3)) == ((10, 2), (10, 2))
