"""The one module that finds and reads the workspace's files and writes outputs atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from infoview.config import CONFIG_NAME, Config, find_config, load_config
from infoview.errors import UsageError
from infoview.model import Interview

MAX_INTERVIEW_BYTES = 10 * 1024 * 1024


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
            return str(path.resolve().relative_to(self.root))
        except (ValueError, OSError):
            return str(path)

    def contains(self, path: Path) -> bool:
        """True when ``path`` (symlinks resolved) lies inside the workspace."""
        try:
            path.resolve().relative_to(self.root)
        except (ValueError, OSError):
            return False
        return True

    def interview_paths(self, given: Iterable[Path] = ()) -> list[Path]:
        """Return the given interview files, or every ``*.md`` under interviews/, sorted."""
        given = list(given)
        if not given:
            if not self.interviews_dir.is_dir():
                return []
            return sorted(
                p
                for p in self.interviews_dir.rglob("*.md")
                if (p.is_file() or (p.is_symlink() and not p.exists()))  # dangling: reported
                and not any(
                    part.startswith(".") for part in p.relative_to(self.interviews_dir).parts
                )
            )
        out: list[Path] = []
        for path in given:
            if path.is_dir():
                out.extend(sorted(p for p in path.rglob("*.md") if p.is_file()))
            elif not path.exists():
                raise UsageError(f"{path}: no such file; give a path to an interview .md file")
            else:
                out.append(path)
        return out

    def read(self, path: Path) -> Interview:
        """Read and parse one interview (problems land in ``Interview.problems``)."""
        from infoview.parse import parse_bytes  # not at import: lint's cache hits never parse

        return parse_bytes(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """Read an interview file, refusing directories and files too large to be one."""
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not an interview file")
    try:
        size = path.stat().st_size
        if size > MAX_INTERVIEW_BYTES:
            raise UsageError(
                f"{path}: is {size // 1024 // 1024} MB; an interview file should be far smaller"
            )
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from exc


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


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, then rename it over ``path``.

    A reader sees the old file or the new one, never a partial one; on any failure the old
    file is untouched and the temp file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private; give it the old file's mode, or the usual one.
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
