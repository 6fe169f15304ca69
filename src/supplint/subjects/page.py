"""Checking a page: its own rules, the labels it embeds or names (findings placed at page lines), suppression.

Called by engine.Linter for files whose name ends in .md/.markdown/.mdx/.html/.htm.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from .. import suppressions
from ..files import inside, not_regular, os_reason, repository_root
from ..filetypes import is_html, is_mdx
from ..findings import Finding, Span
from ..hits import Hit
from ..pages import Embedded, Page, Reference
from ..pages.context import PageContext
from .contract import Engine

#: A label file a page names that cannot be read (a rule of the page pack, reported by the page's own check).
BROKEN_REFERENCE = "SUP405"

#: A run that reports each named label once, at the label (session.Run), collects here the labels its pages name,
#: as (absolute path, the name as the page wrote it), instead of copying their findings onto every page.
_named: ContextVar[list[tuple[str, str]] | None] = ContextVar("named_labels", default=None)


@contextmanager
def collecting_named_labels():
    """Within this block, pages do not check the labels they name: the list it gives fills with them."""
    named: list[tuple[str, str]] = []
    token = _named.set(named)
    try:
        yield named
    finally:
        _named.reset(token)


def parse(text: str, filename: str) -> Page:
    if is_html(filename):
        from ..pages.html import parse_html

        return parse_html(text)
    from ..pages.markdown import parse_markdown

    return parse_markdown(text, mdx=is_mdx(filename))


def check_page(engine: Engine, text: str, filename: str) -> list[Finding]:
    page = parse(text, filename)
    findings = engine.findings(page.problems, filename)
    spans: list[tuple[int, Span]] = []
    for embedded in page.labels:
        findings += [_moved(f, embedded, filename) for f in engine.check(embedded.text, filename + "#label").findings]
        spans.append((embedded.order, Span(embedded.line, embedded.column, embedded.line, embedded.column)))
    for reference in page.references:
        span = Span(reference.line, reference.column, reference.line, reference.end_column)
        findings += _referenced(engine, reference, span, filename)
        spans.append((-1, span))  # front matter comes before the body
    context = PageContext(filename, page, [span for _, span in sorted(spans, key=lambda item: (item[0], item[1].line))])
    for spec, hit in engine.run_rules("page", context, filename, findings):
        findings.append(engine.finding(hit, filename, spec))
    directives = suppressions.from_comments(page.comments, text, engine.registry)
    return engine.suppressed(findings, directives, filename) if directives else findings


def _moved(finding: Finding, embedded: Embedded, filename: str) -> Finding:
    """A finding of an embedded label, at the page's lines and columns (its fix too)."""

    def line(n: int) -> int:
        return embedded.line + n - 1

    def column(n: int) -> int:
        return n + embedded.column - 1

    fix = finding.fix
    if fix is not None:
        fix = {
            **fix,
            "edits": [
                {
                    "line": line(e["line"]),
                    "column": column(e["column"]),
                    "end_line": line(e["end_line"]),
                    "end_column": column(e["end_column"]),
                    "content": e["content"],
                }
                for e in fix["edits"]
            ],
        }
    return replace(
        finding,
        file=filename,
        line=line(finding.line),
        column=column(finding.column),
        end_line=line(finding.end_line),
        end_column=column(finding.end_column),
        fix=fix,
    )


def _referenced(engine: Engine, reference: Reference, span: Span, filename: str) -> list[Finding]:
    """The findings of a label the front matter names, at that name's place on the page."""

    def broken(message: str, hint: str | None = None) -> list[Finding]:
        return engine.findings([Hit.at(BROKEN_REFERENCE, message, span, hint)], filename)

    if os.path.isabs(reference.path) or reference.path.startswith(("/", "\\")):
        return broken(f"'{reference.path}' is an absolute path", "name label files relative to the page")
    page_dir = os.path.dirname(os.path.abspath(filename))
    target = os.path.normpath(os.path.join(page_dir, reference.path))
    if not engine.read_files:  # the labels were handed over in memory: nothing on disk is looked at
        if target not in engine.overlay:
            return broken(
                f"label file '{reference.path}' was not given with the page",
                "pass its text in `labels`, keyed by the path the page names",
            )
        return _at_reference(engine.referenced_findings(target), reference, span, filename)
    if not inside(target, repository_root(page_dir)):  # links resolved: a link out of the repository stays out
        return broken(
            f"label file '{reference.path}' is outside the repository",
            "keep label files inside the repository the page belongs to",
        )
    if os.path.isdir(target):
        return broken(f"label file '{reference.path}' is a directory", "check the path, relative to the page")
    named = _named.get()
    try:
        if named is not None:  # checked once by the run, at its own file: here only that it is there
            refused = not_regular(os.stat(target).st_mode)  # a FIFO, a device: the page's problem, and never opened
            if refused:
                raise refused
            named.append((target, reference.path))
            return []
        found = engine.referenced_findings(target)
    except OSError as exc:
        return broken(f"label file '{reference.path}' {os_reason(exc)}", "check the path, relative to the page")
    return _at_reference(found, reference, span, filename)


def _at_reference(found: list[Finding], reference: Reference, span: Span, filename: str) -> list[Finding]:
    return [
        replace(
            f,
            file=filename,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            message=f"{reference.path}:{f.line}: {f.message}",
            fix=None,
        )
        for f in found
    ]
