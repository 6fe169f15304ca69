"""What the amount rules' tests share (tests/kinds/: declared DV, metric units, amounts that agree, unit spellings):
the codes and lines a label gets, its findings of one code, and a kind's own hits under changed options."""

from __future__ import annotations

import supplint
from conftest import label_with_rows
from supplint.kinds import evaluators
from supplint.label.loader import load
from supplint.label.resolve import resolve
from supplint.label.validation import validate
from supplint.reference.tables import reference
from supplint.ruleset.registry import registry

AMOUNT_RULES = ("SUP204", "SUP205", "SUP206", "SUP207", "SUP208")


label = label_with_rows


def found(text: str, codes=AMOUNT_RULES) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_text(text, filename="x.yaml") if f.code in codes)


def findings(text: str, code: str):
    return [f for f in supplint.check_text(text, filename="x.yaml") if f.code == code]


def no_load_errors(text: str) -> bool:
    return not [f for f in supplint.check_text(text, filename="x.yaml") if f.code.startswith("SUP00")]


def hits(code: str, text: str, **options):
    """The kind's own hits, with options overridden: what a team's configuration would change."""
    spec = registry().rules[code]
    document = load(text)
    parsed, problems = validate(document)
    assert parsed is not None, problems
    resolved = resolve(parsed, reference(), reference().populations["adults"])
    return list(evaluators()[spec.kind](spec, resolved, spec.defaults() | options))
