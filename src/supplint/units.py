"""The process-wide pint registry and unit conversion.

One registry, built from supplint's own small definitions file (rules/data/pint-units.txt) on first use: a
few milliseconds, where pint's default registry costs ~135 ms. Every quantity is built as
``Quantity(number, unit)`` from an already-parsed amount. Conversion factors between two units are asked of
pint once and memoised, since a pint conversion costs ~10 µs and a label has a dozen amounts.
"""

from __future__ import annotations

from functools import cache

from . import data
from .amounts import unit_table
from .data import rules_dir


@cache
def registry():
    import pint

    return pint.UnitRegistry(str(rules_dir() / "data" / "pint-units.txt"), autoconvert_offset_to_baseunit=False)


@cache
def _unit(canonical: str):
    return registry().Unit(unit_table().pint_names[canonical])


@cache
def factor(src: str, dst: str) -> float | None:
    """How many ``dst`` make one ``src`` (e.g. mg → mcg = 1000); None when pint says the dimensions differ."""
    if src == dst:
        return 1.0
    if _dimensions().get(src) != _dimensions().get(dst):
        return None  # IU against mcg is common on labels; telling them apart needs no pint import
    import pint

    try:
        return float(registry().Quantity(1.0, _unit(src)).m_as(_unit(dst)))
    except pint.DimensionalityError:
        return None


@cache
def _dimensions() -> dict[str, str]:
    return {row["canonical"]: row["dimension"] for row in data.load("data/units.yaml")["units"].values()}
