"""One file checked: its bytes linted with the settings that apply to it, and --fix / --diff.

Fixes are applied in passes (apply the fixes that do not overlap, lint the result again) and kept only if the
fixed text is still a well-formed label; a file the YAML parser or the label model rejects is never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ..edit import fixes
from ..engine import debug
from ..files import read_bytes
from ..filetypes import is_page, is_panel, looks_like_label
from ..findings import Finding
from ..subjects.contract import Checked
from .settings import Resolver

if TYPE_CHECKING:
    from ..label.daily import LabelFacts

MAX_PASSES = 5
#: Findings that mean the file is not a well-formed label: such a file is never rewritten.
UNFIXABLE = frozenset({"SUP001", "SUP002"})
#: A fix must not introduce these (it would have broken the file or an amount).
BREAKAGE = frozenset({"SUP001", "SUP002", "SUP003", "SUP004"})


@dataclass
class FileResult:
    path: str
    fail_on: str  # the file's --fail-on (its config's, unless the command line says)
    findings: list[Finding]
    original: str | None = None
    fixed_text: str | None = None  # set when fixes changed the text
    fixed: int = 0
    bom: bool = False
    notes: list[str] = field(default_factory=list)
    skipped: bool = False  # a walked YAML file that is not a label: not checked, not reported
    unfixed: list[Finding] | None = None  # the findings before fixing: reported if the file cannot be written
    labels: list[tuple[str, str]] = field(default_factory=list)  # a page's named labels (Checker.collect_labels)
    # what the engine computed for the file as read (Checker.keep), so reports and --stack need not read and
    # resolve it again; None from a worker process (the resolved label holds the reference tables)
    checked: Checked | None = None
    # a worker's small stand-in for ``checked`` (Checker.facts): the label's Supplement Facts, or the summary the
    # report asked for (Checker.summary), None for a file that has none (a page, a label that does not validate);
    # ``facts_known`` says the worker looked
    facts: LabelFacts | Any = None
    facts_known: bool = False

    def diff(self) -> str:
        if self.fixed_text is None or self.original is None:
            return ""
        import difflib

        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.fixed_text.splitlines(keepends=True),
                fromfile=f"a/{self.path}",
                tofile=f"b/{self.path}",
            )
        )


class Checker:
    """One file's check with the settings that apply to its path; with ``fix``, its safe fixes too (the text is
    returned, not written: the session writes it).

    ``collect_labels``: a page does not check the labels it names but lists them in its result (``labels``), so
    that the run checks and reports each of them once, at its own file (session.NamedLabels)."""

    def __init__(self, resolver: Resolver, fix: bool = False, collect_labels: bool = False):
        self.resolver = resolver
        self.fix = fix
        self.collect_labels = collect_labels
        self.keep = False  # keep the engine's Checked on each result (FileResult.checked)
        self.facts = False  # give each result its label's facts (FileResult.facts): a worker, for the report
        # or, instead, what this function ("module:function") makes of the resolved label and its document
        self.summary: str | None = None

    def check_bytes(self, raw: bytes, path: str) -> FileResult:
        if self.collect_labels and is_page(path):
            from ..subjects.page import collecting_named_labels

            with collecting_named_labels() as named:  # the fix passes' checks, too, leave the labels alone
                return self._check_bytes(raw, path, named)
        return self._check_bytes(raw, path, [])

    def _check_bytes(self, raw: bytes, path: str, named: list[tuple[str, str]]) -> FileResult:
        settings = self.resolver.for_path(path)
        linter = settings.linter_for(path)
        try:
            checked = linter.check_raw(raw, path)
            findings = checked.findings
            result = FileResult(
                path,
                settings.fail_on,
                findings,
                bom=raw.startswith(b"\xef\xbb\xbf"),
                labels=list(named),
                checked=checked if self.keep else None,
            )
            if self.facts or self.summary:
                result.facts_known = True
                if checked.resolved is not None:
                    result.facts = self._facts(checked, path)
            if is_panel(path) and not any(f.code == "SUP001" for f in findings):  # the importer's other notes
                from ..subjects.panel import panel_notes

                result.notes += panel_notes(raw.decode("utf-8-sig", "replace"), path)
            if self.fix and any(f.fix for f in findings):
                self._fix(result, raw.decode("utf-8-sig"), linter)
        except Exception as exc:
            if debug():
                raise
            result = FileResult(path, settings.fail_on, linter.internal_error(path, exc))
        return result

    def _facts(self, checked: Checked, path: str):
        """What a worker sends back of a label for the report: the summary it asked for, else the facts tables
        alone (not the resolved label they were made from, which holds the reference tables: 50 KB a label)."""
        if self.summary is not None:
            return _function(self.summary)(checked.resolved, checked.doc, path)
        from dataclasses import replace

        from ..label.daily import label_facts

        assert checked.resolved is not None  # asked only of a label that resolved
        return replace(label_facts(checked.resolved, path), resolved=None)

    def fix_with(self, linter, text: str, path: str) -> FileResult:
        """``text`` checked and, where safe, fixed by ``linter`` (the library's fix_text: no file, no config)."""
        findings = linter.check_text(text, path)
        result = FileResult(path, "warning", findings)
        if any(f.fix for f in findings):
            self._fix(result, text, linter)
        return result

    def check_path(self, path: str, sniff: bool = False) -> FileResult:
        """``sniff``: a walked YAML file, checked only if it looks like a label (else the result is ``skipped``)."""
        try:
            raw = read_bytes(path)
        except OSError as exc:
            settings = self.resolver.for_path(path)
            return FileResult(path, settings.fail_on, settings.linter_for(path).unreadable(path, exc))
        if sniff and not looks_like_label(raw):
            return FileResult(path, "warning", [], skipped=True)
        return self.check_bytes(raw, path)

    def _fix(self, result: FileResult, text: str, linter) -> None:
        findings = result.findings
        if any(f.code in UNFIXABLE for f in findings):
            result.notes.append(f"{result.path}: not fixed: the file is not a well-formed label")
            return
        broken_before = sum(f.code in BREAKAGE for f in findings)
        current, total = text, 0
        for _ in range(MAX_PASSES):
            groups = [[fixes.TextEdit(**edit) for edit in f.fix["edits"]] for f in findings if f.fix]
            if not groups:
                break
            candidate, applied = fixes.apply(current, groups)
            after = linter.check_text(candidate, result.path)
            if sum(f.code in BREAKAGE for f in after) > broken_before:
                result.notes.append(f"{result.path}: a fix would have broken the file; left as it was")
                break
            current, findings, total = candidate, after, total + applied
            if applied == len(groups):
                break
        if current != text:
            result.unfixed = result.findings
            result.original, result.fixed_text, result.fixed, result.findings = text, current, total, findings


@cache
def _function(name: str):
    """A report's summary function, named "module:function" by the reporter: the report layer sits above this one,
    so it is named, not imported (as report.formats names the shopper's reporters)."""
    import importlib

    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)
