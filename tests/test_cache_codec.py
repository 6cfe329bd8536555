"""The cache's codec: typed values to JSON data and back, checked against annotations.

Round trips compare the encoded forms (``encoder(T)(a) == encoder(T)(b)``) as well as the
values, because a Span equals another that starts at the same place whatever its end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lint_corpus import CORPUS

from infoview.lint.cache.codec import CodecError, decoder, encoder
from infoview.lint.cache.records import damaged, dump_record, lazy_record, load_record
from infoview.model import Interview, Severity
from infoview.parse import parse_bytes, parse_text

EXAMPLES = sorted((Path(__file__).parent.parent / "interviews").glob("*.md"))


def roundtrip(tp: Any, value: Any) -> Any:
    data = json.loads(json.dumps(encoder(tp)(value)))
    back = decoder(tp)(data)
    assert encoder(tp)(back) == encoder(tp)(value)
    return back


@pytest.mark.parametrize("stem", list(CORPUS))
def test_every_corpus_interview_survives_a_round_trip(stem: str) -> None:
    text = CORPUS[stem]
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    interview = parse_bytes(data, Path(f"interviews/{stem}.md"))
    assert roundtrip(Interview, interview) == interview
    blob = dump_record(interview)
    assert json.loads(blob)  # plain JSON: a list of the fields' JSON texts
    loaded = load_record(Interview, blob)
    assert type(loaded) is Interview
    assert encoder(Interview)(loaded) == encoder(Interview)(interview)


@pytest.mark.parametrize("stem", list(CORPUS))
def test_the_fast_writer_writes_what_the_typed_encoder_does(stem: str) -> None:
    text = CORPUS[stem]
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    interview = parse_bytes(data, Path(f"interviews/{stem}.md"))
    fields = [json.loads(t) for t in json.loads(dump_record(interview))]
    assert fields == json.loads(json.dumps(encoder(Interview)(interview)))


def test_the_fast_writer_refuses_what_it_cannot_store() -> None:
    interview = _interview()
    interview.tags = (object(),)  # type: ignore[assignment]
    with pytest.raises(CodecError):
        dump_record(interview)
    interview.tags = (float("nan"),)  # type: ignore[assignment]
    with pytest.raises(CodecError):
        dump_record(interview)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_survive_a_round_trip_with_their_span_ends(path: Path) -> None:
    interview = parse_bytes(path.read_bytes(), path)
    back = load_record(Interview, dump_record(interview))
    ends = [tuple(span) for span in interview.keys.values()]
    assert [tuple(span) for span in back.keys.values()] == ends
    assert any(end_line for _, _, end_line, _ in ends)  # the ends are really there


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_whatever_the_parser_makes_of_any_text_survives(text: str) -> None:
    interview = parse_text(f"---\n{text}\n---\n## Research\n{text}\n", Path("x.md"))
    back = load_record(Interview, dump_record(interview))
    assert encoder(Interview)(back) == encoder(Interview)(interview)


def test_a_path_that_is_not_utf8_survives(tmp_path: Path) -> None:
    path = Path(b"interviews/caf\xe9.md".decode("utf-8", "surrogateescape"))
    interview = parse_text("# x\n", path)
    assert load_record(Interview, dump_record(interview)).path == path


class Colour(enum.StrEnum):
    RED = "red"


@dataclasses.dataclass(frozen=True)
class Leaf:
    number: int
    flag: bool = False


class Point(NamedTuple):
    line: int
    column: int = 1
    added_later: int = 0  # as h13lsp added end positions: no codec change needed


@dataclasses.dataclass
class Record:
    name: str
    when: dt.date | None
    at: dt.time | None
    stamp: dt.datetime
    offset: dt.tzinfo | None
    colour: Colour
    leaves: tuple[Leaf, ...]
    pair: tuple[int, str]
    points: dict[int, Point]
    names: list[str]
    path: Path
    ratio: float = 0.5
    extra: str | None = None  # a field added later


RECORD = Record(
    name="Dana",
    when=dt.date(2026, 12, 3),
    at=dt.time(10, 30, 15, 500),
    stamp=dt.datetime(2026, 12, 3, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
    offset=dt.timezone(dt.timedelta(hours=5, minutes=30)),
    colour=Colour.RED,
    leaves=(Leaf(1), Leaf(2, True)),
    pair=(7, "seven"),
    points={3: Point(3, 5, 9), 1: Point(1)},
    names=["a", "b"],
    path=Path("interviews/x.md"),
    extra="later",
)


def test_every_supported_kind_of_value_survives() -> None:
    back = roundtrip(Record, RECORD)
    assert back == RECORD
    assert list(back.points) == [3, 1]  # keys keep their type and their order
    assert type(back.leaves) is tuple and type(back.names) is list
    assert back.offset.utcoffset(None) == dt.timedelta(hours=5, minutes=30)


def _encoded(**changes: Any) -> list[Any]:
    data = json.loads(json.dumps(encoder(Record)(RECORD)))
    for index, value in changes.items():
        data[int(index.removeprefix("f"))] = value
    return data


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"f0": 5}, id="int-for-str"),
        pytest.param({"f1": "2026-13-45"}, id="impossible-date"),
        pytest.param({"f1": 20261203}, id="int-for-date"),
        pytest.param({"f2": "10:30 in the morning"}, id="bad-time"),
        pytest.param({"f3": "2026-12-03" + "0" * 100}, id="long-datetime"),
        pytest.param({"f4": 86_400}, id="offset-of-a-day"),
        pytest.param({"f4": 3.5}, id="float-offset"),
        pytest.param({"f5": "blue"}, id="unknown-enum-value"),
        pytest.param({"f6": [[1, "yes"]]}, id="str-for-bool"),
        pytest.param({"f6": [[True, False]]}, id="bool-for-int"),
        pytest.param({"f6": [[1]], "f7": [7]}, id="short-pair"),
        pytest.param({"f6": [[1, False, 3]]}, id="a-record-too-long"),
        pytest.param({"f8": {"3": [3, 5, 9]}}, id="object-for-pairs"),
        pytest.param({"f8": [[3, [3, 5]], [1]]}, id="half-a-pair"),
        pytest.param({"f9": "ab"}, id="str-for-list"),
        pytest.param({"f10": "inter\u0000views"}, id="nul-in-path"),
        pytest.param({"f11": None}, id="null-for-float"),
        pytest.param({"f0": None}, id="null-for-str"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(CodecError):
        decoder(Record)(_encoded(**changes))


def test_a_record_of_the_wrong_length_is_refused() -> None:
    data = _encoded()
    with pytest.raises(CodecError, match="13 fields"):
        decoder(Record)(data[:-1])
    with pytest.raises(CodecError):
        decoder(Record)({"name": "Dana"})


@pytest.mark.parametrize(
    "tp",
    [Any, int | str, object, re.Match, tuple[int, ...] | list[int], type],
    ids=str,
)
def test_a_type_it_cannot_store_exactly_is_refused_when_built(tp: Any) -> None:
    with pytest.raises(CodecError):
        encoder(tp)


def test_a_value_it_cannot_store_exactly_is_refused_when_encoded() -> None:
    from zoneinfo import ZoneInfo

    named = dt.timezone(dt.timedelta(hours=1), "CET")
    for value in (ZoneInfo("Europe/Paris"), named, dt.timezone(dt.timedelta(microseconds=5))):
        with pytest.raises(CodecError):
            encoder(dt.tzinfo | None)(value)
    with pytest.raises(CodecError):
        encoder(int)("7")
    with pytest.raises(CodecError):
        encoder(Severity)("error")  # the text, not the member


def test_patterns_are_digested_but_never_loaded() -> None:
    pattern = re.compile("choose", re.IGNORECASE)
    assert encoder(re.Pattern[str])(pattern) == ["choose", int(re.IGNORECASE | re.UNICODE)]
    with pytest.raises(CodecError):
        decoder(re.Pattern[str])


# -- lazy records --------------------------------------------------------------------------


def _interview() -> Interview:
    text = CORPUS["thanked"]
    assert isinstance(text, str)
    return parse_text(text, Path("interviews/thanked.md"))


def test_a_lazy_record_decodes_only_the_fields_read() -> None:
    interview = _interview()
    blob = json.loads(dump_record(interview))
    blob[8] = "this is not JSON"  # referred_by: never read below
    lazy = lazy_record(Interview, json.dumps(blob).encode(), path=Path("elsewhere.md"))
    assert isinstance(lazy, Interview)
    assert lazy.path == Path("elsewhere.md")
    assert lazy.follow_up == interview.follow_up
    assert lazy.span("follow_up.thank_you_via") == interview.span("follow_up.thank_you_via")
    assert "research" not in vars(lazy)  # not read, not decoded
    assert not damaged(lazy)
    with pytest.raises(CodecError, match="referred_by"):
        _ = lazy.referred_by
    assert damaged(lazy)


def test_a_lazy_record_shadows_the_dataclass_defaults() -> None:
    """``formality`` has a class-level default; the stored value must win over it."""
    lazy = lazy_record(Interview, dump_record(_interview()))
    assert lazy.formality == "informal"
    lazy.formality = "formal"
    assert lazy.formality == "formal"


@pytest.mark.parametrize(
    "blob",
    [b"", b"{}", b"[]", b'["[]"]', json.dumps([1] * 21).encode(), b"[" * 50_000],
    ids=["empty", "object", "no-fields", "one-field", "ints-for-texts", "deep"],
)
def test_a_blob_that_is_no_record_is_refused_at_once(blob: bytes) -> None:
    with pytest.raises(CodecError):
        lazy_record(Interview, blob)


def test_given_fields_must_be_fields() -> None:
    with pytest.raises(CodecError, match="no field 'colour'"):
        lazy_record(Interview, dump_record(_interview()), colour="red")
