"""The record's top-level fields the label format has no place for: one note each, nothing guessed."""

from __future__ import annotations

from .draft import Draft
from .values import clean_text, short

# Top-level fields: those the importer reads, and DSLD's own bookkeeping (not label text), left out with one note.
_MAPPED = frozenset(
    {
        "fullName",
        "brandName",
        "physicalState",
        "servingSizes",
        "servingsPerContainer",
        "statements",
        "ingredientRows",
        "otheringredients",
        "otherIngredients",
        "percentDvFootnote",
    }
)
_BOOKKEEPING = (
    "id",
    "src",
    "upcSku",
    "productVersionCode",
    "productType",
    "pdf",
    "thumbnail",
    "nhanesId",
    "bundleName",
    "events",
    "labelRelationships",
    "hasOuterCarton",
    "offMarket",
    "entryDate",
    "langualCodes",
    "brandIpSymbol",
)
_SAID = {
    "netContents": "net contents {value} not carried over: the label format has no net quantity",
    "targetGroups": "target groups {value} not carried over: the label's population is left to the default (adults)",
    "userGroups": "%DV user groups {value} not carried over: only the adult %DV of each row is kept",
    "contacts": "manufacturer/distributor contact not carried over: the label format has no field for it",
    "claims": "claim categories {value} not carried over: DSLD records the kinds of claims, not their text",
}


def note_unmapped(draft: Draft) -> None:
    record = draft.record
    for key, message in _SAID.items():
        value = record.get(key)
        if not value:
            continue
        draft.note(message.format(value=_describe(value)))
    bookkeeping = [key for key in _BOOKKEEPING if _present(record.get(key))]
    if bookkeeping:
        draft.note(f"DSLD record data not carried over (not label text): {', '.join(bookkeeping)}")
    for key in record:
        if key not in _MAPPED and key not in _SAID and key not in _BOOKKEEPING:
            draft.note(f"field '{key}' not carried over")


def _present(value: object) -> bool:
    if isinstance(value, str):
        return clean_text(value) is not None
    return value not in (None, [], {}, False)


def _describe(value: object) -> str:
    """A short reading of a DSLD list for a note: "'60 Softgel(s)'", "'Adults', 'Vegetarian'"."""
    items = value if isinstance(value, list) else [value]
    shown = []
    for item in items:
        if isinstance(item, dict):
            item = (
                item.get("display")
                or item.get("langualCodeDescription")
                or item.get("dailyValueTargetGroupName")
                or item.get("name")
            )
        if isinstance(item, str) and item.strip():
            shown.append(f"'{short(item.strip(), 40)}'")
    return ", ".join(shown) if shown else "(listed in the record)"
