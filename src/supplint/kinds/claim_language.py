"""Kind `claim-language`: printed text says the product acts on a disease (diagnoses, treats, cures, mitigates,
prevents).

The vocabulary is data (`vocabulary`, a file under rules/, e.g. data/disease-claims.yaml): `diseases` (named
diseases), `implied` (disease claims without a disease name: drug classes, "lowers cholesterol"), `verbs`,
`negations` and `exempt` (contexts that are not claims), all regular expressions matched case-insensitively on
whole words.

Each text is read clause by clause (split at . ; : ! ? and "but"). In a clause, a disease term or implied phrase
counts unless it lies inside an `exempt` phrase or a negation comes before it in the same clause ("does not treat
arthritis", "not intended to diagnose, treat, cure, or prevent any disease").

- `fields`: texts where a counted term is a claim by itself (the claims; a product name such as "Arthritis
  Relief Formula").
- `verb-fields`: texts where it counts only beside a claim verb in the same clause (notes, where "do not use if
  you have kidney disease" is a caution, not a claim).

One finding per text, at that text. Message fields: `{term}` (the words that matched), `{text}` (the text, cut
to 80 characters), `{field}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from pydantic import Field

from .. import data
from ..resolve import Resolved
from ..rulespec import RuleBase
from . import Hit, render
from ._text import TextField, alternation, inside, texts


#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"term", "text", "field"})


class Spec(RuleBase):
    kind: Literal["claim-language"]
    vocabulary: str
    fields: tuple[TextField, ...]
    verb_fields: tuple[TextField, ...] = Field((), alias="verb-fields")



@dataclass(frozen=True, slots=True)
class Vocabulary:
    terms: re.Pattern
    verbs: re.Pattern
    negations: re.Pattern
    exempt: re.Pattern | None
    implied: re.Pattern | None  # phrases that are claims by themselves ("lowers cholesterol", "antiviral")


_CLAUSES = re.compile(r"[.;:!?]+(?=\s|$)|[;!?:]|\s[-\u2013\u2014]\s|\bbut\b", re.IGNORECASE)


@cache
def _vocabulary(path: str) -> Vocabulary:
    table = data.load(path)
    if not isinstance(table, dict) or not table.get("diseases") or not table.get("verbs"):
        raise ValueError(f"{path} needs the lists `diseases` and `verbs`")
    try:
        return Vocabulary(
            alternation([*table["diseases"], *(table.get("implied") or ())]),
            alternation(table["verbs"]),
            alternation(table.get("negations") or ["not"]),
            alternation(table["exempt"]) if table.get("exempt") else None,
            alternation(table["implied"]) if table.get("implied") else None,
        )
    except re.error as exc:
        raise ValueError(f"{path}: bad regular expression: {exc}") from None



VOCABULARY = _vocabulary  # the registry loads each rule's vocabulary file when the packs load

@lru_cache(maxsize=20_000)  # a site's labels and pages repeat their claims
def disease_term(text: str, path: str, need_verb: bool) -> str | None:
    """The first disease term the text claims an effect on (vocabulary: the data file ``path``), or None."""
    vocabulary = _vocabulary(path)
    if not vocabulary.terms.search(text):  # the common case, a structure/function claim, stops here
        return None
    for clause in _CLAUSES.split(text):
        found = _in_clause(clause, vocabulary, need_verb)
        if found:
            return found
    return None


def _in_clause(clause: str, vocabulary: Vocabulary, need_verb: bool) -> str | None:
    if not clause or not vocabulary.terms.search(clause):
        return None
    # One pass of each pattern over the clause, then a constant or logarithmic test per term: searching for a
    # negation from the clause start, or for a verb through the whole clause, at every term made a long clause
    # of repeated terms quadratic.
    exempt = [m.span() for m in vocabulary.exempt.finditer(clause)] if vocabulary.exempt else []
    negation = vocabulary.negations.search(clause)
    verbs = [m.span() for m in vocabulary.verbs.finditer(clause)] if need_verb else []
    for match in vocabulary.terms.finditer(clause):
        start, end = match.span()
        if inside(exempt, start, end):
            continue
        if negation is not None and negation.end() <= start:
            continue
        if need_verb and not _has_verb(verbs, start, end) and not _implied(match.group(0), vocabulary):
            continue
        return match.group(0)
    return None


def _implied(term: str, vocabulary: Vocabulary) -> bool:
    """An implied claim carries its own verb ("lowers cholesterol"): no other verb is needed beside it."""
    return vocabulary.implied is not None and vocabulary.implied.fullmatch(term) is not None


def _has_verb(verbs: list[tuple[int, int]], start: int, end: int) -> bool:
    """A verb of the clause outside the term [start, end) ("cures" in "cures arthritis", not "relief" inside a
    term). Verbs are sorted and do not overlap, so when the first and the last lie inside the term, all do."""
    return bool(verbs) and not (verbs[0][0] >= start and verbs[-1][1] <= end)


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    label = resolved.label
    for fields, need_verb in ((rule.fields, False), (rule.verb_fields, True)):
        for field in fields:
            for path, text in texts(label, field):
                term = disease_term(text, rule.vocabulary, need_verb)
                if term:
                    shown = text if len(text) <= 80 else text[:77] + "..."
                    values = {"term": term, "text": shown, "field": field}
                    yield Hit(path, render(rule.message, values), render(rule.hint, values))
