"""Kind `metric-required`: a nutrient declared only in a unit that may no longer stand alone (IU; folate's plain mcg).

The nutrient's label unit (nutrients.yaml `unit`) is the required one; the old unit may follow it in parentheses.
`units` are measures as a label writes them, qualifier included: `mcg` is a plain microgram, which `mcg DFE` is not.
The fix writes the label unit first and keeps the amount as printed in parentheses (naming `substance` there when
the amount names none), and is offered only where the conversion for the stated form is certain, the converted
number prints exactly and the rule does not say `rewrites: false` (where the old unit's meaning itself is unsure).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..label.resolve import Resolved
from ..quantity import wording as formatting
from . import Hit, ValueEdit, render
from ._certain import factor, forms_of
from .spec import RuleBase

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"row", "nutrient", "amount", "unit", "measure", "suggestion"})


class Spec(RuleBase):
    kind: Literal["metric-required"]
    nutrients: tuple[str, ...]
    units: tuple[str, ...]  # measures (canonical unit and qualifier, units.yaml) that are not enough on their own
    substance: str | None = None  # named in the kept parenthetical: "680 mcg DFE (400 mcg folic acid)"
    rewrites: bool = True  # false: the hint shows the rewritten amount, but no fix is offered


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    reference = resolved.reference
    for row in resolved.rows:
        nutrient, amount = row.nutrient, row.amount
        if nutrient is None or amount is None or nutrient.id not in rule.nutrients:
            continue
        if any(str(part.measure) not in rule.units for part in amount.amounts()):
            continue
        fix: tuple[ValueEdit, ...] = ()
        fields = {
            "row": row.name,
            "nutrient": nutrient.name,
            "amount": amount.text,
            "unit": amount.measure.unit,
            "measure": str(nutrient.measure),
        }
        scale = None
        if amount.second is None and amount.bound is None and not amount.mapping:
            scale = factor(
                reference,
                nutrient.id,
                forms_of(reference, nutrient, row.forms, amount),
                amount.measure,
                nutrient.measure,
            )
        printed = formatting.exact_number(amount.value * scale) if scale is not None else None
        if printed is not None:
            kept = amount.text if amount.substance or not rule.substance else f"{amount.text} {rule.substance}"
            new = f"{printed} {nutrient.measure} ({kept})"
            fix = (ValueEdit(row.amount_path, new),) if rule.rewrites else ()
            fields["suggestion"] = new
        else:
            fields["suggestion"] = f"the amount in {nutrient.measure} first and ({amount.text}) after it"
        yield Hit(row.amount_path, render(rule.message, fields), render(rule.hint, fields), fix=fix)
