"""Numbers and amounts in plain language: "5,000 IU", "0.125 mg", "125%", "6.3×"; and values from a file quoted in
a message."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from ..shipped.memo import Memo

if TYPE_CHECKING:  # amounts.py quotes with this module; a runtime import would be circular
    from .amounts import Measure

#: Past this many characters a quoted value is cut: a message names the value, it does not reprint the file.
QUOTE_LIMIT = 40


def _not_finite(value: float) -> str | None:
    """A reader's word for what is not a finite number. Checked input never gets here (amounts, %DV and servings
    are bounded where they are read); this keeps a report whole if something does."""
    if math.isnan(value):
        return "n/a"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return None


def number(value: float) -> str:
    """Whole numbers from 1,000 up; one decimal from 100; up to three below (trailing zeros dropped)."""
    try:
        return _NUMBERS[value]
    except KeyError:
        pass
    except TypeError:  # not hashable: not a number a message can show, but as it was before
        return _number(value)
    text = _number(value)
    if value:  # zero is never remembered: -0.0 equals 0.0 but shows as "-0"
        _NUMBERS.keep(value, text)
    return text


#: Figures already worded: the same amounts recur in label after label's messages. 10,000 generated labels word
#: under 100 distinct figures (the dose kind remembers whole messages); pages, stacks and real labels more. 4,096
#: short strings are well under a MB.
_NUMBERS: Memo[float, str] = Memo(4096)


def _number(value: float) -> str:
    if not math.isfinite(value):  # one call for the common case; every message figure comes through here
        return _not_finite(value) or "n/a"
    decimals = 0 if value >= 1000 else 1 if value >= 100 else 3
    if 0 < abs(value) < 0.001:  # two significant digits, never scientific notation ("0.000025", not "2.5e-05")
        decimals = min(2 - math.floor(math.log10(abs(value))) - 1, 40)
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text


def amount(value: float, measure: Measure) -> str:
    return f"{number(value)} {measure}"


def percent(fraction: float) -> str:
    if (word := _not_finite(fraction)) is not None:
        return f"{word}%"
    return f"{fraction * 100:,.0f}%" if fraction >= 0.995 else f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def times(multiple: float) -> str:
    if (word := _not_finite(multiple)) is not None:
        return f"{word}×"
    if multiple >= 100:
        return f"{multiple:,.0f}×"
    tenths = math.floor(multiple * 10 + 0.5) / 10  # half up: 6.25 → 6.3, as a reader rounds
    return f"{tenths:.1f}".rstrip("0").rstrip(".") + "×"


def declared_percent(percent_value: float) -> str:
    """A %DV the way a panel prints it: to the nearest whole percent, "<1%" below one."""
    if (word := _not_finite(percent_value)) is not None:
        return f"{word}%"
    if percent_value < 1:
        return "<1%"
    return f"{math.floor(percent_value + 0.5):,}%"


def exact_number(value: float) -> str | None:
    """``number(value)`` when it reads back as exactly ``value``, else None (a fix must not round)."""
    if _not_finite(value) is not None:
        return None
    text = number(value)
    return text if abs(float(text.replace(",", "")) - value) <= 1e-9 * max(1.0, value) else None


def positional(value: float | int) -> str:
    """A number from the file, exactly, in positional notation: YAML reads `1e-7` as a float, and a reader is shown
    0.0000001, never an "e"."""
    text = repr(value)
    if "e" not in text and "E" not in text:
        return text
    digits = format(Decimal(text), "f")
    return digits.rstrip("0").rstrip(".") if "." in digits else digits


def _plain_float(value: float) -> str:
    digits = positional(value)
    return digits if len(digits) <= QUOTE_LIMIT else f"a number of {len(digits.split('.')[0].lstrip('-')):,} digits"


def quoted(value: object) -> str:
    """A value from the file as a message names it: text in quotes (cut when long), numbers as written, and other
    YAML or JSON values in words ("a list", "true") rather than as Python prints them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, float):
        return _not_finite(value) or _plain_float(value)
    if isinstance(value, int):
        digits = len(str(abs(value))) if value.bit_length() < 10_000 else None
        if digits is not None and digits <= QUOTE_LIMIT:
            return str(value)
        return f"a number of {digits:,} digits" if digits else "a number of thousands of digits"
    text = str(value).strip()
    if len(text) <= QUOTE_LIMIT:
        return f"'{text}'"
    if text.isdigit():
        return f"a number of {len(text):,} digits"
    return f"'{text[: QUOTE_LIMIT // 2].rstrip()}…' ({len(text):,} characters)"
