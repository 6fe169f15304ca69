"""Rule presets (rules/data/presets.yaml): a selection of rules, and the report that goes with it, for a reader
rather than a label's author. `check --preset shopper` and the page of `supplint serve` use them."""

from __future__ import annotations

from dataclasses import dataclass

from ..shipped.files import DataError, load


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    codes: tuple[str, ...]
    report: str | None


def names() -> tuple[str, ...]:
    return tuple(load("data/presets.yaml"))


def preset(name: str) -> Preset:
    table = load("data/presets.yaml")
    if name not in table:
        raise DataError(f"unknown preset '{name}' (one of {', '.join(table)})")
    entry = table[name]
    try:
        return Preset(name, entry["description"], tuple(rule["code"] for rule in entry["rules"]), entry.get("report"))
    except (KeyError, TypeError) as exc:
        raise DataError(f"rules/data/presets.yaml: preset '{name}' is malformed ({exc})") from None
