"""Find every regular expression infoview compiles and time it on adversarial 100 kB inputs.

Run as a script in a fresh interpreter (``test_bounded_regex.py`` does): it hooks
``re._compile`` *before* importing infoview, so every pattern is seen however it is made --
at import time, inside a function on first use (``re.sub(r"...", ...)``), behind
``functools.cache`` or a lazy holder -- then imports every module of the package, walks
module globals and class attributes for compiled patterns, and drives every command over a
sample workspace so lazily compiled patterns are compiled too.

Each pattern is then run on inputs built from the pattern itself: for every repetition in
it, the shortest text that reaches it, then 100 kB of what the repetition accepts (each
character its literals and classes take, and its shortest body), with and without a
character that makes the match fail at the end; plus fixed shapes (spaces, ``a.``, ``*a``,
``<!--`` and so on). One JSON line per run goes to stdout before and after it, so the
caller can name the run that hung: a run longer than ``--kill`` seconds ends the process
(SIGALRM's default action; a Python handler could not interrupt the regex engine).

Usage: python regex_probe.py [--size N] [--kill S] [--pattern REGEX ...] [--list]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

OWNERS = ("infoview",)
_RE_DIR = os.path.dirname(re.__file__)
SEEN: dict[tuple[str, int], str] = {}  # (pattern, flags) -> the module that compiled it
_original = re._compile  # type: ignore[attr-defined]


def _caller() -> str:
    frame = sys._getframe(2)
    while frame is not None and (
        frame.f_code.co_filename.startswith(_RE_DIR) or frame.f_code.co_name == "_hook"
    ):
        frame = frame.f_back  # type: ignore[assignment]
    return str(frame.f_globals.get("__name__", "?")) if frame is not None else "?"


def _hook(pattern: Any, flags: Any) -> Any:
    compiled = _original(pattern, flags)
    if isinstance(compiled, re.Pattern) and isinstance(compiled.pattern, str):
        SEEN.setdefault((compiled.pattern, compiled.flags), _caller())
    return compiled


def install() -> None:
    re._compile = _hook  # type: ignore[attr-defined]
    # The shipped grammar's patterns are made from programs re compiled when it was
    # shipped (infoview.judge.prebuilt): have re compile them here, so the hook sees them.
    from infoview.judge import prebuilt

    prebuilt.USE_PROGRAMS = False


# -- collecting ----------------------------------------------------------------------------


def import_everything() -> list[str]:
    """Import every module of infoview; return the names (an import error is raised)."""
    import importlib
    import pkgutil

    import infoview

    names = ["infoview"]
    for info in pkgutil.walk_packages(infoview.__path__, "infoview."):
        if info.name == "infoview.__main__":
            continue
        importlib.import_module(info.name)
        names.append(info.name)
    return names


def _walk(value: Any, module: str, depth: int, seen: set[int]) -> None:
    if id(value) in seen or depth > 4:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            SEEN.setdefault((value.pattern, value.flags), module)
        return
    if isinstance(value, dict):
        for item in value.values():
            _walk(item, module, depth + 1, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _walk(item, module, depth + 1, seen)
    elif (isinstance(value, type) and value.__module__ == module) or (
        hasattr(value, "__dict__") and type(value).__module__.startswith("infoview")
    ):  # a class of this module, or an object of infoview's (a lazy holder, say)
        for item in vars(value).values():
            _walk(item, module, depth + 1, seen)
    elif hasattr(value, "__wrapped__") and hasattr(value, "cache_info"):
        # functools.cache / lru_cache holders with no arguments: call them.
        with contextlib.suppress(TypeError):
            _walk(value(), module, depth + 1, seen)


def walk_modules(names: list[str]) -> None:
    for name in names:
        module = sys.modules[name]
        seen: set[int] = set()
        for value in vars(module).values():
            _walk(value, name, 0, seen)


SAMPLE = """\
---
interviewer:
  name: Dana Whitfield
  title: Paralegal
  organization: Marlow & Reyes LLP
  email: dana@example.com
  phone: "+1 503 555 0142"
  website: https://example.com/dana
