"""Dosage forms named in words ("2 tablets", "Softgel Capsule") → the label format's forms, from
rules/data/dosage-forms.yaml: one reading for the rules (a label's serving size) and the DSLD importer."""

from __future__ import annotations

import re
from functools import cache

from ..shipped import files as data
from ..shipped.patterns import compiled

_SPACE = re.compile(r"\s+")


@cache
def _form_words() -> tuple[re.Pattern, dict[str, str]]:
    table = data.load("data/dosage-forms.yaml")
    word_form = {}
    for form, words in table.items():
        for word in words:
            word_form[_SPACE.sub(" ", str(word).lower())] = form
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(word_form, key=len, reverse=True))
    return compiled(rf"(?<![a-z0-9])({alternatives})(?:e?s)?(?![a-z0-9])", re.IGNORECASE), word_form


def form_named(text: str) -> str | None:
    """The form the first form word in ``text`` names (the longest spelling where several start there), or None."""
    pattern, word_form = _form_words()
    match = pattern.search(text)
    return word_form[_SPACE.sub(" ", match.group(1).lower())] if match else None
