"""What the cache holds for one file, under which key, and how it is checked on the way in.

A file's diagnostics depend on its bytes, the effective settings (infoview.toml, the rule
selection and severities) and, for the rules declaring ``DEPENDS_ON_DAY``, the moment of
the check. So each file has two entries, both keyed on its SHA-256 and infoview's code
stamp:

- ``parse``: the Interview, as ``records`` blobs (shared across settings);
- ``lint``: the day-independent diagnostics, paths left out, keyed on the settings too.

``Entries.lint_one`` answers one file from its entries when it can (running only the day
rules, on the Interview decoded lazily) and otherwise parses, runs every rule and stores
both entries. An entry that does not decode, or that a rule trips over, is thrown away and
the file linted afresh: whatever the database holds can cost time, never correctness.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from pathlib import Path
from typing import Any, Protocol

from infoview.lint import Selection, check
from infoview.lint.cache import code_stamp
from infoview.lint.cache.codec import CodecError, decoder, encoder, field_types
from infoview.lint.cache.records import damaged, dump_record, lazy_record, load_record, loads
from infoview.lint.context import Context
from infoview.lint.diagnostic import Diagnostic
from infoview.lint.registry import RULES
from infoview.model import Interview

LEVELS = ("error", "warning", "info")


class Sink(Protocol):
    """Where new entries go: a :class:`~infoview.lint.cache.store.Store`, or a batch
    written to one later."""

    def add(self, key: bytes, data: bytes) -> None: ...


def parse_key(stamp: bytes, digest: bytes) -> bytes:
    return hashlib.sha256(b"parse\0" + stamp + digest).digest()


def settings_digest(ctx: Context, chosen: Selection) -> bytes:
    """A digest of everything but the moment that the rules may read, and the selection.

    Built from the Context's fields (and so the Config's) by their annotations, so a
    setting added later counts without a change here.
    """
    values = [
        [name, encoder(hint)(getattr(ctx, name))]
        for name, hint in field_types(type(ctx))
        if name != "now"
    ]
    values.append(["selection", list(chosen.enabled), sorted(chosen.severity.items())])
    return hashlib.sha256(_dump(values)).digest()


class Entries:
    """One run's view of the cache: its keys, and linting a file through its entries."""

    def __init__(self, ctx: Context, chosen: Selection, *, cached: bool) -> None:
        self.ctx = ctx
        self.chosen = chosen
        self.day_rules = any(RULES[code].depends_on_day for code in chosen.enabled)
        self.cached = cached
        self.stamp = self.setting = b""
        if cached:
            try:
                self.stamp = code_stamp()
                self.setting = settings_digest(ctx, chosen)
            except CodecError:  # a setting the codec cannot digest: lint without the cache
                self.cached = False

    def keys(self, digest: bytes) -> tuple[bytes, bytes]:
        """The file's (lint, parse) keys."""
        lint = hashlib.sha256(b"lint\0" + self.stamp + self.setting + digest).digest()
        return lint, parse_key(self.stamp, digest)

    def lint_one(
        self,
        path: Path,
        label: str,
        data: bytes,
        digest: bytes,
        stored: dict[bytes, bytes],
        store: Sink | None,
    ) -> list[Diagnostic]:
        """Lint one file from ``stored`` entries if they answer, else afresh into ``store``."""
        lint_key, parse_key_ = self.keys(digest)
        parsed = stored.get(parse_key_)
        if lint_key in stored:
            found = self._from_entries(path, label, data, stored[lint_key], parsed)
            if found is not None:
                return found
        interview = None
        if parsed is not None:
            with contextlib.suppress(CodecError):
                interview = load_record(Interview, parsed, path=path)
        if interview is None:
            from infoview import parse

            interview = parse.parse_bytes(data, path)
            if store is not None:
                add_interview(store, parse_key_, interview)
        stable = check(interview, self.ctx, self.chosen, label, part="stable")
        day = check(interview, self.ctx, self.chosen, label, part="day")
        if store is not None:
            names, rows = _stored_row()
            values = [[getattr(d, name) for name in names] for d in stable]
            store.add(lint_key, _dump(encoder(rows)(values)))
        return _merge(stable, day)

    def _from_entries(
        self, path: Path, label: str, data: bytes, blob: bytes, parsed: bytes | None
    ) -> list[Diagnostic] | None:
        """The file's diagnostics from its entries, or None when they cannot be used."""
        try:
            stable = self._diagnostics(blob, label, data)
            if not self.day_rules:
                return stable
            if parsed is None:
                return None
            interview = lazy_record(Interview, parsed, path=path)
            day = check(interview, self.ctx, self.chosen, label, part="day", errors="raise")
        except Exception:  # a bad entry, or a rule tripping over one: lint afresh
            return None
        if damaged(interview):
            return None
        return _merge(stable, day)

    def _diagnostics(self, blob: bytes, label: str, data: bytes) -> list[Diagnostic]:
        """Stored diagnostics, each checked: a known, selected, day-independent rule, its
        own slug, a severity, and a position inside the file."""
        rows = _stored_row()[1]
        lines = max(data.count(b"\n"), data.count(b"\r")) + 1
        out = []
        for row in decoder(rows)(loads(blob)):
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


@functools.cache
def _stored_row() -> tuple[tuple[str, ...], Any]:
    """A stored diagnostic is the list of its fields but the path (the target's, put back
    on the way out); the fields and their types are Diagnostic's own."""
    fields = field_types(Diagnostic)[1:]
    row: Any = tuple.__class_getitem__(tuple(hint for _, hint in fields))
    return tuple(name for name, _ in fields), list[row]


def _merge(stable: list[Diagnostic], day: list[Diagnostic]) -> list[Diagnostic]:
    """One file's two parts in ``check``'s order (a code is in one part only, so the
    stable sort keeps each code's own order)."""
    return sorted(stable + day, key=lambda d: (d.line, d.column, d.code))


def add_interview(store: Sink, key: bytes, interview: Interview) -> None:
    # A value the codec cannot store exactly is not cached: it is parsed again next time.
    with contextlib.suppress(CodecError):
        store.add(key, dump_record(interview))


def load_interview(blob: bytes | None, path: Path) -> Interview | None:
    """A stored Interview, fully decoded and checked, or None."""
    if blob is None:
        return None
    try:
        return load_record(Interview, blob, path=path)
    except CodecError:
        return None


def _dump(data: object) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode("ascii")
