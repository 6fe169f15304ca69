"""What page rules see: the parsed page and what it recommends."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..findings import Span
from . import Page, Prose


@dataclass(slots=True)
class PageContext:
    path: str
    page: Page
    label_spans: list[Span]  # where the page names or embeds a label, in page order

    @property
    def recommends_supplements(self) -> bool:
        return bool(self.label_spans)


def span_at(run: Prose, start: int, end: int) -> Span:
    """The page span of ``run.text[start:end]``: exact through the run's anchors (see `Prose`); without them,
    columns are exact on the run's first line only."""
    anchors = run.anchors
    if not anchors:
        return _span_without_anchors(run, start, end)
    # The start sits in the piece of the last anchor at or before it; the end is one past the range's last
    # character, so it sits in the piece of the last anchor before it (a word that ends where removed markup
    # begins ends there, not after the markup).
    at = bisect_right(anchors, (start, _MAX, _MAX)) - 1
    offset, line, column = anchors[at if at >= 0 else 0]
    column += start - offset
    if end <= start:
        return Span(line, column, line, column)
    at = bisect_left(anchors, (end,)) - 1
    offset, end_line, end_column = anchors[at if at >= 0 else 0]
    return Span(line, column, end_line, end_column + end - offset)


_MAX = float("inf")


def _span_without_anchors(run: Prose, start: int, end: int) -> Span:
    line = run.line + run.text.count("\n", 0, start)
    line_start = run.text.rfind("\n", 0, start) + 1
    column = (run.column + start) if line_start == 0 else (start - line_start + 1)
    end_line = run.line + run.text.count("\n", 0, end)
    end_line_start = run.text.rfind("\n", 0, end) + 1
    end_column = (run.column + end) if end_line_start == 0 else (end - end_line_start + 1)
    return Span(line, column, end_line, end_column)


#: Headings of a page's list of cited works (Wikipedia's "References", "Sources", "Bibliography", "Works cited",
#: "Citations", "Notes and references" sections; PubMed-style "Studies cited"). What follows one is the titles of
#: studies ("... Reduces Inflammation in Healthy Adults"), which are cited, not claimed (101.93(g)(2)(iv)(C) is
#: about a study's title used as a claim in the product's labeling, which a references section is not).
_REFERENCES = frozenset(
    (prefix + name).strip()
    for prefix in ("", "scientific ", "key ", "selected ")
    for name in (
        "reference",
        "references",
        "source",
        "sources",
        "bibliography",
        "works cited",
        "citation",
        "citations",
        "studies cited",
        "research cited",
        "notes and references",
    )
)


def references_heading(text: str) -> bool:
    """Whether a heading's words name a list of cited works ("References", "## Sources:")."""
    if len(text) > 60:
        return False
    low = text.lower()
    if "ref" not in low and "sourc" not in low and "bibliog" not in low and "cit" not in low:
        return False  # most headings: one scan each, no normalising
    words = "".join(char if char.isalnum() else " " for char in low).split()
    return " ".join(words) in _REFERENCES
