"""Source lines: cleaned of invisible characters and odd spaces, column gaps made uniform, each character's source
column kept; and the panel's fixed lines (heading, column headings, footnotes, calories, rulers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .repair import repair

_INVISIBLE_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_SPACES = str.maketrans(
    {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\f": " ", "\v": " "}
)
RULER = re.compile(r"^[\s\-–—_=~·.•|│┃─━═+*:]*$")  # ":" for a Markdown table's alignment row, |:---|---:|


@dataclass
class Line:
    number: int  # 1-based
    text: str  # stripped; tabs, wide gaps, dot leaders and table pipes turned into a two-space column gap
    indent: int  # leading white space, a tab counting four
    positions: list[int] = field(default_factory=list)  # for each character of text, its 0-based source column

    @property
    def column(self) -> int:
        """1-based source column of the text's first character."""
        return self.col(0)

    def col(self, index: int) -> int:
        """1-based source column of text[index] (clamped: a joined or shortened text stays on this line)."""
        if not self.positions:
            return 1
        return self.positions[max(0, min(index, len(self.positions) - 1))] + 1

    def part(self, start: int, stop: int | None = None) -> Line:
        """The line cut to text[start:stop], white space around it dropped, columns kept."""
        stop = len(self.text) if stop is None else stop
        while start < stop and self.text[start].isspace():
            start += 1
        while stop > start and self.text[stop - 1].isspace():
            stop -= 1
        return Line(self.number, self.text[start:stop], self.indent, self.positions[start:stop])


def _is_gap(raw: str, index: int, table: bool) -> int:
    """How many characters of column gap start at raw[index] (0: none), and whether it is a wide one (negative)."""
    char = raw[index]
    if char in {"\t", "…"} or (table and char == "|"):
        return -1
    if char == ".":
        run = index
        while run < len(raw) and raw[run] == ".":
            run += 1
        return -(run - index) if run - index >= 3 else 0
    return 1 if char.isspace() else 0


def _normalise(raw: str) -> tuple[str, list[int]]:
    """A source line's text with each gap made one space (a narrow one) or two (a wide one), and where each
    character came from. Linear, so that no later pattern meets a long run of white space."""
    # A table flattened by a copy from a web page: "Vitamin C | 500 mg | 556% |", with or without the outer pipes.
    # A pipe is never part of a name or an amount, so every one is a column gap.
    table = "|" in raw
    out: list[str] = []
    positions: list[int] = []
    index = 0
    while index < len(raw):
        if raw[index] in _INVISIBLE_CHARS:
            index += 1
            continue
        if not _is_gap(raw, index, table):
            out.append(raw[index])
            positions.append(index)
            index += 1
            continue
        start, wide, spaces = index, False, 0
        while index < len(raw) and (step := _is_gap(raw, index, table)):
            wide = wide or step < 0
            spaces += step > 0
            index += abs(step)
        if out:  # gaps at the start are dropped (the indentation is counted apart)
            out.extend("  " if wide or spaces > 1 else " ")
            positions.extend((start, start) if wide or spaces > 1 else (start,))
    while out and out[-1] == " ":
        out.pop()
        positions.pop()
    return "".join(out), positions


def split_lines(text: str) -> list[Line]:
    lines = []
    for number, source in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        raw, columns = repair(source)
        raw = raw.translate(_SPACES)
        lead = raw[: len(raw) - len(raw.lstrip(" \t"))]
        indent = lead.count(" ") + 4 * lead.count("\t")
        stripped, positions = _normalise(raw)
        if columns is not None:  # repaired: each character's column in the pasted text
            positions = [columns[p] if p < len(columns) else len(source) - 1 for p in positions]
        lines.extend(run_on(Line(number, stripped, indent, positions)))
    return lines


