"""Output formats. Each writes findings to a stream; `concise` and `full` also write the summary line.

Stability: `json` and `json-lines` are machine-readable and versioned (docs/output.md); `concise`, `full` and
`statistics` are for people.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import TextIO

from .findings import SEVERITIES, Finding

#: Every format the CLI contract names; those not in FORMATTERS are reported as not implemented yet.
ALL_FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html")


def concise(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    for f in findings:
        out.write(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}\n")
    if not quiet:
        out.write(summary(findings, checked) + "\n")


def summary(findings: list[Finding], checked: int) -> str:
    if not findings:
        return f"No problems found in {_plural(checked, 'file')}."
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(_plural(counts[s], s) for s in reversed(SEVERITIES) if counts[s])
    files = len({f.file for f in findings})
    return f"Found {_plural(len(findings), 'problem')} ({parts}) in {_plural(files, 'file')}."


def as_json(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    # One finding per line: json's C encoder only runs without `indent`, and this is ~5x faster on big runs.
    if not findings:
        out.write("[]\n")
        return
    out.write("[\n  " + ",\n  ".join(json.dumps(f.to_dict(), ensure_ascii=False) for f in findings) + "\n]\n")


def json_lines(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    for f in findings:
        out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


Reader = Callable[[str], str | None]

#: At most this many lines of a finding's span are shown by `full` (plus one line of context before it).
MAX_SPAN_LINES = 5
TAB_SIZE = 4
FIX_NOTE = "  = fix available: run supplint check --fix"
#: The line breaks YAML (and so the loader's line numbers) counts; str.splitlines() knows more (\v, \f, ...).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: Control characters are shown as U+FFFD so that a label cannot send escape sequences to the terminal.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def full(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False, read: Reader | None = None) -> None:
    """The concise line of each finding, then its source lines with a caret under the span, its hint and a note
    when a fix is available; a blank line between findings, then the summary.

    ``read(path)`` gives a file's text, or None when it cannot be had (then no source lines are shown). By default
    files are read from disk as UTF-8, once per file per call.
    """
    lines_of = _LineCache(read or read_file)
    for index, f in enumerate(findings):
        if index:
            out.write("\n")
        out.write(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}\n")
        lines = lines_of(f.file)
        if lines is not None:
            out.writelines(row + "\n" for row in excerpt(lines, f))
        if f.hint:
            out.write(f"  = help: {f.hint}\n")
        if f.fix is not None:
            out.write(FIX_NOTE + "\n")
    if not quiet:
        if findings:
            out.write("\n")
        out.write(summary(findings, checked) + "\n")


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
    return _width(line[:index].expandtabs(TAB_SIZE)) + max(0, index - len(line))


def _display(line: str) -> str:
    return _CONTROL.sub("\ufffd", line.expandtabs(TAB_SIZE))


def _width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two, combining marks none."""
    cells = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


class _LineCache:
    def __init__(self, read: Reader) -> None:
        self._read = read
        self._lines: dict[str, list[str] | None] = {}

    def __call__(self, path: str) -> list[str] | None:
        if path not in self._lines:
            try:
                text = self._read(path)
            except (OSError, ValueError):
                text = None
            self._lines[path] = None if text is None else _LINE_BREAK.split(text)
        return self._lines[path]


def read_file(path: str) -> str | None:
    """`full`'s default reader: the file as UTF-8 (undecodable bytes replaced), or None when it cannot be read.
    A caller with text that is not on disk (standard input) wraps it: ``lambda p: text if p == name else read_file(p)``.
    """
    try:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def statistics(findings: list[Finding], out: TextIO) -> None:
    """One line per rule, most frequent first (then by code): count, code, name, and [*] when a fix is available."""
    counts = Counter(f.code for f in findings)
    names: dict[str, str] = {}
    fixable: set[str] = set()
    for f in findings:
        names.setdefault(f.code, f.name)
        if f.fix is not None:
            fixable.add(f.code)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not rows:
        return
    count_width = max(5, *(len(str(count)) for _, count in rows))
    code_width = max(len(code) for code, _ in rows)
    name_width = max(len(names[code]) for code, _ in rows)
    for code, count in rows:
        line = f"{count:>{count_width}}  {code:<{code_width}}  {names[code]}"
        if code in fixable:
            line = f"{line:<{count_width + code_width + name_width + 4}}  [*]"
        out.write(line + "\n")


FORMATTERS = {"concise": concise, "full": full, "json": as_json, "json-lines": json_lines}
