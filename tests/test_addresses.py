"""``infoview.addresses``: the one address check behind IV002, ``[profile] email`` and ``thanks``.

Every refusal is asserted as the exact reason a person reads (IV002, ``infoview.toml`` and
``thanks`` print it after the value), and every limit from both sides of its boundary.
"""

from __future__ import annotations

import pytest

from infoview.addresses import address, address_problem, header_text_problem

# the 63 characters a domain label may hold, in one label of exactly 63 (the longest allowed)
EVERY_LABEL_CHAR = "abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
assert len(set(EVERY_LABEL_CHAR)) == len(EVERY_LABEL_CHAR) == 63


def domain_of(length: int) -> str:
    """A valid domain name of exactly ``length`` characters, in labels of at most 63."""
    labels, left = [], length - len(".com")
    while left > 64:
        labels.append("d" * 63)
        left -= 64
    labels.append("e" * left)
    return ".".join([*labels, "com"])


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        # one reason per special character, each on its own
        ("dana<x@example.com", "it has a name or angle brackets around the address"),
        ("dana>x@example.com", "it has a name or angle brackets around the address"),
        ("a@x.com,b@y.com", "it holds more than one address"),
        ("a@x.com;b@y.com", "it holds more than one address"),
        ("dana@[example.com", "an address literal such as [127.0.0.1] is not accepted"),
        ("dana@example.com]", "an address literal such as [127.0.0.1] is not accepted"),
        ('"dana"@example.com', "quoted addresses are not accepted"),
        ("dana(x@example.com", "comments in an address are not accepted"),
        ("dana)x@example.com", "comments in an address are not accepted"),
        ("dana\\x@example.com", "it has a backslash"),
        ("group:dana@example.com", "it has a ':' (a group or route is not an address)"),
        # a name with a space before its brackets: the brackets are the reason, not the space
        ("Dana <dana@example.com>", "it has a name or angle brackets around the address"),
        # characters no address holds, named so the person can find them
        ("dana\t@example.com", "contains a tab"),
        ("a b\t@example.com", "contains a tab"),  # the tab, though a space comes first
        ("dana\x1b@example.com", "contains a control character (U+001B)"),
        ("dana\x00@example.com", "contains a control character (U+0000)"),
        ("dana\xad@example.com", "contains a control character (U+00AD)"),
        ("dana\u00a0@example.com", "contains a space (U+00A0)"),
        ("dana\u3000@example.com", "contains a space (U+3000)"),
        ("dana\n@example.com", "contains a line break (U+000A)"),
        ("dana\x1e@example.com", "contains a line break (U+001E)"),
        ("dana@example.com\u2029", "contains a line break (U+2029)"),
        ("dana\u200e@example.com", "contains a text-direction control (U+200E)"),
        ("dana @example.com", "contains a space"),
        ("dana", "it needs exactly one '@'"),
        ("a@b@example.com", "it has more than one '@'"),
        # the part before the '@'
        ("@example.com", "there is nothing before the '@'"),
        (
            ".dana@example.com",
            "the part before the '@' cannot start or end with a dot or have two in a row",
        ),
        (
            "dana.@example.com",
            "the part before the '@' cannot start or end with a dot or have two in a row",
        ),
        (
            "da..na@example.com",
            "the part before the '@' cannot start or end with a dot or have two in a row",
        ),
        (
            "renée@example.com",
            "the part before the '@' has letters outside ASCII, which a draft cannot carry",
        ),
        ("x" * 65 + "@example.com", "the part before the '@' is longer than 64 characters"),
        # the domain
        ("dana@", "there is no domain after the '@'"),
        ("dana@localhost", "'localhost' is not a domain name with a dot, like example.com"),
        ("dana@example.", "'example.' is not a domain name (an empty part between dots)"),
        ("dana@.example.com", "'.example.com' is not a domain name (an empty part between dots)"),
        ("dana@exa_mple.com", "'exa_mple.com' is not a domain name"),
        ("dana@-example.com", "'-example.com' is not a domain name"),
        ("dana@example-.com", "'example-.com' is not a domain name"),
        ("dana@" + "a" * 64 + ".com", f"'{'a' * 64}.com' is not a domain name"),
        ("dana@ä..com", "'ä..com' is not a domain name"),  # no IDNA form
        ("dana@example.123", "an IP address is not accepted, only a domain name"),
        ("dana@10.0.0.1", "an IP address is not accepted, only a domain name"),
        # the whole address: 254 characters at most, counting the domain's ASCII form
        ("x" * 64 + "@" + domain_of(190), "it is longer than 254 characters"),
    ],
)
def test_each_refusal_gives_its_exact_reason(value: str, reason: str) -> None:
    assert address_problem(value) == reason


