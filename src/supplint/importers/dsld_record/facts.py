"""The Supplement Facts rows: DSLD's `ingredientRows` → `facts`, with nested rows as blends.

A top-level row the format cannot hold (no amount, or one it cannot write) is kept as text in `notes`.
"""

from __future__ import annotations

from .amounts import row_amount, row_dv
from .draft import Draft
from .values import as_list, clean_text, digits, in_order, number, short


def add_facts(draft: Draft) -> None:
    raw = draft.record.get("ingredientRows")
    if not isinstance(raw, list):
        if raw is not None:
            draft.note("`ingredientRows` is not a list: the label has no facts")
        draft.label["facts"] = []
        return
    facts: list[dict] = []
    draft.origin(("facts",), "ingredientRows")
    for index, row in in_order(raw):
        converted = _row(draft, row, ("ingredientRows", index), ("facts", len(facts)), member=False)
        if converted is not None:
            facts.append(converted)
    draft.label["facts"] = facts
    if draft.other_servings:
        draft.note("amounts for the other serving sizes not carried over")


def _row(draft: Draft, row: object, src: tuple, dst: tuple, member: bool) -> dict | None:
    if not isinstance(row, dict):
        draft.note(f"{'a blend member' if member else 'an ingredient row'} that is not an object was skipped")
        return None
    name = clean_text(row.get("name"))
    if name is None:
        draft.note("an ingredient row with no name was skipped")
        return None
    out: dict = {"name": name}
    as_ = _as(draft, row, src, dst, name)
    if as_:
        out["as"] = as_
    amount, quantity, problem = row_amount(draft, row)
    if amount is not None:
        out["amount"] = amount
    dv = row_dv(draft, quantity, src, dst, name) if quantity is not None else None
    if dv is not None:
        out["dv"] = dv
    blend = _blend(draft, row, src, dst, name)
    if blend:
        out["blend"] = blend
    for field in ("notes", "description"):
        extra = clean_text(row.get(field))
        if extra:
            draft.note(f"row '{name}': DSLD {field} '{short(extra)}' not carried over")
    if amount is None and not member:
        draft.forget(dst)  # origins its `as` and members took under a place in facts it will not have
        draft.note(
            f"row '{name}' left out of facts: "
            + (
                f"its amount '{problem[1]}' cannot be written in the label format"
                if problem
                else "it has no amount, which a row of the facts needs"
            )
            + "; its text is kept in `notes`"
        )
        printed = name + (f": {problem[1]}" if problem else "")
        if blend:
            printed += f" (blend of {', '.join(member['name'] for member in blend)})"
        draft.add_note(printed, (*src, "name"))
        return None
    if amount is None and problem:
        draft.note(f"blend member '{name}': its amount '{problem[1]}' cannot be written in the label format; left out")
    draft.origin(dst, *src, "name")
    draft.origin((*dst, "name"), *src, "name")
    if amount is not None:
        assert quantity is not None  # an amount is read from a quantity entry
        draft.origin((*dst, "amount"), *src, "quantity", quantity[0], "quantity")
    return out


def _as(draft: Draft, row: dict, src: tuple, dst: tuple, name: str) -> str | None:
    parts: list[str] = []
    first = None
    for index, form in in_order(as_list(row.get("forms"))):
        if not isinstance(form, dict):
            continue
        form_name = clean_text(form.get("name"))
        if form_name is None:
            continue
        percent = number(form.get("percent"))
        if percent is not None:
            form_name = f"{digits(percent)}% {form_name}"
        prefix = (clean_text(form.get("prefix")) or "").lower()
        if not parts:
            parts.append(form_name if prefix in ("", "as") else f"{prefix} {form_name}")
            first = index
        elif prefix in ("", "as"):
            parts.append(f", {form_name}")
        else:
            parts.append(f" {prefix} {form_name}")
    if not parts:
        return None
    text = "".join(parts)
    if text.lower() == name.lower():
        return None  # "Myo-Inositol (as Myo-Inositol)" says nothing more
    draft.origin((*dst, "as"), *src, "forms", first, "name")
    return text


def _blend(draft: Draft, row: dict, src: tuple, dst: tuple, name: str) -> list[dict]:
    members: list[dict] = []
    for index, nested in in_order(as_list(row.get("nestedRows"))):
        member = _row(draft, nested, (*src, "nestedRows", index), (*dst, "blend", len(members)), member=True)
        if member is not None:
            members.append(member)
    if members:
        draft.origin((*dst, "blend"), *src, "nestedRows")
    return members
