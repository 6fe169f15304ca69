"""`check --preset shopper`: the run's findings reported in plain words, as sentences (concise) or as the shopper
page (html). Without `--stack` each product is its own report; with it, the products are one day's regimen."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ..findings import Finding
from ..report.lines import unicode_ok
from ..report.reporter import ReportContext, Reporter
from ..report.visible import visible
from .model import STACK_CODES, Product, Report, totals
from .summary import LabelSummary

if TYPE_CHECKING:
    from ..label.daily import LabelFacts
    from ..subjects.stack import StackContext


class _ShopperReporter(Reporter):
    wants_facts = True
    #: What a worker process sends back of each label instead of its facts tables (run.checker): the report reads
    #: a label only through its summary, so this process need not read and resolve the label again.
    worker_summary = "supplint.shopper.summary:summarise"

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        self._facts: dict[str, LabelFacts | LabelSummary] = {}
        self._products: dict[str, Product] = {}
        self._stack_findings: list[Finding] = []
        self._stack_files: dict[str, StackContext] = {}  # the stacks the run's checks built, by stack file
        self._stacked = False

    def add_facts(self, facts: LabelFacts | LabelSummary) -> None:
        """A label checked here (its facts, with the resolved label and document) or in a worker (its summary)."""
        self._facts[facts.file] = facts

    def add_stack(self, totals, name: str | None = None) -> None:
        self._stacked = True

    def add_stack_file(self, path: str, stack: StackContext) -> None:
        self._stack_files[path] = stack

    def add(self, findings: list[Finding], path: str | None = None, fail_on: str | None = None) -> None:
        self.tally.add(findings)
        if path is not None and path in self._facts:
            self._product(path)  # a clean label is in the report too
        for f in findings:  # a stack file's SUP501 comes with its path; a --stack run's without
            if f.code in STACK_CODES:
                self._stack_findings.append(f)
            else:
                self._product(f.file).findings.append(f)

    def _product(self, path: str) -> Product:
        product = self._products.get(path)
        if product is None:
            facts = self._facts.get(path)
            name = facts.product if facts is not None else path
            if isinstance(facts, LabelSummary):
                product = Product(name, path, summary=facts)
            else:
                product = Product(name, path, [], getattr(facts, "doc", None), getattr(facts, "resolved", None))
            self._products[path] = product
        return product

    def reports(self) -> list[Report]:
        stack_files = {f.file for f in self._stack_findings if f.file not in self._facts}
        products = [p for p in self._products.values() if p.file not in stack_files or p.findings]
        out = []
        if self._stacked:
            population = next((self._facts[p.file].population for p in products if p.file in self._facts), "adults")
            return [Report(products, population, totals(products), list(self._stack_findings))]
        for product in products:
            facts = self._facts.get(product.file)
            out.append(Report([product], facts.population if facts else "adults", totals([product])))
        for path in sorted(stack_files):
            findings = [f for f in self._stack_findings if f.file == path]
            out.append(_stack_file_report(path, findings, self._stack_files.get(path)))
        return out


def _stack_file_report(path: str, findings: list[Finding], stack: StackContext | None) -> Report:
    """A stack file's regimen, for its members' figures: the stack the run's check built, else (a worker's
    result) the file read again as the run read it."""
    members: list[Product] = []
    population = "adults"
    if stack is None:
        stack = _stack_read_again(path)
    if stack is not None:
        population = stack.population.description
        members = [Product(m.name, m.file, [], None, m.resolved) for m in stack.members]
    return Report(members, population, totals(members), findings)


def _stack_read_again(path: str) -> StackContext | None:
    from .. import api
    from ..files import read_text
    from ..subjects import stack as stacks

    try:
        linter = api.linter(path)
        text = read_text(path)
        doc = linter.document(text, path)
        return stacks.stack_of_file(linter, doc, text, path) if doc is not None else None
    except (OSError, ValueError):
        return None


class ShopperTextReporter(_ShopperReporter):
    """One plain sentence per problem, each product (or the stack) under a line that says what it is."""

    def close(self, checked: int) -> None:
        for report in self.reports():
            names = " and ".join(p.name for p in report.products)
            sentences = report.sentences()
            self.out.write(visible(f"{names} ({report.population}):") + "\n")
            if not sentences:
                self.out.write("  Nothing is above an upper limit, and no warning the label should carry is missing.\n")
            for _severity, sentence in sentences:
                self.out.write(f"  - {visible(sentence)}\n")
        if not self.quiet:
            total = sum(self.tally.severities.values())
            self.out.write(
                ("No problems found." if not total else f"{total:,} problem{'s' if total != 1 else ''} found.") + "\n"
            )


class ShopperHtmlReporter(_ShopperReporter):
    """The shopper page: each product's (or the stack's) report in turn."""

    def close(self, checked: int) -> None:
        from .page import page, report_html

        body = (
            "\n".join(report_html(report, index) for index, report in enumerate(self.reports(), 1))
            or "<p>No products were checked.</p>"
        )
        text = page(body)
        self.out.write(text if unicode_ok(self.out) else text.encode("ascii", "xmlcharrefreplace").decode("ascii"))


REPORTERS = {"shopper-concise": ShopperTextReporter, "shopper-html": ShopperHtmlReporter}
