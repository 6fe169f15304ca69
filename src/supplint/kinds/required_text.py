"""Kind `required-text`: some text field of the label must match one of the rule's patterns."""

from __future__ import annotations

from collections.abc import Iterator

from ..resolve import Resolved
from ..rulespec import RequiredTextRule
from . import Hit


def evaluate(rule: RequiredTextRule, resolved: Resolved, options: dict) -> Iterator[Hit]:
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
