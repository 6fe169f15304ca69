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
import math
import re
from dataclasses import dataclass
from decimal import Decimal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..amounts import AmountError, parse_amount
from ..data import YAML_LOADER
from . import Conversion, ImportFailed

NOT_A_RECORD = "not an NIH DSLD v9 label record"

# Placeholders DSLD writes where a label printed nothing.
_ABSENT = frozenset({"", "not reported", "not present", "np", "n/a", "none", "null"})

# physicalState.langualCodeDescription → form, the first keyword found wins (so "Softgel Capsule" is a softgel,
# "Chewable Tablet" a chewable).
_FORM_WORDS = (
    ("softgel", "softgel"), ("soft gel", "softgel"), ("chewable", "chewable"), ("gummy", "gummy"),
    ("gummies", "gummy"), ("jelly", "gummy"), ("lozenge", "lozenge"), ("capsule", "capsule"), ("tablet", "tablet"),
    ("pill", "tablet"), ("caplet", "tablet"), ("spray", "spray"), ("drop", "drops"), ("liquid", "liquid"),
    ("powder", "powder"),
)

# DSLD's spelled-out units → the format's spelling (the rest is left to the format's own unit table).
_UNIT_WORDS = {
    "gram": "g", "grams": "g", "milligram": "mg", "milligrams": "mg", "microgram": "mcg", "micrograms": "mcg",
    "kilogram": "kg", "milliliter": "mL", "millilitre": "mL", "liter": "L", "litre": "L",
    "international unit": "IU", "international units": "IU", "i.u.": "IU",
}
_QUALIFIER_WORDS = {"a-te": "alpha-te", "alpha te": "alpha-te", "a-tocopherol": "alpha-tocopherol"}
_SCALES = ("million", "billion", "trillion")

# Statement types (DSLD `statements[].type`), matched on lower-case text.
_NOTES_TYPES = ("formulation", "formula re", "storage", "general statements", "tamper evidence")

# Top-level fields: those read below, and DSLD's own bookkeeping (not label text), left out with one note.
_MAPPED = frozenset({"fullName", "brandName", "physicalState", "servingSizes", "servingsPerContainer", "statements",
                     "ingredientRows", "otheringredients", "otherIngredients", "percentDvFootnote"})
_BOOKKEEPING = ("id", "src", "upcSku", "productVersionCode", "productType", "pdf", "thumbnail", "nhanesId",
                "bundleName", "events", "labelRelationships", "hasOuterCarton", "offMarket", "entryDate",
                "langualCodes", "brandIpSymbol")
_SAID = {
    "netContents": "net contents {value} not carried over: the label format has no net quantity",
    "targetGroups": "target groups {value} not carried over: the label's population is left to the default (adults)",
    "userGroups": "%DV user groups {value} not carried over: only the adult %DV of each row is kept",
    "contacts": "manufacturer/distributor contact not carried over: the label format has no field for it",
    "claims": "claim categories {value} not carried over: DSLD records the kinds of claims, not their text",
}


