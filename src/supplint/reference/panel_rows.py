"""The Supplement Facts rows that are not vitamins or minerals (Calories, Total Fat, Protein...), from
rules/data/panel-rows.yaml: which units each may have, and what a bare number means (Calories print "20")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..shipped import files as data

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PanelRow:
    id: str
    units: frozenset[str]  # canonical units (units.yaml)
    bare: str | None  # the unit a bare number is in, if a bare number may be printed
    first_unit: str  # the unit the table lists first: the one a hint suggests


@cache
def _by_name() -> dict[str, PanelRow]:
    table = {}
    for key, row in data.load("data/panel-rows.yaml")["rows"].items():
        entry = PanelRow(key, frozenset(row["units"]), row.get("bare"), row["units"][0])
        for name in row["names"]:
            table[_fold(name)] = entry
    return table


def bare_names() -> list[str]:
    """The printed names of the rows that may print a bare number, folded (lower case, single spaces)."""
    rows = data.load("data/panel-rows.yaml")["rows"].values()
    return sorted(_fold(name) for row in rows if row.get("bare") for name in row["names"])


def _fold(name: str) -> str:
    return _SPACE.sub(" ", name.strip().lower())


@lru_cache(maxsize=4096)
def _named(name: str) -> PanelRow | None:
    return _by_name().get(_fold(name))


def panel_row(name: object) -> PanelRow | None:
    """The panel row a printed row name is, matched whole ("Total Fat", "calories"), or None. Remembered: a site's
    labels print the same row names over and over."""
    return _named(name) if isinstance(name, str) else None


_BARE = re.compile(r"^\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*$")


def with_bare_unit(name: object, amount: object) -> object:
    """A bare number on a row that prints one (``Calories: 20``) written out in its unit ("20 kcal"); any other
    amount unchanged, to be read (and, if it has no unit, reported) as usual."""
    if isinstance(amount, str):
        # almost every amount ends in a unit or a parenthesis: no look-up for those
        if not amount or not amount.rstrip()[-1:].isdigit() or not _BARE.match(amount):
            return amount
    elif not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return amount
    row = panel_row(name)
    if row is None or row.bare is None:
        return amount
    return f"{amount.strip() if isinstance(amount, str) else amount} {row.bare}"