_N_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an)"
#: Where a retailer's run-on copy starts another part of the label ("... softgel ingredients: vitamin d ... other
#: ingredients: ..."): a heading that is not at the start of its line. Each needs its colon (or, for the serving
#: size, a number after it), so that prose which merely mentions a serving size is not cut.
_RUN_ON = re.compile(
    r"(?<=\S)\s+(?=(?:"
    rf"serving\s+size\s*(?::|(?=\d)|(?={_N_WORD}\b))"
    r"|servings?\s+per\s+(?:container|package|bottle)\b"
    r"|(?:[o0]ther|inactive|non-?medicinal|shell)\s+ingredients?\s*:"
    r"|(?:medicinal\s+)?ingredients\s*:"
    r"|(?:suggested|recommended)\s+(?:use|usage|dose)\s*:|directions(?:\s+for\s+use)?\s*:"
    r"|warnings?\s*:|cautions?\s*:|contains\s*:|allergens?\s*:"
    r"|amount\s+per\s+serving\b|amt\.?\s+per\s+serving\b"
    r"|each\s+\w+(?:\s+\([^()]{1,20}\))?\s+contains\b"
    r"))",
    re.IGNORECASE,
)


_QUALIFIED = re.compile(r"\b(?:[o0]ther|inactive|non-?medicinal|shell|medicinal)$", re.IGNORECASE)
_EACH_BEFORE = re.compile(
    r"\b(?:each|\d+|one|two|three|four|five|six)\s+[^\W\d_][\w-]*(?:\s+\([^()]{1,30}\))?$", re.IGNORECASE
)


def _continues(text: str, gap: int, heading: int) -> bool:
    """Is the heading at ``heading`` the end of a longer one that starts before the gap ("other | ingredients:",
    "each tablet | contains:")?"""
    rest = text[heading : heading + 20].lower()
    if rest.startswith(("ingredients", "medicinal")):
        return _QUALIFIED.search(text, max(0, gap - 20), gap) is not None
    if rest.startswith("contains"):
        return _EACH_BEFORE.search(text, max(0, gap - 50), gap) is not None
    return False


def run_on(line: Line) -> list[Line]:
    """A line cut where run-on copy starts another part of the label; each part keeps its line number and
    columns."""
    cuts = [m.end() for m in _RUN_ON.finditer(line.text) if not _continues(line.text, m.start(), m.end())]
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line.text)]
    return [part for start, stop in pairwise(bounds) if (part := line.part(start, stop)).text]


# Lines of the panel that are not rows.
HEADER = re.compile(r"^\W*supp?[l1i][e3]ments?\s+fact[s5]?\b[\s:.\-]*(?P<rest>.*)$", re.IGNORECASE)
HEADINGS = re.compile(
    r"^(?:amount\s+per\s+(?:serving|\d+\s*\w+)\b.*|amount\s+per\b.*|amt\.?\s+per\b.*|per\s+serving\b.*"
    # the column headings in any short form: "Amt Per Serving", "% DV", "%Daily Value*", "Daily", "Amount Per
    # Serving Amt Daily"
    r"|(?:(?:amount|amt\.?|qty|quantity|per|serving|daily|values?|%|dv|\(dv\)|[*†‡])\s*){1,8}"
    r"|%\s*(?:daily\s+value|dv)\b.*|(?:%\s*)?daily\s+value\s*(?:\(dv\))?\s*%?|amount\s*%?\s*(?:dv|daily\s+value).*"
    r"|(?:amount|qty|quantity)(?:\s+per\s+serving)?|%\s*dv\*?|% ?daily ?value\*?)$",
    re.IGNORECASE,
)
FOOTNOTE = re.compile(
    r"^[*†‡§¶]*\s*(?:\(?\s*(?:percent\s+)?daily\s+values?\b|%\s*daily\s+value|%\s*dv\b|dv\s+not\b|not\s+established"
    r"|daily\s+value\s*\(dv\)|proprietary\s+blend\.?$|percent\s+daily)",
    re.IGNORECASE,
)
MARKED_FOOTNOTE = re.compile(
    r"^[*†‡§¶]+\s*(?:daily|percent|%|dv\b|not\s+established|proprietary|based\s+on)", re.IGNORECASE
)
CALORIES = re.compile(
    r"^(?:total\s+)?(?:calories|kcal)\b(?:\s+from\s+fat)?[\s:]*(?:\d[\d,.]*\s*(?:kcal)?)?\s*$", re.IGNORECASE
)
