"""Units, amounts and %DV: a DSLD quantity entry in the label format's own spelling, or nothing."""

from __future__ import annotations

import re

from ...quantity.amounts import MAX_VALUE, AmountError, parse_amount
from .draft import Draft
from .values import ABSENT, as_list, clean_text, digits, number, short

# DSLD's spelled-out units → the format's spelling (the rest is left to the format's own unit table).
_UNIT_WORDS = {
    "gram": "g",
    "grams": "g",
    "milligram": "mg",
    "milligrams": "mg",
    "microgram": "mcg",
    "micrograms": "mcg",
    "kilogram": "kg",
    "milliliter": "mL",
    "millilitre": "mL",
    "liter": "L",
    "litre": "L",
    "international unit": "IU",
    "international units": "IU",
    "i.u.": "IU",
    # DSLD spells the food Calorie out ("Calorie(s)"); the format writes it kcal (units.yaml, label-format.md).
    "calorie": "kcal",
    "calories": "kcal",
    "kilocalorie": "kcal",
    "kilocalories": "kcal",
}
_QUALIFIER_WORDS = {"a-te": "alpha-te", "alpha te": "alpha-te", "a-tocopherol": "alpha-tocopherol"}
_SCALES = ("million", "billion", "trillion")


def _amount_digits(value: float) -> str:
    text = digits(value)
    # "2.125" reads both as a decimal and as a thousands group in the format (SUP004); the value is a decimal.
    if re.fullmatch(r"[1-9][0-9]{0,2}\.[0-9]{3}", text):
        text += "0"
    return text


def _unit(unit: object) -> str | None:
    """A DSLD quantity unit in the format's spelling, or None when the format has no such unit."""
    if not isinstance(unit, str):
        return None
    key = " ".join(unit.replace("(s)", "").split()).lower()
    if key in ABSENT:
        return None
    words = key.split(" ", 1)
    words[0] = _UNIT_WORDS.get(words[0], words[0])
    key = _UNIT_WORDS.get(key, " ".join(words))
    head, _, rest = key.partition(" ")
    if head in _SCALES:
        return f"{head} CFU" if rest == "cfu" else None
    rest = _QUALIFIER_WORDS.get(rest, rest)
    try:
        amount = parse_amount(f"1 {head} {rest}".strip())
    except AmountError:
        return None
    return None if amount.substance else str(amount.measure)


def serving_unit(unit: str, plural: bool) -> str:
    """A serving unit as a label prints it: "Tablet(s)" → tablet or tablets, "Gummy(ies)" → gummies, "Gram(s)" → g."""
    measure = _UNIT_WORDS.get(" ".join(unit.replace("(s)", "").split()).lower())
    if measure:
        return measure
    if unit.strip().lower() in ("ml", "l", "g", "mg"):
        return {"ml": "mL", "l": "L"}.get(unit.strip().lower(), unit.strip().lower())
    match = re.fullmatch(r"\s*(.*?)\s*\((s|es|ies)\)\s*", unit)
    if not match:
        return " ".join(unit.split())
    stem, ending = match[1], match[2]
    if not plural:
        return stem.lower()
    if ending == "ies":
        return (stem[:-1] if stem.endswith(("y", "Y")) else stem).lower() + "ies"
    return (stem + ending).lower()


def _quantity(draft: Draft, row: dict) -> tuple[int, dict] | None:
    entries = [(i, q) for i, q in enumerate(as_list(row.get("quantity"))) if isinstance(q, dict)]
    if not entries:
        return None
    if draft.serving_order is not None:
        for index, entry in entries:
            if number(entry.get("servingSizeOrder")) == draft.serving_order:
                return index, entry
    return entries[0]


def row_amount(draft: Draft, row: dict) -> tuple[str | None, tuple[int, dict] | None, tuple | None]:
    """(amount text, the quantity entry used, (reason, printed) when there was one the format cannot hold)."""
    found = _quantity(draft, row)
    if found is None:
        return None, None, None
    _, entry = found
    value, raw_unit = number(entry.get("quantity")), entry.get("unit")
    unit_text = clean_text(raw_unit) if isinstance(raw_unit, str) else None
    if unit_text is None:  # "NP": DSLD recorded no amount for this row
        return None, found, None
    operator = entry.get("operator")
    operator = "" if operator in (None, "", "=") else operator
    shown = digits(value) if value is not None else str(entry.get("quantity"))
    plural = value != 1 or unit_text.lower().startswith(_SCALES)
    printed = f"{operator}{shown} {serving_unit(unit_text, plural=plural)}"
    unit = _unit(raw_unit)
    if value is None or unit is None or operator not in ("", "<", ">"):
        return None, found, ("unit", printed)
    text = f"{operator}{_amount_digits(value)} {unit}"
    try:
        parse_amount(text)
    except AmountError:
        return None, found, ("amount", printed)
    return text, found, None


def row_dv(draft: Draft, found: tuple[int, dict], src: tuple, dst: tuple, name: str) -> str | None:
    index, entry = found
    groups = [(i, g) for i, g in enumerate(as_list(entry.get("dailyValueTargetGroup"))) if isinstance(g, dict)]
    if not groups:
        return None
    adult = [(i, g) for i, g in groups if "adult" in str(g.get("name") or "").lower()]
    unnamed = [(i, g) for i, g in groups if not clean_text(g.get("name"))]
    chosen = adult or (unnamed if len(groups) == 1 else [])
    if not chosen:
        if any(g.get("percent") is not None for _, g in groups):
            names = ", ".join(str(g.get("name")) for _, g in groups)
            draft.note(f"row '{name}': %DV for {names} not carried over (only the adult %DV is)")
        return None
    group_index, group = chosen[0]
    at = (*src, "quantity", index, "dailyValueTargetGroup", group_index)
    percent = number(group.get("percent"))
    if percent is not None and percent >= MAX_VALUE:
        draft.note(f"row '{name}': %DV '{short(digits(percent))}%' is larger than any label prints; not carried over")
        return None
    if percent is not None:
        operator = group.get("operator")
        if operator not in (None, "", "=", "<"):
            draft.note(f"row '{name}': %DV '{operator}{digits(percent)}%' cannot be written in the label format")
            return None
        draft.origin((*dst, "dv"), *at, "percent")
        return f"{'<' if operator == '<' else ''}{digits(percent)}%"
    footnote = given if isinstance(given := group.get("footnote"), str) else ""
    marker = re.match(r"\s*([*†‡]+)", footnote)
    if marker and marker[1] in ("*", "**", "†", "††", "‡"):
        draft.origin((*dst, "dv"), *at, "footnote")
        return marker[1]
    if "not established" in footnote.lower():
        draft.origin((*dst, "dv"), *at, "footnote")
        return "†"
    return None
