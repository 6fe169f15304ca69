"""Kind `stack-dose` (stacks): the daily amount of a nutrient summed over the products taken together exceeds its
upper limit. Only what the limit covers is counted (as for above-upper-limit on one label), each product at its
servings a day in the stack. The finding is at the product that contributes most, and names every product's share.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from ..quantity import wording as formatting
from . import Hit, render
from .spec import RuleBase

if TYPE_CHECKING:  # stacks.py is imported only when a stack is checked
    from ..subjects.stack import StackContext

TARGET = "stack"

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"nutrient", "total", "limit", "ratio", "count", "shares", "population", "source", "covers"})


class Spec(RuleBase):
    kind: Literal["stack-dose"]


def evaluate(rule: Spec, stack: StackContext, options: dict) -> Iterator[Hit]:
    reference = stack.reference
    for nid, total in stack.totals.items():
        nutrient = reference.nutrients[nid]
        if total.limit is None or total.ul_total <= total.limit:
            continue
        contributors = [share for share in total.shares if share[2] > 0]
        if len(contributors) < 2:
            continue  # one product alone over the limit is above-upper-limit on that label
        assert nutrient.ul is not None  # a total has a limit only from the nutrient's upper limit
        shares = ", ".join(
            f"{name} {formatting.amount(ul_daily, nutrient.ul.measure)} "
            f"({formatting.percent(ul_daily / total.ul_total)})"
            for name, _, ul_daily in contributors
        )
        fields = {
            "nutrient": total.nutrient,
            "total": formatting.amount(total.ul_total, nutrient.ul.measure),
            "limit": formatting.amount(total.limit, nutrient.ul.measure),
            "ratio": formatting.percent(total.ul_total / total.limit),
            "count": len(contributors),
            "shares": shares,
            "population": stack.population.description,
            "source": reference.cite_limit(nutrient.ul, stack.population),
            "covers": nutrient.ul.covers,
        }
        top = max(contributors, key=lambda share: share[2])[0]
        # the product that contributes most: the stack places the finding at its row of this nutrient
        yield Hit((), render(rule.message, fields), render(rule.hint, fields), member=top, nutrient=nid)
