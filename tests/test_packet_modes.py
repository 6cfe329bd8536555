"""The packet reads as made for this meeting: in person, video or phone, read back with pypdf.

Also measured as laid out (WeasyPrint's pages, in memory): numbers, dates and times never
break across lines, no page but a write-in page is left mostly empty, and no two lines of
text overlap (labels never collide with headings).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from infoview.cli import cli

NURSE = """\
---
interviewer:
  name: Aisha Bello
  title: Nurse Manager, Medical-Surgical Unit
  organization: Northwestern Lakeshore Regional Medical Center and Rehabilitation Institute
  email: aisha.bello@example.org
  phone: "+1 312 555 0147"
meeting:
  date: 2026-11-18T14:00
  duration: 30
  mode: in-person
  location: Lakeshore cafeteria, 251 E Huron St, Chicago
formality: informal
learning_goals:
  - Learn how new graduate nurses are onboarded on a med-surg unit.
  - Learn what a nurse manager looks for in a bridge-program graduate.
referrals:
  - name: Marcus Bell-Núñez
    note: Nurse educator who runs the new-grad residency
    contact: "+1 312 555 0178"
    file: 2027-01-12-marcus-bell-nunez.md
referred_by: 2026-10-02-lena-park.md
---

## Research
- **Work history:** Ten years on med-surg, charge nurse for four, manager since 2022.
- **Education:** BSN, Loyola; MSN in leadership, DePaul.
- **Credentials:** CMSRN; member of AMSN.
- **In common:** We both started as LPNs in long-term care.

## Questions
### Goal 1
- How long is orientation for a new graduate on your unit, and who precepts?
### Goal 2
- What separates the bridge graduates who thrive here from the ones who leave?

## Notes
- **Takeaway:** Pick a bridge program with clinicals you can schedule on your days off.
"""

ENGINEER = """\
---
interviewer:
  name: Wei Zhang
  title: Staff Software Engineer
  organization: Brightline Analytics
  email: wei.zhang@example.com
  phone: "+1 415 555 0199"
meeting:
  date: 2026-12-01T16:00
  duration: 30
  mode: video
  location: https://meet.example.com/wz-jordan
formality: formal
learning_goals:
  - Learn how a data platform team decides what to build.
referred_by: 2026-11-18-aisha-bello.md
---

## Research
- **Work history:** Eight years at Brightline, the last three leading the platform team.
- **In common:** We both taught ourselves SQL on hospital data.

## Questions
### Goal 1
- How does your team decide between building and buying a tool?
"""

PLANNER = """\
---
interviewer:
  name: Grace Okafor
  title: Senior Planner
  organization: Cook County Department of Planning and Development
  email: grace.okafor@example.gov
  phone: "+1 312 555 0123"
meeting:
  date: 2026-12-02T09:30
  duration: 20
  mode: phone
formality: formal
learning_goals:
  - Learn what a county planner's week looks like.
---

## Research
- **Work history:** Twelve years with the county.

