"""Every interview in the workspace at once, read and parsed through lint's parse cache.

``agenda``, ``network`` and the packet's "last time we talked" look across interviews. They
read them here, so a workspace that ``infoview lint`` has parsed is not parsed again: the
cache (``.infoview-cache/``, keyed by the file's SHA-256) is lint's own, from
``lint/runner.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from infoview.lint.runner import read_all
from infoview.model import Interview, Severity
from infoview.parse import parse_bytes
from infoview.people import keys, met_before
from infoview.workspace import Workspace


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
        self._resolved = [_real(entry.path) for entry in entries]
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
        entry = self._by_path.get(_real(path))
        if entry is not None and entry.data == data and entry.interview is not None:
            return dataclasses.replace(entry.interview, path=path)
        return parse_bytes(data, path)

    def same_interviewer(self, interview: Interview) -> list[Entry]:
        """Other files whose interviewer is this one's (by name or email), by path."""
        own = _real(interview.path)
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


def _real(path: Path) -> Path:
    """The path with links resolved; never raises (a link loop stays as it is)."""
    return Path(os.path.realpath(path))


def _start(entry: Entry, tz: ZoneInfo) -> dt.datetime:
    start = entry.interview.meeting.start(tz) if entry.interview else None
    assert start is not None
    return start


def load(ws: Workspace, *, create_cache: bool = True) -> Corpus:
    """Read and parse every interview in the workspace; nothing here raises for one file.

    ``create_cache=False`` updates the parse cache only where one already exists (the packet
    command leaves no new folder behind).
    """
    entries = []
    for read in read_all(ws, ws.interview_paths(), create_cache=create_cache):
        label = ws.relative(read.path)
        if read.interview is None:
            entries.append(
                Entry(read.path, label, b"", None, (f"{label}:1:1: IV001 {read.error}",))
            )
        else:
            entries.append(_entry(read.path, label, read.data, read.interview))
    return Corpus(entries)


def _entry(path: Path, label: str, data: bytes, interview: Interview) -> Entry:
    errors = tuple(
        f"{label}:{p.span.line}:{p.span.column}: {p.code} {p.message}"
        for p in interview.problems
        if p.severity is Severity.ERROR
    )
    return Entry(path, label, data, interview, errors)
