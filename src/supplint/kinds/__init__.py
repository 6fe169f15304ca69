"""One evaluator per rule kind. Each is a pure function ``evaluate(rule, resolved, options) -> Iterable[Hit]``."""

from __future__ import annotations

from dataclasses import dataclass

from ..formatting import amount


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule fires (a path in the label, as pydantic's loc) and what it says."""

    path: tuple
    message: str
    hint: str | None = None
    at_key: bool = False  # point at the key that names `path` rather than at its value


def evaluators():
    from . import dose, form_unspecified, pairing, required_text

    return {
        "pairing": pairing.evaluate,
        "dose": dose.evaluate,
        "form-unspecified": form_unspecified.evaluate,
        "required-text": required_text.evaluate,
    }


def render(template: str | None, fields: dict) -> str | None:
    return template.format(**fields) if template else None


def daily_text(rows, per_day: int, value: float, measure) -> tuple[str, str]:
    """"125 mcg" and, when one row printed it in another unit too, " (5,000 IU)" (scaled to a day)."""
    alt = ""
    if len(rows) == 1 and rows[0].amount is not None:
        other = next((a for a in rows[0].amount.amounts() if a.measure != measure), None)
        if other is not None:
            alt = f" ({amount(other.value * per_day, other.measure)})"
    return amount(value, measure), alt
