"""Daily stacks: several products taken together (`--stack`, or a stack file), checked as one regimen (SUP501).

A stack file is a YAML document with a top-level `stack:` list; each entry names a label file (relative to the
stack file) or holds a label inline, and may say how many servings a day are taken:

    population: adults-51+          # optional
    stack:                          # one person: the stack's population (else --population or config, else
                                    # adults) applies to every product, whatever population a label names
      - label: multivitamin.yaml
      - label: calcium-d3.yaml
        per_day: 2
      - label: {product: Vitamin D3 Supplement, facts: [{name: Vitamin D3, amount: 25 mcg}]}
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, cast

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from ..codes import INVALID_LABEL
from ..files import read_text, repository_root
from ..findings import Finding, Span
from ..hits import Hit
from ..label.daily import stack_totals
from ..label.loader import Document
from ..label.model import population_id
from ..label.validation import problems_of, validate
from ..quantity.amounts import MAX_PER_DAY
from .contract import Engine

if TYPE_CHECKING:
    from ..label.resolve import Resolved
    from ..reference.tables import Population, Reference

    # (file, its document or its entry in the stack file, resolved, per_day or None, prefix) per product
    StackEntry = tuple[str, Document | "_AtEntry", Resolved, int | None, tuple]


@dataclass(slots=True)
class Member:
    name: str  # unique within the stack: the product name (and its file when two share it)
    file: str  # where findings about it are reported
    doc: Document | _AtEntry
    resolved: Resolved
    per_day: int
    prefix: tuple = ()  # the label's path inside its document (inline labels of a stack file)


@dataclass(slots=True)
class StackContext:
    members: list[Member]
    totals: dict  # nutrient id → summary.NutrientTotal
    population: Population
    reference: Reference

    def member(self, name: str) -> Member:
        return next(m for m in self.members if m.name == name)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str | dict
    per_day: int | None = Field(None, ge=1, le=MAX_PER_DAY)  # the bound a label's per_day has


class _StackFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stack: list[_Entry] = Field(min_length=1)
    population: Annotated[str, PlainValidator(population_id)] | None = None


def build(engine: Engine, entries: list[StackEntry]) -> StackContext | None:
    """(file, doc, resolved, per_day or None, prefix) per product → the stack, or None with fewer than two."""
    members: list[Member] = []
    names: dict[str, int] = {}
    for file, doc, resolved, per_day, prefix in entries:
        name = resolved.label.product
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:
            name = f"{name} ({os.path.basename(file)}#{names[name]})"
        members.append(Member(name, file, doc, resolved, per_day or resolved.per_day, prefix))
    if len(members) < 2:
        return None
    totals = stack_totals([(m.name, m.resolved, m.per_day) for m in members])
    return StackContext(members, totals, engine.population, engine.reference)


def findings(engine: Engine, stack: StackContext) -> list[Finding]:
    """The stack rules' findings, each at the amount of the product and nutrient it is about (in that product's
    file, or at its entry in a stack file)."""
    found: list[Finding] = []
    for spec, hit in engine.run_rules("stack", stack, stack.members[0].file, found):
        assert hit.member is not None and hit.nutrient is not None  # a stack rule's hit names both
        member = stack.member(hit.member)
        rows = member.resolved.rows_of(hit.nutrient)
        path = (*member.prefix, *rows[0].amount_path) if rows else member.prefix
        # an entry of a stack file places a path as a Document does, inside its entry
        found.append(engine.finding(Hit(path, hit.message, hit.hint), member.file, spec, cast("Document", member.doc)))
    return found


def stack_of_file(engine: Engine, doc: Document, text: str, filename: str) -> StackContext | None:
    """The regimen a stack file describes, for a caller that has not checked it (``Checked.stack`` has it)."""
    return check_stack_file(engine, doc, text, filename)[1]


def check_stack_file(
    engine: Engine, doc: Document, text: str, filename: str
) -> tuple[list[Finding], StackContext | None]:
    """A stack file: its entries are validated, inline labels linted in place, named label files read; SUP501.
    Also the regimen it describes (for reports of its daily totals), None with fewer than two products."""
    try:
        stack_file = _StackFile.model_validate(doc.data)
    except ValidationError as exc:
        return engine.findings(problems_of(exc, doc, "stack file: ", _StackFile), filename), None
    if stack_file.population:
        engine = engine.with_population(stack_file.population)
    out: list[Finding] = []
    entries: list[StackEntry] = []
    base = os.path.dirname(os.path.abspath(filename))
    root = repository_root(base)
    for index, entry in enumerate(stack_file.stack):
        at = ("stack", index, "label")
        if isinstance(entry.label, dict):
            sub = Document(entry.label, doc.node(at))
            label, problems = validate(sub)
            out += engine.findings(problems, filename)
            if label is not None:
                own = engine.resolve_label(label)
                out += engine.lint_resolved(sub, text, filename, own)
                stacked = own if label.population is None else engine.resolve_label(label, False)
                entries.append((filename, doc, stacked, entry.per_day, at))
            continue
        path = os.path.normpath(os.path.join(base, entry.label))
        try:
            if os.path.isabs(entry.label):
                raise ValueError("is an absolute path")
            member_text = read_text(path, root)
        except (OSError, ValueError) as exc:
            reason = "is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
            problem = Hit.at(
                INVALID_LABEL,
                f"stack: label file '{entry.label}' {reason}",
                doc.value_span(at),
                "name label files relative to the stack file, inside its repository",
            )
            out += engine.findings([problem], filename)
            continue
        found = engine.resolved(member_text, path, own_population=False)
        if found is None:
            problem = Hit.at(
                INVALID_LABEL,
                f"stack: '{entry.label}' is not a well-formed label; check it on its own",
                doc.value_span(at),
            )
            out += engine.findings([problem], filename)
            continue
        _, resolved = found
        entries.append((filename, _AtEntry(doc, at), resolved, entry.per_day, ()))
    stack = build(engine, entries)
    if stack is not None:
        out += findings(engine, stack)
    return out, stack


class _AtEntry:
    """A named label file's rows are reported at its entry in the stack file (the reader is looking at the stack)."""

    def __init__(self, doc: Document, at: tuple):
        self.doc, self.at = doc, at

    def value_span(self, path: tuple) -> Span:
        return self.doc.value_span(self.at)
