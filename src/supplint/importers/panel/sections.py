"""The text after the panel (and above it, after the product name): each line classified by its heading as other
ingredients, allergens, directions, warnings, the DSHEA disclaimer, a claim, an identity or a note; a line without a
heading that follows one continues it. Then the label's fields are filled from what was found."""

from __future__ import annotations

import re

from .lines import FOOTNOTE, MARKED_FOOTNOTE, RULER, Line
from .record import Record
from .rows import LETTER, MARKS, split_list

_DISCLAIMER = re.compile(
    r"\b(?:these\s+statements\s+have|this\s+statement\s+has)\s+not\s+been\s+evaluated", re.IGNORECASE
)


def disclaimer_at(text: str) -> int | None:
    """Where the DSHEA disclaimer starts in a line, linking marks before it included; None without one."""
    match = _DISCLAIMER.search(text)
    if match is None:
        return None
    start = match.start()
    while start > 0 and text[start - 1] in MARKS:  # "*These statements"
        start -= 1
    if start == match.start():  # "* These statements", but not the star ending a claim ("health.* These")
        spaced = start
        while spaced > 0 and text[spaced - 1].isspace():
            spaced -= 1
        marked = spaced
        while marked > 0 and text[marked - 1] in MARKS:
            marked -= 1
        if marked < spaced and (marked == 0 or text[marked - 1].isspace()):
            start = marked
    return start


_DISCLAIMER_TAIL = re.compile(r"^[*†‡]*\s*this\s+product\s+is\s+not\s+intended\s+to\s+diagnose", re.IGNORECASE)
_OTHER_INGREDIENTS = re.compile(
    r"^(?:[o0]ther|inactive|non-?medicinal|(?:capsule\s+|softgel\s+)?shell)\s+ingredients?\b\s*[:\-–]?\s*(?P<body>.*)$|"
    r"^ingredients\s*:\s*(?P<body2>.*)$",
    re.IGNORECASE,
)
_ALLERGEN_WORDS = (
    r"(?:milk|dairy|eggs?|fish|shellfish|crustacean|tree\s+nuts?|nuts?|peanuts?|wheat|soy|soybeans?"
    r"|sesame|gluten)"
)
_ALLERGENS = re.compile(
    r"^(?:allergens?(?:\s+(?:information|statement|warning))?\s*:|contains\s*:"
    rf"|contains\s+{_ALLERGEN_WORDS}\b)",
    re.IGNORECASE,
)
_FREE_OF = re.compile(
    r"^(?:contains\s+no\b|does\s+not\s+contain|free\s+(?:of|from)\b|no\s+(?:artificial|added|gluten)|"
    r"(?:gluten|dairy|soy)[\s-]free\b|made\s+without)",
    re.IGNORECASE,
)
_DIRECTIONS = re.compile(
    r"^(?:(?:suggested|recommended)\s+(?:use|dose|dosage|usage|serving)|directions(?:\s+for\s+use)?|"
    r"recommendations?|(?:adult\s+)?dosage|usage|how\s+to\s+(?:use|take))\b\s*[:\-–]?\s*(?P<body>.*)$",
    re.IGNORECASE,
)
_TAKE = re.compile(
    r"^(?:adults?(?:\s+and\s+children[^,:]*)?[,:]?\s+)?(?:take|mix|chew|dissolve|shake)\s+\S", re.IGNORECASE
)
_WARNING_HEAD = re.compile(
    r"^(?:warnings?|cautions?|caution/warning|precautions?)\b(?:\s*/\s*[^\W\d_]+)?\s*[:\-–!.]?\s*"
    r"(?P<body>.*)$",
    re.IGNORECASE,
)
_WARNING_START = re.compile(
    r"^(?:keep\s+(?:this\s+(?:product|bottle)\s+|out\s+)?(?:out\s+)?of\s+(?:the\s+)?reach|keep\s+out\s+of"
    r"|do\s+not\s+(?:exceed|use|take)|(?:consult|ask)\s+(?:your|a)\s+(?:doctor|physician|health|pharmacist)"
    r"|if\s+you\s+are\s+(?:pregnant|nursing|taking|under)"
    r"|not\s+(?:for|intended\s+for)\s+(?:use\s+by\s+)?(?:children|pregnant|persons|individuals)|pregnant\s+or\s+nursing"
    r"|discontinue\s+use|accidental\s+overdose|contains\s+caffeine)",
    re.IGNORECASE,
)
_IRON = re.compile(r"accidental\s+overdose\s+of\s+iron", re.IGNORECASE)
_IDENTITY = re.compile(r"^(?:[\w/+&'’-]+\s+){0,5}(?:dietary\s+|herbal\s+|food\s+)?supplements?\.?$", re.IGNORECASE)
GENERIC_IDENTITY = re.compile(r"^(?:a\s+)?(?:dietary|herbal|food|nutritional)\s+supplements?\.?$", re.IGNORECASE)
_KNOWN_NOTE = re.compile(
    r"^(?:store\b|storage\b|keep\s+(?:refrigerated|tightly|in\s+a)|refrigerate|made\s+in|manufactured"
    r"|distributed|packaged|mfd\.?|dist\.?|for\s+questions|questions\?|lot\b|exp\b|best\s+by"
    r"|net\s+(?:wt|contents)"
    r"|do\s+not\s+(?:freeze))",
    re.IGNORECASE,
)
_CLAIM_LEADS = re.compile(
    r"^(?:supports?|promotes?|helps?|maintains?|boosts?|enhances?|contributes?|may\b|aids?|provides?"
    r"|encourages?|assists?|optimi[sz]es?|fuels?|improves?|increases?|reduces?|relieves?|fights?)\b",
    re.IGNORECASE,
)
_CLAIM_PIECE = re.compile(r"\s*(?P<claim>[^*†‡]*?\S)\s*[*†‡]+")
#: A product page's heading that carries no label text of its own ("COMPOSITION", "Allergens:", "INGREDIENTS-"):
#: it ends the section above it and is not kept.
_BARE_HEADING = re.compile(
    r"^(?:composition|formula|formulation|storage|ingredients|description|product\s+form"
    r"|allergens?(?:\s+(?:information|statement))?)\s*[:\-–]?$",
    re.IGNORECASE,
)
_SECTION_CONTINUES = ("other_ingredients", "allergens", "directions", "warnings", "disclaimer")


