"""Lint files: read each, look it up in the cache, parse and check only what it lacks.

A file's diagnostics depend on its bytes, the effective settings (infoview.toml, the rule
selection and severities) and, for the rules declaring ``DEPENDS_ON_DAY``, the moment of
the check. So the cache (``lint/cache/``) keeps two entries per file, both keyed on the
file's SHA-256 and infoview's code stamp:

- ``parse``: the Interview, as JSON data;
- ``lint``: the day-independent diagnostics (paths left out), keyed on the settings too.

A hit runs only the day-dependent rules, on the stored Interview decoded lazily (only the
fields they read); a miss parses, runs every rule and stores both entries. An entry that
does not decode, or that a rule trips over, is thrown away and the file linted afresh.
With many files, forked workers on every core each lint a share and write their own
entries; only diagnostics travel back, so memory stays flat however large the workspace.

The API: ``lint_text`` lints one text in memory (no files, no cache); ``lint_files`` lints
files in order, through the cache unless ``use_cache=False``; ``read_all`` gives parsed
Interviews for commands that look across interviews (agenda, network, packet).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infoview.lint import Selection, check
from infoview.lint.cache import code_stamp
from infoview.lint.cache.codec import CodecError, decoder, encoder, field_types
from infoview.lint.cache.records import damaged, dump_record, lazy_record, load_record
from infoview.lint.cache.store import Store
from infoview.lint.context import Context
from infoview.lint.diagnostic import Diagnostic
from infoview.lint.registry import RULES
from infoview.model import Interview
from infoview.workspace import Workspace, read_bytes

PARALLEL_FROM = 200  # files before forked workers pay for themselves
CHUNK = 250  # files per worker task: small enough to stream, large enough to batch
LEVELS = ("error", "warning", "info")


@dataclass(frozen=True)
class Target:
    path: Path
    label: str  # the path as reported: as given, or relative to the workspace


@dataclass(frozen=True)
class Read:
    """One file, read and parsed: ``interview`` is None and ``error`` says why if unreadable."""

    path: Path
    data: bytes
    interview: Interview | None
    error: str | None = None


def lint_text(
    text: str, path: Path, ctx: Context, chosen: Selection, *, label: str | None = None
) -> list[Diagnostic]:
    """Parse and lint one interview's text (an editor buffer); pure, no files, no cache."""
    from infoview.parse import parse_text

    return check(parse_text(text, path), ctx, chosen, label or str(path))


def lint_files(
    ws: Workspace,
    targets: Sequence[Target],
    ctx: Context,
    chosen: Selection,
    *,
    use_cache: bool = True,
) -> list[Diagnostic]:
    """Lint ``targets``; a file that cannot be read is an IV001 diagnostic, not a crash.

    The diagnostics of unreadable files come first, then each file's, in target order.
    """
    run = _Run(ws.root if use_cache else None, ctx, chosen)
    unreadable: list[Diagnostic] = []
    found: list[Diagnostic] = []
    for bad, good in _batches(run, list(targets)):
        unreadable.extend(bad)
        found.extend(good)
    if run.root is not None and run.wrote:
        store = Store.open(run.root, create=False)
        if store is not None:
            store.maintain()
            store.close()
    return unreadable + found


