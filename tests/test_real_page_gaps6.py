"""The shapes behind the real pages' batch 6 gaps (tests/data/pages README, "Batch 6"), each class with a near miss
on the other side. Pages go through `supplint.check_text` and the CLI; findings are compared by code and line, never
by message text.
"""

from __future__ import annotations

import json

import pytest

from conftest import finding_lines as page_lines
from conftest import post_lines as post
from conftest import run_cli


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # (g)(2)(vi): a drug matched, a drug's side effects said to be lacking, pain eased without drugs
        ("Curcumin is so powerful that it matches the effectiveness of some anti-inflammatory drugs.", True),
        ("Its effects are comparable to some anti-inflammatory medications.", True),
        ("It has none of the dangerous side effects that prescription diet pills have.", True),
        ("It relieves joint pain without the side effects of commonly prescribed treatments.", True),
        ("This herb can soothe pain without drugs.", True),
        # near misses: a drug's side effects named alone, a dose matched, food and medicines kept apart
        ("The side effects of some anti-inflammatory drugs can be serious, so ask your doctor.", False),
        ("The dose matches the amount used in most trials.", False),
        ("Take it with food and without other medications.", False),
        ("Free of the side effects of caffeine, it gives steady energy.", False),
    ],
)
def test_a_drug_matched_or_replaced_is_a_substitute(sentence, claim):
    assert bool(post(sentence)) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Elderberry gummies help strengthen the immune system and reduce cold symptoms.", True),
        ("Our capsules gave a 39% reduction in cholesterol within 28 days.", True),
        ("## Adaptogens for Stress-Related Insomnia", True),
        # near misses: the season, stress relief, a nutrient's own role, a form's side effect
        ("Cold and flu season is here, so stock up on vitamin C.", False),
        ("## Adaptogens for Stress Relief", False),
        (
            "Research suggests that adequate intakes of taurine and magnesium play a role in regulating blood sugar.",
            False,
        ),
        ("Some people report that it may have a less laxative effect than other types.", False),
        ("Magnesium threonate crosses the blood-brain barrier, and citrate has more of a laxative effect.", False),
        # ... and the same words said of a product stay claims
        ("Our formula regulates blood sugar.", True),
        ("Our formula is a natural laxative.", True),
    ],
)
def test_batch6_claim_shapes(sentence, claim):
    assert bool(post(sentence)) is claim


def test_a_bodyless_product_page_has_its_front_matter_read(tmp_path):
    text = (
        "---\n"
        'title: "Elderberry Syrup"\n'
        "price: 44\n"
        "long_description: Say goodbye to the common cold with our elderberry syrup, made in small batches.\n"
        "image-url: /assets/img/products/elderberry.jpg\n"
        "---\n"
    )
    assert page_lines(text, "elderberry.md") == [4]
    # near miss: the same keys above a body are the layout's data, not the page's text
    assert page_lines(text + "\nOur syrup is made in small batches.\n", "elderberry.md") == []
    # ... and a short value or a list is no paragraph
    short = (
        '---\ntitle: "Elderberry Syrup"\nhistory: blank\nnotes:\n  - Cures the common cold in a day, we promise.\n---\n'
    )
    assert page_lines(short, "elderberry.md") == []


def test_a_clickbank_hoplink_key_in_front_matter_is_an_affiliate_link(tmp_path):
    page = tmp_path / "immune.md"
    page.write_text(
        "---\nname: Immune Formula\naffiliateHoplink: https://hop.clickbank.net/?affiliate=me&vendor=immune4x\n---\n\n"
        "Immune Formula supports immune function with vitamin C and zinc. Ask your doctor before use.\n",
        encoding="utf-8",
    )
    ran = run_cli("check", str(page), "--select", "SUP401", "--output-format", "json", "--exit-zero")
    assert [(f["code"], f["line"]) for f in json.loads(ran.stdout)] == [("SUP401", 3)]
    # near miss: a picture's URL under a key ending in "link" is no link
    page.write_text(
        "---\nname: Immune Formula\nimageLink: https://hop.clickbank.net/pic.jpg\n---\n\n"
        "Immune Formula supports immune function with vitamin C and zinc. Ask your doctor before use.\n",
        encoding="utf-8",
    )
    ran = run_cli("check", str(page), "--select", "SUP401", "--output-format", "json", "--exit-zero")
    assert json.loads(ran.stdout) == []


def test_a_lander_recommends_from_its_first_link_to_the_offer():
    html = (
        "<html><body>\n"
        '<a class="brand" href="<?= $offer ?>"><img src="logo.png"></a>\n'
        "<p>This fat-burning supplement with garcinia capsules melts belly fat.</p>\n"
        '<p><a href="https://example.com/about">About us</a></p>\n'
        '<p><a href="<?= $offer ?>">Try a Sample Today</a></p>\n'
        "</body></html>\n"
    )
    assert page_lines(html, "lander.html", "SUP403") == [2]
    # near miss: a consult note answers it; and a trial link on a page not about supplements recommends nothing
    assert (
        page_lines(html.replace("melts belly fat.", "melts belly fat. Ask your doctor first."), "lander.html", "SUP403")
        == []
    )
    news = html.replace(
        "This fat-burning supplement with garcinia capsules melts belly fat.", "Our streaming app has films."
    )
    assert page_lines(news, "lander.html", "SUP403") == []


REFERENCES_PAGE = (
    "# Turmeric\n\nTurmeric supports joint comfort.\n\n{opening}\n\n"
    "1. Curcumin Reduces Symptoms of Arthritis in Adults. J Med. 2019.\n"
    "2. Turmeric Extract Lowers Blood Pressure in Hypertension. 2020.\n\n## More\n\nTurmeric cures arthritis.\n"
)


@pytest.mark.parametrize(
    ("opening", "lines"),
    [
        ("**References:**", [12]),  # a bold paragraph opens the cited list as a heading does, up to the next heading
        ("## References", [12]),
        ("Sources", [12]),
        # near misses: a lead-in that is not the word, and a claim that starts with it, stay the page's own words
        ("Some studies:", [7, 8, 12]),
        ("References: curcumin cures arthritis too.", [5, 7, 8, 12]),
    ],
)
def test_a_bold_references_paragraph_opens_the_cited_list(opening, lines):
    assert page_lines(REFERENCES_PAGE.format(opening=opening)) == lines
