"""`full`: the concise line of each finding, then its source lines with a caret under the span, its hint and a note
when a fix is available; a blank line between findings, then the summary. The source comes from the context's
``read`` (files on disk by default; the run adds standard input's text), and a file that cannot be had shows no
source lines."""

from __future__ import annotations

import unicodedata

from ..findings import Finding
from .lines import FIX_HINT, shown_line
from .reporter import Reporter
from .source import LineCache
from .visible import visible

#: At most this many lines of a finding's span are shown (plus one line of context before it).
MAX_SPAN_LINES = 5
TAB_SIZE = 4


class FullReporter(Reporter):
    def write(self, findings: list[Finding]) -> None:
        lines_of = LineCache(self.context.read)  # per file: only one file's lines are held at a time
        for f in findings:
            if self.tally.files or f is not findings[0]:
                self.out.write("\n")
            self.out.write(shown_line(f, self.context.colour) + "\n")
            lines = lines_of(f.file)
            if lines is not None:
                self.out.writelines(row + "\n" for row in excerpt(lines, f))
            if f.hint:
                self.out.write(f"  = help: {visible(f.hint)}\n")
            if f.fix is not None:
                self.out.write(f"  = {FIX_HINT}\n")

    def close(self, checked: int) -> None:
        if not self.quiet and self.tally.files:
            self.out.write("\n")
        super().close(checked)


def excerpt(lines: list[str], f: Finding) -> list[str]:
    """The gutter-numbered source rows for one finding: one line of context, the span (at most MAX_SPAN_LINES
    lines) and a caret row under the span's columns on its first line. Empty when the line is not in the file."""
    if not 1 <= f.line <= len(lines):
        return []
    first = max(1, f.line - 1)
    span_end = min(max(f.end_line, f.line), len(lines))
    last = min(span_end, f.line + MAX_SPAN_LINES - 1)
    cut = span_end > last
    width = len(str(last))
    blank = " " * width + " |"
    rows = [blank]
    for number in range(first, last + 1):
        rows.append(f"{number:>{width}} | {_display(lines[number - 1])}".rstrip())
        if number == f.line:
            rows.append(f"{blank} {_carets(lines[number - 1], f)}")
    if cut:
        rows.append(f"{blank} ...")
    rows.append(blank)
    return rows


def _carets(line: str, f: Finding) -> str:
    """Spaces up to the span's first column, then one ^ per display cell of the span on this line (at least one)."""
    start = max(f.column, 1) - 1
    end = max(f.end_column - 1 if f.end_line == f.line else len(line), start)
    return " " * _cells_before(line, start) + "^" * max(1, _cells_before(line, end) - _cells_before(line, start))


def _cells_before(line: str, index: int) -> int:
    """Display cells of the first ``index`` characters as shown; columns past the end of the line count one each."""
    return _width(_display(line[:index])) + max(0, index - len(line))


def _display(line: str) -> str:
    """A source line as shown: tabs as spaces, and controls as <U+XXXX>, so that a label cannot send escape
    sequences to the terminal or reorder what the excerpt shows."""
    return visible(line.expandtabs(TAB_SIZE))


def _width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two, combining marks none."""
    cells = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells
