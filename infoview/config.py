"""``infoview.toml`` -> a frozen Config, validated strictly with messages that say what to do.

An unknown key or a value of the wrong type is an error naming the file, the key (with its
line where it can be found) and the valid choices, so a typo never silently falls back to a
default.
"""

from __future__ import annotations

import difflib
import re
import reprlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from infoview.addresses import address_problem
from infoview.errors import ConfigError
from infoview.limits import DAY_COUNTS, MAX_TOML_DEPTH

CONFIG_NAME = "infoview.toml"
PAPERS = ("letter", "a4")
CHANNELS = ("card", "email")
SEVERITIES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Profile:
    name: str = ""
    email: str = ""
    phone: str = ""
    program: str = ""
    intro: str = ""


@dataclass(frozen=True)
class LintConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    thank_you_days: int = 2
    keep_in_touch_days: int = 90
    severity: dict[str, str] = field(default_factory=dict)
    answerable_online: tuple[str, ...] = ()
    job_seeking: tuple[str, ...] = ()
    organisation_words: tuple[str, ...] = ()  # the workspace's own nouns for IV303


@dataclass(frozen=True)
class PacketConfig:
    paper: str = "letter"
    stylesheet: str = "styles/packet.css"


@dataclass(frozen=True)
class ThanksConfig:
    signature: str = ""
    informal: str = "card"
    formal: str = "email"
    stylesheet: str = "styles/card.css"

    def pairing(self) -> dict[str, str]:
        return {"informal": self.informal, "formal": self.formal}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    timezone: str = "UTC"
    profile: Profile = field(default_factory=Profile)
    lint: LintConfig = field(default_factory=LintConfig)
    packet: PacketConfig = field(default_factory=PacketConfig)
    thanks: ThanksConfig = field(default_factory=ThanksConfig)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


# The schema: section -> key -> (type, choices or None). One table drives validation,
# the error messages and the defaults.
_STR, _INT, _STRS = "text", "a whole number", "a list of text"
_SCHEMA: dict[str, dict[str, tuple[str, tuple[str, ...] | None]]] = {
    "": {"timezone": (_STR, None)},
    "profile": {k: (_STR, None) for k in ("name", "email", "phone", "program", "intro")},
    "lint": {
        "select": (_STRS, None),
        "ignore": (_STRS, None),
        "thank_you_days": (_INT, None),
        "keep_in_touch_days": (_INT, None),
        "answerable_online": (_STRS, None),
        "job_seeking": (_STRS, None),
        "organisation_words": (_STRS, None),
    },
    "lint.severity": {},  # rule code -> severity; checked against the registry by lint
    "packet": {"paper": (_STR, PAPERS), "stylesheet": (_STR, None)},
    "thanks": {
        "signature": (_STR, None),
        "informal": (_STR, CHANNELS),
        "formal": (_STR, CHANNELS),
        "stylesheet": (_STR, None),
    },
}
_SECTIONS = ("profile", "lint", "packet", "thanks")
_ONE_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _no_problem(value: str) -> str | None:
    return None


def _email_problem(value: str) -> str | None:
    problem = address_problem(value) if value else None
    return f"{problem}; write one address like name@example.com" if problem else None


def stylesheet_problem(value: str) -> str | None:
    """Why ``value`` cannot name a stylesheet inside the workspace, or None.

    Checked here, at its line, and again when the file is read (a link may lead out).
    """
    if not value:
        return "give a .css file inside the workspace, e.g. styles/packet.css"
    if any(not c.isprintable() for c in value) or "\\" in value:
        return "write a plain relative path with '/' between folders"
    path = PurePosixPath(value)
    if path.is_absolute() or PureWindowsPath(value).drive or ".." in path.parts:
        return "give a .css file inside the workspace, relative to infoview.toml (no '..')"
    if path.suffix.lower() != ".css":
        return "a stylesheet is a .css file"
    return None


_CHECKS = {
    "profile.email": _email_problem,
    "packet.stylesheet": stylesheet_problem,
    "thanks.stylesheet": stylesheet_problem,
}


def _short(value: Any) -> str:
    """A bounded repr for messages (a 5000-deep or 10 MB value stays a few words)."""
    return reprlib.repr(value)


