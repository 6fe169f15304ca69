"""The label format (label-format.md) as pydantic models: strict about unknown keys, typed amounts.

Field validators raise ``PydanticCustomError`` with our own error types so that validation.py can turn an
unknown unit into SUP003, a malformed amount into SUP004 and an unsupported population into SUP005.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, core_schema

from ..quantity.amounts import (
    MAX_PER_DAY,
    MAX_VALUE,
    Amount,
    AmountError,
    parse_amount,
    parse_mapping,
)
from ..quantity.wording import quoted
from ..reference.panel_rows import panel_row, with_bare_unit
from ..shipped import files as data
from ..shipped import validators
from ..suggest import did_you_mean

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
                keys = ", ".join(str(key) for key in value) or "none"
                raise _error(
                    "amount_mapping",
                    f"an amount written as a mapping needs exactly the keys `value` and "
                    f"`unit`, and this one has: {keys}",
                    'e.g. {value: 125, unit: mcg}, or the amount as printed in quotes: "125 mcg"',
                )
            return parse_mapping(value["value"], value["unit"], f"{value['value']} {value['unit']}")
        if isinstance(value, _Unitless):
            raise AmountError(
                "malformed_amount",
                f"the amount {quoted(value.number)} has no unit",
                f'write it as printed, e.g. "{quoted(value.number)} {value.unit}"',
            )
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise AmountError(
                "malformed_amount",
                f"the amount {quoted(value)} has no unit",
                f'write it as printed, e.g. "{quoted(value)} mg"',
            )
    except AmountError as exc:
        raise _error(exc.kind, exc.message, exc.hint) from None
    raise _error(
        "amount_type",
        f'an amount is text such as "125 mcg" or a mapping with the keys `value` and `unit`, not {_described(value)}',
        "write the amount as printed on the label, e.g. amount: 125 mcg",
    )


@dataclass(frozen=True, slots=True)
class _Unitless:
    """A bare number on a panel row that never prints one, with the row's usual unit for the hint."""

    number: int | float
    unit: str


def _described(value: object) -> str:
    """``quoted``, with a sequence named as YAML writes it."""
    if isinstance(value, (list, tuple)):
        return "a sequence of `- ` items"
    return quoted(value)


class _Plain:
    """A field validated by ``function`` alone. Unlike pydantic's PlainValidator it does not make pydantic generate a
    schema of the field's type as well (for serialising it, which supplint never does): generating them for the
    amount, %DV and per-day dataclasses was about half the cost of building the label models on every start."""

    def __init__(self, function):
        self.function = function

    def __get_pydantic_core_schema__(self, source, handler):
        return core_schema.no_info_plain_validator_function(self.function)


_AMOUNT_SCHEMA = {
    "oneOf": [
        {"type": "string", "description": "as printed: 125 mcg (5,000 IU), <1 g, 10 billion CFU, 900 mcg RAE"},
        {
            "type": "object",
            "properties": {"value": {"type": "number", "minimum": 0}, "unit": {"type": "string"}},
            "required": ["value", "unit"],
            "additionalProperties": False,
        },
    ]
}
AmountField = Annotated[Amount, _Plain(_amount), WithJsonSchema(_AMOUNT_SCHEMA)]


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
        return _dv_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _error("dv_format", f"the %DV {quoted(value)} has no percent sign", f'write "{quoted(value)}%"')
    raise _error(
        "dv_format",
        f'a %DV is text such as "100%" or "*", not {_described(value)}',
        'write the %DV as printed, in quotes when it is a marker: dv: "*"',
    )


@lru_cache(maxsize=4096)
def _dv_text(value: str) -> DeclaredDV:
    text = value.strip()
    if text in _DV_MARKERS:
        return DeclaredDV(None, None, text)
    match = _DV.match(text)
    if match:
        percent = float(match["number"].replace(",", ""))
        if percent >= MAX_VALUE:  # 400 digits read as a float are infinite: no report could print or compare it
            raise _error(
                "dv_format",
                f"{quoted(value)} is larger than any %DV a label prints",
                "write the %DV as printed on the label",
            )
        return DeclaredDV(percent, match["bound"], text)
    raise _error("dv_format", f"{quoted(value)} is not a %DV", 'write it as printed: "625%", "<1%", "*" or "†"')


DVField = Annotated[
    DeclaredDV, _Plain(_dv), WithJsonSchema({"type": "string", "pattern": r"^(<\s*)?[0-9][0-9,.]*\s*%$|^[*†‡]+$"})
]


@dataclass(frozen=True, slots=True)
class PerDay:
    low: int
    high: int
    text: str


_RANGE = re.compile(r"^\s*([0-9]+)\s*(?:-|–|to)\s*([0-9]+)\s*$")


