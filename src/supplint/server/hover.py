"""Hover: what `supplint rule CODE` says, for each finding under the cursor."""

from __future__ import annotations

from functools import cache

from lsprotocol import types

from .actions import overlaps
from .diagnostics import finding_range
from .documents import Document


@cache
def _explained(code: str) -> str:
    from ..reference.tables import reference
    from ..report.explain import render_rule
    from ..ruleset.registry import registry

    return render_rule(registry().get(code), reference(), "markdown").strip()


def hover(doc: Document, encoding: str, position: types.Position) -> types.Hover | None:
    positions = doc.positions(encoding)
    under = []
    for finding in doc.findings:
        found = finding_range(positions, finding)
        empty = found.start == found.end
        if overlaps(found, position, position) or (empty and found.start.line == position.line):
            under.append((finding, found))
    if not under:
        return None
    parts, seen = [], set()
    for finding, _ in under:
        if finding.code in seen:
            continue
        seen.add(finding.code)
        hint = f"\n\n*Fix:* {finding.hint}" if finding.hint else ""
        parts.append(f"**{finding.code}** {finding.message}{hint}\n\n{_explained(finding.code)}")
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)), range=under[0][1]
    )
