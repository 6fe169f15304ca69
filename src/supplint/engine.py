"""The pipeline a label takes: text → YAML nodes → Label → resolved rows → rules → sorted findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property, lru_cache
from operator import attrgetter

from . import suppressions
from .codes import INTERNAL_ERROR, INVALID_YAML, UNUSED_SUPPRESSION
from .edit.fixes import TextEdit, as_fix, split_lines, value_edits
from .errors import SupplintError
from .filetypes import is_dsld, is_page, is_panel
from .findings import FILE_START, Finding, Severity, Span
from .hits import Hit, ValueEdit
from .kinds import evaluators
from .kinds.spec import RuleBase
from .label.loader import Document, LoadError, load
from .label.resolve import resolve
from .label.validation import validate
from .reference.tables import Reference, reference
from .ruleset.registry import Registry, registry
from .subjects.contract import Checked
from .suggest import did_you_mean


def debug() -> bool:
    """SUPPLINT_DEBUG=1: let an internal error raise with its traceback instead of becoming SUP008."""
    return bool(os.environ.get("SUPPLINT_DEBUG"))


def is_stack_document(doc: Document) -> bool:
    """A stack file (stacks.py) rather than a label: a top-level `stack:` list and no `facts`."""
    return isinstance(doc.data, dict) and "stack" in doc.data and "facts" not in doc.data


class UsageError(SupplintError, ValueError):
    """A bad option value (population, rule selection): exit 2 with one clear line."""


@lru_cache(maxsize=4)  # the fixes of one file's findings share its lines
def _lines(text: str) -> list[str]:
    return split_lines(text)


class Linter:
    """Holds everything that is the same for every file of a run: rules, options, reference data."""

    #: Texts that stand in for files on disk when a page names a label (absolute, normalized path → text): an
    #: editor's unsaved buffers. A command-line run reads the disk only.
    overlay: Mapping[str, str] = {}
    #: False: a page's named labels come from ``overlay`` only, never from disk (a CMS hook that passes them in).
    read_files: bool = True

    def __init__(
        self,
        codes: Iterable[str],
        population: str | None = None,
        rules: Registry | None = None,
        data: Reference | None = None,
        options: dict[str, dict] | None = None,
        severity: Mapping[str, Severity] | None = None,
    ):
        self.registry = rules or registry()
        self.reference = data or reference()
        self.codes = frozenset(codes)
        self.population = self._population(population or "adults")
        self.options = options or {}
        self.severity = severity or {}
        self.active = self._rules("label")
        self._referenced: dict[str, list[Finding]] = {}  # label files pages name, checked once per run

    def _rules(self, target: str) -> list:
        """(spec, evaluate, options) of the selected rules that read a ``target``."""
        kinds = evaluators()
        return [
            (spec, kinds[spec.kind], {**spec.defaults(), **self.options.get(code, {})})
            for code, spec in self.registry.rules.items()
            if code in self.codes and spec.kind != "builtin" and spec.target == target
        ]

    # Built when the first page or stack is checked: their rules' defaults compile about a hundred patterns, which
    # a run on labels alone would pay for at every start.
    @cached_property
    def page_active(self) -> list:
        return self._rules("page")

    @cached_property
    def stack_active(self) -> list:
        return self._rules("stack")

    def without(self, codes: Iterable[str]) -> Linter:
        """The same linter with some rules off (per-file-ignores)."""
        return Linter(
            self.codes - frozenset(codes),
            self.population.id,
            self.registry,
            self.reference,
            self.options,
            self.severity,
        )

    @classmethod
    def from_options(
        cls,
        population: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        extend_select: Iterable[str] | None = None,
    ) -> Linter:
        rules = registry()
        codes = rules.select(
            list(select) if select is not None else None, list(ignore or ()), list(extend_select or ())
        )
        return cls(codes, population, rules)

    def _population(self, name: str):
        populations = self.reference.populations
        if name not in populations:
            hint = did_you_mean(name, populations)
            from .quantity.wording import quoted

            raise UsageError(
                f"unknown population {quoted(name)}" + (f"; {hint}" if hint else f" (one of {', '.join(populations)})")
            )
        if not populations[name].supported:
            raise UsageError(
                f"population '{name}' has no reference values in supplint's tables yet; "
                "supported: " + ", ".join(p for p, v in populations.items() if v.supported)
            )
        return populations[name]

    def check_path(self, path: str | os.PathLike[str]) -> list[Finding]:
        """A file's findings. A file that cannot be read raises ``files.Unreadable`` (an OSError) with the reason."""
        from .files import read_bytes

        return self.check_bytes(read_bytes(os.fspath(path)), os.fspath(path))

    def unreadable(self, filename: str, exc: OSError) -> list[Finding]:
        """A file that could not be read (too large, not a regular file, permission denied): one SUP001 for it."""
        from .files import os_reason

        reason = os_reason(exc)
        return self.findings([Hit.at(INVALID_YAML, f"the file {reason}", FILE_START, reason.hint)], filename)

    def run_rules(
        self, target: str, subject: object, filename: str, findings: list[Finding]
    ) -> Iterator[tuple[RuleBase, Hit]]:
        """(rule, hit) for every selected rule that reads a ``target`` ("label", "page" or "stack") on ``subject``.
        A rule that raises costs only its own findings: the file gets SUP008 naming the rule (appended to
        ``findings``), and every other rule still runs."""
        active = self.active if target == "label" else self.page_active if target == "page" else self.stack_active
        for spec, evaluate, options in active:
            try:
                hits = list(evaluate(spec, subject, options))
            except Exception as exc:
                if debug():
                    raise
                findings += self.internal_error(filename, exc, spec)
                continue
            for hit in hits:
                yield spec, hit

    def internal_error(self, filename: str, exc: BaseException, rule=None) -> list[Finding]:
        """SUP008: checking ``filename`` raised inside supplint (in ``rule``, when one rule did). Always reported,
        whatever the selection: a silenced crash would look like a clean file."""
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else "no detail"
        if rule is not None:
            message = (
                f"rule {rule.code} ({rule.name}) failed on this file, so its findings are missing; the other "
                f"rules ran ({type(exc).__name__}: {detail})"
            )
        else:
            message = (
                f"supplint failed while checking this file, so its results are incomplete "
                f"({type(exc).__name__}: {detail})"
            )
        hint = (
            "this is a bug in supplint, not in the file: please report it with the file at "
            "https://github.com/supplint/supplint/issues (SUPPLINT_DEBUG=1 shows the traceback)"
        )
        return [self.finding(Hit.at(INTERNAL_ERROR, message, FILE_START, hint), filename)]

    def check_bytes(self, raw: bytes, filename: str) -> list[Finding]:
        return self.check_raw(raw, filename).findings

    def check_raw(self, raw: bytes, filename: str) -> Checked:
        """A file's bytes checked: its findings and what it was read as. The one way in for a file on disk."""
        from .files import limit_for, too_large

        limit = limit_for(filename)
        if len(raw) > limit:  # standard input and the library come here without files.read_bytes' check
            return Checked(self.unreadable(filename, too_large(len(raw), limit)))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            problem = Hit.at(
                INVALID_YAML,
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                Span(line, 1, line, 1),
                "save the file as UTF-8",
            )
            return Checked(self.findings([problem], filename))
        return self.check(text, filename)

    def check_text(self, text: str, filename: str) -> list[Finding]:
        return self.check(text, filename).findings

    def check(self, text: str, filename: str) -> Checked:
        """Lint a label, a page when ``filename`` ends in .md/.markdown/.mdx/.html/.htm, an NIH DSLD label record
        (converted, then linted as a label) when it ends in .json, or a Supplement Facts panel copied as text
        (imported, then linted as a label) when it ends in .txt."""
        if is_page(filename):
            from .subjects.page import (
                check_page,  # pages, and their parsers, load only for a page
            )

            checked = Checked(check_page(self, text, filename))
        elif is_dsld(filename):
            from .subjects.dsld import check_dsld

            checked = check_dsld(self, text, filename)
        elif is_panel(filename):
            from .subjects.panel import check_panel

            checked = check_panel(self, text, filename)
        else:
            checked = self._check(text, filename)
        checked.findings.sort(key=attrgetter("sort_key"))
        return checked

    def document(self, text: str, filename: str) -> Document | None:
        """The YAML document (or the converted DSLD record) a file holds; None for a page or what does not load."""
        if is_page(filename):
            return None
        if is_dsld(filename):
            from .subjects.dsld import dsld_document

            return dsld_document(text, filename)
        if is_panel(filename):
            from .subjects.panel import panel_document

            return panel_document(text, filename)
        try:
            return load(text)
        except LoadError:
            return None

    def resolved(self, text: str, filename: str = "label.yaml", own_population: bool = True):
        """(document, resolved label) for summaries and stacks, or None when it is not a well-formed label.
        ``own_population=False`` uses the linter's population even where the label names one (a stack's person)."""
        doc = self.document(text, filename)
        return self.resolve_document(doc, own_population) if doc is not None else None

    def resolve_document(self, doc: Document, own_population: bool = True):
        label, _ = validate(doc)
        if label is None:
            return None
        return doc, self.resolve_label(label, own_population)

    def resolve_label(self, label, own_population: bool = True):
        population = (
            self.reference.populations[label.population] if label.population and own_population else self.population
        )
        return resolve(label, self.reference, population)

    def with_population(self, population: str) -> Linter:
        """The same linter for another population (a stack file that names one)."""
        return Linter(self.codes, population, self.registry, self.reference, self.options, self.severity)

    def facts(self, text: str, filename: str):
        """A label's Supplement Facts with daily figures (summary.LabelFacts), or None for a page or a broken label."""
        from .label.daily import label_facts

        found = self.resolved(text, filename)
        return label_facts(found[1], filename, found[0]) if found else None

    def referenced_findings(self, path: str) -> list[Finding]:
        """A label file's findings (as its own file), remembered for other pages that name it."""
        found = self._referenced.get(path)
        if found is None:
            text = self.overlay.get(path)
            if text is None and not self.read_files:
                raise FileNotFoundError(f"label file {path} was not given")
            found = self._referenced[path] = self.check_path(path) if text is None else self.check_text(text, path)
        return found

    def forget_referenced(self) -> None:
        """Forget the remembered findings of named labels: a long-lived linter whose files change (an editor)."""
        self._referenced.clear()

    def _check(self, text: str, filename: str) -> Checked:
        try:
            loaded = load(text)
        except LoadError as exc:
            checked = Checked(self.findings([exc.problem], filename))
            doc: Document | None = None
        else:
            doc = loaded
            checked = (
                self._stack(loaded, text, filename)
                if is_stack_document(loaded)
                else self.check_label(loaded, text, filename)
            )
        if suppressions.MARKER in text:
            checked.findings = self.suppressed(checked.findings, suppressions.find(text, doc, self.registry), filename)
        return checked

    def _stack(self, doc: Document, text: str, filename: str) -> Checked:
        from .subjects.stack import check_stack_file  # most runs have no stack file

        # the document's own problems (a duplicate key, a tag that does not fit) first, as a label's are
        findings, stack = check_stack_file(self, doc, text, filename)
        return Checked(self.findings(doc.problems, filename) + findings, doc, stack=stack)

    def check_label(self, doc: Document, text: str, filename: str) -> Checked:
        """A loaded document checked as a label: validated, resolved (with the label's own population) and linted.
        ``text`` is what fix edits are computed on (a document with no node tree gets none)."""
        label, problems = validate(doc)
        findings = self.findings(doc.problems + problems, filename)
        if label is None:
            return Checked(findings, doc)
        resolved = self.resolve_label(label)
        return Checked(findings + self.lint_resolved(doc, text, filename, resolved), doc, resolved)

    def lint_resolved(self, doc: Document, text: str, filename: str, resolved) -> list[Finding]:
        """The label rules' findings on a resolved label (its document gives positions; ``text`` the fix edits)."""
        findings = self.findings(resolved.issues, filename, doc)
        for spec, hit in self.run_rules("label", resolved, filename, findings):
            findings.append(self.finding(hit, filename, spec, doc, text))
        return findings

    def suppressed(self, findings: list[Finding], directives: list, filename: str) -> list[Finding]:
        """The findings the directives leave, plus SUP009 for what they did not use."""
        findings = suppressions.apply(findings, directives)
        if UNUSED_SUPPRESSION in self.codes:
            findings += self.findings(suppressions.unused(directives, self.codes, self.registry), filename)
        return findings

    def findings(self, hits: Iterable[Hit], filename: str, doc: Document | None = None) -> list[Finding]:
        """Built-in problems (hits that name their code) as findings, for the codes selected."""
        return [self.finding(hit, filename, doc=doc) for hit in hits if hit.code in self.codes]

    def finding(
        self, hit: Hit, filename: str, rule=None, doc: Document | None = None, text: str | None = None
    ) -> Finding:
        """The one place a hit becomes a finding. Stamped with ``rule`` (the rule whose evaluator made it) or the
        built-in rule its code names: code, name, and severity after the configuration's overrides. Placed at its
        span, or at its path in ``doc`` (the file's start for an empty path or no document). A fix of value edits
        needs ``doc`` with its node tree and ``text``; all of it applies or none."""
        spec = rule if rule is not None else self.registry.rules[hit.code]
        if hit.span is not None:
            span = hit.span
        elif not hit.path or doc is None:
            span = FILE_START
        else:
            span = doc.key_span(hit.path) if hit.at_key else doc.value_span(hit.path)
        fix = self._fix(hit.fix, doc, text) if hit.fix else None
        severity = self.severity.get(spec.code, spec.severity)
        return Finding(
            spec.code,
            spec.name,
            severity,
            hit.message,
            filename,
            span.line,
            span.column,
            span.end_line,
            span.end_column,
            hint=hit.hint,
            fix=fix,
        )

    @staticmethod
    def _fix(changes: tuple[ValueEdit | TextEdit, ...], doc: Document | None, text: str | None) -> dict | None:
        edits: list[TextEdit] = []
        for change in changes:
            if isinstance(change, TextEdit):
                edits.append(change)
                continue
            found = (
                value_edits(change.path, change.new, change.old, doc, _lines(text))
                if doc is not None and text is not None
                else None
            )
            if found is None:
                return None  # all of a fix or none of it
            edits += found
        return as_fix(edits)
