"""The Reporter every output format is, and the ReportContext its caller hands it.

A reporter writes findings as they come, one checked file's at a time in the order files are checked, and ``close``
ends the output. Nothing is kept but counts (except by the formats for people that draw a whole page), so a run
over any number of files holds one file's findings at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from ..findings import Finding
from .source import Reader, read_file
from .summary import Tally


def shipped_rules() -> Mapping[str, Any]:
    """The shipped rule set (code → rule), for a caller that has no run of its own (a one-off report)."""
    from ..ruleset.registry import registry

    return registry().rules


def shipped_reference() -> Any:
    from ..reference.tables import reference

    return reference()


@dataclass(frozen=True)
class ReportContext:
    """What a reporter needs beyond the findings, given by whoever makes it (the run, the web page, a test), so
    that no format reaches for the rule set, the reference tables or the files itself. The rule set and the
    reference are callables: they are loaded only when a format asks (a plain run's concise output never does)."""

    rules: Callable[[], Mapping[str, Any]] = shipped_rules  # code → rule (summary, severity, fix, target)
    reference: Callable[[], Any] = shipped_reference  # the reference tables (rule sources)
    read: Reader = read_file  # a reported file's text (standard input's too: the run keeps it)
    err: TextIO | None = None  # where a format that keeps its stream for commands writes the summary line
    colour: bool = False  # the people formats' colours (the run says so for a terminal that wants them)
    #: False: no findings come about a file after its own (a run without --stack), so the summary's count of
    #: files need not remember each file (summary.Tally)
    revisits: bool = True


class Reporter:
    """One output format. ``add`` is called once per checked file, in order; ``close`` ends the output."""

    #: A reporter that shows each label's Supplement Facts (the HTML report) sets this; the run then calls
    #: ``add_facts`` with a ``label.daily.LabelFacts`` before ``add`` for each label file, ``add_stack_file`` with
    #: the stack a stack file's check built (when the run kept it), and ``add_stack`` once with the daily totals of
    #: a ``--stack`` run.
    wants_facts = False
    #: The facts tables (``LabelFacts`` rows) are all it reads of a label, not the resolved label or document they
    #: come with: a worker process can send them back instead of the label being read again.
    facts_only = False

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        self.out = out
        self.quiet = quiet
        self.context = context or ReportContext()
        self.tally = Tally(self.context.revisits)

    def add_facts(self, facts) -> None:
        pass

    def add_stack(self, totals) -> None:
        pass

    def add_stack_file(self, path: str, stack) -> None:
        pass

    def add(self, findings: list[Finding], path: str | None = None, fail_on: str | None = None) -> None:
        """One checked file's findings (``path`` names it, for formats that list clean files too; ``fail_on`` is
        that file's lowest failing severity, for formats that tell failures from notes)."""
        self.write(findings)
        self.tally.add(findings)

    def write(self, findings: list[Finding]) -> None:
        raise NotImplementedError

    def close(self, checked: int) -> None:
        if not self.quiet:
            self.out.write(self.tally.summary(checked) + "\n")