def classify(text: str) -> tuple[str | None, str]:
    """The field a line outside the panel starts, and the text it contributes."""
    if disclaimer_at(text) is not None:
        return "disclaimer", text
    if _DISCLAIMER_TAIL.match(text):
        return "disclaimer", text
    if match := _OTHER_INGREDIENTS.match(text):
        return "other_ingredients", (match["body"] if match["body"] is not None else match["body2"] or "")
    if _FREE_OF.match(text):
        return "notes", text
    if _ALLERGENS.match(text):
        return "allergens", "" if _BARE_HEADING.match(text) else text
    if match := _DIRECTIONS.match(text):
        return "directions", match["body"]
    if _IRON.search(text):
        return "warnings", text
    if match := _WARNING_HEAD.match(text):
        return "warnings", match["body"]
    if _WARNING_START.match(text):
        return "warnings", text
    if _TAKE.match(text):
        return "directions", text
    if _is_claim(text):
        return "claims", text
    if _IDENTITY.match(text) and len(text) <= 80:
        return "identity", text
    if _KNOWN_NOTE.match(text):
        return "notes", text
    return None, text


def _is_claim(text: str) -> bool:
    stripped = text.strip()
    if not stripped or stripped[-1] not in MARKS or stripped[0] in MARKS:
        return False
    words = re.sub(r"[*†‡]", " ", stripped).split()
    if len(words) < 2:
        return False
    return bool(re.search(r"[.!]\s*[*†‡]+$", stripped) or _CLAIM_LEADS.match(stripped) or len(words) >= 5)


def _claims(text: str) -> list[str]:
    return [
        m["claim"].strip() + text[m.end("claim") : m.end()].strip()
        for m in _CLAIM_PIECE.finditer(text)
        if LETTER.search(m["claim"])
    ]


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!])\s+(?=[A-Z])", text.strip())
    return [part.strip() for part in parts if part.strip()]


