"""Rule kinds. Each module here is one kind: a pydantic ``Spec`` (its parameters in a rule pack, with
``kind: Literal[...]``), the ``FIELDS`` its messages may use (``FIELDS_BY_TARGET``, target → fields, in a kind
that reads more than one target), and a pure ``evaluate(rule, subject, options) -> Iterable[Hit]``. The subject
is a label (``Resolved``), a page (``PageContext``) for modules that set ``TARGET = "page"``, or a stack
(``TARGET = "stack"``); a kind that reads more than one sets a tuple (``TARGET = ("label", "page")``) and looks at
its rule's ``target``. Optional: ``TEMPLATES``, the Spec's templates
beyond message and hint, and ``VOCABULARY``, the loader of a rule's `vocabulary` file; the registry checks both when
packs load.

Kinds are listed in ``index.KINDS``, so a new kind is one new module and one line there; a new rule of an existing
kind is data only.
"""

from __future__ import annotations

import importlib
import re
import string
from functools import cache
from typing import get_args, overload

from ..hits import Hit, ValueEdit  # noqa: F401 - the record every kind yields, and a fix's edit
from ..quantity import units
from ..quantity.wording import amount


@cache
def modules() -> dict:
    """kind name → module, for every kind in ``index.KINDS``, in that order."""
    from .index import KINDS

    found = {}
    for kind, (name, _) in KINDS.items():
        module = importlib.import_module(f"{__name__}.{name}")
        (declared,) = get_args(module.Spec.model_fields["kind"].annotation)
        if declared != kind:  # a listing mistake would otherwise surface as an unknown kind in some pack
            raise ImportError(f"kinds.index lists {name} as kind {kind}, but its Spec says {declared}")
        found[kind] = module
    return found


def evaluators() -> dict:
    return {kind: module.evaluate for kind, module in modules().items()}


class _Fields(dict):
    """A kind may leave a declared field unset where it does not apply (a Daily Value figure when only the upper
    limit is exceeded): it renders empty. Names a kind does not declare never get here: the registry refuses a
    template that uses one when the packs load."""

    def __missing__(self, key: str) -> str:
        return ""


@overload
def render(template: str, fields: dict) -> str: ...
@overload
def render(template: str | None, fields: dict) -> str | None: ...
def render(template: str | None, fields: dict) -> str | None:
    # A message template is a str: every rule of a kind has one (only builtin codes, which are not rendered, have
    # none), so its rendering is typed as a str; a hint may be absent.
    if not template:
        return None
    try:  # most templates find every field they name: no copy of the fields for them
        return template.format_map(fields)
    except KeyError:
        return template.format_map(_Fields(fields))


def template_fields(template: str) -> set[str]:
    """The field names a str.format template uses ("{daily}/day{alt}" → {"daily", "alt"})."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None:
            names.add(re.split(r"[.\[]", name, maxsplit=1)[0])
    return names


def daily_text(
    rows, per_day: int, value: float, measure, label_value: float | None = None, reference=None
) -> tuple[str, str]:
    """A daily figure with its basis, and the label's own figures beside it where they are on another basis:
    "1,350 mg supplemental alpha-tocopherol" and " (675 mg alpha-tocopherol on the label, 1,500 IU)".

    ``label_value`` is the same daily amount in the nutrient's label unit, when ``measure`` is another basis (an
    upper limit's). A printed part in a plain multiple of a unit already shown (`1 g` beside mg) adds nothing and is
    left out, so the text is the same however the amount was written; so is a part in a unit the nutrient cannot
    have (`(5 mL)` of vitamin D: SUP003 says so), when ``reference`` is given to tell."""
    nutrient = rows[0].nutrient if rows else None
    shown = [measure]
    notes = []
    if nutrient is not None and label_value is not None and nutrient.measure != measure:
        notes.append(f"{amount(label_value, nutrient.measure)} on the label")
        shown.append(nutrient.measure)
    if len(rows) == 1 and rows[0].amount is not None:
        for part in rows[0].amount.amounts():
            printed = nutrient.implied(part.measure) if nutrient is not None else part.measure
            if any(
                printed.qualifier == other.qualifier and units.factor(printed.unit, other.unit) is not None
                for other in shown
            ):
                continue
            if reference is not None and nutrient is not None and not reference.has_conversion_for(nutrient, printed):
                continue
            shown.append(printed)
            notes.append(amount(part.value * per_day, part.measure))
    if len(rows) > 1:  # the reader should know where the figure comes from
        notes.append(f"summed over {rows_where(rows)}")
    bound = (
        ">" if any(part.bound == ">" for row in rows if row.amount is not None for part in row.amount.amounts()) else ""
    )
    return bound + amount(value, measure), f" ({', '.join(notes)})" if notes else ""


def rows_where(rows) -> str:
    """Where rows stand, as the panel numbers them: "rows 1 and 3 of facts", "row 2 of facts and member 1 of the
    blend in row 4"."""

    def one(path: tuple) -> str:
        text = f"row {path[1] + 1}"
        for at in range(2, len(path) - 1, 2):
            text = f"member {path[at + 1] + 1} of the blend in {text}"
        return text

    places = [one(row.path) for row in rows]
    if all(place.startswith("row ") for place in places):
        numbers = [place.removeprefix("row ") for place in places]
        listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}"
        return f"rows {listed} of facts"
    return ", ".join(places[:-1]) + f" and {places[-1]} of facts"
