"""Lint: the guide's checklist as rules over a parsed Interview.

``check(interview, ctx, selection)`` is pure: values in, diagnostics out, no files and no
clock. ``runner.py`` wraps it with files, the cache (``cache.py``) and both cores:
``runner.lint_text`` for one text in memory (the language server, tests),
``runner.lint_files`` for files (``lint``, ``watch``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from infoview.config import Config
from infoview.errors import ConfigError
from infoview.lint.context import Context, moment, without_day
from infoview.lint.diagnostic import Diagnostic
from infoview.lint.registry import RULES, Rule, lookup, suggest
from infoview.model import Interview, Span


@dataclass(frozen=True)
class Selection:
    """Which rules run and at what severity, resolved once from ``[lint]``."""

    enabled: tuple[str, ...]
    severity: dict[str, str]


def _resolve(names: tuple[str, ...], key: str, config: Config) -> set[str]:
    codes = set()
    for name in names:
        rule = lookup(name)
        if rule is None:
            raise ConfigError(
                f"'{key}': unknown rule '{name}'; {suggest(name)}"
                "see 'infoview rules' for the codes and slugs",
                path=config.path,
                line=_line_naming(config, name),
            )
        codes.add(rule.code)
    return codes


def _line_naming(config: Config, name: str) -> int | None:
    """The infoview.toml line that names ``name`` (TOML keeps no positions)."""
    if config.path is None:
        return None
    try:
        lines = config.path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, 1):
        code = line.split("#", 1)[0]
        if f'"{name}"' in code or f"'{name}'" in code or code.strip().startswith(f"{name} "):
            return number
    return None


def selection(config: Config) -> Selection:
    """Resolve select/ignore/severity (codes or slugs); unknown names are config errors."""
    lint = config.lint
    chosen = _resolve(lint.select, "lint.select", config) or set(RULES)
    chosen -= _resolve(lint.ignore, "lint.ignore", config)
    severity = {}
    for name, level in lint.severity.items():
        (code,) = _resolve((name,), f"lint.severity.{name}", config)
        severity[code] = level
    enabled = tuple(code for code in RULES if code in chosen and severity.get(code) != "off")
    return Selection(enabled, severity)


def _patterns(sources: tuple[str, ...], key: str, config: Config) -> tuple[re.Pattern[str], ...]:
    from infoview.regex_safety import pattern_problem

    out = []
    for source in sources:
        if problem := pattern_problem(source):  # a configured pattern must not hang lint
            raise ConfigError(f"'{key}': pattern {source!r}: {problem}", path=config.path)
        try:
            out.append(re.compile(source, re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(
                f"'{key}': pattern {source!r} is not a valid regular expression ({exc})",
                path=config.path,
            ) from exc
    return tuple(out)


def context(config: Config, today: dt.date | None) -> Context:
    """The rules' context: config, the moment of the check, and compiled extra patterns."""
    return Context(
        config=config,
        now=moment(today, config.tz),
        answerable_online=_patterns(
            config.lint.answerable_online, "lint.answerable_online", config
        ),
        job_seeking=_patterns(config.lint.job_seeking, "lint.job_seeking", config),
    )


PARTS = ("all", "stable", "day")


def check(
    interview: Interview,
    ctx: Context,
    chosen: Selection,
    path: str,
    *,
    part: str = "all",
    errors: str = "report",
) -> list[Diagnostic]:
    """Run the selected rules on one interview, honouring per-file and inline disables.

    ``part="stable"`` gives only what cannot change from one day to the next (the rules
    declaring ``DEPENDS_ON_DAY = False``, and unknown codes in disables): what the lint
    cache stores. ``part="day"`` gives the rest. ``sorted(stable + day)`` is ``"all"``.
    Day-independent rules run with a context whose moment raises when read.
    A rule that raises is reported as an internal error in that rule, or with
    ``errors="raise"`` (the cache, checking a stored Interview) the exception propagates.
    """
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    out: list[Diagnostic] = []
    stable = part != "day"
    file_ignored: set[str] = set()
    for index, name in enumerate(interview.lint_ignore):
        rule = lookup(name)
        if rule is None:
            if stable and "IV002" in chosen.enabled:
                span = interview.span(f"lint.ignore[{index}]")
                out.append(_unknown(chosen, path, span, "'lint.ignore'", name))
            continue
        file_ignored.add(rule.code)
    if stable and "IV002" in chosen.enabled:
        for line, names in interview.disabled.items():
            for name in names:
                if lookup(name) is None:
                    out.append(_unknown(chosen, path, Span(line - 1), "'infoview-disable'", name))
    dayless = _without_day(ctx)
    for code in chosen.enabled:
        if code in file_ignored:
            continue
        rule = RULES[code]
        day = rule.depends_on_day
        if (day and part == "stable") or (not day and part == "day"):
            continue
        out.extend(_run(rule, interview, ctx if day else dayless, chosen, path, errors))
    return sorted(out, key=lambda d: (d.line, d.column, d.code))


def _unknown(chosen: Selection, path: str, span: Span, where: str, name: str) -> Diagnostic:
    return Diagnostic(
        path,
        span.line,
        span.column,
        "IV002",
        "schema",
        chosen.severity.get("IV002", "warning"),
        f"{where} names unknown rule '{name}'; {suggest(name)}see 'infoview rules'",
        span.end_line,
        span.end_column,
    )


def _run(
    rule: Rule, interview: Interview, ctx: Context, chosen: Selection, path: str, errors: str
) -> list[Diagnostic]:
    try:
        findings = list(rule.check(interview, ctx))
    except Exception as exc:  # a rule bug must not hide the other diagnostics
        if errors == "raise":
            raise
        return [
            Diagnostic(
                path,
                1,
                1,
                rule.code,
                rule.slug,
                "error",
                f"internal error in rule {rule.code} ({type(exc).__name__}: {exc}); "
                "please report it",
            )
        ]
    out = []
    for finding in findings:
        disabled = interview.disabled.get(finding.span.line, ())
        if any(lookup(name) is rule for name in disabled):
            continue
        level = chosen.severity.get(rule.code) or finding.severity or rule.severity
        out.append(
            Diagnostic(
                path,
                finding.span.line,
                finding.span.column,
                rule.code,
                rule.slug,
                level,
                finding.message,
                finding.span.end_line,
                finding.span.end_column,
            )
        )
    return out


_last_dayless: tuple[Context, Context] | None = None


def _without_day(ctx: Context) -> Context:
    """``without_day(ctx)``, built once per context rather than once per file."""
    global _last_dayless
    if _last_dayless is None or _last_dayless[0] is not ctx:
        _last_dayless = (ctx, without_day(ctx))
    return _last_dayless[1]
