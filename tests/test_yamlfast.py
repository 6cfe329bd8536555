"""The fast front-matter reader (infoview/yamlfast.py) agrees with PyYAML or steps aside.

Every document is read both ways: ``yamlfast.read`` must return exactly the tree
``yamlpos`` builds with PyYAML (scalars, tags, quoting, spans), or None. The documents are
every sample in the repository and thousands generated from the shapes front matter takes,
then damaged one character at a time (a deterministic seed, so a failure repeats).
"""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from infoview import yamlfast, yamlpos
from infoview.model import Span

ROOT = Path(__file__).resolve().parent.parent


def slow(text: str) -> tuple[yamlpos.YMap | None, list[object]]:
    """yamlpos.load without the fast path: what PyYAML makes of ``text``."""
    return yamlpos.load(text, first_line=2, fast=False)


def plain(node: object) -> object:
    """A tree as nested tuples, spans whole (a Span's == looks at its start only)."""
    if isinstance(node, yamlpos.YScalar):
        return ("scalar", node.text, node.tag, tuple(node.span), node.quoted)
    if isinstance(node, yamlpos.YMap):
        return ("map", tuple(node.span), [(plain(k), plain(v)) for k, v in node.items])
    if isinstance(node, yamlpos.YSeq):
        return ("seq", tuple(node.span), [plain(item) for item in node.items])
    return node


def agree(text: str) -> bool:
    """Check ``text`` both ways; True when the fast path read it."""
    fast = yamlfast.read(text, 2)
    if fast is None:
        return False
    tree, problems = slow(text)
    assert problems == [], f"the fast path read what PyYAML refuses: {text!r}"
    assert plain(fast) == plain(tree), f"the fast path differs from PyYAML on {text!r}"
    return True


def _split(text: str) -> str | None:
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index])
    return None


def front_matters() -> list[str]:
    """Every front matter in the repository: the example interviews, and each string in
    the tests that starts like an interview (the hostile and odd ones included)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "interviews").glob("*.md"))]
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    found = (_split(text) for text in texts if text.startswith("---"))
    return sorted({text for text in found if text is not None and text.strip()})


def test_every_sample_in_the_repository() -> None:
    samples = front_matters()
    assert len(samples) >= 100
    read = sum(agree(text) for text in samples)
    assert read >= len(samples) // 3  # most of the tests' samples are odd on purpose
    for path in sorted((ROOT / "interviews").glob("*.md")):  # the usual shape: all fast
        text = _split(path.read_text(encoding="utf-8"))
        assert text is not None and yamlfast.read(text, 2) is not None, path.name


EXAMPLE = """interviewer:
  name: Marcus Lee
  title: Litigation Paralegal
  organization: Columbia Legal Aid
  email: marcus.lee@example.org
  phone: "+1 503 555 0177"
  website: https://example.org/staff/marcus-lee
meeting:
  date: 2026-11-18T15:30
  duration: 45
formality: informal
learning_goals:
  - Learn what litigation support looks like at a legal aid organisation.
follow_up:
  may_contact_again: true
  thank_you_sent: 2026-11-19
referrals:
  - name: Dana Whitfield
    note: Estate planning paralegal at Marlow & Reyes; "she loves talking about trusts"
  - name: Priya Raman
