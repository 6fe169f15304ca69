"""How `--fix` replaces a file's text without surprising its owner.

The real file is written (a symlink keeps pointing at it), it keeps its mode, owner and group, and a file the user
could not write is left alone. Normally the new text goes to a temporary file beside the real one and is renamed
over it, so a reader sees the old file or the new one, never half of one. A file with other hard links, or one
whose owner a rename would change (someone else's file we may write but not chown), or one in a folder we may not
create files in, is instead rewritten in place, as editors do: a rename would leave the other names with the old
text, hand the file to us, or not be possible.

Temporary files are named ``.supplint-<pid>-<random>.tmp``: hidden, so directory walks skip them, and old ones
left by a killed run are removed the next time a fix is written into their folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import time

from ..errors import SupplintError

#: A temporary file older than this, made by this user and by a process that is gone, is a leftover.
STALE_AFTER = 3600.0
#: ``.supplint-<pid>-<random>.tmp``, and ``.supplint-<random>.tmp`` as the first releases named them.
_TEMPORARY = re.compile(r"\.supplint-(?:(\d+)-)?\w+\.tmp\Z")

_swept: set[str] = set()


class NotWritten(SupplintError):
    """The file was left as it was; the message says why, and the run goes on with the other files."""


def write_atomically(path: str, text: str) -> None:
    real = os.path.realpath(path)
    try:
        before = os.stat(real)
    except OSError as exc:
        raise NotWritten(f"cannot write it: {exc.strerror or exc}") from None
    where = real if os.path.islink(path) else "the file"  # a link's note names the file it points to
    if not stat.S_ISREG(before.st_mode):
        raise NotWritten(f"{where} is not a regular file")
    # root may write anything, so access() says yes; a file with no write permission at all was made read-only
    # on purpose (chmod a-w), and root's fix should respect that as anyone else's would have to.
    if not os.access(real, os.W_OK) or not before.st_mode & 0o222:
        raise NotWritten(f"{where} is read-only")
    data = text.encode("utf-8")
    directory = os.path.dirname(real)
    try:
        sweep(directory)
        _write(real, data, before)
    except OSError as exc:
        raise NotWritten(f"cannot write {where}: {exc.strerror or exc}") from None


def _write(real: str, data: bytes, before: os.stat_result) -> None:
    import tempfile  # ~3 ms, for runs that fix something

    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".supplint-{os.getpid()}-", suffix=".tmp", dir=os.path.dirname(real)
        )
    except PermissionError:
        _rewrite(real, data)
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            in_place = before.st_nlink > 1 or not _same_owner(out.fileno(), before)
            os.fsync(out.fileno())
        if in_place:
            _rewrite(real, data)  # meanwhile, a kill -9 leaves the whole new text in the temporary file
        else:
            os.chmod(temporary, stat.S_IMODE(before.st_mode))  # after chown, which clears setuid and setgid
            os.replace(temporary, real)
            _sync_directory(os.path.dirname(real))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # gone already after a rename


def _same_owner(handle: int, before: os.stat_result) -> bool:
    """Give the temporary file the original's owner and group; False when that is not allowed."""
    made = os.fstat(handle)
    if (made.st_uid, made.st_gid) == (before.st_uid, before.st_gid) or not hasattr(os, "fchown"):
        return True
    try:
        os.fchown(handle, before.st_uid, before.st_gid)
    except PermissionError:
        return False
    return True


def _rewrite(real: str, data: bytes) -> None:
    """Overwrite the file itself; if that fails half-way (a full disk), put the old text back."""
    with _interrupt_deferred(), open(real, "r+b") as handle:
        old = handle.read()
        try:
            _overwrite(handle, data)
        except OSError:
            with contextlib.suppress(OSError):
                _overwrite(handle, old)
            raise


def _overwrite(handle, data: bytes) -> None:
    handle.seek(0)
    handle.write(data)
    handle.truncate()
    handle.flush()
    os.fsync(handle.fileno())


@contextlib.contextmanager
def _interrupt_deferred():
    """Ctrl-C waits until the file is whole again (between writing and truncating, it would keep an old tail)."""
    import threading

    if threading.current_thread() is not threading.main_thread():  # only there can the handler be changed
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):
        previous(signal.SIGINT, None)


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable; not every system can open a folder (Windows), which is fine."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def sweep(directory: str) -> list[str]:
    """Remove this user's temporary files in ``directory`` that a run killed before it could clean up left behind:
    older than STALE_AFTER and made by a process that is gone. Once per folder per run; returns what it removed."""
    if directory in _swept:
        return []
    _swept.add(directory)
    now = time.time()
    removed: list[str] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        match = _TEMPORARY.match(name)
        if match is None:
            continue
        path = os.path.join(directory, name)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if (
            not stat.S_ISREG(info.st_mode)
            or now - info.st_mtime < STALE_AFTER
            or info.st_uid != _user()
            or (match.group(1) and _alive(int(match.group(1))))
        ):
            continue
        with contextlib.suppress(OSError):
            os.unlink(path)
            removed.append(path)
    return removed


def _user() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else 0


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill(pid, 0) would end the process there; leave such a file to its owner
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # PermissionError: a process of another user has this pid
    return True
