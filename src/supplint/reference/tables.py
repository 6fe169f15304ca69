"""Typed views of the reference tables under rules/data, and nutrient-aware unit conversion."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..quantity import units
from ..quantity.amounts import Amount, Measure, parse_measure
from ..shipped import cache as data_cache
from ..shipped import files as data
from ..shipped.memo import Memo
from .aliases import AliasMatcher

#: The DV set of adults and children 4 and over (the rule's first set; the one `dv` means without a population).
ADULT_DVS = "adults"
#: Not worked out (yet), where None is an answer: a singleton, so a memo holding it stays right when pickled.
_UNKNOWN: Any = Ellipsis
#: Remembered answers per question of a Reference (see __init__): a hundred times what a corpus asks, a few hundred KB.
_ANSWERS_BOUND = 2048


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    url: str
    confidence: str
    short: str


@dataclass(frozen=True, slots=True)
class UpperLimit:
    measure: Measure
    bands: dict[str, float]
    covers: str
    sources: tuple[str, ...]
    provisional: bool
    not_counted: frozenset[str]
    name: str | None
    provisional_bands: frozenset[str] = frozenset()
    _lowest: dict = field(default_factory=dict, compare=False, repr=False)  # bands → limit, asked per label

    def for_bands(self, bands: tuple[str, ...]) -> float | None:
        """Where the population spans age bands with different limits, the lowest applies; None when the tables
        have no figure for one of them (the caller says so: an adult figure never stands in)."""
        if bands not in self._lowest:
            known = [self.bands[band] for band in bands if band in self.bands]
            self._lowest[bands] = min(known) if bands and len(known) == len(bands) else None
        return self._lowest[bands]


@dataclass(frozen=True, slots=True)
class DailyValue:
    amount: float
    sources: tuple[str, ...]
    provisional: bool


@dataclass(frozen=True, slots=True)
class Nutrient:
    id: str
    name: str
    measure: Measure
    plain_unit_is_equivalent: bool
    dv: float | None  # in the DV set of the population the reference is for (adults by default)
    dv_sources: tuple[str, ...]
    dv_provisional: bool
    old_dv: tuple[float, Measure] | None
    ul: UpperLimit | None
    ul_note: str | None
    dv_sets: dict[str, DailyValue] = field(default_factory=dict, compare=False)  # every set, by name

    def implied(self, measure: Measure) -> Measure:
        """Plain "mg" of niacin means mg NE, of vitamin E mg alpha-tocopherol (S20b: "can be labeled as mg")."""
        if (
            measure.qualifier is None
            and self.plain_unit_is_equivalent
            and units.factor(measure.unit, self.measure.unit)
        ):
            return Measure(measure.unit, self.measure.qualifier)
        return measure


@dataclass(frozen=True, slots=True)
class Conversion:
    src: Measure
    dst: Measure
    factor: float
    forms: frozenset[str]
    purposes: frozenset[str]
    sources: tuple[str, ...]
    provisional: bool


@dataclass(frozen=True, slots=True)
class Population:
    id: str
    description: str
    bands: tuple[str, ...]
    supported: bool
    dv_set: str = ADULT_DVS

    def missing(self, nutrient: Nutrient) -> list[str]:
        """What the tables lack for this nutrient in this population, where they have it for adults."""
        gaps = []
        if nutrient.dv_sets and self.dv_set not in nutrient.dv_sets:
            gaps.append("Daily Value")
        if nutrient.ul is not None and nutrient.ul.for_bands(self.bands) is None:
            gaps.append("upper limit")
        return gaps


class Ambiguous(Exception):
    """Several form-specific factors apply and they disagree (vitamin E IU with no form stated)."""


class Reference:
    def __init__(self) -> None:
        tables = _validated()
        self.sources = {
            key: Source(key, row.title, row.url, row.confidence, row.short or row.title)
            for key, row in tables["sources"].items()
        }
        self.nutrients = {key: _nutrient(key, row) for key, row in tables["nutrients"].items()}
        self.conversions: dict[str, list[Conversion]] = {}
        for row in tables["conversions"]:
            self.conversions.setdefault(row.nutrient, []).append(
                Conversion(
                    parse_measure(row.from_),
                    parse_measure(row.to),
                    row.factor,
                    frozenset(row.forms),
                    frozenset([row.purpose] if row.purpose else ("label", "ul")),
                    row.source,
                    row.provisional,
                )
            )
        self.populations = {
            key: Population(key, row.description, row.bands, row.supported, row.dv_set)
            for key, row in tables["populations"].items()
        }
        self.aliases = AliasMatcher(data.load("data/aliases.yaml"))  # its rows were validated with the others
        self._views: dict[str, Reference] = {}
        # Answers by nutrient, the forms a row names and (for _fits) its unit: 10,000 generated labels ask about 20
        # of each. Bounded all the same: forms are read from what a label writes, and the language server runs long.
        self._ul_factors: Memo[tuple[str, frozenset[str]], float | None] = Memo(_ANSWERS_BOUND)
        self._ul_bases: Memo[tuple[str, frozenset[str]], tuple[bool, Measure | None, Any]] = Memo(_ANSWERS_BOUND)
        self._fits: Memo[tuple, bool] = Memo(_ANSWERS_BOUND)

    def for_population(self, population: Population | None) -> Reference:
        """The tables as one population reads them: each nutrient's `dv` from the population's DV set (None where
        the set has no figure). Rules read `row.nutrient.dv` and never need to know which set it came from."""
        if population is None or population.dv_set == ADULT_DVS:
            return self
        view = self._views.get(population.dv_set)
        if view is None:
            view = copy.copy(self)
            view.nutrients = {key: _with_dv_set(n, population.dv_set) for key, n in self.nutrients.items()}
            view._views = {}
            self._views[population.dv_set] = view
        return view

    def cite(self, keys: tuple[str, ...]) -> str:
        return "; ".join(self.sources[key].short if key in self.sources else key for key in keys)

    def cite_limit(self, ul: UpperLimit, population: Population) -> str:
        """An upper limit's sources, saying so where the population's figure is provisional (not read in the
        table copy, but following the DRI pattern: primary-sources.md §3.4)."""
        cited = self.cite(ul.sources)
        if ul.provisional_bands & set(population.bands):
            cited += f" (the figure for {population.description} is provisional)"
        return cited

    def convert(
        self, value: float, src: Measure, nutrient: Nutrient, forms: frozenset[str], dst: Measure, purpose: str
    ) -> float | None:
        """``value`` in ``src`` expressed in ``dst`` for this nutrient and form; None if no factor applies.

        Raises Ambiguous when the form is not stated and the form-specific factors differ.
        """
        src, dst = nutrient.implied(src), nutrient.implied(dst)
        if src.qualifier == dst.qualifier:
            direct = units.factor(src.unit, dst.unit)
            if direct is not None:
                return value * direct
        known_forms = forms & self.aliases.forms_of.get(nutrient.id, frozenset())
        results = set()
        for conv in self.conversions.get(nutrient.id, ()):
            if purpose not in conv.purposes or (known_forms and conv.forms and not conv.forms & known_forms):
                continue
            for a, b, scale in ((conv.src, conv.dst, conv.factor), (conv.dst, conv.src, 1 / conv.factor)):
                if a.qualifier != src.qualifier or b.qualifier != dst.qualifier:
                    continue
                into, out = units.factor(src.unit, a.unit), units.factor(b.unit, dst.unit)
                if into is not None and out is not None:
                    results.add(round(value * into * scale * out, 9))
        if len(results) > 1:
            raise Ambiguous(f"{src} of {nutrient.name} converts differently by form")
        return results.pop() if results else None

    def label_to_ul(self, nutrient: Nutrient, forms: frozenset[str]) -> float | None:
        """How many of the upper limit's unit one of the nutrient's label unit is, for these forms: the one step
        from a row's label figure to the limit's basis (folate: mcg DFE → mcg folic acid; vitamin E: mg
        alpha-tocopherol → mg of supplemental alpha-tocopherol by mass, twice as much for a synthetic form).

        Where the form is not stated and the factors differ, the smallest applies: a finding that a limit is
        exceeded rests only on what is certain."""
        ul = nutrient.ul
        if ul is None:
            return None
        key = (nutrient.id, forms)
        found = self._ul_factors.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            try:
                found = self.convert(1.0, nutrient.measure, nutrient, forms, ul.measure, "ul")
            except Ambiguous:
                found = min(
                    factor
                    for form in self.aliases.forms_of.get(nutrient.id, frozenset())
                    if (factor := self.convert(1.0, nutrient.measure, nutrient, frozenset([form]), ul.measure, "ul"))
                    is not None
                )
            self._ul_factors.keep(key, found)
        return found

    def ul_amount(
        self, amount: Amount, label_value: float | None, nutrient: Nutrient, forms: frozenset[str]
    ) -> float | None:
        """A row's amount on its upper limit's basis: None where the limit does not count the row's forms
        (beta-carotene is not preformed vitamin A), a part printed on that basis as printed ("240 mcg folic acid"),
        else the row's figure in the label unit times label_to_ul. Every rule and message reads this one figure, so
        an amount says the same however it is written (IU or mg, either part first)."""
        key = (nutrient.id, forms)
        basis = self._ul_bases.get(key)
        if basis is None:
            basis = self._ul_bases.keep(key, self._ul_basis(nutrient, forms))
        counted, printed, scale = basis
        if not counted:
            return None
        if printed is not None:
            for part in amount.amounts():
                if part.measure == printed:
                    return part.value
        if label_value is None:
            return None
        if scale is _UNKNOWN:
            scale = self.label_to_ul(nutrient, forms)  # what it raises, it raises for this row, as it always did
        return label_value * scale if scale is not None else None

    def _ul_basis(self, nutrient: Nutrient, forms: frozenset[str]) -> tuple[bool, Measure | None, Any]:
        """What ul_amount asks of every row, answered once per nutrient and set of forms (a corpus has a few hundred
        of them behind tens of thousands of rows): whether the limit counts these forms, the limit's measure where
        a part may be printed on it (None when the label unit is the limit's own), and label_to_ul (_UNKNOWN when
        it raises: then only a row that needs it raises)."""
        ul = nutrient.ul
        if ul is None:
            return False, None, None
        known = forms & self.aliases.forms_of.get(nutrient.id, frozenset())
        if known and known <= ul.not_counted:
            return False, None, None
        try:
            scale = self.label_to_ul(nutrient, forms)
        except (Ambiguous, ValueError):
            scale = _UNKNOWN
        return True, (ul.measure if ul.measure != nutrient.measure else None), scale

    def fits(self, measure: Measure, nutrient: Nutrient, forms: frozenset[str]) -> bool:
        """Can an amount in ``measure`` be of this nutrient at all: converted to its label unit, or one that some
        form's factor starts from (a wrong form is not a wrong unit)? Remembered: labels repeat their units."""
        key = (measure, nutrient.id, forms)
        known = self._fits.get(key)
        if known is None:
            try:
                known = self.convert(1.0, measure, nutrient, forms, nutrient.measure, "label") is not None
            except Ambiguous:
                known = True
            known = self._fits.keep(key, known or self.has_conversion_for(nutrient, measure))
        return known

    def has_conversion_for(self, nutrient: Nutrient, measure: Measure) -> bool:
        """Does any factor (of any form) start from this unit? Tells a missing form from a wrong unit."""
        return any(
            measure.qualifier == side.qualifier and units.factor(measure.unit, side.unit) is not None
            for conv in self.conversions.get(nutrient.id, ())
            for side in (conv.src, conv.dst)
        )

    def quantity_of(self, amount: Amount, nutrient_id: str) -> float:
        """A rule option's amount (``25 mcg``) in the nutrient's label unit; ValueError says why it cannot be."""
        nutrient = self.nutrients.get(nutrient_id)
        if nutrient is None:
            raise ValueError(f"is for an unknown nutrient '{nutrient_id}'")
        try:
            value = self.amount_in(amount, nutrient, frozenset(), nutrient.measure, "label")
        except Ambiguous:
            raise ValueError(
                f"cannot be converted to {nutrient.measure} without knowing the form of "
                f"{nutrient.name}; give it in {nutrient.measure}"
            ) from None
        if value is None:
            raise ValueError(f"cannot be a daily amount of {nutrient.name} (declared in {nutrient.measure})")
        return value

    def amount_in(
        self, amount: Amount, nutrient: Nutrient, forms: frozenset[str], dst: Measure, purpose: str
    ) -> float | None:
        """The amount (or its parenthetical twin) in ``dst``; an amount already in ``dst`` is preferred."""
        candidates = amount.amounts()
        if len(candidates) == 2 and candidates[0].measure != dst and candidates[1].measure == dst:
            candidates = candidates[::-1]
        failure: Ambiguous | None = None
        for candidate in candidates:
            try:
                value = self.convert(candidate.value, candidate.measure, nutrient, forms, dst, purpose)
            except Ambiguous as exc:
                failure = exc
                continue
            if value is not None:
                return value
        if failure is not None:
            raise failure
        return None