def convert(text: str, filename: str) -> Conversion:
    """The label a DSLD v9 record holds. Raises ImportFailed for text that is not one such record."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise ImportFailed(f"{NOT_A_RECORD}: not valid JSON: {message}{where}") from None
    notes: list[str] = []
    positions = _positions(text, data)
    if positions is None:
        notes.append("the JSON could not be read with positions; `supplint check` on it reports findings at line 1")
        positions = {}
    record, base = _unwrap(data)
    return _Converter(record, base, positions, notes).run()


@dataclass
class DsldConversion(Conversion):
    """A conversion that also knows the DSLD label id, for the header line."""

    dsld_id: str | None = None


def header(filename: str, conversion: Conversion) -> str | None:
    ident = getattr(conversion, "dsld_id", None)
    which = f"NIH DSLD label {ident}" if ident else "an NIH DSLD label record"
    return f"Imported from {which} (CC0) by supplint import dsld"


# -- the record and where its values are ---------------------------------------------------------------------------

def _unwrap(data: object) -> tuple[dict, tuple]:
    """The label record inside ``data`` and its JSON path."""
    path: tuple = ()
    for _ in range(6):  # [ {"_source": {...}} ], {"hits": [ ... ]}, {"hits": {"hits": [ ... ]}}
        if isinstance(data, list):
            if len(data) != 1:
                raise ImportFailed(f"{NOT_A_RECORD}: a list of {len(data)} items; give one label record")
            data, path = data[0], (*path, 0)
        elif isinstance(data, dict) and "_source" in data and not _looks_like_label(data):
            data, path = data["_source"], (*path, "_source")
        elif isinstance(data, dict) and "hits" in data and not _looks_like_label(data):
            data, path = data["hits"], (*path, "hits")
            if isinstance(data, dict) and "hits" in data:
                data, path = data["hits"], (*path, "hits")
            if isinstance(data, list) and len(data) != 1:
                raise ImportFailed(f"{NOT_A_RECORD}: a search response with {len(data)} hits; give one label record")
        else:
            break
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a string"}.get(type(data), "a single value")
        raise ImportFailed(f"{NOT_A_RECORD}: the JSON is {kind}, not an object")
    if not _looks_like_label(data):
        raise ImportFailed(f"{NOT_A_RECORD}: the object has neither `fullName` nor `ingredientRows`")
    return data, path


def _looks_like_label(data: dict) -> bool:
    return "fullName" in data or "ingredientRows" in data


def _positions(text: str, data: object) -> dict[tuple, tuple[int, int]] | None:
    """JSON path → 1-based (line, column) of its value, or None when YAML cannot compose the text."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except (yaml.YAMLError, RecursionError):
        return None
    found: dict[tuple, tuple[int, int]] = {}
    stack: list[tuple[Node | None, object, tuple]] = [(root, data, ())]
    while stack:
        node, value, path = stack.pop()
        if node is None:
            continue
        found[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode) and isinstance(value, dict):
            # the last spelling of a key wins, as it does in json.loads
            children = {key.value: child for key, child in node.value if isinstance(key, ScalarNode)}
            stack.extend((child, value[key], (*path, key)) for key, child in children.items() if key in value)
        elif isinstance(node, SequenceNode) and isinstance(value, list) and len(node.value) == len(value):
            stack.extend((child, item, (*path, index)) for index, (child, item) in enumerate(zip(node.value, value)))
    return found


# -- small readers; DSLD fields may be missing, null or of another type ---------------------------------------------

def _text(value: object) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value if value.lower() not in _ABSENT else None
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]+(?:\.[0-9]+)?\s*", value.replace(",", "")):
        if "," in value and not re.fullmatch(r"\s*[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\s*", value):
            return None
        return float(value.replace(",", ""))
    return None


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _digits(value: float) -> str:
    """A number as the format writes it: thousands commas, no exponent, no trailing zeros."""
    plain = format(Decimal(repr(float(value))).normalize(), "f")
    whole, _, fraction = plain.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def _amount_digits(value: float) -> str:
    text = _digits(value)
    # "2.125" reads both as a decimal and as a thousands group in the format (SUP004); the value is a decimal.
    if re.fullmatch(r"[1-9][0-9]{0,2}\.[0-9]{3}", text):
        text += "0"
    return text


def _order(item: object, index: int) -> tuple:
    order = _number(item.get("order")) if isinstance(item, dict) else None
    return (order is None, order or 0, index)


def _sorted(items: list) -> list[tuple[int, object]]:
    """(index in the JSON list, item), in DSLD's `order`; rows without one keep their place after the others."""
    return sorted(enumerate(items), key=lambda pair: _order(pair[1], pair[0]))


def _unit(unit: object) -> str | None:
    """A DSLD quantity unit in the format's spelling, or None when the format has no such unit."""
    if not isinstance(unit, str):
        return None
    key = " ".join(unit.replace("(s)", "").split()).lower()
    if key in _ABSENT:
        return None
    words = key.split(" ", 1)
    words[0] = _UNIT_WORDS.get(words[0], words[0])
    key = _UNIT_WORDS.get(key, " ".join(words))
    head, _, rest = key.partition(" ")
    if head in _SCALES:
        return f"{head} CFU" if rest == "cfu" else None
    rest = _QUALIFIER_WORDS.get(rest, rest)
    try:
        amount = parse_amount(f"1 {head} {rest}".strip())
    except AmountError:
        return None
    return None if amount.substance else str(amount.measure)


