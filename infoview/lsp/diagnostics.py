"""Turn a buffer's lint results (:mod:`infoview.lsp.checking`) into protocol diagnostics.

The same ``parse_text`` and ``lint.check`` as ``infoview lint``, so the list is the one
``infoview lint --format json`` gives for that text, code for code and line for line; the
start line is lint's line minus one. Each diagnostic has ``source`` "infoview", the rule
code, a ``codeDescription`` linking the rule's documentation, and severity error 1,
warning 2, info 3.
"""

from __future__ import annotations

import hashlib
import json

from lsprotocol import types

from infoview.lint.diagnostic import Diagnostic
from infoview.lsp.positions import Lines
from infoview.lsp.wire import SOURCE, rule_href
from infoview.model import Span

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


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
