"""The shipped, ready-made grammar (infoview/judge/prebuilt.py): fresh, equal to a fresh
build, compiled to the very patterns ``re`` makes, and never trusted when it does not fit."""

from __future__ import annotations

import base64
import csv
import json
import re
import zlib
from pathlib import Path
from typing import Any

import pytest

from infoview import judge
from infoview.judge import grammar, prebuilt

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "infoview" / "data" / prebuilt.DATA
DATA = Path(__file__).parent / "data"


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_bytes())
    return data


def fresh_build() -> grammar.Grammar:
    return grammar.build(grammar.read_data())


def lazies(rule: grammar.Rule) -> list[grammar.Lazy]:
    found = list({id(p): p for ps in rule.by_first.values() for p in ps}.values())
    found += [rule.searched] if rule.searched else []
    found += [g.slow for g in rule.groups if g.slow is not None]  # the shipped grammar's
    return found + [g.unless for g in rule.groups if g.unless is not None]


def test_each_groups_slow_search_is_shipped_and_is_the_one_re_makes() -> None:
    judge.compiled.cache_clear()
    used = judge.compiled()
    for rule in (used.online, used.job):
        for group in rule.groups:
            assert isinstance(group.slow, prebuilt._Shipped)
            assert group.slow.source == group.search_source
            assert group.searched is group.slow.compiled


def test_the_shipped_file_is_made_from_the_grammar_as_it_is() -> None:
    from tools import judge_prebuild

    data = shipped()
    assert data["stamp"] == prebuilt.stamp(), "the grammar changed: run make judge-prebuild"
    if data["engine"] != prebuilt.engine():
        pytest.skip(f"programs were written by {data['engine']}, not {prebuilt.engine()}")
    assert SHIPPED.read_text(encoding="utf-8") == judge_prebuild.text(), (
        "infoview/data/judge_built.json is stale: run make judge-prebuild"
    )


def test_a_lint_uses_the_shipped_grammar_and_it_equals_a_fresh_build() -> None:
    judge.compiled.cache_clear()
    used = judge.compiled()
    assert used.online.searched is None or isinstance(used.online.searched, prebuilt._Shipped)
    assert all(isinstance(lazy, prebuilt._Shipped) for lazy in lazies(used.job))
    built = fresh_build()
    for name in ("words", "nouns", "units", "code", "other"):
        assert getattr(used, name) == getattr(built, name), name
    for mine, theirs in ((used.online, built.online), (used.job, built.job)):
        assert mine.first == theirs.first
        assert [(g.kind, g.patterns) for g in mine.groups] == [
            (g.kind, g.patterns) for g in theirs.groups
        ]
        assert [g.unless.source if g.unless else None for g in mine.groups] == [
            g.unless.source if g.unless else None for g in theirs.groups
        ]
        assert {c: [p.source for p in ps] for c, ps in mine.by_first.items()} == {
            c: [p.source for p in ps] for c, ps in theirs.by_first.items()
        }
        # a bucket shared by several first words is one object, compiled once
        assert len({id(p) for ps in mine.by_first.values() for p in ps}) == len(
            {id(p) for ps in theirs.by_first.values() for p in ps}
        )


def corpus_questions() -> list[str]:
    out: list[str] = []
    for name in ("questions.csv", "probe.csv", "wide.csv"):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            out += [row["question"] for row in csv.DictReader(handle)]
    return out


def test_every_shipped_program_is_the_pattern_re_compiles() -> None:
    data = shipped()
    if data["engine"] != prebuilt.engine():
        pytest.skip(f"programs were written by {data['engine']}, not {prebuilt.engine()}")
    judge.compiled.cache_clear()
    used = judge.compiled()
    codes = [used.encode(judge._read(q, None, ()).question.words) for q in corpus_questions()]
    for rule in (used.online, used.job):
        for lazy in lazies(rule):
            mine, theirs = lazy.compiled, re.compile(lazy.source)
            assert mine is not theirs  # made from the program, not by re
            assert (mine.pattern, mine.flags, mine.groups, mine.groupindex) == (
                theirs.pattern,
                theirs.flags,
                theirs.groups,
                theirs.groupindex,
            )
            for code in codes:
                for at in range(0, len(code), 3):
                    a, b = mine.match(code, at), theirs.match(code, at)
                    assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup))
                a, b = mine.search(code), theirs.search(code)
                assert (a and a.span()) == (b and b.span())


