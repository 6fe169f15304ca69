"""The finding record every formatter consumes: one flat, ordered, serialisable row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

#: The one definition of severities: rule packs, configuration, options and reports use it. Written most severe
#: first, the order messages and help list them in; ``SEVERITIES`` is least severe first, as they rank.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = tuple(reversed(get_args(Severity)))
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    hint: str | None = None
    fix: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """1-based start and end of a region in a file."""

    line: int
    column: int
    end_line: int
    end_column: int


FILE_START = Span(1, 1, 1, 1)
