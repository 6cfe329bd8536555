"""Shared fixtures: a real workspace in a temporary folder, the CLI runner, a PDF reader."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

PROFILE_NAME = "Alex Rivera"
PROFILE_INTRO = (
    "I'm Alex Rivera, a second-term student in Paralegal Studies, "
    "and before that an office manager at an architecture practice."
)

CONFIG = f'''\
timezone = "America/Los_Angeles"

[profile]
name = "{PROFILE_NAME}"
email = "alex.rivera@example.edu"
phone = "+1 503 555 0100"
program = "Paralegal Studies, Portland Community College"
intro = """{PROFILE_INTRO}"""

[packet]
paper = "letter"
stylesheet = "styles/packet.css"
'''


def create_workspace(root: Path) -> Path:
    """Make a workspace at ``root``: infoview.toml (with a profile) and interviews/."""
    (root / "interviews").mkdir(parents=True)
    (root / "infoview.toml").write_text(CONFIG, encoding="utf-8")
    return root


def write_interview(root: Path, stem: str, text: str) -> Path:
    """Write ``interviews/<stem>.md`` (``text`` is dedented) and return its path."""
    path = root / "interviews" / f"{stem}.md"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A fresh workspace in ``tmp_path / "ws"``."""
    return create_workspace(tmp_path / "ws")


@pytest.fixture(scope="session")
def make_workspace() -> Callable[[Path], Path]:
    """``create_workspace`` for module-scoped fixtures (which cannot use ``workspace``)."""
    return create_workspace


@pytest.fixture(scope="session")
def write() -> Callable[[Path, str, str], Path]:
    """``write(root, stem, text)``: write an interview file into a workspace."""
    return write_interview


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


class Pdf:
    """A PDF read back with pypdf the way a reader would see it."""

    def __init__(self, path: Path) -> None:
        from pypdf import PdfReader

        self.reader = PdfReader(path)
        raw = "\n".join(page.extract_text() for page in self.reader.pages)
        self.text = " ".join(raw.split())  # line breaks fall wherever the layout put them
        self.compact = "".join(raw.split())  # for strings a line may break inside
        self.metadata: dict[str, Any] = dict(self.reader.metadata or {})
        self.catalog = self.reader.trailer["/Root"]

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def _resources(self) -> list[Any]:
        """Every /Resources dictionary: pages', and those of the forms and patterns they use."""
        found: list[Any] = []
        seen: set[int] = set()
        todo = [page.get("/Resources") for page in self.reader.pages]
        while todo:
            res = todo.pop()
            if res is None:
                continue
            res = res.get_object()
            if id(res) in seen:
                continue
            seen.add(id(res))
            found.append(res)
            for kind in ("/XObject", "/Pattern"):
                for obj in (res.get(kind) or {}).values():
                    obj = obj.get_object()
                    if obj.get("/Resources") is not None:
                        todo.append(obj["/Resources"])
        return found

    def images(self) -> list[Any]:
        """The image XObjects the document draws."""
        images = {}
        for res in self._resources():
            for ref in (res.get("/XObject") or {}).values():
                obj = ref.get_object()
                if obj.get("/Subtype") == "/Image":
                    images[id(obj)] = obj
        return list(images.values())

    def fonts(self) -> dict[str, Any]:
        """BaseFont name -> font dictionary, for every font any page uses."""
        fonts = {}
        for res in self._resources():
            for ref in (res.get("/Font") or {}).values():
                font = ref.get_object()
                fonts[str(font.get("/BaseFont", "?"))] = font
        return fonts


@pytest.fixture(scope="session")
def read_pdf() -> Callable[[Path], Pdf]:
    return Pdf
