"""Kind `claim-language`: a label's printed text, or a page's prose, says a supplement acts on a disease
(diagnoses, treats, cures, mitigates, prevents), by the criteria of 21 CFR 101.93(g)(2).

One kind for both targets, so one vocabulary and one reader (`supplint.kinds._claims`) judge labels (SUP303) and
pages (SUP404) alike: each text is split into sentences and every claim sentence is its own finding, at the
claim's words, with the sentence as its excerpt.

- ``target: label``: `fields` are texts where a disease named is a claim by itself (the claims; a product name
  such as "Arthritis Relief Formula"), unless a caution makes it a mention; `verb-fields` are texts where it counts
  only beside a claim word in the same sentence (notes, where "do not use if you have kidney disease" is a
  caution, not a claim).
- ``target: page``: every prose run of the page (headings, paragraphs, list items, table cells). A page's prose
  also informs (what a disease is, what a study looked at), so a disease named there is a claim only beside a
  claim word, as an implied claim, or in a sentence that speaks of a product (`products`) and reports no research
  (`reports`): "Diabalance Diabetes Supplement" is a claim, "a review looked at magnesium in adults with type 2
  diabetes" is not. A page that names or embeds a label sells it, and its prose is read as a label's claims are.
  So are the short runs after a framing line ("It may help with:", then "- arthritis"), and a sentence that points
  back ("Our formula eases its symptoms.") claims the disease the run before named (a heading "Arthritis"); after a
  whole paragraph, only a definite reference ("the stones") in the next paragraph's first sentence does.
- SUP404 is about claims for a supplement: a page whose products are drugs (Drug Facts words, drug-only dosage
  forms and routes, drug names by their stems: data `drug-products`, outnumbering `supplement-products`) raises
  none, unless it names or embeds a supplement label; a run shaped as a reference-list entry (`citations`) is a
  cited title, not the page's claim.
- With `product-links` (data/product-pages.yaml): a page that links to no product, names no label and mostly
  reports research (`_claims.reports_research`) is news, read in `report` mode, where a disease is claimed only
  in a sentence that speaks of a product and reports nothing. A page that recommends a product through its links
  gives the words naming it (its links' anchor texts, `_page_text.product_names`): a sentence with one speaks of
  a product, and a heading or title with one and a disease is read as a label's claim ("Acme Probiotic for IBS").
  Such a page whose title is a disease claim told in a testimonial's first person (`testimonials`: "How Omax3
  Relieved My Inflammation") is an advertorial: all its prose is read as a label's.

Options every rule of the kind declares: `extra-diseases` (a team's own disease words, read as named diseases)
and `exempt` (a team's own lawful phrases, never a claim).

Message fields: `{term}` (the words that matched), `{why}` (the criterion they meet, in plain words with its
paragraph: `_criteria`), `{text}` (the claim sentence), `{field}` (labels).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, model_validator

from . import Hit, render
from ._claims import (
    Mode,
    check_table,
    compile_all,
    introduces_claims,
    is_citation,
    is_testimonial,
    product_kind,
    read_claims,
    read_text,
    reports_research,
    vocabulary,
)
from ._criteria import criterion
from ._page_text import product_names
from ._text import TextField, fold, texts
from .spec import RuleBase

if TYPE_CHECKING:  # supplint.pages loads only when a page is checked
    from ..pages import Prose
    from ..pages.context import PageContext

TARGET = ("label", "page")

#: The fields this kind gives message and hint templates (checked when the packs load).
FIELDS = frozenset({"term", "why", "text", "field"})

#: The longest excerpt a message shows; a longer sentence is cut around the claim's words, never without them.
EXCERPT = 120

#: The most words a run after a framing line ("Benefits:") may have to be read as one of its list items.
LIST_ITEM_WORDS = 16


class Spec(RuleBase):
    kind: Literal["claim-language"]
    vocabulary: str
    fields: tuple[TextField, ...] = ()
    verb_fields: tuple[TextField, ...] = Field((), alias="verb-fields")
    # pages: what makes a link a product link (data/product-pages.yaml, as SUP403 reads it); a page with none that
    # reports research is read as news (see `_news`)
    product_links: str | None = Field(None, alias="product-links")

    REQUIRED_OPTIONS: ClassVar[dict[str, str]] = {"extra-diseases": "patterns", "exempt": "patterns"}

    @model_validator(mode="after")
    def _fields_fit_target(self) -> Spec:
        if self.target == "page" and (self.fields or self.verb_fields):
            raise ValueError("a claim-language rule for pages reads the page's prose: it takes no `fields`")
        if self.target == "label" and self.product_links is not None:
            raise ValueError("a claim-language rule for labels reads no links: it takes no `product-links`")
        if self.product_links is not None:
            from ._page_text import VOCABULARY as page_vocabulary

            page_vocabulary(self.product_links)  # a mistake there shows when the packs load
        if self.target == "label" and not (self.fields or self.verb_fields):
            raise ValueError("a claim-language rule for labels needs `fields` or `verb-fields`")
        return self


def build_vocabulary(path: str):
    """A rule's `vocabulary` file read and every entry compiled (the test suite builds each one this way; a run
    compiles an entry only when a text needs it)."""
    compile_all(path)
    return vocabulary(path)


VOCABULARY = build_vocabulary
CHECK_VOCABULARY = check_table  # what the registry checks when the packs load: the file's shape, not its patterns


def disease_term(text: str, path: str, need_verb: bool) -> str | None:
    """The first disease term the text claims an effect on (vocabulary: the data file ``path``), or None."""
    claims = read_claims(text, path, "verb" if need_verb else "claim")
    return claims[0].term if claims else None


def excerpt(sentence: str, start: int, end: int, limit: int = EXCERPT) -> str:
    """The sentence on one line (each run of white space one space), cut to ``limit`` characters around the
    claim's words [start, end) when it is longer, so the excerpt never leaves them out."""
    line: list[str] = []
    at = [0] * (len(sentence) + 1)  # position in the line of each character of the sentence
    for index, char in enumerate(sentence):
        at[index] = len(line)
        if char.isspace():
            if line and line[-1] != " ":
                line.append(" ")
        else:
            line.append(char)
    at[len(sentence)] = len(line)
    text = "".join(line).strip()
    shift = len("".join(line)) - len("".join(line).lstrip())
    if len(text) <= limit:
        return text
    first, last = max(at[start] - shift, 0), min(at[end] - shift, len(text))
    room = max(limit - (last - first), 0)
    left = max(first - room // 2, 0)
    right = min(last + (room - (first - left)), len(text))
    return ("..." if left else "") + text[left:right].strip() + ("..." if right < len(text) else "")


def _options(options: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(p.pattern for p in options.get("extra-diseases") or ()),
        tuple(p.pattern for p in options.get("exempt") or ()),
    )


def evaluate(rule: Spec, subject, options: dict) -> Iterator[Hit]:
    extra, exempt = _options(options)
    if rule.target == "page":
        yield from _page(rule, subject, extra, exempt)
        return
    label = subject.label
    modes: tuple[tuple[tuple[TextField, ...], Mode], ...] = ((rule.fields, "claim"), (rule.verb_fields, "verb"))
    for fields, mode in modes:
        for field in fields:
            for path, text in texts(label, field):
                for claim in read_claims(text, rule.vocabulary, mode, extra, exempt):
                    values = _values(text, claim, rule.vocabulary)
                    values["field"] = field
                    yield Hit(path, render(rule.message, values), render(rule.hint, values))


def _page(rule: Spec, context: PageContext, extra: tuple[str, ...], exempt: tuple[str, ...]) -> Iterator[Hit]:
    from ..pages import HEADING, ITEM, TITLE, UNKNOWN
    from ..pages.context import span_at

    # A page that names or embeds a label sells it: its prose is read as a label's claims are (FDA reads a product
    # "referenced under the heading 'Macular Degeneration'" as claiming it); any other page's prose also informs.
    mode = "claim" if context.recommends_supplements else "prose"
    if mode == "prose" and _claimed_in_title(rule, context, extra, exempt):
        mode = "claim"
    previous = None  # the disease the previous run's last sentence named: a heading's, for the paragraph below
    listing = False  # the runs after a framing line ("It may help with:") are its list items while they are short
    paragraph = False  # the run before ended a sentence: a paragraph, not a heading
    # What the page's products are, decided at its first claim (most pages have none); a page that names or embeds
    # a supplement label sells a supplement, whatever drugs it also names.
    kind = "supplement" if context.recommends_supplements else None
    # The words naming the products the page recommends through its links: a sentence with one speaks of a product.
    names: frozenset[str] = frozenset()
    if mode == "prose" and rule.product_links is not None and context.page.links:
        names = product_names(context, rule.product_links)
    for run, cited in _in_references(context.page.prose):
        if cited:  # the titles of cited works, not the page's words
            previous, listing, paragraph = None, False, False
            continue
        role = run.role
        # A run ending in a colon starts a new list (or a caution's list), never continues the one before. Where
        # the parser knows the run is a list item it is one; otherwise a short run is taken for one.
        framing = run.text.rstrip().endswith(":")
        if role == UNKNOWN:
            item = listing and not framing and len(run.text.split()) <= LIST_ITEM_WORDS
        else:
            item = listing and not framing and role == ITEM
        claims, previous = read_text(
            run.text, rule.vocabulary, "claim" if item else mode, extra, exempt, previous, paragraph, names
        )
        if not claims and names and mode == "prose" and role in (HEADING, TITLE):
            # A heading that names the product the page links to and a disease references the product under the
            # disease's heading ("Seed Probiotic for IBS"), which FDA reads as claiming it: read as a label's.
            headed = read_text(run.text, rule.vocabulary, "claim", extra, exempt, previous, paragraph)[0]
            claims = tuple(claim for claim in headed if _names_product(run.text, claim, names))
        # A run that ends a sentence is a paragraph; a short one ("What is arthritis?") may be a heading. Only
        # asked when the run leaves a disease for the next one (most runs leave none).
        paragraph = previous is not None and _paragraph(run)
        listing = (mode == "prose" and introduces_claims(run.text, rule.vocabulary)) if framing else item
        if not claims or is_citation(run.text, rule.vocabulary):
            continue
        if kind is None:
            kind = product_kind((r.text for r in context.page.prose), rule.vocabulary)
            if kind != "drug" and mode == "prose" and _news(rule, context):
                mode = "report"
        if kind == "drug":  # SUP404 is about claims for a supplement; an OTC drug page's relief claims are not
            return
        if mode == "report":  # read again as a report's prose: what a study found is not the page's claim
            claims, previous = read_text(run.text, rule.vocabulary, mode, extra, exempt, previous, paragraph)
        for claim in claims:
            values = _values(run.text, claim, rule.vocabulary)
            yield Hit(
                (), render(rule.message, values), render(rule.hint, values), span=span_at(run, claim.start, claim.end)
            )


def _claimed_in_title(rule: Spec, context: PageContext, extra: tuple[str, ...], exempt: tuple[str, ...]) -> bool:
    """Whether the page sells a product for a disease by its title: it recommends a product through a link
    (`product-links`, as SUP403 reads it) and its title, or its first heading when it has none, is itself a disease
    claim in a testimonial's first person ("How Omax3 Relieved My Inflammation and Joint Pain"). Such an advertorial
    is the product's story told for the disease, so its prose is read as a label's claims are (FDA reads a product
    "referenced under the heading 'Macular Degeneration'" as claiming it)."""
    from ..pages import HEADING, TITLE
    from ._page_text import recommends_through_links

    if rule.product_links is None:
        return False
    title = next((run for run in context.page.prose if run.role == TITLE), None)
    if title is None:
        title = next((run for run in context.page.prose if run.role == HEADING), None)
    if title is None or not is_testimonial(title.text, rule.vocabulary):
        return False
    if not read_text(title.text, rule.vocabulary, "prose", extra, exempt)[0]:
        return False
    return recommends_through_links(context, rule.product_links)


def _news(rule: Spec, context: PageContext) -> bool:
    """Whether the page is a report of research that sells nothing: no label, no product link (`product-links`,
    data/product-pages.yaml) and prose that reports studies (`_claims.reports_research`, its references left out).
    Its prose says what researchers found ("participants who were diagnosed with depression", "may be beneficial for
    treating diabetes"), which is news, not a claim for a product; a sentence there that speaks of a product and
    reports nothing is still read as one."""
    from ..pages import HEADING, TITLE
    from ._page_text import links_to_product, sells_own_product

    if rule.product_links is None or links_to_product(context, rule.product_links):
        return False
    if sells_own_product(context, rule.product_links):  # a brand's page on its own product reports no news
        return False
    texts = [
        run.text for run, cited in _in_references(context.page.prose) if not cited and run.role not in (HEADING, TITLE)
    ]
    return reports_research(texts, rule.vocabulary)


def _in_references(prose) -> Iterator[tuple[Prose, bool]]:
    """Each run with whether it is part of a reference list, the titles of cited works: the runs under a
    "References" heading (a heading right under it, "Clinical trials", is one of its parts; any later heading ends
    it), or after a paragraph that is only the word, set in bold ("**References:**"), which opens the list as the
    heading does. A heading itself is never part of one. A table's header cell ("Citations", the count of a study's
    citations in a research table) names a column, not a list below it (pages11)."""
    from ..pages import CELL, HEADING, ITEM, TITLE
    from ..pages.context import references_heading

    cited = heading_first = False  # heading_first: the references heading (or its first subheading) was the run before
    for run in prose:
        if run.role in (HEADING, TITLE):
            cited = heading_first = references_heading(run.text) or (cited and heading_first)
            yield run, False
        elif run.role not in (ITEM, CELL) and references_heading(run.text):
            cited = heading_first = True
            yield run, True
        else:
            heading_first = False
            yield run, cited


def _names_product(text: str, claim, names: frozenset[str]) -> bool:
    """Whether the claim's sentence of ``text`` names a product of ``names`` outside the claim's own words (a
    disease word in a product's name, "Arthritis Relief", is not the product named under the heading)."""
    if not names:
        return False
    from ._page_text import words_of

    before = text[claim.sentence_start : claim.start]
    after = text[claim.end : claim.sentence_end]
    return not names.isdisjoint(words_of(before + " " + after))


def _paragraph(run) -> bool:
    """Whether a run is a paragraph rather than a heading: as its parser knows it (a heading or the page's title is
    not; a paragraph or the page's description is), else by its shape (a long run that ends a sentence)."""
    from ..pages import DESCRIPTION, HEADING, PARAGRAPH, TITLE

    if run.role in (HEADING, TITLE):
        return False
    if run.role in (PARAGRAPH, DESCRIPTION):
        return True
    text = run.text
    return text.rstrip().endswith((".", "!", "?")) and len(text.split()) > LIST_ITEM_WORDS


def _values(text: str, claim, path: str) -> dict:
    sentence = text[claim.sentence_start : claim.sentence_end]
    shown = excerpt(sentence, claim.start - claim.sentence_start, claim.end - claim.sentence_start)
    term = " ".join(claim.term.split())
    # A claim that points back at a disease named before it has that disease as its term, outside its own words.
    pointed = term.lower() not in " ".join(fold(text[claim.start : claim.end]).split()).lower()
    return {"term": term, "why": criterion(claim.term, path, pointed), "text": shown}


__all__ = ["FIELDS", "TARGET", "Spec", "disease_term", "evaluate", "excerpt"]
