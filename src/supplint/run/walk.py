"""Finding the files to check: explicit paths as given, directories walked in a stable order.

A walk picks up only what can be read as a file: a FIFO, a device or a socket with a label's name, a symbolic link
that is broken, loops or leads out of the repository are skipped, each with a reason the run prints as a note.
A path named on the command line is the user's choice and is kept (a file that cannot be read then gets SUP001).
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..files import inside, not_regular, os_reason, repository_root
from ..filetypes import LABEL_SUFFIXES, PAGE_SUFFIXES, PANEL_SUFFIX
from .gitignore import GitIgnore

# .txt panels are walked too; the run keeps only those its config's `include` names (Run.planned).
WALKED_SUFFIXES = PAGE_SUFFIXES | LABEL_SUFFIXES | {PANEL_SUFFIX}

# Directories no one means to lint (as ruff's default excludes); hidden ones (.git, .github, .venv) are skipped too.
EXCLUDED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages", "build", "dist", "_build"})


@dataclass
class Discovery:
    missing: list[str] = field(default_factory=list)
    explicit: set[str] = field(default_factory=set)  # named on the command line: config excludes do not apply
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) for files a walk did not check


def walked(paths: list[str], found: Discovery, respect_gitignore=lambda folder: True) -> Iterator[str]:
    """The files to check under ``paths``, one at a time (a run does not hold them all): explicit paths as given,
    folders walked; what is missing, named or skipped goes into ``found`` as the walk meets it. A walk leaves out
    what the repository's ignore files name, unless ``respect_gitignore(folder)`` says not to for a walked folder."""
    # Only targets that overlap (a folder and a file or folder in it, a target given twice) can reach one file
    # twice; a run over separate folders then keeps no set of every path.
    seen: set[str] | None = set() if _may_overlap(paths) else None

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
            for path, plain in _folder(raw, ignore):
                why = None if plain else _unwalkable(path, root)
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


def _walked_name(name: str) -> bool:
    # the suffix by hand, not pathlib: a Path interns every name it parses, and the interned table keeps its size
    dot = name.rfind(".")
    return dot > 0 and not name.startswith(".") and name[dot:].lower() in WALKED_SUFFIXES


def _folder(folder: str, ignore: GitIgnore | None) -> Iterator[tuple[str, bool]]:
    """The files a walk checks under ``folder``, as ``os.walk`` top-down with sorted names gives them: a folder's
    files, then each subfolder in turn; each with whether the listing showed it a plain file (a regular file,
    not a link: nothing for _unwalkable to look at). A folder that cannot be listed is left out, as os.walk
    leaves it."""
    dirs: list[str] = []
    names = _SortedNames()
    odd: set[str] = set()  # links, FIFOs, devices: a few, looked at again one by one
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                try:
                    is_dir = entry.is_dir()  # a link to a folder counts as one (and is not walked into, below)
                except OSError:
                    is_dir = False
                if is_dir:
                    if not name.startswith(".") and name not in EXCLUDED_DIRS:
                        dirs.append(name)
                elif _walked_name(name):
                    names.add(name)
                    try:
                        plain = entry.is_file(follow_symlinks=False)  # from the listing's file type: no stat
                    except OSError:
                        plain = False
                    if not plain:
                        odd.add(name)
    except OSError:
        return
    prefix = os.path.normpath(folder)
    prefix = "" if prefix == os.curdir else os.path.join(prefix, "")
    asks = ignore if ignore is not None and ignore.speaks_for(folder) else None
    for name in names:
        path = prefix + name
        if not (asks and asks.ignored(path)):
            yield path, name not in odd
    for name in sorted(dirs):
        sub = os.path.join(folder, name)
        if ignore and ignore.ignored(sub, is_dir=True):
            continue
        if not os.path.islink(sub):  # os.walk's default: links to folders are not followed
            yield from _folder(sub, ignore)


class _SortedNames:
    """A folder's file names, given in any order and read back sorted, held compactly: each run of RUN names is
    sorted and kept as one string (NUL cannot be in a name), and the runs are merged as they are read. A folder of
    100,000 labels then costs about 2 MB, not the 8 MB of a list of 100,000 strings."""

    RUN = 4096

    def __init__(self) -> None:
        self.runs: list[str] = []
        self.open: list[str] = []

    def add(self, name: str) -> None:
        self.open.append(name)
        if len(self.open) >= self.RUN:
            self.runs.append("\0".join(sorted(self.open)))
            self.open = []

    def __iter__(self) -> Iterator[str]:
        last = sorted(self.open)
        self.open = []
        if not self.runs:
            return iter(last)
        runs, self.runs = self.runs, []
        return heapq.merge(*(_split(run) for run in runs), last)


def _split(run: str) -> Iterator[str]:
    start = 0
    while True:
        end = run.find("\0", start)
        if end < 0:
            yield run[start:]
            return
        yield run[start:end]
        start = end + 1


