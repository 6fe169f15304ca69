"""What kind of page a claim stands on, and the mentions around it (the fourth batch of real pages,
tests/data/pages): science news that sells nothing, a pharmacy's drug page, a guide that links to one product and
names it under a disease's heading, cautions about taking a product with medicines, harm that drugs do, and
misspelt disease names. Each class has its near-miss that must still be flagged. Through the library API, by code
and line, never by message text; every page here is constructed, in the shape of the real one its test names.
"""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import finding_lines as lines

LINK = "https://www.amazon.com/dp/B0ACME1234"


def label_claims(claim: str) -> int:
    text = f"product: Example Supplement\nfacts: []\nclaims:\n  - {json.dumps(claim)}\n"
    return sum(f.code == "SUP303" for f in supplint.check_text(text, "x.yaml", select=["SUP303"]))


# Science news (sciencechronicle-ashwagandha-*.md): paragraphs that report a study, no product link, no label.
NEWS = [
    "New research at a medical centre has found that the herb may induce a more severe stage of depression in "
    "some individuals, and the study has raised concerns about its use as a natural remedy for depression.",
    "The study involved 500 participants who were diagnosed with varying levels of depression, divided into two "
    "groups, one receiving the herb and the other a placebo, and the researchers monitored their symptoms.",
    "A recent study led by Dr. Fatima Ali suggested that the herb may be beneficial for treating diabetes through "
    "the tuning of liver metabolism, potentially offering a new approach to managing diabetes.",
    "The findings revealed that the herb acts on several metabolic pathways in the liver, and researchers say this "
    "could make it a promising candidate for diabetes treatment in future trials.",
]


def news_page(*extra: str, link: bool = False) -> str:
    body = "\n\n".join([*NEWS, *extra])
    if link:
        body += f"\n\nOur pick: [Acme Ashwagandha Capsules]({LINK}), a daily ashwagandha supplement."
    return f"# Herb news\n\n{body}\n"


def test_science_news_that_sells_nothing_reports_what_a_study_found():
    assert lines(news_page()) == []


def test_a_news_page_sentence_that_speaks_of_a_product_is_still_a_claim():
    # line 11: the fifth paragraph, a product sentence with no study in it
    assert lines(news_page("Our herbal supplement cures diabetes.")) == [11]


def test_the_same_paragraphs_on_a_page_that_links_to_a_product_are_claims():
    # a page that sells through a link is no news item: its "may be beneficial for treating diabetes" claims
    assert 7 in lines(news_page(link=True))


def test_one_study_sentence_said_of_a_product_is_a_claim():
    # FDA cites "studies show" said of a product: one paragraph is no news page
    assert lines("# Acme\n\nClinical studies show our formula reverses type 2 diabetes.\n") == [3]
    assert label_claims("Clinical studies show it reverses type 2 diabetes.") == 1


def test_a_product_page_that_cites_a_study_on_a_disease_claims():
    page = (
        "# Acme Ashwagandha\n\n"
        f"Buy [Acme Ashwagandha Capsules]({LINK}), our ashwagandha supplement in vegan capsules.\n\n"
        "A 2019 study found that Acme Ashwagandha lowers blood sugar in people with type 2 diabetes.\n\n"
        "Acme Ashwagandha is the natural way to treat depression.\n"
    )
    assert lines(page) == [5, 7]


def test_a_title_before_a_name_does_not_end_the_sentence():
    # "led by Dr." split the sentence, and the half without "study" read as a product's remedy for depression
    cited = "The study, led by Dr. Maria Rodriguez, raised doubts about the herb as a natural remedy for depression."
    assert lines(news_page(cited)) == []
    assert lines(news_page("Our remedy, praised by Dr. Maria Rodriguez, relieves depression.")) == [11]


# A pharmacy's drug page (pharmacity-drops.html): no Drug Facts words, drugs by their dosage forms and names.
DRUG_PAGE = (
    "<html><body>\n"
    "<h5>Fungin</h5>\n"
    "<p>Fungin Tablet is used for fungal infection of the mouth and throat.</p>\n"
    "<h5>Moxifloxacin</h5>\n"
    "<p>This medication is a quinolone antibiotic used for eye infections. How to use Moxifloxacin Drops.</p>\n"
    "<h5>Cerumol</h5>\n"
    "<p>Cerumol are ear drops that contain arachis oil. It is used for earwax build-up.</p>\n"
    "<p>Candid Ear Drops is used to treat fungal infections such as ringworm.</p>\n"
    "</body></html>\n"
)


def test_a_pharmacy_page_of_drugs_makes_no_supplement_claim():
    assert lines(DRUG_PAGE, "drops.html") == []


def test_a_supplement_page_that_names_eye_drops_still_claims():
    page = (
        "# Fish oil for dry eyes\n\n"
        "Our omega-3 supplement comes in softgels; take two capsules a day with the vitamin D supplement.\n\n"
        "Unlike eye drops, this supplement cures glaucoma.\n"
    )
    assert lines(page) == [5]


