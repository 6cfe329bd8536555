"""``infoview.toml`` -> a frozen Config, validated strictly with messages that say what to do.

An unknown key or a value of the wrong type is an error naming the file, the key (with its
line where it can be found) and the valid choices, so a typo never silently falls back to a
default.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from infoview.errors import ConfigError

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
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = str(exc).partition("(at line")[0].rstrip()
        line, col = (int(match.group(1)), int(match.group(2))) if match else (None, None)
        raise ConfigError(f"invalid TOML: {reason}", path=path, line=line, column=col) from exc
    return _Validator(text, path).config(data)


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
                raise self.fail(section, key, f"must be {kind} in quotes, not {value!r}")
            if choices and value not in choices:
                raise self.fail(section, key, f"is '{value}'; use one of: {', '.join(choices)}")
            return value
        if kind == _INT:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise self.fail(section, key, f"must be {kind} (0 or more), not {value!r}")
            return value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(section, key, f'must be {kind}, e.g. ["IV104"], not {value!r}')
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
        """Each of ``[lint] organisation_words`` is one word: "parish", not "our parish"."""
        if not isinstance(words, list):
            return  # absent, or the wrong type: table() says so
        for word in words:
            if isinstance(word, str) and not _ONE_WORD.fullmatch(word):
                raise self.fail(
                    "lint",
                    "organisation_words",
                    f'{word!r} is not one word; list nouns such as "parish" or "ward" '
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