def _batches(run: _Run, targets: list[Target]) -> Iterator[tuple[list[Diagnostic], ...]]:
    workers = _cores()
    if len(targets) < PARALLEL_FROM or workers < 2:
        yield run.batch(targets)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_RUN
    _WORKER_RUN = run  # inherited by the forked workers: nothing to pickle per task
    size = max(20, min(CHUNK, -(-len(targets) // (workers * 4))))
    chunks = [targets[i : i + size] for i in range(0, len(targets), size)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for bad, good, wrote in pool.map(_worker_batch, chunks):
                run.wrote |= wrote
                yield bad, good
    finally:
        _WORKER_RUN = None


_WORKER_RUN: _Run | None = None


def _worker_batch(targets: list[Target]) -> tuple[list[Diagnostic], list[Diagnostic], bool]:
    assert _WORKER_RUN is not None
    bad, good = _WORKER_RUN.batch(targets)
    return bad, good, _WORKER_RUN.wrote


def _cores() -> int:
    if not hasattr(os, "fork"):
        return 1
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        count = os.cpu_count() or 1
    return min(count, 4)


@functools.cache
def _stored_row() -> tuple[tuple[str, ...], Any]:
    """A cached diagnostic is a list of its fields but the path (the target's, added back
    on the way out); its fields and types come from Diagnostic itself."""
    fields = field_types(Diagnostic)[1:]
    return tuple(name for name, _ in fields), list[tuple[tuple(hint for _, hint in fields)]]  # type: ignore[misc]


class _Run:
    """What one lint run needs in every process: where the cache is, settings and keys."""

    def __init__(self, root: Path | None, ctx: Context, chosen: Selection) -> None:
        self.root = root
        self.ctx = ctx
        self.chosen = chosen
        self.day_rules = any(RULES[code].depends_on_day for code in chosen.enabled)
        self.wrote = False
        self.stamp = self.setting = b""
        if root is not None:
            try:
                self.stamp = code_stamp()
                self.setting = settings_digest(ctx, chosen)
            except CodecError:  # a setting the codec cannot digest: lint without the cache
                self.root = None

    def parse_key(self, digest: bytes) -> bytes:
        return parse_key(self.stamp, digest)

    def lint_key(self, digest: bytes) -> bytes:
        return hashlib.sha256(b"lint\0" + self.stamp + self.setting + digest).digest()

    def batch(self, targets: Sequence[Target]) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """Lint ``targets`` in order: (unreadable files' IV001s, everything else)."""
        store = Store.open(self.root) if self.root is not None else None
        bad: list[Diagnostic] = []
        good: list[Diagnostic] = []
        files: list[tuple[Target, bytes, bytes]] = []
        for target in targets:
            try:
                data = read_bytes(target.path)
            except Exception as exc:  # a directory, permissions, too large
                message = unreadable(target.path, exc)
                bad.append(
                    Diagnostic(
                        target.label, 1, 1, "IV001", "invalid-front-matter", "error", message
                    )
                )
                continue
            files.append((target, data, hashlib.sha256(data).digest()))
        stored: dict[bytes, bytes] = {}
        if store is not None:
            keys = [self.lint_key(digest) for _, _, digest in files]
            keys += [self.parse_key(digest) for _, _, digest in files]
            stored = store.get(keys)
        for target, data, digest in files:
            lint_key, parse_key = (self.lint_key(digest), self.parse_key(digest))
            found = None
            if lint_key in stored:
                found = self._cached(target, data, stored[lint_key], stored.get(parse_key))
            if found is None:
                found = self._fresh(target, data, stored.get(parse_key), store, digest)
            good.extend(found)
        if store is not None:
            store.close()
            self.wrote |= store.added > 0
        return bad, good

    def _cached(
        self, target: Target, data: bytes, blob: bytes, parsed: bytes | None
    ) -> list[Diagnostic] | None:
        """The file's diagnostics from its entries, or None when they cannot be used."""
        try:
            stable = self._load_diagnostics(blob, target.label, data)
            if not self.day_rules:
                return stable
            if parsed is None:
                return None
            interview = lazy_record(Interview, parsed, path=target.path)
            day = check(interview, self.ctx, self.chosen, target.label, part="day", errors="raise")
        except Exception:  # a bad entry, or a rule tripping over one: lint afresh
            return None
        if damaged(interview):
            return None
        return _merge(stable, day)

    def _fresh(
        self,
        target: Target,
        data: bytes,
        parsed: bytes | None,
        store: Store | None,
        digest: bytes,
    ) -> list[Diagnostic]:
        interview = None
        if parsed is not None:
            try:
                interview = load_record(Interview, parsed, path=target.path)
            except CodecError:
                interview = None
        if interview is None:
            from infoview import parse

            interview = parse.parse_bytes(data, target.path)
            if store is not None:
                _add(store, self.parse_key(digest), interview)
        stable = check(interview, self.ctx, self.chosen, target.label, part="stable")
        day = check(interview, self.ctx, self.chosen, target.label, part="day")
        if store is not None:
            names, rows = _stored_row()
            values = [[getattr(d, name) for name in names] for d in stable]
            store.add(self.lint_key(digest), _dump(encoder(rows)(values)))
        return _merge(stable, day)

    def _load_diagnostics(self, blob: bytes, label: str, data: bytes) -> list[Diagnostic]:
        """Stored diagnostics, each checked: a known, selected, day-independent rule, its
        own slug, a severity, and a position inside the file."""
        rows = _stored_row()[1]
        lines = max(data.count(b"\n"), data.count(b"\r")) + 1
        out = []
        for row in decoder(rows)(_loads(blob)):
            d = Diagnostic(label, *row)
            rule = RULES.get(d.code)
            if (
                rule is None
                or rule.slug != d.slug
                or rule.depends_on_day
                or d.code not in self.chosen.enabled
                or d.severity not in LEVELS
                or not 1 <= d.line <= lines
                or d.column < 1
            ):
                raise CodecError(f"a stored diagnostic does not fit this file: {row!r:.80}")
            out.append(d)
        return out


def _merge(stable: list[Diagnostic], day: list[Diagnostic]) -> list[Diagnostic]:
    """One file's two parts in ``check``'s order (a code is in one part only, so the
    stable sort keeps each code's own order)."""
    return sorted(stable + day, key=lambda d: (d.line, d.column, d.code))


def _add(store: Store, key: bytes, interview: Interview) -> None:
    # A value the codec cannot store exactly is not cached: it is parsed again next time.
    with contextlib.suppress(CodecError):
        store.add(key, dump_record(interview))


def _dump(data: object) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode("ascii")


def _loads(blob: bytes) -> Any:
    try:
        return json.loads(blob)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"not valid JSON ({type(exc).__name__})") from None


def settings_digest(ctx: Context, chosen: Selection) -> bytes:
    """A digest of everything but the moment that the rules may read, and the selection.

    Built from the Context's fields and the Config's by their annotations, so settings
    added later count without a change here.
    """
    values = [
        [name, encoder(hint)(getattr(ctx, name))]
        for name, hint in field_types(type(ctx))
        if name != "now"
    ]
    values.append(["selection", list(chosen.enabled), sorted(chosen.severity.items())])
    return hashlib.sha256(_dump(values)).digest()


def unreadable(path: Path, exc: Exception) -> str:
    if path.is_symlink() and not path.exists():
        return (
            f"is a symbolic link to '{os.readlink(path)}', which does not exist; "
            "fix the link or remove it"
        )
    return str(exc).removeprefix(f"{path}: ")


def parse_key(stamp: bytes, digest: bytes) -> bytes:
    return hashlib.sha256(b"parse\0" + stamp + digest).digest()


def read_all(
    ws: Workspace, paths: Sequence[Path], *, use_cache: bool = True, create_cache: bool = True
) -> list[Read]:
    """Read and parse ``paths`` in order, through the cache; never raises for one file.

    ``create_cache=False`` uses the cache only where one already exists (so a command like
    ``packet`` leaves no new folder behind).
    """
    store = Store.open(ws.root, create=create_cache) if use_cache else None
    stamp = code_stamp() if store is not None else b""
    out: list[Read | None] = []
    files: list[tuple[int, Path, bytes, bytes]] = []
    for path in paths:
        try:
            data = read_bytes(path)
        except Exception as exc:
            out.append(Read(path, b"", None, unreadable(path, exc)))
            continue
        files.append((len(out), path, data, parse_key(stamp, hashlib.sha256(data).digest())))
        out.append(None)
    stored = store.get([key for *_, key in files]) if store is not None else {}
    misses: list[tuple[int, Path, bytes, bytes]] = []
    for index, path, data, key in files:
        blob = stored.get(key)
        try:
            if blob is not None:
                out[index] = Read(path, data, load_record(Interview, blob, path=path))
                continue
        except CodecError:
            pass
        misses.append((index, path, data, key))
    parsed = parse_all([(data, path) for _, path, data, _ in misses])
    for (index, path, data, key), interview in zip(misses, parsed, strict=True):
        out[index] = Read(path, data, interview)
        if store is not None:
            _add(store, key, interview)
    if store is not None:
        store.flush()
        if store.added:
            store.maintain()
        store.close()
    return [read for read in out if read is not None]


def _parse_many(items: list[tuple[bytes, Path]]) -> list[Interview]:
    from infoview.parse import parse_bytes

    return [parse_bytes(data, path) for data, path in items]


def parse_all(items: list[tuple[bytes, Path]]) -> list[Interview]:
    """Parse ``items``; with many, split them over the cores in forked workers."""
    workers = _cores()
    if len(items) < PARALLEL_FROM or workers < 2:
        return _parse_many(items)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(items) // workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [iv for chunk in pool.map(_parse_many, chunks) for iv in chunk]
