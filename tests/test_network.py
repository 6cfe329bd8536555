"""``infoview network``: the referral tree and DOT, cycles, name matching, who to contact."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from infoview.cli import cli
from infoview.network import dot, graph, tree
from infoview.parse import parse_text
from infoview.people import fold


def person(name: str, date: str | None = None, extra: str = "") -> str:
    when = f"meeting:\n  date: {date}\n" if date else ""
    return f"---\ninterviewer:\n  name: {name}\n{extra}{when}---\n"


# Ana refers Ben (by file), Dana (by email only) and Sam (no file: still to contact); Ben
# refers Ana back (by name, without accents or capitals): a cycle. Ben's referred_by repeats
# Ana's referral (one edge). Priya, referred by Ben, has no date yet. Lee's referrer has no
# file in the workspace.
FILES = {
    "2026-10-01-ana-nunez": person(
        "Ana Núñez",
        "2026-10-01T10:00",
        "referrals:\n"
        "  - name: Ben Okafor\n    file: 2026-10-15-ben-okafor.md\n"
        "  - name: D. Whitfield\n    contact: DANA@example.com\n"
        "  - name: Sam Ortiz\n    note: Probate attorney\n    contact: sam.ortiz@example.com\n",
    ),
    "2026-10-15-ben-okafor": person(
        "Ben Okafor",
        "2026-10-15T10:00",
        "referrals:\n  - name: ANA NUNEZ\nreferred_by: 2026-10-01-ana-nunez.md\n",
    ),
    "2026-12-03-dana-whitfield": person(
        "Dana Whitfield",
        "2026-12-03T10:00",
        "  organization: Marlow & Reyes LLP\n  email: dana@example.com\n",
    ),
    "priya-raman": person("Priya Raman", None, "referred_by: 2026-10-15-ben-okafor.md\n"),
    "2026-09-01-lee-chan": person("Lee Chan", "2026-09-01", "referred_by: 2026-08-01-old.md\n"),
}

TREE = """\
2026-08-01-old.md · no interview file
└── Lee Chan · meeting 2026-09-01
Ana Núñez · meeting 2026-10-01
├── Ben Okafor · meeting 2026-10-15
│   ├── ↩ Ana Núñez (referred back: a cycle, see above)
│   └── Priya Raman · no date yet · next to contact
├── Dana Whitfield, Marlow & Reyes LLP · meeting 2026-12-03
└── Sam Ortiz · next to contact: sam.ortiz@example.com; Probate attorney
7 people, 6 referrals; next to contact: Priya Raman, Sam Ortiz
"""

DOT = """\
digraph referrals {
  graph [rankdir="LR"];
  node [shape="box", style="rounded"];
  "2026-09-01-lee-chan" [label="Lee Chan\\nmeeting 2026-09-01"];
  "2026-10-01-ana-nunez" [label="Ana Núñez\\nmeeting 2026-10-01"];
  "2026-10-15-ben-okafor" [label="Ben Okafor\\nmeeting 2026-10-15"];
  "2026-12-03-dana-whitfield" [label="Dana Whitfield\\nMarlow & Reyes LLP\\nmeeting 2026-12-03"];
  "referral:2026-08-01-old.md" [label="2026-08-01-old.md\\nno interview file"];
  "priya-raman" [label="Priya Raman\\nno date yet\\nnext to contact", style="rounded,dashed,bold", color="#9a3b00"];
  "referral:sam ortiz" [label="Sam Ortiz\\nnext to contact: sam.ortiz@example.com", style="rounded,dashed,bold", color="#9a3b00"];
  "2026-10-01-ana-nunez" -> "2026-10-15-ben-okafor";
  "2026-10-01-ana-nunez" -> "2026-12-03-dana-whitfield";
  "2026-10-01-ana-nunez" -> "referral:sam ortiz";
  "2026-10-15-ben-okafor" -> "2026-10-01-ana-nunez";
  "2026-10-15-ben-okafor" -> "priya-raman";
  "referral:2026-08-01-old.md" -> "2026-09-01-lee-chan";
}
"""  # noqa: E501


@pytest.fixture
def ws(workspace: Path, write: Callable[..., Path]) -> Path:
    for stem, text in FILES.items():
        write(workspace, stem, text)
    return workspace


def network(runner: CliRunner, ws: Path, *args: str) -> Any:
    return runner.invoke(cli, ["network", "-w", str(ws), *args])


def test_tree(runner: CliRunner, ws: Path) -> None:
    result = network(runner, ws)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == TREE


def test_dot(runner: CliRunner, ws: Path) -> None:
    result = network(runner, ws, "--format", "dot")
    assert result.exit_code == 0
    assert result.stdout == DOT


def test_an_unreadable_interview_is_reported(
    runner: CliRunner, ws: Path, write: Callable[..., Path]
) -> None:
    write(ws, "broken", "---\ninterviewer: [unclosed\n---\n")
    result = network(runner, ws)
    assert result.exit_code == 1
    assert result.stderr.startswith("interviews/broken.md:")
    assert " IV001 " in result.stderr
    assert result.stdout == TREE  # the others are still shown


def test_bad_format_is_a_usage_error(runner: CliRunner, ws: Path) -> None:
    result = network(runner, ws, "--format", "svg")
    assert result.exit_code == 2
    assert "'svg' is not one of 'text', 'dot'" in result.stderr


# -- the pure core -------------------------------------------------------------------------


def build(**files: str) -> Any:
    return graph([parse_text(text, Path(f"{stem}.md")) for stem, text in files.items()])


def refers(*names: str) -> str:
    return "referrals:\n" + "".join(f"  - name: {name}\n" for name in names)


def test_a_longer_cycle_ends_at_its_back_reference() -> None:
    g = build(
        a=person("A", "2026-01-01", refers("B")),
        b=person("B", "2026-01-02", refers("C")),
        c=person("C", "2026-01-03", refers("A", "C")),  # and themselves: ignored
    )
    assert tree(g).splitlines() == [
        "A · meeting 2026-01-01",
        "└── B · meeting 2026-01-02",
        "    └── C · meeting 2026-01-03",
        "        └── ↩ A (referred back: a cycle, see above)",
        "3 people, 3 referrals; nobody waiting to be contacted",
    ]


def test_someone_referred_twice_is_shown_once() -> None:
    g = build(
        a=person("A", "2026-01-01", refers("B", "C")),
        b=person("B", "2026-01-02", refers("C")),
    )
    assert tree(g).splitlines() == [
        "A · meeting 2026-01-01",
        "├── B · meeting 2026-01-02",
        "│   └── C · next to contact",
        "└── C (see above)",
        "3 people, 3 referrals; next to contact: C",
    ]


@pytest.mark.parametrize(
    ("referral", "interviewer"),
    [
        ("José Núñez", "jose nunez"),
        ("JOSÉ  NÚÑEZ", "José Núñez"),
        ("Zoë Brontë", "Zoe Bronte"),
    ],
)
def test_names_match_without_case_or_accents(referral: str, interviewer: str) -> None:
    g = build(a=person("A", "2026-01-01", refers(referral)), b=person(interviewer, "2026-02-01"))
    assert g.edges == {"a": ["b"]}
    assert not g.next_to_contact("b")


def test_a_different_name_is_someone_else() -> None:
    g = build(a=person("A", "2026-01-01", refers("Jose Nunes")), b=person("José Núñez"))
    assert g.edges == {"a": ["referral:jose nunes"]}
    assert g.next_to_contact("referral:jose nunes")
    assert fold("  Jos\u0065\u0301  NÚÑEZ ") == "jose nunez"  # combining accent too


def test_two_files_for_one_person_are_one_node() -> None:
    g = build(
        first=person("Dana Whitfield", "2026-01-01"),
        again=person("DANA WHITFIELD", "2026-06-01", refers("Sam")),
    )
    assert list(g.people) == ["again", "referral:sam"]
    assert tree(g).splitlines()[0] == "DANA WHITFIELD · meetings 2026-01-01, 2026-06-01"


def test_dot_quotes_and_escapes_labels() -> None:
    g = build(a=person('"Sam \\"The Hammer\\" O\\\\Brien"', "2026-01-01", refers('X" -> "Y')))
    text = dot(g)
    assert '"a" [label="Sam \\"The Hammer\\" O\\\\Brien\\nmeeting 2026-01-01"];' in text
    assert '"referral:x\\" -> \\"y" [label="X\\" -> \\"Y\\nnext to contact"' in text
    assert '"a" -> "referral:x\\" -> \\"y";' in text


@pytest.mark.parametrize("day", ["2026-01-01", "2026-01-01T09:00"])
def test_two_files_for_one_person_on_one_day(day: str) -> None:
    g = build(
        morning=person("Dana Whitfield", day),
        again=person("Dana Whitfield", "2026-01-01T15:00", refers("Sam")),
    )
    assert tree(g).splitlines()[0] == "Dana Whitfield · meetings 2026-01-01, 2026-01-01"
    assert '"again" [label="Dana Whitfield\\nmeeting 2026-01-01\\nmeeting 2026-01-01"];' in dot(g)


def test_two_files_for_one_person_on_one_day_from_the_cli(
    runner: CliRunner, tmp_path: Path
) -> None:
    from conftest import create_workspace

    root = create_workspace(tmp_path / "ws")
    for stem in ("2026-01-01-dana", "2026-01-01-dana-again"):
        (root / "interviews" / f"{stem}.md").write_text(person("Dana Whitfield", "2026-01-01"))
    result = runner.invoke(cli, ["network", "--workspace", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Dana Whitfield · meetings 2026-01-01, 2026-01-01"