def _may_overlap(paths: list[str]) -> bool:
    """Could two of the targets give the same path string? (A folder's walked paths all start with its normalized
    name; a named file is given as written.) Erring towards yes only costs memory."""
    prefixes = []
    for raw in paths:
        if os.path.isdir(raw):
            norm = os.path.normpath(raw)
            prefixes.append("" if norm == os.curdir else norm.rstrip(os.sep) + os.sep)
        else:
            prefixes.append(raw)
    for i, one in enumerate(prefixes):
        for other in prefixes[:i]:
            if one.startswith(other) or other.startswith(one):
                return True
    return False


def may_hold_pages(paths: list[str]) -> bool:
    """Could a walk of ``paths`` reach a page? A quick look at names only (no ignore files, no stat): a page among
    them means the run must remember the files it checks, for the labels pages name (session.NamedLabels)."""
    for raw in paths:
        if not os.path.isdir(raw):
            if _is_page_name(raw):
                return True
        elif _holds_page(raw):
            return True
    return False


def _is_page_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in PAGE_SUFFIXES


def _holds_page(folder: str) -> bool:
    """Streamed, not listed: a folder of 100,000 labels is read without holding its names."""
    dirs = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    if name not in EXCLUDED_DIRS and not entry.is_symlink():
                        dirs.append(entry.path)
                elif _is_page_name(name):
                    return True
    except OSError:
        return False
    return any(_holds_page(sub) for sub in dirs)


class Reach:
    """Which of the run's paths a walk of ``targets`` gives for a file, told from the file's own path (its folders'
    names, the ignore files, links) rather than from a list of every walked file: a run whose pages name labels
    asks this of each label a page names, and holds no list of its files. ``kept(path, explicit)`` is the run's
    own choice among the walked files (the config's exclude and include)."""

    def __init__(self, targets: list[str], respect_gitignore, kept) -> None:
        self.kept = kept
        # in reverse: when two targets give one file, the later target's spelling is the run's (as a plan's dict)
        self.targets: list[tuple[str, str, str, GitIgnore | None]] = []
        for raw in reversed(targets):
            if os.path.isdir(raw):
                base = os.path.abspath(raw)
                root = repository_root(base)
                ignore = GitIgnore(root) if respect_gitignore(raw) else None
                self.targets.append((raw, base, root, ignore))
            elif os.path.lexists(raw):
                self.targets.append((raw, os.path.abspath(raw), "", None))
        self._links: dict[str, str] | None = None  # real path → the run's path, for links a walk gives

    def path_of(self, target: str) -> str | None:
        """The run's path for the file ``target`` (absolute, normalized), or None when the walk does not give it."""
        for raw, base, root, ignore in self.targets:
            if not root:  # a file named on the command line
                if base == target and self.kept(raw, True):
                    return raw
                continue
            found = self._walked(raw, base, root, ignore, target)
            if found is not None:
                return found
        return None

    def real_path_of(self, real: str) -> str | None:
        """The run's path for a file (not a page) whose real path is ``real``: reached through a link to a target
        folder, a link the walk meets, or a file named on the command line by another spelling."""
        for raw, base, root, ignore in self.targets:
            if not root:
                if os.path.realpath(base) == real and self.kept(raw, True):
                    return raw
                continue
            real_base = os.path.realpath(base)
            if inside_folder(real, real_base):
                found = self._walked(raw, base, root, ignore, os.path.join(base, os.path.relpath(real, real_base)))
                if found is not None and os.path.realpath(found) == real:
                    return found
        return self._walked_links().get(real)

    def _walked(self, raw: str, base: str, root: str, ignore: GitIgnore | None, target: str) -> str | None:
        if not inside_folder(target, base) or target == base:
            return None
        *folders, name = os.path.relpath(target, base).split(os.sep)
        if not _walked_name(name):
            return None
        folder = raw
        for part in folders:
            if part.startswith(".") or part in EXCLUDED_DIRS:
                return None
            folder = os.path.join(folder, part)
            if (ignore and ignore.ignored(folder, is_dir=True)) or os.path.islink(folder) or not os.path.isdir(folder):
                return None
        path = os.path.normpath(os.path.join(folder, name))
        if not os.path.lexists(path) or os.path.isdir(path) or (ignore and ignore.ignored(path)):
            return None
        if _unwalkable(path, root) or not self.kept(path, False):
            return None
        return path

    def _walked_links(self) -> dict[str, str]:
        """Links to files that a walk gives (a rare thing, so found once, by a walk of names, when first asked)."""
        if self._links is None:
            self._links = {}
            for raw, _, root, ignore in reversed(self.targets):
                if root:
                    for link in _links_under(raw, ignore):
                        path = self.path_of(os.path.abspath(link))
                        if path is not None and not _is_page_name(path):
                            self._links[os.path.realpath(path)] = path
        return self._links


def _links_under(folder: str, ignore: GitIgnore | None) -> Iterator[str]:
    dirs = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_symlink():
                    if _walked_name(entry.name):
                        yield entry.path
                elif entry.is_dir() and entry.name not in EXCLUDED_DIRS:
                    dirs.append(entry.path)
    except OSError:
        return
    for sub in dirs:
        if not (ignore and ignore.ignored(sub, is_dir=True)):
            yield from _links_under(sub, ignore)


def inside_folder(path: str, folder: str) -> bool:
    """Is the absolute ``path`` ``folder`` or below it (names only)?"""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


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
