"""Offsets in a text ↔ (line, column), for the page parsers.

Each text's line starts are found once and every lookup is a bisection. Counting the newlines before an offset, or
looking back for the last one, costs the length of the text (or of the line) each time, and a page that needs a
position for every piece of a long line (a line of backslash escapes, of comments) became quadratic.
"""

from __future__ import annotations

from bisect import bisect_right


class Lines:
    __slots__ = ("_first", "_last", "starts", "text")

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self.starts = starts
        self._first: list[int] | None = None  # per line: where its first non-blank character is (its end if none)
        self._last: list[int] | None = None  # per line: where its trailing white space starts

    def line_of(self, offset: int) -> int:
        """0-based line of ``offset`` (a newline belongs to the line it ends)."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def locate(self, offset: int) -> tuple[int, int]:
        """(0-based line, 0-based column) of ``offset``."""
        line = self.line_of(offset)
        return line, offset - self.starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the newline that ends ``line`` (0-based), or the text's length on the last line."""
        return self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)

    def own_line(self, start: int, end: int) -> bool:
        """True when nothing but white space shares the lines of ``text[start:end]``."""
        if self._first is None or self._last is None:
            self._first, self._last = [], []
            for begin, line in zip(self.starts, self.text.split("\n"), strict=False):
                self._first.append(begin + len(line) - len(line.lstrip()))
                self._last.append(begin + len(line.rstrip()))
        return self._first[self.line_of(start)] >= start and self._last[self.line_of(end)] <= end
