"""Pasted text → products → findings, daily totals and the shopper report, all in memory.

A paste is a label in YAML, a Supplement Facts panel as text, an NIH DSLD record (JSON) or an affiliate page
(Markdown with front matter, or HTML). Several products are several texts, or one text with a line of three
dashes (``---``) between them; two or more well-formed labels are one person's daily stack (SUP501).

Nothing here reads a file: pages are checked with ``read_files=False`` (a label a page names is SUP405, "not
given"), and a pasted stack file's named label files are refused with a note (its inline labels are products).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from .. import api
from ..errors import SupplintError
from ..findings import Finding
from ..report.visible import json_safe

if TYPE_CHECKING:
    from ..shopper.model import Report
    from ..subjects.stack import StackEntry

#: More products than this in one request is a usage error: a day's regimen, not a catalogue.
MAX_PRODUCTS = 20
_SEPARATOR = re.compile(r"^---[ \t]*$", re.M)
_PANEL_HEADING = re.compile(r"supplement\s+facts", re.I)
_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(\s|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n(.*)\Z", re.S)


class InputError(SupplintError, ValueError):
    """The request cannot be checked as given (an unknown population, too many products): 400, saying why."""


@dataclass
class Piece:
    kind: str  # label, panel, dsld, page
    text: str
    filename: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    kind: str
    report: Report
    notes: list[str]

    def to_json(self) -> str:
        findings = ",".join(json.dumps(f.to_dict(), ensure_ascii=False) for f in self.report.findings())
        totals = json.dumps([t.to_dict() for t in self.report.totals.values()], ensure_ascii=False)
        head = json.dumps({"kind": self.kind, "notes": self.notes}, ensure_ascii=False)[:-1]
        return json_safe(f'{head}, "findings": [{findings}], "totals": {totals}}}')


def split(texts: list[str]) -> list[str]:
    """Each text, split at ``---`` lines unless it is a page (whose front matter is fenced by them)."""
    out = []
    for text in texts:
        text = text.replace("\r\n", "\n")  # a browser sends a textarea's lines ending in CRLF
        if _kind_of(text) == "page":
            out.append(text)
            continue
        parts = [part for part in _SEPARATOR.split(text) if part.strip()]
        # A pasted panel may print a `---` ruler between its rows: split only where every part is a product of its
        # own (a label, or a panel under its own "Supplement Facts" heading).
        if len(parts) > 1 and not all(_kind_of(part) == "label" or _PANEL_HEADING.search(part) for part in parts):
            parts = [text]
        out += parts
    return out


def _kind_of(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        return "dsld"
    if stripped.startswith("<"):
        return "page"
    match = _FRONT_MATTER.match(stripped)
    if (
        match
        and match[2].strip()
        and not re.search(r"^(facts|product|stack):", match[1], re.M)
        and not _looks_like_label(match[2])
    ):
        return "page"
    return "label" if _looks_like_label(stripped) else "panel"


def _looks_like_label(text: str) -> bool:
    """YAML that starts with a key and has a top-level `product:`, `facts:` or `stack:`: a label (or a stack), even
    if it does not load. A panel's first line is its product's name or "Supplement Facts"."""
    first = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    return bool(_YAML_KEY.match(first)) and bool(re.search(r"^(product|facts|stack)[ \t]*:", text, re.M))


def pieces(texts: list[str]) -> list[Piece]:
    chunks = split(texts)
    if len(chunks) > MAX_PRODUCTS:
        raise InputError(f"{len(chunks)} products were pasted; at most {MAX_PRODUCTS} are checked at once")
    out: list[Piece] = []
    for number, chunk in enumerate(chunks, 1):
        kind = _kind_of(chunk)
        if kind == "page":
            name = "page.html" if chunk.lstrip().startswith("<") else "page.md"
            out.append(Piece(kind, chunk, name if len(chunks) == 1 else f"page-{number}{name[4:]}"))
        elif kind == "dsld":
            out.append(Piece(kind, chunk, f"product-{number}.json"))
        elif kind == "label":
            out += _label_or_stack(chunk, number)
        else:
            out.append(_panel(chunk, number))
    return out


def _label_or_stack(text: str, number: int) -> list[Piece]:
    """A label; or a pasted stack file, whose inline labels become products (named label files are not read)."""
    from ..importers import dump_label
    from ..label.loader import LoadError, load

    if not re.search(r"^stack[ \t]*:", text, re.M):  # most pastes: a label, loaded once, when it is checked
        return [Piece("label", text, f"product-{number}.yaml")]
    try:
        data = load(text).data
    except LoadError:
        data = None
    if not (isinstance(data, dict) and isinstance(data.get("stack"), list) and "facts" not in data):
        return [Piece("label", text, f"product-{number}.yaml")]
    out, refused = [], 0
    for index, entry in enumerate(data["stack"], 1):
        label = entry.get("label") if isinstance(entry, dict) else None
        if isinstance(label, dict):
            out.append(Piece("label", dump_label(label), f"product-{number}-{index}.yaml"))
        else:
            refused += 1
    notes = (
        [
            f"the pasted stack names {refused} label file{'s' if refused != 1 else ''}; files are not read here, "
            "so paste each label's text instead"
        ]
        if refused
        else []
    )
    if out:
        out[0].notes += notes
        return out
    return [Piece("label", "", f"product-{number}.yaml", notes)] if notes else []


def _panel(text: str, number: int) -> Piece:
    """A Supplement Facts panel as text, through the text importer in memory."""
    from ..importers import ImportFailed, dump_label
    from ..importers import text as text_importer

    name = f"product-{number}.yaml"
    try:
        conversion = text_importer.convert(text, f"product {number}")
    except ImportFailed as exc:
        return Piece("panel", "", name, [f"product {number} could not be read as a Supplement Facts panel: {exc}"])
    except Exception as exc:  # noqa: BLE001 - the importer failing on one paste must not end the request
        return Piece(
            "panel",
            "",
            name,
            [f"product {number}: supplint failed while reading the panel ({type(exc).__name__}); please report it"],
        )
    notes = [f"product {number}: {note}" for note in conversion.notes]
    return Piece("panel", dump_label(conversion.label), name, notes)


def check(texts: list[str], population: str | None = None, select=None) -> Outcome:
    """Check pasted texts as `supplint check` would (files never read); two or more labels are a stack."""
    from ..engine import UsageError
    from ..ruleset.registry import SelectionError
    from ..shopper.model import Product, Report, totals
    from ..subjects import stack as stacks

    found = pieces([t for t in texts if t.strip()])
    if not found:
        raise InputError("nothing was pasted")
    try:
        checker = api.linter("product.yaml", population=population, select=select, read_files=False)
    except (UsageError, SelectionError) as exc:
        raise InputError(str(exc)) from None
    entries: list[StackEntry] = []
    products, notes = [], []
    for number, piece in enumerate(found, 1):
        notes += piece.notes
        if not piece.text:
            continue
        findings: list[Finding] = checker.check_text(piece.text, piece.filename)
        # the person's group (the one chosen) for every product, as a stack file does, whatever a label names
        person = checker.resolved(piece.text, piece.filename, own_population=False) if piece.kind != "page" else None
        name = person[1].label.product if person else ("the page" if piece.kind == "page" else f"Product {number}")
        products.append(Product(name, piece.filename, findings, *(person or (None, None))))
        if person is not None:
            entries.append((piece.filename, person[0], person[1], None, ()))
    stack_findings: list[Finding] = []
    stack = stacks.build(checker, entries) if len(entries) >= 2 else None
    if stack is not None:
        stack_findings = sorted(stacks.findings(checker, stack), key=attrgetter("sort_key"))
        for member, product in zip(stack.members, (p for p in products if p.resolved is not None), strict=False):
            product.name = member.name  # unique in the stack ("X (product-2.yaml#2)" when two share a name)
    kind = "stack" if stack is not None else (found[0].kind if len(found) == 1 else "label")
    report = Report(products, checker.population.description, totals(products), stack_findings, notes)
    return Outcome(kind, report, notes)
