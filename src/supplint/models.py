"""The label format (label-format.md) as pydantic models: strict about unknown keys, typed amounts.

Field validators raise ``PydanticCustomError`` with our own error types so that validation.py can turn an
unknown unit into SUP003, a malformed amount into SUP004 and an unsupported population into SUP005.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import data
from .amounts import Amount, AmountError, parse_amount, parse_mapping
from .suggest import did_you_mean

FORMS = ("tablet", "capsule", "softgel", "chewable", "gummy", "lozenge", "liquid", "drops", "spray", "powder", "other")


def _error(kind: str, message: str, hint: str | None = None) -> PydanticCustomError:
    return PydanticCustomError(kind, message.replace("{", "{{").replace("}", "}}"), {"hint": hint} if hint else None)


def _amount(value: object) -> Amount:
    try:
        if isinstance(value, str):
            return parse_amount(value)
        if isinstance(value, dict):
            extra = set(value) - {"value", "unit"}
            if extra or "value" not in value or "unit" not in value:
                raise _error("amount_mapping", "an amount mapping has exactly the keys `value` and `unit`", "e.g. {value: 125, unit: mcg}")
            return parse_mapping(value["value"], value["unit"], f"{value['value']} {value['unit']}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise AmountError("malformed_amount", f"the amount {value} has no unit", f"write it as printed, e.g. \"{value} mg\"")
    except AmountError as exc:
        raise _error(exc.kind, exc.message, exc.hint) from None
    raise _error("amount_type", f"an amount is text such as \"125 mcg\" or a mapping, not {type(value).__name__}")


_AMOUNT_SCHEMA = {
    "oneOf": [
        {"type": "string", "description": "as printed: 125 mcg (5,000 IU), <1 g, 10 billion CFU, 900 mcg RAE"},
        {"type": "object", "properties": {"value": {"type": "number", "minimum": 0}, "unit": {"type": "string"}},
         "required": ["value", "unit"], "additionalProperties": False},
    ]
}
AmountField = Annotated[Amount, PlainValidator(_amount), WithJsonSchema(_AMOUNT_SCHEMA)]


@dataclass(frozen=True, slots=True)
class DeclaredDV:
    """A declared %DV: a number (``625%``, ``<1%``) or a not-established marker (``*``, ``†``)."""

    percent: float | None
    bound: str | None
    text: str


_DV = re.compile(r"^(?P<bound><)?\s*(?P<number>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)\s*%$")
_DV_MARKERS = frozenset({"*", "**", "†", "††", "‡"})


def _dv(value: object) -> DeclaredDV:
    if isinstance(value, str):
        text = value.strip()
        if text in _DV_MARKERS:
            return DeclaredDV(None, None, text)
        match = _DV.match(text)
        if match:
            return DeclaredDV(float(match["number"].replace(",", "")), match["bound"], text)
        raise _error("dv_format", f"'{value}' is not a %DV", "write it as printed: \"625%\", \"<1%\", \"*\" or \"†\"")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _error("dv_format", f"the %DV {value} has no percent sign", f"write \"{value}%\"")
    raise _error("dv_format", "a %DV is text such as \"100%\" or \"*\"")


DVField = Annotated[DeclaredDV, PlainValidator(_dv), WithJsonSchema({"type": "string", "pattern": r"^(<\s*)?[0-9][0-9,.]*\s*%$|^[*†‡]+$"})]


@dataclass(frozen=True, slots=True)
class PerDay:
    low: int
    high: int
    text: str


_RANGE = re.compile(r"^\s*([0-9]+)\s*(?:-|–|to)\s*([0-9]+)\s*$")


def _per_day(value: object) -> PerDay:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise _error("per_day", "per_day must be at least 1")
        return PerDay(value, value, str(value))
    if isinstance(value, str):
        match = _RANGE.match(value)
        if match:
            low, high = int(match[1]), int(match[2])
            if 1 <= low <= high:
                return PerDay(low, high, value)
    raise _error("per_day", f"per_day must be a whole number or a range such as \"1-2\", not {value!r}")


PerDayField = Annotated[
    PerDay, PlainValidator(_per_day),
    WithJsonSchema({"oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^\s*[0-9]+\s*(-|–|to)\s*[0-9]+\s*$"}]}),
]


def _population(value: object) -> str:
    populations = data.load("data/populations.yaml")
    if not isinstance(value, str) or value not in populations:
        raise _error("unknown_population", f"unknown population {value!r}", did_you_mean(str(value), populations)
                     or f"populations are {', '.join(populations)}")
    if not populations[value].get("supported"):
        raise _error("unsupported_population", f"population '{value}' has no reference values in supplint's tables yet",
                     "its upper limits differ from adults'; supplint will not fall back to adult values")
    return value


def _nutrient(value: object) -> str:
    ids = data.load("data/nutrients.yaml")
    if not isinstance(value, str) or value not in ids:
        raise _error("unknown_nutrient", f"unknown nutrient id {value!r}", did_you_mean(str(value), ids))
    return value


def _text_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


TextList = Annotated[tuple[str, ...], BeforeValidator(_text_list)]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Serving(_Strict):
    size: Text
    per_day: PerDayField = PerDay(1, 1, "1")


class _Row(_Strict):
    name: Text
    as_: Text | None = Field(None, alias="as")
    nutrient: Annotated[str, PlainValidator(_nutrient)] | None = None
    dv: DVField | None = None
    blend: tuple[BlendMember, ...] | None = None


class BlendMember(_Row):
    amount: AmountField | None = None


class Fact(_Row):
    amount: AmountField


class Label(_Strict):
    product: Text
    brand: Text | None = None
    identity: Text | None = None
    form: Literal[FORMS] | None = None  # type: ignore[valid-type]
    population: Annotated[str, PlainValidator(_population)] | None = None
    serving: Serving | None = None
    servings_per_container: Annotated[float, Field(gt=0)] | None = None
    facts: tuple[Fact, ...]
    other_ingredients: TextList = ()
    allergens: Text | None = None
    directions: Text | None = None
    claims: TextList = ()
    disclaimer: Text | None = None
    warnings: TextList = ()
    notes: TextList = ()

    @property
    def per_day(self) -> int:
        """Most servings a day the directions allow (the upper bound of a range)."""
        return self.serving.per_day.high if self.serving else 1


for _model in (BlendMember, Fact, Serving, Label):
    _model.model_rebuild()
