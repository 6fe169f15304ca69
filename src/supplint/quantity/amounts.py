"""The amount grammar of label-format.md: ``125 mcg (5,000 IU)``, ``<1 g``, ``10 billion CFU``, ``900 mcg RAE``.

Amounts are parsed here, never by pint: pint deletes every comma (``1,5 mg`` would become 15 mg) and knows
neither IU nor label equivalents such as RAE. The result keeps the unit as printed for SUP208 and fixes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..shipped import files as data
from ..suggest import did_you_mean
from .wording import positional, quoted


class AmountError(ValueError):
    """An amount that cannot be read. ``kind`` is ``unknown_unit`` (SUP003) or ``malformed_amount`` (SUP004)."""

    def __init__(self, kind: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Measure:
    """A unit and the equivalent it is expressed in: ``mcg`` + ``RAE``."""

    unit: str
    qualifier: str | None = None

    def __str__(self) -> str:
        return f"{self.unit} {self.qualifier}" if self.qualifier else self.unit


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    measure: Measure
    written_unit: str
    bound: str | None = None
    second: Amount | None = None
    text: str = ""
    substance: str | None = None  # "folic acid" in "240 mcg folic acid": the form the mass is of
    mapping: bool = False  # written as {value: 5, unit: ug}, so the unit is a scalar of its own
    # Some part is printed as a ceiling ("<1 g"). Worked out once: parsed amounts are shared between the labels of a
    # run (parse_amount remembers them), and the rules ask it of every row several times.
    ceiling: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ceiling", self.bound == "<" or (self.second is not None and self.second.bound == "<"))

    def amounts(self) -> tuple[Amount, ...]:
        return (self, self.second) if self.second is not None else (self,)


@dataclass(frozen=True)
class UnitTable:
    canonical: dict[str, str]
    pint_names: dict[str, str]
    qualifiers: dict[str, str]
    bases: dict[str, str]
    substances: frozenset[str]
    scales: dict[str, float]
    flags: dict[str, frozenset[str]]  # a yes/no mark of units.yaml ("error-prone") → the spellings that carry it


@cache
def unit_table() -> UnitTable:
    raw = data.load("data/units.yaml")
    units = raw["units"]
    flags: dict[str, set[str]] = {}
    for spelling, row in units.items():
        for key, value in row.items():
            if value is True:
                flags.setdefault(key, set()).add(spelling)
    return UnitTable(
        canonical={spelling: row["canonical"] for spelling, row in units.items()},
        pint_names={row["canonical"]: row["pint"] for row in units.values()},
        qualifiers=dict(raw["qualifiers"]),
        bases=dict(raw.get("bases") or {}),
        substances=frozenset(raw.get("substances") or ()),
        scales={word: float(value) for word, value in raw["scales"].items()},
        flags={key: frozenset(spellings) for key, spellings in flags.items()},
    )


# The number is one possessive run of digits, points and commas holding a digit: written as
# `[0-9.,]*[0-9][0-9.,]*` it could split a long run in quadratically many ways, and each split retried the rest
# (a 400-digit amount before a stray parenthesis took seconds, a 5,000-character panel line never finished).
_SHAPE = re.compile(
    r"^\s*+(?:(?P<bound>[<>])\s*+)?(?P<number>[-+]?(?=[.,]*+[0-9])[0-9.,]++)\s*(?P<unit>[^()]*?)\s*"
    r"(?:\((?P<second>[^()]*)\))?\s*$"
)
_PLAIN = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
# 1-3 digits, a dot, exactly three digits: "5.000 IU" reads as 5 in the US and 5,000 in much of Europe.
_AMBIGUOUS_DOT = re.compile(r"^[1-9][0-9]{0,2}\.[0-9]{3}$")


@lru_cache(maxsize=8192)
def parse_amount(text: str) -> Amount:
    """Parse an amount as printed. Raises AmountError. Remembered: a site's labels print the same amounts over and
    over ("100 mcg", "125 mcg (5,000 IU)"), and an Amount is immutable."""
    match = _SHAPE.match(text)
    if match is None:
        return _unreadable(text)
    second = None
    if match["second"] is not None:
        inner = match["second"].strip()
        try:
            second = parse_amount(inner)
        except AmountError as exc:
            raise AmountError(
                exc.kind, f"in the parenthetical amount {quoted(inner)}: {exc.message}", exc.hint
            ) from None
    value = parse_number(match["number"], text)
    measure, written, value, substance = _parse_unit(match["unit"], value, text)
    return Amount(value, measure, written, match["bound"], second, text.strip(), substance)


def parse_mapping(value: object, unit: object, text: str) -> Amount:
    """The mapping form ``{value: 125, unit: mcg}``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AmountError("malformed_amount", f"'value' must be a number, not {quoted(value)}")
    if not isinstance(unit, str):
        raise AmountError("unknown_unit", f"'unit' must be a unit such as mg or mcg, not {quoted(unit)}")
    if isinstance(value, int) and value < 0:
        value = -1  # said the same way as any negative amount; float() could not hold a 310-digit one
    elif isinstance(value, int) and value >= MAX_VALUE:  # before float(), which cannot hold a 310-digit int
        raise AmountError(
            "malformed_amount",
            f"the amount's value ({quoted(value)}) is larger than any amount a label prints",
            _TOO_LARGE_HINT,
        )
    if isinstance(value, float) and math.isfinite(value):
        text = f"{positional(value)} {unit}"  # as the file means it: `1.0e-7` is 0.0000001, never "1e-07" in a message
    _check_finite(float(value), text)
    measure, written, scaled, substance = _parse_unit(unit, float(value), text)
    return Amount(scaled, measure, written, None, None, text, substance, mapping=True)


