"""The Jinja2 environment: packaged templates, overridable from the workspace's templates/."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import jinja2

from infoview.render.markdown import render_block, render_inline

PACKAGE_TEMPLATES = Path(str(resources.files("infoview") / "templates"))
PACKAGE_STYLES = Path(str(resources.files("infoview") / "data"))


def environment(workspace_templates: Path | None = None) -> jinja2.Environment:
    """Build an autoescaping environment; every front-matter value is escaped in every template."""
    loaders: list[jinja2.BaseLoader] = []
    if workspace_templates is not None and workspace_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(workspace_templates))
    loaders.append(jinja2.FileSystemLoader(PACKAGE_TEMPLATES))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = render_block
    env.filters["inline"] = render_inline
    return env


def templates_digest(workspace_templates: Path | None, names: tuple[str, ...]) -> bytes:
    """Hash the templates that would be used for ``names`` (for incremental builds)."""
    digest = hashlib.sha256()
    for name in names:
        for folder in (workspace_templates, PACKAGE_TEMPLATES):
            if folder is not None and (folder / name).is_file():
                digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
                break
    return digest.digest()


def default_stylesheet(name: str) -> Path:
    """Return the packaged default stylesheet (used when the workspace has none)."""
    return PACKAGE_STYLES / name
