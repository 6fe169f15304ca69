"""What the shopper report reads of one label, small enough for a worker process to send back with the findings
(`check --preset shopper --jobs N`): the label's daily totals, and for the lines its findings may point at, the
nutrient of the row there and the label's text there, with the figures a sentence quotes.

The sentences read a label only through this, whether it was checked in this process or in a worker, so the two
runs print the same; the resolved label and its document (the reference tables, every node's position) stay where
the check ran. (A `--stack` run, always in one process, adds its products' totals up from the resolved labels.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..label.daily import stack_totals

if TYPE_CHECKING:
    from ..label.loader import Document
    from ..label.resolve import Resolved
    from ..reference.tables import Nutrient


@dataclass
class Total:
    """One nutrient a day, summed over the products (one product: its own figures)."""

    nid: str
    nutrient: str
    measure: str
    daily: float
    dv: float | None
    limit: float | None
    limit_measure: str | None
    limit_counts: str | None  # what the limit counts, where it is not every form ("preformed vitamin A ...")
    limit_name: str | None  # the limit's own name ("Preformed vitamin A"), where it has one
    toward_limit: float  # the part of ``daily`` the limit counts, in the limit's unit
    shares: list[tuple[str, float, float]]  # (product, daily, toward the limit)

    @property
    def dv_percent(self) -> float | None:
        return self.daily / self.dv * 100 if self.dv else None

    @property
    def ul_percent(self) -> float | None:
        return self.toward_limit / self.limit * 100 if self.limit else None

    def status(self, near: float) -> str:
        """over / near / within / no-limit: the one colour this nutrient's bars take."""
        share = self.ul_percent
        if share is None:
            return "no-limit"
        return "over" if share > 100 else "near" if share >= near else "within"

    def to_dict(self) -> dict:
        def rounded(value: float | None) -> float | None:
            return None if value is None or not math.isfinite(value) else round(value, 4)

        return {
            "nutrient": self.nutrient,
            "amount": rounded(self.daily),
            "unit": self.measure,
            "ul": rounded(self.limit),
            "ul_unit": self.limit_measure if self.limit else None,
            "ul_counts": self.limit_counts,
            "amount_toward_ul": rounded(self.toward_limit) if self.limit else None,
            "ul_percent": rounded(self.ul_percent),
            "dv": rounded(self.dv),
            "dv_unit": self.measure if self.dv else None,
            "dv_percent": rounded(self.dv_percent),
            "products": [{"product": name, "amount": rounded(daily)} for name, daily, _ in self.shares],
        }


def totals_of(labels: list[tuple[str, Resolved, int]]) -> dict[str, Total]:
    """Per nutrient id, the daily totals over the labels: (product name, resolved label, servings a day) each."""
    out: dict[str, Total] = {}
    for nid, summed in stack_totals(labels).items():
        resolved = next(r for _, r, _ in labels if nid in r.nutrients())
        nutrient = resolved.reference.nutrients[nid]
        ul = nutrient.ul
        counts = ul.covers if ul is not None and (ul.not_counted or ul.name) else None
        out[nid] = Total(
            nid,
            nutrient.name,
            summed.measure,
            summed.total,
            nutrient.dv,
            summed.limit,
            summed.limit_measure,
            counts,
            ul.name if ul is not None else None,
            summed.ul_total,
            summed.shares,
        )
    return out


@dataclass(frozen=True, slots=True)
class LabelSummary:
    file: str
    product: str
    population: str  # the group's description ("adults (19+)")
    bands: tuple[str, ...] | None  # the population's age bands, for its upper limits (None: no population)
    totals: dict[str, Total]  # the label alone, at its own servings a day
    nutrient_at: dict[int, str]  # line → the nutrient of the row there (its amount's, name's or row's line)
    text_at: dict[int, str]  # line → the first text of the label there (a row's name, an ingredient)
    nutrients: dict[str, Nutrient]  # the rows' nutrients, as the population's tables read them
    daily: dict[str, float | None]  # the daily amount of each, in its label unit
    toward_limit: dict[str, float] = field(default_factory=dict)  # what its upper limit counts of it, a day


def summarise(resolved: Resolved, doc: Document, file: str, with_totals: bool = True) -> LabelSummary:
    """The summary of a checked label (its resolved rows and its document); ``with_totals=False`` leaves its totals
    out, for a report that adds them up from the resolved label itself."""
    nutrient_at: dict[int, str] = {}
    for row in resolved.rows:
        if row.nutrient is not None:
            for path in (row.amount_path, (*row.path, "name"), row.path):
                nutrient_at.setdefault(doc.value_span(path).line, row.nutrient.id)  # the first row at a line
    text_at: dict[int, str] = {}
    for path, value in _texts(doc.data, ()):
        if path and path[-1] not in ("amount", "dv", "as"):
            text_at.setdefault(doc.value_span(path).line, value)
    reference = resolved.reference
    nutrients = {nid: reference.nutrients[nid] for nid in dict.fromkeys(nutrient_at.values())}
    toward = {}
    for nid, nutrient in nutrients.items():
        counted = resolved.daily_for_ul(nutrient) if nutrient.ul is not None else None
        if counted is not None:
            toward[nid] = counted[0]
    population = resolved.population
    return LabelSummary(
        file,
        resolved.label.product,
        population.description if population else "adults",
        population.bands if population else None,
        totals_of([(resolved.label.product, resolved, resolved.per_day)]) if with_totals else {},
        nutrient_at,
        text_at,
        nutrients,
        {nid: resolved.daily(nid) for nid in nutrients},
        toward,
    )


def _texts(value, path: tuple):
    """(path, text) for every text of the label's data, in document order."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
    elif isinstance(value, str):
        yield path, value
