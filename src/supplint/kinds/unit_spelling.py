"""Kind `unit-spelling`: an amount's unit is written in a spelling that units.yaml marks with `flag`.

The marked spellings are data (rules/data/units.yaml); the fix replaces each with its canonical spelling, in the
first and the parenthetical amount alike, and in the `unit` of the mapping form.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import field_validator

from ..label.resolve import Resolved
from ..quantity.amounts import unit_table
from . import Hit, ValueEdit, render
from .spec import RuleBase

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"row", "amount", "written", "canonical"})


class Spec(RuleBase):
    kind: Literal["unit-spelling"]
    flag: str  # a yes/no mark of the spellings in rules/data/units.yaml, e.g. error-prone

    @field_validator("flag")
    @classmethod
    def _flag_known(cls, flag: str) -> str:
        if flag not in unit_table().flags:
            raise ValueError(f"no spelling in units.yaml is marked '{flag}'")
        return flag


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    table = unit_table()
    marked = table.flags[rule.flag]
    for row in resolved.rows:
        amount = row.amount
        if amount is None:
            continue
        second = amount.second
        if amount.written_unit.lower() not in marked and (second is None or second.written_unit.lower() not in marked):
            continue
        written = [part.written_unit for part in amount.amounts() if part.written_unit.lower() in marked]
        spellings = tuple(dict.fromkeys(written))
        path = (*row.amount_path, "unit") if amount.mapping else row.amount_path
        canonical = table.canonical[spellings[0].lower()]
        fields = {
            "row": row.name,
            "amount": amount.text,
            "written": " and ".join(f"'{s}'" for s in spellings),
            "canonical": canonical,
        }
        fix = tuple(ValueEdit(path, table.canonical[spelling.lower()], old=spelling) for spelling in spellings)
        yield Hit(path, render(rule.message, fields), render(rule.hint, fields), fix=fix)
