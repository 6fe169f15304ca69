"""Small readers for DSLD values, which may be missing, null or of another type than the documented one."""

from __future__ import annotations

import math
import re
from decimal import Decimal

# Placeholders DSLD writes where a label printed nothing.
ABSENT = frozenset({"", "not reported", "not present", "np", "n/a", "none", "null"})


def clean_text(value: object) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value if value.lower() not in ABSENT else None
    return None


def number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:  # a 310-digit JSON integer: no float holds it, and no label prints it
            return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]+(?:\.[0-9]+)?\s*", value.replace(",", "")):
        if "," in value and not re.fullmatch(r"\s*[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\s*", value):
            return None
        found = float(value.replace(",", ""))
        return found if math.isfinite(found) else None  # 400 digits as text read as infinity
    return None


def as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def as_dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def digits(value: float) -> str:
    """A number as the format writes it: thousands commas, no exponent, no trailing zeros."""
    plain = format(Decimal(repr(float(value))).normalize(), "f")
    whole, _, fraction = plain.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def _order(item: object, index: int) -> tuple:
    order = number(item.get("order")) if isinstance(item, dict) else None
    return (order is None, order or 0, index)


def in_order(items: list) -> list[tuple[int, object]]:
    """(index in the JSON list, item), in DSLD's `order`; rows without one keep their place after the others."""
    return sorted(enumerate(items), key=lambda pair: _order(pair[1], pair[0]))


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
