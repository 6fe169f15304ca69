"""A validated label → rows matched to nutrients, with per-serving amounts in each nutrient's label unit.

This is the one place amounts are normalised; rules read the result and never parse or convert themselves.
Rows whose unit cannot be converted are reported here (SUP003 / SUP004) and left out of the sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..codes import MALFORMED_AMOUNT, UNKNOWN_UNIT, UNSUPPORTED_POPULATION
from ..hits import Hit
from ..quantity.amounts import Amount
from ..reference.panel_rows import panel_row
from ..reference.tables import Ambiguous, Nutrient, Population, Reference
from .model import BlendMember, DeclaredDV, Fact, Label


@dataclass(slots=True)
class Row:
    path: tuple
    name: str
    as_: str | None
    nutrient: Nutrient | None
    forms: frozenset[str]
    amount: Amount | None
    per_serving: float | None = None  # in nutrient.measure
    dv: DeclaredDV | None = None  # the %DV as printed on this row

    @property
    def amount_path(self) -> tuple:
        return (*self.path, "amount")

    @property
    def at_most(self) -> bool:
        """ "<1 g": the amount is only a ceiling (label-format.md: it counts as at most the bound), so it is never
        evidence that a limit or a multiple of the Daily Value is reached."""
        amount = self.amount
        return amount is not None and amount.ceiling


@dataclass(slots=True)
class Resolved:
    label: Label
    rows: list[Row]
    population: Population | None
    reference: Reference
    issues: list[Hit] = field(default_factory=list)  # what normalising found, under built-in rules
    _memo: dict = field(default_factory=dict)
    _by_nutrient: dict[str, list[Row]] = field(default_factory=dict)
    per_day: int = field(init=False)  # the label's most servings a day, read by every daily figure

    def __post_init__(self) -> None:
        self.per_day = self.label.per_day
        for row in self.rows:
            if row.nutrient is not None:
                self._by_nutrient.setdefault(row.nutrient.id, []).append(row)

    def rows_of(self, nutrient_id: str) -> list[Row]:
        return self._by_nutrient.get(nutrient_id, [])

    def memo(self, key, compute):
        """``compute()`` once per label: several rules ask the same question of one label (rows are final once
        resolve() returns)."""
        try:
            return self._memo[key]
        except KeyError:
            found = self._memo[key] = compute()
            return found

    # The questions below are asked by several rules for every nutrient of every label, so each looks in the memo
    # itself: going through memo() would build a closure on every call, answered or not.

    def nutrients(self) -> dict[str, list[Row]]:
        """Nutrients present with a usable amount, in label order."""
        try:
            return self._memo["present"]
        except KeyError:
            found = self._memo["present"] = {
                nid: usable
                for nid, rows in self._by_nutrient.items()
                if (usable := [row for row in rows if row.per_serving is not None])
            }
            return found

    def daily(self, nutrient_id: str) -> float | None:
        """Daily amount in the nutrient's label unit: all rows summed, times the most servings a day."""
        key = ("daily", nutrient_id)
        try:
            return self._memo[key]
        except KeyError:
            amounts = [row.per_serving for row in self.rows_of(nutrient_id) if row.per_serving is not None]
            found = self._memo[key] = sum(amounts) * self.per_day if amounts else None
            return found

    def daily_at_least(self, nutrient_id: str) -> float | None:
        """The daily amount in the label unit that is certain to be reached: a row printed as a ceiling (`<1 g`)
        counts for nothing here (label-format.md: at most the bound), so a megadose never rests on one."""
        key = ("at-least", nutrient_id)
        try:
            return self._memo[key]
        except KeyError:
            amounts = [
                row.per_serving for row in self.rows_of(nutrient_id) if row.per_serving is not None and not row.at_most
            ]
            found = self._memo[key] = sum(amounts) * self.per_day if amounts else None
            return found

    def daily_for_ul(self, nutrient: Nutrient) -> tuple[float, list[Row]] | None:
        """Daily amount the upper limit covers, in the UL's unit, and the rows it comes from."""
        try:
            return self._memo["ul"][0].get(nutrient.id)
        except KeyError:
            return self._ul_figures()[0].get(nutrient.id)

    def ul_share(self, row: Row) -> float | None:
        """What one row adds per serving toward its nutrient's upper limit, in the limit's unit (None when the limit
        does not cover it or it cannot be converted)."""
        try:
            figures = self._memo["ul"]
        except KeyError:
            figures = self._ul_figures()
        return figures[1].get(id(row))

    def _ul_figures(self) -> tuple[dict[str, tuple[float, list[Row]]], dict[int, float]]:
        """Every nutrient's daily amount toward its upper limit, and each row's share, in one pass over the rows:
        the dose rules ask it of every nutrient of every label, and one call per nutrient cost more than the
        sums."""
        share = self.reference.ul_amount
        sums: dict[str, tuple[float, list[Row]]] = {}
        shares: dict[int, float] = {}
        for nid, rows in self._by_nutrient.items():
            nutrient = rows[0].nutrient
            if nutrient is None or nutrient.ul is None:
                continue
            total, counted = 0.0, []
            for row in rows:
                amount = row.amount
                if amount is None or amount.ceiling:
                    continue  # "<1 g" claims no amount at all
                # None also where the limit does not count the row's forms: beta-carotene is not preformed vitamin A
                value = share(amount, row.per_serving, nutrient, row.forms)
                if value is not None:
                    total += value
                    counted.append(row)
                    shares[id(row)] = value
            if counted:
                sums[nid] = (total * self.per_day, counted)
        found = self._memo["ul"] = (sums, shares)
        return found