## Questions
### Goal 1
- Which part of a rezoning case takes the most of your time?
"""

THEY_CALL = PLANNER.replace(
    "  mode: phone\n", "  mode: phone\n  location: They call me on +1 312 555 0100\n"
)
DIAL_IN = PLANNER.replace(
    "  mode: phone\n", '  mode: phone\n  location: "+1 646 555 0199,,4471#"\n'
)
REPEAT = (
    NURSE.replace("2026-11-18T14:00", "2027-02-10T14:00")
    .replace("  mode: in-person\n", "  mode: video\n")
    .replace(
        "  location: Lakeshore cafeteria, 251 E Huron St, Chicago\n",
        "  location: https://meet.example.com/ab\n",
    )
)

STEMS = {
    "2026-11-18-aisha-bello": NURSE,
    "2026-12-01-wei-zhang": ENGINEER,
    "2026-12-02-grace-okafor": PLANNER,
    "2026-12-03-grace-okafor": THEY_CALL,
    "2026-12-04-grace-okafor": DIAL_IN,
    "2027-02-10-aisha-bello": REPEAT,
}


@pytest.fixture(scope="module")
def ws(
    tmp_path_factory: pytest.TempPathFactory,
    make_workspace: Callable[[Path], Path],
    write: Callable[[Path, str, str], Path],
    runner: CliRunner,
) -> Path:
    root = make_workspace(tmp_path_factory.mktemp("modes") / "ws")
    for stem, text in STEMS.items():
        write(root, stem, text)
    result = runner.invoke(cli, ["packet", "--workspace", str(root)])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def pdfs(ws: Path, read_pdf: Callable[[Path], Any]) -> dict[str, Any]:
    return {stem: read_pdf(ws / "build/packets" / f"{stem}.pdf") for stem in STEMS}


def test_in_person_gives_the_address_and_arriving_early(pdfs: dict[str, Any]) -> None:
    text = pdfs["2026-11-18-aisha-bello"].text
    assert "Where In person at Lakeshore cafeteria, 251 E Huron St, Chicago" in text
    assert "If you are delayed Call +1 312 555 0147" in text
    assert "Arrive a few minutes early (by 13:50) at Lakeshore cafeteria, 251 E Huron St" in text
    assert "Have Aisha Bello's number handy in case you are delayed: call +1 312 555 0147." in text
    for video in ("How to join", "If the call fails", "log in", "Log in", "technology", "video"):
        assert video not in text, video


def test_video_gives_the_link_and_what_to_do_if_the_call_fails(pdfs: dict[str, Any]) -> None:
    text = pdfs["2026-12-01-wei-zhang"].text
    assert "How to join Video call: https://meet.example.com/wz-jordan" in text
    assert "If the call fails Call +1 415 555 0199" in text
    assert "Log in a few minutes early (by 15:50) and check the link" in text
    assert "If the call fails or the sound drops, call +1 415 555 0199 and tell Wei Zhang" in text
    assert "Arrive" not in text and "Where In person" not in text


@pytest.mark.parametrize(
    ("stem", "who", "checklist", "dropped"),
    [
        (
            "2026-12-02-grace-okafor",
            "You call them at +1 312 555 0123 (you asked for the meeting)",
            "Call Grace Okafor at +1 312 555 0123 at 09:30.",
            "Call back on +1 312 555 0123",
        ),
        (
            "2026-12-03-grace-okafor",
            "They call me on +1 312 555 0100",
            "Who calls whom: They call me on +1 312 555 0100.",
            "Wait a minute for them to call again, then call +1 312 555 0123",
        ),
        (
            "2026-12-04-grace-okafor",
            "You call them at +1 646 555 0199,,4471#",
            "Call Grace Okafor at +1 646 555 0199,,4471# at 09:30.",
            "Call back on +1 646 555 0199,,4471#",
        ),
    ],
)
def test_phone_says_who_calls_whom(
    pdfs: dict[str, Any], stem: str, who: str, checklist: str, dropped: str
) -> None:
    text = pdfs[stem].text
    assert f"Who calls whom {who}" in text
    assert checklist in text
    assert f"If the line drops {dropped}" in text
    assert "Be somewhere quiet a few minutes early (by 09:20)" in text
    for other in ("How to join", "Where In person", "Log in", "Arrive"):
        assert other not in text, other


def test_people_are_named_never_by_file(pdfs: dict[str, Any]) -> None:
    # no interview for Lena Park: her name from the file's stem
    assert "Referred by Lena Park" in pdfs["2026-11-18-aisha-bello"].text
    # an interview's file: the name in it
    assert "Referred by Aisha Bello" in pdfs["2026-12-01-wei-zhang"].text
    assert "Marcus Bell-Núñez: Nurse educator who runs the new-grad residency" in (
        pdfs["2026-11-18-aisha-bello"].text
    )
    for stem, pdf in pdfs.items():
        assert not re.search(r"\.md\b|\d{4}-\d{2}-\d{2}-[a-z]", pdf.text), stem


def test_repeat_contact_shows_last_time_by_date(pdfs: dict[str, Any]) -> None:
    text = pdfs["2027-02-10-aisha-bello"].text
    assert "Last time we talked Met Wednesday 18 November 2026 Takeaways" in text
    assert "Pick a bridge program with clinicals you can schedule on your days off." in text


UNBROKEN = [
    "+1 312 555 0147",
    "+1 312 555 0178",
    "+1 415 555 0199",
    "+1 312 555 0123",
    "+1 312 555 0100",
    "+1 646 555 0199,,4471#",
    "+1 503 555 0100",  # the profile's
    "Wednesday 18 November 2026",
    "Friday 20 November 2026",
    "14:00–14:30 PST",
    "America/Los_Angeles",
]


def test_numbers_dates_and_times_stay_on_one_line(pdfs: dict[str, Any]) -> None:
    seen = 0
    for stem, pdf in pdfs.items():
        lines = [
            " ".join(line.split())
            for page in pdf.reader.pages
            for line in page.extract_text().splitlines()
        ]
        flowing = " ".join(lines)
        for value in UNBROKEN:
            whole = sum(line.count(value) for line in lines)
            assert whole == flowing.count(value), (stem, value)
            seen += whole
    assert seen > 30


# -- as laid out ---------------------------------------------------------------------------


def _layout(ws: Path, stem: str) -> Any:
    import weasyprint

    from infoview.corpus import load
    from infoview.packet import _pdf_job
    from infoview.workspace import open_workspace

    workspace = open_workspace(ws)
    interview = workspace.read(ws / "interviews" / f"{stem}.md")
    job = _pdf_job(interview, workspace, None, load(workspace).interviews())
    css = [weasyprint.CSS(string=text, base_url=base) for text, base in job.css]
    return weasyprint.HTML(string=job.html, base_url=job.base_url).render(stylesheets=css)


def _boxes(page: Any) -> list[Any]:
    """The page's boxes, without its margin boxes (running header, page number)."""
    return [
        box
        for child in page._page_box.children
        if not type(child).__name__.startswith("Margin")
        for box in child.descendants()
    ]


