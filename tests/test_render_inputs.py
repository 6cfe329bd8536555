"""``render.inputs``: the caps, exactly at their edges, and the type each kind of file is
served with; refusals in their exact words.

The fetcher (``ConfinedFetcher``, what WeasyPrint loads a packet's images and fonts
through) and the stylesheet and template readers are asked directly: every file here is
made to sit on one side of a limit, or to be one kind of file.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from infoview.render.inputs import Refused, read_stylesheet, workspace_stylesheet
from infoview.render.pdf import ConfinedFetcher
from infoview.render.templates import TemplateProblem

MIB = 1024 * 1024


def image(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, kind)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` x ``height``: all a pixel check reads (a "bomb")."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit grey
    idat = zlib.compress(b"\0")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>'
KINDS = [
    (".png", image("PNG"), "image/png"),
    (".jpg", image("JPEG"), "image/jpeg"),
    (".jpeg", image("JPEG"), "image/jpeg"),
    (".gif", image("GIF"), "image/gif"),
    (".webp", image("WEBP"), "image/webp"),
    (".svg", SVG, "image/svg+xml"),  # not a raster: never opened as one
    (".woff", b"wOFF font bytes", "font/woff"),
    (".woff2", b"wOF2 font bytes", "font/woff2"),
    (".ttf", b"\0\1\0\0 font bytes", "font/ttf"),
    (".otf", b"OTTO font bytes", "font/otf"),
    (".css", b"body { color: black }", "text/css"),
]


@pytest.mark.parametrize(("suffix", "body", "mime"), KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_of_file_is_served_with_its_type(
    tmp_path: Path, suffix: str, body: bytes, mime: str
) -> None:
    for name in (f"file{suffix}", f"FILE{suffix.upper()}"):  # the suffix's case aside
        path = tmp_path / name
        path.write_bytes(body)
        response = ConfinedFetcher(tmp_path).fetch(path.as_uri())
        assert response.content_type == mime
        assert response.read() == body


def test_a_missing_file_and_a_folder_are_refused_in_so_many_words(tmp_path: Path) -> None:
    fetcher = ConfinedFetcher(tmp_path)
    (tmp_path / "folder.png").mkdir()
    with pytest.raises(Refused) as missing:
        fetcher.check((tmp_path / "missing.png").as_uri())
    assert str(missing.value) == "no such file"
    with pytest.raises(Refused) as folder:
        fetcher.check((tmp_path / "folder.png").as_uri())
    assert str(folder.value) == "no such file (not a regular file)"


def test_an_image_or_font_may_be_5_mib_and_no_more(tmp_path: Path) -> None:
    font = tmp_path / "font.woff2"
    font.write_bytes(b"\0" * (5 * MIB))
    fetcher = ConfinedFetcher(tmp_path)
    assert fetcher.check(font.as_uri()) == font.resolve()
    font.write_bytes(b"\0" * (5 * MIB + 1))
    with pytest.raises(Refused) as info:
        fetcher.check(font.as_uri())
    assert str(info.value) == "5242881 bytes is more than the 5242880 allowed"


def test_an_image_may_have_25_megapixels_and_no_more(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(png_header(5000, 5000))
    fetcher = ConfinedFetcher(tmp_path)
    assert fetcher.check(photo.as_uri()) == photo.resolve()
    photo.write_bytes(png_header(1, 25_000_001))
    with pytest.raises(Refused) as info:
        fetcher.check(photo.as_uri())
    assert str(info.value) == "1x25000001 pixels is more than the 25000000 allowed"


def test_a_stylesheet_may_be_1_mib_and_no_more(tmp_path: Path) -> None:
    sheet = tmp_path / "big.css"
    sheet.write_bytes(b"/*" + b" " * (MIB - 4) + b"*/")  # one comment, exactly 1 MiB
    assert len(read_stylesheet(sheet, tmp_path)) == MIB
    sheet.write_bytes(b"/*" + b" " * (MIB - 3) + b"*/")
    with pytest.raises(Refused) as info:
        read_stylesheet(sheet, tmp_path)
    assert str(info.value) == "is 1 MB; a stylesheet should be far smaller"


def test_a_stylesheet_that_is_not_utf8_falls_back_to_the_default(tmp_path: Path) -> None:
    default = tmp_path / "default.css"
    default.write_text("body { margin: 0 }", encoding="utf-8")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "packet.css").write_bytes(b'body { font-family: "Caf\xe9" }')
    text, used, notes = workspace_stylesheet(tmp_path, "styles/packet.css", default)
    assert (text, used) == ("body { margin: 0 }", default)
    assert notes == [
        "styles/packet.css: is not UTF-8 text (byte 24); save it as UTF-8; the packaged "
        "default stylesheet is used instead"
    ]


def test_a_template_override_may_be_1_mib_and_no_more(tmp_path: Path) -> None:
    from infoview.config import parse_config
    from infoview.scaffold import markdown_environment
    from infoview.workspace import Workspace

    ws = Workspace(tmp_path, parse_config(""))
    (tmp_path / "templates").mkdir()
    override = tmp_path / "templates" / "interview.md.j2"
    override.write_bytes(b"x" * MIB)
    assert markdown_environment(ws).get_template("interview.md.j2").render() == "x" * MIB
    override.write_bytes(b"x" * (MIB + 1))
    with pytest.raises(TemplateProblem) as info:
        markdown_environment(ws).get_template("interview.md.j2")
    assert info.value.render() == (
        "templates/interview.md.j2: is 1 MB; a template should be far smaller"
    )
