"""What a label adds up to, for people: each row's daily amount, % of the Daily Value and % of the upper limit,
per label and summed over a daily stack. The HTML report and `--stack` read this; the rules do not."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..quantity import wording as formatting
from .resolve import Resolved

if TYPE_CHECKING:
    from .loader import Document


@dataclass(frozen=True, slots=True)
class FactRow:
    name: str
    as_: str | None
    amount: str | None  # per serving, as printed
    daily: str | None  # per day, in the nutrient's label unit ("250 mcg")
    declared_dv: str | None  # the %DV as printed
    dv_percent: float | None  # daily amount ÷ Daily Value × 100
    ul_percent: float | None  # the part the upper limit covers ÷ the limit × 100 (this row's share)
    depth: int  # 0 for a facts row, 1 for a blend member


@dataclass(frozen=True, slots=True)
class LabelFacts:
    file: str
    product: str
    brand: str | None
    serving: str | None
    per_day: int
    population: str
    rows: tuple[FactRow, ...]
    # what the figures were computed from, for reports that word their own sentences (the shopper report)
    resolved: Resolved | None = field(default=None, compare=False, repr=False)
    doc: Document | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class NutrientTotal:
    """A nutrient summed over the products of a stack."""

    nutrient: str
    measure: str
    total: float = 0.0  # per day, in the nutrient's label unit
    ul_total: float = 0.0  # per day, what the upper limit covers, in the limit's unit
    limit: float | None = None
    limit_measure: str | None = None
    shares: list[tuple[str, float, float]] = field(default_factory=list)  # (product or file, daily, daily for the UL)

    @property
    def ul_percent(self) -> float | None:
        return self.ul_total / self.limit * 100 if self.limit else None


def label_facts(resolved: Resolved, file: str, doc=None) -> LabelFacts:
    """The label's rows with daily figures (per serving × the label's servings a day)."""
    label = resolved.label
    days = resolved.per_day
    rows = []
    for row in resolved.rows:
        nutrient = row.nutrient
        daily = row.per_serving * days if row.per_serving is not None else None
        dv = daily / nutrient.dv * 100 if daily is not None and nutrient and nutrient.dv else None
        ul = None
        share = resolved.ul_share(row) if resolved.population is not None else None
        if share is not None:
            # a share is given only for a known nutrient whose upper limit covers the row, for a known population
            assert nutrient is not None and nutrient.ul is not None and resolved.population is not None
            limit = nutrient.ul.for_bands(resolved.population.bands)
            if limit:
                ul = share * days / limit * 100
        bound = next((part.bound for part in row.amount.amounts() if part.bound), "") if row.amount else ""
        if daily is not None:
            assert nutrient is not None  # resolve gives a per-serving amount only in a known nutrient's unit
            daily_text = bound + formatting.amount(daily, nutrient.measure)  # "<1,000 mg": a ceiling stays one
        elif nutrient is None and row.amount is not None and row.amount.bound is None:
            daily_text = formatting.amount(row.amount.value * days, row.amount.measure)  # fish oil, probiotics
        else:
            daily_text = None
        rows.append(
            FactRow(
                name=row.name,
                as_=row.as_,
                amount=row.amount.text if row.amount else None,
                daily=daily_text,
                declared_dv=row.dv.text if row.dv is not None else None,
                dv_percent=dv,
                ul_percent=ul,
                depth=len(row.path) // 2 - 1,
            )
        )
    population = resolved.population.description if resolved.population else "adults"
    return LabelFacts(
        file,
        label.product,
        label.brand,
        label.serving.size if label.serving else None,
        days,
        population,
        tuple(rows),
        resolved,
        doc,
    )


def stack_totals(products: list[tuple[str, Resolved, int]]) -> dict[str, NutrientTotal]:
    """Per nutrient id, the daily total over the stack: (name, resolved label, servings a day) per product."""
    totals: dict[str, NutrientTotal] = {}
    for name, resolved, per_day in products:
        servings = _count(per_day)
        for nid, present in resolved.nutrients().items():
            nutrient = resolved.reference.nutrients[nid]
            daily = sum(row.per_serving for row in present if row.per_serving is not None) * servings
            covered = resolved.daily_for_ul(nutrient)
            ul_daily = covered[0] / resolved.per_day * servings if covered else 0.0
            total = totals.get(nid)
            if total is None:
                total = totals[nid] = NutrientTotal(
                    nutrient.ul.name or nutrient.name if nutrient.ul else nutrient.name, str(nutrient.measure)
                )
                if nutrient.ul is not None and resolved.population is not None:
                    total.limit = nutrient.ul.for_bands(resolved.population.bands)
                    total.limit_measure = str(nutrient.ul.measure)
            total.total += daily
            total.ul_total += ul_daily
            total.shares.append((name, daily, ul_daily))
    return totals


def _count(per_day: int) -> float:
    """Servings a day as a float factor. A label's per_day is bounded by the label model, but a stack entry's own
    `per_day` may not be: an integer of hundreds of digits would make float arithmetic raise, where infinity says
    "more than any limit" and keeps the report whole."""
    try:
        return float(per_day)
    except OverflowError:
        return math.inf
