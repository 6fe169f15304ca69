"""Kind `dose`: a nutrient's daily amount against its upper limit and/or a multiple of its Daily Value.

`scope` picks the nutrients: `each` one on the label, only the `sole-dv-nutrient` (the one nutrient with a Daily
Value, for isolated megadoses), or those with `no-upper-limit`; `nutrients` narrows any scope to the nutrients it
names. The upper limit counts only what it covers (Resolved.daily_for_ul) and needs a supported population; the
Daily Value test does not; the `maximum` limit is the rule's own threshold (the quantity option `maximum`, in the
nutrient's label unit), for a figure the tables do not hold ("vitamin B6 above 50 mg a day").

On a stack (`target: stack`, limit `upper-limit` only): the daily amount of a nutrient summed over the products
taken together exceeds its upper limit. Only what the limit covers is counted (as on one label), each product at its
servings a day in the stack. The finding is at the product that contributes most, and names every product's share;
`nutrients` narrows it as on a label.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, cast

from pydantic import Field, field_validator, model_validator

from ..label.resolve import Resolved
from ..quantity import wording as formatting
from ..shipped.memo import Memo
from . import Hit, daily_text, render
from ._targets import refuse_others
from .spec import RuleBase

if TYPE_CHECKING:  # subjects.stack is imported only when a stack is checked
    from ..subjects.stack import StackContext

TARGET = ("label", "stack")

#: The fields this kind gives a label rule's templates, and a stack rule's (the registry checks each rule's templates
#: against its own target's when the packs load). On a label, `daily`/`alt` are the daily amount on the upper
#: limit's basis where the limit is exceeded, else in the label unit; `dv_daily`/`dv_alt` always in the label unit
#: (the Daily Value's); `over_ul` and `over_dv` are the notes rendered from `above-ul-note` and `dv-multiple-note`
#: for what is reached, and `megadose` joins them with "and". On a stack, `total` is the day's total the limit
#: covers, `count` the products contributing and `shares` each one's part.
FIELDS_BY_TARGET = {
    "label": frozenset(
        {
            "nutrient",
            "over_ul",
            "over_dv",
            "megadose",
            "daily",
            "alt",
            "dv",
            "dv_daily",
            "dv_alt",
            "dv_multiple",
            "dv_percent",
            "limit",
            "ratio",
            "population",
            "source",
            "covers",
            "maximum",
        }
    ),
    "stack": frozenset({"nutrient", "total", "limit", "ratio", "count", "shares", "population", "source", "covers"}),
}

#: Templates of the Spec beyond message and hint (checked when the packs load).
TEMPLATES = ("above_ul_note", "dv_multiple_note")


class Spec(RuleBase):
    kind: Literal["dose"]
    limits: tuple[Literal["upper-limit", "dv-multiple", "maximum"], ...]
    scope: Literal["each", "sole-dv-nutrient", "no-upper-limit"] = "each"
    nutrients: tuple[str, ...] = ()  # ids of data/nutrients.yaml; empty: every nutrient the scope picks
    # Rendered into {over_ul} when the upper limit is exceeded, into {over_dv} when the multiple of the Daily
    # Value is reached (empty otherwise): a message says only what the finding is about.
    above_ul_note: str | None = Field(None, alias="above-ul-note")
    dv_multiple_note: str | None = Field(None, alias="dv-multiple-note")

    @model_validator(mode="after")
    def _fits_target(self) -> Spec:
        if self.target == "stack":
            refuse_others(self, "dose", ("scope", "above_ul_note", "dv_multiple_note"), "sums the stack's products")
            if self.limits != ("upper-limit",):
                raise ValueError(
                    "a dose rule for a stack takes `limits: [upper-limit]`: it sums what upper limits cover"
                )
        return self

    @model_validator(mode="after")
    def _multiple_declared(self) -> Spec:
        if "dv-multiple" in self.limits and (
            self.options.get("multiple") is None or self.options["multiple"].type != "number"
        ):
            raise ValueError("a dv-multiple limit needs the number option `multiple`")
        if "maximum" in self.limits:
            option = self.options.get("maximum")
            if option is None or option.type != "quantity":
                raise ValueError("a maximum limit needs the quantity option `maximum`")
            if not self.nutrients:
                raise ValueError("a maximum limit needs `nutrients`: the threshold is an amount of a named nutrient")
            from ..reference.tables import (
                reference,  # loaded only when packs are validated, never per label
            )

            for nid in self.nutrients:
                try:
                    reference().quantity_of(option.coerce(option.default), nid)
                except ValueError as exc:
                    raise ValueError(f"maximum {option.default!r} {exc}") from None
        return self

    @field_validator("nutrients")
    @classmethod
    def _nutrients_known(cls, nutrients: tuple[str, ...]) -> tuple[str, ...]:
        from ..reference.tables import reference
        from ..suggest import did_you_mean

        known = reference().nutrients
        for nid in nutrients:
            if nid not in known:
                hint = did_you_mean(nid, known)
                raise ValueError(f"unknown nutrient '{nid}' (data/nutrients.yaml)" + (f"; {hint}" if hint else ""))
        return nutrients


def evaluate(rule: Spec, subject: Resolved | StackContext, options: dict) -> Iterator[Hit]:
    if rule.target == "stack":  # the engine gives a stack rule the stack it checks
        yield from _stack(rule, cast("StackContext", subject))
        return
    resolved = cast(Resolved, subject)
    # The three dose rules of a pack ask the same figures of every nutrient: worked out once per label.
    figures = resolved.memo("dose-figures", lambda: _figures(resolved))
    candidates: list[_Figures]
    if rule.scope == "each":
        candidates = figures
    else:
        with_dv = [figure for figure in figures if figure[1].dv]
        if rule.scope == "sole-dv-nutrient":
            if len(with_dv) != 1:
                return
            candidates = with_dv
        else:
            # A product's only nutrient with a Daily Value is an isolated megadose (scope sole-dv-nutrient), never
            # both: one figure gets one finding.
            sole = with_dv[0][0] if len(with_dv) == 1 else None
            candidates = [figure for figure in figures if figure[1].ul is None and figure[0] != sole]
    if rule.nutrients:
        candidates = [figure for figure in candidates if figure[0] in rule.nutrients]
    reference = resolved.reference
    ul_test = "upper-limit" in rule.limits
    dv_test = "dv-multiple" in rule.limits
    max_test = "maximum" in rule.limits
    for nid, nutrient, covered, limit, over_limit in candidates:
        over_ul = ul_test and over_limit
        over_dv = False
        maximum = None
        if dv_test and nutrient.dv:
            # "<1 g" is at most 1 g: only amounts known to be reached count toward a megadose
            daily = resolved.daily_at_least(nid)
            over_dv = daily is not None and daily >= options["multiple"] * nutrient.dv
        if max_test:
            daily = resolved.daily_at_least(nid)
            threshold = reference.amount_in(options["maximum"], nutrient, frozenset(), nutrient.measure, "label")
            maximum = threshold if daily is not None and threshold is not None and daily > threshold else None
        if not (over_ul or over_dv or maximum is not None):
            continue
        # Only a firing rule pays for its message.
        yield _hit(rule, resolved, nutrient, covered if over_ul else None, limit, over_dv, maximum)


#: A nutrient's figures on one label: its id, the nutrient, what its upper limit covers (the daily amount in the
#: limit's unit and the rows counted; None without a population or a limit), the population's limit and whether that
#: is exceeded.
_Figures = tuple


def _figures(resolved: Resolved) -> list[_Figures]:
    reference, population = resolved.reference, resolved.population
    figures = []
    for nid in resolved.nutrients():
        nutrient = reference.nutrients[nid]
        covered = limit = None
        over_limit = False
        if population is not None and nutrient.ul is not None:
            covered = resolved.daily_for_ul(nutrient)
            if covered is not None:
                limit = nutrient.ul.for_bands(population.bands)  # None: no figure for the population (SUP005 says so)
                over_limit = limit is not None and covered[0] > limit
        figures.append((nid, nutrient, covered, limit, over_limit))
    return figures


# A finding's words depend only on the rule, the nutrient (as the population's tables read it), the rows' amounts
# (and where they stand, when there are several), servings a day and the population: across a corpus a few hundred
# messages stand behind thousands of findings, so each is built once. 10,000 generated labels have 960 distinct
# ones; four times that, at about half a KB each (the key and two sentences), stays near 2 MB.
_MESSAGES: Memo[tuple, tuple[Spec, str, str | None]] = Memo(4096)


def _rows_key(rows) -> tuple:
    if len(rows) == 1:
        return (rows[0].amount,)
    return tuple((row.amount, row.path) for row in rows)


def _hit(rule: Spec, resolved: Resolved, nutrient, covered, limit, over_dv: bool, maximum: float | None = None) -> Hit:
    present = resolved.nutrients()[nutrient.id]
    certain = [row for row in present if not row.at_most]
    rows = certain or present
    label_daily = None
    covered_key = None
    if covered is not None:
        label_daily = sum(row.per_serving for row in covered[1] if row.per_serving is not None) * resolved.per_day
        covered_key = (covered[0], limit, label_daily, _rows_key(covered[1]))
        rows = covered[1]
    key = (
        id(rule),
        resolved.reference,
        resolved.population,
        resolved.per_day,
        nutrient.id,
        over_dv,
        maximum,
        resolved.daily_at_least(nutrient.id),
        _rows_key(certain) if certain else None,
        covered_key,
    )
    known = _MESSAGES.get(key)
    if known is None or known[0] is not rule:
        known = _MESSAGES.keep(
            key, (rule, *_words(rule, resolved, nutrient, certain, covered, limit, label_daily, over_dv, maximum))
        )
    return Hit(rows[0].amount_path, known[1], known[2])


def _words(
    rule: Spec, resolved: Resolved, nutrient, certain, covered, limit, label_daily, over_dv: bool, maximum
) -> tuple[str, str | None]:
    reference, population = resolved.reference, resolved.population
    fields: dict = {"nutrient": nutrient.name, "over_ul": "", "over_dv": ""}
    daily = resolved.daily_at_least(nutrient.id)
    if daily is not None:
        fields["dv_daily"], fields["dv_alt"] = daily_text(
            certain, resolved.per_day, daily, nutrient.measure, reference=reference
        )
        if nutrient.dv:
            fields.update(
                dv=formatting.amount(nutrient.dv, nutrient.measure),
                dv_multiple=formatting.times(daily / nutrient.dv),
                dv_percent=formatting.percent(daily / nutrient.dv),
            )
        fields["daily"], fields["alt"] = fields["dv_daily"], fields["dv_alt"]
    if maximum is not None:
        fields["maximum"] = formatting.amount(maximum, nutrient.measure)
    if covered is not None:
        assert population is not None  # an upper limit is tested only for a known population
        total, rows = covered
        fields.update(
            nutrient=nutrient.ul.name or nutrient.name,
            limit=formatting.amount(limit, nutrient.ul.measure),
            ratio=formatting.percent(total / limit),
            population=population.description,
            source=reference.cite_limit(nutrient.ul, population),
            covers=nutrient.ul.covers,
        )
        fields["daily"], fields["alt"] = daily_text(
            rows, resolved.per_day, total, nutrient.ul.measure, label_daily, reference
        )
        fields["over_ul"] = render(rule.above_ul_note, fields) or ""
    if over_dv:
        fields["over_dv"] = render(rule.dv_multiple_note, fields) or ""
    fields["megadose"] = " and ".join(note for note in (fields["over_dv"], fields["over_ul"]) if note)
    return render(rule.message, fields), render(rule.hint, fields)


def _stack(rule: Spec, stack: StackContext) -> Iterator[Hit]:
    reference = stack.reference
    for nid, total in stack.totals.items():
        if rule.nutrients and nid not in rule.nutrients:
            continue
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