EXAMPLES = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def layouts(ws: Path) -> dict[str, Any]:
    found = {stem: _layout(ws, stem) for stem in STEMS}
    for example in sorted((EXAMPLES / "interviews").glob("*.md")):
        found[f"example {example.stem}"] = _layout(EXAMPLES, example.stem)
    return found


WRITE_IN = {"note-block", "follow-up"}  # pages for writing on may stay empty


def _drawn(box: Any) -> bool:
    """Text, an image or a ruled line: what a reader sees on the page."""
    kind = type(box).__name__
    if kind == "TextBox":
        return bool(box.text.strip())
    if kind.endswith("ReplacedBox"):
        return True
    element = getattr(box, "element", None)
    return element is not None and "rule" in (element.get("class") or "").split()


def test_no_page_but_a_write_in_page_is_mostly_empty(layouts: dict[str, Any]) -> None:
    for name, document in layouts.items():
        for number, page in enumerate(document.pages, 1):
            boxes = _boxes(page)
            classes = {
                c
                for b in boxes
                if getattr(b, "element", None) is not None
                for c in (b.element.get("class") or "").split()
            }
            if classes & WRITE_IN:
                continue
            box = page._page_box
            bottom = max(b.position_y + b.margin_height() for b in boxes if _drawn(b))
            filled = (bottom - box.content_box_y()) / box.height
            assert filled >= 0.5, f"{name}: page {number} is {filled:.0%} full"


def test_text_is_legible_and_never_overlaps(layouts: dict[str, Any]) -> None:
    for name, document in layouts.items():
        for number, page in enumerate(document.pages, 1):
            texts = [b for b in _boxes(page) if type(b).__name__ == "TextBox" and b.text.strip()]
            for box in texts:
                assert box.style["font_size"] >= 8 * 4 / 3, (name, number, box.text)  # 8 pt
            rects = sorted(
                (
                    b.position_y,
                    b.position_y + b.height,
                    b.position_x,
                    b.position_x + b.width,
                    b.text,
                )
                for b in texts
            )
            for i, (_, bottom, left, right, text) in enumerate(rects):
                for other in rects[i + 1 :]:
                    if other[0] >= bottom - 0.5:
                        break
                    overlap_x = min(right, other[3]) - max(left, other[2])
                    assert overlap_x <= 0.5, f"{name} p{number}: {text!r} overlaps {other[4]!r}"
