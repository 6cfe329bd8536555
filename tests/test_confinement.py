"""Rendering is offline and confined to the workspace; every value is shown as text."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image

from infoview.cli import cli
from infoview.packet import render_html
from infoview.render.pdf import ALLOWED_SUFFIXES, ConfinedFetcher, Refused
from infoview.render.templates import default_stylesheet
from infoview.workspace import open_workspace

NAME = "Eve <script>alert(1)</script> </title><h1>pwned"
ORG = "</title><h1>Org"
STEM = "2026-12-03-eve"

INTERVIEW = """\
---
interviewer:
  name: "{name}"
  organization: "{org}"
  photo: {photo}
meeting:
  date: 2026-12-03T10:00
  duration: 30
learning_goals:
  - Learn how the firm works.
---

## Research
- **Work history:** Body <script>alert(2)</script> and </title><h1>body-pwned
- **Education:** raw <b>bold</b> and <img src="{outside_uri}"> tag
{images}
## Questions
### Goal 1
- What is a normal week like <script>x</script>?
"""


def interview(photo: str, images: Sequence[str] = (), outside_uri: str = "x.png") -> str:
    return INTERVIEW.format(
        name=NAME.replace('"', '\\"'),
        org=ORG,
        photo=photo,
        images="".join(f"- ![image]({url})\n" for url in images),
        outside_uri=outside_uri,
    )


def png(path: Path, size: tuple[int, int] = (8, 8), mode: str = "RGB") -> Path:
    Image.new(mode, size).save(path)
    return path


@pytest.fixture(scope="module")
def listener() -> Iterator[socket.socket]:
    """A listening socket standing in for a web server no render may reach."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    yield sock
    sock.close()


def assert_never_connected(sock: socket.socket) -> None:
    with pytest.raises(TimeoutError):
        conn, _ = sock.accept()
        conn.close()


class Hostile:
    """A workspace whose one interview reaches for everything it must not have."""

    def __init__(self, root: Path, port: int, make: Callable[[Path], Path]) -> None:
        self.outside = png(root / "outside.png")
        self.elsewhere = png(root / "elsewhere.png")
        self.ws = make(root / "ws")
        folder = self.ws / "interviews"
        (folder / "link.png").symlink_to(self.outside)
        png(folder / "big.png", (5001, 5001), mode="1")  # 25,005,001 pixels, a few KB
        (self.ws / "styles").mkdir()
        (self.ws / "styles" / "packet.css").write_text(
            f'@import url("http://127.0.0.1:{port}/evil.css");\n'
            + default_stylesheet("packet.css").read_text()
            + f'body {{ background: url("{self.outside.as_uri()}"); }}\n'
        )
        self.port = port
        self.urls = {
            "absolute file URL": self.outside.as_uri(),
            "../ escape": "../../elsewhere.png",
            "http": f"http://127.0.0.1:{port}/x.png",
            "symlink out": "link.png",
            "oversized": "big.png",
            # markdown-it drops file: links, so this one stays literal text, never requested
            "Markdown file URL": "file:///etc/hostname",
            "data URL": "data:image/png;base64,"
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==",
        }
        text = interview(
            photo=self.outside.as_uri(),
            images=[url for key, url in self.urls.items() if key != "absolute file URL"],
            outside_uri=self.outside.as_uri(),
        )
        self.source = folder / f"{STEM}.md"
        self.source.write_text(text)
        self.output = self.ws / "build" / "packets" / f"{STEM}.pdf"
        self.built: list[str] = []  # what build/packets/ held right after the build


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory,
    make_workspace: Callable[[Path], Path],
    runner: CliRunner,
    listener: socket.socket,
    read_pdf: Callable[[Path], Any],
) -> tuple[Hostile, Any, Any]:
    """Build the hostile packet once: (workspace, CLI result, PDF)."""
    h = Hostile(tmp_path_factory.mktemp("confined"), listener.getsockname()[1], make_workspace)
    result = runner.invoke(cli, ["packet", "--workspace", str(h.ws)])
    h.built = sorted(p.name for p in h.output.parent.iterdir())
    return h, result, read_pdf(h.output)


# -- nothing outside the workspace gets in -------------------------------------------------


def test_hostile_packet_still_builds(hostile: tuple[Hostile, Any, Any]) -> None:
    h, result, pdf = hostile
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(f"built      build/packets/{STEM}.pdf (")
    assert pdf.pages > 1
    assert h.built == [".stamps", f"{STEM}.pdf"]


def test_no_image_is_embedded(hostile: tuple[Hostile, Any, Any]) -> None:
    _, _, pdf = hostile
    assert pdf.images() == []


