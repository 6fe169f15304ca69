"""The shopper report as HTML: the sentences first, then one table of what a day of the products adds up to.

Every text from the input goes through html_report.text (escaped, hidden characters shown). No author-facing words:
no file names, lines, rule codes, fixes or regulation citations; those are in the editors' report.
"""

from __future__ import annotations

from ..report.html import attr, none_mark, percent, quantity, text
from .model import Report, Total, in_sentence, words


def report_html(report: Report, index: int = 1) -> str:
    """The report's body: sentences, the facts table with its legend, and notes; for a page or a panel."""
    near = float(words()["near"])
    sentences = report.sentences()
    names = [p.name for p in report.products]
    anchor = "shopper" if index == 1 else f"shopper-{index}"
    parts = [
        f'<section class="shopper" id="{anchor}" aria-labelledby="{anchor}-title">',
        f'<h2 id="{anchor}-title">What this means for you</h2>',
        f'<p class="for">For {text(report.population)}, taking '
        + (
            " and ".join(f"<strong>{text(n)}</strong>" for n in names)
            if len(names) < 3
            else ", ".join(f"<strong>{text(n)}</strong>" for n in names[:-1])
            + f" and <strong>{text(names[-1])}</strong>"
        )
        + (" together" if len(names) > 1 else "")
        + " as each label directs.</p>",
    ]
    if sentences:
        parts.append('<ul class="sentences">')
        parts += [f'<li class="sentence {attr(severity)}">{text(sentence)}</li>' for severity, sentence in sentences]
        parts.append("</ul>")
    else:
        parts.append(
            '<p class="sentence-none">Nothing here is above an upper limit, and no warning the label '
            "should carry is missing.</p>"
        )
    parts.append(_table(report, near))
    for note in report.notes:
        parts.append(f'<p class="note">{text(note)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _table(report: Report, near: float) -> str:
    rows = [_row(total, near, len(report.products) > 1) for total in report.totals.values()]
    if not rows:
        return '<p class="note">No nutrient amounts could be read, so there is nothing to add up.</p>'
    legend = "".join(
        f'<li><span class="swatch {attr(status)}" aria-hidden="true"></span>{text(entry["says"])}</li>'
        for status, entry in words()["colours"].items()
    )
    from_head = '<th scope="col">From</th>' if len(report.products) > 1 else ""
    return "\n".join(
        [
            '<div class="table-wrap">',
            '<table class="daily">',
            f"<caption>A day of {'these products' if len(report.products) > 1 else 'this product'}"
            '<span class="caption-note">'
            f"Upper limits and Daily Values are for {text(report.population)}.</span></caption>",
            "<thead><tr>"
            '<th scope="col">Nutrient (what the amount includes)</th>'
            '<th scope="col" class="num">A day</th>'
            '<th scope="col" class="num">Upper limit</th>'
            '<th scope="col">% of the upper limit</th>'
            '<th scope="col">% of the Daily Value</th>'
            f"{from_head}</tr></thead>",
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
            "</div>",
            f'<ul class="legend" aria-label="What the colours mean">{legend}</ul>',
        ]
    )


def _row(total: Total, near: float, several: bool) -> str:
    status = words()["colours"][total.status(near)]["says"]
    counts = ""
    if total.limit and total.limit_counts:
        part = quantity(total.toward_limit, total.limit_measure)
        what = f"only {in_sentence(total.limit_name)}" if total.limit_name else total.limit_counts
        counts = (
            f'<span class="counts" title="{attr(total.limit_counts)}">all forms; the limit counts {text(what)}: '
            f"{text(part)} of this</span>"
        )
    elif total.limit:
        counts = '<span class="counts">all of it counts toward the limit</span>'
    limit = text(quantity(total.limit, total.limit_measure)) if total.limit else none_mark("no upper limit")
    shares = ""
    if several:
        items = "".join(
            f'<li>{text(name)}: <span class="amount">{text(quantity(daily, total.measure))}</span></li>'
            for name, daily, _ in total.shares
        )
        shares = f'<td><ul class="shares">{items}</ul></td>'
    state = total.status(near)
    return (
        f'<tr class="{attr(state)}">'
        f'<th scope="row">{text(total.nutrient)}{counts}</th>'
        f'<td class="num">{text(quantity(total.daily, total.measure))}</td>'
        f'<td class="num">{limit}</td>'
        f"<td>{_bar(total.ul_percent, state, status, 'no upper limit')}</td>"
        f"<td>{_bar(total.dv_percent, state, status, 'no Daily Value', flagged=False)}</td>"
        f"{shares}</tr>"
    )


def _bar(value: float | None, state: str, says: str, missing: str, flagged: bool = True) -> str:
    """A percentage with a bar in the colour of its row's state against the upper limit (the legend's); the words
    of that state beside the upper-limit bar, and for screen readers beside the Daily Value bar."""
    if value is None:
        return f'<span class="none">{text(missing)}</span>'
    width = max(0.0, min(value, 100.0))
    shown = "flag" if flagged else "visually-hidden"
    flag = f'<span class="{shown}">{text(says)}</span>' if state in ("over", "near") else ""
    return (
        f'<div class="bar-cell"><span class="value">{percent(value)}</span>'
        f'<span class="track" aria-hidden="true"><span class="fill {attr(state)}" style="width:{width:.1f}%">'
        f"</span></span>{flag}</div>"
    )


def style() -> str:
    colours = words()["colours"]
    swatches = "\n".join(
        f".fill.{name}, .swatch.{name} {{ background: {entry['colour']}; }}\n"
        f"tr.{name} .flag {{ color: {entry['colour']}; }}"
        for name, entry in colours.items()
    )
    return STYLE + "\n" + swatches


def page(body: str, title: str = "What's in your supplements") -> str:
    """A whole page around ``body`` (the report, a form or both)."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text(title)}</title>",
            f"<style>{style()}</style>",
            "</head>",
            "<body>",
            f"<header><h1>{text(title)}</h1></header>",
            "<main>",
            body,
            "</main>",
            "<footer><p>Upper limit: the most of a nutrient a day that is likely to pose no risk of harm "
            "(the Tolerable Upper Intake Level of the US National Academies). "
            "Daily Value: the FDA's reference amount a day. Bars stop at 100%; the number shows the whole value. "
            "This page is not medical advice.</p></footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --rule: #c9c9c9; --band: #f3f4f6; --track: #e4e6ea; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink);
  background: #fff; line-height: 1.45; }
body { margin: 0 auto; padding: 1.2rem 2rem 3rem; max-width: 72rem; }
h1 { font-size: 1.7rem; margin: 0 0 .6rem; }
h2 { font-size: 1.3rem; margin: 0 0 .5rem; }
.for { color: var(--muted); margin: 0 0 .6rem; }
ul.sentences { list-style: none; padding: 0; margin: 0 0 1.2rem; }
li.sentence { font-size: 1.08rem; font-weight: 600; padding: .45rem .8rem; margin: 0 0 .5rem; background: #fafafa;
  border-left: 6px solid #6b6f76; }
li.sentence.error { border-left-color: #b3261e; }
li.sentence.warning { border-left-color: #b06000; }
.sentence-none { font-weight: 600; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 800; font-size: 1.1rem; padding: .3rem 0 .4rem; border-bottom: 4px solid var(--ink); }
.caption-note { display: block; font-weight: 400; font-size: .85rem; color: var(--muted); }
th, td { padding: .35rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: middle; }
thead th { font-size: .82rem; color: var(--muted); border-bottom: 2px solid var(--ink); }
tbody tr:nth-child(even) { background: var(--band); }
.counts { display: block; font-weight: 400; font-size: .8rem; color: var(--muted); }
.num { text-align: right; white-space: nowrap; }
.none { color: var(--muted); }
.bar-cell { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .5rem; min-width: 9.5rem; }
.bar-cell .value { min-width: 3.8em; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.track { flex: 0 0 4.5rem; height: .8rem; background: var(--track); border: 1px solid #b9bcc2; border-radius: .2rem;
  overflow: hidden; }
.fill { display: block; height: 100%; }
.flag { font-weight: 700; font-size: .8rem; }
ul.shares { list-style: none; margin: 0; padding: 0; font-size: .85rem; min-width: 13rem; }
table.daily tbody th { min-width: 12rem; }
table.daily td.num { white-space: normal; min-width: 6.5rem; }
ul.shares .amount { white-space: nowrap; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; padding: 0; margin: .6rem 0 1rem;
  font-size: .9rem; }
.swatch { display: inline-block; width: 1.4rem; height: .8rem; margin-right: .4rem; vertical-align: middle;
  border: 1px solid #888; }
.note { color: var(--muted); }
form textarea { width: 100%; min-height: 14rem; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace;
  font-size: .9rem; }
form label { display: block; font-weight: 600; margin: .6rem 0 .2rem; }
form .help { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
form button { margin-top: .8rem; font-size: 1rem; padding: .4rem 1.2rem; }
section.shopper, form.paste { border: 1px solid var(--rule); border-radius: .4rem; padding: 1rem 1.2rem; margin: 0 0 1.4rem; }
.error-box { border-left: 6px solid #b3261e; padding: .4rem .8rem; background: #fdf3f2; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); }
.hidden-char { font-family: ui-monospace, monospace; font-size: .8em; color: #b3261e; border: 1px solid #b3261e; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
""".strip()  # noqa: E501 - one CSS rule a line, as the page carries it
