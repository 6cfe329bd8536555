"""``infoview packet``: a real PDF read back with pypdf, incremental builds, bad input."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from infoview.cli import cli
from infoview.config import load_config

STEM = "2026-12-03-dana-whitfield"
GOALS = [
    "Learn how this firm uses paralegals, and whether that is changing.",
    "Learn about the career path from paralegal to lawyer.",
    "Learn about estate planning practice.",
]
QUESTIONS = [
    "Which estate-planning tasks do paralegals here handle end to end?",
    "How has your role changed since the firm adopted document automation?",
    "What did the path to law school look like for attorneys who started as paralegals?",
    "What would you tell someone weighing law school against a senior paralegal career?",
    "What does a typical week look like when you prepare trust funding for several clients?",
    "What do you wish you had known about probate work when you started?",
]
DANA = f"""\
---
interviewer:
  name: Dana Whitfield
  title: Senior Estate Planning Paralegal
  organization: Marlow & Reyes LLP
  email: dana.whitfield@example.com
  phone: "+1 503 555 0142"
meeting:
  date: 2026-12-03T10:00
  duration: 30
  mode: video
  location: https://meet.example.com/dw-alex-1203
formality: formal
learning_goals:
  - {GOALS[0]}
  - {GOALS[1]}
  - {GOALS[2]}
tags: [estate-planning]
---

# Informational interview with Dana Whitfield

## Research
- **Work history:** Twelve years at Marlow & Reyes, the last six in estate planning.
- **Education:** Paralegal certificate, Portland Community College.
- **Credentials:** Oregon Certified Paralegal.
- **In common:** We both came through the PCC paralegal programme.
- **Sources:** The firm's team page.

## Questions
### Goal 1: how this firm uses paralegals
- {QUESTIONS[0]}
- {QUESTIONS[1]}
### Goal 2
1. {QUESTIONS[2]}
2. {QUESTIONS[3]}
### Goal 3: estate planning practice
- {QUESTIONS[4]}
- {QUESTIONS[5]}

## Notes

## Follow-up
"""

SMALL = """\
---
interviewer:
  name: {name}
  organization: Columbia Legal Aid
  phone: "+1 503 555 0177"
meeting:
  date: 2026-11-18T15:30
  duration: 45
  mode: in-person
  location: Case Study Coffee, Portland
learning_goals:
  - Learn what litigation support looks like at legal aid.
---

## Research
- **Work history:** Eight years at Columbia Legal Aid.

