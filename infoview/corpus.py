"""Every interview in the workspace at once, read and parsed through lint's parse cache.

``agenda``, ``network`` and the packet's "last time we talked" look across interviews. They
read them here, so a workspace that ``infoview lint`` has parsed is not parsed again: the
cache (``.infoview-cache/``, keyed by the file's SHA-256) is lint's own, from
``lint/runner.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from infoview.errors import InfoviewError
from infoview.lint.runner import CACHE_DIR, load_cache, parse_all, save_cache
from infoview.model import Interview, Severity
from infoview.parse import parse_bytes
from infoview.people import keys, met_before
from infoview.workspace import Workspace, read_bytes


@dataclass(frozen=True)
class Entry:
    """One interview file: its bytes, its parse, and why it cannot be used (if it cannot)."""

    path: Path
    label: str  # relative to the workspace, as messages show it
    data: bytes
    interview: Interview | None  # None when the file could not be read
    errors: tuple[str, ...] = ()  # ``path:line:col: CODE message``, the packet's form

    @property
    def usable(self) -> bool:
        return self.interview is not None and not self.errors


class Corpus:
    """The workspace's interviews, in file order."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._resolved = [entry.path.resolve() for entry in entries]
        self._by_path = dict(zip(self._resolved, entries, strict=True))
        self._by_key: dict[str, list[int]] = {}  # name or email -> entries, in file order
        for index, entry in enumerate(entries):
            if entry.interview is not None:
                for key in keys(entry.interview.interviewer):
                    self._by_key.setdefault(key, []).append(index)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    @property
    def errors(self) -> list[str]:
        return [message for entry in self.entries for message in entry.errors]

    def interviews(self) -> list[Interview]:
        """The interviews that can be used (readable, no error in their front matter)."""
        return [entry.interview for entry in self.entries if entry.interview and entry.usable]

    def interview_for(self, path: Path, data: bytes) -> Interview:
        """``data`` parsed: the corpus's parse when it read the same bytes at ``path``."""
        entry = self._by_path.get(path.resolve())
        if entry is not None and entry.data == data and entry.interview is not None:
            return dataclasses.replace(entry.interview, path=path)
        return parse_bytes(data, path)

    def same_interviewer(self, interview: Interview) -> list[Entry]:
        """Other files whose interviewer is this one's (by name or email), by path."""
        own = interview.path.resolve()
        found = {i for key in keys(interview.interviewer) for i in self._by_key.get(key, ())}
        return [self.entries[i] for i in sorted(found) if self._resolved[i] != own]

    def earlier_meetings(self, interview: Interview, tz: ZoneInfo) -> list[Entry]:
        """Usable files with the same interviewer that met before this one, oldest first."""
        found = [
            entry
            for entry in self.same_interviewer(interview)
            if entry.usable and entry.interview and met_before(entry.interview, interview, tz)
        ]
        return sorted(found, key=lambda e: (_start(e, tz), e.label))


def _start(entry: Entry, tz: ZoneInfo) -> dt.datetime:
    start = entry.interview.meeting.start(tz) if entry.interview else None
    assert start is not None
    return start


def load(ws: Workspace, *, create_cache: bool = True) -> Corpus:
    """Read and parse every interview in the workspace; nothing here raises for one file.

    ``create_cache=False`` updates the parse cache only where one already exists (the packet
    command leaves no new folder behind).
    """
    cache = load_cache(ws)
    entries: list[Entry | None] = []
    misses: list[tuple[int, str, bytes, Path]] = []
    for path in ws.interview_paths():
        label = ws.relative(path)
        try:
            data = read_bytes(path)
        except InfoviewError as exc:
            reason = exc.message.removeprefix(f"{path}: ")
            entries.append(Entry(path, label, b"", None, (f"{label}:1:1: IV001 {reason}",)))
            continue
        key = hashlib.sha256(data).hexdigest()
        cached = cache.get(key)
        if isinstance(cached, Interview):
            entries.append(_entry(path, label, data, dataclasses.replace(cached, path=path)))
        else:
            misses.append((len(entries), key, data, path))
            entries.append(None)
    parsed = parse_all([(data, path) for _, _, data, path in misses])
    for (index, key, data, path), interview in zip(misses, parsed, strict=True):
        cache[key] = interview
        entries[index] = _entry(path, ws.relative(path), data, interview)
    if misses and (create_cache or (ws.root / CACHE_DIR).is_dir()):
        save_cache(ws, cache)
    return Corpus([entry for entry in entries if entry is not None])


def _entry(path: Path, label: str, data: bytes, interview: Interview) -> Entry:
    errors = tuple(
        f"{label}:{p.span.line}:{p.span.column}: {p.code} {p.message}"
        for p in interview.problems
        if p.severity is Severity.ERROR
    )
    return Entry(path, label, data, interview, errors)