def _validated() -> dict:
    """Every table, validated row by row (DataError names the file, the row and the key), and the references
    between them checked: each source key cited is in sources.yaml, each nutrient id named is in nutrients.yaml."""
    from pydantic import TypeAdapter, ValidationError

    from .table_rows import (
        AliasRow,
        ConversionRow,
        NutrientRow,
        PopulationRow,
        SourceRow,
    )

    shapes: dict[str, Any] = {
        "sources": dict[str, SourceRow],
        "nutrients": dict[str, NutrientRow],
        "conversions": list[ConversionRow],
        "populations": dict[str, PopulationRow],
        "aliases": list[AliasRow],
    }
    tables: dict[str, Any] = {}
    for name, shape in shapes.items():
        where = f"data/{name}.yaml"
        raw = data.load(where)
        try:
            tables[name] = TypeAdapter(shape).validate_python(raw)
        except ValidationError as exc:
            raise data.DataError(f"{where} is invalid:\n{_problems(exc, raw)}") from None
    sources, nutrients = tables["sources"], tables["nutrients"]

    def cited(where: str, keys) -> None:
        unknown = [key for key in keys if key not in sources]
        if unknown:
            raise data.DataError(f"{where} cites {', '.join(unknown)}, which data/sources.yaml does not define")

    for key, row in nutrients.items():
        for name, dv in row.dv.items():
            cited(f"data/nutrients.yaml: {key}, dv.{name}", dv.source)
        cited(f"data/nutrients.yaml: {key}, old-dv", row.old_dv.source if row.old_dv else ())
        cited(f"data/nutrients.yaml: {key}, ul", row.ul.source if row.ul else row.ul_source)
    for table in ("conversions", "aliases"):
        for index, row in enumerate(tables[table]):
            cited(f"data/{table}.yaml: row {index + 1}", row.source)
            if row.nutrient is not None and row.nutrient not in nutrients:
                raise data.DataError(
                    f"data/{table}.yaml: row {index + 1} names nutrient '{row.nutrient}', which "
                    f"data/nutrients.yaml does not define" + _hint(row.nutrient, nutrients)
                )
    return tables


