"""`--statistics`: one line per rule, most frequent first (then by code): count, code, name, and [*] when a fix is
available."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..findings import Finding
from .reporter import ReportContext, Reporter


class StatisticsReporter(Reporter):
    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        self.counts: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.fixable: set[str] = set()

    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.counts[f.code] += 1
            self.names.setdefault(f.code, f.name)
            if f.fix is not None:
                self.fixable.add(f.code)

    def close(self, checked: int) -> None:
        rows = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        if not rows:
            return
        count_width = max(5, *(len(str(count)) for _, count in rows))
        code_width = max(len(code) for code, _ in rows)
        name_width = max(len(self.names[code]) for code, _ in rows)
        for code, count in rows:
            line = f"{count:>{count_width}}  {code:<{code_width}}  {self.names[code]}"
            if code in self.fixable:
                line = f"{line:<{count_width + code_width + name_width + 4}}  [*]"
            self.out.write(line + "\n")