def find_config(start: Path) -> Path | None:
    """Walk up from ``start`` to the first directory holding ``infoview.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate ``path``; raise ConfigError naming the key and what is allowed."""
    from infoview.fs import FileError, read_regular

    try:  # a regular file beside its workspace (a FIFO or a link out is refused), capped
        text = read_regular(path, root=path.parent.resolve(), max_bytes=1024 * 1024).decode(
            "utf-8-sig"
        )
    except FileError as exc:
        raise ConfigError(f"cannot read the config: {exc.message}", path=path) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read the config: {exc}", path=path) from exc
    return parse_config(text, path)


def parse_config(text: str, path: Path | None = None) -> Config:
    """Validate TOML text as infoview.toml."""
    deep = _too_deep(text)
    if deep is not None:
        raise ConfigError(
            f"arrays or inline tables are nested more than {MAX_TOML_DEPTH} levels deep; "
            "flatten them (infoview's settings need two)",
            path=path,
            line=deep[0],
            column=deep[1],
        )
    try:
        data = tomllib.loads(text)
    except RecursionError as exc:  # a shape the scan above does not see
        raise ConfigError(
            f"nested more than {MAX_TOML_DEPTH} levels deep; flatten it", path=path
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = str(exc).partition("(at line")[0].rstrip()
        line, col = (int(match.group(1)), int(match.group(2))) if match else (None, None)
        raise ConfigError(f"invalid TOML: {reason}", path=path, line=line, column=col) from exc
    if _depth(data) > MAX_TOML_DEPTH:  # dotted keys and [a.b.c...] headers nest tables too
        dotted = (
            number
            for number, line in enumerate(text.splitlines(), 1)
            if line.split("=", 1)[0].count(".") >= MAX_TOML_DEPTH - 1
        )
        raise ConfigError(
            f"tables are nested more than {MAX_TOML_DEPTH} levels deep (a.b.c... keys or "
            "headers); infoview's settings need two",
            path=path,
            line=next(dotted, None),
        )
    return _Validator(text, path).config(data)


def _too_deep(text: str) -> tuple[int, int] | None:
    """The (line, column) where arrays or inline tables nest past MAX_TOML_DEPTH, or None.

    tomllib parses them recursively, so a few thousand '[' raise RecursionError; this scan
    (linear, outside strings and comments) stops such a file first, at its line.
    """
    depth, line, start, index, size = 0, 1, 0, 0, len(text)
    while index < size:
        char = text[index]
        if char == "\n":
            line, start = line + 1, index + 1
        elif char == "#":
            end = text.find("\n", index)
            index = size if end == -1 else end
            continue
        elif char in "\"'":
            quote = text[index : index + 3] if text[index : index + 3] == char * 3 else char
            end = _string_end(text, index + len(quote), quote)
            line += text.count("\n", index, end)
            if "\n" in text[index:end]:
                start = text.rfind("\n", index, end) + 1
            index = end
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_TOML_DEPTH:
                return line, index - start + 1
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def _string_end(text: str, index: int, quote: str) -> int:
    """The index just after the string that opened with ``quote`` before ``index``."""
    escapes = quote[0] == '"'
    while index < len(text):
        if escapes and text[index] == "\\":
            index += 2
            continue
        if text.startswith(quote, index):
            return index + len(quote)
        if len(quote) == 1 and text[index] == "\n":  # an unclosed one-line string
            return index
        index += 1
    return len(text)


def _depth(data: Any) -> int:
    """How deeply tables and arrays nest in parsed TOML (without recursing)."""
    deepest, todo = 0, [(data, 1)]
    while todo:
        value, level = todo.pop()
        deepest = max(deepest, level)
        if deepest > MAX_TOML_DEPTH:
            return deepest
        children = value.values() if isinstance(value, dict) else value
        todo += [(c, level + 1) for c in children if isinstance(c, (dict, list))]
    return deepest


class _Validator:
    def __init__(self, text: str, path: Path | None) -> None:
        self.lines = text.splitlines()
        self.path = path

    def line_of(self, section: str, key: str) -> int | None:
        """Find the line of ``key`` in ``[section]`` (TOML keeps no positions)."""
        current = ""
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        # [table] or [[array]]; the name is stripped afterwards, since "\s*([^\]]+?)\s*\]"
        # is quadratic on a long run of spaces with no "]".
        header = re.compile(r"^\s*\[\[?([^\]]+)\]")
        for number, line in enumerate(self.lines, 1):
            if match := header.match(line):
                current = match.group(1).strip()
                if current == (f"{section}.{key}" if section and key else section or key):
                    return number  # the section itself, or a [section.key] sub-table
            elif current == section and key and pattern.match(line):
                return number
        return None

    def fail(self, section: str, key: str, message: str) -> ConfigError:
        dotted = f"{section}.{key}" if section else key
        return ConfigError(
            f"'{dotted}': {message}", path=self.path, line=self.line_of(section, key)
        )

    def table(self, data: dict[str, Any], section: str) -> dict[str, Any]:
        allowed = _SCHEMA[section]
        out: dict[str, Any] = {}
        for key, value in data.items():
            if section == "" and key in _SECTIONS:
                continue
            if section == "lint" and key == "severity":
                continue
            if key not in allowed:
                known = list(allowed) + ([f"[{s}]" for s in _SECTIONS] if section == "" else [])
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise self.fail(section, key, f"unknown key; {hint}valid keys: {', '.join(known)}")
            kind, choices = allowed[key]
            out[key] = self.value(section, key, value, kind, choices)
        return out

    def value(
        self, section: str, key: str, value: Any, kind: str, choices: tuple[str, ...] | None
    ) -> Any:
        if kind == _STR:
            if not isinstance(value, str):
                raise self.fail(section, key, f"must be {kind} in quotes, not {_short(value)}")
            if choices and value not in choices:
                raise self.fail(section, key, f"is '{value}'; use one of: {', '.join(choices)}")
            problem = _CHECKS.get(f"{section}.{key}", _no_problem)(value)
            if problem:
                raise self.fail(section, key, f"is {value!r}: {problem}")
            return value
        if kind == _INT:
            least, most = DAY_COUNTS.get(key, (0, None))
            number = isinstance(value, int) and not isinstance(value, bool)
            if not number or value < least or (most is not None and value > most):
                bounds = f"{least} to {most}" if most is not None else f"{least} or more"
                raise self.fail(section, key, f"must be {kind} ({bounds}), not {_short(value)}")
            return value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(section, key, f'must be {kind}, e.g. ["IV104"], not {_short(value)}')
        return tuple(value)

    def section(self, data: dict[str, Any], name: str, parent: str = "") -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            dotted = f"{parent}.{name}" if parent else name
            raise ConfigError(
                f"'{dotted}' must be a table: write it as a [{dotted}] section",
                path=self.path,
                line=self.line_of(parent, name),
            )
        return value

    def organisation_words(self, words: Any) -> None:
        """Each of ``[lint] organisation_words`` is one word: "abbey", not "our abbey"."""
        if not isinstance(words, list):
            return  # absent, or the wrong type: table() says so
        for word in words:
            if isinstance(word, str) and not _ONE_WORD.fullmatch(word):
                raise self.fail(
                    "lint",
                    "organisation_words",
                    f'{word!r} is not one word; list nouns such as "abbey" or "kibbutz" '
                    "(letters, digits, hyphens and apostrophes)",
                )

    def config(self, data: dict[str, Any]) -> Config:
        top = self.table(data, "")
        timezone = top.get("timezone", "UTC")
        try:
            ZoneInfo(timezone)
        # OSError: with the tzdata package installed, a folder name ('America') raises
        # IsADirectoryError on Python 3.11 instead of ZoneInfoNotFoundError.
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
            raise self.fail(
                "", "timezone", f"'{timezone}' is not an IANA time zone; use e.g. 'Europe/London'"
            ) from exc
        lint_raw = self.section(data, "lint")
        self.organisation_words(lint_raw.get("organisation_words"))
        severity = self.section(lint_raw, "severity", "lint") if "severity" in lint_raw else {}
        for code, level in severity.items():
            if level not in SEVERITIES:
                raise self.fail(
                    "lint.severity", code, f"is {level!r}; use one of: {', '.join(SEVERITIES)}"
                )
        return Config(
            path=self.path,
            timezone=timezone,
            profile=Profile(**self.table(self.section(data, "profile"), "profile")),
            lint=LintConfig(**self.table(lint_raw, "lint"), severity=dict(severity)),
            packet=PacketConfig(**self.table(self.section(data, "packet"), "packet")),
            thanks=ThanksConfig(**self.table(self.section(data, "thanks"), "thanks")),
        )
