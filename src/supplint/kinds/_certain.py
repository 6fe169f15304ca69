"""Conversions the amount rules may rest a finding or a fix on: a factor only where it is certain.

Reference.convert answers for vitamin A in IU with no form stated, because the preformed and the beta-carotene
factors both read 0.3; but which form it is still decides what the upper limit counts. A rule that tells a label
its number is wrong, or rewrites that number, must not rest on a factor that is provisional (conversions.yaml) or
that belongs to a form the row does not state, so here it gives no answer.
"""

from __future__ import annotations

from functools import cache

from ..quantity import units
from ..quantity.amounts import Amount, Measure
from ..reference.tables import Nutrient, Reference


@cache
def factor(
    reference: Reference, nutrient_id: str | None, forms: frozenset[str], src: Measure, dst: Measure
) -> float | None:
    """How many ``dst`` one ``src`` is for this nutrient and form; None unless exactly one sure factor applies."""
    if nutrient_id is None:
        return units.factor(src.unit, dst.unit) if src.qualifier == dst.qualifier else None
    nutrient = reference.nutrients[nutrient_id]
    src, dst = nutrient.implied(src), nutrient.implied(dst)
    if src.qualifier == dst.qualifier:
        direct = units.factor(src.unit, dst.unit)
        if direct is not None:
            return direct
    known = forms & reference.aliases.forms_of.get(nutrient_id, frozenset())
    found = set()
    for conv in reference.conversions.get(nutrient_id, ()):
        if "label" not in conv.purposes or (known and conv.forms and not conv.forms & known):
            continue
        for a, b, scale in ((conv.src, conv.dst, conv.factor), (conv.dst, conv.src, 1 / conv.factor)):
            if a.qualifier != src.qualifier or b.qualifier != dst.qualifier:
                continue
            into, out = units.factor(src.unit, a.unit), units.factor(b.unit, dst.unit)
            if into is None or out is None:
                continue
            if conv.provisional or (conv.forms and not known):
                return None  # the figure is disputed, or it belongs to a form the label does not state
            found.add(round(into * scale * out, 12))
    return found.pop() if len(found) == 1 else None


def forms_of(reference: Reference, nutrient: Nutrient | None, forms: frozenset[str], part: Amount) -> frozenset[str]:
    """The forms a part of an amount is of: the substance it names ("240 mcg folic acid"), else the row's."""
    if nutrient is not None and part.substance:
        match = reference.aliases.match(part.substance, None)
        if match.nutrient == nutrient.id and match.forms:
            return match.forms
    return forms


def amount_in(
    reference: Reference, amount: Amount, nutrient: Nutrient, forms: frozenset[str], dst: Measure
) -> float | None:
    """The amount in ``dst`` from whichever part converts with certainty, a part already in ``dst`` first."""
    parts = amount.amounts()
    for part in parts:
        if part.measure == dst:
            return part.value
    target = nutrient.implied(dst)
    if len(parts) == 2 and nutrient.implied(parts[1].measure) == target != nutrient.implied(parts[0].measure):
        parts = parts[::-1]
    for part in parts:
        scale = factor(reference, nutrient.id, forms_of(reference, nutrient, forms, part), part.measure, dst)
        if scale is not None:
            return part.value * scale
    return None
