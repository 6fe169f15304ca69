"""Kind `content-claim`: a nutrient content claim ("high in vitamin C") whose nutrient is below the %DV the
claim needs per serving.

- `levels`: each a list of claim `phrases` (regular expressions, matched case-insensitively on whole words) and
  the `minimum` percent of the Daily Value per serving it needs. With `strict: true` (for generic words such as
  "provides" and "more") the nutrient must follow the phrase directly, after at most an amount ("provides
  500 mg of vitamin C"); otherwise any words may come first ("rich in antioxidant vitamin C").
- `fields`: the texts read (the claims).

After a phrase, the nutrient words run to the end of the clause or to a word such as "with", "for", "from",
"to", "per", "than" (at most `WINDOW` characters); they may name several nutrients ("excellent source of calcium
and vitamin D"). Each is matched to a nutrient with the alias table; words that name no nutrient ("rich in
antioxidants") are not checked. A claim negated earlier in its clause ("not a significant source of") is not
checked.

%DV per serving = the nutrient's rows summed per serving ÷ its Daily Value. A claimed nutrient that is not on the
label at all fires too; one on the label whose amount cannot be read, or with no Daily Value, is not judged.
One finding per claim and nutrient, at the claim. Message fields: `{phrase}`, `{nutrient}`, `{minimum}` (e.g.
"20%"), `{percent}` (e.g. "6%"), `{amount}` (e.g. "5 mg", or "no Vitamin C" when it is not on the label).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache
from typing import Literal

from ..label.resolve import Resolved
from ..quantity import wording as formatting
from ..reference.aliases import fold
from . import Hit, render
from ._text import TextField, alternation, texts
from .spec import PackModel, RuleBase


class Level(PackModel):
    phrases: tuple[str, ...]
    minimum: float
    strict: bool = False


#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"phrase", "nutrient", "minimum", "amount", "percent"})


class Spec(RuleBase):
    kind: Literal["content-claim"]
    levels: tuple[Level, ...]
    fields: tuple[TextField, ...] = ("claims",)


_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)|[;!?:()]")
_STOP = re.compile(
    r"\b(?:with|for|to|from|per|than|as|during|while|plus|in|at|by|because|so|since|when|that|which|"
    r"supports?|helps?|promotes?|each|every|daily)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r",|&|/|\+|\band\b|\bor\b", re.IGNORECASE)
_AMOUNT = re.compile(
    r"^(?:[<>]?\s*[0-9][0-9,.]*\s*(?:%|mg|mcg|µg|g|iu|mcg\s+rae|mcg\s+dfe|mg\s+ne)?\s*(?:dv\s+)?(?:of\s+)?"
    r"(?:the\s+|your\s+)?)?",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|isn't|aren't)\b", re.IGNORECASE)


@cache
def _phrases(levels: tuple[Level, ...]) -> re.Pattern:
    groups = "|".join(f"(?P<l{i}>{alternation(level.phrases).pattern})" for i, level in enumerate(levels))
    return re.compile(groups, re.IGNORECASE)


def claimed(text: str, levels: tuple[Level, ...], aliases) -> Iterator[tuple[str, Level, str]]:
    """(phrase, level, nutrient id) for each nutrient a text claims a content level of."""
    pattern = _phrases(levels)
    # Clause ends and negations are found once per text and looked up by bisection: searching them again from
    # the clause start for every phrase made a long claim of repeated phrases quadratic.
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]  # each one character long: a clause end is at end - 1
    negations = [m.span() for m in _NEGATION.finditer(text)]
    for match in pattern.finditer(text):
        assert match.lastgroup is not None  # every alternative is a named group
        level = levels[int(match.lastgroup[1:])]
        start, after = match.span()
        if _negated(text, start, ends, negations):
            continue
        rest = _nutrient_words(text, after, ends)
        seen = set()
        for piece in _SPLIT.split(rest):
            piece = piece.strip()
            if not piece:
                continue
            nutrient = _nutrient(piece, level.strict, aliases)
            if nutrient and nutrient not in seen:
                seen.add(nutrient)
                yield match.group(0), level, nutrient
            if level.strict:
                break  # "provides 500 mg of vitamin C and a blend of herbs": only what follows directly


#: The most characters after a phrase read for its nutrients. A list of nutrients is far shorter; without a bound,
#: a clause of repeated phrases and no stop word would give every phrase the rest of the text to split.
WINDOW = 400


def _negated(text: str, start: int, ends: list[int], negations: list[tuple[int, int]]) -> bool:
    """A negation between the start of the phrase's clause and the phrase."""
    at = bisect_right(ends, start)
    clause_start = ends[at - 1] if at else 0
    if text[start - 1 : start] == ".":  # "x.high in": a full stop just before the phrase ends a clause too
        clause_start = start
    at = bisect_left(negations, (clause_start,))
    return at < len(negations) and negations[at][1] <= start


def _nutrient_words(text: str, after: int, ends: list[int]) -> str:
    """The words after a phrase that may name its nutrients: up to the clause end or a stop word."""
    at = bisect_left(ends, after + 1)
    stop = min(ends[at] - 1 if at < len(ends) else len(text), after + WINDOW)
    if stop == after + WINDOW and stop < len(text):
        stop = max(text.rfind(" ", after, stop), after)  # never a word cut in two
    found = _STOP.search(text, after, stop)
    return text[after : found.start() if found else stop]


def _nutrient(piece: str, strict: bool, aliases) -> str | None:
    if strict:
        piece = _AMOUNT.sub("", piece, count=1)
        found = aliases.pattern.match(fold(piece))
        if found is None:
            return None
        nutrient = aliases.entries[found.group(0)][0]
        return nutrient or aliases.match(piece, None).nutrient
    return aliases.match(piece, None).nutrient


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    reference = resolved.reference
    for field in rule.fields:
        for path, text in texts(resolved.label, field):
            for phrase, level, nutrient_id in claimed(text, rule.levels, reference.aliases):
                nutrient = reference.nutrients.get(nutrient_id)
                if nutrient is None or not nutrient.dv:
                    continue
                rows = resolved.rows_of(nutrient_id)
                known = [row.per_serving for row in rows if row.per_serving is not None]
                if rows and not known:
                    continue  # an amount that could not be read is reported elsewhere; do not guess
                per_serving = sum(known)
                percent = per_serving / nutrient.dv * 100
                if percent >= level.minimum:
                    continue
                values = {
                    "phrase": phrase,
                    "nutrient": nutrient.name,
                    "minimum": f"{level.minimum:g}%",
                    "percent": formatting.percent(per_serving / nutrient.dv) if rows else "0%",
                    "amount": formatting.amount(per_serving, nutrient.measure) if rows else f"no {nutrient.name}",
                }
                yield Hit(path, render(rule.message, values), render(rule.hint, values))