meeting:
  date: {date}
  duration: 1.5 hours
  mode: {mode}
  location: {location}
formality: {formality}
learning_goals:
  - Learn how this firm uses paralegals.
  - What is the career path?
  - Learn about estate planning.
  - A fourth goal.
follow_up:
  keep_in_touch:
    - date: 2026-01-02
      note: Wrote to her.
referrals:
  - name: Sam Ortiz
    contact: sam@example.com
lint: {{ignore: [IV999]}}
---

# Title

## Research
- **Work history:** ten years
- Education: a degree
### Awards
- one
- Background and experience
  - nested

## Questions
<!-- infoview-disable IV303, IV304 -->
- What does your firm do?
### Goal 1: how this firm uses paralegals
- How many attorneys work here?
- Are there any openings, and could I send you my resume?
- How many attorneys work here?
1. Which tasks do you handle end to end?
### 2. Career path
What made you stay?

## Notes
- **Takeaway:** read the *probate* code
- Advice: join the bar section `now`

## Follow-up
Free text.
"""


def sample_workspace(root: Path) -> Path:
    """A workspace whose interviews make every rule fire or pass."""
    (root / "interviews").mkdir(parents=True)
    (root / "infoview.toml").write_text(
        'timezone = "America/Los_Angeles"\n[profile]\nname = "Alex"\nemail = "a@example.edu"\n'
        '[lint]\nanswerable_online = ["what year"]\n',
        encoding="utf-8",
    )
    cases = [
        ("2026-01-01-done", "2026-01-01T10:00", "video", "TBD", "informal"),
        ("2026-12-03-ahead", "2026-12-03", "in-person", "''", "formal"),
        ("2026-06-01-phone", "2026-06-01T09:00-07:00", "phone", "zoom.us/j/1", "formal"),
        ("undated", "''", "zoom", "www.example.com", "formal"),
    ]
    for stem, date, mode, location, formality in cases:
        text = SAMPLE.format(date=date, mode=mode, location=location, formality=formality)
        (root / "interviews" / f"{stem}.md").write_text(text, encoding="utf-8")
    (root / "interviews" / "broken.md").write_text("---\n: [\n---\n# x\n", encoding="utf-8")
    (root / "interviews" / "bare.md").write_text("no front matter\n", encoding="utf-8")
    return root


def drive_commands(root: Path) -> list[str]:
    """Run every command over the sample workspace, in this process (under the hook)."""
    from click.testing import CliRunner

    from infoview.cli import cli

    ws = ["--workspace", str(root)]
    today = ["--today", "2026-01-05"]
    first = str(root / "interviews" / "2026-01-01-done.md")
    runs = [
        ["lint", *ws, *today],
        ["lint", *ws, *today, "--format", "json"],
        ["lint", *ws, *today, "--format", "sarif"],
        ["lint", *ws, *today, "--format", "github"],
        ["lint", *ws, *today, "--fix"],
        ["rules"],
        ["rules", "IV303"],
        ["packet", *ws, "--html"],
        ["packet", *ws, first],
        ["thanks", *ws, *today],
        ["thanks", *ws, *today, "--mark-sent", first, "--dry-run"],
        ["log", first, "--note", "hello", *ws, *today, "--dry-run"],
        ["referral", first, "--name", "Kim Lee", *ws, "--dry-run"],
        ["agenda", *ws, *today, "--ics", str(root / "out.ics")],
        ["agenda", *ws, *today, "--format", "json"],
        ["network", *ws],
        ["network", *ws, "--format", "dot"],
        ["new", "Kim Lee", *ws, *today, "--date", "2026-02-01T10:00"],
        ["doctor", *ws],
        ["init", str(root / "fresh")],
    ]
    bad = root / "bad-config"
    (bad / "interviews").mkdir(parents=True)
    (bad / "infoview.toml").write_text("[lint]\nthank_you_dayz = 2\n", encoding="utf-8")
    worse = root / "bad-toml"
    (worse / "interviews").mkdir(parents=True)
    (worse / "infoview.toml").write_text("[lint\n", encoding="utf-8")
    runs += [["lint", "--workspace", str(bad)], ["lint", "--workspace", str(worse)]]
    runs += [["schema"], ["--help"]]
    failures = []
    runner = CliRunner()
    for args in runs:
        result = runner.invoke(cli, args)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            failures.append(f"{args[0]}: {type(result.exception).__name__}: {result.exception}")
    return failures


def collect(workdir: Path) -> dict[tuple[str, int], str]:
    """Every (pattern, flags) infoview compiled, with the module that compiled it."""
    install()
    names = import_everything()
    for failure in drive_commands(sample_workspace(workdir)):
        print(f"command failed: {failure}", file=sys.stderr)
    from infoview import judge  # its buckets compile when a question first needs them

    judge.compiled().compile_all()
    walk_modules(names)
    return {key: module for key, module in SEEN.items() if module.startswith(OWNERS)}


# -- adversarial inputs -----------------------------------------------------------------------

_POOL = " \t\na.-*_0A<>/:,!?#\u00e9\u2028"
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _in_category(category: str, ch: str) -> bool:
    name = category.removeprefix("CATEGORY_").removeprefix("UNI_")
    negate = name.startswith("NOT_")
    name = name.removeprefix("NOT_")
    result = {
        "DIGIT": ch.isdecimal(),
        "SPACE": ch.isspace(),
        "WORD": ch.isalnum() or ch == "_",
        "LINEBREAK": ch == "\n",
    }.get(name, False)
    return result != negate


def _accepts(items: list[Any], ch: str, icase: bool) -> bool:
    """Does the character class ``items`` (an IN node's list) accept ``ch``?"""
    variants = {ch, ch.lower(), ch.upper()} if icase else {ch}
    negate = False
    hit = False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            hit = hit or chr(av) in variants
        elif name == "RANGE":
            hit = hit or any(av[0] <= ord(v) <= av[1] for v in variants)
        elif name == "CATEGORY":
            hit = hit or _in_category(str(av), ch)
    return hit != negate


def _leaf_chars(op: str, av: Any, icase: bool) -> list[str]:
    """Some characters one leaf accepts, literal members first."""
    if op == "LITERAL":
        return [chr(av)]
    if op == "NOT_LITERAL":
        return [c for c in _POOL if c != chr(av)][:3]
    if op == "ANY":
        return ["a", " ", "."]
    if op == "IN":
        own = [chr(a) for o, a in av if str(o) == "LITERAL"]
        own += [chr(a[0]) for o, a in av if str(o) == "RANGE"]
        return [c for c in dict.fromkeys(own + list(_POOL)) if _accepts(av, c, icase)][:6]
    return []


class Grammar:
    """Walks a parsed pattern: shortest matching texts, and what each repetition accepts."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        import re._parser as parser

        self.tree = parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
        self.icase = bool(pattern.flags & re.IGNORECASE)

    def shortest(self, seq: Any) -> str:
        out = []
        for op, av in seq:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
                chars = _leaf_chars(name, av, self.icase)
                out.append(chars[0] if chars else "a")
            elif name in _REPEATS:
                out.append(self.shortest(av[2]) * av[0])
            elif name == "SUBPATTERN":
                out.append(self.shortest(av[-1]))
            elif name == "ATOMIC_GROUP":
                out.append(self.shortest(av))
            elif name == "BRANCH":
                out.append(min((self.shortest(alt) for alt in av[1]), key=len))
            elif name == "GROUPREF_EXISTS":
                out.append(self.shortest(av[1]))
        return "".join(out)

    def chars(self, seq: Any) -> list[str]:
        found: list[str] = []
        for op, av in seq:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
                found += _leaf_chars(name, av, self.icase)
            elif name in _REPEATS:
                found += self.chars(av[2])
            elif name == "SUBPATTERN":
                found += self.chars(av[-1])
            elif name == "ATOMIC_GROUP":
                found += self.chars(av)
            elif name == "BRANCH":
                for alt in av[1]:
                    found += self.chars(alt)
            elif name in ("ASSERT", "ASSERT_NOT"):
                found += self.chars(av[1])
        return list(dict.fromkeys(found))

    def pumps(self, seq: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
        """(text reaching a repetition, a unit it repeats), for every repetition."""
        for index, (op, av) in enumerate(seq):
            name = str(op)
            before = prefix + self.shortest(seq[:index])
            if name in _REPEATS:
                body = av[2]
                if av[1] > 1:
                    units = [*self.chars(body)[:4], self.shortest(body)]
                    for unit in dict.fromkeys(u for u in units if u):
                        yield before, unit
                yield from self.pumps(body, before)
            elif name == "SUBPATTERN":
                yield from self.pumps(av[-1], before)
            elif name == "ATOMIC_GROUP":
                yield from self.pumps(av, before)
            elif name == "BRANCH":
                for alt in av[1]:
                    yield from self.pumps(alt, before)
            elif name in ("ASSERT", "ASSERT_NOT"):
                yield from self.pumps(av[1], before)


FIXED = [" ", "a", "a.", "*a", "*a*", "a ", "-", "\t", "0", ". ", "_a", "<!--"]


def inputs(pattern: re.Pattern[str], size: int) -> Iterator[tuple[str, str]]:
    """(description, text of about ``size`` characters) adversarial for ``pattern``.

    Every repetition in the pattern is pumped (reached by the shortest text, then fed what
    it accepts) with and without a failing NUL at the end; fixed shapes and pairs of the
    pattern's own characters are fed as they are.
    """
    grammar = Grammar(pattern)
    chars = grammar.chars(grammar.tree)[:5]
    shapes: dict[tuple[str, str], tuple[str, ...]] = {}
    for before, unit in grammar.pumps(grammar.tree):
        shapes.setdefault((before, unit), ("", "\x00"))
    for unit in [*FIXED, *(a + b for a in chars for b in chars if a != b)]:
        shapes.setdefault(("", unit), ("",))
    done: set[str] = set()
    for (before, unit), ends in shapes.items():
        body = before + unit * max(1, (size - len(before)) // len(unit))
        for end in ends:
            if body + end in done:
                continue
            done.add(body + end)
            label = f"{before!r} + {unit!r} * {len(body) // len(unit)}" + (" + NUL" if end else "")
            yield label, body + end


# -- running ---------------------------------------------------------------------------------


def emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def probe(patterns: dict[tuple[str, int], str], size: int, kill: float) -> None:
    for (source, flags), module in sorted(patterns.items()):
        pattern = re.compile(source, flags)
        for label, text in inputs(pattern, size):
            emit({"start": source, "module": module, "input": label})
            seconds = run(pattern, text, kill)
            if seconds > 0.1:  # the best of three: a busy machine should not decide
                seconds = min(seconds, run(pattern, text, kill), run(pattern, text, kill))
            emit({"pattern": source, "module": module, "input": label, "seconds": seconds})


def run(pattern: re.Pattern[str], text: str, kill: float) -> float:
    """Search ``text`` once and find every match; the process ends after ``kill`` seconds."""
    signal.setitimer(signal.ITIMER_REAL, kill)
    began = time.perf_counter()
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass
    seconds = time.perf_counter() - began
    signal.setitimer(signal.ITIMER_REAL, 0)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--kill", type=float, default=5.0)
    parser.add_argument("--pattern", action="append", help="probe these instead of infoview's")
    parser.add_argument("--list", action="store_true", help="only list the patterns found")
    parser.add_argument("--skip", action="append", default=[], help="leave this pattern out")
    parser.add_argument("--workdir", type=Path, required=False)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    if args.pattern:
        patterns = {(p, re.compile(p).flags): "given" for p in args.pattern}
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            patterns = collect(args.workdir or Path(tmp))
    patterns = {key: module for key, module in patterns.items() if key[0] not in args.skip}
    for (source, flags), module in sorted(patterns.items()):
        emit({"found": source, "flags": flags, "module": module})
    if args.list:
        return 0
    probe(patterns, args.size, args.kill)
    return 0


if __name__ == "__main__":
    sys.exit(main())
