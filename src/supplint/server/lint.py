"""Checking one open document the way `supplint check` checks the file, without ever raising.

What a document gets: its closest config (Resolver), nothing when the config excludes it, one SUP001 when it is
larger than the CLI would read, and otherwise the engine's findings. When the engine raises on it, the document
gets SUP008 and each rule is run on its own, so that the findings of the rules that do work still arrive; what
failed goes to the editor's log.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from operator import attrgetter

from ..codes import INTERNAL_ERROR, UNUSED_SUPPRESSION
from ..errors import SupplintError
from ..files import limit_for, too_large
from ..findings import Finding
from ..run.settings import Resolver
from .documents import Document, Overlay

#: A JSON file is a DSLD record only if it names one of these; other JSON files (package.json, tsconfig.json)
#: open in the same editor stay quiet instead of each getting "not an NIH DSLD label record".
_DSLD_KEYS = ('"fullName"', '"ingredientRows"')


@dataclass
class Outcome:
    findings: list[Finding]
    config_error: str | None = None  # the closest config cannot be used: this instead of findings


def lint(doc: Document, resolver: Resolver, overlay: Overlay, log) -> Outcome:
    if not doc.checked or (doc.path.lower().endswith(".json") and not any(k in doc.text for k in _DSLD_KEYS)):
        return Outcome([])
    try:
        settings = resolver.for_path(doc.path)
        linter = settings.linter_for(doc.path)
    except (SupplintError, ValueError) as exc:  # a config, option or data file the user can fix
        return Outcome([], str(exc))
    if doc.is_file and settings.excluded(doc.path):
        return Outcome([])
    limit = limit_for(doc.path)
    size = len(doc.text.encode("utf-8", "surrogatepass"))
    if size > limit:
        return Outcome(linter.unreadable(doc.path, too_large(size, limit)))
    linter.overlay = overlay
    linter.forget_referenced()  # a named label may have changed since: read it again (from the overlay first)
    overlay.asked.clear()
    try:
        findings = linter.check_text(doc.text, doc.path)
    except Exception as exc:  # noqa: BLE001 - a bug in a rule costs this document some findings, not the server
        log(f"supplint failed while checking {doc.path}; please report it:\n{traceback.format_exc()}")
        findings = linter.internal_error(doc.path, exc) + _rule_by_rule(linter, doc, log)
    finally:
        linter.overlay = {}
    doc.names = frozenset(overlay.asked) if doc.is_page else frozenset()
    return Outcome(findings)


def _rule_by_rule(linter, doc: Document, log) -> list[Finding]:
    """Each selected rule on its own (SUP009 left out: alone, every suppression would look unused)."""
    found: dict[Finding, None] = {}
    failed = []
    for code in sorted(linter.codes - {INTERNAL_ERROR, UNUSED_SUPPRESSION}):
        try:
            alone = linter.without(linter.codes - {code})
            alone.overlay = linter.overlay
            for finding in alone.check_text(doc.text, doc.path):
                found.setdefault(finding)
        except Exception:  # noqa: BLE001 - see lint()
            failed.append(code)
    if failed and len(failed) == len(linter.codes - {INTERNAL_ERROR, UNUSED_SUPPRESSION}):
        log(f"supplint: no rule could check {doc.path} (the failure is before the rules run)")
    elif failed:
        log(f"supplint: these rules failed on {doc.path}; the others' findings are shown: {', '.join(failed)}")
    return sorted(found, key=attrgetter("sort_key"))
