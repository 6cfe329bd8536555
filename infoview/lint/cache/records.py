"""Records (dataclasses) as blobs of JSON, decoded all at once or field by field.

A record's blob is a JSON list holding one JSON text per field, each made by ``codec``.
``load_record`` decodes them all; ``lazy_record`` decodes each field the first time it is
read, so a cache hit that runs only the day-dependent rules pays for the few fields those
rules look at, and every field that is read is still checked against its annotation.
"""

from __future__ import annotations

import dataclasses
import json
import json.scanner
from typing import Any, TypeVar

from infoview.lint.cache.codec import CodecError, Convert, decoder, field_types, json_default, pairs

T = TypeVar("T")


def dump_record(value: Any) -> bytes:
    """``value`` (a dataclass) as a JSON list of its fields' JSON texts.

    Written the way ``codec.encoder`` would (a test holds them equal), but by json's C
    encoder with ``codec.json_default`` for what it cannot write itself: several times
    faster, which a cold lint of many files feels.
    """
    names = [name for name, _ in field_types(type(value))]
    try:
        fields = [getattr(value, name) for name in names]
        texts = [_FAST(pairs(v) if type(v) is dict else v) for v in fields]
    except (TypeError, ValueError, RecursionError) as exc:  # a value json cannot write
        raise CodecError(f"cannot write as JSON: {exc}") from None
    return _dumps(texts).encode("ascii")


def load_record(tp: type[T], blob: bytes, **given: Any) -> T:
    """Decode every field of a ``dump_record`` blob into a ``tp``; ``given`` replaces fields."""
    lazy = lazy_record(tp, blob, **given)
    return tp(**{name: getattr(lazy, name) for name, _ in field_types(tp)})


def lazy_record(tp: type[T], blob: bytes, **given: Any) -> T:
    """A ``tp`` (an instance of a subclass of it) decoding each field on first read.

    A field that fails to decode raises CodecError where it is read and marks the value
    ``damaged``; the caller then throws away whatever was computed from it.
    """
    cls, names = _lazy_class(tp)
    texts = loads(blob)
    if type(texts) is not list or len(texts) != len(names):
        raise CodecError(f"expected a list of {len(names)} field texts")
    if any(type(text) is not str for text in texts):
        raise CodecError("expected a JSON text for each field")
    value: T = object.__new__(cls)
    value.__dict__[_RAW] = texts
    for name, item in given.items():
        if name not in names:
            raise CodecError(f"{tp.__name__} has no field {name!r}")
        value.__dict__[name] = item
    return value


def damaged(value: Any) -> bool:
    """True when a field of a ``lazy_record`` value failed to decode."""
    return bool(getattr(value, "__dict__", {}).get(_DAMAGED))


_RAW, _DAMAGED = " raw", " damaged"  # not identifiers: never a field's name


# ASCII: a path with undecodable bytes (a surrogate escape) still makes valid UTF-8.
_ENCODE = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
_FAST = json.JSONEncoder(
    separators=(",", ":"), allow_nan=False, check_circular=False, default=json_default
).encode


def _dumps(data: Any) -> str:
    try:
        return _ENCODE(data)
    except (TypeError, ValueError) as exc:  # a value json cannot write
        raise CodecError(f"cannot write as JSON: {exc}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not stored")  # NaN and Infinity: never written


# The C scanner itself: no whitespace regexes and no wrappers around it, per field read.
_SCAN = json.scanner.make_scanner(json.JSONDecoder(parse_constant=_no_constant))  # type: ignore[arg-type]


def loads(blob: bytes | str) -> Any:
    """Strict JSON, one value and nothing after it, as written by ``dump_record``."""
    try:
        text = blob.decode("utf-8") if isinstance(blob, bytes) else blob
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError, RecursionError) as exc:  # not JSON, nested too deep
        raise CodecError(f"not valid JSON ({type(exc).__name__})") from None
    if end != len(text):
        raise CodecError("not valid JSON (something after the value)")
    return value


class _LazyField:
    """Decodes its field on first read and leaves the value in the instance's ``__dict__``.

    A non-data descriptor: once the value is in ``__dict__``, reads find it there without
    calling back here; being on the subclass, it still shadows the dataclass's defaults.
    """

    def __init__(self, index: int, name: str, hint: Any) -> None:
        self.index, self.name, self.hint = index, name, hint
        self.convert: Convert | None = None  # built on first use: a hit reads a few fields

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        store = obj.__dict__
        if self.convert is None:
            self.convert = decoder(self.hint)
        try:
            value = self.convert(loads(store[_RAW][self.index]))
        except CodecError as exc:
            store[_DAMAGED] = True
            raise CodecError(f"{type(obj).__name__}.{self.name}: {exc}") from None
        store[self.name] = value
        return value


_LAZY: dict[type, tuple[type, tuple[str, ...]]] = {}


def _lazy_class(tp: type) -> tuple[type, tuple[str, ...]]:
    """A subclass of ``tp`` whose fields are ``_LazyField``s, and the fields' names."""
    if tp in _LAZY:
        return _LAZY[tp]
    if not dataclasses.is_dataclass(tp) or hasattr(tp, "__post_init__"):
        raise CodecError(f"cannot load {tp.__name__} lazily: only plain dataclasses")
    fields = field_types(tp)
    namespace: dict[str, Any] = {
        name: _LazyField(index, name, hint) for index, (name, hint) in enumerate(fields)
    }
    _LAZY[tp] = type(f"Lazy{tp.__name__}", (tp,), namespace), tuple(n for n, _ in fields)
    return _LAZY[tp]
