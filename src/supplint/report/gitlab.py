"""`gitlab`: GitLab Code Quality, a subset of the Code Climate issue format (machine-readable)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import Finding
from .lines import unicode_ok
from .locations import Fingerprints, posix_path, span
from .reporter import ReportContext, Reporter
from .visible import json_safe

GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter(Reporter):
    """A JSON array of Code Quality issues: description, check_name, fingerprint, severity and location (path and
    lines), written one issue per line as findings come."""

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        self._issues = 0
        self._fingerprint = Fingerprints()
        self._ascii = not unicode_ok(out)

    def issue(self, f: Finding) -> dict[str, Any]:
        line, _column, end_line, _end_column = span(f)
        description = f"{f.code} {f.message}" + (f" (help: {f.hint})" if f.hint else "")
        return {
            "description": description,
            "check_name": f"{f.code} {f.name}",
            "fingerprint": self._fingerprint(f),
            "severity": GITLAB_SEVERITY.get(f.severity, "minor"),
            "location": {"path": posix_path(f.file), "lines": {"begin": line, "end": end_line}},
        }

    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.out.write(
                ("[\n  " if not self._issues else ",\n  ")
                + json_safe(json.dumps(self.issue(f), ensure_ascii=self._ascii))
            )
            self._issues += 1

    def close(self, checked: int) -> None:
        self.out.write("\n]\n" if self._issues else "[]\n")
