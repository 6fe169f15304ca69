"""Kind `claim-language`: printed text says the product acts on a disease (diagnoses, treats, cures, mitigates,
prevents), by the criteria of 21 CFR 101.93(g)(2).

The reading is the one page prose gets too (kind `prose-claim`): `supplint.kinds._claims`, with the vocabulary
as data (`vocabulary`, a file under rules/, e.g. data/disease-claims.yaml, one list per criterion). Each text is
split into sentences and every claim sentence is its own finding, at that text.

- `fields`: texts where a disease named is a claim by itself (the claims; a product name such as "Arthritis
  Relief Formula"), unless a caution makes it a mention.
- `verb-fields`: texts where it counts only beside a claim word in the same sentence (notes, where "do not use if
  you have kidney disease" is a caution, not a claim).

Message fields: `{term}` (the words that matched), `{text}` (the claim sentence, cut to 80 characters),
`{field}`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..resolve import Resolved
from ..rulespec import RuleBase
from . import Hit, render
from ._claims import check_table, read_claims, vocabulary
from ._text import TextField, texts


#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"term", "text", "field"})


class Spec(RuleBase):
    kind: Literal["claim-language"]
    vocabulary: str
    fields: tuple[TextField, ...]
    verb_fields: tuple[TextField, ...] = Field((), alias="verb-fields")


VOCABULARY = vocabulary  # what a rule's `vocabulary` file is read into (tests compile every one)
CHECK_VOCABULARY = check_table  # what the registry checks when the packs load: the file's shape, not its patterns


def disease_term(text: str, path: str, need_verb: bool) -> str | None:
    """The first disease term the text claims an effect on (vocabulary: the data file ``path``), or None."""
    claims = read_claims(text, path, "verb" if need_verb else "claim")
    return claims[0].term if claims else None


def evaluate(rule: Spec, resolved: Resolved, options: dict) -> Iterator[Hit]:
    label = resolved.label
    for fields, mode in ((rule.fields, "claim"), (rule.verb_fields, "verb")):
        for field in fields:
            for path, text in texts(label, field):
                for claim in read_claims(text, rule.vocabulary, mode):
                    sentence = " ".join(text[claim.sentence_start:claim.sentence_end].split())
                    shown = sentence if len(sentence) <= 80 else sentence[:77] + "..."
                    values = {"term": claim.term, "text": shown, "field": field}
                    yield Hit(path, render(rule.message, values), render(rule.hint, values))