def parse_number(number: str, text: str) -> float:
    if number[0] in "+-":
        raise AmountError("malformed_amount", f"{quoted(text)} has a signed number; an amount is never negative")
    if _AMBIGUOUS_DOT.match(number):
        whole, frac = number.split(".")
        raise AmountError(
            "malformed_amount",
            f"{quoted(number)} in {quoted(text)} is ambiguous: a decimal point or a thousands separator",
            f"write {whole},{frac} for thousands, or drop the trailing zeros for a decimal",
        )
    if _GROUPED.match(number):
        value = float(number.replace(",", ""))
    elif _PLAIN.match(number):
        value = float(number)
    elif "," in number:
        raise AmountError(
            "malformed_amount",
            f"{quoted(number)} in {quoted(text)} has a comma that is not a thousands separator",
            "use a point for decimals (1.5) and commas only between groups of three digits (1,000)",
        )
    else:
        raise AmountError("malformed_amount", f"{quoted(number)} in {quoted(text)} is not a number")
    if value >= MAX_VALUE:  # also the digits too many for a float, which read as infinity
        raise AmountError(
            "malformed_amount", f"{quoted(text)} is larger than any amount a label prints", _TOO_LARGE_HINT
        )
    _check_finite(value, text)
    return value


#: No label prints an amount this large (a trillion CFU is 10^12). Bounding the printed number keeps every figure
#: computed from it (units up to 10^9 apart, up to 1,000 servings a day, shares of a Daily Value) finite.
MAX_VALUE = 1e15
#: More servings a day than any directions allow (one every quarter hour, day and night), and small enough that a
#: daily amount (a bounded amount times this) is always a finite number. The label model and the importers hold
#: per_day to it; a stack entry's `per_day` has the same bound (subjects/stack.py).
MAX_PER_DAY = 100
_TOO_LARGE_HINT = "write the amount as printed on the label"


def _check_finite(value: float, text: str) -> None:
    if not math.isfinite(value):
        raise AmountError("malformed_amount", f"{quoted(text)} is not a finite amount")
    if value >= MAX_VALUE:
        raise AmountError(
            "malformed_amount", f"{quoted(text)} is larger than any amount a label prints", _TOO_LARGE_HINT
        )
    if value < 0:
        raise AmountError("malformed_amount", f"{quoted(text)} is negative; an amount is never negative")


