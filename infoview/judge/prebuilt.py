"""The compiled grammar, shipped ready-made: no YAML to read and no pattern to compile.

Building the grammar (``grammar.build``: read ``judge.yaml``, expand every template) and
compiling its patterns with ``re`` cost a cold lint more than judging all of its
questions does: about 0.2 s of CPU in each process that judges, before the first verdict.
``make judge-prebuild`` (``tools/judge_prebuild.py``) does both once and writes the result
to ``infoview/data/judge_built.json``:

- the built grammar as plain data (the word lists, the word characters, each rule's
  groups and buckets as pattern sources), loaded by :func:`load` in a few milliseconds;
- for each pattern source, the program ``re`` compiles it to (the flags, the code words,
  the group names), so a bucket's first use hands it to the regular-expression engine
  instead of running ``re``'s compiler.

Nothing here is trusted blindly, and nothing is ever worse than building afresh:

- The file is used only when its ``stamp`` is the digest of the grammar's inputs as
  installed (``judge.yaml`` and the modules that build it); an edited grammar is built
  afresh, as before. ``tests/test_judge_prebuilt.py`` fails when the shipped file is stale.
- Compiled programs are used only on the Python whose ``re`` wrote them (its version and
  the engine's magic number), and only for a source whose digest matches; otherwise, or
  if the engine refuses a program (it validates every one), ``re.compile`` does the work.
- The file is package data, installed with infoview; nothing of a workspace is read here.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import zlib
from array import array
from importlib import resources
from typing import Any

from infoview.judge.grammar import Grammar, Group, Lazy, Rule

FORMAT = 2
DATA = "judge_built.json"
# What the built grammar depends on, besides Python: its data and the code that builds it.
INPUTS = ("data/judge.yaml", "judge/grammar.py", "judge/text.py", "judge/prebuilt.py")


def stamp() -> str | None:
    """The digest of the grammar's inputs as installed, or None when one cannot be read."""
    digest = hashlib.sha256(f"judge-built {FORMAT}\0".encode())
    root = resources.files("infoview")
    for name in INPUTS:
        try:
            data = root.joinpath(name).read_bytes()
        except OSError:
            return None
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def engine() -> str:
    """The Python and regular-expression engine a compiled program belongs to."""
    import _sre  # type: ignore[import-not-found]

    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{sys.implementation.name} {version} {_sre.MAGIC} {_sre.CODESIZE}"


# -- writing ---------------------------------------------------------------------------------


def dump(built: Grammar) -> dict[str, Any]:
    """``built`` as the shipped file's data (see ``tools/judge_prebuild.py``)."""
    sources: dict[str, list[Any]] = {}
    data = {
        "format": FORMAT,
        "stamp": stamp(),
        "engine": engine(),
        "grammar": {
            "online": _dump_rule(built.online),
            "job": _dump_rule(built.job),
            "words": {name: list(values) for name, values in built.words.items()},
            "nouns": sorted(built.nouns),
            "units": sorted(built.units),
            "code": built.code,
            "other": built.other,
        },
        "programs": sources,
    }
    for rule in (built.online, built.job):
        for lazy in _lazies(rule):
            sources[_key(lazy.source)] = program(lazy.source)
        for group in rule.groups:  # the slow path's searches, rarely met but slow to compile
            sources[_key(group.search_source)] = program(group.search_source)
    return data


def _dump_rule(rule: Rule) -> dict[str, Any]:
    buckets: list[str] = []
    index: dict[int, int] = {}
    by_first: dict[str, list[int]] = {}
    for char, lazies in rule.by_first.items():
        for lazy in lazies:
            if id(lazy) not in index:
                index[id(lazy)] = len(buckets)
                buckets.append(lazy.source)
            by_first.setdefault(char, []).append(index[id(lazy)])
    return {
        "groups": [_dump_group(g) for g in rule.groups],
        "buckets": buckets,
        "by_first": by_first,
        "searched": rule.searched.source if rule.searched else None,
        "first": sorted(rule.first),
        "whole_field": _dump_group(rule.whole_field) if rule.whole_field else None,
    }


def _dump_group(group: Group) -> list[Any]:
    unless = group.unless.source if group.unless else None
    return [group.kind, list(group.patterns), unless, group.field_clears]


