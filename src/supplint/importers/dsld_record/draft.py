"""The label being built from one DSLD record, with where each part of it came from and what was left out."""

from __future__ import annotations


class Draft:
    def __init__(self, record: dict, base: tuple, positions: dict, notes: list[str]):
        self.record = record
        self.base = base  # the record's JSON path inside its wrappings
        self.positions = positions
        self.notes = notes
        self.origins: dict[tuple, tuple[int, int]] = {}
        self.label: dict = {}
        # the serving size carried over: rows take the amounts DSLD gives for it
        self.serving_order: float | None = None
        self.other_servings = False

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def origin(self, label_path: tuple, *json_path) -> None:
        found = self.positions.get((*self.base, *json_path))
        if found is not None:
            self.origins[label_path] = found

    def forget(self, dst: tuple) -> None:
        """Drop the origins under a label path that will not be written."""
        for path in [path for path in self.origins if path[: len(dst)] == dst]:
            del self.origins[path]

    def add_note(self, text: str, json_path: tuple) -> None:
        notes = self.label.setdefault("notes", [])
        self.origin(("notes", len(notes)), *json_path)
        if not notes:
            self.origin(("notes",), *json_path)
        notes.append(text)
