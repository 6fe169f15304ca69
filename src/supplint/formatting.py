"""Numbers and amounts in plain language: "5,000 IU", "0.125 mg", "125%", "6.3×"."""

from __future__ import annotations

import math

from .amounts import Measure


def number(value: float) -> str:
    """Whole numbers from 1,000 up; one decimal from 100; up to three below (trailing zeros dropped)."""
    decimals = 0 if value >= 1000 else 1 if value >= 100 else 3
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text if text != "0" or value == 0 else f"{value:.2g}"


def amount(value: float, measure: Measure) -> str:
    return f"{number(value)} {measure}"


def percent(fraction: float) -> str:
    return f"{fraction * 100:,.0f}%" if fraction >= 0.995 else f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def times(multiple: float) -> str:
    if multiple >= 100:
        return f"{multiple:,.0f}×"
    tenths = math.floor(multiple * 10 + 0.5) / 10  # half up: 6.25 → 6.3, as a reader rounds
    return f"{tenths:.1f}".rstrip("0").rstrip(".") + "×"


def declared_percent(percent_value: float) -> str:
    """A %DV the way a panel prints it: to the nearest whole percent, "<1%" below one."""
    if percent_value < 1:
        return "<1%"
    return f"{math.floor(percent_value + 0.5):,}%"


def exact_number(value: float) -> str | None:
    """``number(value)`` when it reads back as exactly ``value``, else None (a fix must not round)."""
    text = number(value)
    return text if abs(float(text.replace(",", "")) - value) <= 1e-9 * max(1.0, value) else None
