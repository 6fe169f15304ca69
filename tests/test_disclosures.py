"""Affiliate links, their disclosures (SUP401, SUP402, SUP406), consult notes (SUP301, SUP403) and when a page
recommends supplements, through the public API, by code and line (issue 11, items 3-6)."""

from __future__ import annotations

import json

import pytest

import supplint

LINK = "https://amzn.to/3abcdef"


def page(*paragraphs: str) -> str:
    return "# Our magnesium pick\n\n" + "\n\n".join(paragraphs) + "\n"


def codes(text: str, filename: str = "page.md", select=("SUP401", "SUP402", "SUP406")) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_text(text, filename, select=list(select)))


# --- affiliate links -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://www.anrdoezrs.net/click-8123456-13554321",                       # CJ
    "https://www.tkqlhce.com/click-1-2?sid=x",                                # CJ
    "https://brand.sjv.io/c/1234567/654321/4321",                             # impact.com
    "https://goto.example-shop.com/c/1234567/81938/2092",                     # impact.com on a vanity domain
    "https://aff.vendor.hop.clickbank.net/?tid=x",                            # ClickBank
    "https://go.skimresources.com/?id=1X2&url=https%3A%2F%2Fexample.com",     # Skimlinks
    "https://redirect.viglink.com?key=abc&u=https%3A%2F%2Fexample.com",       # Sovrn
    "https://click.linksynergy.com/deeplink?id=x&mid=1&murl=https%3A%2F%2Fexample.com",  # Rakuten
    "https://www.awin1.com/cread.php?awinmid=1&awinaffid=2",                  # Awin
    "https://www.shareasale.com/r.cfm?b=1&u=2&m=3",                           # ShareASale
    "https://www.amazon.com/dp/B000000000?tag=examplesite-20",                # Amazon Associate ID
    "https://www.amazon.de/dp/B000000000?tag=beispiel-21",
])
def test_tracking_links_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize("url", [
    "https://www.cj.com/", "https://www.shareasale.com/info/", "https://www.awin.com/gb/publishers",
    "https://impact.com/", "https://www.clickbank.com/", "https://www.skimlinks.com/", "https://www.sovrn.com/",
    "https://rakutenadvertising.com/", "https://www.example-blog.com/?tag=vitamin-d",
    "https://www.amazon.com/dp/B001G7QUT8?ref_=ast_sto_dp", "http://www.amazon.co.uk/exec/obidos/ASIN/B000050ABX/202-04",
])
def test_network_sites_and_plain_links_are_not(url):
    assert codes(page(f"See [this]({url}).")) == []


