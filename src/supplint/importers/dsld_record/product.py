"""Product-level fields around the panel: form, serving size and daily servings, servings per container, and the
other ingredients."""

from __future__ import annotations

import json

from ...quantity.amounts import MAX_PER_DAY
from ...reference.dosage_forms import form_named
from .amounts import serving_unit
from .draft import Draft
from .values import as_dict, as_list, clean_text, digits, in_order, number, short


def _form_of(description: str) -> str | None:
    """physicalState's LanguaL description ("Softgel Capsule", "Tablet or Pill") → form, read with the same form
    words as a label's serving size (data/dosage-forms.yaml); "Other …" → other."""
    if description.lower().startswith("other"):
        return "other"  # before the words: "Other (e.g. tea bag)" is not grams of powder
    return form_named(description)


def add_form(draft: Draft) -> None:
    state = draft.record.get("physicalState")
    description = clean_text(as_dict(state).get("langualCodeDescription"))
    if description is None:
        draft.note("no physicalState in the record: `form` left out")
        return
    form = _form_of(description)
    if form is None:
        draft.note(f"physical state '{description}' has no form in the label format: `form` left out")
        return
    draft.label["form"] = form
    draft.origin(("form",), "physicalState", "langualCodeDescription")


def add_serving(draft: Draft) -> None:
    sizes = [(i, s) for i, s in in_order(as_list(draft.record.get("servingSizes"))) if isinstance(s, dict)]
    if not sizes:
        draft.note("no servingSizes in the record: `serving` left out")
        return
    index, size = sizes[0]
    draft.serving_order = number(size.get("order"))
    if len(sizes) > 1:
        draft.other_servings = True
        draft.note(f"only the first of {len(sizes)} serving sizes is carried over, with the amounts for it")
    low, high = number(size.get("minQuantity")), number(size.get("maxQuantity"))
    low, high = (low if low is not None else high), (high if high is not None else low)
    unit = size.get("unit") if isinstance(size.get("unit"), str) and size["unit"].strip() else None
    if low is None or high is None or unit is None or low <= 0 or high < low:
        draft.note("the serving size has no usable quantity and unit: `serving` left out")
        return
    amount = digits(low) if low == high else f"{digits(low)}-{digits(high)}"
    serving: dict = {"size": f"{amount} {serving_unit(unit, plural=high != 1)}"}
    draft.origin(("serving",), "servingSizes", index)
    draft.origin(("serving", "size"), "servingSizes", index, "minQuantity")
    most, least = number(size.get("maxDailyServings")), number(size.get("minDailyServings"))
    if most is None and least is not None:
        most = least
    if most is not None and most >= 1 and most.is_integer() and most <= MAX_PER_DAY:
        if least is not None and least >= 1 and least.is_integer() and least < most:
            serving["per_day"] = f"{int(least)}-{int(most)}"
        else:
            serving["per_day"] = int(most)
        draft.origin(
            ("serving", "per_day"),
            "servingSizes",
            index,
            "maxDailyServings" if size.get("maxDailyServings") is not None else "minDailyServings",
        )
    else:
        shown = "not given" if most is None else short(digits(most))
        draft.note(f"daily servings {shown}: `per_day` left out (the format's default is 1 a day)")
    notes = clean_text(size.get("notes"))
    if notes:
        draft.note(f"serving size note '{short(notes)}' not carried over")
    draft.label["serving"] = serving


def add_servings_per_container(draft: Draft) -> None:
    raw = draft.record.get("servingsPerContainer")
    value = number(raw)
    if value is not None and value > 0:
        draft.label["servings_per_container"] = int(value) if value.is_integer() else value
        draft.origin(("servings_per_container",), "servingsPerContainer")
    elif raw is not None:
        shown = raw if isinstance(raw, str) else json.dumps(raw)
        draft.note(f"servings per container '{short(shown)}' is not a number: `servings_per_container` left out")


def add_other_ingredients(draft: Draft) -> None:
    record = draft.record
    other = record.get("otheringredients", record.get("otherIngredients"))
    key = "otheringredients" if "otheringredients" in record else "otherIngredients"
    other = as_dict(other)
    names: list[str] = []
    for index, item in in_order(as_list(other.get("ingredients"))):
        if not isinstance(item, dict) or not (text := clean_text(item.get("name"))):
            continue
        forms = [
            f"{(clean_text(form.get('prefix')) or '').lower()} {clean_text(form.get('name'))}".strip()
            for _, form in in_order(as_list(item.get("forms")))
            if isinstance(form, dict) and clean_text(form.get("name"))
        ]
        if forms:
            text += f" ({', '.join(forms)})"
        draft.origin(("other_ingredients", len(names)), key, "ingredients", index, "name")
        names.append(text)
    if names:
        draft.label["other_ingredients"] = names
        draft.origin(("other_ingredients",), key, "ingredients")
    elif clean_text(other.get("text")):
        draft.label["other_ingredients"] = clean_text(other["text"])
        draft.origin(("other_ingredients",), key, "text")
