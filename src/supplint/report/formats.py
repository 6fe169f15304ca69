"""Output formats. Each writes findings to a stream; `concise` and `full` also write the summary line.

Stability: `json` and `json-lines` are machine-readable and versioned (docs/output.md); `concise`, `full` and
`statistics` are for people.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import TextIO

from ..findings import SEVERITIES, Finding
from .visible import json_safe, visible

#: Every format the CLI contract names (cli.md); each has a Reporter (see reporter_class).
ALL_FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit", "rdjson", "html")


class Tally:
    """What the summary line needs, counted as findings stream past (they are not kept)."""

    def __init__(self) -> None:
        self.severities: Counter[str] = Counter()
        self.files: set[str] = set()

    def add(self, findings: list[Finding]) -> None:
        for f in findings:
            self.severities[f.severity] += 1
            self.files.add(f.file)

    def summary(self, checked: int) -> str:
        total = sum(self.severities.values())
        if not total:
            return f"No problems found in {plural(checked, 'file')}."
        parts = ", ".join(plural(self.severities[s], s) for s in reversed(SEVERITIES) if self.severities[s])
        where = len(self.files)
        # "in 3 of 4 files": the files with problems out of those checked, so a clean file is not lost from view
        files = plural(where, "file") if where >= checked else f"{where:,} of {plural(checked, 'file')}"
        return f"Found {plural(total, 'problem')} ({parts}) in {files}."


class Reporter:
    """Writes findings as they come, one file's at a time in the order files are checked; ``close`` ends the
    output. Nothing is kept but counts, so a run over any number of files holds one file's findings at a time."""

    def __init__(self, out: TextIO, quiet: bool = False) -> None:
        self.out = out
        self.quiet = quiet
        self.tally = Tally()

    #: A reporter that shows each label's Supplement Facts (the HTML report) sets this; the run then calls
    #: ``add_facts`` with a ``summary.LabelFacts`` before ``add`` for each label file, and ``add_stack`` once with
    #: the daily totals of a ``--stack`` run.
    wants_facts = False

    def add_facts(self, facts) -> None:
        pass

    def add_stack(self, totals) -> None:
        pass

    def add(self, findings: list[Finding], path: str | None = None, fail_on: str | None = None) -> None:
        """One checked file's findings (``path`` names it, for formats that list clean files too; ``fail_on`` is
        that file's lowest failing severity, for formats that tell failures from notes)."""
        self.write(findings)
        self.tally.add(findings)

    def write(self, findings: list[Finding]) -> None:
        raise NotImplementedError

    def close(self, checked: int) -> None:
        if not self.quiet:
            self.out.write(self.tally.summary(checked) + "\n")


#: ANSI colours a terminal shows a severity in (and bold for the code), as ruff's and yamllint's output does.
_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def wants_colour(out: TextIO, no_colour: bool = False) -> bool:
    """Colour on a terminal, unless --no-color or NO_COLOR (https://no-color.org: any non-empty value) says not."""
    import os

    if no_colour or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def coloured_line(f: Finding) -> str:
    """concise_line with the code in bold and the severity in its colour (the text itself through visible())."""
    return (f"{visible(f.file)}:{f.line}:{f.column}: {_BOLD}{f.code}{_RESET} "
            f"{_COLOURS.get(f.severity, '')}[{f.severity}]{_RESET} {visible(f.message)}")


class ConciseReporter(Reporter):
    colour = False  # set by the run when the stream is a terminal that wants it

    def write(self, findings: list[Finding]) -> None:
        line = coloured_line if self.colour else (lambda f: visible(concise_line(f)))
        self.out.writelines(line(f) + "\n" for f in findings)


class JsonReporter(Reporter):
    # One finding per line: json's C encoder only runs without `indent`, and this is ~5x faster on big runs.
    def write(self, findings: list[Finding]) -> None:
        for f in findings:
            self.out.write(("[\n  " if not self.tally.files and f is findings[0] else ",\n  ")
                           + json_safe(json.dumps(f.to_dict(), ensure_ascii=False)))

    def close(self, checked: int) -> None:
        self.out.write("\n]\n" if self.tally.files else "[]\n")


class JsonLinesReporter(Reporter):
    def write(self, findings: list[Finding]) -> None:
        self.out.writelines(json_safe(json.dumps(f.to_dict(), ensure_ascii=False)) + "\n" for f in findings)

    def close(self, checked: int) -> None:
        pass


class FullReporter(Reporter):
    colour = False

    def __init__(self, out: TextIO, quiet: bool = False, read: Reader | None = None) -> None:
        super().__init__(out, quiet)
        self.read = read or read_file

    def write(self, findings: list[Finding]) -> None:
        lines_of = LineCache(self.read)  # per file: only one file's lines are held at a time
        for f in findings:
            if self.tally.files or f is not findings[0]:
                self.out.write("\n")
            self.out.write((coloured_line(f) if self.colour else visible(concise_line(f))) + "\n")
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


