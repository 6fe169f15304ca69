"""What the shopper report says, as data: the products, each nutrient's daily total against the upper limit and the
Daily Value for the chosen group, and one plain sentence per problem (rules/data/shopper.yaml words them).

The findings decide *which* problems there are (the same rules as `supplint check`); the sentences take their
numbers from the resolved labels, so that each says the amount, the limit and whom the limit is for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import SEVERITIES, Finding
from ..quantity.wording import times
from ..report.html import UNREADABLE, percent, quantity
from ..shipped.files import load
from .summary import LabelSummary, Total, summarise, totals_of

__all__ = ["Product", "Report", "Total", "totals"]

if TYPE_CHECKING:
    from ..label.loader import Document
    from ..label.resolve import Resolved

#: The rules whose sentence is about a stack rather than one product.
STACK_CODES = frozenset({"SUP501"})
#: Rules that both say a nutrient is a megadose (the isolated one, and the one without an upper limit).
MEGADOSE = frozenset({"SUP202", "SUP203"})


def words() -> dict:
    return load("data/shopper.yaml")


@dataclass
class Product:
    """One pasted or checked product: its findings, and for a well-formed label what the report reads of it (its
    summary; and its document and resolved rows where it was checked in this process)."""

    name: str
    file: str
    findings: list[Finding] = field(default_factory=list)
    doc: Document | None = None
    resolved: Resolved | None = None
    summary: LabelSummary | None = None  # from the resolved label and document, when not given

    def __post_init__(self) -> None:
        if self.summary is None and self.resolved is not None and self.doc is not None:
            self.summary = summarise(self.resolved, self.doc, self.file, with_totals=False)


def totals(products: list[Product]) -> dict[str, Total]:
    """Per nutrient id, the daily totals over the well-formed products (each at its own servings a day)."""
    labels = [(p.name, p.resolved, p.resolved.per_day) for p in products if p.resolved is not None]
    if not labels and len(products) == 1 and products[0].summary is not None:
        return products[0].summary.totals  # checked in a worker: its totals came back with it
    return totals_of(labels)


@dataclass
class Report:
    products: list[Product]
    population: str  # the group's description ("adults (19+)")
    totals: dict[str, Total]
    stack_findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_stack(self) -> bool:
        return sum(p.resolved is not None or p.summary is not None for p in self.products) >= 2

    def findings(self) -> list[Finding]:
        return [f for p in self.products for f in p.findings] + self.stack_findings

    def sentences(self) -> list[tuple[str, str]]:
        """(severity, sentence) per problem: the stack's first, then each product's, most severe first."""
        said: list[tuple[str, str]] = self._stack_sentences()
        ranked = sorted(
            ((p, f) for p in self.products for f in p.findings),
            key=lambda pf: (-SEVERITIES.index(pf[1].severity), self.products.index(pf[0])),
        )
        once: set[tuple] = set()  # one "could not be read" per product, one megadose sentence per nutrient
        for product, f in ranked:
            if f.code in UNREADABLE - {"SUP005"}:
                key: tuple | None = (product.file, "unreadable")
            elif f.code in MEGADOSE:
                key = (product.file, "megadose", _nutrient_at(product, f.line))
            else:
                key = None
            if key is not None:
                if key in once:
                    continue
                once.add(key)
            said.append((f.severity, self._product_sentence(product, f)))
        seen, out = set(), []
        for severity, sentence in said:
            if sentence not in seen:
                seen.add(sentence)
                out.append((severity, sentence))
        return out

    # -- sentences ---------------------------------------------------------------------------------------------

    def _fields(self, product: Product | None) -> dict:
        return {"product": product.name if product else "", "population": self.population}

    def _stack_sentences(self) -> list[tuple[str, str]]:
        """One sentence per nutrient the stack takes over its upper limit (what SUP501 reports, at the entry that
        gives the most), with the product that supplies most of it."""
        if not self.stack_findings:
            return []
        template = words()["sentences"]
        over = [t for t in self.totals.values() if t.limit and t.toward_limit > t.limit]
        if not over:  # the products could not be added up here: the findings as they are worded
            return [
                (f.severity, template["other"].format(product="Together", message=f.message))
                for f in self.stack_findings
            ]
        severity = max((f.severity for f in self.stack_findings), key=SEVERITIES.index)
        out: list[tuple[str, str]] = []
        for total in over:
            assert total.limit is not None  # `over` holds totals with a limit
            top = max(total.shares, key=lambda share: share[2])
            share = top[2] / total.toward_limit * 100
            out.append(
                (
                    severity,
                    template["SUP501"]
                    .format(
                        population=self.population,
                        nutrient=in_sentence(total.limit_name or total.nutrient),
                        daily=quantity(total.toward_limit, total.limit_measure),
                        limit=quantity(total.limit, total.limit_measure),
                        how_much=how_much(total.toward_limit / total.limit),
                        top=top[0],
                        top_share=percent(share),
                    )
                    .strip(),
                )
            )
        return out

    def _product_sentence(self, product: Product, f: Finding) -> str:
        template = words()["sentences"]
        fields = self._fields(product)
        if f.code in UNREADABLE and f.code != "SUP005":
            return template["unreadable"].format(**fields)
        label = product.summary
        if label is None:  # a page: its findings as they are worded
            return template["other"].format(**fields, message=f.message)
        nid = label.nutrient_at.get(f.line)
        nutrient = label.nutrients.get(nid) if nid else None
        subject = label.text_at.get(f.line) or (nutrient.name if nutrient else "")
        fields.update(subject=in_sentence(nutrient.name) if f.code == "SUP305" and nutrient else subject)
        if f.code == "SUP201" and nid is not None and nutrient is not None and nutrient.ul is not None:
            counted = label.toward_limit.get(nid)
            limit = nutrient.ul.for_bands(label.bands) if label.bands is not None else None
            if counted is not None and limit:
                measure = str(nutrient.ul.measure)
                return template["SUP201"].format(
                    **fields,
                    nutrient=in_sentence(nutrient.ul.name or nutrient.name),
                    daily=quantity(counted, measure),
                    limit=quantity(limit, measure),
                    how_much=how_much(counted / limit),
                )
        if f.code in ("SUP202", "SUP203") and nid is not None and nutrient is not None and nutrient.dv:
            daily = label.daily.get(nid)
            if daily:
                measure = str(nutrient.measure)
                return template[f.code].format(
                    **fields,
                    nutrient=in_sentence(nutrient.name),
                    daily=quantity(daily, measure),
                    dv=quantity(nutrient.dv, measure),
                    dv_times=times(daily / nutrient.dv).rstrip("×") + " times",
                )
        if f.code in template and f.code not in ("SUP201", "SUP202", "SUP203", "SUP501"):
            return template[f.code].format(**fields)
        return template["other"].format(**fields, message=f.message)


def how_much(ratio: float) -> str:
    """ "156% of", "more than twice", "three times": how far an amount is over a limit, in words."""
    multiples = words()["multiples"]
    if not math.isfinite(ratio):
        return "far more than"
    whole = math.floor(ratio)
    if ratio < 2:
        return f"{percent(ratio * 100)} of"
    phrase = multiples.get(whole, f"more than {whole:,} times")
    return phrase.removeprefix("more than ") if ratio == whole else phrase


def in_sentence(name: str) -> str:
    """A nutrient's name inside a sentence: "vitamin D", but "DHA" and "B12" stay as they are."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _nutrient_at(product: Product, line: int) -> str | None:
    """The nutrient of the row a finding points at (its amount's, name's or row's line)."""
    return product.summary.nutrient_at.get(line) if product.summary is not None else None
