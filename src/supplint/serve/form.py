"""The pages of `supplint serve`: the paste form, the report under it, and error pages. No script: a plain form
that works in any browser and in a screen reader; everything from the input is escaped (html_report.text)."""

from __future__ import annotations

import html

from ..report.html import attr, text
from ..shopper.page import page, report_html

EXAMPLE = "Supplement Facts\nServing Size 1 Softgel\nVitamin D3 (as cholecalciferol) 125 mcg (5,000 IU) 625%"


def _populations(chosen: str | None) -> str:
    from ..reference.tables import reference

    options = []
    for pid, population in reference().populations.items():
        selected = " selected" if pid == (chosen or "adults") else ""
        disabled = "" if population.supported else " disabled"
        note = "" if population.supported else " (no figures yet)"
        options.append(f'<option value="{attr(pid)}"{selected}{disabled}>{text(population.description)}{note}</option>')
    return "".join(options)


def form_html(
    texts: list[str] | None = None, population: str | None = None, view: str = "shopper", error: str | None = None
) -> str:
    texts = list(texts or [])
    first, rest = (texts[0] if texts else ""), "\n---\n".join(texts[1:])
    views = "".join(
        f'<option value="{value}"{" selected" if value == view else ""}>{label}</option>'
        for value, label in (
            ("shopper", "in plain words, for the person taking them"),
            ("editor", "for the label's editors (every rule, with lines and fixes)"),
        )
    )
    problem = f'<p class="error-box" role="alert">{text(error)}</p>' if error else ""
    return "\n".join(
        [
            '<form class="paste" method="post" action="/" accept-charset="utf-8">',
            problem,
            '<label for="text">A product</label>',
            '<p class="help" id="text-help">Paste a Supplement Facts panel as text, '
            "a label in supplint's YAML format, or an NIH DSLD record (JSON). "
            "Several products in one box: put a line with three dashes (<code>---</code>) between them. "
            "Products taken on the same day are added up.</p>",
            f'<textarea id="text" name="text" aria-describedby="text-help" spellcheck="false" '
            f'placeholder="{attr(EXAMPLE)}">{_field(first)}</textarea>',
            '<label for="text-2">Another product taken the same day (optional)</label>',
            f'<textarea id="text-2" name="text" spellcheck="false">{_field(rest)}</textarea>',
            '<label for="population">Who takes them</label>',
            f'<select id="population" name="population">{_populations(population)}</select>',
            '<label for="view">Report</label>',
            f'<select id="view" name="view">{views}</select>',
            '<p><button type="submit">Check</button></p>',
            "</form>",
        ]
    )


def _field(value: str) -> str:
    """A textarea's text as pasted (escaped; its line breaks kept, a leading one doubled as HTML drops the first)."""
    return ("\n" if value.startswith("\n") else "") + html.escape(value, quote=False)


def form_page(
    texts: list[str] | None = None, population: str | None = None, view: str = "shopper", error: str | None = None
) -> str:
    return page(form_html(texts, population, view, error))


def report_page(outcome, texts: list[str], population: str | None, view: str) -> str:
    """The report above the form (filled in again, to change and check again)."""
    if view == "editor":
        return _editor_page(outcome)
    return page(report_html(outcome.report) + "\n" + form_html(texts, population, view))


def _editor_page(outcome) -> str:
    """The editors' report (the `--output-format html` page, unchanged), for the pasted products."""
    import io

    from ..label.daily import label_facts
    from ..report.html import HtmlReporter

    out = io.StringIO()
    reporter = HtmlReporter(out)
    report = outcome.report
    for product in report.products:
        if product.resolved is not None:
            reporter.add_facts(label_facts(product.resolved, product.file))
        reporter.add(product.findings, product.file)
    if report.stack_findings:
        reporter.add(report.stack_findings)
    reporter.close(len(report.products))
    return out.getvalue()


def error_page(status: int, message: str) -> str:
    return page(
        f'<p class="error-box" role="alert">{text(message)}</p><p><a href="/">Back to the form</a></p>',
        f"Error {status}",
    )
