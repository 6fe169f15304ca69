"""Finding the files to check: explicit paths as given, directories walked in a stable order.

A walk picks up only what can be read as a file: a FIFO, a device or a socket with a label's name, a symbolic link
that is broken, loops or leads out of the repository are skipped, each with a reason the run prints as a note.
A path named on the command line is the user's choice and is kept (a file that cannot be read then gets SUP001).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..files import inside, not_regular, os_reason, repository_root
from ..filetypes import LABEL_SUFFIXES, PAGE_SUFFIXES, PANEL_SUFFIX
from .gitignore import GitIgnore

# .txt panels are walked too; the run keeps only those its config's `include` names (Run.planned).
WALKED_SUFFIXES = PAGE_SUFFIXES | LABEL_SUFFIXES | {PANEL_SUFFIX}

# Directories no one means to lint (as ruff's default excludes); hidden ones (.git, .github, .venv) are skipped too.
EXCLUDED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages", "build", "dist", "_build"})


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)  # labels and pages, in walking order
    missing: list[str] = field(default_factory=list)
    explicit: set[str] = field(default_factory=set)  # named on the command line: config excludes do not apply
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) for files a walk did not check


def discover(paths: list[str], respect_gitignore=lambda folder: True) -> Discovery:
    """The files to check under ``paths``; a walk leaves out what the repository's ignore files name, unless
    ``respect_gitignore(folder)`` says not to for a walked folder."""
    found = Discovery()
    found.files.extend(walked(paths, found, respect_gitignore))
    return found


def walked(paths: list[str], found: Discovery, respect_gitignore=lambda folder: True) -> Iterator[str]:
    """``discover``'s files one at a time, in the same order, for a run that does not hold them all: what is
    missing, named or skipped goes into ``found`` as the walk meets it (``found.files`` is left alone)."""
    # Only several targets can reach one file twice (a folder and a file in it); one walk never does, and a run
    # over one folder then keeps no set of every path.
    seen: set[str] | None = set() if len(paths) > 1 else None

    def new(path: str) -> bool:
        if seen is None:
            return True
        if path in seen:
            return False
        seen.add(path)
        return True

    for raw in paths:
        if os.path.isdir(raw):
            root = repository_root(os.path.abspath(raw))
            ignore = GitIgnore(root) if respect_gitignore(raw) else None
            for folder, dirs, files in os.walk(raw):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and d not in EXCLUDED_DIRS
                    and not (ignore and ignore.ignored(os.path.join(folder, d), is_dir=True))
                )
                for name in sorted(files):
                    if name.startswith(".") or Path(name).suffix.lower() not in WALKED_SUFFIXES:
                        continue
                    path = os.path.normpath(os.path.join(folder, name))
                    if ignore and ignore.ignored(path):
                        continue
                    why = _unwalkable(path, root)
                    if why:
                        found.skipped.append((path, why))
                    elif new(path):
                        yield path
        elif os.path.lexists(raw):  # a broken link too: named on purpose, so its SUP001 says what is wrong with it
            found.explicit.add(raw)
            # An explicitly named file of another suffix is checked too, as ruff does: a .json file as an NIH DSLD
            # label record (engine.Linter.check_text), any other as a label. Walking never picks up .json.
            if new(raw):
                yield raw
        else:
            found.missing.append(raw)


def may_hold_pages(paths: list[str]) -> bool:
    """Could a walk of ``paths`` reach a page? A quick look at names only (no ignore files, no stat): a page among
    them means the run must remember the files it checks, for the labels pages name (runner.NamedLabels)."""
    for raw in paths:
        if not os.path.isdir(raw):
            if Path(raw).suffix.lower() in PAGE_SUFFIXES:
                return True
            continue
        for _, dirs, files in os.walk(raw):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in EXCLUDED_DIRS]
            if any(Path(name).suffix.lower() in PAGE_SUFFIXES for name in files if not name.startswith(".")):
                return True
    return False


def _unwalkable(path: str, root: str) -> str | None:
    """Why a walk does not check ``path`` (None: it does)."""
    link = os.path.islink(path)
    try:
        refused = not_regular(os.stat(path).st_mode)
    except OSError as exc:
        reason = os_reason(exc)
        if link and "loop" not in str(reason):
            return "is a symbolic link to a file that does not exist"
        return str(reason)
    if refused:
        return str(refused)
    if link and not inside(path, root):
        return "is a symbolic link to a file outside the repository"
    return None