def test_http_is_never_fetched(hostile: tuple[Hostile, Any, Any], listener: socket.socket) -> None:
    assert_never_connected(listener)


def _refusals(result: Any) -> dict[str, str]:
    prefix = f"  interviews/{STEM}.md: not included: "
    lines = result.stderr.splitlines()
    assert all(line.startswith(prefix) for line in lines), lines
    found = {}
    for line in lines:
        url, _, reason = line.removeprefix(prefix).rpartition(": ")
        found[url] = reason
    return found


def test_each_refusal_is_reported_once(hostile: tuple[Hostile, Any, Any]) -> None:
    h, result, _ = hostile
    refused = _refusals(result)
    outside = "outside the workspace; move the file into the workspace"
    linked = (
        "is a symbolic link (or inside a linked folder) leading outside the workspace; "
        "replace the link with the file itself"
    )
    never = "only files inside the workspace are used; packets never fetch URLs"
    interviews = h.ws.resolve() / "interviews"
    assert refused == {
        h.outside.as_uri(): outside,  # the photo and the stylesheet's background
        h.elsewhere.as_uri(): outside,  # ../../elsewhere.png, resolved against interviews/
        h.urls["http"]: never,
        f"http://127.0.0.1:{h.port}/evil.css": never,  # the stylesheet's @import
        (interviews / "link.png").as_uri(): linked,
        (interviews / "big.png").as_uri(): "5001x5001 pixels is more than the 25000000 allowed",
        h.urls["data URL"]: never,
    }
    assert len(result.stderr.splitlines()) == len(refused)


# -- values are text -----------------------------------------------------------------------


def compact(text: str) -> str:
    return "".join(text.split())


def test_front_matter_markup_is_text_in_the_pdf(hostile: tuple[Hostile, Any, Any]) -> None:
    _, _, pdf = hostile
    for text in [
        f"PREP PACKET {NAME} {ORG} When Thursday",  # the cover
        f"Photo of {NAME}",  # the refused photo's alternative text
        f"Prep packet · {NAME}",  # the running header (cut to one line with "…")
    ]:
        assert compact(text) in pdf.compact, text
    assert pdf.metadata["/Title"] == f"Prep packet: {NAME}, {ORG}"


def test_markdown_markup_is_text_in_the_pdf(hostile: tuple[Hostile, Any, Any]) -> None:
    h, _, pdf = hostile
    for text in [
        "Work history Body <script>alert(2)</script> and </title><h1>body-pwned",
        f'Education raw <b>bold</b> and <img src="{h.outside.as_uri()}"> tag',
        "What is a normal week like <script>x</script>?",
        "![image](file:///etc/hostname)",
    ]:
        assert compact(text) in pdf.compact, text


def test_rendered_html_has_no_live_markup(hostile: tuple[Hostile, Any, Any]) -> None:
    h, _, _ = hostile
    ws = open_workspace(h.ws)
    html = render_html(ws.read(h.source), ws)
    assert "<script" not in html
    assert "<h1>pwned" not in html
    assert "<h1>body-pwned" not in html
    assert "<b>bold" not in html
    assert f"&lt;img src=&quot;{h.outside.as_uri()}&quot;&gt;" in html
    assert html.count("<h1>") == 1
    assert html.count("</title>") == 1
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt; &lt;/title&gt;&lt;h1&gt;pwned" in html
    assert "raw &lt;b&gt;bold&lt;/b&gt;" in html


def test_html_output_has_no_live_markup(
    hostile: tuple[Hostile, Any, Any], runner: CliRunner
) -> None:
    h, _, _ = hostile
    result = runner.invoke(cli, ["packet", "--html", "--workspace", str(h.ws)])
    assert result.exit_code == 0, result.output
    html = (h.ws / "build" / "packets" / f"{STEM}.html").read_text()
    assert "<script" not in html
    assert "<h1>pwned" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


# -- what is allowed -----------------------------------------------------------------------


