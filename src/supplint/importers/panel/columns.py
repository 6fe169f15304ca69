"""Panel shapes that are not one row per line: column headings that name several servings ("Amount Per 1 Gummy |
Amount Per 2 Gummies"), and a retailer's "ingredients: vitamin d (as d3) 2,000 iu, zinc 10 mg" with the rows after a
colon."""

from __future__ import annotations

import re
from itertools import pairwise

from .lines import Line
from .rows import parse_row

#: "Ingredients:" or "Medicinal ingredients:" followed by the panel's rows (retailer copy, Canadian labels).
#: "Other ingredients:" is not this (sections.classify reads it).
LISTED = re.compile(r"^(?:medicinal\s+)?ingredients\s*:\s*(?=\S)", re.IGNORECASE)
#: "Medicinal Ingredients:" or "Medicinal Ingredients (per capsule)" alone: the heading of a Canadian panel.
MEDICINAL = re.compile(r"^medicinal\s+ingredients?\b\s*(?:\([^()]*\))?\s*:?\s*(?:\([^()]*\))?$", re.IGNORECASE)

_COLUMN = re.compile(
    r"(?:\b(?:amount|amt\.?)\s+)?\bper\s+(?:serving|\d+|one|two|three|four|five|six)\b"
    r"|%\s*(?:dv|daily\s+value)\b",
    re.IGNORECASE,
)
_HEADING_START = re.compile(r"^(?:amount|amt\b|per\b|%|daily\b|each\b)", re.IGNORECASE)


def column_headings(text: str) -> int | None:
    """How many serving columns a column-heading line names, when more than one ("Amount Per 1 Gummy  %DV  Amount
    Per 2 Gummies  %DV" names two); None for one."""
    if not _HEADING_START.match(text):
        return None
    amounts = [m[0] for m in _COLUMN.finditer(text) if not m[0].startswith("%")]
    percents = len(_COLUMN.findall(text)) - len(amounts)
    columns = max(len(amounts), percents)
    return columns if columns > 1 else None


def _top_level_commas(text: str) -> list[int]:
    depth, cuts = 0, []
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif (
            char in ",;"
            and depth == 0
            and not (text[index - 1 : index].isdigit() and text[index + 1 : index + 4].isdigit())
        ):
            cuts.append(index)
    return cuts


def listed_rows(line: Line) -> list[Line]:
    """The rows listed after "ingredients:", one Line each (their columns kept); [] when they are not rows (an
    ingredients list without amounts, which is the other ingredients)."""
    cuts = _top_level_commas(line.text)
    bounds = [0, *[c + 1 for c in cuts], len(line.text) + 1]
    pieces = [line.part(start, stop - 1) for start, stop in pairwise(bounds)]
    pieces = [
        piece.part(len(joined[0])) if (joined := re.match(r"^(?:and|&)\s+", piece.text)) else piece for piece in pieces
    ]
    pieces = [piece for piece in pieces if piece.text]
    if len(pieces) > 1 and all(parse_row(piece).kind == "row" for piece in pieces):
        return pieces
    if parse_row(line).kind in ("row", "columns"):
        return [line]
    return []
