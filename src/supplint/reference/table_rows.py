"""The rows of the reference tables (rules/data: sources, nutrients, conversions, populations, aliases) as pydantic
models, validated as the rule packs are: an unknown key is an error, not a figure silently ignored; every figure
names its source; types are what the tables' readers rely on.

They are validated once, when the tables are built (by the tests, or by the first run: later runs load the built
tables from the data cache), so no model is built on a cached start.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..quantity.amounts import AmountError, parse_measure

SourceKeys = Annotated[tuple[str, ...], Field(min_length=1)]  # every figure names where it comes from


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _measure(value: str) -> str:
    """A unit as a label writes it ("mcg RAE"): refused here, not on the first label that needs it."""
    try:
        parse_measure(value)
    except AmountError as exc:
        raise ValueError(exc.message) from None
    return value


class SourceRow(_Row):
    title: str
    url: str = ""
    confidence: Literal["primary", "secondary", "provisional"] = "secondary"
    short: str | None = None  # how messages cite it; the title where there is none


class DailyValueRow(_Row):
    amount: Annotated[float, Field(gt=0)]
    source: SourceKeys
    provisional: bool = False


class OldDailyValueRow(_Row):
    amount: Annotated[float, Field(gt=0)]
    unit: str | None = None  # the nutrient's unit where none is given
    source: SourceKeys

    @field_validator("unit")
    @classmethod
    def _unit_known(cls, value: str | None) -> str | None:
        return value if value is None else _measure(value)


class UpperLimitRow(_Row):
    unit: str
    bands: dict[str, Annotated[float, Field(ge=0)]]
    covers: str = "total intake"
    source: SourceKeys
    provisional: bool = False
    provisional_bands: tuple[str, ...] = Field((), alias="provisional-bands")
    not_counted_forms: tuple[str, ...] = Field((), alias="not-counted-forms")
    name: str | None = None

    @field_validator("unit")
    @classmethod
    def _unit_known(cls, value: str) -> str:
        return _measure(value)


class NutrientRow(_Row):
    name: str
    unit: str
    dv: dict[str, DailyValueRow] = {}
    old_dv: OldDailyValueRow | None = Field(None, alias="old-dv")
    ul: UpperLimitRow | None = None
    ul_note: str | None = Field(None, alias="ul-note")
    ul_source: tuple[str, ...] = Field((), alias="ul-source")
    plain_unit_is_equivalent: bool = Field(False, alias="plain-unit-is-equivalent")

    @field_validator("unit")
    @classmethod
    def _unit_known(cls, value: str) -> str:
        return _measure(value)

    @model_validator(mode="after")
    def _no_limit_says_why(self) -> NutrientRow:
        if self.ul is None and not (self.ul_note and self.ul_source):
            raise ValueError("a nutrient with no upper limit says why (ul-note) and where that is stated (ul-source)")
        return self


class ConversionRow(_Row):
    nutrient: str
    from_: str = Field(alias="from")
    to: str
    factor: Annotated[float, Field(gt=0)]
    forms: tuple[str, ...] = ()
    purpose: Literal["label", "ul"] | None = None  # none: both
    source: SourceKeys
    provisional: bool = False

    @field_validator("from_", "to")
    @classmethod
    def _units_known(cls, value: str) -> str:
        return _measure(value)


class PopulationRow(_Row):
    description: str
    bands: tuple[str, ...] = ()
    dv_set: str = Field("adults", alias="dv-set")
    supported: bool = True


class AliasRow(_Row):
    alias: str
    nutrient: str | None = None  # none: the alias only adds form tags
    forms: tuple[str, ...] = ()
    source: tuple[str, ...] = ()  # common label usage is unsourced (nutrients.md §6)
