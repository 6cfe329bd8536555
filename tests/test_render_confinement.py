"""Workspace templates, stylesheets and references cannot reach outside what a packet may carry.

- Templates render in Jinja2's sandbox: each known escape (and its variants) is a clear
  error naming the template file and line, exit 1, and no code runs.
- Templates and stylesheets are read confined: symlinks (file or folder) leading out,
  FIFOs, files over the cap are refused quickly with the file named.
- ``--html`` carries no remote, outside or absolute reference: images and url() are
  embedded or dropped and reported with ``not included:``.
- Only http(s), mailto and tel links survive, in the PDF and in ``--html``, and the
  workspace's absolute path is in neither (PDF streams decompressed with pypdf).
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image

from infoview.cli import cli
from infoview.render import templates
from infoview.render.templates import PACKAGE_TEMPLATES

STEM = "2026-12-03-dana"
INTERVIEW = """\
---
interviewer:
  name: Dana Whitfield
  email: dana@example.com
  phone: "+1 503 555 0142"
  photo: {photo}
meeting:
  date: 2026-12-03T10:00
  duration: 30
  mode: video
  location: https://meet.example.com/abc
formality: {formality}
learning_goals:
  - Learn how this firm uses paralegals.
---

## Research
- **Work history:** see [my notes](notes.md), [the firm](https://example.com/firm),
  [mail](mailto:dana@example.com), [call](tel:+15035550142), [up](../../secret.txt)
  and [file](file:///etc/passwd) and ![inline]({image})

## Questions
### Goal 1
- Which tasks do paralegals here handle end to end?

## Notes
- **Takeaway:** ask about the clinic
"""


def png(path: Path, size: tuple[int, int] = (8, 8)) -> Path:
    Image.new("RGB", size).save(path)
    return path


def make(
    ws: Path, *, photo: str = "photo.png", image: str = "photo.png", formality: str = "formal"
) -> Path:
    png(ws / "interviews" / "photo.png")
    path = ws / "interviews" / f"{STEM}.md"
    path.write_text(INTERVIEW.format(photo=photo, image=image, formality=formality))
    return path


def run(runner: CliRunner, ws: Path, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "--workspace", str(ws)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def override(ws: Path, body: str, name: str = "packet.html.j2") -> Path:
    (ws / "templates").mkdir(exist_ok=True)
    path = ws / "templates" / name
    path.write_text(f"<html><head><title>x</title></head><body>\n{body}\n</body></html>\n")
    return path


# -- the sandbox ---------------------------------------------------------------------------

CANARY = "/tmp/infoview-sandbox-canary"

ESCAPES = [
    (
        "{{ lipsum.__globals__['os'].popen('touch " + CANARY + "').read() }}",
        "'lipsum' is undefined",
    ),
    (
        "{{ cycler.__init__.__globals__.os.popen('touch " + CANARY + "') }}",
        "access to attribute '__init__' of 'StrictUndefined'",  # cycler is not there at all
    ),
    ("{{ joiner.__init__.__globals__ }}", "access to attribute '__init__' of 'StrictUndefined'"),
    ("{{ namespace().__init__ }}", "'namespace' is undefined"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "access to attribute '__class__' of 'str'"),
    ("{{ ().__class__.__base__.__subclasses__() }}", "access to attribute '__class__' of 'tuple'"),
    ("{{ self._TemplateReference__context }}", "access to attribute '_TemplateReference__context'"),
    ("{{ self.__init__.__globals__ }}", "access to attribute '__init__'"),
    ("{{ config.items() }}", "'config' is undefined"),
    ("{{ request.application.__globals__ }}", "'request' is undefined"),
    ("{{ '{0.__class__}'.format(1) }}", "access to attribute '__class__' of 'int'"),
    ("{{ '{0.__globals__}'.format(range) }}", "access to attribute '__globals__'"),
    ("{{ '%s'.format_map({}) ~ ''.__doc__ }}", "access to attribute '__doc__'"),
    ("{{ who|attr('__class__') }}", "access to attribute '__class__' of 'Interviewer'"),
    ("{{ who['__class__'] }}", "access to attribute '__class__' of 'Interviewer'"),
    ("{{ range.__self__ }}", "access to attribute '__self__'"),
    ("{% set x = [] %}{{ x.append(1) }}", "access to attribute 'append' of 'list'"),
    ("{{ tags.__getitem__ }}", "access to attribute '__getitem__'"),
    ("{% macro m() %}{{ m.__globals__ }}{% endmacro %}{{ m() }}", "has no attribute '__globals__'"),
    ("{% macro m() %}{{ m._func.__globals__ }}{% endmacro %}{{ m() }}", "attribute '_func'"),
]


@pytest.mark.parametrize(("body", "reason"), ESCAPES, ids=[e[0][:40] for e in ESCAPES])
def test_template_escapes_are_refused_naming_the_file(
    runner: CliRunner, workspace: Path, body: str, reason: str
) -> None:
    make(workspace)
    override(workspace, body)
    with pytest.MonkeyPatch.context():
        if os.path.exists(CANARY):
            os.unlink(CANARY)
        for command in (["packet"], ["packet", "--html"]):
            result = run(runner, workspace, *command)
            assert result.exit_code == 1
            prefix = f"  interviews/{STEM}.md: template templates/packet.html.j2:2: "
            line = result.stderr.splitlines()[0]
            assert line.startswith(prefix), line
            assert reason in line
            assert line.endswith("; fix or remove it")
    assert not os.path.exists(CANARY)
    assert not (workspace / "build" / "packets" / f"{STEM}.pdf").exists()


BOUNDED = [
    (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "makes more than 1000000 items with range()",
    ),
    ("{{ 'x' * 100000000 }}", "makes more than 1000000 characters or items with '*'"),
    ("{{ [1, 2] * 10000000 }}", "makes more than 1000000 characters or items with '*'"),
    ("{{ 2 ** 100000000 }}", "raises a number to a power over 1000"),
    ("{{ 'x'.ljust(1000000000) }}", "passes 1000000000, more than 1000000, to a call or filter"),
    ("{{ 'x'|center(1000000000) }}", "passes 1000000000, more than 1000000, to a call or filter"),
    ("{{ 'a'|indent(999999999) }}", "passes 999999999, more than 1000000"),
    ("{{ '%999999999s' % 1 }}", "uses a format string with a width over 1000000"),
    ("{{ '{:>999999999}'.format(1) }}", "uses a format string with a width over 1000000"),
    ("{{ '%999999999s'|format(1) }}", "uses a format string with a width over 1000000"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself without end"),
    ("{% include 'packet.html.j2' %}", "calls itself without end"),
]


@pytest.mark.parametrize(("body", "reason"), BOUNDED, ids=[b[0][:40] for b in BOUNDED])
def test_template_work_is_bounded(
    runner: CliRunner, workspace: Path, body: str, reason: str
) -> None:
    make(workspace)
    override(workspace, body)
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 1
    assert reason in result.stderr, result.stderr
    assert "templates/packet.html.j2:2: " in result.stderr


def test_a_template_that_never_ends_is_stopped(
    runner: CliRunner, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(templates, "MAX_RENDER_SECONDS", 0.3)
    make(workspace)
    loop = "{% set s = 'x' * 1000000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    override(workspace, loop)
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 1
    assert "took more than 0.3 s to render (a loop that never ends?)" in result.stderr


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("{% if %}", "Expected an expression, got 'end of statement block'"),
        ("{{ nope }}", "'nope' is undefined"),
        ("{{ who.name|nosuchfilter }}", "No filter named 'nosuchfilter'"),
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
        ("{% include 'missing.j2' %}", "no template named 'missing.j2'"),
        ("{% include '../../../etc/passwd' %}", "no template named '../../../etc/passwd'"),
        ("{% extends '/etc/passwd' %}", "no template named '/etc/passwd'"),
    ],
)
def test_a_broken_template_is_a_message_naming_it(
    runner: CliRunner, workspace: Path, body: str, reason: str
) -> None:
    make(workspace)
    override(workspace, body)
    result = run(runner, workspace, "packet")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"  interviews/{STEM}.md: template templates/packet.html.j2:2: "
    )
    assert reason in result.stderr


@pytest.mark.parametrize("name", ["thanks.txt.j2", "card.html.j2"])
def test_thank_you_templates_are_sandboxed_too(
    runner: CliRunner, workspace: Path, name: str
) -> None:
    make(workspace, formality="formal" if name.startswith("thanks") else "informal")
    override(workspace, "{{ lipsum.__globals__.os.popen('touch " + CANARY + "') }}", name)
    result = run(runner, workspace, "thanks", "--today", "2026-12-04")
    assert result.exit_code == 1
    assert f"templates/{name}:2: 'lipsum' is undefined; fix or remove it" in result.stderr
    assert not os.path.exists(CANARY)
    assert not (workspace / "build" / "thanks").exists()


def test_the_new_interview_template_is_sandboxed_too(runner: CliRunner, workspace: Path) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "interview.md.j2").write_text("{{ ''.__class__.__mro__ }}\n")
    result = run(runner, workspace, "new", "Dana Whitfield", "--today", "2026-12-01")
    assert result.exit_code == 1
    assert (
        "templates/interview.md.j2:1: not allowed in a template: access to attribute"
        in result.stderr
    )
    assert list((workspace / "interviews").iterdir()) == []


def test_the_packaged_templates_render_in_the_sandbox(runner: CliRunner, workspace: Path) -> None:
    make(workspace)
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 0, result.output
    html = (workspace / "build" / "packets" / f"{STEM}.html").read_text()
    assert "Which tasks do paralegals here handle end to end?" in html


# -- templates and stylesheets are read confined ---------------------------------------------


def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "packet.html.j2").write_text("<html><body>SECRET-TEMPLATE</body></html>")
    (folder / "packet.css").write_text("body { color: red } /* SECRET-CSS */")
    (folder / "card.css").write_text("body { color: red } /* SECRET-CSS */")
    return folder


@pytest.mark.parametrize("html", [False, True])
def test_a_template_linked_outside_is_refused(
    runner: CliRunner, workspace: Path, tmp_path: Path, html: bool
) -> None:
    make(workspace)
    (workspace / "templates").mkdir()
    (workspace / "templates" / "packet.html.j2").symlink_to(outside(tmp_path) / "packet.html.j2")
    result = run(runner, workspace, "packet", *(["--html"] if html else []))
    assert result.exit_code == 1
    assert result.stderr == (
        f"  interviews/{STEM}.md: template templates/packet.html.j2: is a symbolic link (or "
        "inside a linked folder) leading outside the workspace; replace the link with the "
        "file itself\n"
    )


def test_a_templates_folder_linked_outside_is_refused(
    runner: CliRunner, workspace: Path, tmp_path: Path
) -> None:
    make(workspace)
    (workspace / "templates").symlink_to(outside(tmp_path))
    result = run(runner, workspace, "packet")
    assert result.exit_code == 1
    assert (
        "template templates/packet.html.j2: is a symbolic link (or inside a linked folder)"
        in result.stderr
    )


def test_a_template_over_1_mb_or_a_fifo_is_refused(runner: CliRunner, workspace: Path) -> None:
    make(workspace)
    big = override(workspace, "x")
    with big.open("ab") as handle:
        handle.truncate(2 * 1024 * 1024)
    result = run(runner, workspace, "packet")
    assert result.exit_code == 1
    assert (
        "template templates/packet.html.j2: is 2 MB; a template should be far smaller"
        in result.stderr
    )
    big.unlink()
    os.mkfifo(big)
    result = run(runner, workspace, "packet")
    assert result.exit_code == 1
    assert "templates/packet.html.j2: is a named pipe (FIFO), not a file" in result.stderr


DEFAULT = "the packaged default stylesheet is used instead"


@pytest.mark.parametrize("html", [False, True])
@pytest.mark.parametrize("how", ["file", "folder"])
def test_a_stylesheet_linked_outside_is_refused(
    runner: CliRunner, workspace: Path, tmp_path: Path, html: bool, how: str
) -> None:
    make(workspace)
    if how == "file":
        (workspace / "styles").mkdir()
        (workspace / "styles" / "packet.css").symlink_to(outside(tmp_path) / "packet.css")
    else:
        (workspace / "styles").symlink_to(outside(tmp_path))
    result = run(runner, workspace, "packet", *(["--html"] if html else []))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"  interviews/{STEM}.md: not included: styles/packet.css: is a symbolic link (or "
        "inside a linked folder) leading outside the workspace; replace the link with the "
        f"file itself; {DEFAULT}"
    )
    output = workspace / "build" / "packets" / f"{STEM}.{'html' if html else 'pdf'}"
    data = output.read_bytes() if html else pdf_bytes(output)
    assert b"SECRET-CSS" not in data and b"color: red" not in data


def test_a_300_mb_stylesheet_is_refused_without_reading_it(
    runner: CliRunner, workspace: Path
) -> None:
    make(workspace)
    (workspace / "styles").mkdir()
    sheet = workspace / "styles" / "packet.css"
    with sheet.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: no disk is used
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"  interviews/{STEM}.md: not included: styles/packet.css: is 300 MB; a stylesheet "
        f"should be far smaller; {DEFAULT}"
    )
    assert (workspace / "build" / "packets" / f"{STEM}.html").stat().st_size < 1024 * 1024


def test_a_fifo_stylesheet_is_refused_without_waiting(runner: CliRunner, workspace: Path) -> None:
    make(workspace)
    (workspace / "styles").mkdir()
    os.mkfifo(workspace / "styles" / "packet.css")
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 0, result.output
    assert "not included: styles/packet.css: is a named pipe (FIFO), not a file" in result.stderr


def test_a_card_stylesheet_linked_outside_is_refused(
    runner: CliRunner, workspace: Path, tmp_path: Path
) -> None:
    make(workspace, formality="informal")
    (workspace / "styles").mkdir()
    (workspace / "styles" / "card.css").symlink_to(outside(tmp_path) / "card.css")
    result = run(runner, workspace, "thanks", "--today", "2026-12-04")
    assert result.exit_code == 0, result.output
    assert (
        f"  warning: interviews/{STEM}.md: not included: styles/card.css: is a symbolic link "
        "(or inside a linked folder) leading outside the workspace"
    ) in result.stderr
    card = workspace / "build" / "thanks" / f"{STEM}.pdf"
    assert b"SECRET-CSS" not in pdf_bytes(card)


# -- --html carries no reference to fetch -------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    yield sock
    sock.close()


def test_html_embeds_what_is_inside_and_drops_the_rest(
    runner: CliRunner, workspace: Path, tmp_path: Path, listener: socket.socket
) -> None:
    port = listener.getsockname()[1]
    far = png(tmp_path / "far.png")
    make(
        workspace,
        photo=f"http://127.0.0.1:{port}/photo.jpg",
        image=f"http://127.0.0.1:{port}/x.png",
    )
    (workspace / "styles").mkdir()
    (workspace / "styles" / "extra.css").write_text(".extra { color: green }")
    (workspace / "styles" / "packet.css").write_text(
        f'@import url("http://127.0.0.1:{port}/evil.css");\n'
        '@import "../../outside/x.css";\n'
        '@import "extra.css";\n'
        f'.a {{ background: url("{far.as_uri()}") }}\n'
        f".b {{ background: url(http://127.0.0.1:{port}/bg.png) }}\n"
        '.c { background: url("../interviews/photo.png") }\n'
    )
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 0, result.output
    page = (workspace / "build" / "packets" / f"{STEM}.html").read_text()
    refused = sorted(line.split("not included: ", 1)[1] for line in result.stderr.splitlines())
    never = "only files inside the workspace are used; packets never fetch URLs"
    assert f"http://127.0.0.1:{port}/photo.jpg: {never}" in refused
    assert f"http://127.0.0.1:{port}/x.png: {never}" in refused
    assert f"http://127.0.0.1:{port}/evil.css: {never}" in refused
    assert f"http://127.0.0.1:{port}/bg.png: {never}" in refused
    assert f"{far.as_uri()}: outside the workspace; move the file into the workspace" in refused
    assert "../../outside/x.css: outside the workspace; move the file into the workspace" in refused
    # nothing for a browser to fetch, nothing of this machine's paths
    assert f"127.0.0.1:{port}" not in page
    references = re.findall(r'(?:src|href)="([^"]*)"|url\(([^)]*)\)', page)
    assert not [r for r in references if "file:" in "".join(r)]
    assert str(workspace) not in page and str(workspace.resolve()) not in page
    assert "<base" not in page and "@import" not in page
    assert ".extra { color: green }" in page  # a local import is inlined
    assert page.count("data:image/png;base64,") == 1  # the .c background, from inside
    with pytest.raises(TimeoutError):
        listener.accept()


def test_a_photo_inside_is_embedded_in_html(runner: CliRunner, workspace: Path) -> None:
    make(workspace)
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 0, result.output
    page = (workspace / "build" / "packets" / f"{STEM}.html").read_text()
    assert page.count('src="data:image/png;base64,') == 2  # the photo and the inline image
    assert "photo.png" not in page


HOSTILE_HTML = """\
<a href="file:///etc/passwd">f</a> <a href="javascript:alert(1)">j</a>
<a href=" java&#9;script:alert(2)">k</a> <a href="//evil.example/x">s</a>
<a href="https://ok.example/">ok</a> <a href="tel:+15035550142">t</a> <a href="#notes">n</a>
<link rel="attachment" href="../infoview.toml"> <link rel="stylesheet" href="http://evil.example/x.css">
<base href="http://evil.example/"> <meta http-equiv="refresh" content="0;url=http://evil.example/">
<iframe src="http://evil.example/">framed text</iframe> <script>alert(3)</script>
<object data="http://evil.example/o.svg">obj</object>
<img srcset="http://evil.example/s.png 2x" alt="s">
<div style="background:url(http://evil.example/bg.png)" onclick="alert(4)">styled</div>
<svg><image href="http://evil.example/i.png"/></svg>
<form action="http://evil.example/"><input name=q></form>
<p>kept text</p>
"""


def test_hostile_template_markup_never_reaches_the_html(runner: CliRunner, workspace: Path) -> None:
    make(workspace)
    override(workspace, HOSTILE_HTML)
    result = run(runner, workspace, "packet", "--html")
    assert result.exit_code == 0, result.output
    page = (workspace / "build" / "packets" / f"{STEM}.html").read_text()
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs == ["https://ok.example/", "tel:+15035550142", "#notes"]
    for gone in (
        "evil.example",
        "<script",
        "<iframe",
        "<link",
        "<base",
        "http-equiv",
        "onclick",
        "srcset",
        "<object",
        "<svg",
        "<form",
        "<input",
        "javascript",
        "file:",
    ):
        assert gone not in page, gone
    assert "<p>kept text</p>" in page and "styled" in page


def pdf_bytes(path: Path) -> bytes:
    """Every object of the PDF, streams decompressed (what a reader of the file could see)."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    reader = PdfReader(path)
    parts = [path.read_bytes()]
    for generation, numbers in reader.xref.items():
        for number in numbers:
            obj = reader.get_object(IndirectObject(number, generation, reader))
            parts.append(str(obj).encode("utf-8", "replace"))
            if hasattr(obj, "get_data"):
                parts.append(obj.get_data())
    for number in reader.xref_objStm:
        obj = reader.get_object(IndirectObject(number, 0, reader))
        parts.append(str(obj).encode("utf-8", "replace"))
    return b"\n".join(parts)


def link_uris(path: Path) -> list[str]:
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def test_only_web_mail_and_phone_links_survive_into_the_pdf(
    runner: CliRunner, workspace: Path, read_pdf: Any
) -> None:
    make(workspace)
    override(workspace, HOSTILE_HTML)
    result = run(runner, workspace, "packet")
    assert result.exit_code == 0, result.output
    pdf = workspace / "build" / "packets" / f"{STEM}.pdf"
    assert link_uris(pdf) == ["https://ok.example/", "tel:+15035550142"]
    data = pdf_bytes(pdf)
    assert str(workspace.resolve()).encode() not in data
    assert b"file:" not in data and b"evil.example" not in data
    assert b"/EmbeddedFile" not in data  # <link rel="attachment"> did not attach infoview.toml


def test_a_relative_markdown_link_is_text_not_a_file_link(
    runner: CliRunner, workspace: Path, read_pdf: Any
) -> None:
    make(workspace)
    result = run(runner, workspace, "packet")
    assert result.exit_code == 0, result.output
    pdf = workspace / "build" / "packets" / f"{STEM}.pdf"
    assert sorted(link_uris(pdf)) == [
        "https://example.com/firm",
        "https://meet.example.com/abc",
        "mailto:dana@example.com",
        "tel:+15035550142",
    ] or sorted(link_uris(pdf)) == [
        "https://example.com/firm",
        "mailto:dana@example.com",
        "tel:+15035550142",
    ]
    assert "see my notes, the firm" in read_pdf(pdf).text
    data = pdf_bytes(pdf)
    assert str(workspace.resolve()).encode() not in data
    assert str(workspace).encode() not in data
    assert b"file:" not in data
    shown = "a link to a file or another kind of address is shown as text"
    assert f"  interviews/{STEM}.md: not included: notes.md: {shown}" in result.stderr
    assert f"  interviews/{STEM}.md: not included: ../../secret.txt: {shown}" in result.stderr


def test_the_packaged_template_is_what_a_workspace_override_starts_from() -> None:
    assert (PACKAGE_TEMPLATES / "packet.html.j2").is_file()


# -- the markup budget ------------------------------------------------------------------------


def test_markup_beyond_the_budget_is_plain_text() -> None:
    from infoview.render.markdown import Markdown

    md = Markdown(per_item=2, total=3)
    assert md.inline("*a* and **b**") == "<em>a</em> and <strong>b</strong>"
    assert md.inline("*a* *b* *c*") == "a b c"  # over the per-item budget
    assert md.inline("`x`") == "<code>x</code>"  # the last one the packet may have
    assert md.inline("*d*") == "d"  # over the packet's budget
    assert md.block("- *e*\n- <b>raw</b>") == "<p>- e - &lt;b&gt;raw&lt;/b&gt;</p>"
    assert md.plain == {"*a* *b* *c*", "*d*", "- *e*\n- <b>raw</b>"}