def test_a_photo_beside_the_interview_is_embedded(
    runner: CliRunner, workspace: Path, read_pdf: Callable[[Path], Any]
) -> None:
    png(workspace / "interviews" / "photo.png", (20, 10))
    (workspace / "interviews" / f"{STEM}.md").write_text(interview(photo="photo.png"))
    result = runner.invoke(cli, ["packet", "--workspace", str(workspace)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    images = read_pdf(workspace / "build" / "packets" / f"{STEM}.pdf").images()
    assert [(i["/Width"], i["/Height"]) for i in images] == [(20, 10)]


# -- the fetcher itself --------------------------------------------------------------------


@pytest.fixture
def fetcher(tmp_path: Path) -> ConfinedFetcher:
    root = tmp_path / "ws"
    (root / "interviews").mkdir(parents=True)
    png(root / "interviews" / "photo.png", (4, 4))
    png(tmp_path / "outside.png")
    (root / "interviews" / "notes.md").write_text("# notes")
    (root / "infoview.toml").write_text("")
    (root / "README").write_text("")
    (root / "styles").mkdir()
    (root / "styles" / "packet.css").write_text("body {}")
    (root / "folder.png").mkdir()
    (root / "garbage.png").write_text("not a PNG")
    (root / "interviews" / "out.png").symlink_to(tmp_path / "outside.png")
    return ConfinedFetcher(root)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("data:image/png;base64,iVBORw0KGgo=", "packets never fetch URLs"),
        ("http://127.0.0.1/x.png", "packets never fetch URLs"),
        ("https://example.com/x.png", "packets never fetch URLs"),
        ("ftp://example.com/x.png", "packets never fetch URLs"),
        ("javascript:alert(1)", "packets never fetch URLs"),
        ("photo.png", "packets never fetch URLs"),  # relative: WeasyPrint resolves first
        ("file://example.com{root}/interviews/photo.png", "only local files"),
        ("file://{tmp}/outside.png", "outside the workspace"),
        ("file:///etc/hostname", "outside the workspace"),
        ("file://{root}/../outside.png", "outside the workspace"),
        ("file://{root}/interviews/../../outside.png", "outside the workspace"),
        ("file://{root}/%2e%2e/outside.png", "outside the workspace"),
        ("file://{root}/interviews/out.png", "outside the workspace"),
        ("file://{root}/interviews/notes.md", "not an image, stylesheet or font (.md)"),
        ("file://{root}/infoview.toml", "not an image, stylesheet or font (.toml)"),
        ("file://{root}/README", "not an image, stylesheet or font (no suffix)"),
        ("file://{root}/missing.png", "no such file"),
        ("file://{root}/folder.png", "no such file"),
        ("file://{root}/garbage.png", "not a readable image ("),
    ],
)
def test_fetcher_refuses(fetcher: ConfinedFetcher, tmp_path: Path, url: str, reason: str) -> None:
    url = url.format(root=fetcher.root, tmp=tmp_path.resolve())
    with pytest.raises(Refused) as info:
        fetcher.check(url)
    assert reason in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "file://{root}/interviews/photo.png",
        "file://localhost{root}/interviews/photo.png",
        "file://{root}/interviews/../interviews/photo.png",
        "file://{root}/interviews/photo.png?v=2#top",
        "file://{root}/styles/packet.css",
    ],
)
def test_fetcher_allows_files_in_the_workspace(fetcher: ConfinedFetcher, url: str) -> None:
    path = fetcher.check(url.format(root=fetcher.root))
    assert path.is_file()
    assert path.is_relative_to(fetcher.root)


def test_fetcher_bounds_bytes_and_pixels(tmp_path: Path) -> None:
    photo = png(tmp_path / "photo.png", (30, 20))
    size = photo.stat().st_size
    with pytest.raises(Refused, match=rf"^{size} bytes is more than the 10 allowed$"):
        ConfinedFetcher(tmp_path, max_bytes=10).check(photo.as_uri())
    with pytest.raises(Refused, match=r"^30x20 pixels is more than the 599 allowed$"):
        ConfinedFetcher(tmp_path, max_pixels=599).check(photo.as_uri())
    assert ConfinedFetcher(tmp_path, max_bytes=size, max_pixels=600).check(photo.as_uri()) == photo


def test_fetch_serves_allowed_files_and_records_refusals(fetcher: ConfinedFetcher) -> None:
    photo = fetcher.root / "interviews" / "photo.png"
    response = fetcher.fetch(photo.as_uri())
    assert response.read() == photo.read_bytes()
    assert response.content_type == "image/png"
    with pytest.raises(Refused):
        fetcher.fetch("http://127.0.0.1:9/x.png")
    assert fetcher.refused == [
        "http://127.0.0.1:9/x.png: only files inside the workspace are used; "
        "packets never fetch URLs"
    ]


def test_only_images_stylesheets_and_fonts_are_served() -> None:
    assert sorted(ALLOWED_SUFFIXES) == [
        ".css",
        ".gif",
        ".jpeg",
        ".jpg",
        ".otf",
        ".png",
        ".svg",
        ".ttf",
        ".webp",
        ".woff",
        ".woff2",
    ]
