"""Kind `page-required-text` (pages): a page that recommends supplements must say something the `patterns` option
matches somewhere in its prose, e.g. advice to consult a healthcare provider.

A page recommends supplements when it names or embeds a label (the finding points at the first one), or, with a
`vocabulary` (data/product-pages.yaml), when it links to a product (an affiliate link or a retailer's product page)
while its prose is about supplements (the finding points at the first product link). Prose is folded before
matching (_text.fold)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar, Literal
from urllib.parse import urlsplit

from .. import data
from ..findings import Span
from ..rulespec import RuleBase
from . import Hit, render
from ._text import alternation, fold

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages.context import PageContext

TARGET = "page"

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"labels"})


class Spec(RuleBase):
    kind: Literal["page-required-text"]
    vocabulary: str | None = None
    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {"patterns": "patterns"}


@dataclass(frozen=True, slots=True)
class Products:
    links: str                                   # the affiliate vocabulary file
    pages: tuple[tuple[str, re.Pattern], ...]    # (host, path pattern); host "amazon" is any amazon.<tld>, "*" any
    words: re.Pattern
    at_least: int


@cache
def _vocabulary(path: str) -> Products:
    from .affiliate import _vocabulary as affiliate_vocabulary

    table = data.load(path)
    try:
        products = Products(table["links"],
                            tuple((row["host"].lower(), re.compile(row["path"], re.IGNORECASE))
                                  for row in table["product-pages"]),
                            alternation([re.escape(fold(str(w))) for w in table["supplement-words"]]),
                            int(table.get("at-least", 1)))
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as exc:
        raise ValueError(f"{path} needs links, product-pages and supplement-words ({exc})") from None
    affiliate_vocabulary(products.links)  # a mistake there shows when the packs load
    return products


VOCABULARY = _vocabulary  # the registry loads each rule's vocabulary file when the packs load


def evaluate(rule: Spec, context: PageContext, options: dict) -> Iterator[Hit]:
    span = context.label_spans[0] if context.label_spans else None
    if span is None and rule.vocabulary:
        span = _product_link(context, _vocabulary(rule.vocabulary))
    if span is None:
        return
    patterns = tuple(options["patterns"]) + tuple(options.get("extra-patterns") or ())  # a team's wording adds
    if any(pattern.search(fold(run.text)) for run in context.page.prose for pattern in patterns):
        return
    fields = {"labels": len(context.label_spans)}
    yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=span)


def _product_link(context: PageContext, products: Products) -> Span | None:
    """The span of the first product link, when the prose is also about supplements; else None."""
    from .affiliate import _vocabulary as affiliate_vocabulary, why_affiliate

    links = affiliate_vocabulary(products.links)
    first = None
    for link in sorted(context.page.links, key=lambda item: (item.order, item.offset)):
        if why_affiliate(link, links) or _product_page(link.url, products):
            first = link
            break
    if first is None or not _about_supplements(context, products):
        return None
    return Span(first.line, first.column, first.line, first.column + max(1, len(first.text)))


def _product_page(url: str, products: Products) -> bool:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    target = parts.path + ("?" + parts.query if parts.query else "")
    for known, path in products.pages:
        if known == "*":
            on = bool(host)
        elif known == "amazon":
            on = re.search(r"(?:^|\.)amazon\.[a-z.]+$", host) is not None
        else:
            on = host == known or host.endswith("." + known)
        if on and path.search(target):
            return True
    return False


def _about_supplements(context: PageContext, products: Products) -> bool:
    count = 0
    for run in context.page.prose:
        for _ in products.words.finditer(fold(run.text)):
            count += 1
            if count >= products.at_least:
                return True
    return False
