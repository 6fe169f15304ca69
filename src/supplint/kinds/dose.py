"""Kind `dose`: a nutrient's daily amount against its upper limit and/or a multiple of its Daily Value.

`scope` picks the nutrients: `each` one on the label, only the `sole-dv-nutrient` (the one nutrient with a Daily
Value, for isolated megadoses), or those with `no-upper-limit`. The upper limit counts only what it covers
(Resolved.daily_for_ul) and needs a supported population; the Daily Value test does not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from ..rulespec import RuleBase

from .. import formatting
from ..resolve import Resolved
from . import Hit, daily_text, render


#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"nutrient", "over_ul", "daily", "alt", "dv", "dv_multiple", "limit", "ratio", "population", "source", "covers"})

#: Templates of the Spec beyond message and hint (checked when the packs load).
TEMPLATES = ("above_ul_note",)


class Spec(RuleBase):
    kind: Literal["dose"]
    limits: tuple[Literal["upper-limit", "dv-multiple"], ...]
    scope: Literal["each", "sole-dv-nutrient", "no-upper-limit"] = "each"
    # Rendered into the message's {over_ul} when the upper limit is exceeded too (empty otherwise).
    above_ul_note: str | None = Field(None, alias="above-ul-note")

    @model_validator(mode="after")
    def _multiple_declared(self) -> Spec:
        if "dv-multiple" in self.limits and (self.options.get("multiple") is None or self.options["multiple"].type != "number"):
            raise ValueError("a dv-multiple limit needs the number option `multiple`")
        return self


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    reference = resolved.reference
    present = resolved.nutrients()
    if rule.scope == "sole-dv-nutrient":
        candidates = [nid for nid in present if reference.nutrients[nid].dv]
        if len(candidates) != 1:
            return
    elif rule.scope == "no-upper-limit":
        candidates = [nid for nid in present if reference.nutrients[nid].ul is None]
    else:
        candidates = list(present)
    population = resolved.population
    for nid in candidates:
        nutrient = reference.nutrients[nid]
        over_ul = covered = None
        if "upper-limit" in rule.limits and nutrient.ul is not None and population is not None:
            covered = resolved.daily_for_ul(nutrient)
            limit = nutrient.ul.for_bands(population.bands)  # None: no figure for the population (SUP005 says so)
            over_ul = covered is not None and limit is not None and covered[0] > limit
        over_dv = daily = None
        if "dv-multiple" in rule.limits and nutrient.dv:
            daily = resolved.daily(nid)
            over_dv = daily >= options["multiple"] * nutrient.dv
        if not (over_ul or over_dv):
            continue
        # Only a firing rule pays for its message.
        rows = present[nid]
        fields: dict = {"nutrient": nutrient.name, "over_ul": ""}
        if over_ul:
            total, rows = covered
            fields.update(
                nutrient=nutrient.ul.name or nutrient.name,
                limit=formatting.amount(limit, nutrient.ul.measure),
                ratio=formatting.percent(total / limit),
                population=population.description,
                source=reference.cite_limit(nutrient.ul, population),
                covers=nutrient.ul.covers,
            )
            fields["daily"], fields["alt"] = daily_text(rows, resolved.per_day, total, nutrient.ul.measure)
            fields["over_ul"] = render(rule.above_ul_note, fields) or ""
        if daily is not None:
            # The Daily Value message speaks in the label unit, even where the UL has its own (folate).
            fields["daily"], fields["alt"] = daily_text(present[nid], resolved.per_day, daily, nutrient.measure)
            fields.update(dv=formatting.amount(nutrient.dv, nutrient.measure), dv_multiple=formatting.times(daily / nutrient.dv))
        yield Hit(rows[0].amount_path, render(rule.message, fields), render(rule.hint, fields))