def _serving_unit(unit: str, plural: bool) -> str:
    """A serving unit as a label prints it: "Tablet(s)" → tablet or tablets, "Gummy(ies)" → gummies, "Gram(s)" → g."""
    measure = _UNIT_WORDS.get(" ".join(unit.replace("(s)", "").split()).lower())
    if measure:
        return measure
    if unit.strip().lower() in ("ml", "l", "g", "mg"):
        return {"ml": "mL", "l": "L"}.get(unit.strip().lower(), unit.strip().lower())
    match = re.fullmatch(r"\s*(.*?)\s*\((s|es|ies)\)\s*", unit)
    if not match:
        return " ".join(unit.split())
    stem, ending = match[1], match[2]
    if not plural:
        return stem.lower()
    if ending == "ies":
        return (stem[:-1] if stem.endswith(("y", "Y")) else stem).lower() + "ies"
    return (stem + ending).lower()


def _form(description: str) -> str | None:
    lowered = description.lower()
    for word, form in _FORM_WORDS:
        if word in lowered:
            return form
    return "other" if lowered.startswith("other") else None


def _statement_kind(kind: str) -> str | None:
    lowered = kind.lower()
    if "statement of identity" in lowered:
        return "identity"
    if lowered.startswith("fda disclaimer"):
        return "disclaimer"
    if "directions" in lowered or lowered.startswith("suggested"):
        return "directions"
    if lowered.startswith("precaution"):
        return "allergens" if "allerg" in lowered else "warnings"
    if "structure/function" in lowered or "claim" in lowered:
        return "claims"
    if lowered.startswith(_NOTES_TYPES):
        return "notes"
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- the conversion --------------------------------------------------------------------------------------------------

