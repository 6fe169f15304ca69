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
from ..label.daily import stack_totals
from ..quantity.wording import times
from ..report.html import UNREADABLE, percent, quantity
from ..shipped.files import load

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
    """One pasted or checked product: its findings, and (for a well-formed label) its document and resolved rows."""

    name: str
    file: str
    findings: list[Finding] = field(default_factory=list)
    doc: Document | None = None
    resolved: Resolved | None = None


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


def totals(products: list[Product]) -> dict[str, Total]:
    """Per nutrient id, the daily totals over the well-formed products (each at its own servings a day)."""
    labels = [(p.name, p.resolved, p.resolved.per_day) for p in products if p.resolved is not None]
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


@dataclass
class Report:
    products: list[Product]
    population: str  # the group's description ("adults (19+)")
    totals: dict[str, Total]
    stack_findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_stack(self) -> bool:
        return sum(p.resolved is not None for p in self.products) >= 2

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
        if product.resolved is None:  # a page: its findings as they are worded
            return template["other"].format(**fields, message=f.message)
        nid = _nutrient_at(product, f.line)
        resolved = product.resolved
        nutrient = resolved.reference.nutrients.get(nid) if nid else None
        subject = _text_at(product.doc, f.line) or (nutrient.name if nutrient else "")
        fields.update(subject=in_sentence(nutrient.name) if f.code == "SUP305" and nutrient else subject)
        if f.code == "SUP201" and nutrient is not None and nutrient.ul is not None:
            counted = resolved.daily_for_ul(nutrient)
            limit = nutrient.ul.for_bands(resolved.population.bands) if resolved.population else None
            if counted and limit:
                measure = str(nutrient.ul.measure)
                return template["SUP201"].format(
                    **fields,
                    nutrient=in_sentence(nutrient.ul.name or nutrient.name),
                    daily=quantity(counted[0], measure),
                    limit=quantity(limit, measure),
                    how_much=how_much(counted[0] / limit),
                )
        if f.code in ("SUP202", "SUP203") and nid is not None and nutrient is not None and nutrient.dv:
            daily = resolved.daily(nid)
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
    if product.doc is None or product.resolved is None:
        return None
    for row in product.resolved.rows:
        if row.nutrient is None:
            continue
        for path in (row.amount_path, (*row.path, "name"), row.path):
            if product.doc.value_span(path).line == line:
                return row.nutrient.id
    return None


def _text_at(doc, line: int) -> str | None:
    """The first text of the label on ``line`` (a row's name, an ingredient): what a finding there is about."""
    if doc is None:
        return None

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index))
        elif isinstance(value, str):
            yield path, value

    for path, value in walk(doc.data, ()):
        if path and path[-1] in ("amount", "dv", "as"):
            continue
        if doc.value_span(path).line == line:
            return value
    return None
