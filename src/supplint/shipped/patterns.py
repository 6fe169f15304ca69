"""Regular expressions whose compiled form is kept between runs, by the data cache (cache.py).

CPython's regex compiler is written in Python: the rules' joined patterns and vocabularies (thousands of characters
of alternations) cost a one-label run more than matching them does, and the libraries a run imports (click, PyYAML,
markdown-it) compile a few hundred patterns of their own. What the compiler made of each pattern a run compiled is
written to the cache when the process ends; a later run gives it straight to the regex engine (``_sre.compile``,
the call that ends ``re.compile``):

- ``compiled(pattern, flags)`` is ``re.compile(pattern, flags)`` for supplint's own patterns;
- ``preload()``, called by the command line before it imports its libraries (for the commands that check files),
  puts the patterns of earlier runs into ``re``'s own cache, where ``re.compile`` looks first, so a library's
  ``re.compile`` returns the same pattern as ever without compiling it.

The compiler's output depends on the Python build alone, so the file's key is the Python version (not the data's
hash), and an entry is kept only when the pattern built from it equals the one ``re.compile`` returned (a pattern
compares its flags and compiled code): a hit is that pattern.
"""

from __future__ import annotations

import atexit
import hashlib
import re
import sys
from functools import cache as once
from typing import Any

from . import cache

_NAME = "patterns"
#: A run that compiles many patterns of its own (a team's) does not grow the file without end: past this, the
#: file keeps the patterns of the last run only.
_LIMIT = 3000
#: Fewer new patterns of the libraries than this, and none of supplint's, leave the file as it is (see _save).
_FEW = 8
#: (pattern, flags) → the compiler's output: (flags, code, groups, groupindex, indexgroup); read on first use.
_table: dict[tuple[Any, int], tuple] = {}
_read: list[bool] = []
_added: dict[tuple[Any, int], tuple] = {}


@once
def _python() -> str:
    """The cache key of the compiler's output: this Python build and its regex engine."""
    import _sre  # type: ignore[import-not-found]  # noqa: PLC2701 - the regex engine's version

    made = f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{_sre.MAXREPEAT}"
    return hashlib.blake2b(made.encode(), digest_size=32).hexdigest()


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the kept compiler output when a run before this one compiled it."""
    key = (pattern, int(flags))
    found = _loaded().get(key)
    if found is not None:
        try:
            return _engine(pattern, found)
        except Exception:  # noqa: BLE001 - an entry the engine refuses is a miss, whatever it raises
            _loaded().pop(key, None)
    result = re.compile(pattern, flags)  # raises re.error for a bad pattern, as ever
    if cache.directory() is None:
        return result  # nothing would keep the compiler's output: do not take it
    output = _compiler_output(pattern, int(flags), result)
    if output is not None:
        _save_at_exit()
        _loaded()[key] = _added[key] = output
    return result


@once
def preload() -> None:
    """Put every pattern an earlier run compiled into ``re``'s cache (``re._cache``, keyed as ``re.compile``
    looks it up), and keep at exit the patterns this run compiles; nothing when the cache is off. Once a process:
    the command line calls it as it starts, and again (for nothing) when a command that checks begins."""
    if cache.directory() is None:
        return
    _save_at_exit()
    store = _re_cache()
    if store is None:
        return
    # re drops its oldest pattern past _MAXCACHE (512): as the vocabularies grow past that, the last kept patterns
    # would not fit and be compiled again every run. So the limit grows to hold them all, with the same room; and to
    # hold as many as the file keeps (`_LIMIT`) even when it is empty, as on a first run: one that compiled more than
    # 512 would otherwise drop the libraries' import-time patterns before they are saved, and every later run would
    # compile them again.
    wanted = max(len(_loaded()), _LIMIT) + len(store) + 64
    if wanted > getattr(re, "_MAXCACHE", wanted):
        re.__dict__["_MAXCACHE"] = wanted
    room = max(0, getattr(re, "_MAXCACHE", 512) - len(store) - 64)  # leave re room for the run's new patterns
    for (pattern, flags), output in list(_loaded().items())[:room]:
        entry = (type(pattern), pattern, flags)
        if entry not in store:
            try:
                store[entry] = _engine(pattern, output)
            except Exception:  # noqa: BLE001 - an entry the engine refuses: re compiles that pattern itself
                continue


def _re_cache() -> dict | None:
    store = getattr(re, "_cache", None)  # private: re.compile's own cache, a dict in CPython 3.11 to 3.14
    return store if isinstance(store, dict) else None


def _loaded() -> dict[tuple[Any, int], tuple]:
    if not _read:
        _read.append(True)
        _table.update(cache.lookup(_NAME, dict, _python) or {})
    return _table


def forget() -> None:
    """As a new process starts: nothing read from the cache yet (for tests)."""
    _table.clear()
    _read.clear()


def _engine(pattern: Any, output: tuple) -> re.Pattern:
    import _sre  # noqa: PLC2701 - the regex engine's constructor, given what re's compiler made

    flags, code, groups, groupindex, indexgroup = output
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _compiler_output(pattern: Any, flags: int, result: re.Pattern) -> tuple | None:
    """What ``re.compile`` hands the engine for this pattern (re._compiler.compile's last call), or None when it
    cannot be had or does not rebuild ``result``."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]  # noqa: PLC2701  # private: re.compile's stages

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)  # private: re.compile's own step, as above
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Plain ints: the compiler's opcodes are named int constants, which need not pickle.
        output = (
            int(flags | parsed.state.flags),
            [int(word) for word in code],
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        return output if _engine(pattern, output) == result else None
    except Exception:  # noqa: BLE001 - another Python's internals: compile as usual, keep nothing
        return None


@once
def _save_at_exit() -> None:
    atexit.register(_save)


def _save() -> None:
    """Keep this run's new patterns (its own, and those its libraries compiled), with those another run kept."""
    folder = cache.directory()
    if folder is None or not folder.is_dir():  # the run wrote nothing else: a removed folder stays removed
        return
    _loaded()
    store = _re_cache() or {}
    theirs = [
        (key, result)
        for (kind, *key), result in list(store.items())
        if kind in (str, bytes) and isinstance(key[1], int) and tuple(key) not in _table
    ]
    # A library may build a pattern from a set, in another order every run (markdown-it does): a few new ones are
    # not worth rewriting the file for; supplint's own, or a library's first patterns, are.
    if not _added and len(theirs) < _FEW:
        return
    for (pattern, flags), result in theirs:
        output = _compiler_output(pattern, flags, result) if isinstance(result, re.Pattern) else None
        if output is not None:
            _added[pattern, flags] = output
    if not _added:
        return
    table = dict(cache.lookup(_NAME, dict, _python) or {})
    if len(table) + len(_added) > _LIMIT:
        table = {}
    table.update(_added)
    cache.store(_NAME, table, _python)
    _added.clear()


def _reduce(pattern: re.Pattern) -> tuple:
    """A compiled pattern in a cache file: rebuilt through ``compiled`` when the file is loaded, with the flags it
    was compiled with (a text pattern's flags say UNICODE, which re.compile adds by itself)."""
    flags = pattern.flags & ~re.UNICODE if isinstance(pattern.pattern, str) else pattern.flags
    return compiled, (pattern.pattern, flags)


cache.REDUCERS[re.Pattern] = _reduce
