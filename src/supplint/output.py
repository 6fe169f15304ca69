"""Output formats. Each writes findings to a stream; `concise` also writes the summary line.

Stability: `json` and `json-lines` are machine-readable and versioned (docs/output.md); `concise` is for people.
"""

from __future__ import annotations

import json
from collections import Counter
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
    json.dump([f.to_dict() for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")


def json_lines(findings: list[Finding], checked: int, out: TextIO, quiet: bool = False) -> None:
    for f in findings:
        out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


FORMATTERS = {"concise": concise, "json": as_json, "json-lines": json_lines}