def resolve(label: Label, reference: Reference, population: Population | None) -> Resolved:
    reference = reference.for_population(population)  # the population's Daily Values, in every row's nutrient
    rows: list[Row] = []
    for index, fact in enumerate(label.facts):
        _collect(fact, ("facts", index), reference, rows)
    resolved = Resolved(label, rows, population, reference)
    gaps_said: set[str] = set()
    for row in rows:
        if row.nutrient is not None and row.amount is not None:
            _normalise(row, resolved)
        elif row.amount is not None:
            _panel_unit(row, resolved)
        if row.nutrient is not None and population is not None and row.nutrient.id not in gaps_said:
            gaps_said.add(row.nutrient.id)
            _missing_figures(row, population, resolved)
    return resolved


def _missing_figures(row: Row, population: Population, resolved: Resolved) -> None:
    """SUP005 where the tables lack the population's figure for a nutrient they have for adults: it is not
    checked against one, and certainly not against the adults'."""
    nutrient = row.nutrient
    assert nutrient is not None
    gaps = population.missing(nutrient)
    if gaps:
        resolved.issues.append(
            Hit(
                row.path,
                f"supplint's tables have no {' and no '.join(gaps)} of {nutrient.name} for "
                f"{population.description}, so this row is not checked against one",
                "check the figure with a health professional; supplint will not use the adults' figure instead",
                code=UNSUPPORTED_POPULATION,
            )
        )


def _collect(fact: Fact | BlendMember, path: tuple, reference: Reference, rows: list[Row]) -> None:
    match = reference.aliases.match(fact.name, fact.as_, fact.nutrient)
    nutrient = reference.nutrients.get(match.nutrient) if match.nutrient else None
    rows.append(Row(path, fact.name, fact.as_, nutrient, match.forms, fact.amount, dv=fact.dv))
    for index, member in enumerate(fact.blend or ()):
        _collect(member, (*path, "blend", index), reference, rows)


def _normalise(row: Row, resolved: Resolved) -> None:
    nutrient, amount, reference = row.nutrient, row.amount, resolved.reference
    assert nutrient is not None and amount is not None
    try:
        row.per_serving = reference.amount_in(amount, nutrient, row.forms, nutrient.measure, "label")
    except Ambiguous:
        resolved.issues.append(
            Hit(
                row.amount_path,
                f"{amount.text} of {nutrient.name} cannot be converted to {nutrient.measure}: the factor depends on "
                f"the form, and the label does not say which",
                f"state the source compound in `as`, as printed, or give the amount in {nutrient.measure}",
                code=MALFORMED_AMOUNT,
            )
        )
        return
    if row.per_serving is not None:
        if amount.second is not None:
            _parts_fit(row, resolved)
        return
    measure = amount.measure
    if reference.has_conversion_for(nutrient, measure):
        resolved.issues.append(
            Hit(
                row.amount_path,
                f"{amount.text} of {nutrient.name} cannot be converted to {nutrient.measure} for the form stated",
                f"give the amount in {nutrient.measure}",
                code=MALFORMED_AMOUNT,
            )
        )
    else:
        resolved.issues.append(
            Hit(
                row.amount_path,
                f"{measure} is not a unit for {nutrient.name}, which is declared in {nutrient.measure}",
                f"write the amount in {nutrient.measure}",
                code=UNKNOWN_UNIT,
            )
        )


def _panel_unit(row: Row, resolved: Resolved) -> None:
    """A panel row that is not a vitamin or mineral (Calories, Total Fat) in a unit it cannot have: `Calories 20 mg`."""
    panel = panel_row(row.name)
    amount = row.amount
    if panel is None or amount is None:
        return
    for part in amount.amounts():
        if part.measure.unit not in panel.units or part.measure.qualifier is not None:
            allowed = " or ".join(sorted(panel.units))
            resolved.issues.append(
                Hit(
                    row.amount_path,
                    f"{part.measure} is not a unit for the panel row {row.name}, which is declared in {allowed}",
                    f"write the amount as printed, in {allowed}" + (" (or as a bare number)" if panel.bare else ""),
                    code=UNKNOWN_UNIT,
                )
            )
            return


def _parts_fit(row: Row, resolved: Resolved) -> None:
    """Both parts of `500 mg (1 IU)` must be in a unit the nutrient can have: the row's figure comes from the part
    that converts, and a part in a unit with no meaning for the nutrient (IU of vitamin C) would otherwise pass
    unread. Unknown units are SUP003's; a part that has a factor for some other form is left to SUP207."""
    nutrient, amount, reference = row.nutrient, row.amount, resolved.reference
    assert nutrient is not None and amount is not None
    for part in amount.amounts():
        if reference.fits(part.measure, nutrient, row.forms):
            continue
        where = "the parenthetical amount" if part is amount.second else "the first amount"
        resolved.issues.append(
            Hit(
                row.amount_path,
                f"{where} of {amount.text} is in {part.measure}, not a unit for {nutrient.name}, which is declared "
                f"in {nutrient.measure}",
                f"write both amounts in units of {nutrient.name} (e.g. {nutrient.measure}), or drop the one in "
                f"{part.measure}",
                code=UNKNOWN_UNIT,
            )
        )
