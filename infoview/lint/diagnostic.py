"""A lint finding, as reported: where, which rule, how serious, and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field

from infoview.model import Span


@dataclass(frozen=True)
class Finding:
    """What a rule's ``check`` yields: a position and a message naming the fix."""

    span: Span
    message: str
    severity: str | None = None  # only IV002 varies its own severity (unknown key: warning)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One reported problem; the JSON format is exactly the first seven fields.

    ``end_line``/``end_column`` say where the key, heading or list item ends (0 when
    unknown), for editors' ranges; they are not part of the JSON format, nor of equality.
    """

    path: str
    line: int
    column: int
    code: str
    slug: str
    severity: str
    message: str
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)

    def as_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity,
            "message": self.message,
        }
