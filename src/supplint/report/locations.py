"""What the CI formats share about where a finding is: the path as CI systems write it, a well-formed span, and
fingerprints that survive line shifts."""

from __future__ import annotations

import hashlib
import os
from collections import Counter

from ..findings import Finding


def posix_path(path: str) -> str:
    """The path with forward slashes and no leading ``./`` (as CI systems name files relative to the checkout)."""
    if os.sep == "\\":
        path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


class Fingerprints:
    """Stable identities for findings, independent of line numbers: a hash of the rule code, the file's path and
    the message. Identical findings in one file (same code and message) are told apart by their order, which a
    line shift does not change."""

    def __init__(self) -> None:
        self._seen: Counter[tuple[str, str, str]] = Counter()

    def __call__(self, f: Finding) -> str:
        key = (f.code, posix_path(f.file), f.message)
        self._seen[key] += 1
        text = "\0".join((*key, str(self._seen[key])))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def span(f: Finding) -> tuple[int, int, int, int]:
    """The finding's span, made well-formed: 1-based, and the end not before the start."""
    line, column = max(f.line, 1), max(f.column, 1)
    end_line = max(f.end_line, line)
    end_column = max(f.end_column, 1)
    if end_line == line:
        end_column = max(end_column, column)
    return line, column, end_line, end_column
