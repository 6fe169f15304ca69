"""`supplint import text`: a Supplement Facts panel copied as text (from a PDF, a product page, a photo's OCR) →
a label in the format of label-format.md.

How it reads the text:

1. The lines are repaired (mojibake undone with ftfy, NFKC; ``panel/repair.py``) and normalised (non-breaking
   spaces, table pipes, tabs and dot leaders as column gaps), keep their number, indentation and source columns, and
   run-on copy is cut at each heading it runs into ("... softgel ingredients: vitamin d ... other ingredients: ...").
   Rows listed after "ingredients:" become one line each.
2. The panel starts at a "Supplement Facts" heading (or, without one, at the first "Serving Size" line, "Each
   capsule contains:" line, "Medicinal Ingredients" heading or row listed after "ingredients:"). Lines above it name
   the product (the first one), the statement of identity, and any other printed text. A second "Supplement Facts"
   ends the import there, with a note; several serving columns end it with ImportFailed (never a guess).
3. Panel lines are read one by one: serving size, servings per container, column headings and footnotes, then rows.
   A row is read from the right: the %DV ("625%", "<1%", "*", "†"), then the amount, found as the leftmost word
   from which supplint's own amount grammar (``supplint.quantity.amounts.parse_amount``) reads the rest of the text;
   what is left is the name, with "(as …)" split off into `as`. A name on one line and its amount on the next are
   joined.
4. Blend members are the rows under a blend row that are indented further, marked with a leading or trailing
   "†"/"*"/bullet, have no amount, or (in a panel without indentation) fit into the blend's remaining total; or
   they are listed after the blend's name or amount in parentheses or after a colon.
5. The panel ends at the first statement after it (other ingredients, allergens, directions, warnings, a claim, the
   DSHEA disclaimer). Those are read by their headings; a line without a heading that follows one continues it.

Nothing is dropped silently: a panel line that cannot be read gives a note naming its line number and text, and
printed text that fits no field is kept under `notes` (with a note when nothing recognised it).
"""

from __future__ import annotations

import os
import re

from . import Conversion, ImportFailed
from .panel.blends import nest
from .panel.columns import LISTED, MEDICINAL, column_headings, listed_rows
from .panel.lines import (
    CALORIES,
    FOOTNOTE,
    HEADER,
    HEADINGS,
    MARKED_FOOTNOTE,
    RULER,
    Line,
    split_lines,
)
from .panel.record import Record
from .panel.rows import Item, merge, parse_row
from .panel.sections import (
    GENERIC_IDENTITY,
    classify,
    disclaimer_at,
    fill_label,
    read_prose,
)
from .panel.serving import (
    EACH,
    PER_CONTAINER,
    SERVING,
    per_day,
    read_each,
    read_per_container,
    read_serving,
)

PLACEHOLDER_PRODUCT = "Unnamed product (imported)"


def header(filename: str, conversion: Conversion) -> str | None:
    return f"Imported by supplint import text from {os.path.basename(filename)}: check it against the label"


def import_panel(text: str, filename: str = "panel.txt") -> tuple[str | None, list[str]]:
    """A Supplement Facts panel pasted as text → (the label as YAML text, the importer's notes), for callers that
    have text rather than a file (``supplint serve``, a CMS hook). The YAML is what ``supplint import text`` writes,
    its header comment included; the notes are one sentence each, most starting "line N:". When no panel can be
    read (no panel at all, or one with several serving columns, which is never guessed at) the label is None and
    the one note says why. Never raises for any text."""
    try:
        conversion = convert(text, filename)
    except ImportFailed as exc:
        where = f"line {exc.line}: " if exc.line else ""
        return None, [f"{where}{exc}"]
    from . import dump_label

    return dump_label(conversion.label, header(filename, conversion)), list(conversion.notes)


def convert(text: str, filename: str) -> Conversion:
    if not text.strip():
        raise ImportFailed("the file is empty")
    lines, listed = _listed(split_lines(text))
    return _Reader(lines, listed).read()


