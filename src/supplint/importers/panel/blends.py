"""Nesting panel rows into blends: which rows under a blend row are its members."""

from __future__ import annotations

from dataclasses import dataclass

from ...quantity import units
from ...quantity.amounts import Amount
from .record import Record
from .rows import BLENDISH, Item, listed_members, parses


def _quantity(amount: Amount | None) -> tuple[str, float] | None:
    """What a blend's members are counted against its total in: ("mass", mg) or ("cfu", count)."""
    if amount is None or amount.measure.qualifier is not None:
        return None
    if amount.measure.unit == "CFU":
        return "cfu", amount.value
    factor = units.factor(amount.measure.unit, "mg")
    return ("mass", amount.value * factor) if factor is not None else None


@dataclass
class _Blend:
    item: Item
    row: dict | None  # None: a blend heading without a total amount (its members become rows of their own)
    path: tuple
    depth: int
    remaining: tuple[str, float] | None


def nest(record: Record, items: list[Item]) -> list[dict]:
    facts: list[dict] = []
    indented = len({item.line.indent for item in items}) > 1
    stack: list[_Blend] = []
    for position, item in enumerate(items):
        following = items[position + 1] if position + 1 < len(items) else None
        why = None
        while stack and not (why := _member_of(item, stack[-1], indented)):
            stack.pop()
        row = _row(item)
        parent = stack[-1] if stack else None
        if parent is not None and parent.row is not None:
            listed = listed_members(item.name) if item.kind == "name" and not item.as_ and "," in item.name else []
            if len(listed) > 1:  # "Green tea leaf extract, chromium picolinate, cinnamon bark" under a blend
                parent.row.setdefault("blend", []).extend(listed)
                continue
            parent.row.setdefault("blend", []).append(row)
            path = (*parent.path, "blend", len(parent.row["blend"]) - 1)
            if why == "fits":
                record.note(
                    item.line,
                    f"'{item.name}' read as a member of '{parent.item.name}' (not indented, but its "
                    "amount fits in the blend's total): check it",
                )
            if (
                parent.remaining is not None
                and (mass := _quantity(parses(item.amount or ""))) is not None
                and mass[0] == parent.remaining[0]
            ):
                parent.remaining = (mass[0], parent.remaining[1] - mass[1])
        elif item.amount is not None:
            facts.append(row)
            path = ("facts", len(facts) - 1)
        else:
            heads_members = (
                following is not None
                and (following.line.indent > item.line.indent or following.marked)
                and item.kind == "name"
            )
            if heads_members or (BLENDISH.search(item.name) and following is not None):
                record.note(
                    item.line,
                    f"the blend '{item.name}' has no total amount, so its members are imported as rows of their own",
                )
                stack.append(_Blend(item, None, (), len(stack), None))
            elif parent is not None:
                record.unread(
                    item.line, f"a member of '{parent.item.name}', which has no total amount, and no amount of its own"
                )
            else:
                record.unread(item.line, "no amount")
            continue
        _record_origins(record, item, path)
        if item.amount is not None or parent is not None:
            can_head = parent is None or (indented and item.line.indent > parent.item.line.indent)
            if can_head:
                stack.append(_Blend(item, row, path, len(stack), _quantity(parses(item.amount or ""))))
    return facts


def _member_of(item: Item, blend: _Blend, indented: bool) -> str | None:
    """Why the item is a member of the blend ("indented", "marked", "unmeasured", "fits"), or None."""
    head = blend.item
    blendish = bool(BLENDISH.search(head.name)) or bool(blend.row and blend.row.get("blend")) or head.kind == "name"
    deeper = indented and item.line.indent > head.line.indent
    if blend.depth > 0 or head.members:  # a member heading members of its own, or a blend listing its members
        return "indented" if deeper else None
    if deeper:
        # a nutrient row with its own %DV indented by accident (OCR) does not join the row above it
        return "indented" if blendish or not item.numeric_dv else None
    if indented and item.line.indent < head.line.indent:
        return None
    if item.marked and blendish:
        return "marked"
    if item.amount is None:
        return "unmeasured" if blendish and not item.members and blend.row is not None else None
    if (
        not indented
        and blendish
        and not item.numeric_dv
        and blend.remaining is not None
        and blend.row is not None
        and not item.members
        and not BLENDISH.search(item.name)
    ):
        mass = _quantity(parses(item.amount))
        if mass is not None and mass[0] == blend.remaining[0] and mass[1] <= blend.remaining[1] + 1e-9:
            return "fits"
    return None


def _row(item: Item) -> dict:
    row: dict = {"name": item.name}
    if item.as_:
        row["as"] = item.as_
    if item.amount is not None:
        row["amount"] = item.amount
    if item.dv is not None:
        row["dv"] = item.dv
    if item.members:
        row["blend"] = [dict(member) for member in item.members]
    return row


def _record_origins(record: Record, item: Item, path: tuple) -> None:
    record.origins[path] = (item.line.number, item.line.column)
    record.origins[(*path, "name")] = (item.line.number, item.line.column)
    if item.amount is not None:
        amount_line = item.amount_line or item.line
        record.origins[(*path, "amount")] = (amount_line.number, item.amount_column or amount_line.column)
    if item.dv is not None and item.dv_at:
        record.origins[(*path, "dv")] = item.dv_at
    for index, _member in enumerate(item.members):
        record.origins[(*path, "blend", index)] = (item.line.number, item.line.column)
