"""Kind `declared-dv`: a row's printed %DV against its amount and a Daily Value.

A %DV is per serving, so the row's own amount is used, never the daily amount. `against: current` fires when
the declared figure matches neither the current Daily Value nor the pre-2016 one (a plain mistake);
`against: previous` fires when it misses the current one but matches the pre-2016 one (a legacy label).
Markers (`*`, `†`) and rows whose amount cannot be converted with certainty are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from ..label.resolve import Resolved, Row
from ..quantity import wording as formatting
from . import Hit, render
from ._certain import amount_in
from .spec import RuleBase

OPTIONS = ("tolerance-points", "tolerance-percent", "relative-from")


#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"row", "nutrient", "amount", "declared", "expected", "dv", "dv_source", "old_dv"})


class Spec(RuleBase):
    kind: Literal["declared-dv"]
    against: Literal["current", "previous"]

    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = dict.fromkeys(OPTIONS, "number")


def agrees(declared: float, bound: str | None, computed: float, options: dict) -> bool:
    """Within rounding: ±`tolerance-points`, or `tolerance-percent` of the larger figure once it reaches
    `relative-from`."""
    allowed = options["tolerance-points"]
    top = max(declared, computed)
    if top >= options["relative-from"]:
        allowed = max(allowed, options["tolerance-percent"] / 100 * top)
    allowed += 1e-9 * top
    if bound == "<":  # "<1%": any amount below the bound, with the same rounding
        return computed - declared <= allowed
    return abs(computed - declared) <= allowed


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    previous = rule.against == "previous"
    for row, current, matches_old in _misses(resolved, options):
        if matches_old != previous:
            continue
        nutrient, reference = row.nutrient, resolved.reference
        # _misses gives only rows with a nutrient that has a Daily Value, an amount and a declared %DV
        assert nutrient is not None and nutrient.dv and row.amount is not None and row.dv is not None
        fields = {
            "row": row.name,
            "nutrient": nutrient.name,
            "amount": row.amount.text,
            "declared": row.dv.text,
            "expected": formatting.declared_percent(current),
            "dv": formatting.amount(nutrient.dv, nutrient.measure),
            "dv_source": reference.cite(nutrient.dv_sources),
            "old_dv": formatting.amount(*nutrient.old_dv) if nutrient.old_dv else "none",
        }
        yield Hit((*row.path, "dv"), render(rule.message, fields), render(rule.hint, fields))


def _misses(resolved: Resolved, options: dict) -> list[tuple[Row, float, bool]]:
    """Rows whose %DV misses the current Daily Value: (row, current %DV, matches the pre-2016 one).

    Both rules of this kind need the same arithmetic, so it is done once per label and tolerance setting.
    """
    return resolved.memo(
        ("declared-dv", *(options[name] for name in OPTIONS)), lambda: _compute_misses(resolved, options)
    )


def _compute_misses(resolved: Resolved, options: dict) -> list[tuple[Row, float, bool]]:
    found = []
    reference = resolved.reference
    for row in resolved.rows:
        declared, nutrient, amount = row.dv, row.nutrient, row.amount
        if declared is None or declared.percent is None or nutrient is None or not nutrient.dv or amount is None:
            continue
        if amount.bound is not None or (amount.second is not None and amount.second.bound is not None):
            continue  # "<1 g" gives only a ceiling
        value = amount_in(reference, amount, nutrient, row.forms, nutrient.measure)
        if value is None:
            continue
        current = value / nutrient.dv * 100
        if agrees(declared.percent, declared.bound, current, options):
            continue
        old = nutrient.old_dv
        matches_old = (
            old is not None
            and (old_value := amount_in(reference, amount, nutrient, row.forms, old[1])) is not None
            and agrees(declared.percent, declared.bound, old_value / old[0] * 100, options)
        )
        found.append((row, current, matches_old))
    return found