def read_prose(record: Record, lines: list[Line]) -> None:
    current: tuple[str, Line] | None = None
    for line in lines:
        text = line.text
        if not text:
            current = None
            continue
        if RULER.match(text):
            continue
        if FOOTNOTE.match(text) or MARKED_FOOTNOTE.match(text):
            continue  # a footnote of the panel ("† Daily Value not established")
        position = disclaimer_at(text)
        if position:  # "Supports bone health.* *These statements ..."
            _prose_line(record, line.part(0, position), None)
            line = line.part(position)
            text = line.text
        if _BARE_HEADING.match(text) and not _ALLERGENS.match(text):
            current = None
            continue
        kind, body = classify(text)
        if kind is None and current is not None and current[0] in _SECTION_CONTINUES:
            _add(record, current[0], line, text, continued=True)
            continue
        current = _prose_line(record, line, (kind, body))


def _prose_line(record: Record, line: Line, classified: tuple[str | None, str] | None) -> tuple[str, Line] | None:
    kind, body = classified if classified is not None else classify(line.text)
    if kind is None:
        record.extra_notes.append(line.text)
        record.note(line, f"not recognised, kept under notes: '{line.text}'")
        return None
    _add(record, kind, line, body, continued=False)
    return kind, line


def _add(record: Record, kind: str, line: Line, text: str, continued: bool) -> None:
    text = " ".join(text.split())
    if kind == "notes":
        record.extra_notes.append(text)
        return
    if kind == "claims":
        for claim in _claims(text):
            record.sections.setdefault("claims", []).append((line, claim))
        return
    entries = record.sections.setdefault(kind, [])
    if kind == "disclaimer" and entries and disclaimer_at(text) is None:
        continued = True
    if continued and entries:
        previous_line, previous = entries[-1]
        entries[-1] = (previous_line, f"{previous} {text}".strip())
    else:
        entries.append((line, text))


def fill_label(record: Record) -> None:
    sections = record.sections
    if entries := sections.get("identity"):
        record.label["identity"] = entries[0][1]
        record.origins[("identity",)] = (entries[0][0].number, entries[0][0].column)
        for _line, text in entries[1:]:
            record.extra_notes.append(text)
    if entries := sections.get("other_ingredients"):
        ingredients = [piece for _, text in entries for piece in split_list(text)]
        if ingredients:
            record.label["other_ingredients"] = ingredients
            record.origins[("other_ingredients",)] = (entries[0][0].number, entries[0][0].column)
    _text_field(record, "allergens", joined=True)
    _text_field(record, "directions", joined=True)
    if entries := sections.get("claims"):
        record.label["claims"] = [text for _, text in entries]
        for index, (line, _) in enumerate(entries):
            record.origins[("claims", index)] = (line.number, line.column)
    if entries := sections.get("disclaimer"):
        text = " ".join(re.sub(r"^[*†‡]+\s*", "", entries[0][1]).split())
        if text:
            record.label["disclaimer"] = text
            record.origins[("disclaimer",)] = (entries[0][0].number, entries[0][0].column)
        for line, other in entries[1:]:
            record.extra_notes.append(other)
            record.note(line, "a second DSHEA disclaimer, kept under notes")
    if entries := sections.get("warnings"):
        warnings: list[str] = []
        for line, text in entries:
            if not text:
                continue
            pieces = [text] if _IRON.search(text) else _sentences(text)
            for piece in pieces:
                record.origins[("warnings", len(warnings))] = (line.number, line.column)
                warnings.append(piece)
        if warnings:
            record.label["warnings"] = warnings
    if record.extra_notes:
        record.label["notes"] = list(record.extra_notes)


def _text_field(record: Record, kind: str, joined: bool) -> None:
    entries = [(line, text) for line, text in record.sections.get(kind, []) if text]
    if entries:
        record.label[kind] = " ".join(text for _, text in entries)
        record.origins[(kind,)] = (entries[0][0].number, entries[0][0].column)
