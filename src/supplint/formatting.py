"""Numbers and amounts in plain language: "5,000 IU", "0.125 mg", "125%", "6.3×"."""

from __future__ import annotations

import math

from .amounts import Measure


def number(value: float) -> str:
    if value >= 100 or value == int(value):
        return f"{value:,.0f}" if abs(value - round(value)) < 0.05 or value >= 1000 else f"{value:,.1f}"
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text if text != "0" else f"{value:.2g}"


def amount(value: float, measure: Measure) -> str:
    return f"{number(value)} {measure}"


def percent(fraction: float) -> str:
    return f"{fraction * 100:,.0f}%" if fraction >= 0.995 else f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def times(multiple: float) -> str:
    if multiple >= 100:
        return f"{multiple:,.0f}×"
    tenths = math.floor(multiple * 10 + 0.5) / 10  # half up: 6.25 → 6.3, as a reader rounds
    return f"{tenths:.1f}".rstrip("0").rstrip(".") + "×"