@pytest.mark.parametrize(
    "value",
    [
        "dana@example.com",
        "x" * 64 + "@example.com",  # the longest part before the '@'
        "x" * 64 + "@" + domain_of(189),  # 254 characters, the longest address
        "dana@" + "a" * 63 + ".com",  # the longest label
        f"dana@{EVERY_LABEL_CHAR}.com",  # every character a label may hold, at once
        "dana@163.com",  # a label of digits is fine anywhere but last
        "dana@a-b.c-d.example",
        "!#$%&'*+/=?^_`{|}~-.x@example.com",  # every atext character and a dot
    ],
)
def test_plain_addresses_up_to_every_limit_pass(value: str) -> None:
    assert address_problem(value) is None


def test_an_address_is_written_with_its_domain_in_ascii() -> None:
    assert str(address("dana@exämple.com")) == "dana@xn--exmple-cua.com"
    assert str(address("dana@example.com")) == "dana@example.com"
    assert str(address("dana@example.com", "Dana Whitfield")) == "Dana Whitfield <dana@example.com>"


def test_the_length_limit_counts_the_ascii_form_of_the_domain() -> None:
    # 249 characters as typed; "ä" is "xn--4ca" in ASCII (IDNA), which makes 255
    local, domain = "x" * 64, "ä." + domain_of(182)
    assert len(f"{local}@{domain}") == 249
    assert address_problem(f"{local}@{domain}") == "it is longer than 254 characters"


@pytest.mark.parametrize(
    ("value", "name", "reason"),
    [
        ("dana@localhost", "Dana", "'localhost' is not a domain name with a dot, like example.com"),
        (
            "dana@example.com",
            "Dana\nBcc: x@y.com",
            "contains a line break (U+000A); make it one line of plain text",
        ),
    ],
)
def test_address_refuses_what_a_draft_cannot_carry(value: str, name: str, reason: str) -> None:
    with pytest.raises(ValueError) as caught:
        address(value, name)
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("Dana\x1bWhitfield", "a control character (U+001B)"),  # Cc
        ("Dana\u2028Whitfield", "a line break (U+2028)"),  # Zl
        ("Dana\u2029Whitfield", "a line break (U+2029)"),  # Zp
        ("Dana\udc80Whitfield", "a control character (U+DC80)"),  # Cs: a byte that was not UTF-8
        ("Dana\u061cWhitfield", "a text-direction control (U+061C)"),
        ("Dana\tWhitfield", "a tab"),
    ],
)
def test_header_text_refuses_breaks_and_controls(value: str, shown: str) -> None:
    assert header_text_problem(value) == f"contains {shown}; make it one line of plain text"


def test_header_text_keeps_spaces_and_invisible_formatting_that_cannot_break_a_line() -> None:
    for value in ["Dana Whitfield", "Dana\u00a0Whitfield", "Dana\xadWhitfield", "Zoë"]:
        assert header_text_problem(value) is None


def _generated_addresses() -> list[str]:
    """ASCII strings built from the pieces of addresses (every atext character, dots,
    hyphens, digits, one or two '@'), deterministic."""
    import random
    import string

    rng = random.Random(1122)
    atext = string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-"
    pieces = [*atext, ".", ".", "-", "@", "a", "b", "1", "xn--", "co", "example"]
    out = []
    for _ in range(20000):
        local = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8)))
        labels = [
            "".join(rng.choice("abz09-.") for _ in range(rng.randrange(1, 6)))
            for _ in range(rng.randrange(1, 4))
        ]
        out.append(f"{local}@{'.'.join(labels)}")
    return out


def test_the_standard_library_reads_every_accepted_ascii_address_as_we_do() -> None:
    """address_problem skips email.headerregistry for ASCII addresses its own checks
    accept: this is why that is safe. Every one it accepts, the parser reads the same."""
    from email.headerregistry import Address

    accepted = [a for a in _generated_addresses() if address_problem(a) is None]
    assert len(accepted) > 1000  # the checks above let a good share through
    for value in accepted:
        local, _, domain = value.partition("@")
        parsed = Address(addr_spec=value)
        assert (parsed.username, parsed.domain) == (local, domain), value
