"""What the label text rules' tests share (tests/kinds/: required text, claim language, allergens, content claims):
the statements a label must carry, word for word, and the lines at which a code fires."""

from __future__ import annotations

import json

import supplint

DISCLAIMER_PLURAL = (
    "These statements have not been evaluated by the Food and Drug Administration. "
    "This product is not intended to diagnose, treat, cure, or prevent any disease."
)
DISCLAIMER_SINGULAR = (
    "This statement has not been evaluated by the Food and Drug Administration. "
    "This product is not intended to diagnose, treat, cure, or prevent any disease."
)
IRON_WARNING = (
    "WARNING: Accidental overdose of iron-containing products is a leading cause of fatal poisoning in "
    "children under 6. Keep this product out of reach of children. In case of accidental overdose, "
    "call a doctor or poison control center immediately."
)


def found(text: str, code: str) -> list[int]:
    """Lines at which ``code`` fires; the label must be well formed (no SUP00x)."""
    findings = supplint.check_text(text, filename="x.yaml")
    assert not [f for f in findings if f.code.startswith("SUP00")], [(f.code, f.message) for f in findings]
    return [f.line for f in findings if f.code == code]


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text)
