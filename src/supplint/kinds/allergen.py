"""Kind `allergen`: an ingredient comes from a major food allergen that `allergens:` does not declare.

The vocabulary is data (`vocabulary`, e.g. data/allergens.yaml): per allergen, `derived` (ingredient words that
bring it), `not` (phrases that contain such a word but are not the allergen: "milk thistle") and `declared`
(words that declare it in `allergens:`). All are regular expressions matched case-insensitively on whole words,
so "eggplant", "buckwheat", "butternut" and "shellfish" are not egg, wheat, peanut and fish.

Ingredients, in label order: each facts row's `name` then its `as` (blend members included), then each
`other_ingredients` item. Every text is folded first as the claim and disclosure matchers fold it (_text.fold: NFKC,
ASCII quotes and dashes, no soft hyphens or zero-width characters), so "soy\u00adbean oil" and "ﬁsh gelatin" (a
PDF ligature) are soy and fish; what a message quotes is the text as written. In `allergens:`, words after "free
of", "free from", "does not contain", "contains no", "no", "without", words ending "-free" and facility /
shared-equipment statements do not declare anything.

One finding per undeclared allergen, at the first ingredient text that brings it. Message fields: `{allergen}`,
`{ingredient}` (the ingredient text), `{words}` (the words that matched).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from ..label.resolve import Resolved
from ..shipped import files as data
from ..shipped.patterns import compiled
from . import Hit, render
from ._text import alternation, fold, fold_with_offsets, inside
from .spec import RuleBase

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"allergen", "ingredient", "words"})


class Spec(RuleBase):
    kind: Literal["allergen"]
    vocabulary: str


@dataclass(frozen=True, slots=True)
class Allergen:
    id: str
    name: str
    declared: re.Pattern


@dataclass(frozen=True, slots=True)
class Vocabulary:
    allergens: dict[str, Allergen]
    derived: re.Pattern  # one named group per allergen: a0, a1, ...
    groups: dict[str, str]  # group name → allergen id
    exempt: re.Pattern | None


@cache
def _vocabulary(path: str) -> Vocabulary:
    table = data.load(path)
    rows = table.get("allergens") if isinstance(table, dict) else None
    if not rows:
        raise ValueError(f"{path} needs a mapping `allergens`")
    allergens, groups, parts = {}, {}, []
    exempt: list[str] = []
    try:
        for index, (key, row) in enumerate(rows.items()):
            allergens[key] = Allergen(key, row.get("name", key), alternation(row["declared"]))
            group = f"a{index}"
            groups[group] = key
            body = "|".join(f"(?:{p})" for p in sorted(row["derived"], key=len, reverse=True))
            parts.append(f"(?P<{group}>{body})")
            exempt.extend(row.get("not") or ())
        derived = compiled(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])", re.IGNORECASE)
        return Vocabulary(allergens, derived, groups, alternation(exempt) if exempt else None)
    except (KeyError, TypeError, re.error) as exc:
        raise ValueError(f"{path}: bad allergen entry: {exc}") from None


VOCABULARY = _vocabulary  # the registry loads each rule's vocabulary file when the packs load


@lru_cache(maxsize=20_000)  # ingredient names repeat from label to label
def allergens_in(text: str, path: str) -> tuple[tuple[str, str, int], ...]:
    """(allergen id, matched words, where) for each allergen an ingredient text brings, first occurrence each
    (vocabulary: the data file ``path``)."""
    vocabulary = _vocabulary(path)
    folded, offsets = fold_with_offsets(text)
    result: dict[str, tuple[str, int]] = {}
    spans = None
    for match in vocabulary.derived.finditer(folded):
        if spans is None:
            spans = [m.span() for m in vocabulary.exempt.finditer(folded)] if vocabulary.exempt else []
        start, end = match.span()
        if inside(spans, start, end):
            continue
        assert match.lastgroup is not None  # every alternative is a named group
        allergen = vocabulary.groups[match.lastgroup]
        result.setdefault(allergen, (text[offsets[start] : offsets[end]], offsets[start]))
    return tuple((key, words, where) for key, (words, where) in result.items())


# Parts of an `allergens:` statement that do not declare an allergen as present. "Made ... in a facility" looks
# for the facility within 300 characters of "made": unbounded, every "made" of a long clause that names no
# facility after it was a scan to the end of the clause, quadratic in all.
_NOT_DECLARING = re.compile(
    r"\b(?:free\s+(?:of|from)|does\s+not\s+contain|contains\s+no|no|without)\b[^.;]*"
    r"|\b\w+-free\b"
    r"|\b(?:manufactured|made|produced|processed|packaged)\b[^.;]{0,300}?\b(?:facility|equipment|plant)\b[^.;]*"
    r"|\b(?:facility|equipment)\b[^.;]*",
    re.IGNORECASE,
)


def declared(text: str | None, vocabulary: Vocabulary) -> frozenset[str]:
    if not text:
        return frozenset()
    stated = _NOT_DECLARING.sub(" ", fold(text))
    return frozenset(key for key, allergen in vocabulary.allergens.items() if allergen.declared.search(stated))


def _ingredients(resolved: Resolved) -> Iterator[tuple[tuple, str | int, str]]:
    """(where the text is, its key there, the text): the path is put together only for a text that brings an
    allergen, which few do, while every label has a dozen texts."""
    for row in resolved.rows:
        yield row.path, "name", row.name
        if row.as_:
            yield row.path, "as", row.as_
    for index, text in enumerate(resolved.label.other_ingredients):
        yield ("other_ingredients",), index, text


def _part(text: str, where: int) -> str:
    """The comma-separated part of an ingredient text around a position ("cod liver oil" of a one-string list)."""
    start = text.rfind(",", 0, where) + 1
    end = text.find(",", where)
    return text[start : end if end >= 0 else len(text)].strip()


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    vocabulary = _vocabulary(rule.vocabulary)
    done = set(declared(resolved.label.allergens, vocabulary))
    for parent, last, text in _ingredients(resolved):
        for key, words, where in allergens_in(text, rule.vocabulary):
            if key in done:
                continue
            done.add(key)
            values = {"allergen": vocabulary.allergens[key].name, "ingredient": _part(text, where), "words": words}
            yield Hit((*parent, last), render(rule.message, values), render(rule.hint, values))
