"""The page target of kind `required-text`: a page that recommends supplements must say something the `patterns`
option matches somewhere in its prose, e.g. advice to consult a healthcare provider.

A page recommends supplements when it names or embeds a label (the finding points at the first one), or, with a
`vocabulary` (data/product-pages.yaml), when it links to a product (an affiliate link or a retailer's product page)
while its prose is about supplements (the finding points at the first product link): it names supplement words
(the vocabulary's own list, every nutrient name and form of data/aliases.yaml, every dosage-form word of
data/dosage-forms.yaml) at least `at-least` times. Prose is folded before matching (_text.fold)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..findings import Span
from ..shipped import files as data
from ..shipped.patterns import compiled
from . import Hit, render
from ._terms import Prefilter
from ._text import fold

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages.context import PageContext
    from .required_text import Spec

#: The fields a page rule's message and hint may use.
FIELDS = frozenset({"labels"})


@dataclass(frozen=True, slots=True)
class Products:
    links: str  # the affiliate vocabulary file
    pages: tuple[tuple[str, re.Pattern], ...]  # (host, path pattern); host "amazon" is any amazon.<tld>, "*" any
    terms: frozenset[str]  # supplement words, as `_words` splits them, joined by one space
    longest: int  # the most words a term has
    at_least: int
    link_words: frozenset[str] = frozenset()  # anchor-text words that name no product ("try", "buy", "amazon")
    calls: re.Pattern | None = None  # a link's words that ask the reader to buy ("Buy now", "Get 50% off"), any URL
    own: re.Pattern | None = None  # the seller speaking of its own product ("Our unique blend", "SensIQ's formulas")
    topics: frozenset[str] = frozenset()  # pages11: front-matter tags that file a page under supplements
    orders: re.Pattern | None = None  # pages11: a link to the site's own order, checkout or cart page


@cache
def _vocabulary(path: str) -> Products:
    from .affiliate import VOCABULARY as affiliate_vocabulary

    table = data.load(path)
    try:
        words = [str(w) for w in table["supplement-words"]]
        aliases = table.get("nutrient-names")
        if aliases:  # every printed name of a nutrient and its forms (data/aliases.yaml)
            words += [str(row["alias"]) for row in data.load(aliases)]
        forms = table.get("dosage-forms")
        if forms:  # every word for a dosage form (data/dosage-forms.yaml)
            words += [str(w) for names in data.load(forms).values() for w in names]
        ignored = {" ".join(_words(str(w))) for w in table.get("not-supplement-words") or ()}
        terms = set()
        for word in words:
            split = _words(word)
            if not split or " ".join(split) in ignored:
                continue
            terms.add(" ".join(split))
            if len(split) == 1 and not split[0][-1].isdigit():
                terms.add(split[0] + "s")  # tablets, capsules, vitamins
        products = Products(
            table["links"],
            tuple((row["host"].lower(), re.compile(row["path"], re.IGNORECASE)) for row in table["product-pages"]),
            frozenset(terms),
            max(len(term.split()) for term in terms),
            int(table.get("at-least", 1)),
            frozenset(w for word in table.get("link-words") or () for w in _words(str(word))),
            _calls(table.get("buy-calls") or ()),
            _calls(table.get("own-products") or ()),
            frozenset(" ".join(_words(str(w))) for w in table.get("topic-words") or ()),
            _calls(table.get("order-links") or ()),
        )
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as exc:
        raise ValueError(f"{path} needs links, product-pages and supplement-words ({exc})") from None
    affiliate_vocabulary(products.links)  # a mistake there shows when the packs load
    return products


def _calls(patterns) -> re.Pattern | None:
    """A list of patterns (`buy-calls`, `own-products`, `order-links`) as one case-insensitive regex (None when it is
    empty)."""
    joined = "|".join(f"(?:{pattern})" for pattern in patterns)
    return re.compile(joined, re.IGNORECASE) if joined else None


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """The words of ``text`` for supplement-word counting: folded, lower case, split at anything not a letter or
    digit ("omega-3" is "omega 3", "St. John's wort" is "st john s wort")."""
    return _WORD.findall(fold(text).lower())


def words_of(text: str) -> frozenset[str]:
    """The words of ``text`` as product names are split (`product_names`)."""
    return frozenset(_words(text))


VOCABULARY = _vocabulary  # a page rule's vocabulary file, loaded when the packs load


def evaluate(rule: Spec, context: PageContext, options: dict) -> Iterator[Hit]:
    span = context.label_spans[0] if context.label_spans else None
    if span is None and rule.vocabulary:
        span = _product_link(context, _vocabulary(rule.vocabulary))
    if span is None:
        return
    patterns = tuple(options["patterns"]) + tuple(options.get("extra-patterns") or ())  # a team's wording adds
    joined, prefilter = _joined(patterns), _prefilter(patterns)
    for run in context.page.prose:
        text = fold(run.text)  # once per run, not once per pattern
        if prefilter.may_match(text) and any(pattern.search(text) for pattern in joined):
            return
    fields = {"labels": len(context.label_spans)}
    yield Hit((), render(rule.message, fields), render(rule.hint, fields), span=span)


@lru_cache(maxsize=64)
def _joined(patterns: tuple[re.Pattern, ...]) -> tuple[re.Pattern, ...]:
    """The patterns as one regex, so each run is scanned once rather than once per pattern; as they are when one
    cannot be joined (a back-reference or an inline global flag, which a team's pattern may carry)."""
    if len(patterns) < 2 or any(re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", p.pattern) for p in patterns):
        return patterns
    try:
        return (compiled("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE),)
    except re.error:  # e.g. two patterns naming the same group
        return patterns


@lru_cache(maxsize=64)
def _prefilter(patterns: tuple[re.Pattern, ...]) -> Prefilter:
    """What lets most runs skip the search: the words a consult note cannot do without ("doctor", "pharmacist")."""
    return Prefilter(patterns)


def _product_link(context: PageContext, products: Products) -> Span | None:
    """The span of the first product link, when the prose is also about supplements; else None. SUP403 and SUP404
    both ask it of a page, one after the other: the last page's answer is kept (by identity, one entry)."""
    last = _LAST[0]
    if last is not None and last[0] is context.page and last[1] is products:
        return last[2]
    found = _find_product_link(context, products)
    _LAST[0] = (context.page, products, found)
    return found


# The last page `_product_link` answered for: (page, vocabulary, answer). One entry, so it holds no more than the
# page being checked; compared by identity, so a page never gets another's answer.
_LAST: list[tuple[object, Products, Span | None] | None] = [None]


def _sells(products: Products):
    """Whether a link goes to a product: an affiliate link (the vocabulary ``products.links`` names) or a retailer's
    product page. A predicate on links."""
    from .affiliate import VOCABULARY as affiliate_vocabulary
    from .affiliate import why_affiliate

    links = affiliate_vocabulary(products.links)
    orders = products.orders

    def sells(link) -> bool:
        if why_affiliate(link, links) or _product_page(link.url, products):
            return True
        return orders is not None and orders.search(link.url.strip()) is not None

    return sells


def _find_product_link(context: PageContext, products: Products) -> Span | None:
    sells = _sells(products)
    ordered = sorted(context.page.links, key=lambda item: (item.order, item.offset))
    first = None
    for link in ordered:
        if sells(link) or _buy_call(link.text, products):
            first = link
            break
    if first is None or not _about_supplements(context, products):
        return None
    # The page recommends from its first link to where that product link goes: a lander's logo or a card's picture
    # links to the order page before its "Try a Sample Today" button does.
    target = first.url.strip()
    # pages11: a placeholder target ("#", "#top", "javascript:void(0)") goes nowhere, so a theme's "Read More" to "#"
    # above its "Add to cart" buttons to "#" is no link to the product.
    if target and not target.startswith("#") and not target.lower().startswith("javascript:"):
        first = next((link for link in ordered if link.url.strip() == target), first)
    return Span(first.line, first.column, first.line, first.column + max(1, len(first.text)))


def product_names(context: PageContext, path: str) -> frozenset[str]:
    """The words that name the products a page recommends through its product links (the page recommends supplements
    through them, as SUP403 reads it): each link's anchor text, folded, lower case, split as `_words` splits, without
    the words of a call to act or a shop (`link-words`: "try", "buy", "amazon"), the supplement words (an
    ingredient or a form names no one product), words the prose also writes in lower case (ordinary words) and
    words under three letters. Empty when the page recommends nothing through a link."""
    products = _vocabulary(path)
    if _product_link(context, products) is None:
        return frozenset()
    sells = _sells(products)
    names: set[str] = set()
    for link in context.page.links:
        if sells(link):
            names.update(w for w in _words(link.text) if len(w) >= 3 and not w.isdigit())
    # An ingredient or a form ("magnesium", "gummies") names what many products hold, not the product: a sentence on
    # low magnesium and depression is not about the linked "Acme Magnesium Glycinate".
    names -= products.link_words | products.terms
    if names:
        # A name is written with its capital wherever the page uses it ("Seed", "Natrol"); a title's ordinary words
        # ("Restful Sleep and Calm Mood") are written in lower case somewhere in the prose.
        names -= {w.lower() for run in context.page.prose for w in _LOWER_WORD.findall(run.text)}
    return frozenset(names)


# A word that starts in lower case (as the prose writes an ordinary word).
_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z][^\W_]*")


def recommends_through_links(context: PageContext, path: str) -> bool:
    """Whether the page recommends a product through a link, as SUP403 reads it (a product link, and prose about
    supplements)."""
    return _product_link(context, _vocabulary(path)) is not None


def links_to_product(context: PageContext, path: str) -> bool:
    """Whether the page links to a product at all (an affiliate link or a retailer's product page, by the vocabulary
    file ``path``), whatever its prose is about: a page that does sells something."""
    return any(map(_sells(_vocabulary(path)), context.page.links))


def _buy_call(text: str, products: Products) -> bool:
    """Whether a link's words ask the reader to buy (`buy-calls`): a link to an order page, whatever its URL."""
    return products.calls is not None and bool(text) and products.calls.search(fold(text)) is not None


def _product_page(url: str, products: Products) -> bool:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    target = parts.path + ("?" + parts.query if parts.query else "")
    for known, path in products.pages:
        if known == "*":
            on = bool(host) or target.startswith("/")  # a relative link: the store's own product
        elif known == "amazon":
            on = re.search(r"(?:^|\.)amazon\.[a-z.]+$", host) is not None
        else:
            on = host == known or host.endswith("." + known)
        if on and path.search(target):
            return True
    return False


def _about_supplements(context: PageContext, products: Products) -> bool:
    """Whether the prose names supplement words at least `at-least` times: a look-up of each run of up to
    `longest` words in a set, linear in the prose, however long the vocabulary. A page its front matter files under
    supplements (a tag of `topic-words`) is about them whatever words its prose uses (pages11)."""
    if products.topics and any(" ".join(_words(topic)) in products.topics for topic in context.page.topics):
        return True
    count = 0
    terms, longest = products.terms, products.longest
    for run in context.page.prose:
        words = _words(run.text)
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                if " ".join(words[i : i + n]) in terms:
                    count += 1
                    if count >= products.at_least:
                        return True
                    i += n - 1
                    break
            i += 1
    return False


def sells_own_product(context: PageContext, path: str) -> bool:
    """Whether the page's prose speaks of the seller's own product (`own-products`, data/product-pages.yaml: "Our
    unique blend", "SensIQ's Longevity and Memory formulas") in a heading or the title, or in two runs or more: a
    brand's page, whether or not it links to a shop. One such sentence on a page of news is that sentence's claim,
    not the page's voice."""
    from ..pages import HEADING, TITLE

    own = _vocabulary(path).own
    if own is None:
        return False
    runs = 0
    for run in context.page.prose:
        if own.search(fold(run.text)):
            if run.role in (HEADING, TITLE):
                return True
            runs += 1
            if runs >= 2:
                return True
    return False
