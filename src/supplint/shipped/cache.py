"""The shipped rule packs and reference tables, validated once and kept between runs.

Validating the packs (pydantic, every vocabulary file) and parsing the tables costs more than the rest of a one-label
run. The tests and the first run on a machine validate them; later runs load the result from a pickle in the user's
cache folder. A cache file is used only when all of this matches the file's key:

- the bytes of every file under ``rules/`` (packs, tables, vocabularies);
- supplint's version, and the size and modification time of each of its modules (as Python's own bytecode cache
  decides that a source changed), so an edited kind or model never meets an old pickle;
- the Python, pydantic and pydantic-core versions.

The payload's digest is checked before it is unpickled, and a file another user could have written is never read.
A file that is missing, stale, unreadable or corrupt is a miss: the data is validated as it would be without a
cache, and the result is written back if the folder can be written (a read-only home just validates every run).

``SUPPLINT_CACHE_DIR`` names another folder; ``SUPPLINT_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..version import __version__
from . import location

T = TypeVar("T")

_MAGIC = b"supplint-data-cache 1\n"
_DIGEST = 32
#: Files kept per name: a few checkouts or versions side by side do not rebuild each other's cache every run.
_KEEP = 4


def directory() -> Path | None:
    """Where cache files go, or None when the cache is off."""
    if os.environ.get("SUPPLINT_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("SUPPLINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "supplint" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # the XDG spec: a relative value is invalid and is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "supplint"


@cache
def key() -> str:
    """What a cache file must have been made from to be used (see the module's docstring)."""
    import pydantic.version
    import pydantic_core

    digest = hashlib.blake2b(digest_size=_DIGEST)
    digest.update(
        f"{__version__}\0{sys.version}\0{pydantic.version.VERSION}\0{pydantic_core.__version__}\0"
        f"{pickle.HIGHEST_PROTOCOL}\0".encode()
    )
    rules = location.rules_dir()
    for path in _files(rules):
        digest.update(f"{path.relative_to(rules).as_posix()}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    package = Path(__file__).resolve().parents[1]
    for path in _files(package, ".py"):
        stat = path.stat()
        digest.update(f"{path.relative_to(package).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _files(root: Path, suffix: str | None = None) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found += [Path(folder, name) for name in sorted(files) if suffix is None or name.endswith(suffix)]
    return found


def cached(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when a file made from the same data and code is there."""
    value = lookup(name, kind)
    if value is not None:
        return value
    value = build()
    store(name, value)
    return value


def lookup(name: str, kind: type[T], made_from: Callable[[], str] = key) -> T | None:
    """The cached value of this name made from the same data and code, or None (a miss, or the cache is off).
    ``made_from`` gives the key instead, for a value that depends on less than all of it (patterns.py)."""
    found = _path(name, made_from)
    return None if found is None else _read(found[0], kind, found[1])


def store(name: str, value: object, made_from: Callable[[], str] = key) -> None:
    """Keep ``value`` for the next run, where the cache is on and can be written."""
    found = _path(name, made_from)
    if found is not None:
        _write(found[0], value, found[1])


def _path(name: str, made_from: Callable[[], str]) -> tuple[Path, str] | None:
    folder = directory()
    if folder is None:
        return None
    try:
        made = made_from()
    except OSError:  # the data cannot be hashed; building will say what is wrong with it
        return None
    return folder / f"{name}-{made[:24]}.pickle", made


def _read(path: Path, kind: type[T], made: str) -> T | None:
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and (stat.st_uid != os.getuid() or stat.st_mode & 0o022):
                return None  # someone else could have written it: unpickling it would run their code
            raw = handle.read()
    except OSError:
        return None
    header = _MAGIC + made.encode()
    if not raw.startswith(header) or len(raw) < len(header) + _DIGEST:
        return None
    digest, payload = raw[len(header) : len(header) + _DIGEST], raw[len(header) + _DIGEST :]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a file that passed its digest but does not load is a miss, whatever it raises
        return None
    return value if isinstance(value, kind) else None


#: How values of a type are pickled, beyond pickle's own ways: a module that has a faster way to rebuild a type
#: when a cache file is loaded registers it here (patterns.py, for compiled regular expressions).
REDUCERS: dict[type, Callable[[Any], tuple]] = {}


def _pickled(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **REDUCERS}
    pickler.dump(value)
    return buffer.getvalue()


def _write(path: Path, value: object, made: str) -> None:
    import tempfile

    try:
        payload = _pickled(value)
    except Exception:  # noqa: BLE001 - not picklable: run without a cache rather than fail
        return
    body = _MAGIC + made.encode() + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".supplint-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(body)
            os.replace(temporary, path)  # a reader sees the old file or the new one, never half of one
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(path)
    except OSError:
        return  # read-only or full: the next run validates again


def _prune(kept: Path) -> None:
    """Leave the newest few files of this name (other checkouts' or versions'), remove the rest."""
    name = kept.name.rsplit("-", 1)[0]
    with contextlib.suppress(OSError):
        others = sorted(kept.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEEP:]:
            if old != kept:
                old.unlink()
