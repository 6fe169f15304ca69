"""The shapes behind the real pages' batch 11 gaps (tests/data/pages README, "Batch 11"), each class with a near miss
on the other side. Pages go through `supplint.check_text`; findings are compared by code and line, never by message
text.
"""

from __future__ import annotations

import pytest

from conftest import finding_lines as page_lines
from conftest import post_lines as post

# A ClickBank review whose prose never says "supplement": the hoplink in the front matter, the product a "formula".
REVIEW = """---
title: "Stiff Knees? Here Is How to Refill Your Joints"
tags: {tags}
affiliateLink: "https://abc123.hop.clickbank.net"
---

*We may earn a commission if you buy through our links.*

Joint Genesis is a unique formula designed to target the loss of hyaluronan in your joints.

[Watch the explanation](https://abc123.hop.clickbank.net)
"""


@pytest.mark.parametrize(
    ("tags", "lines"),
    [
        ('["reviews", "joint pain", "health", "supplements"]', [4]),  # the front matter's hoplink is the first link
        ('"reviews, dietary supplements"', [4]),  # tags as one string, separated by commas
        ("\n  - reviews\n  - nootropics", [6]),  # a block list moves the link two lines down
        # near misses: tags that name no product class, or a nutrient, leave the prose to decide (it names none)
        ('["reviews", "joint pain", "health"]', []),
        ('["vitamins", "recipes"]', []),
    ],
)
def test_front_matter_tags_file_a_page_under_supplements(tags, lines):
    assert page_lines(REVIEW.format(tags=tags), "review.md", "SUP403") == lines


def test_toml_front_matter_tags_count_too():
    page = """+++
title = "Stiff knees?"
tags = ["reviews", "supplements"]
affiliateLink = "https://abc123.hop.clickbank.net"
+++

Joint Genesis is a unique formula designed to target the loss of hyaluronan.
"""
    assert page_lines(page, "review.md", "SUP403") == [4]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("ProstaVive utilizes these ingredients to reduce the size of the prostate gland.", True),
        ("Get ProstaVive and shrink your prostate today.", True),
        ("Our blend shrinks an enlarged prostate naturally.", True),
        # near misses: a size that acts on nothing, and prostate health supported
        ("Prostate size naturally changes as men age.", False),
        ("Our blend supports prostate health and urinary comfort.", False),
    ],
)
def test_a_prostate_made_smaller_is_an_enlarged_one_treated(sentence, claim):
    assert bool(post(sentence)) is claim


RESEARCH_TABLE = """# Magnesium

{opener}

| S.No | Study | Insight | Citations |
|------|-------|---------|-----------|
| 4 | Magnesium and Hospitalization (Veronese et al., 2020) | Reduces hospitalization and migraine attacks. | 43 |
"""


def test_a_citations_column_opens_no_reference_list():
    text = RESEARCH_TABLE.format(opener="Here are some studies on magnesium glycinate:")
    assert page_lines(text) == [7]


def test_a_references_paragraph_still_opens_one():
    # the near miss: a bold "References:" paragraph before the same table still makes its rows cited works
    text = RESEARCH_TABLE.format(opener="**References:**")
    assert page_lines(text) == []


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Also known as cerumen, ear wax is a natural defense mechanism that protects the inside of your ear from"
            " foreign particles, bacteria and infection.",
            False,
        ),
        # near miss: a product said to strengthen the defences against a disease stays a claim
        ("Our formula supports the body's natural defenses against infection.", True),
    ],
)
def test_the_bodys_own_defence_described_is_no_claim(sentence, claim):
    assert bool(post(sentence)) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Poor sleep from nighttime urination and urinary discomfort can affect mood, energy, and overall wellbeing.",
            False,
        ),
        # near miss: the product acting on the same sign stays a claim
        ("Our capsules ease poor sleep from nighttime urination.", True),
    ],
)
def test_what_a_sign_does_to_a_persons_day_is_no_claim(sentence, claim):
    assert bool(post(sentence)) is claim
