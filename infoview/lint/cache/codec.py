"""Typed values <-> plain JSON data, driven by dataclass and NamedTuple annotations.

The lint cache stores parsed interviews and diagnostics as data, never as objects: nothing
read back is unpickled, evaluated or imported. ``encoder(T)`` and ``decoder(T)`` are built
once per type from its fields' annotations, so a field added to the model later is stored
and checked without touching this module. Decoding checks every value against its
annotation (an ``int`` field takes an int and not a bool, an enum only its values, a date
only an ISO date, a record exactly its number of fields) and raises ``CodecError`` on the
first mismatch, so a corrupt or hostile entry is refused whole, never half-trusted.

Encodings (compact and positional; the cache's code stamp covers the model's source, so a
changed field list never meets old data):

- dataclass, NamedTuple -> a list of the field values, in field order
- tuple[X, ...], list[X] -> a list; tuple[X, Y] -> a list of exactly two
- dict[K, V] -> a list of [key, value] pairs (keys keep their type and their order)
- X | None -> null or X; an Enum -> its value; Path -> str
- date, time, datetime -> ISO text; a fixed-offset tzinfo -> its offset in seconds
- str, int, bool, float, None -> themselves
- re.Pattern -> [source, flags], for encoding only (a digest of settings)

A type outside this list (``Any``, a union of two types, a class without fields) makes
building the encoder or decoder raise CodecError: unsupported data is refused, not guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Json = Any  # what json.loads returns: list, str, int, float, bool or None
Convert = Callable[[Any], Any]


class CodecError(ValueError):
    """A value does not fit its type (decoding), or a type cannot be stored (building)."""


def _fail(expected: str, value: Any) -> CodecError:
    shown = repr(value)
    return CodecError(f"expected {expected}, found {shown[:60]}")


@dataclass(frozen=True)
class _Part:
    """How one type converts: ``plain`` is set when the value passes through unchanged once
    its ``type()`` is one of them (records check such fields inline, without a call)."""

    convert: Convert
    plain: frozenset[type] | None = None


def encoder(tp: Any) -> Convert:
    """The function turning a value of type ``tp`` into JSON-ready data."""
    return _part(tp, True).convert


def decoder(tp: Any) -> Convert:
    """The function turning JSON data back into a checked value of type ``tp``."""
    return _part(tp, False).convert


@functools.cache
def _part(tp: Any, encode: bool) -> _Part:
    if tp is type(None) or tp is None:
        return _plain(frozenset({type(None)}), "null")
    if tp in _SCALARS:
        return _scalar(tp, encode)
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        return _optional(tp, encode)
    if origin is tuple:
        return _tuple(typing.get_args(tp), encode)
    if origin is list:
        (item,) = typing.get_args(tp)
        return _sequence(list, item, encode)
    if origin is dict:
        return _dict(*typing.get_args(tp), encode=encode)
    if origin is re.Pattern or tp is re.Pattern:
        return _pattern(encode)
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return _enum(tp, encode)
        if issubclass(tp, Path):
            return _path(encode)
        if issubclass(tp, dt.datetime):  # before date: a datetime is a date
            return _iso(dt.datetime, encode)
        if issubclass(tp, dt.date | dt.time):
            return _iso(tp, encode)
        if issubclass(tp, dt.tzinfo):
            return _offset(encode)
        if dataclasses.is_dataclass(tp) or (issubclass(tp, tuple) and hasattr(tp, "_fields")):
            return _record(tp, encode)
    raise CodecError(f"cannot store a value of type {tp!r}")


# -- leaves --------------------------------------------------------------------------------

_SCALARS: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),  # type() is int: True is not a number here
    bool: frozenset({bool}),
    float: frozenset({float, int}),
}


def _plain(allowed: frozenset[type], name: str) -> _Part:
    def check(value: Any) -> Any:
        if type(value) not in allowed:
            raise _fail(name, value)
        return value

    return _Part(check, allowed)


def _scalar(tp: type, encode: bool) -> _Part:
    return _plain(_SCALARS[tp], tp.__name__)


def _enum(tp: type[enum.Enum], encode: bool) -> _Part:
    if encode:

        def to_value(value: Any) -> Any:
            if not isinstance(value, tp):
                raise _fail(tp.__name__, value)
            return value.value

        return _Part(to_value)
    members = {member.value: member for member in tp}

    def to_member(value: Any) -> enum.Enum:
        if type(value) not in (str, int):
            raise _fail(tp.__name__, value)
        try:
            return members[value]
        except KeyError:
            raise _fail(f"a {tp.__name__} ({', '.join(map(str, members))})", value) from None

    return _Part(to_member)


def _path(encode: bool) -> _Part:
    if encode:

        def to_text(value: Any) -> str:
            if not isinstance(value, Path):
                raise _fail("a Path", value)
            return str(value)

        return _Part(to_text)

    def to_path(value: Any) -> Path:
        if type(value) is not str or "\0" in value:
            raise _fail("a path", value)
        return Path(value)

    return _Part(to_path)


def _iso(tp: type[dt.date] | type[dt.time], encode: bool) -> _Part:
    name = tp.__name__
    if encode:

        def to_text(value: Any) -> str:
            if type(value) is not tp:
                raise _fail(name, value)
            return value.isoformat()

        return _Part(to_text)
    parse = tp.fromisoformat

    def from_text(value: Any) -> Any:
        if type(value) is not str or len(value) > 40:
            raise _fail(f"an ISO {name}", value)
        try:
            return parse(value)
        except ValueError:
            raise _fail(f"an ISO {name}", value) from None

    return _Part(from_text)


def _offset(encode: bool) -> _Part:
    """A fixed UTC offset (what an ISO date-time with ``+01:00`` carries), in seconds."""
    if encode:

        def to_seconds(value: Any) -> int:
            offset = value.utcoffset(None) if type(value) is dt.timezone else None
            if offset is None:
                raise _fail("a fixed-offset time zone", value)
            seconds = offset // dt.timedelta(seconds=1)
            rebuilt = dt.timezone(dt.timedelta(seconds=seconds))
            if rebuilt != value or rebuilt.tzname(None) != value.tzname(None):
                raise _fail("an unnamed offset of whole seconds", value)
            return seconds

        return _Part(to_seconds)

    def from_seconds(value: Any) -> dt.timezone:
        if type(value) is not int or not -86_400 < value < 86_400:
            raise _fail("a UTC offset in seconds", value)
        return dt.timezone(dt.timedelta(seconds=value))

    return _Part(from_seconds)


def _pattern(encode: bool) -> _Part:
    """A compiled pattern is stored as its source and flags, for digests of settings; it is
    never compiled back from stored data."""
    if not encode:
        raise CodecError("a regular expression is never loaded from stored data")

    def to_source(value: Any) -> Any:
        if not isinstance(value, re.Pattern):
            raise _fail("a compiled pattern", value)
        return [str(value.pattern), value.flags]

    return _Part(to_source)


# -- containers ----------------------------------------------------------------------------


def _optional(tp: Any, encode: bool) -> _Part:
    args = typing.get_args(tp)
    inner = [a for a in args if a is not type(None)]
    if len(inner) != 1 or len(args) != 2:
        raise CodecError(f"cannot store {tp!r}: only 'X | None' unions are supported")
    part = _part(inner[0], encode)
    if part.plain is not None:
        return _plain(part.plain | {type(None)}, f"{inner[0].__name__} or null")
    convert = part.convert

    def optional(value: Any) -> Any:
        return None if value is None else convert(value)

    return _Part(optional)


def _sequence(kind: type, item: Any, encode: bool) -> _Part:
    part = _part(item, encode)
    accepted = (tuple, list) if encode else (list,)
    build: Callable[[Any], Any] = list if encode else kind
    if part.plain is not None and encode:

        def as_is(value: Any) -> Any:  # json writes a tuple of plain values as a list
            if type(value) not in accepted:
                raise _fail("a list", value)
            return value

        return _Part(as_is)
    if part.plain is not None:
        allowed = part.plain

        def plain_items(value: Any) -> Any:
            if type(value) is not list:
                raise _fail("a list", value)
            for v in value:
                if type(v) not in allowed:
                    raise _fail(f"items of {item}", v)
            return build(value)

        return _Part(plain_items)
    convert = part.convert

    def sequence(value: Any) -> Any:
        if type(value) not in accepted:
            raise _fail("a list", value)
        return build([convert(v) for v in value])

    return _Part(sequence)


def _tuple(args: tuple[Any, ...], encode: bool) -> _Part:
    if len(args) == 2 and args[1] is Ellipsis:
        return _sequence(tuple, args[0], encode)
    if not args or Ellipsis in args:
        raise CodecError(f"cannot store tuple{list(args)!r}")
    parts = [_part(a, encode) for a in args]
    return _fixed(parts, list if encode else tuple, f"a list of {len(parts)}", encode)


def _fixed(parts: list[_Part], build: Convert, expected: str, encode: bool) -> _Part:
    """A list of exactly ``len(parts)`` values, each converted by its own part."""
    count = len(parts)
    accepted = (tuple, list) if encode else (list,)
    if all(p.plain is not None for p in parts):
        allowed = [p.plain for p in parts]

        def plain(value: Any) -> Any:
            if type(value) not in accepted or len(value) != count:
                raise _fail(expected, value)
            for v, types_ in zip(value, allowed, strict=True):
                if type(v) not in types_:  # type: ignore[operator]
                    raise _fail(expected, value)
            return build(value)

        return _Part(plain)
    steps = [(p.plain, p.convert) for p in parts]

    def mixed(value: Any) -> Any:
        if type(value) not in accepted or len(value) != count:
            raise _fail(expected, value)
        out = []
        for v, (types_, convert) in zip(value, steps, strict=True):
            if types_ is None:
                out.append(convert(v))
            elif type(v) in types_:
                out.append(v)
            else:
                raise _fail(expected, value)
        return build(out)

    return _Part(mixed)


def _dict(key: Any, item: Any, *, encode: bool) -> _Part:
    keys = _part(key, encode).convert
    values = _part(item, encode).convert
    if encode:

        def to_pairs(value: Any) -> Any:
            if not isinstance(value, dict):
                raise _fail("a dict", value)
            return [[keys(k), values(v)] for k, v in value.items()]

        return _Part(to_pairs)

    def from_pairs(value: Any) -> dict[Any, Any]:
        if type(value) is not list:
            raise _fail("a list of pairs", value)
        out = {}
        for pair in value:
            if type(pair) is not list or len(pair) != 2:
                raise _fail("a [key, value] pair", pair)
            out[keys(pair[0])] = values(pair[1])
        return out

    return _Part(from_pairs)


def json_default(value: Any) -> Any:
    """For ``json.JSONEncoder(default=json_default)``: what ``encoder`` makes of a value
    json cannot write itself, so json's C encoder walks the rest (tuples, str, numbers).

    The fast way to write a record: one call per dataclass, none per Span or string. It
    checks no annotation (the decoder checks every value when it is read back); a value
    of a kind the codec never stores raises CodecError.
    """
    tp = type(value)
    convert = _DEFAULTS.get(tp)
    if convert is None:
        convert = _DEFAULTS[tp] = _default_for(tp)
    return convert(value)


def _default_for(tp: type) -> Convert:
    if dataclasses.is_dataclass(tp):
        names = [name for name, _ in field_types(tp)]

        def fields(value: Any) -> list[Any]:
            items = [getattr(value, name) for name in names]
            return [pairs(v) if type(v) is dict else v for v in items]

        return fields
    if tp in (dt.date, dt.time, dt.datetime):
        return _iso(tp, True).convert
    if issubclass(tp, Path):
        return str
    if tp is dt.timezone:
        return _offset(True).convert
    if issubclass(tp, enum.Enum):
        return lambda value: value.value
    raise CodecError(f"cannot store a value of type {tp.__name__}")


def pairs(value: dict[Any, Any]) -> list[list[Any]]:
    """A dict as ``encoder`` writes it: [key, value] pairs, keys keeping their type."""
    return [[k, v] for k, v in value.items()]


_DEFAULTS: dict[type, Convert] = {}
_FIELDS: dict[type, list[tuple[str, Any]]] = {}


def field_types(tp: type) -> list[tuple[str, Any]]:
    """A dataclass's or NamedTuple's fields and their (resolved) annotations, in order."""
    if tp not in _FIELDS:
        hints = typing.get_type_hints(tp)  # evaluates the annotations: once per type
        if dataclasses.is_dataclass(tp):
            fields = dataclasses.fields(tp)
            if any(not f.init for f in fields):
                raise CodecError(f"cannot store {tp.__name__}: a field is not set by __init__")
            _FIELDS[tp] = [(f.name, hints[f.name]) for f in fields]
        else:
            _FIELDS[tp] = [(name, hints[name]) for name in tp._fields]  # type: ignore[attr-defined]
    return _FIELDS[tp]


def _record(tp: type, encode: bool) -> _Part:
    """A dataclass or NamedTuple, as the list of its fields in order."""
    fields = field_types(tp)
    parts = [_part(hint, encode) for _, hint in fields]
    if not encode:
        make: Convert = tp._make if hasattr(tp, "_make") else (lambda values: tp(*values))
        return _fixed(parts, make, f"a {tp.__name__} ({len(fields)} fields)", encode)
    if hasattr(tp, "_fields") and all(p.plain is not None for p in parts):

        def plain_tuple(value: Any) -> Any:  # a NamedTuple of plain values: json writes it
            if type(value) is not tp:
                raise _fail(tp.__name__, value)
            return value

        return _Part(plain_tuple)
    # Plain values go to json as they are; what json cannot write fails in ``dump``, and
    # what the decoder would refuse is only parsed again next time, never misread.
    steps = [
        (name, None if p.plain is not None else p.convert)
        for name, p in zip([name for name, _ in fields], parts, strict=True)
    ]

    def to_list(value: Any) -> Any:
        if type(value) is not tp:
            raise _fail(tp.__name__, value)
        return [
            getattr(value, name) if convert is None else convert(getattr(value, name))
            for name, convert in steps
        ]

    return _Part(to_list)
