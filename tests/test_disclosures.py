"""Affiliate links, their disclosures (SUP401, SUP402, SUP406), consult notes (SUP301, SUP403) and when a page
recommends supplements, through the public API, by code and line (issue 11, items 3-6)."""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import ROOT

LINK = "https://amzn.to/3abcdef"


def page(*paragraphs: str) -> str:
    return "# Our magnesium pick\n\n" + "\n\n".join(paragraphs) + "\n"


def codes(text: str, filename: str = "page.md", select=("SUP401", "SUP402", "SUP406")) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in supplint.check_text(text, filename, select=list(select)))


# --- affiliate links -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.anrdoezrs.net/click-8123456-13554321",  # CJ
        "https://www.tkqlhce.com/click-1-2?sid=x",  # CJ
        "https://brand.sjv.io/c/1234567/654321/4321",  # impact.com
        "https://goto.example-shop.com/c/1234567/81938/2092",  # impact.com on a vanity domain
        "https://aff.vendor.hop.clickbank.net/?tid=x",  # ClickBank
        "https://go.skimresources.com/?id=1X2&url=https%3A%2F%2Fexample.com",  # Skimlinks
        "https://redirect.viglink.com?key=abc&u=https%3A%2F%2Fexample.com",  # Sovrn
        "https://click.linksynergy.com/deeplink?id=x&mid=1&murl=https%3A%2F%2Fexample.com",  # Rakuten
        "https://www.awin1.com/cread.php?awinmid=1&awinaffid=2",  # Awin
        "https://www.shareasale.com/r.cfm?b=1&u=2&m=3",  # ShareASale
        "https://www.amazon.com/dp/B000000000?tag=examplesite-20",  # Amazon Associate ID
        "https://www.amazon.de/dp/B000000000?tag=beispiel-21",
        "https://shop.example-vitamins.com/idevaffiliate.php?id=123_0_1_5",  # iDevAffiliate on the merchant's host
        "https://goto.target.com/c/1234567/81938/2092?u=https%3A%2F%2Fwww.target.com%2Fp%2Fx%2F-%2FA-1",  # Target's Impact
        "https://track.flexlinkspro.com/a.ashx?foid=1.2.3&foc=16&fot=9999&fos=1",  # FlexOffers
        "https://www.pjtra.com/t/12345?url=https%3A%2F%2Fwww.example-shop.com%2Fitem",  # Pepperjam
        "https://www.digistore24.com/redir/386253/example_affiliate/",  # Digistore24
        "https://iherb.co/hv4eNsnj",
        "https://go.shopmy.us/p-83948920",
        "https://geni.us/urolithin-a",
    ],
)
def test_tracking_links_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.cj.com/",
        "https://www.shareasale.com/info/",
        "https://www.awin.com/gb/publishers",
        "https://impact.com/",
        "https://www.clickbank.com/",
        "https://www.skimlinks.com/",
        "https://www.sovrn.com/",
        "https://rakutenadvertising.com/",
        "https://www.example-blog.com/?tag=vitamin-d",
        "https://www.amazon.com/dp/B001G7QUT8?ref_=ast_sto_dp",
        "http://www.amazon.co.uk/exec/obidos/ASIN/B000050ABX/202-04",
        "https://www.target.com/p/example-magnesium/-/A-1?ref=tgt_adv_XS000000&AFID=google_pla_df",  # Target's own tag
        "https://www.example-vitamins.com/idevaffiliate.php",  # the script without an affiliate id
        "https://www.digistore24.com/product/386253",
        "https://www.flexoffers.com/publishers/",
    ],
)
def test_network_sites_and_plain_links_are_not(url):
    assert codes(page(f"See [this]({url}).")) == []


