"""`github`: GitHub Actions workflow commands, read by the runner line by line and shown as annotations."""

from __future__ import annotations

import sys
from typing import TextIO

from ..findings import Finding
from .lines import unicode_ok
from .locations import span
from .reporter import ReportContext, Reporter
from .visible import visible

GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF percent-encoded (the runner decodes them), and the other
    characters that could end the command's line or hide what it says shown as <U+XXXX> (visible.py)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, plus : and , (which would end the value)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::path:line:col: CODE message`` per
    finding (info is a notice). The message text keeps path:line:col so the log alone says where each problem
    is; annotations are also shown on the changed files. No summary line among the commands: the usual one goes
    to standard error (not with --quiet)."""

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        encoding = getattr(out, "encoding", None)
        self._encoding = None if unicode_ok(out) else encoding

    def write(self, findings: list[Finding]) -> None:
        self.out.writelines(self._encodable(self.command(f)) + "\n" for f in findings)

    @staticmethod
    def command(f: Finding) -> str:
        line, column, end_line, end_column = span(f)
        properties = (
            f"file={escape_property(f.file)},line={line},col={column},endLine={end_line},"
            f"endColumn={end_column},title={escape_property(f'{f.code} {f.name}')}"
        )
        text = f"{f.file}:{line}:{column}: {f.code} {f.message}" + (f"\nhelp: {f.hint}" if f.hint else "")
        return f"::{GITHUB_COMMAND.get(f.severity, 'warning')} {properties}::{escape_data(text)}"

    def _encodable(self, text: str) -> str:
        if self._encoding is None:
            return text
        return text.encode(self._encoding, "replace").decode(self._encoding)

    def close(self, checked: int) -> None:
        if not self.quiet:
            (self.context.err or sys.stderr).write(self.tally.summary(checked) + "\n")
