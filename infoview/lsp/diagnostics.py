"""Lint a buffer's current text, in-process, and turn the results into protocol diagnostics.

The same ``parse_text`` and ``lint.check`` as ``infoview lint``, so the list is the one
``infoview lint --format json`` gives for that text, code for code and line for line; the
start line is lint's line minus one. Each diagnostic has ``source`` "infoview", the rule
code, a ``codeDescription`` linking the rule's documentation, and severity error 1,
warning 2, info 3.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from lsprotocol import types

from infoview import lint
from infoview.lint.diagnostic import Diagnostic
from infoview.lsp.documents import Space
from infoview.lsp.positions import Lines
from infoview.model import Interview, Span
from infoview.parse import parse_text
from infoview.workspace import MAX_INTERVIEW_BYTES

SOURCE = "infoview"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def parse_buffer(text: str, path: Path) -> Interview | str:
    """The buffer parsed, or why it cannot be (too large to be an interview)."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_INTERVIEW_BYTES:
        # The same words lint uses for such a file on disk.
        return f"is {size // 1024 // 1024} MB; an interview file should be far smaller"
    return parse_text(text, path)


def lint_interview(
    interview: Interview | str, path: Path, space: Space, now: dt.datetime
) -> list[Diagnostic]:
    """Lint one parsed interview (or report why it could not be read) as lint does."""
    label = space.label(path)
    if isinstance(interview, str):
        return [Diagnostic(label, 1, 1, "IV001", "invalid-front-matter", "error", interview)]
    settings = space.settings
    return lint.check(interview, space.context(now), settings.chosen, label)


@lru_cache(maxsize=64)
def rule_href(code: str) -> str:
    """Where the rule's documentation is: its module, whose docstring ``infoview rules``
    prints (nothing is fetched from the network)."""
    import importlib

    from infoview.lint.registry import RULE_MODULES

    for name in RULE_MODULES:
        if name.startswith(code.lower() + "_"):
            module = importlib.import_module(f"infoview.lint.rules.{name}")
            return Path(module.__file__ or "").resolve().as_uri()
    return "https://example.invalid/infoview/rules"  # pragma: no cover - every code has one


def to_protocol(found: list[Diagnostic], lines: Lines) -> list[types.Diagnostic]:
    """Protocol diagnostics for ``found``, with ranges in the client's code units."""
    out = []
    for d in found:
        span = Span(d.line, d.column, d.end_line, d.end_column)
        out.append(
            types.Diagnostic(
                range=lines.range(span),
                message=d.message,
                severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
                code=d.code,
                code_description=types.CodeDescription(href=rule_href(d.code)),
                source=SOURCE,
                data={"slug": d.slug, "line": d.line, "column": d.column},
            )
        )
    return out


def result_id(items: list[types.Diagnostic]) -> str:
    """A stable id of a diagnostic list, for pull requests' "unchanged" answers."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(
            json.dumps(
                [
                    item.range.start.line,
                    item.range.start.character,
                    item.range.end.line,
                    item.range.end.character,
                    item.code,
                    item.severity,
                    item.message,
                ]
            ).encode()
        )
    return digest.hexdigest()[:16]
