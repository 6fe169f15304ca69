"""An NIH Dietary Supplement Label Database (DSLD) v9 label record → a label in supplint's format.

Input: the JSON of one label as ``/v9/label/{id}`` returns it, also wrapped as a search hit (``{"_source": {...}}``),
as a one-element list, or as a search response holding exactly one hit. The JSON is read twice: ``json.loads`` gives
the data (JSON's own rules, so "1e5" is a number), and YAML's composer (JSON is, nearly, YAML) gives the line and
column of every value, so that ``supplint check record.json`` can point at the record's own lines. When YAML cannot
compose the text (a rare escape such as a surrogate pair), the label is still imported, without positions.

``Conversion.origins`` maps label paths (pydantic's ``loc`` shape: ``("facts", 0, "amount")``) to the 1-based
(line, column) of the DSLD value each came from.

What the format cannot hold is left out, one note each; nothing is guessed. Amounts, %DV and serving sizes are
checked with the format's own parsers before they are written, so an import never produces an amount that the
label format would reject.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..label.loader import MAX_INT_DIGITS
from . import Conversion, ImportFailed
from .dsld_record.draft import Draft
from .dsld_record.facts import add_facts
from .dsld_record.product import (
    add_form,
    add_other_ingredients,
    add_serving,
    add_servings_per_container,
)
from .dsld_record.source import NOT_A_RECORD, positions, unwrap
from .dsld_record.statements import add_footnote, add_statements
from .dsld_record.unmapped import note_unmapped
from .dsld_record.values import clean_text


def convert(text: str, filename: str) -> Conversion:
    """The label a DSLD v9 record holds. Raises ImportFailed for text that is not one such record."""
    try:
        data = json.loads(text, parse_int=_whole_number)
    except _TooLong as exc:
        line, column = _position(text, exc.at)
        raise ImportFailed(
            f"{NOT_A_RECORD}: a number of {exc.digits:,} digits (line {line}, column {column}) is "
            f"longer than supplint reads ({MAX_INT_DIGITS:,} digits at most)",
            line,
            column,
        ) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        at = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (None, None)
        raise ImportFailed(f"{NOT_A_RECORD}: not valid JSON: {message}{where}", *at) from None
    notes: list[str] = []
    found = positions(text, data)
    if found is None:
        notes.append("the JSON could not be read with positions; `supplint check` on it reports findings at line 1")
        found = {}
    record, base = unwrap(data)
    return _convert(Draft(record, base, found, notes))


class _TooLong(ValueError):
    def __init__(self, digits: int, at: int):
        super().__init__(digits)
        self.digits, self.at = digits, at


def _whole_number(digits: str) -> int:
    # json.loads would raise a bare ValueError from int() past Python's digit limit; the position is found after.
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _TooLong(len(digits.lstrip("-")), -1)
    return int(digits)


def _position(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of the first over-long integer in ``text``."""
    found = re.search(rf"[0-9]{{{MAX_INT_DIGITS + 1},}}", text)
    start = found.start() if found else 0
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1


@dataclass
class DsldConversion(Conversion):
    """A conversion that also knows the DSLD label id, for the header line."""

    dsld_id: str | None = None


def header(filename: str, conversion: Conversion) -> str | None:
    ident = getattr(conversion, "dsld_id", None)
    which = f"NIH DSLD label {ident}" if ident else "an NIH DSLD label record"
    return f"Imported from {which} (CC0) by supplint import dsld"


def _convert(draft: Draft) -> DsldConversion:
    record = draft.record
    product = clean_text(record.get("fullName"))
    if product is None:
        raise ImportFailed(f"{NOT_A_RECORD}: `fullName` (the product name) is missing or empty")
    draft.label["product"] = product
    draft.origin(("product",), "fullName")
    brand = clean_text(record.get("brandName"))
    if brand:
        draft.label["brand"] = brand
        draft.origin(("brand",), "brandName")
    add_form(draft)
    add_serving(draft)  # before the facts: rows take the amounts for the serving size carried over
    add_servings_per_container(draft)
    add_facts(draft)
    add_other_ingredients(draft)
    add_statements(draft)
    add_footnote(draft)
    note_unmapped(draft)
    ident = record.get("id")
    known = (isinstance(ident, int) and not isinstance(ident, bool)) or (isinstance(ident, str) and ident.isdigit())
    return DsldConversion(draft.label, draft.notes, draft.origins, dsld_id=str(ident) if known else None)
