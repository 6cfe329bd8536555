"""Allow ``python -m infoview``."""

from __future__ import annotations

from infoview.cli import main

if __name__ == "__main__":
    main()
