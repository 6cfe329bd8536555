"""Diagnostics -> text, json, github or sarif output."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from urllib.parse import quote

from infoview import __version__
from infoview.escape import dumps, printable
from infoview.lint.diagnostic import Diagnostic
from infoview.lint.registry import RULES

FORMATS = ("text", "json", "github", "sarif")
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    counts = Counter(d.severity for d in diagnostics)
    if not diagnostics:
        return f"{files} file{'s' if files != 1 else ''} checked: no problems"
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in ("error", "warning", "info")
        if counts[level]
    ]
    return f"{files} file{'s' if files != 1 else ''} checked: {', '.join(parts)}"


def text(diagnostics: Sequence[Diagnostic], files: int, *, colour: bool) -> str:
    """``path:line:col: CODE [severity] message`` lines (the quickfix form), then a summary.

    A quickfix entry is one line: a line break in a message (one may quote a YAML value
    that holds one) shows as ``\\n``, and every other control character is escaped too.
    """
    import click

    lines = []
    for d in diagnostics:
        where = f"{printable(d.path)}:{d.line}:{d.column}:"
        level = f"[{d.severity}]"
        if colour:
            where = click.style(where, bold=True)
            level = click.style(level, fg=_COLOURS.get(d.severity))
        lines.append(f"{where} {d.code} {level} {printable(d.message)}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines)


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A list of objects; a file name that is not UTF-8 is shown with ``\\xff`` escapes."""
    return dumps([{**d.as_dict(), "path": printable(d.path)} for d in diagnostics])


def _escape_data(value: str) -> str:
    # Line breaks stay (as %0A, the annotation's own line breaks); other controls are escaped.
    text = printable(value, newlines=True)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one ``::error file=...`` line per diagnostic."""
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    return "\n".join(
        f"::{kinds[d.severity]} file={_escape_property(d.path)},line={d.line},col={d.column},"
        f"title={_escape_property(d.code + ' ' + d.slug)}::{_escape_data(d.message)}"
        for d in diagnostics
    )


def sarif(diagnostics: Sequence[Diagnostic]) -> str:
    """SARIF 2.1.0 with every rule's metadata, for code-scanning UIs."""
    levels = {"error": "error", "warning": "warning", "info": "note"}
    rules = [
        {
            "id": rule.code,
            "name": rule.slug,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "defaultConfiguration": {"level": levels[rule.severity]},
            "help": {"text": rule.doc},
        }
        for rule in RULES.values()
    ]
    index = {code: i for i, code in enumerate(RULES)}
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": levels[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        # A URI reference: '%', spaces, ':' and bytes that are not UTF-8
                        # in a file name are percent-escaped.
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": {"startLine": d.line, "startColumn": d.column},
                    }
                }
            ],
        }
        for d in diagnostics
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "infoview",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return dumps(document)


def _uri(path: str) -> str:
    """A relative URI reference for ``path``, from its bytes (surrogate-escaped ones too)."""
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"))