def _too_many(text: str | int) -> PydanticCustomError:
    return _error(
        "per_day",
        f"{quoted(text)} is more servings a day than any label allows (at most {MAX_PER_DAY:,})",
        "write the most servings a day the directions allow",
    )


def _per_day(value: object) -> PerDay:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise _error(
                "per_day",
                f"per_day is the most servings a day and must be at least 1, not {value}",
                "write the most servings a day the directions allow, e.g. per_day: 2",
            )
        if value > MAX_PER_DAY:
            raise _too_many(str(value) if value.bit_length() < 10_000 else value)
        return PerDay(value, value, str(value))
    if isinstance(value, str):
        if value.strip().isdigit() and len(value.strip()) > len(str(MAX_PER_DAY)):
            raise _too_many(value)  # a whole number too long for YAML's reader to make an int of
        match = _RANGE.match(value)
        if match:
            if max(len(match[1].lstrip("0")), len(match[2].lstrip("0"))) > len(str(MAX_PER_DAY)):
                raise _too_many(value)  # checked on the digits: int() refuses strings over 4,300 of them
            low, high = int(match[1]), int(match[2])
            if high > MAX_PER_DAY:
                raise _too_many(value)
            if 1 <= low <= high:
                return PerDay(low, high, value)
    raise _error(
        "per_day",
        f'per_day must be a whole number or a range such as "1-2", not {_described(value)}',
        'write the most servings a day the directions allow: per_day: 2, or per_day: "1-2"',
    )


PerDayField = Annotated[
    PerDay,
    _Plain(_per_day),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": r"^\s*[0-9]+\s*(-|–|to)\s*[0-9]+\s*$"},
            ]
        }
    ),
]


def population_id(value: object) -> str:
    """A population the tables know and support (a label's, a stack file's); raises the format's errors."""
    populations = data.load("data/populations.yaml")
    if not isinstance(value, str) or value not in populations:
        raise _error(
            "unknown_population",
            f"unknown population {_described(value)}",
            did_you_mean(str(value), populations) or f"populations are {', '.join(populations)}",
        )
    if not populations[value].get("supported", True):
        raise _error(
            "unsupported_population",
            f"population '{value}' has no reference values in supplint's tables yet",
            "its upper limits differ from adults'; supplint will not fall back to adult values",
        )
    return value


def _nutrient(value: object) -> str:
    ids = data.load("data/nutrients.yaml")
    if not isinstance(value, str) or value not in ids:
        raise _error(
            "unknown_nutrient",
            f"unknown nutrient id {_described(value)}",
            did_you_mean(str(value), ids)
            or f"nutrient ids are {', '.join(ids)}; or remove `nutrient:` to match the row by its name",
        )
    return value


def _text_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


# JSON Schema metadata only (``supplint schema``): nothing below changes what validates.

_TEXT_LIST_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
TextList = Annotated[tuple[str, ...], BeforeValidator(_text_list), WithJsonSchema(_TEXT_LIST_SCHEMA)]
Text = Annotated[str, Field(min_length=1)]


@dataclass(frozen=True, slots=True)
class _DataIdsSchema:
    """The JSON Schema of an id field: an enum of the keys of a data file, read only when a schema is generated."""

    relative: str

    def __get_pydantic_json_schema__(self, core_schema, handler) -> dict:
        return {"type": "string", "enum": list(data.load(self.relative))}


def _describe_pending_populations(schema: dict) -> None:
    pending = [key for key, entry in data.load("data/populations.yaml").items() if not entry.get("supported", True)]
    if pending:
        schema["description"] += (
            " Not supported yet (named for the future; until their reference values are in"
            f" supplint's tables a label naming one is an error, SUP005): {', '.join(pending)}."
        )


class _Strict(BaseModel):
    # defer_build: a label is validated by Label's validator, built from its schema in the data cache (see the end
    # of the module); generating the schemas of these models cost more than the rest of a one-label run.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Serving(_Strict):
    """One serving and how many a day the directions allow."""

    size: Text = Field(description='The serving size as printed, e.g. "2 capsules", "1 scoop (5 g)" or "1 mL".')
    per_day: PerDayField = Field(
        PerDay(1, 1, "1"),
        json_schema_extra={"default": 1},
        description='The most servings a day the directions allow: a whole number, or a range such as "1-2" '
        "(its upper bound counts). Default 1.",
    )


