"""Suppression comments in label files, and SUP009 for those that suppress nothing.

    # supplint: disable=SUP101,isolated-megadose   on the finding's line, or alone on the line above it
    # supplint: disable-file                       anywhere: nothing in this file is reported
    # supplint: disable-file=SUP306                anywhere: these rules are not reported for this file

A comment alone on its line covers the next line that is not blank or a comment, and, when a list item or a
mapping entry starts on that line, the whole of it (to its last line): a comment above ``- name: Vitamin D3``
covers that row's amount two lines down, as linters that suppress by node do. A trailing comment covers its own
line. Codes or names may be given; an unknown one is reported (SUP009) with a "did you mean".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .codes import UNUSED_SUPPRESSION
from .edit.fixes import split_lines
from .findings import Span
from .hits import Hit, TextEdit
from .label.loader import Document
from .ruleset.registry import Registry, SelectionError
from .suggest import did_you_mean

if TYPE_CHECKING:
    from .findings import Finding

MARKER = "supplint:"
_DIRECTIVE = re.compile(
    r"#\s*supplint:\s*(?P<kind>disable-file|disable)\b"
    r"(?:\s*=\s*(?P<codes>[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*))?",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Directive:
    line: int  # 1-based line of the comment
    column: int  # 1-based column of '#'
    end_column: int  # end of the directive (a reason may follow it)
    own_line: bool  # nothing but the comment on its line
    removal: tuple[int, int] | None  # 1-based columns to delete to remove a trailing comment (None: no safe edit)
    target: int | None  # the first line it covers; None = the whole file
    tokens: list[str]  # as written; empty = every rule
    codes: dict[str, str | None]  # token → rule code (None: unknown)
    codes_span: tuple[int, int] | None  # 1-based columns of the code list
    last: int | None = None  # the last line it covers (the end of the node starting at `target`)
    used: set[str] = field(default_factory=set)
    used_all: bool = False

    @property
    def lines(self) -> str:
        """The lines it covers, as a message names them."""
        if self.last is None or self.last == self.target:
            return f"line {self.target}"
        return f"lines {self.target}-{self.last}"

    def covers(self, code: str) -> bool:
        return not self.tokens or code in self.codes.values()


def find(text: str, doc: Document | None, rules: Registry) -> list[Directive]:
    if MARKER not in text:
        return []
    lines = split_lines(text)
    inside = _quoted_regions(doc, lines) if doc is not None else {}
    following = None
    extents = None
    directives = []
    for index, line in enumerate(lines):
        if MARKER not in line:
            continue
        indent = len(line) - len(line.lstrip())
        regions = inside.get(index, [])
        for match in _DIRECTIVE.finditer(line):
            start = match.start()
            if start and not line[start - 1].isspace():
                continue  # "a#supplint:" is not a comment in YAML
            if _within(regions, start):
                continue  # inside a quoted or block scalar: text, not a comment
            own_line = start <= indent
            if own_line and following is None:
                following = _following(lines, "#")
            tokens = [t.strip() for t in (match["codes"] or "").split(",") if t.strip()]
            target = None if match["kind"].lower() == "disable-file" else _target(following, index, own_line)
            last = target
            if own_line and target is not None and doc is not None and doc.root is not None:
                if extents is None:
                    extents = node_extents(doc.root)
                last = extents.get(target, target)
            directives.append(
                Directive(
                    line=index + 1,
                    column=start + 1,
                    end_column=match.end() + 1,
                    own_line=own_line,
                    removal=(_text_end(line, start) + 1, len(line) + 1),
                    target=target,
                    last=last,
                    tokens=tokens,
                    codes={t: _code(t, rules) for t in tokens},
                    codes_span=(match.start("codes") + 1, match.end("codes") + 1) if match["codes"] else None,
                )
            )
    return directives


def node_extents(root: Node) -> dict[int, int]:
    """For each 1-based line on which a list item or a mapping entry starts, the last line of the largest one
    starting there. The document's own top-level mapping is not an item: a comment above ``product:`` covers
    that entry, not the file. One pass over the tree; an aliased node is walked once (its marks are its anchor's)."""
    extents: dict[int, int] = {}
    ends: dict[int, int] = {}

    def last_line(node: Node) -> int:
        known = ends.get(id(node))
        if known is not None:
            return known
        ends[id(node)] = node.start_mark.line + 1  # a recursive alias ends where it starts
        if isinstance(node, ScalarNode) or getattr(node, "flow_style", False) or not node.value:
            end = node.end_mark
            # a block scalar ends at the start of the line after it
            result = end.line if end.column == 0 and end.line > node.start_mark.line else end.line + 1
        elif isinstance(node, SequenceNode):
            result = max(item_extent(item, item) for item in node.value)
        else:
            result = max(item_extent(key, value) for key, value in node.value)
        ends[id(node)] = result
        return result

    def item_extent(first: Node, value: Node) -> int:
        start = first.start_mark.line + 1
        end = max(start, last_line(value))
        if end > extents.get(start, start):
            extents[start] = end
        return end

    if isinstance(root, (MappingNode, SequenceNode)):
        last_line(root)
    return extents


# Many directives in one file, or on one line, must not each rescan the lines after them or the line before them:
# the helpers below look things up in what one pass found.


def _within(regions: list[tuple[int, int]], column: int) -> bool:
    """Whether ``column`` lies in one of a line's scalar regions (sorted, not overlapping)."""
    at = bisect_right(regions, (column, _MAX)) - 1
    return at >= 0 and column < regions[at][1]


_MAX = float("inf")


def _text_end(line: str, start: int) -> int:
    """Where the text before ``start`` ends, white space before ``start`` left out."""
    while start and line[start - 1].isspace():
        start -= 1
    return start


def _following(lines: list[str], comment: str) -> list[int | None]:
    """For each line, the 1-based number of the first later line that is neither blank nor a comment (None: no
    such line), in one pass from the end."""
    following: list[int | None] = [None] * len(lines)
    later = None
    for index in range(len(lines) - 1, -1, -1):
        following[index] = later
        stripped = lines[index].strip()
        if stripped and not stripped.startswith(comment):
            later = index + 1
    return following


def _code(token: str, rules: Registry) -> str | None:
    try:
        return rules.code_of(token)
    except SelectionError:
        return None


def _target(following: list[int | None] | None, index: int, own_line: bool) -> int:
    """The line a directive covers: the next line with content for one alone on its line, else its own."""
    if own_line and following is not None and index < len(following) and (line := following[index]) is not None:
        return line
    return index + 1


_PAGE_DIRECTIVE = re.compile(
    r"^\s*supplint:\s*(?P<kind>disable-file|disable)\b"
    r"(?:\s*=\s*(?P<codes>[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*))?\s*$",
    re.IGNORECASE,
)


def from_comments(comments, text: str, rules: Registry) -> list[Directive]:
    """Directives in a page's HTML comments: ``<!-- supplint: disable=SUP401 -->`` (same rules as in YAML: alone
    on its line it covers the next line that is not blank or a comment; ``disable-file`` the whole page)."""
    found = [c for c in comments if MARKER in c.text]
    if not found:
        return []
    lines = split_lines(text)
    following = _following(lines, "<!--")
    directives = []
    for comment in found:
        match = _PAGE_DIRECTIVE.match(comment.text)
        if match is None:
            continue
        index = comment.line - 1
        line = lines[index] if index < len(lines) else ""
        single = comment.end_line == comment.line
        start = comment.column - 1
        close = line.find("-->", start)
        end = close + 3 if single and close >= 0 else len(line)
        body = start + 4  # after "<!--": where the comment text starts on a one-line comment
        tokens = [t.strip() for t in (match["codes"] or "").split(",") if t.strip()]
        directives.append(
            Directive(
                line=comment.line,
                column=comment.column,
                end_column=end + 1,
                own_line=comment.own_line and single,
                removal=(len(line[:start].rstrip()) + 1, end + 1) if single else None,
                target=None
                if match["kind"].lower() == "disable-file"
                else _target(following, comment.end_line - 1, comment.own_line),
                tokens=tokens,
                codes={t: _code(t, rules) for t in tokens},
                codes_span=(body + match.start("codes") + 1, body + match.end("codes") + 1)
                if match["codes"] and single
                else None,
            )
        )
    return directives


def _quoted_regions(doc: Document, lines: list[str]) -> dict[int, list[tuple[int, int]]]:
    """Per line (0-based), the column ranges covered by quoted or block scalars, where '#' is text: sorted, and
    merged where they touch, so that one bisection tells whether a column is in any of them."""
    regions: dict[int, list[tuple[int, int]]] = {}
    for node in doc.nodes():
        if not isinstance(node, ScalarNode) or not node.style:
            continue
        first, last = node.start_mark.line, node.end_mark.line
        for row in range(first, last + 1):
            begin = node.start_mark.column if row == first else 0
            end = node.end_mark.column if row == last else len(lines[row]) if row < len(lines) else 0
            regions.setdefault(row, []).append((begin, end))
    return {row: _merged(spans) for row, spans in regions.items()}


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def apply(findings: list, directives: list[Directive]) -> list:
    """The findings no directive suppresses; marks each directive with what it suppressed.

    Where several directives cover a finding, a file directive is used first, then the innermost line or node
    directive (the one nearest above it), so an outer one that covers nothing else is reported unused (SUP009)."""
    if not directives:
        return findings
    whole_file = [d for d in directives if d.target is None]
    by_line: dict[int, list[Directive]] = {}
    spans = []
    for directive in directives:
        if directive.target is None:
            continue
        if directive.last is None or directive.last == directive.target:
            by_line.setdefault(directive.target, []).append(directive)
        else:
            spans.append(directive)
    covering = _covering(findings, spans) if spans else {}
    kept: list[Finding] = []
    for index, finding in enumerate(findings):
        candidates = (*whole_file, *by_line.get(finding.line, ()), *covering.get(index, ()))
        covers = next((d for d in candidates if d.covers(finding.code)), None)
        if covers is None:
            kept.append(finding)
        elif covers.tokens:
            covers.used.add(finding.code)
        else:
            covers.used_all = True
    return kept


def _covering(findings: list, spans: list[Directive]) -> dict[int, list[Directive]]:
    """For each finding (by index) the multi-line directives covering its line, innermost first. Node extents
    are nested or apart (they come from one tree), so one sweep in line order with a stack finds them all."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].line)
    # Every directive here covers the lines target..last, both set (apply sorted out the others), which the type of
    # Directive cannot say: hence the two ignores.
    spans = sorted(spans, key=lambda d: (d.target, -d.last))  # type: ignore[operator]
    stack: list[Directive] = []
    result: dict[int, list[Directive]] = {}
    at = 0
    for index in order:
        line = findings[index].line
        while at < len(spans) and spans[at].target <= line:
            while stack and stack[-1].last < spans[at].target:  # type: ignore[operator]
                stack.pop()
            stack.append(spans[at])
            at += 1
        while stack and stack[-1].last < line:
            stack.pop()
        inside_ = [d for d in reversed(stack) if d.target <= line <= d.last]
        if inside_:
            result[index] = inside_
    return result


def unused(directives: list[Directive], enabled: frozenset[str], rules: Registry) -> list[Hit]:
    """SUP009 for each directive that suppressed nothing, or names what is not a rule or not enabled, with the
    edit that removes what is unused."""
    results = []
    for d in directives:
        if not d.tokens:
            if not d.used_all:
                what = "file" if d.target is None else d.lines
                results.append(
                    _unused(
                        d, f"this suppression comment suppresses nothing on its {what}", "remove it", _remove_comment(d)
                    )
                )
            continue
        stale = [t for t in d.tokens if d.codes[t] is None or d.codes[t] not in d.used]
        if not stale:
            continue
        reasons = []
        for token in stale:
            code = d.codes[token]
            if code is None:
                hint = did_you_mean(token, [*rules.rules, *rules.by_name])
                reasons.append(f"'{token}' is not a rule" + (f" ({hint})" if hint else ""))
            elif code not in enabled:
                reasons.append(f"{token} is not enabled")
            else:
                reasons.append(f"{token} reports nothing here")
        keep = [t for t in d.tokens if t not in stale]
        if keep and d.codes_span:
            edits: tuple[TextEdit, ...] = (TextEdit(d.line, d.codes_span[0], d.line, d.codes_span[1], ",".join(keep)),)
        else:
            edits = _remove_comment(d)
        results.append(
            _unused(
                d,
                "unused suppression: " + "; ".join(reasons),
                "remove " + ("it" if not keep else ", ".join(stale)),
                edits,
            )
        )
    return results


def _unused(d: Directive, message: str, hint: str, edits: tuple[TextEdit, ...]) -> Hit:
    return Hit((), message, hint, fix=edits, span=Span(d.line, d.column, d.line, d.end_column), code=UNUSED_SUPPRESSION)


def _remove_comment(d: Directive) -> tuple[TextEdit, ...]:
    if d.own_line:
        return (TextEdit(d.line, 1, d.line + 1, 1, ""),)
    if d.removal is None:
        return ()
    return (TextEdit(d.line, d.removal[0], d.line, d.removal[1], ""),)
