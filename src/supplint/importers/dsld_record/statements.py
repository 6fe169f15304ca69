"""DSLD's `statements` and %DV footnote → identity, disclaimer, directions, allergens, claims, warnings and notes."""

from __future__ import annotations

from .draft import Draft
from .values import as_list, clean_text, short

# Statement types (DSLD `statements[].type`), matched on lower-case text.
_NOTES_TYPES = ("formulation", "formula re", "storage", "general statements", "tamper evidence")


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


def add_statements(draft: Draft) -> None:
    found: dict[str, list[tuple[int, str]]] = {}
    for index, statement in enumerate(as_list(draft.record.get("statements"))):
        if not isinstance(statement, dict):
            continue
        kind = given if isinstance(given := statement.get("type"), str) else ""
        raw = statement.get("notes")
        text = clean_text(raw)
        if text is None:
            continue
        target = _statement_kind(kind)
        if target is None:
            draft.note(f"statement of type '{kind or 'none'}' not carried over: '{short(text)}'")
            continue
        if target == "disclaimer":
            text = str(raw)  # as printed, to the character (clean_text gave a text, so it is one)
        found.setdefault(target, []).append((index, text))
    for target in ("identity", "disclaimer"):
        entries = found.pop(target, [])
        if entries:
            index, text = entries[0]
            draft.label[target] = text
            draft.origin((target,), "statements", index, "notes")
            for index, text in entries[1:]:
                draft.note(f"a second {target} statement is kept in `notes`")
                draft.add_note(text, ("statements", index, "notes"))
    if "identity" not in draft.label:
        draft.note("the record has no statement of identity: `identity` left out")
    for target in ("directions", "allergens"):
        entries = found.pop(target, [])
        if entries:
            draft.label[target] = " ".join(text for _, text in entries)
            draft.origin((target,), "statements", entries[0][0], "notes")
    for target in ("claims", "warnings"):
        entries = found.pop(target, [])
        if entries:
            draft.label[target] = [text for _, text in entries]
            draft.origin((target,), "statements", entries[0][0], "notes")
            for position, (index, _) in enumerate(entries):
                draft.origin((target, position), "statements", index, "notes")
    for index, text in found.pop("notes", []):
        draft.add_note(text, ("statements", index, "notes"))


def add_footnote(draft: Draft) -> None:
    footnote = clean_text(draft.record.get("percentDvFootnote"))
    if footnote:
        draft.add_note(footnote, ("percentDvFootnote",))
