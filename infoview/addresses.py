"""Email addresses and one-line header text: the one check for everything that goes into mail.

An address is written into a draft's ``To:`` and ``From:`` and into a ``mailto:`` link, so
IV002 (``interviewer.email``), ``infoview.toml`` (``[profile] email``) and ``thanks`` all ask
``address_problem``. It accepts one plain addr-spec as ``email.headerregistry`` parses it
(RFC 5322 dot-atom local part, a domain name) and refuses, with the reason:

- whitespace and control characters anywhere (a tab, a NUL, U+2028...): Python's parser
  reads ``dana\\t@example.com`` as ``dana@example.com`` and drops what it skips;
- names, angle brackets, quotes, comments and lists (``Dana <d@x.com>``, ``a@x.com, b@y.com``);
- address literals (``dana@[127.0.0.1]``) and domains without a dot (``dana@localhost``);
- an empty local part or domain, ``..`` and leading or trailing dots, a local part that is
  not ASCII (a draft cannot carry one), labels over 63 characters, addresses over 254.

A domain in another script is kept, and written in its ASCII (IDNA) form.
"""

from __future__ import annotations

import string
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: lint checks addresses without the email package
    from email.headerregistry import Address

MAX_LENGTH = 254  # RFC 5321's path limit, less the angle brackets
MAX_LOCAL = 64
_ATEXT = frozenset(string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-")
_LABEL = frozenset(string.ascii_letters + string.digits + "-")
_SPECIALS = {
    "<": "it has a name or angle brackets around the address",
    ">": "it has a name or angle brackets around the address",
    ",": "it holds more than one address",
    ";": "it holds more than one address",
    "[": "an address literal such as [127.0.0.1] is not accepted",
    "]": "an address literal such as [127.0.0.1] is not accepted",
    '"': "quoted addresses are not accepted",
    "(": "comments in an address are not accepted",
    ")": "comments in an address are not accepted",
    "\\": "it has a backslash",
    ":": "it has a ':' (a group or route is not an address)",
}
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def describe_char(char: str) -> str:
    """'a tab', 'a line break (U+2028)', 'a control character (U+001B)'..."""
    code = f"U+{ord(char):04X}"
    if char == "\t":
        return "a tab"
    if char in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029":
        return f"a line break ({code})"
    if char.isspace():
        return f"a space ({code})" if char != " " else "a space"
    if char in _BIDI:
        return f"a text-direction control ({code})"
    return f"a control character ({code})"


def _unsafe(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] == "C" or char in _BIDI


def header_text_problem(value: str) -> str | None:
    """Why ``value`` cannot be one line of a mail header (a name, a subject), or None.

    Line breaks of every kind (``\\n``, ``\\r``, ``\\v``, ``\\f``, U+0085, U+2028, U+2029),
    other control characters and text-direction controls are refused: a header line break
    would let a value add headers of its own.
    """
    for char in value:
        if unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs") or char in _BIDI:
            return f"contains {describe_char(char)}; make it one line of plain text"
    return None


def address_problem(value: str) -> str | None:
    """Why ``value`` is not one plain address like ``name@example.com``, or None."""
    if not (value.isascii() and value.isprintable()):  # else no control, break or odd space
        for char in value:
            if _unsafe(char) and char != " ":
                return f"contains {describe_char(char)}"
    for char, reason in _SPECIALS.items():
        if char in value:
            return reason
    if " " in value:
        return "contains a space"
    if value.count("@") != 1:
        return "it needs exactly one '@'" if "@" not in value else "it has more than one '@'"
    local, _, domain = value.partition("@")
    problem = _local_problem(local) or _domain_problem(domain)
    if problem:
        return problem
    if len(local) + 1 + len(ascii_domain(domain)) > MAX_LENGTH:
        return f"it is longer than {MAX_LENGTH} characters"
    if value.isascii():
        # What passed the checks above is a dot-atom of atext at a domain of LDH labels,
        # which the standard library reads as exactly this username and domain
        # (tests/test_addresses.py holds the two readings equal): parsing it again would
        # only cost time, a noticeable share of a cold lint's.
        return None
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:  # the standard library's own reading must agree with ours
        parsed = Address(addr_spec=f"{local}@{ascii_domain(domain)}")
    except (HeaderParseError, ValueError, IndexError) as exc:
        return f"it is not an address ({exc})"
    if (parsed.username, parsed.domain) != (local, ascii_domain(domain)):
        return "it is not one plain address"
    return None


def _local_problem(local: str) -> str | None:
    if not local:
        return "there is nothing before the '@'"
    if len(local) > MAX_LOCAL:
        return f"the part before the '@' is longer than {MAX_LOCAL} characters"
    if not local.isascii():
        return "the part before the '@' has letters outside ASCII, which a draft cannot carry"
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return "the part before the '@' cannot start or end with a dot or have two in a row"
    bad = sorted(set(local) - _ATEXT - {"."})
    if bad:
        return f"the part before the '@' cannot hold {bad[0]!r}"
    return None


def _domain_problem(domain: str) -> str | None:
    if not domain:
        return "there is no domain after the '@'"
    try:
        name = ascii_domain(domain)
    except UnicodeError:
        return f"'{domain}' is not a domain name"
    labels = name.split(".")
    if len(labels) < 2:
        return f"'{domain}' is not a domain name with a dot, like example.com"
    if not all(labels):
        return f"'{domain}' is not a domain name (an empty part between dots)"
    for label in labels:
        if len(label) > 63 or not set(label) <= _LABEL or label[0] == "-" or label[-1] == "-":
            return f"'{domain}' is not a domain name"
    if labels[-1].isdigit():
        return "an IP address is not accepted, only a domain name"
    return None


def ascii_domain(domain: str) -> str:
    """The domain as ASCII: ``exämple.com`` -> ``xn--exmple-cua.com`` (IDNA)."""
    return domain if domain.isascii() else domain.encode("idna").decode("ascii")


def address(value: str, display_name: str = "") -> Address:
    """The ``Address`` for a value ``address_problem`` accepts (raises ValueError if not)."""
    from email.headerregistry import Address

    problem = address_problem(value) or header_text_problem(display_name)
    if problem:
        raise ValueError(problem)
    local, _, domain = value.partition("@")
    return Address(display_name=display_name, username=local, domain=ascii_domain(domain))
