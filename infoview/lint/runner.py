"""Lint files: read, parse (through a content-hash cache), check, on both cores when many.

The cache maps a file's SHA-256 to its parsed Interview, in one pickle under
``.infoview-cache/`` (git-ignored). Rules always run again, since they depend on today.
The cache is written atomically, so concurrent runs cannot corrupt it; a cache that cannot
be read for any reason is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from infoview import __version__
from infoview.errors import InfoviewError
from infoview.fs import FileError, create_file, ensure_folder, read_regular, write_file
from infoview.lint import Selection, check
from infoview.lint.context import Context
from infoview.lint.diagnostic import Diagnostic
from infoview.model import Interview
from infoview.parse import parse_bytes
from infoview.workspace import Workspace, read_bytes

CACHE_DIR = ".infoview-cache"
CACHE_LIMIT = 20_000
MAX_CACHE_BYTES = 1024 * 1024 * 1024
PARALLEL_FROM = 200  # files to parse before a second process pays for itself


@dataclass(frozen=True)
class Target:
    path: Path
    label: str  # the path as reported: as given, or relative to the workspace


def _cache_file(ws: Workspace) -> Path:
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return ws.root / CACHE_DIR / f"parsed-{__version__}-py{python}.pickle"


def code_stamp() -> str:
    """Hash the parser's own source: a cached parse is stale once that code changes.

    The version alone does not say so: an editable install, or pre-commit pinned to another
    commit, runs different parser code under the same version, against the same cache.
    """
    from infoview import model, parse, schema, yamlpos

    digest = hashlib.sha256(__version__.encode())
    for module in (model, parse, schema, yamlpos):
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


def load_cache(ws: Workspace) -> dict[str, Interview]:
    try:  # a regular file inside the workspace only: a FIFO here must not hang lint
        raw = read_regular(_cache_file(ws), root=ws.root, max_bytes=MAX_CACHE_BYTES)
        data = pickle.loads(raw)
    except Exception:  # missing, truncated, from another version: start afresh
        return {}
    if not isinstance(data, dict) or data.get("stamp") != code_stamp():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def save_cache(ws: Workspace, cache: dict[str, Interview]) -> None:
    if len(cache) > CACHE_LIMIT:
        cache = dict(list(cache.items())[-CACHE_LIMIT:])
    data = {"stamp": code_stamp(), "entries": cache}
    with contextlib.suppress(FileError):  # the cache is optional; never written through links
        folder = ensure_folder(ws.root / CACHE_DIR, root=ws.root)
        create_file(folder / ".gitignore", b"*\n", root=ws.root)
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        write_file(_cache_file(ws), payload, root=ws.root)


def _parse_many(items: list[tuple[bytes, Path]]) -> list[Interview]:
    return [parse_bytes(data, path) for data, path in items]


def parse_all(items: list[tuple[bytes, Path]]) -> list[Interview]:
    """Parse ``items``; with many, split them over the cores in forked workers."""
    workers = min(os.cpu_count() or 1, 4)
    if len(items) < PARALLEL_FROM or workers < 2 or not hasattr(os, "fork"):
        return _parse_many(items)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(items) // workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [iv for chunk in pool.map(_parse_many, chunks) for iv in chunk]


@dataclass(frozen=True)
class Read:
    """One file, read and parsed: ``interview`` is None and ``error`` says why if unreadable."""

    path: Path
    data: bytes
    interview: Interview | None
    error: str | None = None


def _unreadable(path: Path, exc: Exception) -> str:
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

    ``create_cache=False`` updates the cache only where one already exists (so a command
    like ``packet`` leaves no new folder behind).
    """
    cache = load_cache(ws) if use_cache else {}
    out: list[Read | None] = []
    misses: list[tuple[int, str, bytes, Path]] = []
    for path in paths:
        try:
            data = read_bytes(path, root=ws.root)
        except Exception as exc:  # unreadable: a directory, permissions, too large
            out.append(Read(path, b"", None, _unreadable(path, exc)))
            continue
        key = hashlib.sha256(data).hexdigest()
        cached = cache.get(key)
        if isinstance(cached, Interview):
            out.append(Read(path, data, dataclasses.replace(cached, path=path)))
        else:
            misses.append((len(out), key, data, path))
            out.append(None)
    parsed = parse_all([(data, path) for _, _, data, path in misses])
    for (index, key, data, path), interview in zip(misses, parsed, strict=True):
        cache[key] = interview
        out[index] = Read(path, data, interview)
    if use_cache and misses and (create_cache or (ws.root / CACHE_DIR).is_dir()):
        save_cache(ws, cache)
    return [read for read in out if read is not None]


def lint_files(
    ws: Workspace,
    targets: Sequence[Target],
    ctx: Context,
    chosen: Selection,
    *,
    use_cache: bool = True,
) -> list[Diagnostic]:
    """Lint ``targets``; a file that cannot be read is an IV001 diagnostic, not a crash."""
    reads = read_all(ws, [target.path for target in targets], use_cache=use_cache)
    out = [
        Diagnostic(target.label, 1, 1, "IV001", "invalid-front-matter", "error", read.error)
        for target, read in zip(targets, reads, strict=True)
        if read.error is not None
    ]
    for target, read in zip(targets, reads, strict=True):
        if read.interview is not None:
            out.extend(check(read.interview, ctx, chosen, target.label))
    return out
