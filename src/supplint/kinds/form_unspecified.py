"""Kind `form-unspecified`: a row of the nutrient names none of the forms a reader needs to know."""

from __future__ import annotations

from collections.abc import Iterator

from ..resolve import Resolved
from ..rulespec import FormUnspecifiedRule
from . import Hit, render


def evaluate(rule: FormUnspecifiedRule, resolved: Resolved, options: dict) -> Iterator[Hit]:
    wanted = frozenset(rule.forms)
    for row in resolved.rows_of(rule.nutrient):
        if not row.forms & wanted:
            fields = {"row": row.name, "nutrient": row.nutrient.name}
            yield Hit(row.path, render(rule.message, fields), render(rule.hint, fields))