class _Row(_Strict):
    name: Text = Field(
        description='The ingredient as printed. "(as cholecalciferol)" may be written in the name '
        "instead of using `as`."
    )
    as_: Text | None = Field(
        None,
        alias="as",
        description='The source or form printed after "as", e.g. "cholecalciferol" or "menaquinone-7 (MK-7)".',
    )
    nutrient: Annotated[str, PlainValidator(_nutrient), _DataIdsSchema("data/nutrients.yaml")] | None = Field(
        None,
        description="Forces the nutrient id when the name is unusual; normally the name and `as` are matched "
        "to a nutrient through supplint's alias table.",
    )
    dv: DVField | None = Field(
        None,
        description='The declared %DV as printed: "625%", "<1%", or a not-established '
        'marker such as "*" or "†" (put "*" in quotes: unquoted, YAML takes '
        "it for an alias).",
    )
    blend: tuple[BlendMember, ...] | None = Field(
        None, description="The members of a proprietary blend, as nested rows; a member may omit its amount."
    )


class BlendMember(_Row):
    """A member of a proprietary blend; its amount is optional."""

    amount: AmountField | None = Field(None, description="The member's amount per serving, when the label prints one.")


class Fact(_Row):
    """One row of the Supplement Facts panel."""

    amount: AmountField = Field(
        description='The amount per serving as printed, e.g. "125 mcg (5,000 IU)", "<1 g", '
        '"10 billion CFU", or a mapping {value: 125, unit: mcg}.'
    )


class Label(_Strict):
    """One product's label: its Supplement Facts panel and the statements printed around it."""

    product: Text = Field(description="The product name as printed.")
    brand: Text | None = Field(None, description="The brand as printed.")
    identity: Text | None = Field(None, description='The statement of identity as printed, e.g. "Dietary Supplement".')
    form: Literal[FORMS] | None = Field(  # type: ignore[valid-type]
        None, description="The dosage form; tablet, capsule, softgel, chewable, gummy and lozenge are solid oral forms."
    )
    population: Annotated[str, PlainValidator(population_id), _DataIdsSchema("data/populations.yaml")] | None = Field(
        None,
        json_schema_extra=_describe_pending_populations,
        description="Who the product is for; its upper limits apply. Default: the configured population, else "
        "adults (19 and over; where adult age groups differ, the lowest upper limit applies).",
    )
    serving: Serving | None = Field(None, description="The serving size and the most servings a day.")
    servings_per_container: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = Field(
        None, description="Servings per container."
    )
    facts: tuple[Fact, ...] = Field(
        description="The rows of the Supplement Facts panel in printed order (empty only for a blend-only product)."
    )
    other_ingredients: TextList = Field((), description="The other ingredients: a list, or one string as printed.")
    allergens: Text | None = Field(None, description='The allergen statement as printed, e.g. "Contains soy."')
    directions: Text | None = Field(None, description="The directions for use as printed.")
    claims: TextList = Field(
        (), description="Structure/function claims, each as printed (an asterisk is fine): a list, or one string."
    )
    disclaimer: Text | None = Field(None, description="The DSHEA disclaimer as printed, if the label has one.")
    warnings: TextList = Field((), description="Each caution or warning as printed: a list, or one string.")
    notes: TextList = Field((), description="Any other printed text: a string or a list.")

    @property
    def per_day(self) -> int:
        """Most servings a day the directions allow (the upper bound of a range)."""
        return self.serving.per_day.high if self.serving else 1


def with_bare_numbers(data: object) -> object:
    """`Calories: 20` prints no unit (label-format.md): the panel row says what a bare number is in. ``data`` (a
    label's, before ``Label.model_validate``) with such a row's amount written in that unit, or marked as a number
    without a unit for the hint; copied where a row changes, never changed in place. A loop here rather than a
    validator on every row: nearly every amount ends in its unit, and a validator call per row cost more."""
    if not isinstance(data, dict):
        return data
    facts = data.get("facts")
    if isinstance(facts, (list, tuple)):
        rows = _bare_rows(facts)
        if rows is not facts:
            data = {**data, "facts": rows}
    return data


def _bare_rows(rows: list | tuple) -> list | tuple:
    changed = None
    for index, row in enumerate(rows):
        new = _bare_row(row)
        if new is not row:
            if changed is None:
                changed = list(rows)
            changed[index] = new
    if changed is None:
        return rows
    return changed if isinstance(rows, list) else tuple(changed)


def _bare_row(value: object) -> object:
    if not isinstance(value, dict):
        return value
    blend = value.get("blend")
    if isinstance(blend, (list, tuple)):
        members = _bare_rows(blend)
        if members is not blend:
            value = {**value, "blend": members}
    if "amount" in value and "name" in value:
        written = value["amount"]
        if type(written) is str and not written.rstrip()[-1:].isdigit():
            return value  # nearly every row: an amount that ends in its unit
        amount = with_bare_unit(value["name"], written)
        if amount is not written:
            value = {**value, "amount": amount}
        elif isinstance(amount, (int, float)) and not isinstance(amount, bool):
            row = panel_row(value["name"])
            if row is not None and row.units:  # `Protein: 2`: the hint names a unit the row can have
                value = {**value, "amount": _Unitless(amount, row.first_unit)}
    return value


validators.defer(Label, "label")
