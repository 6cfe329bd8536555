"""Diagnostics -> text, json, github or sarif output."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from urllib.parse import quote

from infoview import __version__
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


def _one_line(value: str) -> str:
    """Show line breaks as ``\\n``: a quickfix entry is one line, and a message may quote a
    YAML key that holds one."""
    return value.replace("\r", "\\r").replace("\n", "\\n")


def text(diagnostics: Sequence[Diagnostic], files: int, *, colour: bool) -> str:
    """``path:line:col: CODE [severity] message`` lines (the quickfix form), then a summary."""
    import click

    lines = []
    for d in diagnostics:
        where = f"{_one_line(d.path)}:{d.line}:{d.column}:"
        level = f"[{d.severity}]"
        if colour:
            where = click.style(where, bold=True)
            level = click.style(level, fg=_COLOURS.get(d.severity))
        lines.append(f"{where} {d.code} {level} {_one_line(d.message)}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines)


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
                        # A URI reference: '%', spaces, ':' in a file name are escaped.
                        "artifactLocation": {"uri": quote(d.path.replace("\\", "/"))},
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
    return json.dumps(document, indent=2, ensure_ascii=False)
