"""What a kind that reads more than one target asks of a rule beyond the registry's checks: that it sets no
parameter of another target, and that its templates use only the fields its own target provides.

The registry checks a rule's templates against the kind's ``FIELDS``, which for such a kind is every target's; a
field of another target would render empty, so the kind's Spec refuses it here, when the packs load (a field of no
target is left to the registry, which names it the same way for every kind).
"""

from __future__ import annotations

from collections.abc import Iterable

from . import template_fields


def refuse_others(spec, kind: str, parameters: Iterable[str], what: str) -> None:
    """ValueError when ``spec`` sets one of ``parameters`` (field names), which its target does not read."""
    given = [name for name in parameters if name in spec.model_fields_set]
    if given:
        shown = ", ".join(f"`{_key(spec, name)}`" for name in given)
        raise ValueError(f"a {kind} rule for a {spec.target} {what}: it takes no {shown}")


def templates_fit(spec, kind: str, by_target: dict[str, frozenset[str]], templates: Iterable[str]) -> None:
    """ValueError when a template of ``spec`` (message, hint, ``templates``) uses a field that the kind provides
    for another target only (``by_target``: target → its fields). A field of no target is the registry's to name."""
    provided = by_target[spec.target]
    for name in ("message", "hint", *templates):
        template = getattr(spec, name, None)
        if not template:
            continue
        try:
            used = template_fields(template)
        except ValueError:
            continue  # a malformed template: the registry names it
        for target, fields in by_target.items():
            other = sorted((used & fields) - provided)
            if other:
                raise ValueError(
                    f"{_key(spec, name)} uses {{{', '.join(other)}}}, which kind {kind} provides for a {target} only; "
                    f"a {spec.target} rule's fields are {', '.join(sorted(provided))}"
                )


def _key(spec, name: str) -> str:
    """A field's name as a pack writes it (its kebab-case alias, where it has one)."""
    alias = type(spec).model_fields[name].alias
    return alias or name
