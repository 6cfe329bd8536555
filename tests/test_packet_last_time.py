"""The packet's "last time we talked": an earlier meeting with the same person on the cover."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from infoview.cli import cli
from infoview.parse import parse_text
from infoview.people import met_before

FIRST = """\
---
interviewer:
  name: Marcus Lee
  organization: Columbia Legal Aid
  email: marcus.lee@example.org
meeting:
  date: 2026-11-18T15:30
  duration: 45
follow_up:
  thank_you_sent: 2026-11-19
  keep_in_touch:
    - date: 2027-01-20
      note: Told him I signed up for the winter clinic shift.
---

## Notes
- Triage is a shared spreadsheet reviewed every Monday.
- **Takeaway:** Learn the local court rules cold.
- **Advice:** Volunteer at the clinic again this winter.
"""

# The same person: his name in capitals and with an accent, then only his email in common.
SECOND = """\
---
interviewer:
  name: MARCUS  LÉE
  email: marcus.lee@example.org
meeting:
  date: 2027-03-04T12:00
  duration: 30
---

## Notes
- **Takeaway:** Apply for the spring externship.
"""
THIRD = """\
---
interviewer:
  name: M. Lee
  email: Marcus.Lee@Example.org
meeting:
  date: 2027-05-06T09:00
---
"""
OTHER = """\
---
interviewer:
  name: Dana Whitfield
  email: dana@example.com
meeting:
  date: 2027-04-01T10:00
---
"""
STEMS = ("2026-11-18-marcus-lee", "2027-03-04-marcus-lee", "2027-05-06-m-lee", "2027-04-01-dana")
HEADING = "Last time we talked"


def packet(runner: CliRunner, ws: Path, *args: str) -> Any:
    return runner.invoke(cli, ["packet", "-w", str(ws), *args])


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
    make_workspace: Callable[[Path], Path],
    write: Callable[[Path, str, str], Path],
    runner: CliRunner,
) -> Path:
    ws = make_workspace(tmp_path_factory.mktemp("last-time") / "ws")
    for stem, text in zip(STEMS, (FIRST, SECOND, THIRD, OTHER), strict=True):
        write(ws, stem, text)
    result = packet(runner, ws)
    assert result.exit_code == 0, result.output
    return ws


def cover(ws: Path, stem: str, read_pdf: Callable[[Path], Any]) -> str:
    """Page 1 of the packet, its text on one line."""
    pdf = read_pdf(ws / "build" / "packets" / f"{stem}.pdf")
    return " ".join(pdf.reader.pages[0].extract_text().split())


def test_the_cover_shows_the_earlier_meeting(built: Path, read_pdf: Callable[..., Any]) -> None:
    text = cover(built, "2027-03-04-marcus-lee", read_pdf)
    assert HEADING in text
    assert "Met Wednesday 18 November 2026 Takeaways" in text
    assert ".md" not in text  # the person and the day, never a file name
    takeaways = "• Learn the local court rules cold. • Volunteer at the clinic again this winter."
    assert f"Takeaways {takeaways}" in text
    kept = "• 20 January 2027: Told him I signed up for the winter clinic shift."
    assert f"Kept in touch {kept}" in text
    assert "Triage is a shared spreadsheet" not in text  # notes that are not takeaways


def test_the_latest_earlier_meeting_is_shown(built: Path, read_pdf: Callable[..., Any]) -> None:
    text = cover(built, "2027-05-06-m-lee", read_pdf)  # matched by email alone
    assert "Met Thursday 4 March 2027 Takeaways" in text
    assert "Takeaways • Apply for the spring externship." in text
    assert "court rules" not in text


@pytest.mark.parametrize("stem", ["2026-11-18-marcus-lee", "2027-04-01-dana"])
def test_no_section_without_an_earlier_meeting(
    built: Path, read_pdf: Callable[..., Any], stem: str
) -> None:
    pdf = read_pdf(built / "build" / "packets" / f"{stem}.pdf")
    assert HEADING not in pdf.text


def test_editing_the_earlier_interview_rebuilds_the_later_packet(
    runner: CliRunner,
    workspace: Path,
    write: Callable[..., Path],
    read_pdf: Callable[..., Any],
) -> None:
    first = write(workspace, STEMS[0], FIRST)
    second = write(workspace, STEMS[1], SECOND)
    write(workspace, STEMS[3], OTHER)
    assert packet(runner, workspace).exit_code == 0
    out = workspace / "build" / "packets"
    assert packet(runner, workspace).stdout.count("unchanged  ") == 3

    first.write_text(first.read_text().replace("court rules cold", "filing deadlines first"))
    lines = packet(runner, workspace).stdout.splitlines()
    assert f"unchanged  build/packets/{STEMS[3]}.pdf" in lines
    built = sorted(line.split()[1] for line in lines if line.startswith("built "))
    assert built == [f"build/packets/{STEMS[0]}.pdf", f"build/packets/{STEMS[1]}.pdf"]
    assert "Learn the local filing deadlines first." in cover(workspace, STEMS[1], read_pdf)

    # The later interview is not part of the earlier packet: editing it rebuilds only itself.
    second.write_text(second.read_text().replace("spring externship", "summer externship"))
    lines = packet(runner, workspace).stdout.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("built ")] == [
        f"build/packets/{STEMS[1]}.pdf"
    ]
    # Renaming the person in the earlier file ends the match: the later packet drops it.
    first.write_text(first.read_text().replace("name: Marcus Lee", "name: Marcus Leigh"))
    first.write_text(first.read_text().replace("marcus.lee@", "m.leigh@"))
    assert packet(runner, workspace).exit_code == 0
    assert HEADING not in read_pdf(out / f"{STEMS[1]}.pdf").text


TZ = ZoneInfo("America/Los_Angeles")


def meeting(date: str | None, extra: str = "") -> Any:
    when = f"meeting:\n  date: {date}\n" if date else ""
    return parse_text(f"---\ninterviewer:\n  name: A\n{when}{extra}---\n", Path("x.md"))


@pytest.mark.parametrize(
    ("other", "this", "expected"),
    [
        (meeting("2026-01-01"), meeting("2026-02-01"), True),
        (meeting("2026-03-01"), meeting("2026-02-01"), False),
        (meeting("2026-02-01T09:00"), meeting("2026-02-01T10:00"), True),
        (meeting("2026-02-01T10:00"), meeting("2026-02-01T10:00"), False),
        (meeting("2026-01-01"), meeting(None), True),  # a planned one comes after
        (meeting(None), meeting("2026-02-01"), False),
        (meeting("2026-01-01", "status: cancelled\n"), meeting("2026-02-01"), False),
    ],
)
def test_met_before(other: Any, this: Any, expected: bool) -> None:
    assert met_before(other, this, TZ) is expected
