"""``infoview schema``: a JSON Schema (draft 2020-12) of the front matter, for CI and tools.

Generated from ``keys.py`` (the keys ``schema.py`` reads), never written by hand: a key
added to the schema appears here. A front matter is valid under it exactly when
``infoview lint`` reports no IV002 for it -- an unknown key, a wrong type or an unknown
value all fail -- with two limits a JSON Schema cannot express: a calendar-impossible
29 February and the range of a duration written with units ("25 hours") pass here, and
``infoview lint`` still reports them. Dates are strings (tools such as check-jsonschema
turn YAML dates into ISO strings), and text keys also take numbers and booleans, since
YAML reads ``phone: 5035550142`` or ``name: NO`` as those and infoview keeps the text.
"""

from __future__ import annotations

import json
from typing import Any

from infoview import __version__
from infoview.keys import CHILDREN, SYNONYMS, Key, key

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_SCALAR = ["string", "number", "boolean", "null"]
_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))"
)
_DATE = rf"\d{{4}}-{_DAY}"
_TIME = r"(?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?"
_OFFSET = r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
_UNITS = ("m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours")


def any_case(word: str) -> str:
    """A regular expression for ``word`` in any case (JSON Schema has no ``(?i)`` flag)."""
    out = []
    for char in word:
        if char.isalpha() and char.lower() != char.upper():
            out.append(f"[{char.lower()}{char.upper()}]")
        else:
            out.append("\\" + char if char in r".^$*+?()[]{}|\-/" else char)
    return "".join(out)


def _words(words: tuple[str, ...] | list[str], *, blank: bool = False) -> dict[str, Any]:
    """A string naming one of ``words`` (any case, surrounding spaces allowed)."""
    either = "|".join(any_case(w) for w in words)
    pattern = rf"^\s*(?:{either})\s*$"
    if blank:
        pattern = rf"^\s*$|{pattern}"
    return {"type": "string", "pattern": pattern}


def _rule_names() -> list[str]:
    from infoview.lint.registry import RULES

    return [name for rule in RULES.values() for name in (rule.code, rule.slug)]


def _value(found: Key) -> dict[str, Any]:
    """The schema of one key's value."""
    kind = found.kind
    if kind == "mapping":
        return _mapping(found.path)
    if kind == "choice":
        words = [*found.choices, *SYNONYMS.get(found.path, ())]
        return {"anyOf": [{"type": "null"}, _words(words, blank=True)]}
    if kind == "boolean":
        yes_no = ("true", "false", "yes", "no", "y", "n", "on", "off")
        return {"anyOf": [{"type": ["boolean", "null"]}, _words(yes_no)]}
    if kind in ("date", "datetime"):
        # Either form reads as a date: the reader keeps the day of a date-time.
        stamp = rf"^\s*{_DATE}(?:[T ]{_TIME}{_OFFSET})?\s*$"
        return {"anyOf": [{"type": "null"}, {"type": "string", "pattern": stamp}]}
    if kind == "duration":
        units = "|".join(any_case(u) for u in _UNITS)
        return {
            "anyOf": [
                {"type": "null"},
                # Rounded to whole minutes, which must be 1 to 24 hours.
                {"type": "number", "exclusiveMinimum": 0.5, "maximum": 1440.5},
                {"type": "string", "pattern": rf"^\s*\d+(?:\.\d+)?\s*(?:{units})?\s*$"},
            ]
        }
    if kind == "texts":
        return {"anyOf": [{"type": _SCALAR}, {"type": "array", "items": {"type": _SCALAR}}]}
    if kind == "rules":
        item = {"anyOf": [{"type": "null"}, _words(_rule_names(), blank=True)]}
        return {"anyOf": [item, {"type": "array", "items": item}]}
    if kind == "entries":
        entry = _mapping(f"{found.path}[]")
        if found.path == "referrals":  # a referral names someone
            named = [{"type": ["number", "boolean"]}, {"type": "string", "pattern": r"\S"}]
            entry["required"] = ["name"]
            entry["properties"]["name"]["anyOf"] = named
            entry["type"] = "object"
        items = {"anyOf": [{"type": _SCALAR}, entry]}
        return {"anyOf": [{"type": "null"}, {"type": "array", "items": items}]}
    return {"type": _SCALAR}


def _mapping(path: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for name in CHILDREN.get(path, ()):
        child = key(f"{path}.{name}" if path else name)
        assert child is not None
        properties[name] = {"description": child.doc, **_value(child)}
    return {"type": ["object", "null"], "properties": properties, "additionalProperties": False}


def front_matter_schema() -> dict[str, Any]:
    """The JSON Schema of an interview's front matter."""
    root = _mapping("")
    return {
        "$schema": DRAFT,
        "$id": f"urn:infoview:front-matter:{__version__}",
        "title": "infoview interview front matter",
        "description": (
            "The YAML front matter of an informational interview file (interviews/*.md). "
            "Valid exactly when 'infoview lint' reports no IV002; the other rules "
            "(e.g. IV003, a missing interviewer.name) are lint's."
        ),
        **root,
    }


def schema_text() -> str:
    return json.dumps(front_matter_schema(), indent=2, ensure_ascii=False) + "\n"
