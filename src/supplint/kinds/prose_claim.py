"""Kind `prose-claim` (pages): the page's prose says something cures, treats or prevents a disease.

The vocabulary and the reading are the label rule's (kind `claim-language`, data/disease-claims.yaml), with a claim
verb required in the same clause: an article may name a disease ("vitamin D deficiency is common") without claiming
anything about it. One finding per prose run, at the disease term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal


from ..rulespec import RuleBase
from . import Hit, render
from .claim_language import _vocabulary, disease_term

VOCABULARY = _vocabulary  # the registry loads each rule's vocabulary file when the packs load

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
        term = disease_term(run.text, rule.vocabulary, True)
        if not term:
            continue
        match = re.search(re.escape(term), run.text, re.IGNORECASE)
        start, end = match.span() if match else (0, len(term))
        sentence = _sentence(run.text, start)
        fields = {"term": term, "text": sentence if len(sentence) <= 100 else sentence[:97] + "..."}
        yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=span_at(run, start, end))


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n\n", 0, at)) + 1
    end = text.find(". ", at)
    return " ".join(text[start:end + 1 if end >= 0 else len(text)].split())
