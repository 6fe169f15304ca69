"""The shapes behind the real pages' batch 9 gaps (tests/data/pages README, "Batch 9"), each class with a near miss
on the other side. Pages go through `supplint.check_text`; findings are compared by code and line, never by message
text. The pages here are constructed in the real pages' shapes, not copied from them.
"""

from __future__ import annotations

import pytest

from conftest import finding_lines as page_lines
from conftest import post_lines as post


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # where a disease comes from is a fact about it (a brand's knowledge base explaining the disease)
        ("Autoimmune diseases arise from problems with the regulatory cells of your immune system.", []),
        ("Most cases of gout stem from too much uric acid in the blood.", []),
        # near misses: the product's effect on the disease stays a claim, whatever the sentence says of its origin
        ("Vitamin D helps manage autoimmune conditions.", [3]),
        ("Our formula calms the autoimmune diseases that arise from stress.", [3]),
        ("Our formula eases eczema, which stems from stress.", [3]),
    ],
)
def test_where_a_disease_comes_from_is_a_fact(sentence, lines):
    assert post(sentence) == lines


DIGEST = """# Fish oil is inversely related to risk of dementia

- Score: 120 | [HN](https://news.ycombinator.com/item?id=1) | Link: https://pubmed.ncbi.nlm.nih.gov/1/

### TL;DR
A large cohort of middle-aged adults found that higher blood omega-3 levels were linked to a lower risk of
dementia over eight years, though the absolute difference in risk was small and the discussion was cautious.

### Comment pulse
- {first}
- {second}
- {third}
{link}"""

WEIGHED = (
    "The effect is statistically clear but small in absolute terms, and likely shaped by wealth and diet as well.",
    "Even modest correlations like this one can change how insurers price long-term care, which worried some readers.",
    "RCTs of omega-3 supplements are mixed, and readers argued over fish against plant sources for a long while.",
)
UNWEIGHED = (
    "The effect is clear but small in absolute terms, and likely shaped by wealth and diet as well as by the fish.",
    "Even a modest pattern like this one can change how insurers price long-term care, which worried some readers.",
    "Fish oil capsules are cheap, and readers argued over fish against plant sources for a long while in the thread.",
)


@pytest.mark.parametrize(
    ("bullets", "link", "lines"),
    [
        # a short digest of a study whose bullets weigh its design (cohorts, RCTs, statistics): news, no claim
        (WEIGHED, "", []),
        # near misses: the same digest linking to a product it recommends, and one whose bullets report nothing
        (WEIGHED, "- [Buy our fish oil](https://www.amazon.com/Fish-Oil/dp/B000000001)\n", [7]),
        (UNWEIGHED, "", [7]),
    ],
)
def test_a_short_digest_that_weighs_a_study_is_news(bullets, link, lines):
    first, second, third = bullets
    text = DIGEST.format(first=first, second=second, third=third, link=link)
    assert page_lines(text) == lines


JOINT_PAGE = """<html><body>
<h2>Arthrozene for joint comfort</h2>
<p>In a recent study published in a Journal of Medicine, people with knee pain took generic Tylenol, and half of them
took our ingredient with it.</p>
<p>Injecting hyaluronic acid into a joint is a proven treatment for pain, but injections need regular doctor visits.</p>
<p>Boswellia has been used for centuries in traditional Ayurvedic medicine
because it is a powerful anti-inflammatory. Ours is the next generation Boswellia extract, stronger than common
extracts.</p>
</body></html>
"""

PHARMACY_PAGE = """<html><body>
<h2>Pain relief at our pharmacy</h2>
<p>Generic Tylenol tablets and ibuprofen for knee pain, with the medicines your doctor prescribes.</p>
<p>Hyaluronic acid injections for the joint, given at the clinic, and injections of steroids for flares.</p>
<p>Our diclofenac gel is applied to the joint
because it is a powerful anti-inflammatory. Ask our pharmacist about ointments and creams.</p>
</body></html>
"""


@pytest.mark.parametrize(
    ("page", "lines"),
    [
        # a supplement page that names its extracts and sets them against a drug and injections sells a supplement:
        # the drug class said of its herb is a claim, at the claim's words (line 7)
        (JOINT_PAGE, [7]),
        # near miss: a pharmacy's page of drugs (tablets, injections, medicines, ointments) stays a drug page, whose
        # relief words are no supplement's claims
        (PHARMACY_PAGE, []),
    ],
)
def test_a_supplement_page_that_compares_itself_with_drugs_stays_a_supplement_page(page, lines):
    assert page_lines(page, "page.html") == lines


@pytest.mark.parametrize(
    ("field", "lines"),
    [
        # a field of medicine or a journal's name is no drug product ...
        ("traditional Ayurvedic medicine and in a Journal of Medicine", [7]),
        # ... a medicine named as what is sold is one: with two more drug words the page is a drug page
        ("the Ayurvedic medicines we sell and in our medicines catalogue", []),
    ],
)
def test_a_field_of_medicine_names_no_drug(field, lines):
    page = JOINT_PAGE.replace("traditional Ayurvedic medicine", field).replace(
        "Ours is the next generation Boswellia extract, stronger than common\nextracts.", "Ours is stronger."
    )
    assert page_lines(page, "page.html") == lines


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # inflammation reduced as the last of a list of general benefits names no disease
        ("It relaxes tight muscles, calms nerves, widens blood vessels and reduces inflammation.", []),
        ("Supports heart, brain, and joint health; reduces inflammation.", []),
        ("Ginger has long been used to ease nausea, aid digestion, and reduce inflammation.", []),
        # near misses: inflammation with a place or beside pain, or on its own, stays a claim (as FDA reads it)
        ("Supports joint health and reduces inflammation in the knees.", [3]),
        ("Supports joint health and reduces inflammation and joint pain.", [3]),
        ("Ashwagandha powder can help reduce inflammation.", [3]),
    ],
)
def test_inflammation_reduced_after_general_benefits_is_no_claim(sentence, lines):
    assert post(sentence) == lines


