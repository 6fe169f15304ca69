"""Kind `affiliate-disclosure` (pages): affiliate links need a disclosure of the material connection, before them.

A link is an affiliate link when its URL has a tracking parameter, points at an affiliate network or short-link host,
or carries rel="sponsored" (the lists are data: `vocabulary`). The disclosure is any prose run matching one of the
`patterns`. `fires-when: missing` fires at the first affiliate link when no prose discloses; `late` fires at the
disclosure when it comes after the first affiliate link (a reader may already have clicked).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar, Literal
from urllib.parse import parse_qsl, urlsplit

from pydantic import Field

from .. import data
from ..findings import Span
from ..rulespec import RuleBase
from . import Hit, render

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages import Link
    from ..pages.context import PageContext

TARGET = "page"

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"url", "why", "link_line", "disclosure_line", "count"})


class Spec(RuleBase):
    kind: Literal["affiliate-disclosure"]
    vocabulary: str
    fires_when: Literal["missing", "late"] = Field(alias="fires-when")
    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {"patterns": "patterns"}



@dataclass(frozen=True, slots=True)
class Vocabulary:
    parameters: frozenset[str]
    hosts: tuple[str, ...]
    rel: frozenset[str]


@cache
def _vocabulary(path: str) -> Vocabulary:
    table = data.load(path)
    try:
        return Vocabulary(frozenset(p.lower() for p in table["parameters"]),
                          tuple(h.lower() for h in table["hosts"]), frozenset(r.lower() for r in table["rel"]))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path} needs the lists parameters, hosts and rel ({exc})") from None



VOCABULARY = _vocabulary  # the registry loads each rule's vocabulary file when the packs load

def why_affiliate(link: Link, vocabulary: Vocabulary) -> str | None:
    """Why the link is an affiliate link, in words, or None."""
    if link.rel & vocabulary.rel:
        return 'rel="sponsored"'
    try:
        parts = urlsplit(link.url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    for known in vocabulary.hosts:
        if host == known or host.endswith("." + known):
            return f"an affiliate host ({known})"
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in vocabulary.parameters:
            return f"a tracking parameter ({name}=)"
    return None


def evaluate(rule: Spec, context: PageContext, options: dict) -> Iterator[Hit]:
    vocabulary = _vocabulary(rule.vocabulary)
    affiliate = [(link, why) for link in context.page.links if (why := why_affiliate(link, vocabulary))]
    if not affiliate:
        return
    first, why = min(affiliate, key=lambda item: (item[0].order, item[0].offset))
    disclosure = _disclosure(context, options["patterns"])
    fields = {"url": first.url, "why": why, "link_line": first.line, "count": len(affiliate), "disclosure_line": ""}
    link_span = Span(first.line, first.column, first.line, first.column + max(1, len(first.text)))
    if rule.fires_when == "missing":
        if disclosure is None:
            yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=link_span)
        return
    if disclosure is not None and disclosure[:2] > (first.order, first.offset):
        span = disclosure[2]
        fields["disclosure_line"] = span.line
        yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=span)


def _disclosure(context: PageContext, patterns) -> tuple[int, int, Span] | None:
    """(order, offset, span) of the first disclosing words on the page."""
    from ..pages.context import span_at

    best = None
    for run in context.page.prose:
        for pattern in patterns:
            match = pattern.search(run.text)
            if match and (best is None or (run.order, match.start()) < best[:2]):
                best = (run.order, match.start(), span_at(run, match.start(), match.end()))
        if best is not None and best[0] == run.order:
            break  # prose runs come in document order: the first run that discloses is the answer
    return best
