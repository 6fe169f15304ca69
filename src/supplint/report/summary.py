"""The summary line every format for people ends with ("Found 3 problems (1 error, 2 warnings) in 2 of 4 files.")."""

from __future__ import annotations

from collections import Counter

from ..findings import SEVERITIES, Finding


class Tally:
    """What the summary line needs, counted as findings stream past (they are not kept). ``remember``: findings
    about a file may come again later (a --stack run adds its totals' findings at labels already reported), so
    each file with findings is remembered; else only the last batch's files are (a file's findings may be given
    again at once: the run's SUP008 when a format failed on them), and a run of any size holds none of them."""

    def __init__(self, remember: bool = True) -> None:
        self.severities: Counter[str] = Counter()
        self.files = 0  # how many files have findings
        self._seen: set[str] | None = set() if remember else None
        self._last: set[str] = set()

    def add(self, findings: list[Finding]) -> None:
        if not findings:
            return
        batch = set()
        for f in findings:
            self.severities[f.severity] += 1
            batch.add(f.file)
        if self._seen is not None:
            self.files += len(batch - self._seen)
            self._seen |= batch
        else:
            self.files += len(batch - self._last)
            self._last = batch

    def summary(self, checked: int) -> str:
        total = sum(self.severities.values())
        if not total:
            return f"No problems found in {plural(checked, 'file')}."
        parts = ", ".join(plural(self.severities[s], s) for s in reversed(SEVERITIES) if self.severities[s])
        where = self.files
        # "in 3 of 4 files": the files with problems out of those checked, so a clean file is not lost from view
        files = plural(where, "file") if where >= checked else f"{where:,} of {plural(checked, 'file')}"
        return f"Found {plural(total, 'problem')} ({parts}) in {files}."


def summary(findings: list[Finding], checked: int) -> str:
    tally = Tally()
    tally.add(findings)
    return tally.summary(checked)


def plural(count: int, word: str) -> str:
    """ "1 file", "3 files", "2 fixes", "5 info" (as ruff and Vale say)."""
    if count == 1 or word == "info":
        return f"{count:,} {word}"
    return f"{count:,} {word}" + ("es" if word.endswith("x") else "s")