def _lazies(rule: Rule) -> list[Lazy]:
    found = [p for ps in rule.by_first.values() for p in ps]
    found += [rule.searched] if rule.searched else []
    found += [g.unless for g in rule.groups if g.unless is not None]
    if rule.whole_field is not None:
        found.append(Lazy(rule.whole_field.search_source))
        found += [rule.whole_field.unless] if rule.whole_field.unless else []
    return found


def _key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:32]


def program(source: str) -> list[Any]:
    """What ``re`` compiles ``source`` to: [flags, code (zlib, base64), groups, names]."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, 0)
    code = array("I", _compiler._code(parsed, 0))
    names = [None] * parsed.state.groups
    for name, number in parsed.state.groupdict.items():
        names[number] = name
    return [
        parsed.state.flags,
        base64.b64encode(zlib.compress(code.tobytes(), 9)).decode("ascii"),
        parsed.state.groups - 1,
        names,
    ]


# -- reading ---------------------------------------------------------------------------------


def load() -> Grammar | None:
    """The shipped grammar, or None when there is none for the grammar as installed."""
    try:
        data = json.loads(_read())
        if data.get("format") != FORMAT or data.get("stamp") != stamp():
            return None
        programs = data["programs"] if data.get("engine") == _this_engine() else {}
        return _grammar(data["grammar"], _Programs(programs))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _this_engine() -> str | None:
    """``engine()``, or None on a Python without CPython's engine module."""
    try:
        return engine()
    except (ImportError, AttributeError):
        return None


def _read() -> bytes:
    return resources.files("infoview").joinpath("data", DATA).read_bytes()


class _Programs:
    """Compile a pattern from its shipped program when there is a good one, else with re."""

    def __init__(self, programs: dict[str, Any]) -> None:
        self.programs = programs

    def lazy(self, source: str) -> Lazy:
        return _Shipped(source, self.programs.get(_key(source)))


class _Shipped(Lazy):
    __slots__ = ("_program",)

    def __init__(self, source: str, program: Any) -> None:
        super().__init__(source)
        self._program = program

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _from_program(self.source, self._program)
            self._program = None
        return self._compiled


def _from_program(source: str, shipped: Any) -> re.Pattern[str]:
    if USE_PROGRAMS and shipped is not None:
        try:
            import _sre

            flags, code, groups, names = shipped
            words = array("I")
            words.frombytes(zlib.decompress(base64.b64decode(code, validate=True)))
            index = {name: i for i, name in enumerate(names) if name is not None}
            pattern: re.Pattern[str] = _sre.compile(
                source, flags, words.tolist(), groups, index, tuple(names)
            )
            return pattern
        except Exception:  # a program this engine refuses: compile it the usual way
            pass
    return re.compile(source)


USE_PROGRAMS = True  # tests/regex_probe.py turns this off to see every pattern compiled


def _grammar(data: dict[str, Any], programs: _Programs) -> Grammar:
    words = {str(k): tuple(str(w) for w in v) for k, v in data["words"].items()}
    return Grammar(
        online=_rule(data["online"], programs),
        job=_rule(data["job"], programs),
        words=words,
        nouns=frozenset(data["nouns"]),
        units=frozenset(data["units"]),
        code=dict(data["code"]),
        other=str(data["other"]),
    )


def _group(
    kind: str, patterns: tuple[str, ...], unless: Any, clears: Any, programs: _Programs
) -> Group:
    group = Group(kind, patterns, programs.lazy(unless) if unless is not None else None)
    slow = programs.lazy(group.search_source)
    return Group(kind, patterns, group.unless, slow, field_clears=bool(clears))


def _rule(data: dict[str, Any], programs: _Programs) -> Rule:
    groups = tuple(
        _group(str(kind), tuple(str(p) for p in patterns), unless, clears, programs)
        for kind, patterns, unless, clears in data["groups"]
    )
    buckets = [programs.lazy(source) for source in data["buckets"]]
    return Rule(
        groups=groups,
        by_first={
            str(c): tuple(buckets[i] for i in found) for c, found in data["by_first"].items()
        },
        searched=programs.lazy(data["searched"]) if data["searched"] is not None else None,
        first=frozenset(data["first"]),
        whole_field=_whole_field(data.get("whole_field"), programs),
    )


def _whole_field(data: Any, programs: _Programs) -> Group | None:
    if data is None:
        return None
    kind, patterns, unless, clears = data
    return _group(str(kind), tuple(str(p) for p in patterns), unless, clears, programs)