# --- disclosures -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "disclosure",
    [
        "As an Amazon Associate we earn from qualifying purchases.",
        "We are a participant in the Amazon Services LLC Associates Program, an affiliate advertising program designed "
        "to provide a means for us to earn fees by linking to Amazon.com and affiliated sites.",
        "If you buy through our links, we may get a commission.",
        "Example Daily may earn a commission when readers buy through links on this page.",
        "We receive a referral fee if you sign up through this link.",
        "I may be compensated if you make a purchase.",
        "The brand sent me this magnesium to try.",
        "Thanks to Acme for the complimentary bottles.",
        "#ad",
        "Ad:",
        "Sponsored",
        "(paid link)",
        "This review is sponsored by Acme Nutrition.",
        "Acme Partner",
        "Disclosure: Acme provided this product free of charge.",
        "I received this in exchange for an honest review.",
        # a product given by its maker, a brand-qualified hashtag, the full words, employment, payment in other words
        "Sample provided by Acme; opinions are mine.",
        "Review unit supplied by the brand.",
        "#AcmePartner",
        "#AcmeEmployee",
        "#advertising",
        "Advertising",
        "I am an employee of Acme Nutrition.",
        "Acme paid me to write this.",
        "Acme paid for this post.",
        "Acme provided compensation for this review.",
        "This is an ad.",
        "I am a paid ambassador for Acme.",
        # the publisher by name or as a business, and a quoted or bracketed earner
        "Example Daily is a commission-based website.",
        "Every purchase through our links supports Example Daily.",
        'Links here are affiliate links, of which "Example Daily" receives a small commission.',
        "The affiliate (me, in this case) may get a small fee.",
        "Example Daily and our partners may receive a portion of revenues if you buy through a link above.",
    ],
)
def test_accepted_disclosures(disclosure):
    assert codes(page(disclosure, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "vague",
    [
        "affiliate link",
        "#sp",
        "#spon",
        "collab",
        "ambassador",
        "This post contains affiliate links.",
        "These affiliate links are marked with an asterisk.",
        "See our disclosure policy.",
        # the FTC's "Thanks [Brand]", shorthand, a generic brand ambassador, affiliate links said of some pages, and a
        # partnership without what the publisher gets
        "Thank you Acme!",
        "Thanks, Acme Nutrition.",
        "#SponCon",
        "#brandambassador",
        "#ee",
        "Affiliate disclaimer",
        "Some buying guides contain affiliate links.",
        "Many of our reviews may include referral links.",
        "We occasionally partner with brands.",
        "Read our affiliate policy.",
        "This post is in collaboration with Acme.",
    ],
)
def test_vague_disclosures_are_sup406_at_their_line(vague):
    assert codes(page(vague, f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


def test_only_a_link_to_a_disclosure_page_is_vague():
    text = page("More [here](https://example-blog.com/affiliate-disclosure/).", f"Our pick is [Example]({LINK}).")
    assert codes(text) == [("SUP406", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "We do not use paid links.",
        "I never accept free products.",
        "The Federal Trade Commission requires it.",
        "We share data with our affiliate companies.",
        "You get 10% commission on every order.",
        "Whether we list a product is never decided by whether we earn a commission on it.",
        "She makes money from affiliate links and sponsored posts.",
        "We do not receive compensation for this review.",
        "We earn no commission on these picks.",
        # "cannot" negates; an offer of product is not a product received
        "Under my agreement I cannot accept sponsored posts.",
        "Companies often want to send me their products to try.",
        "Acme offered to pay me for a review.",
        # a photo credit, an ad-free site and a privacy policy say nothing of the links
        "Photo courtesy of Acme Nutrition.",
        "This site is ad-free.",
        "Read our privacy policy.",
    ],
)
def test_negated_and_unrelated_wording_is_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


def test_an_accepted_disclosure_anywhere_outweighs_a_vague_one():
    text = page(
        "This post contains affiliate links.",
        f"Our pick is [Example]({LINK}).",
        "We earn a commission if you buy through them.",
    )
    assert codes(text) == [("SUP402", 7)]


def test_a_negation_stays_in_its_sentence():
    text = page("We do not accept free products. We earn a commission on purchases.", f"Pick: [Example]({LINK}).")
    assert codes(text) == []


def test_disclosure_wording_is_matched_after_folding():
    # soft hyphen, zero-width space, a ligature and a curly apostrophe: what a page copied from a PDF carries
    for disclosure in (
        "We earn a com\u00admission on purchases.",
        "Spon\u200bsored",
        "We’ll earn a commission.",
        "We may earn a commission on ﬁsh oil purchases.",
        # direction marks and invisible separators (format characters) pasted from a CMS
        "We earn a com\u200emission.",
        "Spon\u200fsored",
        "We earn a com\u2063mission.",
    ):
        assert codes(page(disclosure, f"Our pick is [Example]({LINK}).")) == [], disclosure


def test_sup406_column_is_the_vague_words():
    found = supplint.check_text(page("Note: #sp", f"Pick: [Example]({LINK})."), "page.md", select=["SUP406"])
    assert [(f.code, f.line, f.column) for f in found] == [("SUP406", 3, 7)]


# --- consult notes ----------------------------------------------------------------------------------------------

LABEL = "product: Example Magnesium\nidentity: Dietary Supplement\nfacts:\n  - {name: Magnesium, amount: 100 mg}\n"


@pytest.mark.parametrize(
    "warning",
    [
        "Discuss this product with your doctor if you take medication.",
        "Tell your pharmacist about every supplement you take.",
        "Let your doctor know you take magnesium.",
        "Check with your health care provider before use.",
        "Use only under medical supervision.",
        "Consult your physican before use.",
        "Seek the advice of a health care proffesional if pregnant.",
        "Keep your healthcare providers informed of everything you take.",
        "Talk to your doc\u00adtor before use.",
        "Call your doctor if you have questions.",
        "Seek medical advice before use.",
        # a verb that takes "to" the professional, someone else's doctor, misspellings, a doctor's care, Dr.
        "Disclose every supplement you take to your healthcare professional.",
        "Show the bottle to your pharmacist.",
        "Mention magnesium to your doctor.",
        "Have a doctor or pharmacist review the list once a year.",
        "Consult your health care practicioner.",
        "Ask your pharmicist.",
        "Talk to your heath care provider.",
        "Use only under a doctor's care.",
        "Do not use without medical advice.",
        "Ask your Dr. before use.",
        "Ask your prescriber before use.",
        "Talk with your healthcare practitioner about magnesium.",
        # folded first: a direction mark inside a word, an em dash between clauses (not a compound "doctor-before")
        "Talk to your doc\u200etor before use.",
        "Talk to your doctor\u2014before you start.",
        "Get your doctor's input first.",
        "Run any new supplement by your pharmacist.",
        "Seek professional advice before use.",
    ],
)
def test_consult_advice_on_labels(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "warning",
    [
        "Doctor formulated.",
        "#1 doctor-recommended brand.",
        "Take 1 capsule daily or as directed by your healthcare practitioner.",
        "Not a substitute for professional medical advice.",
        # the iron overdose warning of 21 CFR 101.17(e) is emergency advice, not a consult note
        "In case of accidental overdose, call a doctor or poison control center immediately.",
        # a note to professionals, not to the reader; "show" without "to"; a Dr. who is not the reader's
        "Health care practitioners should be aware of potential interactions.",
        "Studies show that doctors rarely ask about supplements.",
        "See Dr. Smith's study of magnesium.",
        "Our partners and their doctors ran the trial by the book.",
    ],
)
def test_not_advice_on_labels(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [("SUP301", 5)]


# --- when a page recommends supplements (SUP403) ---------------------------------------------------------------------

SUPPLEMENT_PROSE = "Magnesium glycinate is the supplement we take: 200 mg per capsule."


@pytest.mark.parametrize(
    "url",
    [
        "https://www.iherb.com/pr/example-magnesium/12345",
        "https://www.amazon.com/dp/B000000000",
        "https://www.walmart.com/ip/Example-Magnesium/123",
        "https://www.target.com/p/example-magnesium/-/A-1",
        "https://www.vitacost.com/example-magnesium-glycinate-120-capsules",
        "https://example-brand.com/products/magnesium",
        LINK,
        "https://a.co/d/0exAmPlE",
        "https://thrivemarket.com/p/example-magnesium-glycinate",
        "https://www.thorne.com/products/dp/magnesium-bisglycinate",
    ],
)
def test_a_product_link_with_supplement_prose_recommends(url):
    text = page(SUPPLEMENT_PROSE, f"Buy [Example Magnesium]({url}).")
    assert codes(text, select=["SUP403"]) == [("SUP403", 5)]


def test_a_consult_note_satisfies_the_product_page():
    text = page(
        SUPPLEMENT_PROSE, "Discuss magnesium with your doctor first.", "Buy [it](https://www.iherb.com/pr/x/1)."
    )
    assert codes(text, select=["SUP403"]) == []


@pytest.mark.parametrize("prose", ["A novel we enjoyed this summer.", "A book on vitamin history."])
def test_a_product_link_without_supplement_prose_does_not(prose):
    text = f"# Summer reading\n\n{prose}\n\nBuy [it](https://www.amazon.com/dp/B000000000).\n"
    assert codes(text, select=["SUP403"]) == []


def test_a_plain_link_with_supplement_prose_does_not():
    text = page(SUPPLEMENT_PROSE, "Read the [fact sheet](https://ods.od.nih.gov/factsheets/Magnesium-Consumer/).")
    assert codes(text, select=["SUP403"]) == []


# --- real-shaped pages (tests/fixtures/pages: each names the page it is modelled on) ---------------------------------

PAGES = ROOT / "tests" / "fixtures" / "pages"
PAGE_RULES = ["SUP401", "SUP402", "SUP403", "SUP406"]

# file -> the findings of SUP401/SUP402/SUP403/SUP406, by code and line.
EXPECTED = {
    "magnesium-roundup-consult.md": [],  # disclosure first, consult note
    "magnesium-showcase.html": [("SUP403", 18)],  # header disclosure; no consult note
    "magnesium-advertorial.html": [("SUP403", 13)],  # the brand's /products/ page, no network
    "magnesium-sponsored-brandspot.html": [("SUP401", 11), ("SUP403", 11)],  # affid= link, nothing disclosed
    "magnesium-forms-explainer.md": [],  # about supplements, links to NIH only
    "magnesium-spray-top15.html": [("SUP403", 12)],
    "protein-contaminants-news.md": [],  # a study summary, no product link
    "prenatal-guidelines.md": [],
    "vitamin-d3-product.html": [],  # relative product link, consult note
    "vitamin-d3-shop-product.md": [("SUP403", 13)],
    "vitamin-d-category.html": [("SUP403", 11)],  # "consult with an expert" is no provider
    "vitamin-d-collection.html": [],
    "protein-review-late.md": [("SUP402", 18), ("SUP403", 12)],  # disclosure at the end
    "collagen-recipe-vague.md": [("SUP403", 14), ("SUP406", 10)],  # "contains some affiliate links"
    "supplement-faq-consult.md": [],
    "turmeric-aside-mdx.mdx": [("SUP403", 14)],  # the <aside> call-out discloses in time
    "ashwagandha-footnote.md": [("SUP402", 15)],  # a footnote renders after the link
    "disease-mentions.md": [],  # no product link: nothing to disclose
    "fish-oil-wordpress-review.html": [("SUP403", 13)],  # Amazon button block, no consult note
    "vitamin-d-wordpress-review-consult.html": [],  # consult note in a group block
    "probiotic-comparison-table.html": [("SUP403", 14)],  # plain retailer product pages in a table
    "lemon-muffins-recipe.md": [],  # links a pan; prose not about supplements
    "matcha-ashwagandha-latte-consult.md": [],  # links one supplement, consult note
    "joint-formula-product.md": [],  # SUP404 fixtures (test_claim_pages.py):
    "fish-oil-heart-guide.html": [],  # no product link
    "herbal-flyer-pdf-copy.md": [],  # a SUP404 fixture (test_claim_pages.py): no product link
    # prose-role fixtures (test_pages_parse.py):
    "joint-benefits-roles.html": [],  # no product link
    "probiotic-html-body.md": [("SUP401", 14)],  # an Impact link in indented HTML, nothing discloses; consult note
    "herb-notes-pre.html": [],  # no product link
}


def test_every_page_fixture_has_its_expectation():
    assert sorted(EXPECTED) == sorted(p.name for p in PAGES.iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_shaped_pages(name):
    path = PAGES / name
    findings = supplint.check_text(path.read_text(encoding="utf-8"), name, select=PAGE_RULES)
    assert sorted((f.code, f.line) for f in findings) == EXPECTED[name]


# --- ordering: where the disclosure sits ----------------------------------------------------------------------------


def test_a_vague_disclosure_after_the_link_is_late_and_vague():
    text = page(f"Our pick is [Example]({LINK}).", "Affiliate link.")
    assert codes(text) == [("SUP402", 5), ("SUP406", 5)]


def test_a_vague_disclosure_before_the_link_is_only_vague():
    assert codes(page("Affiliate link.", f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


def test_an_html_aside_in_markdown_discloses_in_its_place():
    aside = '<aside class="disclosure">\n  We earn a commission on purchases made through links in this post.\n</aside>'
    assert codes(page(aside, f"Our pick is [Example]({LINK}).")) == []
    assert codes(page(f"Our pick is [Example]({LINK}).", aside)) == [("SUP402", 6)]


def test_script_text_in_an_html_block_is_not_a_disclosure():
    block = "<div>\n<script>var note = 'we earn a commission';</script>\n</div>"
    assert codes(page(block, f"Our pick is [Example]({LINK}).")) == [("SUP401", 7)]


def test_a_byline_in_the_html_header_comes_before_the_link():
    html = (
        "<html><body><header><p>By Jane Doe. We earn a commission on purchases.</p></header>\n"
        f'<article><p>Our pick is <a href="{LINK}">Example</a>.</p></article></body></html>\n'
    )
    assert codes(html, "page.html") == []
    late = (
        '<html><body><article><p>Our pick is <a href="{LINK}">Example</a>.</p></article>\n'
        "<footer><p>We earn a commission on purchases.</p></footer></body></html>\n"
    ).replace("{LINK}", LINK)
    assert codes(late, "page.html") == [("SUP402", 2)]


def test_a_markdown_callout_before_the_link_is_in_time():
    callout = "> [!NOTE]\n> We earn a commission on purchases made through links in this post."
    assert codes(page(callout, f"Our pick is [Example]({LINK}).")) == []


# --- when prose is about supplements -------------------------------------------------------------------------------

PRODUCT = "https://www.iherb.com/pr/example/12345"


@pytest.mark.parametrize(
    "prose",
    [
        "Cholecalciferol in olive oil, one softgel a day.",  # a nutrient form (aliases.yaml), a dosage form
        "Methylcobalamin and L-methylfolate, sublingual.",  # two nutrient forms
        "Two caplets of magnesium bisglycinate.",  # a dosage-form word and a nutrient form
        "Vitamin B-12 lozenges.",
    ],
)
def test_nutrient_names_and_dosage_forms_make_supplement_prose(prose):
    text = f"# Our pick\n\n{prose}\n\nBuy [it]({PRODUCT}).\n"
    assert codes(text, select=["SUP403"]) == [("SUP403", 5)]


@pytest.mark.parametrize(
    "prose",
    [
        "A cast iron pan, seasoned, with a 5G scoop.",  # "iron" once; scoop and g are not supplement words
        "Our favourite shot glass and spray bottle.",
    ],
)
def test_everyday_words_of_those_files_do_not(prose):
    text = f"# Kitchen picks\n\n{prose}\n\nBuy [it]({PRODUCT}).\n"
    assert codes(text, select=["SUP403"]) == []
    assert codes(text.replace("Kitchen", "Zinc and magnesium"), select=["SUP403"]) == [("SUP403", 5)]


@pytest.mark.parametrize("prose", ["Lion's mane and reishi, one scoop.", "Shilajit resin and tongkat ali."])
def test_botanicals_sold_as_supplements_make_supplement_prose(prose):
    assert codes(f"# Our pick\n\n{prose}\n\nBuy [it]({PRODUCT}).\n", select=["SUP403"]) == [("SUP403", 5)]


def test_a_stores_relative_product_link_recommends():
    text = "# Our pick\n\nVitamin D3 softgels, 2000 IU.\n\nSee also [K2](/products/vitamin-k2).\n"
    assert codes(text, select=["SUP403"]) == [("SUP403", 5)]


# --- a team's consult wording on pages, joined with the shipped patterns --------------------------------------------


@pytest.mark.parametrize(
    "extra, note",
    [
        ("\\\\bclear it with your wellness crew\\\\b", "Clear it with your wellness crew first."),
        # a back-reference cannot join the other patterns in one regex: it is matched on its own
        ("\\\\b(crew)\\\\s+lead\\\\s+\\\\1\\\\b", "Ask the crew lead crew, first."),
    ],
)
def test_a_teams_consult_pattern_counts_on_pages(write, extra, note):
    from click.testing import CliRunner

    from supplint.cli import cli

    path = write("page.md", page(SUPPLEMENT_PROSE, note, "Buy [it](https://www.iherb.com/pr/x/1)."))

    def found():
        result = CliRunner().invoke(
            cli, ["check", "--output-format", "json", "--select", "SUP403", str(path)], catch_exceptions=False
        )
        return sorted((f["code"], f["line"]) for f in json.loads(result.output))

    assert found() == [("SUP403", 7)]
    write("supplint.toml", f'[rules.SUP403]\nextra-patterns = ["{extra}"]\n')
    assert found() == []


# --- the shapes behind the third fresh holdout (tests/data/corpus, batch 3): general, each with a sibling ------------


@pytest.mark.parametrize(
    "url",
    [
        "https://your-store.myshopify.com/products/zinc?affily_ref=AFF-ABC123",  # an app's own "aff" parameter name
        "https://shop.example.com/?aff_code=JANE10",
        "https://shop.example.com/?sca_ref=123.abc",  # UpPromote
        "https://howl.link/abc123",  # Howl
        "https://lvnta.com/lv_x1",  # Levanta
        "https://sovrn.co/1a2b3c",  # Sovrn //Commerce short link
        "https://www.shopltk.com/explore/examplecreator",  # an LTK storefront
        "https://www.walmart.com/ip/Example/123?veh=aff",  # Walmart's affiliate vehicle
        "https://www.amazon.com/dp/B000000000?maas=maas_adg_1&tag=maas",  # Amazon Attribution, as creator programmes
        "https://shop.example.com/p/x?utm_source=shareasale&utm_medium=affiliate",  # the merchant's own tags say so
        "https://www.ebay.com/itm/1234?mkcid=1&campid=5338000000",  # eBay Partner Network
        "https://ebay.us/AbCdEf",
        "https://jvz1.com/c/123456/78901",  # JVZoo
    ],
)
def test_creator_commerce_links_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.howl.link/docs/publishers/clickmate",  # a tracking domain's documentation subdomain
        "https://help.skimresources.com/",
        "https://company.shopltk.com/",
        "https://www.shopltk.com/",
        "https://shop.example.com/?affordable=1",  # "aff" must be a word of the name
        "https://www.walmart.com/ip/Example/123?veh=seo",
        "https://shop.example.com/?utm_source=newsletter&utm_medium=email",  # campaign tags of other traffic
        "https://www.ebay.com/itm/1234",
        "https://www.jvzoo.com/products",
    ],
)
def test_their_own_pages_are_not(url):
    assert codes(page(f"See [this]({url}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Affiliate marketing is when you promote a product and earn a commission on each sale.",  # a definition
        "An affiliate link is a link whose owner receives a commission on purchases.",
        "Influencer marketing is a way for a creator to get paid by brands.",
        "When a reader buys through the link, the blogger receives a commission.",  # a generic earner
        "If you have been paid to promote a product, say so.",  # advice to the reader
        "Use clear language like #ad or I earn a commission from these links.",  # examples of wording
        'Many readers will not understand a label such as "#sp".',
        'Put the words "affiliate link" somewhere near the link.',
        "#ad (or Ad) is the label most readers understand.",
    ],
)
def test_wording_about_disclosures_is_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "An affiliate commission means that when you buy through my links, I receive a small commission.",
        'Any of the links on this site are affiliate links of which "Example Blog" receives a commission.',
        "It simply means the site may be compensated for purchases through retailer links.",
        "Sponsored message from Acme",
        "Sponsored video",
        "#PaidSponsorship",
        "Commissions earned",
        "Thanks to our sponsor for this episode, Acme.",
        "The sponsor of today's video is Acme.",
    ],
)
def test_more_accepted_disclosures(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "I tested the new timer (affiliate link) for a month.",
        "(Affiliate links below.)",
        "My affiliate links are in the description.",
        "#afflink",
        "Example Blog is a member of several affiliate programs.",
        "I'm an affiliate for Amazon.",
    ],
)
def test_more_vague_disclosures_are_sup406(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


def test_a_discussion_with_the_physician_is_advice():
    warning = "Having a discussion with your physician will help you choose a supplement."
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "This episode is brought to you by Acme.",  # the content said to be sponsored, with or without the sponsor
        "This post was sponsored.",
        "Acme is sponsoring today's video.",
        "Acme is a sponsor of this blog.",
        "Acme compensated me for this post.",  # other verbs of paying
        "I'm paid through the affiliate links on this page.",
        "Acme paid for my trip.",
        "Acme provided the product for this review.",  # the maker providing it, the product after the verb
        "I have a financial relationship with Acme.",  # a connection named as such (255.5)
        "Gifted.",
        "We receive a referral bonus from links on this page.",  # other things earned
        "This site receives payment when you buy.",
        "Commission earned on purchases.",
    ],
)
def test_who_is_paid_for_what_in_other_words(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Join our affiliate program and earn 10 % commission.",  # an invitation to the reader
        "Nobody paid us for this review.",
        "It costs you nothing, and no brand sent us anything.",
    ],
)
def test_invitations_and_denials_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


