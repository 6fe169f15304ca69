"""Kind `prose-claim` (pages): the page's prose says a supplement diagnoses, treats, cures, mitigates or prevents
a disease.

The reader is the label rule's (`supplint.kinds._claims`, shared with kind `claim-language`, vocabulary
data/disease-claims.yaml), in its prose mode: an article may name a disease ("vitamin D deficiency is common")
without claiming anything, so a named disease needs a claim word in its sentence; implied claims, drug classes
and substitutes for a therapy count as on a label. Every claim sentence is its own finding, at the claim's words,
with the sentence as its excerpt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from ..rulespec import RuleBase
from . import Hit, render
from ._claims import check_table, read_claims, vocabulary

VOCABULARY = vocabulary  # what a rule's `vocabulary` file is read into (tests compile every one)
CHECK_VOCABULARY = check_table  # what the registry checks when the packs load: the file's shape, not its patterns

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages.context import PageContext

TARGET = "page"

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"term", "text"})


class Spec(RuleBase):
    kind: Literal["prose-claim"]
    vocabulary: str


def evaluate(rule: Spec, context: PageContext, options: dict) -> Iterator[Hit]:
    from ..pages.context import span_at

    for run in context.page.prose:
        for claim in read_claims(run.text, rule.vocabulary, "prose"):
            sentence = " ".join(run.text[claim.sentence_start:claim.sentence_end].split())
            fields = {"term": claim.term, "text": sentence if len(sentence) <= 100 else sentence[:97] + "..."}
            yield Hit((), render(rule.message, fields), render(rule.hint, fields),
                      span=span_at(run, claim.start, claim.end))
