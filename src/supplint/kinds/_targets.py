"""What a kind that reads more than one target asks of a rule beyond the registry's checks: that it sets no
parameter of another target. (Its templates are the registry's to check, against the kind's ``FIELDS_BY_TARGET``
for the rule's target, as it checks every kind's.)
"""

from __future__ import annotations

from collections.abc import Iterable


def refuse_others(spec, kind: str, parameters: Iterable[str], what: str) -> None:
    """ValueError when ``spec`` sets one of ``parameters`` (field names), which its target does not read."""
    given = [name for name in parameters if name in spec.model_fields_set]
    if given:
        shown = ", ".join(f"`{_key(spec, name)}`" for name in given)
        raise ValueError(f"a {kind} rule for a {spec.target} {what}: it takes no {shown}")


def _key(spec, name: str) -> str:
    """A field's name as a pack writes it (its kebab-case alias, where it has one)."""
    alias = type(spec).model_fields[name].alias
    return alias or name
