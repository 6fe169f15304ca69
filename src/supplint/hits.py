"""The one record that says "a problem at a place" before it is a finding, and the edits a fix is made of.

Everything that finds something makes a ``Hit``: the loader (SUP001/SUP002), validation and normalisation
(SUP002-SUP006), page parsers, the pages' and stacks' own checks, suppression comments (SUP009) and every rule kind.
The engine alone turns a hit into a ``Finding`` (engine.Linter.finding): it stamps the rule (code, name, severity
after overrides) and places it (a YAML path becomes a line and column through the document; a span is used as it
is). A hit made by a rule's evaluator has no ``code``: the engine knows which rule ran. A built-in problem names
its code (codes.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Span


@dataclass(frozen=True, slots=True)
class ValueEdit:
    """A safe fix, said in terms of the label: change the text of the scalar at ``path``.

    With ``old`` set, only that token is replaced (every whole-token occurrence); otherwise the whole scalar
    becomes ``new``. The engine turns it into a text edit at exact positions, or drops it if it cannot.
    """

    path: tuple
    new: str
    old: str | None = None


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text from (line, column) up to (end_line, end_column), 1-based and end-exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "content": self.content,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """What was found and where.

    The place is ``span`` when it is already known in the file's text (pages, suppression comments, bytes that
    do not decode, YAML syntax); otherwise ``path``, a path into the document in pydantic's ``loc`` shape, which
    the engine looks up only when the finding is made (``at_key``: the key that names it rather than its value).
    An empty path and no span is the file's start. A stack rule's hit is about one product of the stack
    (``member``, its unique name in the stack) and one nutrient (``nutrient``, its id); the stack places it at that
    product's amount. ``fix`` is either value edits (a rule's, placed through the document) or text edits already
    at positions (suppression comments); all of it applies or none.
    """

    path: tuple
    message: str
    hint: str | None = None
    at_key: bool = False
    fix: tuple[ValueEdit | TextEdit, ...] = ()
    span: Span | None = None
    code: str | None = None
    member: str | None = None
    nutrient: str | None = None

    @classmethod
    def at(cls, code: str, message: str, span: Span, hint: str | None = None) -> Hit:
        """A built-in problem at a known place in the text."""
        return cls((), message, hint, span=span, code=code)

    @classmethod
    def point(cls, code: str, message: str, line: int, column: int, hint: str | None = None) -> Hit:
        """A built-in problem at one character of the text (a page parser's)."""
        return cls.at(code, message, Span(line, column, line, column), hint)
