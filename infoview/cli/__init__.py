"""The ``infoview`` command line: arguments in, exit code out.

Each command is a few lines that import the module doing the work inside the function, so
``infoview --help`` and ``infoview lint`` never load WeasyPrint. InfoviewError is turned into
a message and an exit code in exactly one place, ``base._Group.invoke``. The commands live
in small modules by what they do; importing this package registers them all.
"""

from __future__ import annotations

from infoview.cli import check, editor, outputs, record, setup
from infoview.cli.base import cli, main

__all__ = ["check", "cli", "editor", "main", "outputs", "record", "setup"]
