"""A bounded memo: answers worked out once in a run and looked up after, up to a number of them.

A run over many labels asks the same small questions again and again (the same figure worded, the same name
matched, the same warning searched), so remembering the answers pays; a long run over ever new inputs (the language
server, a corpus of random numbers) must not make a memo grow without end. Past its bound a memo forgets
everything and starts again: nothing to keep in order on every hit, as an ``lru_cache`` does, and what recurs is
back after one miss. A memo is a dict, so a lookup costs what a dict's does.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict that holds at most ``bound`` answers: ``keep`` forgets every one before it adds one past the bound."""

    __slots__ = ("bound",)

    def __init__(self, bound: int) -> None:
        super().__init__()
        self.bound = bound

    def keep(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` and return it."""
        if len(self) >= self.bound:
            self.clear()
        self[key] = value
        return value
