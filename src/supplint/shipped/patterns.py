"""Regular expressions whose compiled form is kept between runs, by the data cache (cache.py).

CPython's regex compiler is written in Python: the rules' joined patterns and vocabularies (thousands of characters
of alternations) cost a one-label run more than matching them does. ``compiled(pattern, flags)`` is
``re.compile(pattern, flags)``; what the compiler made of each pattern a run compiled is written to the cache when
the process ends, and a later run gives it straight to the regex engine (``_sre.compile``, the call that ends
``re.compile``). The cache's key holds the Python version, and an entry is kept only when the pattern built from it
equals the one ``re.compile`` returned (a pattern compares its flags and compiled code), so a hit is that pattern.
"""

from __future__ import annotations

import atexit
import re
from typing import Any

from . import cache

_NAME = "patterns"
#: (pattern, flags) → the compiler's output: (flags, code, groups, groupindex, indexgroup); read on first use.
_table: dict[tuple[str, int], tuple] = {}
_read: list[bool] = []
_added: dict[tuple[str, int], tuple] = {}


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
    output = _compiler_output(pattern, flags, result)
    if output is not None:
        if not _added:
            atexit.register(_save)
        _loaded()[key] = _added[key] = output
    return result


def _loaded() -> dict[tuple[str, int], tuple]:
    if not _read:
        _read.append(True)
        _table.update(cache.lookup(_NAME, dict) or {})
    return _table


def forget() -> None:
    """As a new process starts: nothing read from the cache yet (for tests)."""
    _table.clear()
    _read.clear()


def _engine(pattern: str, output: tuple) -> re.Pattern:
    import _sre  # type: ignore[import-not-found]  # noqa: PLC2701 - the regex engine's constructor

    flags, code, groups, groupindex, indexgroup = output
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _compiler_output(pattern: str, flags: int, result: re.Pattern) -> tuple | None:
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


def _save() -> None:
    """Keep this run's new entries, with those another run kept meanwhile."""
    if not _added:
        return
    table = dict(cache.lookup(_NAME, dict) or {})
    table.update(_added)
    cache.store(_NAME, table)
    _added.clear()


def _reduce(pattern: re.Pattern) -> tuple:
    """A compiled pattern in a cache file: rebuilt through ``compiled`` when the file is loaded, with the flags it
    was compiled with (a text pattern's flags say UNICODE, which re.compile adds by itself)."""
    flags = pattern.flags & ~re.UNICODE if isinstance(pattern.pattern, str) else pattern.flags
    return compiled, (pattern.pattern, flags)


cache.REDUCERS[re.Pattern] = _reduce