## Questions
### Goal 1
- How do you triage incoming housing cases?
"""


def small(name: str = "Marcus Lee") -> str:
    return SMALL.format(name=name)


def packet(runner: CliRunner, ws: Path, *args: str) -> Any:
    return runner.invoke(cli, ["packet", "--workspace", str(ws), *args])


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- one packet, read back -----------------------------------------------------------------


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
    make_workspace: Callable[[Path], Path],
    write: Callable[[Path, str, str], Path],
    runner: CliRunner,
) -> tuple[Path, Any]:
    """A workspace with DANA built once; the tests below only read it."""
    ws = make_workspace(tmp_path_factory.mktemp("packet") / "ws")
    write(ws, STEM, DANA)
    result = packet(runner, ws)
    return ws, result


@pytest.fixture(scope="module")
def pdf(built: tuple[Path, Any], read_pdf: Callable[[Path], Any]) -> Any:
    ws, _ = built
    return read_pdf(ws / "build" / "packets" / f"{STEM}.pdf")


def test_packet_reports_what_it_built(built: tuple[Path, Any]) -> None:
    ws, result = built
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"built      build/packets/{STEM}.pdf (")
    assert lines[1].startswith("1 packet: 1 built, 0 unchanged, 0 failed (")
    assert listing(ws / "build" / "packets") == [".stamps", f"{STEM}.pdf"]


def test_cover_names_who_where_and_when(pdf: Any) -> None:
    text = pdf.text
    assert "Dana Whitfield" in text
    assert "Senior Estate Planning Paralegal, Marlow & Reyes LLP" in text
    # 10:00 for 30 minutes in the workspace's zone, with the zone named.
    assert "Thursday 3 December 2026, 10:00–10:30 PST (America/Los_Angeles)" in text
    assert "Agreed duration 30 minutes" in text
    assert "How to join Video call: https://meet.example.com/dw-alex-1203" in text
    assert "If the call fails Call +1 503 555 0142" in text
    assert "Email dana.whitfield@example.com" in text


def test_every_goal_and_question_is_in_the_packet(pdf: Any) -> None:
    for number, goal in enumerate(GOALS, 1):
        assert f"Goal {number} {goal}" in pdf.text
    for question in QUESTIONS:
        # once under its goal, once on the note pages
        assert pdf.text.count(question) == 2, question


def test_research_and_common_ground(pdf: Any) -> None:
    assert "Work history Twelve years at Marlow & Reyes" in pdf.text
    assert "What we have in common We both came through the PCC paralegal programme." in pdf.text


def test_self_introduction_from_the_profile(built: tuple[Path, Any], pdf: Any) -> None:
    profile = load_config(built[0] / "infoview.toml").profile
    assert profile.intro.startswith("I'm Alex Rivera")
    assert "Introducing yourself" in pdf.text
    assert profile.intro in pdf.text
    assert "Alex Rivera · Paralegal Studies, Portland Community College" in pdf.text


def test_day_of_checklist(pdf: Any) -> None:
    for item in [
        "Dress neatly and appropriately, as you would for a job interview, even on video",
        "Log in a few minutes early (by 09:50) and check the link, your camera and your "
        "microphone.",
        "If the call fails or the sound drops, call +1 503 555 0142 and tell Dana Whitfield "
        "what happened.",
        "Bring paper and a pen and take notes",
        "Don't use the interview to look for a job.",
        "Respect their time: keep to the agreed timeframe (30 minutes).",
        "ask if you may contact them again in the future with other questions.",
        "Ask for names of other people to meet, to gain different perspectives.",
    ]:
        assert item in pdf.text, item


def test_follow_up_page(pdf: Any) -> None:
    # formal -> an email, due two days after the meeting
    assert (
        "Thank-you Send an email by Saturday 5 December 2026 (2 days after the meeting)."
        in pdf.text
    )
    assert "Who else should I talk to?" in pdf.text


def test_metadata(pdf: Any) -> None:
    assert pdf.metadata["/Title"] == "Prep packet: Dana Whitfield, Marlow & Reyes LLP"
    assert pdf.metadata["/Author"] == "Alex Rivera"  # the profile's name


def test_pdf_is_tagged(pdf: Any) -> None:
    assert pdf.catalog["/MarkInfo"]["/Marked"].value is True
    assert pdf.catalog["/StructTreeRoot"]["/Type"] == "/StructTreeRoot"
    assert pdf.catalog["/Lang"] == "en"


def test_every_font_is_embedded(pdf: Any) -> None:
    fonts = pdf.fonts()
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        if font["/Subtype"] == "/Type3":  # glyphs drawn in the file itself
            continue
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name


def test_pages_are_numbered(pdf: Any) -> None:
    pages = pdf.pages
    assert pages > 1
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in pdf.text
    assert "Prep packet · Dana Whitfield · Marlow & Reyes LLP" in pdf.text  # running header


# -- incremental ---------------------------------------------------------------------------


def test_second_run_is_unchanged(built: tuple[Path, Any], runner: CliRunner) -> None:
    ws, _ = built
    output = ws / "build" / "packets" / f"{STEM}.pdf"
    before = (output.read_bytes(), output.stat().st_mtime_ns)
    result = packet(runner, ws)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"unchanged  build/packets/{STEM}.pdf"
    assert result.stdout.splitlines()[1].startswith("1 packet: 0 built, 1 unchanged, 0 failed (")
    assert (output.read_bytes(), output.stat().st_mtime_ns) == before


def test_editing_one_interview_rebuilds_only_that_one(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    write(workspace, "2026-11-18-marcus-lee", small())
    edited = write(workspace, "2026-11-19-priya-raman", small("Priya Raman"))
    assert packet(runner, workspace).exit_code == 0
    out = workspace / "build" / "packets"
    untouched = out / "2026-11-18-marcus-lee.pdf"
    before = untouched.stat().st_mtime_ns

    edited.write_text(edited.read_text().replace("Columbia Legal Aid", "Legal Aid of Oregon"))
    result = packet(runner, workspace)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "unchanged  build/packets/2026-11-18-marcus-lee.pdf"
    assert lines[1].startswith("built      build/packets/2026-11-19-priya-raman.pdf (")
    assert lines[2].startswith("2 packets: 1 built, 1 unchanged, 0 failed (")
    assert untouched.stat().st_mtime_ns == before


def _edit_config(ws: Path) -> None:
    config = ws / "infoview.toml"
    config.write_text(config.read_text().replace('paper = "letter"', 'paper = "a4"'))


def _add_stylesheet(ws: Path) -> None:
    (ws / "styles").mkdir()
    (ws / "styles" / "packet.css").write_text("body { font-family: serif; }\n")


def _add_template(ws: Path) -> None:
    from infoview.render.templates import PACKAGE_TEMPLATES

    (ws / "templates").mkdir()
    original = (PACKAGE_TEMPLATES / "packet.html.j2").read_text()
    (ws / "templates" / "packet.html.j2").write_text(original.replace("On the day", "Day of"))


@pytest.mark.parametrize(
    ("change", "args"),
    [
        (_edit_config, ()),
        (_add_stylesheet, ()),
        (_add_template, ()),
        (lambda ws: None, ("--force",)),
    ],
    ids=["infoview.toml", "stylesheet", "template", "--force"],
)
def test_changed_inputs_rebuild(
    runner: CliRunner,
    workspace: Path,
    write: Callable[..., Path],
    change: Callable[[Path], None],
    args: tuple[str, ...],
) -> None:
    write(workspace, "2026-11-18-marcus-lee", small())
    assert packet(runner, workspace).exit_code == 0
    output = workspace / "build" / "packets" / "2026-11-18-marcus-lee.pdf"
    before = output.stat().st_mtime_ns

    change(workspace)
    result = packet(runner, workspace, *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(
        "built      build/packets/2026-11-18-marcus-lee.pdf ("
    )
    assert output.stat().st_mtime_ns != before


def test_replacing_an_embedded_photo_rebuilds(
    runner: CliRunner, workspace: Path, write: Callable[..., Path], read_pdf: Callable[..., Any]
) -> None:
    from PIL import Image

    text = small().replace("  phone:", "  photo: marcus.png\n  phone:")
    write(workspace, "2026-11-18-marcus-lee", text)
    photo = workspace / "interviews" / "marcus.png"
    Image.new("RGB", (8, 8), "red").save(photo)
    assert packet(runner, workspace).exit_code == 0
    output = workspace / "build" / "packets" / "2026-11-18-marcus-lee.pdf"
    assert [i["/Width"] for i in read_pdf(output).images()] == [8]
    assert packet(runner, workspace).stdout.startswith("unchanged  ")

    Image.new("RGB", (12, 12), "blue").save(photo)
    result = packet(runner, workspace)
    assert result.stdout.splitlines()[0].startswith(
        "built      build/packets/2026-11-18-marcus-lee.pdf ("
    )
    assert [i["/Width"] for i in read_pdf(output).images()] == [12]


def test_a_deleted_output_is_rebuilt(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    write(workspace, STEM, small())
    assert packet(runner, workspace, "--html").exit_code == 0
    output = workspace / "build" / "packets" / f"{STEM}.html"
    output.unlink()
    result = packet(runner, workspace, "--html")
    assert result.stdout.splitlines()[0].startswith(f"built      build/packets/{STEM}.html (")
    assert output.is_file()


# -- output names, --html ------------------------------------------------------------------


def test_output_name_comes_from_the_file_stem(
    runner: CliRunner, workspace: Path, write: Callable[..., Path], read_pdf: Callable[..., Any]
) -> None:
    write(workspace, "2026-11-18-marcus-lee", small("../../evil"))
    result = packet(runner, workspace)
    assert result.exit_code == 0, result.output
    assert listing(workspace / "build" / "packets") == [".stamps", "2026-11-18-marcus-lee.pdf"]
    assert listing(workspace.parent) == ["ws"]
    assert listing(workspace) == ["build", "infoview.toml", "interviews"]
    assert (
        "../../evil" in read_pdf(workspace / "build" / "packets" / "2026-11-18-marcus-lee.pdf").text
    )


def test_html_output_is_escaped(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    text = small("Sam <b>Ortiz</b> & Sons").replace(
        "- How do you triage incoming housing cases?",
        "- How do you triage <em>incoming</em> cases?",
    )
    write(workspace, "2027-01-15-sam-ortiz", text)
    result = packet(runner, workspace, "--html")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(
        "built      build/packets/2027-01-15-sam-ortiz.html ("
    )
    out = workspace / "build" / "packets"
    assert listing(out) == [".stamps", "2027-01-15-sam-ortiz.html"]
    html = (out / "2027-01-15-sam-ortiz.html").read_text()
    assert "<h1>Sam &lt;b&gt;Ortiz&lt;/b&gt; &amp; Sons</h1>" in html
    assert "<title>Prep packet: Sam &lt;b&gt;Ortiz&lt;/b&gt; &amp; Sons, Columbia Legal Aid" in html
    assert "How do you triage &lt;em&gt;incoming&lt;/em&gt; cases?" in html
    assert "<b>" not in html
    assert "<em>" not in html
    assert "<style>@page { size: letter; }" in html  # standalone: the stylesheet is inlined


def test_no_interviews(runner: CliRunner, workspace: Path) -> None:
    result = packet(runner, workspace)
    assert result.exit_code == 0
    assert result.stdout == "no interviews in interviews/; start one with: infoview new NAME\n"
    assert not (workspace / "build").exists()


def test_missing_path_is_a_usage_error(runner: CliRunner, workspace: Path) -> None:
    result = packet(runner, workspace, "nope.md")
    assert result.exit_code == 2
    assert result.stderr == "error: nope.md: no such file; give a path to an interview .md file\n"


# -- bad input -----------------------------------------------------------------------------

BAD_YAML = """\
---
interviewer:
  title: Paralegal
  name: Dana: Whitfield
