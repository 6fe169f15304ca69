"""`rdjson`: reviewdog's Diagnostic Format (`reviewdog -f=rdjson`), safe fixes as suggestions."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import Finding
from .lines import unicode_ok
from .links import rule_help_uri
from .locations import posix_path, span
from .reporter import ReportContext, Reporter
from .source import LineCache
from .visible import json_safe

RDJSON_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class RdjsonReporter(Reporter):
    """One DiagnosticResult for reviewdog (`reviewdog -f=rdjson`): each finding a diagnostic with its rule code and
    documentation link, and each safe fix a suggestion, so a review shows it as a one-click change. Columns are
    counted in UTF-8 bytes, as the format says, from the file's own lines."""

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        self._lines = LineCache(self.context.read)
        self._written = 0  # diagnostics are written as they come, like the other formats: nothing is held
        self._ascii = not unicode_ok(out)

    def _position(self, path: str, line: int, column: int) -> dict[str, int]:
        lines = self._lines(path)
        if lines is not None and 0 < line <= len(lines):
            column = len(lines[line - 1][: column - 1].encode("utf-8", "surrogatepass")) + 1
        return {"line": line, "column": column}

    def _range(self, path: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
        return {"start": self._position(path, line, column), "end": self._position(path, end_line, end_column)}

    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            path = posix_path(f.file)
            diagnostic: dict[str, Any] = {
                "message": f.message + (f"\nhelp: {f.hint}" if f.hint else ""),
                "location": {"path": path, "range": self._range(f.file, *span(f))},
                "severity": RDJSON_SEVERITY.get(f.severity, "WARNING"),
                "code": {"value": f.code, "url": rule_help_uri(f.code, f.name)},
            }
            if f.fix:
                diagnostic["suggestions"] = [
                    {
                        "range": self._range(f.file, e["line"], e["column"], e["end_line"], e["end_column"]),
                        "text": e["content"],
                    }
                    for e in f.fix["edits"]
                ]
            if not self._written:
                self.out.write(
                    '{"source": {"name": "supplint", "url": "https://github.com/supplint/supplint"},\n'
                    ' "diagnostics": [\n  '
                )
            else:
                self.out.write(",\n  ")
            self.out.write(json_safe(json.dumps(diagnostic, ensure_ascii=self._ascii)))
            self._written += 1

    def close(self, checked: int) -> None:
        if self._written:
            self.out.write("\n]}\n")
        else:
            self.out.write(
                '{"source": {"name": "supplint", "url": "https://github.com/supplint/supplint"}, "diagnostics": []}\n'
            )