def test_nothing_extra_for_the_reader_is_no_denial():
    assert codes(page("It costs you nothing extra, and we earn a commission.", f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "warning",
    [
        "Get the OK from your doctor before use.",
        "Check first with your physician.",
        "Confer with your pharmacist if you take medication.",
        "Consult your naturopath before use.",  # the specialists a reader is told to ask
        "Ask your OB-GYN if you are pregnant.",
        "Talk to your cardiologist before use.",
        "Check with your care team first.",
    ],
)
def test_more_ways_of_giving_the_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "warning", ["Contact our customer care team for returns.", "Our care team ships within a day."]
)
def test_a_customer_care_team_is_no_professional(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [
        ("SUP301", 5)
    ]  # at warnings:


# --- SUP403 on posts shaped like real supplement pages (prose in our own words; the page each is modelled on named) --


# Modelled on a brand-comparison post (https://www.goodievibes.com/blogs/news/why-magnesium-is-a-miracle-mineral-and-
# how-to-compare-supplement-brands): benefits in headed sections, then three brands, each with a "shop" link to its
# product page.
COMPARISON = """# Why magnesium matters, and how to compare brands

Most adults take in less magnesium than the RDA. Hundreds of enzymes rely on it.

## What to look for

Check the form (glycinate, citrate, oxide) and the amount of elemental magnesium per serving.

## Three brands we compared

1. **Brand A Magnesium Glycinate**, 120 mg per capsule. [Shop now](https://brand-a.example/products/magnesium-glycinate)
2. **Brand B Citrate**, 150 mg per tablet. [Shop now](https://www.iherb.com/pr/brand-b-magnesium-citrate/12345)
3. **Brand C Complex**, 200 mg per scoop. [Shop now](https://www.myprotein.com/vitamins/brand-c-magnesium/11223344.html)
{note}"""


def test_a_brand_comparison_without_a_consult_note_is_sup403_at_its_first_product_link():
    assert codes(COMPARISON.format(note=""), select=["SUP403"]) == [("SUP403", 11)]


@pytest.mark.parametrize(
    "note",
    [
        "\nAsk your pharmacist which form suits you if you take other medicines.\n",
        "\n*Informational only. Check with your healthcare provider before starting a supplement.*\n",
    ],
)
def test_the_same_comparison_with_a_consult_note_is_not(note):
    assert codes(COMPARISON.format(note=note), select=["SUP403"]) == []


# Modelled on a practitioner's article that links its readers to a dispensary (https://supplement-
# sciences.nutriscape.net/magnesium/): the links go to Fullscript product pages.
def test_dispensary_product_links_in_a_supplement_article_recommend():
    text = (
        "# Magnesium: a common deficiency\n\nMagnesium supplements come as glycinate, citrate and threonate.\n\n"
        "Get [magnesium glycinate](https://us.fullscript.com/catalog/products/magnesium-glycinate) at 20 % off.\n"
    )
    assert codes(text, select=["SUP403"]) == [("SUP403", 5)]


# A page that is not about supplements, with the same kinds of link (a kitchen post linking to a shop's products).
def test_a_page_not_about_supplements_with_product_links_is_not():
    text = (
        "# Our weeknight skillet dinner\n\nBrown the onions, add the rice and stock, and simmer for twenty minutes.\n\n"
        "We use [this pan](https://www.amazon.com/dp/B00006JSUA) and [this spatula](https://shop.example/products/x).\n"
    )
    assert codes(text, select=["SUP403"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Refer a friend and earn $10 in store credit.",  # an invitation, by its first word
        "Sign up today and get paid for every sale you refer.",
        "The FTC wrote to influencers who were paid to post.",  # a relative pronoun after someone else
        "The study was sponsored by the National Institutes of Health.",  # research and events
        "The event is sponsored by local businesses.",
        "Shop now and receive a free gift with purchase.",  # offers to the reader
        "Get a free sample when you subscribe.",
        "Each participant received a free bottle of the supplement.",  # study methods
        "Participants were paid $50 for their time.",
        "A sponsored post must say so at the top.",  # sponsored posts in general
        "Can you really make money with affiliate links?",
    ],
)
def test_offers_research_and_talk_of_others_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "I test every product and earn a commission on sales.",  # the publisher before the conjunction
        "Example Health is an Amazon Associate and earns from qualifying purchases.",
        "I am a blogger who gets paid when you buy.",
        "This site is sponsored by Acme.",
        "Example Health is sponsored by Acme.",
        "In this video sponsored by Acme, we test three powders.",
        "Thanks to Acme for the free product.",
        "In return for a gifted product, I wrote this review.",
        "Free sample from Acme; my opinions are my own.",
        "This is a sponsored post.",
    ],
)
def test_the_same_words_said_of_the_publisher_disclose(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "extra, note",
    [
        ("\\\\bkickback notice\\\\b", "Kickback notice: links here pay the house."),
        # a back-reference cannot join the shipped patterns in the one regex that skips silent sentences
        ("\\\\b(house)\\\\s+rule\\\\s+\\\\1\\\\b", "The house rule house applies to these links."),
    ],
)
def test_a_teams_disclosure_pattern_counts(write, extra, note):
    from click.testing import CliRunner

    from supplint.cli import cli

    path = write("page.md", page(note, f"Our pick is [Example]({LINK})."))

    def found():
        result = CliRunner().invoke(
            cli, ["check", "--output-format", "json", "--select", "SUP401", str(path)], catch_exceptions=False
        )
        return sorted((f["code"], f["line"]) for f in json.loads(result.output))

    assert found() == [("SUP401", 5)]
    write("supplint.toml", f'[rules.SUP401]\nextra-patterns = ["{extra}"]\n')
    assert found() == []


