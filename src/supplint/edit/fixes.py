"""Safe fixes as text edits at exact positions, so comments, key order and formatting stay as they were.

Rules say what a scalar should become (kinds.ValueEdit); this module finds that scalar's characters in the file
and refuses whenever it cannot be sure: a scalar spanning lines, or one whose source text differs from its value
(escapes), gets no fix rather than a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from yaml.nodes import ScalarNode

from ..hits import TextEdit
from ..label.loader import Document

APPLICABILITY = "safe"


def as_fix(edits: list[TextEdit] | tuple[TextEdit, ...]) -> dict | None:
    """The `fix` member of a finding (docs/output.md)."""
    if not edits:
        return None
    return {"applicability": APPLICABILITY, "edits": [edit.to_dict() for edit in edits]}


# Characters that would end or change a plain scalar in block or flow context.
_PLAIN_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |^[-?:]|\s$|^\s")


def value_edits(path: tuple, new: str, old: str | None, doc: Document, lines: list[str]) -> list[TextEdit] | None:
    """Text edits that make the scalar at ``path`` read ``new`` (or replace its token ``old`` by ``new``)."""
    node = doc.node(path)
    if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
        return None
    row = node.start_mark.line
    if row >= len(lines):
        return None
    source = lines[row][node.start_mark.column : node.end_mark.column]
    style = node.style or ""
    quote = style if style in ("'", '"') else ""
    if style not in ("", "'", '"') or source != _quoted(node.value, quote):
        return None  # block scalars and escaped text: positions inside the value are not the file's
    line = row + 1
    start = node.start_mark.column + 1 + len(quote)
    if old is not None:
        edits = [
            TextEdit(line, start + m.start(), line, start + m.end(), new) for m in _token(old).finditer(node.value)
        ]
        return edits or None
    if not quote and _PLAIN_UNSAFE.search(new):
        quote = '"'
    return [TextEdit(line, node.start_mark.column + 1, line, node.end_mark.column + 1, _quoted(new, quote))]


@lru_cache(maxsize=256)
def _token(text: str) -> re.Pattern[str]:
    """``text`` as a whole token (not inside a word): a run's fixes replace the same few tokens over and over."""
    return re.compile(rf"(?<![A-Za-z]){re.escape(text)}(?![A-Za-z])")


def _quoted(value: str, quote: str) -> str:
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


# The line breaks YAML counts (libyaml also breaks lines at NEL, LS and PS): positions from the parser and from
# these lines must agree, or a fix or a suppression lands on the wrong line.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """Lines as YAML counts them, without their breaks."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return _BREAK.split(text)
    return text.split("\n")  # the usual file: the same lines, without the pattern's try at every character


def apply(text: str, groups: list[list[TextEdit]]) -> tuple[str, int]:
    """Apply each group of edits (one finding's fix) unless it overlaps one taken before; returns the new text
    and how many groups were applied. A group is all or nothing."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1 if line <= len(starts) else len(text)

    taken: list[tuple[int, int, str]] = []
    applied = 0
    for group in groups:
        spans = [(offset(e.line, e.column), offset(e.end_line, e.end_column), e.content) for e in group]
        if any((b < te and tb < e) or b == tb for b, e, _ in spans for tb, te, _ in taken):
            continue  # overlaps a fix already taken; re-checking the fixed text will offer it again
        taken += spans
        applied += 1
    pieces, cursor = [], 0
    for begin, end, content in sorted(taken):
        pieces += [text[cursor:begin], content]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), applied
