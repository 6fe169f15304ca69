"""The shapes behind the real pages' batch 5 gaps (tests/data/pages README, "Batch 5's gaps"), each class with a
near miss that stays flagged. Pages go through `supplint.check_text` and the CLI; findings are compared by code and
line, never by message text.
"""

from __future__ import annotations

import json

import pytest

import supplint
from conftest import finding_lines as page_lines
from conftest import post_lines as post
from conftest import run_cli


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # A recall or safety notice names the pathogen or the recalled drug's use as what is wrong with the product.
        (
            "Acme Herbs Issues Voluntary Recall of Joint Complex Capsules Due to Possible Salmonella Contamination.",
            False,
        ),
        ("Acme Herbs is recalling its Sprouted Chia Powder because it may be contaminated with Salmonella.", False),
        (
            "Acme Labs is initiating a recall of Children's Pain and Fever Syrup for failure of the product assay.",
            False,
        ),
        ("The firm expanded its recall to Omega Blend Capsules due to possible listeria risk.", False),
        ("The capsules may be contaminated with pathogens and could lead to illness.", False),
        # near misses: a claim beside a recall word that is no recall, and memory's "recall", stay claims
        ("Our ginkgo supplement improves recall in people with Alzheimer's disease.", True),
        ("I recall the week this formula ended my arthritis flare-ups.", True),
        ("Our formula helps the body fight Salmonella infection.", True),
    ],
)
def test_a_recall_notice_reports_a_hazard_not_a_claim(sentence, claim):
    assert bool(post(sentence)) is claim


def test_a_recall_archive_page_through_the_cli(tmp_path):
    page = tmp_path / "alerts.html"
    page.write_text(
        "<html><head><title>Recalls</title></head><body>\n"
        "<p><strong>Acme Issues Voluntary Recall of Shark Cartilage Complex Capsules Due to Possible Salmonella"
        " Contamination.</strong></p>\n"
        "<p>Our shark cartilage capsules cure arthritis.</p>\n"
        "</body></html>\n",
        encoding="utf-8",
    )
    ran = run_cli("check", str(page), "--select", "SUP404", "--output-format", "json", "--exit-zero")
    assert ran.returncode == 0, ran.stderr
    assert [(f["code"], f["line"]) for f in json.loads(ran.stdout)] == [("SUP404", 3)]


@pytest.mark.parametrize(
    ("credit", "flagged"),
    [
        # a page crediting its sources or pictures discloses nothing: the affiliate link stays undisclosed
        ("These references were provided by Jane Doe.", True),
        ("Photos supplied by the author.", True),
        ("The statistics were provided by the CDC.", True),
        # near misses: a product given to the publisher is a connection, disclosed
        ("These samples were provided by Acme for this review.", False),
        ("We were sent free bottles by Acme.", False),
    ],
)
def test_credited_sources_are_no_free_product_disclosure(credit, flagged):
    page = f"# Krill oil\n\n{credit}\n\n* [High quality krill oil](https://amzn.to/4hPtCff) for joints\n"
    assert (page_lines(page, code="SUP401") == [5]) is flagged


