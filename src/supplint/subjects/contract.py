"""What the engine offers the subjects it checks (pages, stacks, DSLD records, pasted panels): the one public
interface they call, so that none reaches into the engine's private methods and none imports it (the engine
imports them). ``engine.Linter`` is the implementation; a test or another front end may give its own.

A subject finds problems as hits (hits.Hit) and hands them back through ``finding`` or ``findings``, which stamp the
rule and place them; it never builds a ``Finding`` itself. What it computed beyond findings (a label's resolved
rows, a stack) it returns in a ``Checked`` so that reports and stacks need not read the file again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..findings import Finding
    from ..hits import Hit
    from ..kinds.spec import RuleBase as RuleSpec
    from ..label.loader import Document
    from ..label.resolve import Resolved
    from ..reference.tables import Population, Reference
    from ..ruleset.registry import Registry
    from .stack import StackContext


@dataclass(slots=True)
class Checked:
    """What checking one file computed: its findings, and what it was read as, for reports and stacks that would
    otherwise read and resolve the file again. ``resolved`` is the label (resolve.Resolved) when the file is one
    that validates (a YAML label, a DSLD record, a pasted panel), with its ``doc``; ``stack`` the regimen a stack
    file describes (stack.StackContext) when it has two products or more. Both are None for a page, for what does
    not load, and when the check failed (SUP008)."""

    findings: list[Finding]
    doc: Document | None = None
    resolved: Resolved | None = None
    stack: StackContext | None = None


class Engine(Protocol):
    """The rules, options and reference data of a run, and the operations a subject needs from them."""

    registry: Registry
    reference: Reference
    codes: frozenset[str]  # the rules selected for this file
    population: Population  # for labels that name none, and for every product of a stack
    #: Texts that stand in for files on disk (absolute, normalized path → text); ``read_files`` False: a page's
    #: named labels come from there only.
    overlay: Mapping[str, str]
    read_files: bool

    def finding(
        self,
        hit: Hit,
        filename: str,
        rule: RuleSpec | None = None,
        doc: Document | None = None,
        text: str | None = None,
    ) -> Finding:
        """``hit`` as a finding of ``rule`` (or of the built-in rule its code names), placed in ``doc``."""

    def findings(self, hits: Iterable[Hit], filename: str, doc: Document | None = None) -> list[Finding]:
        """Built-in hits as findings, keeping those whose code is selected."""

    def run_rules(
        self, target: str, subject: object, filename: str, findings: list[Finding]
    ) -> Iterator[tuple[RuleSpec, Hit]]:
        """(rule, hit) of every selected rule reading ``target`` ("page", "stack", "label"); a rule that fails
        adds its SUP008 to ``findings`` and the others still run."""

    def check(self, text: str, filename: str) -> Checked:
        """A whole file's text checked, as if it were that file (an embedded label, a named label)."""

    def check_label(self, doc: Document, text: str, filename: str) -> Checked:
        """A loaded document checked as a label (validated, resolved, linted)."""

    def lint_resolved(self, doc: Document, text: str, filename: str, resolved: Resolved) -> list[Finding]:
        """The label rules' findings on a label already resolved (an inline label of a stack file)."""

    def resolve_label(self, label, own_population: bool = True) -> Resolved: ...

    def resolved(
        self, text: str, filename: str = "label.yaml", own_population: bool = True
    ) -> tuple[Document, Resolved] | None:
        """(document, resolved label) of a label file's text, or None when it is not a well-formed label."""

    def with_population(self, population: str) -> Engine: ...

    def suppressed(self, findings: list[Finding], directives: list, filename: str) -> list[Finding]:
        """The findings suppression directives leave, plus SUP009 for those they did not use."""

    def referenced_findings(self, path: str) -> list[Finding]:
        """A label file's own findings (checked once per engine), for the pages that name it."""
