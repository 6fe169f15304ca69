"""The claim reader's clause logic (issue 11): what a contrast, a concession, a negated imperative and a coined
product name do to the claim beside them. Every sentence here is constructed, in the shapes the corpus README lists
as misses of the reader's code (batches 5 and 11); near-misses that must stay lawful stand beside each. Pages go
through `check_text` as Markdown (the sentence on line 3), labels as a claim of a YAML label; findings are compared
by code and line, never by message text.
"""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import post_lines as page_lines


def label_lines(sentence: str) -> list[int]:
    text = f"product: Example Supplement\nfacts: []\nclaims:\n  - {json.dumps(sentence)}\n"
    return [f.line for f in supplint.check_text(text, "x.yaml", select=["SUP303"]) if f.code == "SUP303"]


def judged(sentence: str, claim: bool) -> None:
    assert page_lines(sentence) == ([3] if claim else [])
    assert label_lines(sentence) == ([4] if claim else [])


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a claim word beside its own term, then advice after "but": the advice does not take the claim back
        ("Lysine may help reduce cold sore flare-ups, but don't use it if you're pregnant.", True),
        ("Turmeric relieves arthritis pain, but ask your doctor if you take warfarin.", True),
        ("Boswellia eases arthritis pain; however, check with your doctor if you take blood thinners.", True),
        # before the contrast a cause, the reader's condition or advice: still a mention
        (
            "The most common cause is damage to the nerves from diabetes; but injuries and toxins can also cause "
            "peripheral neuropathy.",
            False,
        ),
        ("Ask your doctor before use if you have kidney disease, but most people tolerate it well.", False),
        ("People with kidney disease should avoid this product, but it may interact with lithium.", False),
    ],
)
def test_advice_after_a_contrast_does_not_take_back_the_claim_before_it(sentence, claim):
    judged(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # the concession's negation, fact or denial is granted; the clause after it claims the effect
        ("Though osteoarthritis is not curable, turmeric eases its pain.", True),
        ("Although CKD is not curable, this supplement slows its progression.", True),
        ("So even if it may not cure a cold sore infection, lysine can help prevent outbreaks.", True),
        ("Even though there is no cure for gout, cherry extract can help prevent flares.", True),
        ("While evidence is limited, turmeric may relieve arthritis pain.", True),
        (
            "While treatment options for restless legs syndrome are limited, natural approaches can eliminate "
            "the symptoms.",
            True,
        ),
        # no claim word after the concession: read as before
        ("Though not a cure, our formula supports healthy joints.", False),
        ("Although rare, side effects include nausea and headache.", False),
        ("Although arthritis is not curable, exercise and weight loss are recommended by doctors.", False),
        ("Although vitamin C does not prevent colds, it supports normal immune function.", False),
        ("Though it is not a treatment for arthritis, our formula supports healthy joints.", False),
        # what a doctor's care does for the disease conceded is no claim of the product's
        ("While there is no cure for diabetes, medication and diet can help control it.", False),
        ("Although there is no cure for psoriasis, treatments prescribed by a dermatologist can reduce flares.", False),
        ("Although arthritis is not curable, doctors can help you manage its symptoms.", False),
        # ... unless the clause names a product beside it
        (
            "Although CKD is not curable, medical treatments and natural supplements such as probiotics can help "
            "slow its progression.",
            True,
        ),
        # a caution after the concession keeps the sentence a mention
        ("Although it is not curable, ask your doctor before using turmeric if you have gallstones.", False),
    ],
)
def test_a_concession_does_not_take_back_the_claim_after_it(sentence, claim):
    judged(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # "don't let" a disease or a doubt act on the reader: the negation is the letting's, not the claim's
        ("Don't let arthritis slow you down: take our joint formula.", True),
        ("Do not let diabetes control your life when this formula lowers blood sugar naturally.", True),
        ("Never let migraines ruin your day again with our herbal blend.", True),
        ("But don't let that put you off using mastic gum as an H. pylori treatment, because it works.", True),
        # a prohibition keeps its negation
        ("Don't take this supplement if you have kidney disease.", False),
        ("Do not let children take this supplement if they have kidney disease.", False),
        ("Don't let children take this product.", False),
    ],
)
def test_a_negated_imperative_negates_the_letting_not_the_claim(sentence, claim):
    judged(sentence, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # few treatments for a disease is a fact about medicine, not a denial of the product's effect
        ("While treatment options for restless legs syndrome are limited, magnesium can ease the symptoms.", True),
        ("Treatment options for restless legs syndrome are limited.", False),
        # nor is a disease said to have no cure; a claim beside the fact is still one
        ("Crohn's disease is an autoimmune disease with no known cure.", False),
        ("Though gout has no cure, cherry extract can help prevent flares.", True),
        # limited evidence, or a limited effect, still denies the effect
        ("Research on turmeric for arthritis is limited.", False),
        ("The research on cranberry and urinary tract infections is still limited.", False),
        ("Its benefits for arthritis are limited.", False),
    ],
)
def test_limited_treatment_options_deny_no_effect(sentence, claim):
    judged(sentence, claim)


def product_name_codes(name: str) -> list[str]:
    text = f"product: {json.dumps(name)}\nfacts: []\nclaims: []\n"
    return [f.code for f in supplint.check_text(text, "x.yaml", select=["SUP303"])]


@pytest.mark.parametrize(
    ("name", "claim"),
    [
        # a name coined from a disease's by dropping its middle, 101.93(g)(2)(iii)
        ("Fibralgia", True),
        ("Fibralgia Comfort Complex", True),
        # a word that shares a head or a tail with a disease's name, or differs by a letter, is no coined name
        ("Additional Joint Formula", False),
        ("Fibrous Plant Blend", False),
    ],
)
def test_a_product_name_coined_from_a_disease_name_is_a_claim(name, claim):
    assert product_name_codes(name) == (["SUP303"] if claim else [])


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("The Cold Sore Solution", True),  # a title naming the remedy by the disease
        ("Try the Eczema Fix today.", True),
        ("Fibralgia eases my aches every morning.", True),  # the coined name on a page
        # no disease right before the noun, or the disease's own name
        ("A saline solution can rinse the sinuses.", False),
        ("Our team found a fix for the broken checkout page.", False),
        ("Hyperthyroidism is an overactive thyroid.", False),
    ],
)
def test_a_remedy_named_by_its_disease_is_a_claim_on_a_page(sentence, claim):
    assert page_lines(sentence) == ([3] if claim else [])


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # "not X, but Y": the clause after the contrast claims an effect on the disease just negated
        ("They do not cure tinnitus, but can help the ringing symptoms to fade.", True),
        ("Vitamin C does not cure colds, but it may help reduce how long they last.", True),
        # the disclaimer's "any disease", no claim word after the contrast, a doctor's care, or a caution: lawful
        (
            "This product is not intended to diagnose, treat, cure or prevent any disease, but it may help relieve "
            "occasional joint discomfort.",
            False,
        ),
        ("Glucosamine does not cure arthritis, but it may support joint comfort.", False),
        ("Antibiotics do not cure colds, but doctors can help relieve the symptoms.", False),
        ("Turmeric does not treat arthritis, but it is not harmful either.", False),
    ],
)
def test_a_contrast_takes_up_the_disease_a_negation_denied(sentence, claim):
    judged(sentence, claim)
