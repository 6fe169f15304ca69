"""`concise`: one line per finding, ``path:line:col: CODE [severity] message``, then the summary line."""

from __future__ import annotations

from ..findings import Finding
from .lines import shown_line
from .reporter import Reporter


class ConciseReporter(Reporter):
    def write(self, findings: list[Finding]) -> None:
        colour = self.context.colour
        self.out.writelines(shown_line(f, colour) + "\n" for f in findings)