# A guide that links to one product (synctherapy-seed-probiotic-for-ibs.md): the product under a disease heading.
GUIDE = (
    "---\ntitle: Acme Probiotic for IBS\n---\n\n"  # 2: the title names the product and the disease
    "# Understanding IBS and the Microbiome\n\n"  # 5: a disease heading naming no product
    "Acme is a daily probiotic supplement with 24 strains.\n\n"
    "## Can I take Acme with IBS medication?\n\n"  # 9: a caution heading
    "## Ready to Try Acme for Your IBS?\n\n"  # 11
    "While Acme is an excellent daily probiotic for IBS management, some readers need more.\n\n"  # 13
    f"[Try Acme Probiotic]({LINK})\n"
)


def test_a_heading_that_names_the_linked_product_and_a_disease_claims():
    assert lines(GUIDE) == [2, 11, 13]


def test_without_the_product_link_the_same_guide_informs():
    assert lines(GUIDE.replace(f"[Try Acme Probiotic]({LINK})", "Acme is sold in shops.")) == []


# Cautions and harm done by other things: no claim for the product.
@pytest.mark.parametrize(
    ("body", "claim"),
    [
        ("Acme is generally safe to take alongside common IBS medications like antispasmodics or laxatives.", False),
        ("Take it alongside your metformin for better results.", True),  # an augmented therapy, (g)(2)(vii)
        (
            "For individuals undergoing hypothyroidism treatment, the herb's ability to modulate thyroid hormone "
            "levels presents considerations for its use:",
            False,
        ),
        ("Taking it with food can help reduce any initial digestive discomfort for those with sensitive IBS.", False),
        ("Our probiotic capsules relieve IBS.", True),
        ("Excessive use of melatonin can lead to more severe side effects, such as seizures.", False),
        ("Our melatonin supplement stops seizures.", True),
        ("Standard capsules dissolve in the stomach, killing the beneficial bacteria first.", False),
        ("Our oregano oil capsules kill harmful bacteria.", True),  # the body's response to a vector, (g)(2)(viii)
        (
            "Our supplement is marketed as a daily synbiotic for wellness, but its formulation makes it relevant "
            "for IBS management.",
            True,
        ),
    ],
)
def test_mentions_around_a_linked_product(body, claim):
    page = f"# Acme\n\n{body}\n\n[Acme Probiotic Capsules]({LINK}), a probiotic supplement.\n"
    assert (lines(page) == [3]) is claim
    assert lines(page) in ([], [3])


def test_a_drug_named_as_a_cause_in_a_list_of_benefits_is_no_claim():
    page = (
        f"# Acme\n\n[Acme Probiotic]({LINK}) is a probiotic supplement.\n\n"
        "The right probiotic supplement can help:\n\n"
        "- Restore microbial diversity disrupted by diet, stress, or antibiotics\n"
        "- Act as a natural antibiotic\n"
    )
    assert lines(page) == [8]


@pytest.mark.parametrize(
    ("body", "claim"),
    [
        ("Wait 2-3 days after finishing antibiotics before starting Acme.", False),  # the time of a course
        ("Acme enhanced Lactobacillus recovery post-antibiotics.", False),
        ("Acme is a natural antibiotic.", True),  # the class the product is said to belong to, (g)(2)(v)
    ],
)
def test_a_drug_named_as_the_time_of_a_course_is_no_class_of_the_product(body, claim):
    page = f"# Acme\n\n{body}\n\n[Acme Probiotic Capsules]({LINK}), a probiotic supplement.\n"
    assert lines(page) == ([3] if claim else [])


def test_a_caution_after_a_contrast_still_covers_what_came_before():
    text = (
        "The most common cause is damage to the nerves from diabetes; but injuries and toxins can also cause "
        "peripheral neuropathy."
    )
    assert label_claims(text) == 0


def test_a_reading_list_title_with_its_year_is_no_claim():
    page = (
        f"# My supplements\n\n- [Magnesium Glycinate]({LINK}) and a magnesium supplement\n"
        "- [Magnesium and major depression (2011)](https://www.ncbi.nlm.nih.gov/books/NBK507265/)\n"
    )
    assert lines(page) == []


@pytest.mark.parametrize(
    "claim",
    ["Helps in curing High cholestrol.", "Cures diabetis naturally.", "Reverses osteoperosis.", "Ends hypertention."],
)
def test_a_misspelt_disease_is_still_the_disease(claim):
    assert label_claims(claim) == 1
    assert lines(f"# Turmeric\n\n{claim}\n") == [3]


def test_a_misspelling_is_not_a_fuzzy_match():
    assert label_claims("Supports healthy cholesterol levels already within the normal range.") == 0
    assert label_claims("Take it in April with breakfast.") == 0


@pytest.mark.parametrize(
    "body",
    [
        "Poor sleep is common in people with depression.",  # "Sleep" of the anchor is an ordinary word here
        "Low magnesium is common in people with depression.",  # an ingredient names no one product
    ],
)
def test_an_anchor_text_ordinary_words_and_ingredients_name_no_product(body):
    page = f"# Sleep\n\n{body}\n\n[Restful Sleep Magnesium Gummies by Acme]({LINK}), a magnesium supplement.\n"
    assert lines(page) == []
    # ... while the brand, written with its capital, does
    assert lines(page.replace(body, "Acme is the answer for people with depression.")) == [3]
