"""The one table of output formats: each name → the module and class of its reporter, imported only when that
format is asked for, so a plain `check` loads its own format and no other.

Stability (docs/output.md): `json`, `json-lines`, `sarif`, `gitlab`, `junit` and `rdjson` are machine-readable and
versioned or follow their formats' own specifications; `github` is read by the Actions runner; `concise`, `full`,
`html` and the statistics are for people. The shopper preset's reports (`shopper-concise`, `shopper-html`) replace
concise and html under `--preset shopper` and are not formats of their own on the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..findings import Finding
    from .reporter import ReportContext, Reporter

#: name → "module:Class". The shopper's reporters live with the shopper report (a layer above this one): named
#: here by string, so the table stays one and nothing below the shopper imports it.
TABLE: dict[str, str] = {
    "concise": "supplint.report.concise:ConciseReporter",
    "full": "supplint.report.full:FullReporter",
    "json": "supplint.report.json:JsonReporter",
    "json-lines": "supplint.report.json:JsonLinesReporter",
    "sarif": "supplint.report.sarif:SarifReporter",
    "github": "supplint.report.github:GithubReporter",
    "gitlab": "supplint.report.gitlab:GitlabReporter",
    "junit": "supplint.report.junit:JunitReporter",
    "rdjson": "supplint.report.rdjson:RdjsonReporter",
    "html": "supplint.report.html:HtmlReporter",
    "statistics": "supplint.report.statistics:StatisticsReporter",
    "shopper-concise": "supplint.shopper.reporters:ShopperTextReporter",
    "shopper-html": "supplint.shopper.reporters:ShopperHtmlReporter",
}

#: Every format the CLI contract names (cli.md), for --output-format and --also-output.
ALL_FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit", "rdjson", "html")


def reporter_class(name: str) -> type[Reporter]:
    """The Reporter of a format in the table (KeyError for one that is not)."""
    module, _, attribute = TABLE[name].partition(":")
    return getattr(import_module(module), attribute)


def reporter(name: str, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> Reporter:
    return reporter_class(name)(out, quiet, context)


def render(
    name: str,
    findings: list[Finding],
    checked: int,
    out: TextIO,
    quiet: bool = False,
    context: ReportContext | None = None,
) -> None:
    """One list of findings (about any files) reported in full: for a caller that has them all at once."""
    made = reporter(name, out, quiet, context)
    made.add(findings)
    made.close(checked)