class _Converter:
    def __init__(self, record: dict, base: tuple, positions: dict, notes: list[str]):
        self.record = record
        self.base = base
        self.positions = positions
        self.notes = notes
        self.origins: dict[tuple, tuple[int, int]] = {}
        self.label: dict = {}
        self.serving_order: float | None = None
        self.other_servings = False

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def origin(self, label_path: tuple, *json_path) -> None:
        found = self.positions.get((*self.base, *json_path))
        if found is not None:
            self.origins[label_path] = found

    def run(self) -> Conversion:
        record = self.record
        product = _text(record.get("fullName"))
        if product is None:
            raise ImportFailed(f"{NOT_A_RECORD}: `fullName` (the product name) is missing or empty")
        self.label["product"] = product
        self.origin(("product",), "fullName")
        brand = _text(record.get("brandName"))
        if brand:
            self.label["brand"] = brand
            self.origin(("brand",), "brandName")
        self._form()
        self._serving()
        self._servings_per_container()
        self._facts()
        self._other_ingredients()
        self._statements()
        self._footnote()
        self._unmapped()
        ident = record.get("id")
        known = isinstance(ident, int) and not isinstance(ident, bool) or isinstance(ident, str) and ident.isdigit()
        return DsldConversion(self.label, self.notes, self.origins, str(ident) if known else None)

    def _form(self) -> None:
        state = self.record.get("physicalState")
        description = _text(_dict(state).get("langualCodeDescription"))
        if description is None:
            self.note("no physicalState in the record: `form` left out")
            return
        form = _form(description)
        if form is None:
            self.note(f"physical state '{description}' has no form in the label format: `form` left out")
            return
        self.label["form"] = form
        self.origin(("form",), "physicalState", "langualCodeDescription")

    def _serving(self) -> None:
        sizes = [(i, s) for i, s in _sorted(_list(self.record.get("servingSizes"))) if isinstance(s, dict)]
        if not sizes:
            self.note("no servingSizes in the record: `serving` left out")
            return
        index, size = sizes[0]
        self.serving_order = _number(size.get("order"))
        if len(sizes) > 1:
            self.other_servings = True
            self.note(f"only the first of {len(sizes)} serving sizes is carried over, with the amounts for it")
        low, high = _number(size.get("minQuantity")), _number(size.get("maxQuantity"))
        low, high = (low if low is not None else high), (high if high is not None else low)
        unit = size.get("unit") if isinstance(size.get("unit"), str) and size["unit"].strip() else None
        if low is None or unit is None or low <= 0 or high < low:
            self.note("the serving size has no usable quantity and unit: `serving` left out")
            return
        amount = _digits(low) if low == high else f"{_digits(low)}-{_digits(high)}"
        serving: dict = {"size": f"{amount} {_serving_unit(unit, plural=high != 1)}"}
        self.origin(("serving",), "servingSizes", index)
        self.origin(("serving", "size"), "servingSizes", index, "minQuantity")
        most, least = _number(size.get("maxDailyServings")), _number(size.get("minDailyServings"))
        if most is None and least is not None:
            most = least
        if most is not None and most >= 1 and most.is_integer():
            if least is not None and least >= 1 and least.is_integer() and least < most:
                serving["per_day"] = f"{int(least)}-{int(most)}"
            else:
                serving["per_day"] = int(most)
            self.origin(("serving", "per_day"), "servingSizes", index,
                        "maxDailyServings" if size.get("maxDailyServings") is not None else "minDailyServings")
        else:
            shown = "not given" if most is None else f"{_digits(most)}"
            self.note(f"daily servings {shown}: `per_day` left out (the format's default is 1 a day)")
        notes = _text(size.get("notes"))
        if notes:
            self.note(f"serving size note '{_short(notes)}' not carried over")
        self.label["serving"] = serving

    def _servings_per_container(self) -> None:
        raw = self.record.get("servingsPerContainer")
        value = _number(raw)
        if value is not None and value > 0:
            self.label["servings_per_container"] = int(value) if value.is_integer() else value
            self.origin(("servings_per_container",), "servingsPerContainer")
        elif raw is not None:
            shown = raw if isinstance(raw, str) else json.dumps(raw)
            self.note(f"servings per container '{_short(shown)}' is not a number: `servings_per_container` left out")

    # -- facts --

    def _facts(self) -> None:
        raw = self.record.get("ingredientRows")
        if not isinstance(raw, list):
            if raw is not None:
                self.note("`ingredientRows` is not a list: the label has no facts")
            self.label["facts"] = []
            return
        facts: list[dict] = []
        self.origin(("facts",), "ingredientRows")
        for index, row in _sorted(raw):
            converted = self._row(row, ("ingredientRows", index), ("facts", len(facts)), member=False)
            if converted is not None:
                facts.append(converted)
        self.label["facts"] = facts
        if self.other_servings:
            self.note("amounts for the other serving sizes not carried over")

    def _row(self, row: object, src: tuple, dst: tuple, member: bool) -> dict | None:
        if not isinstance(row, dict):
            self.note(f"{'a blend member' if member else 'an ingredient row'} that is not an object was skipped")
            return None
        name = _text(row.get("name"))
        if name is None:
            self.note("an ingredient row with no name was skipped")
            return None
        out: dict = {"name": name}
        as_ = self._as(row, src, dst, name)
        if as_:
            out["as"] = as_
        amount, quantity, problem = self._amount(row, src)
        if amount is not None:
            out["amount"] = amount
        dv = self._dv(quantity, src, dst, name) if quantity is not None else None
        if dv is not None:
            out["dv"] = dv
        blend = self._blend(row, src, dst, name)
        if blend:
            out["blend"] = blend
        for field in ("notes", "description"):
            extra = _text(row.get(field))
            if extra:
                self.note(f"row '{name}': DSLD {field} '{_short(extra)}' not carried over")
        if amount is None and not member:
            self._forget(dst)  # origins its `as` and members took under a place in facts it will not have
            self.note(f"row '{name}' left out of facts: "
                      + (f"its amount '{problem[1]}' cannot be written in the label format" if problem else
                         "it has no amount, which a row of the facts needs")
                      + "; its text is kept in `notes`")
            printed = name + (f": {problem[1]}" if problem else "")
            if blend:
                printed += f" (blend of {', '.join(member['name'] for member in blend)})"
            self._add_note(printed, (*src, "name"))
            return None
        if amount is None and problem:
            self.note(f"blend member '{name}': its amount '{problem[1]}' cannot be written in the label format; "
                      "left out")
        self.origin(dst, *src, "name")
        self.origin((*dst, "name"), *src, "name")
        if amount is not None:
            self.origin((*dst, "amount"), *src, "quantity", quantity[0], "quantity")
        return out

    def _forget(self, dst: tuple) -> None:
        for path in [path for path in self.origins if path[:len(dst)] == dst]:
            del self.origins[path]

    def _as(self, row: dict, src: tuple, dst: tuple, name: str) -> str | None:
        parts: list[str] = []
        first = None
        for index, form in _sorted(_list(row.get("forms"))):
            if not isinstance(form, dict):
                continue
            form_name = _text(form.get("name"))
            if form_name is None:
                continue
            percent = _number(form.get("percent"))
            if percent is not None:
                form_name = f"{_digits(percent)}% {form_name}"
            prefix = (_text(form.get("prefix")) or "").lower()
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
        self.origin((*dst, "as"), *src, "forms", first, "name")
        return text

    def _quantity(self, row: dict) -> tuple[int, dict] | None:
        entries = [(i, q) for i, q in enumerate(_list(row.get("quantity"))) if isinstance(q, dict)]
        if not entries:
            return None
        if self.serving_order is not None:
            for index, entry in entries:
                if _number(entry.get("servingSizeOrder")) == self.serving_order:
                    return index, entry
        return entries[0]

    def _amount(self, row: dict, src: tuple) -> tuple[str | None, tuple[int, dict] | None, tuple | None]:
        """(amount text, the quantity entry used, (reason, printed) when there was one the format cannot hold)."""
        found = self._quantity(row)
        if found is None:
            return None, None, None
        index, entry = found
        value, raw_unit = _number(entry.get("quantity")), entry.get("unit")
        unit_text = _text(raw_unit) if isinstance(raw_unit, str) else None
        if unit_text is None:  # "NP": DSLD recorded no amount for this row
            return None, found, None
        operator = entry.get("operator")
        operator = "" if operator in (None, "", "=") else operator
        shown = _digits(value) if value is not None else str(entry.get("quantity"))
        plural = value != 1 or unit_text.lower().startswith(_SCALES)
        printed = f"{operator}{shown} {_serving_unit(unit_text, plural=plural)}"
        unit = _unit(raw_unit)
        if value is None or unit is None or operator not in ("", "<", ">"):
            return None, found, ("unit", printed)
        amount = f"{operator}{_amount_digits(value)} {unit}"
        try:
            parse_amount(amount)
        except AmountError:
            return None, found, ("amount", printed)
        return amount, found, None

    def _dv(self, found: tuple[int, dict], src: tuple, dst: tuple, name: str) -> str | None:
        index, entry = found
        groups = [(i, g) for i, g in enumerate(_list(entry.get("dailyValueTargetGroup"))) if isinstance(g, dict)]
        if not groups:
            return None
        adult = [(i, g) for i, g in groups if "adult" in str(g.get("name") or "").lower()]
        unnamed = [(i, g) for i, g in groups if not _text(g.get("name"))]
        chosen = (adult or (unnamed if len(groups) == 1 else []))
        if not chosen:
            if any(g.get("percent") is not None for _, g in groups):
                names = ", ".join(str(g.get("name")) for _, g in groups)
                self.note(f"row '{name}': %DV for {names} not carried over (only the adult %DV is)")
            return None
        group_index, group = chosen[0]
        at = (*src, "quantity", index, "dailyValueTargetGroup", group_index)
        percent = _number(group.get("percent"))
        if percent is not None:
            operator = group.get("operator")
            if operator not in (None, "", "=", "<"):
                self.note(f"row '{name}': %DV '{operator}{_digits(percent)}%' cannot be written in the label format")
                return None
            self.origin((*dst, "dv"), *at, "percent")
            return f"{'<' if operator == '<' else ''}{_digits(percent)}%"
        footnote = group.get("footnote") if isinstance(group.get("footnote"), str) else ""
        marker = re.match(r"\s*([*†‡]+)", footnote)
        if marker and marker[1] in ("*", "**", "†", "††", "‡"):
            self.origin((*dst, "dv"), *at, "footnote")
            return marker[1]
        if "not established" in footnote.lower():
            self.origin((*dst, "dv"), *at, "footnote")
            return "†"
        return None

    def _blend(self, row: dict, src: tuple, dst: tuple, name: str) -> list[dict]:
        members: list[dict] = []
        for index, nested in _sorted(_list(row.get("nestedRows"))):
            member = self._row(nested, (*src, "nestedRows", index), (*dst, "blend", len(members)), member=True)
            if member is not None:
                members.append(member)
        if members:
            self.origin((*dst, "blend"), *src, "nestedRows")
        return members

    # -- everything around the panel --

    def _other_ingredients(self) -> None:
        other = self.record.get("otheringredients", self.record.get("otherIngredients"))
        key = "otheringredients" if "otheringredients" in self.record else "otherIngredients"
        other = _dict(other)
        names: list[str] = []
        for index, item in _sorted(_list(other.get("ingredients"))):
            if not isinstance(item, dict) or not _text(item.get("name")):
                continue
            text = _text(item["name"])
            forms = [f"{(_text(form.get('prefix')) or '').lower()} {_text(form.get('name'))}".strip()
                     for _, form in _sorted(_list(item.get("forms")))
                     if isinstance(form, dict) and _text(form.get("name"))]
            if forms:
                text += f" ({', '.join(forms)})"
            self.origin(("other_ingredients", len(names)), key, "ingredients", index, "name")
            names.append(text)
        if names:
            self.label["other_ingredients"] = names
            self.origin(("other_ingredients",), key, "ingredients")
        elif _text(other.get("text")):
            self.label["other_ingredients"] = _text(other["text"])
            self.origin(("other_ingredients",), key, "text")

    def _statements(self) -> None:
        found: dict[str, list[tuple[int, str]]] = {}
        for index, statement in enumerate(_list(self.record.get("statements"))):
            if not isinstance(statement, dict):
                continue
            kind = statement.get("type") if isinstance(statement.get("type"), str) else ""
            raw = statement.get("notes")
            text = _text(raw)
            if text is None:
                continue
            target = _statement_kind(kind)
            if target is None:
                self.note(f"statement of type '{kind or 'none'}' not carried over: '{_short(text)}'")
                continue
            if target == "disclaimer":
                text = raw  # as printed, to the character
            found.setdefault(target, []).append((index, text))
        for target in ("identity", "disclaimer"):
            entries = found.pop(target, [])
            if entries:
                index, text = entries[0]
                self.label[target] = text
                self.origin((target,), "statements", index, "notes")
                for index, text in entries[1:]:
                    self.note(f"a second {target} statement is kept in `notes`")
                    self._add_note(text, ("statements", index, "notes"))
        if "identity" not in self.label:
            self.note("the record has no statement of identity: `identity` left out")
        for target in ("directions", "allergens"):
            entries = found.pop(target, [])
            if entries:
                self.label[target] = " ".join(text for _, text in entries)
                self.origin((target,), "statements", entries[0][0], "notes")
        for target in ("claims", "warnings"):
            entries = found.pop(target, [])
            if entries:
                self.label[target] = [text for _, text in entries]
                self.origin((target,), "statements", entries[0][0], "notes")
                for position, (index, _) in enumerate(entries):
                    self.origin((target, position), "statements", index, "notes")
        for index, text in found.pop("notes", []):
            self._add_note(text, ("statements", index, "notes"))

    def _add_note(self, text: str, json_path: tuple) -> None:
        notes = self.label.setdefault("notes", [])
        self.origin(("notes", len(notes)), *json_path)
        if not notes:
            self.origin(("notes",), *json_path)
        notes.append(text)

    def _footnote(self) -> None:
        footnote = _text(self.record.get("percentDvFootnote"))
        if footnote:
            self._add_note(footnote, ("percentDvFootnote",))

    def _unmapped(self) -> None:
        record = self.record
        for key, message in _SAID.items():
            value = record.get(key)
            if not value:
                continue
            self.note(message.format(value=_describe(value)))
        bookkeeping = [key for key in _BOOKKEEPING if _present(record.get(key))]
        if bookkeeping:
            self.note(f"DSLD record data not carried over (not label text): {', '.join(bookkeeping)}")
        for key in record:
            if key not in _MAPPED and key not in _SAID and key not in _BOOKKEEPING:
                self.note(f"field '{key}' not carried over")


def _present(value: object) -> bool:
    if isinstance(value, str):
        return _text(value) is not None
    return value not in (None, [], {}, False)


def _describe(value: object) -> str:
    """A short reading of a DSLD list for a note: "'60 Softgel(s)'", "'Adults', 'Vegetarian'"."""
    items = value if isinstance(value, list) else [value]
    shown = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("display") or item.get("langualCodeDescription") or item.get("dailyValueTargetGroupName") \
                or item.get("name")
        if isinstance(item, str) and item.strip():
            shown.append(f"'{_short(item.strip(), 40)}'")
    return ", ".join(shown) if shown else "(listed in the record)"
