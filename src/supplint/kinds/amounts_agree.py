"""Kind `amounts-agree`: the parenthetical second amount says the same as the first, after conversion.

`125 mcg (5,000 IU)` agrees; `125 mcg (4,000 IU)` does not. Rows with no nutrient are compared only where plain
unit conversion applies (`1,000 mg (1 g)`). Where either side cannot be converted with certainty (an unstated or
disputed form) nothing is said: a wrong accusation is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from ..label.resolve import Resolved
from ..quantity import wording as formatting
from ..ruleset.spec import RuleBase
from . import Hit, render
from ._certain import factor, forms_of

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"row", "amount", "first", "second", "converted", "expected_second", "difference"})


class Spec(RuleBase):
    kind: Literal["amounts-agree"]
    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {"tolerance": "number"}  # percent of the first amount


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    reference = resolved.reference
    tolerance = options["tolerance"] / 100
    for row in resolved.rows:
        amount = row.amount
        if amount is None or amount.second is None:
            continue
        first, second = amount, amount.second
        if first.bound != second.bound:
            continue
        nutrient = row.nutrient
        forms = forms_of(reference, nutrient, forms_of(reference, nutrient, row.forms, first), second)
        scale = factor(reference, nutrient.id if nutrient else None, forms, second.measure, first.measure)
        if scale is None:
            continue
        converted = second.value * scale
        if abs(converted - first.value) <= tolerance * first.value * (1 + 1e-9):
            continue
        fields = {
            "row": row.name,
            "amount": amount.text,
            "first": formatting.amount(first.value, first.measure),
            "second": formatting.amount(second.value, second.measure),
            "converted": formatting.amount(converted, first.measure),
            "expected_second": formatting.amount(first.value / scale, second.measure),
            "difference": formatting.percent(abs(converted - first.value) / first.value) if first.value else "all",
        }
        yield Hit(row.amount_path, render(rule.message, fields), render(rule.hint, fields))