def label_count(claims: list[str]) -> int:
    entries = "".join(f"  - {json.dumps(claim)}\n" for claim in claims)
    text = f"product: Example Supplement\nfacts: []\nclaims:\n{entries}"
    return sum(f.code == "SUP303" for f in supplint.check_text(text, "x.yaml", select=["SUP303"]))


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # statins, a drug class: a product's heading, said of a product; the reader's drug and its side effects not
        ("Natural Statins", True),
        ("Our red yeast rice is a natural statin.", True),
        ("If you take statins, ask your doctor first.", False),
        ("Some people may experience side effects similar to those of statins, including muscle pain.", False),
        ("Our red yeast rice gives results similar to statins.", True),  # near miss: a benefit compared, a claim
        # a likeness to a drug given as the reason for an interaction is a caution; as the reason for a benefit not
        ("Because red yeast rice acts like statins, it may interact with other medications.", False),
        ("Because red yeast rice acts like statins, it can lower your cholesterol.", True),
        # an effect the product may add to another substance's is an interaction
        ("Ashwagandha's calming effects could add to alcohol's sedative effects.", False),
        ("Our ashwagandha formula is a natural sedative for insomnia.", True),
        # what weight loss may go on to do, in a relative clause; the product lowering cholesterol is a claim
        ("Red yeast rice may aid in weight loss, which can further improve cholesterol levels.", False),
        ("Red yeast rice may improve cholesterol levels.", True),
        # a disease that responds well to the product; the body's response to stress names none
        ("Stress-related insomnia responds particularly well to ashwagandha.", True),
        ("The body responds well to ashwagandha during stress.", False),
        # a drug's effectiveness raised, the drug named after; an effectiveness raised with no drug is no claim
        ("It may enhance effectiveness, potentially requiring medication adjustment.", True),
        ("Taking it with food may enhance effectiveness and absorption.", False),
        # a disease abbreviation supported; structure/function support
        ("It supports female fertility and PCOS in studies.", True),
        ("It supports female fertility and hormonal balance in studies.", False),
        # insulin's own function supported; insulin sensitivity, a marker of disease, acted on
        ("Improves insulin function in studies.", False),
        ("Improves insulin sensitivity in people with prediabetes.", True),
    ],
)
def test_batch5_claim_shapes_on_pages_and_labels(text, claim):
    assert bool(post(text)) is claim
    assert (label_count([text]) > 0) is claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # inflammation reduced beside general benefits is the body's normal response
        ("From reducing inflammation and boosting immunity to supporting heart health, turmeric does it all.", False),
        ("Turmeric helps by reducing inflammation, promoting the growth of beneficial gut bacteria.", False),
        # near miss: inflammation reduced to relieve a disease's symptoms
        ("Chronic inflammation drives arthritis. By reducing inflammation, turmeric capsules may ease symptoms.", True),
        # a quoted saying about disease in general; a claim after it is read as ever
        ('As the saying goes, "All disease begins in the gut," and turmeric capsules may support digestion.', False),
        ('As the saying goes, "All disease begins in the gut," and turmeric capsules cure Crohn\'s disease.', True),
    ],
)
def test_general_benefits_and_sayings_on_a_seller_page(sentence, claim):
    assert bool(post(sentence)) is claim


ADVERTORIAL = """<html><head><title>{title}</title></head><body>
<h1>{title}</h1>
<p>Being a gardener, my hands matter to me. Years ago I began to develop arthritis in my hands.</p>
<p><a href="https://shop.example.com/order/">{button}</a></p>
<p>I wanted the best fish oil supplement available, and omega-3 supplements are what I chose.</p>
</body></html>
"""


@pytest.mark.parametrize(
    ("title", "button", "lines"),
    [
        # a testimonial's title that claims, and a buy button: an advertorial, its story read as a label's claims
        ("How Acme Oil Relieved My Inflammation", "GET 50% OFF YOUR FIRST BOX NOW!", [1, 2, 3]),
        # near misses: the same title with a plain link (no product recommended), and a listicle's title
        ("How Acme Oil Relieved My Inflammation", "our story", [1, 2]),
        ("How Acme Oil Relieved Inflammation for Thousands", "GET 50% OFF YOUR FIRST BOX NOW!", [1, 2]),
        ("My Favorite Fish Oil Supplements for Arthritis", "GET 50% OFF YOUR FIRST BOX NOW!", [1, 2]),
    ],
)
def test_a_testimonial_advertorial_is_read_as_a_label(tmp_path, title, button, lines):
    page = tmp_path / "story.html"
    page.write_text(ADVERTORIAL.format(title=title, button=button), encoding="utf-8")
    ran = run_cli("check", str(page), "--select", "SUP404", "--output-format", "json", "--exit-zero")
    assert ran.returncode == 0, ran.stderr
    assert sorted({f["line"] for f in json.loads(ran.stdout)}) == lines


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Since I started taking it, my flare-ups have become almost non-existent.", True),
        ("Our cream helps reduce eczema flare-ups.", True),
        ("Stress and cold weather can trigger flare-ups.", False),
    ],
)
def test_flare_ups_ended_are_a_disease_sign_acted_on(sentence, claim):
    assert bool(post(sentence)) is claim