class StatisticsReporter(Reporter):
    """One line per rule, most frequent first (then by code): count, code, name, and [*] when a fix is available."""

    def __init__(self, out: TextIO, quiet: bool = False) -> None:
        super().__init__(out, quiet)
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


_REPORTERS: dict[str, type[Reporter]] = {"concise": ConciseReporter, "full": FullReporter, "json": JsonReporter,
                                         "json-lines": JsonLinesReporter}
#: Formats whose reporters live in ci_output.py (it subclasses Reporter, so it is imported when one is asked for).
CI_FORMATS = ("sarif", "github", "gitlab", "junit", "rdjson")
#: The shopper preset's reports of the concise and html formats (not formats of their own on the command line).
SHOPPER_FORMATS = ("shopper-concise", "shopper-html")


def reporter_class(name: str) -> type[Reporter]:
    """The Reporter of an output format (KeyError for one not implemented)."""
    if name in CI_FORMATS:
        from .ci import CI_REPORTERS

        return CI_REPORTERS[name]
    if name == "html":
        from .html import HtmlReporter

        return HtmlReporter
    if name in SHOPPER_FORMATS:  # --preset shopper: the same run, reported in plain words
        from ..shopper.reporters import REPORTERS as SHOPPER

        return SHOPPER[name]
    return _REPORTERS[name]


def __getattr__(name: str):
    """``REPORTERS`` (format name → Reporter class, CI formats included) for callers that want them all."""
    if name == "REPORTERS":
        reporters = globals()["REPORTERS"] = {format_: reporter_class(format_) for format_ in ALL_FORMATS}
        return reporters
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _report(kind: type[Reporter], findings: list[Finding], checked: int, out: TextIO, quiet: bool, **kw) -> None:
    reporter = kind(out, quiet, **kw)
    reporter.add(findings)
    reporter.close(checked)


def concise(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    _report(ConciseReporter, findings, checked, out, quiet)


def as_json(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    _report(JsonReporter, findings, checked, out, quiet)


def json_lines(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    _report(JsonLinesReporter, findings, checked, out, quiet)


def full(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False, read: Reader | None = None) -> None:
    """The concise line of each finding, then its source lines with a caret under the span, its hint and a note
    when a fix is available; a blank line between findings, then the summary. ``read(path)`` gives a file's
    text, or None when it cannot be had (then no source lines are shown); by default files are read from disk."""
    _report(FullReporter, findings, checked, out, quiet, read=read)


def statistics(findings: list[Finding], out: TextIO) -> None:
    _report(StatisticsReporter, findings, 0, out, True)


def summary(findings: list[Finding], checked: int) -> str:
    tally = Tally()
    tally.add(findings)
    return tally.summary(checked)


def plural(count: int, word: str) -> str:
    """"1 file", "3 files", "2 fixes", "5 info" (as ruff and Vale say)."""
    if count == 1 or word == "info":
        return f"{count:,} {word}"
    return f"{count:,} {word}" + ("es" if word.endswith("x") else "s")


def concise_line(f: Finding) -> str:
    """``path:line:col: CODE [severity] message``: the line every human-facing format starts a finding with (as
    stored: a terminal gets it through visible())."""
    return f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"


def unicode_ok(out: TextIO) -> bool:
    """Whether the stream takes any character (files and pipes opened as UTF-8, StringIO); the machine formats
    escape what is not ASCII otherwise, which their readers decode the same."""
    encoding = getattr(out, "encoding", None)
    return encoding is None or encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")  # "5 info", as ruff and Vale say


Reader = Callable[[str], str | None]

#: At most this many lines of a finding's span are shown by `full` (plus one line of context before it).
MAX_SPAN_LINES = 5
TAB_SIZE = 4
FIX_HINT = "fix available: run supplint check --fix"


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


class LineCache:
    def __init__(self, read: Reader) -> None:
        self._read = read
        self._lines: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self._lines:
            try:
                text = self._read(path)
            except (OSError, ValueError):
                text = None
            from ..edit.fixes import split_lines  # the lines the loader's positions count (not str.splitlines)

            self._lines[path] = None if text is None else split_lines(text)
        return self._lines[path]


def read_file(path: str) -> str | None:
    """`full`'s default reader: the file as UTF-8 (undecodable bytes replaced), or None when it cannot be read.
    A caller with text that is not on disk (standard input) wraps it: ``lambda p: text if p == name else read_file(p)``.
    """
    from ..files import read_text

    try:
        return read_text(path, errors="replace")
    except OSError:
        return None


FORMATTERS = {"concise": concise, "full": full, "json": as_json, "json-lines": json_lines}
