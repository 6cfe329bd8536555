"""The lint cache: data only, one entry read per file, shared safely by concurrent runs.

- ``store``: the SQLite file ``.infoview-cache/lint-v1.sqlite3`` (key -> blob, bounded).
- ``codec``/``records``: typed values <-> JSON, checked field by field on the way back.
- ``code_stamp``: what makes an entry stale when infoview itself changes.

What is stored, and under which key, is the runner's business (``lint/runner.py``): the
parsed Interview under (file digest, code stamp), and the diagnostics of the rules that do
not depend on the day under (file digest, code stamp, settings digest).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import sys
from pathlib import Path

from infoview import __version__

# The libraries whose behaviour the parse depends on (their __init__ names their version).
_LIBRARIES = ("yaml", "markdown_it")


@functools.cache
def code_stamp() -> bytes:
    """A digest of infoview's own files, the parser libraries' versions and Python's.

    A version number alone does not do: an editable install, or pre-commit pinned to
    another commit, runs other code under the same version against the same cache. Every
    file of the package counts (rules, their data, the model, the parser), so a change to
    any of them invalidates what was computed before; it costs a few milliseconds a run.
    """
    digest = hashlib.sha256(f"infoview {__version__}\0{sys.version}\0".encode())
    package = Path(__file__).resolve().parent.parent.parent
    for path in sorted(_files(package)):
        digest.update(f"{path.relative_to(package)}\0".encode())
        digest.update(_bytes(path))
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        digest.update(f"\0{name}\0".encode())
        digest.update(_bytes(Path(origin)) if origin else b"absent")
    return digest.digest()


def _files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for base, folders, names in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__" and not f.startswith(".")]
        out.extend(Path(base, name) for name in names if not name.endswith((".pyc", ".pyo")))
    return out


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"unreadable"
