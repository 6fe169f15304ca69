"""The process-wide pint registry and unit conversion.

One registry, built from supplint's own small definitions file (rules/data/pint-units.txt) on first use: a
few milliseconds, where pint's default registry costs ~135 ms. Every quantity is built as
``Quantity(number, unit)`` from an already-parsed amount. Conversion factors between two units are asked of
pint once and memoised, since a pint conversion costs ~10 µs and a label has a dozen amounts.

The factors between every two units of one dimension (a dozen pairs) are asked of pint together and kept in the
data cache with the rule data they come from, so a run that finds them there never imports pint (about as costly
as the rest of a one-label run; pint's own ``cache_folder`` only spares the parsing of the definitions, which for
this small file is a few milliseconds).
"""

from __future__ import annotations

from functools import cache

from ..shipped import files as data
from ..shipped.files import rules_dir
from .amounts import unit_table


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
    table = _factors()
    if (src, dst) in table:
        return table[(src, dst)]
    return _from_pint(src, dst)


def _from_pint(src: str, dst: str) -> float | None:
    import pint

    try:
        return float(registry().Quantity(1.0, _unit(src)).m_as(_unit(dst)))
    except pint.DimensionalityError:
        return None


@cache
def _factors() -> dict[tuple[str, str], float | None]:
    from ..shipped import cache as data_cache

    return data_cache.cached("unit-factors", dict, _all_factors)


def _all_factors() -> dict[tuple[str, str], float | None]:
    """pint's factor for every two canonical units of one dimension."""
    dimensions = _dimensions()
    return {
        (src, dst): _from_pint(src, dst)
        for src in dimensions
        for dst in dimensions
        if src != dst and dimensions[src] == dimensions[dst]
    }


@cache
def _dimensions() -> dict[str, str]:
    return {row["canonical"]: row["dimension"] for row in data.load("data/units.yaml")["units"].values()}
