"""Finding the files to check: explicit paths as given, directories walked in a stable order."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

LABEL_SUFFIXES = frozenset({".yaml", ".yml"})
PAGE_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm"})
DSLD_SUFFIX = ".json"


def is_page(filename: str) -> bool:
    """A Markdown or HTML page, by its name (checked with the page rules)."""
    return os.path.splitext(filename)[1].lower() in PAGE_SUFFIXES


def is_html(filename: str) -> bool:
    """An HTML page (the rest of the pages are Markdown)."""
    return os.path.splitext(filename)[1].lower() in (".html", ".htm")


def is_dsld(filename: str) -> bool:
    """An NIH DSLD record, by its name (converted, then checked as a label)."""
    return filename.lower().endswith(DSLD_SUFFIX)
# Directories no one means to lint (as ruff's default excludes); hidden ones (.git, .github, .venv) are skipped too.
EXCLUDED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages", "build", "dist", "_build"})


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)   # labels and pages, in walking order
    missing: list[str] = field(default_factory=list)
    explicit: set[str] = field(default_factory=set)  # named on the command line: config excludes do not apply


def discover(paths: list[str]) -> Discovery:
    found = Discovery()
    seen: set[str] = set()

    def add(path: str, explicit: bool) -> None:
        if path in seen:
            return
        seen.add(path)
        suffix = Path(path).suffix.lower()
        if suffix in PAGE_SUFFIXES or suffix in LABEL_SUFFIXES or explicit:
            # An explicitly named file of another suffix is checked too, as ruff does: a .json file as an NIH DSLD
            # label record (engine.Linter.check_text), any other as a label. Walking never picks up .json.
            found.files.append(path)

    for raw in paths:
        if os.path.isdir(raw):
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in EXCLUDED_DIRS)
                for name in sorted(files):
                    if not name.startswith("."):
                        add(os.path.normpath(os.path.join(root, name)), explicit=False)
        elif os.path.isfile(raw):
            found.explicit.add(raw)
            add(raw, explicit=True)
        else:
            found.missing.append(raw)
    return found
