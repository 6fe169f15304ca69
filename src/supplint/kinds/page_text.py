"""Kind `page-required-text` (pages): a page that recommends supplements (it names or embeds a label) must say
something the `patterns` option matches somewhere in its prose, e.g. advice to consult a healthcare provider.
The finding points at the first label the page names or embeds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from ..rulespec import RuleBase
from . import Hit, render

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages.context import PageContext

TARGET = "page"

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"labels"})


class Spec(RuleBase):
    kind: Literal["page-required-text"]
    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {"patterns": "patterns"}


def evaluate(rule: Spec, context: PageContext, options: dict) -> Iterator[Hit]:
    if not context.recommends_supplements:
        return
    patterns = options["patterns"]
    if any(pattern.search(run.text) for run in context.page.prose for pattern in patterns):
        return
    fields = {"labels": len(context.label_spans)}
    yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=context.label_spans[0])
