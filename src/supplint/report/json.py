"""`json` (one array) and `json-lines` (one object a line): each finding's ``Finding.to_dict``, machine-readable and
versioned (docs/output.md)."""

from __future__ import annotations

import json

from ..findings import Finding
from .reporter import Reporter
from .visible import json_safe


class JsonReporter(Reporter):
    # One finding per line: json's C encoder only runs without `indent`, and this is ~5x faster on big runs.
    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.out.write(
                ("[\n  " if not self.tally.files and f is findings[0] else ",\n  ")
                + json_safe(json.dumps(f.to_dict(), ensure_ascii=False))
            )

    def close(self, checked: int) -> None:
        self.out.write("\n]\n" if self.tally.files else "[]\n")


class JsonLinesReporter(Reporter):
    def write(self, findings: list[Finding]) -> None:
        self.out.writelines(json_safe(json.dumps(f.to_dict(), ensure_ascii=False)) + "\n" for f in findings)

    def close(self, checked: int) -> None:
        pass
