"""Code actions: each safe fix as a quick fix, every safe fix of the file at once, and a suppression comment.

All of them are text edits on the document as the server last linted it, which is the editor's text: the server
lints on every change, so the findings it holds are never behind the buffer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from ..codes import INVALID_LABEL, INVALID_YAML, UNUSED_SUPPRESSION
from ..findings import Finding
from .diagnostics import span_range
from .documents import Document
from .positions import Positions

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.supplint"
KINDS = [types.CodeActionKind.QuickFix, FIX_ALL]
#: Findings that mean the text is no longer a well-formed label: a suppression must not add one.
_BREAKAGE = frozenset({INVALID_YAML, INVALID_LABEL})
_CODE_LIST = re.compile(r"supplint:\s*disable\s*=\s*[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*")


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    """The client's `only` filter: kinds are hierarchical, "source.fixAll" asks for "source.fixAll.supplint"."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def overlaps(r: types.Range, start: types.Position, end: types.Position) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(r.start) <= key(end) and key(start) <= key(r.end)


def edit_of(doc: Document, edits: list[types.TextEdit], versioned: bool) -> types.WorkspaceEdit:
    if versioned:
        target = types.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=target, edits=edits)])
    return types.WorkspaceEdit(changes={doc.uri: edits})


def quick_fix(doc: Document, positions: Positions, finding: Finding, diagnostic, versioned: bool) -> types.CodeAction:
    assert finding.fix is not None  # offered only for a finding with a fix
    edits = [
        types.TextEdit(
            range=span_range(positions, e["line"], e["column"], e["end_line"], e["end_column"]), new_text=e["content"]
        )
        for e in finding.fix["edits"]
    ]
    return types.CodeAction(
        title=f"{finding.code}: {finding.hint or 'apply the safe fix'}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=True,
        edit=edit_of(doc, edits, versioned),
    )


def fix_all(doc: Document, positions: Positions, resolver, versioned: bool) -> types.CodeAction | None:
    """`supplint check --fix` on the buffer (its passes, its refusals), as one edit of what changed."""
    from ..run.checker import Checker

    result = Checker(resolver, fix=True).check_bytes(doc.text.encode("utf-8", "surrogatepass"), doc.path)
    fixed = result.fixed_text
    if fixed is None or fixed == doc.text:
        return None
    text = doc.text
    prefix = 0
    limit = min(len(text), len(fixed))
    while prefix < limit and text[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and text[-1 - suffix] == fixed[-1 - suffix]:
        suffix += 1
    (l0, c0), (l1, c1) = positions.range_of(prefix, len(text) - suffix)
    edit = types.TextEdit(
        range=types.Range(types.Position(l0, c0), types.Position(l1, c1)), new_text=fixed[prefix : len(fixed) - suffix]
    )
    return types.CodeAction(
        title=f"Fix all safe supplint fixes in this file ({result.fixed})",
        kind=FIX_ALL,
        edit=edit_of(doc, [edit], versioned),
    )


def suppression(
    doc: Document, positions: Positions, finding: Finding, linter, diagnostic, versioned: bool
) -> types.CodeAction | None:
    """A comment that silences this rule on the finding's line: at the end of the line, else alone above it.
    Each candidate is linted before it is offered; one that does not silence the finding, or that breaks the
    file (a '#' inside a quoted string is text, not a comment), is not offered."""
    start = positions.offset_of(finding.line, 1)
    end = positions.offset_of(finding.line, 1 << 30)
    line = doc.text[start:end]
    page = doc.is_page
    directive = f"supplint: disable={finding.code}"
    comment = f"<!-- {directive} -->" if page else f"# {directive}"
    candidates = []
    existing = _CODE_LIST.search(line)
    if existing:
        candidates.append((start + existing.end(), start + existing.end(), f",{finding.code}"))
    candidates.append((end, end, ("  " if line.strip() else "") + comment))
    indent = line[: len(line) - len(line.lstrip())]
    eol = "\r\n" if doc.text.startswith("\r\n", end) else "\n"
    candidates.append((start, start, f"{indent}{comment}{eol}"))
    before = _broken(doc.findings)
    for begin, stop, new in candidates:
        text = doc.text[:begin] + new + doc.text[stop:]
        after = linter.check_text(text, doc.path)
        moved = finding.line + (1 if new.endswith("\n") else 0)
        silenced = not any(f.code == finding.code and f.line == moved for f in after)
        if (
            silenced
            and _broken(after) <= before
            and not any(f.code == UNUSED_SUPPRESSION for f in after if f.line in (finding.line, moved))
        ):
            (l0, c0), (l1, c1) = positions.range_of(begin, stop)
            edit = types.TextEdit(range=types.Range(types.Position(l0, c0), types.Position(l1, c1)), new_text=new)
            return types.CodeAction(
                title=f"Suppress {finding.code} on this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=edit_of(doc, [edit], versioned),
            )
    return None


def _broken(findings: list[Finding]) -> int:
    return sum(f.code in _BREAKAGE for f in findings)
