"""Findings as the protocol's diagnostics: rule code, severity, a link to the rule's documentation, UTF-16 ranges."""

from __future__ import annotations

from lsprotocol import types

from ..findings import Finding
from ..report.links import rule_help_uri
from .positions import Positions

SOURCE = "supplint"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def span_range(positions: Positions, line: int, column: int, end_line: int, end_column: int) -> types.Range:
    """A supplint span (1-based, code points, end exclusive) as a protocol range."""
    begin = positions.offset_of(line, column)
    end = max(begin, positions.offset_of(end_line, end_column))
    (l0, c0), (l1, c1) = positions.range_of(begin, end)
    return types.Range(types.Position(l0, c0), types.Position(l1, c1))


def finding_range(positions: Positions, finding: Finding) -> types.Range:
    return span_range(positions, finding.line, finding.column, finding.end_line, finding.end_column)


def diagnostic(positions: Positions, finding: Finding) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(positions, finding),
        message=finding.message,
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.code,
        code_description=types.CodeDescription(href=rule_help_uri(finding.code, finding.name)),
        source=SOURCE,
    )


def config_diagnostic(message: str) -> types.Diagnostic:
    """The document's config cannot be used (unknown key, bad value): said once, at the top, instead of findings."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"supplint cannot check this file: {message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