def _parse_unit(unit_text: str, value: float, text: str) -> tuple[Measure, str, float, str | None]:
    table = unit_table()
    words = unit_text.split()
    if not words:
        raise AmountError(
            "malformed_amount", f"{quoted(text)} has a number but no unit", "add the unit as printed, e.g. 25 mcg"
        )
    scale_word = words[0].lower()
    if scale_word in table.scales:
        words = words[1:]
        if [w.lower() for w in words] != ["cfu"]:
            raise AmountError("malformed_amount", f"{quoted(scale_word)} in {quoted(text)} is only allowed before CFU")
        value *= table.scales[scale_word]
    if not words:
        raise AmountError("malformed_amount", f"{quoted(text)} has a number but no unit")
    written = words[0]
    canonical = table.canonical.get(written.lower())
    if canonical is None:
        _misread_number(written, " ".join(words[1:]), text)
        if written == "%":
            raise AmountError(
                "unknown_unit", f"'%' is not an amount unit in {quoted(text)}", "a percentage goes in `dv`"
            )
        raise AmountError(
            "unknown_unit",
            f"unknown unit {quoted(written)} in {quoted(text)}",
            did_you_mean(written, _spellings(table)),
        )
    qualifier = None
    if len(words) > 1:
        rest = " ".join(words[1:])
        if rest.lower() in table.substances and canonical in ("mcg", "mg"):
            return Measure(canonical), written, value, rest
        qualifier = table.qualifiers.get(rest.lower())
        if qualifier is None or canonical not in ("mcg", "mg"):
            raise AmountError(
                "unknown_unit",
                f"unknown unit {quoted(f'{written} {rest}')} in {quoted(text)}",
                did_you_mean(rest, table.qualifiers)
                or "qualifiers are RAE, DFE, NE or alpha-tocopherol after mcg or mg",
            )
    return Measure(canonical, qualifier), written, value, None


_DIGIT_GROUP = re.compile(r"^[0-9][0-9.,]*$")
_EXPONENT = re.compile(r"^[eE][-+]?[0-9]+$")


def _misread_number(word: str, unit: str, text: str) -> None:
    """A unit that is the rest of the number (`2 000 IU`, `1e10 mg`) is a malformed amount, not an unknown unit."""
    if _DIGIT_GROUP.match(word):
        head = text.strip().lstrip("<>").split(word, 1)[0].split()
        hint = "write the number without spaces, with a comma between groups of three digits"
        if head and re.fullmatch(r"[0-9]{1,3}", head[-1]) and re.fullmatch(r"[0-9]{3}", word):
            hint += f": {head[-1]},{word} {unit}".rstrip()
        raise AmountError("malformed_amount", f"{quoted(text)} has a space inside its number", hint)
    if _EXPONENT.match(word):
        raise AmountError(
            "malformed_amount",
            f"{quoted(text)} writes its number in scientific notation",
            "write the number in full, as the label prints it (e.g. 0.5 mg or 10,000 IU)",
        )


def _spellings(table: UnitTable) -> list[str]:
    return sorted({*table.canonical.values(), *(f"{u} {q}" for u in ("mcg", "mg") for q in ("RAE", "DFE", "NE"))})


def _unreadable(text: str) -> Amount:
    stripped = text.strip()
    if not stripped:
        raise AmountError("malformed_amount", "the amount is empty")
    if stripped.count("(") != stripped.count(")") or stripped.count("(") > 1:
        raise AmountError("malformed_amount", f"{quoted(stripped)} has unbalanced or nested parentheses")
    raise AmountError(
        "malformed_amount",
        f"{quoted(stripped)} does not start with a number",
        "write the amount as printed, e.g. 125 mcg (5,000 IU)",
    )


def parse_measure(text: str) -> Measure:
    """A bare unit as data files write it: ``mcg RAE``, or a reference basis no label prints
    (``mg supplemental-alpha-tocopherol``, units.yaml `bases`)."""
    unit, _, rest = text.strip().partition(" ")
    basis = unit_table().bases.get(rest.strip())
    if basis is not None:
        return Measure(parse_amount(f"1 {unit}").measure.unit, basis)
    return parse_amount(f"1 {text}").measure
