"""`supplint check panel.txt`: a Supplement Facts panel copied as text, imported in memory by ``supplint import text``'s
importer and checked as a label.

Called by engine.Linter for files whose name ends in .txt. The imported label goes through the label pipeline
(``Engine.check_label``) with a document whose positions are the importer's origins, so findings point at the panel's
lines. A panel line the importer could not read is a finding at that line: SUP003 or SUP004 when its amount is
what could not be read (an unknown unit, "1,5 mg"), SUP002 otherwise (a row with no amount, or no name). The
importer's other notes (text kept under `notes`, a blend without a total) fit no rule; the run prints them as notes
(``panel_notes``). A .txt that holds no panel, or one with several serving columns, is one SUP001 finding that says
so and points at `supplint import text`. No fix is offered: the edits would be to YAML that does not exist.
"""

from __future__ import annotations

import copy
from functools import lru_cache

from ..codes import INVALID_LABEL, INVALID_YAML, MALFORMED_AMOUNT, UNKNOWN_UNIT
from ..findings import FILE_START, Span
from ..hits import Hit
from .contract import Checked, Engine
from .dsld import OriginDocument

_CODES = {"unknown_unit": UNKNOWN_UNIT, "malformed_amount": MALFORMED_AMOUNT}
_HINT = (
    "fix the line in the panel, or run `supplint import text` on it and edit the label it writes; "
    "a .txt file given to `supplint check` is read as a Supplement Facts panel copied as text"
)
_NOT_A_PANEL = (
    "a .txt file given to `supplint check` is read as a Supplement Facts panel copied as text; "
    "`supplint import text FILE` shows what supplint reads from it"
)


@lru_cache(maxsize=4)  # `check` and the run's notes read the same text once
def _convert(text: str, filename: str):
    from ..importers.text import (
        convert,  # the importer (and ftfy) is read only when a .txt file is checked
    )

    return convert(text, filename)


def panel_document(text: str, filename: str) -> OriginDocument | None:
    """The panel imported as a label, with its origins; None when the text is not a panel."""
    from ..importers import ImportFailed

    try:
        conversion = _convert(text, filename)
    except ImportFailed:
        return None
    return OriginDocument(copy.deepcopy(conversion.label), origins=conversion.origins)


def check_panel(engine: Engine, text: str, filename: str) -> Checked:
    from ..importers import ImportFailed

    try:
        conversion = _convert(text, filename)
    except ImportFailed as exc:
        at = Span(exc.line, exc.column, exc.line, exc.column) if exc.line and exc.column else FILE_START
        return Checked(
            engine.findings(
                [Hit.at(INVALID_YAML, f"not read as a Supplement Facts panel: {exc}", at, _NOT_A_PANEL)], filename
            )
        )
    unread = [
        Hit.point(_CODES.get(kind, INVALID_LABEL), note.split(": ", 1)[-1], line, column, _HINT)
        for line, column, kind, note in conversion.problems
    ]
    doc = OriginDocument(copy.deepcopy(conversion.label), origins=conversion.origins)
    checked = engine.check_label(doc, text, filename)
    checked.findings[:0] = engine.findings(unread, filename)
    return checked


def panel_notes(text: str, filename: str) -> list[str]:
    """The importer's notes that are not findings, each naming the file ("panel.txt: line 4: ...")."""
    from ..importers import ImportFailed

    try:
        conversion = _convert(text, filename)
    except ImportFailed:
        return []
    findings = {note for _, _, _, note in conversion.problems}
    return [f"{filename}: {note}" for note in conversion.notes if note not in findings]
