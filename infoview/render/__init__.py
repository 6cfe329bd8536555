"""Rendering: safe Markdown -> HTML, Jinja2 templates, and WeasyPrint confined to the workspace."""