# --- disclosures -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("disclosure", [
    "As an Amazon Associate we earn from qualifying purchases.",
    "We are a participant in the Amazon Services LLC Associates Program, an affiliate advertising program designed "
    "to provide a means for us to earn fees by linking to Amazon.com and affiliated sites.",
    "If you buy through our links, we may get a commission.",
    "Example Daily may earn a commission when readers buy through links on this page.",
    "We receive a referral fee if you sign up through this link.",
    "I may be compensated if you make a purchase.",
    "The brand sent me this magnesium to try.",
    "Thanks to Acme for the complimentary bottles.",
    "#ad", "Ad:", "Sponsored", "(paid link)", "This review is sponsored by Acme Nutrition.", "Acme Partner",
    "Disclosure: Acme provided this product free of charge.", "I received this in exchange for an honest review.",
])
def test_accepted_disclosures(disclosure):
    assert codes(page(disclosure, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize("vague", [
    "affiliate link", "#sp", "#spon", "collab", "ambassador", "This post contains affiliate links.",
    "These affiliate links are marked with an asterisk.", "See our disclosure policy.",
])
def test_vague_disclosures_are_sup406_at_their_line(vague):
    assert codes(page(vague, f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


def test_only_a_link_to_a_disclosure_page_is_vague():
    text = page("More [here](https://example-blog.com/affiliate-disclosure/).",
                f"Our pick is [Example]({LINK}).")
    assert codes(text) == [("SUP406", 3)]


@pytest.mark.parametrize("text", [
    "We do not use paid links.", "I never accept free products.", "The Federal Trade Commission requires it.",
    "We share data with our affiliate companies.", "You get 10% commission on every order.",
    "Whether we list a product is never decided by whether we earn a commission on it.",
    "She makes money from affiliate links and sponsored posts.",
    "We do not receive compensation for this review.", "We earn no commission on these picks.",
])
def test_negated_and_unrelated_wording_is_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


def test_an_accepted_disclosure_anywhere_outweighs_a_vague_one():
    text = page("This post contains affiliate links.", f"Our pick is [Example]({LINK}).",
                "We earn a commission if you buy through them.")
    assert codes(text) == [("SUP402", 7)]


def test_a_negation_stays_in_its_sentence():
    text = page("We do not accept free products. We earn a commission on purchases.", f"Pick: [Example]({LINK}).")
    assert codes(text) == []


def test_disclosure_wording_is_matched_after_folding():
    # soft hyphen, zero-width space, a ligature and a curly apostrophe: what a page copied from a PDF carries
    for disclosure in ("We earn a com\u00admission on purchases.", "Spon\u200bsored", "We’ll earn a commission.",
                       "We may earn a commission on ﬁsh oil purchases."):
        assert codes(page(disclosure, f"Our pick is [Example]({LINK}).")) == [], disclosure


def test_sup406_column_is_the_vague_words():
    found = supplint.check_text(page("Note: #sp", f"Pick: [Example]({LINK})."), "page.md", select=["SUP406"])
    assert [(f.code, f.line, f.column) for f in found] == [("SUP406", 3, 7)]


# --- consult notes -----------------------------------------------------------------------------------------------------

LABEL = "product: Example Magnesium\nidentity: Dietary Supplement\nfacts:\n  - {name: Magnesium, amount: 100 mg}\n"


@pytest.mark.parametrize("warning", [
    "Discuss this product with your doctor if you take medication.",
    "Tell your pharmacist about every supplement you take.",
    "Let your doctor know you take magnesium.",
    "Check with your health care provider before use.",
    "Use only under medical supervision.",
    "Consult your physican before use.",
    "Seek the advice of a health care proffesional if pregnant.",
    "Keep your healthcare providers informed of everything you take.",
    "Talk to your doc\u00adtor before use.",
    "Call your doctor if you have questions.", "Seek medical advice before use.",
])
def test_consult_advice_on_labels(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize("warning", [
    "Doctor formulated.", "#1 doctor-recommended brand.", "Take 1 capsule daily or as directed by your healthcare "
    "practitioner.", "Not a substitute for professional medical advice.",
    # the iron overdose warning of 21 CFR 101.17(e) is emergency advice, not a consult note
    "In case of accidental overdose, call a doctor or poison control center immediately.",
])
def test_not_advice_on_labels(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [("SUP301", 5)]


# --- when a page recommends supplements (SUP403) ---------------------------------------------------------------------

SUPPLEMENT_PROSE = "Magnesium glycinate is the supplement we take: 200 mg per capsule."


@pytest.mark.parametrize("url", [
    "https://www.iherb.com/pr/example-magnesium/12345", "https://www.amazon.com/dp/B000000000",
    "https://www.walmart.com/ip/Example-Magnesium/123", "https://www.target.com/p/example-magnesium/-/A-1",
    "https://www.vitacost.com/example-magnesium-glycinate-120-capsules", "https://example-brand.com/products/magnesium",
    LINK,
])
def test_a_product_link_with_supplement_prose_recommends(url):
    text = page(SUPPLEMENT_PROSE, f"Buy [Example Magnesium]({url}).")
    assert codes(text, select=["SUP403"]) == [("SUP403", 5)]


def test_a_consult_note_satisfies_the_product_page():
    text = page(SUPPLEMENT_PROSE, "Discuss magnesium with your doctor first.", "Buy [it](https://www.iherb.com/pr/x/1).")
    assert codes(text, select=["SUP403"]) == []


@pytest.mark.parametrize("prose", ["A novel we enjoyed this summer.", "A book on vitamin history."])
def test_a_product_link_without_supplement_prose_does_not(prose):
    text = f"# Summer reading\n\n{prose}\n\nBuy [it](https://www.amazon.com/dp/B000000000).\n"
    assert codes(text, select=["SUP403"]) == []


def test_a_plain_link_with_supplement_prose_does_not():
    text = page(SUPPLEMENT_PROSE, "Read the [fact sheet](https://ods.od.nih.gov/factsheets/Magnesium-Consumer/).")
    assert codes(text, select=["SUP403"]) == []
