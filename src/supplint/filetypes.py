"""What kind of file a name is: a label, a page or an NIH DSLD record, by its suffix (the walk, the reader and the
engine all decide by these)."""

from __future__ import annotations

import os
import re

LABEL_SUFFIXES = frozenset({".yaml", ".yml"})
# .mdx (Markdown with JSX, as Docusaurus, Next.js and Astro sites write posts) is read as Markdown, its JSX left out.
PAGE_SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".html", ".htm"})
DSLD_SUFFIX = ".json"
#: A Supplement Facts panel copied as text: imported in memory, then checked as a label. A walk checks one only
#: when the config's `include` names it (most .txt files are not panels).
PANEL_SUFFIX = ".txt"


def is_page(filename: str) -> bool:
    """A Markdown or HTML page, by its name (checked with the page rules)."""
    return os.path.splitext(filename)[1].lower() in PAGE_SUFFIXES


def is_mdx(filename: str) -> bool:
    """An MDX page: Markdown whose import/export lines, JSX tags and {expressions} are code, not prose."""
    return os.path.splitext(filename)[1].lower() == ".mdx"


def is_html(filename: str) -> bool:
    """An HTML page (the rest of the pages are Markdown)."""
    return os.path.splitext(filename)[1].lower() in (".html", ".htm")


def is_dsld(filename: str) -> bool:
    """An NIH DSLD record, by its name (converted, then checked as a label)."""
    return filename.lower().endswith(DSLD_SUFFIX)


def is_panel(filename: str) -> bool:
    """A Supplement Facts panel pasted as text, by its name (imported, then checked as a label)."""
    return filename.lower().endswith(PANEL_SUFFIX)


def is_label_name(filename: str) -> bool:
    """A YAML file, by its name (a label, a stack file, or some other YAML a walk may meet)."""
    return os.path.splitext(filename)[1].lower() in LABEL_SUFFIXES


#: A label or a stack file has one of these keys at the top (a block mapping's key, or a flow mapping's first).
_LABEL_KEY = re.compile(rb"^(?:\{[ \t]*)?[\"']?(?:product|facts|stack)[\"']?[ \t]*:", re.MULTILINE)


def looks_like_label(raw: bytes) -> bool:
    """Does a YAML file's text look like a label or a stack file (rather than a compose file or a workflow)?"""
    return _LABEL_KEY.search(raw) is not None
