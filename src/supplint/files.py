"""The one place supplint reads a user's file.

Every file a run reads (a checked file, a label a page or a stack names, a file re-read for a report, an importer's
source) comes through here, so the guarantees hold everywhere at once: only regular files are read (a FIFO, a
device or a socket named `*.yaml` would block forever or never end), the size is checked before a byte is read, the
open itself never blocks, and a file named by another file must resolve, links followed, inside that file's
repository.
"""

from __future__ import annotations

import errno
import os
import stat

from .filetypes import is_page

#: Far above any real input: a 60-row label is about 4 KB, a long post with its HTML about 300 KB. Parsing stays
#: well under a second up to these sizes; past them a file is refused before it is read.
MAX_LABEL_BYTES = 1024 * 1024
MAX_PAGE_BYTES = 5 * 1024 * 1024

_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


class Unreadable(OSError):
    """A file supplint will not or cannot read. ``str()`` is a predicate in plain words, no path in it ("does not
    exist", "is a named pipe ..."): callers put the file's name, or "the file", before it."""

    def __init__(self, reason: str, hint: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.hint = hint

    def __str__(self) -> str:
        return self.reason


def limit_for(path: str) -> int:
    return MAX_PAGE_BYTES if is_page(path) else MAX_LABEL_BYTES


def size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def too_large(size: int | None, limit: int) -> Unreadable:
    """``size`` None: the input is larger than ``limit`` (standard input, a growing file), by how much is unknown."""
    shown = f"more than {size_words(limit)}" if size is None else size_words(size)
    return Unreadable(
        f"is too large to be a label or a page ({shown}; supplint reads files up to {size_words(limit)})",
        "split it, or check that this is the file you meant",
    )


def not_regular(mode: int) -> Unreadable | None:
    kind = _KINDS.get(stat.S_IFMT(mode))
    if kind is None and stat.S_ISREG(mode):
        return None
    return Unreadable(
        f"is {kind or 'a special file'}, not a regular file; supplint reads only regular files",
        "give the file itself; '-' reads standard input",
    )


def os_reason(exc: OSError) -> Unreadable:
    """An operating-system error in words (no path, no error number)."""
    if isinstance(exc, Unreadable):
        return exc
    if exc.errno == errno.ENOENT:
        return Unreadable("does not exist")
    if exc.errno == errno.ELOOP:
        return Unreadable("is a symbolic link that refers to itself (a loop)")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Unreadable("cannot be read (permission denied)")
    if exc.errno == errno.EISDIR:
        return Unreadable("is a directory")
    return Unreadable(f"cannot be read ({(exc.strerror or str(exc)).lower()})")


def inside(path: str, root: str) -> bool:
    """``path``, every link resolved, is ``root`` or below it (``root`` resolved too)."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    try:
        return os.path.commonpath([top, real]) == top
    except ValueError:  # different drives
        return False


def read_bytes(path: str, root: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` (by its name's kind when not given). With ``root``, the file
    must resolve inside it. Raises Unreadable (an OSError) with a plain reason."""
    if root is not None and not inside(path, root):
        raise Unreadable("is outside the repository", "keep the files a page or a stack names inside its repository")
    limit = limit_for(path) if limit is None else limit
    try:
        refused = not_regular(os.stat(path).st_mode)  # before open: opening some devices already does something
        if refused:
            raise refused
        # O_NONBLOCK: a file swapped for a FIFO between stat and open must not block the open.
        fd = os.open(
            path,
            os.O_RDONLY
            | getattr(os, "O_NONBLOCK", 0)
            | getattr(os, "O_NOCTTY", 0)
            | getattr(os, "O_CLOEXEC", 0)
            | getattr(os, "O_BINARY", 0),
        )
    except OSError as exc:
        raise os_reason(exc) from None
    try:
        info = os.fstat(fd)
        refused = not_regular(info.st_mode)
        if refused:
            raise refused
        if info.st_size > limit:
            raise too_large(info.st_size, limit)
        chunks, total = [], 0
        while True:  # a file that grows while it is read still stops at the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(None, limit)
        return b"".join(chunks)
    except Unreadable:
        raise
    except OSError as exc:
        raise os_reason(exc) from None
    finally:
        os.close(fd)


def read_text(path: str, root: str | None = None, errors: str = "strict") -> str:
    """``read_bytes`` decoded as UTF-8 (a byte-order mark dropped). Raises Unreadable or UnicodeDecodeError."""
    return read_bytes(path, root).decode("utf-8-sig", errors)


def read_stream(stream, limit: int) -> bytes:
    """Standard input, refused past ``limit`` (read in pieces: nothing larger than the limit is held)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(None, limit)


def repository_root(start: str) -> str:
    """The nearest folder at or above ``start`` holding .git; else the current directory if ``start`` is inside
    it; else ``start`` itself. What a page or a stack names, and what a walk follows through links, stays in it."""
    directory = start
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    cwd = os.getcwd()
    return cwd if os.path.commonpath([cwd, start]) == cwd else start
