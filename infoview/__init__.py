"""infoview: prepare, conduct and follow up informational interviews kept as Markdown."""

from __future__ import annotations

__version__ = "0.1.0"
