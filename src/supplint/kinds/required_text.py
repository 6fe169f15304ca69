"""Kind `required-text`: some text field of the label must match one of the rule's patterns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from ..rulespec import RuleBase

from ..resolve import Resolved
from . import Hit


class Spec(RuleBase):
    kind: Literal["required-text"]
    fields: tuple[Literal["warnings", "directions", "notes", "claims", "disclaimer", "allergens", "identity"], ...]
    at: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _patterns_declared(self) -> Spec:
        if self.options.get("patterns") is None or self.options["patterns"].type != "patterns":
            raise ValueError("a required-text rule needs the option `patterns` of type patterns")
        return self


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    label = resolved.label
    texts = []
    for field in rule.fields:
        value = getattr(label, field)
        if value:
            texts.extend(value if isinstance(value, tuple) else (value,))
    patterns = options["patterns"]
    if any(pattern.search(text) for pattern in patterns for text in texts):
        return
    anchor = next((field for field in rule.at if getattr(label, field, None)), None)
    yield Hit((anchor,) if anchor else (), rule.message, rule.hint, at_key=True)
