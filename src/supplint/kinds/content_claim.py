"""Kind `content-claim`: a nutrient content claim ("high in vitamin C") whose nutrient is below the %DV the
claim needs per serving.

- `levels`: each a list of claim `phrases` (regular expressions, matched case-insensitively on whole words) and
  the `minimum` percent of the Daily Value per serving it needs. With `strict: true` (for generic words such as
  "provides" and "more") the nutrient must follow the phrase directly, after at most an amount ("provides
  500 mg of vitamin C"); otherwise any words may come first ("rich in antioxidant vitamin C").
- `fields`: the texts read (the claims).

After a phrase, the nutrient words run to the end of the clause or to a word such as "with", "for", "from",
"to", "per", "than"; they may name several nutrients ("excellent source of calcium and vitamin D"). Each is matched
to a nutrient with the alias table; words that name no nutrient ("rich in antioxidants") are not checked. A claim
negated earlier in its clause ("not a significant source of") is not checked.

%DV per serving = the nutrient's rows summed per serving ÷ its Daily Value. A claimed nutrient that is not on the
label at all fires too; one on the label whose amount cannot be read, or with no Daily Value, is not judged.
One finding per claim and nutrient, at the claim. Message fields: `{phrase}`, `{nutrient}`, `{minimum}` (e.g.
"20%"), `{percent}` (e.g. "6%"), `{amount}` (e.g. "5 mg", or "no Vitamin C" when it is not on the label).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Literal

from .. import formatting
from ..aliases import fold
from ..resolve import Resolved
from ..rulespec import RuleBase, _Spec
from . import Hit, render
from ._text import TextField, alternation, texts


class Level(_Spec):
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
_STOP = re.compile(r"\b(?:with|for|to|from|per|than|as|during|while|plus|in|at|by|because|so|since|when|that|which|"
                   r"supports?|helps?|promotes?|each|every|daily)\b", re.IGNORECASE)
_SPLIT = re.compile(r",|&|/|\+|\band\b|\bor\b", re.IGNORECASE)
_AMOUNT = re.compile(r"^(?:[<>]?\s*[0-9][0-9,.]*\s*(?:%|mg|mcg|µg|g|iu|mcg\s+rae|mcg\s+dfe|mg\s+ne)?\s*(?:dv\s+)?(?:of\s+)?"
                     r"(?:the\s+|your\s+)?)?", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|isn't|aren't)\b", re.IGNORECASE)


@cache
def _phrases(levels: tuple[Level, ...]) -> re.Pattern:
    groups = "|".join(f"(?P<l{i}>{alternation(level.phrases).pattern})" for i, level in enumerate(levels))
    return re.compile(groups, re.IGNORECASE)


def claimed(text: str, levels: tuple[Level, ...], aliases) -> Iterator[tuple[str, Level, str]]:
    """(phrase, level, nutrient id) for each nutrient a text claims a content level of."""
    pattern = _phrases(levels)
    for match in pattern.finditer(text):
        level = levels[int(match.lastgroup[1:])]
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())), default=0)
        if _NEGATION.search(text, clause_start, match.start()):
            continue
        rest = text[match.end():]
        end = _CLAUSE_END.search(rest)
        rest = rest[:end.start()] if end else rest
        stop = _STOP.search(rest)
        rest = rest[:stop.start()] if stop else rest
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
                    "phrase": phrase, "nutrient": nutrient.name, "minimum": f"{level.minimum:g}%",
                    "percent": formatting.percent(per_serving / nutrient.dv) if rows else "0%",
                    "amount": formatting.amount(per_serving, nutrient.measure) if rows else f"no {nutrient.name}",
                }
                yield Hit(path, render(rule.message, values), render(rule.hint, values))
