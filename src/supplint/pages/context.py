"""What page rules see: the parsed page and what it recommends."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Span
from . import Page, Prose


@dataclass(slots=True)
class PageContext:
    path: str
    page: Page
    label_spans: list[Span]   # where the page names or embeds a label, in page order

    @property
    def recommends_supplements(self) -> bool:
        return bool(self.label_spans)


def span_at(run: Prose, start: int, end: int) -> Span:
    """The page span of ``run.text[start:end]`` (columns are exact on the run's first line, best effort after)."""
    line = run.line + run.text.count("\n", 0, start)
    line_start = run.text.rfind("\n", 0, start) + 1
    column = (run.column + start) if line_start == 0 else (start - line_start + 1)
    end_line = run.line + run.text.count("\n", 0, end)
    end_line_start = run.text.rfind("\n", 0, end) + 1
    end_column = (run.column + end) if end_line_start == 0 else (end - end_line_start + 1)
    return Span(line, column, end_line, end_column)
