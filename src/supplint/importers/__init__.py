"""Importers: labels from other formats (an NIH DSLD record, a Supplement Facts panel copied as text) turned into
supplint's label format, with what could not be carried over said plainly."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..errors import SupplintError

#: The order label-format.md writes keys in; an imported label reads like a hand-written one.
KEY_ORDER = (
    "product",
    "brand",
    "identity",
    "form",
    "population",
    "serving",
    "servings_per_container",
    "facts",
    "other_ingredients",
    "allergens",
    "directions",
    "claims",
    "disclaimer",
    "warnings",
    "notes",
)
ROW_ORDER = ("name", "nutrient", "as", "amount", "dv", "blend")
SERVING_ORDER = ("size", "per_day")


class ImportFailed(SupplintError, ValueError):
    """The source cannot be read as that format at all (exit 2, one line saying why). ``line`` and ``column``
    (1-based), when known, are where `supplint check` puts its SUP001."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column


@dataclass
class Conversion:
    """An imported label (plain data in the label format), and what the importer could not map."""

    label: dict
    notes: list[str] = field(default_factory=list)  # one sentence each, for standard error
    # where each part of the label came from in the source (label path as pydantic's loc → (line, column)), so that
    # `supplint check` on the source file can point at source lines
    origins: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    # source lines that could not be read (line, column, kind, the note that says so); kind is "unreadable" or
    # the amount grammar's "unknown_unit" / "malformed_amount"
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)


def _ordered(mapping: dict, order: tuple[str, ...]) -> dict:
    known = {key: mapping[key] for key in order if key in mapping}
    return {**known, **{key: value for key, value in mapping.items() if key not in known}}


def _tidy(label: dict) -> dict:
    out = _ordered(label, KEY_ORDER)
    if isinstance(out.get("serving"), dict):
        out["serving"] = _ordered(out["serving"], SERVING_ORDER)
    if isinstance(out.get("facts"), list):
        out["facts"] = [_row(row) for row in out["facts"]]
    return out


def _row(row: dict) -> dict:
    row = _ordered(row, ROW_ORDER)
    if isinstance(row.get("blend"), list):
        row["blend"] = [_row(member) for member in row["blend"]]
    return row


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    # Long texts (warnings, disclaimers) as folded blocks would reflow on re-import; plain or quoted keeps them exact.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None)


_Dumper.add_representer(str, _str)


def dump_label(label: dict, header: str | None = None) -> str:
    """The label as YAML text in the format's key order; numbers that are amounts stay text ("125 mcg")."""
    text = yaml.dump(
        _tidy(label), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False
    )
    return (f"# {header}\n" if header else "") + text
