"""Kind `form-unspecified`: a row of the nutrient names none of the forms a reader needs to know."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..label.resolve import Resolved
from . import Hit, render
from .spec import RuleBase

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"row", "nutrient"})


class Spec(RuleBase):
    kind: Literal["form-unspecified"]
    nutrient: str
    forms: tuple[str, ...]


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    wanted = frozenset(rule.forms)
    for row in resolved.rows_of(rule.nutrient):
        if not row.forms & wanted:
            assert row.nutrient is not None  # rows_of gives one nutrient's rows
            fields = {"row": row.name, "nutrient": row.nutrient.name}
            yield Hit(row.path, render(rule.message, fields), render(rule.hint, fields))