# --- the fourth fresh holdout's shapes, in our own words (disclose5) --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We are not paid to review products, but we earn a commission on purchases.",  # the negation's own clause
        "This is not a sponsored post; however, I do receive a commission when you buy.",
        "We often (but not always) earn a commission.",  # a qualifier's "not" denies nothing
        "We may or may not get paid when you buy through these links.",
        "The retailer pays this site a referral fee.",  # the publisher as a site, the payer as the subject
        "A small share of each sale goes to this blog.",  # the payment as the subject
        "If you buy one of them, Example Health may earn a commission.",  # "them" is the links, not a third person
    ],
)
def test_a_negation_governs_its_own_clause_and_the_site_can_be_the_earner(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "We don't earn a commission on these links.",
        "We never get paid for reviews, and we buy every product ourselves.",
        'A good footer says "Thanks for reading. We earn a commission on these links." at the end.',  # a quotation
        "She received the blender free of charge from the maker.",  # a third person, the publisher never named
        "If an influencer got a sample from the brand, the post must say so.",  # a condition about anyone
        "As a member you may be offered free samples from our partners.",  # an offer to the reader
        "We pick products whether or not we earn a commission on them.",  # "whether" stays a negation
        "With an affiliate link the merchant pays the site a commission.",  # the site, not this site: in general
    ],
)
def test_denials_quotations_and_other_peoples_gifts_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "This post is not sponsored, but it contains affiliate links.",  # the label after the negated clause
        "Thanks @acmevitamins for these!",  # a thank-you to a handle that says nothing of a gift or payment
        "Affiliate links may be used in this post.",
        "This email contains affiliate links.",
        "In partnership with",  # a partnership label that names no partner
        "Partner links",
    ],
)
def test_labels_without_the_connection_are_sup406(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


@pytest.mark.parametrize(
    "url",
    [
        "https://collabs.shop/ab12cd",  # Shopify Collabs
        "https://us.fullscript.com/welcome/drexample",  # a practitioner's dispensary
        "https://www.thorne.com/u/PR123456",  # a practitioner's Thorne store
        "https://a.r10.to/hAbCdE",  # Rakuten Ichiba
        "https://coupa.ng/bAbCdE",  # Coupang Partners
    ],
)
def test_creator_and_practitioner_storefronts_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.thorne.com/products/dp/magnesium-bisglycinate",
        "https://us.fullscript.com/catalog/products/magnesium-glycinate",
        "https://apps.shopify.com/collabs",
    ],
)
def test_the_same_shops_product_and_app_pages_are_not(url):
    assert codes(page(f"See [this]({url}).")) == []


