"""What reading a panel has found so far: the label, its notes, and where each part came from."""

from __future__ import annotations

from .lines import Line


class Record:
    def __init__(self) -> None:
        self.label: dict = {}
        self.notes: list[str] = []
        self.origins: dict[tuple, tuple[int, int]] = {}
        self.extra_notes: list[str] = []
        self.sections: dict[str, list[tuple[Line, str]]] = {}
        # the lines that could not be read, for `supplint check`: (line, column, kind, note)
        self.problems: list[tuple[int, int, str, str]] = []

    def note(self, line: Line, message: str) -> None:
        self.notes.append(f"line {line.number}: {message}")

    def unread(self, line: Line, why: str | None = None, kind: str = "unreadable") -> None:
        """``kind``: "unreadable", or the amount grammar's "unknown_unit" / "malformed_amount"."""
        self.note(line, f"could not read '{line.text}'" + (f" ({why})" if why else ""))
        self.problems.append((line.number, line.column, kind, self.notes[-1]))