def _listed(lines: list[Line]) -> tuple[list[Line], int | None]:
    """Retailer copy's "ingredients: vitamin d (as d3) 2,000 iu, zinc 10 mg" made one row per line (one pass, so a
    long paste stays linear), and the index of the first such row (where a panel without a heading starts)."""
    out: list[Line] = []
    first = None
    for line in lines:
        match = LISTED.match(line.text)
        pieces = listed_rows(line.part(match.end())) if match else []
        if pieces and first is None:
            first = len(out)
        out.extend(pieces or [line])
    return out, first


def _note_order(note: str) -> int:
    match = re.match(r"line (\d+):", note)
    return int(match[1]) if match else 1 << 30


class _Reader(Record):
    def __init__(self, lines: list[Line], listed: int | None = None):
        super().__init__()
        self.lines = lines
        self.listed = listed  # the first row listed after "ingredients:", if any

    def read(self) -> Conversion:
        start = next((i for i, line in enumerate(self.lines) if HEADER.match(line.text)), None)
        if start is None:
            start = next(
                (
                    i
                    for i, line in enumerate(self.lines)
                    if SERVING.match(line.text)
                    or EACH.match(line.text)
                    or MEDICINAL.match(line.text)
                    or i == self.listed
                ),
                None,
            )
            if start is None:
                raise ImportFailed(
                    "no Supplement Facts panel found (no line reads 'Supplement Facts', 'Serving "
                    "Size' or 'Each capsule contains')"
                )
            heading = None
        else:
            heading = self.lines[start]
        self._prelude(self.lines[:start])
        end, items = self._panel(start, heading)
        facts = nest(self, merge(self, items))
        if not facts and not any(item.kind == "row" for item in items):
            where = f"line {heading.number}" if heading else "the serving size"
            first = f" (first, {self.problems[0][3]})" if self.problems else ""
            raise ImportFailed(
                f"found a panel at {where} but could not read any of its rows{first}",
                *(self.problems[0][:2] if self.problems else (None, None)),
            )
        self.label["facts"] = facts
        read_prose(self, self.lines[end:])
        self._finish()
        self.notes.sort(key=_note_order)
        return Conversion(self.label, self.notes, self.origins, self.problems)

    def _prelude(self, lines: list[Line]) -> None:
        content = [line for line in lines if line.text and not RULER.match(line.text)]
        if content:
            first = content[0]
            kind, _ = classify(first.text)
            if kind in (None, "notes", "identity") and not GENERIC_IDENTITY.match(first.text):
                self.label["product"] = " ".join(first.text.split())
                self.origins[("product",)] = (first.number, first.column)
                content = content[1:]
        read_prose(self, content)

    def _panel(self, start: int, heading: Line | None) -> tuple[int, list[Item]]:
        items: list[Item] = []
        lines = list(self.lines)
        if heading is not None:
            header = HEADER.match(heading.text)
            assert header is not None  # a heading is a line HEADER matches
            rest = header["rest"].strip()
            if rest:  # "Supplement Facts Serving Size 2 Capsules" on one line
                lines[start] = heading.part(len(heading.text) - len(rest))
            else:
                start += 1
        after_footnote = False
        index = start
        while index < len(lines):
            line = lines[index]
            text = line.text
            if not text or RULER.match(text):
                index += 1
                continue
            if HEADER.match(text) and not items:  # the heading repeated (a copy with the image's alt text)
                index += 1
                continue
            if HEADER.match(text):  # two products on one page: their rows are never mixed into one label
                self.note(
                    line,
                    "a second 'Supplement Facts' panel starts here (another product, or another "
                    "serving?): only the first panel was imported, and nothing from this line on; "
                    "import the second panel on its own",
                )
                return len(lines), items
            if match := SERVING.match(text):
                read_serving(self, line, match, lines, index)
                if match["spc"] is not None:
                    read_per_container(self, line, match["spc"])
                index += 1
                continue
            if match := PER_CONTAINER.match(text):
                read_per_container(self, line, match["spc"])
                index += 1
                continue
            if (columns := column_headings(text)) is not None:
                raise ImportFailed(
                    f"the panel has {columns} columns of amounts ('{text}'): supplint does not guess "
                    "which serving is taken; keep the one column that applies and import again",
                    line.number,
                    line.column,
                )
            if match := EACH.match(text):
                read_each(self, line, match)
                if match["rest"].strip():  # "Each tablet contains: Zinc 10 mg"
                    lines[index] = line.part(match.start("rest"))
                    continue
                index += 1
                continue
            if MEDICINAL.match(text) or HEADINGS.match(text):
                index += 1
                continue
            if (match := LISTED.match(text)) and not items:
                # "ingredients: <a row whose amount cannot be read>" (rows that can be read were split off by
                # _listed): say why, rather than reading it as the other ingredients
                unread = parse_row(line.part(match.end()))
                if unread.kind == "bad" and unread.error:
                    self.unread(line.part(match.end()), unread.error, unread.error_kind)
                    index += 1
                    continue
            if disclaimer_at(text):  # not None, not 0
                break  # claims and the disclaimer on one line
            kind, _ = classify(text)
            if kind in ("directions", "warnings") and not items:  # "Suggested Usage: ..." between heading and rows
                read_prose(self, [line])
                index += 1
                continue
            if kind in ("disclaimer", "other_ingredients", "allergens", "directions", "warnings") or (
                kind in ("claims", "notes") and parse_row(line).kind not in ("row", "bad")
            ):
                break
            if MARKED_FOOTNOTE.match(text) or FOOTNOTE.match(text):
                after_footnote = True
                index += 1
                continue
            if CALORIES.match(text):
                calories = _calories_row(line)
                if calories is None:  # "Calories" with no number: nothing to declare
                    self.extra_notes.append(text)
                    self.note(line, f"'{text}' kept under notes: it gives no number of calories")
                else:
                    items.append(calories)
                index += 1
                continue
            # a name whose parenthesis closes on a following line, or a list that goes on: join them
            joined, used = text, 0
            while (
                used < 3
                and index + used + 1 < len(lines)
                and lines[index + used + 1].text
                and (joined.count("(") > joined.count(")") or (joined.endswith(",") and ":" in joined))
            ):
                joined = f"{joined} {lines[index + used + 1].text}"
                used += 1
            if used and joined.count("(") != joined.count(")"):
                joined, used = text, 0
            item = parse_row(line, joined)
            if item.kind == "columns":
                raise ImportFailed(
                    f"'{text}' has two amounts, one per column: supplint does not guess which "
                    "serving is taken; keep the one column that applies and import again",
                    line.number,
                    line.column,
                )
            if used and item.amount is not None and item.amount not in text:  # the amount is on a later line
                for later in lines[index + 1 : index + 1 + used]:
                    found = later.text.rfind(item.amount)
                    if found >= 0:
                        item.amount_line, item.amount_column = later, later.col(found)
                        if item.dv and item.dv in later.text:
                            item.dv_at = (later.number, later.col(later.text.rfind(item.dv)))
            if after_footnote and item.kind != "row":
                break  # past the footnotes: prose
            items.append(item)
            index += 1 + used
        return index, items

    def _finish(self) -> None:
        if "product" not in self.label:
            self.label["product"] = PLACEHOLDER_PRODUCT
            self.notes.append(
                f"no product name above 'Supplement Facts': product is '{PLACEHOLDER_PRODUCT}'; "
                "write the name as printed"
            )
        fill_label(self)
        serving = self.label.get("serving")
        if serving and self.label.get("directions"):
            allowed = per_day(serving["size"], self.label["directions"])
            if allowed is not None:
                serving["per_day"] = allowed


_CALORIES_ROW = re.compile(r"^(?P<name>.*?)[\s:]*(?P<amount>\d[\d,.]*(?:\s*kcal)?)\s*$", re.IGNORECASE)


def _calories_row(line: Line) -> Item | None:
    """A Calories line (``CALORIES``) as a facts row, its amount kept as printed: the label format reads a bare
    number on that row as kcal (panel-rows.yaml), so "Calories 15" stays "15". None when it prints no number."""
    match = _CALORIES_ROW.match(line.text)
    if match is None:
        return None
    return Item(line, "row", name=match["name"], amount=match["amount"], amount_column=line.col(match.start("amount")))