@pytest.mark.parametrize(
    "warning",
    [
        "Tell your surgeon about every supplement you take.",  # the professionals told before an operation
        "Please let the anesthesiologist know what you take.",
        "Get your health care supplier's approval first.",  # the spun-text form of the provider
        "If you haven't consulted your doctor yet, do so before use.",  # only don't / do not / never block a verb
    ],
)
def test_surgeons_and_anesthesiologists_are_professionals_to_tell(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "warning",
    [
        "In case of overdose, contact a physician or Poison Control Center right away.",  # emergency advice
        "Most patients don't tell their surgeons about supplements.",  # a report, the verb negated
    ],
)
def test_emergency_advice_and_reports_are_no_consult_note(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [("SUP301", 5)]


SUPPLEMENT_POST = (
    "# Electrolytes for long runs\n\nElectrolyte capsules and magnesium tablets help on hot days.\n\n{link}\n"
)


@pytest.mark.parametrize(
    "url",
    [
        "https://serp.ly/@examplepub/amazon/Electrolyte+Capsules?utm_term=x",  # a short link's publisher profile
        "https://example-blog.com/go/iherb/electrolyte-capsules",  # a link-cloaking plugin's prefix
        "https://example-blog.com/recommends/amazon",
    ],
)
def test_a_publishers_redirect_to_a_retailer_recommends(url):
    assert codes(SUPPLEMENT_POST.format(link=f"Buy [the capsules]({url})."), select=["SUP403"]) == [("SUP403", 5)]


@pytest.mark.parametrize(
    "url",
    [
        "https://bit.ly/3xYz12",  # a short link that names no retailer
        "https://example-blog.com/go/target-heart-rate",  # a slug that only starts with a retailer's name
        "https://example-blog.com/blog/amazon-prime-day",  # a page about a retailer, no redirect prefix
    ],
)
def test_plain_short_links_and_pages_about_retailers_do_not(url):
    assert codes(SUPPLEMENT_POST.format(link=f"Read [more]({url})."), select=["SUP403"]) == []


# --- disclose6: paying in other senses, supply chains, discounts, commissions that fund the site -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Much attention has been paid to the purity of each batch.",  # gonumero-supplements.md line 21's class
        "Little heed was paid to the label.",
        "Tribute was paid to the founders of the herbal tradition.",
        "We have paid close attention to how each capsule dissolves.",
        "Our hard work has paid off.",
        "An old friend paid us a visit last spring.",
        "The loan was paid off in 2019.",
        "Deposit products are provided by partner banks.",  # a business's suppliers, present tense
        "Items are supplied by third-party sellers.",
    ],
)
def test_paying_in_other_senses_and_a_shops_suppliers_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "We have been paid to write this review.",  # the being-paid shape itself still counts
        "Acme paid us for this post.",
        "My salary is paid by Acme.",
        "This sample was provided by Acme.",  # a product given, in the past
        "I received a discount from Acme for this review.",
        "We got discounted products from the brand.",
        "Affiliate commissions help us keep this site running.",
        "Referral fees we earn support our work.",
        "Example Daily is a commission-based website.",
        "Sponsored link - see our disclosure.",
        "Ad | see our disclosure policy.",
    ],
)
def test_payments_discounts_and_labels_with_a_pointer_disclose(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Get a discount from Acme with my code.",  # a discount offered to the reader
        "We got a discount on shipping.",  # a purchase, from no one
        "Commissions help publishers grow.",  # affiliate marketing explained
    ],
)
def test_discounts_for_the_reader_and_commissions_in_general_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Some links may be affiliate-based.",
        "Links on this page may be affiliate and support our friends.",
        "Affiliate link - see our disclosure.",  # the bare label with a pointer stays vague
    ],
)
def test_links_called_affiliate_without_the_payment_are_sup406(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


@pytest.mark.parametrize(
    "url",
    ["https://n8n.partnerlinks.io/abc123xyz", "https://partnerlinks.io/abc123"],  # PartnerStack
)
def test_partnerstack_links_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize(
    "url",
    ["https://intercom.geni.us/faqs/some-question", "https://helpcenter.geni.us/", "https://faq.partnerlinks.io/"],
)
def test_help_desk_subdomains_of_link_hosts_are_not(url):
    assert codes(page(f"See [this]({url}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Products were provided for this review.",  # goods given to the publisher, in the past
        "Acme paid me back for the bottles.",  # reimbursement is a payment
        "Acme paid me the price of two bottles.",
    ],
)
def test_goods_given_and_money_paid_back_still_disclose(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


# --- batch 6's classes (disclose7) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://s.click.aliexpress.com/e/_dExAmPl",  # AliExpress Portals
        "https://music.apple.com/us/album/example/123?at=1000lExA&ct=post",  # Apple's affiliate token
        "https://books.apple.com/us/book/example/id123?at=1000lExA",
        "https://goto.applebooks.apple/9780000000000?at=1000lExA",
    ],
)
def test_aliexpress_portals_and_apple_partner_links_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.aliexpress.com/item/1005000000000.html",  # the shop's own product page
        "https://music.apple.com/us/album/example/123",  # no token
        "https://www.apple.com/shop/buy-iphone?at=x",  # the Apple Store, not a services link
    ],
)
def test_aliexpress_and_apple_links_without_the_partner_shape_are_not(url):
    assert codes(page(f"See [Example]({url}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Some links are affiliate links: the seller may pay a small commission at no extra cost to you.",
        "Buying through these links helps support our research.",
        "En tant que Partenaire Amazon, je réalise un bénéfice sur les achats remplissant les conditions requises.",
        "In paid partnership with Acme.",  # the platform's label, opening the sentence
        "Produced in partnership with Acme.",
        "This video was made in paid partnership with Acme.",
        "We are in paid partnership with Acme this month.",
        "The video featured in this post was made in partnership with Acme.",
        "Acme sent me this bottle for my review.",  # a gift from the maker: no family, no occasion
        "My friends at Acme gifted me this serum.",  # "friends" is how publishers name a brand
        "The samples for this review were provided to me free of charge by Acme.",
    ],
)
def test_batch_6_disclosure_shapes_disclose(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The merchant pays a commission to the affiliate.",  # affiliate marketing explained, someone else paid
        "Acme Labs is in paid partnership with the state university.",  # someone else's business
        "Acme, in partnership with two universities, runs the trial.",
        "The label was improved in partnership with dietitians.",
        "The index is trusted because it is in partnership with the university.",  # "it" is the index, not this page
        "I was gifted my first juicer at sixteen.",  # a present, not a product given for the post
        "It was gifted to me by my grandmother.",
        "When I was young I was given a chemistry set.",
        "Redditors were gifted gold for this comment.",  # a platform award between users
        "Access to the data is provided to me free of charge by the agency.",  # a public service
        "I have the right to have vaccinations provided to me free of charge.",
    ],
)
def test_batch_6_near_misses_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


