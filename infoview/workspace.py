"""The workspace: find its root, list its interviews, read them, name and write outputs.

Reading and writing go through ``infoview.fs`` (confined, regular files only, atomic).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from infoview.config import CONFIG_NAME, Config, find_config, load_config
from infoview.errors import UsageError
from infoview.fs import read_regular, write_file
from infoview.model import Interview

MAX_INTERVIEW_BYTES = 10 * 1024 * 1024
INTERVIEW = "an interview file"  # what the size limit's message calls one


@dataclass(frozen=True)
class Workspace:
    root: Path
    config: Config

    @property
    def interviews_dir(self) -> Path:
        return self.root / "interviews"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def relative(self, path: Path) -> str:
        """Return ``path`` relative to the workspace root when inside it (for messages)."""
        absolute = path if path.is_absolute() else Path.cwd() / path
        try:  # the common case needs no system call
            return str(absolute.relative_to(self.root))
        except ValueError:
            pass
        try:
            return str(Path(os.path.realpath(path)).relative_to(self.root))
        except (ValueError, OSError):
            return str(path)

    def contains(self, path: Path) -> bool:
        """True when ``path`` (symlinks resolved) lies inside the workspace."""
        try:
            Path(os.path.realpath(path)).relative_to(self.root)
        except (ValueError, OSError):
            return False
        return True

    def interview_paths(self, given: Iterable[Path] = ()) -> list[Path]:
        """Return the given interview files, or every ``*.md`` under interviews/, sorted.

        Anything named ``*.md`` that is not a folder is listed, FIFOs, devices, dangling
        links and link loops included, so that reading it reports the problem for that one
        file instead of hiding it. A folder is searched; a path that does not exist at all
        is a usage error.
        """
        given = list(given)
        if not given:
            return self._find(self.interviews_dir, hidden=False)
        out: list[Path] = []
        for path in given:
            if path.is_dir():
                out.extend(self._find(path, hidden=True))
            elif not path.exists() and not path.is_symlink():
                raise UsageError(f"{path}: no such file; give a path to an interview .md file")
            else:
                out.append(path)
        return out

    @staticmethod
    def _find(folder: Path, *, hidden: bool) -> list[Path]:
        """Every ``*.md`` below ``folder`` that is not a folder, sorted as paths.

        One ``os.scandir`` per folder (a large workspace lists in a fraction of what
        ``rglob`` and a ``stat`` per file take); linked folders are not descended into, as
        with ``rglob``; ``hidden=False`` skips dot-files and dot-folders.
        """
        found: list[Path] = []
        pending = [str(folder)]
        while pending:
            try:
                with os.scandir(pending.pop()) as entries:
                    for entry in entries:
                        if not hidden and entry.name.startswith("."):
                            continue
                        try:
                            is_dir = entry.is_dir()
                            if is_dir and not entry.is_symlink():
                                pending.append(entry.path)
                        except OSError:
                            is_dir = False
                        if entry.name.endswith(".md") and not is_dir:
                            found.append(Path(entry.path))
            except OSError:  # missing, unreadable, or not a folder: nothing listed there
                continue
        return sorted(found)

    def read(self, path: Path) -> Interview:
        """Read and parse one interview (problems land in ``Interview.problems``)."""
        from infoview.parse import parse_bytes  # not at import: lint's cache hits never parse

        return parse_bytes(read_bytes(path, root=self.root), path)

    def write(self, path: Path, data: bytes) -> Path:
        """Write the output ``path`` atomically, confined to the workspace (``fs.write_file``)."""
        return write_file(path, data, root=self.root)

    def output_name(self, source: Path) -> Path:
        """An interview's name for its outputs: ``sub/2026-12-03-dana`` for interviews/sub/.

        Outputs mirror the subfolders of interviews/, so two interviews with the same file
        name in different subfolders never share a packet, a note or a calendar UID. A file
        elsewhere is known by its stem alone.
        """
        try:
            relative = Path(os.path.abspath(source)).relative_to(self.interviews_dir)
        except ValueError:
            return Path(source.stem)
        return relative.with_suffix("") if relative.suffix else relative

    def output_for(self, source: Path, folder: str, suffix: str) -> Path:
        """``build/<folder>/<output_name><suffix>``: e.g. build/packets/sub/x.pdf."""
        name = self.output_name(source)
        return self.build_dir / folder / name.parent / (name.name + suffix)


def read_bytes(path: Path, *, root: Path | None = None) -> bytes:
    """Read an interview file: a regular file (no FIFO, device or folder), capped in size.

    ``root`` (the workspace) confines the links followed: a link inside the workspace that
    leads out of it is refused. Raises ``FileError`` (a ``UsageError``-like exit status 2).
    """
    return read_regular(path, root=root, max_bytes=MAX_INTERVIEW_BYTES, what=INTERVIEW)


def open_workspace(workspace: Path | None = None, *, cwd: Path | None = None) -> Workspace:
    """Find the workspace (``--workspace`` or by walking up) and load its config."""
    if workspace is not None:
        config_path = workspace / CONFIG_NAME
        if not config_path.is_file():
            raise UsageError(
                f"{workspace}: no {CONFIG_NAME} here; run 'infoview init {workspace}' to create one"
            )
    else:
        start = cwd or Path.cwd()
        found = find_config(start)
        if found is None:
            raise UsageError(
                f"no {CONFIG_NAME} in {start} or any parent folder",
                hint="run 'infoview init DIR' to create a workspace, or pass --workspace DIR",
            )
        config_path = found
    return Workspace(config_path.parent.resolve(), load_config(config_path))
