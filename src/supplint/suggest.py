"""'Did you mean' hints for near misses (keys, units, rule names, populations)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    options = list(choices)
    lowered = {choice.lower(): choice for choice in options}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    match = closest(word, choices, cutoff)
    return f"did you mean '{match}'?" if match else None