def _hint(word: str, choices) -> str:
    from ..suggest import did_you_mean

    hint = did_you_mean(word, choices)
    return f"; {hint}" if hint else ""


def _problems(error, raw) -> str:
    """pydantic's errors as a reader of the table needs them: the row (its key, or its number), the key, what is
    wrong."""
    lines = []
    for problem in error.errors(include_url=False):
        where = [str(part) for part in problem["loc"]]
        if where and isinstance(raw, list) and where[0].isdigit():
            where[0] = f"row {int(where[0]) + 1}"
        row, key = (where[0], ".".join(where[1:])) if where else ("the table", "")
        message = str(problem["msg"]).removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown key (a misspelt key would drop its figure)"
        elif problem["type"] == "missing":
            message = "missing"
        elif problem["type"] == "too_short":
            message = "empty: every figure names its source (keys of data/sources.yaml)"
        lines.append(f"  {row}" + (f", {key}" if key else "") + f": {message}")
    return "\n".join(lines)


def _nutrient(key: str, row) -> Nutrient:
    sets = {name: DailyValue(entry.amount, entry.source, entry.provisional) for name, entry in row.dv.items()}
    adult = sets.get(ADULT_DVS)
    old, ul = row.old_dv, row.ul
    return Nutrient(
        id=key,
        name=row.name,
        measure=parse_measure(row.unit),
        plain_unit_is_equivalent=row.plain_unit_is_equivalent,
        dv=adult.amount if adult else None,
        dv_sources=adult.sources if adult else (),
        dv_provisional=adult.provisional if adult else False,
        old_dv=(old.amount, parse_measure(old.unit or row.unit)) if old else None,
        ul=UpperLimit(
            measure=parse_measure(ul.unit),
            bands=dict(ul.bands),
            covers=ul.covers,
            sources=ul.source,
            provisional=ul.provisional,
            not_counted=frozenset(ul.not_counted_forms),
            name=ul.name,
            provisional_bands=frozenset(ul.provisional_bands),
        )
        if ul
        else None,
        ul_note=row.ul_note,
        dv_sets=sets,
    )


def _with_dv_set(nutrient: Nutrient, dv_set: str) -> Nutrient:
    """The nutrient with ``dv_set``'s Daily Value (and no pre-2016 one: the old sets for children and pregnancy
    are not in the tables, so an outdated %DV cannot be told from a wrong one there)."""
    chosen = nutrient.dv_sets.get(dv_set)
    return replace(
        nutrient,
        dv=chosen.amount if chosen else None,
        dv_sources=chosen.sources if chosen else (),
        dv_provisional=chosen.provisional if chosen else False,
        old_dv=None,
    )


@cache
def reference() -> Reference:
    return data_cache.cached("reference", Reference, Reference)
