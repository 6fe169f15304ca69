"""Document links: a page's `supplements:` entries open the label files they name."""

from __future__ import annotations

import os

from lsprotocol import types

from .diagnostics import span_range
from .documents import Document, uri_of


def links(doc: Document, encoding: str, is_open) -> list[types.DocumentLink]:
    if not doc.is_page or not doc.is_file:
        return []
    from ..subjects.page import parse

    positions = doc.positions(encoding)
    found = []
    for reference in parse(doc.text, doc.path).references:
        if os.path.isabs(reference.path) or reference.path.startswith(("/", "\\")):
            continue  # SUP405 says why; a link would open nothing
        target = os.path.normpath(os.path.join(os.path.dirname(doc.path), reference.path))
        if not (os.path.isfile(target) or is_open(target)):
            continue
        found.append(
            types.DocumentLink(
                range=span_range(positions, reference.line, reference.column, reference.line, reference.end_column),
                target=uri_of(target),
                tooltip="Open the label file",
            )
        )
    return found
