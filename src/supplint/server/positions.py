"""Positions between supplint and the editor.

supplint counts 1-based lines and columns in code points, with lines broken where the kind's parser breaks them:
labels and DSLD records as YAML does (NEL, LS and PS too), pages at CR LF, CR and LF only. The protocol counts
0-based lines broken at CR LF, CR and LF, and columns in UTF-16 code units unless client and server agreed on
UTF-8 or UTF-32. A label with a line separator in a comment must still get its squiggles on the right line, so
supplint's positions go through an offset in the text, never straight from one line number to the other.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..edit.fixes import split_lines
from ..filetypes import is_page

_PROTOCOL_BREAK = re.compile("\r\n|[\r\n]")


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)  # astral characters are two UTF-16 units


class Positions:
    """Offsets, supplint positions and protocol positions of one text."""

    def __init__(self, text: str, filename: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        breaks = list(_PROTOCOL_BREAK.finditer(text))
        self._starts = [0] + [m.end() for m in breaks]
        self._ends = [m.start() for m in breaks] + [len(text)]
        self._page = is_page(filename)
        self._yaml: tuple[list[int], list[int]] | None = None

    # supplint → offset → protocol

    def offset_of(self, line: int, column: int) -> int:
        """The offset of a 1-based supplint (line, column), clamped to its line (an end past it stays on it)."""
        if self._page:
            starts, ends = self._starts, self._ends
        else:
            if self._yaml is None:
                self._yaml = _yaml_lines(self.text)
            starts, ends = self._yaml
        if line < 1:
            return 0
        if line > len(starts):
            return len(self.text)
        return min(starts[line - 1] + max(column, 1) - 1, ends[line - 1])

    def position(self, offset: int) -> tuple[int, int]:
        """The protocol's 0-based (line, character) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        row = bisect_right(self._starts, offset) - 1
        return row, _units(self.text[self._starts[row] : offset], self.encoding)

    # protocol → offset

    def offset_at(self, line: int, character: int) -> int:
        """The offset of a protocol (line, character); past a line's end means its end, past the text its end."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[line], self._ends[line]
        if self.encoding == "utf-32":
            return min(start + max(character, 0), end)
        used, index = 0, start
        while index < end and used < character:
            used += _units(self.text[index], self.encoding)
            index += 1
        return index

    def range_of(self, begin: int, end: int) -> tuple[tuple[int, int], tuple[int, int]]:
        return self.position(begin), self.position(end)


def _yaml_lines(text: str) -> tuple[list[int], list[int]]:
    starts, ends, offset = [], [], 0
    for line in split_lines(text):
        starts.append(offset)
        offset += len(line)
        ends.append(offset)
        offset += 2 if text.startswith("\r\n", offset) else 1
    return starts, ends
