"""The `html` output format: one self-contained page a person reads in a browser (or prints).

Per checked file, in order: its Supplement Facts (for a well-formed label) with bars for the %DV and the % of the
upper limit, then its findings in plain language with what to do and why; for a `--stack` run, the daily totals
per nutrient. Everything is inline (CSS in a <style> element, no script, no fonts, images or links to other
files; the CSS is html.css beside this module), and the page holds no date or timing, so the same input gives the
same bytes.

Every piece of text that comes from a label, a page, a finding or a file name goes through :func:`text`, which
escapes it for HTML and shows each control, bidirectional or invisible character (visible.py) as a marked
``<U+202E>``, so that the page shows what the label holds and its text cannot be reordered or hidden. Attribute
values go through :func:`attr`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from ..findings import SEVERITIES, Finding
from ..quantity.wording import declared_percent
from ..quantity.wording import number as format_number
from ..version import __version__
from .lines import unicode_ok
from .reporter import ReportContext, Reporter
from .summary import plural
from .visible import HIDDEN, notation, visible

if TYPE_CHECKING:
    from ..kinds.spec import RuleBase
    from ..label.daily import LabelFacts

#: `code` spans in rule summaries and hints (after escaping, so only already-escaped text is wrapped).
_CODE = re.compile(r"`([^`\n]+)`")

#: Findings that mean a label cannot be read in full (bad YAML or format, an amount, a unit, a population): such a
#: file has no facts to show.
UNREADABLE = frozenset({"SUP001", "SUP002", "SUP003", "SUP004", "SUP005"})
NO_LIMIT = "\u2014 no upper limit"
#: Amounts longer than this may wrap in their cell; shorter ones stay on one line.
LONG_AMOUNT = 18


def text(value: object) -> str:
    """``value`` as HTML element content; hidden characters as ``<U+XXXX>`` in a marked span."""
    return re.sub(HIDDEN, _hidden, html.escape(str(value), quote=True))


def _hidden(match: re.Match) -> str:
    shown = notation(match.group())
    return f'<span class="hidden-char" title="hidden character {shown[1:-1]}">{html.escape(shown)}</span>'


def attr(value: object) -> str:
    """``value`` in a quoted attribute value (no markup can go there)."""
    return html.escape(visible(str(value)), quote=True)


def prose(value: str) -> str:
    """A message, hint or rule summary: escaped, with `backticked` words set as code."""
    return _CODE.sub(r"<code>\1</code>", text(value))


def percent(value: float) -> str:
    """A computed percentage for the report: whole percents with thousands separators, "<1%" for a trace."""
    if value <= 0:
        return "0%"
    if value < 1:
        return "<1%"
    if 99.5 <= value < 100.5 and value != 100:  # just over (or under) a limit does not read as exactly 100%
        return f"{value:.1f}%"
    return declared_percent(value)


def quantity(value: float, measure: str | None) -> str:
    return f"{format_number(value)} {measure}".strip() if measure else format_number(value)


@dataclass
class _File:
    """One checked file as the report shows it."""

    number: int
    path: str
    facts: LabelFacts | None = None  # for a well-formed label
    findings: list[Finding] = field(default_factory=list)


class HtmlReporter(Reporter):
    """Keeps the run (each file's facts and findings; the page is for people, so it is not streamed) and writes
    the page at ``close``."""

    wants_facts = True
    facts_only = True

    def __init__(self, out: TextIO, quiet: bool = False, context: ReportContext | None = None) -> None:
        super().__init__(out, quiet, context)
        self._files: dict[str, _File] = {}
        self._pending: dict[str, LabelFacts] = {}  # file → LabelFacts, until that file's findings come
        self._stacks: list[tuple[str | None, dict]] = []
        self._rules: Mapping[str, RuleBase] | None = None

    # -- the Reporter protocol -----------------------------------------------------------------------------------

    def add_facts(self, facts) -> None:
        self._pending[facts.file] = facts

    def add_stack(self, totals, name: str | None = None) -> None:
        """The daily totals of a stack (nutrient id → label.daily.NutrientTotal); ``name`` says which stack, when a
        run has several (stack files)."""
        self._stacks.append((name, dict(totals)))

    def add(self, findings: list[Finding], path: str | None = None, fail_on: str | None = None) -> None:
        """One checked file's findings; without ``path``, findings that may be about any file (the one-shot
        helpers, a stack's findings at its labels): each joins its own file's section."""
        self.tally.add(findings)
        if path is not None:
            self._file(path).findings.extend(findings)
            return
        for f in findings:
            self._file(f.file).findings.append(f)

    def close(self, checked: int) -> None:
        for path in list(self._pending):  # facts whose file was never reported (not expected)
            self._file(path)
        self.out.write(self._page(checked))

    # -- rendering -------------------------------------------------------------------------------------------------

    def _file(self, path: str) -> _File:
        entry = self._files.get(path)
        if entry is None:
            entry = self._files[path] = _File(len(self._files) + 1, path, self._pending.pop(path, None))
        return entry

    def _rule(self, code: str):
        if self._rules is None:
            try:
                self._rules = self.context.rules()
            except Exception:  # noqa: BLE001 - the report still shows the findings without the rules' text
                self._rules = {}
        return self._rules.get(code)

    def _guarded_file_html(self, entry: _File) -> str:
        """A file's section; one that cannot be drawn (a bug) says so in its place, and the page stays whole."""
        try:
            return self._file_html(entry)
        except Exception as exc:  # the report of the other files must not be lost
            from ..engine import debug

            if debug():
                raise
            return (
                f'<section class="file" id="file-{entry.number}"><h2 class="file-name"><code>{text(entry.path)}'
                f'</code></h2><p class="note">supplint failed while drawing this file\'s report (internal error: '
                f"{text(type(exc).__name__)}: {text(str(exc)[:200])}); please report it. Its findings are in the "
                "other output formats.</p></section>"
            )

    def _file_html(self, entry: _File) -> str:
        number, findings = entry.number, entry.findings
        parts = [
            f'<section class="file" id="file-{number}" aria-labelledby="file-{number}-name">',
            f'<h2 id="file-{number}-name" class="file-name"><span class="visually-hidden">File: </span>'
            f"<code>{text(entry.path)}</code></h2>",
        ]
        if entry.facts is not None:
            parts.append(self._facts_html(entry.facts, number))
        elif any(f.code in UNREADABLE for f in findings):
            parts.append(
                '<p class="note">No Supplement Facts are shown: this file cannot be read in full as a '
                "label (see the findings below).</p>"
            )
        parts.append(self._findings_html(findings, number))
        parts.append("</section>")
        return "\n".join(parts)

    def _facts_html(self, facts, number: int) -> str:
        title = text(facts.product) + (f' <span class="brand">by {text(facts.brand)}</span>' if facts.brand else "")
        details = []
        if facts.serving:
            details.append(f"<div><dt>Serving size</dt><dd>{text(facts.serving)}</dd></div>")
        details.append(f"<div><dt>Servings a day</dt><dd>{facts.per_day:,}</dd></div>")
        details.append(f"<div><dt>Population</dt><dd>{text(facts.population)}</dd></div>")
        rows = [self._fact_row(row) for row in facts.rows]
        if not rows:
            rows = ['<tr><td colspan="7" class="empty">The label lists no nutrients or ingredients.</td></tr>']
        return "\n".join(
            [
                f'<p class="product">{title}</p>',
                f'<dl class="serving">{"".join(details)}</dl>',
                '<div class="table-wrap">',
                f'<table class="facts" id="file-{number}-facts">',
                f"<caption>Supplement Facts: {text(facts.product)}"
                f'<span class="caption-note">Amounts a day are per serving \u00d7 {facts.per_day:,}; '
                f"upper limits are for {text(facts.population)}.</span></caption>",
                "<thead><tr>"
                '<th scope="col">Nutrient or ingredient</th>'
                '<th scope="col">Form (as)</th>'
                '<th scope="col" class="num">Per serving</th>'
                '<th scope="col" class="num">Per day</th>'
                '<th scope="col" class="num">%DV on label</th>'
                '<th scope="col">%DV a day (computed)</th>'
                '<th scope="col">% of upper limit</th>'
                "</tr></thead>",
                "<tbody>",
                *rows,
                "</tbody>",
                "</table>",
                "</div>",
            ]
        )

    def _fact_row(self, row) -> str:
        depth = max(0, int(row.depth))
        name_class = ' class="member"' if depth else ""
        indent = f' style="padding-left:{0.5 + 1.5 * depth:g}em"' if depth else ""
        member_note = '<span class="visually-hidden">(in a blend) </span>' if depth else ""
        cells = [
            f'<th scope="row"{indent}>{member_note}{text(row.name)}</th>',
            f"<td>{text(row.as_) if row.as_ else none_mark()}</td>",
            _amount_cell(row.amount),
            _amount_cell(row.daily),
            f'<td class="num">{text(row.declared_dv) if row.declared_dv else none_mark()}</td>',
            f"<td>{_bar(row.dv_percent, 'dv', 'no Daily Value')}</td>",
            f"<td>{_bar(row.ul_percent, 'ul', NO_LIMIT)}</td>",
        ]
        return f"<tr{name_class}>" + "".join(cells) + "</tr>"

    def _findings_html(self, findings: list[Finding], number: int) -> str:
        if not findings:
            return '<p class="clean"><span class="check" aria-hidden="true">\u2713</span> No problems found.</p>'
        heading = f'<h3 id="file-{number}-findings">{plural(len(findings), "finding")}</h3>'
        items = [self._finding_html(f) for f in findings]
        return "\n".join([heading, f'<ol class="findings" aria-labelledby="file-{number}-findings">', *items, "</ol>"])

    def _finding_html(self, f: Finding) -> str:
        rule = self._rule(f.code)
        parts = [
            f'<li class="finding severity-{attr(f.severity)}" data-code="{attr(f.code)}">',
            '<p class="finding-head">'
            f'<span class="badge badge-{attr(f.severity)}">{text(f.severity)}</span> '
            f'<code class="code">{text(f.code)}</code> <span class="rule-name">{text(f.name)}</span></p>',
            f'<p class="message">{prose(f.message)}</p>',
            f'<p class="where">At <code>{text(f.file)}:{f.line}</code>'
            f'<span class="column">, column {f.column}</span></p>',
        ]
        if f.hint:
            parts.append(f'<p class="todo"><strong>What to do:</strong> {prose(f.hint)}</p>')
        if f.fix is not None:
            parts.append(
                '<p class="fix"><strong>Safe fix available:</strong> run <code>supplint check --fix</code>.</p>'
            )
        if rule is not None and getattr(rule, "summary", None):
            parts.append(
                f'<p class="why"><strong>Why:</strong> {prose(rule.summary)} '
                f'<span class="more">(More: <code>supplint rule {text(f.code)}</code>.)</span></p>'
            )
        parts.append("</li>")
        return "\n".join(parts)

    def _stack_html(self, index: int, name: str | None, totals: dict) -> str:
        anchor = _stack_anchor(index)
        products: list[str] = []
        for total in totals.values():
            for product, _daily, _ul in total.shares:
                if product not in products:
                    products.append(product)
        rows = [self._total_row(total) for total in totals.values()]
        if not rows:
            rows = ['<tr><td colspan="5" class="empty">The stack has no nutrients to add up.</td></tr>']
        title = "Daily totals of the stack" + (f": <code>{text(name)}</code>" if name else "")
        names = ", ".join(f"<strong>{text(product)}</strong>" for product in products)
        about = self._stack_findings_html() if len(self._stacks) == 1 else ""
        return "\n".join(
            [
                f'<section class="stack" id="{anchor}" aria-labelledby="{anchor}-title">',
                f'<h2 id="{anchor}-title">{title}</h2>',
                f'<p class="note">{plural(len(products), "product")} taken together: {names}.</p>',
                '<div class="table-wrap">',
                '<table class="stack-totals">',
                "<caption>Daily totals: each nutrient summed over the products taken in a day</caption>",
                "<thead><tr>"
                '<th scope="col">Nutrient</th>'
                '<th scope="col" class="num">Total per day</th>'
                '<th scope="col" class="num">Upper limit</th>'
                '<th scope="col">% of upper limit</th>'
                '<th scope="col">Each product\'s share per day</th>'
                "</tr></thead>",
                "<tbody>",
                *rows,
                "</tbody>",
                "</table>",
                "</div>",
                about,
                "</section>",
            ]
        )

    def _stack_findings_html(self) -> str:
        """The stack's own findings (rules that read a stack), each linked to where it is listed in full."""
        items = []
        for entry in self._files.values():
            for f in entry.findings:
                rule = self._rule(f.code)
                if getattr(rule, "target", None) != "stack":
                    continue
                items.append(
                    f'<li><span class="badge badge-{attr(f.severity)}">{text(f.severity)}</span> '
                    f'<code class="code">{text(f.code)}</code> {prose(f.message)} '
                    f'<a href="#file-{entry.number}">(at <code>{text(f.file)}:{f.line}</code>)</a></li>'
                )
        if not items:
            return '<p class="clean"><span class="check" aria-hidden="true">\u2713</span> No stack rule fired.</p>'
        return "\n".join(["<h3>Findings about the stack</h3>", '<ul class="stack-findings">', *items, "</ul>"])

    @staticmethod
    def _total_row(total) -> str:
        """One nutrient of a stack. Where the limit counts something else than the total (folic acid of folate,
        preformed vitamin A, supplemental magnesium), what it counts is shown beside each amount."""
        limited = bool(total.limit)

        def toward(daily: float, ul: float) -> str:
            if not limited or (total.limit_measure == total.measure and abs(daily - ul) <= 1e-9 * max(1.0, daily)):
                return ""
            return f' <span class="toward">({text(quantity(ul, total.limit_measure))} toward the limit)</span>'

        shares = "".join(
            f'<li><span class="share-name">{text(product)}</span> <span class="share-amount">'
            f"{text(quantity(daily, total.measure))}{toward(daily, ul)}</span></li>"
            for product, daily, ul in total.shares
        )
        limit = text(quantity(total.limit, total.limit_measure)) if limited else none_mark("no upper limit")
        return (
            "<tr>"
            f'<th scope="row">{text(total.nutrient)}</th>'
            f'<td class="num">{text(quantity(total.total, total.measure))}'
            f"{toward(total.total, total.ul_total)}</td>"
            f'<td class="num">{limit}</td>'
            f"<td>{_bar(total.ul_percent, 'ul', NO_LIMIT)}</td>"
            f'<td><ul class="shares">{shares}</ul></td>'
            "</tr>"
        )

    def _summary_html(self, checked: int) -> str:
        severities = self.tally.severities
        total = sum(severities.values())
        labels = sum(entry.facts is not None for entry in self._files.values())
        clean = sum(not entry.findings for entry in self._files.values())
        badges = "".join(
            f'<li><span class="badge badge-{s}">{s}</span> {severities[s]:,}</li>' for s in reversed(SEVERITIES)
        )
        stats = [
            f"<div><dt>Files checked</dt><dd>{checked:,}</dd></div>",
            f"<div><dt>Labels with Supplement Facts</dt><dd>{labels:,}</dd></div>",
            f"<div><dt>Files with no problems</dt><dd>{clean:,}</dd></div>",
            f"<div><dt>Findings</dt><dd>{total:,}</dd></div>",
        ]
        return "\n".join(
            [
                f'<p class="summary-line">{text(self.tally.summary(checked))}</p>',
                f'<dl class="stats">{"".join(stats)}</dl>',
                f'<ul class="severities" aria-label="Findings by severity">{badges}</ul>',
            ]
        )

    def _toc_html(self) -> str:
        if not self._files and not self._stacks:
            return ""
        items = []
        for entry in self._files.values():
            counts = {s: sum(f.severity == s for f in entry.findings) for s in SEVERITIES}
            found = ", ".join(plural(counts[s], s) for s in reversed(SEVERITIES) if counts[s]) or "no problems"
            label = f" \u2014 {text(entry.facts.product)}" if entry.facts is not None else ""
            items.append(
                f'<li><a href="#file-{entry.number}"><code>{text(entry.path)}</code></a>{label} '
                f'<span class="toc-count">({found})</span></li>'
            )
        stack = "".join(
            f'<li><a href="#{_stack_anchor(index)}">Daily totals of the stack</a>'
            + (f" <code>{text(name)}</code>" if name else "")
            + "</li>"
            for index, (name, _totals) in enumerate(self._stacks, 1)
        )
        return (
            '<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>'
            + stack
            + "".join(items)
            + "</ol></nav>"
        )

    def _page(self, checked: int) -> str:
        body = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="supplint">',
            "<title>supplint report</title>",
            f"<style>{style()}</style>",
            "</head>",
            "<body>",
            '<header class="page-header">',
            "<h1>supplint report</h1>",
            self._summary_html(checked),
            "</header>",
            self._toc_html(),
            "<main>",
            *(self._stack_html(index, name, totals) for index, (name, totals) in enumerate(self._stacks, 1)),
            *(self._guarded_file_html(entry) for entry in self._files.values()),
            "</main>",
            f"<footer><p>Made by supplint {text(__version__)}. %DV: the daily amount as a percentage of the FDA "
            "Daily Value. Upper limit: the Tolerable Upper Intake Level for the population. Bars stop at 100%; the "
            "number shows the whole value.</p></footer>",
            "</body>",
            "</html>",
            "",
        ]
        page = "\n".join(part for part in body if part)
        return page if unicode_ok(self.out) else page.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _amount_cell(value: str | None) -> str:
    """An amount, kept on one line ("125 mcg") unless it is long ("400 mcg DFE (240 mcg folic acid)")."""
    if not value:
        return f'<td class="num">{none_mark()}</td>'
    return f'<td class="num{" long" if len(value) > LONG_AMOUNT else ""}">{text(value)}</td>'


def _stack_anchor(index: int) -> str:
    return "stack" if index == 1 else f"stack-{index}"


def none_mark(what: str = "none") -> str:
    return f'<span class="none">\u2014<span class="visually-hidden"> {text(what)}</span></span>'


def _bar(value: float | None, kind: str, missing: str) -> str:
    """A percentage as text with a bar under 100% wide; for the upper limit, past 100% the bar is hatched in a
    warning colour and says so in words."""
    if value is None:
        return f'<span class="none">{text(missing)}</span>'
    width = max(0.0, min(value, 100.0))
    over = kind == "ul" and value > 100
    state = " over" if over else ""
    flag = '<span class="flag">above the limit</span>' if over else ""
    return (
        f'<div class="bar-cell"><span class="value">{percent(value)}</span>'
        f'<span class="track" aria-hidden="true"><span class="fill {kind}{state}" style="width:{width:.1f}%">'
        f"</span></span>{flag}</div>"
    )


def style() -> str:
    """The page's CSS (html.css, package data), read once per page."""
    from importlib.resources import files

    return files(__package__).joinpath("html.css").read_text(encoding="utf-8").strip()