def test_a_family_gift_does_not_hide_a_payment_in_the_same_sentence():
    text = page("My mom gave me this book, and Acme paid me for this post.", f"Our pick is [Example]({LINK}).")
    assert codes(text) == []


@pytest.mark.parametrize(
    "warning",
    [
        "Questions about your dose are for your doctor or pharmacist.",
        "Concerns about side effects should go to your pharmacist.",
        "Only your doctor can tell you whether this is safe for you.",
        "It does not check interactions; only your pharmacist can do that.",
        "This app cannot diagnose - only your doctor can.",  # the verb left off
    ],
)
def test_questions_for_your_doctor_and_only_your_doctor_can_are_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "warning",
    [
        "Questions are welcome at our store.",
        "Only doctors can approve notes.",  # no one's doctor, no reader sent anywhere
        "Only your doctor can see this information.",  # who has access, not who judges
        "Doctors are for emergencies, the label says.",
    ],
)
def test_questions_and_only_without_your_professional_are_not_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [("SUP301", 5)]


@pytest.mark.parametrize(
    "warning",
    [
        "Before using this product, a health care practitioner should be consulted.",
        "If you take any medication, your doctor must be informed.",
        "Medical advice should be sought before use if you have a medical condition.",
        "A pharmacist should always be asked about interactions.",
    ],
)
def test_advice_in_the_passive_is_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "warning",
    [
        "No doctor was consulted for this review.",  # a report, no advice
        "Doctors should be consulted more, the survey found.",  # no one's doctor
        "Medical advice was sought by the company.",
    ],
)
def test_a_passive_report_is_not_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [("SUP301", 5)]