def test_the_verdicts_are_those_of_a_fresh_build() -> None:
    judge.compiled.cache_clear()
    used = judge.compiled()
    built = fresh_build()
    for question in corpus_questions():
        read = judge._read(question, None, ())
        for mine, theirs in ((used.online, built.online), (used.job, built.job)):
            assert judge._judge(mine, read) == judge._judge(theirs, read), question


def test_a_stale_file_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prebuilt, "stamp", lambda: "0" * 64)  # as if judge.yaml were edited
    assert prebuilt.load() is None
    judge.compiled.cache_clear()
    try:
        used = judge.compiled()
        assert not any(isinstance(lazy, prebuilt._Shipped) for lazy in lazies(used.online))
        assert judge.online("What does your hospital do?") is not None
    finally:
        judge.compiled.cache_clear()


def test_unreadable_inputs_mean_no_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prebuilt, "INPUTS", (*prebuilt.INPUTS, "data/no-such-file"))
    assert prebuilt.stamp() is None
    assert prebuilt.load() is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(format=prebuilt.FORMAT + 1),
        lambda d: d.pop("grammar"),
        lambda d: d["grammar"].update(online="not a rule"),
        lambda d: d["grammar"]["job"].update(by_first={"x": [10**6]}),
    ],
    ids=["format", "no grammar", "wrong type", "bucket out of range"],
)
def test_a_damaged_file_is_not_used(monkeypatch: pytest.MonkeyPatch, damage: Any) -> None:
    data = shipped()
    damage(data)
    raw = json.dumps(data).encode()
    monkeypatch.setattr(prebuilt, "_read", lambda: raw)
    assert prebuilt.load() is None


def test_programs_of_another_engine_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    data = shipped()
    data["engine"] = "cpython 3.99 0 4"
    raw = json.dumps(data).encode()
    monkeypatch.setattr(prebuilt, "_read", lambda: raw)
    loaded = prebuilt.load()
    assert loaded is not None
    compiled: list[str] = []
    real = re.compile
    monkeypatch.setattr(prebuilt.re, "compile", lambda s: compiled.append(s) or real(s))
    bucket = next(iter(loaded.job.by_first.values()))[0]
    assert bucket.compiled.pattern == bucket.source
    assert compiled == [bucket.source]  # compiled by re, not from a program


@pytest.mark.parametrize(
    "program",
    [
        None,
        "not a program",
        [0, "!!not base64!!", 0, [None]],
        [0, base64.b64encode(zlib.compress(b"\xff" * 64)).decode(), 0, [None]],  # garbage code
        [0, base64.b64encode(zlib.compress(b"\x00\x00\x00\x00")).decode(), 0, [None]],
    ],
    ids=["none", "string", "bad base64", "garbage code", "truncated code"],
)
def test_a_program_the_engine_refuses_is_compiled_by_re(program: Any) -> None:
    lazy = prebuilt._Shipped("\x80(?P<g0_0>\x85)", program)
    pattern = lazy.compiled
    assert pattern.pattern == "\x80(?P<g0_0>\x85)"
    assert pattern.groupindex == {"g0_0": 1}
    found = pattern.match("\x80\x85")
    assert found is not None and found.lastgroup == "g0_0"
    assert pattern.match("\x80\x86") is None


def test_with_workspace_words_the_grammar_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prebuilt, "load", lambda: pytest.fail("the shipped grammar was read"))
    judge.compiled.cache_clear()
    try:
        built = judge.compiled(("atelier",))
        assert "atelier" in built.nouns
    finally:
        judge.compiled.cache_clear()


def test_without_cpythons_engine_the_grammar_is_shipped_and_re_compiles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_sre() -> str:
        raise ImportError("No module named '_sre'")

    monkeypatch.setattr(prebuilt, "engine", no_sre)
    loaded = prebuilt.load()
    assert loaded is not None
    bucket = next(iter(loaded.online.by_first.values()))[0]
    assert isinstance(bucket, prebuilt._Shipped) and bucket._program is None
    assert bucket.compiled.pattern == bucket.source
