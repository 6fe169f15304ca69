"""`json` (one array) and `json-lines` (one object a line): each finding's ``Finding.to_dict``, machine-readable and
versioned (docs/output.md)."""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring

from ..findings import Finding
from .reporter import Reporter
from .visible import HIDDEN, json_safe

_HIDDEN = re.compile(HIDDEN)
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _encoded(f: Finding) -> str:
    """``json.dumps(f.to_dict(), ensure_ascii=False)``, written field by field: the dict and the encoder's walk over
    it cost more than the few strings a finding holds (the fix alone, when there is one, goes through json)."""
    text = encode_basestring
    return (
        f'{{"code": {text(f.code)}, "name": {text(f.name)}, "severity": {text(f.severity)}, '
        f'"message": {text(f.message)}, "hint": {"null" if f.hint is None else text(f.hint)}, '
        f'"file": {text(f.file)}, "line": {f.line}, "column": {f.column}, "end_line": {f.end_line}, '
        f'"end_column": {f.end_column}, "fix": {"null" if f.fix is None else _dumps(f.fix)}}}'
    )


def encoded(findings: list[Finding]) -> list[str]:
    """Each finding as one line of JSON, with the hidden characters json leaves raw escaped (visible.json_safe):
    one scan of a file's findings finds that there are none, as there nearly never are."""
    lines = [_encoded(f) for f in findings]
    if _HIDDEN.search("".join(lines)):
        lines = [json_safe(line) for line in lines]
    return lines


class JsonReporter(Reporter):
    # One finding per line: json's C encoder only runs without `indent`, and this is ~5x faster on big runs.
    def write(self, findings: list[Finding]) -> None:
        if findings:
            self.out.write(("[\n  " if not self.tally.files else ",\n  ") + ",\n  ".join(encoded(findings)))

    def close(self, checked: int) -> None:
        self.out.write("\n]\n" if self.tally.files else "[]\n")


class JsonLinesReporter(Reporter):
    def write(self, findings: list[Finding]) -> None:
        self.out.writelines(line + "\n" for line in encoded(findings))

    def close(self, checked: int) -> None:
        pass