SALES_PAGE = """<html><body>
<h1>The bottle that keeps your joints moving</h1>
<p>Our joint supplement packs turmeric and collagen into two capsules a day, the dose the studies used.</p>
<div class="package"><p>6 BOTTLES</p>
<a href="<?= $offer["6_bottle"]["link"]; ?>" class="order-btn"><b>BUY NOW</b></a></div>
{rest}
</body></html>
"""


@pytest.mark.parametrize(
    ("rest", "lines"),
    [
        # a link written as PHP whose tag holds quotes is still one link, its words "BUY NOW" (a buy call): SUP403
        ("<p>Free shipping on every order.</p>", [5]),
        # near miss: the same page with a consult note recommends with one
        ("<p>Ask your doctor before taking any supplement.</p>", []),
    ],
)
def test_a_php_templated_buy_button_is_a_product_link(rest, lines):
    assert page_lines(SALES_PAGE.replace("{rest}", rest), "page.html", "SUP403") == lines


def test_a_php_tag_keeps_every_position():
    import supplint

    page = '<p>Intro.</p>\n<?php include("header.php"); ?>\n<p>Our formula cures arthritis.</p>\n'
    assert [(f.code, f.line, f.column) for f in supplint.check_text(page, "page.html", select=["SUP404"])] == [
        ("SUP404", 3, 22)
    ]


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # the kind of claim written as a compound is talk about claims
        ("They only need to avoid making specific disease-treatment claims and not be proven unsafe.", []),
        # near miss: the compound said of the product is no claim named as such
        ("Our formula is the best disease-treatment for arthritis.", [3]),
    ],
)
def test_a_kind_of_claim_written_as_a_compound_is_talk_about_claims(sentence, lines):
    assert post(sentence) == lines


POST = """---
title: My daily list
---
Full disclosure: these are affiliate links, and I earn a small commission if you buy through them.

{block}
"""


@pytest.mark.parametrize(
    ("block", "lines"),
    [
        # a whole element on one line, then a list with no blank line: kramdown ends the HTML block at the closing
        # tag, so the list is a list and its amzn.to link a product link (SUP403 at the link, line 8)
        (
            "<h1>The List</h1>\n- ## Sleep\n  - [Magnesium glycinate](https://amzn.to/3abcdEF) for my sleep supplements",
            [8],
        ),
        # near miss: an element left open holds what follows (raw HTML up to the blank line, in CommonMark and in
        # kramdown, which reads a <div>'s content as HTML)
        (
            "<div><h1>The List</h1>\n- ## Sleep\n  - [Magnesium glycinate](https://amzn.to/3abcdEF) for my sleep supplements",
            [],
        ),
    ],
)
def test_markdown_right_after_a_one_line_element_is_markdown(block, lines):
    assert page_lines(POST.format(block=block), "post.md", "SUP403") == lines


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # sleep aids are products named as what to take: beside a disease, a claim
        ("Insomnia and sleep aids", [3]),
        ('"Valerian for Insomnia" - Natural sleep aid', [3]),
        # near misses: sleep aids with no disease, and "aids" as a verb
        ("Sleep aids for restful nights", []),
        ("Magnesium aids sleep and relaxation.", []),
    ],
)
def test_sleep_aids_are_products(sentence, lines):
    assert post(sentence) == lines


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # "anti-inflammatory" as one of a list of general benefits
        ("General health support - nourishment, anti-inflammatory and immunity", []),
        # near misses: the drug class named as the product, or said of it
        ("Anti-inflammatory support", [3]),
        ("Boswellia is a powerful anti-inflammatory.", [3]),
    ],
)
def test_anti_inflammatory_among_general_benefits_is_no_claim(sentence, lines):
    assert post(sentence) == lines


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # a marker back to normal was out of the normal range: an abnormal state acted on
        ("Now my glucose levels are completely back to normal.", [3]),
        ("Within a month my blood pressure was back to normal.", [3]),
        # near miss: a marker kept within the normal range is structure/function
        ("It helps keep blood sugar levels within the normal range.", []),
    ],
)
def test_a_marker_back_to_normal_is_a_claim(sentence, lines):
    assert post(sentence) == lines


def test_a_script_string_is_no_php_tag():
    page = (
        '<html><body><script>var open = "<?";</script>\n'
        "<p>Our joint supplement, two capsules a day.</p>\n"
        '<a href="https://www.amazon.com/Joint-Formula/dp/B000000001?tag=site-20">Buy now</a> ?>\n'
        "</body></html>\n"
    )
    # the link stays a link (its quotes are the page's): a product link on a supplement page with no consult note
    assert page_lines(page, "page.html", "SUP403") == [3]