tags: [litigation, legal-aid]"""


def test_the_usual_front_matter_is_read_fast_with_its_spans_and_tags() -> None:
    tree = yamlfast.read(EXAMPLE, 2)
    assert tree is not None and agree(EXAMPLE)
    keys = [key.text for key, _ in tree.items]
    assert keys[:3] == ["interviewer", "meeting", "formality"]
    meeting = dict((k.text, v) for k, v in tree.items)["meeting"]
    assert isinstance(meeting, yamlpos.YMap)
    duration = meeting.items[1][1]
    assert isinstance(duration, yamlpos.YScalar)
    assert (duration.text, duration.tag) == ("45", "tag:yaml.org,2002:int")
    assert duration.span == Span(11, 13, 11, 15)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1 # a comment",
        "a:\tb",
        "a: &x 1\nb: *x",
        "a: !!python/object:os.system x",
        "a: |\n  block",
        "a: >\n  folded",
        "a: plain\n  continued",
        "a:\n  - item\n    continued",
        'a: "esc\\"aped"',
        "a: 'it''s'",
        "a: {b: 1}",
        "'quoted key': 1",
        "a: - x",
        "a: -5",
        "- just a list",
        "  a: indented root",
        "a: b: c",
        "a: b:",
        "a:\n  - - nested",
        "a:\n  -\n    b: 1",
        "a:\n  - x\n  b: 1",
        "a: [x, {y: 1}]",
        "a: [x, y,]",
        "a: [x] y",
        "<<: {a: 1}",
        "a: \x85",
        "a: x\u2028y",
    ],
)
def test_what_the_fast_path_leaves_to_pyyaml(text: str) -> None:
    assert yamlfast.read(text, 2) is None


@pytest.mark.parametrize(
    "text",
    [
        "a:\nb: 1",
        "# a comment\na: 1\n  # an indented one, with a tab:\t#\\\nb:\n  # inside\n  c: 2",
        "a:   \n\nb: x   ",
        "a:\n- x\n- y\nb: 2",
        "a:\n  - x\n  - y",
        "l:\n  - name: D\n    note: n\n    tags:\n    - t\n  - name: E",
        "k: [a, b]\nl: []\nm: [ 1 , 2.5 ]",
        "k: \"q\"  \nm: 's'\nn: \"\"\no: ''",
        "on: yes\noff: NO\nnull: ~\nt: 2026-11-18\nu: 2026-11-18 10:00:00\nv: 15:30\nw: 1e3",
        "x: 0x1F\ny: 0o17\nz: .inf\np: +1",
        "url: http://example.org/a?b=c&d\nmail: a@b.co\nq: what? yes, really",
        "a: b\na: c",
        "e: é and 🙂\nf: 日本~ and ~",
        "a:\n  -   three spaces after the dash\n  - [ ]\nb: [ ]",
    ],
)
def test_shapes_the_fast_path_reads_as_pyyaml_does(text: str) -> None:
    assert agree(text), text


# -- generated documents ------------------------------------------------------------------------

_SCALARS = [
    "Marcus Lee",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "null",
    "~",
    "1",
    "-5",
    "+3",
    "0x1F",
    "1e3",
    "1_000",
    "3.14",
    ".5",
    ".inf",
    "15:30",
    "190:20:30",
    "2026-11-18",
    "2026-11-18T15:30",
    "2026-11-18 15:30:00",
    "2026-11-18T15:30:00Z",
    "http://a.b/c#d",
    "a: b",
    "a:b",
    "x #y",
    "x#y",
    "it's",
    'say "hi"',
    "[x]",
    "a, b",
    "{a}",
    "&a",
    "*a",
    "!x",
    "|",
    ">",
    "@x",
    "`x`",
    "%x",
    "a:",
    "?x",
    "-x",
    "- x",
    "é",
    "🙂",
    "a\\b",
    "=",
    "<<",
    'Marlow & Reyes; "trusts"',
    "C++ / C#",
    "50%",
    "$100",
    "a  b",
]
_KEYS = ["name", "title", "on", "yes", "1", "null", "a_b", "a-b", "Key", "x"]


_USUAL = [
    "Marcus Lee",
    "Litigation Paralegal",
    "Columbia Legal Aid",
    "marcus.lee@example.org",
    "https://example.org/staff/marcus-lee",
    "2026-11-18T15:30",
    "45",
    "in-person",
    "true",
    "Learn what litigation support looks like at a legal aid organisation.",
    "2026-11-19",
    "Case Study Coffee, 1422 NE Alberta St, Portland",
    "E-discovery project manager",
]


def _scalar(rng: random.Random) -> str:
    value = rng.choice(_USUAL if rng.random() < 0.8 else _SCALARS)
    roll = rng.random()
    if roll < 0.15:
        return '"' + value + '"'
    if roll < 0.25:
        return "'" + value + "'"
    if roll < 0.33:
        return "[" + ", ".join(rng.choice(_SCALARS) for _ in range(rng.randrange(0, 4))) + "]"
    return value


def _block(rng: random.Random, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    step = rng.choice((2, 2, 2, 4, 1, 3))
    for _ in range(rng.randrange(1, 5)):
        key = rng.choice(_KEYS)
        roll = rng.random()
        pad = " " * indent
        if depth < 3 and roll < 0.25:
            lines.append(f"{pad}{key}:")
            lines += _block(rng, indent + step, depth + 1)
        elif depth < 3 and roll < 0.45:
            lines.append(f"{pad}{key}:")
            dash = indent + rng.choice((0, step))
            for _ in range(rng.randrange(1, 4)):
                if rng.random() < 0.4:
                    inner = _block(rng, dash + 2, depth + 2)
                    lines.append(" " * dash + "- " + inner[0].lstrip(" "))
                    lines += inner[1:]
                else:
                    lines.append(" " * dash + "- " + _scalar(rng))
        elif roll < 0.5:
            lines.append(f"{pad}{key}:" + " " * rng.randrange(0, 3))
        else:
            lines.append(f"{pad}{key}: {_scalar(rng)}" + " " * rng.randrange(0, 2))
        if rng.random() < 0.05:
            lines.append("")
        if rng.random() < 0.05:
            lines.append(" " * rng.randrange(0, 5) + "# a comment: - [x] \\ \t")
    return lines


_DAMAGE = [" ", ":", "-", "#", "\t", "[", "]", "{", '"', "'", "\n", "&", "a", "\u2028", "é"]


def _damaged(rng: random.Random, text: str) -> str:
    at = rng.randrange(0, len(text) + 1)
    roll = rng.random()
    if roll < 0.4:
        return text[:at] + rng.choice(_DAMAGE) + text[at:]
    if roll < 0.7:
        return text[:at] + text[at + 1 :]
    return text[:at] + rng.choice(_DAMAGE) + text[at + 1 :]


def test_generated_documents_and_their_damaged_copies() -> None:
    rng = random.Random(20261201)
    read = tried = 0
    for _ in range(3000):
        text = "\n".join(_block(rng, 0, 0))
        for candidate in (text, _damaged(rng, text), _damaged(rng, _damaged(rng, text))):
            tried += 1
            read += agree(candidate)
    assert read > tried // 5  # the fast path is exercised, not only its refusals


def test_yamlpos_uses_the_fast_path_and_falls_back() -> None:
    tree, problems = yamlpos.load(EXAMPLE, first_line=2)
    assert problems == [] and plain(tree) == plain(slow(EXAMPLE)[0])
    broken = "a: b: c"
    assert yamlpos.load(broken, first_line=2)[1] == slow(broken)[1]
    assert yamlpos.load(broken, first_line=2)[1][0].code == "IV001"


def test_the_resolver_table_is_pyyamls() -> None:
    from yaml.resolver import Resolver

    theirs = {
        key: [(tag, regexp.pattern, regexp.flags) for tag, regexp in entries]
        for key, entries in Resolver.yaml_implicit_resolvers.items()
    }
    mine = {
        key: [(tag, regexp.pattern, regexp.flags) for tag, regexp in entries]
        for key, entries in yamlfast.resolvers.__wrapped__().items()  # built here, uncached
    }
    assert mine == theirs


def _nested(levels: int, *, lists: bool) -> str:
    """A document ``levels`` collections deep (the root mapping counts one; a "- key:"
    line a list and a mapping, two), using lists where ``lists`` and two levels are left."""
    lines, indent, depth, number = ["k0:"], 2, 1, 1
    while depth < levels:
        if lists and levels - depth >= 2:
            lines.append(" " * indent + f"- k{number}:")
            indent, depth = indent + 4, depth + 2
        else:
            lines.append(" " * indent + f"k{number}:")
            indent, depth = indent + 2, depth + 1
        number += 1
    lines[-1] += " leaf"
    return "\n".join(lines)


@pytest.mark.parametrize("lists", [False, True], ids=["mappings", "mappings and lists"])
def test_the_fast_path_reads_up_to_its_depth_and_leaves_deeper_to_pyyaml(lists: bool) -> None:
    assert yamlfast.MAX_DEPTH == 8  # PyYAML reads deeper ones (yamlpos allows 32)
    deepest = _nested(8, lists=lists)
    assert agree(deepest), deepest
    assert yamlfast.read(_nested(9, lists=lists), 2) is None
    compact = "a:\n" + "\n".join("  " * i + f"k{i}:" for i in range(1, 7)) + "\n" + "  " * 6 + "- x"
    assert agree(compact)  # a list at its key's indent is one level too: 8 in all
    assert yamlfast.read(compact.replace("- x", "- y:\n" + "  " * 7 + "- x"), 2) is None
    deeper = "a:\n" + "\n".join("  " * i + f"k{i}:" for i in range(1, 8)) + "\n" + "  " * 7 + "- x"
    assert yamlfast.read(deeper, 2) is None  # the list is the ninth level


@pytest.mark.parametrize(
    "char",
    ["\x9f", "\ud7ff", "\u2027", "\u202a", "\ue000", "\ufefe", "\uff00", "\ufffd", "\U00010000"],
)
def test_characters_at_the_edges_of_what_yaml_reads_raw(char: str) -> None:
    text = f"a: x{char}y\nb: é"
    fast = yamlfast.read(text, 2)
    tree, problems = slow(text)
    if problems:  # PyYAML will not read it raw, or counts it apart: the fast path steps aside
        assert fast is None
    else:
        assert fast is not None and plain(fast) == plain(tree)


@pytest.mark.parametrize(
    "char", ["\x85", "\ud800", "\udfff", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\xa0"]
)
def test_characters_the_fast_path_leaves_to_pyyaml_or_reads(char: str) -> None:
    text = f"a: x{char}y"
    expected_fast = char == "\xa0"  # a no-break space is plain; the others are not
    assert (yamlfast.read(text, 2) is not None) == expected_fast
    if expected_fast:
        assert agree(text)