meeting:
  date: 2026-12-03
---

## Research
"""


def test_invalid_yaml_is_reported_at_its_file_line(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    write(workspace, "2026-12-03-bad", BAD_YAML)
    result = packet(runner, workspace)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "failed     build/packets/2026-12-03-bad.pdf"
    assert lines[1].startswith("1 packet: 0 built, 0 unchanged, 1 failed (")
    # line 4 of the file (line 3 of the front matter), at the second colon
    assert result.stderr == (
        "  interviews/2026-12-03-bad.md:4:13: IV001 front matter is not valid YAML: "
        "mapping values are not allowed in this context; fix the YAML at this line\n"
    )
    assert "Traceback" not in result.output
    assert not (workspace / "build").exists()


def test_one_broken_file_does_not_stop_the_others(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    write(workspace, "2026-11-18-marcus-lee", small())
    write(workspace, "2026-12-03-bad", BAD_YAML)
    write(workspace, "2027-01-15-sam-ortiz", small("Sam Ortiz"))
    result = packet(runner, workspace)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("3 packets: 2 built, 0 unchanged, 1 failed (")
    assert "failed     build/packets/2026-12-03-bad.pdf" in lines
    assert listing(workspace / "build" / "packets") == [
        ".stamps",
        "2026-11-18-marcus-lee.pdf",
        "2027-01-15-sam-ortiz.pdf",
    ]


def test_broken_template_is_a_message_not_a_traceback(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    write(workspace, STEM, small())
    (workspace / "templates").mkdir()
    (workspace / "templates" / "packet.html.j2").write_text("<html>\n{% if %}\n")
    result = packet(runner, workspace)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr == (
        f"  interviews/{STEM}.md: template templates/packet.html.j2:2: "
        "Expected an expression, got 'end of statement block'; fix or remove it\n"
    )
    assert not (workspace / "build" / "packets" / f"{STEM}.pdf").exists()


def test_failed_render_keeps_the_previous_pdf(
    runner: CliRunner,
    workspace: Path,
    write: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write(workspace, STEM, small())
    assert packet(runner, workspace).exit_code == 0
    out = workspace / "build" / "packets"
    output = out / f"{STEM}.pdf"
    before = (output.read_bytes(), output.stat().st_mtime_ns)

    import infoview.render.pdf

    def explode(job: object) -> object:
        raise RuntimeError("cairo went away\nsecond line")

    monkeypatch.setattr(infoview.render.pdf, "render_pdf", explode)
    result = packet(runner, workspace, "--force")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"failed     build/packets/{STEM}.pdf",
        result.stdout.splitlines()[1],
    ]
    assert result.stdout.splitlines()[1].startswith("1 packet: 0 built, 0 unchanged, 1 failed (")
    assert result.stderr == (
        f"  interviews/{STEM}.md: rendering failed (RuntimeError: cairo went away); "
        "the previous PDF is kept\n"
    )
    assert (output.read_bytes(), output.stat().st_mtime_ns) == before
    assert listing(out) == [".stamps", f"{STEM}.pdf"]  # no temp file left behind
    assert listing(out / ".stamps") == []  # so the next run tries again

    monkeypatch.undo()
    again = packet(runner, workspace)
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0].startswith(f"built      build/packets/{STEM}.pdf (")


def test_unwritable_output_keeps_the_previous_pdf(
    runner: CliRunner, workspace: Path, write: Callable[..., Path]
) -> None:
    write(workspace, STEM, small())
    out = workspace / "build" / "packets"
    (out / f"{STEM}.pdf").mkdir(parents=True)  # something in the way: rename must fail
    result = packet(runner, workspace)
    assert result.exit_code == 2  # an I/O error, not a problem in the interview
    assert result.stdout.splitlines()[0].startswith(f"failed     build/packets/{STEM}.pdf")
    assert result.stderr.startswith(
        f"  build/packets/{STEM}.pdf: cannot write: Is a directory (EISDIR)\n"
        "  hint: a folder is in the way; move it away or choose another name; nothing was changed"
    )
    assert (out / f"{STEM}.pdf").is_dir()
    assert [p for p in listing(out) if p.endswith(".tmp")] == []
    assert not os.path.exists(out / ".stamps" / f"{STEM}.pdf.sha256")


def test_a_failed_render_in_a_batch_spares_the_others(
    runner: CliRunner,
    workspace: Path,
    write: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import infoview.render.pdf

    real = infoview.render.pdf.render_pdf

    def flaky(job: Any) -> Any:
        if "Priya Raman" in job.html:
            raise RuntimeError("out of memory")
        return real(job)

    monkeypatch.setattr(infoview.render.pdf, "render_pdf", flaky)  # inherited by the workers
    write(workspace, "2026-11-18-marcus-lee", small())
    write(workspace, "2026-11-19-priya-raman", small("Priya Raman"))
    result = packet(runner, workspace)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "failed     build/packets/2026-11-19-priya-raman.pdf" in lines
    assert lines[-1].startswith("2 packets: 1 built, 0 unchanged, 1 failed (")
    assert result.stderr == (
        "  interviews/2026-11-19-priya-raman.md: rendering failed "
        "(RuntimeError: out of memory); the previous PDF is kept\n"
    )
    assert listing(workspace / "build" / "packets") == [".stamps", "2026-11-18-marcus-lee.pdf"]
