"""Which workspace a document belongs to, that workspace's settings, its interviews on disk.

A workspace is the folder holding ``infoview.toml``, found upwards from each document
(as every command finds it), or in the client's root and workspace folders. Only
Markdown files under its ``interviews/`` folder are interviews; other Markdown (a README)
is left alone. Settings are read as ``infoview lint`` reads them, and the last good ones
are kept while the file is broken. Interviews that are not open are read from disk, with
the parse cached by (mtime, size).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from infoview import lint
from infoview.config import CONFIG_NAME, Config, find_config, load_config
from infoview.errors import InfoviewError
from infoview.lint.context import Context
from infoview.model import Interview
from infoview.parse import parse_bytes
from infoview.workspace import Workspace, read_bytes

Stamp = tuple[int, int, int]  # mtime_ns, size, inode


def stamp_of(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


@dataclass(frozen=True)
class Settings:
    """One workspace's settings, resolved once: the rules chosen and their context."""

    config: Config
    chosen: lint.Selection
    context: Context
    digest: str  # of the file's text: an unchanged file is not reloaded


def read_settings(path: Path | None) -> Settings:
    """Read ``path`` (None: the defaults) as lint does; raise InfoviewError when broken."""
    if path is None:
        config, digest = Config(), ""
    else:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise InfoviewError(f"cannot read it: {exc.strerror or exc}", path=path) from exc
        config = load_config(path)
    return Settings(config, lint.selection(config), lint.context(config, None), digest)


class Space:
    """One infoview workspace: its root, its settings, and the interviews on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config_path = root / CONFIG_NAME
        self.error: str | None = None  # why the file on disk is not in use, if it is not
        self.stamp = stamp_of(self.config_path)
        try:
            self.settings = read_settings(self.config_path)
        except InfoviewError as exc:
            self.error = exc.render()
            self.settings = read_settings(None)
        self._disk: dict[Path, tuple[Stamp, Interview]] = {}

    def reload(self) -> tuple[bool, str | None]:
        """Read the settings again: (whether they changed, the error when the file is broken).

        A broken file keeps the last good settings in use.
        """
        self.stamp = stamp_of(self.config_path)
        try:
            fresh = read_settings(self.config_path)
        except InfoviewError as exc:
            message = exc.render()
            changed = message != self.error
            self.error = message
            return False, message if changed else None
        self.error = None
        if fresh.digest == self.settings.digest:
            return False, None
        self.settings = fresh
        return True, None

    @property
    def workspace(self) -> Workspace:
        return Workspace(self.root, self.settings.config)

    @property
    def interviews_dir(self) -> Path:
        return self.root / "interviews"

    def is_interview(self, path: Path) -> bool:
        """A ``*.md`` under interviews/ (not in a hidden folder), as lint lists them."""
        try:
            parts = path.relative_to(self.interviews_dir).parts
        except ValueError:
            return False
        return path.suffix == ".md" and not any(part.startswith(".") for part in parts)

    def label(self, path: Path) -> str:
        """The path as ``infoview lint`` reports it: relative to the workspace."""
        return self.workspace.relative(path)

    def interview_paths(self) -> list[Path]:
        return self.workspace.interview_paths()

    def context(self, now: dt.datetime) -> Context:
        """The rules' context at the moment ``now`` (an aware datetime)."""
        return dataclasses.replace(
            self.settings.context, now=now.astimezone(self.settings.config.tz)
        )

    def parsed(self) -> list[Interview]:
        """The interviews read from disk so far (for the clock: their meetings' ends)."""
        return [interview for _, interview in self._disk.values()]

    def unreadable(self, path: Path) -> str | None:
        """Why ``path`` cannot be read as an interview, in lint's words (None: it can be,
        or it no longer exists at all)."""
        if not os.path.lexists(path):
            return None
        from infoview.lint.runner import unreadable_reason

        try:
            read_bytes(path, root=self.root)
        except Exception as exc:  # a directory, a FIFO, permissions, too large, a bad link
            return unreadable_reason(path, exc)
        return None

    def on_disk(self, path: Path) -> tuple[bytes, Interview] | None:
        """The file's bytes and parse (cached while unchanged), or None when unreadable."""
        stamp = stamp_of(path)
        if stamp is None:
            return None
        try:
            data = read_bytes(path, root=self.root)  # a link may not lead out of it
        except InfoviewError:
            return None
        cached = self._disk.get(path)
        if cached is not None and cached[0] == stamp:
            return data, cached[1]
        interview = parse_bytes(data, path)
        self._disk[path] = (stamp, interview)
        return data, interview


class Spaces:
    """Every workspace the server has met, found from documents and the client's folders."""

    def __init__(self) -> None:
        self.roots: list[Path] = []  # the client's root and workspace folders
        self._by_root: dict[Path, Space] = {}
        self._by_folder: dict[Path, Path | None] = {}  # a document's folder -> its root

    def add_roots(self, roots: Iterable[Path]) -> None:
        for root in roots:
            if root not in self.roots:
                self.roots.append(root)

    def _space(self, root: Path) -> Space:
        if root not in self._by_root:
            self._by_root[root] = Space(root)
        return self._by_root[root]

    def for_path(self, path: Path) -> Space | None:
        """The workspace holding ``path``, walking up from its folder; None outside any."""
        folder = path.parent
        if folder not in self._by_folder:
            found = find_config(folder)
            root = found.parent.resolve() if found is not None else None
            if root is None:  # a folder the client named that holds the file
                root = next(
                    (r for r in self.roots if (r / CONFIG_NAME).is_file() and _inside(path, r)),
                    None,
                )
            self._by_folder[folder] = root
        root = self._by_folder[folder]
        return self._space(root) if root is not None else None

    def all(self) -> list[Space]:
        """Every workspace known: those met so far and those in the client's folders."""
        for root in self.roots:
            candidates = [root, *(p for p in _children(root))]
            for folder in candidates:
                if (folder / CONFIG_NAME).is_file():
                    self._space(folder.resolve())
            found = find_config(root)
            if found is not None:
                self._space(found.parent.resolve())
        return list(self._by_root.values())

    def known(self) -> list[Space]:
        return list(self._by_root.values())


def client_roots(folders: Iterable[str], root_uri: str | None, root_path: str | None) -> list[Path]:
    """The folders ``initialize`` names: its workspace folders' URIs, its root URI, and its
    (older) root path when there is no root URI; URIs that are not ``file:`` are skipped."""
    from pygls.uris import to_fs_path  # a small module: neither lsprotocol nor the server

    uris = [*folders, *([root_uri] if root_uri else [])]
    paths = [to_fs_path(uri) for uri in uris]
    if root_path and not root_uri:
        paths.append(root_path)
    return [Path(p).resolve() for p in paths if p]


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _children(root: Path) -> list[Path]:
    try:
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
