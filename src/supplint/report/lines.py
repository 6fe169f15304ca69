"""A finding's one-line form, which every format for people starts a finding with, plain or in colour, and the
note shown when a fix is available."""

from __future__ import annotations

from typing import TextIO

from ..findings import Finding
from .visible import visible

FIX_HINT = "fix available: run supplint check --fix"

#: ANSI colours a terminal shows a severity in (and bold for the code), as ruff's and yamllint's output does.
COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD, RESET = "\x1b[1m", "\x1b[0m"


def concise_line(f: Finding) -> str:
    """``path:line:col: CODE [severity] message`` (as stored: a terminal gets it through visible())."""
    return f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"


def coloured_line(f: Finding) -> str:
    """concise_line with the code in bold and the severity in its colour (the text itself through visible())."""
    return (
        f"{visible(f.file)}:{f.line}:{f.column}: {BOLD}{f.code}{RESET} "
        f"{COLOURS.get(f.severity, '')}[{f.severity}]{RESET} {visible(f.message)}"
    )


def shown_line(f: Finding, colour: bool) -> str:
    return coloured_line(f) if colour else visible(concise_line(f))


def wants_colour(out: TextIO, no_colour: bool = False) -> bool:
    """Colour on a terminal, unless --no-color or NO_COLOR (https://no-color.org: any non-empty value) says not."""
    import os

    if no_colour or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def unicode_ok(out: TextIO) -> bool:
    """Whether the stream takes any character (files and pipes opened as UTF-8, StringIO); the machine formats
    escape what is not ASCII otherwise, which their readers decode the same."""
    encoding = getattr(out, "encoding", None)
    return encoding is None or encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")
