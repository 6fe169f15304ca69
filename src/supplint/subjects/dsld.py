"""`supplint check record.json`: an NIH DSLD v9 label record, converted by the importer and linted as a label.

Called by engine.Linter for files whose name ends in .json. The converted label goes through the label pipeline
(``Engine.check_label``) with a document whose positions come from the importer's origins, so findings point at the
record's JSON lines; no fix is offered (the edits would be to YAML that does not exist). A record the importer
cannot read at all is one SUP001 finding, at the place the importer names (a JSON syntax error, a number too long
to read), else at line 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yaml.nodes import Node

from ..codes import INVALID_YAML
from ..findings import FILE_START, Span
from ..hits import Hit
from ..label.loader import Document, Path
from .contract import Checked, Engine


@dataclass(slots=True)
class OriginDocument(Document):
    """A converted label with the source positions of its parts: the span of a path is the origin of its deepest
    known prefix (line 1 when none is known). There is no node tree, so no fix can be computed."""

    origins: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def node(self, path: Path) -> Node | None:
        return None

    def value_span(self, path: Path) -> Span:
        for end in range(len(path), -1, -1):
            found = self.origins.get(tuple(path[:end]))
            if found is not None:
                line, column = found
                return Span(line, column, line, column)
        return FILE_START

    def key_span(self, path: Path) -> Span:
        return self.value_span(path)


def dsld_document(text: str, filename: str) -> OriginDocument | None:
    """The record converted to a label, with its origins; None when it is not a DSLD record."""
    from ..importers import ImportFailed

    try:
        return _document(text, filename)
    except ImportFailed:
        return None


def _document(text: str, filename: str) -> OriginDocument:
    from ..importers.dsld import (
        convert,  # the importer is read only when a .json file is checked
    )

    conversion = convert(text, filename)
    return OriginDocument(conversion.label, origins=conversion.origins)


def check_dsld(engine: Engine, text: str, filename: str) -> Checked:
    from ..importers import ImportFailed

    try:
        doc = _document(text, filename)
    except ImportFailed as exc:
        at = Span(exc.line, exc.column, exc.line, exc.column) if exc.line and exc.column else FILE_START
        problem = Hit.at(
            INVALID_YAML, str(exc), at, "a .json file given to `supplint check` is read as one NIH DSLD v9 label record"
        )
        return Checked(engine.findings([problem], filename))
    return engine.check_label(doc, text, filename)
