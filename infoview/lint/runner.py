"""Lint files: read each, answer it from the cache when it can, lint the rest, on every core.

The API the commands and the language server use:

- ``lint_text(text, path, ctx, selection)``: one interview's text in memory (an editor's
  buffer); pure, no files, no cache.
- ``lint_files(ws, targets, ctx, selection)``: files in order, through the cache
  (``.infoview-cache/``; ``use_cache=False`` neither reads nor writes it).
- ``read_all(ws, paths)``: parsed Interviews for the commands that look across interviews
  (agenda, network, the packet's "last time we talked"), through the same cache.

``lint_files`` reads and hashes every file and fetches their entries in one pass, then
estimates the work left: a hit costs a few fields decoded and the day rules, a miss a parse
and every rule. When that is more than one core does quickly, forked workers split it;
they inherit what was read and fetched, write their own new entries, and send back only
diagnostics, so memory stays flat however large the workspace. What is stored, and how it
is checked when read back, is ``cache/entries.py``'s.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from infoview.errors import InfoviewError
from infoview.lint import Selection, check
from infoview.lint.cache import code_stamp
from infoview.lint.cache.entries import Entries, add_interview, load_interview, parse_key
from infoview.lint.cache.store import Store
from infoview.lint.context import Context
from infoview.lint.diagnostic import Diagnostic
from infoview.model import Interview
from infoview.workspace import Workspace, read_bytes

# Estimated CPU milliseconds per file (this machine, roughly): forked workers pay for
# themselves past PARALLEL_FROM of work.
MISS_MS, HIT_MS, PARALLEL_FROM = 1.2, 0.1, 120.0
CHUNK = 250  # files per worker task: small enough to share the work out evenly


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


@dataclass
class _Run:
    """One lint_files run: what every process needs (forked workers inherit it)."""

    root: Path | None  # the workspace, when the cache is used
    entries: Entries
    targets: list[Target]
    root_for_reads: Path  # links inside it may not lead out of it
    files: list[tuple[Target, bytes, bytes]] | None = None  # read by the parent, if it did
    stored: dict[bytes, bytes] | None = None  # the entries fetched for ``files``
    wrote: bool = False

    def read(self, start: int, stop: int) -> tuple[list[Diagnostic], list[_File]]:
        """Read and hash ``targets[start:stop]``: (unreadable files' IV001s, the others)."""
        bad: list[Diagnostic] = []
        files: list[_File] = []
        for target in self.targets[start:stop]:
            try:
                data = read_bytes(target.path, root=self.root_for_reads)
            except Exception as exc:  # a directory, a FIFO, permissions, too large
                message = unreadable_reason(target.path, exc)
                bad.append(
                    Diagnostic(
                        target.label, 1, 1, "IV001", "invalid-front-matter", "error", message
                    )
                )
                continue
            files.append((target, data, hashlib.sha256(data).digest()))
        return bad, files

    def fetch(self, files: list[_File]) -> dict[bytes, bytes]:
        """The entries stored for ``files`` (noting their use today); none before the
        cache exists, without creating it."""
        if self.root is None or not files or not Store.present(self.root):
            return {}
        store = Store.open(self.root, create=False)
        if store is None:
            return {}
        stored = store.get([key for _, _, digest in files for key in self.entries.keys(digest)])
        store.close()
        return stored

    def lint(self, files: list[_File], stored: dict[bytes, bytes]) -> list[Diagnostic]:
        """Lint ``files``, then write their new entries through a Store of this process's
        own (opened only then, so making the cache never holds up the linting)."""
        batch = _Batch() if self.root is not None else None
        out: list[Diagnostic] = []
        for target, data, digest in files:
            out.extend(
                self.entries.lint_one(target.path, target.label, data, digest, stored, batch)
            )
        if self.root is not None and batch is not None and batch.rows:
            store = Store.open(self.root)
            if store is not None:
                for key, data in batch.rows.items():
                    store.add(key, data)
                store.close()
                self.wrote |= store.added > 0
        return out

    def span(self, start: int, stop: int) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """Lint ``targets[start:stop]`` from scratch here: (unreadable, the others)."""
        if self.files is not None and self.stored is not None:  # read by the parent
            return [], self.lint(self.files[start:stop], self.stored)
        bad, files = self.read(start, stop)
        return bad, self.lint(files, self.fetch(files))


_File = tuple[Target, bytes, bytes]  # the target, its bytes, their SHA-256


class _Batch:
    """New entries held until a chunk of files is linted, then written in one go."""

    def __init__(self) -> None:
        self.rows: dict[bytes, bytes] = {}

    def add(self, key: bytes, data: bytes) -> None:
        self.rows[key] = data


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
    entries = Entries(ctx, chosen, cached=use_cache)
    run = _Run(ws.root if entries.cached else None, entries, list(targets), ws.root)
    unreadable: list[Diagnostic] = []
    found: list[Diagnostic] = []
    for bad, good in _share(run):
        unreadable.extend(bad)
        found.extend(good)
    if run.root is not None and run.wrote:
        store = Store.open(run.root, create=False)
        if store is not None:
            store.maintain()
            store.close()
    return unreadable + found


def _share(run: _Run) -> Iterator[tuple[list[Diagnostic], list[Diagnostic]]]:
    """Lint every target of ``run``: here, or split over forked workers when that pays.

    So many files that even all hits would keep one core busy, or enough files and no
    cache yet (every one a miss): the workers read them too. Otherwise the parent reads
    them and fetches their entries, then weighs the work left.
    """
    workers = _cores()
    count = len(run.targets)
    nothing_stored = run.root is None or not Store.present(run.root)
    if workers >= 2 and nothing_stored and count * MISS_MS >= PARALLEL_FROM:
        yield from _fork(run, workers, warm=True)  # every file a miss: the workers read them too
        return
    if workers < 2 or count * HIT_MS < PARALLEL_FROM:
        bad, files = run.read(0, count)
        stored = run.fetch(files)
        hits = sum(1 for _, _, digest in files if run.entries.keys(digest)[0] in stored)
        if workers < 2 or hits * HIT_MS + (len(files) - hits) * MISS_MS < PARALLEL_FROM:
            yield bad, run.lint(files, stored)
            return
        yield bad, []
        run.targets, run.files, run.stored = [target for target, _, _ in files], files, stored
        # Warm up first only for enough misses: a hit needs neither the parser nor the judge.
        yield from _fork(run, workers, warm=(len(files) - hits) * MISS_MS >= PARALLEL_FROM)
        return
    yield from _fork(run, workers, warm=False)


def _fork(
    run: _Run, workers: int, *, warm: bool
) -> Iterator[tuple[list[Diagnostic], list[Diagnostic]]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_RUN
    _WORKER_RUN = run  # inherited by the forked workers: nothing is pickled to them
    if warm:
        _warm(run)
    count = len(run.targets)
    size = max(20, min(CHUNK, -(-count // (workers * 4))))
    spans = [(i, min(i + size, count)) for i in range(0, count, size)]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for bad, good, wrote in pool.map(_worker, spans):
                run.wrote |= wrote
                yield bad, good
    finally:
        _WORKER_RUN = None


_WORKER_RUN: _Run | None = None

# An interview that every selected rule reads something of, linted by ``_warm``.
_WARM = """---
interviewer:
  name: Warm Up
  organization: Warm Up Ltd
meeting:
  date: 2026-01-02T10:00
learning_goals:
  - Learn how warming up works.
---
# Informational interview with Warm Up
## Research
- **Work history:** none
## Questions
### Goal 1
- What does warming up involve?
## Notes
- a note
"""


def _warm(run: _Run) -> None:
    """Lint a small interview here, so the workers fork with everything linting loads.

    The parser, the selected rules' modules and the judge's compiled grammar are then
    loaded once, in the parent, instead of once in each worker (about 0.1 s of CPU each).
    What it finds is thrown away; its questions are in no one's interviews.
    """
    from infoview.parse import parse_text

    check(parse_text(_WARM, Path("warm-up.md")), run.entries.ctx, run.entries.chosen, "warm-up")


def _worker(span: tuple[int, int]) -> tuple[list[Diagnostic], list[Diagnostic], bool]:
    assert _WORKER_RUN is not None
    bad, good = _WORKER_RUN.span(*span)
    return bad, good, _WORKER_RUN.wrote


def _cores() -> int:
    if not hasattr(os, "fork"):
        return 1
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        count = os.cpu_count() or 1
    return min(count, 4)


def unreadable_reason(path: Path, exc: Exception) -> str:
    if isinstance(exc, InfoviewError):  # fs names dangling links, loops, FIFOs itself
        return exc.message + (f"; {exc.hint}" if exc.hint else "")
    if path.is_symlink() and not path.exists():
        return (
            f"is a symbolic link to '{os.readlink(path)}', which does not exist; "
            "fix the link or remove it"
        )
    return str(exc).removeprefix(f"{path}: ")


def read_all(
    ws: Workspace, paths: Sequence[Path], *, use_cache: bool = True, create_cache: bool = True
) -> list[Read]:
    """Read and parse ``paths`` in order, through the cache; never raises for one file.

    ``create_cache=False`` uses the cache only where one already exists (so a command like
    ``packet`` leaves no new folder behind).
    """
    store = Store.open(ws.root, create=create_cache) if use_cache and paths else None
    stamp = code_stamp() if store is not None else b""
    out: list[Read | None] = []
    files: list[tuple[int, Path, bytes, bytes]] = []
    for path in paths:
        try:
            data = read_bytes(path, root=ws.root)
        except Exception as exc:  # unreadable: a directory, a FIFO, permissions, too large
            out.append(Read(path, b"", None, unreadable_reason(path, exc)))
            continue
        files.append((len(out), path, data, parse_key(stamp, hashlib.sha256(data).digest())))
        out.append(None)
    stored = store.get([key for *_, key in files]) if store is not None else {}
    misses: list[tuple[int, Path, bytes, bytes]] = []
    for index, path, data, key in files:
        interview = load_interview(stored.get(key), path)
        if interview is None:
            misses.append((index, path, data, key))
        else:
            out[index] = Read(path, data, interview)
    parsed = parse_all([(data, path) for _, path, data, _ in misses])
    for (index, path, data, key), interview in zip(misses, parsed, strict=True):
        out[index] = Read(path, data, interview)
        if store is not None:
            add_interview(store, key, interview)
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
    if len(items) * MISS_MS < PARALLEL_FROM or workers < 2:
        return _parse_many(items)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(items) // workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [iv for chunk in pool.map(_parse_many, chunks) for iv in chunk]