# --- batch 8's classes (disclose8) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://mercadolivre.com/sec/2AbCdEf",  # Mercado Livre Afiliados
        "https://mercadolibre.com/sec/2AbCdEf",  # Mercado Libre, the same programme in Spanish-speaking markets
        "https://meli.la/2AbCdEf",
        "https://s.shopee.co.id/AbCdEf1234",  # Shopee Affiliate Program
        "https://s.shopee.ph/AbCdEf1234",
        "https://invol.co/clabc12",  # Involve Asia
        "https://invl.io/clabc12",
        "https://rover.ebay.com/rover/1/711-53200-19255-0/1?campid=5330000000&toolid=10001",  # eBay with a campaign
    ],
)
def test_batch_8_network_links_are_affiliate(url):
    assert codes(page(f"Our pick is [Example]({url}).")) == [("SUP401", 3)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.mercadolivre.com.br/suplemento-magnesio/p/MLB123",  # a product page
        "https://mercadolivre.com/ofertas",
        "https://shopee.co.id/product/123/456",  # a Shopee product page, not the affiliate short host
        "https://s.shopee.co.id/",
        "https://involve.asia/",  # the network's own site
        "https://rover.ebay.com/rover/0/0/0?mpre=https%3A%2F%2Fwww.ebay.com%2Fitm%2F1",  # no campaign: no publisher
    ],
)
def test_batch_8_lookalike_links_are_plain(url):
    assert codes(page(f"See [Example]({url}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ganamos una comisión si compra a través de nuestros enlaces.",
        "Podemos recibir una pequeña comisión por sus compras.",
        "Recebemos uma comissão pelas compras feitas através destes links.",
        "Beim Kauf über einen solchen Link erhalten wir ggf. eine Provision.",  # "ggf." does not end the sentence
        "Wir erhalten eine kleine Provision, wenn du über diese Links kaufst.",
        "Nous percevons une commission sur les achats effectués via ces liens.",
        "Como Asociado de Amazon, ganamos comisiones por compras elegibles.",
    ],
)
def test_batch_8_commissions_in_other_languages_disclose(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == []


@pytest.mark.parametrize(
    "text",
    [
        "El usuario recibe una comisión del banco.",  # someone else earns, not the publisher
        "Sie erhalten eine Provision für jede Empfehlung.",  # "you receive": the reader is paid
        "No ganamos comisión por estos enlaces.",  # a denial
        "We work with partners who share our mission of cleaner water.",  # partners as collaborators
        "We work with partners to strengthen health systems.",
    ],
)
def test_batch_8_near_misses_are_no_disclosure(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP401", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Algunos recursos pueden incluir enlaces de afiliado.",  # affiliate links named, nothing earned
        "We work with partners on this site.",  # working with partners, as with brands: vague, not a mission
        "We partner with brands we love.",
    ],
)
def test_batch_8_vague_wording_is_sup406(text):
    assert codes(page(text, f"Our pick is [Example]({LINK}).")) == [("SUP406", 3)]


@pytest.mark.parametrize(
    "warning",
    [
        "The prescribing physician should be consulted concerning any questions that you have.",
        "Your treating doctor must be informed before use.",
        "Use under the supervision of a healthcare professional.",
        "Take only under the supervision of a physician if pregnant.",
        "Have your blood pressure checked by your doctor before use.",
    ],
)
def test_batch_8_advice_shapes_are_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == []


@pytest.mark.parametrize(
    "warning",
    [
        "Spravato is a nasal spray administered under the supervision of a healthcare provider.",  # how it is given
        "Every imported item should be reviewed by a pharmacist before use for dispensing.",  # a staff check
        "Prescription items are reviewed by a pharmacist before dispatch.",
    ],
)
def test_batch_8_descriptions_of_supervision_are_not_advice(warning):
    assert codes(LABEL + f"warnings: {json.dumps(warning)}\n", "label.yaml", ["SUP301"]) == [("SUP301", 5)]
